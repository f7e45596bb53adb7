"""Abstract operations (ECMA-262 chapter 7) and the operator helpers that
compiled code calls when its inline fast paths do not apply.

Every helper takes and returns JS values (see values.py). Names are PEP 8; the
spec name is in each docstring.
"""

import math

from .values import (undefined, null, MISSING, HOLE, TDZ, Symbol, JSBigInt, Undefined, Null,
                     SYM_TO_PRIMITIVE, SYM_HAS_INSTANCE, SYM_ITERATOR, SYM_TO_STRING_TAG)
from .objects import (JSObject, JSArray, JSFunction, JSPrimitiveObject, JSStringObject,
                      Accessor, Desc, DIGITS, array_index, same_value, is_callable,
                      is_constructor, W, E, C, WEC, bump_index_epoch)
from .errors import (JSThrow, STATE, throw_type_error, throw_range_error,
                     throw_reference_error)
from .numconv import (number_to_string, string_to_number, number_to_key,
                      small_int_string as _small_int_string,
                      number_to_decimal as _number_to_decimal,
                      to_int32 as _to_int32, to_uint32 as _to_uint32,
                      to_integer_or_infinity as _to_ioi)

NaN = float("nan")
INF = float("inf")

__all__ = []  # imported by name


# ---------------------------------------------------------------------------
# Descriptions of values for error messages
# ---------------------------------------------------------------------------

def describe(v, limit=40):
    """A short, safe rendering of a JS value for error messages (like V8's)."""
    t = type(v)
    if t is str:
        s = v if len(v) <= limit else v[:limit] + "..."
        return '"%s"' % s
    if t is float:
        return number_to_string(v)
    if t is bool:
        return "true" if v else "false"
    if v is undefined:
        return "undefined"
    if v is null:
        return "null"
    if t is Symbol:
        return repr(v)
    if t is JSBigInt:
        return "%dn" % v.v
    if isinstance(v, JSFunction):
        name = _own_data(v, "name")
        if type(name) is str and name:
            return "function %s" % name
        return "function"
    if isinstance(v, JSArray):
        return "[object Array]"
    if isinstance(v, JSObject):
        return "#<%s>" % _ctor_name(v)
    return "<host value>"


def _own_data(o, key):
    v = o.props.get(key, MISSING)
    if v is MISSING or type(v) is Accessor:
        return MISSING
    return v


def _ctor_name(o):
    try:
        p = o.proto
        while p is not null:
            c = _own_data(p, "constructor")
            if isinstance(c, JSFunction):
                n = _own_data(c, "name")
                if type(n) is str and n:
                    return n
            p = p.proto
    except Exception:
        pass
    return "Object"


def safe_describe_error(v):
    """'Name: message' for a thrown value without running any JS."""
    if isinstance(v, JSObject):
        name = _lookup_data(v, "name")
        msg = _lookup_data(v, "message")
        name = name if type(name) is str else "Error"
        if type(msg) is str and msg:
            return "%s: %s" % (name, msg)
        return name
    try:
        return to_string(v)
    except JSThrow:
        return describe(v)


def no_side_effects_to_string(v):
    """A value as V8 renders it inside messages such as "read only property ... of
    object '%s'" (its NoSideEffectsToString): a string as is, a function's source
    text, "Name: message" for errors, "#<Ctor>" for objects whose toString is
    Object.prototype.toString, else "[object Tag]".  Runs no JS."""
    if type(v) is str:
        return v
    if type(v) is JSBigInt:
        return str(v.v)
    if not isinstance(v, JSObject):
        return describe(v)
    from ..builtins import core
    if isinstance(v, JSFunction):
        try:
            return core.fp_to_string(v)
        except JSThrow:
            return "function"
    ts = _lookup_data(v, "toString")
    ts_fn = ts.fn if isinstance(ts, JSFunction) else None
    if getattr(v, "cls", None) == "Error" or ts_fn is core.error_to_string:
        return safe_describe_error(v)
    if ts_fn is core.op_to_string:
        c = _lookup_data(v, "constructor")
        if isinstance(c, JSFunction):
            n = _own_data(c, "name")
            if type(n) is str and n:
                return "#<%s>" % n
    tag = _lookup_data(v, SYM_TO_STRING_TAG)
    if type(tag) is not str:
        tag = "Array" if isinstance(v, JSArray) else (getattr(v, "cls", None) or "Object")
    return "[object %s]" % tag


def apply_non_function_message(v):
    """V8's message for Function.prototype.apply / Reflect.apply on a non-callable."""
    t = typeof(v)
    kind = "null" if v is null else ("an " if t == "object" else "a ") + t
    return "Function.prototype.apply was called on %s, which is %s and not a function" % (
        no_side_effects_to_string(v), kind)


