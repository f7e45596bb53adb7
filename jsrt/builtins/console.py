"""console (WHATWG Console Standard) with Node.js's output format.

Two layers:

- :func:`inspect` renders any JS value the way Node's ``util.inspect`` does with its
  default options (a port of the algorithm in Node 20's ``lib/internal/util/inspect.js``:
  ``formatValue`` / ``formatRaw`` / ``formatProperty`` / ``reduceToSingleString`` /
  ``groupArrayElements``), and :func:`format_args` is ``util.format`` (printf-style
  ``%s %d %i %f %j %o %O %c %%`` when the first argument is a string), which
  ``console.log`` uses.
- the ``console`` object: log/info/debug/dirxml (stdout), warn/error/trace (stderr), dir,
  table, assert, count/countReset, time/timeEnd/timeLog, group/groupCollapsed/groupEnd.
  Output goes through ``realm.write_stdout`` / ``realm.write_stderr``; group indentation
  applies to every line.

Inspection runs almost no user code: no getter is called (Node shows ``[Getter]`` too), proxies
are shown as their target without touching a trap, and names, tags and ``constructor``
properties are read only when they are data properties. The exceptions, as in Node:
a ``[Symbol.for('nodejs.util.inspect.custom')]`` method is called with (depth, options,
inspect) and its result printed instead, and a ``Symbol.toStringTag`` getter is called.
``%s``, ``%d``, ``%i`` and ``%f`` convert their argument the way Node does (which may call
a user ``toString`` / ``valueOf``).
"""

import math
import re
import time
import unicodedata

from ..runtime.values import undefined, null, MISSING, HOLE, Symbol, JSBigInt, SYM_ITERATOR, \
    SYM_TO_STRING_TAG, SYM_TO_PRIMITIVE, symbol_for
from ..runtime.objects import (JSObject, JSArray, JSFunction, JSBoundFunction, JSPrimitiveObject,
                               JSStringObject, JSErrorObject, JSDateObject, JSArguments, Accessor,
                               W, E, C, DIGITS, array_index)
from ..runtime.errors import JSThrow, STATE, throw_type_error
from ..runtime import ops
from ._common import define_methods, make_native

__all__ = ["inspect", "format_args", "setup", "JSConsole"]

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

#: util.inspect's defaults (inspectDefaultOptions).
DEFAULT_OPTIONS = {
    "showHidden": False,
    "depth": 2,
    "colors": False,
    "customInspect": True,
    "showProxy": False,
    "maxArrayLength": 100,
    "maxStringLength": 10000,
    "breakLength": 80,
    "compact": 3,
    "sorted": False,
    "getters": False,
    "numericSeparator": False,
}

K_OBJECT_TYPE = 0
K_ARRAY_TYPE = 1
K_ARRAY_EXTRAS_TYPE = 2

K_MIN_LINE_LENGTH = 16

K_WEAK = 0
K_ITERATOR = 1
K_MAP_ENTRIES = 2

#: ANSI SGR codes of the styles (inspect.colors / inspect.styles).
COLORS = {
    "bold": (1, 22), "italic": (3, 23), "underline": (4, 24), "inverse": (7, 27),
    "white": (37, 39), "grey": (90, 39), "black": (30, 39), "blue": (34, 39),
    "cyan": (36, 39), "green": (32, 39), "magenta": (35, 39), "red": (31, 39),
    "yellow": (33, 39),
}
STYLES = {
    "special": "cyan", "number": "yellow", "bigint": "yellow", "boolean": "yellow",
    "undefined": "grey", "null": "bold", "string": "green", "symbol": "green",
    "date": "magenta", "regexp": "red", "module": "underline",
}

#: Global constructor names Node treats as built-in (``builtInObjects``).
BUILTIN_OBJECTS = frozenset((
    "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "Date", "Promise",
    "RegExp", "Error", "AggregateError", "EvalError", "RangeError", "ReferenceError",
    "SyntaxError", "TypeError", "URIError", "ArrayBuffer", "Uint8Array", "Int8Array",
    "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array",
    "Uint8ClampedArray", "BigUint64Array", "BigInt64Array", "DataView", "Map", "BigInt", "Set",
    "WeakMap", "WeakSet", "Proxy", "Reflect", "JSON", "Math", "Intl", "WeakRef",
    "FinalizationRegistry", "SharedArrayBuffer", "Atomics", "Iterator", "URL",
    "URLSearchParams", "TextEncoder", "TextDecoder", "AbortController", "AbortSignal",
    "EventTarget", "Event", "MessageChannel", "MessagePort", "MessageEvent", "Blob",
    "BroadcastChannel", "Buffer", "DOMException", "Headers", "Request", "Response", "FormData",
    "WebAssembly", "Performance", "Crypto", "CryptoKey", "SubtleCrypto", "CustomEvent",
    "ReadableStream", "WritableStream", "TransformStream", "CompressionStream",
    "DecompressionStream", "File", "PerformanceEntry",
))

#: Escapes of the code units below 0xA0 (``meta``); '' means "print as is".
META = (["\\x%02X" % i for i in range(0x20)]
        + [""] * (0x7F - 0x20) + ["\\x7F"] + ["\\x%02X" % i for i in range(0x80, 0xA0)])
META[8] = "\\b"
META[9] = "\\t"
META[10] = "\\n"
META[12] = "\\f"
META[13] = "\\r"
META[0x27] = "\\'"
META[0x5C] = "\\\\"

KEY_STR_RE = re.compile(r"^[a-zA-Z_][a-zA-Z_0-9]*$")
NUMBER_RE = re.compile(r"^(0|[1-9][0-9]*)$")
ANSI_RE = re.compile(
    "[\u001B\u009B][\\[\\]()#;?]*"
    "(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*"
    "|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?"
    "(?:\u0007|\u001B\u005C|\u009C))"
    "|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?"
    "[\\dA-PR-TZcf-nq-uy=><~]))")


# ---------------------------------------------------------------------------
# Side-effect-free access to JS objects
# ---------------------------------------------------------------------------

_PROXY_TYPES = {}


def _is_proxy(o):
    """True for a Proxy exotic object (a class with ``ptarget`` / ``handler`` slots)."""
    t = type(o)
    r = _PROXY_TYPES.get(t)
    if r is None:
        r = _PROXY_TYPES[t] = hasattr(t, "ptarget") and hasattr(t, "handler")
    return r


def _proxy_target(o):
    """The target of a proxy (None when revoked)."""
    if getattr(o, "handler", None) is null:
        return None
    t = getattr(o, "ptarget", None)
    return t if isinstance(t, JSObject) else None


def _unwrap(o):
    while _is_proxy(o):
        t = _proxy_target(o)
        if t is None:
            return None
        o = t
    return o


def _proto(o):
    """[[GetPrototypeOf]] without running a proxy trap (a proxy answers for its target)."""
    if _is_proxy(o):
        o = _unwrap(o)
        if o is None:
            return null
    p = o.proto
    return p if isinstance(p, JSObject) else null


def _own_desc(o, key):
    """The own property descriptor of an object, without user code (a proxy answers for
    its target), or None."""
    if not o.exotic:
        v = o.props.get(key, MISSING)
        if v is MISSING:
            return None
        f = o.flags
        f = 7 if f is None else f.get(key, 7)
        if type(v) is Accessor:
            return _Desc(MISSING, v.get, v.set, bool(f & E))
        return _Desc(v, MISSING, MISSING, bool(f & E))
    if _is_proxy(o):
        o = _unwrap(o)
        if o is None:
            return None
        return _own_desc(o, key)
    try:
        d = o.get_own_property(key)
    except JSThrow:
        return None
    if d is None:
        return None
    if d.is_accessor():
        return _Desc(MISSING, d.get, d.set, bool(d.enumerable))
    return _Desc(d.value, MISSING, MISSING, bool(d.enumerable))


class _Desc:
    """A property descriptor as inspection needs it (MISSING for absent fields)."""
    __slots__ = ("value", "get", "set", "enumerable")

    def __init__(self, value, get, set, enumerable):
        self.value = value
        self.get = get
        self.set = set
        self.enumerable = enumerable


def _data_lookup(o, key):
    """The value of a data property found along the prototype chain, else MISSING."""
    seen = 0
    while isinstance(o, JSObject) and seen < 10000:
        d = _own_desc(o, key)
        if d is not None:
            return d.value
        o = _proto(o)
        seen += 1
    return MISSING


def _has_key(o, key):
    seen = 0
    while isinstance(o, JSObject) and seen < 10000:
        if _own_desc(o, key) is not None:
            return True
        o = _proto(o)
        seen += 1
    return False


def _own_keys(o):
    o = _unwrap(o)
    if o is None:
        return []
    try:
        return o.own_keys()
    except JSThrow:
        return []


def _has_own(o, key):
    return _own_desc(o, key) is not None


def _fn_name(f):
    n = _data_lookup(f, "name")
    if n is MISSING or n is undefined:
        return ""
    return n if type(n) is str else _primitive_text(n)


def _primitive_text(v):
    """String(v) for a primitive, without user code (objects: their describe())."""
    if isinstance(v, JSObject):
        return ops.describe(v)
    if type(v) is Symbol:
        return repr(v)
    try:
        return ops.to_string(v)
    except JSThrow:
        return ops.describe(v)


def _ordinary_instance_of(o, ctor):
    """OrdinaryHasInstance without user code (bound functions followed)."""
    while isinstance(ctor, JSBoundFunction):
        ctor = ctor.target
    if not isinstance(ctor, JSFunction):
        return False
    p = _own_desc(ctor, "prototype")
    if p is None or not isinstance(p.value, JSObject):
        return False
    p = p.value
    o = _proto(o)
    n = 0
    while o is not null and n < 10000:
        if o is p:
            return True
        o = _proto(o)
        n += 1
    return False


def _intrinsic(name):
    realm = STATE.realm
    return realm.intrinsics.get(name) if realm is not None else None


