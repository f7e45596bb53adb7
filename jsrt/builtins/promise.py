"""The Promise constructor and prototype (ECMA-262 27.2).

The promise abstract operations (JSPromise, NewPromiseCapability, PerformPromiseThen,
PromiseResolve, the resolving functions and the job queue) live in ``runtime/promise.py``
because async functions need them; this module builds the JS-visible built-ins on top.

Every function object the spec creates on the fly (the ``finally`` closures, the element
functions of ``all`` / ``allSettled`` / ``any``) is a JSFunction subclass whose captured
state sits in ``__slots__``: realm snapshots can pickle them (no Python closures).
"""

from ..runtime.values import undefined, null, SYM_SPECIES, SYM_TO_STRING_TAG
from ..runtime.objects import JSObject, JSFunction, JSErrorObject, Accessor, W, C
from ..runtime.errors import JSThrow, STATE, throw_type_error
from ..runtime import ops
from ..runtime.iteration import get_iterator
from ..runtime.promise import (JSPromise, PENDING, FULFILLED, new_promise_capability,
                               perform_promise_then, promise_resolve,
                               create_resolving_functions)
from ._common import define_methods, define_getters, make_constructor, proto_from_ctor

__all__ = ["setup", "JSPromise", "promise_state"]

# V8's wording for the errors this family throws (house style rule 4: each vocabulary once).
MSG_NO_NEW = "Promise constructor cannot be invoked without 'new'"
MSG_RESOLVER = "Promise resolver %s is not a function"
MSG_INCOMPATIBLE = "Method Promise.prototype.%s called on incompatible receiver %s"
MSG_NON_OBJECT = "%s called on non-object"
MSG_RESOLVE_NOT_CALLABLE = "Promise resolve or reject function is not callable"
MSG_ANY_REJECTED = "All promises were rejected"

_LN_FLAGS = {"length": C, "name": C}


def promise_state(p):
    """('pending'|'fulfilled'|'rejected', result) of a JSPromise (for inspection)."""
    s = p.state
    if s == PENDING:
        return "pending", undefined
    return ("fulfilled" if s == FULFILLED else "rejected"), p.result


class _SpecFunction(JSFunction):
    """A built-in function created by an algorithm step (CreateBuiltinFunction, 10.3.4)
    with length ``length`` and the empty name."""
    __slots__ = ()

    def _init_builtin(self, length):
        realm = STATE.realm
        JSFunction.__init__(self, realm.intrinsics["%Function.prototype%"], self._call, realm)
        self.props["length"] = float(length)
        self.props["name"] = ""
        self.flags = _LN_FLAGS


# ---------------------------------------------------------------------------
# The Promise constructor (27.2.3)
# ---------------------------------------------------------------------------

def promise_call(this, *args):
    """Promise ( executor ) called as a function (27.2.3.1 step 1)."""
    throw_type_error(MSG_NO_NEW)


def promise_construct(args, new_target):
    """Promise ( executor ) (27.2.3.1)."""
    executor = args[0] if args else undefined
    # 2. If IsCallable(executor) is false, throw a TypeError exception.
    if not isinstance(executor, JSFunction):
        throw_type_error(MSG_RESOLVER % ops.describe(executor))
    # 3-7. OrdinaryCreateFromConstructor(NewTarget, "%Promise.prototype%", ...).
    promise = JSPromise(proto_from_ctor(new_target, "%Promise.prototype%"))
    # 8. Let resolvingFunctions be CreateResolvingFunctions(promise).
    resolve, reject = create_resolving_functions(STATE.realm, promise)
    # 9-10. Call the executor; an abrupt completion rejects the promise.
    try:
        executor.fn(undefined, resolve, reject)
    except JSThrow as e:
        reject.fn(undefined, e.value)
    return promise


def _if_abrupt_reject(cap, e):
    """IfAbruptRejectPromise (27.2.1.1.1): reject the capability with the thrown value."""
    cap.reject.fn(undefined, e.value)
    return cap.promise


def get_promise_resolve(c):
    """GetPromiseResolve ( promiseConstructor ) (27.2.4.1.1)."""
    resolve = c.get("resolve", c)
    if not isinstance(resolve, JSFunction):
        throw_type_error("Promise resolve or reject function is not callable")
    return resolve