def set_failure_message(o, key):
    """The message of the TypeError V8 throws when a strict-mode ``o[key] = v`` fails
    ([[Set]] returned false): a read-only data property, an accessor without a
    setter, a non-extensible object, or a Proxy's set trap returning false."""
    shown = key_to_display(key)
    if not isinstance(o, JSObject):
        if o is undefined or o is null:
            return "Cannot set properties of %s (setting '%s')" % (describe(o), shown)
        if type(o) is str and (key == "length" or (type(key) is str and 0 <= array_index(key) < len(o))):
            return "Cannot assign to read only property '%s' of string '%s'" % (shown, o)
        return "Cannot create property '%s' on %s '%s'" % (shown, typeof(o),
                                                            no_side_effects_to_string(o))
    if type(o) is JSArray and type(key) is str and key != "length" and array_index(key) >= 0:
        d = o.get_own_property("length")
        if d is not None and not d.writable and array_index(key) >= d.value \
                and o.get_own_property(key) is None and o.is_extensible():
            key = "length"          # ArraySetLength refused to grow a fixed length
            shown = key
    if type(o) is JSArray and key == "length":
        d = o.get_own_property("length")
        if d is not None and d.writable:
            # ArraySetLength stopped at a non-configurable element (10.4.2.4 step 17.b)
            return "Cannot delete property '%s' of %s" % (
                number_to_key(d.value - 1), no_side_effects_to_string(o))
    p = o
    while isinstance(p, JSObject):
        handler = getattr(p, "handler", MISSING)
        if handler is not MISSING:          # a Proxy
            for trap in ("set", "defineProperty"):
                if isinstance(handler, JSObject) and \
                        _lookup_data(handler, trap) not in (MISSING, undefined, null):
                    return "'%s' on proxy: trap returned falsish for property '%s'" % (trap, shown)
            p = getattr(p, "ptarget", null)
            continue
        d = p.get_own_property(key)
        if d is not None:
            if d.get is not MISSING or d.set is not MISSING:
                if d.set is MISSING or d.set is undefined:
                    return "Cannot set property %s of %s which has only a getter" % (
                        shown, no_side_effects_to_string(o))
            elif not d.writable:
                return "Cannot assign to read only property '%s' of %s '%s'" % (
                    shown, typeof(o), no_side_effects_to_string(o))
            break
        p = p.proto
    if not o.is_extensible():
        return "Cannot add property %s, object is not extensible" % shown
    return "Cannot assign to read only property '%s' of %s '%s'" % (
        shown, typeof(o), no_side_effects_to_string(o))


def throw_set_failure(o, key):
    throw_type_error(set_failure_message(o, key))


def _lookup_data(o, key):
    p = o
    while isinstance(p, JSObject):
        v = p.props.get(key, MISSING)
        if v is not MISSING:
            return v if type(v) is not Accessor else MISSING
        p = p.proto
    return MISSING


# ---------------------------------------------------------------------------
# Type conversion (7.1)
# ---------------------------------------------------------------------------

def typeof(v):
    """The typeof operator (13.5.3)."""
    t = type(v)
    if t is str:
        return "string"
    if t is float:
        return "number"
    if t is bool:
        return "boolean"
    if v is undefined:
        return "undefined"
    if v is null:
        return "object"
    if t is Symbol:
        return "symbol"
    if t is JSBigInt:
        return "bigint"
    if isinstance(v, JSFunction):
        return "function"
    return "object"


def to_boolean(v):
    """ToBoolean (7.1.2)."""
    t = type(v)
    if t is bool:
        return v
    if t is float:
        return v == v and v != 0.0
    if t is str:
        return len(v) > 0
    if v is undefined or v is null:
        return False
    if t is JSBigInt:
        return v.v != 0
    return True


def to_primitive(v, hint="default"):
    """ToPrimitive (7.1.1)."""
    if not isinstance(v, JSObject):
        return v
    ex = get_method(v, SYM_TO_PRIMITIVE)
    if ex is not undefined:
        r = ex.fn(v, hint)
        if isinstance(r, JSObject):
            throw_type_error("Cannot convert object to primitive value")
        return r
    return ordinary_to_primitive(v, "number" if hint == "default" else hint)


def ordinary_to_primitive(o, hint):
    """OrdinaryToPrimitive (7.1.1.1)."""
    names = ("toString", "valueOf") if hint == "string" else ("valueOf", "toString")
    for name in names:
        m = o.get(name, o)
        if isinstance(m, JSFunction):
            r = m.fn(o)
            if not isinstance(r, JSObject):
                return r
    throw_type_error("Cannot convert object to primitive value")


