"""ArrayBuffer, the TypedArray constructors and DataView (ECMA-262 25.1, 23.2, 25.3),
including resizable buffers and ``transfer`` (ES2024).

Storage: an ArrayBuffer's bytes are one ``bytearray`` (``data``; ``None`` once
detached); a resizable buffer also has ``max_len``.  A view never copies: it keeps
its buffer, byte offset and element length (``None`` for a length-tracking view)
and reads and writes the bytes with ``struct`` (one C call per element) or, for
bulk operations, with ``array.array``.  Typed arrays use the platform byte order;
DataView takes the order as an argument.

The element types are one table (:data:`KIND_TABLE`), from which the nine ES2017
constructors plus BigInt64Array and BigUint64Array are built.

Typed arrays are TypedArray exotic objects (10.4.5): canonical numeric string keys
never reach ordinary property storage.  ``typed_length()`` is what the Array
Iterator calls.  ``detach_array_buffer(buf)`` is DetachArrayBuffer for hosts
(``$262.detachArrayBuffer``) and for structured-clone transfer.
"""

import array as _array
import math
import struct
import sys

from ..runtime.values import (undefined, null, MISSING, JSBigInt, SYM_ITERATOR, SYM_SPECIES,
                              SYM_TO_STRING_TAG)
from ..runtime.objects import (JSObject, JSArray, Desc, W, C, HOLE,
                               ordinary_set, ordered_keys, is_constructor, is_callable,
                               same_value)
from ..runtime.errors import STATE, throw_type_error, throw_range_error, throw_error
from ..runtime import ops
from ..runtime.numconv import (canonical_numeric_index, number_to_string, to_int8, to_uint8,
                               to_uint8_clamp, to_int16, to_uint16, to_int32, to_uint32)
from ._common import (make_native, define_methods, define_getters, make_constructor,
                      proto_from_ctor)

__all__ = ["JSArrayBuffer", "JSTypedArray", "JSDataView", "Kind", "KINDS", "KIND_TABLE",
           "kind_by_name", "detach_array_buffer", "is_detached", "new_array_buffer",
           "new_typed_array", "new_data_view", "typed_array_length", "view_out_of_bounds",
           "MAX_BYTE_LENGTH", "setup"]

#: The largest ArrayBuffer (and maxByteLength) this engine allocates; larger
#: requests are a RangeError, as CreateByteDataBlock allows (25.1.3.1).
MAX_BYTE_LENGTH = 1 << 31

_NATIVE = "<" if sys.byteorder == "little" else ">"
_MAX_SAFE = 2 ** 53 - 1


# ---------------------------------------------------------------------------
# Element types (Table 71)
# ---------------------------------------------------------------------------

def _f32(x):
    """Number -> the nearest float32 (as a Python float); overflow gives +/-Infinity."""
    try:
        return _F32.unpack(_F32.pack(x))[0]
    except OverflowError:
        return math.inf if x > 0 else -math.inf


_F32 = struct.Struct("<f")


def _identity(x):
    return x


def _to_bigint64(b):
    n = b.v & 0xFFFFFFFFFFFFFFFF
    return n - (1 << 64) if n >= (1 << 63) else n


def _to_biguint64(b):
    return b.v & 0xFFFFFFFFFFFFFFFF


class Kind:
    """One TypedArray element type: name, size, struct code and conversion."""
    __slots__ = ("name", "index", "size", "code", "conv", "is_big", "is_float", "st",
                 "unpack_from", "pack_into", "pack", "proto_key", "ctor_key")

    def __init__(self, index, name, size, code, conv, is_big, is_float):
        self.name = name
        self.index = index
        self.size = size
        self.code = code
        self.conv = conv            # JS Number (or BigInt) -> the Python value to store
        self.is_big = is_big        # [[ContentType]] BigInt
        self.is_float = is_float
        self.st = struct.Struct(_NATIVE + code)
        self.unpack_from = self.st.unpack_from
        self.pack_into = self.st.pack_into
        self.pack = self.st.pack
        self.proto_key = "%" + name + ".prototype%"
        self.ctor_key = "%" + name + "%"

    def __repr__(self):
        return "<Kind %s>" % self.name

    def __reduce__(self):
        return (kind_by_name, (self.name,))

    def to_js(self, x):
        """A stored Python value -> the JS value (Number or BigInt)."""
        if self.is_big:
            return JSBigInt(x)
        return float(x)

    def encode_many(self, values):
        """JS Numbers/BigInts (already ToNumber/ToBigInt'ed) -> their bytes."""
        conv = self.conv
        if self.is_big:
            vals = [conv(v) for v in values]
        elif conv is _identity:
            vals = values
        else:
            vals = [conv(v) for v in values]
        if self.size == 1:
            return bytes(b & 0xFF for b in vals)
        return struct.pack(_NATIVE + "%d%s" % (len(vals), self.code), *vals)

    def decode_many(self, raw):
        """bytes -> the JS values stored in them."""
        n = len(raw) // self.size
        if self.size == 1 and self.code == "B":
            return [float(b) for b in raw]
        vals = struct.unpack(_NATIVE + "%d%s" % (n, self.code), raw)
        if self.is_big:
            return [JSBigInt(v) for v in vals]
        if self.is_float:
            return list(vals)
        return [float(v) for v in vals]


#: (name, bytes per element, struct code, conversion, BigInt content, float)
KIND_TABLE = (
    ("Int8Array", 1, "b", to_int8, False, False),
    ("Uint8Array", 1, "B", to_uint8, False, False),
    ("Uint8ClampedArray", 1, "B", to_uint8_clamp, False, False),
    ("Int16Array", 2, "h", to_int16, False, False),
    ("Uint16Array", 2, "H", to_uint16, False, False),
    ("Int32Array", 4, "i", to_int32, False, False),
    ("Uint32Array", 4, "I", to_uint32, False, False),
    ("Float32Array", 4, "f", _f32, False, True),
    ("Float64Array", 8, "d", _identity, False, True),
    ("BigInt64Array", 8, "q", _to_bigint64, True, False),
    ("BigUint64Array", 8, "Q", _to_biguint64, True, False),
)

KINDS = tuple(Kind(i, *row) for i, row in enumerate(KIND_TABLE))
_KINDS_BY_NAME = {k.name: k for k in KINDS}

# array.array type codes with the same item sizes as the struct codes (bulk moves).
_ARRAY_CODES = {}
for _c in "bBhHiIfdqQ":
    _ARRAY_CODES[_c] = _c if _array.array(_c).itemsize == struct.calcsize(_c) else \
        {2: "h", 4: "i" if _array.array("i").itemsize == 4 else "l", 8: "q"}[struct.calcsize(_c)]
del _c

# DataView element types (25.3.4): name suffix -> (kind, getter length)
_DV_TYPES = ("Int8", "Uint8", "Int16", "Uint16", "Int32", "Uint32", "Float32", "Float64",
             "BigInt64", "BigUint64")


def kind_by_name(name):
    return _KINDS_BY_NAME[name]


# ---------------------------------------------------------------------------
# Objects
# ---------------------------------------------------------------------------

class JSArrayBuffer(JSObject):
    """An ArrayBuffer: [[ArrayBufferData]] (a bytearray, None when detached),
    [[ArrayBufferMaxByteLength]] (``max_len``, None for a fixed-length buffer) and
    [[ArrayBufferDetachKey]]."""
    __slots__ = ("data", "max_len", "detach_key")
    cls = "ArrayBuffer"

    def __init__(self, proto, data, max_len=None):
        JSObject.__init__(self, proto)
        self.data = data
        self.max_len = max_len
        self.detach_key = undefined

    @property
    def byte_length(self):
        d = self.data
        return 0 if d is None else len(d)


