"""String objects (ECMA-262 22.1) and the Annex B additions (B.2.2).

https://tc39.es/ecma262/#sec-string-objects

Strings are Python ``str`` of UTF-16 code units (DESIGN.md, "Values"), so ``length``,
indexing, slicing and searching are plain ``str`` operations.  Operations defined on
code points or on Unicode text (case mapping, normalization, collation) convert to real
text with ``surrogatepass`` at the edge and back to UTF-16 afterwards.

The RegExp-dispatching methods (match, matchAll, replace, replaceAll, search, split)
call the argument's Symbol.match / matchAll / replace / search / split method when the
argument is an object (as the current spec does: a primitive argument's symbol methods
are never looked up), and otherwise run the string algorithm here or create a RegExp
through the realm's %RegExp% (RegExpCreate).

``get_substitution`` (GetSubstitution, 22.1.3.19.1) is exported for RegExp's
@@replace.
"""

import re
import unicodedata

from ..runtime.values import (undefined, null, Symbol, SYM_ITERATOR, SYM_MATCH,
                              SYM_MATCH_ALL, SYM_REPLACE, SYM_SEARCH, SYM_SPLIT,
                              SYM_TO_STRING_TAG)
from ..runtime.objects import JSObject, JSStringObject, JSFunction, W, C
from ..runtime.errors import STATE, throw_type_error, throw_range_error
from ..runtime import ops
from ..runtime.numconv import JS_WHITESPACE, number_to_string, to_uint16
from ..runtime.function import iter_result
from ._common import define_methods, make_constructor, make_native, proto_from_ctor

INF = float("inf")

#: V8's String::kMaxLength on 64-bit hosts; longer results are a RangeError.
MAX_STRING_LENGTH = (1 << 29) - 24

# ---------------------------------------------------------------------------
# UTF-16 <-> text at the edges
# ---------------------------------------------------------------------------

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_LONE_SURROGATE = re.compile("[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")


def _pair(m):
    c = ord(m.group()) - 0x10000
    return chr(0xD800 + (c >> 10)) + chr(0xDC00 + (c & 0x3FF))


def to_utf16(text):
    """Real text (code points) -> a str of UTF-16 code units."""
    if text.isascii():
        return text
    return _ASTRAL.sub(_pair, text)


def from_utf16(s):
    """A str of UTF-16 code units -> real text; lone surrogates are kept as they are."""
    if s.isascii():
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def code_point_at(s, i):
    """CodePointAt ( string, position ) (11.1.4): (code point, code unit count, lone?)."""
    c = ord(s[i])
    if 0xD800 <= c <= 0xDBFF and i + 1 < len(s):
        d = ord(s[i + 1])
        if 0xDC00 <= d <= 0xDFFF:
            return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00), 2, False
        return c, 1, True
    return c, 1, 0xD800 <= c <= 0xDFFF


def utf16_encode_code_point(cp):
    """UTF16EncodeCodePoint ( cp ) (11.1.1)."""
    if cp < 0x10000:
        return chr(cp)
    cp -= 0x10000
    return chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF))


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------

def this_str(this, name):
    """RequireObjectCoercible(this) then ToString, with V8's message."""
    if type(this) is str:
        return this
    if this is undefined or this is null:
        throw_type_error("String.prototype%s%s called on null or undefined"
                         % ("" if name[0] == "[" else ".", name))
    return ops.to_string(this)


def this_string_value(v, name):
    """thisStringValue ( value ) (22.1.3.35.1)."""
    if type(v) is str:
        return v
    if isinstance(v, JSStringObject):
        return v.value
    throw_type_error("String.prototype.%s requires that 'this' be a String" % name)


def _relative(v, n, default):
    """A relative index argument clamped into 0..n (slice, at-like steps)."""
    if v is undefined:
        return default
    k = ops.to_integer_or_infinity(v)
    if k < 0:
        k = n + k
        return 0 if k < 0 else int(k)
    return n if k > n else int(k)


def _clamped(v, n):
    """ToIntegerOrInfinity(v) clamped into 0..n."""
    k = ops.to_integer_or_infinity(v)
    if k <= 0:
        return 0
    return n if k >= n else int(k)


def is_regexp(v):
    """IsRegExp ( argument ) (7.2.8)."""
    if not isinstance(v, JSObject):
        return False
    m = v.get(SYM_MATCH, v)
    if m is not undefined:
        return ops.to_boolean(m)
    return getattr(v, "cls", None) == "RegExp"


def regexp_create(pattern, flags):
    """RegExpCreate ( P, F ) (22.2.3.1) through the realm's %RegExp%."""
    realm = STATE.realm
    ctor = realm.intrinsics.get("%RegExp%")
    p = "" if pattern is undefined else ops.to_string(pattern)
    if ctor is None:
        throw_type_error("RegExp is not available in this realm")
    return ctor.construct((p, flags), ctor)


