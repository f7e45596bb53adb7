"""The Python exceptions of jsrt's public API."""

import builtins

__all__ = ["JSError", "TimeoutError", "SnapshotError", "DataCloneError", "WorkerCrashedError",
           "JSRTError"]


class JSRTError(Exception):
    """Base class of jsrt's own errors."""


class JSError(JSRTError):
    """A JS exception that reached Python.

    ``name`` and ``message`` are the error's (or "Error" and the string form of
    a thrown non-error value); ``stack`` is the JS stack string; ``value`` is
    the thrown value (a Python value or a handle); ``phase`` is "parse" for
    syntax errors found before any code ran, else "runtime".
    """

    def __init__(self, name, message, stack=None, value=None, phase="runtime", filename=None,
                 line=None, column=None):
        JSRTError.__init__(self, "%s: %s" % (name, message) if message else name)
        self.name = name
        self.message = message
        self.stack = stack
        self.value = value
        self.phase = phase
        self.filename = filename
        self.line = line
        self.column = column

    def __str__(self):
        base = "%s: %s" % (self.name, self.message) if self.message else self.name
        if self.phase == "parse" and self.filename is not None:
            return "%s:%s:%s: %s" % (self.filename, self.line, self.column, base)
        return base


class TimeoutError(JSRTError, builtins.TimeoutError):
    """A script or task ran past its time limit and was stopped."""


class SnapshotError(JSRTError):
    """Snapshot bytes that cannot be used: bad MAC, truncated, foreign, malformed."""


class DataCloneError(JSRTError):
    """A value that the structured clone algorithm cannot serialize, or bad clone bytes."""


class WorkerCrashedError(JSRTError):
    """The worker process running a task died."""
