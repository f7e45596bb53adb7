"""Function objects created by compiled code, generators, async functions,
classes and ``super`` (ECMA-262 10.2, 15.5-15.8, 27.3-27.5)."""

from .values import undefined, null, MISSING, TDZ, Symbol, SYM_ITERATOR
from .objects import (JSObject, JSFunction, JSArguments, Desc, Accessor, CTOR_NONE, CTOR_BASE,
                      CTOR_DERIVED, CTOR_NATIVE, W, E, C, is_constructor)
from .errors import JSThrow, GeneratorReturn, STATE, throw_type_error, throw_reference_error
from . import ops
from .promise import (JSPromise, new_promise_capability, perform_promise_then, promise_resolve)

# FuncMeta: (name, length, flags, start, end, unit_key, index) -- see compiler.codegen
FK_MASK = 15
FK_NORMAL = 0
FK_ARROW = 1
FK_METHOD = 2
FK_GET = 3
FK_SET = 4
FK_CLASS = 5
FK_DERIVED = 6
FLAG_STRICT = 16
FLAG_GEN = 32
FLAG_ASYNC = 64
FLAG_NT = 128
FLAG_CTORFN = 256

# shared attribute templates (copied on write by JSObject._set_flags)
FLAGS_LEN_NAME = {"length": C, "name": C}
FLAGS_LEN_NAME_PROTO = {"length": C, "name": C, "prototype": W}
FLAGS_CTOR = {"constructor": W | C}
FLAGS_SLOPPY = {"length": C, "name": C, "arguments": 0, "caller": 0, "prototype": W}


class JSGeneratorFunction(JSFunction):
    """A generator function: calling it makes a generator object."""
    __slots__ = ()

    def _call(self, this, *args):
        start = self.body(this, *args)          # parameters are bound now
        proto = self.get("prototype", self)
        if not isinstance(proto, JSObject):
            proto = self.realm.intrinsics["%GeneratorPrototype%"]
        return JSGenerator(proto, start)


class JSAsyncFunction(JSFunction):
    """An async function: calling it runs until the first await, returns a promise."""
    __slots__ = ()

    def _call(self, this, *args):
        realm = self.realm
        cap = new_promise_capability(None)
        try:
            start = self.body(this, *args)
        except (JSThrow, RecursionError, NameError) as e:
            from .helpers import catch_value
            cap.reject.fn(undefined, catch_value(e))
            return cap.promise
        async_step(start(), cap, 0, None)
        return cap.promise


class ClassConstructor(JSFunction):
    """Class constructors throw when called without ``new``."""
    __slots__ = ()

    def _call(self, this, *args):
        n = ops._own_data(self, "name")
        throw_type_error("Class constructor %s cannot be invoked without 'new'"
                         % (n if type(n) is str and n else "(anonymous)"))


# -- generators ------------------------------------------------------------------

G_START = 0
G_YIELD = 1
G_RUNNING = 2
G_DONE = 3


class RawResult:
    """yield* passes the inner iterator's result object through unchanged."""
    __slots__ = ("result",)

    def __init__(self, result):
        self.result = result


class JSGenerator(JSObject):
    """A generator object; ``start`` is the not-yet-started Python generator function."""
    __slots__ = ("gstate", "start", "pygen")
    cls = "Generator"

    def __init__(self, proto, start):
        JSObject.__init__(self, proto)
        self.gstate = G_START
        self.start = start
        self.pygen = None

    def resume(self, mode, value):
        """GeneratorResume / GeneratorResumeAbrupt (27.5.3.3-4). mode: 0 next 1 throw 2 return."""
        st = self.gstate
        if st == G_RUNNING:
            throw_type_error("Generator is already running")
        if st == G_START:
            if mode != 0:
                self.gstate = G_DONE
                self.start = None
                if mode == 1:
                    raise JSThrow(value)
                return iter_result(value, True)
            self.pygen = self.start()
            self.start = None
            value = None
        elif st == G_DONE:
            if mode == 0:
                return iter_result(undefined, True)
            if mode == 1:
                raise JSThrow(value)
            return iter_result(value, True)
        self.gstate = G_RUNNING
        g = self.pygen
        try:
            if mode == 0:
                y = g.send(value)
            elif mode == 1:
                y = g.throw(JSThrow(value))
            else:
                y = g.throw(GeneratorReturn(value))
        except StopIteration as e:
            self._finish()
            v = e.value
            return iter_result(undefined if v is None else v, True)
        except GeneratorReturn as e:
            self._finish()
            return iter_result(e.value, True)
        except BaseException:
            self._finish()
            raise
        self.gstate = G_YIELD
        if type(y) is RawResult:
            return y.result
        return iter_result(y, False)

    def _finish(self):
        self.gstate = G_DONE
        self.pygen = None


