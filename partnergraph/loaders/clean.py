"""Remove page boilerplate from an article's text by dropping whole lines.

Why whole lines: the extractor quotes sentences from the cleaned text as evidence, and the
scorer (and any reader) checks that a quote appears in the original document.  So cleaning
never edits a line; it only decides, line by line, whether the line is page chrome:

* navigation and UI strings ("본문 바로가기", "Text Size", "Share", a lone "?", widget ids
  such as ``bar_progress``), including rows made only of such words ("Facebook Twitter");
* copyright lines (©, "All rights reserved", 무단전재 및 재배포 금지 ...);
* bylines that stand alone ("By Jane Doe", "Reporter Kim Min-su", "[Daily Reporter Hong]",
  "홍길동 기자 hong@example.com"), photo credits ("Photo by ...", "사진=..."),
  e-mail-only and URL-only lines;
* board / CMS metadata (작성자, 작성일, 조회, 첨부파일 ...; "Posted on", "Tags:"),
  date-only lines and page numbers;
* "Related articles" / "Most read" / 관련기사 blocks: the header and the headline lines that
  follow it, up to the next line that reads like body text (a full sentence), or the end;
* inline data blobs (long runs of base64 / minified data with no spaces).

Decisions worth knowing:

* A bracketed byline that *prefixes* body text ("[Daily Reporter Hong] The district said
  ...") stays: dropping the line would lose the sentence, and editing it would break the
  verbatim rule.  The extractor ignores bracketed byline spans instead.
* Photo captions ("▲ View of the campus") stay: they often name people and organisations.
* Duplicate lines (a headline printed twice) stay: duplicates are harmless to extraction.
* Blank lines survive only as single separators between kept lines.

The publication date found in board metadata ("작성일 2026-02-12 16:56") would be lost with
the dropped line, so :func:`clean_with_meta` returns it beside the text (:func:`find_date`).

Speed matters (the extractor must stay above 500 documents/s/core): the regexes are
compiled once, long lines skip the checks that only short lines can match, and whole-line
UI strings are a set lookup.
"""
from __future__ import annotations

import functools
import re
from typing import Any

from .casefold import folds_differ

__all__ = ["clean_text", "clean_with_meta", "find_date", "is_boilerplate"]

# ---------------------------------------------------------------- UI strings
# Compared after _ui_key(): lower-cased, surrounding symbols stripped, spaces collapsed.
_UI_LINES = frozenset("""
본문 바로가기|본문으로 바로가기|본문 내용 바로가기|본문으로 이동|주메뉴 바로가기|주 메뉴 바로가기|메인메뉴 바로가기
|메뉴 바로가기|하단메뉴 바로가기|바로가기|로그인|로그아웃|회원가입|마이페이지|메뉴|전체메뉴|전체 메뉴|메뉴 열기|메뉴 닫기
|검색|검색하기|검색어 입력|검색어를 입력하세요|통합검색|상세검색|이전글|다음글|이전 글|다음 글|이전|다음|목록|목록보기
|목록으로|목록 보기|글목록|공유|공유하기|기사 공유하기|sns 공유|댓글|댓글쓰기|댓글 쓰기|댓글보기|인쇄|인쇄하기|프린트
|스크랩|글자크기|글자 크기|글씨크기|글씨 크기|폰트 크기|본문 글자 크기|글자크기 설정|확대|축소|닫기|맨위로|맨 위로|위로
|상단으로|top으로|홈|홈으로|사이트맵|구독|구독하기|카카오톡|카카오스토리|페이스북|트위터|네이버|네이버 블로그|밴드
|링크 복사|링크복사|url 복사|주소 복사|좋아요|추천|추천하기|신고|신고하기|광고|기사제보|제보하기|뉴스레터|오디오 듣기
|기사 듣기|음성으로 듣기|번역|더보기|더 보기|뒤로|뒤로가기|글쓰기|수정|삭제|답변|답글|기사 원문|원문보기|커뮤니티
|text size|font size|close|top|back to top|go to top|to top|skip to content|skip to main content|skip to main
|skip navigation|skip to navigation|jump to content|share|share this|share this article|share this story
|share on facebook|share on twitter|print|print this article|print this page|email|e-mail|email this article
|subscribe|subscribe now|sign in|sign up|log in|login|log out|logout|register|my account|menu|main menu|open menu
|close menu|search|search for|home|homepage|join us on social|follow us|follow us on|special coverage|advertisement
|ad|ads|sponsored|sponsored content|facebook|twitter|x|linkedin|kakaotalk|kakao|whatsapp|telegram|reddit|copy link
|copy url|link copied|url copied|listen|listen to this article|audio|previous|next|prev|comments|comment
|leave a comment|post a comment|reply|read more|more|see more|view more|show more|load more|community|newsletter
|sign up for our newsletter|loading|back|go back|list|view list|go to list|tags|tag|recommend|like|scrap|translate
|zoom in|zoom out|a+|a-|aa|bookmark|report|feedback|cookie settings|accept|accept all|accept all cookies
|we use cookies|please enable javascript|javascript is disabled|toggle navigation|navigation|breadcrumb
""".replace("\n", "").split("|"))

