"""Money and periods as written in Korean and international news, normalised.

``19.4 billion won``, ``KRW 17.2 billion``, ``750 million KRW``, ``194억 원``, ``$3 million``,
``£2m`` -> integer ``amount`` + ISO ``currency`` (+ ``amount_krw`` when the currency is
KRW), keeping ``amount_text`` as written.  Periods: ``over five years until 2030``,
``2026–2030``, ``by 2029`` -> ``start_year``/``end_year``/``years``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .casefold import folds_differ, lower_twin

_SCALE = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "mil": 10**6,
          "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12}
_KO_SCALE = {"만": 10**4, "억": 10**8, "조": 10**12, "천만": 10**7, "백만": 10**6, "천": 10**3,
             "천억": 10**11, "백억": 10**10, "십억": 10**9}
_CUR_WORDS = {"won": "KRW", "krw": "KRW", "₩": "KRW", "원": "KRW", "$": "USD", "usd": "USD",
              "us$": "USD", "dollars": "USD", "dollar": "USD", "£": "GBP", "gbp": "GBP",
              "pounds": "GBP", "€": "EUR", "eur": "EUR", "euros": "EUR", "¥": "JPY", "yen": "JPY",
              "jpy": "JPY", "yuan": "CNY", "cny": "CNY", "rmb": "CNY"}

# 1,234,567.8 or 1234.5.  The first digit stands outside the alternatives, which try
# the same digits in the same order as "\d{1,3}(?:,\d{3})+...|\d+...": a pattern that
# begins with a digit class lets re skip to the next digit instead of trying a match at
# every character of the sentence.
_NUM = r"(\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))"
_SC = r"(thousand|million|billion|trillion|mn|bn|tn|[mbk])\b"
_CUR_AFTER = r"(won|KRW|krw|USD|dollars?|GBP|pounds|EUR|euros|yen|JPY|yuan|CNY|RMB)\b"
_PATTERNS = [
    # KRW 17.2 billion / USD 3 million / US$ 3m / $3 million / £2m / €1.5bn / ₩5 billion
    # (written in lower case for its twin below; the same pattern under re.I)
    re.compile(r"(?P<cur>krw|usd|gbp|eur|jpy|cny|us\$|\$|£|€|¥|₩)\s?" + _NUM + r"(?:\s?" + _SC + r")?", re.I),
    # 19.4 billion won / 750 million KRW / 3 million dollars / 100,000,000 won
    re.compile(_NUM + r"(?:\s?" + _SC + r")?\s?" + _CUR_AFTER, re.I),
    # 194억 원 / 1조 2천억원 / 5천만 원
    re.compile(r"(\d+(?:\.\d+)?)\s?(조|천억|백억|십억|억|천만|백만|만|천)(?:\s?(\d+(?:\.\d+)?)\s?(천억|백억|십억|억|천만|백만|만|천))?\s?원"),
]


@dataclass(slots=True)
class Money:
    start: int
    end: int
    text: str
    amount: int
    currency: str

    def attrs(self) -> dict:
        d = {"amount": self.amount, "currency": self.currency, "amount_text": self.text}
        if self.currency == "KRW":
            d["amount_krw"] = self.amount
        return d


def _num(s: str) -> Decimal | None:
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


_DIGIT = re.compile(r"\d")
# What each pattern cannot match without (lower-cased; the first two are case-insensitive).
# The first pattern for the lower-cased text: its scan, at every character of the
# sentence, took four times as long under re.IGNORECASE (see casefold.lower_twin).
_CUR_FIRST_LOW = lower_twin(_PATTERNS[0])
# The second pattern's twin: its currency words in lower case (under re.I "KRW" and "krw"
# match the same strings, so the lower-cased alternatives match what the original does);
# it scanned every amount-bearing sentence under re.IGNORECASE.
_CUR_AFTER_LOW = lower_twin(re.compile(_PATTERNS[1].pattern.lower(), re.I))
_TWINS = (_CUR_FIRST_LOW, _CUR_AFTER_LOW)
_NEEDS = (("krw", "usd", "gbp", "eur", "jpy", "cny", "$", "£", "€", "¥", "₩"),
          ("won", "krw", "usd", "dollar", "gbp", "pound", "eur", "yen", "jpy", "yuan", "cny", "rmb"),
          ("원",))


def _has_ascii_digit(text: str) -> bool:
    """``_DIGIT.search(text)`` for an ASCII text (the only digits it can hold are 0-9):
    ten ``in`` tests (each a C memchr) cost a fifth of the search, which tries the
    class at every character."""
    return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text
            or "6" in text or "7" in text or "8" in text or "9" in text)


def find_money(text: str) -> list[Money]:
    """Amounts in ``text``, in text order.  Every pattern needs a digit and a currency word
    or sign, so a text without them costs a few substring tests instead of three scans."""
    found: list[Money] = []
    taken: list[tuple[int, int]] = []
    if not (_has_ascii_digit(text) if text.isascii() else _DIGIT.search(text)):
        return found
    low = None if folds_differ(text) else text.lower()     # see casefold
    for i, pat in enumerate(_PATTERNS):
        if low is not None:
            for w in _NEEDS[i]:        # a loop, not any(<generator>): this runs 3 times per sentence
                if w in low:
                    break
            else:
                continue
        scan = pat.finditer(text)
        if i < 2 and low is not None and len(low) == len(text):
            scan = _TWINS[i].finditer(low)     # same spans; groups lower-cased (read lower-cased below)
        for m in scan:
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if i == 0:
                cur = text[m.start("cur"):m.end("cur")]
                cur = _CUR_WORDS.get(cur.lower(), cur.upper())
                val, sc = _num(m.group(2)), m.group(3)      # digits, and a scale looked up lower-cased
            elif i == 1:
                val, sc, cur = _num(m.group(1)), m.group(2), _CUR_WORDS[m.group(3).lower()]
            else:
                v1 = _num(m.group(1))
                if v1 is None:
                    continue
                val = v1 * _KO_SCALE[m.group(2)]
                if m.group(3):
                    v2 = _num(m.group(3))
                    if v2 is None:
                        continue
                    val += v2 * _KO_SCALE[m.group(4)]
                found.append(Money(m.start(), m.end(), m.group(), int(val), "KRW"))
                taken.append((m.start(), m.end()))
                continue
            if val is None:
                continue
            if sc:
                val *= _SCALE[sc.lower()]
            if val <= 0 or val > 10**16:
                continue
            found.append(Money(m.start(), m.end(), text[m.start():m.end()], int(val), cur))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda x: x.start)
    return found


_WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_RANGE_RE = re.compile(r"\b((?:19|20)\d\d)\s?(?:[-–—~]|to|through|until)\s?((?:19|20)\d\d)\b")
_UNTIL_RE = re.compile(r"\b(?:until|through|till|by|to)\s+((?:19|20)\d\d)\b")
_YEARS_RE = re.compile(r"\b(?:over|for|during)\s+(?:the\s+next\s+|a\s+period\s+of\s+)?(\d+|" +
                       "|".join(_WORDNUM) + r")\s+years?\b", re.I)

# "a one-year grant", "a 3-year contract" (not "a 20-year-old")
_ADJ_YEARS_RE = re.compile(r"\b(\d+|" + "|".join(_WORDNUM) + r")-years?\b(?!-old)", re.I)
# right after an amount: "3 billion won annually", "2.4 billion won ($1.8 million) a year"
_PER_YEAR_RE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:a\s+year|annually|per\s+year|each\s+year|every\s+year|"
                          r"per\s+annum|yearly)\b", re.I)

_YEARS_LOW = lower_twin(_YEARS_RE)
_ADJ_YEARS_LOW = lower_twin(_ADJ_YEARS_RE)


def per_year_after(text: str) -> bool:
    """Does ``text`` (what follows an amount) say the amount is yearly?"""
    return _PER_YEAR_RE.match(text) is not None


def find_period(text: str) -> dict:
    """start_year/end_year/years stated in a sentence (the first of each kind).

    Each pattern is searched only where the text has what every match of it holds: a
    year ("19" or "20") for the range and "until" patterns, "year" in any case for the
    two counts of years.  Their scans start at every character (each begins with \b),
    and most sentences asked about have neither.  The lower-cased test is sound for
    re.IGNORECASE here: no character but y, e, a, r themselves folds to those letters
    (the four of casefold.FOLD_CHARS fold to i, s and k)."""
    out: dict = {}
    if "19" in text or "20" in text:
        m = _RANGE_RE.search(text)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if a <= b:
                out["start_year"], out["end_year"] = a, b
        if "end_year" not in out:
            m = _UNTIL_RE.search(text)
            if m:
                out["end_year"] = int(m.group(1))
    low = text.lower()
    if "year" not in low:
        return out
    if len(low) == len(text) and not folds_differ(text):
        # the case-sensitive twins on the lower-cased text (see casefold.lower_twin);
        # only group 1 is read, and it is lower-cased below anyway
        m = _YEARS_LOW.search(low) or _ADJ_YEARS_LOW.search(low)
    else:
        m = _YEARS_RE.search(text) or _ADJ_YEARS_RE.search(text)
    if m:
        w = m.group(1).lower()
        out["years"] = int(w) if w.isdigit() else _WORDNUM[w]
    if "end_year" in out and "years" in out and "start_year" not in out:
        out["start_year"] = out["end_year"] - out["years"] + 1
    return out
