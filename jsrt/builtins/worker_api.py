"""Workers in JS (host family): ``EventTarget``, ``Event``, ``MessageEvent``, ``ErrorEvent``
and the master-side ``Worker``; the dedicated-worker global scope (``self``,
``postMessage``, ``onmessage``, ``addEventListener("message")``, ``close``) that a pool
worker installs in each task realm (jsrt.workers.runner).

https://html.spec.whatwg.org/multipage/workers.html and
https://dom.spec.whatwg.org/#interface-eventtarget, in a small form:

- events dispatch to a single target (no propagation path); the ``on<type>`` handler
  runs first, then the listeners in registration order (``once`` honoured); an
  exception in a listener is reported (``Uncaught ...`` on stderr) and the next
  listener still runs (DOM "inner invoke" step 10.2);
- messages are structured-clone bytes (jsrt.clone) both ways, with ``transfer``;
- ``new Worker(source | realmSnapshot, {snapshot, script, name, timeout (ms)})`` runs the
  source (or instantiates the snapshot and runs ``options.script`` in it) as a
  long-lived task of a jsrt.workers.WorkerPool: the realm's pool
  (``jsrt.workers.attach(realm, pool)``), else the process-wide default pool.  The
  master realm's event loop stays alive while a Worker runs (like Node); messages
  arrive as ``message`` events, an uncaught error in the worker as an ``error``
  event (ErrorEvent), the end of the worker as an ``exit`` event (Node's name) with
  ``code`` 0 or 1.  ``terminate()`` stops it.

Objects reachable from JS are slot classes and module-level functions (snapshot-able,
CONVENTIONS.md); the Python side of a running Worker (its future) sits in a per-realm
hub that JS reaches only by an integer id.
"""

import collections
import threading
import time

from ..runtime.values import undefined, null, SYM_TO_STRING_TAG, SYM_ITERATOR
from ..runtime.objects import JSObject, JSFunction, JSArray, W, E, C
from ..runtime.errors import JSThrow, STATE, throw_type_error
from ..runtime import ops
from ._common import make_native, define_methods, make_constructor, proto_from_ctor

__all__ = ["setup", "install_worker_scope", "is_listening", "deliver_message", "dispatch",
           "JSEventTarget", "JSEvent", "JSWorker"]


class JSEventTarget(JSObject):
    """An EventTarget: ``listeners`` is {type: [[callback, once], ...]}."""
    __slots__ = ("listeners",)
    cls = "EventTarget"

    def __init__(self, proto):
        JSObject.__init__(self, proto)
        self.listeners = {}


class JSEvent(JSObject):
    """An Event; its attributes are own data properties, its flags slots."""
    __slots__ = ("stop_immediate", "canceled")
    cls = "Event"

    def __init__(self, proto):
        JSObject.__init__(self, proto)
        self.stop_immediate = False
        self.canceled = False


class JSWorker(JSEventTarget):
    """A Worker object of a master realm; ``link_id`` names its link in the realm's hub."""
    __slots__ = ("link_id",)
    cls = "Worker"

    def __init__(self, proto):
        JSEventTarget.__init__(self, proto)
        self.link_id = 0


# ---------------------------------------------------------------------------
# EventTarget (DOM 2.7)
# ---------------------------------------------------------------------------

def _listeners_of(target, create=True):
    if isinstance(target, JSEventTarget):
        return target.listeners
    realm = STATE.realm
    if realm is not None and target is realm.global_object:
        d = realm.__dict__.get("_global_listeners")
        if d is None and create:
            d = realm.__dict__["_global_listeners"] = {}
        return d
    throw_type_error("Illegal invocation: %s is not an EventTarget" % ops.describe(target))


def _target(this):
    if this is undefined or this is null:
        return STATE.realm.global_object
    return this


def _once(options):
    if isinstance(options, JSObject):
        return ops.to_boolean(options.get("once", options))
    return False


