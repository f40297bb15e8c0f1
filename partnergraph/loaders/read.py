"""Read documents from files, folders, JSON Lines and stdin into cleaned ``Document``s.

Stage one of the pipeline.  Every input ends as exactly one of two things, in a
deterministic order: a :class:`~partnergraph.model.Document` whose ``text`` is the
cleaned article (see :mod:`partnergraph.loaders.clean`), or an
:class:`~partnergraph.errors.InputError` that names the file and says what was wrong.
Errors are *yielded*, not raised, so one bad file never stops a run and is never skipped
in silence; the caller prints them and sets the exit code.

Formats, by extension: ``.txt``/``.md`` (UTF-8, else a detected legacy encoding such as
CP949), ``.html``/``.htm`` (main content by trafilatura, with a selectolax fallback),
``.pdf`` (pypdf text layer), ``.jsonl`` (one document per line).  A file with another
extension given by name is read as text; in a folder walk it is counted and skipped (one
INFO log line), as are hidden files and folders.

>>> from partnergraph.loaders.read import read_text_document
>>> read_text_document("Text Size\\nHanbit University signed an agreement.", "a.txt").text
'Hanbit University signed an agreement.'
"""
from __future__ import annotations

import codecs
import io
import json
import logging
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO

from partnergraph.errors import InputError
from partnergraph.loaders.clean import _DATE_RE, _iso, clean_with_meta
from partnergraph.model import Document

__all__ = ["MAX_BYTES", "KNOWN_EXTENSIONS", "read_paths", "read_text_document", "decode_text"]

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
"""Largest document accepted (bytes of one file, or of one JSONL line).  Bigger inputs are
an InputError: real articles are far smaller, and parsing a huge file would stall a run."""

TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
KNOWN_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + (".pdf", ".jsonl")

_SNIFF = 8192

# ------------------------------------------------------------------ errors
_MSG_EMPTY = "empty document"
_MSG_BINARY = "binary file, not a text document"
_MSG_ENCODING = ("not valid UTF-8 and no reliable encoding found; re-save it as UTF-8")
_MSG_MOJIBAKE = ("garbled text (mojibake: the text was decoded with the wrong encoding before it was "
                 "saved); re-export it from the source as UTF-8")
_MSG_BOILERPLATE = "no article text after removing page boilerplate"


# ---------------------------------------------------------------- decoding
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0, 8), 11, *range(14, 27), *range(28, 32), 127])
# Candidates for mojibake; each is confirmed by undoing it (see _is_mojibake).
#  * UTF-8 read as CP1252/Latin-1 and saved again: "Ã©", "â€™", "ì•ˆ", "ê°€" ...
#  * EUC-KR/CP949 read as Latin-1: runs of accented letters with no ASCII between.
_MOJI_UTF8 = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}")
# X X{3,} rather than X{4,} (the same matches): beginning with a class, not a repeat,
# it lets re skip to the next candidate instead of trying every position.
_MOJI_KO = re.compile("[\u00a1-\u00fe][\u00a1-\u00fe]{3,}")
# Every match of both patterns begins with one of these.
_MOJI_START = re.compile("[\u00a1-\u00fe]")


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 5% control bytes, in the first 8 KiB."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls * 20 > len(head)


def _undoes(chunk: str, wrong: str, right: str) -> bool:
    try:
        fixed = chunk.encode(wrong).decode(right)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return not fixed.isascii()


