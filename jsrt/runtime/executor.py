"""Where JS runs: one thread per process with a large stack and a raised
recursion limit, so that deep JS recursion is a RangeError rather than a
crashed interpreter, and a runaway script can be stopped by injecting an
asynchronous exception into that thread (DESIGN.md, "Errors")."""

import ctypes
import queue
import sys
import threading

from .errors import ScriptTimeout, STATE

STACK_SIZE = 1024 * 1024 * 1024  # virtual; pages are committed only when touched
RECURSION_LIMIT = 40000

_local = threading.local()


class _Executor:
    def __init__(self):
        self.requests = queue.SimpleQueue()
        old = threading.stack_size()
        try:
            threading.stack_size(STACK_SIZE)
        except (ValueError, RuntimeError):
            pass
        try:
            self.thread = threading.Thread(target=self._loop, name="jsrt-js", daemon=True)
            self.thread.start()
        finally:
            try:
                threading.stack_size(old)
            except (ValueError, RuntimeError):
                pass

    def _loop(self):
        _local.is_js = True
        if sys.getrecursionlimit() < RECURSION_LIMIT:
            sys.setrecursionlimit(RECURSION_LIMIT)
        on_roomy_stack(self._serve_forever)

    def _serve_forever(self):
        while True:
            try:
                self._serve_one()
            except ScriptTimeout:
                # a late interrupt that arrived between two requests
                continue

    def _serve_one(self):
        fn, args, box, done = self.requests.get()
        try:
            box.append((True, fn(*args)))
        except BaseException as e:  # delivered to the caller
            if not box:
                box.append((False, e))
        finally:
            if not box:
                box.append((False, ScriptTimeout()))
            done.set()


def on_roomy_stack(fn, *args):
    """``fn(*args)`` with 16 MB of CPython data stack to itself.

    CPython (3.11+) keeps Python frames in 16 KB chunks: it maps a new chunk when a call
    does not fit in the current one and unmaps it as soon as that call returns.  A hot
    loop or a recursion that goes up and down across a chunk boundary pays an
    mmap/munmap pair and page faults per crossing (measured here: fib(27) 7x slower at
    a third of the base depths), and where the boundaries fall depends only on how deep
    the caller happened to be.  This function's frame is made (below) too large for any
    chunk but a fresh 32 MB one whose first half it occupies (untouched, so never paged
    in): everything ``fn`` runs lies in the other half, so only a recursion deeper than
    16 MB of frames (tens of thousands of JS calls) ever reaches a boundary."""
    return fn(*args)


on_roomy_stack.__code__ = on_roomy_stack.__code__.replace(co_stacksize=1 << 21)

_executor = None
_exec_lock = threading.Lock()


def on_js_thread():
    return getattr(_local, "is_js", False)


def run(fn, *args, timeout=None):
    """Run fn(*args) on the JS thread (inline if already there)."""
    global _executor
    if on_js_thread():
        if timeout is None:
            return fn(*args)
        # nested call with a timeout: enforce with a watchdog on this thread
        return _run_with_watchdog(fn, args, timeout)
    if _executor is None:
        with _exec_lock:
            if _executor is None:
                _executor = _Executor()
    box = []
    done = threading.Event()
    _executor.requests.put((fn, args, box, done))
    interrupted = False
    if timeout is None:
        done.wait()
    else:
        if not done.wait(timeout):
            interrupted = True
            _interrupt(_executor.thread, done)
    ok, v = box[0]
    if ok:
        return v
    if interrupted or isinstance(v, ScriptTimeout):
        from ..errors import TimeoutError
        raise TimeoutError("script timed out after %gs" % timeout) from None
    raise v


def _interrupt(thread, done):
    """Raise ScriptTimeout in the JS thread until it finishes."""
    tid = ctypes.c_ulong(thread.ident)
    while not done.is_set():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, ctypes.py_object(ScriptTimeout))
        if done.wait(0.05):
            break
    # clear a pending exception that arrived after the function returned
    ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, None)


def _run_with_watchdog(fn, args, timeout):
    me = threading.current_thread()
    done = threading.Event()

    def watch():
        if not done.wait(timeout):
            _interrupt(me, done)

    w = threading.Thread(target=watch, daemon=True)
    w.start()
    try:
        return fn(*args)
    except ScriptTimeout:
        from ..errors import TimeoutError
        raise TimeoutError("script timed out after %gs" % timeout) from None
    finally:
        done.set()
        w.join()
