"""Entity finding and resolution on short sentences written for these tests (invented
names): how news phrases a name (possessives, appositions, titles left out), and
what must not become an entity."""
from __future__ import annotations

from partnergraph.loaders.extract import extract
from partnergraph.loaders.read import read_text_document


def ents(text: str) -> dict[str, object]:
    doc = read_text_document(text, name="t.txt", source="t.txt")
    x = extract(doc)
    return {e.name: e for e in x.entities}


def by_id(text: str) -> dict[str, object]:
    doc = read_text_document(text, name="t.txt", source="t.txt")
    return {e.id: e for e in extract(doc).entities}


def test_possessive_known_name_is_the_parent_of_its_unit():
    es = ents("The grant went to Kyung Hee University's College of Dentistry last week.\n\n"
              "A team from PNU's College of Marine Science joined.\n")
    unit = es["Kyung Hee University College of Dentistry"]
    assert unit.parent == es["Kyung Hee University"].id
    assert "Kyung Hee University's" not in es["Kyung Hee University"].aliases
    assert es["Pusan National University College of Marine Science"].parent == es["Pusan National University"].id


def test_possessive_pattern_name_is_the_parent_of_its_unit():
    es = ents("Students will be taught by Varnaland State University's Faculty of Oriental Studies.\n")
    unit = es["Varnaland State University Faculty of Oriental Studies"]
    assert unit.parent == es["Varnaland State University"].id
