"""The fundamental objects: Object, Function, Error, Symbol, Boolean and the
global functions that do not belong to a family (ECMA-262 20, 19.2)."""

from ..runtime.values import (undefined, null, MISSING, Symbol, JSBigInt, WELL_KNOWN_SYMBOLS,
                              symbol_for, symbol_key_for, SYM_HAS_INSTANCE, SYM_TO_STRING_TAG,
                              SYM_ITERATOR, SYM_TO_PRIMITIVE, SYM_UNSCOPABLES)
from ..runtime.objects import (JSObject, JSArray, JSFunction, JSBoundFunction, JSPrimitiveObject,
                               JSStringObject, JSErrorObject, JSArguments, JSDateObject, Accessor,
                               Desc, W, E, C, CTOR_NATIVE, is_constructor, same_value,
                               ordered_keys)
from ..runtime.errors import JSThrow, STATE, throw_type_error, throw_range_error
from ..runtime import ops
from ._common import (make_native, define_methods, define_getters, define_values,
                      make_constructor, arg, proto_from_ctor)


# ---------------------------------------------------------------------------
# Property descriptor conversion (6.2.6.4-5)
# ---------------------------------------------------------------------------

def to_property_descriptor(obj):
    """ToPropertyDescriptor (6.2.6.5)."""
    if not isinstance(obj, JSObject):
        throw_type_error("Property description must be an object: %s" % ops.to_display_string(obj))
    d = Desc()
    if obj.has_property("enumerable"):
        d.enumerable = ops.to_boolean(obj.get("enumerable", obj))
    if obj.has_property("configurable"):
        d.configurable = ops.to_boolean(obj.get("configurable", obj))
    if obj.has_property("value"):
        d.value = obj.get("value", obj)
    if obj.has_property("writable"):
        d.writable = ops.to_boolean(obj.get("writable", obj))
    if obj.has_property("get"):
        g = obj.get("get", obj)
        if g is not undefined and not isinstance(g, JSFunction):
            throw_type_error("Getter must be a function: %s" % ops.to_display_string(g))
        d.get = g
    if obj.has_property("set"):
        s = obj.get("set", obj)
        if s is not undefined and not isinstance(s, JSFunction):
            throw_type_error("Setter must be a function: %s" % ops.to_display_string(s))
        d.set = s
    if (d.get is not MISSING or d.set is not MISSING) and (d.value is not MISSING or d.writable is not MISSING):
        throw_type_error("Invalid property descriptor. Cannot both specify accessors and a value"
                         " or writable attribute, %s" % ops.no_side_effects_to_string(obj))
    return d


def from_property_descriptor(d):
    """FromPropertyDescriptor (6.2.6.4)."""
    if d is None:
        return undefined
    o = ops.new_object()
    p = o.props
    if d.value is not MISSING:
        p["value"] = d.value
    if d.writable is not MISSING:
        p["writable"] = d.writable
    if d.get is not MISSING:
        p["get"] = d.get
    if d.set is not MISSING:
        p["set"] = d.set
    if d.enumerable is not MISSING:
        p["enumerable"] = d.enumerable
    if d.configurable is not MISSING:
        p["configurable"] = d.configurable
    return o


# ---------------------------------------------------------------------------
# Object (20.1)
# ---------------------------------------------------------------------------

def object_call(this, value=undefined, *rest):
    return object_construct((value,), None)


def object_construct(args, new_target):
    realm = STATE.realm
    if new_target is not None and new_target is not realm.intrinsics["%Object%"]:
        return JSObject(proto_from_ctor(new_target, "%Object.prototype%"))
    v = args[0] if args else undefined
    if v is undefined or v is null:
        return ops.new_object()
    return ops.to_object(v)


def object_assign(this, target=undefined, *sources):
    """Object.assign (20.1.2.1)."""
    to = ops.to_object(target)
    for s in sources:
        if s is undefined or s is null:
            continue
        frm = ops.to_object(s)
        for k in frm.own_keys():
            d = frm.get_own_property(k)
            if d is not None and d.enumerable:
                ops.set_or_throw(to, k, frm.get(k, frm))
    return to


