"""Promise objects and the job queue (ECMA-262 27.2, 9.5).

The abstract operations live here because async functions need them; the
``Promise`` constructor and prototype methods are in builtins/promise.py.
Promise resolving functions are :class:`ResolvingFunction` objects (no Python
closures), so they can be captured in snapshots when no job is pending.
"""

from .values import undefined, null, MISSING
from .objects import JSObject, JSFunction, CTOR_NONE
from .errors import JSThrow, STATE, throw_type_error
from . import ops

PENDING = 0
FULFILLED = 1
REJECTED = 2


class JSPromise(JSObject):
    __slots__ = ("state", "result", "fulfill_reactions", "reject_reactions", "handled")
    cls = "Promise"

    def __init__(self, proto):
        JSObject.__init__(self, proto)
        self.state = PENDING
        self.result = undefined
        self.fulfill_reactions = []
        self.reject_reactions = []
        self.handled = False


class PromiseCapability:
    __slots__ = ("promise", "resolve", "reject")

    def __init__(self, promise, resolve, reject):
        self.promise = promise
        self.resolve = resolve
        self.reject = reject


class Reaction:
    __slots__ = ("capability", "kind", "handler")

    def __init__(self, capability, kind, handler):
        self.capability = capability  # PromiseCapability or None
        self.kind = kind              # FULFILLED / REJECTED
        self.handler = handler        # JS function, undefined, or a Python callable


class _AlreadyResolved:
    __slots__ = ("value",)

    def __init__(self):
        self.value = False


class ResolvingFunction(JSFunction):
    """A promise resolve or reject function (27.2.1.3.1 / 27.2.1.3.2)."""
    __slots__ = ("promise", "already", "is_reject")

    def __init__(self, realm, promise, already, is_reject):
        JSFunction.__init__(self, realm.intrinsics["%Function.prototype%"], self._call, realm)
        self.promise = promise
        self.already = already
        self.is_reject = is_reject
        self.props["length"] = 1.0
        self.props["name"] = ""
        self.flags = _LN_FLAGS

    def _call(self, this, value=undefined, *rest):
        if self.already.value:
            return undefined
        self.already.value = True
        if self.is_reject:
            reject_promise(self.promise, value)
        else:
            resolve_promise(self.realm, self.promise, value)
        return undefined


_LN_FLAGS = {"length": 4, "name": 4}


def create_resolving_functions(realm, promise):
    already = _AlreadyResolved()
    return (ResolvingFunction(realm, promise, already, False),
            ResolvingFunction(realm, promise, already, True))


def resolve_promise(realm, promise, resolution):
    """The body of a promise resolve function (27.2.1.3.2 steps 7-16)."""
    if resolution is promise:
        reject_promise(promise, realm.make_error("TypeError", "Chaining cycle detected for promise #<Promise>"))
        return
    if not isinstance(resolution, JSObject):
        fulfill_promise(promise, resolution)
        return
    try:
        then = resolution.get("then", resolution)
    except JSThrow as e:
        reject_promise(promise, e.value)
        return
    if not isinstance(then, JSFunction):
        fulfill_promise(promise, resolution)
        return
    realm.enqueue_job(_resolve_thenable_job, promise, resolution, then, realm)


def _resolve_thenable_job(promise, thenable, then, realm):
    """NewPromiseResolveThenableJob (27.2.2.2)."""
    res, rej = create_resolving_functions(realm, promise)
    try:
        then.fn(thenable, res, rej)
    except JSThrow as e:
        rej.fn(undefined, e.value)


def fulfill_promise(promise, value):
    reactions = promise.fulfill_reactions
    promise.result = value
    promise.fulfill_reactions = None
    promise.reject_reactions = None
    promise.state = FULFILLED
    _trigger(reactions, value)


def reject_promise(promise, reason):
    reactions = promise.reject_reactions
    promise.result = reason
    promise.fulfill_reactions = None
    promise.reject_reactions = None
    promise.state = REJECTED
    realm = STATE.realm
    if not promise.handled and realm is not None:
        realm.host_promise_rejection_tracker(promise, "reject")
    _trigger(reactions, reason)