def _internal_class_name(o):
    """V8's JSReceiver::GetConstructorName for objects without a usable constructor:
    a string @@toStringTag data property, else a "constructor" data property's name,
    else the class name of the internal type. (V8 first asks the map for the function
    that created the object; we do not track it.)"""
    tag = _data_lookup(o, SYM_TO_STRING_TAG)
    if type(tag) is str and tag:
        return tag
    c = _data_lookup(o, "constructor")
    if isinstance(c, JSFunction):
        n = _fn_name(c)
        if n:
            return n
    if isinstance(o, JSFunction):
        return "Function"
    c = getattr(o, "cls", "Object")
    return c if type(c) is str and c else "Object"


# -- type tests (internal/util/types) ------------------------------------------------

def _collections():
    from . import collections
    return collections


def _is_typed_array(o):
    return getattr(type(o), "typed_length", None) is not None and hasattr(o, "kind")


def _is_array_buffer(o):
    return getattr(o, "cls", None) in ("ArrayBuffer", "SharedArrayBuffer") and hasattr(o, "data")


def _is_data_view(o):
    return getattr(o, "cls", None) == "DataView" and hasattr(o, "buffer")


def _is_regexp(o):
    return getattr(o, "cls", None) == "RegExp"


def _is_error(o):
    if isinstance(o, JSErrorObject):
        return True
    ep = _intrinsic("%Error.prototype%")
    p = _proto(o)
    n = 0
    while p is not null and n < 10000:
        if p is ep:
            return True
        p = _proto(p)
        n += 1
    return False


def _is_promise(o):
    from ..runtime.promise import JSPromise
    return isinstance(o, JSPromise)


def _is_boxed(o):
    return isinstance(o, (JSPrimitiveObject, JSStringObject))


def _fn_kind(f):
    name = type(f).__name__
    if "AsyncGenerator" in name:
        return "AsyncGeneratorFunction"
    if "Generator" in name:
        return "GeneratorFunction"
    if "Async" in name:
        return "AsyncFunction"
    return "Function"


# ---------------------------------------------------------------------------
# The inspection context
# ---------------------------------------------------------------------------

class Ctx:
    """util.inspect's ctx: options plus the traversal state."""
    __slots__ = ("budget", "indentation_lvl", "seen", "current_depth", "show_hidden", "depth",
                 "colors", "show_proxy", "max_array_length", "max_string_length",
                 "break_length", "compact", "sorted", "getters", "numeric_separator",
                 "circular", "custom_inspect", "user_options")

    def __init__(self, opts=None):
        o = dict(DEFAULT_OPTIONS)
        if opts:
            o.update(opts)
        self.budget = {}
        self.indentation_lvl = 0
        self.seen = []
        self.current_depth = 0
        self.show_hidden = bool(o["showHidden"])
        d = o["depth"]
        self.depth = None if d is None or d == math.inf else d
        self.colors = bool(o["colors"])
        self.show_proxy = bool(o["showProxy"])
        m = o["maxArrayLength"]
        self.max_array_length = math.inf if m is None else m
        m = o["maxStringLength"]
        self.max_string_length = math.inf if m is None else m
        self.break_length = o["breakLength"]
        self.compact = o["compact"]
        self.sorted = o["sorted"]
        self.getters = o["getters"]
        self.numeric_separator = bool(o["numericSeparator"])
        self.circular = None
        self.custom_inspect = bool(o["customInspect"])
        self.user_options = opts

    def stylize(self, s, style):
        if not self.colors:
            return s
        st = STYLES.get(style)
        if st is None:
            return s
        c = COLORS[st]
        return "\x1b[%dm%s\x1b[%dm" % (c[0], s, c[1])

    def beyond(self, recurse_times):
        return self.depth is not None and recurse_times > self.depth


def _no_style(s, style=None):
    return s


# ---------------------------------------------------------------------------
# Primitives
# ---------------------------------------------------------------------------

def str_escape(s):
    """strEscape: quote a string with ', " or ` and escape what needs escaping."""
    quote = 39
    if "'" in s:
        if '"' not in s:
            quote = -1
        elif "`" not in s and "${" not in s:
            quote = -2
    out = []
    last = 0
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        p = ord(ch)
        if p == quote or p == 92 or p < 32 or 126 < p < 160:
            if last != i:
                out.append(s[last:i])
            out.append(META[p])
            last = i + 1
        elif 0xD800 <= p <= 0xDFFF:
            if p <= 0xDBFF and i + 1 < n and 0xDC00 <= ord(s[i + 1]) <= 0xDFFF:
                i += 2
                continue
            out.append(s[last:i])
            out.append("\\u%x" % p)
            last = i + 1
        i += 1
    if last == 0:
        body = s
    else:
        if last != n:
            out.append(s[last:])
        body = "".join(out)
    if quote == -1:
        return '"%s"' % body
    if quote == -2:
        return "`%s`" % body
    return "'%s'" % body


def _escape_all(s):
    """strEscapeSequencesReplacer + escapeFn (for symbol and hidden key names)."""
    out = []
    n = len(s)
    i = 0
    while i < n:
        ch = s[i]
        p = ord(ch)
        if p < 32 or p == 0x27 or p == 0x5C or 0x7F <= p <= 0x9F:
            out.append(META[p])
        elif 0xD800 <= p <= 0xDBFF and i + 1 < n and 0xDC00 <= ord(s[i + 1]) <= 0xDFFF:
            out.append(s[i:i + 2])
            i += 2
            continue
        elif 0xD800 <= p <= 0xDFFF:
            out.append("\\u%x" % p)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _add_numeric_separator(s):
    result = ""
    i = len(s)
    start = 1 if s[:1] == "-" else 0
    while i >= start + 4:
        result = "_" + s[i - 3:i] + result
        i -= 3
    return s if i == len(s) else s[:i] + result


def _add_numeric_separator_end(s):
    result = ""
    i = 0
    while i < len(s) - 3:
        result += s[i:i + 3] + "_"
        i += 3
    return s if i == 0 else result + s[i:]


def format_number(stylize, n, numeric_separator=False):
    """formatNumber: -0 prints as -0."""
    if not numeric_separator:
        if n == 0.0 and math.copysign(1.0, n) < 0:
            return stylize("-0", "number")
        return stylize(ops.number_to_string(n), "number")
    s = ops.number_to_string(n)
    if n != n or n in (math.inf, -math.inf):
        return stylize(s, "number")
    if n == int(n):
        if "e" in s:
            return stylize(s, "number")
        return stylize(_add_numeric_separator(s), "number")
    if "." not in s:
        return stylize(s, "number")
    ip, fp = s.split(".", 1)
    return stylize("%s.%s" % (_add_numeric_separator(ip), _add_numeric_separator_end(fp)),
                   "number")


def format_bigint(stylize, b, numeric_separator=False):
    s = str(b.v)
    if numeric_separator:
        s = _add_numeric_separator(s)
    return stylize(s + "n", "bigint")


def format_primitive(stylize, v, ctx):
    t = type(v)
    if t is str:
        trailer = ""
        if len(v) > ctx.max_string_length:
            remaining = len(v) - ctx.max_string_length
            v = v[:int(ctx.max_string_length)]
            trailer = "... %d more character%s" % (remaining, "s" if remaining > 1 else "")
        if ctx.compact is not True and len(v) > K_MIN_LINE_LENGTH \
                and len(v) > ctx.break_length - ctx.indentation_lvl - 4:
            parts = re.split(r"(?<=\n)", v)
            if parts and parts[-1] == "" and len(parts) > 1:
                parts.pop()
            return (" +\n" + " " * (ctx.indentation_lvl + 2)).join(
                stylize(str_escape(line), "string") for line in parts) + trailer
        return stylize(str_escape(v), "string") + trailer
    if t is float:
        return format_number(stylize, v, ctx.numeric_separator)
    if t is JSBigInt:
        return format_bigint(stylize, v, ctx.numeric_separator)
    if t is bool:
        return stylize("true" if v else "false", "boolean")
    if v is undefined:
        return stylize("undefined", "undefined")
    if t is Symbol:
        return stylize(repr(v), "symbol")
    return stylize(ops.describe(v), "special")


# ---------------------------------------------------------------------------
# String width (getStringWidth)
# ---------------------------------------------------------------------------

def _to_text(s):
    if s.isascii():
        return s
    try:
        return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    except UnicodeError:
        return s


def _char_width(ch):
    c = ord(ch)
    if c < 0x20 or 0x7F <= c <= 0x9F:
        return 0
    if 0xD800 <= c <= 0xDFFF:
        return 1
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf") or 0x200B <= c <= 0x200F or 0xFE00 <= c <= 0xFE0F:
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    if 0x1F300 <= c <= 0x1F64F or 0x1F900 <= c <= 0x1F9FF:
        return 2
    return 1


def get_string_width(s, remove_control=True):
    """getStringWidth: the columns a string occupies on a terminal."""
    if remove_control and ("\x1b" in s or "\x9b" in s):
        s = ANSI_RE.sub("", s)
    width = 0
    for i, ch in enumerate(s):
        c = ord(ch)
        if c >= 127:
            text = unicodedata.normalize("NFC", _to_text(s[i:]))
            return width + sum(_char_width(x) for x in text)
        if c >= 32:
            width += 1
    return width


def _plain_len(ctx, s):
    if ctx.colors:
        return len(ANSI_RE.sub("", s))
    return len(s)


# ---------------------------------------------------------------------------
# formatValue / formatRaw
# ---------------------------------------------------------------------------

def format_value(ctx, value, recurse_times, typed_array=False):
    """formatValue (inspect.js)."""
    if not isinstance(value, JSObject):
        if value is null:
            return ctx.stylize("null", "null")
        return format_primitive(ctx.stylize, value, ctx)
    # Proxies: never run a trap; show the target (or the pair with showProxy).
    if _is_proxy(value):
        target = _proxy_target(value)
        if target is None:
            return ctx.stylize("<Revoked Proxy>", "special")
        if ctx.show_proxy:
            return _format_proxy(ctx, value, recurse_times)
        value = _unwrap(value)
        if value is None:
            return ctx.stylize("<Revoked Proxy>", "special")
    if ctx.custom_inspect:
        custom = _custom_inspect(ctx, value, recurse_times)
        if custom is not MISSING:
            return custom
    for s in ctx.seen:
        if s is value:
            index = 1
            if ctx.circular is None:
                ctx.circular = {id(value): (1, value)}
            else:
                got = ctx.circular.get(id(value))
                if got is None:
                    index = len(ctx.circular) + 1
                    ctx.circular[id(value)] = (index, value)
                else:
                    index = got[0]
            return ctx.stylize("[Circular *%d]" % index, "special")
    return format_raw(ctx, value, recurse_times, typed_array)


