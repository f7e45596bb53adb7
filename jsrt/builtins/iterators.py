"""%IteratorPrototype%, %ArrayIteratorPrototype%, generator and async-function
intrinsics (ECMA-262 27.1, 23.1.5, 27.3-27.5)."""

from ..runtime.values import undefined, null, HOLE, SYM_ITERATOR, SYM_TO_STRING_TAG
from ..runtime.objects import JSObject, JSArray, JSFunction, W, E, C
from ..runtime.errors import STATE, throw_type_error
from ..runtime import ops
from ..runtime.function import JSGenerator, iter_result
from ._common import make_native, define_methods, define_values


class JSArrayIterator(JSObject):
    """An Array Iterator (23.1.5): [[IteratedArrayLike]], index and kind."""
    __slots__ = ("target", "index", "kind")
    cls = "Array Iterator"

    def __init__(self, proto, target, kind):
        JSObject.__init__(self, proto)
        self.target = target
        self.index = 0
        self.kind = kind  # 0 keys, 1 values, 2 entries


def create_array_iterator(target, kind):
    return JSArrayIterator(STATE.realm.intrinsics["%ArrayIteratorPrototype%"], target, kind)


def array_iterator_next(this, *args):
    """%ArrayIteratorPrototype%.next (23.1.5.2.1)."""
    if type(this) is not JSArrayIterator:
        throw_type_error("Method Array Iterator.prototype.next called on incompatible receiver %s"
                         % ops.no_side_effects_to_string(this))
    a = this.target
    if a is None:
        return iter_result(undefined, True)
    i = this.index
    ta = getattr(a, "typed_length", None)
    if ta is not None:
        n = a.typed_length()
    else:
        n = ops.length_of_array_like(a)
    if i >= n:
        this.target = None
        return iter_result(undefined, True)
    this.index = i + 1
    k = this.kind
    if k == 0:
        return iter_result(float(i), False)
    if type(a) is JSArray and a.arr is not None and i < len(a.arr) and a.arr[i] is not HOLE:
        v = a.arr[i]
    else:
        v = a.get(str(i), a)
    if k == 1:
        return iter_result(v, False)
    return iter_result(ops.new_array([float(i), v]), False)


def iterator_proto_iterator(this, *args):
    return this


def generator_next(this, value=undefined, *rest):
    return _gen(this, "next").resume(0, value)


def generator_return(this, value=undefined, *rest):
    return _gen(this, "return").resume(2, value)


def generator_throw(this, value=undefined, *rest):
    return _gen(this, "throw").resume(1, value)


def _gen(this, what):
    if type(this) is not JSGenerator:
        throw_type_error("Method [Generator].prototype.%s called on incompatible receiver %s"
                         % (what, ops.no_side_effects_to_string(this)))
    return this


def generator_function_call(this, *args):
    from .core import create_dynamic_function
    return create_dynamic_function(args, None, "generator")


def generator_function_construct(args, nt):
    from .core import create_dynamic_function
    return create_dynamic_function(args, nt, "generator")


def async_function_call(this, *args):
    from .core import create_dynamic_function
    return create_dynamic_function(args, None, "async")


def async_function_construct(args, nt):
    from .core import create_dynamic_function
    return create_dynamic_function(args, nt, "async")


def setup(realm):
    intr = realm.intrinsics
    op = intr["%Object.prototype%"]
    fp = intr["%Function.prototype%"]
    ip = JSObject(op)
    intr["%IteratorPrototype%"] = ip
    f = make_native(realm, "[Symbol.iterator]", iterator_proto_iterator, 0)
    ip._store(SYM_ITERATOR, f, W | C)

    aip = JSObject(ip)
    intr["%ArrayIteratorPrototype%"] = aip
    m = define_methods(realm, aip, [("next", array_iterator_next, 0)])
    intr["%ArrayIteratorPrototype.next%"] = m["next"]
    aip._store(SYM_TO_STRING_TAG, "Array Iterator", C)

    # Generators (27.3-27.5)
    gp = JSObject(ip)
    intr["%GeneratorPrototype%"] = gp
    define_methods(realm, gp, [("next", generator_next, 1), ("return", generator_return, 1),
                               ("throw", generator_throw, 1)])
    gp._store(SYM_TO_STRING_TAG, "Generator", C)
    gfp = JSObject(fp)
    intr["%GeneratorFunction.prototype%"] = gfp
    gfp._store("prototype", gp, C)
    gp._store("constructor", gfp, C)
    gfp._store(SYM_TO_STRING_TAG, "GeneratorFunction", C)
    gf = make_native(realm, "GeneratorFunction", generator_function_call, 1,
                     ctor=generator_function_construct)
    gf.proto = intr["%Function%"]
    gf._store("prototype", gfp, 0)
    gfp._store("constructor", gf, C)
    intr["%GeneratorFunction%"] = gf

    afp = JSObject(fp)
    intr["%AsyncFunction.prototype%"] = afp
    afp._store(SYM_TO_STRING_TAG, "AsyncFunction", C)
    af = make_native(realm, "AsyncFunction", async_function_call, 1, ctor=async_function_construct)
    af.proto = intr["%Function%"]
    af._store("prototype", afp, 0)
    afp._store("constructor", af, C)
    intr["%AsyncFunction%"] = af
