"""Proxy objects (ECMA-262 10.5 and 28.2).

A Proxy exotic object forwards each internal method to a trap of its handler,
or to its target when the handler has no such trap, and checks the trap's
result against the target's invariants.  Two classes carry the two shapes of
proxy: :class:`JSProxy` (an object) and :class:`JSCallableProxy` (a function
whose target is callable; it has [[Construct]] iff the target has).  Both keep
the target in ``ptarget`` and the handler in ``handler``; a revoked proxy has
``handler is null`` (``runtime/proxy_check.py`` relies on these names).

The internal-method bodies live once, as module functions taking the proxy
first; each class binds them as its methods.
"""

from ..runtime.values import undefined, null, MISSING
from ..runtime.objects import (JSObject, JSFunction, CTOR_NATIVE, CTOR_NONE, W, C,
                               is_constructor, same_value, validate_and_apply)
from ..runtime.errors import STATE, throw_type_error
from ..runtime import ops
from ._common import make_native, define_methods
from .core import to_property_descriptor, from_property_descriptor

KEY_TYPES = ("string", "symbol")


def _revoked(what):
    throw_type_error("Cannot perform '%s' on a proxy that has been revoked" % what)


def _trap(p, name):
    """ValidateNonRevokedProxy (10.5.14) then GetMethod(handler, name) (7.3.11).

    Returns (target, handler, trap) with trap None when the handler has none."""
    handler = p.handler
    if handler is null:
        _revoked(name)
    target = p.ptarget
    f = handler.get(name, handler)
    if f is undefined or f is null:
        return target, handler, None
    if not isinstance(f, JSFunction):
        throw_type_error("%s is not a function (proxy trap '%s')" % (ops.describe(f), name))
    return target, handler, f


def _key_display(key):
    return ops.key_to_display(key)


def _complete(desc):
    """CompletePropertyDescriptor ( Desc ) (6.2.6.6)."""
    if desc.is_generic() or desc.is_data():
        if desc.value is MISSING:
            desc.value = undefined
        if desc.writable is MISSING:
            desc.writable = False
    else:
        if desc.get is MISSING:
            desc.get = undefined
        if desc.set is MISSING:
            desc.set = undefined
    if desc.enumerable is MISSING:
        desc.enumerable = False
    if desc.configurable is MISSING:
        desc.configurable = False
    return desc


def _compatible(extensible, desc, current):
    """IsCompatiblePropertyDescriptor ( Extensible, Desc, Current ) (10.1.6.2)."""
    return validate_and_apply(None, "", extensible, desc, current)


# ---------------------------------------------------------------------------
# The internal methods (10.5.1 - 10.5.13)
# ---------------------------------------------------------------------------

def proxy_get_prototype_of(p):
    """[[GetPrototypeOf]] ( ) (10.5.1)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-getprototypeof"""
    target, handler, trap = _trap(p, "getPrototypeOf")
    if trap is None:
        return target.get_prototype_of()
    handler_proto = trap.fn(handler, target)
    if handler_proto is not null and not isinstance(handler_proto, JSObject):
        throw_type_error("'getPrototypeOf' on proxy: trap returned neither object nor null")
    if target.is_extensible():
        return handler_proto
    # 9-10. a non-extensible target fixes the prototype
    if handler_proto is not target.get_prototype_of():
        throw_type_error("'getPrototypeOf' on proxy: proxy target is non-extensible but the "
                         "trap did not return its actual prototype")
    return handler_proto


def proxy_set_prototype_of(p, v):
    """[[SetPrototypeOf]] ( V ) (10.5.2)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v"""
    target, handler, trap = _trap(p, "setPrototypeOf")
    if trap is None:
        return target.set_prototype_of(v)
    if not ops.to_boolean(trap.fn(handler, target, v)):
        return False
    if target.is_extensible():
        return True
    if v is not target.get_prototype_of():
        throw_type_error("'setPrototypeOf' on proxy: trap returned truish for setting a new "
                         "prototype on the non-extensible proxy target")
    return True


