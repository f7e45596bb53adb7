"""Keyed collections: Map, Set, WeakMap, WeakSet and the Map / Set iterators (ECMA-262 24).

Storage (:class:`OrderedData`): an entry list (keys, and values for a Map) in insertion
order, an index dict from a *normalised* key to its position, and tombstones for deleted
entries, so that iteration is live exactly as the spec's List-of-Records model says:
entries added during iteration are visited, deleted ones are skipped, and an iterator
created before ``clear()`` continues with whatever is added afterwards.

Compaction (dropping tombstones) and ``clear()`` replace the OrderedData by a new one and
leave a forwarding record in the old one (the positions that were removed, or "cleared"),
the scheme V8's OrderedHashTable uses. An iterator (or a running forEach) that still holds
the old data follows the chain and translates its position, so no iterator ever needs to
be registered anywhere, and everything is plain slot objects (snapshot-able).

Keys are compared with SameValueZero (7.2.11). :func:`normalize_key` maps a JS value to a
Python dict key with that equivalence: NaN to one sentinel, -0 and +0 to the same key
(Python already has ``0.0 == -0.0`` with equal hashes), booleans to sentinels (Python has
``True == 1.0`` and ``hash(True) == hash(1.0)``); strings, other numbers, BigInts (value
equality), Symbols and objects (identity) are their own keys.

WeakMap / WeakSet hold their keys *strongly*: a dict keyed by the key object itself
(JSObject and Symbol hash by identity). Nothing observable differs except memory: an entry
lives as long as its collection. Python has no ephemerons, so true weak semantics would
still leak whenever a value refers to its key.
"""

from bisect import bisect_left

from ..runtime.values import (undefined, null, MISSING, HOLE, Symbol, SYM_ITERATOR,
                              SYM_SPECIES, SYM_TO_STRING_TAG, symbol_key_for)
from ..runtime.objects import JSObject, JSArray, JSFunction, W, C
from ..runtime.errors import JSThrow, STATE, throw_type_error, throw_range_error
from ..runtime import ops
from ..runtime.function import iter_result
from ..runtime.iteration import get_iterator, IteratorRecord
from ._common import (define_methods, define_getters, make_constructor, make_native,
                      proto_from_ctor)

__all__ = ["JSMap", "JSSet", "JSWeakMap", "JSWeakSet", "OrderedData", "normalize_key",
           "setup"]


class _KeySentinel:
    """A dict key standing for a JS value Python would otherwise confuse."""
    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return self._name

    def __reduce__(self):
        return self._name


NAN_KEY = _KeySentinel("NAN_KEY")
TRUE_KEY = _KeySentinel("TRUE_KEY")
FALSE_KEY = _KeySentinel("FALSE_KEY")
#: A deleted entry in OrderedData.keys (never a JS value).
TOMBSTONE = _KeySentinel("TOMBSTONE")

# Compact when at least this many tombstones exist and they outnumber live entries.
COMPACT_MIN = 8

# Error messages (V8's words), each once.
MSG_REQUIRES_NEW = "Constructor %s requires 'new'"
MSG_INCOMPATIBLE = "Method %s called on incompatible receiver %s"
MSG_NOT_ENTRY = "Iterator value %s is not an entry object"
MSG_ADDER = "'%s' returned for property '%s' of object '%s' is not a function"
MSG_WEAK_MAP_KEY = "Invalid value used as weak map key"
MSG_WEAK_SET_VALUE = "Invalid value used in weak set"
MSG_NOT_FUNCTION = "%s is not a function"


def normalize_key(k):
    """The dict key of a JS value under SameValueZero."""
    t = type(k)
    if t is float:
        if k != k:
            return NAN_KEY
        return k
    if t is bool:
        return TRUE_KEY if k else FALSE_KEY
    return k


def canonical_key(k):
    """Step "If key is -0, set key to +0" of Map.prototype.set / Set.prototype.add."""
    if type(k) is float and k == 0.0:
        return 0.0
    return k


