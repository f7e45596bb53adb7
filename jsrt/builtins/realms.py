"""The Realm Snapshot API in JS: RealmBuilder, RealmValue, RealmSnapshot and
instantiated realm objects (the proposal's names), plus the host functions
``bufferFromSnapshot`` / ``snapshotFromBuffer`` of a Node-style ``vm`` module.

These wrap the Python implementation in jsrt/snapshot. Everything a builder
realm's JS can reach here is a JS object with slots: nested builders and
realms are captured by the snapshots of the realm that created them.
"""

from ..runtime.values import undefined, null, MISSING, SYM_TO_STRING_TAG, SYM_ITERATOR
from ..runtime.objects import JSObject, JSFunction, W, E, C
from ..runtime.errors import JSThrow, STATE, throw_type_error
from ..runtime import ops
from ..runtime.promise import new_promise_capability
from ._common import make_native, define_methods, define_getters, make_constructor, proto_from_ctor


class JSRealmBuilder(JSObject):
    __slots__ = ("builder",)
    cls = "RealmBuilder"

    def __init__(self, proto, builder):
        JSObject.__init__(self, proto)
        self.builder = builder


class JSRealmValue(JSObject):
    """An opaque completion value; it exposes nothing to JS."""
    __slots__ = ("value",)
    cls = "RealmValue"

    def __init__(self, proto, value):
        JSObject.__init__(self, proto)
        self.value = value          # a jsrt.snapshot.RealmValue


class JSRealmSnapshot(JSObject):
    __slots__ = ("snapshot",)
    cls = "RealmSnapshot"

    def __init__(self, proto, snapshot):
        JSObject.__init__(self, proto)
        self.snapshot = snapshot    # a jsrt.snapshot.RealmSnapshot


class JSRealmObject(JSObject):
    """What RealmSnapshot.instantiate resolves to: arguments, globalThis, evaluate()."""
    __slots__ = ("realm",)
    cls = "Realm"

    def __init__(self, proto, realm):
        JSObject.__init__(self, proto)
        self.realm = realm


class ImportHookAdapter:
    """Calls a JS importHook(specifier, referrer) from the module loader."""
    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, specifier, referrer):
        r = ops.call(self.fn, undefined, specifier, undefined if referrer is None else referrer)
        if type(r) is not str:
            throw_type_error("importHook must return the module's source text")
        return r


def _this_builder(this):
    if type(this) is not JSRealmBuilder:
        throw_type_error("RealmBuilder method called on incompatible receiver %s" % ops.describe(this))
    return this.builder


def realm_builder_call(this, *args):
    throw_type_error("Class constructor RealmBuilder cannot be invoked without 'new'")


def realm_builder_construct(args, new_target):
    """new RealmBuilder(hooks)"""
    from ..snapshot import RealmBuilder
    hooks = args[0] if args else undefined
    py_hooks = {}
    if isinstance(hooks, JSObject):
        ih = hooks.get("importHook", hooks)
        if isinstance(ih, JSFunction):
            py_hooks["import"] = ImportHookAdapter(ih)
        elif ih is not undefined:
            throw_type_error("importHook must be a function")
    b = _new_builder_inline(py_hooks)
    return JSRealmBuilder(proto_from_ctor(new_target, "%RealmBuilder.prototype%"), b)


def _new_builder_inline(hooks):
    """A RealmBuilder created from JS (we are already on the JS thread)."""
    from ..snapshot import RealmBuilder
    from ..realm import Realm
    b = RealmBuilder.__new__(RealmBuilder)
    b.hooks = hooks
    b.debug = False
    prev = STATE.realm
    try:
        b.realm = Realm(host=False, restricted=True)
    finally:
        STATE.realm = prev
    b.sources = []
    b.modules = {}
    return b


def _wrap_value(rv):
    return JSRealmValue(STATE.realm.intrinsics["%RealmValue.prototype%"], rv)


