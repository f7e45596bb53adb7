"""Transports carry task records to workers and results back (DESIGN.md, "Workers").

:class:`Transport` is the interface the pool talks to; :class:`ProcessTransport` runs
worker processes on this machine; jsrt.workers.dask.DaskTransport runs the same tasks
on a Dask cluster.

ProcessTransport: one I/O thread owns every worker's pipe and process.  It waits on
the pipes, the process sentinels and a wake-up pipe (user threads queue commands and
write one byte to it), with the nearest task deadline as its timeout.  So there are no
locks around worker state, and every task is resolved by that one thread, once:

- DONE from the worker -> result or error (JSError, DataCloneError, ...);
- deadline passed -> the worker is killed (SIGKILL) and replaced, TimeoutError;
- the process died (sentinel) -> WorkerCrashedError (or ResourceLimitError for the
  exit codes of the limits), the worker is replaced;
- terminate() -> CancelledError; the worker stops the task or is killed after a grace;
- shutdown -> queued tasks cancelled; running ones get ``grace`` seconds, then their
  workers are killed and they fail with CancelledError.

Workers start with the "forkserver" method on Linux (the server is a fresh
interpreter that preloads jsrt, so a new worker is a fork of a process with no
threads and everything imported) and "spawn" elsewhere; never plain "fork" (the
master has threads: the JS executor, this I/O thread).
"""

import collections
import concurrent.futures
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time

from .. import errors as api_errors
from . import protocol as P
from .errors import ResourceLimitError, PoolBrokenError

__all__ = ["Transport", "ProcessTransport", "TaskRecord", "default_start_method"]

#: Consecutive workers dying before they are ready, after which the pool gives up.
MAX_START_FAILURES = 3
#: Seconds a terminated task's worker gets to stop it before it is killed.
TERMINATE_GRACE = 1.0


def default_start_method():
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "forkserver" in methods:
        return "forkserver"
    return "spawn"


class TaskRecord:
    """The master's bookkeeping for one task."""
    __slots__ = ("id", "spec", "future", "sha", "timeout", "submitted", "dispatched",
                 "deadline", "slot", "posts", "resolved", "stream", "on_error_event", "name",
                 "memory_limit", "cpu_limit")

    def __init__(self, task_id, spec, future, timeout=None, stream=None, on_error_event=None,
                 name=None):
        self.id = task_id
        self.spec = spec
        self.future = future
        self.sha = spec.get("snapshot")
        self.timeout = timeout
        self.submitted = time.perf_counter()
        self.dispatched = None
        self.deadline = None
        self.slot = None
        self.posts = []
        self.resolved = False
        self.stream = stream
        self.on_error_event = on_error_event
        self.name = name
        self.memory_limit = spec.get("memory_limit")
        self.cpu_limit = spec.get("cpu_limit")


class Transport:
    """How task records reach workers. Methods other than ``start`` may be called from
    any thread and must not block for long."""

    supports_messages = True
    name = "transport"

    def start(self, pool):
        raise NotImplementedError

    def submit(self, record):
        raise NotImplementedError

    def post(self, task_id, data):
        raise NotImplementedError

    def close_input(self, task_id):
        raise NotImplementedError

    def terminate(self, task_id):
        raise NotImplementedError

    def shutdown(self, wait=True, cancel_futures=True, grace=5.0):
        raise NotImplementedError

    def stats(self):
        return {}

    @property
    def worker_count(self):
        return 0


# -- resolving a task (shared by the transports) ------------------------------------------

def _attach(exc, stdout="", stderr="", worker=None, task_id=None, timings=None):
    for k, v in (("stdout", stdout), ("stderr", stderr), ("worker", worker),
                 ("task_id", task_id), ("timings", timings)):
        try:
            setattr(exc, k, v)
        except (AttributeError, TypeError):
            pass
    return exc


def resolve(rec, result=None, exc=None):
    """Resolve a task's future exactly once (later calls are ignored)."""
    if rec.resolved:
        return False
    rec.resolved = True
    fut = rec.future
    try:
        if exc is not None:
            if isinstance(exc, concurrent.futures.CancelledError) and fut.cancel():
                return True
            fut.set_exception(exc)
        else:
            fut.set_result(result)
    except concurrent.futures.InvalidStateError:
        return False
    return True


