"""A Dask distributed backend: the same tasks on a cluster (the ``jsrt[dask]`` extra).

    from dask.distributed import Client
    from jsrt.workers import WorkerPool, DaskTransport
    with WorkerPool(snapshot=snap, backend=DaskTransport(Client("tcp://scheduler:8786"))) as pool:
        pool.run("lib.render(data)")

How the task protocol maps onto Dask:

- a task is one Dask task running :func:`run_task` (the same TaskRunner as a local
  worker process) with the task spec (plain data, clone bytes for arguments);
- a snapshot is scattered once with ``broadcast=True`` and passed to tasks as a Dask
  future, so each Dask worker holds its bytes once; the worker process verifies them
  once and keeps the template (per-process state in this module), then instantiates a
  fresh realm per task and prepares a spare one after each task;
- timeouts are enforced twice: in the worker (the JS thread is interrupted, the Dask
  worker survives) and on the master (the future fails with TimeoutError at the
  deadline even if the worker does not answer);
- a Dask worker that dies makes Dask reschedule its tasks; after Dask's
  ``allowed-failures`` the task fails with KilledWorker, reported as
  WorkerCrashedError.  Posted messages come back with the result
  (TaskResult.messages); live messages (``on_message``, ``keep_open``, ``new Worker``)
  need the process backend.

Run Dask workers with one thread each: JS runs on one thread per process anyway.
"""

import concurrent.futures
import os
import threading
import time
import uuid

from .. import errors as api_errors
from . import protocol as P
from .transport import Transport, resolve, result_from_done, _attach

__all__ = ["DaskTransport", "run_task", "worker_state"]


class DaskTransport(Transport):
    """Run pool tasks on a Dask cluster (``client``: a distributed.Client, or None to
    connect to ``address`` or start a LocalCluster)."""

    name = "dask"
    supports_messages = False

    def __init__(self, client=None, address=None, **client_kwargs):
        try:
            import distributed  # noqa: F401  (fail early, with advice)
        except ImportError:
            raise ImportError("the Dask backend needs the 'distributed' package: "
                              "pip install 'jsrt[dask]'") from None
        self.client = client
        self.address = address
        self.client_kwargs = client_kwargs
        self.own_client = client is None
        self.config = {}
        self.pool = None
        self.snap_futures = {}
        self.futures = {}
        self.records = {}
        self.timers = {}
        self.stopping = False
        self.lock = threading.Lock()
        self.counters = {"submitted": 0, "done": 0, "timeouts": 0, "crashes": 0}

    def configure(self, config):
        self.config = {k: config.get(k) for k in ("key", "setup", "spare", "env")}

    @property
    def worker_count(self):
        if self.client is None:
            return 0
        try:
            return len(self.client.scheduler_info().get("workers", {}))
        except Exception:
            return 0

    def start(self, pool):
        self.pool = pool
        if self.client is None:
            from distributed import Client
            self.client = Client(self.address, **self.client_kwargs) if self.address else \
                Client(**self.client_kwargs)

    def _snapshot_future(self, sha):
        f = self.snap_futures.get(sha)
        if f is None:
            data, store_path = self.pool._snapshot_payload(sha)
            if data is None:
                data = self.pool._store.snapshots.get(sha)
            f = self.snap_futures[sha] = self.client.scatter(data, broadcast=True, hash=False)
        return f

    def submit(self, record):
        with self.lock:
            if self.stopping:
                raise RuntimeError("cannot submit to a WorkerPool that is shut down")
            if not record.future.set_running_or_notify_cancel():
                return
            spec = dict(record.spec)
            spec["timeout"] = record.timeout
            snap = self._snapshot_future(record.sha) if record.sha else None
            record.dispatched = time.perf_counter()
            key = "jsrt-task-%d-%s" % (record.id, uuid.uuid4().hex[:8])
            fut = self.client.submit(run_task, spec, record.sha, snap, self.config, key=key,
                                     pure=False, retries=0)
            self.futures[record.id] = fut
            self.records[record.id] = record
            self.counters["submitted"] += 1
            if record.timeout:
                t = threading.Timer(record.timeout + 1.0, self._timed_out, (record,))
                t.daemon = True
                self.timers[record.id] = t
                t.start()
        fut.add_done_callback(lambda f, rec=record: self._done(rec, f))

    def _timed_out(self, rec):
        if resolve(rec, exc=_attach(api_errors.TimeoutError(
                "task %s ran past its timeout of %gs" % (rec.name or rec.id, rec.timeout)),
                task_id=rec.id)):
            self.counters["timeouts"] += 1
        f = self.futures.pop(rec.id, None)
        if f is not None:
            f.cancel()

    def _done(self, rec, f):
        t = self.timers.pop(rec.id, None)
        if t is not None:
            t.cancel()
        self.futures.pop(rec.id, None)
        self.records.pop(rec.id, None)
        if rec.resolved:
            return
        status = f.status
        if status == "finished":
            try:
                msg, worker, pid = f.result()
            except Exception as e:
                resolve(rec, exc=e)
                return
            self.counters["done"] += 1
            res, exc = result_from_done(rec, msg, worker, pid)
            resolve(rec, res, exc)
        elif status == "cancelled":
            resolve(rec, exc=concurrent.futures.CancelledError("task cancelled"))
        else:
            try:
                exc = f.exception()
            except BaseException as e:
                exc = e
            if type(exc).__name__ == "KilledWorker":
                self.counters["crashes"] += 1
                exc = api_errors.WorkerCrashedError("the Dask workers running task %s died "
                                                    "(%s)" % (rec.name or rec.id, exc))
            elif not isinstance(exc, Exception):
                exc = api_errors.JSRTError("task %s failed on Dask: %r" % (rec.id, exc))
            resolve(rec, exc=_attach(exc, task_id=rec.id))

    def post(self, task_id, data):
        raise NotImplementedError("the Dask backend does not carry live messages")

    def close_input(self, task_id):
        pass

    def terminate(self, task_id):
        f = self.futures.pop(task_id, None)
        rec = self.records.pop(task_id, None)
        if f is not None:
            f.cancel()
        if rec is not None:
            resolve(rec, exc=concurrent.futures.CancelledError("task terminated"))

    def shutdown(self, wait=True, cancel_futures=True, grace=5.0):
        with self.lock:
            self.stopping = True
            pending = list(self.records.values())
        deadline = time.monotonic() + (grace or 0)
        if not cancel_futures:
            for rec in pending:
                try:
                    rec.future.exception(max(0.0, deadline - time.monotonic()))
                except Exception:
                    pass
        for rec in pending:
            self.terminate(rec.id)
            resolve(rec, exc=concurrent.futures.CancelledError("the pool was shut down"))
        for t in list(self.timers.values()):
            t.cancel()
        if self.own_client and self.client is not None:
            try:
                self.client.close(timeout=max(1.0, grace or 1.0))
            except Exception:
                pass

    def stats(self):
        c = dict(self.counters)
        c["workers"] = self.worker_count
        return c