def event_target_call(this, *args):
    throw_type_error("Failed to construct 'EventTarget': Please use the 'new' operator")


def event_target_construct(args, new_target):
    """new EventTarget ( ) (DOM 2.7)."""
    return JSEventTarget(proto_from_ctor(new_target, "%EventTarget.prototype%"))


def add_event_listener(this, type_=undefined, callback=undefined, options=undefined, *rest):
    """EventTarget.prototype.addEventListener ( type, callback [ , options ] ) (DOM 2.7)."""
    lst = _listeners_of(_target(this))
    if callback is null or callback is undefined:
        return undefined
    if not isinstance(callback, JSObject):
        throw_type_error("Failed to execute 'addEventListener' on 'EventTarget': parameter 2 "
                         "is not of type 'Object'.")
    t = ops.to_string(type_)
    entries = lst.setdefault(t, [])
    for e in entries:
        if e[0] is callback:
            return undefined
    entries.append([callback, _once(options)])
    return undefined


def remove_event_listener(this, type_=undefined, callback=undefined, *rest):
    """EventTarget.prototype.removeEventListener ( type, callback [ , options ] ) (DOM 2.7)."""
    lst = _listeners_of(_target(this), create=False)
    if not lst:
        return undefined
    t = ops.to_string(type_)
    entries = lst.get(t)
    if entries:
        lst[t] = [e for e in entries if e[0] is not callback]
    return undefined


def dispatch_event_method(this, event=undefined, *rest):
    """EventTarget.prototype.dispatchEvent ( event ) (DOM 2.7): !canceled."""
    if not isinstance(event, JSEvent):
        throw_type_error("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is "
                         "not of type 'Event'.")
    return dispatch(_target(this), event)


def _invoke(realm, callback, target, event):
    try:
        if isinstance(callback, JSFunction):
            callback.fn(target, event)
        else:
            handle = callback.get("handleEvent", callback)
            if isinstance(handle, JSFunction):
                handle.fn(callback, event)
    except JSThrow as e:
        realm.report_uncaught(e)


def dispatch(target, event):
    """Dispatch ``event`` at ``target``: the on<type> handler, then the listeners.
    Returns False if a listener called preventDefault() on a cancelable event."""
    realm = STATE.realm
    t = event.get("type", event)
    event._store("target", target, E)
    event._store("currentTarget", target, E)
    handler = target.get("on" + t, target) if type(t) is str else undefined
    if isinstance(handler, JSFunction):
        _invoke(realm, handler, target, event)
    lst = _listeners_of(target, create=False) or {}
    entries = lst.get(t)
    if entries:
        for entry in list(entries):
            if event.stop_immediate:
                break
            if entry not in entries:
                continue
            if entry[1]:
                entries.remove(entry)
            _invoke(realm, entry[0], target, event)
    event._store("currentTarget", null, E)
    return not event.canceled


def has_handlers(target, type_):
    h = target.get("on" + type_, target)
    if isinstance(h, JSFunction):
        return True
    lst = _listeners_of(target, create=False) or {}
    return bool(lst.get(type_))


# ---------------------------------------------------------------------------
# Event, MessageEvent, ErrorEvent (DOM 2.2, HTML 9.3.4, HTML 8.1.7.2)
# ---------------------------------------------------------------------------

def new_event(realm, proto_key, type_, fields=(), cancelable=False):
    ev = JSEvent(realm.intrinsics[proto_key])
    ev._store("type", type_, E)
    ev._store("bubbles", False, E)
    ev._store("cancelable", cancelable, E)
    ev._store("defaultPrevented", False, E)
    ev._store("isTrusted", False, E)
    ev._store("target", null, E)
    ev._store("currentTarget", null, E)
    ev._store("timeStamp", float(time.monotonic() * 1000.0), E)
    for k, v in fields:
        ev._store(k, v, E)
    return ev