def _trigger(reactions, arg):
    realm = STATE.realm
    for r in reactions:
        realm.enqueue_job(promise_reaction_job, r, arg)


def promise_reaction_job(reaction, argument):
    """NewPromiseReactionJob (27.2.2.1)."""
    cap = reaction.capability
    h = reaction.handler
    try:
        if h is undefined or h is None:
            if reaction.kind == FULFILLED:
                result = argument
                ok = True
            else:
                result = argument
                ok = False
        elif isinstance(h, JSFunction):
            result = h.fn(undefined, argument)
            ok = True
        else:
            result = h(argument)
            ok = True
    except JSThrow as e:
        result = e.value
        ok = False
    if cap is None:
        if not ok and not isinstance(h, JSFunction) and h is not None and h is not undefined:
            pass
        return
    if ok:
        cap.resolve.fn(undefined, result)
    else:
        cap.reject.fn(undefined, result)


def new_promise_capability(c):
    """NewPromiseCapability (27.2.1.5)."""
    realm = STATE.realm
    if c is None or c is realm.intrinsics["%Promise%"]:
        p = JSPromise(realm.intrinsics["%Promise.prototype%"])
        res, rej = create_resolving_functions(realm, p)
        return PromiseCapability(p, res, rej)
    if not ops.is_constructor(c):
        throw_type_error("Promise resolve or reject function is not callable")
    ex = CapabilityExecutor(realm)
    p = c.construct((ex,), c)
    if not isinstance(ex.resolve, JSFunction) or not isinstance(ex.reject, JSFunction):
        throw_type_error("Promise resolve or reject function is not callable")
    return PromiseCapability(p, ex.resolve, ex.reject)


class CapabilityExecutor(JSFunction):
    """GetCapabilitiesExecutor functions (27.2.1.5 step 4)."""
    __slots__ = ("resolve", "reject")

    def __init__(self, realm):
        JSFunction.__init__(self, realm.intrinsics["%Function.prototype%"], self._call, realm)
        self.resolve = undefined
        self.reject = undefined
        self.props["length"] = 2.0
        self.props["name"] = ""
        self.flags = _LN_FLAGS

    def _call(self, this, resolve=undefined, reject=undefined, *rest):
        if self.resolve is not undefined:
            throw_type_error("Promise executor has already been invoked with non-undefined arguments")
        if self.reject is not undefined:
            throw_type_error("Promise executor has already been invoked with non-undefined arguments")
        self.resolve = resolve
        self.reject = reject
        return undefined


def perform_promise_then(promise, on_fulfilled, on_rejected, capability):
    """PerformPromiseThen (27.2.5.4.1)."""
    if not isinstance(on_fulfilled, JSFunction) and not callable_host(on_fulfilled):
        on_fulfilled = undefined
    if not isinstance(on_rejected, JSFunction) and not callable_host(on_rejected):
        on_rejected = undefined
    fr = Reaction(capability, FULFILLED, on_fulfilled)
    rr = Reaction(capability, REJECTED, on_rejected)
    realm = STATE.realm
    if promise.state == PENDING:
        promise.fulfill_reactions.append(fr)
        promise.reject_reactions.append(rr)
    elif promise.state == FULFILLED:
        realm.enqueue_job(promise_reaction_job, fr, promise.result)
    else:
        if not promise.handled:
            realm.host_promise_rejection_tracker(promise, "handle")
        realm.enqueue_job(promise_reaction_job, rr, promise.result)
    promise.handled = True
    return capability.promise if capability is not None else undefined


def callable_host(h):
    return h is not None and h is not undefined and not isinstance(h, JSObject) and callable(h) \
        and not isinstance(h, (str, float, bool))


def promise_resolve(c, x):
    """PromiseResolve (27.2.4.7.1)."""
    if isinstance(x, JSPromise):
        ctor = x.get("constructor", x)
        if ctor is c:
            return x
    cap = new_promise_capability(c)
    cap.resolve.fn(undefined, x)
    return cap.promise


def new_resolved_promise(value):
    realm = STATE.realm
    return promise_resolve(realm.intrinsics["%Promise%"], value)
