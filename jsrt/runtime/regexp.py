"""JavaScript regular expressions: ECMA-262 patterns compiled onto the ``regex`` package.

https://tc39.es/ecma262/#sec-regexp-regular-expression-objects (§22.2), with the web-compat
grammar of Annex B (https://tc39.es/ecma262/#sec-regular-expressions-patterns) when the ``u``
flag is absent.

A pure module: it knows nothing of the rest of jsrt. Strings are Python ``str`` holding UTF-16
code units (an astral character is a surrogate pair, lone surrogates are allowed), and every
index taken or returned is a UTF-16 index.

    compile_pattern(source, flags) -> CompiledPattern     (cached by (source, flags))
    CompiledPattern.exec(subject, index, sticky=None, timeout=None) -> Match | None

How a pattern runs:

1. ``_Parser`` turns the source into a small AST (``_Char``, ``_Seq``, ``_Alt``, ``_Group``,
   ``_Look``, ``_Quant``, ``_BackRef``, ``_Assert``), applying the early errors and the Annex B
   rules. Case-insensitivity is resolved here: every character set is closed under the JS
   ``Canonicalize`` of the pattern's mode, so no engine ever case-folds a character itself.
2. ``_unsafe_reason`` decides whether the ``regex`` package matches the AST with exactly the JS
   semantics. It does unless the pattern relies on a rule Perl-style engines do not share:
   captures reset at the start of each iteration of a quantified group (a group that may be
   skipped in an iteration, or a backreference to a group of the same iteration), or the
   rejection of optional iterations that match the empty string (RepeatMatcher step 2.b).
   Repetitions ``regex`` would unroll into a huge program, and patterns nested too deeply for
   its parser, are not given to it either.
3. Exact patterns are translated (``_Translator``) to ``regex`` syntax with explicit character
   classes and assertions (``.``, ``^``, ``$``, ``\\b``, ``\\s`` ... all spelled out; a
   backreference to a group that has not participated becomes ``(?(n)\\g<n>)``). The others run
   on ``_VM``, a backtracking matcher that follows the spec's algorithm step for step (slower:
   pure Python). A case-insensitive backreference runs on ``regex`` unless the subject holds a
   character that ``regex`` folds differently from JS (``_backref_fold_guard``).
4. With ``u`` the subject is matched as code points (surrogate pairs joined, lone surrogates kept)
   and indices are mapped back to UTF-16 units (``_CodePointView``).

Not supported: the ``v`` flag (ES2024 set notation) and duplicate group names in different
alternatives (ES2025). Unicode data comes from ``regex`` (properties, Unicode 17) and from
``str`` case mappings (this Python's Unicode, 14.0 on 3.11); Changes_When_NFKC_Casefolded is
derived from ``unicodedata``.
"""

from __future__ import annotations

import bisect
import functools
import time
import unicodedata

import regex as _rx

__all__ = ["RegExpSyntaxError", "CompiledPattern", "Match", "compile_pattern", "FLAGS"]

_V0 = _rx.V0

FLAGS = "dgimsuy"
"""The accepted flags, in the canonical order of ``RegExp.prototype.flags``."""

_MAX_CP = 0x10FFFF
_REPEAT_LIMIT = 0xFFFFFFFE  # the largest repeat count ``regex`` accepts
_NESTING_LIMIT = 250  # parenthesis depth; deeper patterns are rejected as too large
_EXPANSION_LIMIT = 20000  # larger unrolled repetitions run on the VM instead of ``regex``


class RegExpSyntaxError(Exception):
    """An invalid pattern or invalid flags.

    ``message`` reads like V8's, e.g. ``Invalid regular expression: /(/: Unterminated group``;
    the caller turns it into a JS ``SyntaxError``.
    """

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------------------------------------
# Character data
# ---------------------------------------------------------------------------------------------

_LINE_TERMINATORS = ((0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029))
# WhiteSpace and LineTerminator (§12.2, §12.3): the set of \s (§22.2.2.9 CharacterClassEscape).
_WHITE_SPACE = ((0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
                (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000),
                (0xFEFF, 0xFEFF))
_DIGITS = ((0x30, 0x39),)
_WORD = ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))
# WordCharacters with /iu: the characters whose simple case folding is in \w, namely U+017F LATIN
# SMALL LETTER LONG S and U+212A KELVIN SIGN (§22.2.2.9.3).
_WORD_IU = ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A), (0x17F, 0x17F),
            (0x212A, 0x212A))

# Unicode property names and values allowed in \p{...} (§22.2.2.9, tables "Non-binary Unicode
# property aliases", "Binary Unicode property aliases" and PropertyValueAliases.txt).
# Each entry: canonical name followed by its aliases.
_BINARY_PROPERTY_DATA = (
    "ASCII|ASCII_Hex_Digit AHex|Alphabetic Alpha|Any|Assigned|Bidi_Control Bidi_C|"
    "Bidi_Mirrored Bidi_M|Case_Ignorable CI|Cased|Changes_When_Casefolded CWCF|"
    "Changes_When_Casemapped CWCM|Changes_When_Lowercased CWL|"
    "Changes_When_NFKC_Casefolded CWKCF|Changes_When_Titlecased CWT|"
    "Changes_When_Uppercased CWU|Dash|Default_Ignorable_Code_Point DI|Deprecated Dep|"
    "Diacritic Dia|Emoji|Emoji_Component EComp|Emoji_Modifier EMod|Emoji_Modifier_Base EBase|"
    "Emoji_Presentation EPres|Extended_Pictographic ExtPict|Extender Ext|Grapheme_Base Gr_Base|"
    "Grapheme_Extend Gr_Ext|Hex_Digit Hex|IDS_Binary_Operator IDSB|IDS_Trinary_Operator IDST|"
    "ID_Continue IDC|ID_Start IDS|Ideographic Ideo|Join_Control Join_C|"
    "Logical_Order_Exception LOE|Lowercase Lower|Math|Noncharacter_Code_Point NChar|"
    "Pattern_Syntax Pat_Syn|Pattern_White_Space Pat_WS|Quotation_Mark QMark|Radical|"
    "Regional_Indicator RI|Sentence_Terminal STerm|Soft_Dotted SD|Terminal_Punctuation Term|"
    "Unified_Ideograph UIdeo|Uppercase Upper|Variation_Selector VS|White_Space space|"
    "XID_Continue XIDC|XID_Start XIDS"
)
_GENERAL_CATEGORY_DATA = (
    "Cased_Letter LC|Close_Punctuation Pe|Connector_Punctuation Pc|Control Cc cntrl|"
    "Currency_Symbol Sc|Dash_Punctuation Pd|Decimal_Number Nd digit|Enclosing_Mark Me|"
    "Final_Punctuation Pf|Format Cf|Initial_Punctuation Pi|Letter L|Letter_Number Nl|"
    "Line_Separator Zl|Lowercase_Letter Ll|Mark Combining_Mark M|Math_Symbol Sm|"
    "Modifier_Letter Lm|Modifier_Symbol Sk|Nonspacing_Mark Mn|Number N|Open_Punctuation Ps|"
    "Other C|Other_Letter Lo|Other_Number No|Other_Punctuation Po|Other_Symbol So|"
    "Paragraph_Separator Zp|Private_Use Co|Punctuation P punct|Separator Z|Space_Separator Zs|"
    "Spacing_Mark Mc|Surrogate Cs|Symbol S|Titlecase_Letter Lt|Unassigned Cn|"
    "Uppercase_Letter Lu"
)
_SCRIPT_DATA = (
    "Adlam Adlm|Ahom|Anatolian_Hieroglyphs Hluw|Arabic Arab|Armenian Armn|Avestan Avst|"
    "Balinese Bali|Bamum Bamu|Bassa_Vah Bass|Batak Batk|Bengali Beng|Beria_Erfe Berf|"
    "Bhaiksuki Bhks|Bopomofo Bopo|Brahmi Brah|Braille Brai|Buginese Bugi|Buhid Buhd|"
    "Canadian_Aboriginal Cans|Carian Cari|Caucasian_Albanian Aghb|Chakma Cakm|Cham|"
    "Cherokee Cher|Chorasmian Chrs|Common Zyyy|Coptic Copt Qaac|Cuneiform Xsux|Cypriot Cprt|"
    "Cypro_Minoan Cpmn|Cyrillic Cyrl|Deseret Dsrt|Devanagari Deva|Dives_Akuru Diak|Dogra Dogr|"
    "Duployan Dupl|Egyptian_Hieroglyphs Egyp|Elbasan Elba|Elymaic Elym|Ethiopic Ethi|"
    "Garay Gara|Georgian Geor|Glagolitic Glag|Gothic Goth|Grantha Gran|Greek Grek|"
    "Gujarati Gujr|Gunjala_Gondi Gong|Gurmukhi Guru|Gurung_Khema Gukh|Han Hani|Hangul Hang|"
    "Hanifi_Rohingya Rohg|Hanunoo Hano|Hatran Hatr|Hebrew Hebr|Hiragana Hira|"
    "Imperial_Aramaic Armi|Inherited Qaai Zinh|Inscriptional_Pahlavi Phli|"
    "Inscriptional_Parthian Prti|Javanese Java|Kaithi Kthi|Kannada Knda|Katakana Kana|Kawi|"
    "Kayah_Li Kali|Kharoshthi Khar|Khitan_Small_Script Kits|Khmer Khmr|Khojki Khoj|"
    "Khudawadi Sind|Kirat_Rai Krai|Lao Laoo|Latin Latn|Lepcha Lepc|Limbu Limb|Linear_A Lina|"
    "Linear_B Linb|Lisu|Lycian Lyci|Lydian Lydi|Mahajani Mahj|Makasar Maka|Malayalam Mlym|"
    "Mandaic Mand|Manichaean Mani|Marchen Marc|Masaram_Gondi Gonm|Medefaidrin Medf|"
    "Meetei_Mayek Mtei|Mende_Kikakui Mend|Meroitic_Cursive Merc|Meroitic_Hieroglyphs Mero|"
    "Miao Plrd|Modi|Mongolian Mong|Mro Mroo|Multani Mult|Myanmar Mymr|Nabataean Nbat|"
    "Nag_Mundari Nagm|Nandinagari Nand|New_Tai_Lue Talu|Newa|Nko Nkoo|Nushu Nshu|"
    "Nyiakeng_Puachue_Hmong Hmnp|Ogham Ogam|Ol_Chiki Olck|Ol_Onal Onao|Old_Hungarian Hung|"
    "Old_Italic Ital|Old_North_Arabian Narb|Old_Permic Perm|Old_Persian Xpeo|Old_Sogdian Sogo|"
    "Old_South_Arabian Sarb|Old_Turkic Orkh|Old_Uyghur Ougr|Oriya Orya|Osage Osge|Osmanya Osma|"
    "Pahawh_Hmong Hmng|Palmyrene Palm|Pau_Cin_Hau Pauc|Phags_Pa Phag|Phoenician Phnx|"
    "Psalter_Pahlavi Phlp|Rejang Rjng|Runic Runr|Samaritan Samr|Saurashtra Saur|Sharada Shrd|"
    "Shavian Shaw|Siddham Sidd|Sidetic Sidt|SignWriting Sgnw|Sinhala Sinh|Sogdian Sogd|"
    "Sora_Sompeng Sora|Soyombo Soyo|Sundanese Sund|Sunuwar Sunu|Syloti_Nagri Sylo|Syriac Syrc|"
    "Tagalog Tglg|Tagbanwa Tagb|Tai_Le Tale|Tai_Tham Lana|Tai_Viet Tavt|Tai_Yo Tayo|Takri Takr|"
    "Tamil Taml|Tangsa Tnsa|Tangut Tang|Telugu Telu|Thaana Thaa|Thai|Tibetan Tibt|"
    "Tifinagh Tfng|Tirhuta Tirh|Todhri Todr|Tolong_Siki Tols|Toto|Tulu_Tigalari Tutg|"
    "Ugaritic Ugar|Unknown Zzzz|Vai Vaii|Vithkuqi Vith|Wancho Wcho|Warang_Citi Wara|"
    "Yezidi Yezi|Yi Yiii|Zanabazar_Square Zanb"
)