def _init_get(init, key, default):
    if not isinstance(init, JSObject):
        return default
    v = init.get(key, init)
    return default if v is undefined else v


def event_call(this, *args):
    throw_type_error("Failed to construct 'Event': Please use the 'new' operator")


def event_construct(args, new_target):
    """new Event ( type [ , eventInitDict ] ) (DOM 2.2)."""
    if not args:
        throw_type_error("Failed to construct 'Event': 1 argument required, but only 0 present.")
    init = args[1] if len(args) > 1 else undefined
    ev = new_event(STATE.realm, "%Event.prototype%", ops.to_string(args[0]),
                   cancelable=ops.to_boolean(_init_get(init, "cancelable", False)))
    ev.proto = proto_from_ctor(new_target, "%Event.prototype%")
    return ev


def message_event_construct(args, new_target):
    """new MessageEvent ( type [ , eventInitDict ] ) (HTML 9.3.4)."""
    if not args:
        throw_type_error("Failed to construct 'MessageEvent': 1 argument required.")
    init = args[1] if len(args) > 1 else undefined
    ev = make_message_event(STATE.realm, ops.to_string(args[0]),
                            _init_get(init, "data", null))
    ev.proto = proto_from_ctor(new_target, "%MessageEvent.prototype%")
    return ev


def error_event_construct(args, new_target):
    """new ErrorEvent ( type [ , eventInitDict ] ) (HTML 8.1.7.2)."""
    if not args:
        throw_type_error("Failed to construct 'ErrorEvent': 1 argument required.")
    init = args[1] if len(args) > 1 else undefined
    realm = STATE.realm
    ev = make_error_event(realm, ops.to_string(args[0]),
                          ops.to_string(_init_get(init, "message", "")),
                          ops.to_string(_init_get(init, "filename", "")),
                          float(ops.to_number(_init_get(init, "lineno", 0.0))),
                          float(ops.to_number(_init_get(init, "colno", 0.0))),
                          _init_get(init, "error", undefined))
    ev.proto = proto_from_ctor(new_target, "%ErrorEvent.prototype%")
    return ev


def make_message_event(realm, type_, data):
    return new_event(realm, "%MessageEvent.prototype%", type_,
                     (("data", data), ("origin", ""), ("lastEventId", ""), ("source", null),
                      ("ports", JSArray(realm.intrinsics["%Array.prototype%"], []))))


def make_error_event(realm, type_, message, filename, lineno, colno, error):
    return new_event(realm, "%ErrorEvent.prototype%", type_,
                     (("message", message), ("filename", filename), ("lineno", lineno),
                      ("colno", colno), ("error", error)), cancelable=True)


def _this_event(this, what):
    if not isinstance(this, JSEvent):
        throw_type_error("Illegal invocation: Event.prototype.%s called on %s"
                         % (what, ops.describe(this)))
    return this


def prevent_default(this, *args):
    """Event.prototype.preventDefault ( ) (DOM 2.2)."""
    ev = _this_event(this, "preventDefault")
    if ev.get("cancelable", ev) is True:
        ev.canceled = True
        ev._store("defaultPrevented", True, E)
    return undefined


def stop_propagation(this, *args):
    """Event.prototype.stopPropagation ( ) (DOM 2.2): no propagation path here."""
    _this_event(this, "stopPropagation")
    return undefined


def stop_immediate_propagation(this, *args):
    """Event.prototype.stopImmediatePropagation ( ) (DOM 2.2)."""
    _this_event(this, "stopImmediatePropagation").stop_immediate = True
    return undefined


def message_event_call(this, *args):
    throw_type_error("Failed to construct 'MessageEvent': Please use the 'new' operator")


def error_event_call(this, *args):
    throw_type_error("Failed to construct 'ErrorEvent': Please use the 'new' operator")


def worker_call(this, *args):
    throw_type_error("Failed to construct 'Worker': Please use the 'new' operator")