def result_from_done(rec, msg, worker=None, pid=None):
    """(TaskResult, None) or (None, exception) for a DONE message."""
    from ..clone import deserialize_python
    from .task import TaskResult
    _, tid, ok, payload, out, err, timings, retire, messages = msg[:9]
    now = time.perf_counter()
    timings = dict(timings or {})
    if rec.dispatched is not None:
        timings["queued"] = rec.dispatched - rec.submitted
    timings["total"] = now - rec.submitted
    tr = timings.pop("_trace", None)
    if tr is not None and rec.dispatched is not None:
        timings["trace"] = {"submitted": rec.submitted, "dispatched": rec.dispatched,
                            "worker_received": tr[0], "worker_start": tr[1], "worker_end": tr[2],
                            "master_received": now}
    msgs = []
    for m in messages or ():
        try:
            msgs.append(deserialize_python(m))
        except Exception as e:
            msgs.append(e)
    if ok:
        try:
            value = deserialize_python(payload)
        except api_errors.DataCloneError as e:
            return None, _attach(api_errors.DataCloneError("task result: %s" % e), out, err,
                                 worker, tid, timings)
        res = TaskResult(value, out, err, rec.future._messages + msgs if not
                         rec.future._on_message else msgs, timings, worker, pid, tid, rec.name)
        return res, None
    exc = P.error_from_record(payload)
    return None, _attach(exc, out, err, worker, tid, timings)


def describe_exit(code):
    if code is None:
        return "did not exit"
    if code < 0:
        try:
            return "was killed by signal %s" % signal.Signals(-code).name
        except ValueError:
            return "was killed by signal %d" % -code
    return "exited with code %d" % code


def crash_error(rec, code, worker_id, pid):
    """The exception for a task whose worker died with exit ``code``."""
    if code == P.EXIT_MEMORY:
        return ResourceLimitError("memory", rec.memory_limit)
    xcpu = getattr(signal, "SIGXCPU", None)
    if code == P.EXIT_CPU or (xcpu is not None and code == -xcpu):
        return ResourceLimitError("cpu", rec.cpu_limit)
    return api_errors.WorkerCrashedError("worker %s (pid %s) %s while running task %s"
                                         % (worker_id, pid, describe_exit(code),
                                            rec.name or rec.id))


# -- the process transport ------------------------------------------------------------------

class _Slot:
    """One worker process, as the I/O thread sees it."""
    __slots__ = ("id", "proc", "conn", "pid", "ready", "known", "task", "last_key",
                 "tasks_done", "kill_reason", "retiring", "stop_deadline", "eof", "started",
                 "exit_sent")

    def __init__(self, wid):
        self.id = wid
        self.proc = None
        self.conn = None
        self.pid = None
        self.ready = False
        self.known = set()
        self.task = None
        self.last_key = None
        self.tasks_done = 0
        self.kill_reason = None
        self.retiring = False
        self.stop_deadline = None
        self.eof = False
        self.started = time.perf_counter()
        self.exit_sent = False

    def kill(self, reason):
        if self.kill_reason is None:
            self.kill_reason = reason
        try:
            self.proc.kill()
        except (OSError, AttributeError, ValueError):
            pass


