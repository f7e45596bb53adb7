"""The Reflect object (ECMA-262 28.1): the internal methods of objects as functions."""

from ..runtime.values import undefined, null, SYM_TO_STRING_TAG
from ..runtime.objects import JSObject, JSFunction, is_constructor, W, C
from ..runtime.errors import throw_type_error
from ..runtime import ops
from ._common import define_methods
from .core import to_property_descriptor, from_property_descriptor


def _target(target, name):
    if not isinstance(target, JSObject):
        throw_type_error("Reflect.%s called on non-object" % name)
    return target


def reflect_apply(this, target=undefined, this_argument=undefined, arguments_list=undefined,
                  *rest):
    """Reflect.apply ( target, thisArgument, argumentsList ) (28.1.1)
    https://tc39.es/ecma262/#sec-reflect.apply"""
    if not isinstance(target, JSFunction):
        throw_type_error(ops.apply_non_function_message(target))
    args = ops.create_list_from_array_like(arguments_list)
    return target.fn(this_argument, *args)


def reflect_construct(this, target=undefined, arguments_list=undefined, *rest):
    """Reflect.construct ( target, argumentsList [ , newTarget ] ) (28.1.2)
    https://tc39.es/ecma262/#sec-reflect.construct"""
    if not is_constructor(target):
        throw_type_error("%s is not a constructor" % ops.describe(target))
    # 2-3. newTarget defaults to target; when present it must be a constructor
    if rest:
        new_target = rest[0]
        if not is_constructor(new_target):
            throw_type_error("%s is not a constructor" % ops.describe(new_target))
    else:
        new_target = target
    args = ops.create_list_from_array_like(arguments_list)
    return target.construct(tuple(args), new_target)


def reflect_define_property(this, target=undefined, key=undefined, attributes=undefined,
                            *rest):
    """Reflect.defineProperty ( target, propertyKey, attributes ) (28.1.3)
    https://tc39.es/ecma262/#sec-reflect.defineproperty"""
    _target(target, "defineProperty")
    key = ops.to_property_key(key)
    desc = to_property_descriptor(attributes)
    return target.define_own_property(key, desc)


def reflect_delete_property(this, target=undefined, key=undefined, *rest):
    """Reflect.deleteProperty ( target, propertyKey ) (28.1.4)
    https://tc39.es/ecma262/#sec-reflect.deleteproperty"""
    _target(target, "deleteProperty")
    return target.delete(ops.to_property_key(key))


def reflect_get(this, target=undefined, key=undefined, *rest):
    """Reflect.get ( target, propertyKey [ , receiver ] ) (28.1.5)
    https://tc39.es/ecma262/#sec-reflect.get"""
    _target(target, "get")
    key = ops.to_property_key(key)
    receiver = rest[0] if rest else target
    return target.get(key, receiver)


def reflect_get_own_property_descriptor(this, target=undefined, key=undefined, *rest):
    """Reflect.getOwnPropertyDescriptor ( target, propertyKey ) (28.1.6)
    https://tc39.es/ecma262/#sec-reflect.getownpropertydescriptor"""
    _target(target, "getOwnPropertyDescriptor")
    key = ops.to_property_key(key)
    return from_property_descriptor(target.get_own_property(key))


def reflect_get_prototype_of(this, target=undefined, *rest):
    """Reflect.getPrototypeOf ( target ) (28.1.7)
    https://tc39.es/ecma262/#sec-reflect.getprototypeof"""
    return _target(target, "getPrototypeOf").get_prototype_of()


def reflect_has(this, target=undefined, key=undefined, *rest):
    """Reflect.has ( target, propertyKey ) (28.1.8)
    https://tc39.es/ecma262/#sec-reflect.has"""
    _target(target, "has")
    return target.has_property(ops.to_property_key(key))


def reflect_is_extensible(this, target=undefined, *rest):
    """Reflect.isExtensible ( target ) (28.1.9)
    https://tc39.es/ecma262/#sec-reflect.isextensible"""
    return _target(target, "isExtensible").is_extensible()


def reflect_own_keys(this, target=undefined, *rest):
    """Reflect.ownKeys ( target ) (28.1.10)
    https://tc39.es/ecma262/#sec-reflect.ownkeys"""
    keys = _target(target, "ownKeys").own_keys()
    return ops.new_array(list(keys))


def reflect_prevent_extensions(this, target=undefined, *rest):
    """Reflect.preventExtensions ( target ) (28.1.11)
    https://tc39.es/ecma262/#sec-reflect.preventextensions"""
    return _target(target, "preventExtensions").prevent_extensions()


def reflect_set(this, target=undefined, key=undefined, value=undefined, *rest):
    """Reflect.set ( target, propertyKey, V [ , receiver ] ) (28.1.12)
    https://tc39.es/ecma262/#sec-reflect.set"""
    _target(target, "set")
    key = ops.to_property_key(key)
    receiver = rest[0] if rest else target
    return target.set(key, value, receiver)


def reflect_set_prototype_of(this, target=undefined, proto=undefined, *rest):
    """Reflect.setPrototypeOf ( target, proto ) (28.1.13)
    https://tc39.es/ecma262/#sec-reflect.setprototypeof"""
    _target(target, "setPrototypeOf")
    if proto is not null and not isinstance(proto, JSObject):
        throw_type_error("Object prototype may only be an Object or null: %s"
                         % ops.to_display_string(proto))
    return target.set_prototype_of(proto)


#: Reflect's functions in spec order: (name, function, length).
METHODS = (
    ("apply", reflect_apply, 3),
    ("construct", reflect_construct, 2),
    ("defineProperty", reflect_define_property, 3),
    ("deleteProperty", reflect_delete_property, 2),
    ("get", reflect_get, 2),
    ("getOwnPropertyDescriptor", reflect_get_own_property_descriptor, 2),
    ("getPrototypeOf", reflect_get_prototype_of, 1),
    ("has", reflect_has, 2),
    ("isExtensible", reflect_is_extensible, 1),
    ("ownKeys", reflect_own_keys, 1),
    ("preventExtensions", reflect_prevent_extensions, 1),
    ("set", reflect_set, 3),
    ("setPrototypeOf", reflect_set_prototype_of, 2),
)


def setup(realm):
    intr = realm.intrinsics
    r = JSObject(intr["%Object.prototype%"])
    intr["%Reflect%"] = r
    define_methods(realm, r, METHODS)
    # 28.1.14 Reflect [ @@toStringTag ]
    r._store(SYM_TO_STRING_TAG, "Reflect", C)
    realm.global_object._store("Reflect", r, W | C)
