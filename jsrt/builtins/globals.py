"""Function properties of the global object (ECMA-262 19.2) and the Annex B
globals escape / unescape (B.2.1).

https://tc39.es/ecma262/#sec-function-properties-of-the-global-object

parseInt and parseFloat are the function objects created by the Number family
(%parseInt%, %parseFloat%), so that ``Number.parseInt === parseInt``.
The URI functions work on UTF-16 code units: a surrogate pair is one code point, a lone
surrogate is a URIError, and decoding accepts only well-formed UTF-8.
"""

import re

from ..runtime.values import undefined
from ..runtime.objects import JSFunction, W, C
from ..runtime.errors import JSThrow
from ..runtime import ops
from ._common import FLAGS_FN, define_methods

INF = float("inf")


def throw_uri_error(message="URI malformed"):
    raise JSThrow(kind="URIError", message=message)


# ---------------------------------------------------------------------------
# eval (19.2.1)
# ---------------------------------------------------------------------------

class EvalFunction(JSFunction):
    """%eval% (19.2.1).  Called through a reference other than a direct ``eval(...)``
    call it is an indirect eval: PerformEval in its own realm, global scope, non-strict.
    A direct call is recognised by the compiler through ``realm.intrinsics["%eval%"]``."""
    __slots__ = ()

    def __init__(self, realm):
        JSFunction.__init__(self, realm.intrinsics["%Function.prototype%"], self._call, realm)
        self.props["length"] = 1.0
        self.props["name"] = "eval"
        self.flags = FLAGS_FN

    def _call(self, this, x=undefined, *rest):
        # 19.2.1.1 PerformEval step 2: a non-string argument is returned unchanged.
        if type(x) is not str:
            return x
        return self.realm.perform_eval(x, False)


# ---------------------------------------------------------------------------
# isFinite, isNaN (19.2.2-3)
# ---------------------------------------------------------------------------

def global_is_finite(this, number=undefined, *rest):
    """isFinite ( number ) (19.2.2)."""
    n = number if type(number) is float else ops.to_number(number)
    return n == n and n not in (INF, -INF)


def global_is_nan(this, number=undefined, *rest):
    """isNaN ( number ) (19.2.3)."""
    n = number if type(number) is float else ops.to_number(number)
    return n != n


# ---------------------------------------------------------------------------
# URI handling functions (19.2.6)
# ---------------------------------------------------------------------------

_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
URI_RESERVED = ";/?:@&=+$,"
URI_MARK = "-_.!~*'()"
URI_UNESCAPED = _ALNUM + URI_MARK
_ENCODE_URI_KEEP = frozenset(URI_UNESCAPED + URI_RESERVED + "#")
_ENCODE_COMPONENT_KEEP = frozenset(URI_UNESCAPED)
_DECODE_URI_RESERVED = frozenset(URI_RESERVED + "#")
_DECODE_COMPONENT_RESERVED = frozenset()
_HEX = "0123456789ABCDEF"
_HEXDIGITS = frozenset("0123456789abcdefABCDEF")
_PCT = ["%" + _HEX[b >> 4] + _HEX[b & 15] for b in range(256)]


def encode(string, keep):
    """Encode ( string, extraUnescaped ) (19.2.6.5)."""
    out = []
    append = out.append
    n = len(string)
    k = 0
    while k < n:
        c = string[k]
        if c in keep:
            append(c)
            k += 1
            continue
        cp = ord(c)
        if 0xD800 <= cp <= 0xDFFF:
            # CodePointAt: a lone surrogate is malformed.
            if cp >= 0xDC00 or k + 1 >= n or not "\udc00" <= string[k + 1] <= "\udfff":
                throw_uri_error()
            cp = 0x10000 + ((cp - 0xD800) << 10) + (ord(string[k + 1]) - 0xDC00)
            k += 2
        else:
            k += 1
        for b in chr(cp).encode("utf-8"):
            append(_PCT[b])
    return "".join(out)


def _hex_byte(string, k):
    """The byte written as %XX at string[k] (which is '%'), or a URIError."""
    if k + 2 >= len(string):
        throw_uri_error()
    a = string[k + 1]
    b = string[k + 2]
    if a not in _HEXDIGITS or b not in _HEXDIGITS:
        throw_uri_error()
    return int(a + b, 16)


