"""The JSON object (ECMA-262 25.5).

https://tc39.es/ecma262/#sec-json-object

JSON.parse runs in up to three tiers over the UTF-16 source string:

* ``_parse_c``: CPython's C JSON scanner, configured for JSON.parse's grammar (numbers
  as floats, no NaN/Infinity, control characters rejected), with hooks that build
  JSObjects and JSArrays.  Used unless the text escapes a high surrogate (the C
  scanner would join an escaped pair into one code point, and strings here are UTF-16
  code units); it raises on invalid text and on nesting deeper than the recursion
  limit, and the next tier takes over.  ``USE_C_SCANNER = False`` turns it off.
* ``_parse_fast``: an iterative parser (an explicit stack, so nesting depth is bounded
  only by memory) driven by compiled regular expressions for strings, numbers and
  whitespace.  It accepts exactly the JSON grammar (ECMA-404 / 25.5.1) and builds
  JSObject / JSArray values directly.
* ``_diagnose``: called only when the fast tier rejects the text; it re-scans the text
  the way V8's JsonParser does to produce V8's SyntaxError message and position
  (``Unexpected token '}', "{"a":1,}" is not valid JSON``, ``Expected ',' or ']' after
  array element in JSON at position 4``, ...).

JSON.stringify follows SerializeJSONProperty / SerializeJSONObject / SerializeJSONArray
(25.5.2.2-6) with fast paths for ordinary objects and dense arrays, QuoteJSONString with
lone surrogates escaped (well-formed JSON.stringify), and V8's circular-structure
message.
"""

import json as _pyjson
import re

from ..runtime.values import undefined, null, MISSING, HOLE, JSBigInt, SYM_TO_STRING_TAG
from ..runtime.objects import (JSObject, JSArray, JSFunction, JSPrimitiveObject, JSStringObject,
                               Accessor, ordered_keys, W, E, C, WEC)
from ..runtime.errors import STATE, throw_type_error, throw_syntax_error
from ..runtime import ops
from ..runtime.numconv import number_to_string
from ..runtime.proxy_check import is_array
from ._common import define_methods

INF = float("inf")

# ---------------------------------------------------------------------------
# JSON.parse: the fast tier
# ---------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_WS_CHARS = " \t\n\r"
_STRING_PLAIN = re.compile(r'"([^"\\\x00-\x1f]*)"')
_STRING_ESCAPED = re.compile(r'"((?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*)"')
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|(.))")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
            "t": "\t"}
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_NUMBER_START = frozenset("-0123456789")


class _Members:
    """An object being built by the fast tier: its properties so far and the pending key."""
    __slots__ = ("props", "key")

    def __init__(self, key):
        self.props = {}
        self.key = key


class _Invalid(Exception):
    """The fast tier saw something that is not JSON; _diagnose says what."""


def _unescape(m):
    u = m.group(1)
    if u is not None:
        return chr(int(u, 16))
    return _ESCAPES[m.group(2)]


def _scan_string(text, pos):
    """The string literal at text[pos] (a '"'): (value, end)."""
    m = _STRING_PLAIN.match(text, pos)
    if m is not None:
        return m.group(1), m.end()
    m = _STRING_ESCAPED.match(text, pos)
    if m is None:
        raise _Invalid
    return _ESCAPE.sub(_unescape, m.group(1)), m.end()