def _alias_table(data: str) -> dict:
    table = {}
    for entry in data.split("|"):
        names = entry.split()
        for name in names:
            table[name] = names[0]
    return table


_BINARY_PROPERTIES = _alias_table(_BINARY_PROPERTY_DATA)
_GENERAL_CATEGORIES = _alias_table(_GENERAL_CATEGORY_DATA)
_SCRIPTS = _alias_table(_SCRIPT_DATA)

_ID_START = _rx.compile(r"[\p{ID_Start}$_]", _V0).match
_ID_CONTINUE = _rx.compile(r"[\p{ID_Continue}$\u200c\u200d]", _V0).match


# ---------------------------------------------------------------------------------------------
# Ranges of code points: sorted tuples of disjoint, non-adjacent inclusive (lo, hi) pairs
# ---------------------------------------------------------------------------------------------

def _normalize(ranges) -> tuple:
    out = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return tuple(out)


def _complement(ranges) -> tuple:
    out = []
    prev = 0
    for lo, hi in ranges:
        if lo > prev:
            out.append((prev, lo - 1))
        prev = hi + 1
    if prev <= _MAX_CP:
        out.append((prev, _MAX_CP))
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Case-insensitive matching: Canonicalize (§22.2.2.7.3)
# ---------------------------------------------------------------------------------------------

# Simple case foldings (CaseFolding.txt status S) that str.lower() does not give for characters
# whose full folding is longer than one character.
_SIMPLE_FOLD_EXTRA = {0x1FD3: 0x0390, 0x1FE3: 0x03B0, 0xFB05: 0xFB06}


def _canonicalize_unicode(cp: int) -> int:
    """Canonicalize with /u (or /v): simple case folding, scf(ch)."""
    ch = chr(cp)
    folded = ch.casefold()
    if len(folded) == 1:
        return ord(folded)
    extra = _SIMPLE_FOLD_EXTRA.get(cp)
    if extra is not None:
        return extra
    lower = ch.lower()
    return ord(lower) if len(lower) == 1 else cp


def _canonicalize_legacy(cp: int) -> int:
    """Canonicalize without /u: toUppercase of one code unit, kept only if it is one code unit
    and does not map a non-ASCII character to an ASCII one."""
    upper = chr(cp).upper()
    if len(upper) != 1:
        return cp
    cu = ord(upper)
    if cu > 0xFFFF or (cp >= 128 and cu < 128):
        return cp
    return cu


@functools.lru_cache(maxsize=1)
def _case_mapped():
    """Code points with a case mapping, per ``regex`` (Unicode 17) and per ``str`` (the
    Unicode of this Python): (both, regex only). Cased letters all live below U+20000."""
    text = "".join(map(chr, range(0x20000)))
    found = _rx.compile(r"[\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}]", _V0)
    both, regex_only = [], []
    for ch in found.findall(text):
        if ch.upper() != ch or ch.lower() != ch or ch.casefold() != ch:
            both.append(ord(ch))
        else:
            regex_only.append(ord(ch))
    return both, regex_only


class _CaseTable:
    """The equivalence classes of Canonicalize for one mode, for the characters that have one.

    ``keys``: sorted code points whose class has more than one member; ``classes``: code point ->
    tuple of the class; ``canon``: code point -> canonical code point (a ``str.translate`` table).
    """

    __slots__ = ("keys", "classes", "canon")

    def __init__(self, unicode_mode: bool):
        canonicalize = _canonicalize_unicode if unicode_mode else _canonicalize_legacy
        candidates = set(_case_mapped()[0])
        if unicode_mode:
            candidates.update(_SIMPLE_FOLD_EXTRA)
            candidates.update(_SIMPLE_FOLD_EXTRA.values())
        else:
            candidates = {cp for cp in candidates if cp <= 0xFFFF}
        groups: dict = {}
        for cp in candidates:
            groups.setdefault(canonicalize(cp), set()).add(cp)
        self.classes = {}
        self.canon = {}
        for key, members in groups.items():
            if canonicalize(key) == key:
                members.add(key)
            if len(members) > 1:
                cls = tuple(sorted(members))
                for cp in cls:
                    self.classes[cp] = cls
                    self.canon[cp] = key
        self.keys = sorted(self.classes)

    def close(self, ranges, props=()):
        """The ranges of every character whose canonical form is that of a member of the set."""
        extra = []
        keys = self.keys
        if props:
            test = _rx.compile(_class_text(ranges, props, False), _V0).match
            for cp in keys:
                if test(chr(cp)):
                    extra.extend(self.classes[cp])
        else:
            for lo, hi in ranges:
                i = bisect.bisect_left(keys, lo)
                while i < len(keys) and keys[i] <= hi:
                    extra.extend(self.classes[keys[i]])
                    i += 1
        if not extra:
            return ranges
        return _normalize(list(ranges) + [(cp, cp) for cp in extra])


@functools.lru_cache(maxsize=2)
def _case_table(unicode_mode: bool) -> _CaseTable:
    return _CaseTable(unicode_mode)


# ``regex`` folds case like simple case folding (the /u Canonicalize) plus the Turkic pairs.
_REGEX_EXTRA_FOLDS = {0x49: (0x131,), 0x69: (0x130,), 0x130: (0x69,), 0x131: (0x49,)}


@functools.lru_cache(maxsize=2)
def _backref_fold_guard(unicode_mode: bool):
    """A search function for characters on which a case-insensitive backreference in ``regex``
    could disagree with JS Canonicalize, or None when there are none.

    For every pair of characters that one side calls equal and the other does not, the rarer
    member (the non-ASCII one, or both) is in the set: a subject with none of them cannot expose
    the difference. Characters only ``regex`` knows to be cased (newer Unicode) are in it too.
    """
    ours = _case_table(unicode_mode).classes
    folding = _case_table(True).classes
    limit = 0x110000 if unicode_mode else 0x10000
    rare = {cp for cp in _case_mapped()[1] if cp < limit}
    for cp in set(ours) | set(folding) | set(_REGEX_EXTRA_FOLDS):
        if cp >= limit:
            continue
        theirs = set(folding.get(cp, (cp,))) | set(_REGEX_EXTRA_FOLDS.get(cp, ()))
        for other in theirs.symmetric_difference(ours.get(cp, (cp,))):
            if cp < 128:
                rare.add(other)
            elif other < 128:
                rare.add(cp)
            else:
                rare.update((cp, other))
    if not rare:
        return None
    return _rx.compile(_class_text(_normalize((cp, cp) for cp in rare), (), False), _V0).search


_NFKC_CF_RANGES = None