def to_number(v):
    """ToNumber (7.1.4)."""
    t = type(v)
    if t is float:
        return v
    if t is str:
        return string_to_number(v)
    if t is bool:
        return 1.0 if v else 0.0
    if v is undefined:
        return NaN
    if v is null:
        return 0.0
    if t is Symbol:
        throw_type_error("Cannot convert a Symbol value to a number")
    if t is JSBigInt:
        throw_type_error("Cannot convert a BigInt value to a number")
    if isinstance(v, JSObject):
        return to_number(to_primitive(v, "number"))
    if t is int:
        return float(v)
    throw_type_error("Cannot convert host value to a number")


def to_numeric(v):
    """ToNumeric (7.1.3)."""
    p = to_primitive(v, "number")
    if type(p) is JSBigInt:
        return p
    return to_number(p)


def to_integer_or_infinity(v):
    """ToIntegerOrInfinity (7.1.5) returning an int, or +/-inf."""
    n = v if type(v) is float else to_number(v)
    if n != n:
        return 0
    if n in (INF, -INF):
        return n
    return int(n)


def to_int32(v):
    """ToInt32 (7.1.6), as an int."""
    if type(v) is not float:
        v = to_number(v)
    return _to_int32(v)


def to_uint32(v):
    """ToUint32 (7.1.7), as an int."""
    if type(v) is not float:
        v = to_number(v)
    return _to_uint32(v)


def to_length(v):
    """ToLength (7.1.20), as an int."""
    n = to_integer_or_infinity(v)
    if n <= 0:
        return 0
    if n == INF:
        return 2 ** 53 - 1
    return min(n, 2 ** 53 - 1)


def to_index(v):
    """ToIndex (7.1.22)."""
    if v is undefined:
        return 0
    i = to_integer_or_infinity(v)
    if i < 0 or i > 2 ** 53 - 1:
        throw_range_error("Invalid index")
    return i


def to_string(v):
    """ToString (7.1.17)."""
    t = type(v)
    if t is str:
        return v
    if t is float:
        s = _small_int_string(v)
        return s if s is not None else _number_to_decimal(v)
    if t is bool:
        return "true" if v else "false"
    if v is undefined:
        return "undefined"
    if v is null:
        return "null"
    if t is Symbol:
        throw_type_error("Cannot convert a Symbol value to a string")
    if t is JSBigInt:
        return str(v.v)
    if isinstance(v, JSObject):
        return to_string(to_primitive(v, "string"))
    throw_type_error("Cannot convert host value to a string")


def reference_key(base, v):
    """The key of ``base[v]`` in a compound assignment or ``++``/``--``: the base's
    GetValue (its ToObject) fails before ToPropertyKey can run user code (13.15.2)."""
    if base is undefined or base is null:
        t = type(v)
        if t is str or t is float or t is Symbol:
            throw_type_error("Cannot read properties of %s (reading '%s')"
                             % (describe(base), key_to_display(to_property_key(v))))
        throw_type_error("Cannot read properties of %s" % describe(base))
    return to_property_key(v)


def to_property_key(v):
    """ToPropertyKey (7.1.19)."""
    t = type(v)
    if t is str:
        return v
    if t is float:
        return number_to_key(v)
    if t is Symbol:
        return v
    p = to_primitive(v, "string")
    if type(p) is Symbol:
        return p
    return to_string(p)


def to_object(v):
    """ToObject (7.1.18)."""
    if isinstance(v, JSObject):
        return v
    realm = STATE.realm
    t = type(v)
    if t is str:
        return JSStringObject(realm.intrinsics["%String.prototype%"], v)
    if t is float:
        return JSPrimitiveObject(realm.intrinsics["%Number.prototype%"], v)
    if t is bool:
        return JSPrimitiveObject(realm.intrinsics["%Boolean.prototype%"], v)
    if t is Symbol:
        return JSPrimitiveObject(realm.intrinsics["%Symbol.prototype%"], v)
    if t is JSBigInt:
        return JSPrimitiveObject(realm.intrinsics["%BigInt.prototype%"], v)
    throw_type_error("Cannot convert undefined or null to object")


def require_object_coercible(v, what="value"):
    if v is undefined or v is null:
        throw_type_error("%s called on null or undefined" % what)
    return v


def canonical_index_key(key):
    """The integer a string key denotes if it is an array index, else -1."""
    if type(key) is str and key and key[0] in DIGITS:
        return array_index(key)
    return -1


# ---------------------------------------------------------------------------
# Property access
# ---------------------------------------------------------------------------

