"""Timers and microtasks (host family): setTimeout, setInterval, setImmediate, their clear
functions, and queueMicrotask.

Semantics follow the HTML "timer initialization steps" and Node.js where they differ in
ways a script can see:

- the callback must be a function (a string is *not* compiled: TypeError, as in Node);
- extra arguments are passed to the callback;
- the delay is ToNumber(delay) and, like Node, anything outside [1, 2**31 - 1] (NaN
  included) becomes 1 ms, so ``setTimeout(f, 0)`` and ``setTimeout(g, 1)`` run in the
  order they were scheduled;
- ids are Numbers (the browser model; Node returns Timeout objects), shared by all kinds;
- ``setImmediate`` is a 0 ms timer: it runs before timers of 1 ms or more scheduled in
  the same turn, which is what Node does inside an I/O or timer callback;
- microtasks drain after every callback (``Realm.run_event_loop`` runs the job queue
  between timers), and an exception in a ``queueMicrotask`` callback is reported as
  uncaught (HTML "report the exception") without stopping the queue.

Scheduling goes through ``realm.add_timer`` / ``realm.clear_timer`` / ``realm.enqueue_job``.
"""

from ..runtime.values import undefined, null
from ..runtime.objects import JSObject, JSFunction, W, C
from ..runtime.errors import JSThrow, STATE
from ..runtime import ops
from ._common import define_methods

__all__ = ["setup"]

#: Node's TIMEOUT_MAX: delays above it (or below 1) become 1 ms.
TIMEOUT_MAX = 2147483647.0

MSG_CALLBACK = 'The "callback" argument must be of type function. %s'


def describe_received(v):
    """The ``Received ...`` tail of Node's ERR_INVALID_ARG_TYPE messages."""
    if v is undefined or v is null:
        return "Received %s" % ("undefined" if v is undefined else "null")
    if isinstance(v, JSFunction):
        n = ops._own_data(v, "name")
        return "Received function %s" % (n if type(n) is str and n else "(anonymous)")
    if isinstance(v, JSObject):
        name = ops._ctor_name(v)
        return "Received an instance of %s" % name
    from .console import inspect
    shown = inspect(v)
    if len(shown) > 28:
        shown = shown[:25] + "..."
    return "Received type %s (%s)" % (ops.typeof(v), shown)


def _check_callback(cb):
    if not isinstance(cb, JSFunction):
        exc = JSThrow(kind="TypeError", message=MSG_CALLBACK % describe_received(cb))
        raise exc
    return cb


def _delay(v):
    """Node's delay normalisation: ``after *= 1``, then clamp to [1, TIMEOUT_MAX]."""
    if v is undefined:
        return 1.0
    d = v if type(v) is float else ops.to_number(v)
    if not (1.0 <= d <= TIMEOUT_MAX):
        return 1.0
    return d


def _timer_id(v):
    """The timer id a clear function was given, or None (ignored, as in both hosts)."""
    if type(v) is float:
        n = v
    elif type(v) is str:
        n = ops.to_number(v)
    else:
        return None
    if n != n or n != int(n):
        return None
    return int(n)


def set_timeout(this, callback=undefined, delay=undefined, *args):
    """setTimeout ( handler [ , timeout [ , ...arguments ] ] ) (HTML 8.6)."""
    cb = _check_callback(callback)
    d = _delay(delay)
    return float(STATE.realm.add_timer(d, cb, tuple(args), None))


def set_interval(this, callback=undefined, delay=undefined, *args):
    """setInterval ( handler [ , timeout [ , ...arguments ] ] ) (HTML 8.6)."""
    cb = _check_callback(callback)
    d = _delay(delay)
    return float(STATE.realm.add_timer(d, cb, tuple(args), d))


def set_immediate(this, callback=undefined, *args):
    """setImmediate ( callback [ , ...args ] ) (Node.js): a 0 ms timer."""
    cb = _check_callback(callback)
    return float(STATE.realm.add_timer(0.0, cb, tuple(args), None))


def clear_timer(this, tid=undefined, *rest):
    """clearTimeout / clearInterval / clearImmediate ( id ): unknown ids are ignored."""
    n = _timer_id(tid)
    if n is not None:
        STATE.realm.clear_timer(n)
    return undefined


def run_microtask(callback):
    """The job queueMicrotask enqueues: call back; report (not propagate) an exception."""
    realm = STATE.realm
    try:
        callback.fn(undefined)
    except JSThrow as e:
        realm.report_uncaught(e)


def queue_microtask(this, callback=undefined, *rest):
    """queueMicrotask ( callback ) (HTML 8.7)."""
    cb = _check_callback(callback)
    STATE.realm.enqueue_job(run_microtask, cb)
    return undefined


#: (name, function, length): the lengths are Node's.
TIMER_FUNCTIONS = (
    ("setTimeout", set_timeout, 5),
    ("clearTimeout", clear_timer, 1),
    ("setInterval", set_interval, 5),
    ("clearInterval", clear_timer, 1),
    ("setImmediate", set_immediate, 4),
    ("clearImmediate", clear_timer, 1),
    ("queueMicrotask", queue_microtask, 1),
)


def setup(realm):
    g = realm.global_object
    # Globals are writable and configurable but not enumerable (like Node's).
    define_methods(realm, g, TIMER_FUNCTIONS, W | C)