def object_create(this, proto=undefined, props=undefined, *rest):
    if not isinstance(proto, JSObject) and proto is not null:
        throw_type_error("Object prototype may only be an Object or null: %s" % ops.to_display_string(proto))
    o = JSObject(proto)
    if props is not undefined:
        object_define_properties_impl(o, props)
    return o


def object_define_properties_impl(o, props):
    ps = ops.to_object(props)
    descs = []
    for k in ps.own_keys():
        d = ps.get_own_property(k)
        if d is not None and d.enumerable:
            descs.append((k, to_property_descriptor(ps.get(k, ps))))
    for k, d in descs:
        ops.define_property_or_throw(o, k, d)
    return o


def object_define_properties(this, o=undefined, props=undefined, *rest):
    if not isinstance(o, JSObject):
        throw_type_error("Object.defineProperties called on non-object")
    return object_define_properties_impl(o, props)


def object_define_property(this, o=undefined, p=undefined, attrs=undefined, *rest):
    if not isinstance(o, JSObject):
        throw_type_error("Object.defineProperty called on non-object")
    key = ops.to_property_key(p)
    d = to_property_descriptor(attrs)
    ops.define_property_or_throw(o, key, d)
    return o


def _integrity(o, level):
    """SetIntegrityLevel (7.3.16)."""
    if not o.prevent_extensions():
        return False
    keys = o.own_keys()
    if level == "sealed":
        for k in keys:
            ops.define_property_or_throw(o, k, Desc(configurable=False))
    else:
        for k in keys:
            cur = o.get_own_property(k)
            if cur is not None:
                if cur.is_accessor():
                    d = Desc(configurable=False)
                else:
                    d = Desc(configurable=False, writable=False)
                ops.define_property_or_throw(o, k, d)
    return True


def _test_integrity(o, level):
    if o.is_extensible():
        return False
    for k in o.own_keys():
        cur = o.get_own_property(k)
        if cur is not None:
            if cur.configurable:
                return False
            if level == "frozen" and cur.is_data() and cur.writable:
                return False
    return True


def object_freeze(this, o=undefined, *rest):
    if not isinstance(o, JSObject):
        return o
    if type(o) is JSArray:
        o.to_sparse()
    if not _integrity(o, "frozen"):
        throw_type_error("Cannot freeze")
    return o


def object_seal(this, o=undefined, *rest):
    if not isinstance(o, JSObject):
        return o
    if type(o) is JSArray:
        o.to_sparse()
    if not _integrity(o, "sealed"):
        throw_type_error("Cannot seal")
    return o


def object_prevent_extensions(this, o=undefined, *rest):
    if isinstance(o, JSObject) and not o.prevent_extensions():
        throw_type_error("Cannot prevent extensions")
    return o


def object_is_frozen(this, o=undefined, *rest):
    return True if not isinstance(o, JSObject) else _test_integrity(o, "frozen")


def object_is_sealed(this, o=undefined, *rest):
    return True if not isinstance(o, JSObject) else _test_integrity(o, "sealed")


def object_is_extensible(this, o=undefined, *rest):
    return isinstance(o, JSObject) and o.is_extensible()


def object_get_own_property_descriptor(this, o=undefined, p=undefined, *rest):
    obj = ops.to_object(o)
    return from_property_descriptor(obj.get_own_property(ops.to_property_key(p)))


def object_get_own_property_descriptors(this, o=undefined, *rest):
    obj = ops.to_object(o)
    out = ops.new_object()
    for k in obj.own_keys():
        d = from_property_descriptor(obj.get_own_property(k))
        if d is not undefined:
            ops.create_data_property(out, k, d)
    return out


def object_get_own_property_names(this, o=undefined, *rest):
    obj = ops.to_object(o)
    return ops.new_array([k for k in obj.own_keys() if type(k) is str])


def object_get_own_property_symbols(this, o=undefined, *rest):
    obj = ops.to_object(o)
    return ops.new_array([k for k in obj.own_keys() if type(k) is Symbol])


def object_get_prototype_of(this, o=undefined, *rest):
    return ops.to_object(o).get_prototype_of()