def _custom_inspect(ctx, value, recurse_times):
    """formatValue's hook for ``value[util.inspect.custom](depth, options, inspect)``
    (the one place inspection runs user code, as Node does): the text, or MISSING."""
    key = symbol_for("nodejs.util.inspect.custom")
    p = value
    while isinstance(p, JSObject):
        if key in p.props or _is_proxy(p):
            break
        p = p.proto
    else:
        return MISSING          # the cheap miss: no such key on the (ordinary) chain
    f = value.get(key, value)
    if not isinstance(f, JSFunction) or f is _intrinsic("%jsrt.util.inspect%"):
        return MISSING
    ctor = _data_lookup(value, "constructor")
    if isinstance(ctor, JSObject) and _data_lookup(ctor, "prototype") is value:
        return MISSING              # a prototype object: inspect it normally
    depth = null if ctx.depth is None else float(ctx.depth - recurse_times)
    ret = f.fn(value, depth, _user_options(ctx), _inspect_function())
    if ret is value:
        return MISSING
    if type(ret) is not str:
        return format_value(ctx, ret, recurse_times)
    return ret.replace("\n", "\n" + " " * ctx.indentation_lvl)


def _user_options(ctx):
    """getUserOptions: the options object a custom inspect function receives."""
    realm = STATE.realm
    o = JSObject(realm.intrinsics["%Object.prototype%"])
    for k, v in (("stylize", _stylize_function()), ("showHidden", ctx.show_hidden),
                 ("depth", null if ctx.depth is None else float(ctx.depth)),
                 ("colors", ctx.colors), ("customInspect", ctx.custom_inspect),
                 ("showProxy", ctx.show_proxy),
                 ("maxArrayLength", float(ctx.max_array_length)),
                 ("maxStringLength", float(ctx.max_string_length)),
                 ("breakLength", float(ctx.break_length)),
                 ("compact", ctx.compact if type(ctx.compact) is bool else float(ctx.compact)),
                 ("sorted", ctx.sorted if type(ctx.sorted) is bool else bool(ctx.sorted)),
                 ("getters", ctx.getters if type(ctx.getters) is bool else bool(ctx.getters)),
                 ("numericSeparator", ctx.numeric_separator)):
        o._store(k, v)
    return o


def _js_inspect(this, value=undefined, options=undefined, *rest):
    """util.inspect ( object [ , options ] ) as the third argument of custom inspect
    functions: the text Node's util.inspect gives."""
    opts = _options_from(options) if isinstance(options, JSObject) else {}
    ctx = Ctx(opts)
    return format_value(ctx, value, 0)


def _js_stylize(this, s=undefined, style=undefined, *rest):
    """options.stylize ( text, styleType ) without colors: the text."""
    return ops.to_string(s)


def _inspect_function():
    f = _intrinsic("%jsrt.util.inspect%")
    if f is None:
        realm = STATE.realm
        f = make_native(realm, "inspect", _js_inspect, 2)
        f._store("custom", symbol_for("nodejs.util.inspect.custom"))
        realm.intrinsics["%jsrt.util.inspect%"] = f
    return f


def _stylize_function():
    f = _intrinsic("%jsrt.util.stylize%")
    if f is None:
        realm = STATE.realm
        f = make_native(realm, "stylize", _js_stylize, 2)
        realm.intrinsics["%jsrt.util.stylize%"] = f
    return f


def _format_proxy(ctx, proxy, recurse_times):
    if ctx.beyond(recurse_times):
        return ctx.stylize("Proxy [Array]", "special")
    recurse_times += 1
    ctx.indentation_lvl += 2
    handler = getattr(proxy, "handler", null)
    res = [format_value(ctx, _proxy_target(proxy), recurse_times),
           format_value(ctx, handler, recurse_times)]
    ctx.indentation_lvl -= 2
    return reduce_to_single_string(ctx, res, "", ["Proxy [", "]"], K_ARRAY_EXTRAS_TYPE,
                                   recurse_times)


def get_constructor_name(obj, ctx, recurse_times, proto_props):
    """getConstructorName: the name of the first usable constructor on the chain, or None
    for a null-prototype object."""
    first_proto = MISSING
    tmp = obj
    op = _intrinsic("%Object.prototype%")
    fp = _intrinsic("%Function.prototype%")
    guard = 0
    while obj is not null and guard < 10000:
        guard += 1
        if obj is op or obj is fp:
            name, ctor = ("Object", _intrinsic("%Object%")) if obj is op else \
                ("Function", _intrinsic("%Function%"))
            if _ordinary_instance_of(tmp, ctor):
                if proto_props is not None and first_proto is not obj:
                    _add_prototype_properties(ctx, tmp, tmp if first_proto is MISSING
                                              else first_proto, recurse_times, proto_props)
                return name
        d = _own_desc(obj, "constructor")
        if d is not None and isinstance(d.value, JSFunction):
            cname = _fn_name(d.value)
            if cname != "" and _ordinary_instance_of(tmp, d.value):
                if proto_props is not None and (first_proto is not obj
                                                or cname not in BUILTIN_OBJECTS):
                    _add_prototype_properties(ctx, tmp, tmp if first_proto is MISSING
                                              else first_proto, recurse_times, proto_props)
                return cname
        obj = _proto(obj)
        if first_proto is MISSING:
            first_proto = obj
    if first_proto is null or first_proto is MISSING:
        return None
    res = _internal_class_name(tmp)
    if ctx.beyond(recurse_times):
        return "%s <Complex prototype>" % res
    proto_constr = get_constructor_name(first_proto, ctx, recurse_times + 1, proto_props)
    if proto_constr is None:
        sub = Ctx({"showHidden": ctx.show_hidden, "depth": -1, "colors": ctx.colors,
                   "breakLength": ctx.break_length, "compact": ctx.compact})
        return "%s <%s>" % (res, format_value(sub, first_proto, 0))
    return "%s <%s>" % (res, proto_constr)


def _add_prototype_properties(ctx, main, obj, recurse_times, output):
    """addPrototypeProperties (showHidden): user prototype properties, faint."""
    depth = 0
    keys = []
    key_set = set()
    while True:
        if depth != 0 or main is obj:
            obj = _proto(obj)
            if obj is null:
                return
            d = _own_desc(obj, "constructor")
            if d is not None and isinstance(d.value, JSFunction) \
                    and _fn_name(d.value) in BUILTIN_OBJECTS:
                return
        if depth == 0:
            key_set = set()
        else:
            key_set.update(keys)
        keys = _own_keys(obj)
        ctx.seen.append(main)
        for key in keys:
            if key == "constructor" or _has_own(main, key) or (depth != 0 and key in key_set):
                continue
            desc = _own_desc(obj, key)
            if desc is None or isinstance(desc.value, JSFunction):
                continue
            value = format_property(ctx, obj, recurse_times, key, K_OBJECT_TYPE, desc, main)
            if ctx.colors:
                output.append("\x1b[2m%s\x1b[22m" % value)
            else:
                output.append(value)
        ctx.seen.pop()
        depth += 1
        if depth == 3:
            return


def get_prefix(constructor, tag, fallback, size=""):
    if constructor is None:
        if tag != "" and fallback != tag:
            return "[%s%s: null prototype] [%s] " % (fallback, size, tag)
        return "[%s%s: null prototype] " % (fallback, size)
    if tag != "" and constructor != tag:
        return "%s%s [%s] " % (constructor, size, tag)
    return "%s%s " % (constructor, size)


def get_keys(value, show_hidden):
    """getKeys: own enumerable string keys and symbols (all of them with showHidden)."""
    keys = _own_keys(value)
    strs = []
    syms = []
    for k in keys:
        if type(k) is str:
            if show_hidden:
                strs.append(k)
            else:
                d = _own_desc(value, k)
                if d is not None and d.enumerable:
                    strs.append(k)
        else:
            if show_hidden:
                syms.append(k)
            else:
                d = _own_desc(value, k)
                if d is not None and d.enumerable:
                    syms.append(k)
    return strs + syms


def _non_index_keys(value, show_hidden):
    """getOwnNonIndexProperties(value, ONLY_ENUMERABLE or ALL_PROPERTIES)."""
    out = []
    for k in _own_keys(value):
        if type(k) is str and k and k[0] in DIGITS and array_index(k) >= 0:
            continue
        if not show_hidden:
            d = _own_desc(value, k)
            if d is None or not d.enumerable:
                continue
        out.append(k)
    return out


def get_ctx_style(value, constructor, tag):
    fallback = ""
    if constructor is None:
        fallback = _internal_class_name(value)
        if fallback == tag:
            fallback = "Object"
    return get_prefix(constructor, tag, fallback)


def _call_tag_getter(value):
    """value[Symbol.toStringTag] through a getter on the chain, as Node reads it (the
    getter runs); MISSING when there is none."""
    o = value
    seen = 0
    while isinstance(o, JSObject) and seen < 10000:
        d = _own_desc(o, SYM_TO_STRING_TAG)
        if d is not None:
            if isinstance(d.get, JSFunction):
                return d.get.fn(value)
            return MISSING
        o = _proto(o)
        seen += 1
    return MISSING


def _get_tag(value, ctx):
    """value[Symbol.toStringTag] when it is an inherited or non-enumerable string."""
    tag = _data_lookup(value, SYM_TO_STRING_TAG)
    if tag is MISSING and not _is_proxy(value):
        tag = _call_tag_getter(value)
    if type(tag) is not str:
        return ""
    if tag != "":
        d = _own_desc(value, SYM_TO_STRING_TAG)
        if d is not None and (ctx.show_hidden or d.enumerable):
            return ""
    return tag


def _iterator_braces(kind, tag, entries):
    """getIteratorBraces; entry iterators say 'Entries' (as formatIterator rewrites)."""
    if tag != "%s Iterator" % kind:
        if tag != "":
            tag += "] ["
        tag += "%s Iterator" % kind
    if entries:
        tag = tag[:-len(" Iterator")] + " Entries"
    return ["[%s] {" % tag, "}"]


