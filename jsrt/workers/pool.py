"""WorkerPool: run JS tasks in parallel worker processes started from realm snapshots.

    from jsrt.workers import WorkerPool
    with WorkerPool(workers=4, snapshot=snap) as pool:
        r = pool.run("lib.twice(21)")              # TaskResult; r.value == 42.0
        futs = [pool.submit(src) for src in sources]
        rs = pool.map([(1,), (2,)], call="work")   # TaskResults, in order
        r = await pool.run_async("1 + 1")

See jsrt/workers/__init__.py for the whole API and DESIGN.md ("Workers") for the design.
"""

import asyncio
import itertools
import os
import threading

from ..errors import SnapshotError
from . import protocol as P
from .task import Task, TaskFuture
from .transport import ProcessTransport, TaskRecord

__all__ = ["WorkerPool", "default_pool", "attach"]

_ids = itertools.count(1)
_SHA_CHARS = frozenset("0123456789abcdef")

#: Environment variables a worker takes from the master when it starts.
ENV_KEYS = ("JSRT_HOME", "JSRT_SNAPSHOT_KEY", "JSRT_CODE_CACHE", "JSRT_CACHE_DIR",
            "XDG_DATA_HOME", "XDG_CACHE_HOME")


class WorkerPool:
    """A pool of worker processes running JS tasks; a context manager.

    ``workers``: number of processes (default: the core count).
    ``snapshot``: the default snapshot of tasks (RealmSnapshot, bytes, a name or sha256 in
    ``store``, or a path to a snapshot file); workers receive it when they start and keep
    a realm instantiated from it ready.
    ``store``: a jsrt store (path or jsrt.store.Store): snapshots named there are resolved
    by name or sha256, and workers read their bytes from it by hash.
    ``start_method``: "forkserver" (Linux default) or "spawn"; never "fork".

    Keyword options: ``timeout`` (default per-task timeout, seconds), ``memory_limit``
    (bytes) and ``cpu_limit`` (seconds) per task, ``stream_output`` (True: copy task
    console output to this process's stdout/stderr as it happens; or a callable
    ``fn(task_name, stream, text)``), ``realm_setup`` (a picklable callable
    ``fn(realm)`` run in the worker on each new realm, e.g. to ``realm.expose`` host
    functions; shipped with cloudpickle), ``spare_realms`` (instantiated realms each
    worker keeps ready for its next tasks: True = 1, an int for bursts, 0/False = none), ``max_tasks_per_worker`` (recycle workers),
    ``key`` (the snapshot MAC key), ``backend`` (a Transport such as
    jsrt.workers.DaskTransport; default: local processes).
    """

    def __init__(self, workers=None, snapshot=None, store=None, start_method=None, *,
                 timeout=None, memory_limit=None, cpu_limit=None, stream_output=False,
                 realm_setup=None, spare_realms=True, max_tasks_per_worker=None, key=None,
                 backend=None):
        if workers is None:
            workers = os.cpu_count() or 1
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.key = key
        self.timeout = timeout
        self.memory_limit = memory_limit
        self.cpu_limit = cpu_limit
        self.stream_output = stream_output
        self._snapshots = {}                    # sha -> bytes, or None (read from the store)
        self._lock = threading.Lock()
        self._closed = False
        self._store = None
        self._own_store = False
        self.store_path = None
        if store is not None:
            if isinstance(store, (str, os.PathLike)):
                import jsrt.store
                self._store = jsrt.store.open(os.fspath(store))
                self._own_store = True
            else:
                self._store = store
            self.store_path = self._store.path
        self.default_snapshot = None
        if snapshot is not None:
            self.default_snapshot = self.add_snapshot(snapshot)
        setup = None
        if realm_setup is not None:
            import cloudpickle
            setup = cloudpickle.dumps(list(realm_setup) if isinstance(realm_setup, (list, tuple))
                                      else [realm_setup])
        config = {"env": {k: os.environ[k] for k in ENV_KEYS if k in os.environ},
                  "key": None if key is None else (key.encode() if isinstance(key, str)
                                                   else bytes(key)),
                  "spare": spare_realms, "setup": setup,
                  "prepare_key": self.default_snapshot}
        if backend is None:
            backend = ProcessTransport(workers, start_method, config, max_tasks_per_worker,
                                       self.default_snapshot)
        elif hasattr(backend, "configure"):
            backend.configure(config)
        self.transport = backend
        self.workers = getattr(backend, "worker_count", workers) or workers
        backend.start(self)

    # -- snapshots ----------------------------------------------------------------------
    def add_snapshot(self, snapshot):
        """Register a snapshot with the pool; return its sha256 (what tasks may name).

        Accepted: a RealmSnapshot; signed snapshot bytes (verified here once, so a bad
        snapshot fails now with SnapshotError); a path (os.PathLike) to a snapshot file;
        a str naming a snapshot in the pool's store, or its sha256.  A name is resolved
        now: re-pointing it in the store later affects later submissions only."""
        from ..snapshot import RealmSnapshot
        if isinstance(snapshot, RealmSnapshot):
            return self._register(snapshot.sha256, snapshot.to_bytes())
        if isinstance(snapshot, os.PathLike):
            with open(snapshot, "rb") as f:
                snapshot = f.read()
        if isinstance(snapshot, (bytes, bytearray, memoryview)):
            data = bytes(snapshot)
            snap = RealmSnapshot.from_bytes(data, key=self.key)
            return self._register(snap.sha256, data)
        if isinstance(snapshot, str):
            if snapshot in self._snapshots:
                return snapshot
            if self._store is None:
                raise SnapshotError("snapshot %r is not registered with the pool, and the pool "
                                    "has no store to look it up in" % snapshot)
            try:
                info = self._store.snapshots.info(snapshot)
            except Exception as e:
                raise SnapshotError("no snapshot %r in the store at %s (%s)"
                                    % (snapshot, self.store_path, e)) from None
            return self._register(info["sha256"], None)
        raise TypeError("a snapshot is a RealmSnapshot, bytes, a path, or a name in the store; "
                        "not %s" % type(snapshot).__name__)

    def _register(self, sha, data):
        with self._lock:
            if data is not None or sha not in self._snapshots:
                self._snapshots[sha] = data
        return sha

    def _snapshot_payload(self, sha):
        """(bytes, None) to send over the pipe, or (None, store path) to read there."""
        data = self._snapshots.get(sha)
        if data is None:
            return None, self.store_path
        return data, None

    # -- tasks ----------------------------------------------------------------------------
    def submit(self, script=None, *, call=None, args=(), snapshot=None, timeout=None,
               fresh_realm=True, filename=None, name=None, on_message=None, keep_open=False,
               stream=None, memory_limit=None, cpu_limit=None, raw_messages=False,
               on_error_event=None, discard_result=False):
        """Queue a task; return its TaskFuture (whose result is a TaskResult).

        ``script``: JS source (or a Task); ``call``: a global function to call with
        ``args`` (Python data, structured-cloned: so Maps/sets/dates/bytes/cycles
        survive; a function is a DataCloneError naming its path, raised here).
        ``on_message(value)``: receives what the task posts (on the pool's I/O thread).
        ``keep_open``: the task waits for messages (``future.post_message``) while its
        realm listens, until ``future.close()``/``terminate()`` or ``close()`` in JS.
        ``stream``: copy console output as it happens (True, or a callable), default the
        pool's ``stream_output``. ``discard_result``: the completion value is not
        cloned back (the result's value is None), as for ``new Worker`` scripts whose
        completion value is typically their ``onmessage`` function."""
        if isinstance(script, Task):
            t = script
        else:
            t = Task(script, call=call, args=args, snapshot=snapshot, timeout=timeout,
                     fresh_realm=fresh_realm, filename=filename, name=name,
                     memory_limit=memory_limit, cpu_limit=cpu_limit)
        if self._closed:
            raise RuntimeError("cannot submit to a WorkerPool that is shut down")
        if (on_message is not None or keep_open) and not self.transport.supports_messages:
            raise NotImplementedError("the %s backend does not carry live messages; posted "
                                      "messages come back in TaskResult.messages"
                                      % self.transport.name)
        sha = self.add_snapshot(t.snapshot) if t.snapshot is not None else self.default_snapshot
        args_bytes = None
        if t.args:
            from ..clone import serialize_python
            from ..errors import DataCloneError
            try:
                args_bytes = serialize_python(list(t.args))
            except DataCloneError as e:
                raise DataCloneError("task arguments: %s" % e) from None
        tid = next(_ids)
        stream = self.stream_output if stream is None else stream
        spec = P.task_spec(tid, t.script, t.filename, t.call, args_bytes, sha, t.fresh_realm,
                           keep_open, bool(stream),
                           t.memory_limit if t.memory_limit is not None else self.memory_limit,
                           t.cpu_limit if t.cpu_limit is not None else self.cpu_limit,
                           t.name)
        if discard_result:
            spec["discard_result"] = True
        fut = TaskFuture(self.transport, tid, t.name or t.filename, on_message, raw_messages)
        timeout = t.timeout if t.timeout is not None else self.timeout
        rec = TaskRecord(tid, spec, fut, timeout, stream or None, on_error_event,
                         t.name or t.filename)
        self.transport.submit(rec)
        return fut

    def run(self, script=None, **kwargs):
        """Submit a task and wait for it: its TaskResult (or its exception)."""
        return self.submit(script, **kwargs).result()

    async def run_async(self, script=None, **kwargs):
        """``await pool.run_async(...)``: the TaskResult, without blocking the event loop."""
        return await asyncio.wrap_future(self.submit(script, **kwargs))

    def map(self, items, *, call=None, return_exceptions=False, **kwargs):
        """Run many tasks; yield their TaskResults in input order.

        ``items`` are scripts (str) or Tasks; with ``call``, each item is the argument
        tuple of one call (a non-tuple item is a single argument).  An exception is
        raised when its item is reached, or yielded with ``return_exceptions=True``.
        All tasks are submitted before the first result is waited for."""
        futs = []
        for it in items:
            if isinstance(it, Task):
                futs.append(self.submit(it))
            elif call is not None:
                a = it if isinstance(it, tuple) else (it,)
                futs.append(self.submit(call=call, args=a, **kwargs))
            else:
                futs.append(self.submit(it, **kwargs))
        return _results(futs, return_exceptions)

    # -- lifecycle ------------------------------------------------------------------------
    def shutdown(self, wait=True, *, cancel_futures=True, grace=5.0):
        """Stop the pool. Queued tasks are cancelled (``cancel_futures``); running ones get
        ``grace`` seconds, then their workers are killed and they fail with
        CancelledError. Never hangs: with ``wait`` it returns within grace + a few s."""
        if self._closed:
            return
        self._closed = True
        self.transport.shutdown(wait, cancel_futures, grace)
        if self._own_store and self._store is not None:
            try:
                self._store.close()
            except Exception:
                pass

    close = shutdown

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown(wait=True, cancel_futures=True)

    def wait_ready(self, timeout=None):
        """Block until every worker process has started (True), or ``timeout`` passed."""
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        want = self.workers
        while True:
            if self.stats().get("workers", 0) >= want:
                return True
            if self._closed or (deadline is not None and time.monotonic() >= deadline):
                return False
            time.sleep(0.01)

    def stats(self):
        """Counters: workers ready, tasks dispatched/done, timeouts, crashes, spawned..."""
        return self.transport.stats()

    def worker_pids(self):
        """The pids of the ready worker processes (for diagnostics and tests)."""
        f = getattr(self.transport, "worker_pids", None)
        return f() if f is not None else []

    def __repr__(self):
        return "<WorkerPool %s x%d%s>" % (self.transport.name, self.workers,
                                          " closed" if self._closed else "")


def _results(futs, return_exceptions):
    try:
        for f in futs:
            try:
                yield f.result()
            except BaseException as e:
                if return_exceptions and isinstance(e, Exception):
                    yield e
                else:
                    raise
    finally:
        for f in futs:
            f.cancel()


# -- the process-wide default pool (used by `new Worker` in realms with no pool) -----------

_default = []
_default_lock = threading.Lock()


def default_pool():
    """The process-wide pool (created on first use, shut down at exit)."""
    with _default_lock:
        if not _default or _default[0]._closed:
            import atexit
            p = WorkerPool(workers=min(os.cpu_count() or 1, 4))
            _default[:] = [p]
            atexit.register(p.shutdown, wait=True, grace=1.0)
        return _default[0]


def attach(realm, pool):
    """Make ``new Worker(...)`` in ``realm`` run on ``pool`` (and make sure the realm
    has the Worker API)."""
    from ..runtime import executor
    from ..runtime.errors import STATE

    def install():
        realm.worker_pool = pool
        if "%Worker%" not in realm.intrinsics:
            from ..builtins import worker_api
            prev = STATE.realm
            STATE.realm = realm
            try:
                worker_api.setup(realm)
            finally:
                STATE.realm = prev
    executor.run(install)
    return realm