def object_set_prototype_of(this, o=undefined, proto=undefined, *rest):
    ops.require_object_coercible(o, "Object.setPrototypeOf")
    if not isinstance(proto, JSObject) and proto is not null:
        throw_type_error("Object prototype may only be an Object or null: %s" % ops.to_display_string(proto))
    if not isinstance(o, JSObject):
        return o
    if not o.set_prototype_of(proto):
        _throw_set_prototype_failure(o)
    return o


def _throw_set_prototype_failure(o):
    """The TypeError V8 throws when [[SetPrototypeOf]] returned false."""
    if o is STATE.realm.intrinsics.get("%Object.prototype%"):
        throw_type_error("Immutable prototype object 'Object.prototype' cannot have their prototype set")
    if not o.is_extensible():
        throw_type_error("%s is not extensible" % ops.no_side_effects_to_string(o))
    throw_type_error("Cyclic __proto__ value")


def _enumerable_own(o, kind):
    """EnumerableOwnProperties (7.3.23)."""
    out = []
    for k in o.own_keys():
        if type(k) is not str:
            continue
        d = o.get_own_property(k)
        if d is not None and d.enumerable:
            if kind == "key":
                out.append(k)
            else:
                v = o.get(k, o)
                if kind == "value":
                    out.append(v)
                else:
                    out.append(ops.new_array([k, v]))
    return out


def object_keys(this, o=undefined, *rest):
    obj = ops.to_object(o)
    if type(obj) is JSObject and obj.flags is None:
        return ops.new_array([k for k in ordered_keys(obj.props) if type(k) is str])
    return ops.new_array(_enumerable_own(obj, "key"))


def object_values(this, o=undefined, *rest):
    return ops.new_array(_enumerable_own(ops.to_object(o), "value"))


def object_entries(this, o=undefined, *rest):
    return ops.new_array(_enumerable_own(ops.to_object(o), "entry"))


def object_from_entries(this, iterable=undefined, *rest):
    from ..runtime.iteration import get_iterator
    if iterable is undefined or iterable is null:
        throw_type_error("undefined is not iterable")    # sic: V8 says so for null too
    o = ops.new_object()
    rec = get_iterator(iterable)
    try:
        for entry in rec:
            if not isinstance(entry, JSObject):
                throw_type_error("Iterator value %s is not an entry object" % ops.to_display_string(entry))
            k = entry.get("0", entry)
            v = entry.get("1", entry)
            ops.create_data_property(o, ops.to_property_key(k), v)
    except BaseException:
        rec.abort()
        raise
    return o


def object_is(this, a=undefined, b=undefined, *rest):
    return same_value(a, b)


def object_group_by(this, items=undefined, cb=undefined, *rest):
    throw_type_error("Object.groupBy is not supported")


# Object.prototype

def op_has_own_property(this, v=undefined, *rest):
    key = ops.to_property_key(v)
    o = ops.to_object(this)
    return o.get_own_property(key) is not None


def object_has_own(this, o=undefined, p=undefined, *rest):
    obj = ops.to_object(o)
    return obj.get_own_property(ops.to_property_key(p)) is not None


def op_is_prototype_of(this, v=undefined, *rest):
    if not isinstance(v, JSObject):
        return False
    o = ops.to_object(this)
    v = v.get_prototype_of()
    while v is not null:
        if v is o:
            return True
        v = v.get_prototype_of()
    return False


def op_property_is_enumerable(this, v=undefined, *rest):
    key = ops.to_property_key(v)
    o = ops.to_object(this)
    d = o.get_own_property(key)
    return d is not None and bool(d.enumerable)


def op_to_locale_string(this, *args):
    return ops.invoke(this, "toString")


def op_value_of(this, *args):
    return ops.to_object(this)


def builtin_tag(o):
    if isinstance(o, JSArray):
        return "Array"
    from ..runtime.proxy_check import is_array
    if is_array(o):
        return "Array"
    if isinstance(o, JSArguments):
        return "Arguments"
    if isinstance(o, JSFunction):
        return "Function"
    if isinstance(o, JSErrorObject):
        return "Error"
    if isinstance(o, JSPrimitiveObject):
        c = o.cls
        if c in ("Boolean", "Number"):
            return c
    if isinstance(o, JSStringObject):
        return "String"
    if isinstance(o, JSDateObject):
        return "Date"
    if getattr(o, "cls", None) == "RegExp":
        return "RegExp"
    return "Object"