def iter_result(value, done):
    """CreateIterResultObject (7.4.14)."""
    o = JSObject(STATE.realm.intrinsics["%Object.prototype%"])
    o.props["value"] = value
    o.props["done"] = done
    return o


def yield_star(iterable):
    """yield* (15.5.5) for sync generators, as a Python generator used with ``yield from``."""
    method = ops.get_method(iterable, SYM_ITERATOR) if iterable is not undefined and iterable is not null else undefined
    if method is undefined:
        throw_type_error("%s is not iterable" % ops.describe(iterable))
    it = method.fn(iterable)
    if not isinstance(it, JSObject):
        throw_type_error("Result of the Symbol.iterator method is not an object")
    nxt = it.get("next", it)
    mode = 0
    val = undefined
    while True:
        if mode == 0:
            r = ops.call(nxt, it, val)
            if not isinstance(r, JSObject):
                throw_type_error("Iterator result %s is not an object" % ops.describe(r))
        elif mode == 1:
            th = ops.get_method(it, "throw")
            if th is undefined:
                ret = ops.get_method(it, "return")
                if ret is not undefined:
                    rr = ret.fn(it)
                    if not isinstance(rr, JSObject):
                        throw_type_error("iterator.return() did not return an object")
                throw_type_error("The iterator does not provide a 'throw' method")
            r = th.fn(it, val)
            if not isinstance(r, JSObject):
                throw_type_error("Iterator result %s is not an object" % ops.describe(r))
        else:
            ret = ops.get_method(it, "return")
            if ret is undefined:
                raise GeneratorReturn(val)
            r = ret.fn(it, val)
            if not isinstance(r, JSObject):
                throw_type_error("Iterator result %s is not an object" % ops.describe(r))
            if ops.to_boolean(r.get("done", r)):
                raise GeneratorReturn(r.get("value", r))
        if mode != 2 and ops.to_boolean(r.get("done", r)):
            return r.get("value", r)
        try:
            val = yield RawResult(r)
            mode = 0
        except GeneratorReturn as e:
            mode = 2
            val = e.value
        except JSThrow as e:
            mode = 1
            val = e.value


# -- async functions ---------------------------------------------------------------

class AwaitResume:
    """A reaction handler continuing an async function after an await."""
    __slots__ = ("gen", "cap", "mode")

    def __init__(self, gen, cap, mode):
        self.gen = gen
        self.cap = cap
        self.mode = mode

    def __call__(self, value):
        async_step(self.gen, self.cap, self.mode, value)
        return undefined


def async_step(gen, cap, mode, value):
    """Run an async function's body until its next await or its end (27.7.5.3)."""
    realm = STATE.realm
    while True:
        try:
            if mode == 0:
                awaited = gen.send(value)
            else:
                awaited = gen.throw(JSThrow(value))
        except StopIteration as e:
            v = e.value
            cap.resolve.fn(undefined, undefined if v is None else v)
            return
        except JSThrow as e:
            cap.reject.fn(undefined, e.value)
            return
        try:
            p = promise_resolve(realm.intrinsics["%Promise%"], awaited)
        except JSThrow as e:
            mode = 1
            value = e.value
            continue
        perform_promise_then(p, AwaitResume(gen, cap, 0), AwaitResume(gen, cap, 1), None)
        return


# -- creating functions (called by compiled code through the realm) ----------------