def _parse_fast(text, op, ap):
    """Parse ``text`` (a complete JSON text) into JS values; _Invalid if it is not JSON."""
    plain = _STRING_PLAIN.match
    number = _NUMBER.match
    ws = _WS.match
    n = len(text)
    stack = []  # _Members for objects being built, lists for arrays
    pos = 0
    try:
        while True:
            # -- produce one value at pos (whitespace may precede it) --
            c = text[pos]
            if c in _WS_CHARS:
                pos = ws(text, pos).end()
                c = text[pos]
            if c == '"':
                m = plain(text, pos)
                if m is not None:
                    value = m.group(1)
                    pos = m.end()
                else:
                    value, pos = _scan_string(text, pos)
            elif c in _NUMBER_START:
                m = number(text, pos)
                if m is None:
                    raise _Invalid
                value = float(m.group())
                pos = m.end()
            elif c == "{":
                pos += 1
                c = text[pos]
                if c in _WS_CHARS:
                    pos = ws(text, pos).end()
                    c = text[pos]
                if c == "}":
                    pos += 1
                    value = JSObject(op)
                elif c == '"':
                    m = plain(text, pos)
                    if m is not None:
                        key = m.group(1)
                        pos = m.end()
                    else:
                        key, pos = _scan_string(text, pos)
                    if text[pos] != ":":
                        pos = ws(text, pos).end()
                        if text[pos] != ":":
                            raise _Invalid
                    pos += 1
                    stack.append(_Members(key))
                    continue
                else:
                    raise _Invalid
            elif c == "[":
                pos += 1
                c = text[pos]
                if c in _WS_CHARS:
                    pos = ws(text, pos).end()
                    c = text[pos]
                if c == "]":
                    pos += 1
                    value = JSArray(ap, [])
                else:
                    stack.append([])
                    continue
            elif c == "t" and text.startswith("true", pos):
                value = True
                pos += 4
            elif c == "f" and text.startswith("false", pos):
                value = False
                pos += 5
            elif c == "n" and text.startswith("null", pos):
                value = null
                pos += 4
            else:
                raise _Invalid
            # -- hand the value to the enclosing containers --
            while True:
                if not stack:
                    if pos < n:
                        pos = ws(text, pos).end()
                        if pos < n:
                            raise _Invalid
                    return value
                top = stack[-1]
                if pos < n and text[pos] in _WS_CHARS:
                    pos = ws(text, pos).end()
                c = text[pos]
                if type(top) is list:
                    top.append(value)
                    if c == ",":
                        pos += 1
                        break
                    if c != "]":
                        raise _Invalid
                    pos += 1
                    stack.pop()
                    value = JSArray(ap, top)
                    continue
                top.props[top.key] = value
                if c == ",":
                    pos += 1
                    c = text[pos]
                    if c in _WS_CHARS:
                        pos = ws(text, pos).end()
                        c = text[pos]
                    if c != '"':
                        raise _Invalid
                    m = plain(text, pos)
                    if m is not None:
                        top.key = m.group(1)
                        pos = m.end()
                    else:
                        top.key, pos = _scan_string(text, pos)
                    if text[pos] != ":":
                        pos = ws(text, pos).end()
                        if text[pos] != ":":
                            raise _Invalid
                    pos += 1
                    break
                if c != "}":
                    raise _Invalid
                pos += 1
                stack.pop()
                value = JSObject(op)
                value.props = top.props
    except IndexError:
        raise _Invalid from None


# ---------------------------------------------------------------------------
# JSON.parse: V8's error messages
# ---------------------------------------------------------------------------

_MAX_CONTEXT = 10                       # V8 kMaxContextCharacters
_MIN_LENGTH_FOR_CONTEXT = 2 * _MAX_CONTEXT + 1
_SPECIAL_SOURCES = ("[object Object]", "undefined", "Infinity", "NaN")
_HEX = frozenset("0123456789abcdefABCDEF")
_DIGITS = frozenset("0123456789")
_ESCAPE_CHARS = frozenset('"\\/bfnrtu')

