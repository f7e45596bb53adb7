"""Array objects (ECMA-262 23.1): the constructor, its static methods and every
Array.prototype method through ES2023.

Every method follows its spec algorithm on the general path (``[[Get]]``,
``[[HasProperty]]``, ``[[Set]]`` ... on any object, so array-likes, proxies,
subclass instances and arrays of other realms behave as specified).  Fast paths
work on the Python list of a dense :class:`JSArray` (``o.arr``) where the result
cannot be told apart from the general path:

* an element that is not ``HOLE`` in a dense array is an own, writable,
  enumerable, configurable data property, so ``HasProperty`` is true and
  ``Get`` returns it without running any code;
* a hole reads through the prototype chain, so bulk operations that meet holes
  first check that no prototype holds an index (``_proto_clean``);
* callbacks may change the array: loops that call user code re-read ``o.arr``
  and its length at every step, as the spec's loops re-read the properties.

Spec names live in the docstrings; section numbers are those of ES2023.
"""

from functools import cmp_to_key
from weakref import ref as weak_ref

from ..runtime.values import (undefined, null, HOLE, MISSING, SYM_ITERATOR, SYM_SPECIES,
                              SYM_UNSCOPABLES, SYM_IS_CONCAT_SPREADABLE)
from ..runtime.objects import (JSObject, JSArray, JSFunction, Accessor, Desc, W, C,
                               is_constructor, get_function_realm, INDEX_EPOCH)
from ..runtime.errors import JSThrow, STATE, throw_type_error, throw_range_error
from ..runtime.numconv import number_to_string
from ..runtime.proxy_check import is_array
from ..runtime import ops
from ._common import define_methods, define_getters, make_constructor, proto_from_ctor
from .iterators import create_array_iterator

MAX_SAFE = 2 ** 53 - 1
MAX_LENGTH = 2 ** 32 - 1
#: ArrayCreate keeps a list of holes up to this length (``new Array(n).fill(x)``
#: and the arrays that map/slice/Array.from fill); longer ones start sparse.
DENSE_CREATE_LIMIT = 1 << 20

to_integer_or_infinity = ops.to_integer_or_infinity
to_object = ops.to_object
describe = ops.describe


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

#: id(prototype) -> (weak reference to it, INDEX_EPOCH, tuple of its keys, no key is
#: an index). Weak, so that the cache never keeps a dead realm's objects alive.
_INDEX_KEY_CACHE = {}


def _scan_index_keys(p, epoch, keys):
    """The cache entry for the ordinary prototype ``p``."""
    clean = True
    for k in keys:
        if type(k) is str and k and "0" <= k[0] <= "9":
            clean = False
            break
    if len(_INDEX_KEY_CACHE) > 256:
        _INDEX_KEY_CACHE.clear()
    ent = _INDEX_KEY_CACHE[id(p)] = (weak_ref(p), epoch, keys, clean)
    return ent


def _proto_clean(o):
    """True when no object on ``o``'s prototype chain can have an element.

    The answer for the last prototype asked about is remembered while
    INDEX_EPOCH is unchanged and the dense arrays on its chain stay empty (the
    array methods ask about the same ``Array.prototype`` over and over).
    """
    p = o.proto
    last = _CLEAN_LAST
    if last[1] == INDEX_EPOCH[0] and last[0]() is p:
        for q in last[2]:
            a = q.arr
            if a is None or a:
                break
        else:
            return True
    return _proto_clean_scan(o)


def _dead():
    return None


#: (weak reference to the prototype, INDEX_EPOCH, the dense arrays on its chain, the
#: array when there is exactly one) of the last chain ``_proto_clean_scan`` found clean.
_CLEAN_LAST = [_dead, -1, (), None]


def _proto_clean_scan(o):
    """``_proto_clean`` without the one-entry cache.

    Then a hole in a dense array is absent for HasProperty, reads as undefined,
    and a [[Set]] of it defines an own data property (if ``o`` is extensible).
    A dense Array prototype is checked directly (its list must be empty: the
    core's INDEX_EPOCH does not move when a dense list grows).  For an ordinary
    prototype the answer is cached; it holds while INDEX_EPOCH (bumped whenever
    an object may gain an index key) is unchanged, or else while the object's
    keys are the same tuple as when it was computed.
    """
    first = p = o.proto
    epoch = INDEX_EPOCH[0]
    arrays = []
    while p is not null:
        t = type(p)
        if t is JSArray:
            # dense arrays keep every element in ``arr`` (never in ``props``)
            a = p.arr
            if a is None or a:
                return False
            arrays.append(p)
        elif t is JSObject or (not p.exotic and isinstance(p, JSObject)
                               and type(p).get_own_property is JSObject.get_own_property):
            ent = _INDEX_KEY_CACHE.get(id(p))
            if ent is None or ent[0]() is not p:
                ent = _scan_index_keys(p, epoch, tuple(p.props))
            elif ent[1] != epoch:
                keys = tuple(p.props)
                if keys == ent[2]:
                    ent = _INDEX_KEY_CACHE[id(p)] = (ent[0], epoch, keys, ent[3])
                else:
                    ent = _scan_index_keys(p, epoch, keys)
            if not ent[3]:
                return False
        else:
            return False
        p = p.proto
    if first is not null:
        _CLEAN_LAST[:] = [weak_ref(first), epoch, tuple(arrays),
                          arrays[0] if len(arrays) == 1 else None]
    return True


#: Skip-holes loops longer than this over a sparse object visit only its keys.
SPARSE_SCAN_MIN = 4096


def _sparse_chain(o):
    """``o`` and its prototypes when all keep their elements where
    ``_candidates`` can see them without running code, else None."""
    chain = []
    p = o
    while p is not null:
        t = type(p)
        if t is not JSArray and t is not JSObject and (
                p.exotic or not isinstance(p, JSObject)
                or type(p).get_own_property is not JSObject.get_own_property):
            return None
        chain.append(p)
        p = p.proto
    return chain


def _fingerprint(chain):
    fp = []
    for p in chain:
        props = p.props
        fp.append(p)
        fp.append(p.proto)
        fp.append(len(props))
        fp.append(next(reversed(props), None) if props else None)
        if type(p) is JSArray:
            a = p.arr
            fp.append(-1 if a is None else len(a))
    return fp


def _candidates(chain, lo, hi):
    """The sorted integer keys in [lo, hi) of the objects in ``chain``."""
    out = set()
    for p in chain:
        if type(p) is JSArray and p.arr is not None:
            out.update(range(max(lo, 0), min(hi, len(p.arr))))
        for k in p.props:
            if type(k) is str and k and "0" <= k[0] <= "9" and k.isdigit() \
                    and (k[0] != "0" or k == "0"):
                i = int(k)
                if lo <= i < hi:
                    out.add(i)
    return sorted(out)


