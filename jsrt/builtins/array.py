"""Array (ECMA-262 23.1)."""

from ..runtime.values import undefined, null, HOLE, MISSING, SYM_ITERATOR, SYM_SPECIES, SYM_UNSCOPABLES
from ..runtime.objects import JSObject, JSArray, JSFunction, Desc, W, E, C, is_constructor
from ..runtime.errors import STATE, throw_type_error, throw_range_error
from ..runtime import ops
from ._common import make_native, define_methods, define_getters, make_constructor, proto_from_ctor
from .iterators import create_array_iterator


def array_call(this, *args):
    return array_construct(args, None)


def array_construct(args, new_target):
    """Array (23.1.1.1)."""
    proto = proto_from_ctor(new_target, "%Array.prototype%")
    if len(args) == 1:
        n = args[0]
        if type(n) is float:
            i = ops.to_uint32(n)
            if i != n:
                throw_range_error("Invalid array length")
            a = JSArray(proto)
            a.define_own_property("length", Desc(value=n))
            return a
        return JSArray(proto, [n])
    return JSArray(proto, list(args))


def array_is_array(this, v=undefined, *rest):
    from ..runtime.proxy_check import is_array
    return is_array(v)


def array_species_get(this, *args):
    return this


def array_push(this, *items):
    """Array.prototype.push (23.1.3.23)."""
    if type(this) is JSArray and this.arr is not None and this.extensible and this.len_writable:
        a = this.arr
        a.extend(items)
        return float(len(a))
    o = ops.to_object(this)
    n = ops.length_of_array_like(o)
    if n + len(items) > 2 ** 53 - 1:
        throw_type_error("Pushing %d elements on an array-like of length %d is disallowed"
                         % (len(items), n))
    for v in items:
        ops.set_or_throw(o, ops.number_to_key(float(n)), v)
        n += 1
    ops.set_or_throw(o, "length", float(n))
    return float(n)


def array_pop(this, *args):
    if type(this) is JSArray and this.arr is not None and this.len_writable and this.arr \
            and this.arr[-1] is not HOLE:
        return this.arr.pop()
    o = ops.to_object(this)
    n = ops.length_of_array_like(o)
    if n == 0:
        ops.set_or_throw(o, "length", 0.0)
        return undefined
    k = ops.number_to_key(float(n - 1))
    v = o.get(k, o)
    if not o.delete(k):
        throw_type_error("Cannot delete property '%s'" % k)
    ops.set_or_throw(o, "length", float(n - 1))
    return v


def array_join(this, sep=undefined, *rest):
    o = ops.to_object(this)
    n = ops.length_of_array_like(o)
    s = "," if sep is undefined else ops.to_string(sep)
    realm = STATE.realm
    if realm.join_guard(o):
        return ""
    try:
        parts = []
        for i in range(n):
            v = o.get(str(i), o)
            parts.append("" if v is undefined or v is null else ops.to_string(v))
        return s.join(parts)
    finally:
        realm.join_unguard(o)


def array_to_string(this, *args):
    o = ops.to_object(this)
    f = o.get("join", o)
    if not isinstance(f, JSFunction):
        from .core import op_to_string
        return op_to_string(o)
    return f.fn(o)


def array_values(this, *args):
    return create_array_iterator(ops.to_object(this), 1)


def array_keys(this, *args):
    return create_array_iterator(ops.to_object(this), 0)


def array_entries(this, *args):
    return create_array_iterator(ops.to_object(this), 2)


def setup(realm):
    intr = realm.intrinsics
    ap = JSArray(intr["%Object.prototype%"])
    intr["%Array.prototype%"] = ap
    arr = make_constructor(realm, "Array", array_call, array_construct, 1, ap)
    intr["%Array%"] = arr
    define_methods(realm, arr, [("isArray", array_is_array, 1)])
    define_getters(realm, arr, [(SYM_SPECIES, array_species_get, None)])
    m = define_methods(realm, ap, [
        ("entries", array_entries, 0),
        ("join", array_join, 1),
        ("keys", array_keys, 0),
        ("pop", array_pop, 0),
        ("push", array_push, 1),
        ("toString", array_to_string, 0),
        ("values", array_values, 0),
    ])
    intr["%Array.prototype.values%"] = m["values"]
    intr["%Array.prototype.toString%"] = m["toString"]
    ap._store(SYM_ITERATOR, m["values"], W | C)
    realm.global_object._store("Array", arr, W | C)