def format_raw(ctx, value, recurse_times, typed_array=False):
    """formatRaw (inspect.js)."""
    proto_props = None
    if ctx.show_hidden and not ctx.beyond(recurse_times):
        proto_props = []
    constructor = get_constructor_name(value, ctx, recurse_times, proto_props)
    if proto_props is not None and not proto_props:
        proto_props = None
    tag = _get_tag(value, ctx)
    base = ""
    formatter = _empty_formatter
    braces = None
    no_iterator = True
    extras_type = K_OBJECT_TYPE
    keys = None
    coll = _collections()

    if constructor is None or _has_key(value, SYM_ITERATOR):
        no_iterator = False
        if isinstance(value, JSArray):
            n = value.length
            prefix = get_prefix(constructor, tag, "Array", "(%d)" % n) \
                if (constructor != "Array" or tag != "") else ""
            keys = _non_index_keys(value, ctx.show_hidden)
            braces = [prefix + "[", "]"]
            if n == 0 and not keys and proto_props is None:
                return braces[0] + "]"
            extras_type = K_ARRAY_EXTRAS_TYPE
            formatter = _format_array
        elif isinstance(value, coll.JSSet):
            size = value.setdata.size
            prefix = get_prefix(constructor, tag, "Set", "(%d)" % size)
            keys = get_keys(value, ctx.show_hidden)
            formatter = _format_set
            if size == 0 and not keys and proto_props is None:
                return prefix + "{}"
            braces = [prefix + "{", "}"]
        elif isinstance(value, coll.JSMap):
            size = value.mapdata.size
            prefix = get_prefix(constructor, tag, "Map", "(%d)" % size)
            keys = get_keys(value, ctx.show_hidden)
            formatter = _format_map
            if size == 0 and not keys and proto_props is None:
                return prefix + "{}"
            braces = [prefix + "{", "}"]
        elif _is_typed_array(value):
            keys = _non_index_keys(value, ctx.show_hidden)
            fallback = ""
            if constructor is None:
                fallback = value.kind.name
            size = _typed_length(value)
            prefix = get_prefix(constructor, tag, fallback, "(%d)" % size)
            braces = [prefix + "[", "]"]
            if size == 0 and not keys and not ctx.show_hidden:
                return braces[0] + "]"
            formatter = _format_typed_array
            extras_type = K_ARRAY_EXTRAS_TYPE
        elif type(value) is coll.JSMapIterator:
            keys = get_keys(value, ctx.show_hidden)
            braces = _iterator_braces("Map", tag, value.kind == coll.KIND_ENTRIES)
            formatter = _format_iterator
        elif type(value) is coll.JSSetIterator:
            keys = get_keys(value, ctx.show_hidden)
            braces = _iterator_braces("Set", tag, value.kind == coll.KIND_ENTRIES)
            formatter = _format_iterator
        else:
            no_iterator = True
    if no_iterator:
        keys = get_keys(value, ctx.show_hidden)
        braces = ["{", "}"]
        if isinstance(value, JSFunction):
            base = get_function_base(value, constructor, tag)
            if not keys and proto_props is None:
                return ctx.stylize(base, "special")
        elif constructor == "Object":
            if isinstance(value, JSArguments):
                braces[0] = "[Arguments] {"
            elif tag != "":
                braces[0] = get_prefix(constructor, tag, "Object") + "{"
            if not keys and proto_props is None:
                return braces[0] + "}"
        elif _is_regexp(value):
            base = _regexp_to_string(value)
            prefix = get_prefix(constructor, tag, "RegExp")
            if prefix != "RegExp ":
                base = prefix + base
            if (not keys and proto_props is None) or ctx.beyond(recurse_times):
                return ctx.stylize(base, "regexp")
        elif isinstance(value, JSDateObject):
            base = _date_string(value)
            prefix = get_prefix(constructor, tag, "Date")
            if prefix != "Date ":
                base = prefix + base
            if not keys and proto_props is None:
                return ctx.stylize(base, "date")
        elif _is_error(value):
            base = format_error(value, constructor, tag, ctx, keys)
            if not keys and proto_props is None:
                return base
        elif _is_array_buffer(value):
            array_type = "SharedArrayBuffer" if value.cls == "SharedArrayBuffer" else "ArrayBuffer"
            prefix = get_prefix(constructor, tag, array_type)
            if not typed_array:
                formatter = _format_array_buffer
            elif not keys and proto_props is None:
                return prefix + "{ byteLength: %s }" % format_number(
                    ctx.stylize, float(_buffer_len(value)))
            braces[0] = prefix + "{"
            keys.insert(0, "byteLength")
        elif _is_data_view(value):
            braces[0] = get_prefix(constructor, tag, "DataView") + "{"
            keys[0:0] = ["byteLength", "byteOffset", "buffer"]
        elif _is_promise(value):
            braces[0] = get_prefix(constructor, tag, "Promise") + "{"
            formatter = _format_promise
        elif isinstance(value, coll.JSWeakSet):
            braces[0] = get_prefix(constructor, tag, "WeakSet") + "{"
            formatter = _format_weak_set if ctx.show_hidden else _format_weak_collection
        elif isinstance(value, coll.JSWeakMap):
            braces[0] = get_prefix(constructor, tag, "WeakMap") + "{"
            formatter = _format_weak_map if ctx.show_hidden else _format_weak_collection
        elif _is_boxed(value):
            base = _boxed_base(value, ctx, keys, constructor, tag)
            if not keys and proto_props is None:
                return base
        else:
            if not keys and proto_props is None:
                return get_ctx_style(value, constructor, tag) + "{}"
            braces[0] = get_ctx_style(value, constructor, tag) + "{"

    if ctx.beyond(recurse_times):
        name = get_ctx_style(value, constructor, tag)[:-1]
        if constructor is not None:
            name = "[%s]" % name
        return ctx.stylize(name, "special")
    recurse_times += 1
    ctx.seen.append(value)
    ctx.current_depth = recurse_times
    indentation_lvl = ctx.indentation_lvl
    try:
        output = formatter(ctx, value, recurse_times)
        for key in keys:
            output.append(format_property(ctx, value, recurse_times, key, extras_type))
        if proto_props is not None:
            output.extend(proto_props)
    except RecursionError:
        ctx.seen.pop()
        ctx.indentation_lvl = indentation_lvl
        name = get_ctx_style(value, constructor, tag)[:-1]
        return ctx.stylize("[%s: Inspection interrupted prematurely. Maximum call stack size "
                           "exceeded.]" % name, "special")
    if ctx.circular is not None:
        got = ctx.circular.get(id(value))
        if got is not None and got[1] is value:
            reference = ctx.stylize("<ref *%d>" % got[0], "special")
            if ctx.compact is not True:
                base = reference if base == "" else "%s %s" % (reference, base)
            else:
                braces[0] = "%s %s" % (reference, braces[0])
    ctx.seen.pop()
    if ctx.sorted:
        if extras_type == K_OBJECT_TYPE:
            output.sort()
        elif len(keys) > 1:
            tail = sorted(output[len(output) - len(keys):])
            output[len(output) - len(keys):] = tail
    res = reduce_to_single_string(ctx, output, base, braces, extras_type, recurse_times, value)
    budget = ctx.budget.get(ctx.indentation_lvl, 0) + len(res)
    ctx.budget[ctx.indentation_lvl] = budget
    if budget > 2 ** 27:
        ctx.depth = -1
    return res


def _empty_formatter(ctx, value, recurse_times):
    return []


def _typed_length(value):
    try:
        return int(value.typed_length())
    except JSThrow:
        return 0


def _buffer_len(buf):
    d = getattr(buf, "data", None)
    return 0 if d is None else len(d)


def _date_string(d):
    tv = d.tv
    if tv != tv:
        return "Invalid Date"
    try:
        from ..runtime.dates import to_iso_string
        return to_iso_string(tv)
    except Exception:
        return "Invalid Date"


def _regexp_to_string(r):
    src = MISSING
    flags = MISSING
    for name in ("original_source", "source", "pattern", "src"):
        v = getattr(r, name, MISSING)
        if type(v) is str:
            from .regexp import escape_regexp_pattern
            src = escape_regexp_pattern(v)
            break
    for name in ("original_flags", "flags"):
        v = getattr(r, name, MISSING)
        if type(v) is str:
            flags = v
            break
    if src is MISSING or flags is MISSING:
        # Fall back on the built-in accessors (never a user getter).
        for key in ("source", "flags"):
            p = r
            val = MISSING
            while isinstance(p, JSObject):
                d = _own_desc(p, key)
                if d is not None:
                    if d.value is not MISSING:
                        val = d.value
                    elif isinstance(d.get, JSFunction) and d.get.meta is None:
                        try:
                            val = d.get.fn(r)
                        except JSThrow:
                            val = MISSING
                    break
                p = _proto(p)
            if key == "source" and src is MISSING:
                src = val if type(val) is str else "(?:)"
            elif key == "flags" and flags is MISSING:
                flags = val if type(val) is str else ""
    if src == "":
        src = "(?:)"
    return "/%s/%s" % (src, flags)


def get_function_base(value, constructor, tag):
    """getFunctionBase: [Function: f], [class A extends B], [AsyncFunction (anonymous)]..."""
    if getattr(value, "is_class", False):
        return _class_base(value, constructor, tag)
    typ = _fn_kind(value)
    base = "[" + typ
    if constructor is None:
        base += " (null prototype)"
    name = _fn_name(value)
    if name == "":
        base += " (anonymous)"
    else:
        base += ": " + name
    base += "]"
    if constructor != typ and constructor is not None:
        base += " " + constructor
    if tag != "" and constructor != tag:
        base += " [%s]" % tag
    return base


def _class_base(value, constructor, tag):
    name = _fn_name(value) if _has_own(value, "name") else ""
    base = "class " + (name or "(anonymous)")
    if constructor != "Function" and constructor is not None:
        base += " [%s]" % constructor
    if tag != "" and constructor != tag:
        base += " [%s]" % tag
    if constructor is not None:
        sup = _proto(value)
        super_name = _fn_name(sup) if isinstance(sup, JSObject) else ""
        if super_name:
            base += " extends " + super_name
    else:
        base += " extends [null prototype]"
    return "[%s]" % base