def _indices(o, lo, hi, step=1):
    """The indices a skip-holes loop over ``o`` visits, ascending over [lo, hi)
    or (``step`` -1) descending from hi - 1 to lo.

    The spec visits every index and asks HasProperty; for a long range over a
    sparse array or a plain object (no proxy on the chain, so HasProperty runs
    no code) the indices that no object on the chain has are skipped.  The
    candidates are recomputed whenever the chain or the key count or last key
    of one of its objects changes, so elements that callbacks add are seen."""
    if hi - lo <= SPARSE_SCAN_MIN or (type(o) is JSArray and o.arr is not None) \
            or _sparse_chain(o) is None:
        return range(lo, hi) if step == 1 else range(hi - 1, lo - 1, -1)
    return _sparse_indices(o, lo, hi, step)


def _sparse_indices(o, lo, hi, step):
    from bisect import bisect_left, bisect_right
    fp = None
    cands = ()
    k = lo if step == 1 else hi - 1
    while lo <= k < hi:
        chain = _sparse_chain(o)
        if chain is None:
            # a proxy entered the chain: visit every remaining index
            yield from (range(k, hi) if step == 1 else range(k, lo - 1, -1))
            return
        new_fp = _fingerprint(chain)
        if new_fp != fp:
            fp = new_fp
            cands = _candidates(chain, lo, hi)
        if step == 1:
            i = bisect_left(cands, k)
            if i >= len(cands):
                return
        else:
            i = bisect_right(cands, k) - 1
            if i < 0:
                return
        k = cands[i]
        yield k
        k += step


def _dense(o):
    """The element list of ``o`` when it is a dense Array, else None."""
    return o.arr if type(o) is JSArray else None


def _require_callable(f):
    if not isinstance(f, JSFunction):
        throw_type_error("%s is not a function" % describe(f))
    return f


_FunctionType = type(_require_callable)


def _arity(fn):
    """How many leading Python arguments the callback ``fn`` (a JSFunction's
    ``fn``) can observe, ``this`` included; a large number when unknown.

    The code generator names the vararg of a function ``_rest`` exactly when
    its parameters are plain identifiers and it uses neither ``arguments`` nor
    a direct ``eval`` (codegen.py, "positional"): nothing reads ``_rest``, so
    arguments past the parameters are unobservable, and leaving them out saves
    building a tuple per call.  Built-ins and all other functions get every
    argument."""
    if type(fn) is not _FunctionType:
        return 99
    code = fn.__code__
    if not code.co_flags & 0x04:            # CO_VARARGS
        return 99
    n = code.co_argcount
    if code.co_varnames[n + code.co_kwonlyargcount] != "_rest":
        return 99
    return n


def _relative(v, n):
    """The clamping of ``ToIntegerOrInfinity(v)`` as a position in ``[0, n]``
    used by slice, splice, fill, copyWithin... (relativeStart)."""
    r = to_integer_or_infinity(v)
    if r < 0:
        r = n + r
        return 0 if r <= 0 else int(r)
    return n if r >= n else int(r)


def _relative_end(v, n):
    """relativeEnd: ``len`` when ``v`` is undefined."""
    if v is undefined:
        return n
    return _relative(v, n)


def _get(o, k):
    """Get(O, ! ToString(k)) for an integer k."""
    if type(o) is JSArray:
        a = o.arr
        if a is not None and k < len(a):
            v = a[k]
            if v is not HOLE:
                return v
    return o.get(str(k), o)


def _get_present(o, k):
    """HasProperty then Get for index k; MISSING when the property is absent."""
    if type(o) is JSArray:
        a = o.arr
        if a is not None and k < len(a):
            v = a[k]
            if v is not HOLE:
                return v
    key = str(k)
    if o.has_property(key):
        return o.get(key, o)
    return MISSING


def _this_object(this, name):
    """ToObject(this value) for the Array.prototype methods, with V8's message when
    ``this`` is undefined or null."""
    if this is undefined or this is null:
        throw_type_error("%s called on null or undefined" % name)
    return to_object(this)


def _set(o, k, v):
    """Set(O, ! ToString(k), v, true)."""
    if type(o) is JSArray:
        a = o.arr
        if a is not None and k < len(a) and a[k] is not HOLE:
            a[k] = v
            return
    key = str(k)
    if not o.set(key, v, o):
        ops.throw_set_failure(o, key)


def _delete(o, k):
    """DeletePropertyOrThrow(O, ! ToString(k))."""
    key = str(k) if type(k) is int else k
    if not o.delete(key):
        throw_type_error("Cannot delete property '%s' of %s" % (key, ops.no_side_effects_to_string(o)))


def _create(a, k, v):
    """CreateDataPropertyOrThrow(A, ! ToString(k), v)."""
    if type(a) is JSArray:
        lst = a.arr
        if lst is not None and a.extensible:
            n = len(lst)
            if k < n:
                lst[k] = v
                return
            if k == n and (a.len_writable):
                lst.append(v)
                return
    key = str(k)
    if not a.define_own_property(key, Desc(value=v, writable=True, enumerable=True,
                                           configurable=True)):
        throw_type_error("Cannot add property %s, object is not extensible" % key)


def _set_length(o, n):
    """Set(O, "length", n, true)."""
    if type(o) is JSArray and o.arr is not None and len(o.arr) == n:
        return
    ops.set_or_throw(o, "length", float(n))


def _new_array(items):
    return JSArray(STATE.realm.intrinsics["%Array.prototype%"], items)


def array_create(n, proto=None, dense=False):
    """ArrayCreate ( length [ , proto ] ) (10.4.2.2) for an integer length.

    ``dense``: the caller will fill every slot (map of a dense array), so a
    list of holes is right whatever the length."""
    if n > MAX_LENGTH:
        throw_range_error("Invalid array length")
    if proto is None:
        proto = STATE.realm.intrinsics["%Array.prototype%"]
    if n <= DENSE_CREATE_LIMIT or dense:
        return JSArray(proto, [HOLE] * n if n else [])
    a = JSArray(proto)
    a.to_sparse()
    a.alen = n
    return a


def _species_intact(realm, c):
    """True when ``c`` is %Array% with its original @@species getter."""
    acc = c.props.get(SYM_SPECIES)
    return type(acc) is Accessor and getattr(acc.get, "fn", None) is array_species_get


def array_species_create(o, n, dense=False):
    """ArraySpeciesCreate ( originalArray, length ) (10.4.2.3).

    Returns ``(A, fresh)``; ``fresh`` is True when A is a new ordinary Array of
    the current realm that no code has seen, so callers may fill its list."""
    realm = STATE.realm
    intr = realm.intrinsics
    if type(o) is JSArray:
        ap = intr["%Array.prototype%"]
        if o.proto is ap and "constructor" not in o.props:
            c = ap.props.get("constructor")
            if c is intr["%Array%"] and _species_intact(realm, c):
                return array_create(n, None, dense), True
    elif not is_array(o):
        return array_create(n), True
    # 3. Let C be ? Get(originalArray, "constructor").
    c = o.get("constructor", o)
    # 4. Cross-realm %Array% constructors are ignored.
    if is_constructor(c):
        c_realm = get_function_realm(c)
        if c_realm is not realm and c is c_realm.intrinsics.get("%Array%"):
            c = undefined
    # 5. If C is an Object, use C[@@species].
    if isinstance(c, JSObject):
        c = c.get(SYM_SPECIES, c)
        if c is null:
            c = undefined
    if c is undefined:
        return array_create(n), True
    if not is_constructor(c):
        throw_type_error("object.constructor[Symbol.species] is not a constructor")
    if c is intr["%Array%"] and n <= MAX_LENGTH:
        return array_create(n), True
    return c.construct((float(n),), c), False