def _primitive_proto(v):
    t = type(v)
    intr = STATE.realm.intrinsics
    if t is str:
        return intr["%String.prototype%"]
    if t is float:
        return intr["%Number.prototype%"]
    if t is bool:
        return intr["%Boolean.prototype%"]
    if t is Symbol:
        return intr["%Symbol.prototype%"]
    if t is JSBigInt:
        return intr["%BigInt.prototype%"]
    return None


def get_v(v, key):
    """GetV (7.3.3): [[Get]] on ToObject(v) with v as receiver, for a property key."""
    if isinstance(v, JSObject):
        return v.get(key, v)
    if type(v) is str and type(key) is str:
        if key == "length":
            return float(len(v))
        if key and key[0] in DIGITS:
            i = array_index(key)
            if 0 <= i < len(v):
                return v[i]
    proto = _primitive_proto(v)
    if proto is None:
        throw_type_error("Cannot read properties of %s (reading '%s')"
                         % (describe(v), key_to_display(key)))
    return proto.get(key, v)


def key_to_display(key):
    if type(key) is Symbol:
        return repr(key)
    return key


def get_member(o, key):
    """``o.key`` for a property key (compiled code's general path).  Plain objects,
    functions, and Arrays for keys other than "length" and index-like ones have the
    ordinary [[Get]]; their prototype chains are walked here while they stay so."""
    t = type(o)
    if t is not JSObject and t is not JSFunction:
        if t is JSArray:
            if key == "length":
                a = o.arr
                return float(len(a) if a is not None else o.alen)
            if type(key) is str and key[:1] in DIGITS:
                return o.get(key, o)
        elif isinstance(o, JSObject):
            return o.get(key, o)
        else:
            return get_v(o, key)
    p = o
    while True:
        props = p.props
        if key in props:        # `in` and [] are cheaper than a dict.get call here
            v = props[key]
            if type(v) is Accessor:
                g = v.get
                if g is undefined:
                    return undefined
                return g.fn(o)
            return v
        p = p.proto
        if p is null:
            return undefined
        if p.exotic:
            if type(p) is JSArray and not (type(key) is str and
                                           (key == "length" or key[:1] in DIGITS)):
                continue
            return p.get(key, o)


def get_fn(o, key, desc):
    """The Python callable for a method call ``o.key(...)`` (compiled code's path when
    its inline two-level lookup missed): ``f.fn`` for a plain JS function, else what
    helpers.fn_slow gives (a thrower for a non-callable, raising when called, after
    the arguments are evaluated)."""
    v = get_member(o, key)
    if type(v) is JSFunction:
        return v.fn
    from .helpers import fn_slow
    return fn_slow(v, desc)


def update_member(o, key, delta, strict, post):
    """``o.key++`` / ``o.key--`` (delta 1.0 or -1.0): the old value (as a number) when
    ``post``, else the new one."""
    old = get_member(o, key)
    if type(old) is not float:
        old = to_numeric(old)       # a Number or a BigInt (JSBigInt adds a +-1.0 delta)
    v = old + delta
    if strict:
        sput_member(o, key, v)
    else:
        put_member(o, key, v)
    return old if post else v


def get_item(o, k):
    """``o[k]`` (13.3.2.1): fast paths for arrays and strings indexed by numbers."""
    tk = type(k)
    if tk is float:
        to = type(o)
        if to is JSArray:
            a = o.arr
            if a is not None and 0 <= k < len(a):
                i = int(k)
                if i == k:
                    v = a[i]
                    if v is not HOLE:
                        return v
        elif to is str:
            if 0 <= k < len(o):
                i = int(k)
                if i == k:
                    return o[i]
        key = number_to_key(k)
    elif tk is str or tk is Symbol:
        key = k
    else:
        if o is undefined or o is null:
            throw_type_error("Cannot read properties of %s" % describe(o))
        key = to_property_key(k)
    return get_member(o, key)


def put_member(o, key, value):
    """``o.key = value`` in sloppy code: failures are silent (13.15.2 / 6.2.5.6)."""
    if type(o) is JSObject:
        props = o.props
        if key in props:
            if o.flags is None and type(props[key]) is not Accessor:
                props[key] = value
                return value
        elif o.extensible:
            # a new property: fine unless a prototype has a setter or read-only one
            p = o.proto
            while p is not null and type(p) is JSObject:
                if key in p.props:
                    break
                p = p.proto
            else:
                if p is null:
                    if type(key) is str and key and key[0] in DIGITS:
                        bump_index_epoch()
                    props[key] = value
                    return value
        o.set(key, value, o)
        return value
    if isinstance(o, JSObject):
        o.set(key, value, o)
        return value
    _put_primitive(o, key, value, False)
    return value


