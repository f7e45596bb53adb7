"""The task protocol between the master and a worker, independent of the transport.

A message is a tuple whose first item is its kind (each vocabulary once, house style
rule 4).  Values that come from or go to JS (task arguments, results, posted messages,
thrown values) are always structured-clone bytes (jsrt.clone); the envelope around
them is pickled.  The master -> worker direction is trusted (the master started the
worker); the worker -> master direction is decoded by :func:`decode_from_worker`,
which refuses every pickled global, so only plain data (tuples, lists, dicts, str,
bytes, numbers, None) can come back from a process that runs untrusted JS.

Master -> worker::

    (TASK, spec)                     spec: a dict, see :func:`task_spec`
    (SNAPSHOT, sha256, data, store)  snapshot bytes, or data None and a store path to read
    (SETUP, data)                    cloudpickled realm-setup callable(s)
    (PREPARE, sha256_or_None)        build a spare realm now (warm-up)
    (POST, task_id, data)            a message for the task's realm
    (CLOSE_INPUT, task_id)           no more messages for the task
    (TERMINATE, task_id)             stop the task now
    (EXIT,)                          finish and exit

Worker -> master::

    (READY, pid, engine_tag)
    (BEGIN, task_id)                 preparation took a while: restart the task's clock
    (MESSAGE, task_id, data)         postMessage from the task's realm
    (OUTPUT, task_id, stream, text)  console output, when the task streams it
    (ERROR_EVENT, task_id, error)    an uncaught error in a long-lived task (it goes on)
    (DONE, task_id, ok, payload, stdout, stderr, timings, retire, messages)
                                     payload: result bytes, or an error record (kind, fields);
                                     messages: those posted with no live link (Dask)
    (RETIRE, reason)                 the worker is about to exit on purpose
"""

import io
import pickle

from .. import errors as api_errors
from .errors import ResourceLimitError

# master -> worker
TASK = "task"
SNAPSHOT = "snapshot"
SETUP = "setup"
PREPARE = "prepare"
POST = "post"
CLOSE_INPUT = "close"
TERMINATE = "terminate"
EXIT = "exit"
# worker -> master
READY = "ready"
BEGIN = "begin"
MESSAGE = "message"
OUTPUT = "output"
ERROR_EVENT = "error"
DONE = "done"
RETIRE = "retire"

#: Exit codes a worker uses on purpose (anything else, or a signal, is a crash).
EXIT_OK = 0
EXIT_MEMORY = 87
EXIT_CPU = 88
EXIT_SETUP_FAILED = 89

#: Error kinds in a DONE payload -> how the master re-raises them.
ERR_JS = "js"
ERR_TIMEOUT = "timeout"
ERR_SNAPSHOT = "snapshot"
ERR_CLONE = "clone"
ERR_RESOURCE = "resource"
ERR_TERMINATED = "terminated"
ERR_INTERNAL = "internal"


def task_spec(task_id, script=None, filename=None, call=None, args=None, snapshot=None,
              fresh=True, keep_open=False, stream=False, memory_limit=None, cpu_limit=None,
              name=None):
    """The dict a TASK message carries (plain data only)."""
    return {"id": task_id, "script": script, "filename": filename, "call": call, "args": args,
            "snapshot": snapshot, "fresh": fresh, "keep_open": keep_open, "stream": stream,
            "memory_limit": memory_limit, "cpu_limit": cpu_limit, "name": name}


def encode(msg):
    return pickle.dumps(msg, protocol=pickle.HIGHEST_PROTOCOL)


def decode_from_master(data):
    return pickle.loads(data)


class _DataOnlyUnpickler(pickle.Unpickler):
    """Unpickles plain data; any global (a class, a function) is refused."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError("worker message refers to %s.%s; only plain data is "
                                     "accepted from workers" % (module, name))


def decode_from_worker(data):
    return _DataOnlyUnpickler(io.BytesIO(data)).load()


# -- errors as plain data -------------------------------------------------------------

def js_error_record(err, value_bytes=None):
    """A jsrt.JSError as plain data."""
    return (ERR_JS, {"name": err.name, "message": err.message, "stack": err.stack,
                     "phase": err.phase, "filename": err.filename, "line": err.line,
                     "column": err.column, "value": value_bytes})


def error_from_record(record):
    """The exception a DONE error payload (or an ERROR_EVENT) stands for."""
    kind, f = record
    if kind == ERR_JS:
        value = None
        if f.get("value") is not None:
            try:
                from ..clone import deserialize_python
                value = deserialize_python(f["value"])
            except Exception:
                value = None
        return api_errors.JSError(f.get("name") or "Error", f.get("message") or "",
                                  stack=f.get("stack"), value=value,
                                  phase=f.get("phase") or "runtime", filename=f.get("filename"),
                                  line=f.get("line"), column=f.get("column"))
    if kind == ERR_TIMEOUT:
        return api_errors.TimeoutError(f.get("message") or "task timed out")
    if kind == ERR_SNAPSHOT:
        return api_errors.SnapshotError(f.get("message") or "bad snapshot")
    if kind == ERR_CLONE:
        return api_errors.DataCloneError(f.get("message") or "value could not be cloned")
    if kind == ERR_RESOURCE:
        return ResourceLimitError(f.get("resource"), f.get("limit"), f.get("message"))
    if kind == ERR_TERMINATED:
        from concurrent.futures import CancelledError
        return CancelledError(f.get("message") or "task terminated")
    return api_errors.JSRTError("internal error in the worker: %s" % (f.get("message") or "?"))