def _changes_when_nfkc_casefolded() -> tuple:
    """Changes_When_NFKC_Casefolded, which ``regex`` does not provide: derived from
    unicodedata as toNFKC_Casefold(X) != X (DerivedCoreProperties.txt)."""
    global _NFKC_CF_RANGES
    if _NFKC_CF_RANGES is not None:
        return _NFKC_CF_RANGES
    normalize = unicodedata.normalize
    ignorable = _rx.compile(r"\p{Default_Ignorable_Code_Point}", _V0)

    def fold_char(ch):
        if ignorable.match(ch):
            return ""
        previous, text = None, ch
        while text != previous:
            previous = text
            text = ignorable.sub("", normalize("NFKC", normalize("NFKC", text).casefold()))
        return text

    found = []
    for base in range(0, 0x110000, 256):
        block = "".join(map(chr, range(base, base + 256)))
        if (normalize("NFKC", block.casefold()) == block and normalize("NFD", block) == block
                and not ignorable.search(block)):
            continue
        for cp in range(base, base + 256):
            ch = chr(cp)
            if normalize("NFC", "".join(fold_char(k) for k in normalize("NFD", ch))) != ch:
                found.append((cp, cp))
    _NFKC_CF_RANGES = _normalize(found)
    return _NFKC_CF_RANGES


# ---------------------------------------------------------------------------------------------
# AST
# ---------------------------------------------------------------------------------------------

class _Char:
    """One character from a set: ``ranges`` of code points (code units without /u), ``props``
    (``regex`` property items such as ``\\p{gc=Lu}``), ``negated`` for ``[^...]``. Case closure is
    already applied."""

    __slots__ = ("ranges", "props", "negated")

    def __init__(self, ranges, props=(), negated=False):
        self.ranges = ranges
        self.props = props
        self.negated = negated


class _Seq:
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = items


class _Alt:
    __slots__ = ("alts",)

    def __init__(self, alts):
        self.alts = alts


class _Group:
    __slots__ = ("index", "child")

    def __init__(self, index, child):
        self.index = index
        self.child = child


class _Look:
    __slots__ = ("behind", "negative", "child")

    def __init__(self, behind, negative, child):
        self.behind = behind
        self.negative = negative
        self.child = child


class _Quant:
    """``child{min,max}``; ``max`` None is unbounded; captures ``cap_lo <= n < cap_hi`` are
    inside ``child``."""

    __slots__ = ("child", "min", "max", "greedy", "cap_lo", "cap_hi")

    def __init__(self, child, lo, hi, greedy, cap_lo, cap_hi):
        self.child = child
        self.min = lo
        self.max = hi
        self.greedy = greedy
        self.cap_lo = cap_lo
        self.cap_hi = cap_hi


class _BackRef:
    """``\\n`` or ``\\k<name>``; ``open`` when it sits inside the group it names (then it always
    matches the empty string: the group cannot have a value yet)."""

    __slots__ = ("index", "name", "open")

    def __init__(self, index, name=None, open_=False):
        self.index = index
        self.name = name
        self.open = open_


class _Assert:
    """``^`` ``$`` ``\\b`` ``\\B`` as kinds "^", "$", "b", "B"."""

    __slots__ = ("kind",)

    def __init__(self, kind):
        self.kind = kind


# ---------------------------------------------------------------------------------------------
# Parser (§22.2.1 Patterns, B.1.2 Regular Expressions Patterns)
# ---------------------------------------------------------------------------------------------

_SYNTAX_CHARACTERS = frozenset(map(ord, "^$\\.*+?()[]{}|"))
_CONTROL_ESCAPES = {0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09, 0x76: 0x0B}  # f n r t v
_CLASS_ESCAPE_LETTERS = frozenset(map(ord, "dDsSwW"))
_HEX_VALUES = {ord(c): int(c, 16) for c in "0123456789abcdefABCDEF"}


def _is_ascii_letter(c: int) -> bool:
    return 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A


def _is_digit(c: int) -> bool:
    return 0x30 <= c <= 0x39


def _code_points_of(text: str) -> list:
    """The code points of a UTF-16 string: surrogate pairs joined, lone surrogates kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = ord(text[i])
        if 0xD800 <= c <= 0xDBFF and i + 1 < n and 0xDC00 <= ord(text[i + 1]) <= 0xDFFF:
            c = 0x10000 + ((c - 0xD800) << 10) + (ord(text[i + 1]) - 0xDC00)
            i += 1
        out.append(c)
        i += 1
    return out


def _utf16(cps) -> str:
    out = []
    for c in cps:
        if c > 0xFFFF:
            c -= 0x10000
            out.append(chr(0xD800 + (c >> 10)))
            out.append(chr(0xDC00 + (c & 0x3FF)))
        else:
            out.append(chr(c))
    return "".join(out)


def _decimal(digits: str) -> int:
    """A quantifier bound; values beyond any string length are capped (order checks compare
    the digit strings themselves)."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= 18 else 10 ** 18


def _decimal_less(a: str, b: str) -> bool:
    a = a.lstrip("0") or "0"
    b = b.lstrip("0") or "0"
    return (len(a), a) < (len(b), b)


