"""Reading documents: every input gives a Document or an InputError naming it."""
from __future__ import annotations

import io
import json
import logging
import os
import sys
import time
from pathlib import Path

import pytest

from partnergraph.errors import InputError
from partnergraph.loaders import read as read_mod
from partnergraph.loaders.clean import is_boilerplate
from partnergraph.loaders.read import MAX_BYTES, read_paths, read_text_document
from partnergraph.model import Document, document_id

DATA = Path(__file__).parent / "data"

ARTICLE = ("Hanbit University and Daejeon Bio Institute open a joint battery lab\n\n"
           "Hanbit University signed an agreement with the Daejeon Bio Institute on Monday to open a joint "
           "laboratory for solid-state battery research.\n\n"
           "The city of Daejeon will provide 1 billion won for a testing facility over three years.\n")
KOREAN = ("한빛대학교, 대전바이오연구원과 공동연구 협약 체결\n\n"
          "한빛대학교는 대전바이오연구원과 차세대 전지 소재 공동연구를 위한 업무협약을 체결했다고 3일 밝혔다.\n"
          "양 기관은 앞으로 4년간 연구 장비를 공동으로 활용하고 대학원생 교류를 확대할 계획이다.\n")


def read_one(path: Path | str, **kw) -> Document | InputError:
    items = list(read_paths([str(path)], **kw))
    assert len(items) == 1, items
    return items[0]


def expect_error(path: Path | str, reason: str, **kw) -> InputError:
    item = read_one(path, **kw)
    assert isinstance(item, InputError), item
    assert str(item).startswith(str(path)), str(item)      # the message names the file
    assert reason in item.reason, item.reason
    assert "\n" not in str(item)                            # one line
    return item


# ------------------------------------------------------------------ text
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes((ARTICLE + KOREAN).encode(encoding))
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.name == "article.txt" and doc.source == str(path.resolve())
    assert doc.text == (ARTICLE + KOREAN).strip()
    assert doc.title == "Hanbit University and Daejeon Bio Institute open a joint battery lab"
    assert doc.id == document_id(doc.text)


@pytest.mark.parametrize("encoding", ["cp949", "euc-kr"])
def test_korean_legacy_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "korean.txt"
    path.write_bytes(KOREAN.encode(encoding))
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert doc.text == KOREAN.strip()


def test_cp949_only_characters(tmp_path: Path) -> None:
    # "똠방각하" uses syllables outside EUC-KR (KS X 1001): only CP949 decodes them.
    text = "똠방각하 연구소와 한빛대학교가 공동연구 협약을 맺었다.\n" + KOREAN
    path = tmp_path / "k.md"
    path.write_bytes(text.encode("cp949"))
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert doc.text.startswith("똠방각하 연구소와")


def test_empty_and_whitespace(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b" \n\t\r\n  \n")
    expect_error(tmp_path / "empty.txt", "empty document")
    expect_error(tmp_path / "blank.md", "empty document")


def test_only_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("본문 바로가기\nText Size\nClose\n© 2025 Campus Wire. All rights reserved.\nTop\n")
    expect_error(path, "no article text after removing page boilerplate")


def test_binary_files(tmp_path: Path) -> None:
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    expect_error(png, "binary file, not a text document")
    noisy = tmp_path / "noise.md"           # no NUL byte, but mostly control bytes
    noisy.write_bytes(bytes(b % 31 + 1 for b in os.urandom(4000)))
    expect_error(noisy, "binary file")


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Hanbit University \xff\xfe\xfa\xfb\x81\x81\xfe agreement \xc3\x28 " * 20)
    expect_error(path, "not valid UTF-8 and no reliable encoding found")
    broken = tmp_path / "broken-utf8.txt"     # one corrupt byte must not make it "CP1251"
    utf8 = KOREAN.encode("utf-8")
    broken.write_bytes(utf8[:40] + b"\xff" + utf8[40:])
    expect_error(broken, "mostly UTF-8 with corrupt bytes")


