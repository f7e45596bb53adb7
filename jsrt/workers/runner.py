"""Running one task in a worker: the realm (from a verified snapshot template, fresh per
task), the script or call, the event loop with incoming messages, the result as
structured-clone bytes.  Transport-independent: the process worker (worker.py) and the
Dask backend (dask.py) both drive a :class:`TaskRunner`.

Everything here except :meth:`TaskRunner.interrupt` runs on the JS thread
(jsrt.runtime.executor): the worker's serve loop is one long executor request.
"""

import collections
import ctypes
import queue
import threading
import time
import traceback

from ..errors import JSError, SnapshotError, DataCloneError
from ..runtime.errors import JSThrow, STATE, ScriptTimeout
from ..runtime.values import undefined
from ..runtime.objects import JSFunction, JSArray
from . import protocol as P

__all__ = ["TaskRunner", "Port", "TaskTerminated", "CpuLimitExceeded"]

#: Captured console output per task and stream is cut here.
MAX_OUTPUT = 16 << 20
#: Snapshot templates kept per worker (least recently used ones are dropped).
MAX_TEMPLATES = 16


class TaskTerminated(BaseException):
    """Raised into the JS thread to stop a task the master terminated."""


class CpuLimitExceeded(BaseException):
    """Raised into the JS thread when the task's CPU-time limit is reached."""


class Port:
    """The task realm's end of its message channel with the master.

    The transport feeds ``inbox`` with ``("msg", data)``, ``("close",)`` and
    ``("terminate",)``; ``post`` sends a structured-clone message to the master.
    """

    def __init__(self, task_id, post=None, keep_open=False):
        self.task_id = task_id
        self.inbox = queue.SimpleQueue()
        self.input_open = keep_open
        self.close_requested = False
        self.terminated = False
        self._post = post
        self.outbox = []            # messages kept for the result when there is no live link

    def post(self, data):
        if self._post is not None:
            self._post(data)
        else:
            self.outbox.append(data)


class _Capture:
    """A task's console sink: collects output (and optionally streams it)."""
    __slots__ = ("parts", "sizes", "stream_to", "task_id")

    def __init__(self, task_id, stream_to=None):
        self.parts = {"stdout": [], "stderr": []}
        self.sizes = {"stdout": 0, "stderr": 0}
        self.stream_to = stream_to
        self.task_id = task_id

    def __call__(self, stream, text):
        if stream not in self.parts:
            stream = "stdout"
        n = self.sizes[stream]
        if n < MAX_OUTPUT:
            if n + len(text) > MAX_OUTPUT:
                text = text[:MAX_OUTPUT - n] + "\n[output truncated]\n"
            self.parts[stream].append(text)
            self.sizes[stream] = n + len(text)
        if self.stream_to is not None:
            from ..realm import from_utf16
            self.stream_to((P.OUTPUT, self.task_id, stream, from_utf16(text)))

    def text(self, stream):
        from ..realm import from_utf16
        return from_utf16("".join(self.parts[stream]))


class _OneTimer:
    """``until`` for Realm.run_event_loop: let exactly one timer callback run."""
    __slots__ = ("calls",)

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls > 1