def _check_length(n):
    if n > MAX_STRING_LENGTH:
        throw_range_error("Invalid string length")


def get_substitution(matched, string, position, captures, named_captures, replacement):
    """GetSubstitution ( matched, str, position, captures, namedCaptures,
    replacementTemplate ) (22.1.3.19.1).

    https://tc39.es/ecma262/#sec-getsubstitution

    ``captures`` is a list of strings or undefined; ``named_captures`` an object or
    undefined.  Returns the replacement string.
    """
    if "$" not in replacement:
        return replacement
    n = len(replacement)
    str_len = len(string)
    m = len(captures)
    out = []
    i = 0
    while i < n:
        j = replacement.find("$", i)
        if j < 0:
            out.append(replacement[i:])
            break
        out.append(replacement[i:j])
        i = j
        if i + 1 >= n:
            out.append("$")
            break
        c = replacement[i + 1]
        if c == "$":
            out.append("$")
            i += 2
        elif c == "&":
            out.append(matched)
            i += 2
        elif c == "`":
            out.append(string[:position])
            i += 2
        elif c == "'":
            tail = min(position + len(matched), str_len)
            out.append(string[tail:])
            i += 2
        elif "0" <= c <= "9":
            digits = 2 if i + 2 < n and "0" <= replacement[i + 2] <= "9" else 1
            index = int(replacement[i + 1:i + 1 + digits])
            if index > m and digits == 2:
                # a two-digit reference past the captures: one digit then a literal digit
                digits = 1
                index = int(c)
            ref = replacement[i:i + 1 + digits]
            if 1 <= index <= m:
                cap = captures[index - 1]
                out.append("" if cap is undefined else cap)
            else:
                out.append(ref)
            i += 1 + digits
        elif c == "<":
            gt = replacement.find(">", i)
            if named_captures is undefined or gt < 0:
                out.append("$<")
                i += 2
            else:
                name = replacement[i + 2:gt]
                cap = ops.get_v(named_captures, name)
                if cap is not undefined:
                    out.append(ops.to_string(cap))
                i = gt + 1
        else:
            out.append("$")
            i += 1
    return "".join(out)


# ---------------------------------------------------------------------------
# The String constructor (22.1.1) and its functions (22.1.2)
# ---------------------------------------------------------------------------

def string_call(this, *args):
    """String ( value ) called as a function (22.1.1.1): ToString, except that a
    Symbol gives its SymbolDescriptiveString."""
    if not args:
        return ""
    v = args[0]
    if type(v) is str:
        return v
    if type(v) is Symbol:
        d = v.description
        return "Symbol(%s)" % ("" if d is undefined else d)
    return ops.to_string(v)


def string_construct(args, new_target):
    """new String ( value ) (22.1.1.1): a String exotic object (10.4.3.4 StringCreate)."""
    s = ops.to_string(args[0]) if args else ""
    return JSStringObject(proto_from_ctor(new_target, "%String.prototype%"), s)


def string_from_char_code(this, *code_units):
    """String.fromCharCode ( ...codeUnits ) (22.1.2.1)."""
    out = []
    for c in code_units:
        n = c if type(c) is float else ops.to_number(c)
        out.append(chr(to_uint16(n)))
    return "".join(out)


def string_from_code_point(this, *code_points):
    """String.fromCodePoint ( ...codePoints ) (22.1.2.2)."""
    out = []
    for c in code_points:
        n = c if type(c) is float else ops.to_number(c)
        # 2.b-c. Integral and within 0..0x10FFFF, else RangeError.
        if not (n == n and 0 <= n <= 0x10FFFF and n == int(n)):
            throw_range_error("Invalid code point %s" % number_to_string(n))
        out.append(utf16_encode_code_point(int(n)))
    return "".join(out)


def string_raw(this, template=undefined, *substitutions):
    """String.raw ( template, ...substitutions ) (22.1.2.4)."""
    cooked = ops.to_object(template)
    literals = ops.to_object(cooked.get("raw", cooked))
    count = ops.length_of_array_like(literals)
    if count <= 0:
        return ""
    out = []
    nsubs = len(substitutions)
    i = 0
    while True:
        out.append(ops.to_string(literals.get(str(i), literals)))
        if i + 1 == count:
            return "".join(out)
        if i < nsubs:
            out.append(ops.to_string(substitutions[i]))
        i += 1


# ---------------------------------------------------------------------------
# String.prototype (22.1.3)
# ---------------------------------------------------------------------------

def sp_at(this, index=undefined, *rest):
    """String.prototype.at ( index ) (22.1.3.1)."""
    s = this_str(this, "at")
    n = len(s)
    k = ops.to_integer_or_infinity(index)
    if k < 0:
        k += n
    if k < 0 or k >= n:
        return undefined
    return s[int(k)]