# -- the Dask worker side -------------------------------------------------------------------

_state = {"runner": None, "verified": 0, "tasks": 0, "lock": threading.Lock()}


def _runner(config):
    r = _state["runner"]
    if r is None:
        with _state["lock"]:
            r = _state["runner"]
            if r is None:
                from .runner import TaskRunner
                os.environ.update(config.get("env") or {})
                r = TaskRunner(send=None, key=config.get("key"), spare=config.get("spare", True))
                if config.get("setup"):
                    import pickle
                    fns = pickle.loads(config["setup"])
                    r.setup_fns = list(fns)
                _state["runner"] = r
    return r


def run_task(spec, sha, data, config):
    """Run one task in this Dask worker process: (DONE message, worker address, pid)."""
    from ..runtime import executor
    from .runner import Port
    runner = _runner(config)
    if sha is not None and data is not None:
        with _state["lock"]:
            t = runner.templates.get(sha)
            if t is None or isinstance(t, api_errors.SnapshotError):
                runner.add_snapshot(sha, data)
                _state["verified"] += 1
    port = Port(spec["id"])
    timeout = spec.get("timeout")
    try:
        done = executor.run(runner.run, spec, port, timeout=timeout)
    except api_errors.TimeoutError:
        done = (P.DONE, spec["id"], False, (P.ERR_TIMEOUT, {"message": "task ran past its "
                "timeout of %gs" % timeout}), "", "", {}, None, [])
    _state["tasks"] += 1
    if runner.spare_enabled:
        threading.Thread(target=_prepare_spare, args=(runner,), daemon=True).start()
    try:
        from distributed import get_worker
        where = get_worker().address
    except Exception:
        where = "dask"
    return done, where, os.getpid()


def _prepare_spare(runner):
    from ..runtime import executor
    try:
        executor.run(runner.prepare_spare)
    except BaseException:
        pass


def worker_state():
    """Per-process counters of the Dask side (``client.run(worker_state)``):
    snapshots verified, tasks run, templates held."""
    r = _state["runner"]
    return {"verified": _state["verified"], "tasks": _state["tasks"],
            "templates": 0 if r is None else len(r.templates), "pid": os.getpid()}