class TaskRunner:
    """Runs tasks in fresh (or reused) realms from verified snapshot templates.

    ``send(msg)`` delivers worker -> master messages (None: keep messages in the result).
    ``key`` is the snapshot MAC key (None: the installation's key).
    ``spare``: pre-instantiated realms to keep ready between tasks (True: 1), for the
    snapshot of the last task.
    ``limits``: an object with ``enter(spec)`` / ``leave()`` around each task (worker.py).
    """

    def __init__(self, send=None, key=None, spare=True, limits=None):
        self.send = send
        self.key = key
        self.spare_count = int(spare) if spare is not True else 1
        self.spare_enabled = self.spare_count > 0
        self.limits = limits
        self.templates = collections.OrderedDict()   # sha -> RealmSnapshot or SnapshotError
        self.store_refs = {}                          # sha -> store path (read on first use)
        self.stores = {}                              # path -> open jsrt.store.Store
        self.persistent = {}                          # snapshot key -> realm (fresh_realm=False)
        self.spares = collections.deque()             # realms for snapshot self.spare_key
        self.spare_key = None
        self.last_key = None
        self.setup_fns = []
        self.tasks_run = 0
        self._lock = threading.Lock()
        self._current = None
        self._in_js = False
        self._js_ident = None

    # -- snapshots ----------------------------------------------------------------------
    def add_snapshot(self, sha, data=None, store_path=None):
        """Receive a snapshot once: verify its MAC now and keep the template."""
        if sha in self.templates and not isinstance(self.templates[sha], SnapshotError):
            return
        if data is None:
            self.store_refs[sha] = store_path
            self.templates.pop(sha, None)
            return
        self.templates[sha] = self._verify(sha, data)
        self._trim()

    def _verify(self, sha, data):
        from ..snapshot import RealmSnapshot
        try:
            snap = RealmSnapshot.from_bytes(data, key=self.key)
        except SnapshotError as e:
            return e
        if snap.sha256 != sha:
            return SnapshotError("snapshot bytes do not match their sha256 %s" % sha)
        return snap

    def _trim(self):
        while len(self.templates) > MAX_TEMPLATES:
            sha, _ = self.templates.popitem(last=False)
            if self.spare_key == sha:
                self.spares.clear()

    def template(self, sha):
        t = self.templates.get(sha)
        if t is None:
            path = self.store_refs.get(sha)
            if path is None:
                raise SnapshotError("snapshot %s was never sent to this worker" % sha)
            try:
                data = self._store(path).snapshots.get(sha)
            except Exception as e:
                raise SnapshotError("cannot read snapshot %s from the store at %s: %s"
                                    % (sha[:12], path, e)) from None
            t = self.templates[sha] = self._verify(sha, data)
            self._trim()
        else:
            self.templates.move_to_end(sha)
        if isinstance(t, SnapshotError):
            raise SnapshotError(str(t))
        return t

    def _store(self, path):
        st = self.stores.get(path)
        if st is None:
            import jsrt.store
            st = self.stores[path] = jsrt.store.open(path, create=False)
        return st

    # -- realms ---------------------------------------------------------------------------
    def new_realm(self, key):
        """A new realm for snapshot ``key`` (None: a plain host realm)."""
        from ..realm import Realm
        from ..builtins import worker_api
        if key is None:
            realm = Realm(host=True)
        else:
            from ..snapshot import RealmSnapshot
            realm = RealmSnapshot.instantiate(self.template(key), host=True)
        prev = STATE.realm
        STATE.realm = realm
        try:
            worker_api.install_worker_scope(realm)
            for fn in self.setup_fns:
                fn(realm)
        finally:
            STATE.realm = prev
        return realm

    def prepare_spare(self):
        """Between tasks: instantiate the realm the next task will most likely need."""
        if not self.spare_enabled:
            return False
        key = self.last_key
        if self.spare_key != key:
            self.spares.clear()
            self.spare_key = key
        if len(self.spares) >= self.spare_count:
            return False
        try:
            self.spares.append(self.new_realm(key))
        except BaseException:
            return False
        return True

    def drop_spares(self):
        self.spares.clear()

    def _acquire(self, key, fresh):
        if not fresh:
            realm = self.persistent.get(key)
            if realm is None:
                realm = self.persistent[key] = self.new_realm(key)
            return realm, False
        if self.spares and self.spare_key == key:
            return self.spares.popleft(), True
        return self.new_realm(key), False

    # -- interruption (called from other threads) ------------------------------------------
    def interrupt(self, task_id, exc_type):
        """Raise ``exc_type`` in the JS thread if it is running task ``task_id``."""
        with self._lock:
            if self._in_js and self._js_ident is not None and \
                    (task_id is None or self._current == task_id):
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._js_ident),
                                                           ctypes.py_object(exc_type))
                return True
        return False

    def _enter_js(self, task_id):
        with self._lock:
            self._current = task_id
            self._js_ident = threading.get_ident()
            self._in_js = True

    def _leave_js(self):
        with self._lock:
            self._in_js = False
            self._current = None
            if self._js_ident is not None:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._js_ident), None)

    @property
    def current_task(self):
        return self._current

    # -- running a task -------------------------------------------------------------------
    def run(self, spec, port):
        """Run one task; return the DONE message (a plain-data tuple)."""
        tid = spec["id"]
        t0 = time.perf_counter()
        key = spec.get("snapshot")
        fresh = spec.get("fresh", True)
        capture = _Capture(tid, self.send if spec.get("stream") and self.send else None)
        timings = {}
        realm = None
        retire = None
        reused = False
        if port.terminated:
            return self._done(tid, False, (P.ERR_TERMINATED, {"message": "task terminated"}),
                              capture, timings, t0, port)
        try:
            try:
                realm, reused = self._acquire(key, fresh)
            except SnapshotError as e:
                return self._done(tid, False, (P.ERR_SNAPSHOT, {"message": str(e)}), capture,
                                  timings, t0, port)
            t1 = time.perf_counter()
            timings["prepare"] = t1 - t0
            timings["spare"] = reused
            if t1 - t0 > 0.005 and self.send is not None:
                self.send((P.BEGIN, tid))
            self.last_key = key
            realm.console_sink = capture
            realm.worker_port = port
            if self.limits is not None:
                self.limits.enter(spec)
            c1 = time.thread_time()
            try:
                self._enter_js(tid)
                try:
                    ok, payload = self._run_in_realm(realm, spec, port)
                finally:
                    self._leave_js()
                    timings["cpu"] = time.thread_time() - c1
            except TaskTerminated:
                ok, payload = False, (P.ERR_TERMINATED, {"message": "task terminated"})
            except CpuLimitExceeded:
                lim = spec.get("cpu_limit")
                ok, payload = False, (P.ERR_RESOURCE, {"resource": "cpu", "limit": lim})
                retire = "cpu limit"
            except MemoryError:
                lim = spec.get("memory_limit")
                ok, payload = False, (P.ERR_RESOURCE, {"resource": "memory", "limit": lim})
                retire = "memory limit"
            finally:
                if self.limits is not None:
                    self.limits.leave()
            timings["run"] = time.perf_counter() - t1
            if not ok and payload[0] == P.ERR_JS and spec.get("memory_limit") and \
                    _looks_like_oom(payload[1]):
                payload = (P.ERR_RESOURCE, {"resource": "memory",
                                            "limit": spec.get("memory_limit")})
                retire = "memory limit"
            if not fresh and (not ok and payload[0] in (P.ERR_TERMINATED, P.ERR_RESOURCE)
                              or retire):
                self.persistent.pop(key, None)          # a realm stopped mid-way is not reused
            return self._done(tid, ok, payload, capture, timings, t0, port, retire)
        except ScriptTimeout:
            if not fresh:
                self.persistent.pop(key, None)
            return self._done(tid, False, (P.ERR_TIMEOUT, {"message": "task timed out"}),
                              capture, timings, t0, port)
        except BaseException as e:                     # an engine bug: report, keep serving
            if isinstance(e, (KeyboardInterrupt, SystemExit)):
                raise
            if not fresh:
                self.persistent.pop(key, None)
            return self._done(tid, False, (P.ERR_INTERNAL, {"message": "%s: %s\n%s" % (
                type(e).__name__, e, traceback.format_exc(limit=8))}), capture, timings, t0, port,
                "internal error" if isinstance(e, MemoryError) else None)
        finally:
            self.tasks_run += 1
            if realm is not None:
                realm.worker_port = None
                realm.console_sink = None

    def _done(self, tid, ok, payload, capture, timings, t0, port, retire=None):
        now = time.perf_counter()
        timings["worker_total"] = now - t0
        r = getattr(port, "received", None)
        if r is not None:
            timings["_trace"] = (r, t0, now)
        out = capture.text("stdout")
        err = capture.text("stderr")
        return (P.DONE, tid, ok, payload, out, err, timings, retire, list(port.outbox))

    def _run_in_realm(self, realm, spec, port):
        """(ok, payload) for the task; JS errors are results, not exceptions."""
        from ..clone.serializer import serialize_js
        from ..runtime.promise import JSPromise
        prev = STATE.realm
        STATE.realm = realm
        errors = _ErrorWatch(realm)
        try:
            try:
                value = self._start(realm, spec)
                promise = value if isinstance(value, JSPromise) else None
                if promise is not None:
                    promise.handled = True
                self._drive(realm, port, spec.get("keep_open", False), errors)
                if promise is not None:
                    from ..runtime.promise import FULFILLED, REJECTED
                    if promise.state == FULFILLED:
                        value = promise.result
                    elif promise.state == REJECTED:
                        raise JSThrow(promise.result)
                    else:
                        raise JSThrow(kind="Error", message="the task's promise never settled "
                                      "(its event loop ran out of work first)")
            except JSThrow as e:
                return False, _js_error_payload(realm, e)
            except _Uncaught as u:
                return False, u.payload
            except JSError as e:                       # compile errors
                return False, P.js_error_record(e)
            except RecursionError:
                return False, (P.ERR_JS, {"name": "RangeError",
                                          "message": "Maximum call stack size exceeded"})
            except ScriptTimeout:
                return False, (P.ERR_TIMEOUT, {"message": "task timed out"})
            except DataCloneError as e:
                return False, (P.ERR_CLONE, {"message": "task arguments: %s" % e})
            if spec.get("discard_result"):
                value = undefined
            try:
                data, _ = serialize_js(realm, value, (), False, True)
            except DataCloneError as e:
                return False, (P.ERR_CLONE, {"message": "task result: %s" % e})
            except JSThrow as e:                       # a getter threw while cloning
                return False, _js_error_payload(realm, e)
            return True, data
        finally:
            STATE.realm = prev

    def _start(self, realm, spec):
        """Run the script and/or call the function; the raw completion value."""
        from ..compiler import compile_script, JSSyntaxError
        script = spec.get("script")
        call = spec.get("call")
        args = self._args(realm, spec.get("args"))
        value = undefined
        if script is not None:
            filename = spec.get("filename") or "<task>"
            try:
                unit = compile_script(script, filename)
            except JSSyntaxError as e:
                raise JSError("SyntaxError", e.message, phase="parse",
                              filename=e.filename or filename, line=e.line, column=e.column,
                              stack="SyntaxError: %s\n    at %s:%s:%s" % (
                                  e.message, e.filename or filename, e.line,
                                  (e.column or 0) + 1)) from None
            try:
                value = realm.run_unit(unit)
            except NameError as e:
                from ..runtime import helpers
                raise JSThrow(kind="ReferenceError", message="Cannot access '%s' before "
                              "initialization" % helpers._js_name(getattr(e, "name", "") or ""))
        if call is not None:
            from ..compiler.codegen import to_utf16
            fn = realm.global_object.get(to_utf16(call), realm.global_object)
            if not isinstance(fn, JSFunction):
                raise JSThrow(kind="TypeError", message="%s is not a function in the task's realm"
                              % call)
            value = fn.fn(undefined, *args)
        elif args:
            if not isinstance(value, JSFunction):
                raise JSThrow(kind="TypeError", message="the task has arguments, so its script "
                              "must evaluate to a function (it evaluated to %s)"
                              % _describe(value))
            value = value.fn(undefined, *args)
        realm.run_jobs()
        return value

    def _args(self, realm, data):
        if not data:
            return ()
        from ..clone.deserializer import deserialize_js
        v = deserialize_js(realm, data)
        if isinstance(v, JSArray):
            from ..runtime import ops
            return tuple(v.get(str(i), v) for i in range(ops.length_of_array_like(v)))
        return (v,)

    # -- the event loop ---------------------------------------------------------------------
    def _drive(self, realm, port, keep_open, errors):
        """Run microtasks, due timers and incoming messages until the task is idle: no
        timers left and (for a long-lived task) its input closed or nobody listening."""
        from ..builtins import worker_api
        inbox = port.inbox
        while True:
            realm.run_jobs()
            realm.report_rejections()
            errors.check(keep_open, self.send, port.task_id)
            if port.terminated:
                raise TaskTerminated()
            if port.close_requested:
                return
            item = _get_nowait(inbox)
            if item is not None:
                self._handle(realm, port, item)
                continue
            timers = realm.active_timers
            listening = port.input_open and worker_api.is_listening(realm)
            if not timers and not listening:
                return
            wait = None
            if timers:
                due = min(e[0] for e in timers.values())
                wait = (due - realm.clock()) / 1000.0
            if wait is None or wait > 0:
                try:
                    item = inbox.get(timeout=wait) if wait is not None else inbox.get()
                except queue.Empty:
                    item = None
                if item is not None:
                    self._handle(realm, port, item)
                continue
            realm.run_event_loop(until=_OneTimer())

    def _handle(self, realm, port, item):
        from ..builtins import worker_api
        kind = item[0]
        if kind == "msg":
            worker_api.deliver_message(realm, item[1])
        elif kind == "close":
            port.input_open = False
        elif kind == "terminate":
            port.terminated = True