def _boxed_base(value, ctx, keys, constructor, tag):
    v = value.value
    if isinstance(value, JSStringObject):
        typ = "String"
        # The index keys of a boxed string are noise.
        del keys[:len(v)]
    elif type(v) is float:
        typ = "Number"
    elif type(v) is bool:
        typ = "Boolean"
    elif type(v) is JSBigInt:
        typ = "BigInt"
    else:
        typ = "Symbol"
    base = "[" + typ
    if typ != constructor:
        if constructor is None:
            base += " (null prototype)"
        else:
            base += " (%s)" % constructor
    base += ": %s]" % format_primitive(_no_style, v, Ctx())
    if tag != "" and tag != constructor:
        base += " [%s]" % tag
    if keys or not ctx.colors:
        return base
    return ctx.stylize(base, typ.lower())


# -- errors ------------------------------------------------------------------------------

def _error_to_string(err):
    name = _data_lookup(err, "name")
    name = "Error" if name is MISSING or name is undefined else _primitive_text(name)
    msg = _data_lookup(err, "message")
    msg = "" if msg is MISSING or msg is undefined else _primitive_text(msg)
    if not name:
        return msg
    if not msg:
        return name
    return name + ": " + msg


def _stack_string(err):
    s = _data_lookup(err, "stack")
    if s is not MISSING and s is not undefined and s is not null and s != "" and s is not False:
        return _primitive_text(s)
    return _error_to_string(err)


def _identical_sequence_range(a, b):
    for i in range(len(a) - 3):
        try:
            pos = b.index(a[i])
        except ValueError:
            continue
        rest = len(b) - pos
        if rest > 3:
            length = 1
            max_len = min(len(a) - i, rest)
            while max_len > length and a[i + length] == b[pos + length]:
                length += 1
            if length > 3:
                return length, i
    return 0, 0


def _stack_frames(ctx, err, stack):
    frames = stack.split("\n")
    cause = _data_lookup(err, "cause")
    if isinstance(cause, JSObject) and _is_error(cause):
        cs = _stack_string(cause)
        start = cs.find("\n    at")
        if start != -1:
            cause_frames = cs[start + 1:].split("\n")
            length, offset = _identical_sequence_range(frames, cause_frames)
            if length > 0:
                skipped = length - 2
                msg = "    ... %d lines matching cause stack trace ..." % skipped
                frames[offset + 1:offset + 1 + skipped] = [ctx.stylize(msg, "undefined")]
    return frames


def _improve_stack(stack, constructor, name, tag):
    length = len(name)
    if constructor is None or (name.endswith("Error") and stack.startswith(name) and (
            len(stack) == length or stack[length] in (":", "\n"))):
        fallback = "Error"
        if constructor is None:
            m = re.match(r"^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)", stack) or \
                re.match(r"^([a-z_A-Z0-9-]*Error)$", stack)
            fallback = (m.group(1) if m else "") or ""
            length = len(fallback)
            fallback = fallback or "Error"
        prefix = get_prefix(constructor, tag, fallback)[:-1]
        if name != prefix:
            if name in prefix:
                if length == 0:
                    stack = "%s: %s" % (prefix, stack)
                else:
                    stack = prefix + stack[length:]
            else:
                stack = "%s [%s]%s" % (prefix, name, stack[length:])
    return stack


def _remove_duplicate_error_keys(ctx, keys, err, stack):
    if not ctx.show_hidden and keys:
        for name in ("name", "message", "stack"):
            if name in keys:
                v = _data_lookup(err, name)
                if v is MISSING or isinstance(v, JSObject):
                    continue
                if _primitive_text(v) in stack:
                    keys.remove(name)


def format_error(err, constructor, tag, ctx, keys):
    """formatError: the stack (or [name: message]) with Node's adjustments."""
    n = _data_lookup(err, "name")
    name = "Error" if n is MISSING or n is undefined or n is null else _primitive_text(n)
    stack = _stack_string(err)
    _remove_duplicate_error_keys(ctx, keys, err, stack)
    if _has_key(err, "cause") and (not keys or "cause" not in keys):
        keys.append("cause")
    errors = _data_lookup(err, "errors")
    if isinstance(errors, JSArray) and (not keys or "errors" not in keys):
        keys.append("errors")
    stack = _improve_stack(stack, constructor, name, tag)
    msg = _data_lookup(err, "message")
    pos = -1
    if type(msg) is str and msg:
        pos = stack.find(msg)
        if pos == 0:
            pos = -1      # (err.message && indexOf(...)) || -1
        if pos != -1:
            pos += len(msg)
    stack_start = stack.find("\n    at", pos if pos >= 0 else 0) if pos != -1 else \
        stack.find("\n    at")
    if stack_start == -1:
        stack = "[%s]" % stack
    else:
        new_stack = stack[:stack_start]
        lines = _stack_frames(ctx, err, stack[stack_start + 1:])
        new_stack += "\n" + "\n".join(lines)
        stack = new_stack
    if ctx.indentation_lvl != 0:
        stack = stack.replace("\n", "\n" + " " * ctx.indentation_lvl)
    return stack


# -- formatters ----------------------------------------------------------------------------

def _remaining_text(remaining):
    return "... %d more item%s" % (remaining, "s" if remaining > 1 else "")


def _format_array(ctx, value, recurse_times):
    val_len = value.length
    length = int(min(max(0, ctx.max_array_length), val_len))
    remaining = val_len - length
    output = []
    a = value.arr
    for i in range(length):
        if a is not None:
            if i >= len(a) or a[i] is HOLE:
                return _format_special_array(ctx, value, recurse_times, length, output, i)
            output.append(_format_array_value(ctx, a[i], recurse_times))
            continue
        if not _has_own(value, str(i)):
            return _format_special_array(ctx, value, recurse_times, length, output, i)
        output.append(format_property(ctx, value, recurse_times, str(i), K_ARRAY_TYPE))
    if remaining > 0:
        output.append(_remaining_text(remaining))
    return output


def _format_array_value(ctx, v, recurse_times):
    ctx.indentation_lvl += 2
    s = format_value(ctx, v, recurse_times)
    ctx.indentation_lvl -= 2
    return s


def _format_special_array(ctx, value, recurse_times, max_length, output, i):
    keys = [k for k in _own_keys(value) if type(k) is str and
            (_own_desc(value, k) or _Desc(0, 0, 0, False)).enumerable]
    index = i
    while i < len(keys) and len(output) < max_length:
        key = keys[i]
        if not NUMBER_RE.match(key):
            break
        tmp = int(key)
        if tmp > 2 ** 32 - 2:
            break
        if str(index) != key:
            empty = tmp - index
            output.append(ctx.stylize("<%d empty item%s>" % (empty, "s" if empty > 1 else ""),
                                      "undefined"))
            index = tmp
            if len(output) == max_length:
                break
        output.append(format_property(ctx, value, recurse_times, key, K_ARRAY_TYPE))
        index += 1
        i += 1
    remaining = value.length - index
    if len(output) != max_length:
        if remaining > 0:
            output.append(ctx.stylize("<%d empty item%s>" % (remaining,
                                                              "s" if remaining > 1 else ""),
                                      "undefined"))
    elif remaining > 0:
        output.append(_remaining_text(remaining))
    return output


def _format_typed_array(ctx, value, recurse_times):
    length = _typed_length(value)
    max_length = int(min(max(0, ctx.max_array_length), length))
    remaining = length - max_length
    output = []
    for i in range(max_length):
        v = value.get_index(i)
        if type(v) is JSBigInt:
            output.append(format_bigint(ctx.stylize, v, ctx.numeric_separator))
        elif type(v) is float:
            output.append(format_number(ctx.stylize, v, ctx.numeric_separator))
        else:
            output.append(format_value(ctx, v, recurse_times))
    if remaining > 0:
        output.append(_remaining_text(remaining))
    if ctx.show_hidden:
        ctx.indentation_lvl += 2
        kind = value.kind
        size = float(getattr(kind, "size", 1))
        items = [("BYTES_PER_ELEMENT", size), ("length", float(length)),
                 ("byteLength", float(length) * size), ("byteOffset", float(value.offset)),
                 ("buffer", value.buffer)]
        for key, v in items:
            output.append("[%s]: %s" % (key, format_value(ctx, v, recurse_times, True)))
        ctx.indentation_lvl -= 2
    return output


def _format_array_buffer(ctx, value, recurse_times):
    data = getattr(value, "data", None)
    if data is None:
        return [ctx.stylize("(detached)", "special")]
    n = int(min(ctx.max_array_length, len(data)))
    s = " ".join("%02x" % b for b in bytes(data[:n]))
    remaining = len(data) - ctx.max_array_length
    if remaining > 0:
        s += " ... %d more byte%s" % (remaining, "s" if remaining > 1 else "")
    return ["%s: <%s>" % (ctx.stylize("[Uint8Contents]", "special"), s)]


def _format_set(ctx, value, recurse_times):
    values = value.values()
    length = len(values)
    max_length = int(min(max(0, ctx.max_array_length), length))
    remaining = length - max_length
    output = []
    ctx.indentation_lvl += 2
    for v in values[:max_length]:
        output.append(format_value(ctx, v, recurse_times))
    if remaining > 0:
        output.append(_remaining_text(remaining))
    ctx.indentation_lvl -= 2
    return output


def _format_map(ctx, value, recurse_times):
    entries = value.entries()
    length = len(entries)
    max_length = int(min(max(0, ctx.max_array_length), length))
    remaining = length - max_length
    output = []
    ctx.indentation_lvl += 2
    for k, v in entries[:max_length]:
        output.append("%s => %s" % (format_value(ctx, k, recurse_times),
                                    format_value(ctx, v, recurse_times)))
    if remaining > 0:
        output.append(_remaining_text(remaining))
    ctx.indentation_lvl -= 2
    return output


def _format_set_iter_inner(ctx, recurse_times, entries, state):
    max_length = int(min(max(ctx.max_array_length, 0), len(entries)))
    output = []
    ctx.indentation_lvl += 2
    for e in entries[:max_length]:
        output.append(format_value(ctx, e, recurse_times))
    ctx.indentation_lvl -= 2
    if state == K_WEAK and not ctx.sorted:
        output.sort()
    remaining = len(entries) - max_length
    if remaining > 0:
        output.append(_remaining_text(remaining))
    return output