def sput_member(o, key, value):
    """``o.key = value`` in strict code: a failed [[Set]] is a TypeError."""
    if type(o) is JSObject:
        props = o.props
        if key in props:
            if o.flags is None and type(props[key]) is not Accessor:
                props[key] = value
                return value
        elif o.extensible:
            p = o.proto
            while p is not null and type(p) is JSObject:
                if key in p.props:
                    break
                p = p.proto
            else:
                if p is null:
                    if type(key) is str and key and key[0] in DIGITS:
                        bump_index_epoch()
                    props[key] = value
                    return value
    if isinstance(o, JSObject):
        if not o.set(key, value, o):
            throw_set_failure(o, key)
        return value
    _put_primitive(o, key, value, True)
    return value


def _put_primitive(o, key, value, strict):
    if o is undefined or o is null:
        throw_type_error("Cannot set properties of %s (setting '%s')"
                         % (describe(o), key_to_display(key)))
    proto = _primitive_proto(o)
    ok = proto.set(key, value, o)
    if not ok and strict:
        throw_set_failure(o, key)


def put_item(o, k, value):
    """``o[k] = value`` in sloppy code."""
    if type(o) is JSArray and type(k) is float:
        a = o.arr
        if a is not None and 0 <= k <= len(a):
            i = int(k)
            if i == k:
                if i < len(a) and a[i] is not HOLE:
                    a[i] = value
                    return value
                o.set_index(i, value)
                return value
    if o is undefined or o is null:
        throw_type_error("Cannot set properties of %s" % describe(o))
    return put_member(o, to_property_key(k), value)


def sput_item(o, k, value):
    """``o[k] = value`` in strict code."""
    if type(o) is JSArray and type(k) is float:
        a = o.arr
        if a is not None and 0 <= k <= len(a):
            i = int(k)
            if i == k:
                if i < len(a) and a[i] is not HOLE:
                    a[i] = value
                    return value
                if not o.set_index(i, value):
                    throw_set_failure(o, str(i))
                return value
    if o is undefined or o is null:
        throw_type_error("Cannot set properties of %s" % describe(o))
    return sput_member(o, to_property_key(k), value)


def delete_member(o, key, strict):
    """The delete operator on a property reference (13.5.1.2)."""
    if o is undefined or o is null:
        throw_type_error("Cannot convert undefined or null to object")
    obj = to_object(o)
    ok = obj.delete(key)
    if not ok and strict:
        throw_type_error("Cannot delete property '%s' of %s"
                         % (key_to_display(key), no_side_effects_to_string(obj)))
    return ok


def delete_item(o, k, strict):
    if o is undefined or o is null:
        throw_type_error("Cannot convert undefined or null to object")
    return delete_member(o, to_property_key(k), strict)


def get_method(v, key):
    """GetMethod (7.3.11)."""
    f = get_v(v, key)
    if f is undefined or f is null:
        return undefined
    if not isinstance(f, JSFunction):
        throw_type_error("%s is not a function" % describe(f))
    return f


def has_property(o, key):
    return o.has_property(key)


def create_data_property(o, key, value):
    """CreateDataProperty (7.3.5)."""
    if type(o) is JSObject and key not in o.props and o.extensible:
        if type(key) is str and key and key[0] in DIGITS:
            bump_index_epoch()
        o.props[key] = value
        return True
    return o.define_own_property(key, Desc(value=value, writable=True, enumerable=True,
                                           configurable=True))


def create_data_property_or_throw(o, key, value):
    if not create_data_property(o, key, value):
        throw_type_error("Cannot define property %s" % key_to_display(key))


def define_property_or_throw(o, key, desc):
    if not o.define_own_property(key, desc):
        if getattr(o, "handler", MISSING) is MISSING and o.get_own_property(key) is None \
                and not o.is_extensible():
            throw_type_error("Cannot define property %s, object is not extensible"
                             % key_to_display(key))
        throw_type_error("Cannot redefine property: %s" % key_to_display(key))


def set_or_throw(o, key, value):
    """Set(O, P, V, true) (7.3.4)."""
    if not o.set(key, value, o):
        throw_set_failure(o, key)


def length_of_array_like(o):
    """LengthOfArrayLike (7.3.19), as an int."""
    if type(o) is JSArray:
        a = o.arr
        return len(a) if a is not None else o.alen
    return to_length(o.get("length", o))


def call(f, this, *args):
    """Call (7.3.14)."""
    if isinstance(f, JSFunction):
        return f.fn(this, *args)
    throw_type_error("%s is not a function" % describe(f))