class OrderedData:
    """An insertion-ordered table with tombstones ([[MapData]] / [[SetData]]).

    ``keys`` and ``vals`` are parallel lists (``vals`` is None for sets); ``index`` maps a
    normalised key to its position. After compaction or clear, ``forward`` is the table
    that replaced this one and ``removed`` the sorted positions dropped (None after a
    clear: every position maps to 0).
    """
    __slots__ = ("keys", "vals", "index", "size", "dead", "forward", "removed")

    def __init__(self, with_values):
        self.keys = []
        self.vals = [] if with_values else None
        self.index = {}
        self.size = 0
        self.dead = 0
        self.forward = None
        self.removed = None

    # -- lookups ---------------------------------------------------------------------
    def has(self, k):
        return normalize_key(k) in self.index

    def get(self, k, default=undefined):
        i = self.index.get(normalize_key(k))
        if i is None:
            return default
        return self.vals[i]

    # -- updates (compaction is decided by the owner: _Collection._data_delete) ------
    def set(self, k, v):
        nk = normalize_key(k)
        i = self.index.get(nk)
        if i is not None:
            if self.vals is not None:
                self.vals[i] = v
            return
        self.index[nk] = len(self.keys)
        self.keys.append(canonical_key(k))
        if self.vals is not None:
            self.vals.append(v)
        self.size += 1

    def delete(self, k):
        i = self.index.pop(normalize_key(k), None)
        if i is None:
            return False
        self.keys[i] = TOMBSTONE
        if self.vals is not None:
            self.vals[i] = undefined
        self.size -= 1
        self.dead += 1
        return True

    def needs_compaction(self):
        return self.dead >= COMPACT_MIN and self.dead > self.size

    def compacted(self):
        """A new table without tombstones; this one forwards to it."""
        new = OrderedData(self.vals is not None)
        removed = []
        keys = self.keys
        vals = self.vals
        nkeys = new.keys
        nvals = new.vals
        index = new.index
        for i, k in enumerate(keys):
            if k is TOMBSTONE:
                removed.append(i)
                continue
            index[normalize_key(k)] = len(nkeys)
            nkeys.append(k)
            if nvals is not None:
                nvals.append(vals[i])
        new.size = len(nkeys)
        self._retire(new, removed)
        return new

    def cleared(self):
        """A new empty table; this one forwards to it with every position mapping to 0."""
        new = OrderedData(self.vals is not None)
        self._retire(new, None)
        return new

    def _retire(self, new, removed):
        self.forward = new
        self.removed = removed
        self.keys = None
        self.vals = None
        self.index = None

    # -- cursors -------------------------------------------------------------------
    def live_entries(self):
        """(key, value) pairs of the live entries, in order (a snapshot, for Python)."""
        keys = self.keys
        vals = self.vals
        if vals is None:
            return [(k, k) for k in keys if k is not TOMBSTONE]
        return [(k, vals[i]) for i, k in enumerate(keys) if k is not TOMBSTONE]


def advance(data, pos):
    """Follow forwarding records: the live table and the position translated into it."""
    while data.forward is not None:
        removed = data.removed
        pos = 0 if removed is None else pos - bisect_left(removed, pos)
        data = data.forward
    return data, pos


class _Collection(JSObject):
    """Shared storage plumbing of Map and Set."""
    __slots__ = ()

    def _data_delete(self, data, k):
        ok = data.delete(k)
        if ok and data.needs_compaction():
            self._replace(data.compacted())
        return ok


# ---------------------------------------------------------------------------
# Map (24.1)
# ---------------------------------------------------------------------------

class JSMap(_Collection):
    """A Map instance: [[MapData]] is ``mapdata`` (an OrderedData with values).

    Python API (used by structured clone and the host): ``map_get``, ``map_set``,
    ``map_has``, ``map_delete``, ``map_clear``, ``entries()`` and ``size``.
    """
    __slots__ = ("mapdata",)
    cls = "Map"

    def __init__(self, proto):
        JSObject.__init__(self, proto)
        self.mapdata = OrderedData(True)

    def _replace(self, data):
        self.mapdata = data

    @property
    def size(self):
        return self.mapdata.size

    def map_get(self, k):
        return self.mapdata.get(k)

    def map_set(self, k, v):
        self.mapdata.set(k, v)

    def map_has(self, k):
        return self.mapdata.has(k)

    def map_delete(self, k):
        return self._data_delete(self.mapdata, k)

    def map_clear(self):
        self.mapdata = self.mapdata.cleared()

    def entries(self):
        """[(key, value), ...] in insertion order."""
        return self.mapdata.live_entries()


def _this_map(this, method):
    if not isinstance(this, JSMap):
        throw_type_error(MSG_INCOMPATIBLE % ("Map.prototype." + method, ops.describe(this)))
    return this


def map_call(this, *args):
    """Map ( [ iterable ] ) called without new (24.1.1.1 step 1)."""
    throw_type_error(MSG_REQUIRES_NEW % "Map")


def _get_adder(obj, name):
    adder = obj.get(name, obj)
    if not isinstance(adder, JSFunction):
        shown = ops.describe(adder) if isinstance(adder, JSObject) else ops.to_display_string(adder)
        throw_type_error(MSG_ADDER % (shown, name, ops.describe(obj)))
    return adder


def add_entries_from_iterable(target, iterable, adder):
    """AddEntriesFromIterable ( target, iterable, adder ) (24.1.1.2)."""
    rec = get_iterator(iterable)
    fast = adder is STATE.realm.intrinsics.get("%Map.prototype.set%") and type(target) is JSMap
    try:
        for item in rec:
            # 4.c. If next is not an Object, throw (closing the iterator).
            if not isinstance(item, JSObject):
                throw_type_error(MSG_NOT_ENTRY % ops.to_display_string(item))
            if type(item) is JSArray and item.arr is not None and len(item.arr) >= 2 \
                    and item.arr[0] is not HOLE and item.arr[1] is not HOLE:
                k = item.arr[0]
                v = item.arr[1]
            else:
                k = item.get("0", item)
                v = item.get("1", item)
            if fast:
                target.mapdata.set(k, v)
            else:
                adder.fn(target, k, v)
    except JSThrow:
        rec.abort()
        raise
    return target