def make_function(realm, pyfn, meta):
    """OrdinaryFunctionCreate + MakeConstructor/SetFunctionName for compiled code."""
    flags = meta[2]
    kind = flags & FK_MASK
    intr = realm.intrinsics
    name = meta[0]
    if flags & FLAG_GEN:
        f = JSGeneratorFunction(intr["%GeneratorFunction.prototype%"], None, realm, meta=meta)
        f.fn = f._call
        f.body = pyfn
        f.props["length"] = float(meta[1])
        f.props["name"] = name if name is not None else ""
        f.props["prototype"] = JSObject(intr["%GeneratorPrototype%"])
        f.flags = FLAGS_LEN_NAME_PROTO
        return f
    if flags & FLAG_ASYNC:
        f = JSAsyncFunction(intr["%AsyncFunction.prototype%"], None, realm, meta=meta)
        f.fn = f._call
        f.body = pyfn
        f.props["length"] = float(meta[1])
        f.props["name"] = name if name is not None else ""
        f.flags = FLAGS_LEN_NAME
        return f
    if kind == FK_CLASS or kind == FK_DERIVED:
        f = ClassConstructor(intr["%Function.prototype%"], None, realm, meta=meta)
        f.fn = f._call
        f.body = pyfn
        f.ctor = CTOR_DERIVED if kind == FK_DERIVED else CTOR_BASE
        f.uses_nt = True
        f.is_class = True
        f.props["length"] = float(meta[1])
        f.props["name"] = name if name is not None else ""
        f.flags = FLAGS_LEN_NAME
        return f
    f = JSFunction(intr["%Function.prototype%"], pyfn, realm, meta=meta)
    f.uses_nt = bool(flags & FLAG_NT)
    props = f.props
    props["length"] = float(meta[1])
    props["name"] = name if name is not None else ""
    if flags & FLAG_CTORFN:
        f.ctor = CTOR_BASE
        proto = JSObject(intr["%Object.prototype%"])
        proto.props["constructor"] = f
        proto.flags = FLAGS_CTOR
        if flags & FLAG_STRICT:
            f.flags = FLAGS_LEN_NAME_PROTO
        else:
            # V8 gives sloppy functions own "arguments" and "caller" (null when idle)
            props["arguments"] = null
            props["caller"] = null
            f.flags = FLAGS_SLOPPY
        props["prototype"] = proto
    else:
        f.flags = FLAGS_LEN_NAME
    return f


def set_function_name(f, key, prefix=None):
    """SetFunctionName (10.2.9)."""
    if type(key) is Symbol:
        d = key.description
        name = "" if d is undefined else "[%s]" % d
    else:
        name = key
    if prefix:
        name = prefix + " " + name
    f._store("name", name, C)


# -- classes and super ------------------------------------------------------------------

NOHERITAGE = object()


def class_heritage(sup):
    """ClassDefinitionEvaluation steps 5-8: (protoParent, constructorParent)."""
    realm = STATE.realm
    if sup is NOHERITAGE:
        return realm.intrinsics["%Object.prototype%"], realm.intrinsics["%Function.prototype%"]
    if sup is null:
        return null, realm.intrinsics["%Function.prototype%"]
    if not is_constructor(sup):
        throw_type_error("Class extends value %s is not a constructor or null" % ops.describe(sup))
    pp = sup.get("prototype", sup)
    if pp is not null and not isinstance(pp, JSObject):
        throw_type_error("Class extends value does not have valid prototype property %s"
                         % ops.describe(pp))
    return pp, sup


def make_class(f, proto, ctor_parent):
    f.proto = ctor_parent
    f._store("prototype", proto, 0)
    proto._store("constructor", f, W | C)
    return f


class DefaultConstructor(JSFunction):
    """``constructor() {}`` / ``constructor(...args) { super(...args) }`` (15.7.14 step 14)."""
    __slots__ = ()

    def _call(self, this, *args):
        throw_type_error("Class constructor %s cannot be invoked without 'new'"
                         % (ops._own_data(self, "name") or "(anonymous)"))

    def _base_body(self, this, *args, _nt=undefined):
        return undefined

    def _derived_body(self, this, *args, _nt=undefined, _tb=None):
        parent = self.get_prototype_of()
        if not is_constructor(parent):
            throw_type_error(_super_not_constructor(self, parent))
        return parent.construct(args, _nt)


