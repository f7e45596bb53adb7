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

Speed: the values of an object (or the elements of an Array, or the entries of a
Map) are read once when it starts, and the runs of simple values among them
(Numbers, Strings, booleans, null, undefined, holes) are written in bulk with C-level
calls.  This is exact as long as no JS code runs; the serializer counts every call
that can run JS (getters, an Error's "name") in ``epoch``, and a container whose
values were read before such a call re-reads the rest one by one, as the spec says.
"""

import itertools
import struct
from collections import defaultdict

from ..runtime.values import undefined, null, MISSING, HOLE, Symbol, JSBigInt, Undefined, Null
from ..runtime.objects import (JSObject, JSArray, JSFunction, JSPrimitiveObject, JSStringObject,
                               JSErrorObject, JSDateObject, JSArguments, Accessor, ordered_keys,
                               array_index, E, WEC)
from ..runtime import ops
from ..builtins.typedarray import (JSArrayBuffer, JSTypedArray, JSDataView, typed_array_length,
                                   view_byte_length, detach_array_buffer)
from .errors import DataCloneError, UnserializableError, MESSAGES, format_path
from .format import TAGS, ERROR_NAMES, SMALL_LEN, len_bytes, build

__all__ = ["Serializer", "serialize_js"]

_pack_d = struct.Struct("<d").pack
_B = {name: bytes([tag]) for name, tag in TAGS.items()}
B_UNDEFINED, B_NULL, B_TRUE, B_FALSE = _B["UNDEFINED"], _B["NULL"], _B["TRUE"], _B["FALSE"]
B_HOLE, B_ABSENT, B_REF, B_TRANSFER = _B["HOLE"], _B["ABSENT"], _B["REF"], _B["TRANSFER"]
B_OBJECT, B_ARRAY, B_NUMBER, B_STRING = _B["OBJECT"], _B["ARRAY"], _B["NUMBER"], _B["STRING"]
B_DATE = _B["DATE"]
#: ARRAY headers of dense plain arrays (length == dense count, no extra keys).
ARRAY_HEAD = tuple(B_ARRAY + SMALL_LEN[n] + SMALL_LEN[n] + b"\x00" for n in range(254))
NUMBER_ARRAY_HEAD = tuple(_B["NUMBER_ARRAY"] + SMALL_LEN[n] for n in range(254))
STRING_ARRAY_HEAD = tuple(_B["STRING_ARRAY"] + SMALL_LEN[n] for n in range(254))
#: Containers with at least this many values write their runs of simple values in
#: bulk (C-level calls); smaller ones value by value (cheaper below this size).
BULK_MIN = 16
#: How deep _start may start nested containers itself before leaving them to the stack.
START_DEPTH = 16
_ERROR_INDEX = {n: i for i, n in enumerate(ERROR_NAMES)}
_FLOAT_ONLY = {float}
_STR_ONLY = {str}

# The tag of each simple value by type (0: not simple; 1: a boolean, resolved by value).
_BOOL = 1
SIMPLE_TAG = defaultdict(int)
SIMPLE_TAG.update({float: TAGS["NUMBER"], str: TAGS["STRING"], Undefined: TAGS["UNDEFINED"],
                   Null: TAGS["NULL"], bool: _BOOL, type(HOLE): TAGS["HOLE"]})
_T_TRUE, _T_FALSE = TAGS["TRUE"], TAGS["FALSE"]
_chain = itertools.chain.from_iterable
_is_float = float.__instancecheck__
_is_str = str.__instancecheck__

# Frame kinds of the explicit stack.
F_VALS = 0      # values read up front: an object's, an Array's elements, Map/Set entries
F_LAZY_OBJ = 1  # an ordinary object whose remaining values must be re-read (JS ran)
F_LAZY_ARR = 2  # the same for the remaining elements of an Array
F_GEN = 3       # any other object: [[GetOwnProperty]] then [[Get]] per key

# Frame layout: a list
#   [kind, container, values, tags, next index, epoch, labels, extra keys, label]
# labels: the keys (objects), None (arrays: the index is the label), or a tag naming
# the container ("map", "set", "root"); extra keys: an Array's non-index keys.


def _tags_of(vals):
    """The bytes of simple tags for vals (0 where a value is not simple)."""
    tb = bytes(map(SIMPLE_TAG.__getitem__, map(type, vals)))
    if _BOOL in tb:
        tb = bytes([(_T_TRUE if v else _T_FALSE) if t == _BOOL else t
                    for t, v in zip(tb, vals)])
    return tb


class Serializer:
    """One serialization: the output sections, the memory, the shape and key tables."""
    _PUSHED = True      # what _emit returns when it pushed a frame
    __slots__ = ("realm", "out", "nums", "strs", "memo", "next_id", "shapes", "shape_cache",
                 "keys", "for_storage", "epoch", "stack", "depth", "nums_append",
                 "strs_append")

    def __init__(self, realm, for_storage=False):
        self.realm = realm
        self.out = bytearray()
        self.nums = []
        self.strs = []
        self.memo = {}
        self.next_id = 0
        self.shapes = {}          # keys tuple -> shape index
        self.shape_cache = {}     # tuple(props) of a plain object -> [keys, header bytes]
        self.keys = {}            # key -> key index
        self.for_storage = for_storage
        self.epoch = 0            # calls that may have run JS
        self.stack = []
        self.depth = 0
        self.nums_append = self.nums.append
        self.strs_append = self.strs.append

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
        for k in keys:
            ki = table.get(k)
            if ki is None:
                table[k] = len(table)
                out += b"\x00"
                self.strs.append(k)
            else:
                out += len_bytes(ki + 1)

    # -- the main loop ----------------------------------------------------------------------
    def run(self, root):
        """Serialize root; return (structure bytes, numbers, strings)."""
        out = self.out
        nums = self.nums
        strs = self.strs
        nums_append = nums.append
        strs_append = strs.append
        emit = self._emit
        begin = self._begin
        t_obj = JSObject
        t_arr = JSArray
        t_float = float
        t_str = str
        t_date = JSDateObject
        memo = self.memo
        stack = self.stack
        stack.append([F_VALS, None, [root], None, 0, 0, "root", None, None, 1])
        try:
            while stack:
                f = stack[-1]
                if f[0] != F_VALS:
                    if self._lazy_step(f) is False:
                        stack.pop()
                    continue
                vals = f[2]
                tb = f[3]
                i = f[4]
                n = f[9]            # the number of values when the container was met
                fixed = type(f[6]) is str        # root, Map, Set: values never re-read
                ep = f[5]
                pushed = False
                if ep != self.epoch and not fixed:
                    n = i                       # JS ran since the values were read
                while i < n:
                    if tb is not None:
                        j = tb.find(0, i)
                        if j < 0:
                            j = n
                        if j > i:
                            # a run of simple values, in bulk
                            out += tb[i:j]
                            seg = vals[i:j]
                            nums.extend(filter(_is_float, seg))
                            strs.extend(filter(_is_str, seg))
                            i = j
                            if i == n:
                                break
                    v = vals[i]
                    i += 1
                    t = type(v)
                    if t is t_float:
                        out += B_NUMBER
                        nums_append(v)
                    elif t is t_str:
                        out += B_STRING
                        strs_append(v)
                    elif t is t_obj or t is t_arr:
                        f[4] = i
                        if begin(v):
                            pushed = True
                            break
                        if ep != self.epoch and not fixed:
                            break               # JS ran: re-read the rest
                    elif t is t_date and v not in memo:
                        memo[v] = self.next_id
                        self.next_id += 1
                        out += B_DATE
                        out += _pack_d(v.tv)
                    elif v is HOLE:
                        out += B_HOLE
                    else:
                        f[4] = i
                        if t is Accessor:
                            g = v.get
                            self.epoch += 1
                            v = undefined if g is undefined else g.fn(f[1])
                        if emit(v) is not None:
                            pushed = True
                            break
                        if ep != self.epoch and not fixed:
                            break               # JS ran: re-read the rest
                f[4] = i
                if pushed:
                    continue
                if i < f[9]:
                    # JS ran: the rest of this object / array is read one by one
                    f[0] = F_LAZY_OBJ if type(f[6]) is tuple else F_LAZY_ARR
                    continue
                extra = f[7]
                if extra:
                    f[0] = F_GEN
                    f[2] = iter(extra)
                    f[7] = None
                    continue
                stack.pop()
        except UnserializableError as e:
            if e.path == "value":
                e.path = self._path(stack)
                e.args = ("%s (at %s)" % (e.what, e.path) if e.path != "value" else e.what,)
            raise
        return bytes(out), nums, strs

    def _start(self, o, vals, labels, extra=None, first=0):
        """Write the simple values at the start of a new container; push a frame for
        the rest (returns True) or, when all were simple, nothing (returns False)."""
        n = len(vals)
        holes = None
        if labels is None and HOLE in vals:
            # the Array's holes when it was met: not among its keys even if filled later
            holes = frozenset(i for i, v in enumerate(vals) if v is HOLE)
        if n >= BULK_MIN:
            tb = _tags_of(vals)
            if tb.count(0) == n:
                tb = None                       # nothing simple: value by value
            elif 0 not in tb:
                self.out += tb
                self.nums.extend(filter(_is_float, vals))
                self.strs.extend(filter(_is_str, vals))
                if not extra:
                    return False
                self.stack.append([F_VALS, o, vals, tb, n, self.epoch, labels, extra, holes,
                                   n])
                return True
            if tb is not None:
                self.stack.append([F_VALS, o, vals, tb, 0, self.epoch, labels, extra, holes,
                                   n])
                return True
        out = self.out
        ep = self.epoch
        i = first
        if 3 <= n < BULK_MIN and not first:
            # the simple values at the start, by a plan made for these value types
            sig = tuple(map(type, vals))
            plan = _ENC_PLANS.get(sig)
            if plan is None:
                plan = _enc_plan(sig)
            i = plan(vals, out, self.nums_append, self.strs_append)
        while i < n:
            v = vals[i]
            t = type(v)
            if t is float:
                out += B_NUMBER
                self.nums.append(v)
            elif t is str:
                out += B_STRING
                self.strs.append(v)
            elif t is bool:
                out += B_TRUE if v else B_FALSE
            elif v is null:
                out += B_NULL
            elif v is undefined:
                out += B_UNDEFINED
            elif v is HOLE:
                out += B_HOLE
            elif (t is JSObject or t is JSArray) and self.depth < START_DEPTH:
                # a nested container, started right here (bounded recursion): if it
                # needs a frame, this container's frame goes below it
                base = len(self.stack)
                self.depth += 1
                try:
                    pushed = self._begin(v)
                finally:
                    self.depth -= 1
                i += 1
                if pushed:
                    self.stack.insert(base, [F_VALS, o, vals, None, i, ep, labels, extra,
                                             holes, n])
                    return True
                if self.epoch != ep:
                    break
                continue
            elif t is JSDateObject and v not in self.memo:
                self._new_id(v)
                out += B_DATE
                out += _pack_d(v.tv)
            elif t in _FAST_TYPES and self.depth < START_DEPTH:
                base = len(self.stack)
                self.depth += 1
                try:
                    pushed = _FAST_TYPES[t](self, v)
                finally:
                    self.depth -= 1
                i += 1
                if pushed is not None:
                    self.stack.insert(base, [F_VALS, o, vals, None, i, ep, labels, extra,
                                             holes, n])
                    return True
                continue
            else:
                break
            i += 1
        else:
            if not extra:
                return False
        self.stack.append([F_VALS, o, vals, None, i, ep, labels, extra, holes, n])
        return True

    def _lazy_step(self, f):
        """One value of a frame read lazily: True when it pushed a frame, False when the
        frame is done, else None."""
        kind = f[0]
        o = f[1]
        out = self.out
        if kind == F_GEN:
            for key in f[2]:
                f[8] = key
                if o.get_own_property(key) is None:
                    out += B_ABSENT
                    continue
                self.epoch += 1
                pushed = self._emit(o.get(key, o))
                if pushed is not None:
                    return pushed
            return False
        i = f[4]
        if i >= f[9]:
            extra = f[7]
            if extra:
                f[0] = F_GEN
                f[2] = iter(extra)
                f[7] = None
                return None
            return False
        f[4] = i + 1
        if kind == F_LAZY_OBJ:
            key = f[6][i]
            v = o.props.get(key, MISSING)
            if v is MISSING:
                out += B_ABSENT
                return None
            if type(v) is Accessor:
                g = v.get
                self.epoch += 1
                v = undefined if g is undefined else g.fn(o)
            return self._emit(v)
        # F_LAZY_ARR: an element present when the array was first met
        holes = f[8]
        if holes is not None and i in holes:
            out += B_HOLE
            return None
        a = o.arr
        if a is not None and i < len(a):
            v = a[i]
            if v is HOLE:
                out += B_HOLE
                return None
        else:
            key = str(i)
            if o.get_own_property(key) is None:
                out += B_HOLE
                return None
            self.epoch += 1
            v = o.get(key, o)
        return self._emit(v)

    @staticmethod
    def _path(stack):
        parts = []
        for f in stack:
            labels = f[6]
            if labels == "root":
                continue
            if f[0] == F_VALS or f[0] in (F_LAZY_OBJ, F_LAZY_ARR):
                i = f[4] - 1
                if i < 0:
                    continue
                if labels == "map":
                    parts.append("<Map entry %d %s>" % (i // 2, "key" if i % 2 == 0
                                                         else "value"))
                elif labels == "set":
                    parts.append("<Set entry %d>" % i)
                elif type(labels) is tuple:
                    parts.append(labels[i])
                else:
                    parts.append(i)
            else:
                label = f[8]
                if label is None:
                    continue
                if type(label) is str and isinstance(f[1], JSArray):
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
            out += B_NUMBER
            self.nums.append(v)
        elif t is str:
            out += B_STRING
            self.strs.append(v)
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

    def _ref(self, m):
        out = self.out
        if m >= 0:
            out += B_REF
            out += SMALL_LEN[m] if m < 254 else len_bytes(m)
        else:
            out += B_TRANSFER
            out += len_bytes(-m - 1)

    def _begin(self, o):
        """Start an object of type exactly JSObject or JSArray (the common containers);
        True when it pushed a frame."""
        memo = self.memo
        m = memo.get(o)
        if m is not None:
            self._ref(m)
            return False
        out = self.out
        if type(o) is JSArray:
            a = o.arr
            if a is None or o.props:
                return self._begin_array(o)
            n = len(a)
            if not n:
                pass
            elif n < BULK_MIN:
                sig = tuple(map(type, a))
                kind = _ARR_KINDS.get(sig)
                if kind is None:
                    kind = _arr_kind(sig)
                if kind is _ALL_FLOAT:
                    memo[o] = self.next_id
                    self.next_id += 1
                    out += NUMBER_ARRAY_HEAD[n]
                    self.nums.extend(a)
                    return False
                if kind is _ALL_STR:
                    memo[o] = self.next_id
                    self.next_id += 1
                    out += STRING_ARRAY_HEAD[n]
                    self.strs.extend(a)
                    return False
                memo[o] = self.next_id
                self.next_id += 1
                out += ARRAY_HEAD[n]
                i = kind(a, out, self.nums_append, self.strs_append)
                if i == n:
                    return False
                return self._start(o, a, None, None, i)
            else:
                t0 = type(a[0])
                if t0 is float and set(map(type, a)) == _FLOAT_ONLY:
                    memo[o] = self.next_id
                    self.next_id += 1
                    out += NUMBER_ARRAY_HEAD[n] if n < 254 else \
                        _B["NUMBER_ARRAY"] + len_bytes(n)
                    self.nums.extend(a)
                    return False
                if t0 is str and set(map(type, a)) == _STR_ONLY:
                    memo[o] = self.next_id
                    self.next_id += 1
                    out += STRING_ARRAY_HEAD[n] if n < 254 else \
                        _B["STRING_ARRAY"] + len_bytes(n)
                    self.strs.extend(a)
                    return False
            if n >= 254:
                return self._begin_array(o)
            memo[o] = self.next_id
            self.next_id += 1
            out += ARRAY_HEAD[n]
            if not n:
                return False
            return self._start(o, a, None)
        if o.flags is not None:
            return self._begin_object(o)
        memo[o] = self.next_id
        self.next_id += 1
        props = o.props
        ks = tuple(props)
        ent = self.shape_cache.get(ks)
        if ent is None:
            keys = _string_keys(props, None)
            ent = self.shape_cache[ks] = [keys, None, keys == ks]
        keys, head, in_order = ent
        if head is None:
            out += B_OBJECT
            self._shape(keys)
            ent[1] = B_OBJECT + (len_bytes(2 * self.shapes[keys] + 1) if keys else b"\x00")
        else:
            out += head
        if not keys:
            return False
        vals = list(props.values()) if in_order else [props[k] for k in keys]
        if len(vals) < BULK_MIN:
            # the common case: a plan made for these value types writes the simple ones
            sig = tuple(map(type, vals))
            plan = _ENC_PLANS.get(sig)
            if plan is None:
                plan = _enc_plan(sig)
            i = plan(vals, out, self.nums_append, self.strs_append)
            if i == len(vals):
                return False
            return self._start(o, vals, keys, None, i)
        return self._start(o, vals, keys)

    def _emit_object(self, o):
        t = type(o)
        h = _FAST_TYPES.get(t)
        if h is not None:
            return h(self, o)
        m = self.memo.get(o)
        out = self.out
        if m is not None:
            self._ref(m)
            return None
        if t is JSObject or t is JSArray:
            return self._PUSHED if self._begin(o) else None
        if t is JSDateObject:
            self._new_id(o)
            out += _B["DATE"]
            out += _pack_d(o.tv)
            return None
        if isinstance(o, JSFunction):
            raise UnserializableError(MESSAGES["function"] % _describe(o))
        if isinstance(o, JSPrimitiveObject):
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
            self.strs.append(o.value)
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
        if isinstance(o, JSArray):
            return self._PUSHED if self._begin_array(o) else None
        cls = o.cls
        if cls == "Map" and hasattr(o, "entries"):
            return self._emit_map(o)
        if cls == "Set" and hasattr(o, "values"):
            return self._emit_set(o)
        if cls == "RegExp" and type(getattr(o, "source", None)) is str:
            # [[OriginalSource]] and [[OriginalFlags]] (the attribute ``flags`` of a
            # JSObject is its property-attribute table, hence ``original_flags``).
            flags = getattr(o, "original_flags", None)
            if type(flags) is not str:
                raise UnserializableError(MESSAGES["slots"] % _describe(o))
            self._new_id(o)
            out += _B["REGEXP"]
            self.strs.append(o.source)
            self.strs.append(flags)
            return None
        if cls == "DOMException" and hasattr(o, "exc_name"):
            self._new_id(o)
            out += _B["DOM_EXCEPTION"]
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
            return self._PUSHED if self._begin_generic(o) else None
        if o.exotic:
            raise UnserializableError(MESSAGES["exotic"] % _describe(o))
        if getattr(o, "platform", False):
            raise UnserializableError(MESSAGES["platform"] % _describe(o))
        raise UnserializableError(MESSAGES["slots"] % _describe(o))

    def _emit_map(self, o):
        """A Map: MAP n, then its entries as they were when it was met."""
        memo = self.memo
        m = memo.get(o)
        if m is not None:
            self._ref(m)
            return None
        memo[o] = self.next_id
        self.next_id += 1
        entries = o.entries()
        out = self.out
        out += _B["MAP"]
        out += len_bytes(len(entries))
        if not entries:
            return None
        flat = list(_chain(entries))
        return self._PUSHED if self._start(o, flat, "map") else None

    def _emit_set(self, o):
        """A Set: SET n, then its values as they were when it was met."""
        m = self.memo.get(o)
        if m is not None:
            self._ref(m)
            return None
        self._new_id(o)
        values = list(o.values())
        out = self.out
        out += _B["SET"]
        out += len_bytes(len(values))
        if not values:
            return None
        return self._PUSHED if self._start(o, values, "set") else None

    def _begin_object(self, o):
        """An ordinary object with attribute flags: OBJECT, its shape; then its values."""
        self._new_id(o)
        keys = _string_keys(o.props, o.flags)
        self.out += B_OBJECT
        self._shape(keys)
        if not keys:
            return False
        props = o.props
        return self._start(o, [props[k] for k in keys], keys)

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
            return False
        self.stack.append([F_GEN, o, iter(keys), None, 0, 0, keys, None, None, 0])
        return True

    def _begin_array(self, o):
        """ARRAY length, dense count, extra keys; then the elements, then the extras."""
        self._new_id(o)
        a = o.arr
        if a is not None:
            length = n = len(a)
            extra = _string_keys(o.props, o.flags) if o.props else ()
        else:
            length = o.alen
            n = 0
            extra = _string_keys(o.props, o.flags)
        out = self.out
        out += B_ARRAY
        out += len_bytes(length)
        out += len_bytes(n)
        self._shape(extra)
        if n == 0 and not extra:
            return False
        if n == 0:
            self.stack.append([F_GEN, o, iter(extra), None, 0, 0, extra, None, None, 0])
            return True
        return self._start(o, a, None, extra)

    def _emit_buffer(self, b):
        """An ArrayBuffer (a leaf): ARRAY_BUFFER or RESIZABLE_ARRAY_BUFFER."""
        m = self.memo.get(b)
        if m is not None:
            self._ref(m)
            return
        out = self.out
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
        self.epoch += 1
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
            self.strs.append(message)
        if stack is not None:
            self.strs.append(stack)


# -- encode plans ---------------------------------------------------------------------
# The simple values at the start of a small container are written by a function made
# for the types of its values, e.g. (float, str, bool, JSArray) ->
#     def plan(v, out, N, S): N(v[0]); S(v[1]); out += b"NS" + (T if v[2] else F); return 3
# assembled from fixed fragments only; the cache is bounded.
_ENC_PLANS = {}
ENC_PLAN_CACHE_MAX = 2048
_ENC_CONST = {Undefined: TAGS["UNDEFINED"], Null: TAGS["NULL"], type(HOLE): TAGS["HOLE"]}
_ENC_NS = {"T": B_TRUE, "F": B_FALSE, "__builtins__": {}}


def _no_plan(v, out, N, S):
    """The plan once the cache is full: nothing written here, the loop does it all."""
    return 0


def _enc_plan(sig):
    if len(_ENC_PLANS) >= ENC_PLAN_CACHE_MAX:
        return _no_plan
    calls = []
    tags = []           # byte-string pieces and bool expressions, in order
    p = 0
    for i, t in enumerate(sig):
        if t is float:
            calls.append("N(v[%d])" % i)
            tags.append(bytes([TAGS["NUMBER"]]))
        elif t is str:
            calls.append("S(v[%d])" % i)
            tags.append(bytes([TAGS["STRING"]]))
        elif t is bool:
            tags.append("(T if v[%d] else F)" % i)
        elif t in _ENC_CONST:
            tags.append(bytes([_ENC_CONST[t]]))
        else:
            break
        p += 1
    pieces = []
    for x in tags:
        if type(x) is bytes and pieces and type(pieces[-1]) is bytes:
            pieces[-1] += x
        else:
            pieces.append(x)
    expr = " + ".join(repr(x) if type(x) is bytes else x for x in pieces) or "b''"
    src = "def plan(v, out, N, S):\n"
    for c in calls:
        src += "    %s\n" % c
    src += "    out += %s\n    return %d\n" % (expr, p)
    ns = dict(_ENC_NS)
    exec(compile(src, "<clone plan>", "exec"), ns)
    plan = ns["plan"]
    if len(_ENC_PLANS) < ENC_PLAN_CACHE_MAX:
        _ENC_PLANS[sig] = plan
    return plan


_ARR_KINDS = {}
_ALL_FLOAT = "numbers"
_ALL_STR = "strings"


def _arr_kind(sig):
    """What a small dense Array with these element types is written as: a NUMBER_ARRAY,
    a STRING_ARRAY, or an ARRAY whose simple prefix a plan writes."""
    if all(t is float for t in sig):
        kind = _ALL_FLOAT
    elif all(t is str for t in sig):
        kind = _ALL_STR
    else:
        kind = _ENC_PLANS.get(sig) or _enc_plan(sig)
    if len(_ARR_KINDS) < ENC_PLAN_CACHE_MAX:
        _ARR_KINDS[sig] = kind
    return kind


def _fast_types():
    """Exact types with a direct handler (the collections family, when present)."""
    table = {}
    try:
        from ..builtins.collections import JSMap, JSSet
        table[JSMap] = Serializer._emit_map
        table[JSSet] = Serializer._emit_set
    except ImportError:
        pass
    return table


_FAST_TYPES = _fast_types()


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
    structure, nums, strs = s.run(value)
    holders = Serializer.finish_transfer(buffers) if buffers else []
    if in_band:
        return build(structure, nums, strs, holders), []
    return build(structure, nums, strs, None), holders