def decode(string, reserved):
    """Decode ( string, preserveEscapeSet ) (19.2.6.6)."""
    if "%" not in string:
        return string
    out = []
    append = out.append
    n = len(string)
    k = 0
    while k < n:
        j = string.find("%", k)
        if j < 0:
            append(string[k:])
            break
        append(string[k:j])
        k = j
        start = k
        b = _hex_byte(string, k)
        k += 3
        if b < 0x80:
            c = chr(b)
            append(string[start:k] if c in reserved else c)
            continue
        # 4.d.vii: the number of leading 1 bits gives the sequence length.
        if b & 0xE0 == 0xC0:
            count = 2
        elif b & 0xF0 == 0xE0:
            count = 3
        elif b & 0xF8 == 0xF0:
            count = 4
        else:
            throw_uri_error()
        octets = [b]
        if k + 3 * (count - 1) > n:
            throw_uri_error()
        for _ in range(count - 1):
            if string[k] != "%":
                throw_uri_error()
            b = _hex_byte(string, k)
            if b & 0xC0 != 0x80:
                throw_uri_error()
            octets.append(b)
            k += 3
        try:
            ch = bytes(octets).decode("utf-8")  # rejects overlongs, surrogates, > U+10FFFF
        except UnicodeDecodeError:
            throw_uri_error()
        cp = ord(ch)
        if cp < 0x10000:
            append(ch)
        else:
            cp -= 0x10000
            append(chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF)))
    return "".join(out)


def global_decode_uri(this, encoded_uri=undefined, *rest):
    """decodeURI ( encodedURI ) (19.2.6.1)."""
    return decode(ops.to_string(encoded_uri), _DECODE_URI_RESERVED)


def global_decode_uri_component(this, encoded=undefined, *rest):
    """decodeURIComponent ( encodedURIComponent ) (19.2.6.2)."""
    return decode(ops.to_string(encoded), _DECODE_COMPONENT_RESERVED)


def global_encode_uri(this, uri=undefined, *rest):
    """encodeURI ( uri ) (19.2.6.3)."""
    return encode(ops.to_string(uri), _ENCODE_URI_KEEP)


def global_encode_uri_component(this, component=undefined, *rest):
    """encodeURIComponent ( uriComponent ) (19.2.6.4)."""
    return encode(ops.to_string(component), _ENCODE_COMPONENT_KEEP)


# ---------------------------------------------------------------------------
# Annex B (B.2.1)
# ---------------------------------------------------------------------------

_ESCAPE_KEEP = frozenset(_ALNUM + "@*_+-./")


def global_escape(this, string=undefined, *rest):
    """escape ( string ) (B.2.1.1)."""
    s = ops.to_string(string)
    out = []
    for c in s:
        if c in _ESCAPE_KEEP:
            out.append(c)
        else:
            cp = ord(c)
            out.append(_PCT[cp] if cp < 256 else "%%u%04X" % cp)
    return "".join(out)


_UNESCAPE_RE = re.compile(r"%u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})")


def _unescape_one(m):
    return chr(int(m.group(1) or m.group(2), 16))


def global_unescape(this, string=undefined, *rest):
    """unescape ( string ) (B.2.1.2)."""
    s = ops.to_string(string)
    if "%" not in s:
        return s
    return _UNESCAPE_RE.sub(_unescape_one, s)


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

def setup(realm):
    intr = realm.intrinsics
    g = realm.global_object
    ev = EvalFunction(realm)
    intr["%eval%"] = ev
    g._store("eval", ev, W | C)
    m = define_methods(realm, g, [
        ("isFinite", global_is_finite, 1),
        ("isNaN", global_is_nan, 1),
        ("decodeURI", global_decode_uri, 1),
        ("decodeURIComponent", global_decode_uri_component, 1),
        ("encodeURI", global_encode_uri, 1),
        ("encodeURIComponent", global_encode_uri_component, 1),
        ("escape", global_escape, 1),
        ("unescape", global_unescape, 1),
    ])
    for name, key in (("isFinite", "%isFinite%"), ("isNaN", "%isNaN%"),
                      ("decodeURI", "%decodeURI%"),
                      ("decodeURIComponent", "%decodeURIComponent%"),
                      ("encodeURI", "%encodeURI%"),
                      ("encodeURIComponent", "%encodeURIComponent%")):
        intr[key] = m[name]
    g._store("parseFloat", intr["%parseFloat%"], W | C)
    g._store("parseInt", intr["%parseInt%"], W | C)