def default_ctor(derived, name, srcinfo):
    realm = STATE.realm
    f = DefaultConstructor(realm.intrinsics["%Function.prototype%"], None, realm,
                           meta=(name, 0, FK_DERIVED if derived else FK_CLASS, srcinfo[0],
                                 srcinfo[1], srcinfo[2], -1))
    f.fn = f._call
    f.body = f._derived_body if derived else f._base_body
    f.ctor = CTOR_DERIVED if derived else CTOR_BASE
    f.uses_nt = True
    f.is_class = True
    f.props["length"] = 0.0
    f.props["name"] = name
    f.flags = FLAGS_LEN_NAME
    return f


def _super_not_constructor(cls, parent):
    """V8's message for a SuperCall whose parent is not a constructor."""
    name = ops._own_data(cls, "name")
    if type(name) is not str or not name:
        name = "anonymous class"
    if parent is STATE.realm.intrinsics.get("%Function.prototype%"):
        shown = "null"              # class C extends null: the parent is %Function.prototype%
    elif isinstance(parent, JSFunction):
        shown = ops._own_data(parent, "name")
        shown = shown if type(shown) is str and shown else "anonymous"
    else:
        shown = ops.no_side_effects_to_string(parent)
    return "Super constructor %s of %s is not a constructor" % (shown, name)


def super_call(cls, new_target, this, *args):
    """SuperCall evaluation (13.3.7.1)."""
    parent = cls.get_prototype_of()
    if not is_constructor(parent):
        throw_type_error(_super_not_constructor(cls, parent))
    result = parent.construct(args, new_target)
    if this is not TDZ and this is not None:
        throw_reference_error("Super constructor may only be called once")
    return result


def super_call_box(cls, new_target, box, *args):
    """SuperCall evaluation (13.3.7.1) binding the this value kept in ``box``."""
    parent = cls.get_prototype_of()
    if not is_constructor(parent):
        throw_type_error(_super_not_constructor(cls, parent))
    result = parent.construct(args, new_target)
    if box[0] is not TDZ:
        throw_reference_error("Super constructor may only be called once")
    box[0] = result
    return result


def check_this(this):
    if this is TDZ or this is None:
        throw_reference_error("Must call super constructor in derived class before accessing "
                              "'this' or returning from derived constructor")
    return this


def derived_return(v, this):
    if isinstance(v, JSObject):
        return v
    if v is not undefined:
        throw_type_error("Derived constructors may only return object or undefined")
    return check_this(this)


def super_get(home, key, this):
    proto = home.get_prototype_of()
    if proto is null:
        throw_type_error("Cannot read properties of null (reading '%s')" % ops.key_to_display(key))
    return proto.get(key, this)


def super_set(home, key, value, this, strict=True):
    """PutValue of a Super Reference (6.2.5.6): [[Set]] on the home object's prototype
    with ``this`` as the receiver; a failure throws only in strict code."""
    proto = home.get_prototype_of()
    if proto is null:
        throw_type_error("Cannot set properties of null")
    if not proto.set(key, value, this) and strict:
        ops.throw_set_failure(this, key)
    return value


def define_method(obj, key, f, kind, enumerable):
    """MethodDefinitionEvaluation / DefineMethodProperty (15.4.4-5)."""
    if kind == "get":
        set_function_name(f, key, "get")
        cur = obj.get_own_property(key)
        s = undefined
        if cur is not None and cur.is_accessor():
            s = cur.set
        ops.define_property_or_throw(obj, key, Desc(get=f, set=s if s is not MISSING else undefined,
                                                     enumerable=enumerable, configurable=True))
    elif kind == "set":
        set_function_name(f, key, "set")
        cur = obj.get_own_property(key)
        g = undefined
        if cur is not None and cur.is_accessor():
            g = cur.get
        ops.define_property_or_throw(obj, key, Desc(get=g if g is not MISSING else undefined, set=f,
                                                     enumerable=enumerable, configurable=True))
    else:
        set_function_name(f, key)
        ops.define_property_or_throw(obj, key, Desc(value=f, writable=True, enumerable=enumerable,
                                                     configurable=True))
    return undefined