def op_to_string(this, *args):
    """Object.prototype.toString (20.1.3.6)."""
    if this is undefined:
        return "[object Undefined]"
    if this is null:
        return "[object Null]"
    o = ops.to_object(this)
    tag = builtin_tag(o)
    t = o.get(SYM_TO_STRING_TAG, o)
    if type(t) is str:
        tag = t
    return "[object %s]" % tag


def op_proto_get(this, *args):
    return ops.to_object(this).get_prototype_of()


def op_proto_set(this, proto=undefined, *args):
    ops.require_object_coercible(this, "Object.prototype.__proto__")
    if not isinstance(proto, JSObject) and proto is not null:
        return undefined
    if not isinstance(this, JSObject):
        return undefined
    if not this.set_prototype_of(proto):
        _throw_set_prototype_failure(this)
    return undefined


def op_define_getter(this, p=undefined, getter=undefined, *rest):
    o = ops.to_object(this)
    if not isinstance(getter, JSFunction):
        throw_type_error("Object.prototype.__defineGetter__: Expecting function")
    ops.define_property_or_throw(o, ops.to_property_key(p), Desc(get=getter, enumerable=True, configurable=True))
    return undefined


def op_define_setter(this, p=undefined, setter=undefined, *rest):
    o = ops.to_object(this)
    if not isinstance(setter, JSFunction):
        throw_type_error("Object.prototype.__defineSetter__: Expecting function")
    ops.define_property_or_throw(o, ops.to_property_key(p), Desc(set=setter, enumerable=True, configurable=True))
    return undefined


def _lookup_accessor(this, p, which):
    o = ops.to_object(this)
    key = ops.to_property_key(p)
    while o is not null:
        d = o.get_own_property(key)
        if d is not None:
            if d.is_accessor():
                return getattr(d, which)
            return undefined
        o = o.get_prototype_of()
    return undefined


def op_lookup_getter(this, p=undefined, *rest):
    return _lookup_accessor(this, p, "get")


def op_lookup_setter(this, p=undefined, *rest):
    return _lookup_accessor(this, p, "set")


# ---------------------------------------------------------------------------
# Function (20.2)
# ---------------------------------------------------------------------------

def function_proto_call(this, *args):
    return undefined


def fp_call(this, this_arg=undefined, *args):
    if not isinstance(this, JSFunction):
        throw_type_error("Function.prototype.call called on non-function")
    return this.fn(this_arg, *args)


def fp_apply(this, this_arg=undefined, arr=undefined, *rest):
    if not isinstance(this, JSFunction):
        throw_type_error(ops.apply_non_function_message(this))
    if arr is undefined or arr is null:
        return this.fn(this_arg)
    return this.fn(this_arg, *ops.create_list_from_array_like(arr))


def fp_bind(this, this_arg=undefined, *args):
    """Function.prototype.bind (20.2.3.2)."""
    if not isinstance(this, JSFunction):
        throw_type_error("Bind must be called on a function")
    realm = STATE.realm
    f = JSBoundFunction(this.get_prototype_of(), this, this_arg, tuple(args))
    f.realm = realm
    length = 0.0
    if this.get_own_property("length") is not None:
        tl = this.get("length", this)
        if type(tl) is float:
            if tl == float("inf"):
                length = tl
            elif tl == float("-inf") or tl != tl:
                length = 0.0
            else:
                length = max(0.0, float(int(tl)) - len(args))
    f.props["length"] = length
    n = this.get("name", this)
    if type(n) is not str:
        n = ""
    f.props["name"] = "bound " + n
    f.flags = {"length": C, "name": C}
    return f


def fp_to_string(this, *args):
    """Function.prototype.toString (20.2.3.5): the source text of JS functions."""
    if not isinstance(this, JSFunction):
        throw_type_error("Function.prototype.toString requires that 'this' be a Function")
    meta = this.meta
    if meta is not None and meta[5] is not None:
        from ..compiler import unit_registry
        from ..compiler.codegen import to_utf16
        u = unit_registry.get(meta[5])
        if u is not None:
            return to_utf16(u.source[meta[3]:meta[4]])
    n = ops._own_data(this, "name")
    if type(n) is not str or isinstance(this, JSBoundFunction):
        n = ""          # V8 names no bound function here
    return "function %s() { [native code] }" % n