def construct(f, args=(), new_target=None):
    """Construct (7.3.15)."""
    if not is_constructor(f):
        throw_type_error("%s is not a constructor" % describe(f))
    return f.construct(tuple(args), f if new_target is None else new_target)


def invoke(v, key, *args):
    """Invoke (7.3.21)."""
    f = get_v(v, key)
    if not isinstance(f, JSFunction):
        throw_type_error("%s.%s is not a function" % (describe(v), key_to_display(key)))
    return f.fn(v, *args)


def new_object(proto=MISSING):
    if proto is MISSING:
        proto = STATE.realm.intrinsics["%Object.prototype%"]
    return JSObject(proto)


def new_array(items=()):
    return JSArray(STATE.realm.intrinsics["%Array.prototype%"], list(items))


def create_array_from_list(items):
    return new_array(items)


def create_list_from_array_like(o, types=None):
    """CreateListFromArrayLike (7.3.20)."""
    if not isinstance(o, JSObject):
        throw_type_error("CreateListFromArrayLike called on non-object")
    if type(o) is JSArray and o.arr is not None and types is None:
        a = o.arr
        if HOLE not in a:
            return list(a)
        return [undefined if v is HOLE else v for v in a]
    n = length_of_array_like(o)
    out = []
    for i in range(n):
        v = o.get(str(i), o)
        if types is not None and typeof(v) not in types:
            throw_type_error("Invalid element type in array-like")
        out.append(v)
    return out


def ordinary_has_instance(c, o):
    """OrdinaryHasInstance (7.3.22)."""
    if not isinstance(c, JSFunction):
        return False
    t = getattr(c, "target", None)
    if t is not None and hasattr(c, "bound_this"):
        return instance_of(o, t)
    if not isinstance(o, JSObject):
        return False
    p = c.get("prototype", c)
    if not isinstance(p, JSObject):
        throw_type_error("Function has non-object prototype '%s' in instanceof check"
                         % to_display_string(p))
    o = o.get_prototype_of()
    while o is not null:
        if o is p:
            return True
        o = o.get_prototype_of()
    return False


def instance_of(v, target):
    """InstanceofOperator (13.10.2)."""
    if not isinstance(target, JSObject):
        throw_type_error("Right-hand side of 'instanceof' is not an object")
    h = get_method(target, SYM_HAS_INSTANCE)
    if h is not undefined:
        return to_boolean(h.fn(target, v))
    if not isinstance(target, JSFunction):
        throw_type_error("Right-hand side of 'instanceof' is not callable")
    return ordinary_has_instance(target, v)


def in_operator(key, o):
    if not isinstance(o, JSObject):
        throw_type_error("Cannot use 'in' operator to search for '%s' in %s"
                         % (to_display_string(key), no_side_effects_to_string(o)))
    return o.has_property(to_property_key(key))


def to_display_string(v):
    try:
        if type(v) is Symbol:
            return repr(v)
        return to_string(v)
    except JSThrow:
        return describe(v)


def species_constructor(o, default):
    """SpeciesConstructor (7.3.22)."""
    from .values import SYM_SPECIES
    c = o.get("constructor", o)
    if c is undefined:
        return default
    if not isinstance(c, JSObject):
        throw_type_error("object.constructor is not an object")
    s = c.get(SYM_SPECIES, c)
    if s is undefined or s is null:
        return default
    if is_constructor(s):
        return s
    throw_type_error("object.constructor[Symbol.species] is not a constructor")


# ---------------------------------------------------------------------------
# Operators (13.*)
# ---------------------------------------------------------------------------

def add(a, b):
    """The + operator (13.15.3 ApplyStringOrNumericBinaryOperator)."""
    ta = type(a)
    tb = type(b)
    if ta is tb:
        if ta is float or ta is str:
            return a + b
    elif ta is str:
        if tb is float:
            s = _small_int_string(b)
            return a + (s if s is not None else _number_to_decimal(b))
    elif tb is str:
        if ta is float:
            s = _small_int_string(a)
            return (s if s is not None else _number_to_decimal(a)) + b
    return _add_slow(a, b)


def _add_slow(a, b):
    """The + operator when the operands are not both Numbers or Strings, or a
    String and a Number."""
    a = to_primitive(a)
    b = to_primitive(b)
    ta = type(a)
    tb = type(b)
    if ta is str or tb is str:
        return (a if ta is str else to_string(a)) + (b if tb is str else to_string(b))
    if ta is JSBigInt or tb is JSBigInt:
        return _bigint_op(a, b, "+")
    return to_number(a) + to_number(b)