class _Parser:
    """Pattern source -> AST, with the early errors of §22.2.1.1 and Annex B without /u."""

    def __init__(self, source: str, flags: str):
        self.source = source
        self.flags = flags
        self.unicode = "u" in flags
        self.ignore_case = "i" in flags
        self.src = _code_points_of(source) if self.unicode else [ord(c) for c in source]
        self.n = len(self.src)
        self.pos = 0
        self.total_groups, self.has_named = self._prescan()
        self.group_count = 0
        self.names: dict = {}
        self.name_list: list = []
        self.open_groups: list = []
        self.pending_names: list = []
        self.backrefs = 0
        self.duplicate_name = False
        self.case = _case_table(self.unicode) if self.ignore_case else None

    def error(self, message: str):
        raise RegExpSyntaxError(
            f"Invalid regular expression: /{self.source}/{self.flags}: {message}")

    def _prescan(self):
        """Count capturing groups and detect group names before parsing: ``\\10`` and ``\\k``
        depend on them (NcapturingParens, and the [N] grammar parameter)."""
        src, n = self.src, self.n
        i = count = 0
        named = in_class = False
        while i < n:
            c = src[i]
            if c == 0x5C:
                i += 2
                continue
            if in_class:
                if c == 0x5D:
                    in_class = False
            elif c == 0x5B:
                in_class = True
            elif c == 0x28:
                if i + 1 < n and src[i + 1] == 0x3F:
                    if i + 3 < n and src[i + 2] == 0x3C and src[i + 3] not in (0x3D, 0x21):
                        count += 1
                        named = True
                else:
                    count += 1
            i += 1
        return count, named

    # -- nodes ----------------------------------------------------------------------------

    def char(self, cp: int) -> _Char:
        if self.case is not None:
            cls = self.case.classes.get(cp)
            if cls:
                return _Char(_normalize((c, c) for c in cls))
        return _Char(((cp, cp),))

    def char_set(self, ranges, props=(), negated=False) -> _Char:
        ranges = _normalize(ranges)
        if self.case is not None:
            ranges = self.case.close(ranges, props)
        return _Char(ranges, tuple(props), negated)

    # -- structure ------------------------------------------------------------------------

    def parse(self):
        src, n = self.src, self.n
        stack = []  # (kind, group index, first capture index inside, alternatives, sequence)
        alternatives: list = []
        seq: list = []
        while True:
            if self.pos >= n:
                if stack:
                    self.error("Unterminated group")
                break
            c = src[self.pos]
            if c == 0x7C:  # |
                if self.duplicate_name:
                    self.error("Duplicate capture group name")
                alternatives.append(seq)
                seq = []
                self.pos += 1
            elif c == 0x29:  # )
                if not stack:
                    self.error("Unmatched ')'")
                self.pos += 1
                body = self._alternation(alternatives, seq)
                kind, index, caps_start, alternatives, seq = stack.pop()
                if kind == "group":
                    self.open_groups.pop()
                    self.atom(seq, _Group(index, body), caps_start)
                elif kind == "plain":
                    self.atom(seq, body, caps_start)
                elif kind in ("ahead", "not-ahead"):
                    node = _Look(False, kind == "not-ahead", body)
                    self.atom(seq, node, caps_start, "look" if self.unicode else "atom")
                else:
                    self.atom(seq, _Look(True, kind == "not-behind", body), caps_start, "look")
            elif c == 0x28:  # (
                if len(stack) >= _NESTING_LIMIT:
                    self.error("Regular expression too large")
                kind, index = self._group_open()
                stack.append((kind, index, self.group_count + 1 if index is None else index,
                              alternatives, seq))
                alternatives, seq = [], []
            else:
                self._term(seq)
        return self._alternation(alternatives, seq)

    @staticmethod
    def _alternation(alternatives, seq):
        if not alternatives:
            return seq[0] if len(seq) == 1 else _Seq(seq)
        alts = [s[0] if len(s) == 1 else _Seq(s) for s in alternatives + [seq]]
        return _Alt(alts)

    def _group_open(self):
        src, n = self.src, self.n
        self.pos += 1
        if self.pos < n and src[self.pos] == 0x3F:  # ?
            nxt = src[self.pos + 1] if self.pos + 1 < n else -1
            if nxt == 0x3A:
                self.pos += 2
                return "plain", None
            if nxt == 0x3D:
                self.pos += 2
                return "ahead", None
            if nxt == 0x21:
                self.pos += 2
                return "not-ahead", None
            if nxt == 0x3C:
                third = src[self.pos + 2] if self.pos + 2 < n else -1
                if third == 0x3D:
                    self.pos += 3
                    return "behind", None
                if third == 0x21:
                    self.pos += 3
                    return "not-behind", None
                self.pos += 2
                name = self._group_name()
                index = self._new_group()
                if name in self.names:
                    self.duplicate_name = True  # reported after parsing, as V8 does
                    return "group", index
                self.names[name] = index
                self.name_list.append((name, index))
                return "group", index
            self.error("Invalid group")
        return "group", self._new_group()

    def _new_group(self) -> int:
        self.group_count += 1
        self.open_groups.append(self.group_count)
        return self.group_count

    def atom(self, seq, node, caps_start, kind="atom"):
        """Append ``node`` to ``seq``, with the quantifier that follows it, if any.

        ``kind``: "atom" (quantifiable), "assertion" (a quantifier is "Nothing to repeat"),
        "look" (a quantifier is "Invalid quantifier").
        """
        quantifier = self._quantifier(kind != "assertion")
        if quantifier is None:
            seq.append(node)
            return
        if kind == "assertion":
            self.error("Nothing to repeat")
        if kind == "look":
            self.error("Invalid quantifier")
        lo, hi, greedy = quantifier
        seq.append(_Quant(node, lo, hi, greedy, caps_start, self.group_count + 1))

    def _braced(self, p):
        """``{n}``, ``{n,}`` or ``{n,m}`` at ``p``: (min, max, end, min digits, max digits)."""
        src, n = self.src, self.n
        q = p + 1
        while q < n and _is_digit(src[q]):
            q += 1
        if q == p + 1 or q >= n:
            return None
        lo_digits = _utf16(src[p + 1:q])
        if src[q] == 0x7D:
            return _decimal(lo_digits), _decimal(lo_digits), q + 1, lo_digits, lo_digits
        if src[q] != 0x2C:
            return None
        q += 1
        start = q
        while q < n and _is_digit(src[q]):
            q += 1
        if q >= n or src[q] != 0x7D:
            return None
        if q == start:
            return _decimal(lo_digits), None, q + 1, lo_digits, None
        hi_digits = _utf16(src[start:q])
        return _decimal(lo_digits), _decimal(hi_digits), q + 1, lo_digits, hi_digits

    def _quantifier(self, complete=True):
        """Quantifier at ``self.pos``: (min, max, greedy) or None. With /u an incomplete ``{``
        is an error when ``complete`` (after an atom); after an assertion it is left for the
        next term, which reports a lone bracket."""
        if self.pos >= self.n:
            return None
        c = self.src[self.pos]
        if c == 0x2A:
            lo, hi = 0, None
            self.pos += 1
        elif c == 0x2B:
            lo, hi = 1, None
            self.pos += 1
        elif c == 0x3F:
            lo, hi = 0, 1
            self.pos += 1
        elif c == 0x7B:
            braced = self._braced(self.pos)
            if braced is None:
                if self.unicode and complete:
                    self.error("Incomplete quantifier")
                return None
            lo, hi, self.pos, lo_digits, hi_digits = braced
            if hi_digits is not None and _decimal_less(hi_digits, lo_digits):
                self.error("numbers out of order in {} quantifier")
        else:
            return None
        greedy = True
        if self.pos < self.n and self.src[self.pos] == 0x3F:
            greedy = False
            self.pos += 1
        return lo, hi, greedy

    def _term(self, seq):
        src = self.src
        c = src[self.pos]
        caps_start = self.group_count + 1
        if c == 0x5E:  # ^
            self.pos += 1
            self.atom(seq, _Assert("^"), caps_start, "assertion")
        elif c == 0x24:  # $
            self.pos += 1
            self.atom(seq, _Assert("$"), caps_start, "assertion")
        elif c == 0x5C:  # backslash
            nxt = src[self.pos + 1] if self.pos + 1 < self.n else -1
            if nxt in (0x62, 0x42):  # \b \B
                self.pos += 2
                self.atom(seq, _Assert("b" if nxt == 0x62 else "B"), caps_start, "assertion")
            else:
                self.pos += 1
                self.atom(seq, self._atom_escape(), caps_start)
        elif c == 0x5B:
            self.atom(seq, self._class(), caps_start)
        elif c == 0x2E:  # .
            self.pos += 1
            ranges = ((0, _MAX_CP),) if "s" in self.flags else _complement(_LINE_TERMINATORS)
            self.atom(seq, _Char(ranges), caps_start)
        elif c in (0x2A, 0x2B, 0x3F):
            self.error("Nothing to repeat")
        elif c == 0x7B:
            if self._braced(self.pos) is not None:
                self.error("Nothing to repeat")
            if self.unicode:
                self.error("Lone quantifier brackets")
            self.pos += 1
            self.atom(seq, self.char(c), caps_start)
        elif c in (0x7D, 0x5D) and self.unicode:
            self.error("Lone quantifier brackets")
        else:
            self.pos += 1
            self.atom(seq, self.char(c), caps_start)

    # -- escapes --------------------------------------------------------------------------

    def _hex(self, p, count):
        src = self.src
        if p + count > self.n:
            return None
        value = 0
        for k in range(p, p + count):
            d = _HEX_VALUES.get(src[k])
            if d is None:
                return None
            value = value * 16 + d
        return value

    def _unicode_escape(self, unicode_mode: bool):
        """``\\uHHHH`` (a surrogate pair of them joined in Unicode mode) or ``\\u{H...}``, with
        ``self.pos`` at the ``u``; None (position unchanged) when absent."""
        src, n = self.src, self.n
        p = self.pos + 1
        value = self._hex(p, 4)
        if value is not None:
            p += 4
            if (unicode_mode and 0xD800 <= value <= 0xDBFF and p + 1 < n and src[p] == 0x5C
                    and src[p + 1] == 0x75):
                trail = self._hex(p + 2, 4)
                if trail is not None and 0xDC00 <= trail <= 0xDFFF:
                    value = 0x10000 + ((value - 0xD800) << 10) + (trail - 0xDC00)
                    p += 6
            self.pos = p
            return value
        if unicode_mode and p < n and src[p] == 0x7B:
            q = p + 1
            value = 0
            while q < n and src[q] in _HEX_VALUES:
                value = min(value * 16 + _HEX_VALUES[src[q]], _MAX_CP + 1)
                q += 1
            if q > p + 1 and q < n and src[q] == 0x7D and value <= _MAX_CP:
                self.pos = q + 1
                return value
            self.error("Invalid Unicode escape")
        return None

    def _legacy_octal(self) -> int:
        """LegacyOctalEscapeSequence (B.1.2), ``self.pos`` at its first digit."""
        src, n = self.src, self.n
        first = src[self.pos] - 0x30
        self.pos += 1
        value = first
        for _ in range(2 if first <= 3 else 1):
            if self.pos < n and 0x30 <= src[self.pos] <= 0x37:
                value = value * 8 + src[self.pos] - 0x30
                self.pos += 1
            else:
                break
        return value

    def _class_escape_set(self, c: int):
        """The ranges of \\d \\D \\s \\S \\w \\W (CharacterClassEscape)."""
        if c in (0x64, 0x44):
            ranges = _DIGITS
        elif c in (0x73, 0x53):
            ranges = _WHITE_SPACE
        else:
            ranges = _WORD_IU if (self.unicode and self.ignore_case) else _WORD
        return ranges if c >= 0x61 else _complement(ranges)

    def _property(self, negated: bool):
        """``\\p{...}`` / ``\\P{...}`` with /u, ``self.pos`` after the ``p``: (ranges, props)."""
        src, n = self.src, self.n
        if self.pos >= n or src[self.pos] != 0x7B:
            self.error("Invalid property name")
        end = self.pos + 1
        while end < n and src[end] != 0x7D:
            end += 1
        if end >= n:
            self.error("Invalid property name")
        text = "".join(map(chr, src[self.pos + 1:end]))
        self.pos = end + 1
        name, eq, value = text.partition("=")
        if not name or not all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in name + value):
            self.error("Invalid property name")
        if eq:
            if not value:
                self.error("Invalid property name")
            if name in ("General_Category", "gc"):
                canonical = _GENERAL_CATEGORIES.get(value)
                item = canonical and rf"\p{{gc={canonical}}}"
            elif name in ("Script", "sc"):
                canonical = _SCRIPTS.get(value)
                item = canonical and rf"\p{{Script={canonical}}}"
            elif name in ("Script_Extensions", "scx"):
                canonical = _SCRIPTS.get(value)
                item = canonical and rf"\p{{Script_Extensions={canonical}}}"
            else:
                item = None
        elif name in _GENERAL_CATEGORIES:
            item = rf"\p{{gc={_GENERAL_CATEGORIES[name]}}}"
        elif name in _BINARY_PROPERTIES:
            canonical = _BINARY_PROPERTIES[name]
            if canonical == "Changes_When_NFKC_Casefolded":
                ranges = _changes_when_nfkc_casefolded()
                return (_complement(ranges) if negated else ranges), ()
            item = rf"\p{{{canonical}}}"
        else:
            item = None
        if not item:
            self.error("Invalid property name")
        if negated:
            item = r"\P" + item[2:]
        return (), (item,)

    def _character_escape(self, c: int) -> int:
        """CharacterEscape after the backslash (``self.pos`` at ``c``) for the letters not
        handled by the callers: ControlEscape, ``x``, ``u`` and IdentityEscape."""
        if c in _CONTROL_ESCAPES:
            self.pos += 1
            return _CONTROL_ESCAPES[c]
        if c == 0x78:  # x
            value = self._hex(self.pos + 1, 2)
            if value is not None:
                self.pos += 3
                return value
            if self.unicode:
                self.error("Invalid escape")
            self.pos += 1
            return c
        if c == 0x75:  # u
            value = self._unicode_escape(self.unicode)
            if value is not None:
                return value
            if self.unicode:
                self.error("Invalid Unicode escape")
            self.pos += 1
            return c
        if self.unicode and c not in _SYNTAX_CHARACTERS and c != 0x2F:
            self.error("Invalid escape")
        self.pos += 1
        return c

    def _atom_escape(self):
        """AtomEscape, ``self.pos`` after the backslash."""
        src, n = self.src, self.n
        if self.pos >= n:
            self.error("\\ at end of pattern")
        c = src[self.pos]
        if 0x31 <= c <= 0x39:  # DecimalEscape: a backreference, or Annex B octal/identity
            end = self.pos
            while end < n and _is_digit(src[end]):
                end += 1
            digits = _utf16(src[self.pos:end])
            if not _decimal_less(str(self.total_groups), digits):
                self.pos = end
                index = int(digits)
                self.backrefs += 1
                return _BackRef(index, None, index in self.open_groups)
            if self.unicode:
                self.error("Invalid escape")
            if c >= 0x38:
                self.pos += 1
                return self.char(c)
            return self.char(self._legacy_octal())
        if c == 0x30:
            if self.unicode:
                if self.pos + 1 < n and _is_digit(src[self.pos + 1]):
                    self.error("Invalid decimal escape")
                self.pos += 1
                return self.char(0)
            return self.char(self._legacy_octal())
        if c in _CLASS_ESCAPE_LETTERS:
            self.pos += 1
            return self.char_set(self._class_escape_set(c))
        if c in (0x70, 0x50) and self.unicode:  # \p \P
            self.pos += 1
            ranges, props = self._property(c == 0x50)
            return self.char_set(ranges, props)
        if c == 0x6B and (self.unicode or self.has_named):  # \k<name>
            self.pos += 1
            if self.pos >= n or src[self.pos] != 0x3C:
                self.error("Invalid named reference")
            self.pos += 1
            name = self._group_name()
            self.backrefs += 1
            index = self.names.get(name)
            node = _BackRef(index, name, index is not None and index in self.open_groups)
            if index is None:
                self.pending_names.append(node)
            return node
        if c == 0x63:  # \c
            if self.pos + 1 < n and _is_ascii_letter(src[self.pos + 1]):
                self.pos += 2
                return self.char(src[self.pos - 1] % 32)
            if self.unicode:
                self.error("Invalid Unicode escape")
            return self.char(0x5C)  # Annex B: the backslash is literal, "c" is read next
        return self.char(self._character_escape(c))

    def _group_name(self) -> str:
        """RegExpIdentifierName and the closing ``>``, ``self.pos`` after the ``<``."""
        src, n = self.src, self.n
        cps = []
        while True:
            if self.pos >= n:
                self.error("Invalid capture group name")
            c = src[self.pos]
            if c == 0x3E:
                self.pos += 1
                break
            if c == 0x5C:
                self.pos += 1
                if self.pos >= n or src[self.pos] != 0x75:
                    self.error("Invalid capture group name")
                c = self._unicode_escape(True)
                if c is None:
                    self.error("Invalid capture group name")
            else:
                self.pos += 1
                if (0xD800 <= c <= 0xDBFF and self.pos < n
                        and 0xDC00 <= src[self.pos] <= 0xDFFF):
                    c = 0x10000 + ((c - 0xD800) << 10) + (src[self.pos] - 0xDC00)
                    self.pos += 1
            if 0xD800 <= c <= 0xDFFF:
                self.error("Invalid capture group name")
            ok = _ID_CONTINUE(chr(c)) if cps else _ID_START(chr(c))
            if not ok:
                self.error("Invalid capture group name")
            cps.append(c)
        if not cps:
            self.error("Invalid capture group name")
        return _utf16(cps)

    # -- classes --------------------------------------------------------------------------

    def _class(self) -> _Char:
        """CharacterClass, ``self.pos`` at the ``[``."""
        src, n = self.src, self.n
        self.pos += 1
        negated = False
        if self.pos < n and src[self.pos] == 0x5E:
            negated = True
            self.pos += 1
        ranges: list = []
        props: list = []

        def add(atom):
            if isinstance(atom, int):
                ranges.append((atom, atom))
            else:
                ranges.extend(atom[0])
                props.extend(atom[1])

        while True:
            if self.pos >= n:
                self.error("Unterminated character class")
            if src[self.pos] == 0x5D:
                self.pos += 1
                break
            first = self._class_atom()
            if (self.pos + 1 < n and src[self.pos] == 0x2D and src[self.pos + 1] != 0x5D):
                self.pos += 1
                second = self._class_atom()
                if isinstance(first, int) and isinstance(second, int):
                    if first > second:
                        self.error("Range out of order in character class")
                    ranges.append((first, second))
                else:
                    if self.unicode:
                        self.error("Invalid character class")
                    add(first)
                    add(0x2D)
                    add(second)
            else:
                add(first)
        return self.char_set(ranges, props, negated)

    def _class_atom(self):
        """ClassAtom: a code point, or (ranges, props) for a class escape."""
        src, n = self.src, self.n
        c = src[self.pos]
        if c != 0x5C:
            self.pos += 1
            return c
        self.pos += 1
        if self.pos >= n:
            self.error("\\ at end of pattern")
        c = src[self.pos]
        if c == 0x62:  # \b is backspace in a class
            self.pos += 1
            return 0x08
        if c == 0x2D and self.unicode:
            self.pos += 1
            return c
        if c in _CLASS_ESCAPE_LETTERS:
            self.pos += 1
            return self._class_escape_set(c), ()
        if c in (0x70, 0x50) and self.unicode:
            self.pos += 1
            return self._property(c == 0x50)
        if c == 0x63:  # \c
            nxt = src[self.pos + 1] if self.pos + 1 < n else -1
            if _is_ascii_letter(nxt) or (not self.unicode and (_is_digit(nxt) or nxt == 0x5F)):
                self.pos += 2
                return nxt % 32
            if self.unicode:
                self.error("Invalid Unicode escape")
            return 0x5C  # Annex B: literal backslash, the "c" is the next atom
        if _is_digit(c):
            if self.unicode:
                if c == 0x30 and not (self.pos + 1 < n and _is_digit(src[self.pos + 1])):
                    self.pos += 1
                    return 0
                self.error("Invalid escape" if c >= 0x38 else "Invalid class escape")
            if c >= 0x38:
                self.pos += 1
                return c
            return self._legacy_octal()
        if c == 0x6B and (self.unicode or self.has_named):
            self.error("Invalid escape")
        if c == 0x42 and self.unicode:
            self.error("Invalid escape")
        return self._character_escape(c)