def map_construct(args, new_target):
    """Map ( [ iterable ] ) (24.1.1.1)."""
    # 2. Let map be ? OrdinaryCreateFromConstructor(NewTarget, "%Map.prototype%", ...).
    m = JSMap(proto_from_ctor(new_target, "%Map.prototype%"))
    iterable = args[0] if args else undefined
    # 4. If iterable is either undefined or null, return map.
    if iterable is undefined or iterable is null:
        return m
    # 5. Let adder be ? Get(map, "set").
    adder = _get_adder(m, "set")
    # 7. Return ? AddEntriesFromIterable(map, iterable, adder).
    return add_entries_from_iterable(m, iterable, adder)


def _group_by(items, callback, key_coercion):
    """GroupBy ( items, callback, keyCoercion ) (7.3.35): [(key, [values]), ...]."""
    ops.require_object_coercible(items, "groupBy")
    if not isinstance(callback, JSFunction):
        throw_type_error(MSG_NOT_FUNCTION % ops.describe(callback))
    groups = OrderedData(True)
    rec = get_iterator(items)
    k = 0
    try:
        for value in rec:
            if k >= 2 ** 53 - 1:
                throw_type_error("Too many elements passed to groupBy")
            key = callback.fn(undefined, value, float(k))
            if key_coercion == "property":
                key = ops.to_property_key(key)
            else:
                key = canonical_key(key)
            lst = groups.get(key, None)
            if lst is None:
                groups.set(key, [value])
            else:
                lst.append(value)
            k += 1
    except JSThrow:
        rec.abort()
        raise
    return groups.live_entries()


def map_group_by(this, items=undefined, callback=undefined, *rest):
    """Map.groupBy ( items, callback ) (24.1.2.1)."""
    groups = _group_by(items, callback, "zero")
    m = JSMap(STATE.realm.intrinsics["%Map.prototype%"])
    for key, values in groups:
        m.mapdata.set(key, ops.new_array(values))
    return m


def map_clear(this, *args):
    """Map.prototype.clear ( ) (24.1.3.1)."""
    m = _this_map(this, "clear")
    m.mapdata = m.mapdata.cleared()
    return undefined


def map_delete(this, key=undefined, *rest):
    """Map.prototype.delete ( key ) (24.1.3.3)."""
    m = _this_map(this, "delete")
    return m._data_delete(m.mapdata, key)


def map_get(this, key=undefined, *rest):
    """Map.prototype.get ( key ) (24.1.3.6)."""
    return _this_map(this, "get").mapdata.get(key)


def map_has(this, key=undefined, *rest):
    """Map.prototype.has ( key ) (24.1.3.7)."""
    return _this_map(this, "has").mapdata.has(key)


def map_set(this, key=undefined, value=undefined, *rest):
    """Map.prototype.set ( key, value ) (24.1.3.9)."""
    _this_map(this, "set").mapdata.set(key, value)
    return this


def map_get_or_insert(this, key=undefined, value=undefined, *rest):
    """Map.prototype.getOrInsert ( key, value ) (proposal-upsert)."""
    m = _this_map(this, "getOrInsert")
    data = m.mapdata
    key = canonical_key(key)
    got = data.get(key, MISSING)
    if got is not MISSING:
        return got
    data.set(key, value)
    return value


def map_get_or_insert_computed(this, key=undefined, callback=undefined, *rest):
    """Map.prototype.getOrInsertComputed ( key, callbackfn ) (proposal-upsert)."""
    m = _this_map(this, "getOrInsertComputed")
    if not isinstance(callback, JSFunction):
        throw_type_error(MSG_NOT_FUNCTION % ops.describe(callback))
    key = canonical_key(key)
    got = m.mapdata.get(key, MISSING)
    if got is not MISSING:
        return got
    value = callback.fn(undefined, key)
    # The callback may have inserted the key meanwhile: overwrite, else append.
    m.mapdata.set(key, value)
    return value


def map_size(this, *args):
    """get Map.prototype.size (24.1.3.10)."""
    return float(_this_map(this, "size").mapdata.size)


def map_for_each(this, callback=undefined, this_arg=undefined, *rest):
    """Map.prototype.forEach ( callbackfn [ , thisArg ] ) (24.1.3.5)."""
    m = _this_map(this, "forEach")
    if not isinstance(callback, JSFunction):
        throw_type_error(MSG_NOT_FUNCTION % ops.describe(callback))
    fn = callback.fn
    data = m.mapdata
    pos = 0
    # 4-5. For each entry (entries appended meanwhile included), skipping deleted ones.
    while True:
        if data.forward is not None:
            data, pos = advance(data, pos)
        keys = data.keys
        if pos >= len(keys):
            break
        k = keys[pos]
        v = data.vals[pos]
        pos += 1
        if k is TOMBSTONE:
            continue
        fn(this_arg, v, k, m)
    return undefined


# -- Map iterators (24.1.5) ------------------------------------------------------------