def sp_char_at(this, pos=undefined, *rest):
    """String.prototype.charAt ( pos ) (22.1.3.2)."""
    s = this_str(this, "charAt")
    k = ops.to_integer_or_infinity(pos)
    if 0 <= k < len(s):
        return s[int(k)]
    return ""


def sp_char_code_at(this, pos=undefined, *rest):
    """String.prototype.charCodeAt ( pos ) (22.1.3.3)."""
    s = this_str(this, "charCodeAt")
    k = ops.to_integer_or_infinity(pos)
    if 0 <= k < len(s):
        return float(ord(s[int(k)]))
    return float("nan")


def sp_code_point_at(this, pos=undefined, *rest):
    """String.prototype.codePointAt ( pos ) (22.1.3.4)."""
    s = this_str(this, "codePointAt")
    k = ops.to_integer_or_infinity(pos)
    if 0 <= k < len(s):
        return float(code_point_at(s, int(k))[0])
    return undefined


def sp_concat(this, *args):
    """String.prototype.concat ( ...args ) (22.1.3.5)."""
    s = this_str(this, "concat")
    parts = [s]
    total = len(s)
    for a in args:
        t = a if type(a) is str else ops.to_string(a)
        total += len(t)
        parts.append(t)
    _check_length(total)
    return "".join(parts)


def _no_regexp(v, name):
    if is_regexp(v):
        throw_type_error("First argument to String.prototype.%s must not be a regular expression"
                         % name)


def sp_ends_with(this, search_string=undefined, end_position=undefined, *rest):
    """String.prototype.endsWith ( searchString [ , endPosition ] ) (22.1.3.7)."""
    s = this_str(this, "endsWith")
    _no_regexp(search_string, "endsWith")
    search = ops.to_string(search_string)
    n = len(s)
    end = n if end_position is undefined else _clamped(end_position, n)
    start = end - len(search)
    if start < 0:
        return False
    return s.startswith(search, start, end)


def sp_includes(this, search_string=undefined, position=undefined, *rest):
    """String.prototype.includes ( searchString [ , position ] ) (22.1.3.8)."""
    s = this_str(this, "includes")
    _no_regexp(search_string, "includes")
    search = ops.to_string(search_string)
    start = _clamped(position, len(s))
    return s.find(search, start) >= 0


def sp_index_of(this, search_string=undefined, position=undefined, *rest):
    """String.prototype.indexOf ( searchString [ , position ] ) (22.1.3.9)."""
    s = this_str(this, "indexOf")
    search = search_string if type(search_string) is str else ops.to_string(search_string)
    start = 0 if position is undefined else _clamped(position, len(s))
    return float(s.find(search, start))


def sp_is_well_formed(this, *args):
    """String.prototype.isWellFormed ( ) (22.1.3.10)."""
    s = this_str(this, "isWellFormed")
    return s.isascii() or _LONE_SURROGATE.search(s) is None


def sp_last_index_of(this, search_string=undefined, position=undefined, *rest):
    """String.prototype.lastIndexOf ( searchString [ , position ] ) (22.1.3.11)."""
    s = this_str(this, "lastIndexOf")
    search = ops.to_string(search_string)
    num = ops.to_number(position)
    n = len(s)
    pos = INF if num != num else ops.to_integer_or_infinity(num)
    start = 0 if pos <= 0 else (n if pos >= n else int(pos))
    return float(s.rfind(search, 0, start + len(search)))


# -- localeCompare: a small approximation of the Unicode Collation Algorithm ------------

_LETTER_EXPANSIONS = {"\u00e6": "ae", "\u0153": "oe", "\u0133": "ij"}


def _primary(ch):
    """The primary weight of one (decomposed, non-combining, non-letter) character."""
    cat = unicodedata.category(ch)
    if ch in JS_WHITESPACE or cat[0] == "Z" or cat == "Cc":
        return (0, ord(ch))
    if cat[0] == "P":
        return (1, ord(ch))
    if cat == "Sc":
        return (3, ord(ch))
    if cat[0] == "S":
        return (2, ord(ch))
    if cat[0] == "N":
        d = unicodedata.digit(ch, None)
        if d is not None:
            return (4, d)
        return (5, ord(ch))
    return (7, ord(ch))