# ---------------------------------------------------------------------------------------------
# Analysis: can ``regex`` run this AST with exactly the JS semantics?
# ---------------------------------------------------------------------------------------------

def _can_be_empty(node) -> bool:
    t = type(node)
    if t is _Char:
        return False
    if t is _Seq:
        return all(_can_be_empty(x) for x in node.items)
    if t is _Alt:
        return any(_can_be_empty(x) for x in node.alts)
    if t is _Group:
        return _can_be_empty(node.child)
    if t is _Quant:
        return node.min == 0 or _can_be_empty(node.child)
    return True


def _can_consume(node) -> bool:
    t = type(node)
    if t is _Char:
        return True
    if t is _Seq:
        return any(_can_consume(x) for x in node.items)
    if t is _Alt:
        return any(_can_consume(x) for x in node.alts)
    if t is _Group:
        return _can_consume(node.child)
    if t is _Quant:
        return node.max != 0 and _can_consume(node.child)
    if t is _BackRef:
        return node.index is not None and not node.open
    return False


def _empty_is_last(node) -> bool:
    """True when the node has at most one way to match the empty string and that way is the
    last it tries: then an engine that accepts an empty iteration and stops looping (``regex``)
    behaves like one that rejects it (JS, RepeatMatcher step 2.b)."""
    t = type(node)
    if t is _Group:
        return _empty_is_last(node.child)
    if t is _Alt:
        alts = node.alts
        return not any(_can_be_empty(x) for x in alts[:-1]) and _empty_is_last(alts[-1])
    if t is _Seq:
        items = node.items
        return not all(_can_be_empty(x) for x in items) or all(_empty_is_last(x) for x in items)
    if t is _Quant:
        if node.max == 0:
            return True
        if node.greedy:
            return node.min == 0 or _empty_is_last(node.child)
        if not _can_consume(node.child):
            return True
        return node.min == node.max and _empty_is_last(node.child)
    return True