MSG_EOS = "Unexpected end of JSON input"
MSG_AFTER_JSON = "Unexpected non-whitespace character after JSON at position %d"
MSG_PROP_OR_RBRACE = "Expected property name or '}' in JSON at position %d"
MSG_DOUBLE_QUOTED = "Expected double-quoted property name in JSON at position %d"
MSG_COLON = "Expected ':' after property name in JSON at position %d"
MSG_COMMA_RBRACE = "Expected ',' or '}' after property value in JSON at position %d"
MSG_COMMA_RBRACK = "Expected ',' or ']' after array element in JSON at position %d"
MSG_NUMBER = "Unexpected number in JSON at position %d"
MSG_STRING = "Unexpected string in JSON at position %d"
MSG_MINUS = "No number after minus sign in JSON at position %d"
MSG_FRACTION = "Unterminated fractional number in JSON at position %d"
MSG_EXPONENT = "Exponent part is missing a number in JSON at position %d"
MSG_UNTERMINATED = "Unterminated string in JSON at position %d"
MSG_BAD_ESCAPE = "Bad escaped character in JSON at position %d"
MSG_BAD_UNICODE = "Bad Unicode escape in JSON at position %d"
MSG_CONTROL = "Bad control character in string literal in JSON at position %d"


class _JSONError(Exception):
    def __init__(self, message):
        Exception.__init__(self, message)
        self.message = message


def _unexpected_character(text, pos):
    """V8's ReportUnexpectedCharacter: the message for the character at ``pos``."""
    n = len(text)
    if pos >= n:
        return MSG_EOS
    c = text[pos]
    if c == '"':
        return MSG_STRING % pos
    if c in _NUMBER_START:
        return MSG_NUMBER % pos
    if text in _SPECIAL_SOURCES:
        return '"%s" is not valid JSON' % text
    if n < _MIN_LENGTH_FOR_CONTEXT:
        return "Unexpected token '%s', \"%s\" is not valid JSON" % (c, text)
    if pos < _MAX_CONTEXT:
        return "Unexpected token '%s', \"%s\"... is not valid JSON" % (c, text[:pos + _MAX_CONTEXT])
    if pos < n - _MAX_CONTEXT:
        return "Unexpected token '%s', ...\"%s\"... is not valid JSON" % (
            c, text[pos - _MAX_CONTEXT:pos + _MAX_CONTEXT])
    return "Unexpected token '%s', ...\"%s\" is not valid JSON" % (c, text[pos - _MAX_CONTEXT:])


