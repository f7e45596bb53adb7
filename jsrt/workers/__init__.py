"""jsrt.workers: run JavaScript in parallel worker processes fed by realm snapshots.

    from jsrt.workers import WorkerPool
    from jsrt.snapshot import RealmBuilder, RealmSnapshot

    b = RealmBuilder()
    b.eval_script("globalThis.score = (s) => s.split(' ').length")
    snap = RealmSnapshot.compile(b)

    with WorkerPool(workers=4, snapshot=snap) as pool:
        r = pool.run("score('a b c')")             # TaskResult: r.value == 3.0, r.stdout...
        f = pool.submit(call="score", args=("x y",))
        f.result().value                            # 2.0
        for r in pool.map(["1 + 1", "2 + 2"]): ...

A task is a script (its completion value is the result; a Promise is awaited) or a call
of a global function of the task's realm with structured-cloned arguments.  Each task
runs in a fresh realm instantiated from its snapshot's template, which each worker
receives once (over its pipe or from the store by sha256) and verifies once.  Every task
resolves exactly once: a TaskResult, or JSError / TimeoutError / WorkerCrashedError /
ResourceLimitError / DataCloneError / SnapshotError / CancelledError.

Messages: in a task realm ``postMessage`` / ``onmessage`` / ``addEventListener("message")``
/ ``close()`` work as in a dedicated Web Worker; on the master, ``submit(...,
on_message=fn)`` or ``async for m in future.messages()`` read them and
``future.post_message(v)`` writes (``keep_open=True`` keeps a task waiting for messages).
In a master realm, ``new Worker(source | snapshot)`` runs on a pool
(``attach(realm, pool)``, else :func:`default_pool`).

Backends: local processes (default) or a Dask cluster
(``WorkerPool(backend=DaskTransport(client))``, the ``jsrt[dask]`` extra).
"""

from ..errors import WorkerCrashedError, TimeoutError, JSError, DataCloneError, SnapshotError
from .errors import ResourceLimitError, PoolBrokenError
from .task import Task, TaskResult, TaskFuture
from .transport import Transport, ProcessTransport
from .pool import WorkerPool, default_pool, attach

__all__ = ["WorkerPool", "Task", "TaskResult", "TaskFuture", "Transport", "ProcessTransport",
           "DaskTransport", "default_pool", "attach", "ResourceLimitError", "PoolBrokenError",
           "WorkerCrashedError", "TimeoutError", "JSError", "DataCloneError", "SnapshotError"]


def __getattr__(name):
    if name == "DaskTransport":
        from .dask import DaskTransport
        return DaskTransport
    raise AttributeError("module 'jsrt.workers' has no attribute %r" % name)
