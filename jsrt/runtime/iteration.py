"""The iterator protocol (ECMA-262 7.4) as Python iterators, for for-of,
spread and array destructuring; and for-in enumeration (14.7.5.9)."""

from .values import undefined, null, MISSING, HOLE, SYM_ITERATOR
from .objects import JSObject, JSArray, JSFunction, Accessor, E
from .errors import JSThrow, STATE, throw_type_error
from . import ops


class IteratorRecord:
    """An Iterator Record driven from Python (``for v in rec``)."""
    __slots__ = ("iterator", "next_method", "done")

    def __init__(self, iterator, next_method):
        self.iterator = iterator
        self.next_method = next_method
        self.done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self.done:
            raise StopIteration
        try:
            r = self.next_method.fn(self.iterator) if isinstance(self.next_method, JSFunction) \
                else ops.call(self.next_method, self.iterator)
            if not isinstance(r, JSObject):
                throw_type_error("Iterator result %s is not an object" % ops.describe(r))
            if ops.to_boolean(r.get("done", r)):
                self.done = True
                raise StopIteration
            return r.get("value", r)
        except JSThrow:
            self.done = True
            raise

    def step(self):
        """IteratorStep + IteratorValue, or undefined once done (destructuring)."""
        if self.done:
            return undefined
        try:
            return self.__next__()
        except StopIteration:
            return undefined

    def rest(self):
        out = []
        for v in self:
            out.append(v)
        return ops.new_array(out)

    def close(self):
        """IteratorClose for a normal (break/return) completion: errors propagate."""
        if self.done:
            return
        self.done = True
        it = self.iterator
        ret = ops.get_method(it, "return")
        if ret is undefined:
            return
        r = ret.fn(it)
        if not isinstance(r, JSObject):
            throw_type_error("iterator.return() did not return an object")

    def abort(self):
        """IteratorClose for a throw completion: errors from return() are ignored."""
        if self.done:
            return
        self.done = True
        it = self.iterator
        try:
            ret = ops.get_method(it, "return")
            if ret is not undefined:
                ret.fn(it)
        except JSThrow:
            pass


class ArrayFastIter:
    """for-of over an Array whose iteration behaviour is untouched: index loop."""
    __slots__ = ("arr", "i", "done")

    def __init__(self, arr):
        self.arr = arr
        self.i = 0
        self.done = False

    def __iter__(self):
        return self

    def __next__(self):
        a = self.arr
        i = self.i
        if a.arr is not None:
            lst = a.arr
            if i < len(lst):
                self.i = i + 1
                v = lst[i]
                if v is HOLE:
                    return a.get(str(i), a)
                return v
            self.done = True
            raise StopIteration
        if i < a.alen:
            self.i = i + 1
            return a.get(str(i), a)
        self.done = True
        raise StopIteration

    def step(self):
        if self.done:
            return undefined
        try:
            return self.__next__()
        except StopIteration:
            return undefined

    def rest(self):
        out = []
        for v in self:
            out.append(v)
        return ops.new_array(out)

    def close(self):
        self.done = True

    def abort(self):
        self.done = True


def _array_iteration_intact(realm, arr):
    intr = realm.intrinsics
    p = arr.proto
    if p is not intr["%Array.prototype%"]:
        return False
    if SYM_ITERATOR in arr.props:
        return False
    f = p.props.get(SYM_ITERATOR)
    if f is not intr["%Array.prototype.values%"]:
        return False
    aip = intr["%ArrayIteratorPrototype%"]
    return aip.props.get("next") is intr["%ArrayIteratorPrototype.next%"]


def get_iterator(v):
    """GetIterator(v, sync) (7.4.3) as a Python iterator."""
    if type(v) is JSArray and _array_iteration_intact(STATE.realm, v):
        return ArrayFastIter(v)
    method = ops.get_method(v, SYM_ITERATOR) if v is not undefined and v is not null else undefined
    if method is undefined:
        throw_type_error(not_iterable_message(v))
    it = method.fn(v)
    if not isinstance(it, JSObject):
        throw_type_error("Result of the Symbol.iterator method is not an object")
    nxt = it.get("next", it)
    return IteratorRecord(it, nxt)


def not_iterable_message(v):
    """V8's wording for GetIterator on a value without @@iterator."""
    if isinstance(v, JSObject):
        if isinstance(v, JSFunction):
            return "%s is not iterable" % ops.describe(v)
        return "object is not iterable (cannot read property Symbol(Symbol.iterator))"
    if v is undefined:
        return "undefined is not iterable (cannot read property Symbol(Symbol.iterator))"
    if v is null:
        return "object null is not iterable (cannot read property Symbol(Symbol.iterator))"
    return "%s %s is not iterable (cannot read property Symbol(Symbol.iterator))" % (
        ops.typeof(v), ops.describe(v))


def get_iterator_from_method(v, method):
    it = ops.call(method, v)
    if not isinstance(it, JSObject):
        throw_type_error("Result of the Symbol.iterator method is not an object")
    return IteratorRecord(it, it.get("next", it))


def spread(v):
    """The values of ``...v`` as a Python list."""
    if type(v) is JSArray and v.arr is not None and _array_iteration_intact(STATE.realm, v):
        a = v.arr
        if HOLE in a:
            return [undefined if x is HOLE else x for x in a]
        return list(a)
    if type(v) is str and STATE.realm.string_iteration_intact():
        return list(iter_code_points(v))
    return list(get_iterator(v))


def iter_code_points(s):
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if "\ud800" <= c <= "\udbff" and i + 1 < n and "\udc00" <= s[i + 1] <= "\udfff":
            yield s[i:i + 2]
            i += 2
        else:
            yield c
            i += 1


def for_in(v):
    """EnumerateObjectProperties (14.7.5.9) as a Python generator of keys."""
    if v is undefined or v is null:
        return iter(())
    o = ops.to_object(v)
    return _for_in_gen(o)


def _for_in_gen(o):
    visited = set()
    while o is not null:
        keys = o.own_keys()
        for k in keys:
            if type(k) is not str:
                continue
            if k in visited:
                continue
            d = o.get_own_property(k)
            if d is None:
                continue
            visited.add(k)
            if d.enumerable:
                yield k
        o = o.get_prototype_of()