def _collation_levels(s, numeric=False):
    """(primary, secondary, tertiary, identical) keys of a string; with ``numeric``
    a run of decimal digits weighs as one number."""
    text = unicodedata.normalize("NFD", from_utf16(s))
    prim = []
    sec = []
    ter = []
    run = None
    for ch in text:
        if numeric:
            d = unicodedata.decimal(ch, None)
            if d is not None:
                if run is None:
                    run = len(prim)
                    prim.append((4, d))
                    sec.append(())
                    ter.append(0)
                else:
                    prim[run] = (4, prim[run][1] * 10 + d)
                continue
            run = None
        if unicodedata.combining(ch):
            if sec:
                sec[-1] = sec[-1] + (ord(ch),)
            else:
                sec.append((ord(ch),))
            continue
        if unicodedata.category(ch)[0] == "L":
            low = ch.lower()
            f = ch.casefold()
            f = _LETTER_EXPANSIONS.get(f, f)
            # tertiary: lowercase < uppercase; compatibility variants and
            # expansions (\u00df = "ss", \u0153 = "oe", long s) after both
            t = (1 if ch != low else 0) + (2 if f != low else 0)
            # an expansion (\u00df = "ss") differs from its letters at the secondary level
            mark = (0x110000,) if len(f) > 1 else ()
            for c in f:
                prim.append((6, c))
                sec.append(mark)
                ter.append(t)
            continue
        prim.append(_primary(ch))
        sec.append(())
        ter.append(0)
    return prim, sec, ter, text


# the levels each Intl "sensitivity" compares: primary, secondary (accents), tertiary
# (case), then the text itself
_SENSITIVITY_LEVELS = {"base": (0,), "accent": (0, 1), "case": (0, 2), "variant": (0, 1, 2, 3)}


def locale_compare(a, b, sensitivity="variant", numeric=False):
    """-1, 0 or 1: a three-level comparison (base letters, then accents, then case,
    lowercase first) that approximates the root collation of ICU; canonically
    equivalent strings compare equal.  ``sensitivity`` and ``numeric`` are the Intl
    options of those names."""
    if a == b:
        return 0
    la = _collation_levels(a, numeric)
    lb = _collation_levels(b, numeric)
    for level in _SENSITIVITY_LEVELS[sensitivity]:
        if level == 3 and numeric:
            break                   # "01" and "1" are the same number
        x = la[level]
        y = lb[level]
        if x != y:
            return -1 if x < y else 1
    return 0


def collator_options(options, where="Intl.Collator"):
    """(sensitivity, numeric) from a localeCompare / Intl.Collator options argument."""
    if options is undefined:
        return "variant", False
    o = ops.to_object(options)
    sens = o.get("sensitivity", o)
    if sens is undefined:
        sens = "variant"
    else:
        sens = ops.to_string(sens)
        if sens not in _SENSITIVITY_LEVELS:
            throw_range_error("Value %s out of range for %s options property "
                              "sensitivity" % (sens, where))
    num = o.get("numeric", o)
    return sens, (False if num is undefined else ops.to_boolean(num))


def sp_locale_compare(this, that=undefined, locales=undefined, options=undefined, *rest):
    """String.prototype.localeCompare ( that [ , reserved1 [ , reserved2 ] ] ) (22.1.3.12).

    Implementation-defined: jsrt has no ICU.  The comparison approximates the Unicode
    Collation Algorithm's root order (whitespace < punctuation < symbols < digits <
    letters; base letters first, then diacritics, then case with lowercase first), and
    returns 0 exactly for canonically equivalent strings.  Locales are checked (a
    malformed tag is a RangeError) and otherwise ignored; the options sensitivity
    and numeric are honoured."""
    s = this_str(this, "localeCompare")
    t = ops.to_string(that)
    if locales is not undefined:
        from .number import check_locales
        check_locales(locales)
    if options is undefined:
        return float(locale_compare(s, t))
    return float(locale_compare(s, t, *collator_options(options,
                                                        "String.prototype.localeCompare")))


def sp_match(this, regexp=undefined, *rest):
    """String.prototype.match ( regexp ) (22.1.3.13)."""
    o = this
    if o is undefined or o is null:
        throw_type_error("String.prototype.match called on null or undefined")
    if isinstance(regexp, JSObject):
        matcher = ops.get_method(regexp, SYM_MATCH)
        if matcher is not undefined:
            return matcher.fn(regexp, o)
    s = ops.to_string(o)
    rx = regexp_create(regexp, undefined)
    return ops.invoke(rx, SYM_MATCH, s)


def sp_match_all(this, regexp=undefined, *rest):
    """String.prototype.matchAll ( regexp ) (22.1.3.14)."""
    o = this
    if o is undefined or o is null:
        throw_type_error("String.prototype.matchAll called on null or undefined")
    if isinstance(regexp, JSObject):
        if is_regexp(regexp):
            flags = regexp.get("flags", regexp)
            if flags is undefined or flags is null:
                throw_type_error("String.prototype.matchAll called with a non-global RegExp argument")
            if "g" not in ops.to_string(flags):
                throw_type_error("String.prototype.matchAll called with a non-global RegExp argument")
        matcher = ops.get_method(regexp, SYM_MATCH_ALL)
        if matcher is not undefined:
            return matcher.fn(regexp, o)
    s = ops.to_string(o)
    rx = regexp_create(regexp, "g")
    return ops.invoke(rx, SYM_MATCH_ALL, s)