# ---------------------------------------------------------------------------
# The dedicated worker global scope (HTML 10.2.1.3), in a pool worker's task realm
# ---------------------------------------------------------------------------

def _transfer_arg(v):
    """postMessage's second argument: a sequence of transferables or {transfer}."""
    if v is undefined or v is null:
        return []
    if isinstance(v, JSObject) and ops.get_method(v, SYM_ITERATOR) is undefined:
        from .webapi import _transfer_list
        return _transfer_list(v)
    if not isinstance(v, JSObject):
        throw_type_error("Failed to execute 'postMessage': The provided value cannot be "
                         "converted to a sequence.")
    from ..runtime.iteration import get_iterator
    return list(get_iterator(v))


def _serialize_message(realm, message, transfer):
    from ..clone.serializer import serialize_js
    from ..errors import DataCloneError
    try:
        return serialize_js(realm, message, _transfer_arg(transfer), False, True)[0]
    except DataCloneError as e:
        from .webapi import throw_dom_exception
        from ..compiler.codegen import to_utf16
        throw_dom_exception("DataCloneError", to_utf16("Failed to execute 'postMessage': %s" % e))


def scope_post_message(this, message=undefined, transfer=undefined, *rest):
    """postMessage ( message [ , transfer | options ] ) (HTML 10.2.1.3): to the master."""
    realm = STATE.realm
    port = realm.__dict__.get("worker_port")
    data = _serialize_message(realm, message, transfer)
    if port is None:
        throw_type_error("postMessage: this realm is not running a worker task")
    port.post(data)
    return undefined


def scope_close(this, *args):
    """close ( ) (HTML 10.2.1.1): the task ends after the current turn."""
    port = STATE.realm.__dict__.get("worker_port")
    if port is not None:
        port.close_requested = True
    return undefined


def nested_worker(this, *args):
    throw_type_error("Worker is not available inside a pool worker (no nested pools)")


def nested_worker_construct(args, new_target):
    throw_type_error("Worker is not available inside a pool worker (no nested pools)")


SCOPE_FUNCTIONS = (
    ("postMessage", scope_post_message, 1),
    ("close", scope_close, 0),
)

TARGET_FUNCTIONS = (
    ("addEventListener", add_event_listener, 2),
    ("removeEventListener", remove_event_listener, 2),
    ("dispatchEvent", dispatch_event_method, 1),
)


def install_worker_scope(realm):
    """Make ``realm``'s global a dedicated worker scope. Names a snapshot's own code
    already defined (say its own ``addEventListener``) are kept."""
    if "%Event.prototype%" not in realm.intrinsics:
        setup(realm)
    g = realm.global_object
    props = g.props
    define_methods(realm, g, SCOPE_FUNCTIONS, W | C)
    for name, fn, length in TARGET_FUNCTIONS:
        if name not in props:
            f = make_native(realm, name, fn, length)
            g._store(name, f, W | C)
            if name == "dispatchEvent":
                realm.__dict__["_native_dispatch"] = f
    if "self" not in props:
        g._store("self", g, W | C)
    if "onmessage" not in props:
        g._store("onmessage", null, W | E | C)
    if "Worker" in props:
        g._store("Worker", make_native(realm, "Worker", nested_worker, 1,
                                       ctor=nested_worker_construct), W | C)


def is_listening(realm):
    """Does the worker scope listen for messages (so a long-lived task waits for them)?"""
    g = realm.global_object
    om = g.props.get("onmessage")
    if isinstance(om, JSFunction):
        return True
    lst = realm.__dict__.get("_global_listeners")
    if lst and lst.get("message"):
        return True
    de = g.props.get("dispatchEvent")
    return isinstance(de, JSFunction) and de is not realm.__dict__.get("_native_dispatch")