def proxy_is_extensible(p):
    """[[IsExtensible]] ( ) (10.5.3)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-isextensible"""
    target, handler, trap = _trap(p, "isExtensible")
    if trap is None:
        return target.is_extensible()
    result = ops.to_boolean(trap.fn(handler, target))
    if result != target.is_extensible():
        throw_type_error("'isExtensible' on proxy: trap result does not reflect extensibility "
                         "of proxy target (which is '%s')" % ("true" if not result else "false"))
    return result


def proxy_prevent_extensions(p):
    """[[PreventExtensions]] ( ) (10.5.4)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-preventextensions"""
    target, handler, trap = _trap(p, "preventExtensions")
    if trap is None:
        return target.prevent_extensions()
    result = ops.to_boolean(trap.fn(handler, target))
    if result and target.is_extensible():
        throw_type_error("'preventExtensions' on proxy: trap returned truish but the proxy "
                         "target is extensible")
    return result


def proxy_get_own_property(p, key):
    """[[GetOwnProperty]] ( P ) (10.5.5)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p"""
    target, handler, trap = _trap(p, "getOwnPropertyDescriptor")
    if trap is None:
        return target.get_own_property(key)
    result_obj = trap.fn(handler, target, key)
    if result_obj is not undefined and not isinstance(result_obj, JSObject):
        throw_type_error("'getOwnPropertyDescriptor' on proxy: trap returned neither object "
                         "nor undefined for property '%s'" % _key_display(key))
    target_desc = target.get_own_property(key)
    if result_obj is undefined:
        if target_desc is None:
            return None
        if target_desc.configurable is False:
            throw_type_error("'getOwnPropertyDescriptor' on proxy: trap returned undefined for "
                             "property '%s' which is non-configurable in the proxy target"
                             % _key_display(key))
        if not target.is_extensible():
            throw_type_error("'getOwnPropertyDescriptor' on proxy: trap returned undefined for "
                             "property '%s' which exists in the non-extensible proxy target"
                             % _key_display(key))
        return None
    extensible = target.is_extensible()
    desc = _complete(to_property_descriptor(result_obj))
    if not _compatible(extensible, desc, target_desc):
        throw_type_error("'getOwnPropertyDescriptor' on proxy: trap returned descriptor for "
                         "property '%s' that is incompatible with the existing property in the "
                         "proxy target" % _key_display(key))
    if desc.configurable is False:
        if target_desc is None or target_desc.configurable is True:
            throw_type_error("'getOwnPropertyDescriptor' on proxy: trap reported "
                             "non-configurability for property '%s' which is either "
                             "non-existent or configurable in the proxy target"
                             % _key_display(key))
        if desc.writable is False and target_desc.writable is True:
            throw_type_error("'getOwnPropertyDescriptor' on proxy: trap reported non-configurable "
                             "and writable for property '%s' which is non-configurable, "
                             "non-writable in the proxy target" % _key_display(key))
    return desc


def proxy_define_own_property(p, key, desc):
    """[[DefineOwnProperty]] ( P, Desc ) (10.5.6)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc"""
    target, handler, trap = _trap(p, "defineProperty")
    if trap is None:
        return target.define_own_property(key, desc)
    desc_obj = from_property_descriptor(desc)
    if not ops.to_boolean(trap.fn(handler, target, key, desc_obj)):
        return False
    target_desc = target.get_own_property(key)
    extensible = target.is_extensible()
    setting_config_false = desc.configurable is False
    if target_desc is None:
        if not extensible:
            throw_type_error("'defineProperty' on proxy: trap returned truish for adding "
                             "property '%s'  to the non-extensible proxy target"
                             % _key_display(key))
        if setting_config_false:
            throw_type_error("'defineProperty' on proxy: trap returned truish for defining "
                             "non-configurable property '%s' which is either non-existent or "
                             "configurable in the proxy target" % _key_display(key))
    else:
        if not _compatible(extensible, desc, target_desc):
            throw_type_error("'defineProperty' on proxy: trap returned truish for adding "
                             "property '%s'  that is incompatible with the existing property "
                             "in the proxy target" % _key_display(key))
        if setting_config_false and target_desc.configurable is True:
            throw_type_error("'defineProperty' on proxy: trap returned truish for defining "
                             "non-configurable property '%s' which is either non-existent or "
                             "configurable in the proxy target" % _key_display(key))
        if target_desc.is_data() and target_desc.configurable is False \
                and target_desc.writable is True and desc.writable is False:
            throw_type_error("'defineProperty' on proxy: trap returned truish for defining "
                             "non-configurable property '%s' which cannot be non-writable, "
                             "unless there exists a corresponding non-configurable, "
                             "non-writable own property of the target object."
                             % _key_display(key))
    return True