class JSTypedArray(JSObject):
    """A TypedArray exotic object (10.4.5): [[ViewedArrayBuffer]] (``buffer``),
    [[TypedArrayName]] / element type (``kind``), [[ByteOffset]] (``offset``) and
    [[ArrayLength]] (``alen``; None means AUTO, a length-tracking view)."""
    __slots__ = ("buffer", "kind", "offset", "alen")
    exotic = True

    def __init__(self, proto, kind, buffer, offset, alen):
        self.props = {}
        self.flags = None
        self.proto = proto
        self.extensible = True
        self.kind = kind
        self.buffer = buffer
        self.offset = offset
        self.alen = alen

    @property
    def cls(self):
        return self.kind.name

    # -- helpers -------------------------------------------------------------------
    def typed_length(self):
        """TypedArrayLength, throwing a TypeError when detached or out of bounds
        (what %ArrayIteratorPrototype%.next needs, 23.1.5.2.1)."""
        n = typed_array_length(self)
        if n < 0:
            throw_type_error("Cannot perform %%ArrayIteratorPrototype%%.next on %s"
                             % _oob_words(self))
        return n

    def get_index(self, i):
        """TypedArrayGetElement (10.4.5.15) for an integer index i >= 0, or -1."""
        data = self.buffer.data
        if data is None or i < 0:
            return undefined
        kind = self.kind
        size = kind.size
        off = self.offset
        alen = self.alen
        if alen is None:
            if i >= (len(data) - off) // size:
                return undefined
        elif i >= alen or off + alen * size > len(data):
            return undefined
        v = kind.unpack_from(data, off + i * size)[0]
        if kind.is_big:
            return JSBigInt(v)
        return float(v)

    def set_index(self, i, value):
        """TypedArraySetElement (10.4.5.16): convert, then store if the index is valid."""
        kind = self.kind
        if kind.is_big:
            num = to_bigint(value)
        else:
            num = value if type(value) is float else ops.to_number(value)
        data = self.buffer.data
        if data is None or i < 0:
            return
        size = kind.size
        off = self.offset
        alen = self.alen
        if alen is None:
            if i >= (len(data) - off) // size:
                return
        elif i >= alen or off + alen * size > len(data):
            return
        kind.pack_into(data, off + i * size, kind.conv(num))

    def valid_index(self, i):
        """IsValidIntegerIndex (10.4.5.14) for i from _numeric_key."""
        if i < 0:
            return False
        return i < typed_array_length(self)

    # -- internal methods (10.4.5.1-10.4.5.7) -----------------------------------------
    def get_own_property(self, key):
        i = _numeric_key(key)
        if i is MISSING:
            return JSObject.get_own_property(self, key)
        v = self.get_index(i)
        if v is undefined:
            return None
        return Desc(value=v, writable=True, enumerable=True, configurable=True)

    def has_property(self, key):
        i = _numeric_key(key)
        if i is MISSING:
            return JSObject.has_property(self, key)
        return self.valid_index(i)

    def define_own_property(self, key, desc):
        i = _numeric_key(key)
        if i is MISSING:
            return JSObject.define_own_property(self, key, desc)
        if not self.valid_index(i):
            return False
        if desc.configurable is False or desc.enumerable is False:
            return False
        if desc.is_accessor() or desc.writable is False:
            return False
        if desc.value is not MISSING:
            self.set_index(i, desc.value)
        return True

    def get(self, key, receiver):
        if type(key) is str:
            # Fast path: a plain decimal index of a fixed-length view (get_index inlined).
            if key.isdigit() and key.isascii() and len(key) < 16 and (
                    key[0] != "0" or len(key) == 1):
                i = int(key)
                alen = self.alen
                data = self.buffer.data
                if alen is not None and data is not None and i < alen:
                    kind = self.kind
                    size = kind.size
                    off = self.offset
                    if off + alen * size > len(data):
                        return undefined            # out of bounds after a resize
                    v = kind.unpack_from(data, off + i * size)[0]
                    return JSBigInt(v) if kind.is_big else float(v)
                return self.get_index(i)
            if key[:1] in _NUMERIC_START:
                i = _numeric_key(key)
                if i is not MISSING:
                    return self.get_index(i)
        return JSObject.get(self, key, receiver)

    def set(self, key, value, receiver):
        if type(key) is str:
            if key.isdigit() and key.isascii() and len(key) < 16 and (
                    key[0] != "0" or len(key) == 1):
                i = int(key)
                if receiver is self and type(value) is float:
                    # Fast path: a Number stored at an index of a fixed-length view.
                    alen = self.alen
                    data = self.buffer.data
                    kind = self.kind
                    if alen is not None and data is not None and i < alen and \
                            not kind.is_big:
                        size = kind.size
                        off = self.offset
                        if off + alen * size <= len(data):
                            kind.pack_into(data, off + i * size, kind.conv(value))
                        return True
            elif key[:1] in _NUMERIC_START:
                i = _numeric_key(key)
            else:
                i = MISSING
            if i is not MISSING:
                if receiver is self:
                    self.set_index(i, value)
                    return True
                if not self.valid_index(i):
                    return True
                return ordinary_set(self, key, value, receiver)
        return JSObject.set(self, key, value, receiver)

    def delete(self, key):
        i = _numeric_key(key)
        if i is MISSING:
            return JSObject.delete(self, key)
        return not self.valid_index(i)

    def own_keys(self):
        n = typed_array_length(self)
        keys = [str(i) for i in range(n)] if n > 0 else []
        keys.extend(ordered_keys(self.props))
        return keys

    def prevent_extensions(self):
        """[[PreventExtensions]] (10.4.5.2 in ES2024): not for length-tracking or
        resizable-backed views."""
        if not is_typed_array_fixed_length(self):
            return False
        self.extensible = False
        return True


class JSDataView(JSObject):
    """A DataView: [[ViewedArrayBuffer]], [[ByteOffset]], [[ByteLength]] (None = AUTO)."""
    __slots__ = ("buffer", "offset", "blen")
    cls = "DataView"

    def __init__(self, proto, buffer, offset, blen):
        JSObject.__init__(self, proto)
        self.buffer = buffer
        self.offset = offset
        self.blen = blen


_NUMERIC_START = frozenset("-0123456789IN")


def _numeric_key(key):
    """CanonicalNumericIndexString for a property key: MISSING when the key is not
    numeric, else an int index (>= 0) or -1 for a numeric key that can never be a
    valid integer index (negative, fractional, -0, NaN, +/-Infinity, >= 2**53)."""
    if type(key) is not str:
        return MISSING
    if key.isdigit() and key.isascii() and len(key) < 16 and (key[0] != "0" or len(key) == 1):
        return int(key)
    if key[:1] not in _NUMERIC_START:
        return MISSING
    n = canonical_numeric_index(key)
    if n is None:
        return MISSING
    if n != n or n in (math.inf, -math.inf) or n < 0 or n != int(n):
        return -1
    if n == 0 and math.copysign(1.0, n) < 0:
        return -1
    if n > _MAX_SAFE:
        return -1
    return int(n)


# ---------------------------------------------------------------------------
# Abstract operations on buffers and views
# ---------------------------------------------------------------------------

def is_detached(buf):
    """IsDetachedBuffer (25.1.3.4)."""
    return buf.data is None


def typed_array_length(ta):
    """TypedArrayLength of ta, or -1 if it is out of bounds or its buffer is detached
    (IsTypedArrayOutOfBounds, 10.4.5.12)."""
    data = ta.buffer.data
    if data is None:
        return -1
    n = len(data)
    off = ta.offset
    alen = ta.alen
    if alen is None:
        if off > n:
            return -1
        return (n - off) // ta.kind.size
    if off + alen * ta.kind.size > n:
        return -1
    return alen


def is_typed_array_fixed_length(ta):
    """IsTypedArrayFixedLength (10.4.5.13)."""
    if ta.alen is None:
        return False
    return ta.buffer.max_len is None


def view_byte_length(dv):
    """GetViewByteLength of a DataView, or -1 if it is out of bounds / detached."""
    data = dv.buffer.data
    if data is None:
        return -1
    n = len(data)
    off = dv.offset
    if dv.blen is None:
        if off > n:
            return -1
        return n - off
    if off + dv.blen > n:
        return -1
    return dv.blen


def view_out_of_bounds(v):
    """IsArrayBufferViewOutOfBounds for a typed array or DataView (detached counts)."""
    if isinstance(v, JSTypedArray):
        return typed_array_length(v) < 0
    return view_byte_length(v) < 0


def _oob_words(ta):
    return "a detached ArrayBuffer" if ta.buffer.data is None else "an out-of-bounds TypedArray"


def validate_typed_array(o, method):
    """ValidateTypedArray (23.2.4.4): the TypedArrayLength of o."""
    if not isinstance(o, JSTypedArray):
        throw_type_error("this is not a typed array.")
    n = typed_array_length(o)
    if n < 0:
        throw_type_error("Cannot perform %s on %s" % (method, _oob_words(o)))
    return n


def detach_array_buffer(buf, key=undefined):
    """DetachArrayBuffer (25.1.3.5); returns the detached bytearray."""
    if not isinstance(buf, JSArrayBuffer):
        throw_type_error("detachArrayBuffer: %s is not an ArrayBuffer" % ops.describe(buf))
    if not same_value(buf.detach_key, key):
        throw_type_error("Cannot detach an ArrayBuffer with a detach key")
    data = buf.data
    buf.data = None
    return data


def _allocate_bytes(n):
    """CreateByteDataBlock (6.2.9.1)."""
    if n > MAX_BYTE_LENGTH:
        throw_range_error("Array buffer allocation failed")
    try:
        return bytearray(n)
    except MemoryError:
        throw_range_error("Array buffer allocation failed")