def _combinator(c, name, iterable, perform):
    """The common frame of Promise.all / allSettled / any / race (27.2.4.1 steps 1-9)."""
    # 1-2. Let promiseCapability be ? NewPromiseCapability(C).
    if not isinstance(c, JSObject):
        throw_type_error(MSG_NON_OBJECT % ("Promise." + name))
    cap = new_promise_capability(c)
    # 3-4. GetPromiseResolve, rejecting the capability on failure.
    try:
        promise_resolve_fn = get_promise_resolve(c)
    except JSThrow as e:
        return _if_abrupt_reject(cap, e)
    # 5-6. GetIterator(iterable, sync), rejecting the capability on failure.
    try:
        rec = get_iterator(iterable)
    except JSThrow as e:
        return _if_abrupt_reject(cap, e)
    # 7-9. Run the loop; on an abrupt completion close the iterator (unless it is the one
    # that threw) and reject the capability.
    try:
        return perform(rec, c, cap, promise_resolve_fn)
    except JSThrow as e:
        if not rec.done:
            rec.abort()
        return _if_abrupt_reject(cap, e)


class _Counter:
    """The remainingElementsCount Record { [[Value]] } shared by element functions."""
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class _Flag:
    """The alreadyCalled Record { [[Value]] } shared by an allSettled element pair."""
    __slots__ = ("value",)

    def __init__(self):
        self.value = False


# ---------------------------------------------------------------------------
# Promise.all (27.2.4.1)
# ---------------------------------------------------------------------------

class AllResolveElement(_SpecFunction):
    """Promise.all Resolve Element Functions (27.2.4.1.3)."""
    __slots__ = ("already_called", "index", "values", "capability", "remaining")

    def __init__(self, index, values, capability, remaining):
        self._init_builtin(1)
        self.already_called = False
        self.index = index
        self.values = values
        self.capability = capability
        self.remaining = remaining

    def _call(self, this, x=undefined, *rest):
        # 2-3. Run at most once.
        if self.already_called:
            return undefined
        self.already_called = True
        # 8. Set values[index] to x.
        self.values[self.index] = x
        # 9-10. When the last element arrives, resolve with the values array.
        self.remaining.value -= 1
        if self.remaining.value == 0:
            return self.capability.resolve.fn(undefined, ops.new_array(self.values))
        return undefined


def perform_promise_all(rec, c, cap, promise_resolve_fn):
    """PerformPromiseAll (27.2.4.1.2)."""
    values = []
    remaining = _Counter(1)
    index = 0
    for nxt in rec:
        # 4.c. Append undefined to values.
        values.append(undefined)
        # 4.d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        next_promise = promise_resolve_fn.fn(c, nxt)
        # 4.e-l. The resolve element function for this index.
        on_fulfilled = AllResolveElement(index, values, cap, remaining)
        remaining.value += 1
        # 4.n. Perform ? Invoke(nextPromise, "then", « onFulfilled, resultCapability.[[Reject]] »).
        ops.invoke(next_promise, "then", on_fulfilled, cap.reject)
        index += 1
    # 4.b. The iterator is done.
    remaining.value -= 1
    if remaining.value == 0:
        cap.resolve.fn(undefined, ops.new_array(values))
    return cap.promise


def promise_all(this, iterable=undefined, *rest):
    """Promise.all ( iterable ) (27.2.4.1)."""
    return _combinator(this, "all", iterable, perform_promise_all)


# ---------------------------------------------------------------------------
# Promise.allSettled (27.2.4.2)
# ---------------------------------------------------------------------------

class AllSettledElement(_SpecFunction):
    """Promise.allSettled Resolve / Reject Element Functions (27.2.4.2.2, 27.2.4.2.3)."""
    __slots__ = ("already_called", "index", "values", "capability", "remaining", "rejecting")

    def __init__(self, already_called, index, values, capability, remaining, rejecting):
        self._init_builtin(1)
        self.already_called = already_called
        self.index = index
        self.values = values
        self.capability = capability
        self.remaining = remaining
        self.rejecting = rejecting

    def _call(self, this, x=undefined, *rest):
        # 2-4. alreadyCalled is shared by the resolve and reject element of one index.
        if self.already_called.value:
            return undefined
        self.already_called.value = True
        # 8-12. The { status, value } or { status, reason } record object.
        obj = ops.new_object()
        if self.rejecting:
            ops.create_data_property_or_throw(obj, "status", "rejected")
            ops.create_data_property_or_throw(obj, "reason", x)
        else:
            ops.create_data_property_or_throw(obj, "status", "fulfilled")
            ops.create_data_property_or_throw(obj, "value", x)
        self.values[self.index] = obj
        self.remaining.value -= 1
        if self.remaining.value == 0:
            return self.capability.resolve.fn(undefined, ops.new_array(self.values))
        return undefined


