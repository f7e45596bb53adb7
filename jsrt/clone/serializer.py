"""StructuredSerializeInternal / StructuredSerializeWithTransfer (HTML 2.7.3-2.7.5)
for JS values, written straight into the binary format of :mod:`jsrt.clone.format`.

https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal

The record tree of the spec is never built: each value is written as it is met, depth
first, with an explicit stack (no Python recursion, so any depth works).  The spec's
"memory" is ``memo`` (object -> object id, or a transfer index); the order in which
ids are given out is the order in which the decoder creates objects.

Observable order (getters run, keys are listed) follows the spec: an object's
enumerable own string keys are listed when the object is first met, then each key
is checked with HasOwnProperty and read with [[Get]] in turn, and each value is
serialized before the next key is read.  A property that disappeared in between is
written as ABSENT.
"""

import struct

from ..runtime.values import undefined, null, MISSING, HOLE, Symbol, JSBigInt
from ..runtime.objects import (JSObject, JSArray, JSFunction, JSPrimitiveObject, JSStringObject,
                               JSErrorObject, JSDateObject, JSArguments, Accessor, ordered_keys,
                               E, WEC)
from ..runtime import ops
from ..builtins.typedarray import (JSArrayBuffer, JSTypedArray, JSDataView, typed_array_length,
                                   view_byte_length, detach_array_buffer)
from .errors import DataCloneError, UnserializableError, MESSAGES, format_path
from .format import TAGS, ERROR_NAMES, SMALL_LEN, len_bytes, build

__all__ = ["Serializer", "serialize_js"]

_pack_num = struct.Struct("<Bd").pack
_pack_d = struct.Struct("<d").pack

T_NUMBER = TAGS["NUMBER"]
_B = {name: bytes([tag]) for name, tag in TAGS.items()}
B_UNDEFINED, B_NULL, B_TRUE, B_FALSE = _B["UNDEFINED"], _B["NULL"], _B["TRUE"], _B["FALSE"]
B_HOLE, B_ABSENT, B_REF, B_TRANSFER = _B["HOLE"], _B["ABSENT"], _B["REF"], _B["TRANSFER"]
B_OBJECT, B_ARRAY = _B["OBJECT"], _B["ARRAY"]
#: STRING tag + LEN for short strings, precomputed.
STR_HEAD = tuple(_B["STRING"] + SMALL_LEN[n] for n in range(254))
B_STRING = _B["STRING"]
#: OBJECT/ARRAY headers of dense plain arrays (length == dense count, no extra keys).
ARRAY_HEAD = tuple(B_ARRAY + SMALL_LEN[n] + SMALL_LEN[n] + b"\x00" for n in range(254))
NUMBER_ARRAY_HEAD = tuple(_B["NUMBER_ARRAY"] + SMALL_LEN[n] for n in range(254))
_FLOAT_ONLY = {float}
_ERROR_INDEX = {n: i for i, n in enumerate(ERROR_NAMES)}

# Frame kinds of the explicit stack.  A frame is a list:
# [kind, container, iterator, current label, extra keys (arrays)]
F_LIST = 0      # precomputed values (the root, Map entries, Set values)
F_OBJ = 1       # an ordinary object: its key list, values read from its storage
F_GEN = 2       # any other object: [[GetOwnProperty]] then [[Get]] per key
F_ARR = 3       # the dense part of an Array, then its other keys as F_GEN