class _Diagnoser:
    """Re-parses invalid JSON as V8's JsonParser does and raises _JSONError with its
    message.  Iterative, like the fast tier."""

    def __init__(self, text):
        self.text = text
        self.n = len(text)

    def fail(self, message):
        raise _JSONError(message)

    def skip_ws(self, pos):
        text = self.text
        n = self.n
        while pos < n and text[pos] in _WS_CHARS:
            pos += 1
        return pos

    def char(self, pos):
        return self.text[pos] if pos < self.n else ""

    def literal(self, pos, word):
        text = self.text
        for i in range(1, len(word)):
            p = pos + i
            if p >= self.n:
                self.fail(MSG_EOS)
            if text[p] != word[i]:
                self.fail(_unexpected_character(text, p))
        return pos + len(word)

    def number(self, pos):
        """ParseJsonNumber; returns the end position."""
        text = self.text
        n = self.n

        def digit(p):
            return p < n and text[p] in _DIGITS

        if pos < n and text[pos] == "-":
            pos += 1
        if pos < n and text[pos] == "0":
            pos += 1
            if digit(pos):
                self.fail(MSG_NUMBER % pos)
        else:
            start = pos
            while digit(pos):
                pos += 1
            if pos == start:
                self.fail(MSG_MINUS % pos)
        if pos < n and text[pos] == ".":
            pos += 1
            if not digit(pos):
                self.fail(MSG_FRACTION % pos)
            while digit(pos):
                pos += 1
        if pos < n and text[pos] in "eE":
            pos += 1
            if pos < n and text[pos] in "+-":
                pos += 1
            if not digit(pos):
                self.fail(MSG_EXPONENT % pos)
            while digit(pos):
                pos += 1
        return pos

    def string(self, pos):
        """ScanJsonString from just after the opening quote; returns the end position."""
        text = self.text
        n = self.n
        while True:
            if pos >= n:
                self.fail(MSG_UNTERMINATED % pos)
            c = text[pos]
            if c == '"':
                return pos + 1
            if c == "\\":
                pos += 1
                if pos >= n:
                    self.fail(MSG_EOS)
                c = text[pos]
                if ord(c) > 0xFF:
                    self.fail(_unexpected_character(text, pos))
                if c not in _ESCAPE_CHARS:
                    self.fail(MSG_BAD_ESCAPE % pos)
                if c == "u":
                    for _ in range(4):
                        pos += 1
                        if pos >= n or text[pos] not in _HEX:
                            self.fail(MSG_BAD_UNICODE % pos)
                pos += 1
                continue
            if c < " ":
                self.fail(MSG_CONTROL % pos)
            pos += 1

    def run(self):
        text = self.text
        ch = self.char
        stack = []  # "o" or "a"
        pos = 0
        while True:
            # a value
            pos = self.skip_ws(pos)
            c = ch(pos)
            if c == '"':
                pos = self.string(pos + 1)
            elif c and c in _NUMBER_START:
                pos = self.number(pos)
            elif c == "t":
                pos = self.literal(pos, "true")
            elif c == "f":
                pos = self.literal(pos, "false")
            elif c == "n":
                pos = self.literal(pos, "null")
            elif c == "{":
                pos = self.skip_ws(pos + 1)
                if ch(pos) == "}":
                    pos += 1
                else:
                    if ch(pos) != '"':
                        self.fail(MSG_PROP_OR_RBRACE % pos)
                    pos = self.string(pos + 1)
                    pos = self.skip_ws(pos)
                    if ch(pos) != ":":
                        self.fail(MSG_COLON % pos)
                    pos += 1
                    stack.append("o")
                    continue
            elif c == "[":
                pos = self.skip_ws(pos + 1)
                if ch(pos) == "]":
                    pos += 1
                else:
                    stack.append("a")
                    continue
            else:
                self.fail(_unexpected_character(text, pos))
            # after a value
            while True:
                pos = self.skip_ws(pos)
                if not stack:
                    if pos < self.n:
                        self.fail(MSG_AFTER_JSON % pos)
                    return
                c = ch(pos)
                if stack[-1] == "a":
                    if c == ",":
                        pos += 1
                        break
                    if c != "]":
                        self.fail(MSG_COMMA_RBRACK % pos)
                    pos += 1
                    stack.pop()
                    continue
                if c == ",":
                    pos = self.skip_ws(pos + 1)
                    if ch(pos) != '"':
                        self.fail(MSG_DOUBLE_QUOTED % pos)
                    pos = self.string(pos + 1)
                    pos = self.skip_ws(pos)
                    if ch(pos) != ":":
                        # V8 words only the first key's missing colon specially
                        self.fail(_unexpected_character(text, pos))
                    pos += 1
                    break
                if c != "}":
                    self.fail(MSG_COMMA_RBRACE % pos)
                pos += 1
                stack.pop()


USE_C_SCANNER = True
_HIGH_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abAB]")


NoneType = type(None)


class _Reject(Exception):
    """NaN / Infinity / -Infinity reached the C scanner: not JSON."""


def _reject_constant(name):
    raise _Reject


def _parse_c(text, op, ap):
    """Tier 0: the C scanner with JS value builders; raises on anything unusual."""
    def wrap_lists(lst):
        # Arrays arrive as Python lists, possibly nested in each other; wrap each
        # in place (objects inside them were already built by the pairs hook).
        # JSON null arrives as None.
        work = [lst]
        while work:
            cur = work.pop()
            types = set(map(type, cur))
            if list in types or NoneType in types:
                for i, v in enumerate(cur):
                    if type(v) is list:
                        cur[i] = JSArray(ap, v)
                        work.append(v)
                    elif v is None:
                        cur[i] = null
        return JSArray(ap, lst)

    def make_object(pairs):
        d = dict(pairs)
        for k, v in pairs:
            if type(v) is list:
                d[k] = wrap_lists(v)
            elif v is None:
                d[k] = null
        o = JSObject(op)
        o.props = d
        return o

    dec = _pyjson.JSONDecoder(object_pairs_hook=make_object, parse_int=float,
                              parse_constant=_reject_constant, strict=True)
    v = dec.decode(text)
    if type(v) is list:
        return wrap_lists(v)
    if v is None:
        return null
    return v