def deliver_message(realm, data):
    """A message from the master: a MessageEvent at the global (or messageerror)."""
    from ..clone.deserializer import deserialize_js
    from ..errors import DataCloneError
    try:
        value = deserialize_js(realm, data)
        ev = make_message_event(realm, "message", value)
    except DataCloneError:
        ev = make_message_event(realm, "messageerror", null)
    _dispatch_at_global(realm, ev)


def _dispatch_at_global(realm, ev):
    g = realm.global_object
    de = g.props.get("dispatchEvent")
    if isinstance(de, JSFunction) and de is not realm.__dict__.get("_native_dispatch"):
        try:
            de.fn(g, ev)
        except JSThrow as e:
            realm.report_uncaught(e)
    else:
        dispatch(g, ev)


# ---------------------------------------------------------------------------
# Worker (master side)
# ---------------------------------------------------------------------------

class _Hub:
    """A master realm's running Workers: the pool threads queue events here; one
    repeating timer of the realm delivers them on the JS thread and keeps the realm's
    event loop alive while any Worker runs."""

    POLL_MS = 1.0
    MAX_BLOCK = 0.02

    def __init__(self, realm):
        self.realm = realm
        self.links = {}
        self.next_id = 1
        self.events = collections.deque()
        self.wake = threading.Event()
        self.timer = None

    def put(self, link_id, kind, payload):
        self.events.append((link_id, kind, payload))
        self.wake.set()

    def add(self, link):
        lid = self.next_id
        self.next_id += 1
        self.links[lid] = link
        if self.timer is None or self.timer not in self.realm.active_timers:
            self.timer = self.realm.add_timer(self.POLL_MS, self.poll, (), self.POLL_MS)
        return lid

    def remove(self, lid):
        self.links.pop(lid, None)
        if not self.links and self.timer is not None:
            self.realm.clear_timer(self.timer)
            self.timer = None

    def poll(self):
        realm = self.realm
        if not self.events:
            others = [e[0] for tid, e in realm.active_timers.items() if tid != self.timer]
            block = self.MAX_BLOCK
            if others:
                block = max(0.0, min(block, (min(others) - realm.clock()) / 1000.0))
            if block > 0:
                self.wake.wait(block)
        self.wake.clear()
        while self.events:
            lid, kind, payload = self.events.popleft()
            link = self.links.get(lid)
            if link is not None:
                link.deliver(kind, payload)
        if not self.links and self.timer is not None:
            realm.clear_timer(self.timer)
            self.timer = None


def _hub(realm):
    h = realm.__dict__.get("_worker_hub")
    if h is None:
        h = realm.__dict__["_worker_hub"] = _Hub(realm)
    return h


class _WorkerLink:
    """The Python side of one JS Worker: its task future and its JS object."""

    def __init__(self, hub, obj):
        self.hub = hub
        self.obj = obj
        self.future = None
        self.id = 0
        self.closed = False

    # pool threads
    def on_message(self, data):
        self.hub.put(self.id, "message", data)

    def on_error(self, exc):
        self.hub.put(self.id, "error", exc)

    def on_done(self, fut):
        self.hub.put(self.id, "exit", fut)

    # JS thread
    def deliver(self, kind, payload):
        realm = self.hub.realm
        obj = self.obj
        if kind == "message":
            from ..clone.deserializer import deserialize_js
            from ..errors import DataCloneError
            try:
                ev = make_message_event(realm, "message", deserialize_js(realm, payload))
            except DataCloneError:
                ev = make_message_event(realm, "messageerror", null)
            dispatch(obj, ev)
        elif kind == "error":
            self._error(payload)
        elif kind == "exit":
            fut = payload
            code = 0.0
            if not fut.cancelled():
                exc = fut.exception()
                if exc is not None:
                    code = 1.0
                    from concurrent.futures import CancelledError
                    if not isinstance(exc, CancelledError):
                        self._error(exc)
            self.closed = True
            self.hub.remove(self.id)
            dispatch(obj, new_event(realm, "%Event.prototype%", "exit", (("code", code),)))

    def _error(self, exc):
        """An ErrorEvent for a Python exception from the worker (JSError or other)."""
        realm = self.hub.realm
        from ..compiler.codegen import to_utf16
        from ..errors import JSError
        if isinstance(exc, JSError):
            msg = "Uncaught %s" % (("%s: %s" % (exc.name, exc.message)) if exc.message
                                   else exc.name)
            err_value = _error_value_to_js(realm, exc)
            filename, line, col = _first_frame(exc)
        else:
            msg = "%s: %s" % (type(exc).__name__, exc)
            err_value = undefined
            filename, line, col = "", 0.0, 0.0
        ev = make_error_event(realm, "error", to_utf16(msg), to_utf16(filename), line, col,
                              err_value)
        handled = has_handlers(self.obj, "error")
        dispatch(self.obj, ev)
        if not handled:
            stack = getattr(exc, "stack", None) or msg
            realm.write_stderr(to_utf16("Uncaught (in worker) %s\n" % stack))