def proxy_has_property(p, key):
    """[[HasProperty]] ( P ) (10.5.7)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p"""
    target, handler, trap = _trap(p, "has")
    if trap is None:
        return target.has_property(key)
    result = ops.to_boolean(trap.fn(handler, target, key))
    if not result:
        target_desc = target.get_own_property(key)
        if target_desc is not None:
            if target_desc.configurable is False:
                throw_type_error("'has' on proxy: trap returned falsish for property '%s' which "
                                 "exists in the proxy target as non-configurable"
                                 % _key_display(key))
            if not target.is_extensible():
                throw_type_error("'has' on proxy: trap returned falsish for property '%s' but "
                                 "the proxy target is not extensible" % _key_display(key))
    return result


def proxy_get(p, key, receiver):
    """[[Get]] ( P, Receiver ) (10.5.8)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver"""
    target, handler, trap = _trap(p, "get")
    if trap is None:
        return target.get(key, receiver)
    result = trap.fn(handler, target, key, receiver)
    target_desc = target.get_own_property(key)
    if target_desc is not None and target_desc.configurable is False:
        if target_desc.is_data() and target_desc.writable is False:
            if not same_value(result, target_desc.value):
                throw_type_error("'get' on proxy: property '%s' is a read-only and "
                                 "non-configurable data property on the proxy target but the "
                                 "proxy did not return its actual value (expected '%s' but got "
                                 "'%s')" % (_key_display(key),
                                            ops.no_side_effects_to_string(target_desc.value),
                                            ops.no_side_effects_to_string(result)))
        if target_desc.is_accessor() and target_desc.get is undefined \
                and result is not undefined:
            throw_type_error("'get' on proxy: property '%s' is a non-configurable accessor "
                             "property on the proxy target and does not have a getter function, "
                             "but the trap did not return 'undefined'" % _key_display(key))
    return result


def proxy_set(p, key, value, receiver):
    """[[Set]] ( P, V, Receiver ) (10.5.9)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver"""
    target, handler, trap = _trap(p, "set")
    if trap is None:
        return target.set(key, value, receiver)
    if not ops.to_boolean(trap.fn(handler, target, key, value, receiver)):
        return False
    target_desc = target.get_own_property(key)
    if target_desc is not None and target_desc.configurable is False:
        if target_desc.is_data() and target_desc.writable is False:
            if not same_value(value, target_desc.value):
                throw_type_error("'set' on proxy: trap returned truish for property '%s' which "
                                 "exists in the proxy target as a non-configurable and "
                                 "non-writable data property with a different value"
                                 % _key_display(key))
        if target_desc.is_accessor() and target_desc.set is undefined:
            throw_type_error("'set' on proxy: trap returned truish for property '%s' which "
                             "exists in the proxy target as a non-configurable and non-writable "
                             "accessor property without a setter" % _key_display(key))
    return True