def parse_json_text(text):
    """Parse a JSON text (25.5.1 steps 2-8) into JS values, or throw V8's SyntaxError."""
    intr = STATE.realm.intrinsics
    op = intr["%Object.prototype%"]
    ap = intr["%Array.prototype%"]
    if USE_C_SCANNER and _HIGH_SURROGATE_ESCAPE.search(text) is None:
        try:
            return _parse_c(text, op, ap)
        except (ValueError, RecursionError, _Reject):
            pass
    try:
        return _parse_fast(text, op, ap)
    except _Invalid:
        pass
    try:
        _Diagnoser(text).run()
    except _JSONError as e:
        throw_syntax_error(e.message)
    throw_syntax_error("Unexpected token in JSON")  # not reached: both tiers agree


def internalize_json_property(holder, name, reviver):
    """InternalizeJSONProperty ( holder, name, reviver ) (25.5.1.1)."""
    val = holder.get(name, holder)
    if isinstance(val, JSObject):
        if is_array(val):
            n = ops.length_of_array_like(val)
            keys = (str(i) for i in range(n))
        else:
            keys = [k for k in val.own_keys() if type(k) is str and _enumerable(val, k)]
        for p in keys:
            new = internalize_json_property(val, p, reviver)
            if new is undefined:
                val.delete(p)
            else:
                ops.create_data_property(val, p, new)
    return reviver.fn(holder, name, val)


def _enumerable(o, k):
    d = o.get_own_property(k)
    return d is not None and bool(d.enumerable)


def json_parse(this, text=undefined, reviver=undefined, *rest):
    """JSON.parse ( text [ , reviver ] ) (25.5.1)."""
    s = text if type(text) is str else ops.to_string(text)
    unfiltered = parse_json_text(s)
    if isinstance(reviver, JSFunction):
        root = ops.new_object()
        ops.create_data_property_or_throw(root, "", unfiltered)
        return internalize_json_property(root, "", reviver)
    return unfiltered


# ---------------------------------------------------------------------------
# JSON.stringify
# ---------------------------------------------------------------------------

_QUOTE_NEEDED = re.compile(r'["\\\x00-\x1f\ud800-\udfff]')
_QUOTE_SUB = re.compile(r'[\ud800-\udbff][\udc00-\udfff]|["\\\x00-\x1f\ud800-\udfff]')
_QUOTE_TABLE = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
                "\r": "\\r"}


def _quote_one(m):
    s = m.group()
    if len(s) == 2:
        return s                          # a surrogate pair stays as it is
    r = _QUOTE_TABLE.get(s)
    return r if r is not None else "\\u%04x" % ord(s)


def quote_json_string(s):
    """QuoteJSONString ( value ) (25.5.2.3)."""
    if _QUOTE_NEEDED.search(s) is None:
        return '"' + s + '"'
    return '"' + _QUOTE_SUB.sub(_quote_one, s) + '"'


class _State:
    """The JSON Serialization Record (25.5.2.1) plus the stack of (key, object)."""
    __slots__ = ("replacer", "plist", "gap", "indent", "stack", "ids", "keys")

    def __init__(self):
        self.replacer = None
        self.plist = None
        self.gap = ""
        self.indent = ""
        self.stack = []
        self.ids = set()
        self.keys = {}  # property key -> its quoted form and the colon


def _key_text(key):
    if type(key) is int:
        return "index %d" % key
    if key == "":
        return "<anonymous>"
    return "property '%s'" % key


def _circular_error(st, key, value):
    """V8's 'Converting circular structure to JSON' message with the path of the cycle."""
    objs = [o for _, o in st.stack]
    i = next(j for j, o in enumerate(objs) if o is value)
    lines = ["Converting circular structure to JSON",
             "    --> starting at object with constructor '%s'" % ops._ctor_name(value)]
    mids = st.stack[i + 1:]
    shown = mids if len(mids) <= 3 else mids[:2] + [None] + mids[-1:]
    for item in shown:
        if item is None:
            lines.append("    |     ...")
        else:
            k, o = item
            lines.append("    |     %s -> object with constructor '%s'"
                         % (_key_text(k), ops._ctor_name(o)))
    lines.append("    --- %s closes the circle" % _key_text(key))
    throw_type_error("\n".join(lines))