def fp_has_instance(this, v=undefined, *rest):
    return ops.ordinary_has_instance(this, v)


def function_call(this, *args):
    return create_dynamic_function(args, None, "normal")


def function_construct(args, new_target):
    return create_dynamic_function(args, new_target, "normal")


def create_dynamic_function(args, new_target, kind):
    """CreateDynamicFunction (20.2.1.1.1): the function belongs to the constructor's realm."""
    realm = STATE.realm
    if new_target is not None and new_target is not undefined:
        from ..runtime.objects import get_function_realm
        realm = get_function_realm(new_target)
    args = [ops.to_string(a) for a in args]
    if args:
        body = args[-1]
        params = ",".join(args[:-1])
    else:
        body = ""
        params = ""
    prefix = {"normal": "function", "generator": "function*", "async": "async function"}[kind]
    src = "(%s anonymous(%s\n) {\n%s\n})" % (prefix, params, body)
    # the parameters and body must each parse on their own
    from ..parser import parse_script, JSSyntaxError
    try:
        parse_script("(%s anonymous(%s\n) {\n})" % (prefix, params))
    except JSSyntaxError as e:
        raise JSThrow(kind="SyntaxError", message=e.message)
    prev = STATE.realm
    STATE.realm = realm
    try:
        f = realm.eval_internal(src, "anonymous")
    finally:
        STATE.realm = prev
    if new_target is not None:
        default = {"normal": "%Function.prototype%", "generator": "%GeneratorFunction.prototype%",
                   "async": "%AsyncFunction.prototype%"}[kind]
        f.proto = proto_from_ctor(new_target, default)
    return f


def throw_type_error_fn(this, *args):
    throw_type_error("'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them")


# ---------------------------------------------------------------------------
# Error (20.5)
# ---------------------------------------------------------------------------

NATIVE_ERRORS = ("EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError",
                 "URIError")


class ErrorCtor:
    """The [[Call]]/[[Construct]] pair of an Error constructor (20.5.1.1)."""

    def __init__(self, key):
        self.key = key

    def __reduce__(self):
        return (ErrorCtor, (self.key,))

    def call(self, this, *args):
        return self.construct(args, None)

    def construct(self, args, new_target):
        realm = STATE.realm
        if new_target is None or new_target is undefined:
            new_target = realm.intrinsics["%" + self.key + "%"]
        o = JSErrorObject(proto_from_ctor(new_target, "%" + self.key + ".prototype%"))
        if self.key == "AggregateError":
            # AggregateError ( errors, message [ , options ] ) (20.5.7.1.1)
            errors = args[0] if args else undefined
            args = tuple(args[1:])
        msg = args[0] if args else undefined
        if msg is not undefined:
            o._store("message", ops.to_string(msg), W | C)
        opts = args[1] if len(args) > 1 else undefined
        if isinstance(opts, JSObject) and opts.has_property("cause"):
            o._store("cause", opts.get("cause", opts), W | C)
        if self.key == "AggregateError":
            from ..runtime.iteration import get_iterator
            lst = list(get_iterator(errors))
            o._store("errors", ops.new_array(lst), W | C)
        realm.attach_stack(o)
        return o


def error_to_string(this, *args):
    """Error.prototype.toString (20.5.3.4)."""
    if not isinstance(this, JSObject):
        throw_type_error("Error.prototype.toString called on non-object")
    name = this.get("name", this)
    name = "Error" if name is undefined else ops.to_string(name)
    msg = this.get("message", this)
    msg = "" if msg is undefined else ops.to_string(msg)
    if not name:
        return msg
    if not msg:
        return name
    return name + ": " + msg


def error_capture_stack_trace(this, o=undefined, *rest):
    if not isinstance(o, JSObject):
        throw_type_error("Invalid argument")
    STATE.realm.attach_stack(o)
    return undefined


# ---------------------------------------------------------------------------
# Symbol (20.4) and Boolean (20.3)
# ---------------------------------------------------------------------------