def _always_captured(node) -> frozenset:
    """Captures that every successful match of ``node`` sets."""
    t = type(node)
    if t is _Seq:
        out = frozenset()
        for x in node.items:
            out |= _always_captured(x)
        return out
    if t is _Alt:
        sets = [_always_captured(x) for x in node.alts]
        return frozenset.intersection(*sets)
    if t is _Group:
        return _always_captured(node.child) | {node.index}
    if t is _Quant:
        return _always_captured(node.child) if node.min >= 1 else frozenset()
    if t is _Look:
        return frozenset() if node.negative else _always_captured(node.child)
    return frozenset()


class _Exactness:
    """Finds the first construct on which ``regex`` and JS part ways (``reason``)."""

    def __init__(self):
        self.reason = None

    def walk(self, node, before: frozenset, loops: tuple, backward: bool) -> frozenset:
        """``before``: captures surely set (in the current iteration of every enclosing loop)
        when ``node`` starts; returns the same after it."""
        t = type(node)
        if t is _Char or t is _Assert:
            return before
        if t is _BackRef:
            if node.index is not None and not node.open and node.index not in before:
                for lo, hi in loops:
                    if lo <= node.index < hi:
                        self.reason = "backreference to a group in the same repeated group"
            return before
        if t is _Group:
            return self.walk(node.child, before, loops, backward) | {node.index}
        if t is _Seq:
            for x in (reversed(node.items) if backward else node.items):
                before = self.walk(x, before, loops, backward)
            return before
        if t is _Alt:
            result = None
            for x in node.alts:
                after = self.walk(x, before, loops, backward)
                result = after if result is None else result & after
            return result
        if t is _Look:
            after = self.walk(node.child, before, loops, node.behind)
            return before if node.negative else after
        # _Quant
        if node.max == 0:
            return before
        lo, hi = node.cap_lo, node.cap_hi
        repeats = node.max is None or node.max > 1
        if repeats and hi > lo and set(range(lo, hi)) - _always_captured(node.child):
            self.reason = "capture group that may not participate in every iteration"
        if (node.max is None or node.max > node.min) and _can_be_empty(node.child):
            if hi > lo or not node.greedy or not _empty_is_last(node.child):
                self.reason = "repeated subpattern that can match the empty string"
        inner = frozenset(x for x in before if not lo <= x < hi)
        after = self.walk(node.child, inner, loops + ((lo, hi),) if repeats else loops, backward)
        return after if node.min >= 1 else before


def _expansion(node) -> int:
    """Roughly the size of the ``regex`` program: it unrolls the required part of a counted
    repetition, so ``a{1000000,}`` would take seconds and megabytes to compile."""
    t = type(node)
    if t is _Seq:
        return sum(_expansion(x) for x in node.items)
    if t is _Alt:
        return sum(_expansion(x) for x in node.alts)
    if t is _Group or t is _Look:
        return 1 + _expansion(node.child)
    if t is _Quant:
        inner = _expansion(node.child)
        return min(inner * (min(node.min, _EXPANSION_LIMIT) + 1), _EXPANSION_LIMIT + 1)
    return 1


def _unsafe_reason(root):
    check = _Exactness()
    check.walk(root, frozenset(), (), False)
    if check.reason is None and _expansion(root) > _EXPANSION_LIMIT:
        return "repeat counts too large for regex"
    return check.reason


def _first_char(node):
    """A _Char every match must start with (forward), or None."""
    t = type(node)
    if t is _Char:
        return node
    if t is _Group:
        return _first_char(node.child)
    if t is _Seq:
        return _first_char(node.items[0]) if node.items else None
    if t is _Quant and node.min >= 1:
        return _first_char(node.child)
    return None


# ---------------------------------------------------------------------------------------------
# Translation to ``regex`` syntax
# ---------------------------------------------------------------------------------------------

def _escape(cp: int) -> str:
    if 0x30 <= cp <= 0x39 or 0x41 <= cp <= 0x5A or 0x61 <= cp <= 0x7A:
        return chr(cp)
    return "\\u%04x" % cp if cp <= 0xFFFF else "\\U%08x" % cp


def _class_text(ranges, props, negated) -> str:
    """A ``regex`` character class matching one character of the set."""
    if not ranges and not props:
        return "[\\u0000-\\U0010ffff]" if negated else "[^\\u0000-\\U0010ffff]"
    if not props and not negated and len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
        return _escape(ranges[0][0])
    parts = []
    for lo, hi in ranges:
        if lo == hi:
            parts.append(_escape(lo))
        elif lo + 1 == hi:
            parts.append(_escape(lo) + _escape(hi))
        else:
            parts.append(_escape(lo) + "-" + _escape(hi))
    parts.extend(props)
    return "[" + ("^" if negated else "") + "".join(parts) + "]"


def _quantifier_text(lo, hi, greedy) -> str:
    if hi is None:
        text = "*" if lo == 0 else "+" if lo == 1 else "{%d,}" % lo
    elif lo == 0 and hi == 1:
        text = "?"
    elif lo == hi:
        text = "{%d}" % lo
    else:
        text = "{%d,%d}" % (lo, hi)
    return text if greedy else text + "?"


class _Translator:
    """AST -> ``regex`` (V0) pattern text with the same meaning."""

    def __init__(self, flags: str):
        self.ignore_case = "i" in flags
        word = _WORD_IU if ("u" in flags and "i" in flags) else _WORD
        w = _class_text(word, (), False)
        lt = _class_text(_normalize(_LINE_TERMINATORS), (), True)
        self.asserts = {
            "^": f"(?<!{lt})" if "m" in flags else r"\A",
            "$": f"(?!{lt})" if "m" in flags else r"\Z",
            "b": f"(?:(?<={w})(?!{w})|(?<!{w})(?={w}))",
            "B": f"(?:(?<={w})(?={w})|(?<!{w})(?!{w}))",
        }

    def emit(self, node) -> str:
        t = type(node)
        if t is _Char:
            return _class_text(node.ranges, node.props, node.negated)
        if t is _Seq:
            return "".join(self.emit(x) for x in node.items)
        if t is _Alt:
            return "(?:" + "|".join(self.emit(x) for x in node.alts) + ")"
        if t is _Group:
            return "(" + self.emit(node.child) + ")"
        if t is _Look:
            head = ("(?<" if node.behind else "(?") + ("!" if node.negative else "=")
            return head + self.emit(node.child) + ")"
        if t is _BackRef:
            if node.open or node.index is None:
                return ""
            ref = "\\g<%d>" % node.index
            if self.ignore_case:
                ref = "(?i:" + ref + ")"
            return "(?(%d)%s)" % (node.index, ref)
        if t is _Assert:
            return self.asserts[node.kind]
        # _Quant
        lo, hi = node.min, node.max
        if hi is not None and hi > _REPEAT_LIMIT:
            hi = None
        body = self.emit(node.child)  # (a large ``lo`` never gets here: see _expansion)
        if lo == 1 and hi == 1:
            return body
        if type(node.child) not in (_Char, _Group):
            body = "(?:" + body + ")"
        if hi == 0:  # matches empty; kept so that the groups inside keep their numbers
            return body + "{0}"
        return body + _quantifier_text(lo, hi, node.greedy)


# ---------------------------------------------------------------------------------------------
# _VM: the spec's backtracking algorithm (§22.2.2), for patterns ``regex`` cannot run exactly
# ---------------------------------------------------------------------------------------------

(_OP_CHAR, _OP_CLASS, _OP_SPLIT, _OP_JMP, _OP_SAVE, _OP_CAPTURE, _OP_RESET, _OP_ASSERT,
 _OP_BACKREF, _OP_LOOK, _OP_LOOP_INIT, _OP_LOOP, _OP_LOOP_END, _OP_STAR, _OP_MATCH) = range(15)
_CHECK_EVERY = 4096