def perform_promise_all_settled(rec, c, cap, promise_resolve_fn):
    """PerformPromiseAllSettled (27.2.4.2.1)."""
    values = []
    remaining = _Counter(1)
    index = 0
    for nxt in rec:
        values.append(undefined)
        next_promise = promise_resolve_fn.fn(c, nxt)
        already = _Flag()
        on_fulfilled = AllSettledElement(already, index, values, cap, remaining, False)
        on_rejected = AllSettledElement(already, index, values, cap, remaining, True)
        remaining.value += 1
        ops.invoke(next_promise, "then", on_fulfilled, on_rejected)
        index += 1
    remaining.value -= 1
    if remaining.value == 0:
        cap.resolve.fn(undefined, ops.new_array(values))
    return cap.promise


def promise_all_settled(this, iterable=undefined, *rest):
    """Promise.allSettled ( iterable ) (27.2.4.2)."""
    return _combinator(this, "allSettled", iterable, perform_promise_all_settled)


# ---------------------------------------------------------------------------
# Promise.any (27.2.4.3)
# ---------------------------------------------------------------------------

def make_aggregate_error(errors, message=MSG_ANY_REJECTED):
    """A newly created AggregateError whose ``errors`` is CreateArrayFromList(errors)."""
    realm = STATE.realm
    err = JSErrorObject(realm.intrinsics["%AggregateError.prototype%"])
    err._store("message", message, W | C)
    realm.attach_stack(err)
    # Perform ! DefinePropertyOrThrow(error, "errors", { [[Configurable]]: true,
    # [[Enumerable]]: false, [[Writable]]: true, [[Value]]: CreateArrayFromList(errors) }).
    err._store("errors", ops.new_array(errors), W | C)
    return err


class AnyRejectElement(_SpecFunction):
    """Promise.any Reject Element Functions (27.2.4.3.2)."""
    __slots__ = ("already_called", "index", "errors", "capability", "remaining")

    def __init__(self, index, errors, capability, remaining):
        self._init_builtin(1)
        self.already_called = False
        self.index = index
        self.errors = errors
        self.capability = capability
        self.remaining = remaining

    def _call(self, this, x=undefined, *rest):
        if self.already_called:
            return undefined
        self.already_called = True
        self.errors[self.index] = x
        self.remaining.value -= 1
        # 10. When every promise rejected, reject with an AggregateError.
        if self.remaining.value == 0:
            return self.capability.reject.fn(undefined, make_aggregate_error(self.errors))
        return undefined


def perform_promise_any(rec, c, cap, promise_resolve_fn):
    """PerformPromiseAny (27.2.4.3.1)."""
    errors = []
    remaining = _Counter(1)
    index = 0
    for nxt in rec:
        errors.append(undefined)
        next_promise = promise_resolve_fn.fn(c, nxt)
        on_rejected = AnyRejectElement(index, errors, cap, remaining)
        remaining.value += 1
        # 4.n. Perform ? Invoke(nextPromise, "then", « resultCapability.[[Resolve]], onRejected »).
        ops.invoke(next_promise, "then", cap.resolve, on_rejected)
        index += 1
    remaining.value -= 1
    if remaining.value == 0:
        cap.reject.fn(undefined, make_aggregate_error(errors))
    return cap.promise


def promise_any(this, iterable=undefined, *rest):
    """Promise.any ( iterable ) (27.2.4.3)."""
    return _combinator(this, "any", iterable, perform_promise_any)


# ---------------------------------------------------------------------------
# Promise.race (27.2.4.5)
# ---------------------------------------------------------------------------