def _serialize(st, key, holder, value):
    """SerializeJSONProperty ( state, key, holder ) (25.5.2.2) with value = Get(holder, key)
    already done.  Returns a str, or None for undefined.  ``key`` is an int for array
    elements (made a string only when JS code sees it)."""
    t = type(value)
    if (t is JSObject or t is JSArray) and st.replacer is None:
        # fast path: a plain object or array without toJSON
        tojson = value.get("toJSON", value)
        if not isinstance(tojson, JSFunction):
            if t is JSArray:
                return _serialize_array(st, key, value)
            return _serialize_object(st, key, value)
        return _serialize_value(st, tojson.fn(value, key if type(key) is str else str(key)), key)
    # 2. toJSON for objects and BigInts
    if t is JSBigInt or isinstance(value, JSObject):
        tojson = ops.get_v(value, "toJSON")
        if isinstance(tojson, JSFunction):
            value = tojson.fn(value, key if type(key) is str else str(key))
    # 3. the replacer function
    if st.replacer is not None:
        value = st.replacer.fn(holder, key if type(key) is str else str(key), value)
    return _serialize_value(st, value, key)


def _serialize_value(st, value, key=""):
    """SerializeJSONProperty steps 4-12: after toJSON and the replacer."""
    t = type(value)
    if t is str:
        return quote_json_string(value)
    if t is float:
        if value != value or value in (INF, -INF):
            return "null"
        return number_to_string(value)
    if t is bool:
        return "true" if value else "false"
    if value is null:
        return "null"
    if isinstance(value, JSObject):
        # 4. unwrap Number, String, Boolean and BigInt objects
        if isinstance(value, JSPrimitiveObject):
            v = value.value
            tv = type(v)
            if tv is float:
                value = ops.to_number(value)
                return number_to_string(value) if value == value and value not in (INF, -INF) \
                    else "null"
            if tv is bool:
                return "true" if v else "false"
            if tv is JSBigInt:
                throw_type_error("Do not know how to serialize a BigInt")
        elif isinstance(value, JSStringObject):
            return quote_json_string(ops.to_string(value))
        if isinstance(value, JSFunction):
            return None
        if is_array(value):
            return _serialize_array(st, key, value)
        return _serialize_object(st, key, value)
    if t is JSBigInt:
        throw_type_error("Do not know how to serialize a BigInt")
    return None


def _enter(st, key, value):
    if id(value) in st.ids:
        _circular_error(st, key, value)
    st.ids.add(id(value))
    st.stack.append((key, value))


def _leave(st, value):
    st.stack.pop()
    st.ids.discard(id(value))


def _serialize_object(st, key, value):
    """SerializeJSONObject ( state, value ) (25.5.2.5)."""
    _enter(st, key, value)
    stepback = st.indent
    gap = st.gap
    indent = st.indent = stepback + gap
    partial = []
    append = partial.append
    plain = type(value) is JSObject
    if st.plist is not None:
        keys = st.plist
    elif plain:
        flags = value.flags
        keys = [k for k in ordered_keys(value.props) if type(k) is str
                and (flags is None or flags.get(k, WEC) & E)]
    else:
        keys = [k for k in value.own_keys() if type(k) is str and _enumerable(value, k)]
    props = value.props
    fast = st.replacer is None
    kcache = st.keys
    for k in keys:
        if plain:
            v = props.get(k, MISSING)
            if v is MISSING or type(v) is Accessor:
                v = value.get(k, value)
        else:
            v = value.get(k, value)
        t = type(v)
        # primitives need neither toJSON nor a replacer call: inline them
        if fast and t is str:
            s = quote_json_string(v)
        elif fast and t is float:
            s = number_to_string(v) if v == v and v != INF and v != -INF else "null"
        elif fast and t is bool:
            s = "true" if v else "false"
        elif fast and v is null:
            s = "null"
        else:
            s = _serialize(st, k, value, v)
            if s is None:
                continue
        qk = kcache.get(k)
        if qk is None:
            qk = kcache[k] = quote_json_string(k) + (": " if gap else ":")
        append(qk + s)
    _leave(st, value)
    st.indent = stepback
    if not partial:
        return "{}"
    if not gap:
        return "{" + ",".join(partial) + "}"
    return "{\n" + indent + (",\n" + indent).join(partial) + "\n" + stepback + "}"