def _is_concat_spreadable(o):
    """IsConcatSpreadable ( O ) (23.1.3.2.1)."""
    if not isinstance(o, JSObject):
        return False
    s = o.get(SYM_IS_CONCAT_SPREADABLE, o)
    if s is not undefined:
        return ops.to_boolean(s)
    return is_array(o)


# ---------------------------------------------------------------------------
# The Array constructor (23.1.1) and its properties (23.1.2)
# ---------------------------------------------------------------------------

def array_call(this, *args):
    """Array ( ...values ) called as a function (23.1.1.1): like ``new Array``."""
    return array_construct(args, None)


def array_construct(args, new_target):
    """Array ( ...values ) (23.1.1.1)
    https://tc39.es/ecma262/#sec-array"""
    # 1-2. proto from NewTarget (the active function when NewTarget is undefined)
    proto = proto_from_ctor(new_target, "%Array.prototype%")
    if len(args) == 1:
        n = args[0]
        if type(n) is not float:
            # 4.c: a single non-Number argument is the only element
            return JSArray(proto, [n])
        i = ops.to_uint32(n)
        # 4.d.ii: ToUint32(len) must equal len
        if i != n:
            throw_range_error("Invalid array length")
        return array_create(i, proto)
    return JSArray(proto, list(args))


def array_from(this, items=undefined, mapfn=undefined, this_arg=undefined, *rest):
    """Array.from ( items [ , mapfn [ , thisArg ] ] ) (23.1.2.1)
    https://tc39.es/ecma262/#sec-array.from"""
    from ..runtime.iteration import IteratorRecord, ArrayFastIter
    c = this
    realm = STATE.realm
    intr = realm.intrinsics
    # 2-3. mapping
    if mapfn is undefined:
        fn = None
    else:
        fn = _require_callable(mapfn).fn
    # 4. usingIterator = ? GetMethod(items, @@iterator)
    if items is undefined or items is null:
        from ..runtime.iteration import not_iterable_message
        throw_type_error(not_iterable_message(items))
    using_iterator = items.get(SYM_ITERATOR, items) if isinstance(items, JSObject) \
        else ops.get_v(items, SYM_ITERATOR)
    if using_iterator is null:
        using_iterator = undefined
    elif using_iterator is not undefined and not isinstance(using_iterator, JSFunction):
        throw_type_error("%Array%.from requires that the property of the first argument, "
                         "items[Symbol.iterator], when exists, be a function")
    plain = c is intr["%Array%"] or not is_constructor(c)
    if using_iterator is not undefined:
        # 5.a. A = IsConstructor(C) ? Construct(C) : ArrayCreate(0)
        if plain:
            a = array_create(0)
        else:
            a = c.construct((), c)
        # 5.b. iteratorRecord = GetIteratorFromMethod(items, usingIterator)
        if (type(items) is JSArray and using_iterator is intr["%Array.prototype.values%"]
                and intr["%ArrayIteratorPrototype%"].props.get("next")
                is intr["%ArrayIteratorPrototype.next%"]):
            rec = ArrayFastIter(items)
        else:
            it = using_iterator.fn(items)
            if not isinstance(it, JSObject):
                throw_type_error("Result of the Symbol.iterator method is not an object")
            rec = IteratorRecord(it, it.get("next", it))
        k = 0
        out = a.arr if plain else None
        try:
            if out is not None and fn is None:
                if type(rec) is ArrayFastIter:
                    src = items.arr
                    # holes read as undefined unless a prototype has elements
                    if src is not None and (_proto_clean(items) or HOLE not in src):
                        out.extend(src)
                        if HOLE in out:
                            out[:] = [undefined if v is HOLE else v for v in out]
                        return a
                for v in rec:
                    out.append(v)
                return a
            for v in rec:
                if k >= MAX_SAFE:
                    throw_type_error("Array.from: too many elements")
                if fn is not None:
                    v = fn(this_arg, v, float(k))
                if out is not None:
                    out.append(v)
                else:
                    _create(a, k, v)
                k += 1
        except (JSThrow, RecursionError):
            # IfAbruptCloseIterator
            if not rec.done:
                rec.abort()
            raise
        if out is None:
            ops.set_or_throw(a, "length", float(k))
        return a
    # 7. items is array-like
    array_like = to_object(items)
    n = ops.length_of_array_like(array_like)
    if plain:
        a = array_create(n)
    else:
        a = c.construct((float(n),), c)
    for k in range(n):
        v = _get(array_like, k)
        if fn is not None:
            v = fn(this_arg, v, float(k))
        _create(a, k, v)
    ops.set_or_throw(a, "length", float(n))
    return a


def array_is_array(this, v=undefined, *rest):
    """Array.isArray ( arg ) (23.1.2.2)
    https://tc39.es/ecma262/#sec-array.isarray"""
    return is_array(v)


def array_of(this, *items):
    """Array.of ( ...items ) (23.1.2.3)
    https://tc39.es/ecma262/#sec-array.of"""
    c = this
    n = len(items)
    if c is STATE.realm.intrinsics["%Array%"] or not is_constructor(c):
        return _new_array(list(items))
    a = c.construct((float(n),), c)
    for k, v in enumerate(items):
        _create(a, k, v)
    ops.set_or_throw(a, "length", float(n))
    return a


def array_species_get(this, *args):
    """get Array [ @@species ] (23.1.2.5)
    https://tc39.es/ecma262/#sec-get-array-@@species"""
    return this


# ---------------------------------------------------------------------------
# Array.prototype (23.1.3)
# ---------------------------------------------------------------------------

def array_at(this, index=undefined, *rest):
    """Array.prototype.at ( index ) (23.1.3.1)
    https://tc39.es/ecma262/#sec-array.prototype.at"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    r = to_integer_or_infinity(index)
    k = r if r >= 0 else n + r
    if k < 0 or k >= n:
        return undefined
    return _get(o, int(k))


def array_concat(this, *items):
    """Array.prototype.concat ( ...items ) (23.1.3.2)
    https://tc39.es/ecma262/#sec-array.prototype.concat"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.concat")
    a, fresh = array_species_create(o, 0)
    n = 0
    for e in (o,) + items:
        if _is_concat_spreadable(e):
            length = ops.length_of_array_like(e)
            if n + length > MAX_SAFE:
                throw_type_error("Invalid array length")
            src = _dense(e)
            if fresh and src is not None and a.arr is not None and len(a.arr) == n \
                    and len(src) == length and (_proto_clean(e) or HOLE not in src):
                # holes stay holes: CreateDataProperty is skipped for them
                a.arr.extend(src)
                n += length
                continue
            for k in _indices(e, 0, length):
                v = _get_present(e, k)
                if v is not MISSING:
                    _create(a, n + k, v)
            n += length
        else:
            if n >= MAX_SAFE:
                throw_type_error("Invalid array length")
            _create(a, n, e)
            n += 1
    _set_length(a, n)
    return a