def define_data(obj, key, value):
    """CreateDataPropertyOrThrow for object literals (13.2.5.5)."""
    if type(obj) is JSObject and obj.flags is None and not (type(key) is str and key[:1].isdigit()):
        obj.props[key] = value
        return undefined
    ops.create_data_property_or_throw(obj, key, value)
    return undefined


def define_data_named(obj, key, value):
    if isinstance(value, JSFunction):
        n = value.props.get("name", MISSING)
        if n == "" or n is MISSING:
            set_function_name(value, key)
    return define_data(obj, key, value)


def set_proto_literal(obj, v):
    if isinstance(v, JSObject) or v is null:
        obj.proto = v
    return undefined


def copy_data_properties(target, source, excluded=()):
    """CopyDataProperties (7.3.25)."""
    if source is undefined or source is null:
        return undefined
    src = ops.to_object(source)
    for k in src.own_keys():
        if k in excluded:
            continue
        d = src.get_own_property(k)
        if d is not None and d.enumerable:
            v = src.get(k, src)
            ops.create_data_property(target, k, v)
    return undefined


def object_rest(source, excluded):
    realm = STATE.realm
    o = JSObject(realm.intrinsics["%Object.prototype%"])
    copy_data_properties(o, source, set(excluded))
    return o


# -- arguments objects -------------------------------------------------------------------

def make_arguments(args, strict, callee=None):
    """CreateUnmappedArgumentsObject (10.4.4.6); sloppy ones get ``callee``."""
    realm = STATE.realm
    intr = realm.intrinsics
    o = JSArguments(intr["%Object.prototype%"])
    p = o.props
    for i, v in enumerate(args):
        p[str(i)] = v
    p["length"] = float(len(args))
    p[SYM_ITERATOR] = intr["%Array.prototype.values%"]
    fl = {"length": W | C, SYM_ITERATOR: W | C}
    if strict:
        thrower = intr["%ThrowTypeError%"]
        p["callee"] = Accessor(thrower, thrower)
        fl["callee"] = 0
    else:
        p["callee"] = undefined if callee is None else callee
        fl["callee"] = W | C
    o.flags = fl
    return o


def make_mapped_arguments(args, nparams, getter, setter, callee):
    """CreateMappedArgumentsObject (10.4.4.7) via parameter getter/setter functions."""
    o = make_arguments(args, False, callee)
    m = {}
    for i in range(min(len(args), nparams)):
        m[str(i)] = (_ArgGet(getter, i), _ArgSet(setter, i))
    o.mapped = m
    return o


class _ArgGet:
    __slots__ = ("g", "i")

    def __init__(self, g, i):
        self.g = g
        self.i = i

    def __call__(self):
        return self.g(self.i)


class _ArgSet:
    __slots__ = ("s", "i")

    def __init__(self, s, i):
        self.s = s
        self.i = i

    def __call__(self, v):
        self.s(self.i, v)


def make_mapped_arguments_env(args, names, env):
    """CreateMappedArgumentsObject for a function whose parameters live in an Env."""
    o = make_arguments(args, False)
    m = {}
    seen = set()
    for i in range(len(names) - 1, -1, -1):
        n = names[i]
        if n in seen:
            continue
        seen.add(n)
        if i < len(args):
            m[str(i)] = (_EnvGet(env, n), _EnvSet(env, n))
    o.mapped = m
    return o


class _EnvGet:
    __slots__ = ("env", "name")

    def __init__(self, env, name):
        self.env = env
        self.name = name

    def __call__(self):
        return self.env.vars[self.name]


class _EnvSet:
    __slots__ = ("env", "name")

    def __init__(self, env, name):
        self.env = env
        self.name = name

    def __call__(self, v):
        self.env.vars[self.name] = v