def allocate_array_buffer(ctor, byte_length, max_len=None, default_realm=None):
    """AllocateArrayBuffer (25.1.3.1) with a constructor (or None for %ArrayBuffer%)."""
    if max_len is not None and byte_length > max_len:
        throw_range_error("Invalid array buffer length: byteLength exceeds maxByteLength")
    if ctor is None:
        proto = (default_realm or STATE.realm).intrinsics["%ArrayBuffer.prototype%"]
    else:
        proto = proto_from_ctor(ctor, "%ArrayBuffer.prototype%")
    data = _allocate_bytes(byte_length)
    if max_len is not None and max_len > MAX_BYTE_LENGTH:
        throw_range_error("Invalid array buffer max length")
    return JSArrayBuffer(proto, data, max_len)


def new_array_buffer(realm, data, max_len=None):
    """A new ArrayBuffer of realm owning the bytearray ``data`` (no copy)."""
    return JSArrayBuffer(realm.intrinsics["%ArrayBuffer.prototype%"], data, max_len)


def new_typed_array(realm, kind, buffer, offset, alen):
    """A typed array of realm over buffer (alen None = length-tracking); no checks."""
    if type(kind) is str:
        kind = _KINDS_BY_NAME[kind]
    return JSTypedArray(realm.intrinsics[kind.proto_key], kind, buffer, offset, alen)


def new_data_view(realm, buffer, offset, blen):
    return JSDataView(realm.intrinsics["%DataView.prototype%"], buffer, offset, blen)


def _kind_array(kind, length, proto=None):
    """AllocateTypedArray with a length, over a fresh %ArrayBuffer% (23.2.5.1.1)."""
    realm = STATE.realm
    size = kind.size
    data = _allocate_bytes(length * size)
    buf = JSArrayBuffer(realm.intrinsics["%ArrayBuffer.prototype%"], data)
    if proto is None:
        proto = realm.intrinsics[kind.proto_key]
    return JSTypedArray(proto, kind, buf, 0, length)


def to_bigint(v):
    """ToBigInt (7.1.13)."""
    p = ops.to_primitive(v, "number")
    t = type(p)
    if t is JSBigInt:
        return p
    if t is bool:
        return JSBigInt(1 if p else 0)
    if t is str:
        n = string_to_bigint(p)
        if n is None:
            throw_error("SyntaxError", "Cannot convert %s to a BigInt" % p)
        return JSBigInt(n)
    if p is undefined or p is null:
        throw_type_error("Cannot convert %s to a BigInt" % ops.describe(p))
    if t is float:
        throw_type_error("Cannot convert %s to a BigInt" % number_to_string(p))
    throw_type_error("Cannot convert a Symbol value to a BigInt")


_WS = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
      "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def string_to_bigint(s):
    """StringToBigInt (7.1.14): an int, or None for an invalid string."""
    s = s.strip(_WS)
    if not s:
        return 0
    if len(s) > 2 and s[0] == "0" and s[1] in "xXoObB":
        base = {"x": 16, "o": 8, "b": 2}[s[1].lower()]
        body = s[2:]
        digits = "0123456789abcdefABCDEF"[:base if base < 16 else 22]
        if not body or any(c not in digits for c in body):
            return None
        return int(body, base)
    sign = 1
    if s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if not s or not (s.isascii() and s.isdigit()):
        return None
    return sign * int(s)


def _to_num(kind, v):
    """The ToNumber / ToBigInt step of TypedArraySetElement."""
    if kind.is_big:
        return to_bigint(v)
    return v if type(v) is float else ops.to_number(v)


def _read_values(ta, start, end):
    """The JS values of elements start..end-1 (the caller checked the bounds)."""
    kind = ta.kind
    size = kind.size
    off = ta.offset
    return kind.decode_many(bytes(ta.buffer.data[off + start * size:off + end * size]))


def _write_values(ta, start, nums):
    """Store converted JS numbers at start.. (the caller checked the bounds)."""
    if not nums:
        return
    kind = ta.kind
    off = ta.offset + start * kind.size
    raw = kind.encode_many(nums)
    ta.buffer.data[off:off + len(raw)] = raw


def _rel_index(v, length, default):
    """The start/end index arithmetic of Array.prototype.slice and friends."""
    if v is undefined:
        return default
    r = ops.to_integer_or_infinity(v)
    if r == -math.inf:
        return 0
    if r < 0:
        return max(length + r, 0)
    return min(r, length)


# ---------------------------------------------------------------------------
# ArrayBuffer (25.1)
# ---------------------------------------------------------------------------

def _this_buffer(this, method):
    if not isinstance(this, JSArrayBuffer):
        throw_type_error("Method ArrayBuffer.prototype.%s called on incompatible receiver %s"
                         % (method, ops.to_display_string(this)
                            if not isinstance(this, JSObject) else ops.describe(this)))
    return this


def array_buffer_call(this, *args):
    throw_type_error("Constructor ArrayBuffer requires 'new'")


def _to_index(v, message):
    """ToIndex (7.1.22) with V8's RangeError message for the argument it checks
    (``%s`` in ``message`` is the integer shown)."""
    if v is undefined:
        return 0
    i = ops.to_integer_or_infinity(v)
    if i < 0 or i > 2 ** 53 - 1:
        throw_range_error(message % number_to_string(float(i)) if "%s" in message else message)
    return i


def array_buffer_construct(args, new_target):
    """ArrayBuffer ( length [ , options ] ) (25.1.4.1)."""
    length = args[0] if args else undefined
    options = args[1] if len(args) > 1 else undefined
    byte_length = _to_index(length, "Invalid array buffer length")
    max_len = None
    if isinstance(options, JSObject):
        m = options.get("maxByteLength", options)
        if m is not undefined:
            max_len = _to_index(m, "Invalid array buffer max length")
    return allocate_array_buffer(new_target, byte_length, max_len)


def array_buffer_is_view(this, arg=undefined, *rest):
    """ArrayBuffer.isView ( arg ) (25.1.5.1)."""
    return isinstance(arg, (JSTypedArray, JSDataView))


def species_getter(this, *args):
    """get %X% [ @@species ]: return the this value."""
    return this


def ab_byte_length(this, *args):
    """get ArrayBuffer.prototype.byteLength (25.1.6.2)."""
    b = _this_buffer(this, "byteLength")
    return float(b.byte_length)


def ab_max_byte_length(this, *args):
    """get ArrayBuffer.prototype.maxByteLength (ES2024 25.1.6.4)."""
    b = _this_buffer(this, "maxByteLength")
    if b.data is None:
        return 0.0
    if b.max_len is None:
        return float(len(b.data))
    return float(b.max_len)


def ab_resizable(this, *args):
    """get ArrayBuffer.prototype.resizable (ES2024 25.1.6.5)."""
    return _this_buffer(this, "resizable").max_len is not None


def ab_detached(this, *args):
    """get ArrayBuffer.prototype.detached (ES2024 25.1.6.3)."""
    return _this_buffer(this, "detached").data is None


def ab_resize(this, new_length=undefined, *rest):
    """ArrayBuffer.prototype.resize ( newLength ) (ES2024 25.1.6.6)."""
    b = _this_buffer(this, "resize")
    if b.max_len is None:
        throw_type_error("Method ArrayBuffer.prototype.resize called on incompatible receiver %s"
                         % ops.describe(b))
    n = ops.to_index(new_length)
    if b.data is None:
        throw_type_error("Cannot perform ArrayBuffer.prototype.resize on a detached ArrayBuffer")
    if n > b.max_len:
        throw_range_error("ArrayBuffer.prototype.resize: Invalid length parameter")
    data = b.data
    cur = len(data)
    if n < cur:
        del data[n:]
    elif n > cur:
        data.extend(bytes(n - cur))
    return undefined


def ab_slice(this, start=undefined, end=undefined, *rest):
    """ArrayBuffer.prototype.slice ( start, end ) (25.1.6.7)."""
    o = _this_buffer(this, "slice")
    if o.data is None:
        throw_type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
    length = len(o.data)
    first = _rel_index(start, length, 0)
    final = _rel_index(end, length, length)
    new_len = max(final - first, 0)
    realm = STATE.realm
    ctor = ops.species_constructor(o, realm.intrinsics["%ArrayBuffer%"])
    new = ops.construct(ctor, (float(new_len),))
    if not isinstance(new, JSArrayBuffer):
        throw_type_error("ArrayBuffer subclass returned this from species constructor"
                         if new is o else "species constructor did not return an ArrayBuffer")
    if new.data is None:
        throw_type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
    if new is o:
        throw_type_error("ArrayBuffer subclass returned this from species constructor")
    if len(new.data) < new_len:
        throw_type_error("Species constructor returned a too-small ArrayBuffer")
    if o.data is None:
        throw_type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
    cur = len(o.data)
    if first < cur:
        count = min(new_len, cur - first)
        new.data[0:count] = o.data[first:first + count]
    return new