def rb_eval_script(this, source=undefined, *rest):
    """RealmBuilder.prototype.evalScript(scriptSource)"""
    from ..snapshot import RealmValue, _TOKEN
    b = _this_builder(this)
    src = ops.to_string(source)
    origin = len(b.sources)
    b.sources.append(("script", src, None))
    outer = STATE.realm
    inner = b.realm
    STATE.realm = inner
    try:
        try:
            v = inner.eval_internal(src, "evalScript")
            inner.run_jobs()
            threw = False
        except JSThrow as e:
            v = e.value
            threw = True
    finally:
        STATE.realm = outer
    return _wrap_value(RealmValue(_TOKEN, b, v, threw, origin))


def rb_eval_module(this, specifier=undefined, *rest):
    """RealmBuilder.prototype.evalModule(specifier)"""
    from ..snapshot import RealmValue, _TOKEN
    from ..modules import load_module_namespace
    b = _this_builder(this)
    spec = ops.to_string(specifier)
    hook = b.hooks.get("import")
    if hook is None:
        throw_type_error("evalModule needs an importHook")
    origin = len(b.sources)
    b.sources.append(("module", spec, None))
    outer = STATE.realm
    inner = b.realm
    STATE.realm = inner
    try:
        try:
            v = load_module_namespace(inner, spec, hook)
            inner.run_jobs()
            threw = False
        except JSThrow as e:
            v = e.value
            threw = True
    finally:
        STATE.realm = outer
    return _wrap_value(RealmValue(_TOKEN, b, v, threw, origin))


def realm_value_call(this, *args):
    throw_type_error("RealmValue cannot be created directly")


def realm_value_construct(args, nt):
    throw_type_error("RealmValue cannot be created directly")


def realm_snapshot_call(this, *args):
    throw_type_error("RealmSnapshot cannot be created directly")


def realm_snapshot_construct(args, nt):
    throw_type_error("RealmSnapshot cannot be created directly")


def _values_list(values):
    if values is undefined:
        return []
    from ..runtime.iteration import get_iterator
    out = []
    for v in get_iterator(values):
        if type(v) is not JSRealmValue:
            throw_type_error("RealmSnapshot.compile: every value must be a RealmValue")
        out.append(v.value)
    return out


def _compile(builder_obj, values):
    from ..snapshot import RealmSnapshot
    from ..errors import SnapshotError
    b = _this_builder(builder_obj)
    vals = _values_list(values)
    for v in vals:
        if v._builder is not b:
            throw_type_error("RealmSnapshot.compile: a RealmValue belongs to a different RealmBuilder")
    try:
        return RealmSnapshot.compile(b, vals)
    except SnapshotError as e:
        raise JSThrow(kind="TypeError", message=str(e))


def rs_compile(this, builder=undefined, values=undefined, *rest):
    """RealmSnapshot.compile(realmBuilder, realmArguments) -> Promise<RealmSnapshot>"""
    cap = new_promise_capability(None)
    try:
        snap = _compile(builder, values)
        cap.resolve.fn(undefined, JSRealmSnapshot(STATE.realm.intrinsics["%RealmSnapshot.prototype%"], snap))
    except JSThrow as e:
        cap.reject.fn(undefined, e.value)
    return cap.promise


def rs_instantiate(this, snap=undefined, values=undefined, *rest):
    """RealmSnapshot.instantiate(realmSnapshot) / instantiate(builder, values) -> Promise<realm>"""
    from ..errors import SnapshotError
    from ..snapshot import RealmSnapshot
    cap = new_promise_capability(None)
    outer = STATE.realm
    try:
        if type(snap) is JSRealmBuilder:
            s = _compile(snap, values)
        elif type(snap) is JSRealmSnapshot:
            s = snap.snapshot
        else:
            throw_type_error("RealmSnapshot.instantiate expects a RealmSnapshot or a RealmBuilder")
        try:
            r = s._instantiate(False, None)
        except SnapshotError as e:
            raise JSThrow(kind="TypeError", message=str(e))
        finally:
            STATE.realm = outer
        cap.resolve.fn(undefined, make_realm_object(outer, r))
    except JSThrow as e:
        cap.reject.fn(undefined, e.value)
    return cap.promise


def make_realm_object(outer, r):
    o = JSRealmObject(outer.intrinsics["%RealmObject.prototype%"], r)
    args = r.snapshot_arguments or []
    o._store("arguments", ops.new_array(list(args)), W | E | C)
    o._store("globalThis", r.global_object, W | E | C)
    return o


