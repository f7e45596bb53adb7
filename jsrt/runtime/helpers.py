"""The runtime helpers that compiled code calls (the ``R_*`` names).

``base_namespace()`` returns the realm-independent part of the globals dict
that compiled code runs with; the realm adds its bound helpers (function and
object creation, global variable access) in ``Realm._make_namespace``.
"""

import math
import sys

from .values import undefined, null, HOLE, TDZ, MISSING, Symbol
from .objects import JSObject, JSArray, JSFunction, Accessor, is_constructor
from .errors import (JSThrow, BreakLabel, ContinueLabel, STATE, throw_type_error,
                     throw_reference_error)
from . import ops, iteration, function, env


def fn_slow(f, desc):
    """The [[Call]] of a non-plain-function callee, or a thrower (raised at call time)."""
    if isinstance(f, JSFunction):
        return f.fn
    return _NotCallable(f, desc)


class _NotCallable:
    __slots__ = ("f", "desc")

    def __init__(self, f, desc):
        self.f = f
        self.desc = desc

    def __call__(self, *args):
        throw_type_error("%s is not a function" % self.desc)


def new(f, desc, *args):
    """The new operator (13.3.5.1.1)."""
    if isinstance(f, JSFunction) and f.ctor:
        return f.construct(args, f)
    throw_type_error("%s is not a constructor" % desc)


def catch_value(e):
    """The JS value a ``catch`` clause binds for a caught Python exception."""
    if isinstance(e, JSThrow):
        return e.value
    realm = STATE.realm
    if isinstance(e, RecursionError):
        return realm.make_error("RangeError", "Maximum call stack size exceeded")
    if isinstance(e, NameError):
        n = name_of_name_error(e)
        return realm.make_error("ReferenceError", "Cannot access '%s' before initialization"
                                % _js_name(n))
    if isinstance(e, MemoryError):
        return realm.make_error("RangeError", "Out of memory")
    raise e


def _js_name(pyname):
    if not pyname:
        return ""
    i = pyname.rfind("_")
    if i > 0 and pyname[i + 1:].isdigit():
        return pyname[:i]
    return pyname


CATCHABLE = (JSThrow, RecursionError, NameError, MemoryError)


def name_of_name_error(e):
    """The Python variable named by a NameError/UnboundLocalError (3.11 sets .name only
    for some of them)."""
    n = getattr(e, "name", None)
    if n:
        return n
    import re
    m = re.search(r"'([A-Za-z_][A-Za-z0-9_]*)'", str(e))
    return m.group(1) if m else ""


def tdz_check(v, name):
    if v is TDZ:
        throw_reference_error("Cannot access '%s' before initialization" % name)
    return v


def const_assign(v, name):
    if v is TDZ:
        throw_reference_error("Cannot access '%s' before initialization" % name)
    throw_type_error("Assignment to constant variable.")


def sloppy_this(this, global_object):
    if this is undefined or this is null:
        return global_object
    if isinstance(this, JSObject):
        return this
    return ops.to_object(this)


def to_str_template(v):
    if type(v) is Symbol:
        throw_type_error("Cannot convert a Symbol value to a string")
    return ops.to_string(v)


def void(v):
    return undefined


def destr_obj(v):
    if v is undefined or v is null:
        throw_type_error("Cannot destructure '%s' as it is %s." % (ops.describe(v), ops.describe(v)))
    return v


def get_item_key(o, key):
    return ops.get_member(o, key)


def js_throw(v):
    return JSThrow(v)


def delete_super():
    throw_reference_error("Unsupported reference to 'super'")


def not_closing():
    """False while Python closes an abandoned generator (JS finally blocks must not run)."""
    return type(sys.exc_info()[1]) is not GeneratorExit