def perform_promise_race(rec, c, cap, promise_resolve_fn):
    """PerformPromiseRace (27.2.4.5.1)."""
    for nxt in rec:
        next_promise = promise_resolve_fn.fn(c, nxt)
        ops.invoke(next_promise, "then", cap.resolve, cap.reject)
    return cap.promise


def promise_race(this, iterable=undefined, *rest):
    """Promise.race ( iterable ) (27.2.4.5)."""
    return _combinator(this, "race", iterable, perform_promise_race)


# ---------------------------------------------------------------------------
# Promise.allKeyed / Promise.allSettledKeyed (proposal-await-dictionary)
# ---------------------------------------------------------------------------

class KeyedElement(_SpecFunction):
    """The onFulfilled / onRejected functions of PerformPromiseAllKeyed: like the
    all / allSettled element functions, but the result is an object keyed like the input."""
    __slots__ = ("already_called", "index", "keys", "values", "capability", "remaining",
                 "settled", "rejecting")

    def __init__(self, already_called, index, keys, values, capability, remaining, settled,
                 rejecting):
        self._init_builtin(1)
        self.already_called = already_called
        self.index = index
        self.keys = keys
        self.values = values
        self.capability = capability
        self.remaining = remaining
        self.settled = settled
        self.rejecting = rejecting

    def _call(self, this, x=undefined, *rest):
        if self.already_called.value:
            return undefined
        self.already_called.value = True
        if self.settled:
            obj = ops.new_object()
            if self.rejecting:
                ops.create_data_property_or_throw(obj, "status", "rejected")
                ops.create_data_property_or_throw(obj, "reason", x)
            else:
                ops.create_data_property_or_throw(obj, "status", "fulfilled")
                ops.create_data_property_or_throw(obj, "value", x)
            x = obj
        self.values[self.index] = x
        self.remaining.value -= 1
        if self.remaining.value == 0:
            result = keyed_result_object(self.keys, self.values)
            return self.capability.resolve.fn(undefined, result)
        return undefined


def keyed_result_object(keys, values):
    """CreateKeyedPromiseCombinatorResultObject ( keys, values ): a null-prototype object."""
    obj = JSObject(null)
    for k, v in zip(keys, values):
        ops.create_data_property_or_throw(obj, k, v)
    return obj


def perform_promise_all_keyed(settled, promises, c, cap, promise_resolve_fn):
    """PerformPromiseAllKeyed ( variant, promises, constructor, resultCapability,
    promiseResolve )."""
    # 1. Let allKeys be ? promises.[[OwnPropertyKeys]]().
    all_keys = promises.own_keys()
    keys = []
    values = []
    remaining = _Counter(1)
    index = 0
    for key in all_keys:
        # 6.a-b. Only enumerable own properties take part.
        desc = promises.get_own_property(key)
        if desc is None or not desc.enumerable:
            continue
        value = promises.get(key, promises)
        keys.append(key)
        values.append(undefined)
        next_promise = promise_resolve_fn.fn(c, value)
        already = _Flag()
        on_fulfilled = KeyedElement(already, index, keys, values, cap, remaining, settled, False)
        remaining.value += 1
        if settled:
            on_rejected = KeyedElement(already, index, keys, values, cap, remaining, True, True)
        else:
            on_rejected = cap.reject
        ops.invoke(next_promise, "then", on_fulfilled, on_rejected)
        index += 1
    remaining.value -= 1
    if remaining.value == 0:
        cap.resolve.fn(undefined, keyed_result_object(keys, values))
    return cap.promise


def _keyed_combinator(c, promises, settled):
    """Promise.allKeyed / allSettledKeyed ( promises ) steps 1-8."""
    if not isinstance(c, JSObject):
        throw_type_error(MSG_NON_OBJECT % ("Promise.allSettledKeyed" if settled
                                           else "Promise.allKeyed"))
    cap = new_promise_capability(c)
    try:
        promise_resolve_fn = get_promise_resolve(c)
    except JSThrow as e:
        return _if_abrupt_reject(cap, e)
    # 5. If promises is not an Object, reject with a new TypeError.
    if not isinstance(promises, JSObject):
        err = STATE.realm.make_error("TypeError", "%s is not an object"
                                     % ops.describe(promises))
        cap.reject.fn(undefined, err)
        return cap.promise
    try:
        return perform_promise_all_keyed(settled, promises, c, cap, promise_resolve_fn)
    except JSThrow as e:
        return _if_abrupt_reject(cap, e)