def array_copy_within(this, target=undefined, start=undefined, end=undefined, *rest):
    """Array.prototype.copyWithin ( target, start [ , end ] ) (23.1.3.4)
    https://tc39.es/ecma262/#sec-array.prototype.copywithin"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    to = _relative(target, n)
    frm = _relative(start, n)
    final = _relative_end(end, n)
    count = min(final - frm, n - to)
    if count <= 0:
        return o
    a = _dense(o)
    if a is not None and len(a) == n and HOLE not in a[frm:frm + count] \
            and HOLE not in a[to:to + count]:
        a[to:to + count] = a[frm:frm + count]
        return o
    if frm < to < frm + count:
        direction = -1
        frm += count - 1
        to += count - 1
    else:
        direction = 1
    while count > 0:
        v = _get_present(o, frm)
        if v is not MISSING:
            _set(o, to, v)
        else:
            _delete(o, to)
        frm += direction
        to += direction
        count -= 1
    return o


def array_entries(this, *args):
    """Array.prototype.entries ( ) (23.1.3.5)
    https://tc39.es/ecma262/#sec-array.prototype.entries"""
    o = this if isinstance(this, JSObject) else to_object(this)
    return create_array_iterator(o, 2)


def array_every(this, callbackfn=undefined, this_arg=undefined, *rest):
    """Array.prototype.every ( callbackfn [ , thisArg ] ) (23.1.3.6)
    https://tc39.es/ecma262/#sec-array.prototype.every"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.every")
    n = ops.length_of_array_like(o)
    fn = _require_callable(callbackfn).fn
    to_boolean = ops.to_boolean
    is_arr = type(o) is JSArray
    for k in _indices(o, 0, n):
        if is_arr:
            a = o.arr
            if a is not None and k < len(a) and a[k] is not HOLE:
                r = fn(this_arg, a[k], float(k), o)
                if r is False or (r is not True and not to_boolean(r)):
                    return False
                continue
        v = _get_present(o, k)
        if v is not MISSING and not to_boolean(fn(this_arg, v, float(k), o)):
            return False
    return True


def array_fill(this, value=undefined, start=undefined, end=undefined, *rest):
    """Array.prototype.fill ( value [ , start [ , end ] ] ) (23.1.3.7)
    https://tc39.es/ecma262/#sec-array.prototype.fill"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    k = _relative(start, n)
    final = _relative_end(end, n)
    if k >= final:
        return o
    a = _dense(o)
    if a is not None and final <= len(a) and (
            (o.extensible and _proto_clean(o)) or HOLE not in a[k:final]):
        a[k:final] = [value] * (final - k)
        return o
    while k < final:
        _set(o, k, value)
        k += 1
    return o


def array_filter(this, callbackfn=undefined, this_arg=undefined, *rest):
    """Array.prototype.filter ( callbackfn [ , thisArg ] ) (23.1.3.8)
    https://tc39.es/ecma262/#sec-array.prototype.filter"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.filter")
    n = ops.length_of_array_like(o)
    fn = _require_callable(callbackfn).fn
    a, fresh = array_species_create(o, 0)
    to_boolean = ops.to_boolean
    out = a.arr if fresh else None
    to = 0
    if type(o) is JSArray and o.arr is not None:
        # The list is re-read at every step: the callback may change the array.
        na = _arity(fn)
        for k in range(n):
            try:
                v = o.arr[k]
            except (IndexError, TypeError):     # shrunk, or no longer dense
                v = HOLE
            if v is HOLE:
                v = _get_present(o, k)
                if v is MISSING:
                    continue
            if na <= 2:
                r = fn(this_arg, v)
            else:
                r = fn(this_arg, v, float(k), o)
            if r is True or (r is not False and to_boolean(r)):
                if out is not None:
                    out.append(v)
                else:
                    _create(a, to, v)
                to += 1
        return a
    for k in _indices(o, 0, n):
        v = _get_present(o, k)
        if v is MISSING:
            continue
        r = fn(this_arg, v, float(k), o)
        if r is True or (r is not False and to_boolean(r)):
            if out is not None:
                out.append(v)
            else:
                _create(a, to, v)
            to += 1
    return a


def _find(o, n, fn, this_arg, indices):
    """FindViaPredicate ( O, len, direction, predicate, thisArg ) (23.1.3.12.1):
    (index, value) of the first match in ``indices``, else (-1, undefined)."""
    to_boolean = ops.to_boolean
    for k in indices:
        v = _get(o, k)
        r = fn(this_arg, v, float(k), o)
        if r is True or (r is not False and to_boolean(r)):
            return k, v
    return -1, undefined


def array_find(this, predicate=undefined, this_arg=undefined, *rest):
    """Array.prototype.find ( predicate [ , thisArg ] ) (23.1.3.9)
    https://tc39.es/ecma262/#sec-array.prototype.find"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.find")
    n = ops.length_of_array_like(o)
    fn = _require_callable(predicate).fn
    return _find(o, n, fn, this_arg, range(n))[1]


def array_find_index(this, predicate=undefined, this_arg=undefined, *rest):
    """Array.prototype.findIndex ( predicate [ , thisArg ] ) (23.1.3.10)
    https://tc39.es/ecma262/#sec-array.prototype.findindex"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.findIndex")
    n = ops.length_of_array_like(o)
    fn = _require_callable(predicate).fn
    return float(_find(o, n, fn, this_arg, range(n))[0])


def array_find_last(this, predicate=undefined, this_arg=undefined, *rest):
    """Array.prototype.findLast ( predicate [ , thisArg ] ) (23.1.3.11)
    https://tc39.es/ecma262/#sec-array.prototype.findlast"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.findLast")
    n = ops.length_of_array_like(o)
    fn = _require_callable(predicate).fn
    return _find(o, n, fn, this_arg, range(n - 1, -1, -1))[1]


def array_find_last_index(this, predicate=undefined, this_arg=undefined, *rest):
    """Array.prototype.findLastIndex ( predicate [ , thisArg ] ) (23.1.3.12)
    https://tc39.es/ecma262/#sec-array.prototype.findlastindex"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.findLastIndex")
    n = ops.length_of_array_like(o)
    fn = _require_callable(predicate).fn
    return float(_find(o, n, fn, this_arg, range(n - 1, -1, -1))[0])


def _flatten_into_array(target, fresh, source, source_len, start, depth, fn=None,
                        this_arg=undefined):
    """FlattenIntoArray ( target, source, sourceLen, start, depth [ , mapperFunction,
    thisArg ] ) (23.1.3.13.1); returns the next target index."""
    target_index = start
    out = target.arr if fresh else None
    for k in _indices(source, 0, source_len):
        v = _get_present(source, k)
        if v is MISSING:
            continue
        if fn is not None:
            v = fn(this_arg, v, float(k), source)
        if depth > 0 and isinstance(v, JSObject) and is_array(v):
            new_depth = depth - 1
            target_index = _flatten_into_array(target, fresh, v, ops.length_of_array_like(v),
                                               target_index, new_depth)
            continue
        if target_index >= MAX_SAFE:
            throw_type_error("Array.prototype.flat: result too long")
        if out is not None and len(out) == target_index:
            out.append(v)
        else:
            _create(target, target_index, v)
        target_index += 1
    return target_index


def array_flat(this, depth=undefined, *rest):
    """Array.prototype.flat ( [ depth ] ) (23.1.3.13)
    https://tc39.es/ecma262/#sec-array.prototype.flat"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    depth_num = 1
    if depth is not undefined:
        depth_num = to_integer_or_infinity(depth)
        if depth_num < 0:
            depth_num = 0
    a, fresh = array_species_create(o, 0)
    _flatten_into_array(a, fresh, o, n, 0, depth_num)
    return a