def proxy_delete(p, key):
    """[[Delete]] ( P ) (10.5.10)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-delete-p"""
    target, handler, trap = _trap(p, "deleteProperty")
    if trap is None:
        return target.delete(key)
    if not ops.to_boolean(trap.fn(handler, target, key)):
        return False
    target_desc = target.get_own_property(key)
    if target_desc is None:
        return True
    if target_desc.configurable is False:
        throw_type_error("'deleteProperty' on proxy: trap returned truish for property '%s' "
                         "which is non-configurable in the proxy target" % _key_display(key))
    if not target.is_extensible():
        throw_type_error("'deleteProperty' on proxy: trap returned truish for property '%s' "
                         "but the proxy target is non-extensible" % _key_display(key))
    return True


def proxy_own_keys(p):
    """[[OwnPropertyKeys]] ( ) (10.5.11)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-ownpropertykeys"""
    target, handler, trap = _trap(p, "ownKeys")
    if trap is None:
        return target.own_keys()
    result_array = trap.fn(handler, target)
    if not isinstance(result_array, JSObject):
        throw_type_error("CreateListFromArrayLike called on non-object")
    keys = ops.create_list_from_array_like(result_array)
    for k in keys:
        if ops.typeof(k) not in KEY_TYPES:
            throw_type_error("%s is not a valid property name" % ops.no_side_effects_to_string(k))
    # 5. no duplicates
    if len(set(keys)) != len(keys):
        throw_type_error("'ownKeys' on proxy: trap returned duplicate entries")
    extensible = target.is_extensible()
    target_keys = target.own_keys()
    configurable = []
    nonconfigurable = []
    for k in target_keys:
        d = target.get_own_property(k)
        if d is not None and d.configurable is False:
            nonconfigurable.append(k)
        else:
            configurable.append(k)
    if extensible and not nonconfigurable:
        return keys
    unchecked = set(keys)
    for k in nonconfigurable:
        if k not in unchecked:
            throw_type_error("'ownKeys' on proxy: trap result did not include '%s'"
                             % _key_display(k))
        unchecked.discard(k)
    if extensible:
        return keys
    for k in configurable:
        if k not in unchecked:
            throw_type_error("'ownKeys' on proxy: trap result did not include '%s'"
                             % _key_display(k))
        unchecked.discard(k)
    if unchecked:
        throw_type_error("'ownKeys' on proxy: trap returned extra keys but proxy target is "
                         "non-extensible")
    return keys


def proxy_call(p, this, *args):
    """[[Call]] ( thisArgument, argumentsList ) (10.5.12)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist"""
    target, handler, trap = _trap(p, "apply")
    if trap is None:
        return ops.call(target, this, *args)
    return trap.fn(handler, target, this, ops.new_array(args))


def proxy_construct(p, args, new_target=None):
    """[[Construct]] ( argumentsList, newTarget ) (10.5.13)
    https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget"""
    if new_target is None:
        new_target = p
    target, handler, trap = _trap(p, "construct")
    if trap is None:
        return ops.construct(target, args, new_target)
    new_obj = trap.fn(handler, target, ops.new_array(args), new_target)
    if not isinstance(new_obj, JSObject):
        throw_type_error("proxy [[Construct]] must return an object")
    return new_obj


# ---------------------------------------------------------------------------
# The two proxy classes
# ---------------------------------------------------------------------------

class JSProxy(JSObject):
    """A Proxy exotic object whose target is not callable (10.5)."""
    __slots__ = ("ptarget", "handler")
    exotic = True

    def __init__(self, target, handler):
        JSObject.__init__(self, null)
        self.ptarget = target
        self.handler = handler

    get_prototype_of = proxy_get_prototype_of
    set_prototype_of = proxy_set_prototype_of
    is_extensible = proxy_is_extensible
    prevent_extensions = proxy_prevent_extensions
    get_own_property = proxy_get_own_property
    define_own_property = proxy_define_own_property
    has_property = proxy_has_property
    get = proxy_get
    set = proxy_set
    delete = proxy_delete
    own_keys = proxy_own_keys