def base_namespace():
    ns = {
        "__builtins__": {"type": type, "len": len, "float": float, "str": str, "int": int,
                         "BaseException": BaseException, "GeneratorExit": GeneratorExit},
        "R_notclosing": not_closing,
        "R_undef": undefined, "R_null": null, "R_HOLE": HOLE, "R_TDZ": TDZ,
        "R_trunc": math.trunc, "R_IDXERR": (IndexError, OverflowError, ValueError),
        "R_JSFunction": JSFunction, "R_JSObject": JSObject, "R_JSArray": JSArray,
        # the classes whose [[Get]] is ordinary for keys other than "length" and indices
        "R_ORDINARY": frozenset((JSObject, JSArray, JSFunction)),
        "R_JSThrow": js_throw,
        "R_MISSING": MISSING, "R_SLOWVAL": (Accessor, type(MISSING)),
        "R_Break": BreakLabel, "R_Continue": ContinueLabel, "R_CATCHABLE": CATCHABLE,
        "R_add": ops.add, "R_sub": ops.sub, "R_mul": ops.mul, "R_div": ops.div,
        "R_mod": ops.mod, "R_pow": ops.power, "R_lt": ops.lt, "R_gt": ops.gt, "R_le": ops.le,
        "R_ge": ops.ge, "R_eq": ops.loose_equals, "R_neg": ops.neg, "R_tonum": ops.to_number,
        "R_tonumeric": ops.to_numeric, "R_bitnot": ops.bit_not, "R_band": ops.bit_and,
        "R_bor": ops.bit_or, "R_bxor": ops.bit_xor, "R_shl": ops.shl, "R_sar": ops.sar,
        "R_shr": ops.shr, "R_typeof": ops.typeof, "R_in": ops.in_operator,
        "R_instanceof": ops.instance_of, "R_topk": ops.to_property_key, "R_refkey": ops.reference_key,
        "R_tostr_tpl": to_str_template, "R_void": void,
        "R_get": ops.get_member, "R_getfn": ops.get_fn, "R_updm": ops.update_member, "R_getitem": ops.get_item, "R_getitem_k": get_item_key,
        "R_put": ops.put_member, "R_sput": ops.sput_member, "R_putitem": ops.put_item,
        "R_sputitem": ops.sput_item, "R_delmem": ops.delete_member, "R_delitem": ops.delete_item,
        "R_superdelete": delete_super,
        "R_fnslow": fn_slow, "R_new": new, "R_catchval": catch_value,
        "R_tdzchk": tdz_check, "R_constassign": const_assign, "R_sloppythis": sloppy_this,
        "R_iter": iteration.get_iterator, "R_forin": iteration.for_in,
        "R_spread": iteration.spread, "R_destr_obj": destr_obj,
        "R_obj_rest": function.object_rest, "R_copy_data_props": function.copy_data_properties,
        "R_chkthis": function.check_this, "R_derivedret": function.derived_return,
        "R_supercall": function.super_call, "R_supercall_box": function.super_call_box, "R_superget": function.super_get,
        "R_superset": function.super_set, "R_defmethod": function.define_method,
        "R_defdata": function.define_data, "R_defdata_named": function.define_data_named,
        "R_setproto_lit": function.set_proto_literal,
        "R_class_heritage": function.class_heritage, "R_NOHERITAGE": function.NOHERITAGE,
        "R_make_class": function.make_class, "R_default_ctor": function.default_ctor,
        "R_yield_star": function.yield_star,
        "R_mkargs": function.make_arguments, "R_mkargs_mapped": function.make_mapped_arguments,
        "R_mkargs_env": function.make_mapped_arguments_env,
        "R_Env": env.Env, "R_env_copy": env.env_copy, "R_WithEnv": env.WithEnv, "R_null_env": None,
        "R_dget": env.dyn_get, "R_dset": env.dyn_set, "R_dinit": env.init_binding,
        "R_dtypeof": env.dyn_typeof, "R_ddelete": env.dyn_delete, "R_dthis": env.dyn_this_for_call,
        "R_fname_bind": env.fname_binding,
    }
    return ns