@pytest.mark.parametrize("text, encoding", [
    ("The university’s president said “we agree” at the signing ceremony on Monday.", "cp1252"),
    ("Die Universität München und die Technische Universität Dresden unterzeichnen einen Vertrag.", "cp1252"),
    ("Университет подписал соглашение с институтом в понедельник. Ректор сказал, что это важно.", "cp1251"),
])
def test_other_legacy_encodings(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert doc.text == text


def test_mojibake(tmp_path: Path) -> None:
    utf8_as_cp1252 = tmp_path / "m1.txt"
    utf8_as_cp1252.write_text(KOREAN.encode("utf-8").decode("cp1252", errors="replace"), encoding="utf-8")
    expect_error(utf8_as_cp1252, "mojibake")
    euckr_as_latin1 = tmp_path / "m2.txt"
    euckr_as_latin1.write_text(KOREAN.encode("cp949").decode("latin-1"), encoding="utf-8")
    expect_error(euckr_as_latin1, "mojibake")
    quotes = tmp_path / "m3.txt"
    quotes.write_text(("The university’s president said “we agree” at the signing. " * 3)
                      .encode("utf-8").decode("latin-1"), encoding="utf-8")
    expect_error(quotes, "mojibake")
    french = tmp_path / "ok.txt"            # real accented text is not mojibake
    french.write_text("Le « café » de l’université… voilà “Sé”. L'École accepte l'accord.\n" * 5)
    assert isinstance(read_one(french), Document)


def test_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:               # a sparse 50 MB file: not read, rejected by size
        f.truncate(50 * 1024 * 1024)
    err = expect_error(big, "too large")
    assert f"{MAX_BYTES:,}" in err.reason
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE)
    expect_error(small, "too large", max_bytes=100)


def test_missing_file() -> None:
    expect_error("/nonexistent/dir/article.txt", "no such file or directory")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    try:
        expect_error(path, "permission denied")
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    expect_error(fifo, "not a regular file")


def test_unknown_extension_given_explicitly_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "NOTES"
    path.write_text(ARTICLE)
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.name == "NOTES"


def test_board_page_date_and_text() -> None:
    doc = read_one(DATA / "board_ko.txt")
    assert isinstance(doc, Document)
    assert doc.date == "2025-11-03"
    assert doc.title == "한빛대학교, 대전바이오연구원과 공동연구 협약 체결"
    assert "작성자" not in doc.text


# ------------------------------------------------------------------ HTML
def test_html_main_content_and_metadata() -> None:
    doc = read_one(DATA / "article.html")
    assert isinstance(doc, Document), doc
    assert doc.title == "Hanbit University opens battery lab with Daejeon Bio Institute"
    assert doc.url == "https://campuswire.example/news/2025/battery-lab"
    assert doc.date == "2025-11-03"
    assert "signed an agreement with the Daejeon Bio Institute" in doc.text
    assert doc.text.startswith("Hanbit University opens battery lab")
    for leak in ("MUST_NOT_LEAK", "window.__STATE__", "font-weight", "Log in", "Skip to content",
                 "All rights reserved", "tops regional employment ranking"):
        assert leak not in doc.text


def test_html_huge_inline_data_never_reaches_text(tmp_path: Path) -> None:
    blob = "iVBORw0KGgoAAAANSUhEUg" * 100_000                          # ~2 MB of base64
    state = json.dumps({"items": [{"id": i, "title": f"headline {i}"} for i in range(20_000)]})
    html = (f"<html><head><title>Lab opens</title><script>var s = {state};</script></head><body><article>"
            f"<h1>Hanbit University opens a battery lab</h1>"
            f"<p>Hanbit University signed an agreement with the Daejeon Bio Institute to open a joint battery "
            f"laboratory, the university said on Monday.</p><div class='data'>{blob}</div>"
            f"<p>The city of Daejeon will provide 1 billion won for a testing facility over three years.</p>"
            f"<img src='data:image/png;base64,{blob[:100_000]}'></article></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html)
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert "iVBORw0KGgo" not in doc.text and "headline 19999" not in doc.text
    assert "testing facility" in doc.text
    assert len(doc.text) < 2000


def test_html_in_euc_kr_with_meta_charset(tmp_path: Path) -> None:
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">'
            '<title>협약 체결</title></head><body><article><h1>한빛대학교 협약 체결</h1>'
            + "".join(f"<p>{line}</p>" for line in KOREAN.splitlines()[2:]) + "</article></body></html>")
    path = tmp_path / "ko.htm"
    path.write_bytes(html.encode("cp949"))
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert "업무협약을 체결했다고" in doc.text


def test_html_fallback_extractor_drops_chrome_and_scripts() -> None:
    from selectolax.lexbor import LexborHTMLParser

    html = ("<html><body><header>Campus Wire</header><nav>Home Login</nav><main><h1>Lab opens</h1>"
            "<p>Hanbit University signed an <b>agreement</b>\n with the institute.</p>"
            "<script>var leak = 'SCRIPT';</script><div>Second block.</div></main>"
            "<aside>Related</aside><footer>Copyright</footer></body></html>")
    tree = LexborHTMLParser(read_mod._BLOCK_END.sub(lambda m: m.group(0) + read_mod._BREAK, html))
    text = read_mod._html_fallback_text(tree)
    assert text == "Lab opens\nHanbit University signed an agreement with the institute.\nSecond block."


def test_html_main_path_is_trafilatura() -> None:
    # The fixture must go through trafilatura, not silently through the fallback.
    text = read_mod._trafilatura_text((DATA / "article.html").read_text())
    assert text and "signed an agreement with the Daejeon Bio Institute" in text