# A row made only of these words ("Share Print Email", "페이스북 트위터 카카오톡") is chrome.
_UI_WORDS = frozenset("""
share print email e-mail facebook twitter x linkedin kakaotalk kakao naver band whatsapp telegram reddit pinterest
instagram youtube tiktok copy link url subscribe login logout register sign in up log out menu search home top close
comments comment prev previous next list more listen font text size a+ a- aa zoom of the scrap like tweet rss
공유 공유하기 링크복사 주소복사 sns 인쇄 스크랩 페이스북 트위터 카카오톡 카카오스토리 네이버 밴드 블로그 링크 복사 로그인 로그아웃 회원가입
검색 메뉴 댓글 목록 이전글 다음글 닫기 글자크기 글자 크기 확대 축소 좋아요 구독 기사 듣기 url 홈 사이트맵
""".split())

_UI_STRIP = " \t\u00a0\u3000|·•∙・-–—>»«<[](){}:;,.!?/\\*#_=~+▶▷◀◁►■□◆◇○●◎※☞▲△▼▽…'\"“”‘’"
_WS = re.compile(r"\s+")
_UI_SPLIT = re.compile(r"[\s|·•/,]+")


def _ui_key(s: str) -> str:
    return _WS.sub(" ", s.strip(_UI_STRIP).lower())


def _is_ui(s: str) -> bool:
    """Whole line is a UI string, only symbols, or a row of UI words."""
    key = _ui_key(s)
    if not key or key in _UI_LINES:
        return True
    if len(key) <= 80:
        words = [w for w in _UI_SPLIT.split(key) if w.strip(_UI_STRIP)]
        if words and len(words) <= 10 and all(w.strip(_UI_STRIP) in _UI_WORDS for w in words):
            # "of"/"the"/"text" alone are words, not chrome: need one real UI word.
            return any(w not in _WEAK_UI_WORDS for w in words)
    return False


_WEAK_UI_WORDS = frozenset({"of", "the", "in", "up", "text", "size", "more", "x", "like", "list", "link", "기사"})

# ------------------------------------------------------------------ dates
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    r"(?:(?P<y>(?:19|20)\d{2})\s*(?:[-./]|년)\s*(?P<m>\d{1,2})\s*(?:[-./]|월)\s*(?P<d>\d{1,2})(?!\d)\s*일?"
    r"|(?P<mon>" + _MON + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d{2})"
    r"|(?P<d3>\d{1,2})\s+(?P<mon3>" + _MON + r"),?\s+(?P<y3>(?:19|20)\d{2}))"
)
_TIME = r"(?:\s*(?:T|\s)?\s*(?:오전|오후|am|pm)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:am|pm|[ap]\.m\.|kst|utc|gmt|z|[+-]\d{2}:?\d{2})?)?"
_PUB_LABEL = (r"(?:작성일(?:자|시)?|등록일(?:자|시)?|게시일(?:자|시)?|기사\s*입력|입력|발행일?|게재일?|승인|보도일(?:자|시)?"
              r"|날짜|일자|date(?:d)?|published(?:\s+(?:on|at|date))?|first published(?:\s+on)?|posted(?:\s+on)?"
              r"|release date|released(?:\s+on)?|publication date|issued(?:\s+on)?)")