def _serialize_array(st, key, value):
    """SerializeJSONArray ( state, value ) (25.5.2.6)."""
    _enter(st, key, value)
    stepback = st.indent
    gap = st.gap
    indent = st.indent = stepback + gap
    partial = []
    append = partial.append
    n = ops.length_of_array_like(value)
    dense = type(value) is JSArray
    fast = st.replacer is None
    for i in range(n):
        if dense:
            a = value.arr
            if a is not None and i < len(a):
                v = a[i]
                if v is HOLE:
                    v = value.get(str(i), value)
            else:
                v = value.get(str(i), value)
        else:
            v = value.get(str(i), value)
        t = type(v)
        if fast and t is str:
            append(quote_json_string(v))
        elif fast and t is float:
            append(number_to_string(v) if v == v and v != INF and v != -INF else "null")
        elif fast and t is bool:
            append("true" if v else "false")
        else:
            s = _serialize(st, i, value, v)
            append("null" if s is None else s)
    _leave(st, value)
    st.indent = stepback
    if not partial:
        return "[]"
    if not gap:
        return "[" + ",".join(partial) + "]"
    return "[\n" + indent + (",\n" + indent).join(partial) + "\n" + stepback + "]"


def json_stringify(this, value=undefined, replacer=undefined, space=undefined, *rest):
    """JSON.stringify ( value [ , replacer [ , space ] ] ) (25.5.2)."""
    st = _State()
    # 4. replacer: a function, or an array of property names
    if isinstance(replacer, JSObject):
        if isinstance(replacer, JSFunction):
            st.replacer = replacer
        elif is_array(replacer):
            plist = []
            seen = set()
            n = ops.length_of_array_like(replacer)
            for k in range(n):
                v = replacer.get(str(k), replacer)
                item = None
                if type(v) is str:
                    item = v
                elif type(v) is float:
                    item = number_to_string(v)
                elif isinstance(v, JSStringObject) or (
                        isinstance(v, JSPrimitiveObject) and type(v.value) is float):
                    item = ops.to_string(v)
                if item is not None and item not in seen:
                    seen.add(item)
                    plist.append(item)
            st.plist = plist
    # 5-8. space
    if isinstance(space, JSPrimitiveObject) and type(space.value) is float:
        space = ops.to_number(space)
    elif isinstance(space, JSStringObject):
        space = ops.to_string(space)
    if type(space) is float:
        k = ops.to_integer_or_infinity(space)
        st.gap = " " * int(min(10, k)) if k >= 1 else ""
    elif type(space) is str:
        st.gap = space[:10]
    # 9-11. the wrapper object
    wrapper = ops.new_object()
    wrapper.props[""] = value
    r = _serialize(st, "", wrapper, value)
    return undefined if r is None else r


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

def setup(realm):
    intr = realm.intrinsics
    j = JSObject(intr["%Object.prototype%"])
    intr["%JSON%"] = j
    m = define_methods(realm, j, [
        ("parse", json_parse, 2),
        ("stringify", json_stringify, 3),
    ])
    intr["%JSON.parse%"] = m["parse"]
    intr["%JSON.stringify%"] = m["stringify"]
    j._store(SYM_TO_STRING_TAG, "JSON", C)
    realm.global_object._store("JSON", j, W | C)