def promise_all_keyed(this, promises=undefined, *rest):
    """Promise.allKeyed ( promises ) (proposal-await-dictionary)."""
    return _keyed_combinator(this, promises, False)


def promise_all_settled_keyed(this, promises=undefined, *rest):
    """Promise.allSettledKeyed ( promises ) (proposal-await-dictionary)."""
    return _keyed_combinator(this, promises, True)


# ---------------------------------------------------------------------------
# Promise.reject / resolve / try / withResolvers / @@species (27.2.4.6-27.2.4.10)
# ---------------------------------------------------------------------------

def promise_reject(this, r=undefined, *rest):
    """Promise.reject ( r ) (27.2.4.6)."""
    if not isinstance(this, JSObject):
        throw_type_error(MSG_NON_OBJECT % "PromiseReject")
    cap = new_promise_capability(this)
    cap.reject.fn(undefined, r)
    return cap.promise


def promise_resolve_static(this, x=undefined, *rest):
    """Promise.resolve ( x ) (27.2.4.7)."""
    # 2. If C is not an Object, throw a TypeError exception.
    if not isinstance(this, JSObject):
        throw_type_error(MSG_NON_OBJECT % "PromiseResolve")
    # 3. Return ? PromiseResolve(C, x).
    return promise_resolve(this, x)


def promise_try(this, callback=undefined, *args):
    """Promise.try ( callback, ...args ) (27.2.4.8, ES2025)."""
    if not isinstance(this, JSObject):
        throw_type_error(MSG_NON_OBJECT % "Promise.try")
    cap = new_promise_capability(this)
    try:
        value = ops.call(callback, undefined, *args)
    except JSThrow as e:
        cap.reject.fn(undefined, e.value)
    else:
        cap.resolve.fn(undefined, value)
    return cap.promise


def promise_with_resolvers(this, *args):
    """Promise.withResolvers ( ) (27.2.4.9, ES2024)."""
    cap = new_promise_capability(this)
    obj = ops.new_object()
    ops.create_data_property_or_throw(obj, "promise", cap.promise)
    ops.create_data_property_or_throw(obj, "resolve", cap.resolve)
    ops.create_data_property_or_throw(obj, "reject", cap.reject)
    return obj


def promise_species(this, *args):
    """get Promise [ @@species ] (27.2.4.10): returns the this value."""
    return this


# ---------------------------------------------------------------------------
# Promise.prototype (27.2.5)
# ---------------------------------------------------------------------------

def promise_then(this, on_fulfilled=undefined, on_rejected=undefined, *rest):
    """Promise.prototype.then ( onFulfilled, onRejected ) (27.2.5.4)."""
    # 2. If IsPromise(promise) is false, throw a TypeError exception.
    if not isinstance(this, JSPromise):
        throw_type_error(MSG_INCOMPATIBLE % ("then", ops.describe(this)))
    realm = STATE.realm
    default = realm.intrinsics["%Promise%"]
    # 3. Let C be ? SpeciesConstructor(promise, %Promise%). (Fast path: an untouched
    # promise whose constructor is found unchanged on %Promise.prototype%.)
    if "constructor" not in this.props and this.proto is realm.intrinsics["%Promise.prototype%"] \
            and this.proto.props.get("constructor") is default \
            and _species_intact(default, realm):
        c = default
    else:
        c = ops.species_constructor(this, default)
    # 4. Let resultCapability be ? NewPromiseCapability(C).
    cap = new_promise_capability(c)
    # 5. Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability).
    return perform_promise_then(this, on_fulfilled, on_rejected, cap)


def _species_intact(ctor, realm):
    acc = ctor.props.get(SYM_SPECIES)
    return type(acc) is Accessor and acc.get is realm.intrinsics["%Promise[@@species]%"]


def promise_catch(this, on_rejected=undefined, *rest):
    """Promise.prototype.catch ( onRejected ) (27.2.5.1)."""
    # 2. Return ? Invoke(promise, "then", « undefined, onRejected »).
    return ops.invoke(this, "then", undefined, on_rejected)