def realm_evaluate(this, source=undefined, *rest):
    """realm.evaluate(source): run a script in the instantiated realm."""
    if type(this) is not JSRealmObject:
        throw_type_error("evaluate called on incompatible receiver")
    src = ops.to_string(source)
    outer = STATE.realm
    inner = this.realm
    STATE.realm = inner
    try:
        v = inner.eval_internal(src, "evaluate")
        inner.run_jobs()
        return v
    finally:
        STATE.realm = outer


def buffer_from_snapshot(this, snap=undefined, *rest):
    """vm.bufferFromSnapshot(snapshot) -> ArrayBuffer of the signed bytes"""
    if type(snap) is not JSRealmSnapshot:
        throw_type_error("bufferFromSnapshot expects a RealmSnapshot")
    from .typedarray import new_array_buffer
    return new_array_buffer(STATE.realm, bytearray(snap.snapshot.to_bytes()))


def snapshot_from_buffer(this, buf=undefined, *rest):
    """vm.snapshotFromBuffer(buffer) -> RealmSnapshot (MAC verified first)"""
    from ..snapshot import RealmSnapshot
    from ..errors import SnapshotError
    data = _bytes_of(buf)
    try:
        s = RealmSnapshot.from_bytes(data)
    except SnapshotError as e:
        raise JSThrow(kind="TypeError", message=str(e))
    return JSRealmSnapshot(STATE.realm.intrinsics["%RealmSnapshot.prototype%"], s)


def _bytes_of(buf):
    cls = getattr(buf, "cls", None)
    if cls == "ArrayBuffer":
        if buf.data is None:
            throw_type_error("snapshotFromBuffer: the ArrayBuffer is detached")
        return bytes(buf.data)
    if hasattr(buf, "buffer") and getattr(getattr(buf, "buffer", None), "cls", None) == "ArrayBuffer":
        b = buf.buffer
        if b.data is None:
            throw_type_error("snapshotFromBuffer: the ArrayBuffer is detached")
        off = getattr(buf, "offset", 0)
        n = buf.get("byteLength", buf)
        return bytes(b.data[off:off + int(n)])
    throw_type_error("snapshotFromBuffer expects an ArrayBuffer or a typed array")


def make_vm_module(realm):
    """The ``vm`` host module object (Node's name for it)."""
    vm = JSObject(realm.intrinsics["%Object.prototype%"])
    define_methods(realm, vm, [("bufferFromSnapshot", buffer_from_snapshot, 1),
                               ("snapshotFromBuffer", snapshot_from_buffer, 1)], W | E | C)
    return vm


def setup(realm):
    intr = realm.intrinsics
    op = intr["%Object.prototype%"]
    g = realm.global_object

    rbp = JSObject(op)
    rb = make_constructor(realm, "RealmBuilder", realm_builder_call, realm_builder_construct, 0,
                          rbp, "%RealmBuilder.prototype%")
    define_methods(realm, rbp, [("evalScript", rb_eval_script, 1), ("evalModule", rb_eval_module, 1)])
    rbp._store(SYM_TO_STRING_TAG, "RealmBuilder", C)

    rvp = JSObject(op)
    rv = make_constructor(realm, "RealmValue", realm_value_call, realm_value_construct, 0,
                          rvp, "%RealmValue.prototype%")
    rvp._store(SYM_TO_STRING_TAG, "RealmValue", C)

    rsp = JSObject(op)
    rs = make_constructor(realm, "RealmSnapshot", realm_snapshot_call, realm_snapshot_construct, 0,
                          rsp, "%RealmSnapshot.prototype%")
    define_methods(realm, rs, [("compile", rs_compile, 2), ("instantiate", rs_instantiate, 1)])
    rsp._store(SYM_TO_STRING_TAG, "RealmSnapshot", C)

    rop = JSObject(op)
    intr["%RealmObject.prototype%"] = rop
    define_methods(realm, rop, [("evaluate", realm_evaluate, 1)])
    rop._store(SYM_TO_STRING_TAG, "Realm", C)

    for name, v in (("RealmBuilder", rb), ("RealmValue", rv), ("RealmSnapshot", rs)):
        intr["%" + name + "%"] = v
        g._store(name, v, W | C)