class _VM:
    """A compiled program of tuples ``(opcode, operands...)`` and the loop that runs it.

    State: ``pos``, ``caps`` (tuple of start/end per group, -1 unset), ``regs`` (tuple of
    registers: loop counters, iteration start positions, group start positions). Choice points
    push ``(kind, pc, pos, caps, regs, a, b)``: kind 0 plain, 1 greedy single-character loop
    (``a`` lowest position, ``b`` direction), 2 lazy single-character loop (``a`` count).
    """

    def __init__(self, root, group_count: int, flags: str):
        self.unicode = "u" in flags
        self.ignore_case = "i" in flags
        self.multiline = "m" in flags
        word = _WORD_IU if (self.unicode and self.ignore_case) else _WORD
        self.word = frozenset(chr(c) for lo, hi in word for c in range(lo, hi + 1))
        self.fold = _case_table(self.unicode).canon if self.ignore_case else None
        self.group_count = group_count
        self.prog: list = []
        self.nregs = 0
        self._looks: list = []
        self._emit(root, 1)
        self.prog.append((_OP_MATCH,))
        while self._looks:
            at, node = self._looks.pop()
            start = len(self.prog)
            self._emit(node.child, -1 if node.behind else 1)
            self.prog.append((_OP_MATCH,))
            self.prog[at] = (_OP_LOOK, start, node.negative)
        first = _first_char(root)
        self.first = None
        if first is not None:
            self.first = _rx.compile(_class_text(first.ranges, first.props, first.negated),
                                     _V0).search

    # -- compiler -------------------------------------------------------------------------

    def _reg(self) -> int:
        self.nregs += 1
        return self.nregs - 1

    def _char_test(self, node: _Char):
        ranges = node.ranges
        single = len(ranges) == 1 and ranges[0][0] == ranges[0][1]
        if single and not node.props and not node.negated:
            return chr(ranges[0][0]), None
        return None, _rx.compile(_class_text(ranges, node.props, node.negated), _V0).match

    def _emit(self, node, d: int):
        prog = self.prog
        t = type(node)
        if t is _Char:
            ch, test = self._char_test(node)
            prog.append((_OP_CHAR, ch, d) if ch is not None else (_OP_CLASS, test, d))
        elif t is _Seq:
            for x in (node.items if d > 0 else reversed(node.items)):
                self._emit(x, d)
        elif t is _Alt:
            jumps = []
            last = len(node.alts) - 1
            for k, alt in enumerate(node.alts):
                if k < last:
                    split = len(prog)
                    prog.append(None)
                    self._emit(alt, d)
                    jumps.append(len(prog))
                    prog.append(None)
                    prog[split] = (_OP_SPLIT, split + 1, len(prog))
                else:
                    self._emit(alt, d)
            for j in jumps:
                prog[j] = (_OP_JMP, len(prog))
        elif t is _Group:
            r = self._reg()
            prog.append((_OP_SAVE, r))
            self._emit(node.child, d)
            prog.append((_OP_CAPTURE, node.index, r, d))
        elif t is _Look:
            self._looks.append((len(prog), node))
            prog.append(None)
        elif t is _BackRef:
            if node.index is not None and not node.open:
                prog.append((_OP_BACKREF, node.index, d))
        elif t is _Assert:
            prog.append((_OP_ASSERT, node.kind))
        else:
            self._emit_quant(node, d)

    def _emit_quant(self, node: _Quant, d: int):
        prog = self.prog
        lo, hi = node.min, node.max
        if hi == 0:
            return
        if lo == 1 and hi == 1:
            self._emit(node.child, d)
            return
        if type(node.child) is _Char:
            ch, test = self._char_test(node.child)
            if test is None:
                test = _rx.compile(_escape(ord(ch)), _V0).match
            text = _class_text(node.child.ranges, node.child.props, node.child.negated)
            count = "*" if hi is None or hi > _REPEAT_LIMIT else "{0,%d}" % hi
            run = _rx.compile(("(?r)" if d < 0 else "") + "(?:" + text + ")" + count, _V0).match
            prog.append((_OP_STAR, test, run, lo, -1 if hi is None else hi, node.greedy, d))
            return
        counter, start = self._reg(), self._reg()
        prog.append((_OP_LOOP_INIT, counter))
        loop = len(prog)
        prog.append(None)
        body = len(prog)
        prog.append((_OP_SAVE, start))
        if node.cap_hi > node.cap_lo:
            prog.append((_OP_RESET, 2 * node.cap_lo, 2 * node.cap_hi))
        self._emit(node.child, d)
        prog.append((_OP_LOOP_END, counter, start, lo, loop))
        prog[loop] = (_OP_LOOP, counter, lo, -1 if hi is None else hi, node.greedy, body,
                      len(prog))

    # -- matcher --------------------------------------------------------------------------

    def search(self, s: str, index: int, sticky: bool, deadline):
        """Spans tuple (code unit/point indices of ``s``) of the first match at or after
        ``index`` (exactly at it if ``sticky``), or None."""
        n = len(s)
        caps0 = (-1,) * (2 * self.group_count + 2)
        regs0 = (0,) * self.nregs
        start = index
        first = self.first
        budget = [_CHECK_EVERY, deadline]
        while start <= n:
            if first is not None and not sticky:
                m = first(s, start)
                if m is None:
                    return None
                start = m.start()
            result = self._run(0, s, start, caps0, regs0, budget)
            if result is not None:
                caps, end = result
                return (start, end) + caps[2:]
            if sticky:
                return None
            start += 1
        return None

    def _run(self, pc, s, pos, caps, regs, budget):
        prog = self.prog
        n = len(s)
        stack = []
        push = stack.append
        while True:
            op = prog[pc]
            code = op[0]
            if code == _OP_CHAR:
                if op[2] > 0:
                    if pos < n and s[pos] == op[1]:
                        pos += 1
                        pc += 1
                        continue
                elif pos > 0 and s[pos - 1] == op[1]:
                    pos -= 1
                    pc += 1
                    continue
            elif code == _OP_CLASS:
                if op[2] > 0:
                    if pos < n and op[1](s, pos):
                        pos += 1
                        pc += 1
                        continue
                elif pos > 0 and op[1](s, pos - 1):
                    pos -= 1
                    pc += 1
                    continue
            elif code == _OP_SPLIT:
                push((0, op[2], pos, caps, regs, 0, 0))
                pc = op[1]
                continue
            elif code == _OP_JMP:
                pc = op[1]
                continue
            elif code == _OP_STAR:
                _, test, run, lo, hi, greedy, d = op
                if greedy:
                    if d > 0:
                        end = run(s, pos).end()
                        count = end - pos
                    else:
                        end = run(s, 0, pos).start()
                        count = pos - end
                    if count >= lo:
                        if count > lo:
                            push((1, pc + 1, end, caps, regs, pos + lo * d, d))
                        pos = end
                        pc += 1
                        continue
                else:
                    k = 0
                    while k < lo:
                        if d > 0:
                            if pos < n and test(s, pos):
                                pos += 1
                            else:
                                break
                        elif pos > 0 and test(s, pos - 1):
                            pos -= 1
                        else:
                            break
                        k += 1
                    if k == lo:
                        if hi < 0 or lo < hi:
                            push((2, pc, pos, caps, regs, lo, 0))
                        pc += 1
                        continue
            elif code == _OP_SAVE:
                r = op[1]
                regs = regs[:r] + (pos,) + regs[r + 1:]
                pc += 1
                continue
            elif code == _OP_CAPTURE:
                i = 2 * op[1]
                other = regs[op[2]]
                pair = (other, pos) if op[3] > 0 else (pos, other)
                caps = caps[:i] + pair + caps[i + 2:]
                pc += 1
                continue
            elif code == _OP_LOOP_INIT:
                r = op[1]
                regs = regs[:r] + (0,) + regs[r + 1:]
                pc += 1
                continue
            elif code == _OP_LOOP:
                _, r, lo, hi, greedy, body, exit_ = op
                count = regs[r]
                if count < lo:
                    pc = body
                elif 0 <= hi <= count:
                    pc = exit_
                elif greedy:
                    push((0, exit_, pos, caps, regs, 0, 0))
                    pc = body
                else:
                    push((0, body, pos, caps, regs, 0, 0))
                    pc = exit_
                continue
            elif code == _OP_LOOP_END:
                _, r, start_reg, lo, loop = op
                count = regs[r]
                # RepeatMatcher step 2.b: an optional iteration that matched empty fails.
                if not (count >= lo and pos == regs[start_reg]):
                    regs = regs[:r] + (count + 1,) + regs[r + 1:]
                    pc = loop
                    continue
            elif code == _OP_RESET:
                lo, hi = op[1], op[2]
                caps = caps[:lo] + (-1,) * (hi - lo) + caps[hi:]
                pc += 1
                continue
            elif code == _OP_ASSERT:
                if self._assert(op[1], s, pos, n):
                    pc += 1
                    continue
            elif code == _OP_BACKREF:
                i = 2 * op[1]
                st, en = caps[i], caps[i + 1]
                if st < 0 or en < 0:
                    pc += 1
                    continue
                length = en - st
                if op[2] > 0:
                    if pos + length <= n and self._same(s[st:en], s[pos:pos + length]):
                        pos += length
                        pc += 1
                        continue
                elif pos - length >= 0 and self._same(s[st:en], s[pos - length:pos]):
                    pos -= length
                    pc += 1
                    continue
            elif code == _OP_LOOK:
                result = self._run(op[1], s, pos, caps, regs, budget)
                if op[2]:
                    if result is None:
                        pc += 1
                        continue
                elif result is not None:
                    caps = result[0]
                    pc += 1
                    continue
            elif code == _OP_MATCH:
                return caps, pos
            # Failure: resume the most recent choice point.
            budget[0] -= 1
            if budget[0] <= 0:
                budget[0] = _CHECK_EVERY
                if budget[1] is not None and time.monotonic() > budget[1]:
                    raise TimeoutError("regular expression timed out")
            while True:
                if not stack:
                    return None
                kind, pc, pos, caps, regs, a, b = stack.pop()
                if kind == 0:
                    break
                if kind == 1:  # greedy single-character loop: give back one character
                    pos -= b
                    if pos != a:
                        push((1, pc, pos, caps, regs, a, b))
                    break
                # lazy single-character loop: take one more character
                _, test, _, lo, hi, _, d = prog[pc]
                if d > 0:
                    if not (pos < n and test(s, pos)):
                        continue
                    pos += 1
                else:
                    if not (pos > 0 and test(s, pos - 1)):
                        continue
                    pos -= 1
                if hi < 0 or a + 1 < hi:
                    push((2, pc, pos, caps, regs, a + 1, 0))
                pc += 1
                break

    def _assert(self, kind, s, pos, n) -> bool:
        if kind == "^":
            return pos == 0 or (self.multiline and s[pos - 1] in "\n\r\u2028\u2029")
        if kind == "$":
            return pos == n or (self.multiline and s[pos] in "\n\r\u2028\u2029")
        word = self.word
        a = pos > 0 and s[pos - 1] in word
        b = pos < n and s[pos] in word
        return (a != b) if kind == "b" else (a == b)

    def _same(self, a: str, b: str) -> bool:
        if self.fold is None:
            return a == b
        return a.translate(self.fold) == b.translate(self.fold)