def array_buffer_copy_and_detach(o, new_length, preserve, method):
    """ArrayBufferCopyAndDetach (ES2024 25.1.3.3)."""
    o = _this_buffer(o, method)
    if new_length is undefined:
        n = o.byte_length
    else:
        n = ops.to_index(new_length)
    if o.data is None:
        throw_type_error("Cannot perform ArrayBuffer.prototype.%s on a detached ArrayBuffer"
                         % method)
    max_len = o.max_len if preserve and o.max_len is not None else None
    if o.detach_key is not undefined:
        throw_type_error("Cannot transfer an ArrayBuffer with a detach key")
    realm = STATE.realm
    if max_len is not None and n > max_len:
        throw_range_error("Invalid array buffer length: byteLength exceeds maxByteLength")
    old = o.data
    if n == len(old):
        data = old                       # moved, not copied
    elif n < len(old):
        data = old[:n]
    else:
        data = _allocate_bytes(n)
        data[:len(old)] = old
    o.data = None
    return JSArrayBuffer(realm.intrinsics["%ArrayBuffer.prototype%"], data, max_len)


def ab_transfer(this, new_length=undefined, *rest):
    """ArrayBuffer.prototype.transfer ( [ newLength ] ) (ES2024 25.1.6.8)."""
    return array_buffer_copy_and_detach(this, new_length, True, "transfer")


def ab_transfer_fixed(this, new_length=undefined, *rest):
    """ArrayBuffer.prototype.transferToFixedLength ( [ newLength ] ) (ES2024 25.1.6.9)."""
    return array_buffer_copy_and_detach(this, new_length, False, "transferToFixedLength")


# ---------------------------------------------------------------------------
# %TypedArray% (23.2.1-23.2.3) and the concrete constructors (23.2.5-23.2.7)
# ---------------------------------------------------------------------------

def typed_array_intrinsic_call(this, *args):
    throw_type_error("Abstract class TypedArray not directly constructable")


def typed_array_intrinsic_construct(args, new_target):
    throw_type_error("Abstract class TypedArray not directly constructable")


class TypedArrayCtor:
    """[[Call]] / [[Construct]] of one concrete TypedArray constructor (23.2.5.1)."""
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __reduce__(self):
        return (TypedArrayCtor, (self.name,))

    def call(self, this, *args):
        throw_type_error("Constructor %s requires 'new'" % self.name)

    def construct(self, args, new_target):
        kind = _KINDS_BY_NAME[self.name]
        if not args:
            return _kind_array(kind, 0, proto_from_ctor(new_target, kind.proto_key))
        first = args[0]
        if not isinstance(first, JSObject):
            # 6.c: ToIndex first, then AllocateTypedArray gets the prototype.
            n = _to_index(first, "Invalid typed array length: %s")
            proto = proto_from_ctor(new_target, kind.proto_key)
            if n * kind.size > MAX_BYTE_LENGTH:
                throw_range_error("Invalid typed array length: %d" % n)
            return _kind_array(kind, n, proto)
        proto = proto_from_ctor(new_target, kind.proto_key)
        if isinstance(first, JSTypedArray):
            return _init_from_typed_array(kind, proto, first)
        if isinstance(first, JSArrayBuffer):
            return _init_from_buffer(kind, proto, first, args[1] if len(args) > 1 else undefined,
                                     args[2] if len(args) > 2 else undefined)
        using = ops.get_method(first, SYM_ITERATOR)
        if using is not undefined:
            values = _iterate_to_list(first, using)
            nums = [_to_num(kind, v) for v in values]
            ta = _kind_array(kind, len(nums), proto)
            _write_values(ta, 0, nums)
            return ta
        return _init_from_array_like(kind, proto, first)


def _iterate_to_list(obj, method):
    """IteratorToList(GetIteratorFromMethod(obj, method)), with a fast path for
    Arrays whose iteration is untouched."""
    realm = STATE.realm
    if type(obj) is JSArray and obj.arr is not None and \
            method is realm.intrinsics.get("%Array.prototype.values%"):
        from ..runtime.iteration import _array_iteration_intact
        if _array_iteration_intact(realm, obj):
            a = obj.arr
            if HOLE not in a:
                return list(a)
    from ..runtime.iteration import get_iterator_from_method
    return list(get_iterator_from_method(obj, method))


def _init_from_typed_array(kind, proto, src):
    """InitializeTypedArrayFromTypedArray (23.2.5.1.2)."""
    n = typed_array_length(src)
    if n < 0:
        throw_type_error("Cannot construct %s from %s" % (kind.name, _oob_words(src)))
    if src.kind is kind:
        off = src.offset
        data = bytearray(src.buffer.data[off:off + n * kind.size])
        buf = JSArrayBuffer(STATE.realm.intrinsics["%ArrayBuffer.prototype%"], data)
        return JSTypedArray(proto, kind, buf, 0, n)
    ta = _kind_array(kind, n, proto)
    if src.kind.is_big != kind.is_big:
        throw_type_error("Content type of %s is incompatible with %s"
                         % (src.kind.name, kind.name))
    _write_values(ta, 0, _read_values(src, 0, n))
    return ta