def test_html_hostile_nesting_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "<p>Hanbit University signed.</p>" + "</body></html>")
    t = time.perf_counter()
    expect_error(path, "nested more than 5,000 levels deep")
    assert time.perf_counter() - t < 2.0


def test_html_with_too_many_elements_uses_the_fallback(tmp_path: Path) -> None:
    paras = "".join(f"<p>Hanbit University signed agreement number {i} with the Daejeon Bio Institute.</p>"
                    for i in range(read_mod.TRAFILATURA_MAX_ELEMENTS + 1000))
    html = f"<html><body><nav>Home</nav><article>{paras}</article><script>var x='LEAK';</script></body></html>"
    assert read_mod._trafilatura_text(html) is None
    path = tmp_path / "huge.html"
    path.write_text(html)
    t = time.perf_counter()
    doc = read_one(path)
    assert time.perf_counter() - t < 10.0
    assert isinstance(doc, Document), doc
    assert "agreement number 30999 with" in doc.text and "LEAK" not in doc.text


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text("<html><head><script>render()</script></head><body><div id='root'></div></body></html>")
    expect_error(path, "no text in this HTML page")


# ------------------------------------------------------------------- PDF
def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer (Helvetica), written by hand."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({esc}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> >> >>"),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF_LINES = ["Hanbit University opens a joint battery lab",
             "Hanbit University signed an agreement with the Daejeon Bio Institute.",
             "Page 1 of 1"]


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "release.pdf"
    path.write_bytes(make_pdf(PDF_LINES))
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert "signed an agreement with the Daejeon Bio Institute" in doc.text
    assert "Page 1 of 1" not in doc.text


def _encrypt(tmp_path: Path, user: str, owner: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PDF_LINES))))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="RC4-128")
    path = tmp_path / f"enc-{user or 'none'}.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    return path


def test_encrypted_pdf(tmp_path: Path) -> None:
    expect_error(_encrypt(tmp_path, "secret", "owner"), "encrypted PDF")


def test_pdf_with_owner_password_only_opens(tmp_path: Path) -> None:
    doc = read_one(_encrypt(tmp_path, "", "owner"))
    assert isinstance(doc, Document), doc
    assert "Daejeon Bio Institute" in doc.text


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    path = tmp_path / "scan.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    expect_error(path, "no text layer (scanned PDF?); run OCR first")


def test_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"garbage " * 100)
    expect_error(path, "PDF")


# ----------------------------------------------------------------- JSONL
def test_jsonl_good_and_broken_lines() -> None:
    items = list(read_paths([str(DATA / "docs.jsonl")]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document", "Document"]
    first, err, third, fifth = items
    assert first.name == "lab-agreement" and first.title == "Battery lab"
    assert first.url == "https://campuswire.example/a" and first.date == "2025-11-03"
    assert first.source == f"{(DATA / 'docs.jsonl').resolve()}#1"
    assert str(err).startswith(f"{DATA / 'docs.jsonl'}:2:") and "broken JSON" in err.reason
    assert third.name == "42" and third.text == "Daejeon City will fund a testing facility at the Daejeon Bio Institute."
    assert fifth.name == "docs.jsonl#5"


def test_jsonl_line_errors(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    long_text = "Hanbit University signed an agreement. " * 100
    path.write_bytes(b"\n".join([
        json.dumps({"text": ARTICLE}).encode(),
        b"[1, 2, 3]",
        json.dumps({"title": "no text"}).encode(),
        json.dumps({"text": "   "}).encode(),
        b'{"text": "caf\xe9"}',
        json.dumps({"text": long_text}).encode(),
        json.dumps({"text": KOREAN, "name": "ko"}, ensure_ascii=False).encode(),
    ]) + b"\n")
    items = list(read_paths([str(path)], max_bytes=3000))
    kinds = [(type(i).__name__, getattr(i, "reason", getattr(i, "name", ""))) for i in items]
    assert kinds[0] == ("Document", "mixed.jsonl#1")
    assert "not a JSON object" in kinds[1][1] and 'no "text"' in kinds[2][1]
    assert kinds[3][1] == "empty document" and "not valid UTF-8" in kinds[4][1]
    assert "longer than the 3000-byte limit" in kinds[5][1]
    assert kinds[6] == ("Document", "ko")
    assert [str(i).split(": ")[0] for i in items if isinstance(i, InputError)] == \
        [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]


def test_empty_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n")
    expect_error(path, "empty JSON Lines file")


# ---------------------------------------------------------------- folders
def test_folder_with_good_and_bad_files(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "nested.md").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE.replace("1 billion", "2 billion"))
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "d.txt").write_bytes(b"")
    (tmp_path / "e.html").write_text((DATA / "article.html").read_text())
    (tmp_path / "f.jsonl").write_text((DATA / "docs.jsonl").read_text())
    (tmp_path / "g.pdf").write_bytes(make_pdf(PDF_LINES))
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text(ARTICLE)
    with caplog.at_level(logging.INFO, logger="partnergraph.loaders.read"):
        items = list(read_paths([str(tmp_path)]))
    summary = [(i.name if isinstance(i, Document) else "ERR " + Path(i.source).name) for i in items]
    # sorted by relative path: b/nested.md sits between a.txt and c.txt
    assert summary == ["a.txt", "nested.md", "ERR c.txt", "ERR d.txt", "e.html", "lab-agreement",
                       "ERR f.jsonl:2", "42", "f.jsonl#5", "g.pdf"]
    assert [r.getMessage() for r in caplog.records if "skipped" in r.getMessage()] == [
        f"{tmp_path}: skipped 2 file(s) with extensions partnergraph does not read (.docx x1, .png x1)"]
    assert list(map(str, read_paths([str(tmp_path)]))) == list(map(str, items))   # deterministic


def test_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    items = list(read_paths([str(tmp_path / "a.txt"), str(tmp_path), str(tmp_path / "a.txt")]))
    assert len(items) == 1


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "readme.rst").write_text("x")
    expect_error(tmp_path, "no documents in this folder")


