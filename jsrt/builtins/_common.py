"""Registration helpers for built-ins (house style rule 3: tables, explicit order).

A built-in is a plain module-level Python function ``fn(this, *args)`` that
receives and returns JS values; missing arguments default to ``undefined``.
Built-ins that need per-object state use JSFunction subclasses, never Python
closures, so that realm snapshots can capture them.
"""

from ..runtime.values import undefined, null, MISSING, Symbol
from ..runtime.objects import (JSObject, JSFunction, Accessor, CTOR_NATIVE, CTOR_NONE, W, E, C)
from ..runtime.errors import STATE, throw_type_error, throw_range_error
from ..runtime import ops

FLAGS_FN = {"length": C, "name": C}


def make_native(realm, name, fn, length, ctor=None, proto=None):
    """CreateBuiltinFunction (10.3.4)."""
    if proto is None:
        proto = realm.intrinsics["%Function.prototype%"]
    f = JSFunction(proto, fn, realm, ctor=CTOR_NATIVE if ctor is not None else CTOR_NONE,
                   native_ctor=ctor)
    f.props["length"] = float(length)
    if type(name) is Symbol:
        d = name.description
        name = "[%s]" % d if d is not undefined else ""
    f.props["name"] = name
    f.flags = FLAGS_FN
    return f


def define_methods(realm, obj, table, flags=W | C):
    """Install (name, function, length) rows as methods of obj."""
    out = {}
    for row in table:
        name, fn, length = row[:3]
        f = make_native(realm, name, fn, length)
        obj._store(name, f, flags)
        out[name] = f
    return out


def define_getters(realm, obj, table):
    """Install (name, getter, setter-or-None) rows as accessor properties."""
    for name, g, s in table:
        pname = name
        if type(name) is Symbol:
            d = name.description
            pname = "[%s]" % d
        gf = make_native(realm, "get " + pname, g, 0) if g is not None else undefined
        sf = make_native(realm, "set " + pname, s, 1) if s is not None else undefined
        obj._store(name, Accessor(gf, sf), C)


def define_values(obj, table, flags=0):
    for name, v in table:
        obj._store(name, v, flags)


def make_constructor(realm, name, call, construct, length, proto_obj, proto_key=None):
    """A built-in constructor with its prototype object wired both ways."""
    f = make_native(realm, name, call, length, ctor=construct)
    f._store("prototype", proto_obj, 0)
    proto_obj._store("constructor", f, W | C)
    if proto_key is not None:
        realm.intrinsics[proto_key] = proto_obj
    return f


def arg(args, i):
    return args[i] if len(args) > i else undefined


def proto_from_ctor(new_target, default_key):
    """GetPrototypeFromConstructor (10.1.14)."""
    realm = STATE.realm
    if new_target is None or new_target is undefined:
        return realm.intrinsics[default_key]
    p = new_target.get("prototype", new_target)
    if isinstance(p, JSObject):
        return p
    from ..runtime.objects import get_function_realm
    r = get_function_realm(new_target)
    return r.intrinsics[default_key]


def this_object(this, what):
    if not isinstance(this, JSObject):
        throw_type_error("%s called on non-object" % what)
    return this


def realm():
    return STATE.realm


def string_option(options, name, allowed, default, owner):
    """GetOption ( options, property, "string", values, default ) (ECMA-402 9.2.12):
    ``options[name]`` as a string from ``allowed``, or ``default`` when undefined; any
    other value is the RangeError V8 throws, naming ``owner`` (e.g.
    "Number.prototype.toLocaleString")."""
    v = options.get(name, options)
    if v is undefined:
        return default
    v = ops.to_string(v)
    if v not in allowed:
        throw_range_error("Value %s out of range for %s options property %s" % (v, owner, name))
    return v