def array_flat_map(this, mapper=undefined, this_arg=undefined, *rest):
    """Array.prototype.flatMap ( mapperFunction [ , thisArg ] ) (23.1.3.14)
    https://tc39.es/ecma262/#sec-array.prototype.flatmap"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    fn = _require_callable(mapper).fn
    a, fresh = array_species_create(o, 0)
    _flatten_into_array(a, fresh, o, n, 0, 1, fn, this_arg)
    return a


def array_for_each(this, callbackfn=undefined, this_arg=undefined, *rest):
    """Array.prototype.forEach ( callbackfn [ , thisArg ] ) (23.1.3.15)
    https://tc39.es/ecma262/#sec-array.prototype.foreach"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.forEach")
    n = ops.length_of_array_like(o)
    fn = _require_callable(callbackfn).fn
    if type(o) is JSArray and o.arr is not None:
        # The list is re-read at every step: the callback may change the array.
        na = _arity(fn)
        for k in range(n):
            try:
                v = o.arr[k]
            except (IndexError, TypeError):     # shrunk, or no longer dense
                v = HOLE
            if v is HOLE:
                v = _get_present(o, k)
                if v is MISSING:
                    continue
            if na <= 2:
                fn(this_arg, v)
            else:
                fn(this_arg, v, float(k), o)
        return undefined
    for k in _indices(o, 0, n):
        v = _get_present(o, k)
        if v is not MISSING:
            fn(this_arg, v, float(k), o)
    return undefined


def _start_index(from_index, n):
    """Steps shared by includes and indexOf: the first index to examine, or None."""
    r = to_integer_or_infinity(from_index)
    if r == float("inf"):
        return None
    if r >= 0:
        return r
    r = n + r
    return 0 if r < 0 else int(r)


def _list_index(a, x, start, end):
    """The first i in [start, end) with a[i] strictly equal to x (x not NaN), or -1."""
    t = type(x)
    while start < end:
        try:
            i = a.index(x, start, end)
        except ValueError:
            return -1
        if type(a[i]) is t:
            return i
        start = i + 1  # e.g. True == 1.0 in Python
    return -1


def array_includes(this, search=undefined, from_index=undefined, *rest):
    """Array.prototype.includes ( searchElement [ , fromIndex ] ) (23.1.3.16)
    https://tc39.es/ecma262/#sec-array.prototype.includes"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    if n == 0:
        return False
    k = _start_index(from_index, n)
    if k is None or k >= n:
        return False
    a = _dense(o)
    if a is not None and len(a) == n:
        if _proto_clean(o) or HOLE not in a:
            if type(search) is float and search != search:
                for i in range(k, n):
                    v = a[i]
                    if type(v) is float and v != v:
                        return True
                return False
            if search is undefined and HOLE in a[k:]:
                return True
            return _list_index(a, search, k, n) >= 0
    same_value_zero = ops.same_value_zero
    while k < n:
        if same_value_zero(_get(o, k), search):
            return True
        k += 1
    return False


def array_index_of(this, search=undefined, from_index=undefined, *rest):
    """Array.prototype.indexOf ( searchElement [ , fromIndex ] ) (23.1.3.17)
    https://tc39.es/ecma262/#sec-array.prototype.indexof"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.indexOf")
    n = ops.length_of_array_like(o)
    if n == 0:
        return -1.0
    k = _start_index(from_index, n)
    if k is None or k >= n:
        return -1.0
    if type(search) is float and search != search:
        # NaN is never strictly equal; only the HasProperty/Get calls remain
        a = _dense(o)
        if a is not None and (_proto_clean(o) or HOLE not in a):
            return -1.0
    a = _dense(o)
    if a is not None and len(a) == n and (_proto_clean(o) or HOLE not in a):
        return float(_list_index(a, search, k, n))
    strict_equals = ops.strict_equals
    for k in _indices(o, k, n):
        v = _get_present(o, k)
        if v is not MISSING and strict_equals(v, search):
            return float(k)
    return -1.0


def array_join(this, separator=undefined, *rest):
    """Array.prototype.join ( separator ) (23.1.3.18)
    https://tc39.es/ecma262/#sec-array.prototype.join

    A cyclic join (an array that contains itself) yields "" for the inner
    occurrence, as in every engine."""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    sep = "," if separator is undefined else ops.to_string(separator)
    realm = STATE.realm
    if realm.join_guard(o):
        return ""
    try:
        return sep.join(_join_parts(o, n))
    finally:
        realm.join_unguard(o)


def _join_parts(o, n):
    parts = []
    append = parts.append
    to_string = ops.to_string
    is_arr = type(o) is JSArray
    for k in range(n):
        v = HOLE
        if is_arr:
            a = o.arr
            if a is not None and k < len(a):
                v = a[k]
        if v is HOLE:
            v = o.get(str(k), o)
        t = type(v)
        if t is str:
            append(v)
        elif t is float:
            append(number_to_string(v))
        elif v is undefined or v is null:
            append("")
        else:
            append(to_string(v))
    return parts


def array_keys(this, *args):
    """Array.prototype.keys ( ) (23.1.3.19)
    https://tc39.es/ecma262/#sec-array.prototype.keys"""
    o = this if isinstance(this, JSObject) else to_object(this)
    return create_array_iterator(o, 0)


