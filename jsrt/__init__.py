"""jsrt: a JavaScript runtime in Python.

JS compiles to Python code objects; realms can be snapshotted, stored in an
LMDB store with IndexedDB semantics, and instantiated by worker processes.
"""

__version__ = "0.1.0"

from .runtime.values import undefined, null
from .errors import JSError, TimeoutError, SnapshotError, DataCloneError, WorkerCrashedError
from .realm import Realm, JSHandle

__all__ = ["Realm", "JSHandle", "JSError", "TimeoutError", "SnapshotError", "DataCloneError",
           "WorkerCrashedError", "WorkerPool", "RealmBuilder", "RealmSnapshot", "RealmValue",
           "undefined", "null", "__version__"]


def __getattr__(name):
    # imported on first use: the pool pulls in multiprocessing and asyncio
    if name == "WorkerPool":
        from .workers import WorkerPool
        return WorkerPool
    if name in ("RealmBuilder", "RealmSnapshot", "RealmValue"):
        from . import snapshot
        return getattr(snapshot, name)
    raise AttributeError("module 'jsrt' has no attribute %r" % name)