def _error_value_to_js(realm, exc):
    """The worker's thrown value as a JS value of the master realm, when we have it."""
    from ..clone.pyvalues import ErrorValue
    v = exc.value
    if isinstance(v, ErrorValue):
        from ..compiler.codegen import to_utf16
        kind = v.name if ("%" + str(v.name) + "%") in realm.intrinsics else "Error"
        o = realm.make_error(kind, v.message or "")
        if v.stack:
            o._store("stack", to_utf16(v.stack), W | C)
        return o
    if v is None:
        return undefined
    try:
        from ..realm import to_js
        return to_js(realm, v)
    except Exception:
        return undefined


def _first_frame(exc):
    """(filename, line, column) of the innermost JS frame in a JSError's stack."""
    import re
    if exc.filename is not None:
        return exc.filename, float(exc.line or 0), float(exc.column or 0)
    for line in (exc.stack or "").splitlines()[1:]:
        m = re.search(r"\(?([^()\s]+):(\d+):(\d+)\)?\s*$", line)
        if m:
            return m.group(1), float(m.group(2)), float(m.group(3))
    return "", 0.0, 0.0


def _pool_of(realm):
    pool = realm.__dict__.get("worker_pool")
    if pool is None:
        from ..workers import default_pool
        pool = default_pool()
    return pool


def worker_construct(args, new_target):
    """new Worker ( source | realmSnapshot [ , options ] ): a long-lived pool task."""
    from .realms import JSRealmSnapshot
    realm = STATE.realm
    src = args[0] if args else undefined
    options = args[1] if len(args) > 1 else undefined
    snapshot = None
    script = None
    if type(src) is JSRealmSnapshot:
        snapshot = src.snapshot
        s = _init_get(options, "script", undefined)
        if s is not undefined:
            script = ops.to_string(s)
    elif type(src) is str:
        script = src
        s = _init_get(options, "snapshot", undefined)
        if type(s) is JSRealmSnapshot:
            snapshot = s.snapshot
        elif type(s) is str:
            snapshot = _from_utf16(s)
        elif s is not undefined and s is not null:
            throw_type_error("Failed to construct 'Worker': options.snapshot must be a "
                             "RealmSnapshot or a snapshot name")
    else:
        throw_type_error("Failed to construct 'Worker': the first argument must be the "
                         "worker's source text or a RealmSnapshot")
    name = _init_get(options, "name", undefined)
    name = _from_utf16(ops.to_string(name)) if name is not undefined else None
    timeout = _init_get(options, "timeout", undefined)
    timeout = float(ops.to_number(timeout)) / 1000.0 if timeout is not undefined else None
    obj = JSWorker(proto_from_ctor(new_target, "%Worker.prototype%"))
    for h in ("onmessage", "onerror", "onmessageerror", "onexit"):
        obj._store(h, null, W | E | C)
    hub = _hub(realm)
    link = _WorkerLink(hub, obj)
    try:
        pool = _pool_of(realm)
        fut = pool.submit(None if script is None else _from_utf16(script), snapshot=snapshot,
                          keep_open=True, on_message=link.on_message, raw_messages=True,
                          on_error_event=link.on_error, timeout=timeout, discard_result=True,
                          name=name or "Worker", filename=name or "worker.js")
    except JSThrow:
        raise
    except Exception as e:
        throw_type_error("Failed to construct 'Worker': %s" % _to_js_text("%s: %s" % (
            type(e).__name__, e)))
    link.future = fut
    link.id = hub.add(link)
    obj.link_id = link.id
    fut.add_done_callback(link.on_done)
    return obj