def _numeric_pair(a, b):
    a = to_numeric(a)
    b = to_numeric(b)
    if (type(a) is JSBigInt) != (type(b) is JSBigInt):
        throw_type_error("Cannot mix BigInt and other types, use explicit conversions")
    return a, b


def _bigint_op(a, b, op):
    if type(a) is not JSBigInt or type(b) is not JSBigInt:
        throw_type_error("Cannot mix BigInt and other types, use explicit conversions")
    x, y = a.v, b.v
    if op == "+":
        return JSBigInt(x + y)
    if op == "-":
        return JSBigInt(x - y)
    if op == "*":
        return JSBigInt(x * y)
    if op == "/":
        if y == 0:
            throw_range_error("Division by zero")
        q = abs(x) // abs(y)
        return JSBigInt(q if (x >= 0) == (y >= 0) else -q)
    if op == "%":
        if y == 0:
            throw_range_error("Division by zero")
        r = abs(x) % abs(y)
        return JSBigInt(r if x >= 0 else -r)
    if op == "**":
        if y < 0:
            throw_range_error("Exponent must be non-negative")
        return JSBigInt(x ** y)
    raise AssertionError(op)


def sub(a, b):
    if type(a) is float and type(b) is float:
        return a - b
    a, b = _numeric_pair(a, b)
    if type(a) is JSBigInt:
        return _bigint_op(a, b, "-")
    return a - b


def mul(a, b):
    if type(a) is not float or type(b) is not float:
        a, b = _numeric_pair(a, b)
        if type(a) is JSBigInt:
            return _bigint_op(a, b, "*")
    try:
        return a * b
    except OverflowError:
        return INF if (a > 0) == (b > 0) else -INF


def div(a, b):
    if type(a) is not float or type(b) is not float:
        a, b = _numeric_pair(a, b)
        if type(a) is JSBigInt:
            return _bigint_op(a, b, "/")
    if b == 0.0:
        if a != a or a == 0.0:
            return NaN
        neg = (math.copysign(1.0, a) < 0) != (math.copysign(1.0, b) < 0)
        return -INF if neg else INF
    try:
        return a / b
    except OverflowError:
        return INF if (a > 0) == (b > 0) else -INF


def mod(a, b):
    if type(a) is not float or type(b) is not float:
        a, b = _numeric_pair(a, b)
        if type(a) is JSBigInt:
            return _bigint_op(a, b, "%")
    if b == 0.0 or a != a or b != b or a in (INF, -INF):
        return NaN
    if b in (INF, -INF):
        return a
    if a == 0.0:
        return a
    r = math.fmod(a, b)
    if r == 0.0:
        return math.copysign(0.0, a)
    return r


def power(a, b):
    """Number::exponentiate (6.1.6.1.3)."""
    if type(a) is not float or type(b) is not float:
        a, b = _numeric_pair(a, b)
        if type(a) is JSBigInt:
            return _bigint_op(a, b, "**")
    if b != b:
        return NaN
    if b == 0.0:
        return 1.0
    if (a == 1.0 or a == -1.0) and b in (INF, -INF):
        return NaN
    try:
        return math.pow(a, b)
    except OverflowError:
        if a < 0 and b == int(b) and int(b) % 2 == 1:
            return -INF
        return INF
    except ValueError:
        # 0 ** negative, or negative ** fraction
        if a == 0.0:
            if math.copysign(1.0, a) < 0 and b == int(b) and int(b) % 2 == 1:
                return -INF
            return INF
        return NaN


def neg(a):
    if type(a) is float:
        return -a
    a = to_numeric(a)
    if type(a) is JSBigInt:
        return JSBigInt(-a.v)
    return -a


def pos(a):
    if type(a) is float:
        return a
    return to_number(a)


def bit_not(a):
    a = to_numeric(a)
    if type(a) is JSBigInt:
        return JSBigInt(~a.v)
    return float(~_to_int32(a))


def _int32(x):
    x &= 0xFFFFFFFF
    return float(x - 0x100000000 if x & 0x80000000 else x)


def bit_and(a, b):
    a, b = _numeric_pair(a, b)
    if type(a) is JSBigInt:
        return JSBigInt(a.v & b.v)
    return _int32(_to_int32(a) & _to_int32(b))


def bit_or(a, b):
    if type(a) is float and type(b) is float:
        if b == 0.0 and -2147483648.0 <= a <= 2147483647.0 and a == int(a):
            return float(int(a))
        return _int32(_to_int32(a) | _to_int32(b))
    a, b = _numeric_pair(a, b)
    if type(a) is JSBigInt:
        return JSBigInt(a.v | b.v)
    return _int32(_to_int32(a) | _to_int32(b))