class Serializer:
    """One serialization: the output, the memory, the shape and key tables."""
    __slots__ = ("realm", "out", "strs", "memo", "next_id", "shapes", "shape_cache", "keys",
                 "for_storage", "map_cls", "set_cls")

    def __init__(self, realm, for_storage=False):
        self.realm = realm
        self.out = bytearray()
        self.strs = []
        self.memo = {}
        self.next_id = 0
        self.shapes = {}          # keys tuple -> shape index
        self.shape_cache = {}     # tuple(props) of a plain object -> its keys tuple
        self.keys = {}            # key -> key index
        self.for_storage = for_storage

    # -- transfer -----------------------------------------------------------------------
    def prepare_transfer(self, transfer):
        """StructuredSerializeWithTransfer steps 1-2: check the list, fill the memory."""
        if transfer and self.for_storage:
            raise DataCloneError(MESSAGES["storage_transfer"])
        buffers = []
        for i, t in enumerate(transfer):
            if not isinstance(t, JSArrayBuffer):
                raise DataCloneError(MESSAGES["transfer_type"] % i)
            if t in self.memo:
                raise DataCloneError(MESSAGES["transfer_dup"] % i)
            self.memo[t] = -(i + 1)
            buffers.append(t)
        return buffers

    @staticmethod
    def finish_transfer(buffers):
        """Steps 4-5: every buffer must still be attached; detach them all.

        Returns the transfer data holders: (bytearray, max_len or None)."""
        for i, b in enumerate(buffers):
            if b.data is None:
                raise DataCloneError(MESSAGES["transfer_detached"] % i)
        holders = []
        for b in buffers:
            max_len = b.max_len
            holders.append((detach_array_buffer(b), max_len))   # ? DetachArrayBuffer
        return holders

    # -- output helpers -------------------------------------------------------------------
    def _new_id(self, o):
        self.memo[o] = self.next_id
        self.next_id += 1

    def _string(self, s):
        n = len(s)
        self.out += STR_HEAD[n] if n < 254 else B_STRING + len_bytes(n)
        self.strs.append(s)

    def _shape(self, keys):
        """Write SHAPE for a tuple of keys."""
        out = self.out
        if not keys:
            out += b"\x00"
            return
        idx = self.shapes.get(keys)
        if idx is not None:
            out += len_bytes(2 * idx + 1)
            return
        self.shapes[keys] = len(self.shapes)
        out += len_bytes(2 * len(keys))
        table = self.keys
        strs = self.strs
        for k in keys:
            ki = table.get(k)
            if ki is None:
                table[k] = len(table)
                out += len_bytes(2 * len(k))
                strs.append(k)
            else:
                out += len_bytes(2 * ki + 1)

    # -- the main loop ----------------------------------------------------------------------
    def run(self, root):
        """Serialize root; return (structure bytes, joined strings)."""
        out = self.out
        strs = self.strs
        emit = self._emit
        begin = self._begin
        pack_num = _pack_num
        str_head = STR_HEAD
        t_obj = JSObject
        t_arr = JSArray
        stack = [[F_LIST, None, enumerate((root,)), None, None]]
        try:
            while stack:
                f = stack[-1]
                kind = f[0]
                it = f[2]
                pushed = None
                if kind == F_OBJ:
                    o = f[1]
                    get = o.props.get
                    for key in it:
                        v = get(key, MISSING)
                        t = type(v)
                        if t is float:
                            out += pack_num(T_NUMBER, v)
                            continue
                        if t is str:
                            n = len(v)
                            out += str_head[n] if n < 254 else B_STRING + len_bytes(n)
                            strs.append(v)
                            continue
                        f[3] = key
                        if t is t_obj or t is t_arr:
                            pushed = begin(v)
                        elif v is MISSING:
                            out += B_ABSENT
                            continue
                        else:
                            if t is Accessor:
                                g = v.get
                                v = undefined if g is undefined else g.fn(o)
                            pushed = emit(v)
                        if pushed is not None:
                            break
                    else:
                        stack.pop()
                        continue
                elif kind == F_LIST:
                    for i, v in it:
                        t = type(v)
                        if t is float:
                            out += pack_num(T_NUMBER, v)
                            continue
                        if t is str:
                            n = len(v)
                            out += str_head[n] if n < 254 else B_STRING + len_bytes(n)
                            strs.append(v)
                            continue
                        f[3] = i
                        pushed = begin(v) if t is t_obj or t is t_arr else emit(v)
                        if pushed is not None:
                            break
                    else:
                        stack.pop()
                        continue
                elif kind == F_ARR:
                    o = f[1]
                    holes = f[4][1]
                    for i in it:
                        a = o.arr
                        if a is not None and i < len(a):
                            v = a[i]
                            if v is HOLE or (holes is not None and i in holes):
                                out += B_HOLE
                                continue
                        else:
                            key = str(i)
                            if o.get_own_property(key) is None or \
                                    (holes is not None and i in holes):
                                out += B_HOLE
                                continue
                            f[3] = i
                            v = o.get(key, o)
                        t = type(v)
                        if t is float:
                            out += pack_num(T_NUMBER, v)
                            continue
                        if t is str:
                            n = len(v)
                            out += str_head[n] if n < 254 else B_STRING + len_bytes(n)
                            strs.append(v)
                            continue
                        f[3] = i
                        pushed = begin(v) if t is t_obj or t is t_arr else emit(v)
                        if pushed is not None:
                            break
                    else:
                        extra = f[4][0]
                        if extra:
                            f[0] = F_GEN
                            f[2] = iter(extra)
                        else:
                            stack.pop()
                        continue
                else:  # F_GEN
                    o = f[1]
                    for key in it:
                        f[3] = key
                        if o.get_own_property(key) is None:
                            out += B_ABSENT
                            continue
                        pushed = emit(o.get(key, o))
                        if pushed is not None:
                            break
                    else:
                        stack.pop()
                        continue
                stack.append(pushed)
        except UnserializableError as e:
            if e.path == "value":
                e.path = self._path(stack)
                e.args = ("%s (at %s)" % (e.what, e.path) if e.path != "value" else e.what,)
            raise
        return bytes(out), "".join(strs)

    @staticmethod
    def _path(stack):
        parts = []
        for depth, f in enumerate(stack):
            label = f[3]
            if depth == 0 and f[1] is None:
                continue        # the root frame
            c = f[1]
            cls = getattr(c, "cls", "")
            if f[0] == F_LIST and cls == "Map":
                parts.append("<Map entry %d %s>" % (label // 2, "key" if label % 2 == 0
                                                      else "value"))
            elif f[0] == F_LIST and cls == "Set":
                parts.append("<Set entry %d>" % label)
            elif label is not None:
                if type(label) is str and isinstance(c, JSArray):
                    from ..runtime.objects import array_index
                    i = array_index(label)
                    parts.append(i if i >= 0 else label)
                else:
                    parts.append(label)
        return format_path(parts)

    # -- one value -----------------------------------------------------------------------------
    def _emit(self, v):
        """Write one value; return a new frame when it is a container with items."""
        t = type(v)
        out = self.out
        if t is float:
            out += _pack_num(T_NUMBER, v)
        elif t is str:
            self._string(v)
        elif t is bool:
            out += B_TRUE if v else B_FALSE
        elif v is undefined:
            out += B_UNDEFINED
        elif v is null:
            out += B_NULL
        elif t is JSBigInt:
            out += _B["BIGINT"]
            self._bigint(v.v)
        elif t is Symbol:
            raise UnserializableError(MESSAGES["symbol"] % _describe(v))
        elif isinstance(v, JSObject):
            return self._emit_object(v)
        else:
            raise UnserializableError("a host value of type %s could not be cloned"
                                      % type(v).__name__)
        return None

    def _bigint(self, n):
        raw = n.to_bytes((n.bit_length() + 8) // 8, "little", signed=True) if n else b""
        self.out += len_bytes(len(raw))
        self.out += raw

    def _emit_object(self, o):
        m = self.memo.get(o)
        out = self.out
        if m is not None:
            if m >= 0:
                out += B_REF
                out += len_bytes(m)
            else:
                out += B_TRANSFER
                out += len_bytes(-m - 1)
            return None
        t = type(o)
        if t is JSObject or t is JSArray:
            return self._begin(o)
        if isinstance(o, JSFunction):
            raise UnserializableError(MESSAGES["function"] % _describe(o))
        if t is JSPrimitiveObject or isinstance(o, JSPrimitiveObject):
            pv = o.value
            tv = type(pv)
            if tv is bool:
                self._new_id(o)
                out += _B["BOOLEAN_OBJECT"]
                out += b"\x01" if pv else b"\x00"
            elif tv is float:
                self._new_id(o)
                out += _B["NUMBER_OBJECT"]
                out += _pack_d(pv)
            elif tv is JSBigInt:
                self._new_id(o)
                out += _B["BIGINT_OBJECT"]
                self._bigint(pv.v)
            else:
                raise UnserializableError(MESSAGES["slots"] % _describe(o))
            return None
        if isinstance(o, JSStringObject):
            self._new_id(o)
            out += _B["STRING_OBJECT"]
            s = o.value
            out += len_bytes(len(s))
            self.strs.append(s)
            return None
        if isinstance(o, JSDateObject):
            self._new_id(o)
            out += _B["DATE"]
            out += _pack_d(o.tv)
            return None
        if isinstance(o, JSArrayBuffer):
            self._emit_buffer(o)
            return None
        if isinstance(o, (JSTypedArray, JSDataView)):
            self._emit_view(o)
            return None
        if isinstance(o, JSErrorObject):
            self._emit_error(o)
            return None
        cls = o.cls
        if cls == "Map" and hasattr(o, "entries"):
            self._new_id(o)
            entries = o.entries()
            out += _B["MAP"]
            out += len_bytes(len(entries))
            if not entries:
                return None
            flat = []
            for k, v in entries:
                flat.append(k)
                flat.append(v)
            return [F_LIST, o, enumerate(flat), None, None]
        if cls == "Set" and hasattr(o, "values"):
            self._new_id(o)
            values = list(o.values())
            out += _B["SET"]
            out += len_bytes(len(values))
            if not values:
                return None
            return [F_LIST, o, enumerate(values), None, None]
        if cls == "RegExp" and type(getattr(o, "source", None)) is str:
            # [[OriginalSource]] and [[OriginalFlags]] (the attribute ``flags`` of a
            # JSObject is its property-attribute table, hence ``original_flags``).
            flags = getattr(o, "original_flags", None)
            if type(flags) is not str:
                raise UnserializableError(MESSAGES["slots"] % _describe(o))
            self._new_id(o)
            src = o.source
            out += _B["REGEXP"]
            out += len_bytes(len(src))
            out += len_bytes(len(flags))
            self.strs.append(src)
            self.strs.append(flags)
            return None
        if cls == "DOMException" and hasattr(o, "exc_name"):
            self._new_id(o)
            out += _B["DOM_EXCEPTION"]
            out += len_bytes(len(o.exc_name))
            out += len_bytes(len(o.exc_message))
            self.strs.append(o.exc_name)
            self.strs.append(o.exc_message)
            return None
        if cls == "RealmSnapshot":
            snap = _snapshot_of(o)
            if snap is not None:
                raw = snap.to_bytes()
                self._new_id(o)
                out += _B["REALM_SNAPSHOT"]
                out += len_bytes(len(raw))
                out += raw
                return None
        if isinstance(o, JSArguments):
            return self._begin_generic(o)
        if o.exotic:
            raise UnserializableError(MESSAGES["exotic"] % _describe(o))
        if getattr(o, "platform", False):
            raise UnserializableError(MESSAGES["platform"] % _describe(o))
        raise UnserializableError(MESSAGES["slots"] % _describe(o))

    def _begin(self, o):
        """Start an object of type exactly JSObject or JSArray (the common containers)."""
        memo = self.memo
        m = memo.get(o)
        out = self.out
        if m is not None:
            if m >= 0:
                out += B_REF
                out += SMALL_LEN[m] if m < 254 else len_bytes(m)
            else:
                out += B_TRANSFER
                out += len_bytes(-m - 1)
            return None
        if type(o) is JSArray:
            a = o.arr
            if a is None or o.props:
                return self._begin_array(o)
            n = len(a)
            if n and type(a[0]) is float and set(map(type, a)) == _FLOAT_ONLY:
                memo[o] = self.next_id
                self.next_id += 1
                out += NUMBER_ARRAY_HEAD[n] if n < 254 else _B["NUMBER_ARRAY"] + len_bytes(n)
                out += struct.pack("<%dd" % n, *a)
                return None
            if n >= 254 or HOLE in a:
                return self._begin_array(o)
            memo[o] = self.next_id
            self.next_id += 1
            out += ARRAY_HEAD[n]
            if not n:
                return None
            return [F_ARR, o, iter(range(n)), None, ((), None)]
        if o.flags is not None:
            return self._begin_object(o)
        memo[o] = self.next_id
        self.next_id += 1
        ks = tuple(o.props)
        ent = self.shape_cache.get(ks)
        if ent is None:
            keys = _string_keys(o.props, None)
            ent = self.shape_cache[ks] = [ks if keys == ks else keys, None]
        keys, head = ent
        if head is None:
            out += B_OBJECT
            self._shape(keys)
            if keys:
                ent[1] = B_OBJECT + len_bytes(2 * self.shapes[keys] + 1)
            else:
                ent[1] = B_OBJECT + b"\x00"
        else:
            out += head
        if not keys:
            return None
        return [F_OBJ, o, iter(keys), None, None]

    def _begin_object(self, o):
        """An ordinary object with attribute flags: OBJECT, its shape; then its values."""
        self._new_id(o)
        keys = _string_keys(o.props, o.flags)
        self.out += B_OBJECT
        self._shape(keys)
        if not keys:
            return None
        return [F_OBJ, o, iter(keys), None, None]

    def _begin_generic(self, o):
        """Any other object serialized as a plain one (arguments objects)."""
        self._new_id(o)
        keys = []
        for k in o.own_keys():
            if type(k) is str:
                d = o.get_own_property(k)
                if d is not None and d.enumerable:
                    keys.append(k)
        keys = tuple(keys)
        self.out += B_OBJECT
        self._shape(keys)
        if not keys:
            return None
        return [F_GEN, o, iter(keys), None, None]

    def _begin_array(self, o):
        """ARRAY length, dense count, extra keys; then elements (frame F_ARR)."""
        self._new_id(o)
        a = o.arr
        if a is not None:
            length = n = len(a)
            holes = None
            if HOLE in a:
                holes = frozenset(i for i, v in enumerate(a) if v is HOLE)
            props = o.props
            extra = _string_keys(props, o.flags) if props else ()
        else:
            length = o.alen
            n = 0
            holes = None
            extra = _string_keys(o.props, o.flags)
        out = self.out
        out += B_ARRAY
        out += len_bytes(length)
        out += len_bytes(n)
        self._shape(extra)
        if n == 0 and not extra:
            return None
        if n == 0:
            return [F_GEN, o, iter(extra), None, None]
        return [F_ARR, o, iter(range(n)), None, (extra, holes)]

    def _emit_buffer(self, b):
        """An ArrayBuffer (a leaf): ARRAY_BUFFER or RESIZABLE_ARRAY_BUFFER."""
        m = self.memo.get(b)
        out = self.out
        if m is not None:
            if m >= 0:
                out += B_REF
                out += len_bytes(m)
            else:
                out += B_TRANSFER
                out += len_bytes(-m - 1)
            return
        data = b.data
        if data is None:
            raise UnserializableError(MESSAGES["detached"])
        self._new_id(b)
        if b.max_len is None:
            out += _B["ARRAY_BUFFER"]
            out += len_bytes(len(data))
        else:
            out += _B["RESIZABLE_ARRAY_BUFFER"]
            out += len_bytes(len(data))
            out += len_bytes(b.max_len)
        out += data

    def _emit_view(self, v):
        """A typed array or DataView: the buffer first (it gets the lower id)."""
        out = self.out
        if isinstance(v, JSTypedArray):
            if typed_array_length(v) < 0:
                raise UnserializableError(MESSAGES["oob"] % _describe(v))
            out += _B["TYPED_ARRAY"]
            out += bytes([v.kind.index])
            self._emit_buffer(v.buffer)
            self._new_id(v)
            out += len_bytes(v.offset)
            if v.alen is None:
                out += b"\x01"
            else:
                out += b"\x00"
                out += len_bytes(v.alen)
        else:
            if view_byte_length(v) < 0:
                raise UnserializableError(MESSAGES["oob"] % _describe(v))
            out += _B["DATA_VIEW"]
            self._emit_buffer(v.buffer)
            self._new_id(v)
            out += len_bytes(v.offset)
            if v.blen is None:
                out += b"\x01"
            else:
                out += b"\x00"
                out += len_bytes(v.blen)

    def _emit_error(self, o):
        """An Error: name clamped to the seven native names, own message, own stack."""
        # 1. name = ? Get(value, "name"); not one of the seven natives -> "Error".
        name = o.get("name", o)
        idx = _ERROR_INDEX.get(name, 0) if type(name) is str else 0
        # 2. message only if an own data property; ToString may run JS.
        d = o.get_own_property("message")
        message = None
        if d is not None and d.is_data():
            message = ops.to_string(d.value)
        stack = None
        sd = o.get_own_property("stack")
        if sd is not None and sd.is_data() and type(sd.value) is str:
            stack = sd.value
        self._new_id(o)
        out = self.out
        out += _B["ERROR"]
        out += bytes([idx, (1 if message is not None else 0) | (2 if stack is not None else 0)])
        if message is not None:
            out += len_bytes(len(message))
            self.strs.append(message)
        if stack is not None:
            out += len_bytes(len(stack))
            self.strs.append(stack)


def _string_keys(props, flags):
    """EnumerableOwnProperties(O, key) of ordinary storage, as a tuple."""
    keys = ordered_keys(props)
    if flags is None:
        return tuple(k for k in keys if type(k) is str)
    return tuple(k for k in keys if type(k) is str and flags.get(k, WEC) & E)


def _snapshot_of(o):
    for name in ("snapshot", "snap", "value"):
        s = getattr(o, name, None)
        if s is not None and hasattr(s, "to_bytes"):
            return s
    return None


def _describe(v):
    if type(v) is Symbol:
        d = v.description
        return "Symbol(%s)" % ("" if d is undefined else d)
    if isinstance(v, JSFunction):
        return ops.describe(v)
    if isinstance(v, JSObject):
        cls = getattr(v, "cls", "Object")
        return "#<%s>" % (cls if isinstance(cls, str) and cls != "Object" else ops._ctor_name(v))
    return ops.describe(v)


def serialize_js(realm, value, transfer=(), for_storage=False, in_band=True):
    """StructuredSerializeWithTransfer: (bytes, transfer holders).

    With ``in_band`` the transferred bytes are written into the result (they cross
    a process boundary) and the holders list is empty; otherwise the holders are
    returned for :func:`jsrt.clone.deserialize` in the same process (no copy)."""
    s = Serializer(realm, for_storage)
    buffers = s.prepare_transfer(list(transfer)) if transfer else []
    structure, joined = s.run(value)
    holders = Serializer.finish_transfer(buffers) if buffers else []
    if in_band:
        return build(structure, joined, holders), []
    return build(structure, joined, None), holders