def _from_utf16(s):
    from ..realm import from_utf16
    return from_utf16(s)


def _to_js_text(s):
    from ..compiler.codegen import to_utf16
    return to_utf16(s)


def _this_worker(this, what):
    if type(this) is not JSWorker:
        throw_type_error("Illegal invocation: Worker.prototype.%s called on %s"
                         % (what, ops.describe(this)))
    hub = _hub(STATE.realm)
    return hub.links.get(this.link_id)


def worker_post_message(this, message=undefined, transfer=undefined, *rest):
    """Worker.prototype.postMessage ( message [ , transfer | options ] ) (HTML 10.2.6.3)."""
    link = _this_worker(this, "postMessage")
    data = _serialize_message(STATE.realm, message, transfer)
    if link is not None and not link.closed:
        link.future.post_bytes(data)
    return undefined


def worker_terminate(this, *args):
    """Worker.prototype.terminate ( ) (HTML 10.2.6.3): abort the worker now."""
    link = _this_worker(this, "terminate")
    if link is not None and not link.closed:
        link.closed = True
        link.hub.remove(link.id)
        link.future.terminate()
    return undefined


def setup(realm):
    """Install EventTarget, Event, MessageEvent, ErrorEvent (unless a family already did)
    and Worker."""
    intr = realm.intrinsics
    g = realm.global_object
    op = intr["%Object.prototype%"]

    etp = JSObject(op)
    et = make_constructor(realm, "EventTarget", event_target_call, event_target_construct, 0,
                          etp, "%EventTarget.prototype%")
    define_methods(realm, etp, TARGET_FUNCTIONS)
    etp._store(SYM_TO_STRING_TAG, "EventTarget", C)

    evp = JSObject(op)
    ev = make_constructor(realm, "Event", event_call, event_construct, 1, evp,
                          "%Event.prototype%")
    define_methods(realm, evp, (("preventDefault", prevent_default, 0),
                                ("stopPropagation", stop_propagation, 0),
                                ("stopImmediatePropagation", stop_immediate_propagation, 0)))
    evp._store(SYM_TO_STRING_TAG, "Event", C)

    mep = JSObject(evp)
    me = make_constructor(realm, "MessageEvent", message_event_call, message_event_construct,
                          1, mep, "%MessageEvent.prototype%")
    mep._store(SYM_TO_STRING_TAG, "MessageEvent", C)
    eep = JSObject(evp)
    ee = make_constructor(realm, "ErrorEvent", error_event_call, error_event_construct, 1, eep,
                          "%ErrorEvent.prototype%")
    eep._store(SYM_TO_STRING_TAG, "ErrorEvent", C)

    wp = JSObject(etp)
    wk = make_constructor(realm, "Worker", worker_call, worker_construct, 1, wp,
                          "%Worker.prototype%")
    define_methods(realm, wp, (("postMessage", worker_post_message, 1),
                               ("terminate", worker_terminate, 0)))
    wp._store(SYM_TO_STRING_TAG, "Worker", C)

    for name, f in (("EventTarget", et), ("Event", ev), ("MessageEvent", me),
                    ("ErrorEvent", ee), ("Worker", wk)):
        intr["%" + name + "%"] = f
        if name not in g.props:
            g._store(name, f, W | C)