def _is_mojibake(text: str) -> bool:
    """Garbled by a wrong decode before the file was saved.  A candidate counts only when
    re-encoding it the wrong way and decoding it the right way gives real text, so "café”"
    in a French quote is not mistaken for mojibake.

    Both scans start at the first character that can begin a match (most articles have
    none, or only a "©" near the end): one quick scan for it instead of two over the
    whole text, the second of which (a repeat first) was tried at every position."""
    hits = 0
    first = _MOJI_START.search(text)
    start = first.start() if first else len(text)
    for m in _MOJI_UTF8.finditer(text, start):
        chunk = m.group()
        if _undoes(chunk, "cp1252", "utf-8") or _undoes(chunk, "latin-1", "utf-8"):
            hits += 1
            if hits >= 3:
                return True
    for m in _MOJI_KO.finditer(text, start):
        chunk = m.group()
        if _undoes(chunk[: len(chunk) // 2 * 2], "latin-1", "cp949"):
            hits += 2
            if hits >= 3:
                return True
    if hits and len(text) < 200:
        return True
    return text.count("\ufffd") >= 3      # replacement characters from an earlier lossy decode


def decode_text(data: bytes, where: str) -> str:
    """Bytes of a text document to str: UTF-8 (BOM or not) first, UTF-16 with a BOM,
    else the encoding charset-normalizer is sure of (EUC-KR/CP949 are common in Korean
    sources).  Raises InputError for binary or undecodable input; garbled text (mojibake)
    is caught later, for every format, when the Document is built."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(where, _MSG_ENCODING) from None
    else:
        if _looks_binary(data):
            raise InputError(where, _MSG_BINARY)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _detect(data, where)
    return text


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HANGUL = re.compile("[\uac00-\ud7a3]")
# Non-ASCII characters that real Western (CP1252) text is made of.
_WESTERN = re.compile("[^\x00-\x7f\u00a0-\u00ff\u2018-\u201e\u2013\u2014\u2022\u2026\u20ac\u2122\u0152\u0153\u0160\u0161\u0178]")
# When charset-normalizer finds several equally clean decodings, the common one wins.
_PREFERRED = ("cp1252", "cp1251", "cp1250", "cp932", "gb18030", "big5", "cp1253", "cp1254", "cp1255",
              "cp1256", "cp1257", "cp1258", "koi8_r", "iso8859_15")


def _detect(data: bytes, where: str) -> str:
    """Decode bytes that are not UTF-8, or raise InputError when no decoding is reliable.

    Order matters: a file that is *almost* UTF-8 is a broken UTF-8 file (guessing a legacy
    code page would garble every non-ASCII character); Korean CP949/EUC-KR is the common
    legacy case here and is checked on its own (it must decode to mostly Hangul); the rest
    goes to charset-normalizer, whose single-byte guesses are accepted only when clean.
    """
    high = sum(1 for b in data[:65536] if b >= 0x80)
    in_utf8 = sum(len(m) for m in _UTF8_SEQ.findall(data[:65536]))
    if high and in_utf8 >= 0.8 * high:
        raise InputError(where, _MSG_ENCODING + " (it is mostly UTF-8 with corrupt bytes)")
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        pass
    else:
        non_ascii = sum(1 for c in text if ord(c) > 0x7f)
        if non_ascii and len(_HANGUL.findall(text)) >= 0.7 * non_ascii:
            return text
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        # Western text: typographic punctuation and accented letters *among* ASCII ones
        # (Cyrillic or Greek read as CP1252 would be almost all accented letters).
        accented = sum(1 for c in text if c > "\x7f" and c.isalpha())
        if not _WESTERN.search(text) and accented <= 0.3 * sum(1 for c in text if c.isalpha()):
            return text
    import charset_normalizer

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None or best.chaos > 0.1 or (best.coherence < 0.3 and best.encoding not in _MULTIBYTE):
        raise InputError(where, _MSG_ENCODING)
    encoding = best.encoding
    clean = {m.encoding for m in matches if m.chaos <= best.chaos + 0.01}
    encoding = next((e for e in _PREFERRED if e in clean), encoding)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(where, _MSG_ENCODING) from None


_MULTIBYTE = frozenset({"cp949", "euc_kr", "cp932", "shift_jis", "euc_jp", "gb18030", "gb2312", "gbk", "big5",
                        "big5hkscs", "iso2022_jp", "iso2022_kr", "johab", "hz"})


# ----------------------------------------------------------- documents
def _title_guess(cleaned: str) -> str | None:
    """Among the first three lines, the first that reads like a headline: three words or
    more, at most 200 characters, no final full stop (a section label is too short)."""
    for line in [ln for ln in cleaned.split("\n", 6) if ln.strip()][:3]:
        line = line.strip().lstrip("#").strip()
        if 3 <= len(line.split()) and len(line) <= 200 and not line.endswith((".", "。")):
            return line
    return None


def _build(text: str, name: str, source: str, where: str, meta: dict[str, Any]) -> Document:
    if not text.strip():
        raise InputError(where, _MSG_EMPTY)
    if _is_mojibake(text):
        raise InputError(where, _MSG_MOJIBAKE)
    ctrl = _CONTROL.findall(text[:_SNIFF])
    if ctrl and len(ctrl) * 20 > len(text[:_SNIFF]):
        raise InputError(where, _MSG_BINARY)
    cleaned, found = clean_with_meta(text)
    if not cleaned.strip():
        raise InputError(where, _MSG_BOILERPLATE)
    title = meta.get("title") or _title_guess(cleaned)
    date = _norm_date(meta.get("date")) or found.get("date")
    return Document.from_text(cleaned, name=name, source=source or name, title=title,
                              url=meta.get("url") or None, date=date, raw_chars=len(text))


def read_text_document(text: str, name: str, source: str = "", **meta: Any) -> Document:
    """Clean plain text and build the Document (used by JSONL lines, stdin, and tests).

    ``meta`` may carry ``title``, ``url``, ``date`` (kept when given; a date found in
    board metadata fills ``date`` otherwise).  Raises InputError, naming ``source`` (or
    ``name``), when the text is empty or nothing but page boilerplate.
    """
    return _build(text, name, source, source or name, meta)


def _norm_date(value: Any) -> str | None:
    """ISO-ish dates to ``YYYY-MM-DD``; anything else (not a date) to None."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _DATE_RE.search(value)
    return _iso(m) if m else None


# ------------------------------------------------------------------ HTML
_BLOCK_END = re.compile(
    r"(</(?:p|div|li|h[1-6]|tr|td|th|section|article|blockquote|pre|dd|dt|table|ul|ol|figure|figcaption"
    r"|header|footer|main|aside|nav)\s*>|<br\s*/?>|<hr\s*/?>)", re.I)
_BREAK = "\ue000"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_DROP_TAGS = ["script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
              "nav", "header", "footer", "aside", "form", "button", "select", "textarea", "input"]


def _decode_html(data: bytes, where: str) -> str:
    if _looks_binary(data) and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(where, _MSG_BINARY)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = {"euc-kr": "cp949", "euc_kr": "cp949", "ks_c_5601-1987": "cp949", "iso-8859-1": "cp1252",
               "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252"}.get(enc, enc)
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_text(data, where)


def _html_meta(tree: Any) -> dict[str, str | None]:
    """Title, canonical URL and publication date from the page's own markup."""
    def attr(selector: str, name: str) -> str | None:
        node = tree.css_first(selector)
        value = node.attributes.get(name) if node is not None else None
        return value.strip() if value and value.strip() else None

    title = (attr('meta[property="og:title"]', "content") or attr('meta[name="twitter:title"]', "content"))
    if not title:
        node = tree.css_first("title")
        title = " ".join(node.text().split()) if node is not None and node.text().strip() else None
    url = attr('link[rel="canonical"]', "href") or attr('meta[property="og:url"]', "content")
    date = None
    for selector in ('meta[property="article:published_time"]', 'meta[name="article:published_time"]',
                     'meta[itemprop="datePublished"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]',
                     'meta[name="date"]', 'meta[name="DC.date.issued"]', 'meta[name="dc.date"]',
                     'meta[property="og:published_time"]', 'meta[name="parsely-pub-date"]'):
        date = _norm_date(attr(selector, "content"))
        if date:
            break
    if not date:
        for node in tree.css('script[type="application/ld+json"]'):
            raw = node.text()
            if len(raw) > 200_000:
                continue
            m = re.search(r'"datePublished"\s*:\s*"([^"]{8,40})"', raw)
            if m and (date := _norm_date(m.group(1))):
                break
    if not date:
        date = _norm_date(attr("time[datetime]", "datetime"))
    return {"title": title, "url": url, "date": date}


def _html_fallback_text(tree: Any) -> str:
    """Text of <article>/<main>/<body> without scripts and page chrome, one line per block."""
    tree.strip_tags(_DROP_TAGS)
    node = tree.css_first("article") or tree.css_first("main") or tree.body
    if node is None:
        return ""
    text = node.text(separator=" ", strip=False)
    lines = (" ".join(part.split()) for part in text.split(_BREAK))
    return "\n".join(line for line in lines if line)


_CONTAINER_TAG = re.compile(r"<(/?)(?:div|section|article|main|span|table|blockquote|ul|ol|dl|form)\b", re.I)
MAX_HTML_DEPTH = 5000
"""Container nesting beyond this is a malformed or hostile page: HTML5 parsers take time
quadratic in the depth (100,000 nested <div>s cost selectolax ~20 s), real pages stay
below a few hundred."""
TRAFILATURA_MAX_ELEMENTS = 30_000
"""trafilatura slows down super-linearly on huge trees (30k elements: ~1.5 s, 150k: ~30 s);
pages with more tags go straight to the linear selectolax fallback."""
_TAG_OPEN = re.compile(r"<[A-Za-z]")
_trafilatura_config = None


def _html_depth(html: str, limit: int) -> int:
    """Approximate container nesting depth (stops counting once past ``limit``)."""
    depth = deepest = 0
    for m in _CONTAINER_TAG.finditer(html):
        if m.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def _trafilatura_text(html: str, url: str | None = None) -> str | None:
    """Main content by trafilatura (None when it finds nothing, or the page has too many
    elements for it to finish quickly)."""
    global _trafilatura_config
    import trafilatura
    from trafilatura.settings import use_config

    if _trafilatura_config is None:
        cfg = use_config()
        cfg.set("DEFAULT", "MAX_FILE_SIZE", str(1 << 40))   # our own MAX_BYTES applies
        _trafilatura_config = cfg
    if len(_TAG_OPEN.findall(html)) > TRAFILATURA_MAX_ELEMENTS:
        return None
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                               deduplicate=False, with_metadata=False, config=_trafilatura_config)


def _read_html(data: bytes, name: str, source: str, where: str) -> Document:
    from lxml.etree import LxmlError
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    html = _decode_html(data, where)
    if not html.strip():
        raise InputError(where, _MSG_EMPTY)
    if _html_depth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH:
        raise InputError(where, f"HTML nested more than {MAX_HTML_DEPTH:,} levels deep (malformed or "
                                "hostile page); not read")
    tree = HTMLParser(html)
    meta = _html_meta(tree)
    try:
        body = _trafilatura_text(html, meta["url"])
    except (LxmlError, RecursionError) as exc:   # markup lxml cannot take: use the fallback
        log.debug("trafilatura failed on %s: %s", where, exc)
        body = None
    if not body or not body.strip():
        body = _html_fallback_text(HTMLParser(_BLOCK_END.sub(lambda m: m.group(0) + _BREAK, html)))
    if not body.strip():
        raise InputError(where, "no text in this HTML page (empty, or content drawn by scripts)")
    h1 = tree.css_first("h1")
    headline = " ".join(h1.text().split()) if h1 is not None else ""
    if headline and len(headline) <= 300 and headline not in body[:2000]:
        body = headline + "\n\n" + body          # the headline often states the partnership
    return _build(body, name, source, where, meta)


# ------------------------------------------------------------------- PDF
def _read_pdf(data: bytes, name: str, source: str, where: str) -> Document:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)    # malformed-PDF chatter is not ours
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise InputError(where, "encrypted PDF (AES); install the 'cryptography' package "
                                        "(pip install 'pypdf[crypto]') or save an unencrypted copy") from None
            if not opened:
                raise InputError(where, "encrypted PDF; save an unencrypted copy to read it")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (DependencyError, FileNotDecryptedError):
        raise InputError(where, "encrypted PDF; save an unencrypted copy to read it") from None
    except Exception as exc:   # pypdf raises many types on broken files; all mean "unreadable"
        raise InputError(where, f"not a readable PDF ({type(exc).__name__}: {exc})".replace("\n", " ")) from None
    text = "\n\n".join(p.strip("\n") for p in pages if p.strip())
    if not text.strip():
        raise InputError(where, "no text layer (scanned PDF?); run OCR first")
    meta: dict[str, Any] = {}
    try:
        info = reader.metadata
        if info and info.title and str(info.title).strip():
            meta["title"] = str(info.title).strip()
    except Exception:          # broken info dictionaries are common and harmless
        pass
    return _build(text, name, source, where, meta)