class JSCallableProxy(JSFunction):
    """A Proxy exotic object whose target is callable: it has [[Call]], and
    [[Construct]] when the target is a constructor (10.5.12-13, 10.5.14)."""
    __slots__ = ("ptarget", "handler")
    exotic = True

    def __init__(self, target, handler):
        JSFunction.__init__(self, null, self._call, None,
                            ctor=CTOR_NATIVE if is_constructor(target) else CTOR_NONE)
        self.ptarget = target
        self.handler = handler

    def _call(self, this, *args):
        return proxy_call(self, this, *args)

    def construct(self, args, new_target=None):
        if self.ctor == CTOR_NONE:
            throw_type_error("%s is not a constructor" % ops.describe(self))
        return proxy_construct(self, args, new_target)

    get_prototype_of = proxy_get_prototype_of
    set_prototype_of = proxy_set_prototype_of
    is_extensible = proxy_is_extensible
    prevent_extensions = proxy_prevent_extensions
    get_own_property = proxy_get_own_property
    define_own_property = proxy_define_own_property
    has_property = proxy_has_property
    get = proxy_get
    set = proxy_set
    delete = proxy_delete
    own_keys = proxy_own_keys


def is_proxy(o):
    return type(o) is JSProxy or type(o) is JSCallableProxy


def proxy_create(target, handler):
    """ProxyCreate ( target, handler ) (10.5.14)
    https://tc39.es/ecma262/#sec-proxycreate"""
    if not isinstance(target, JSObject):
        throw_type_error("Cannot create proxy with a non-object as target or handler")
    if not isinstance(handler, JSObject):
        throw_type_error("Cannot create proxy with a non-object as target or handler")
    if isinstance(target, JSFunction):
        return JSCallableProxy(target, handler)
    return JSProxy(target, handler)


# ---------------------------------------------------------------------------
# The Proxy constructor (28.2)
# ---------------------------------------------------------------------------

def proxy_ctor_call(this, *args):
    """Proxy ( target, handler ) called without new (28.2.1.1 step 1)."""
    throw_type_error("Constructor Proxy requires 'new'")


def proxy_ctor_construct(args, new_target):
    """Proxy ( target, handler ) (28.2.1.1)
    https://tc39.es/ecma262/#sec-proxy-target-handler"""
    target = args[0] if args else undefined
    handler = args[1] if len(args) > 1 else undefined
    return proxy_create(target, handler)


class RevokeFunction(JSFunction):
    """A Proxy revocation function (28.2.2.1.1) with its [[RevocableProxy]] slot."""
    __slots__ = ("revocable_proxy",)

    def __init__(self, realm, proxy):
        JSFunction.__init__(self, realm.intrinsics["%Function.prototype%"], self._revoke, realm)
        self.revocable_proxy = proxy
        self.props["length"] = 0.0
        self.props["name"] = ""
        self.flags = {"length": C, "name": C}

    def _revoke(self, this, *args):
        p = self.revocable_proxy
        if p is null:
            return undefined
        self.revocable_proxy = null
        p.ptarget = null
        p.handler = null
        return undefined


def proxy_revocable(this, target=undefined, handler=undefined, *rest):
    """Proxy.revocable ( target, handler ) (28.2.2.1)
    https://tc39.es/ecma262/#sec-proxy.revocable"""
    p = proxy_create(target, handler)
    revoker = RevokeFunction(STATE.realm, p)
    result = ops.new_object()
    ops.create_data_property_or_throw(result, "proxy", p)
    ops.create_data_property_or_throw(result, "revoke", revoker)
    return result


def setup(realm):
    intr = realm.intrinsics
    # 28.2.2: the Proxy constructor has no "prototype" property
    proxy = make_native(realm, "Proxy", proxy_ctor_call, 2, ctor=proxy_ctor_construct)
    intr["%Proxy%"] = proxy
    define_methods(realm, proxy, [("revocable", proxy_revocable, 2)])
    realm.global_object._store("Proxy", proxy, W | C)
