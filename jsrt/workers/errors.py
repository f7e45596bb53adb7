"""The worker pool's own exceptions (the others are jsrt.errors').

Every task future fails with exactly one of:

- :class:`jsrt.JSError` - the script threw (``.stack`` is the JS stack);
- :class:`jsrt.TimeoutError` - the task ran past its timeout; its worker was killed;
- :class:`jsrt.WorkerCrashedError` - the worker process died while running it;
- :class:`ResourceLimitError` - it went over its memory or CPU-time limit;
- :class:`jsrt.DataCloneError` - its arguments or result could not be cloned;
- :class:`jsrt.SnapshotError` - its snapshot could not be verified or instantiated;
- :class:`concurrent.futures.CancelledError` - cancelled, terminated, or the pool shut down.

Each of them carries ``stdout``, ``stderr``, ``worker`` and ``task_id`` attributes when
the task got as far as a worker (None otherwise).
"""

from ..errors import JSRTError, WorkerCrashedError

__all__ = ["ResourceLimitError", "PoolBrokenError", "WorkerCrashedError"]


class ResourceLimitError(JSRTError):
    """A task went over its memory (``resource == "memory"``) or CPU-time
    (``resource == "cpu"``) limit; its worker was recycled."""

    def __init__(self, resource, limit, message=None):
        JSRTError.__init__(self, message or "task exceeded its %s limit (%s)"
                           % (resource, _fmt_limit(resource, limit)))
        self.resource = resource
        self.limit = limit


class PoolBrokenError(WorkerCrashedError):
    """Worker processes die before they are ready (a broken installation,
    an import error, a too-small memory limit): the pool gave up starting them."""


def _fmt_limit(resource, limit):
    if limit is None:
        return "unknown"
    if resource == "memory":
        return "%.0f MiB" % (limit / 1048576.0)
    return "%gs CPU" % limit