def bit_xor(a, b):
    a, b = _numeric_pair(a, b)
    if type(a) is JSBigInt:
        return JSBigInt(a.v ^ b.v)
    return _int32(_to_int32(a) ^ _to_int32(b))


def shl(a, b):
    a, b = _numeric_pair(a, b)
    if type(a) is JSBigInt:
        return JSBigInt(a.v << b.v if b.v >= 0 else a.v >> -b.v)
    return _int32(_to_int32(a) << (_to_uint32(b) & 31))


def sar(a, b):
    a, b = _numeric_pair(a, b)
    if type(a) is JSBigInt:
        return JSBigInt(a.v >> b.v if b.v >= 0 else a.v << -b.v)
    return float(_to_int32(a) >> (_to_uint32(b) & 31))


def shr(a, b):
    a, b = _numeric_pair(a, b)
    if type(a) is JSBigInt:
        throw_type_error("BigInts have no unsigned right shift, use >> instead")
    return float(_to_uint32(a) >> (_to_uint32(b) & 31))


def _compare(a, b, left_first=True):
    """IsLessThan (7.2.13): True, False, or None (undefined)."""
    if left_first:
        px = to_primitive(a, "number")
        py = to_primitive(b, "number")
    else:
        py = to_primitive(b, "number")
        px = to_primitive(a, "number")
    if type(px) is str and type(py) is str:
        return px < py
    if type(px) is JSBigInt and type(py) is str:
        n = _string_to_bigint(py)
        return None if n is None else px.v < n
    if type(px) is str and type(py) is JSBigInt:
        n = _string_to_bigint(px)
        return None if n is None else n < py.v
    nx = to_numeric(px)
    ny = to_numeric(py)
    if type(nx) is JSBigInt or type(ny) is JSBigInt:
        x = nx.v if type(nx) is JSBigInt else nx
        y = ny.v if type(ny) is JSBigInt else ny
        if x != x or y != y:
            return None
        return x < y
    if nx != nx or ny != ny:
        return None
    return nx < ny


def _string_to_bigint(s):
    s = s.strip()
    try:
        if s[:2].lower() in ("0x", "0o", "0b"):
            return int(s, 0)
        return int(s or "0", 10)
    except ValueError:
        return None


def lt(a, b):
    if type(a) is float and type(b) is float:
        return a < b
    return _compare(a, b) is True


def gt(a, b):
    if type(a) is float and type(b) is float:
        return a > b
    return _compare(b, a, False) is True


def le(a, b):
    if type(a) is float and type(b) is float:
        return a <= b
    r = _compare(b, a, False)
    return r is False


def ge(a, b):
    if type(a) is float and type(b) is float:
        return a >= b
    r = _compare(a, b)
    return r is False


def strict_equals(a, b):
    """IsStrictlyEqual (7.2.15)."""
    return type(a) is type(b) and a == b


def loose_equals(a, b):
    """IsLooselyEqual (7.2.14)."""
    ta = type(a)
    tb = type(b)
    if ta is tb:
        return a == b
    if isinstance(a, JSObject) and isinstance(b, JSObject):
        return a is b
    an = a is undefined or a is null
    bn = b is undefined or b is null
    if an or bn:
        return an and bn
    if ta is float and tb is str:
        return a == string_to_number(b)
    if ta is str and tb is float:
        return string_to_number(a) == b
    if ta is JSBigInt and tb is str:
        n = _string_to_bigint(b)
        return n is not None and n == a.v
    if ta is str and tb is JSBigInt:
        return loose_equals(b, a)
    if ta is bool:
        return loose_equals(1.0 if a else 0.0, b)
    if tb is bool:
        return loose_equals(a, 1.0 if b else 0.0)
    if isinstance(b, JSObject) and ta in (float, str, JSBigInt, Symbol):
        return loose_equals(a, to_primitive(b))
    if isinstance(a, JSObject) and tb in (float, str, JSBigInt, Symbol):
        return loose_equals(to_primitive(a), b)
    if ta is JSBigInt and tb is float or ta is float and tb is JSBigInt:
        x = a.v if ta is JSBigInt else a
        y = b.v if tb is JSBigInt else b
        if x != x or y != y or x in (INF, -INF) or y in (INF, -INF):
            return False
        return x == y
    return False


def same_value_zero(a, b):
    if type(a) is float and type(b) is float:
        return a == b or (a != a and b != b)
    return type(a) is type(b) and a == b


def truthy(v):
    return to_boolean(v)


def check_object_coercible_for_destructuring(v):
    if v is undefined or v is null:
        throw_type_error("Cannot destructure '%s' as it is %s." % (describe(v), describe(v)))
    return v