KIND_KEYS = 0
KIND_VALUES = 1
KIND_ENTRIES = 2


class JSMapIterator(JSObject):
    """A Map Iterator (24.1.5): the map's data, the next position and the kind."""
    __slots__ = ("data", "pos", "kind")
    cls = "Map Iterator"

    def __init__(self, proto, data, kind):
        JSObject.__init__(self, proto)
        self.data = data
        self.pos = 0
        self.kind = kind

    def peek(self):
        """The remaining (key, value) pairs without advancing (for inspection)."""
        data = self.data
        if data is None:
            return []
        data, pos = advance(data, self.pos)
        keys = data.keys
        vals = data.vals
        return [(keys[i], vals[i] if vals is not None else keys[i])
                for i in range(pos, len(keys)) if keys[i] is not TOMBSTONE]


class JSSetIterator(JSMapIterator):
    """A Set Iterator (24.2.6)."""
    __slots__ = ()
    cls = "Set Iterator"


def _iterator_step(it):
    """One step of a Map / Set iterator: (key, value) or None when exhausted."""
    data = it.data
    if data is None:
        return None
    pos = it.pos
    if data.forward is not None:
        data, pos = advance(data, pos)
        it.data = data
    keys = data.keys
    n = len(keys)
    while pos < n:
        k = keys[pos]
        if k is not TOMBSTONE:
            it.pos = pos + 1
            vals = data.vals
            return k, (vals[pos] if vals is not None else k)
        pos += 1
    it.data = None
    it.pos = pos
    return None


def _iterator_result(it, step):
    if step is None:
        return iter_result(undefined, True)
    k, v = step
    kind = it.kind
    if kind == KIND_KEYS:
        return iter_result(k, False)
    if kind == KIND_VALUES:
        return iter_result(v, False)
    return iter_result(ops.new_array([k, v]), False)


def map_iterator_next(this, *args):
    """%MapIteratorPrototype%.next ( ) (24.1.5.2.1)."""
    if type(this) is not JSMapIterator:
        throw_type_error(MSG_INCOMPATIBLE % ("Map Iterator.prototype.next", ops.describe(this)))
    return _iterator_result(this, _iterator_step(this))


def create_map_iterator(m, kind):
    """CreateMapIterator ( map, kind ) (24.1.5.1)."""
    return JSMapIterator(STATE.realm.intrinsics["%MapIteratorPrototype%"], m.mapdata, kind)


def map_entries(this, *args):
    """Map.prototype.entries ( ) (24.1.3.4)."""
    return create_map_iterator(_this_map(this, "entries"), KIND_ENTRIES)


def map_keys(this, *args):
    """Map.prototype.keys ( ) (24.1.3.8)."""
    return create_map_iterator(_this_map(this, "keys"), KIND_KEYS)


def map_values(this, *args):
    """Map.prototype.values ( ) (24.1.3.11)."""
    return create_map_iterator(_this_map(this, "values"), KIND_VALUES)


def species_getter(this, *args):
    """get Map [ @@species ] (24.1.2.3) / get Set [ @@species ] (24.2.3.2)."""
    return this


# ---------------------------------------------------------------------------
# Set (24.2)
# ---------------------------------------------------------------------------

class JSSet(_Collection):
    """A Set instance: [[SetData]] is ``setdata`` (an OrderedData without values).

    Python API: ``set_add``, ``set_has``, ``set_delete``, ``set_clear``, ``values()``
    and ``size``.
    """
    __slots__ = ("setdata",)
    cls = "Set"

    def __init__(self, proto):
        JSObject.__init__(self, proto)
        self.setdata = OrderedData(False)

    def _replace(self, data):
        self.setdata = data

    @property
    def size(self):
        return self.setdata.size

    def set_add(self, v):
        self.setdata.set(v, None)

    def set_has(self, v):
        return self.setdata.has(v)

    def set_delete(self, v):
        return self._data_delete(self.setdata, v)

    def set_clear(self):
        self.setdata = self.setdata.cleared()

    def values(self):
        """[value, ...] in insertion order."""
        return [k for k in self.setdata.keys if k is not TOMBSTONE]


def _this_set(this, method):
    if not isinstance(this, JSSet):
        throw_type_error(MSG_INCOMPATIBLE % ("Set.prototype." + method, ops.describe(this)))
    return this


def set_call(this, *args):
    """Set ( [ iterable ] ) called without new (24.2.2.1 step 1)."""
    throw_type_error(MSG_REQUIRES_NEW % "Set")


def set_construct(args, new_target):
    """Set ( [ iterable ] ) (24.2.2.1)."""
    s = JSSet(proto_from_ctor(new_target, "%Set.prototype%"))
    iterable = args[0] if args else undefined
    if iterable is undefined or iterable is null:
        return s
    # 5. Let adder be ? Get(set, "add").
    adder = _get_adder(s, "add")
    fast = adder is STATE.realm.intrinsics["%Set.prototype.add%"] and type(s) is JSSet
    # 7-8. For each value of the iterable, Call(adder, set, « next »), closing on error.
    rec = get_iterator(iterable)
    data = s.setdata
    try:
        if fast:
            for v in rec:
                data.set(v, None)
        else:
            for v in rec:
                adder.fn(s, v)
    except JSThrow:
        rec.abort()
        raise
    return s