class ProcessTransport(Transport):
    """Worker processes on this machine, fed over pipes by one I/O thread."""

    name = "process"

    def __init__(self, workers, start_method=None, config=None, max_tasks_per_worker=None,
                 default_key=None):
        self.n = max(1, int(workers))
        self.method = start_method or default_start_method()
        if self.method == "fork":
            raise ValueError("start_method='fork' is not safe here (the master has threads); "
                             "use 'forkserver' or 'spawn'")
        self.config = dict(config or {})
        self.max_tasks = max_tasks_per_worker
        self.default_key = default_key
        self.pool = None
        self.ctx = None
        self.cmds = collections.deque()
        self.queue = collections.deque()
        self.records = {}
        self.slots = {}
        self.next_wid = 1
        self.stopping = False
        self.stop_deadline = None
        self.cancel_queued = True
        self.broken = None
        self.start_failures = 0
        self.counters = collections.Counter()
        self.thread = None
        self._wr = self._ww = None
        self._spawners = set()
        self._lock = threading.Lock()
        self._wake_lock = threading.Lock()

    # -- public (any thread) ----------------------------------------------------------
    def start(self, pool):
        self.pool = pool
        self.ctx = multiprocessing.get_context(self.method)
        if self.method == "forkserver":
            _set_preload(self.ctx)
        self._wr, self._ww = os.pipe()
        os.set_blocking(self._wr, False)
        os.set_blocking(self._ww, False)
        self.thread = threading.Thread(target=self._run, name="jsrt-pool-io", daemon=True)
        self.thread.start()
        for _ in range(self.n):
            self._cmd(("spawn",))

    def submit(self, record):
        with self._lock:
            if self.stopping:
                raise RuntimeError("cannot submit to a WorkerPool that is shut down")
            if self.broken is not None:
                raise PoolBrokenError(self.broken)
            self._cmd(("submit", record))

    def post(self, task_id, data):
        self._cmd(("post", task_id, data))

    def close_input(self, task_id):
        self._cmd(("close", task_id))

    def terminate(self, task_id):
        self._cmd(("terminate", task_id))

    def shutdown(self, wait=True, cancel_futures=True, grace=5.0):
        with self._lock:
            if not self.stopping:
                self.stopping = True
                self._cmd(("shutdown", cancel_futures, grace))
        if wait and self.thread is not None and threading.current_thread() is not self.thread:
            self.thread.join((grace or 0) + 10.0)

    def stats(self):
        c = dict(self.counters)
        c["workers"] = sum(1 for s in list(self.slots.values()) if s.ready)
        c["queued"] = len(self.queue)
        return c

    @property
    def worker_count(self):
        return self.n

    def worker_pids(self):
        return [s.pid for s in list(self.slots.values()) if s.pid is not None and s.ready]

    def busy_worker_pids(self):
        return [s.pid for s in list(self.slots.values())
                if s.pid is not None and s.ready and s.task is not None]

    def _cmd(self, cmd):
        self.cmds.append(cmd)
        with self._wake_lock:                 # never write to a closed (reused) descriptor
            if self._ww is not None:
                try:
                    os.write(self._ww, b"\0")
                except OSError:               # full (a wake-up is pending anyway) or closed
                    pass

    # -- spawning (helper threads: Process.start may wait for the fork server) -----------
    def _spawn(self):
        wid = self.next_wid
        self.next_wid += 1
        slot = _Slot(wid)
        t = threading.Thread(target=self._spawn_in_thread, args=(slot,),
                             name="jsrt-pool-spawn-%d" % wid, daemon=True)
        self._spawners.add(t)
        self.counters["spawned"] += 1
        t.start()

    def _spawn_in_thread(self, slot):
        try:
            parent, child = self.ctx.Pipe(duplex=True)
            cfg = dict(self.config)
            cfg["worker_id"] = slot.id
            from .worker import worker_main
            proc = self.ctx.Process(target=worker_main, args=(child, cfg),
                                    name="jsrt-worker-%d" % slot.id, daemon=True)
            proc.start()
            child.close()
            if self.stopping:                           # the pool went away meanwhile
                proc.kill()
            slot.proc = proc
            slot.conn = parent
            slot.pid = proc.pid
            self._cmd(("spawned", slot))
        except BaseException as e:
            self._cmd(("spawn_failed", slot, e))
        finally:
            self._spawners.discard(threading.current_thread())

    # -- the I/O thread -------------------------------------------------------------------
    def _run(self):
        try:
            self._loop()
        except BaseException as e:                      # never leave futures hanging
            import traceback
            traceback.print_exc()
            self.broken = "the pool's I/O thread failed: %s" % e
            self._fail_all(PoolBrokenError(self.broken))
            for s in list(self.slots.values()):
                s.kill("io thread failed")
        finally:
            with self._wake_lock:
                for fd in (self._wr, self._ww):
                    try:
                        os.close(fd)
                    except OSError:
                        pass
                self._wr = self._ww = None

    def _loop(self):
        wait = multiprocessing.connection.wait
        while True:
            self._drain_cmds()
            self._dispatch()
            now = time.perf_counter()
            self._check_deadlines(now)
            if self.stopping and self._finished_stopping(now):
                return
            objs = [self._wr]
            by_obj = {}
            for s in list(self.slots.values()):
                if s.conn is not None and not s.eof:
                    objs.append(s.conn)
                    by_obj[s.conn] = s
                objs.append(s.proc.sentinel)
                by_obj[s.proc.sentinel] = s
            ready = wait(objs, self._next_timeout(now))
            dead = []
            for o in ready:
                if o is self._wr:
                    try:
                        while os.read(self._wr, 4096):
                            pass
                    except (BlockingIOError, OSError):
                        pass
                    continue
                s = by_obj.get(o)
                if s is None:
                    continue
                if o is s.conn:
                    self._read(s)
                else:
                    dead.append(s)
            for s in dead:
                if s.id in self.slots:
                    self._reap(s)

    def _next_timeout(self, now):
        t = None
        for s in self.slots.values():
            for d in (s.task.deadline if s.task is not None else None, s.stop_deadline):
                if d is not None and (t is None or d < t):
                    t = d
        if self.stop_deadline is not None and (t is None or self.stop_deadline < t):
            t = self.stop_deadline
        if t is None:
            return None if not self.stopping else 0.1
        return max(0.0, t - now) + 0.001

    # -- commands -------------------------------------------------------------------------
    def _drain_cmds(self):
        cmds = self.cmds
        while cmds:
            cmd = cmds.popleft()
            kind = cmd[0]
            if kind == "submit":
                rec = cmd[1]
                self.records[rec.id] = rec
                if self.broken is not None:
                    self._finish(rec, exc=PoolBrokenError(self.broken))
                elif self.stopping and self.cancel_queued:
                    self._finish(rec, exc=concurrent.futures.CancelledError(
                        "the pool was shut down"))
                else:
                    self.queue.append(rec)
            elif kind == "post":
                rec = self.records.get(cmd[1])
                if rec is not None and not rec.resolved:
                    self._to_task(rec, (P.POST, rec.id, cmd[2]))
            elif kind == "close":
                rec = self.records.get(cmd[1])
                if rec is not None and not rec.resolved:
                    self._to_task(rec, (P.CLOSE_INPUT, rec.id))
            elif kind == "terminate":
                self._terminate(cmd[1])
            elif kind == "spawn":
                if not self.stopping:
                    self._spawn()
            elif kind == "spawned":
                s = cmd[1]
                if self.stopping:
                    s.kill("shutdown")
                self.slots[s.id] = s
            elif kind == "spawn_failed":
                self.counters["spawn_failed"] += 1
                self._start_failed("cannot start a worker process: %s: %s"
                                   % (type(cmd[2]).__name__, cmd[2]))
            elif kind == "shutdown":
                self._begin_shutdown(cmd[1], cmd[2])

    def _to_task(self, rec, msg):
        s = rec.slot
        if s is None:
            rec.posts.append(msg)
        else:
            self._send(s, msg)

    def _terminate(self, tid):
        rec = self.records.get(tid)
        if rec is None or rec.resolved:
            return
        if rec.slot is None:
            try:
                self.queue.remove(rec)
            except ValueError:
                pass
            self._finish(rec, exc=concurrent.futures.CancelledError("task terminated"))
            return
        s = rec.slot
        self._send(s, (P.TERMINATE, tid))
        s.stop_deadline = time.perf_counter() + TERMINATE_GRACE
        self._finish(rec, exc=concurrent.futures.CancelledError("task terminated"), keep=True)

    def _begin_shutdown(self, cancel_futures, grace):
        self.stopping = True
        self.cancel_queued = cancel_futures
        self.stop_deadline = time.perf_counter() + (grace if grace is not None else 5.0)
        if cancel_futures:
            while self.queue:
                rec = self.queue.popleft()
                self._finish(rec, exc=concurrent.futures.CancelledError("the pool was shut "
                                                                        "down"))

    def _finished_stopping(self, now):
        if self.queue and not self.cancel_queued and now < self.stop_deadline:
            return False
        while self.queue:
            self._finish(self.queue.popleft(),
                         exc=concurrent.futures.CancelledError("the pool was shut down"))
        for s in list(self.slots.values()):
            if s.task is None and s.ready and not s.exit_sent:
                s.exit_sent = True
                self._send(s, (P.EXIT,))
        if now >= self.stop_deadline:
            for s in list(self.slots.values()):
                if s.task is not None and not s.task.resolved:
                    self._finish(s.task, exc=concurrent.futures.CancelledError(
                        "the pool was shut down while the task ran"), keep=True)
                s.kill("shutdown")
            if now >= self.stop_deadline + 3.0:        # unkillable? do not hang
                return True
        if not self.slots and not self._spawners:
            return True
        return False

    # -- dispatch -------------------------------------------------------------------------
    def _dispatch(self):
        if not self.queue:
            return
        idle = [s for s in self.slots.values() if s.ready and s.task is None and not s.retiring
                and s.kill_reason is None and not s.exit_sent]
        while self.queue and idle:
            rec = self.queue.popleft()
            if rec.resolved or not rec.future.set_running_or_notify_cancel():
                rec.resolved = True
                self.records.pop(rec.id, None)
                continue
            s = _pick(idle, rec.sha)
            idle.remove(s)
            if not self._start_task(s, rec):
                continue

    def _start_task(self, s, rec):
        now = time.perf_counter()
        rec.slot = s
        rec.dispatched = now
        rec.deadline = now + rec.timeout if rec.timeout else None
        s.task = rec
        s.last_key = rec.sha
        if rec.sha is not None and rec.sha not in s.known:
            data, store_path = self.pool._snapshot_payload(rec.sha)
            if not self._send(s, (P.SNAPSHOT, rec.sha, data, store_path)):
                return False
            s.known.add(rec.sha)
            self.counters["snapshots_sent"] += 1
        if not self._send(s, (P.TASK, rec.spec)):
            return False
        posts, rec.posts = rec.posts, []
        for m in posts:
            self._send(s, m)
        self.counters["dispatched"] += 1
        return True

    def _send(self, s, msg):
        """Send to a worker; a broken pipe means it is dying (its sentinel will tell)."""
        try:
            s.conn.send_bytes(P.encode(msg))
            return True
        except (OSError, EOFError, ValueError, AttributeError):
            s.eof = True
            return False

    # -- worker messages ------------------------------------------------------------------
    def _read(self, s):
        conn = s.conn
        try:
            while conn.poll():
                self._on_message(s, P.decode_from_worker(conn.recv_bytes()))
        except (EOFError, OSError):
            s.eof = True
        except Exception as e:                          # a malformed message: drop the worker
            sys.stderr.write("jsrt pool: bad message from worker %s: %s\n" % (s.id, e))
            s.kill("protocol error")

    def _on_message(self, s, msg):
        kind = msg[0]
        if kind == P.DONE:
            rec = s.task
            if rec is None or rec.id != msg[1]:
                return
            s.task = None
            s.stop_deadline = None
            s.tasks_done += 1
            self.counters["done"] += 1
            if msg[7] and not s.retiring:               # the worker exits after this answer
                s.retiring = True
                self.counters["retired"] += 1
                if not self.stopping:
                    self._spawn()
            if not rec.resolved:
                res, exc = result_from_done(rec, msg, s.id, s.pid)
                self._finish(rec, res, exc)
            else:
                self.records.pop(rec.id, None)
            if self.max_tasks and s.tasks_done >= self.max_tasks and not msg[7]:
                self._retire(s)
        elif kind == P.MESSAGE:
            rec = self.records.get(msg[1])
            if rec is not None and not rec.resolved:
                try:
                    rec.future._deliver(msg[2])
                except Exception as e:
                    sys.stderr.write("jsrt pool: on_message callback failed: %r\n" % (e,))
        elif kind == P.OUTPUT:
            rec = self.records.get(msg[1])
            if rec is not None:
                _stream(rec, msg[2], msg[3])
        elif kind == P.ERROR_EVENT:
            rec = self.records.get(msg[1])
            if rec is not None and not rec.resolved:
                exc = P.error_from_record(msg[2])
                if rec.on_error_event is not None:
                    try:
                        rec.on_error_event(exc)
                    except Exception as e:
                        sys.stderr.write("jsrt pool: on_error callback failed: %r\n" % (e,))
        elif kind == P.BEGIN:
            rec = s.task
            if rec is not None and rec.id == msg[1] and rec.timeout:
                rec.deadline = time.perf_counter() + rec.timeout
        elif kind == P.READY:
            s.ready = True
            s.pid = msg[1]
            self.start_failures = 0
            self.counters["ready"] += 1
            if self.default_key is not None and not self.stopping:
                data, store_path = self.pool._snapshot_payload(self.default_key)
                if self._send(s, (P.SNAPSHOT, self.default_key, data, store_path)):
                    s.known.add(self.default_key)
                    self.counters["snapshots_sent"] += 1
                    self._send(s, (P.PREPARE, self.default_key))
        elif kind == P.RETIRE:
            if not s.retiring:
                s.retiring = True
                if not self.stopping:
                    self._spawn()

    def _retire(self, s):
        s.retiring = True
        s.exit_sent = True
        self._send(s, (P.EXIT,))
        if not self.stopping:
            self._spawn()

    # -- deadlines and deaths ---------------------------------------------------------------
    def _check_deadlines(self, now):
        for s in list(self.slots.values()):
            rec = s.task
            if rec is not None and rec.deadline is not None and now >= rec.deadline:
                rec.deadline = None
                self.counters["timeouts"] += 1
                s.kill("timeout")
                if not rec.resolved:
                    self._finish(rec, exc=_attach(api_errors.TimeoutError(
                        "task %s ran past its timeout of %gs; its worker was killed"
                        % (rec.name or rec.id, rec.timeout)), worker=s.id, task_id=rec.id),
                        keep=True)
            if s.stop_deadline is not None and now >= s.stop_deadline:
                s.stop_deadline = None
                s.kill("terminate")

    def _reap(self, s):
        """A worker process ended: answer its task, replace it."""
        if not s.eof and s.conn is not None:
            self._read(s)                               # a DONE may still be in the pipe
        try:
            s.proc.join(1.0)
        except Exception:
            pass
        code = s.proc.exitcode
        if code is None:
            s.kill("unresponsive")
            s.proc.join(1.0)
            code = s.proc.exitcode
        self.slots.pop(s.id, None)
        try:
            s.conn.close()
        except Exception:
            pass
        rec = s.task
        expected = s.retiring or s.kill_reason in ("timeout", "terminate", "shutdown") or \
            (s.exit_sent and code == 0)
        respawn = True
        if not s.ready and not expected:
            self.counters["start_failures"] += 1
            respawn = False                             # _start_failed replaces it (or not)
            self._start_failed("a worker process %s before it was ready" % describe_exit(code))
        elif not expected:
            self.counters["crashes"] += 1
        if rec is not None:
            s.task = None
            if not rec.resolved:
                self._finish(rec, exc=_attach(crash_error(rec, code, s.id, s.pid),
                                              worker=s.id, task_id=rec.id))
            else:
                self.records.pop(rec.id, None)
        if respawn and not self.stopping and not s.retiring and self.broken is None:
            self._spawn()

    def _start_failed(self, why):
        self.start_failures += 1
        if self.start_failures >= MAX_START_FAILURES and self.broken is None:
            self.broken = "worker processes fail to start (%d in a row): %s" % (
                self.start_failures, why)
            self._fail_all(PoolBrokenError(self.broken))
        elif not self.stopping and self.broken is None:
            self._spawn()

    def _fail_all(self, exc):
        while self.queue:
            self._finish(self.queue.popleft(), exc=exc)
        for rec in list(self.records.values()):
            if not rec.resolved and rec.slot is None:
                self._finish(rec, exc=exc)

    def _finish(self, rec, result=None, exc=None, keep=False):
        """Resolve the task; ``keep`` its record while its worker still works on it."""
        resolve(rec, result, exc)
        if not keep:
            self.records.pop(rec.id, None)