def test_seed_articles(seeds_dir: Path) -> None:
    items = list(read_paths([str(seeds_dir)]))
    files = sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert [i.name for i in items if isinstance(i, Document)] == files, items
    for doc in items:
        original = (seeds_dir / doc.name).read_text(encoding="utf-8")
        original_lines = set(original.replace("\r\n", "\n").split("\n"))
        kept = [ln for ln in doc.text.split("\n") if ln.strip()]
        assert kept, doc.name
        for line in kept:
            assert line in original_lines, (doc.name, line)
            assert not is_boilerplate(line), (doc.name, line)
            for chrome in ("본문 바로가기", "bar_progress", "Text Size", "All rights reserved", "©",
                           "Related articles", "Join us on social", "작성자", "첨부파일"):
                assert chrome not in line, (doc.name, line)
        # the "Related articles" headline list is gone: every document ends with a sentence
        assert kept[-1].rstrip().endswith((".", "”", '"', "다.")), (doc.name, kept[-1])
        assert doc.text == doc.text.strip()


# ------------------------------------------------------------------ stdin
def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, ("Text Size\n" + ARTICLE).encode("utf-8"))
    doc = read_one("-")
    assert isinstance(doc, Document) and doc.name == "stdin"
    assert doc.text == ARTICLE.strip()


def test_stdin_cp949(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, KOREAN.encode("cp949"))
    doc = read_one("-")
    assert isinstance(doc, Document) and doc.text == KOREAN.strip()


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\n" + (DATA / "docs.jsonl").read_bytes())
    items = list(read_paths(["-"]))
    assert [getattr(i, "name", None) for i in items] == ["lab-agreement", None, "42", "stdin#6"]
    assert str(items[1]).startswith("<stdin>:3:")


def test_stdin_html_and_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, (DATA / "article.html").read_bytes())
    doc = read_one("-")
    assert isinstance(doc, Document) and "MUST_NOT_LEAK" not in doc.text
    _stdin(monkeypatch, b"")
    err = read_one("-")
    assert isinstance(err, InputError) and str(err) == "<stdin>: empty document"


def test_stdin_without_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE))
    doc = read_one("-")
    assert isinstance(doc, Document) and doc.text == ARTICLE.strip()
    monkeypatch.setattr(sys, "stdin", None)
    err = read_one("-")
    assert isinstance(err, InputError) and str(err).startswith("<stdin>: no standard input")


# ----------------------------------------------------- read_text_document
def test_read_text_document() -> None:
    doc = read_text_document("Text Size\n" + ARTICLE, "x.txt", "/data/x.txt", title="T", url="u",
                             date="March 4, 2025")
    assert (doc.name, doc.source, doc.title, doc.url, doc.date) == ("x.txt", "/data/x.txt", "T", "u", "2025-03-04")
    assert doc.text == ARTICLE.strip()
    with pytest.raises(InputError, match=r"^/data/y.txt: empty document$"):
        read_text_document("  \n", "y.txt", "/data/y.txt")
    with pytest.raises(InputError, match="no article text"):
        read_text_document("Text Size\nClose", "z.txt")


def test_same_text_under_two_names_has_one_id(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.txt").write_text(ARTICLE.replace("\n", "\r\n"))
    a, b = read_paths([str(tmp_path)])
    assert a.id == b.id and a.name != b.name