def symbol_call(this, description=undefined, *rest):
    d = undefined if description is undefined else ops.to_string(description)
    return Symbol(d)


def symbol_construct(args, new_target):
    throw_type_error("Symbol is not a constructor")


def this_symbol(v, method="valueOf"):
    """thisSymbolValue ( value ) (20.4.3.4.1)."""
    if type(v) is Symbol:
        return v
    if isinstance(v, JSPrimitiveObject) and type(v.value) is Symbol:
        return v.value
    throw_type_error("Symbol.prototype%s requires that 'this' be a Symbol"
                     % (" " + method if method[0] == "[" else "." + method))


def symbol_to_string(this, *args):
    s = this_symbol(this, "toString")
    d = s.description
    return "Symbol(%s)" % ("" if d is undefined else d)


def symbol_value_of(this, *args):
    return this_symbol(this)


def symbol_description(this, *args):
    return this_symbol(this, "description").description


def symbol_to_primitive(this, hint=undefined, *args):
    return this_symbol(this, "[ @@toPrimitive ]")


def symbol_for_(this, key=undefined, *rest):
    return symbol_for(ops.to_string(key))


def symbol_key_for_(this, sym=undefined, *rest):
    if type(sym) is not Symbol:
        throw_type_error("%s is not a symbol" % ops.to_display_string(sym))
    k = symbol_key_for(sym)
    return undefined if k is None else k


def boolean_call(this, v=undefined, *rest):
    return ops.to_boolean(v)


def boolean_construct(args, new_target):
    b = ops.to_boolean(args[0] if args else undefined)
    return JSPrimitiveObject(proto_from_ctor(new_target, "%Boolean.prototype%"), b)


def this_boolean(v, method="valueOf"):
    """thisBooleanValue ( value ) (20.3.3.3.1)."""
    if type(v) is bool:
        return v
    if isinstance(v, JSPrimitiveObject) and type(v.value) is bool:
        return v.value
    throw_type_error("Boolean.prototype.%s requires that 'this' be a Boolean" % method)


def boolean_to_string(this, *args):
    return "true" if this_boolean(this, "toString") else "false"


def boolean_value_of(this, *args):
    return this_boolean(this)


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

def setup_fundamentals(realm):
    """Create %Object.prototype% and %Function.prototype% first: everything hangs on them."""
    intr = realm.intrinsics
    op = JSObject(null)
    intr["%Object.prototype%"] = op
    fp = JSFunction(op, function_proto_call, realm)
    fp.props["length"] = 0.0
    fp.props["name"] = ""
    fp.flags = {"length": C, "name": C}
    intr["%Function.prototype%"] = fp
    tte = make_native(realm, "", throw_type_error_fn, 0)
    tte.extensible = False
    tte._set_flags("length", 0)
    tte._set_flags("name", 0)
    intr["%ThrowTypeError%"] = tte