# ----------------------------------------------------------------- JSONL
def _iter_lines(fobj: BinaryIO, max_bytes: int, start: int = 0) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; bytes is None for a line over ``max_bytes``,
    which is skipped without holding it in memory.  ``start``: lines already consumed."""
    n = start
    while True:
        line = fobj.readline(max_bytes + 1)
        if not line:
            return
        n += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:                    # drain the rest of the over-long line
                chunk = fobj.readline(1 << 20)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield n, None
        else:
            yield n, line


def _jsonl_doc(raw: bytes, lineno: int, file_name: str, source: str, where: str) -> Document | InputError | None:
    here = f"{where}:{lineno}"
    if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    if not raw.strip():
        return None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return InputError(here, "not valid UTF-8 (JSON Lines files must be UTF-8)")
    try:
        obj = json.loads(line.strip())
    except json.JSONDecodeError as exc:
        return InputError(here, f"broken JSON line ({exc.msg} at column {exc.pos + 1})")
    if not isinstance(obj, dict):
        return InputError(here, 'not a JSON object; each line must be {"text": ...}')
    text = obj.get("text")
    if not isinstance(text, str):
        return InputError(here, 'no "text" string in this line')
    doc_name = next((str(obj[k]) for k in ("doc", "id", "name")
                     if isinstance(obj.get(k), (str, int)) and str(obj[k]).strip()), f"{file_name}#{lineno}")
    meta = {k: obj[k] for k in ("title", "url", "date") if isinstance(obj.get(k), str) and obj[k].strip()}
    try:
        return _build(text, doc_name, f"{source}#{lineno}", here, meta)
    except InputError as exc:
        return exc


def _read_jsonl_stream(fobj: BinaryIO, file_name: str, source: str, where: str,
                       max_bytes: int, start: int = 0) -> Iterator[Document | InputError]:
    any_line = False
    for lineno, raw in _iter_lines(fobj, max_bytes, start):
        if raw is None:
            any_line = True
            yield InputError(f"{where}:{lineno}", f"line longer than the {max_bytes}-byte limit per document")
            continue
        item = _jsonl_doc(raw, lineno, file_name, source, where)
        if item is not None:
            any_line = True
            yield item
    if not any_line:
        yield InputError(where, "empty JSON Lines file (no documents)")


# ----------------------------------------------------------------- files
def _too_big(size: int, max_bytes: int) -> str:
    return (f"too large ({size:,} bytes; the limit is {max_bytes:,} per document); "
            "split it, or raise the limit")


def _read_bytes(path: str, where: str, max_bytes: int) -> bytes:
    with open(path, "rb") as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(where, _too_big(len(data), max_bytes))
    return data


def _parse(data: bytes, kind: str, name: str, source: str, where: str) -> Document:
    if kind == "pdf" or (kind == "text" and data.startswith(b"%PDF-")):   # a PDF without .pdf
        return _read_pdf(data, name, source, where)
    if kind == "html":
        return _read_html(data, name, source, where)
    if not data.strip():
        raise InputError(where, _MSG_EMPTY)
    return _build(decode_text(data, where), name, source, where, {})


def _kind(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext == ".pdf":
        return "pdf"
    if ext == ".jsonl":
        return "jsonl"
    return "text"


def _os_error(where: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(where, "no such file or directory")
    if isinstance(exc, PermissionError):
        return InputError(where, "permission denied; check the file's permissions")
    if isinstance(exc, IsADirectoryError):
        return InputError(where, "is a directory")
    return InputError(where, f"cannot read ({exc.strerror or exc})")


def _read_file(path: str, where: str, max_bytes: int) -> Iterator[Document | InputError]:
    name = os.path.basename(path)
    source = os.path.abspath(path)
    kind = _kind(path)
    try:
        st = os.stat(path)
        if not os.path.isfile(path):
            yield InputError(where, "not a regular file")
            return
        if kind == "jsonl":
            with open(path, "rb") as f:
                yield from _read_jsonl_stream(f, name, source, where, max_bytes)
            return
        if st.st_size > max_bytes:
            yield InputError(where, _too_big(st.st_size, max_bytes))
            return
        data = _read_bytes(path, where, max_bytes)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield _os_error(where, exc)
        return
    try:
        yield _parse(data, kind, name, source, where)
    except InputError as exc:
        yield exc


def _walk(folder: str) -> tuple[list[str], Counter[str], list[InputError]]:
    """Known documents under ``folder`` (recursive, hidden entries skipped), sorted by
    their path relative to it, plus a count of skipped extensions and any folder errors."""
    found: list[tuple[tuple[str, ...], str]] = []
    skipped: Counter[str] = Counter()
    errors: list[InputError] = []

    def onerror(exc: OSError) -> None:
        errors.append(_os_error(exc.filename or folder, exc))

    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for fname in files:
            if fname.startswith("."):
                continue
            ext = os.path.splitext(fname)[1].lower()
            full = os.path.join(root, fname)
            if ext in KNOWN_EXTENSIONS:
                found.append((tuple(os.path.relpath(full, folder).split(os.sep)), full))
            else:
                skipped[ext or "(none)"] += 1
    found.sort()
    return [full for _, full in found], skipped, errors


# ----------------------------------------------------------------- stdin
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<!--)", re.I)


def _read_stdin(max_bytes: int) -> Iterator[Document | InputError]:
    where, name, source = "<stdin>", "stdin", "<stdin>"
    stream = sys.stdin
    if stream is None or getattr(stream, "closed", False):
        yield InputError(where, "no standard input to read (it is closed)")
        return
    buf: BinaryIO = getattr(stream, "buffer", None) or io.BytesIO(stream.read().encode("utf-8"))
    first = buf.readline(max_bytes + 1)
    blank_lines = 0
    while first and not first.strip() and len(first) <= max_bytes:
        blank_lines += 1
        first = buf.readline(max_bytes + 1)
    head = first.lstrip(codecs.BOM_UTF8 + b" \t\r\n")
    if head.startswith(b"{"):
        try:
            is_jsonl = isinstance(json.loads(head), dict)
        except (json.JSONDecodeError, UnicodeDecodeError):
            is_jsonl = False
        if is_jsonl:
            yield from _read_jsonl_stream(_Chain(first, buf), name, source, where, max_bytes, blank_lines)
            return
    data = first + buf.read(max_bytes + 1 - len(first))
    if len(data) > max_bytes:
        yield InputError(where, f"too large (over the {max_bytes:,}-byte limit per document); "
                                "split it, or raise the limit")
        return
    kind = "pdf" if data.startswith(b"%PDF-") else "html" if _HTML_START.match(data) else "text"
    try:
        yield _parse(data, kind, name, source, where)
    except InputError as exc:
        yield exc


class _Chain(io.RawIOBase):
    """A first line already read, followed by the rest of a binary stream."""

    def __init__(self, first: bytes, rest: BinaryIO):
        self._first, self._rest = first, rest

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        if self._first:
            line, self._first = self._first, b""
            return line
        return self._rest.readline(size if size is not None else -1)


# ------------------------------------------------------------------ entry
def read_paths(paths: Sequence[str], *, max_bytes: int = MAX_BYTES) -> Iterator[Document | InputError]:
    """Yield one cleaned Document per input document, or an InputError (partnergraph/errors.py)
    naming the file and the reason, in a deterministic order.

    paths: files, folders (recursive; sorted; only known extensions .txt .md .html .htm .pdf
    .jsonl; hidden files skipped), or "-" for stdin (text or JSONL sniffed).  A file reached
    twice (named and inside a named folder) is read once.
    """
    seen: set[str] = set()
    for path in paths:
        if path == "-":
            yield from _read_stdin(max_bytes)
            continue
        if os.path.isdir(path):
            files, skipped, errors = _walk(path)
            yield from errors
            if skipped:
                log.info("%s: skipped %d file(s) with extensions partnergraph does not read (%s)", path,
                         sum(skipped.values()), ", ".join(f"{e} x{n}" for e, n in sorted(skipped.items())))
            if not files and not errors:
                yield InputError(path, "no documents in this folder (looked for "
                                       + " ".join(KNOWN_EXTENSIONS) + ")")
            targets = [(f, f) for f in files]
        else:
            targets = [(path, path)]
        for full, where in targets:
            key = os.path.realpath(full)
            if key in seen:
                continue
            seen.add(key)
            yield from _read_file(full, where, max_bytes)