def set_add(this, value=undefined, *rest):
    """Set.prototype.add ( value ) (24.2.4.1)."""
    _this_set(this, "add").setdata.set(value, None)
    return this


def set_clear(this, *args):
    """Set.prototype.clear ( ) (24.2.4.2)."""
    s = _this_set(this, "clear")
    s.setdata = s.setdata.cleared()
    return undefined


def set_delete(this, value=undefined, *rest):
    """Set.prototype.delete ( value ) (24.2.4.4)."""
    s = _this_set(this, "delete")
    return s._data_delete(s.setdata, value)


def set_has(this, value=undefined, *rest):
    """Set.prototype.has ( value ) (24.2.4.8)."""
    return _this_set(this, "has").setdata.has(value)


def set_size(this, *args):
    """get Set.prototype.size (24.2.4.14)."""
    return float(_this_set(this, "size").setdata.size)


def set_for_each(this, callback=undefined, this_arg=undefined, *rest):
    """Set.prototype.forEach ( callbackfn [ , thisArg ] ) (24.2.4.7)."""
    s = _this_set(this, "forEach")
    if not isinstance(callback, JSFunction):
        throw_type_error(MSG_NOT_FUNCTION % ops.describe(callback))
    fn = callback.fn
    data = s.setdata
    pos = 0
    while True:
        if data.forward is not None:
            data, pos = advance(data, pos)
        keys = data.keys
        if pos >= len(keys):
            break
        k = keys[pos]
        pos += 1
        if k is TOMBSTONE:
            continue
        fn(this_arg, k, k, s)
    return undefined


def create_set_iterator(s, kind):
    """CreateSetIterator ( set, kind ) (24.2.6.1)."""
    return JSSetIterator(STATE.realm.intrinsics["%SetIteratorPrototype%"], s.setdata, kind)


def set_entries(this, *args):
    """Set.prototype.entries ( ) (24.2.4.6)."""
    return create_set_iterator(_this_set(this, "entries"), KIND_ENTRIES)


def set_values(this, *args):
    """Set.prototype.values ( ) (24.2.4.17); also keys and @@iterator."""
    return create_set_iterator(_this_set(this, "values"), KIND_VALUES)


def set_iterator_next(this, *args):
    """%SetIteratorPrototype%.next ( ) (24.2.6.2.1)."""
    if type(this) is not JSSetIterator:
        throw_type_error(MSG_INCOMPATIBLE % ("Set Iterator.prototype.next", ops.describe(this)))
    return _iterator_result(this, _iterator_step(this))


# -- Set methods (ES2025, 24.2.4.5 ff.) ------------------------------------------------

class SetRecord:
    """A Set Record (24.2.1.1): [[SetObject]], [[Size]], [[Has]], [[Keys]]."""
    __slots__ = ("obj", "size", "has", "keys")

    def __init__(self, obj, size, has, keys):
        self.obj = obj
        self.size = size
        self.has = has
        self.keys = keys

    def call_has(self, v):
        return ops.to_boolean(self.has.fn(self.obj, v))

    def key_iterator(self):
        """GetIteratorFromMethod(obj, keys) as an IteratorRecord (24.2.1.2 users)."""
        it = self.keys.fn(self.obj)
        if not isinstance(it, JSObject):
            throw_type_error("%s is not an object" % ops.describe(it))
        return IteratorRecord(it, it.get("next", it))


def get_set_record(obj):
    """GetSetRecord ( obj ) (24.2.1.2)."""
    if not isinstance(obj, JSObject):
        throw_type_error("The 'other' argument must be an object")
    raw_size = obj.get("size", obj)
    num_size = ops.to_number(raw_size)
    if num_size != num_size:
        throw_type_error("The 'size' property must be a number")
    int_size = ops.to_integer_or_infinity(num_size)
    if int_size < 0:
        throw_range_error("'%s' is an invalid size" % ops.to_display_string(raw_size))
    has = obj.get("has", obj)
    if not isinstance(has, JSFunction):
        throw_type_error("The 'has' property must be a function")
    keys = obj.get("keys", obj)
    if not isinstance(keys, JSFunction):
        throw_type_error("The 'keys' property must be a function")
    return SetRecord(obj, int_size, has, keys)


def _next_key(rec):
    """IteratorStepValue on a Set Record's keys iterator (no close on exhaustion)."""
    r = rec.next_method.fn(rec.iterator) if isinstance(rec.next_method, JSFunction) \
        else ops.call(rec.next_method, rec.iterator)
    if not isinstance(r, JSObject):
        throw_type_error("Iterator result %s is not an object" % ops.describe(r))
    if ops.to_boolean(r.get("done", r)):
        return MISSING
    return r.get("value", r)


def _new_set_from(values):
    s = JSSet(STATE.realm.intrinsics["%Set.prototype%"])
    d = s.setdata
    for v in values:
        d.set(v, None)
    return s