def _format_map_iter_inner(ctx, recurse_times, pairs, state):
    max_length = int(min(max(ctx.max_array_length, 0), len(pairs)))
    remaining = len(pairs) - max_length
    output = []
    ctx.indentation_lvl += 2
    if state == K_WEAK:
        for k, v in pairs[:max_length]:
            output.append("%s => %s" % (format_value(ctx, k, recurse_times),
                                        format_value(ctx, v, recurse_times)))
        if not ctx.sorted:
            output.sort()
    else:
        for k, v in pairs[:max_length]:
            res = [format_value(ctx, k, recurse_times), format_value(ctx, v, recurse_times)]
            output.append(reduce_to_single_string(ctx, res, "", ["[", "]"],
                                                  K_ARRAY_EXTRAS_TYPE, recurse_times))
    ctx.indentation_lvl -= 2
    if remaining > 0:
        output.append(_remaining_text(remaining))
    return output


def _format_weak_collection(ctx, value, recurse_times):
    return [ctx.stylize("<items unknown>", "special")]


def _format_weak_set(ctx, value, recurse_times):
    return _format_set_iter_inner(ctx, recurse_times, list(value.weakdata), K_WEAK)


def _format_weak_map(ctx, value, recurse_times):
    return _format_map_iter_inner(ctx, recurse_times, list(value.weakdata.items()), K_WEAK)


def _format_iterator(ctx, value, recurse_times):
    """formatIterator: the entries a Map / Set iterator has not produced yet."""
    coll = _collections()
    pairs = value.peek()
    if value.kind == coll.KIND_ENTRIES:
        return _format_map_iter_inner(ctx, recurse_times, pairs, K_MAP_ENTRIES)
    if value.kind == coll.KIND_KEYS:
        entries = [k for k, v in pairs]
    else:
        entries = [v for k, v in pairs]
    return _format_set_iter_inner(ctx, recurse_times, entries, K_ITERATOR)


def _format_promise(ctx, value, recurse_times):
    from ..runtime.promise import PENDING, REJECTED
    if value.state == PENDING:
        return [ctx.stylize("<pending>", "special")]
    ctx.indentation_lvl += 2
    s = format_value(ctx, value.result, recurse_times)
    ctx.indentation_lvl -= 2
    if value.state == REJECTED:
        return ["%s %s" % (ctx.stylize("<rejected>", "special"), s)]
    return [s]


def format_property(ctx, value, recurse_times, key, typ, desc=None, original=MISSING):
    """formatProperty: ``key: value`` (or just the value for array elements)."""
    extra = " "
    if desc is None:
        desc = _own_desc(value, key)
        if desc is None:
            v = _data_lookup(value, key)
            if v is MISSING:
                # A built-in accessor (byteLength, buffer...): ask it; it is native.
                v = _native_get(value, key)
            desc = _Desc(v, MISSING, MISSING, True)
    if desc.value is not MISSING:
        diff = 2 if (ctx.compact is not True or typ != K_OBJECT_TYPE) else 3
        ctx.indentation_lvl += diff
        s = format_value(ctx, desc.value, recurse_times)
        if diff == 3 and ctx.break_length < get_string_width(s, ctx.colors):
            extra = "\n" + " " * ctx.indentation_lvl
        ctx.indentation_lvl -= diff
    elif desc.get is not MISSING and desc.get is not undefined:
        label = "Getter/Setter" if desc.set is not MISSING and desc.set is not undefined \
            else "Getter"
        s = ctx.stylize("[%s]" % label, "special")
    elif desc.set is not MISSING and desc.set is not undefined:
        s = ctx.stylize("[Setter]", "special")
    else:
        s = ctx.stylize("undefined", "undefined")
    if typ == K_ARRAY_TYPE:
        return s
    if type(key) is Symbol:
        name = "[%s]" % ctx.stylize(_escape_all(repr(key)), "symbol")
    elif key == "__proto__":
        name = "['__proto__']"
    elif desc.enumerable is False:
        name = "[%s]" % _escape_all(key)
    elif KEY_STR_RE.match(key):
        name = ctx.stylize(key, "name")
    else:
        name = ctx.stylize(str_escape(key), "string")
    return "%s:%s%s" % (name, extra, s)


def _native_get(o, key):
    """A property read through a built-in getter (never a JS-defined one)."""
    p = o
    while isinstance(p, JSObject):
        d = _own_desc(p, key)
        if d is not None:
            if d.value is not MISSING:
                return d.value
            g = d.get
            if isinstance(g, JSFunction) and g.meta is None:
                try:
                    return g.fn(o)
                except JSThrow:
                    return undefined
            return undefined
        p = _proto(p)
    return undefined


# -- layout --------------------------------------------------------------------------------

def _js_round(x):
    return math.floor(x + 0.5)


def _element_is_numeric(value, i):
    """typeof value[i] is 'number' or 'bigint' (read without running getters)."""
    if isinstance(value, JSArray):
        a = value.arr
        if a is not None:
            if i < len(a):
                return type(a[i]) in (float, JSBigInt)
            return False
        d = _own_desc(value, str(i))
        return d is not None and type(d.value) in (float, JSBigInt)
    if _is_typed_array(value):
        return i < _typed_length(value)
    return False


def group_array_elements(ctx, output, value):
    """groupArrayElements: lay short array entries out in aligned columns."""
    total_length = 0
    max_length = 0
    output_length = len(output)
    if ctx.max_array_length < len(output):
        # The "... more items" entry is not part of the grouping.
        output_length -= 1
    separator_space = 2
    data_len = []
    for i in range(output_length):
        ln = get_string_width(output[i], ctx.colors)
        data_len.append(ln)
        total_length += ln + separator_space
        if max_length < ln:
            max_length = ln
    actual_max = max_length + separator_space
    if actual_max * 3 + ctx.indentation_lvl < ctx.break_length and \
            (total_length / actual_max > 5 or max_length <= 6):
        approx_char_heights = 2.5
        average_bias = math.sqrt(actual_max - total_length / len(output))
        biased_max = max(actual_max - 3 - average_bias, 1)
        columns = min(
            _js_round(math.sqrt(approx_char_heights * biased_max * output_length) / biased_max),
            math.floor((ctx.break_length - ctx.indentation_lvl) / actual_max),
            ctx.compact * 4,
            15,
        )
        if columns <= 1:
            return output
        tmp = []
        max_line_length = []
        for i in range(columns):
            line_length = 0
            j = i
            while j < len(output):
                if j < output_length and data_len[j] > line_length:
                    line_length = data_len[j]
                j += columns
            max_line_length.append(line_length + separator_space)
        pad_start = True
        if value is not None:
            for i in range(len(output)):
                if not _element_is_numeric(value, i):
                    pad_start = False
                    break
        i = 0
        while i < output_length:
            max_i = min(i + columns, output_length)
            parts = []
            j = i
            while j < max_i - 1:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j]
                cell = output[j] + ", "
                parts.append(cell.rjust(padding) if pad_start else cell.ljust(padding))
                j += 1
            if pad_start:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j] - separator_space
                parts.append(output[j].rjust(padding))
            else:
                parts.append(output[j])
            tmp.append("".join(parts))
            i += columns
        if ctx.max_array_length < len(output):
            tmp.append(output[output_length])
        output = tmp
    return output


def is_below_break_length(ctx, output, start, base):
    total_length = len(output) + start
    if total_length + len(output) > ctx.break_length:
        return False
    for s in output:
        total_length += _plain_len(ctx, s)
        if total_length > ctx.break_length:
            return False
    return base == "" or "\n" not in base


def reduce_to_single_string(ctx, output, base, braces, extras_type, recurse_times,
                            value=None):
    """reduceToSingleString: one line when it fits, else one entry per line."""
    if ctx.compact is not True:
        if type(ctx.compact) in (int, float) and ctx.compact >= 1:
            entries = len(output)
            if extras_type == K_ARRAY_EXTRAS_TYPE and entries > 6:
                output = group_array_elements(ctx, output, value)
            if ctx.current_depth - recurse_times < ctx.compact and entries == len(output):
                start = len(output) + ctx.indentation_lvl + len(braces[0]) + len(base) + 10
                if is_below_break_length(ctx, output, start, base):
                    joined = ", ".join(output)
                    if "\n" not in joined:
                        return "%s%s %s %s" % (base + " " if base else "", braces[0], joined,
                                               braces[1])
        indentation = "\n" + " " * ctx.indentation_lvl
        return "%s%s%s  %s%s%s" % (base + " " if base else "", braces[0], indentation,
                                   (",%s  " % indentation).join(output), indentation,
                                   braces[1])
    if is_below_break_length(ctx, output, 0, base):
        return "%s%s %s %s" % (braces[0], " " + base if base else "", ", ".join(output),
                               braces[1])
    indentation = " " * ctx.indentation_lvl
    ln = " " if base == "" and len(braces[0]) == 1 else \
        "%s\n%s  " % (" " + base if base else "", indentation)
    return "%s%s%s %s" % (braces[0], ln, (",\n%s  " % indentation).join(output), braces[1])


# ---------------------------------------------------------------------------
# Public Python API
# ---------------------------------------------------------------------------

def inspect(value, depth=2, colors=False, **options):
    """util.inspect(value, { depth, colors, ...options }) as a Python str (UTF-16 units).

    Strings are quoted (as util.inspect and the REPL show them); use :func:`format_args`
    for console.log's rendering, where a top-level string prints as is. ``options`` take
    util.inspect's names (showHidden, breakLength, compact, maxArrayLength, ...)."""
    opts = dict(options)
    opts["depth"] = depth
    opts["colors"] = colors
    ctx = Ctx(opts)
    try:
        return format_value(ctx, value, 0)
    except RecursionError:
        return "[Inspection interrupted prematurely. Maximum call stack size exceeded.]"


def _inspect_with(value, opts):
    ctx = Ctx(opts)
    return format_value(ctx, value, 0)