class ValueThunk(_SpecFunction):
    """The returnValue closure of thenFinally (27.2.5.3 step 6.a.iii): returns ``value``."""
    __slots__ = ("value",)

    def __init__(self, value):
        self._init_builtin(0)
        self.value = value

    def _call(self, this, *args):
        return self.value


class Thrower(_SpecFunction):
    """The throwReason closure of catchFinally (27.2.5.3 step 6.c.iii): throws ``reason``."""
    __slots__ = ("reason",)

    def __init__(self, reason):
        self._init_builtin(0)
        self.reason = reason

    def _call(self, this, *args):
        raise JSThrow(self.reason)


class ThenFinally(_SpecFunction):
    """thenFinally (27.2.5.3 step 6.a): run onFinally, then pass the value through."""
    __slots__ = ("on_finally", "species")

    def __init__(self, on_finally, ctor):
        self._init_builtin(1)
        self.on_finally = on_finally
        self.species = ctor

    def _call(self, this, value=undefined, *rest):
        # i. Let result be ? Call(onFinally, undefined).
        result = self.on_finally.fn(undefined)
        # ii. Let p be ? PromiseResolve(C, result).
        p = promise_resolve(self.species, result)
        # iii-v. Return ? Invoke(p, "then", « valueThunk »).
        return ops.invoke(p, "then", ValueThunk(value))


class CatchFinally(_SpecFunction):
    """catchFinally (27.2.5.3 step 6.c): run onFinally, then rethrow the reason."""
    __slots__ = ("on_finally", "species")

    def __init__(self, on_finally, ctor):
        self._init_builtin(1)
        self.on_finally = on_finally
        self.species = ctor

    def _call(self, this, reason=undefined, *rest):
        result = self.on_finally.fn(undefined)
        p = promise_resolve(self.species, result)
        return ops.invoke(p, "then", Thrower(reason))


def promise_finally(this, on_finally=undefined, *rest):
    """Promise.prototype.finally ( onFinally ) (27.2.5.3)."""
    # 2. If promise is not an Object, throw a TypeError exception.
    if not isinstance(this, JSObject):
        throw_type_error(MSG_INCOMPATIBLE % ("finally", ops.describe(this)))
    # 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    c = ops.species_constructor(this, STATE.realm.intrinsics["%Promise%"])
    # 5-6. Wrap a callable onFinally; pass anything else through unchanged.
    if not isinstance(on_finally, JSFunction):
        then_finally = catch_finally = on_finally
    else:
        then_finally = ThenFinally(on_finally, c)
        catch_finally = CatchFinally(on_finally, c)
    # 7. Return ? Invoke(promise, "then", « thenFinally, catchFinally »).
    return ops.invoke(this, "then", then_finally, catch_finally)


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

def setup(realm):
    intr = realm.intrinsics
    proto = JSObject(intr["%Object.prototype%"])
    ctor = make_constructor(realm, "Promise", promise_call, promise_construct, 1, proto,
                            "%Promise.prototype%")
    intr["%Promise%"] = ctor
    define_methods(realm, ctor, [
        ("all", promise_all, 1),
        ("allSettled", promise_all_settled, 1),
        ("allKeyed", promise_all_keyed, 1),
        ("allSettledKeyed", promise_all_settled_keyed, 1),
        ("any", promise_any, 1),
        ("race", promise_race, 1),
        ("reject", promise_reject, 1),
        ("resolve", promise_resolve_static, 1),
        ("try", promise_try, 1),
        ("withResolvers", promise_with_resolvers, 0),
    ])
    define_getters(realm, ctor, [(SYM_SPECIES, promise_species, None)])
    intr["%Promise[@@species]%"] = ctor.props[SYM_SPECIES].get
    m = define_methods(realm, proto, [
        ("catch", promise_catch, 1),
        ("finally", promise_finally, 1),
        ("then", promise_then, 2),
    ])
    intr["%Promise.prototype.then%"] = m["then"]
    proto._store(SYM_TO_STRING_TAG, "Promise", C)
    intr["%Promise.all%"] = ctor.props["all"]
    intr["%Promise.resolve%"] = ctor.props["resolve"]
    realm.global_object._store("Promise", ctor, W | C)