def array_last_index_of(this, search=undefined, *rest):
    """Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] ) (23.1.3.20)
    https://tc39.es/ecma262/#sec-array.prototype.lastindexof"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    if n == 0:
        return -1.0
    # 4. fromIndex present (even if undefined) or len - 1
    if rest:
        r = to_integer_or_infinity(rest[0])
    else:
        r = n - 1
    if r == float("-inf"):
        return -1.0
    if r >= 0:
        k = min(r, n - 1)
    else:
        k = n + r
    k = int(k)
    a = _dense(o)
    if a is not None and len(a) == n and (_proto_clean(o) or HOLE not in a):
        if type(search) is float and search != search:
            return -1.0
        t = type(search)
        for i in range(k, -1, -1):
            v = a[i]
            if v is search and t is not float or (type(v) is t and v == search):
                return float(i)
        return -1.0
    strict_equals = ops.strict_equals
    for k in _indices(o, 0, k + 1, -1):
        v = _get_present(o, k)
        if v is not MISSING and strict_equals(v, search):
            return float(k)
    return -1.0


def array_map(this, callbackfn=undefined, this_arg=undefined, *rest):
    """Array.prototype.map ( callbackfn [ , thisArg ] ) (23.1.3.21)
    https://tc39.es/ecma262/#sec-array.prototype.map"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.map")
    n = ops.length_of_array_like(o)
    fn = _require_callable(callbackfn).fn
    dense = type(o) is JSArray and o.arr is not None
    a, fresh = array_species_create(o, n, dense)
    out = a.arr if fresh else None
    if dense:
        # The list is re-read at every step: the callback may change the array.
        # ``out`` is the list of a new array no code has seen, n long.
        na = _arity(fn)
        for k in range(n):
            try:
                v = o.arr[k]
            except (IndexError, TypeError):     # shrunk, or no longer dense
                v = HOLE
            if v is HOLE:
                v = _get_present(o, k)
                if v is MISSING:
                    continue
            if na <= 2:
                r = fn(this_arg, v)
            else:
                r = fn(this_arg, v, float(k), o)
            if out is not None:
                out[k] = r
            else:
                _create(a, k, r)
        return a
    for k in _indices(o, 0, n):
        v = _get_present(o, k)
        if v is MISSING:
            continue
        r = fn(this_arg, v, float(k), o)
        if out is not None:
            out[k] = r
        else:
            _create(a, k, r)
    return a


def array_pop(this, *args):
    """Array.prototype.pop ( ) (23.1.3.22)
    https://tc39.es/ecma262/#sec-array.prototype.pop"""
    if type(this) is JSArray:
        a = this.arr
        if a is not None and a and this.len_writable and a[-1] is not HOLE:
            return a.pop()
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    if n == 0:
        ops.set_or_throw(o, "length", 0.0)
        return undefined
    k = str(n - 1)
    v = o.get(k, o)
    _delete(o, k)
    ops.set_or_throw(o, "length", float(n - 1))
    return v


def array_push(this, item=MISSING, *more):
    """Array.prototype.push ( ...items ) (23.1.3.23)
    https://tc39.es/ecma262/#sec-array.prototype.push"""
    if type(this) is JSArray:
        a = this.arr
        if a is not None and this.extensible and this.len_writable:
            if not more:
                # one item (the common case) or none
                if item is MISSING:
                    return float(len(a))     # Set(O, "length", len) changes nothing
                # _proto_clean(this), its cache hit inlined for the one-array chain
                last = _CLEAN_LAST
                if last[1] == INDEX_EPOCH[0] and last[0]() is this.proto:
                    q = last[3]
                    if q is not None:
                        q = q.arr
                        clean = q is not None and not q
                    else:
                        clean = _proto_clean(this)
                else:
                    clean = _proto_clean(this)
                if clean and len(a) < MAX_LENGTH:
                    a.append(item)
                    return float(len(a))
            elif len(a) + 1 + len(more) <= MAX_LENGTH and _proto_clean(this):
                a.append(item)
                a.extend(more)
                return float(len(a))
    items = () if item is MISSING else (item,) + more
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    if n + len(items) > MAX_SAFE:
        throw_type_error("Pushing %d elements on an array-like of length %d is disallowed, "
                         "as the total surpasses 2**53-1" % (len(items), n))
    for v in items:
        ops.set_or_throw(o, str(n), v)
        n += 1
    ops.set_or_throw(o, "length", float(n))
    return float(n)


def _reduce(o, n, fn, rest, indices, name):
    it = iter(indices)
    if rest:
        acc = rest[0]
    else:
        # 8. the first present element is the initial accumulator
        for k in it:
            acc = _get_present(o, k)
            if acc is not MISSING:
                break
        else:
            throw_type_error("Reduce of empty array with no initial value")
    if type(o) is JSArray and o.arr is not None and type(indices) is range:
        # The list is re-read at every step: the callback may change the array.
        na = _arity(fn)
        for k in it:
            try:
                v = o.arr[k]
            except (IndexError, TypeError):     # shrunk, or no longer dense
                v = HOLE
            if v is HOLE:
                v = _get_present(o, k)
                if v is MISSING:
                    continue
            if na <= 3:
                acc = fn(undefined, acc, v)
            else:
                acc = fn(undefined, acc, v, float(k), o)
        return acc
    for k in it:
        v = _get_present(o, k)
        if v is not MISSING:
            acc = fn(undefined, acc, v, float(k), o)
    return acc


def array_reduce(this, callbackfn=undefined, *rest):
    """Array.prototype.reduce ( callbackfn [ , initialValue ] ) (23.1.3.24)
    https://tc39.es/ecma262/#sec-array.prototype.reduce"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.reduce")
    n = ops.length_of_array_like(o)
    fn = _require_callable(callbackfn).fn
    return _reduce(o, n, fn, rest, _indices(o, 0, n), "reduce")


def array_reduce_right(this, callbackfn=undefined, *rest):
    """Array.prototype.reduceRight ( callbackfn [ , initialValue ] ) (23.1.3.25)
    https://tc39.es/ecma262/#sec-array.prototype.reduceright"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.reduceRight")
    n = ops.length_of_array_like(o)
    fn = _require_callable(callbackfn).fn
    return _reduce(o, n, fn, rest, _indices(o, 0, n, -1), "reduceRight")


def array_reverse(this, *args):
    """Array.prototype.reverse ( ) (23.1.3.26)
    https://tc39.es/ecma262/#sec-array.prototype.reverse"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    a = _dense(o)
    if a is not None and len(a) == n and (
            (o.extensible and _proto_clean(o)) or HOLE not in a):
        a.reverse()
        return o
    middle = n // 2
    lower = 0
    while lower != middle:
        upper = n - lower - 1
        lower_v = _get_present(o, lower)
        upper_v = _get_present(o, upper)
        if lower_v is not MISSING and upper_v is not MISSING:
            _set(o, lower, upper_v)
            _set(o, upper, lower_v)
        elif upper_v is not MISSING:
            _set(o, lower, upper_v)
            _delete(o, upper)
        elif lower_v is not MISSING:
            _delete(o, lower)
            _set(o, upper, lower_v)
        lower += 1
    return o


def array_shift(this, *args):
    """Array.prototype.shift ( ) (23.1.3.27)
    https://tc39.es/ecma262/#sec-array.prototype.shift"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    if n == 0:
        ops.set_or_throw(o, "length", 0.0)
        return undefined
    a = _dense(o)
    if a is not None and o.len_writable and len(a) == n and (
            (o.extensible and _proto_clean(o)) or HOLE not in a):
        first = a.pop(0)
        return undefined if first is HOLE else first
    first = _get(o, 0)
    for k in range(1, n):
        v = _get_present(o, k)
        if v is not MISSING:
            _set(o, k - 1, v)
        else:
            _delete(o, k - 1)
    _delete(o, n - 1)
    ops.set_or_throw(o, "length", float(n - 1))
    return first