class _Uncaught(Exception):
    def __init__(self, payload):
        Exception.__init__(self)
        self.payload = payload


class _ErrorWatch:
    """Uncaught errors in callbacks and unhandled rejections: a plain task fails with
    the first one (as a Node process would exit); a long-lived task reports each to
    the master (the Worker's ``error`` event) and goes on."""
    __slots__ = ("realm", "n_uncaught", "n_rejected")

    def __init__(self, realm):
        self.realm = realm
        self.n_uncaught = len(realm.uncaught_errors)
        self.n_rejected = len(realm.unhandled_rejections)

    def check(self, keep_open, send, task_id):
        realm = self.realm
        u = realm.uncaught_errors
        r = realm.unhandled_rejections
        if len(u) == self.n_uncaught and len(r) == self.n_rejected:
            return
        new = u[self.n_uncaught:] + r[self.n_rejected:]
        self.n_uncaught = len(u)
        self.n_rejected = len(r)
        records = [P.js_error_record(e, _value_bytes(realm, e)) for e in new]
        if not keep_open:
            raise _Uncaught(records[0])
        if send is not None:
            for rec in records:
                send((P.ERROR_EVENT, task_id, rec))


def _value_bytes(realm, err):
    """The thrown value of a JSError as clone bytes, if it can be cloned."""
    from ..realm import JSHandle
    v = err.value
    raw = v.raw if isinstance(v, JSHandle) else None
    if raw is None:
        return None
    try:
        from ..clone.serializer import serialize_js
        return serialize_js(realm, raw, (), False, True)[0]
    except BaseException:
        return None


def _js_error_payload(realm, e):
    from ..realm import to_js_error
    raw = e.value
    err = to_js_error(realm, e)
    try:
        from ..clone.serializer import serialize_js
        data = serialize_js(realm, raw, (), False, True)[0]
    except BaseException:
        data = None
    return P.js_error_record(err, data)


def _looks_like_oom(fields):
    m = (fields.get("message") or "").lower()
    return "memory" in m and (fields.get("name") in ("RangeError", "Error", "InternalError"))


def _describe(v):
    from ..runtime import ops
    try:
        return ops.describe(v)
    except Exception:
        return type(v).__name__


def _get_nowait(q):
    try:
        return q.get_nowait()
    except queue.Empty:
        return None