def _live_keys(s):
    """Iterate the live elements of s's [[SetData]] by index, seeing appends (cursor)."""
    data = s.setdata
    pos = 0
    while True:
        if data.forward is not None:
            data, pos = advance(data, pos)
        keys = data.keys
        if pos >= len(keys):
            return
        k = keys[pos]
        pos += 1
        if k is not TOMBSTONE:
            yield k


def set_union(this, other=undefined, *rest):
    """Set.prototype.union ( other ) (24.2.4.16)."""
    s = _this_set(this, "union")
    rec = get_set_record(other)
    keys_iter = rec.key_iterator()
    result = list(_live_keys(s))
    tmp = OrderedData(False)
    for k in result:
        tmp.set(k, None)
    while True:
        nxt = _next_key(keys_iter)
        if nxt is MISSING:
            break
        tmp.set(canonical_key(nxt), None)
    return _new_set_from([k for k in tmp.keys if k is not TOMBSTONE])


def set_intersection(this, other=undefined, *rest):
    """Set.prototype.intersection ( other ) (24.2.4.9)."""
    s = _this_set(this, "intersection")
    rec = get_set_record(other)
    out = OrderedData(False)
    if s.setdata.size <= rec.size:
        data = s.setdata
        index = 0
        while True:
            data, index = advance(data, index)
            if index >= len(data.keys):
                break
            e = data.keys[index]
            index += 1
            if e is TOMBSTONE:
                continue
            if rec.call_has(e):
                out.set(e, None)
    else:
        keys_iter = rec.key_iterator()
        while True:
            nxt = _next_key(keys_iter)
            if nxt is MISSING:
                break
            nxt = canonical_key(nxt)
            if s.setdata.has(nxt):
                out.set(nxt, None)
    return _new_set_from([k for k in out.keys if k is not TOMBSTONE])


def set_difference(this, other=undefined, *rest):
    """Set.prototype.difference ( other ) (24.2.4.5)."""
    s = _this_set(this, "difference")
    rec = get_set_record(other)
    # 4. Let resultSetData be a copy of O.[[SetData]].
    copy = list(_live_keys(s))
    out = OrderedData(False)
    for k in copy:
        out.set(k, None)
    if s.setdata.size <= rec.size:
        # 5. Ask other.has about each element of the copy.
        for e in copy:
            if out.has(e) and rec.call_has(e):
                out.delete(e)
    else:
        # 6. Remove every key other's iterator produces.
        keys_iter = rec.key_iterator()
        while True:
            nxt = _next_key(keys_iter)
            if nxt is MISSING:
                break
            out.delete(canonical_key(nxt))
    return _new_set_from([k for k in out.keys if k is not TOMBSTONE])


def set_symmetric_difference(this, other=undefined, *rest):
    """Set.prototype.symmetricDifference ( other ) (24.2.4.15)."""
    s = _this_set(this, "symmetricDifference")
    rec = get_set_record(other)
    keys_iter = rec.key_iterator()
    out = OrderedData(False)
    for k in list(_live_keys(s)):
        out.set(k, None)
    while True:
        nxt = _next_key(keys_iter)
        if nxt is MISSING:
            break
        nxt = canonical_key(nxt)
        if s.setdata.has(nxt):
            out.delete(nxt)
        else:
            out.set(nxt, None)
    return _new_set_from([k for k in out.keys if k is not TOMBSTONE])


def set_is_subset_of(this, other=undefined, *rest):
    """Set.prototype.isSubsetOf ( other ) (24.2.4.11)."""
    s = _this_set(this, "isSubsetOf")
    rec = get_set_record(other)
    if s.setdata.size > rec.size:
        return False
    for e in _live_keys(s):
        if not rec.call_has(e):
            return False
    return True


def set_is_superset_of(this, other=undefined, *rest):
    """Set.prototype.isSupersetOf ( other ) (24.2.4.12)."""
    s = _this_set(this, "isSupersetOf")
    rec = get_set_record(other)
    if s.setdata.size < rec.size:
        return False
    keys_iter = rec.key_iterator()
    while True:
        nxt = _next_key(keys_iter)
        if nxt is MISSING:
            return True
        if not s.setdata.has(nxt):
            keys_iter.close()
            return False


def set_is_disjoint_from(this, other=undefined, *rest):
    """Set.prototype.isDisjointFrom ( other ) (24.2.4.10)."""
    s = _this_set(this, "isDisjointFrom")
    rec = get_set_record(other)
    if s.setdata.size <= rec.size:
        for e in _live_keys(s):
            if rec.call_has(e):
                return False
        return True
    keys_iter = rec.key_iterator()
    while True:
        nxt = _next_key(keys_iter)
        if nxt is MISSING:
            return True
        if s.setdata.has(nxt):
            keys_iter.close()
            return False


# ---------------------------------------------------------------------------
# WeakMap (24.3) and WeakSet (24.4)
# ---------------------------------------------------------------------------