_UPD_LABEL = r"(?:최종\s*수정|수정일?(?:자|시)?|업데이트|updated(?:\s+on|\s+at)?|last updated|modified(?:\s+on)?|last modified)"
_DATE_RE = re.compile(_DATE, re.I)
_PUB_RE = re.compile(r"(?:^|[\s|·/(\[])" + _PUB_LABEL + r"\s*[:：]?\s*" + _DATE, re.I)
_UPD_RE = re.compile(r"(?:^|[\s|·/(\[])" + _UPD_LABEL + r"\s*[:：]?\s*" + _DATE, re.I)
_DATE_ONLY_RE = re.compile(r"^[\[(]?\s*(?:\w{1,3}\.?,?\s*)?" + _DATE + _TIME + r"\s*[\])]?$", re.I)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        if g.get("y"):
            y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        elif g.get("y2"):
            y, mo, d = int(g["y2"]), _MONTHS[g["mon"][:3].lower()], int(g["d2"])
        else:
            y, mo, d = int(g["y3"]), _MONTHS[g["mon3"][:3].lower()], int(g["d3"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def find_date(text: str) -> str | None:
    """The publication date stated in page metadata, as ``YYYY-MM-DD``, or None.

    Looks only at short lines (metadata rows, not body sentences).  A labelled
    publication date ("작성일 2026-02-12 16:56", "Published: March 4, 2025") wins over an
    update date ("수정 2025.03.05"), which wins over a line that is only a date.

    >>> find_date("분류 News 작성자 admin 작성일 2026-02-12 16:56 조회 56")
    '2026-02-12'
    >>> find_date("Body text without a date.") is None
    True
    """
    upd = only = None
    for line in text.splitlines():
        if len(line) > 200 or not _YEAR_RE.search(line):
            continue
        s = line.strip()
        m = _PUB_RE.search(s)
        if m and (iso := _iso(m)):
            return iso
        if upd is None and (m := _UPD_RE.search(s)):
            upd = _iso(m)
        if only is None and (m := _DATE_ONLY_RE.match(s)):
            only = _iso(m)
    return upd or only


# ------------------------------------------------------- line patterns
_NAME = r"(?:[A-Z][\w.'’-]*|[가-힣]{2,4})"
_NAME_RE = re.compile(_NAME)
_BYLINE_EN = re.compile(
    r"^(?:by|written by|reported by|words by|story by|posted by|edited by|"
    r"(?:staff |senior |chief |special |intern )?(?:reporters?|correspondents?|writers?|editors?))\s*[:：]?\s+"
    r"(?P<rest>.+)$", re.I)
_BYLINE_OK_WORDS = frozenset("and & of the at for in staff senior chief reporter reporters correspondent "
                             "writer editor contributor contributing intern special | - – — , / and".split())
_NAME_ROLE = re.compile(   # "Jane Doe, Staff Writer", "Kim Min-su | Reporter"
    r"^" + _NAME + r"(?:\s+" + _NAME + r"){0,3}\s*[,|/–—-]\s*(?i:(?:staff |senior |chief |special |intern )?"
    r"(?:reporter|correspondent|staff writer|contributing writer|writer|editor)s?)\b[^.!?]{0,40}$")
_BYLINE_KO = re.compile(
    r"^(?:[\[(【<]?[^\]\)】>]{0,40}[\])】>]\s*)?(?:[가-힣A-Za-z]{1,12}\s+)?"
    r"[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4}|\s+[가-힣]{2,4}){0,3}\s*"
    r"(?:선임|수석|인턴|객원|전문)?\s*(?:기자|특파원|통신원|기자단|논설위원|편집위원)\s*[\])】>]?\s*=?\s*"
    r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?\s*$")
_BYLINE_BRACKET = re.compile(
    r"^[\[(【<][^\]\)】>]{0,80}(?:\breporters?\b|\bcorrespondents?\b|\bstaff writer\b|\beditor\b|기자|특파원|통신원)"
    r"[^\]\)】>]{0,60}[\])】>]\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?\s*$", re.I)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_EMAIL_RE = re.compile(_EMAIL)
_COPYRIGHT = re.compile(
    r"^\s*(?:copyright\s*(?:©|ⓒ|\(c\)|\d{4}|by\b|of\b|:|$)|\(c\)\s)|©|ⓒ|Ⓒ|all rights reserved|무단\s*전재|재배포\s*금지|무단\s*복제|무단\s*배포"
    r"|저작권자|AI\s*학습\s*(?:및\s*)?활용\s*금지", re.I)
_PHOTO = re.compile(
    r"^[\[(【<]?\s*(?:(?:photos?|images?|pictures?|graphics?|illustrations?|videos?|file photo)"
    r"\s*(?:by\b|courtesy\b(?:\s+of\b)?|provided\s+by\b|credits?\b|source\b|[:=/|])"
    r"|(?:사진|이미지|그래픽|자료\s*사진|영상|일러스트)\s*(?:제공|출처)?\s*[=:/]|courtesy\s+of\b"
    r"|(?:yonhap|newsis|news1|getty\s*images|afp|reuters|ap|연합뉴스|뉴시스|뉴스1)(?:\s*photos?)?\s*[\])】>]?\s*$)",
    re.I)
_RELATED = re.compile(
    r"^(?:related\s+(?:articles?|news|stories|posts|content|links|coverage|reading)|more\s+(?:from|on|in|stories|news)\b.*"
    r"|most\s+(?:read|popular|viewed|shared|commented)(?:\s+(?:articles?|stories|news))?|top\s+stories|trending(?:\s+now)?"
    r"|latest\s+(?:news|stories|articles)|editor'?s?\s+picks?|recommended(?:\s+(?:for you|articles|stories|news))?"
    r"|you\s+(?:may|might)\s+also\s+(?:like|be interested in)|also\s+read|read\s+also|see\s+also|special\s+coverage"
    r"|관련\s*기사(?:\s*(?:목록|더보기))?|관련\s*뉴스|연관\s*기사|많이\s*본\s*(?:뉴스|기사)|인기\s*(?:기사|뉴스)"
    r"|추천\s*(?:기사|뉴스)|주요\s*뉴스|최신\s*(?:기사|뉴스)|다른\s*기사|함께\s*(?:보면\s*좋은|볼만한)\s*(?:뉴스|기사)"
    r"|이\s*시각\s*(?:주요\s*)?뉴스|기자의\s*다른\s*기사|포토\s*뉴스|핫\s*이슈|이슈\s*(?:&|앤)\s*뉴스)"
    r"\s*[:：]?\s*(?:\(\d+\))?$", re.I)
_NAV_PREFIX = re.compile(
    r"^(?:이전글|다음글|이전\s글|다음\s글|previous\s+(?:article|post|story)|next\s+(?:article|post|story)"
    r"|prev(?:ious)?\s*[:：|])", re.I)
_KO_META_KEYS = (r"작성자|작성일(?:자|시)?|등록일(?:자|시)?|게시일(?:자|시)?|수정일(?:자|시)?|조회수?|첨부\s*파일|첨부|다운로드(?:\s*수)?"
                 r"|분류|글쓴이|담당\s*부서|담당자|연락처|전화번호|문의|출처|기사\s*입력|입력|최종\s*수정|수정|승인|등록|작성"
                 r"|추천수|카테고리|게시판|부서명?|조회\s*수|파일")
_KO_META_START = re.compile(r"^(?:" + _KO_META_KEYS + r")(?:\s*(?P<colon>[:：])|\s)\s*(?P<rest>.*)$")
_KO_META_TOKEN = re.compile(r"(?:^|\s)(?:" + _KO_META_KEYS + r")(?=\s*[:：]|\s|$)")
_EN_META = re.compile(
    r"^(?:posted|published|updated|last\s+updated|modified|filed|date|author|authors|views|hits|category|categories"
    r"|tags?|filed\s+under|attachments?|downloads?|source|section|topics?|keywords?|reading\s+time|read\s+time)"
    r"(?:\s+(?:on|by|in|under|at))?\s*[:：]", re.I)
_COUNT_LINE = re.compile(
    r"^(?:(?:댓글|조회수?|추천|좋아요|공감|공유|comments?|views?|likes?|shares?|reads?)\s*[:：]?\s*\d[\d,]*\s*(?:회|개|건)?"
    r"|\d[\d,.]*[kK]?\s*(?:comments?|views?|likes?|shares?|reads?|min(?:ute)?s?\s+read)"
    r"|\d+\s*분\s*(?:읽기|소요))$", re.I)
_ATTACHMENT = re.compile(
    r"\.(?:jpe?g|png|gif|bmp|webp|pdf|hwpx?|docx?|xlsx?|pptx?|zip|txt)\b.{0,20}\(?\s*\d[\d.,]*\s*(?:[KMG]i?B|bytes?|바이트)",
    re.I)
_UNDERSCORE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9-]*_[A-Za-z0-9_-]*$")
_PAGE_NUM = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?$|^\d{1,4}\s*쪽$", re.I)
_URL_ONLY = re.compile(r"^[<(]?(?:https?://|www\.)\S+[>)]?$", re.I)
_EMAIL_ONLY = re.compile(r"^[<(\[]?(?:e-?mail\s*[:：]?\s*|이메일\s*[:：]?\s*)?" + _EMAIL + r"[>)\]]?$", re.I)
_BULLET = re.compile(r"^(?:[-–—•·*▶▷►▸›»→☞◆◇■□○●◎ㆍ]|\d{1,2}[.)]\s)")
_SENTENCE_END = re.compile(r"(?:[.!?。]|다\.?|요\.?)[\"'”’)\]]*$")
# Every _COPYRIGHT match contains one of these (lower-cased).
_COPYRIGHT_WORDS = ("copyright", "(c)", "©", "ⓒ", "all rights reserved", "무단", "재배포", "저작권자", "학습")


def _copyright(s: str) -> bool:
    """``_COPYRIGHT.search(s)``, after a substring test: the search tries its alternatives
    at every character, and most lines have none of their words."""
    if not folds_differ(s):          # see casefold
        low = s.lower()
        if not any(w in low for w in _COPYRIGHT_WORDS):
            return False
    return _COPYRIGHT.search(s) is not None


def _sentence_end(s: str) -> bool:
    """``_SENTENCE_END.search(s)`` for a line without a newline: after the closing quotes
    and brackets, the last character ends a sentence.  Read from the end, because the
    search scanned the whole line."""
    if "\n" in s:
        return _SENTENCE_END.search(s) is not None
    t = s.rstrip("\"'”’)]")
    return bool(t) and t[-1] in ".!?。다요"


def _words(s: str) -> int:
    return s.count(" ") + 1


def _is_byline(s: str) -> bool:
    if len(s) > 160:
        return False
    if _BYLINE_BRACKET.match(s) or _BYLINE_KO.match(s) or _NAME_ROLE.match(s):
        return True
    m = _BYLINE_EN.match(s)
    if not m:
        return False
    rest = _EMAIL_RE.sub("", m.group("rest")).replace(",", " ").replace("|", " ")
    words = rest.split()
    if not words or len(words) > 12 or not _NAME_RE.match(words[0]):
        return False
    # "By Jane Doe, Staff Reporter" yes; "By contrast, the district ..." / "By 2030 ..." no.
    return all(w[:1].isupper() or "\uac00" <= w[:1] <= "\ud7a3" or w.lower() in _BYLINE_OK_WORDS
               or w.startswith("(") for w in words)


def _is_meta(s: str) -> bool:
    if len(s) > 200:
        return False
    if _EN_META.match(s) or _COUNT_LINE.match(s) or _ATTACHMENT.search(s):
        return True
    m = _KO_META_START.match(s)
    if m:
        rest = m.group("rest")
        # "작성일 2026-02-12", "조회 56", "첨부파일: x.hwp", "분류 News 작성자 admin": metadata;
        # "분류 작업이 시작됐다." (a sentence that starts with the word) is not.
        if (m.group("colon") or not rest or rest[:1].isdigit() or _DATE_RE.search(rest)
                or _KO_META_TOKEN.search(rest)):
            return True
    # "Chonnam National University 작성자 admin 작성일 ..." (keys in the middle)
    return len(_KO_META_TOKEN.findall(s)) >= 2


def _is_blob(s: str) -> bool:
    """Mostly inline data (base64, minified JSON/JS): ASCII tokens of 200+ characters
    without a space.  Linear time, because such lines can be megabytes long."""
    if len(s) < 200:
        return False
    tokens = s.split()
    if max(map(len, tokens)) < 200:
        return False
    blob = sum(len(t) for t in tokens if len(t) >= 200 and t.isascii())
    return blob * 2 > len(s)


def is_boilerplate(line: str) -> bool:
    """True when a single line, on its own, is page chrome (no context needed).

    The "Related articles" header is reported as boilerplate too; the headline list
    after it is only recognised by :func:`clean_text`, which sees the context.

    Memoised by the stripped line (up to 300 characters): a site repeats its chrome
    (menus, share rows, copyright, bylines) in every article, and those short lines
    go through most of the tests below; about half of the lines of a generated corpus
    were seen before, and a cache hit costs a fraction of the tests.
    """
    s = line.strip()
    if not s:
        return False
    if len(s) > 300:            # body paragraphs: only data blobs can be chrome this long
        return _is_blob(s)
    return _short_line_boilerplate(s)


@functools.lru_cache(maxsize=50_000)
def _short_line_boilerplate(s: str) -> bool:
    """is_boilerplate for a stripped line of 1 to 300 characters."""
    if len(s) <= 80 and _is_ui(s):
        return True
    if len(s) <= 250 and _copyright(s):
        return True
    if len(s) > 120 and s.count(" ") >= 9 and _sentence_end(s):
        return _is_blob(s)      # a full sentence: none of the short-line chrome below
    if _RELATED.match(s) or _NAV_PREFIX.match(s):
        return True
    if _UNDERSCORE_ID.match(s) or _PAGE_NUM.match(s) or _URL_ONLY.match(s) or _EMAIL_ONLY.match(s):
        return True
    if _is_byline(s) or _is_meta(s):
        return True
    if len(s) <= 120 and (_DATE_ONLY_RE.match(s) or _PUB_RE.match(s) or _UPD_RE.match(s) or (
            _PHOTO.match(s) and not _sentence_end(s.rstrip(")]】>")))):
        return True
    return _is_blob(s)


def _body_like(s: str) -> bool:
    """Reads like a sentence of an article (ends a sentence, enough words, no bullet):
    where a "Related articles" headline list ends."""
    if _BULLET.match(s):
        return False
    n = _words(s)
    return n >= 40 or (n >= 8 and _sentence_end(s))


def clean_with_meta(text: str) -> tuple[str, dict[str, Any]]:
    """Clean ``text`` and return ``(cleaned_text, meta)``.

    ``meta`` holds what the dropped lines knew: ``date`` (``YYYY-MM-DD`` or None) and
    ``dropped`` (how many non-blank lines were removed).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    dropped = 0
    in_related = False
    blank = False
    for line in lines:
        s = line.strip()
        if not s:
            blank = bool(out)
            continue
        if in_related:
            if _body_like(s) and not is_boilerplate(s):
                in_related = False
            else:
                dropped += 1
                continue
        if is_boilerplate(s):
            dropped += 1
            if _RELATED.match(s):
                in_related = True
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out), {"date": find_date(text), "dropped": dropped}


def clean_text(text: str) -> str:
    """Remove page boilerplate by dropping whole LINES; every kept line stays byte-for-byte
    as it was (the extractor quotes sentences from it and the scorer checks that quotes
    appear in the original).  Returns ``""`` when nothing but boilerplate was there.

    >>> clean_text("본문 바로가기\\nText Size\\n\\nThe two universities signed an agreement.\\n© 2025 Daily")
    'The two universities signed an agreement.'
    """
    return clean_with_meta(text)[0]