_NORMAL_FORMS = ("NFC", "NFD", "NFKC", "NFKD")


def sp_normalize(this, form=undefined, *rest):
    """String.prototype.normalize ( [ form ] ) (22.1.3.15)."""
    s = this_str(this, "normalize")
    f = "NFC" if form is undefined else ops.to_string(form)
    if f not in _NORMAL_FORMS:
        throw_range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")
    if s.isascii():
        return s
    return to_utf16(unicodedata.normalize(f, from_utf16(s)))


def _string_pad(this, max_length, fill_string, at_start, name):
    """StringPad (22.1.3.17.2) after the ToString of the receiver."""
    s = this_str(this, name)
    int_max = ops.to_length(max_length)
    n = len(s)
    if int_max <= n:
        return s
    filler = " " if fill_string is undefined else ops.to_string(fill_string)
    if filler == "":
        return s
    _check_length(int_max)
    fill_len = int_max - n
    reps = -(-fill_len // len(filler))
    pad = (filler * reps)[:fill_len]
    return pad + s if at_start else s + pad


def sp_pad_end(this, max_length=undefined, fill_string=undefined, *rest):
    """String.prototype.padEnd ( maxLength [ , fillString ] ) (22.1.3.16)."""
    return _string_pad(this, max_length, fill_string, False, "padEnd")


def sp_pad_start(this, max_length=undefined, fill_string=undefined, *rest):
    """String.prototype.padStart ( maxLength [ , fillString ] ) (22.1.3.17)."""
    return _string_pad(this, max_length, fill_string, True, "padStart")


def sp_repeat(this, count=undefined, *rest):
    """String.prototype.repeat ( count ) (22.1.3.18)."""
    s = this_str(this, "repeat")
    num = ops.to_number(count)
    n = ops.to_integer_or_infinity(num)
    if n < 0 or n == INF:
        throw_range_error("Invalid count value: %s" % number_to_string(num))
    if n == 0 or not s:
        return ""
    _check_length(len(s) * n)
    return s * int(n)


def sp_replace(this, search_value=undefined, replace_value=undefined, *rest):
    """String.prototype.replace ( searchValue, replaceValue ) (22.1.3.19)."""
    o = this
    if o is undefined or o is null:
        throw_type_error("String.prototype.replace called on null or undefined")
    if isinstance(search_value, JSObject):
        replacer = ops.get_method(search_value, SYM_REPLACE)
        if replacer is not undefined:
            return replacer.fn(search_value, o, replace_value)
    string = o if type(o) is str else ops.to_string(o)
    search = search_value if type(search_value) is str else ops.to_string(search_value)
    functional = isinstance(replace_value, JSFunction)
    if not functional:
        replace_value = ops.to_string(replace_value)
    pos = string.find(search)
    if pos < 0:
        return string
    if functional:
        replacement = ops.to_string(replace_value.fn(undefined, search, float(pos), string))
    else:
        replacement = get_substitution(search, string, pos, [], undefined, replace_value)
    return string[:pos] + replacement + string[pos + len(search):]


def sp_replace_all(this, search_value=undefined, replace_value=undefined, *rest):
    """String.prototype.replaceAll ( searchValue, replaceValue ) (22.1.3.20)."""
    o = this
    if o is undefined or o is null:
        throw_type_error("String.prototype.replaceAll called on null or undefined")
    if isinstance(search_value, JSObject):
        if is_regexp(search_value):
            flags = search_value.get("flags", search_value)
            if flags is undefined or flags is null:
                throw_type_error("String.prototype.replaceAll called with a non-global RegExp argument")
            if "g" not in ops.to_string(flags):
                throw_type_error("String.prototype.replaceAll called with a non-global RegExp argument")
        replacer = ops.get_method(search_value, SYM_REPLACE)
        if replacer is not undefined:
            return replacer.fn(search_value, o, replace_value)
    string = o if type(o) is str else ops.to_string(o)
    search = search_value if type(search_value) is str else ops.to_string(search_value)
    functional = isinstance(replace_value, JSFunction)
    if not functional:
        replace_value = ops.to_string(replace_value)
    slen = len(search)
    advance = max(1, slen)
    positions = []
    p = string.find(search)
    while p >= 0:
        positions.append(p)
        p = string.find(search, p + advance)
    if not positions:
        return string
    if not functional and "$" not in replace_value:
        if slen:
            return string.replace(search, replace_value)
    end = 0
    out = []
    for p in positions:
        out.append(string[end:p])
        if functional:
            out.append(ops.to_string(replace_value.fn(undefined, search, float(p), string)))
        else:
            out.append(get_substitution(search, string, p, [], undefined, replace_value))
        end = p + slen
    out.append(string[end:])
    return "".join(out)


def sp_search(this, regexp=undefined, *rest):
    """String.prototype.search ( regexp ) (22.1.3.21)."""
    o = this
    if o is undefined or o is null:
        throw_type_error("String.prototype.search called on null or undefined")
    if isinstance(regexp, JSObject):
        searcher = ops.get_method(regexp, SYM_SEARCH)
        if searcher is not undefined:
            return searcher.fn(regexp, o)
    s = ops.to_string(o)
    rx = regexp_create(regexp, undefined)
    return ops.invoke(rx, SYM_SEARCH, s)


def sp_slice(this, start=undefined, end=undefined, *rest):
    """String.prototype.slice ( start, end ) (22.1.3.22)."""
    s = this_str(this, "slice")
    n = len(s)
    frm = _relative(start, n, 0)
    to = _relative(end, n, n)
    if frm >= to:
        return ""
    return s[frm:to]


def sp_split(this, separator=undefined, limit=undefined, *rest):
    """String.prototype.split ( separator, limit ) (22.1.3.23)."""
    o = this
    if o is undefined or o is null:
        throw_type_error("String.prototype.split called on null or undefined")
    if isinstance(separator, JSObject):
        splitter = ops.get_method(separator, SYM_SPLIT)
        if splitter is not undefined:
            return splitter.fn(separator, o, limit)
    s = o if type(o) is str else ops.to_string(o)
    lim = 0xFFFFFFFF if limit is undefined else ops.to_uint32(limit)
    r = separator if type(separator) is str else ops.to_string(separator)
    if lim == 0:
        return ops.new_array(())
    if separator is undefined:
        return ops.new_array((s,))
    if r == "":
        return ops.new_array(list(s[:lim]))
    parts = s.split(r, lim) if lim < 0xFFFFFFFF else s.split(r)
    if len(parts) > lim:
        del parts[lim:]
    return ops.new_array(parts)


def sp_starts_with(this, search_string=undefined, position=undefined, *rest):
    """String.prototype.startsWith ( searchString [ , position ] ) (22.1.3.24)."""
    s = this_str(this, "startsWith")
    _no_regexp(search_string, "startsWith")
    search = ops.to_string(search_string)
    start = _clamped(position, len(s))
    return s.startswith(search, start)


def sp_substring(this, start=undefined, end=undefined, *rest):
    """String.prototype.substring ( start, end ) (22.1.3.25)."""
    s = this_str(this, "substring")
    n = len(s)
    a = _clamped(start, n)
    b = n if end is undefined else _clamped(end, n)
    if a > b:
        a, b = b, a
    return s[a:b]


def _special_locale(locales):
    """'tr', 'az' or 'lt' when the first requested locale asks for those case rules."""
    if locales is undefined:
        return None
    if type(locales) is str:
        tag = locales
    else:
        lst = ops.to_object(locales)
        if ops.length_of_array_like(lst) == 0:
            return None
        tag = lst.get("0", lst)
        if type(tag) is not str:
            if not isinstance(tag, JSObject):
                throw_type_error("Language ID should be string or object.")
            tag = ops.to_string(tag)
    lang = tag.split("-")[0].lower()
    if lang in ("tr", "az", "lt"):
        return lang
    if not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", tag):
        throw_range_error("Incorrect locale information provided")
    return None


def _lower(s, lang=None):
    if s.isascii() and lang is None:
        return s.lower()
    t = from_utf16(s)
    if lang in ("tr", "az"):
        t = t.replace("I\u0307", "i").replace("I", "\u0131").replace("\u0130", "i")
    return to_utf16(t.lower())


def _upper(s, lang=None):
    if s.isascii() and lang is None:
        return s.upper()
    t = from_utf16(s)
    if lang in ("tr", "az"):
        t = t.replace("i", "\u0130")
    return to_utf16(t.upper())


def sp_to_lower_case(this, *args):
    """String.prototype.toLowerCase ( ) (22.1.3.28): full Unicode default case mapping
    (SpecialCasing included: final sigma, U+0130)."""
    return _lower(this_str(this, "toLowerCase"))


def sp_to_upper_case(this, *args):
    """String.prototype.toUpperCase ( ) (22.1.3.30): full mapping ("ß" -> "SS")."""
    return _upper(this_str(this, "toUpperCase"))


def sp_to_locale_lower_case(this, locales=undefined, *rest):
    """String.prototype.toLocaleLowerCase ( [ reserved1 [ , reserved2 ] ] ) (22.1.3.26):
    the Turkish/Azeri dotted and dotless i rules when asked for; otherwise toLowerCase."""
    s = this_str(this, "toLocaleLowerCase")
    return _lower(s, _special_locale(locales))


def sp_to_locale_upper_case(this, locales=undefined, *rest):
    """String.prototype.toLocaleUpperCase ( [ reserved1 [ , reserved2 ] ] ) (22.1.3.27)."""
    s = this_str(this, "toLocaleUpperCase")
    return _upper(s, _special_locale(locales))


def sp_to_string(this, *args):
    """String.prototype.toString ( ) (22.1.3.29)."""
    return this_string_value(this, "toString")


def sp_to_well_formed(this, *args):
    """String.prototype.toWellFormed ( ) (22.1.3.31)."""
    s = this_str(this, "toWellFormed")
    if s.isascii():
        return s
    return _LONE_SURROGATE.sub("\ufffd", s)


def sp_trim(this, *args):
    """String.prototype.trim ( ) (22.1.3.32)."""
    return this_str(this, "trim").strip(JS_WHITESPACE)


def sp_trim_end(this, *args):
    """String.prototype.trimEnd ( ) (22.1.3.33); also String.prototype.trimRight (B.2.2.16)."""
    return this_str(this, "trimEnd").rstrip(JS_WHITESPACE)


def sp_trim_start(this, *args):
    """String.prototype.trimStart ( ) (22.1.3.34); also String.prototype.trimLeft (B.2.2.15)."""
    return this_str(this, "trimStart").lstrip(JS_WHITESPACE)


def sp_value_of(this, *args):
    """String.prototype.valueOf ( ) (22.1.3.35)."""
    return this_string_value(this, "valueOf")


# -- Annex B ---------------------------------------------------------------------------

def sp_substr(this, start=undefined, length=undefined, *rest):
    """String.prototype.substr ( start, length ) (B.2.2.1)."""
    s = this_str(this, "substr")
    size = len(s)
    a = _relative(start, size, 0)
    if length is undefined:
        k = size
    else:
        k = ops.to_integer_or_infinity(length)
        k = 0 if k <= 0 else (size if k >= size else int(k))
    end = min(a + k, size)
    return s[a:end] if a < end else ""


def create_html(this, tag, attribute, value, name):
    """CreateHTML ( string, tag, attribute, value ) (B.2.2.2.1)."""
    s = this_str(this, name)
    p1 = "<" + tag
    if attribute:
        v = ops.to_string(value)
        p1 += ' %s="%s"' % (attribute, v.replace('"', "&quot;"))
    return "%s>%s</%s>" % (p1, s, tag)


def sp_anchor(this, name=undefined, *rest):
    """String.prototype.anchor ( name ) (B.2.2.2)."""
    return create_html(this, "a", "name", name, "anchor")


def sp_big(this, *args):
    """String.prototype.big ( ) (B.2.2.3)."""
    return create_html(this, "big", "", "", "big")


def sp_blink(this, *args):
    """String.prototype.blink ( ) (B.2.2.4)."""
    return create_html(this, "blink", "", "", "blink")


def sp_bold(this, *args):
    """String.prototype.bold ( ) (B.2.2.5)."""
    return create_html(this, "b", "", "", "bold")


def sp_fixed(this, *args):
    """String.prototype.fixed ( ) (B.2.2.6)."""
    return create_html(this, "tt", "", "", "fixed")


def sp_fontcolor(this, color=undefined, *rest):
    """String.prototype.fontcolor ( color ) (B.2.2.7)."""
    return create_html(this, "font", "color", color, "fontcolor")


def sp_fontsize(this, size=undefined, *rest):
    """String.prototype.fontsize ( size ) (B.2.2.8)."""
    return create_html(this, "font", "size", size, "fontsize")


def sp_italics(this, *args):
    """String.prototype.italics ( ) (B.2.2.9)."""
    return create_html(this, "i", "", "", "italics")


def sp_link(this, url=undefined, *rest):
    """String.prototype.link ( url ) (B.2.2.10)."""
    return create_html(this, "a", "href", url, "link")


def sp_small(this, *args):
    """String.prototype.small ( ) (B.2.2.11)."""
    return create_html(this, "small", "", "", "small")


def sp_strike(this, *args):
    """String.prototype.strike ( ) (B.2.2.12)."""
    return create_html(this, "strike", "", "", "strike")


def sp_sub(this, *args):
    """String.prototype.sub ( ) (B.2.2.13)."""
    return create_html(this, "sub", "", "", "sub")


def sp_sup(this, *args):
    """String.prototype.sup ( ) (B.2.2.14)."""
    return create_html(this, "sup", "", "", "sup")


# ---------------------------------------------------------------------------
# String iterators (22.1.5)
# ---------------------------------------------------------------------------

class JSStringIterator(JSObject):
    """A String Iterator (22.1.5): the string and the next code unit index."""
    __slots__ = ("string", "index")
    cls = "String Iterator"

    def __init__(self, proto, string):
        JSObject.__init__(self, proto)
        self.string = string
        self.index = 0


def sp_iterator(this, *args):
    """String.prototype [ @@iterator ] ( ) (22.1.3.36)."""
    s = this_str(this, "[Symbol.iterator]")
    return JSStringIterator(STATE.realm.intrinsics["%StringIteratorPrototype%"], s)


def string_iterator_next(this, *args):
    """%StringIteratorPrototype%.next ( ) (22.1.5.1.1): one code point per step."""
    if type(this) is not JSStringIterator:
        throw_type_error("Method String Iterator.prototype.next called on incompatible receiver %s"
                         % ops.no_side_effects_to_string(this))
    s = this.string
    if s is None:
        return iter_result(undefined, True)
    i = this.index
    if i >= len(s):
        this.string = None
        return iter_result(undefined, True)
    c = s[i]
    if "\ud800" <= c <= "\udbff" and i + 1 < len(s) and "\udc00" <= s[i + 1] <= "\udfff":
        c = s[i:i + 2]
    this.index = i + len(c)
    return iter_result(c, False)


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

def setup(realm):
    intr = realm.intrinsics
    op = intr["%Object.prototype%"]
    # 22.1.3: String.prototype is itself a String exotic object whose value is "".
    sp = JSStringObject(op, "")
    ctor = make_constructor(realm, "String", string_call, string_construct, 1, sp,
                            "%String.prototype%")
    intr["%String%"] = ctor
    define_methods(realm, ctor, [
        ("fromCharCode", string_from_char_code, 1),
        ("fromCodePoint", string_from_code_point, 1),
        ("raw", string_raw, 1),
    ])
    m = define_methods(realm, sp, [
        ("at", sp_at, 1),
        ("charAt", sp_char_at, 1),
        ("charCodeAt", sp_char_code_at, 1),
        ("codePointAt", sp_code_point_at, 1),
        ("concat", sp_concat, 1),
        ("endsWith", sp_ends_with, 1),
        ("includes", sp_includes, 1),
        ("indexOf", sp_index_of, 1),
        ("isWellFormed", sp_is_well_formed, 0),
        ("lastIndexOf", sp_last_index_of, 1),
        ("localeCompare", sp_locale_compare, 1),
        ("match", sp_match, 1),
        ("matchAll", sp_match_all, 1),
        ("normalize", sp_normalize, 0),
        ("padEnd", sp_pad_end, 1),
        ("padStart", sp_pad_start, 1),
        ("repeat", sp_repeat, 1),
        ("replace", sp_replace, 2),
        ("replaceAll", sp_replace_all, 2),
        ("search", sp_search, 1),
        ("slice", sp_slice, 2),
        ("split", sp_split, 2),
        ("startsWith", sp_starts_with, 1),
        ("substring", sp_substring, 2),
        ("toLocaleLowerCase", sp_to_locale_lower_case, 0),
        ("toLocaleUpperCase", sp_to_locale_upper_case, 0),
        ("toLowerCase", sp_to_lower_case, 0),
        ("toString", sp_to_string, 0),
        ("toUpperCase", sp_to_upper_case, 0),
        ("toWellFormed", sp_to_well_formed, 0),
        ("trim", sp_trim, 0),
        ("trimEnd", sp_trim_end, 0),
        ("trimStart", sp_trim_start, 0),
        ("valueOf", sp_value_of, 0),
        # Annex B (B.2.2)
        ("substr", sp_substr, 2),
        ("anchor", sp_anchor, 1),
        ("big", sp_big, 0),
        ("blink", sp_blink, 0),
        ("bold", sp_bold, 0),
        ("fixed", sp_fixed, 0),
        ("fontcolor", sp_fontcolor, 1),
        ("fontsize", sp_fontsize, 1),
        ("italics", sp_italics, 0),
        ("link", sp_link, 1),
        ("small", sp_small, 0),
        ("strike", sp_strike, 0),
        ("sub", sp_sub, 0),
        ("sup", sp_sup, 0),
    ])
    # B.2.2.15-16: trimLeft / trimRight are the same function objects.
    sp._store("trimLeft", m["trimStart"], W | C)
    sp._store("trimRight", m["trimEnd"], W | C)
    it = make_native(realm, SYM_ITERATOR, sp_iterator, 0)
    sp._store(SYM_ITERATOR, it, W | C)
    intr["%String.prototype[@@iterator]%"] = it
    intr["%String.prototype.trimStart%"] = m["trimStart"]
    intr["%String.prototype.trimEnd%"] = m["trimEnd"]

    # 22.1.5.1 %StringIteratorPrototype%
    sip = JSObject(intr["%IteratorPrototype%"])
    intr["%StringIteratorPrototype%"] = sip
    n = define_methods(realm, sip, [("next", string_iterator_next, 0)])
    intr["%StringIteratorPrototype.next%"] = n["next"]
    sip._store(SYM_TO_STRING_TAG, "String Iterator", C)

    realm.global_object._store("String", ctor, W | C)