# ---------------------------------------------------------------------------------------------
# Subjects with /u: code points, and index maps back to UTF-16 units
# ---------------------------------------------------------------------------------------------

_HAS_SURROGATE = _rx.compile("[\ud800-\udfff]", _V0).search
_SURROGATE_PAIR = _rx.compile("[\ud800-\udbff][\udc00-\udfff]", _V0).finditer


class _CodePointView:
    """A UTF-16 subject as code points: ``text`` has one character per code point; ``pairs``
    are the UTF-16 indices of the surrogate pairs, ``cp_pairs`` their code point indices."""

    __slots__ = ("text", "pairs", "cp_pairs")

    def __init__(self, subject: str, pairs: list):
        self.text = subject.encode("utf-16-le", "surrogatepass").decode(
            "utf-16-le", "surrogatepass")
        self.pairs = pairs
        self.cp_pairs = [p - k for k, p in enumerate(pairs)]

    def to_code_point(self, index: int) -> int:
        """The code point index of the character that holds UTF-16 unit ``index``."""
        k = bisect.bisect_left(self.pairs, index)
        if k > 0 and self.pairs[k - 1] + 1 == index:
            return self.pairs[k - 1] - (k - 1)
        return index - k

    def to_utf16(self, index: int) -> int:
        return index + bisect.bisect_left(self.cp_pairs, index)


_views: dict = {}
_NO_PAIRS = object()


def _code_point_view(subject: str):
    """The _CodePointView of ``subject``, or None when it has no surrogate pair (indices are
    then the same). The last few are kept: a /gu loop over one string converts it once."""
    view = _views.get(subject)
    if view is not None:
        return None if view is _NO_PAIRS else view
    pairs = [m.start() for m in _SURROGATE_PAIR(subject)] if _HAS_SURROGATE(subject) else None
    view = _CodePointView(subject, pairs) if pairs else _NO_PAIRS
    if len(_views) >= 8:
        try:
            del _views[next(iter(_views))]
        except (KeyError, RuntimeError, StopIteration):
            pass
    _views[subject] = view
    return None if view is _NO_PAIRS else view


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

class Match:
    """One match: ``start``/``end`` (UTF-16 indices), ``groups`` (index 0 the whole match; None
    for a group that did not participate, JS undefined), ``named`` (name -> str | None, in
    group order; None when the pattern has no named groups), ``group_names`` (the names in
    order), ``spans`` (per group (start, end) or None, UTF-16 indices: the ``d`` flag's
    indices)."""

    __slots__ = ("start", "end", "groups", "named", "group_names", "_spans")

    def __init__(self, start, end, groups, named, group_names, spans):
        self.start = start
        self.end = end
        self.groups = groups
        self.named = named
        self.group_names = group_names
        self._spans = spans  # as built: (-1, -1) or None for a group that did not participate

    @property
    def spans(self) -> list:
        return [None if sp is None or sp[0] < 0 else sp for sp in self._spans]

    def __repr__(self):
        return f"<Match {self.start}:{self.end} {self.groups!r}>"


class CompiledPattern:
    """A compiled JS regular expression; build it with ``compile_pattern``.

    ``source`` and ``flags`` (canonical order), ``group_count`` (capturing groups, not counting
    the whole match), ``group_names`` (names in group order), ``group_index`` (name -> index),
    ``backend`` ("regex" or "vm") with ``translated`` (the ``regex`` pattern text or None) and
    ``vm_reason`` (why the pattern runs on the VM, or None).
    """

    __slots__ = ("source", "flags", "global_", "ignore_case", "multiline", "dot_all",
                 "unicode", "sticky", "has_indices", "group_count", "group_names",
                 "group_index", "backend", "translated", "vm_reason", "_names", "_regex",
                 "_root", "_vm", "_fold_guard", "_plain")

    def __init__(self, source, flags, parser: _Parser, root, engine: str):
        self.source = source
        self.flags = flags
        self.global_ = "g" in flags
        self.ignore_case = "i" in flags
        self.multiline = "m" in flags
        self.dot_all = "s" in flags
        self.unicode = "u" in flags
        self.sticky = "y" in flags
        self.has_indices = "d" in flags
        self.group_count = parser.group_count
        self.group_names = tuple(name for name, _ in parser.name_list)
        self.group_index = dict(parser.name_list)
        self._names = tuple(parser.name_list)
        self._root = root
        self._vm = None
        self._regex = None
        self._fold_guard = None
        self.translated = None
        reason = _unsafe_reason(root) if engine != "vm" else "forced"
        if reason is None:
            text = _Translator(flags).emit(root)
            try:
                self._regex = _rx.compile(text, _V0)
                self.translated = text
                if self._regex.groups != self.group_count:  # pragma: no cover - bug guard
                    reason = "translation lost capture groups"
            except RecursionError:
                reason = "pattern nesting too deep for regex"
            except _rx.error as exc:  # pragma: no cover - a translation bug, kept running
                reason = f"regex rejected the translation: {exc}"
        if reason is None and self.ignore_case and parser.backrefs:
            self._fold_guard = _backref_fold_guard(self.unicode)
        self.vm_reason = reason
        self.backend = "vm" if reason else "regex"
        if reason:
            self._vm = _VM(root, self.group_count, flags)
        self._plain = not reason and not self.unicode and self._fold_guard is None

    def __repr__(self):
        return f"<CompiledPattern /{self.source}/{self.flags} {self.backend}>"

    def match_at(self, subject: str, index: int, timeout=None):
        """The match starting exactly at ``index`` (sticky), or None."""
        return self.exec(subject, index, True, timeout)

    def exec(self, subject: str, index: int = 0, sticky=None, timeout=None):
        """RegExpBuiltinExec's matching part: the first match at or after UTF-16 ``index``
        (exactly at it when ``sticky``; None means the ``y`` flag), or None.

        ``timeout`` (seconds) raises TimeoutError when matching takes longer.
        https://tc39.es/ecma262/#sec-regexpbuiltinexec
        """
        if sticky is None:
            sticky = self.sticky
        if index < 0:
            index = 0
        if index > len(subject):
            return None
        if self._plain and timeout is None:  # the common case: translated, code units
            m = (self._regex.match if sticky else self._regex.search)(subject, index)
            if m is None:
                return None
            groups = [m[0], *m.groups()]
            named = None
            if self._names:
                named = {name: groups[i] for name, i in self._names}
            return Match(m.start(), m.end(), groups, named, self.group_names, m.regs)
        view = _code_point_view(subject) if self.unicode else None
        text = subject if view is None else view.text
        start = index if view is None else view.to_code_point(index)
        vm = self._vm
        if vm is None and self._fold_guard is not None and self._fold_guard(text):
            vm = self._vm = self._vm or _VM(self._root, self.group_count, self.flags)
        if vm is not None:
            deadline = None if timeout is None else time.monotonic() + timeout
            flat = vm.search(text, start, sticky, deadline)
            if flat is None:
                return None
        else:
            rx = self._regex
            if sticky:
                m = rx.match(text, start, timeout=timeout)
            else:
                m = rx.search(text, start, timeout=timeout)
            if m is None:
                return None
            flat = [x for r in m.regs for x in r]
        spans = []
        groups = []
        for k in range(0, len(flat), 2):
            a, b = flat[k], flat[k + 1]
            if a < 0 or b < 0:
                spans.append(None)
                groups.append(None)
                continue
            if view is not None:
                a, b = view.to_utf16(a), view.to_utf16(b)
            spans.append((a, b))
            groups.append(subject[a:b])
        return self._match(spans[0][0], spans[0][1], groups, spans)

    def _match(self, start, end, groups, spans):
        named = None
        if self._names:
            named = {name: groups[i] for name, i in self._names}
        return Match(start, end, groups, named, self.group_names, spans)


def _canonical_flags(flags: str):
    if any(f not in FLAGS for f in flags) or len(set(flags)) != len(flags):
        return None
    return "".join(f for f in FLAGS if f in flags)


@functools.lru_cache(maxsize=512)
def _compile_cached(source: str, flags: str, engine: str) -> CompiledPattern:
    canonical = _canonical_flags(flags)
    if canonical is None:
        raise RegExpSyntaxError(f"Invalid flags supplied to RegExp constructor '{flags}'")
    if any(c > "\uffff" for c in source):  # accept real astral characters too
        source = _utf16(map(ord, source))
    parser = _Parser(source, canonical)
    try:
        root = parser.parse()
        if parser.duplicate_name:
            parser.error("Duplicate capture group name")
        for ref in parser.pending_names:
            index = parser.names.get(ref.name)
            if index is None:
                parser.error("Invalid named capture referenced")
            ref.index = index
        return CompiledPattern(source, canonical, parser, root, engine)
    except RecursionError:
        parser.error("Regular expression too large")


def compile_pattern(source: str, flags: str = "", *, engine: str = "auto") -> CompiledPattern:
    """Compile JS pattern text ``source`` (UTF-16 code units) with ``flags`` (any order).

    Raises RegExpSyntaxError for an invalid pattern or unknown/duplicate flags. Results are
    cached by (source, flags). ``engine="vm"`` forces the backtracking VM (for tests).
    https://tc39.es/ecma262/#sec-regexpinitialize
    """
    return _compile_cached(source, flags, engine)