def array_slice(this, start=undefined, end=undefined, *rest):
    """Array.prototype.slice ( start, end ) (23.1.3.28)
    https://tc39.es/ecma262/#sec-array.prototype.slice"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    k = _relative(start, n)
    final = _relative_end(end, n)
    count = max(final - k, 0)
    a, fresh = array_species_create(o, count)
    src = _dense(o)
    if fresh and src is not None and len(src) == n:
        part = src[k:final]
        if _proto_clean(o) or HOLE not in part:
            a.arr = part
            return a
    for j in _indices(o, k, final):
        v = _get_present(o, j)
        if v is not MISSING:
            _create(a, j - k, v)
    ops.set_or_throw(a, "length", float(count))
    return a


def array_some(this, callbackfn=undefined, this_arg=undefined, *rest):
    """Array.prototype.some ( callbackfn [ , thisArg ] ) (23.1.3.29)
    https://tc39.es/ecma262/#sec-array.prototype.some"""
    o = this if isinstance(this, JSObject) else _this_object(this, "Array.prototype.some")
    n = ops.length_of_array_like(o)
    fn = _require_callable(callbackfn).fn
    to_boolean = ops.to_boolean
    is_arr = type(o) is JSArray
    for k in _indices(o, 0, n):
        if is_arr:
            a = o.arr
            if a is not None and k < len(a) and a[k] is not HOLE:
                r = fn(this_arg, a[k], float(k), o)
                if r is True or (r is not False and to_boolean(r)):
                    return True
                continue
        v = _get_present(o, k)
        if v is not MISSING and to_boolean(fn(this_arg, v, float(k), o)):
            return True
    return False


def _sort_indexed_properties(o, n, comparefn, skip_holes):
    """SortIndexedProperties ( obj, len, SortCompare, holes ) (23.1.3.30.1):
    the sorted list of the values read."""
    a = _dense(o)
    if a is not None and len(a) == n and (_proto_clean(o) or HOLE not in a):
        if HOLE in a:
            items = [v for v in a if v is not HOLE]
            if not skip_holes:
                items.extend([undefined] * (n - len(items)))
        else:
            items = list(a)
    else:
        items = []
        if skip_holes:
            for k in _indices(o, 0, n):
                v = _get_present(o, k)
                if v is not MISSING:
                    items.append(v)
        else:
            items = [_get(o, k) for k in range(n)]
    return _sort_values(items, comparefn)


def _sort_values(items, comparefn):
    """Sort with CompareArrayElements (23.1.3.30.2): undefined last, then by the
    comparator (NaN counts as 0) or by ToString; Python's sort is stable."""
    vals = [v for v in items if v is not undefined]
    n_undef = len(items) - len(vals)
    if comparefn is undefined:
        if all(type(v) is str for v in vals):
            vals.sort()
        else:
            to_string = ops.to_string
            keys = [v if type(v) is str else to_string(v) for v in vals]
            order = sorted(range(len(vals)), key=keys.__getitem__)
            vals = [vals[i] for i in order]
    else:
        fn = comparefn.fn
        to_number = ops.to_number

        def compare(x, y):
            v = fn(undefined, x, y)
            if type(v) is not float:
                v = to_number(v)
            if v < 0:
                return -1
            if v > 0:
                return 1
            return 0  # +0, -0 and NaN
        vals.sort(key=cmp_to_key(compare))
    if n_undef:
        vals.extend([undefined] * n_undef)
    return vals


def _check_comparefn(comparefn):
    if comparefn is not undefined and not isinstance(comparefn, JSFunction):
        throw_type_error("The comparison function must be either a function or undefined")


def array_sort(this, comparefn=undefined, *rest):
    """Array.prototype.sort ( comparefn ) (23.1.3.30)
    https://tc39.es/ecma262/#sec-array.prototype.sort"""
    _check_comparefn(comparefn)
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    items = _sort_indexed_properties(o, n, comparefn, True)
    count = len(items)
    a = _dense(o)
    if a is not None and len(a) >= count and HOLE not in a[:count]:
        a[:count] = items
    else:
        for j in range(count):
            _set(o, j, items[j])
    # holes go to the end: delete what lies past the values
    a = _dense(o)
    if a is not None:
        for j in range(count, min(n, len(a))):
            a[j] = HOLE
        count = max(count, len(a))
    for j in _indices(o, count, n):
        _delete(o, j)
    return o


def array_splice(this, *args):
    """Array.prototype.splice ( start, deleteCount, ...items ) (23.1.3.31)
    https://tc39.es/ecma262/#sec-array.prototype.splice"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    start = _relative(args[0], n) if args else 0
    items = args[2:]
    item_count = len(items)
    # 8-10. actualDeleteCount
    if not args:
        dc = 0
    elif len(args) == 1:
        dc = n - start
    else:
        dc = to_integer_or_infinity(args[1])
        dc = int(min(max(dc, 0), n - start))
    if n + item_count - dc > MAX_SAFE:
        throw_type_error("Invalid array length")
    a, fresh = array_species_create(o, dc)
    src = _dense(o)
    if fresh and src is not None and len(src) == n and o.len_writable and o.extensible \
            and n - dc + item_count <= MAX_LENGTH and (_proto_clean(o) or HOLE not in src):
        a.arr = src[start:start + dc]
        src[start:start + dc] = items
        return a
    # 11. copy the deleted elements into A
    for k in _indices(o, start, start + dc):
        v = _get_present(o, k)
        if v is not MISSING:
            _create(a, k - start, v)
    ops.set_or_throw(a, "length", float(dc))
    # 15-16. move the tail
    if item_count < dc:
        for k in range(start, n - dc):
            v = _get_present(o, k + dc)
            if v is not MISSING:
                _set(o, k + item_count, v)
            else:
                _delete(o, k + item_count)
        k = n
        while k > n - dc + item_count:
            _delete(o, k - 1)
            k -= 1
    elif item_count > dc:
        k = n - dc
        while k > start:
            v = _get_present(o, k + dc - 1)
            if v is not MISSING:
                _set(o, k + item_count - 1, v)
            else:
                _delete(o, k + item_count - 1)
            k -= 1
    for i, v in enumerate(items):
        _set(o, start + i, v)
    ops.set_or_throw(o, "length", float(n - dc + item_count))
    return a


def array_to_locale_string(this, *args):
    """Array.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (23.1.3.32)
    https://tc39.es/ecma262/#sec-array.prototype.tolocalestring"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    realm = STATE.realm
    if realm.join_guard(o):
        return ""
    try:
        parts = []
        for k in range(n):
            v = _get(o, k)
            if v is undefined or v is null:
                parts.append("")
            else:
                parts.append(ops.to_string(ops.invoke(v, "toLocaleString", *args[:2])))
        return ",".join(parts)
    finally:
        realm.join_unguard(o)