def _has_builtin_to_string(value):
    """hasBuiltInToString: true unless a user toString / @@toPrimitive is in the way."""
    value = _unwrap(value)
    if value is None:
        return True
    to_string_fn = _data_lookup(value, "toString")
    to_prim = _data_lookup(value, SYM_TO_PRIMITIVE)
    check_to_string = True
    check_to_prim = True
    if not isinstance(to_string_fn, JSFunction):
        if not isinstance(to_prim, JSFunction):
            return True
        if _has_own(value, SYM_TO_PRIMITIVE):
            return False
        check_to_string = False
    elif _has_own(value, "toString"):
        return False
    elif not isinstance(to_prim, JSFunction):
        check_to_prim = False
    elif _has_own(value, SYM_TO_PRIMITIVE):
        return False
    pointer = value
    while True:
        pointer = _proto(pointer)
        if pointer is null:
            return True
        if (check_to_string and _has_own(pointer, "toString")) or \
                (check_to_prim and _has_own(pointer, SYM_TO_PRIMITIVE)):
            break
    d = _own_desc(pointer, "constructor")
    return d is not None and isinstance(d.value, JSFunction) and \
        _fn_name(d.value) in BUILTIN_OBJECTS


_WS = " \t\n\r\x0b\x0c\xa0\ufeff\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007" \
      "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_FLOAT_RE = re.compile(r"[+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")


def _parse_float(v):
    """parseFloat ( string ) (19.2.4)."""
    s = ops.to_string(v).lstrip(_WS)
    m = _FLOAT_RE.match(s)
    if not m:
        return math.nan
    t = m.group(0)
    if t.endswith("Infinity"):
        return -math.inf if t.startswith("-") else math.inf
    try:
        return float(t)
    except ValueError:
        return math.nan


def _parse_int(v):
    """parseInt ( string ) with radix 10 / 16 (19.2.5)."""
    s = ops.to_string(v).lstrip(_WS)
    sign = 1
    if s[:1] in ("+", "-"):
        if s[0] == "-":
            sign = -1
        s = s[1:]
    radix = 10
    if s[:2] in ("0x", "0X"):
        s = s[2:]
        radix = 16
    digits = "0123456789abcdefABCDEF" if radix == 16 else "0123456789"
    n = 0
    while n < len(s) and s[n] in digits:
        n += 1
    if n == 0:
        return math.nan
    r = float(int(s[:n], radix))
    return -r if sign < 0 else r


def _json_stringify(v):
    realm = STATE.realm
    j = realm.global_object.props.get("JSON") if realm is not None else None
    f = j.props.get("stringify") if isinstance(j, JSObject) else None
    if not isinstance(f, JSFunction):
        return "undefined"
    try:
        r = f.fn(j, v)
    except JSThrow as e:
        val = e.value
        msg = _data_lookup(val, "message") if isinstance(val, JSObject) else MISSING
        name = _data_lookup(val, "name") if isinstance(val, JSObject) else MISSING
        if name == "TypeError" and type(msg) is str and "circular" in msg.lower():
            return "[Circular]"
        raise
    return "undefined" if r is undefined else r


def format_args(args, opts=None):
    """util.format / formatWithOptions: what console.log prints for ``args``."""
    args = list(args)
    if not args:
        return ""
    first = args[0]
    a = 0
    out = []
    join = ""
    base_opts = dict(opts or {})
    if type(first) is str:
        if len(args) == 1:
            return first
        last_pos = 0
        i = 0
        n = len(first)
        while i < n - 1:
            if first[i] == "%":
                i += 1
                nxt = first[i]
                if a + 1 != len(args):
                    if nxt == "s":
                        a += 1
                        arg = args[a]
                        if type(arg) is float:
                            temp = format_number(_no_style, arg, False)
                        elif type(arg) is JSBigInt:
                            temp = format_bigint(_no_style, arg, False)
                        elif not isinstance(arg, JSObject) or isinstance(arg, JSFunction) \
                                or not _has_builtin_to_string(arg):
                            temp = _js_string(arg)
                        else:
                            o = dict(base_opts)
                            o.update({"compact": 3, "colors": False, "depth": 0})
                            temp = _inspect_with(arg, o)
                    elif nxt == "j":
                        a += 1
                        temp = _json_stringify(args[a])
                    elif nxt == "d":
                        a += 1
                        arg = args[a]
                        if type(arg) is JSBigInt:
                            temp = format_bigint(_no_style, arg, False)
                        elif type(arg) is Symbol:
                            temp = "NaN"
                        else:
                            temp = format_number(_no_style, _js_number(arg), False)
                    elif nxt == "O":
                        a += 1
                        temp = _inspect_with(args[a], base_opts)
                    elif nxt == "o":
                        a += 1
                        o = dict(base_opts)
                        o.update({"showHidden": True, "showProxy": True, "depth": 4})
                        temp = _inspect_with(args[a], o)
                    elif nxt == "i":
                        a += 1
                        arg = args[a]
                        if type(arg) is JSBigInt:
                            temp = format_bigint(_no_style, arg, False)
                        elif type(arg) is Symbol:
                            temp = "NaN"
                        else:
                            temp = format_number(_no_style, _parse_int(arg), False)
                    elif nxt == "f":
                        a += 1
                        arg = args[a]
                        if type(arg) is Symbol:
                            temp = "NaN"
                        else:
                            temp = format_number(_no_style, _parse_float(arg), False)
                    elif nxt == "c":
                        a += 1
                        temp = ""
                    elif nxt == "%":
                        out.append(first[last_pos:i])
                        last_pos = i + 1
                        i += 1
                        continue
                    else:
                        i += 1
                        continue
                    if last_pos != i - 1:
                        out.append(first[last_pos:i - 1])
                    out.append(temp)
                    last_pos = i + 1
                elif nxt == "%":
                    out.append(first[last_pos:i])
                    last_pos = i + 1
            i += 1
        if last_pos != 0:
            a += 1
            join = " "
            if last_pos < len(first):
                out.append(first[last_pos:])
    while a < len(args):
        v = args[a]
        out.append(join)
        out.append(v if type(v) is str else _inspect_with(v, base_opts))
        join = " "
        a += 1
    return "".join(out)


def _js_string(v):
    """String(v): symbols print as Symbol(desc); objects via ToString (user code allowed)."""
    if type(v) is Symbol:
        return repr(v)
    return ops.to_string(v)


def _js_number(v):
    """Number(v) (BigInts become Numbers)."""
    p = ops.to_primitive(v, "number") if isinstance(v, JSObject) else v
    if type(p) is JSBigInt:
        return float(p.v)
    if type(p) is Symbol:
        return math.nan
    return ops.to_number(p)


# ---------------------------------------------------------------------------
# console.table (internal/cli_table)
# ---------------------------------------------------------------------------

TABLE_CHARS = {
    "middleMiddle": "\u2500", "rowMiddle": "\u253c", "topRight": "\u2510",
    "topLeft": "\u250c", "leftMiddle": "\u251c", "topMiddle": "\u252c",
    "bottomRight": "\u2518", "bottomLeft": "\u2514", "bottomMiddle": "\u2534",
    "rightMiddle": "\u2524", "left": "\u2502 ", "right": " \u2502", "middle": " \u2502 ",
}


def _render_row(row, widths):
    out = TABLE_CHARS["left"]
    for i, cell in enumerate(row):
        needed = widths[i] - get_string_width(cell)
        out += cell + " " * math.ceil(needed)
        if i != len(row) - 1:
            out += TABLE_CHARS["middle"]
    return out + TABLE_CHARS["right"]


def render_table(head, columns):
    """cli_table: a box-drawn table; ``columns`` are dicts index -> cell text."""
    rows = []
    widths = [get_string_width(h) for h in head]
    longest = max((c[1] for c in columns), default=0)
    for i in range(len(head)):
        column = columns[i][0]
        for j in range(longest):
            if len(rows) <= j:
                rows.append([])
            value = column.get(j, "")
            while len(rows[j]) <= i:
                rows[j].append("")
            rows[j][i] = value
            widths[i] = max(widths[i], get_string_width(value))
    divider = [TABLE_CHARS["middleMiddle"] * (w + 2) for w in widths]
    result = (TABLE_CHARS["topLeft"] + TABLE_CHARS["topMiddle"].join(divider)
              + TABLE_CHARS["topRight"] + "\n" + _render_row(head, widths) + "\n"
              + TABLE_CHARS["leftMiddle"] + TABLE_CHARS["rowMiddle"].join(divider)
              + TABLE_CHARS["rightMiddle"] + "\n")
    for row in rows:
        result += _render_row(row, widths) + "\n"
    result += (TABLE_CHARS["bottomLeft"] + TABLE_CHARS["bottomMiddle"].join(divider)
               + TABLE_CHARS["bottomRight"])
    return result


def _table_inspect(v):
    depth = 0
    if isinstance(v, JSObject) and not isinstance(v, JSArray) and not _is_typed_array(v) \
            and len(get_keys(v, False)) > 2:
        depth = -1
    return _inspect_with(v, {"depth": depth, "maxArrayLength": 3, "breakLength": math.inf})


def _enumerable_keys(o):
    return [k for k in _own_keys(o) if type(k) is str and
            (_own_desc(o, k) or _Desc(0, 0, 0, False)).enumerable]


def console_table(this, data=undefined, properties=undefined, *rest):
    """console.table ( tabularData [ , properties ] ) (Console Standard 1.1.9)."""
    if properties is not undefined:
        if not isinstance(properties, JSArray):
            throw_type_error('The "properties" argument must be an instance of Array. %s'
                             % _received(properties))
        props = ops.create_list_from_array_like(properties)
    else:
        props = None
    if not isinstance(data, JSObject):
        return console_log(this, data)
    data = _unwrap(data) or data
    coll = _collections()
    index_key, iter_key, key_key, values_key = "(index)", "(iteration index)", "Key", "Values"
    is_key_value = False
    map_iter = type(data) is coll.JSMapIterator
    set_iter = type(data) is coll.JSSetIterator
    if map_iter and data.kind == coll.KIND_ENTRIES:
        is_key_value = True
    if is_key_value or isinstance(data, coll.JSMap):
        pairs = data.peek() if map_iter else data.entries()
        keys = {}
        values = {}
        for i, (k, v) in enumerate(pairs):
            keys[i] = _table_inspect(k)
            values[i] = _table_inspect(v)
        n = len(pairs)
        idx = {i: _table_inspect(float(i)) for i in range(n)}
        return _log_table([iter_key, key_key, values_key],
                          [(idx, n), (keys, n), (values, n)])
    if map_iter or set_iter or isinstance(data, coll.JSSet):
        if map_iter or set_iter:
            pairs = data.peek()
            items = [k if data.kind == coll.KIND_KEYS else v for k, v in pairs]
        else:
            items = data.values()
        values = {i: _table_inspect(v) for i, v in enumerate(items)}
        n = len(items)
        idx = {i: _table_inspect(float(i)) for i in range(n)}
        return _log_table([iter_key, values_key], [(idx, n), (values, n)])
    cols = {}
    has_primitives = False
    values_col = {}
    index_keys = _enumerable_keys(data)
    for i, ik in enumerate(index_keys):
        item = _native_item(data, ik)
        primitive = not isinstance(item, JSObject)
        if props is None and primitive:
            has_primitives = True
            values_col[i] = _table_inspect(item)
        else:
            keys = props if props is not None else (_enumerable_keys(item) if not primitive
                                                    else [])
            for key in keys:
                key = ops.to_property_key(key)
                col = cols.setdefault(key, {})
                if (primitive and props is not None) or not _has_own(item, key):
                    col[i] = ""
                else:
                    col[i] = _table_inspect(_native_item(item, key))
    n = len(index_keys)
    head = [index_key] + [_key_text(k) for k in cols]
    columns = [({i: k for i, k in enumerate(index_keys)}, n)]
    columns += [(c, (max(c) + 1) if c else 0) for c in cols.values()]
    if has_primitives:
        head.append(values_key)
        columns.append((values_col, (max(values_col) + 1) if values_col else 0))
    return _log_table(head, columns)


def _key_text(k):
    return repr(k) if type(k) is Symbol else k


def _native_item(o, key):
    d = _own_desc(o, key)
    if d is None:
        return undefined
    if d.value is not MISSING:
        return d.value
    if isinstance(d.get, JSFunction):
        return d.get.fn(o)
    return undefined


def _log_table(head, columns):
    _write(STATE.realm, False, render_table(head, columns))
    return undefined


# ---------------------------------------------------------------------------
# The console object
# ---------------------------------------------------------------------------

class JSConsole(JSObject):
    """The console namespace object (an ordinary object to JS) with the per-realm state:
    group indentation, the count map and the timer table."""
    __slots__ = ("group_indent", "counts", "timers")

    def __init__(self, proto):
        JSObject.__init__(self, proto)
        self.group_indent = ""
        self.counts = {}
        self.timers = {}


def _console():
    realm = STATE.realm
    c = realm.intrinsics.get("%console%")
    if c is None:
        c = JSConsole(realm.intrinsics["%Object.prototype%"])
        realm.intrinsics["%console%"] = c
    return c


_LONE_SURROGATE_RE = re.compile("[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")


def _write(realm, to_stderr, text):
    """Write one console message (group-indented) to the realm's stdout or stderr.

    Lone surrogates become U+FFFD, as Node's UTF-8 stream writes them."""
    c = _console()
    indent = c.group_indent
    if indent:
        if "\n" in text:
            text = text.replace("\n", "\n" + indent)
        text = indent + text
    text += "\n"
    if not text.isascii() and _LONE_SURROGATE_RE.search(text):
        text = _LONE_SURROGATE_RE.sub("\ufffd", text)
    if to_stderr:
        realm.write_stderr(text)
    else:
        realm.write_stdout(text)


def _received(v):
    from .timers import describe_received
    return describe_received(v)


def console_log(this, *args):
    """console.log / info / debug / dirxml ( ...data ): Logger("log", data)."""
    _write(STATE.realm, False, format_args(args))
    return undefined


def console_warn(this, *args):
    """console.warn / error ( ...data ): to stderr."""
    _write(STATE.realm, True, format_args(args))
    return undefined


def _options_from(obj):
    """util.inspect options read from a JS options object."""
    out = {}
    if not isinstance(obj, JSObject):
        return out
    for key in DEFAULT_OPTIONS:
        v = obj.get(key, obj)
        if v is undefined:
            continue
        if key == "depth":
            out[key] = None if v is null or v == math.inf else ops.to_number(v)
        elif key in ("maxArrayLength", "maxStringLength", "breakLength"):
            out[key] = math.inf if v is null or v == math.inf else ops.to_number(v)
        elif key in ("compact", "sorted", "getters"):
            out[key] = v if type(v) is bool else ops.to_number(v) if key == "compact" \
                else ops.to_boolean(v)
        else:
            out[key] = ops.to_boolean(v)
    return out


def console_dir(this, obj=undefined, options=undefined, *rest):
    """console.dir ( item, options ): util.inspect with the given options."""
    opts = {"customInspect": False}
    opts.update(_options_from(options))
    _write(STATE.realm, False, _inspect_with(obj, opts))
    return undefined


def console_trace(this, *args):
    """console.trace ( ...data ): 'Trace: message' and the JS stack, to stderr."""
    from ..realm import capture_frames
    msg = format_args(args)
    head = "Trace: " + msg if msg else "Trace"
    frames = capture_frames(None, skip=1)
    lines = [head] + ["    at " + f for f in frames[:10]]
    _write(STATE.realm, True, "\n".join(lines))
    return undefined


def console_assert(this, condition=undefined, *args):
    """console.assert ( condition, ...data )."""
    if ops.to_boolean(condition):
        return undefined
    args = list(args)
    if not args:
        args = ["Assertion failed"]
    else:
        args[0] = "Assertion failed: " + _template_string(args[0])
    return console_warn(this, *args)


def _template_string(v):
    """`${v}` (ToString; a Symbol throws as in JS)."""
    return ops.to_string(v)


def _label(v):
    return "default" if v is undefined else _template_string(v)


def console_count(this, label=undefined, *rest):
    """console.count ( label ): 'label: n'."""
    label = _label(label)
    c = _console()
    n = c.counts.get(label, 0) + 1
    c.counts[label] = n
    return console_log(this, "%s: %d" % (label, n))


def _warning(text):
    _write(STATE.realm, True, "Warning: " + text)


def console_count_reset(this, label=undefined, *rest):
    """console.countReset ( label )."""
    label = _label(label)
    c = _console()
    if label not in c.counts:
        _warning("Count for '%s' does not exist" % label)
        return undefined
    del c.counts[label]
    return undefined


def console_group(this, *args):
    """console.group / groupCollapsed ( ...data ): log, then indent by two."""
    if args:
        console_log(this, *args)
    c = _console()
    c.group_indent += "  "
    return undefined


def console_group_end(this, *args):
    """console.groupEnd ( )."""
    c = _console()
    c.group_indent = c.group_indent[:-2] if len(c.group_indent) >= 2 else ""
    return undefined


def _now_ms():
    return time.perf_counter() * 1000.0


def format_time(ms):
    """formatTime (Node's console): 1.234ms, 1.500s, 1:02.003 (m:ss.mmm)..."""
    hours = 0
    minutes = 0
    seconds = 0.0
    if ms >= 1000:
        if ms >= 60000:
            if ms >= 3600000:
                hours = math.floor(ms / 3600000)
                ms = ms % 3600000
            minutes = math.floor(ms / 60000)
            ms = ms % 60000
        seconds = ms / 1000
    if hours != 0 or minutes != 0:
        sec_s, ms_s = ("%.3f" % seconds).split(".")
        res = "%d:%02d" % (hours, minutes) if hours != 0 else "%d" % minutes
        return "%s:%s.%s (%sm:ss.mmm)" % (res, sec_s.rjust(2, "0"), ms_s,
                                            "h:m" if hours != 0 else "")
    if seconds != 0:
        return "%.3fs" % seconds
    return ops.number_to_string(float("%.3f" % ms)) + "ms"


def console_time(this, label=undefined, *rest):
    """console.time ( label )."""
    label = _label(label)
    c = _console()
    if label in c.timers:
        _warning("Label '%s' already exists for console.time()" % label)
        return undefined
    c.timers[label] = _now_ms()
    return undefined


def _time_log(this, name, label, data):
    c = _console()
    start = c.timers.get(label)
    if start is None:
        _warning("No such label '%s' for console.%s()" % (label, name))
        return False
    formatted = format_time(_now_ms() - start)
    console_log(this, "%s: %s", label, formatted, *(data or ()))
    return True


def console_time_end(this, label=undefined, *rest):
    """console.timeEnd ( label )."""
    label = _label(label)
    if _time_log(this, "timeEnd", label, None):
        del _console().timers[label]
    return undefined


def console_time_log(this, label=undefined, *data):
    """console.timeLog ( label, ...data )."""
    _time_log(this, "timeLog", _label(label), data)
    return undefined


def console_clear(this, *args):
    """console.clear ( ): a no-op when output is not a terminal (as in Node)."""
    return undefined


def console_inspector_only(this, *args):
    """console.profile / profileEnd / timeStamp ( [ label ] ): they report to an attached
    inspector only, so without one (as here) they do nothing, as in Node."""
    return undefined


CONSOLE_METHODS = (
    ("log", console_log, 0),
    ("warn", console_warn, 0),
    ("dir", console_dir, 0),
    ("time", console_time, 0),
    ("timeEnd", console_time_end, 0),
    ("timeLog", console_time_log, 0),
    ("trace", console_trace, 0),
    ("assert", console_assert, 0),
    ("clear", console_clear, 0),
    ("count", console_count, 0),
    ("countReset", console_count_reset, 0),
    ("group", console_group, 0),
    ("groupEnd", console_group_end, 0),
    ("table", console_table, 0),
    ("debug", console_log, 0),
    ("info", console_log, 0),
    ("dirxml", console_log, 0),
    ("error", console_warn, 0),
    ("groupCollapsed", console_group, 0),
    ("profile", console_inspector_only, 0),
    ("profileEnd", console_inspector_only, 0),
    ("timeStamp", console_inspector_only, 0),
)


def setup(realm):
    c = JSConsole(realm.intrinsics["%Object.prototype%"])
    realm.intrinsics["%console%"] = c
    define_methods(realm, c, CONSOLE_METHODS, W | E | C)
    c._store(SYM_TO_STRING_TAG, "console", C)
    realm.global_object._store("console", c, W | C)