def can_be_held_weakly(v):
    """CanBeHeldWeakly ( v ) (9.13): objects and non-registered symbols."""
    if isinstance(v, JSObject):
        return True
    return type(v) is Symbol and symbol_key_for(v) is None


class JSWeakMap(JSObject):
    """A WeakMap: [[WeakMapData]] is ``weakdata``, a dict key -> value (strong; see the
    module docstring)."""
    __slots__ = ("weakdata",)
    cls = "WeakMap"

    def __init__(self, proto):
        JSObject.__init__(self, proto)
        self.weakdata = {}


class JSWeakSet(JSObject):
    """A WeakSet: [[WeakSetData]] is ``weakdata``, a dict key -> True (strong)."""
    __slots__ = ("weakdata",)
    cls = "WeakSet"

    def __init__(self, proto):
        JSObject.__init__(self, proto)
        self.weakdata = {}


def _this_weak_map(this, method):
    if not isinstance(this, JSWeakMap):
        throw_type_error(MSG_INCOMPATIBLE % ("WeakMap.prototype." + method, ops.describe(this)))
    return this


def _this_weak_set(this, method):
    if not isinstance(this, JSWeakSet):
        throw_type_error(MSG_INCOMPATIBLE % ("WeakSet.prototype." + method, ops.describe(this)))
    return this


def weak_map_call(this, *args):
    throw_type_error(MSG_REQUIRES_NEW % "WeakMap")


def weak_map_construct(args, new_target):
    """WeakMap ( [ iterable ] ) (24.3.1.1)."""
    m = JSWeakMap(proto_from_ctor(new_target, "%WeakMap.prototype%"))
    iterable = args[0] if args else undefined
    if iterable is undefined or iterable is null:
        return m
    adder = _get_adder(m, "set")
    return add_entries_from_iterable(m, iterable, adder)


def weak_map_delete(this, key=undefined, *rest):
    """WeakMap.prototype.delete ( key ) (24.3.3.2)."""
    m = _this_weak_map(this, "delete")
    if not can_be_held_weakly(key):
        return False
    return m.weakdata.pop(key, MISSING) is not MISSING


def weak_map_get(this, key=undefined, *rest):
    """WeakMap.prototype.get ( key ) (24.3.3.3)."""
    m = _this_weak_map(this, "get")
    if not can_be_held_weakly(key):
        return undefined
    return m.weakdata.get(key, undefined)


def weak_map_has(this, key=undefined, *rest):
    """WeakMap.prototype.has ( key ) (24.3.3.4)."""
    m = _this_weak_map(this, "has")
    if not can_be_held_weakly(key):
        return False
    return key in m.weakdata


def weak_map_set(this, key=undefined, value=undefined, *rest):
    """WeakMap.prototype.set ( key, value ) (24.3.3.5)."""
    m = _this_weak_map(this, "set")
    if not can_be_held_weakly(key):
        throw_type_error(MSG_WEAK_MAP_KEY)
    m.weakdata[key] = value
    return this


def weak_map_get_or_insert(this, key=undefined, value=undefined, *rest):
    """WeakMap.prototype.getOrInsert ( key, value ) (proposal-upsert)."""
    m = _this_weak_map(this, "getOrInsert")
    if not can_be_held_weakly(key):
        throw_type_error(MSG_WEAK_MAP_KEY)
    return m.weakdata.setdefault(key, value)


def weak_map_get_or_insert_computed(this, key=undefined, callback=undefined, *rest):
    """WeakMap.prototype.getOrInsertComputed ( key, callbackfn ) (proposal-upsert)."""
    m = _this_weak_map(this, "getOrInsertComputed")
    if not can_be_held_weakly(key):
        throw_type_error(MSG_WEAK_MAP_KEY)
    if not isinstance(callback, JSFunction):
        throw_type_error(MSG_NOT_FUNCTION % ops.describe(callback))
    got = m.weakdata.get(key, MISSING)
    if got is not MISSING:
        return got
    value = callback.fn(undefined, key)
    m.weakdata[key] = value
    return value


def weak_set_call(this, *args):
    throw_type_error(MSG_REQUIRES_NEW % "WeakSet")


def weak_set_construct(args, new_target):
    """WeakSet ( [ iterable ] ) (24.4.1.1)."""
    s = JSWeakSet(proto_from_ctor(new_target, "%WeakSet.prototype%"))
    iterable = args[0] if args else undefined
    if iterable is undefined or iterable is null:
        return s
    adder = _get_adder(s, "add")
    rec = get_iterator(iterable)
    try:
        for v in rec:
            adder.fn(s, v)
    except JSThrow:
        rec.abort()
        raise
    return s


def weak_set_add(this, value=undefined, *rest):
    """WeakSet.prototype.add ( value ) (24.4.3.1)."""
    s = _this_weak_set(this, "add")
    if not can_be_held_weakly(value):
        throw_type_error(MSG_WEAK_SET_VALUE)
    s.weakdata[value] = True
    return this


def weak_set_delete(this, value=undefined, *rest):
    """WeakSet.prototype.delete ( value ) (24.4.3.3)."""
    s = _this_weak_set(this, "delete")
    if not can_be_held_weakly(value):
        return False
    return s.weakdata.pop(value, MISSING) is not MISSING