def _init_from_buffer(kind, proto, buffer, byte_offset, length):
    """InitializeTypedArrayFromArrayBuffer (23.2.5.1.3)."""
    size = kind.size
    offset = _to_index(byte_offset, "Start offset %s is outside the bounds of the buffer")
    if offset % size:
        throw_range_error("start offset of %s should be a multiple of %d" % (kind.name, size))
    new_length = None
    if length is not undefined:
        new_length = _to_index(length, "Invalid typed array length: %s")
    if buffer.data is None:
        throw_type_error("Cannot perform Construct on a detached ArrayBuffer")
    buf_len = len(buffer.data)
    if length is undefined and buffer.max_len is not None:
        if offset > buf_len:
            throw_range_error("Start offset %d is outside the bounds of the buffer" % offset)
        return JSTypedArray(proto, kind, buffer, offset, None)
    if length is undefined:
        if buf_len % size:
            throw_range_error("byte length of %s should be a multiple of %d" % (kind.name, size))
        new_byte_length = buf_len - offset
        if new_byte_length < 0:
            throw_range_error("Start offset %d is outside the bounds of the buffer" % offset)
    else:
        new_byte_length = new_length * size
        if offset + new_byte_length > buf_len:
            throw_range_error("Invalid typed array length: %d" % new_length)
    return JSTypedArray(proto, kind, buffer, offset, new_byte_length // size)


def _init_from_array_like(kind, proto, src):
    """InitializeTypedArrayFromArrayLike (23.2.5.1.5)."""
    n = ops.length_of_array_like(src)
    if n * kind.size > MAX_BYTE_LENGTH:
        throw_range_error("Invalid typed array length: %d" % n)
    nums = []
    for i in range(n):
        nums.append(_to_num(kind, src.get(str(i), src)))
    ta = _kind_array(kind, n, proto)
    _write_values(ta, 0, nums)
    return ta


def typed_array_create_from_ctor(ctor, args, method="Construct"):
    """TypedArrayCreateFromConstructor (23.2.4.2)."""
    new = ops.construct(ctor, args)
    n = validate_typed_array(new, method)
    if len(args) == 1 and type(args[0]) is float:
        if n < args[0]:
            throw_type_error("Derived TypedArray constructor created an array which was too small")
    return new


def typed_array_species_create(exemplar, args, method):
    """TypedArraySpeciesCreate (23.2.4.1)."""
    realm = STATE.realm
    default = realm.intrinsics[exemplar.kind.ctor_key]
    ctor = ops.species_constructor(exemplar, default)
    if ctor is default:
        # The common case, without a JS-visible difference: the intrinsic constructor.
        if len(args) == 1:
            return _kind_array(exemplar.kind, int(args[0]))
    result = typed_array_create_from_ctor(ctor, args, method)
    if result.kind.is_big != exemplar.kind.is_big:
        throw_type_error("Content type of %s is incompatible with %s"
                         % (result.kind.name, exemplar.kind.name))
    return result


def typed_array_create_same_type(exemplar, length):
    """TypedArrayCreateSameType (23.2.4.3) with a length argument."""
    return _kind_array(exemplar.kind, length)


def typed_array_from(this, source=undefined, mapfn=undefined, this_arg=undefined, *rest):
    """%TypedArray%.from ( source [ , mapfn [ , thisArg ] ] ) (23.2.2.1)."""
    c = this
    if not is_constructor(c):
        throw_type_error("%s is not a constructor" % ops.to_display_string(c))
    if mapfn is not undefined and not is_callable(mapfn):
        throw_type_error("%s is not a function" % ops.to_display_string(mapfn))
    if source is undefined or source is null:
        from ..runtime.iteration import not_iterable_message
        throw_type_error(not_iterable_message(source))
    using = ops.get_v(source, SYM_ITERATOR)
    if using is null:
        using = undefined
    elif using is not undefined and not is_callable(using):
        throw_type_error("%TypedArray%.from requires that the property of the first argument, "
                         "items[Symbol.iterator], when exists, be a function")
    if using is not undefined:
        values = _iterate_to_list(source, using)
        n = len(values)
        target = typed_array_create_from_ctor(c, (float(n),), "%TypedArray%.from")
        for k in range(n):
            v = values[k]
            if mapfn is not undefined:
                v = mapfn.fn(this_arg, v, float(k))
            ops.set_or_throw(target, str(k), v)
        return target
    src = ops.to_object(source)
    n = ops.length_of_array_like(src)
    target = typed_array_create_from_ctor(c, (float(n),), "%TypedArray%.from")
    for k in range(n):
        key = str(k)
        v = src.get(key, src)
        if mapfn is not undefined:
            v = mapfn.fn(this_arg, v, float(k))
        ops.set_or_throw(target, key, v)
    return target


def typed_array_of(this, *items):
    """%TypedArray%.of ( ...items ) (23.2.2.2)."""
    c = this
    if not is_constructor(c):
        throw_type_error("%s is not a constructor" % ops.to_display_string(c))
    new = typed_array_create_from_ctor(c, (float(len(items)),), "%TypedArray%.of")
    for k, v in enumerate(items):
        ops.set_or_throw(new, str(k), v)
    return new


# -- %TypedArray%.prototype accessors (23.2.3) -----------------------------------------

def _this_ta(this, what):
    if not isinstance(this, JSTypedArray):
        throw_type_error("Method %%TypedArray%%.prototype.%s called on incompatible receiver %s"
                         % (what, ops.to_display_string(this)
                            if not isinstance(this, JSObject) else ops.describe(this)))
    return this


def ta_buffer(this, *args):
    """get %TypedArray%.prototype.buffer (23.2.3.2)."""
    return _this_ta(this, "buffer").buffer


def ta_byte_length(this, *args):
    """get %TypedArray%.prototype.byteLength (23.2.3.3)."""
    n = typed_array_length(_this_ta(this, "byteLength"))
    return 0.0 if n < 0 else float(n * this.kind.size)


def ta_byte_offset(this, *args):
    """get %TypedArray%.prototype.byteOffset (23.2.3.4)."""
    ta = _this_ta(this, "byteOffset")
    if typed_array_length(ta) < 0:
        return 0.0
    return float(ta.offset)


def ta_length(this, *args):
    """get %TypedArray%.prototype.length (23.2.3.21)."""
    n = typed_array_length(_this_ta(this, "length"))
    return 0.0 if n < 0 else float(n)


def ta_to_string_tag(this, *args):
    """get %TypedArray%.prototype [ @@toStringTag ] (23.2.3.38)."""
    if isinstance(this, JSTypedArray):
        return this.kind.name
    return undefined


# -- %TypedArray%.prototype methods ---------------------------------------------------

def _callable_arg(f):
    if not is_callable(f):
        throw_type_error("%s is not a function" % ops.to_display_string(f))
    return f


def ta_at(this, index=undefined, *rest):
    """%TypedArray%.prototype.at ( index ) (23.2.3.1)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.at")
    r = ops.to_integer_or_infinity(index)
    k = r if r >= 0 else n + r
    if k < 0 or k >= n:
        return undefined
    return this.get_index(int(k))


def ta_copy_within(this, target=undefined, start=undefined, end=undefined, *rest):
    """%TypedArray%.prototype.copyWithin ( target, start [ , end ] ) (23.2.3.6)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.copyWithin")
    to = _rel_index(target, n, 0)
    frm = _rel_index(start, n, 0)
    final = _rel_index(end, n, n)
    count = min(final - frm, n - to)
    if count > 0:
        n = typed_array_length(this)
        if n < 0:
            throw_type_error("Cannot perform %%TypedArray%%.prototype.copyWithin on %s"
                             % _oob_words(this))
        size = this.kind.size
        off = this.offset
        limit = off + n * size
        to_b = off + to * size
        from_b = off + frm * size
        count_b = min(count * size, limit - from_b, limit - to_b)
        if count_b > 0:
            data = this.buffer.data
            data[to_b:to_b + count_b] = data[from_b:from_b + count_b]
    return this


def ta_entries(this, *args):
    """%TypedArray%.prototype.entries ( ) (23.2.3.7)."""
    from .iterators import create_array_iterator
    validate_typed_array(this, "%TypedArray%.prototype.entries")
    return create_array_iterator(this, 2)


def ta_keys(this, *args):
    """%TypedArray%.prototype.keys ( ) (23.2.3.20)."""
    from .iterators import create_array_iterator
    validate_typed_array(this, "%TypedArray%.prototype.keys")
    return create_array_iterator(this, 0)


def ta_values(this, *args):
    """%TypedArray%.prototype.values ( ) (23.2.3.35)."""
    from .iterators import create_array_iterator
    validate_typed_array(this, "%TypedArray%.prototype.values")
    return create_array_iterator(this, 1)


def _iterate_callback(this, fn, this_arg, method):
    n = validate_typed_array(this, "%TypedArray%.prototype." + method)
    _callable_arg(fn)
    return n


def ta_every(this, fn=undefined, this_arg=undefined, *rest):
    """%TypedArray%.prototype.every ( callbackfn [ , thisArg ] ) (23.2.3.8)."""
    n = _iterate_callback(this, fn, this_arg, "every")
    f = fn.fn
    for k in range(n):
        if not ops.to_boolean(f(this_arg, this.get_index(k), float(k), this)):
            return False
    return True


def ta_some(this, fn=undefined, this_arg=undefined, *rest):
    """%TypedArray%.prototype.some ( callbackfn [ , thisArg ] ) (23.2.3.28)."""
    n = _iterate_callback(this, fn, this_arg, "some")
    f = fn.fn
    for k in range(n):
        if ops.to_boolean(f(this_arg, this.get_index(k), float(k), this)):
            return True
    return False


def ta_for_each(this, fn=undefined, this_arg=undefined, *rest):
    """%TypedArray%.prototype.forEach ( callbackfn [ , thisArg ] ) (23.2.3.15)."""
    n = _iterate_callback(this, fn, this_arg, "forEach")
    f = fn.fn
    for k in range(n):
        f(this_arg, this.get_index(k), float(k), this)
    return undefined


def ta_find(this, fn=undefined, this_arg=undefined, *rest):
    """%TypedArray%.prototype.find ( predicate [ , thisArg ] ) (23.2.3.11)."""
    n = _iterate_callback(this, fn, this_arg, "find")
    f = fn.fn
    for k in range(n):
        v = this.get_index(k)
        if ops.to_boolean(f(this_arg, v, float(k), this)):
            return v
    return undefined


def ta_find_index(this, fn=undefined, this_arg=undefined, *rest):
    """%TypedArray%.prototype.findIndex ( predicate [ , thisArg ] ) (23.2.3.12)."""
    n = _iterate_callback(this, fn, this_arg, "findIndex")
    f = fn.fn
    for k in range(n):
        if ops.to_boolean(f(this_arg, this.get_index(k), float(k), this)):
            return float(k)
    return -1.0


def ta_find_last(this, fn=undefined, this_arg=undefined, *rest):
    """%TypedArray%.prototype.findLast ( predicate [ , thisArg ] ) (23.2.3.13)."""
    n = _iterate_callback(this, fn, this_arg, "findLast")
    f = fn.fn
    for k in range(n - 1, -1, -1):
        v = this.get_index(k)
        if ops.to_boolean(f(this_arg, v, float(k), this)):
            return v
    return undefined


def ta_find_last_index(this, fn=undefined, this_arg=undefined, *rest):
    """%TypedArray%.prototype.findLastIndex ( predicate [ , thisArg ] ) (23.2.3.14)."""
    n = _iterate_callback(this, fn, this_arg, "findLastIndex")
    f = fn.fn
    for k in range(n - 1, -1, -1):
        if ops.to_boolean(f(this_arg, this.get_index(k), float(k), this)):
            return float(k)
    return -1.0


def ta_fill(this, value=undefined, start=undefined, end=undefined, *rest):
    """%TypedArray%.prototype.fill ( value [ , start [ , end ] ] ) (23.2.3.9)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.fill")
    kind = this.kind
    num = _to_num(kind, value)
    k = _rel_index(start, n, 0)
    final = _rel_index(end, n, n)
    n = typed_array_length(this)
    if n < 0:
        throw_type_error("Cannot perform %%TypedArray%%.prototype.fill on %s" % _oob_words(this))
    final = min(final, n)
    if k < final:
        size = kind.size
        off = this.offset
        pattern = kind.pack(kind.conv(num))
        this.buffer.data[off + k * size:off + final * size] = pattern * (final - k)
    return this


def ta_filter(this, fn=undefined, this_arg=undefined, *rest):
    """%TypedArray%.prototype.filter ( callbackfn [ , thisArg ] ) (23.2.3.10)."""
    n = _iterate_callback(this, fn, this_arg, "filter")
    f = fn.fn
    kept = []
    for k in range(n):
        v = this.get_index(k)
        if ops.to_boolean(f(this_arg, v, float(k), this)):
            kept.append(v)
    a = typed_array_species_create(this, (float(len(kept)),), "%TypedArray%.prototype.filter")
    # Set(A, n, e, true): A is a typed array (validated), so each write is a
    # TypedArraySetElement: ToNumber/ToBigInt (an element read after a detach or shrink
    # is undefined), then a store where the index is still valid.
    kind = a.kind
    if all(type(v) is float for v in kept) and not kind.is_big:
        m = min(len(kept), max(typed_array_length(a), 0))
        _write_values(a, 0, kept[:m])
    else:
        for i, v in enumerate(kept):
            a.set_index(i, v)
    return a


def ta_includes(this, search=undefined, from_index=undefined, *rest):
    """%TypedArray%.prototype.includes ( searchElement [ , fromIndex ] ) (23.2.3.16)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.includes")
    if n == 0:
        return False
    k = _from_index(from_index, n)
    if k is None:
        return False
    cur = typed_array_length(this)
    vals = _read_values(this, k, min(n, cur)) if cur > k else []
    # Elements past the current length read as undefined (the buffer shrank).
    if search is undefined and len(vals) < n - k:
        return True
    for v in vals:
        if ops.same_value_zero(v, search):
            return True
    return False


def _from_index(from_index, n):
    r = ops.to_integer_or_infinity(from_index)
    if r == math.inf:
        return None
    if r == -math.inf:
        r = 0
    if r >= 0:
        return int(r) if r < n else None
    return max(n + int(r), 0)


def ta_index_of(this, search=undefined, from_index=undefined, *rest):
    """%TypedArray%.prototype.indexOf ( searchElement [ , fromIndex ] ) (23.2.3.17)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.indexOf")
    if n == 0:
        return -1.0
    k = _from_index(from_index, n)
    if k is None:
        return -1.0
    if type(search) is not float and type(search) is not JSBigInt:
        return -1.0
    cur = typed_array_length(this)
    end = min(n, cur)
    if end <= k:
        return -1.0
    for i, v in enumerate(_read_values(this, k, end)):
        if v == search and type(v) is type(search):
            return float(k + i)
    return -1.0


def ta_last_index_of(this, search=undefined, *args):
    """%TypedArray%.prototype.lastIndexOf ( searchElement [ , fromIndex ] ) (23.2.3.19)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.lastIndexOf")
    if n == 0:
        return -1.0
    if args:
        r = ops.to_integer_or_infinity(args[0])
        if r == -math.inf:
            return -1.0
        k = min(r, n - 1) if r >= 0 else n + r
        if k < 0:
            return -1.0
        k = int(k)
    else:
        k = n - 1
    if type(search) is not float and type(search) is not JSBigInt:
        return -1.0
    cur = typed_array_length(this)
    end = min(k + 1, cur)
    if end <= 0:
        return -1.0
    vals = _read_values(this, 0, end)
    for i in range(end - 1, -1, -1):
        v = vals[i]
        if v == search and type(v) is type(search):
            return float(i)
    return -1.0


def _element_strings(ta, n):
    cur = typed_array_length(ta)
    end = min(n, cur) if cur >= 0 else 0
    vals = _read_values(ta, 0, end) if end > 0 else []
    kind = ta.kind
    if kind.is_big:
        out = [str(v.v) for v in vals]
    elif kind.is_float:
        out = [number_to_string(v) for v in vals]
    else:
        out = ["%d" % v for v in vals]
    if end < n:
        out.extend([""] * (n - end))
    return out


def ta_join(this, separator=undefined, *rest):
    """%TypedArray%.prototype.join ( separator ) (23.2.3.18)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.join")
    sep = "," if separator is undefined else ops.to_string(separator)
    return sep.join(_element_strings(this, n))


def ta_map(this, fn=undefined, this_arg=undefined, *rest):
    """%TypedArray%.prototype.map ( callbackfn [ , thisArg ] ) (23.2.3.22)."""
    n = _iterate_callback(this, fn, this_arg, "map")
    a = typed_array_species_create(this, (float(n),), "%TypedArray%.prototype.map")
    f = fn.fn
    for k in range(n):
        mapped = f(this_arg, this.get_index(k), float(k), this)
        ops.set_or_throw(a, str(k), mapped)
    return a


def ta_reduce(this, fn=undefined, *args):
    """%TypedArray%.prototype.reduce ( callbackfn [ , initialValue ] ) (23.2.3.23)."""
    n = _iterate_callback(this, fn, undefined, "reduce")
    k = 0
    if args:
        acc = args[0]
    else:
        if n == 0:
            throw_type_error("Reduce of empty array with no initial value")
        acc = this.get_index(0)
        k = 1
    f = fn.fn
    while k < n:
        acc = f(undefined, acc, this.get_index(k), float(k), this)
        k += 1
    return acc


def ta_reduce_right(this, fn=undefined, *args):
    """%TypedArray%.prototype.reduceRight ( callbackfn [ , initialValue ] ) (23.2.3.24)."""
    n = _iterate_callback(this, fn, undefined, "reduceRight")
    k = n - 1
    if args:
        acc = args[0]
    else:
        if n == 0:
            throw_type_error("Reduce of empty array with no initial value")
        acc = this.get_index(k)
        k -= 1
    f = fn.fn
    while k >= 0:
        acc = f(undefined, acc, this.get_index(k), float(k), this)
        k -= 1
    return acc


def ta_reverse(this, *args):
    """%TypedArray%.prototype.reverse ( ) (23.2.3.25)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.reverse")
    if n > 1:
        kind = this.kind
        a = this.offset
        b = a + n * kind.size
        data = this.buffer.data
        if kind.size == 1:
            data[a:b] = data[a:b][::-1]
        else:
            arr = _array.array(_ARRAY_CODES[kind.code])
            arr.frombytes(bytes(data[a:b]))
            arr.reverse()
            data[a:b] = arr.tobytes()
    return this


def ta_set(this, source=undefined, offset=undefined, *rest):
    """%TypedArray%.prototype.set ( source [ , offset ] ) (23.2.3.26)."""
    target = _this_ta(this, "set")
    target_offset = ops.to_integer_or_infinity(offset)
    if target_offset < 0:
        throw_range_error("offset is out of bounds")
    if isinstance(source, JSTypedArray):
        _set_from_typed_array(target, target_offset, source)
    else:
        _set_from_array_like(target, target_offset, source)
    return undefined


def _set_from_typed_array(target, target_offset, source):
    """SetTypedArrayFromTypedArray (23.2.3.26.1)."""
    target_len = typed_array_length(target)
    if target_len < 0:
        throw_type_error("Cannot perform %%TypedArray%%.prototype.set on %s" % _oob_words(target))
    src_len = typed_array_length(source)
    if src_len < 0:
        throw_type_error("Cannot perform %%TypedArray%%.prototype.set on %s" % _oob_words(source))
    if target.kind.is_big != source.kind.is_big:
        throw_type_error("Content type of %s is incompatible with %s"
                         % (source.kind.name, target.kind.name))
    if target_offset == math.inf or src_len + target_offset > target_len:
        throw_range_error("offset is out of bounds")
    target_offset = int(target_offset)
    if source.kind is target.kind:
        size = target.kind.size
        s = source.offset
        raw = bytes(source.buffer.data[s:s + src_len * size])
        t = target.offset + target_offset * size
        target.buffer.data[t:t + len(raw)] = raw
    else:
        _write_values(target, target_offset, _read_values(source, 0, src_len))


def _set_from_array_like(target, target_offset, source):
    """SetTypedArrayFromArrayLike (23.2.3.26.2)."""
    target_len = typed_array_length(target)
    if target_len < 0:
        throw_type_error("Cannot perform %%TypedArray%%.prototype.set on %s" % _oob_words(target))
    src = ops.to_object(source)
    src_len = ops.length_of_array_like(src)
    if target_offset == math.inf or src_len + target_offset > target_len:
        throw_range_error("offset is out of bounds")
    target_offset = int(target_offset)
    kind = target.kind
    if type(src) is JSArray and src.arr is not None and not kind.is_big:
        a = src.arr
        if len(a) == src_len and all(type(v) is float for v in a):
            _write_values(target, target_offset, a)
            return
    for k in range(src_len):
        v = src.get(str(k), src)
        target.set_index(target_offset + k, v)


def ta_slice(this, start=undefined, end=undefined, *rest):
    """%TypedArray%.prototype.slice ( start, end ) (23.2.3.27)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.slice")
    k = _rel_index(start, n, 0)
    final = _rel_index(end, n, n)
    count = max(final - k, 0)
    a = typed_array_species_create(this, (float(count),), "%TypedArray%.prototype.slice")
    if count > 0:
        n = typed_array_length(this)
        if n < 0:
            throw_type_error("Cannot perform %%TypedArray%%.prototype.slice on %s"
                             % _oob_words(this))
        final = min(final, n)
        count = max(final - k, 0)
        if a.kind is this.kind:
            size = this.kind.size
            src = this.offset + k * size
            dst = a.offset
            limit = min(count * size, max(typed_array_length(a), 0) * size)
            sdata = this.buffer.data
            ddata = a.buffer.data
            if sdata is ddata and src < dst < src + limit:
                # The same buffer, overlapping: the spec copies byte by byte, forwards.
                for i in range(limit):
                    ddata[dst + i] = sdata[src + i]
            else:
                ddata[dst:dst + limit] = sdata[src:src + limit]
        else:
            idx = 0
            while k < final:
                ops.set_or_throw(a, str(idx), this.get_index(k))
                k += 1
                idx += 1
    return a


def _sort_values(vals, comparefn, kind):
    if comparefn is undefined:
        if kind.is_big:
            return sorted(vals, key=lambda b: b.v)
        if kind.is_float:
            return sorted(vals, key=_float_sort_key)
        return sorted(vals)
    import functools
    f = comparefn.fn

    def cmp(x, y):
        v = ops.to_number(f(undefined, x, y))
        if v != v:
            return 0
        return -1 if v < 0 else (1 if v > 0 else 0)
    return sorted(vals, key=functools.cmp_to_key(cmp))


def _float_sort_key(x):
    if x != x:
        return (2, 0.0)
    if x == 0.0:
        return (1, 0.0) if math.copysign(1.0, x) > 0 else (0, 0.0)
    return (0, x) if x < 0 else (1, x)


def ta_sort(this, comparefn=undefined, *rest):
    """%TypedArray%.prototype.sort ( comparefn ) (23.2.3.29)."""
    if comparefn is not undefined and not is_callable(comparefn):
        throw_type_error("The comparison function must be either a function or undefined")
    n = validate_typed_array(this, "%TypedArray%.prototype.sort")
    vals = _read_values(this, 0, n)
    out = _sort_values(vals, comparefn, this.kind)
    cur = typed_array_length(this)
    if cur >= 0:
        m = min(cur, n)
        _write_values(this, 0, out[:m])
    return this


def ta_subarray(this, start=undefined, end=undefined, *rest):
    """%TypedArray%.prototype.subarray ( start, end ) (23.2.3.30)."""
    o = _this_ta(this, "subarray")
    buffer = o.buffer
    src_len = typed_array_length(o)
    if src_len < 0:
        src_len = 0
    begin = _rel_index(start, src_len, 0)
    size = o.kind.size
    begin_byte = float(o.offset + begin * size)
    if o.alen is None and end is undefined:
        args = (buffer, begin_byte)
    else:
        final = _rel_index(end, src_len, src_len)
        args = (buffer, begin_byte, float(max(final - begin, 0)))
    realm = STATE.realm
    default = realm.intrinsics[o.kind.ctor_key]
    ctor = ops.species_constructor(o, default)
    result = typed_array_create_from_ctor(ctor, args, "%TypedArray%.prototype.subarray")
    if result.kind.is_big != o.kind.is_big:
        throw_type_error("Content type of %s is incompatible with %s"
                         % (result.kind.name, o.kind.name))
    return result


def ta_to_locale_string(this, *args):
    """%TypedArray%.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (23.2.3.31)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.toLocaleString")
    parts = []
    for k in range(n):
        v = this.get_index(k)
        if v is undefined or v is null:
            parts.append("")
        else:
            parts.append(ops.to_string(ops.invoke(v, "toLocaleString", *args[:2])))
    return ",".join(parts)


def ta_to_reversed(this, *args):
    """%TypedArray%.prototype.toReversed ( ) (23.2.3.32)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.toReversed")
    a = typed_array_create_same_type(this, n)
    vals = _read_values(this, 0, n)
    vals.reverse()
    _write_values(a, 0, vals)
    return a


def ta_to_sorted(this, comparefn=undefined, *rest):
    """%TypedArray%.prototype.toSorted ( comparefn ) (23.2.3.33)."""
    if comparefn is not undefined and not is_callable(comparefn):
        throw_type_error("The comparison function must be either a function or undefined")
    n = validate_typed_array(this, "%TypedArray%.prototype.toSorted")
    a = typed_array_create_same_type(this, n)
    out = _sort_values(_read_values(this, 0, n), comparefn, this.kind)
    _write_values(a, 0, out)
    return a


def ta_with(this, index=undefined, value=undefined, *rest):
    """%TypedArray%.prototype.with ( index, value ) (23.2.3.36)."""
    n = validate_typed_array(this, "%TypedArray%.prototype.with")
    r = ops.to_integer_or_infinity(index)
    actual = r if r >= 0 else n + r
    num = _to_num(this.kind, value)
    if actual == math.inf or actual == -math.inf or not this.valid_index(int(actual)):
        throw_range_error("Invalid typed array index")
    actual = int(actual)
    a = typed_array_create_same_type(this, n)
    cur = typed_array_length(this)
    vals = _read_values(this, 0, min(n, cur)) if cur > 0 else []
    if len(vals) < n and this.kind.is_float:
        vals.extend([math.nan] * (n - len(vals)))   # Get past the end is undefined -> NaN
    _write_values(a, 0, vals)
    a.set_index(actual, num)
    return a


def ta_to_string_fallback(this, *args):
    """Array.prototype.toString ( ) (23.1.3.36), used when the Array family has none."""
    o = ops.to_object(this)
    f = o.get("join", o)
    if not is_callable(f):
        from .core import op_to_string
        return op_to_string(o)
    return f.fn(o)


# ---------------------------------------------------------------------------
# DataView (25.3)
# ---------------------------------------------------------------------------

def data_view_call(this, *args):
    throw_type_error("Constructor DataView requires 'new'")


def data_view_construct(args, new_target):
    """DataView ( buffer [ , byteOffset [ , byteLength ] ] ) (25.3.2.1)."""
    buffer = args[0] if args else undefined
    byte_offset = args[1] if len(args) > 1 else undefined
    byte_length = args[2] if len(args) > 2 else undefined
    if not isinstance(buffer, JSArrayBuffer):
        throw_type_error("First argument to DataView constructor must be an ArrayBuffer")
    offset = _to_index(byte_offset, "Start offset %s is outside the bounds of the buffer")
    if buffer.data is None:
        throw_type_error("Cannot perform DataView constructor on a detached ArrayBuffer")
    buf_len = len(buffer.data)
    if offset > buf_len:
        throw_range_error("Start offset %d is outside the bounds of the buffer" % offset)
    fixed = buffer.max_len is None
    if byte_length is undefined:
        view_len = buf_len - offset if fixed else None
    else:
        view_len = _to_index(byte_length, "Invalid DataView length %s")
        if offset + view_len > buf_len:
            throw_range_error("Invalid DataView length %d" % view_len)
    proto = proto_from_ctor(new_target, "%DataView.prototype%")
    # 11-14: the prototype lookup may have run JS that detached or shrank the buffer.
    if buffer.data is None:
        throw_type_error("Cannot perform DataView constructor on a detached ArrayBuffer")
    buf_len = len(buffer.data)
    if offset > buf_len:
        throw_range_error("Start offset %d is outside the bounds of the buffer" % offset)
    if byte_length is not undefined and offset + view_len > buf_len:
        throw_range_error("Invalid DataView length %d" % view_len)
    return JSDataView(proto, buffer, offset, view_len)


def _this_dv(this, what):
    if not isinstance(this, JSDataView):
        throw_type_error("Method DataView.prototype.%s called on incompatible receiver %s"
                         % (what, ops.to_display_string(this)
                            if not isinstance(this, JSObject) else ops.describe(this)))
    return this


def dv_buffer(this, *args):
    """get DataView.prototype.buffer (25.3.4.1)."""
    return _this_dv(this, "buffer").buffer


def dv_byte_length(this, *args):
    """get DataView.prototype.byteLength (25.3.4.2)."""
    n = view_byte_length(_this_dv(this, "byteLength"))
    if n < 0:
        throw_type_error("Cannot perform DataView.prototype.byteLength on %s"
                         % ("a detached ArrayBuffer" if this.buffer.data is None
                            else "an out-of-bounds DataView"))
    return float(n)


def dv_byte_offset(this, *args):
    """get DataView.prototype.byteOffset (25.3.4.3)."""
    if view_byte_length(_this_dv(this, "byteOffset")) < 0:
        throw_type_error("Cannot perform DataView.prototype.byteOffset on %s"
                         % ("a detached ArrayBuffer" if this.buffer.data is None
                            else "an out-of-bounds DataView"))
    return float(this.offset)


_DV_STRUCTS = {}
for _name, _code, _size in (("Int8", "b", 1), ("Uint8", "B", 1), ("Int16", "h", 2),
                            ("Uint16", "H", 2), ("Int32", "i", 4), ("Uint32", "I", 4),
                            ("Float32", "f", 4), ("Float64", "d", 8),
                            ("BigInt64", "q", 8), ("BigUint64", "Q", 8)):
    _DV_STRUCTS[_name] = (struct.Struct("<" + _code), struct.Struct(">" + _code), _size,
                          _KINDS_BY_NAME[_name + "Array"])
del _name, _code, _size


class DataViewAccessor:
    """GetViewValue / SetViewValue (25.3.1.5-6) for one element type."""
    __slots__ = ("type", "setter")

    def __init__(self, type_, setter):
        self.type = type_
        self.setter = setter

    def __reduce__(self):
        return (DataViewAccessor, (self.type, self.setter))

    def __call__(self, this, index=undefined, *args):
        method = ("set" if self.setter else "get") + self.type
        view = _this_dv(this, method)
        get_index = _to_index(index, "Offset is outside the bounds of the DataView")
        le_st, be_st, size, kind = _DV_STRUCTS[self.type]
        if self.setter:
            value = args[0] if args else undefined
            num = to_bigint(value) if kind.is_big else ops.to_number(value)
            little = ops.to_boolean(args[1]) if len(args) > 1 else False
        else:
            little = ops.to_boolean(args[0]) if args else False
        view_size = view_byte_length(view)
        if view_size < 0:
            throw_type_error("Cannot perform DataView.prototype.%s on %s"
                             % (method, "a detached ArrayBuffer" if view.buffer.data is None
                                else "an out-of-bounds DataView"))
        if get_index + size > view_size:
            throw_range_error("Offset is outside the bounds of the DataView")
        st = le_st if little else be_st
        pos = view.offset + get_index
        if self.setter:
            st.pack_into(view.buffer.data, pos, kind.conv(num))
            return undefined
        v = st.unpack_from(view.buffer.data, pos)[0]
        return kind.to_js(v)


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

TYPED_ARRAY_PROTO_METHODS = (
    ("at", ta_at, 1),
    ("copyWithin", ta_copy_within, 2),
    ("entries", ta_entries, 0),
    ("every", ta_every, 1),
    ("fill", ta_fill, 1),
    ("filter", ta_filter, 1),
    ("find", ta_find, 1),
    ("findIndex", ta_find_index, 1),
    ("findLast", ta_find_last, 1),
    ("findLastIndex", ta_find_last_index, 1),
    ("forEach", ta_for_each, 1),
    ("includes", ta_includes, 1),
    ("indexOf", ta_index_of, 1),
    ("join", ta_join, 1),
    ("keys", ta_keys, 0),
    ("lastIndexOf", ta_last_index_of, 1),
    ("map", ta_map, 1),
    ("reduce", ta_reduce, 1),
    ("reduceRight", ta_reduce_right, 1),
    ("reverse", ta_reverse, 0),
    ("set", ta_set, 1),
    ("slice", ta_slice, 2),
    ("some", ta_some, 1),
    ("sort", ta_sort, 1),
    ("subarray", ta_subarray, 2),
    ("toLocaleString", ta_to_locale_string, 0),
    ("toReversed", ta_to_reversed, 0),
    ("toSorted", ta_to_sorted, 1),
    ("values", ta_values, 0),
    ("with", ta_with, 2),
)

TYPED_ARRAY_PROTO_GETTERS = (
    ("buffer", ta_buffer, None),
    ("byteLength", ta_byte_length, None),
    ("byteOffset", ta_byte_offset, None),
    ("length", ta_length, None),
    (SYM_TO_STRING_TAG, ta_to_string_tag, None),
)

ARRAY_BUFFER_PROTO_METHODS = (
    ("resize", ab_resize, 1),
    ("slice", ab_slice, 2),
    ("transfer", ab_transfer, 0),
    ("transferToFixedLength", ab_transfer_fixed, 0),
)

ARRAY_BUFFER_PROTO_GETTERS = (
    ("byteLength", ab_byte_length, None),
    ("detached", ab_detached, None),
    ("maxByteLength", ab_max_byte_length, None),
    ("resizable", ab_resizable, None),
)

DATA_VIEW_PROTO_GETTERS = (
    ("buffer", dv_buffer, None),
    ("byteLength", dv_byte_length, None),
    ("byteOffset", dv_byte_offset, None),
)


def setup(realm):
    intr = realm.intrinsics
    g = realm.global_object
    op = intr["%Object.prototype%"]

    # ArrayBuffer (25.1.4-25.1.6)
    abp = JSObject(op)
    ab = make_constructor(realm, "ArrayBuffer", array_buffer_call, array_buffer_construct, 1,
                          abp, "%ArrayBuffer.prototype%")
    intr["%ArrayBuffer%"] = ab
    define_methods(realm, ab, [("isView", array_buffer_is_view, 1)])
    define_getters(realm, ab, [(SYM_SPECIES, species_getter, None)])
    define_methods(realm, abp, ARRAY_BUFFER_PROTO_METHODS)
    define_getters(realm, abp, ARRAY_BUFFER_PROTO_GETTERS)
    abp._store(SYM_TO_STRING_TAG, "ArrayBuffer", C)
    g._store("ArrayBuffer", ab, W | C)

    # %TypedArray% (23.2.1-23.2.3)
    tap = JSObject(op)
    ta = make_constructor(realm, "TypedArray", typed_array_intrinsic_call,
                          typed_array_intrinsic_construct, 0, tap, "%TypedArray.prototype%")
    intr["%TypedArray%"] = ta
    define_methods(realm, ta, [("from", typed_array_from, 1), ("of", typed_array_of, 0)])
    define_getters(realm, ta, [(SYM_SPECIES, species_getter, None)])
    m = define_methods(realm, tap, TYPED_ARRAY_PROTO_METHODS)
    define_getters(realm, tap, TYPED_ARRAY_PROTO_GETTERS)
    tap._store(SYM_ITERATOR, m["values"], W | C)
    ats = intr.get("%Array.prototype.toString%")
    if ats is None:
        ats = make_native(realm, "toString", ta_to_string_fallback, 0)
    tap._store("toString", ats, W | C)

    # The concrete constructors (23.2.5-23.2.7)
    for kind in KINDS:
        p = JSObject(tap)
        c = TypedArrayCtor(kind.name)
        f = make_constructor(realm, kind.name, c.call, c.construct, 3, p, kind.proto_key)
        f.proto = ta
        f._store("BYTES_PER_ELEMENT", float(kind.size), 0)
        p._store("BYTES_PER_ELEMENT", float(kind.size), 0)
        intr[kind.ctor_key] = f
        g._store(kind.name, f, W | C)

    # DataView (25.3.2-25.3.4)
    dvp = JSObject(op)
    dv = make_constructor(realm, "DataView", data_view_call, data_view_construct, 1, dvp,
                          "%DataView.prototype%")
    intr["%DataView%"] = dv
    define_getters(realm, dvp, DATA_VIEW_PROTO_GETTERS)
    rows = []
    for t in _DV_TYPES:
        rows.append(("get" + t, DataViewAccessor(t, False), 1))
    for t in _DV_TYPES:
        rows.append(("set" + t, DataViewAccessor(t, True), 2))
    define_methods(realm, dvp, rows)
    dvp._store(SYM_TO_STRING_TAG, "DataView", C)
    g._store("DataView", dv, W | C)