def setup(realm):
    intr = realm.intrinsics
    g = realm.global_object
    op = intr["%Object.prototype%"]
    fp = intr["%Function.prototype%"]

    # Object
    obj = make_constructor(realm, "Object", object_call, object_construct, 1, op)
    intr["%Object%"] = obj
    define_methods(realm, obj, [
        ("assign", object_assign, 2),
        ("create", object_create, 2),
        ("defineProperties", object_define_properties, 2),
        ("defineProperty", object_define_property, 3),
        ("entries", object_entries, 1),
        ("freeze", object_freeze, 1),
        ("fromEntries", object_from_entries, 1),
        ("getOwnPropertyDescriptor", object_get_own_property_descriptor, 2),
        ("getOwnPropertyDescriptors", object_get_own_property_descriptors, 1),
        ("getOwnPropertyNames", object_get_own_property_names, 1),
        ("getOwnPropertySymbols", object_get_own_property_symbols, 1),
        ("getPrototypeOf", object_get_prototype_of, 1),
        ("hasOwn", object_has_own, 2),
        ("is", object_is, 2),
        ("isExtensible", object_is_extensible, 1),
        ("isFrozen", object_is_frozen, 1),
        ("isSealed", object_is_sealed, 1),
        ("keys", object_keys, 1),
        ("preventExtensions", object_prevent_extensions, 1),
        ("seal", object_seal, 1),
        ("setPrototypeOf", object_set_prototype_of, 2),
        ("values", object_values, 1),
    ])
    m = define_methods(realm, op, [
        ("hasOwnProperty", op_has_own_property, 1),
        ("isPrototypeOf", op_is_prototype_of, 1),
        ("propertyIsEnumerable", op_property_is_enumerable, 1),
        ("toLocaleString", op_to_locale_string, 0),
        ("toString", op_to_string, 0),
        ("valueOf", op_value_of, 0),
        ("__defineGetter__", op_define_getter, 2),
        ("__defineSetter__", op_define_setter, 2),
        ("__lookupGetter__", op_lookup_getter, 1),
        ("__lookupSetter__", op_lookup_setter, 1),
    ])
    intr["%Object.prototype.toString%"] = m["toString"]
    intr["%Object.prototype.valueOf%"] = m["valueOf"]
    define_getters(realm, op, [("__proto__", op_proto_get, op_proto_set)])

    # Function
    fn = make_constructor(realm, "Function", function_call, function_construct, 1, fp)
    intr["%Function%"] = fn
    define_methods(realm, fp, [
        ("apply", fp_apply, 2),
        ("bind", fp_bind, 1),
        ("call", fp_call, 1),
        ("toString", fp_to_string, 0),
    ])
    hi = make_native(realm, "[Symbol.hasInstance]", fp_has_instance, 1)
    fp._store(SYM_HAS_INSTANCE, hi, 0)
    tte = intr["%ThrowTypeError%"]
    fp._store("caller", Accessor(tte, tte), C)
    fp._store("arguments", Accessor(tte, tte), C)

    # Error types
    ep = JSObject(op)
    ector = ErrorCtor("Error")
    err = make_constructor(realm, "Error", ector.call, ector.construct, 1, ep, "%Error.prototype%")
    intr["%Error%"] = err
    define_values(ep, [("name", "Error"), ("message", "")], W | C)
    define_methods(realm, ep, [("toString", error_to_string, 0)])
    define_methods(realm, err, [("captureStackTrace", error_capture_stack_trace, 2)])
    err._store("stackTraceLimit", 10.0, W | E | C)
    for name in NATIVE_ERRORS + ("AggregateError",):
        p = JSObject(ep)
        c = ErrorCtor(name)
        f = make_constructor(realm, name, c.call, c.construct, 1, p, "%" + name + ".prototype%")
        f.proto = err
        define_values(p, [("name", name), ("message", "")], W | C)
        intr["%" + name + "%"] = f
        g._store(name, f, W | C)
    g._store("Error", err, W | C)

    # Symbol
    sp = JSObject(op)
    sym = make_constructor(realm, "Symbol", symbol_call, symbol_construct, 0, sp, "%Symbol.prototype%")
    intr["%Symbol%"] = sym
    define_methods(realm, sym, [("for", symbol_for_, 1), ("keyFor", symbol_key_for_, 1)])
    for n, s in WELL_KNOWN_SYMBOLS.items():
        sym._store(n, s, 0)
    define_methods(realm, sp, [("toString", symbol_to_string, 0), ("valueOf", symbol_value_of, 0)])
    define_getters(realm, sp, [("description", symbol_description, None)])
    tp = make_native(realm, "[Symbol.toPrimitive]", symbol_to_primitive, 1)
    sp._store(SYM_TO_PRIMITIVE, tp, C)
    sp._store(SYM_TO_STRING_TAG, "Symbol", C)

    # Boolean
    bp = JSPrimitiveObject(op, False)
    boo = make_constructor(realm, "Boolean", boolean_call, boolean_construct, 1, bp, "%Boolean.prototype%")
    intr["%Boolean%"] = boo
    define_methods(realm, bp, [("toString", boolean_to_string, 0), ("valueOf", boolean_value_of, 0)])

    for name, v in (("Object", obj), ("Function", fn), ("Symbol", sym), ("Boolean", boo)):
        g._store(name, v, W | C)
    g._store("globalThis", g, W | C)
    g._store("undefined", undefined, 0)
    g._store("NaN", float("nan"), 0)
    g._store("Infinity", float("inf"), 0)