def _pick(idle, sha):
    for s in idle:
        if s.last_key == sha:
            return s
    for s in idle:
        if sha in s.known:
            return s
    return idle[0]


def _stream(rec, stream, text):
    target = rec.stream
    if callable(target):
        try:
            target(rec.name or rec.id, stream, text)
        except Exception as e:
            sys.stderr.write("jsrt pool: stream callback failed: %r\n" % (e,))
        return
    out = sys.stderr if stream == "stderr" else sys.stdout
    try:
        out.write(text)
        out.flush()
    except (OSError, ValueError):
        pass


_preload_set = []


def _set_preload(ctx):
    """Preload jsrt in the fork server (once per process, before it starts), next to
    multiprocessing's default ``__main__``: every worker is then a fork of a process
    that has imported the engine, the built-ins, esprima and the clone codec."""
    if _preload_set:
        return
    _preload_set.append(True)
    try:
        from multiprocessing import forkserver
        if getattr(forkserver._forkserver, "_forkserver_pid", None) is not None:
            return                                      # already running: cannot change
        current = list(getattr(forkserver._forkserver, "_preload_modules", None) or
                       ["__main__"])
        if "jsrt.workers._preload" not in current:
            ctx.set_forkserver_preload(current + ["jsrt.workers._preload"])
    except Exception:
        pass
