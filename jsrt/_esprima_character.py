"""A drop-in for ``esprima.character`` that classifies characters on demand.

esprima's own module builds sets of every Unicode letter, mark and digit at import time
by walking all 1.1M code points (seconds per process). This module answers the same
questions with ``unicodedata.category`` per character and caches the answers, so
``import esprima`` is instant. It is installed into ``sys.modules`` before esprima is
first imported (jsrt/parser.py); the API is the one esprima's scanner uses.
"""

import unicodedata

_LETTER = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Nl"))
_PART_EXTRA = frozenset(("Mn", "Mc", "Nd", "Pc"))

OTHER_ID_START = frozenset((
    "\u1885", "\u1886", "\u2118", "\u212E", "\u309B", "\u309C",
    "\u08B3", "\u0AF9", "\u13F8", "\u9FCD", "\uAB60", "\U00010CC0", "\U000108E0", "\U0002B820",
    "\u1C80", "\U000104DB", "\U0001E922", "\U0001EE00", "\U0001EE06", "\U0001EE0A",
))
OTHER_ID_CONTINUE = frozenset((
    "\xB7", "\u0387", "\u1369", "\u136A", "\u136B", "\u136C", "\u136D", "\u136E", "\u136F",
    "\u1370", "\u1371", "\u19DA", "\u08E3", "\uA69E", "\U00011730", "\u08D4", "\u1DFB",
    "\uA8C5", "\U00011450", "\U0001EE03", "\U0001EE0B",
))
WHITE_SPACE = frozenset((
    "\x09", "\x0B", "\x0C", "\x20", "\xA0", "\u1680", "\u180E", "\u2000", "\u2001", "\u2002",
    "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u202F",
    "\u205F", "\u3000", "\uFEFF",
))
LINE_TERMINATOR = frozenset(("\x0A", "\x0D", "\u2028", "\u2029"))
DECIMAL_CONV = {c: n for n, c in enumerate("0123456789")}
OCTAL_CONV = {c: n for n, c in enumerate("01234567")}
HEX_CONV = {c: n for n, c in enumerate("0123456789abcdef")}
for _n, _c in enumerate("ABCDEF", 10):
    HEX_CONV[_c] = _n
DECIMAL_DIGIT = frozenset(DECIMAL_CONV)
OCTAL_DIGIT = frozenset(OCTAL_CONV)
HEX_DIGIT = frozenset(HEX_CONV)

_start = {"$": True, "_": True, "\\": True}
_part = {"$": True, "_": True, "\\": True, "\u200C": True, "\u200D": True}


def _is_start(ch):
    r = _start.get(ch)
    if r is None:
        r = _start[ch] = (len(ch) == 1 and (unicodedata.category(ch) in _LETTER
                                            or ch in OTHER_ID_START))
    return r


def _is_part(ch):
    r = _part.get(ch)
    if r is None:
        if len(ch) != 1:
            return False
        cat = unicodedata.category(ch)
        r = _part[ch] = (cat in _LETTER or cat in _PART_EXTRA or ch in OTHER_ID_START
                         or ch in OTHER_ID_CONTINUE)
    return r


class Character:
    @staticmethod
    def fromCodePoint(code):
        return chr(code)

    @staticmethod
    def isWhiteSpace(ch):
        return ch in WHITE_SPACE

    @staticmethod
    def isLineTerminator(ch):
        return ch in LINE_TERMINATOR

    @staticmethod
    def isIdentifierStart(ch):
        return _is_start(ch)

    @staticmethod
    def isIdentifierPart(ch):
        return _is_part(ch)

    @staticmethod
    def isDecimalDigit(ch):
        return ch in DECIMAL_DIGIT

    @staticmethod
    def isHexDigit(ch):
        return ch in HEX_DIGIT

    @staticmethod
    def isOctalDigit(ch):
        return ch in OCTAL_DIGIT
