"""Reified environments for code that direct ``eval`` or ``with`` can observe.

Functions that contain a direct eval or a ``with`` (and their ancestors) keep
their bindings in :class:`Env` records instead of Python locals, and names
are looked up along the chain at run time (ECMA-262 9.1 Environment Records,
ResolveBinding 9.4.2). All other code keeps static Python locals.
"""

from .values import undefined, null, MISSING, TDZ, SYM_UNSCOPABLES
from .objects import JSObject
from .errors import STATE, throw_reference_error, throw_type_error
from . import ops


class Env:
    """A declarative environment record; ``is_func`` marks a function's var env."""
    __slots__ = ("vars", "parent", "consts", "is_func", "fname", "evalvars")

    def __init__(self, parent, is_func=False):
        self.vars = {}
        self.parent = parent
        self.consts = None
        self.is_func = is_func
        self.fname = None
        self.evalvars = None

    def declare_const(self, name):
        if self.consts is None:
            self.consts = set()
        self.consts.add(name)


class IndirectRef:
    """An imported binding: a live view of another module's binding (16.2.1.6.4)."""
    __slots__ = ("env", "name")

    def __init__(self, env, name):
        self.env = env
        self.name = name

    def get(self):
        v = self.env.vars.get(self.name, TDZ)
        if type(v) is IndirectRef:
            v = v.get()
        return v


class WithEnv:
    """An object environment record created by ``with`` (9.1.1.2, withEnvironment)."""
    __slots__ = ("obj", "parent")
    is_func = False

    def __init__(self, obj, parent):
        self.obj = ops.to_object(obj)
        self.parent = parent

    def has(self, name):
        o = self.obj
        if not o.has_property(name):
            return False
        u = o.get(SYM_UNSCOPABLES, o)
        if isinstance(u, JSObject):
            if ops.to_boolean(u.get(name, u)):
                return False
        return True


def _find(env, name):
    e = env
    while e is not None:
        if type(e) is WithEnv:
            if e.has(name):
                return e
        elif name in e.vars:
            return e
        e = e.parent
    return None


def dyn_get(env, name):
    """GetValue of ResolveBinding(name) from env."""
    e = _find(env, name)
    if e is None:
        return STATE.realm.global_get(name)
    if type(e) is WithEnv:
        o = e.obj
        if not o.has_property(name):
            return undefined
        return o.get(name, o)
    v = e.vars[name]
    if type(v) is IndirectRef:
        v = v.get()
    if v is TDZ:
        throw_reference_error("Cannot access '%s' before initialization" % name)
    return v


def dyn_this_for_call(env, name):
    """The this value for a call f() where f resolves in env (with-object or undefined)."""
    e = _find(env, name)
    if e is not None and type(e) is WithEnv:
        return e.obj
    return undefined


def dyn_typeof(env, name):
    e = _find(env, name)
    if e is None:
        return STATE.realm.global_typeof(name)
    if type(e) is WithEnv:
        return ops.typeof(e.obj.get(name, e.obj))
    v = e.vars[name]
    if type(v) is IndirectRef:
        v = v.get()
    if v is TDZ:
        throw_reference_error("Cannot access '%s' before initialization" % name)
    return ops.typeof(v)


def dyn_set(env, name, value, strict):
    """PutValue of ResolveBinding(name) from env."""
    e = _find(env, name)
    if e is None:
        return STATE.realm.global_set(name, value, strict)
    if type(e) is WithEnv:
        o = e.obj
        still = o.has_property(name)
        if not still and strict:
            throw_reference_error("%s is not defined" % name)
        ok = o.set(name, value, o)
        if not ok and strict:
            ops.throw_set_failure(o, name)
        return value
    cur = e.vars[name]
    if cur is TDZ:
        throw_reference_error("Cannot access '%s' before initialization" % name)
    if e.consts is not None and name in e.consts:
        if e.fname == name and not strict:
            return value
        throw_type_error("Assignment to constant variable.")
    e.vars[name] = value
    return value


def dyn_delete(env, name):
    e = _find(env, name)
    if e is None:
        return STATE.realm.global_delete(name)
    if type(e) is WithEnv:
        return e.obj.delete(name)
    if e.evalvars is not None and name in e.evalvars:
        del e.vars[name]
        e.evalvars.discard(name)
        return True
    return False


def init_binding(env, name, value):
    """InitializeBinding in a known declarative environment."""
    env.vars[name] = value
    return value


def init_const(env, name, value):
    env.vars[name] = value
    env.declare_const(name)
    return value


def fname_binding(env, name, f):
    """The immutable binding of a named function expression's own name."""
    env.vars[name] = f
    env.declare_const(name)
    env.fname = name
    return f


def var_env(env):
    """The nearest function-level (var) environment, or None for the global one."""
    e = env
    while e is not None:
        if type(e) is Env and e.is_func:
            return e
        e = e.parent
    return None


def eval_declare(env, var_names, func_names, lex_names, strict):
    """EvalDeclarationInstantiation (19.2.1.3) for a direct eval inside a function."""
    if strict:
        return
    ve = var_env(env)
    # a var may not hoist across a lexical declaration of the same name
    for name in list(var_names) + list(func_names):
        e = env
        while e is not None and e is not ve:
            if type(e) is Env and name in e.vars:
                from .errors import throw_syntax_error
                throw_syntax_error("Identifier '%s' has already been declared" % name)
            e = e.parent
    if ve is None:
        realm = STATE.realm
        realm.global_declaration_instantiation_eval_names(var_names, func_names)
        return
    for name in list(func_names) + list(var_names):
        if name not in ve.vars:
            ve.vars[name] = undefined
            if ve.evalvars is None:
                ve.evalvars = set()
            ve.evalvars.add(name)


def env_copy(env):
    """CreatePerIterationEnvironment (14.7.4.4) for a reified for-let scope."""
    e = Env(env.parent, env.is_func)
    e.vars = dict(env.vars)
    e.consts = env.consts
    return e