def weak_set_has(this, value=undefined, *rest):
    """WeakSet.prototype.has ( value ) (24.4.3.4)."""
    s = _this_weak_set(this, "has")
    if not can_be_held_weakly(value):
        return False
    return value in s.weakdata


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

def setup(realm):
    intr = realm.intrinsics
    op = intr["%Object.prototype%"]
    ip = intr["%IteratorPrototype%"]
    g = realm.global_object

    # Map
    mp = JSObject(op)
    m = make_constructor(realm, "Map", map_call, map_construct, 0, mp, "%Map.prototype%")
    intr["%Map%"] = m
    define_methods(realm, m, [("groupBy", map_group_by, 2)])
    define_getters(realm, m, [(SYM_SPECIES, species_getter, None)])
    fns = define_methods(realm, mp, [
        ("get", map_get, 1),
        ("getOrInsert", map_get_or_insert, 2),
        ("getOrInsertComputed", map_get_or_insert_computed, 2),
        ("set", map_set, 2),
        ("has", map_has, 1),
        ("delete", map_delete, 1),
        ("clear", map_clear, 0),
        ("entries", map_entries, 0),
        ("forEach", map_for_each, 1),
        ("keys", map_keys, 0),
        ("values", map_values, 0),
    ])
    define_getters(realm, mp, [("size", map_size, None)])
    # 24.1.3.12: the initial value of @@iterator is %Map.prototype.entries%.
    mp._store(SYM_ITERATOR, fns["entries"], W | C)
    mp._store(SYM_TO_STRING_TAG, "Map", C)
    intr["%Map.prototype.set%"] = fns["set"]
    intr["%Map.prototype.entries%"] = fns["entries"]

    mip = JSObject(ip)
    intr["%MapIteratorPrototype%"] = mip
    define_methods(realm, mip, [("next", map_iterator_next, 0)])
    mip._store(SYM_TO_STRING_TAG, "Map Iterator", C)

    # Set
    sp = JSObject(op)
    s = make_constructor(realm, "Set", set_call, set_construct, 0, sp, "%Set.prototype%")
    intr["%Set%"] = s
    define_getters(realm, s, [(SYM_SPECIES, species_getter, None)])
    fns = define_methods(realm, sp, [
        ("has", set_has, 1),
        ("add", set_add, 1),
        ("delete", set_delete, 1),
        ("difference", set_difference, 1),
        ("clear", set_clear, 0),
        ("entries", set_entries, 0),
        ("forEach", set_for_each, 1),
        ("intersection", set_intersection, 1),
        ("isSubsetOf", set_is_subset_of, 1),
        ("isSupersetOf", set_is_superset_of, 1),
        ("isDisjointFrom", set_is_disjoint_from, 1),
        ("symmetricDifference", set_symmetric_difference, 1),
        ("union", set_union, 1),
    ])
    define_getters(realm, sp, [("size", set_size, None)])
    # 24.2.4.13 / 24.2.4.18: keys and @@iterator are the values function itself.
    values = make_native(realm, "values", set_values, 0)
    sp._store("values", values, W | C)
    sp._store("keys", values, W | C)
    sp._store(SYM_ITERATOR, values, W | C)
    sp._store(SYM_TO_STRING_TAG, "Set", C)
    intr["%Set.prototype.add%"] = fns["add"]
    intr["%Set.prototype.values%"] = values

    sip = JSObject(ip)
    intr["%SetIteratorPrototype%"] = sip
    define_methods(realm, sip, [("next", set_iterator_next, 0)])
    sip._store(SYM_TO_STRING_TAG, "Set Iterator", C)

    # WeakMap
    wmp = JSObject(op)
    wm = make_constructor(realm, "WeakMap", weak_map_call, weak_map_construct, 0, wmp,
                          "%WeakMap.prototype%")
    intr["%WeakMap%"] = wm
    define_methods(realm, wmp, [
        ("delete", weak_map_delete, 1),
        ("get", weak_map_get, 1),
        ("getOrInsert", weak_map_get_or_insert, 2),
        ("getOrInsertComputed", weak_map_get_or_insert_computed, 2),
        ("set", weak_map_set, 2),
        ("has", weak_map_has, 1),
    ])
    wmp._store(SYM_TO_STRING_TAG, "WeakMap", C)

    # WeakSet
    wsp = JSObject(op)
    ws = make_constructor(realm, "WeakSet", weak_set_call, weak_set_construct, 0, wsp,
                          "%WeakSet.prototype%")
    intr["%WeakSet%"] = ws
    define_methods(realm, wsp, [
        ("delete", weak_set_delete, 1),
        ("has", weak_set_has, 1),
        ("add", weak_set_add, 1),
    ])
    wsp._store(SYM_TO_STRING_TAG, "WeakSet", C)

    for name, ctor in (("Map", m), ("Set", s), ("WeakMap", wm), ("WeakSet", ws)):
        g._store(name, ctor, W | C)