def array_to_reversed(this, *args):
    """Array.prototype.toReversed ( ) (23.1.3.33)
    https://tc39.es/ecma262/#sec-array.prototype.toreversed"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    if n > MAX_LENGTH:
        throw_range_error("Invalid array length")
    a = _dense(o)
    if a is not None and len(a) == n and HOLE not in a:
        return _new_array(a[::-1])
    return _new_array([_get(o, n - k - 1) for k in range(n)])


def array_to_sorted(this, comparefn=undefined, *rest):
    """Array.prototype.toSorted ( comparefn ) (23.1.3.34)
    https://tc39.es/ecma262/#sec-array.prototype.tosorted"""
    _check_comparefn(comparefn)
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    if n > MAX_LENGTH:
        throw_range_error("Invalid array length")
    return _new_array(_sort_indexed_properties(o, n, comparefn, False))


def array_to_spliced(this, *args):
    """Array.prototype.toSpliced ( start, skipCount, ...items ) (23.1.3.35)
    https://tc39.es/ecma262/#sec-array.prototype.tospliced"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    start = _relative(args[0], n) if args else 0
    items = args[2:]
    if not args:
        skip = 0
    elif len(args) == 1:
        skip = n - start
    else:
        skip = to_integer_or_infinity(args[1])
        skip = int(min(max(skip, 0), n - start))
    new_len = n + len(items) - skip
    if new_len > MAX_SAFE:
        throw_type_error("Invalid array length")
    if new_len > MAX_LENGTH:
        throw_range_error("Invalid array length")
    src = _dense(o)
    if src is not None and len(src) == n and HOLE not in src:
        return _new_array(src[:start] + list(items) + src[start + skip:])
    out = [_get(o, i) for i in range(start)]
    out.extend(items)
    out.extend(_get(o, r) for r in range(start + skip, n))
    return _new_array(out)


def array_to_string(this, *args):
    """Array.prototype.toString ( ) (23.1.3.36)
    https://tc39.es/ecma262/#sec-array.prototype.tostring"""
    o = this if isinstance(this, JSObject) else to_object(this)
    f = o.get("join", o)
    if not isinstance(f, JSFunction):
        from .core import op_to_string
        return op_to_string(o)
    return f.fn(o)


def array_unshift(this, *items):
    """Array.prototype.unshift ( ...items ) (23.1.3.37)
    https://tc39.es/ecma262/#sec-array.prototype.unshift"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    c = len(items)
    if c > 0:
        if n + c > MAX_SAFE:
            throw_type_error("Invalid array length")
        a = _dense(o)
        if a is not None and len(a) == n and o.len_writable and o.extensible \
                and n + c <= MAX_LENGTH and _proto_clean(o):
            a[0:0] = items
            return float(n + c)
        k = n
        while k > 0:
            v = _get_present(o, k - 1)
            if v is not MISSING:
                _set(o, k + c - 1, v)
            else:
                _delete(o, k + c - 1)
            k -= 1
        for j, v in enumerate(items):
            _set(o, j, v)
    ops.set_or_throw(o, "length", float(n + c))
    return float(n + c)


def array_values(this, *args):
    """Array.prototype.values ( ) (23.1.3.38), also Array.prototype [ @@iterator ]
    https://tc39.es/ecma262/#sec-array.prototype.values"""
    o = this if isinstance(this, JSObject) else to_object(this)
    return create_array_iterator(o, 1)


def array_with(this, index=undefined, value=undefined, *rest):
    """Array.prototype.with ( index, value ) (23.1.3.39)
    https://tc39.es/ecma262/#sec-array.prototype.with"""
    o = this if isinstance(this, JSObject) else to_object(this)
    n = ops.length_of_array_like(o)
    r = to_integer_or_infinity(index)
    k = r if r >= 0 else n + r
    if k >= n or k < 0:
        throw_range_error("Invalid index : %s" % ops.to_display_string(index))
    if n > MAX_LENGTH:
        throw_range_error("Invalid array length")
    k = int(k)
    src = _dense(o)
    if src is not None and len(src) == n and HOLE not in src:
        out = list(src)
        out[k] = value
        return _new_array(out)
    return _new_array([value if i == k else _get(o, i) for i in range(n)])


# ---------------------------------------------------------------------------
# Registration
# ---------------------------------------------------------------------------

#: Array.prototype methods in spec order: (name, function, length).
PROTO_METHODS = (
    ("at", array_at, 1),
    ("concat", array_concat, 1),
    ("copyWithin", array_copy_within, 2),
    ("entries", array_entries, 0),
    ("every", array_every, 1),
    ("fill", array_fill, 1),
    ("filter", array_filter, 1),
    ("find", array_find, 1),
    ("findIndex", array_find_index, 1),
    ("findLast", array_find_last, 1),
    ("findLastIndex", array_find_last_index, 1),
    ("flat", array_flat, 0),
    ("flatMap", array_flat_map, 1),
    ("forEach", array_for_each, 1),
    ("includes", array_includes, 1),
    ("indexOf", array_index_of, 1),
    ("join", array_join, 1),
    ("keys", array_keys, 0),
    ("lastIndexOf", array_last_index_of, 1),
    ("map", array_map, 1),
    ("pop", array_pop, 0),
    ("push", array_push, 1),
    ("reduce", array_reduce, 1),
    ("reduceRight", array_reduce_right, 1),
    ("reverse", array_reverse, 0),
    ("shift", array_shift, 0),
    ("slice", array_slice, 2),
    ("some", array_some, 1),
    ("sort", array_sort, 1),
    ("splice", array_splice, 2),
    ("toLocaleString", array_to_locale_string, 0),
    ("toReversed", array_to_reversed, 0),
    ("toSorted", array_to_sorted, 1),
    ("toSpliced", array_to_spliced, 2),
    ("toString", array_to_string, 0),
    ("unshift", array_unshift, 1),
    ("values", array_values, 0),
    ("with", array_with, 2),
)

#: Array.prototype [ @@unscopables ] (23.1.3.41)
UNSCOPABLES = ("at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast",
               "findLastIndex", "flat", "flatMap", "includes", "keys", "toReversed",
               "toSorted", "toSpliced", "values")

STATIC_METHODS = (
    ("from", array_from, 1),
    ("isArray", array_is_array, 1),
    ("of", array_of, 0),
)


def setup(realm):
    intr = realm.intrinsics
    # %Array.prototype% is itself an Array exotic object (23.1.3)
    ap = JSArray(intr["%Object.prototype%"])
    intr["%Array.prototype%"] = ap
    arr = make_constructor(realm, "Array", array_call, array_construct, 1, ap)
    intr["%Array%"] = arr
    define_methods(realm, arr, STATIC_METHODS)
    define_getters(realm, arr, [(SYM_SPECIES, array_species_get, None)])
    m = define_methods(realm, ap, PROTO_METHODS)
    intr["%Array.prototype.values%"] = m["values"]
    intr["%Array.prototype.toString%"] = m["toString"]
    # 23.1.3.40: the initial value of @@iterator is %Array.prototype.values%
    ap._store(SYM_ITERATOR, m["values"], W | C)
    unscopables = JSObject(null)
    for name in UNSCOPABLES:
        unscopables._store(name, True)
    ap._store(SYM_UNSCOPABLES, unscopables, C)
    realm.global_object._store("Array", arr, W | C)
