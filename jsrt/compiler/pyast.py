"""Small constructors for Python AST nodes used by the code generator.

Every node made here gets its source position when it is made: ``POS``, which the code
generator sets to the JS node being compiled (CodeGen.at), so no pass over the finished
tree is needed.  Nodes are made with ``AST.__new__`` and a ready ``__dict__``: the AST
classes' own constructor is several times slower, with keyword arguments most of all.
Direct constructors for the rarer node classes are the attributes of ``mk``.

Every Name made here whose id is a key of ``RENAME`` gets the value there instead, and
the old id is added to ``USED`` (localize_runtime_names).  POS, RENAME and USED are
state of the code generator running: it holds ``LOCK`` while it uses them."""

import ast as A
import threading

LOAD = A.Load()
STORE = A.Store()
#: operators are shared too (they have no source position)
IS = A.Is()
IS_NOT = A.IsNot()
EQ = A.Eq()
AND = A.And()
OR = A.Or()
NOT = A.Not()

#: the source position of the nodes made now
POS = {"lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 0}
#: ids to rename in the Names made now (old -> new), and the old ids met
RENAME = {}
USED = set()
LOCK = threading.RLock()

_new = A.AST.__new__
_Name = A.Name
_Constant = A.Constant
_Call = A.Call
_Attribute = A.Attribute
_Compare = A.Compare


def _node(cls, fields):
    """A node of class ``cls`` with these fields, at POS."""
    x = _new(cls)
    fields.update(POS)
    x.__dict__ = fields
    return x


def _stamped(cls):
    def make(*args, **kw):
        x = cls(*args, **kw)
        x.__dict__.update(POS)
        return x
    make.__name__ = cls.__name__
    make.__doc__ = "A %s node at POS." % cls.__name__
    return make


class _Makers:
    """The node classes that have a source position, as constructors that set it."""


mk = _Makers()
for _cls in vars(A).values():
    if isinstance(_cls, type) and issubclass(_cls, A.AST) and "lineno" in _cls._attributes:
        setattr(mk, _cls.__name__, _stamped(_cls))


def _name(n, ctx):
    r = RENAME.get(n)
    if r is not None:
        USED.add(n)
        n = r
    x = _new(_Name)
    x.__dict__ = {"id": n, "ctx": ctx, **POS}
    return x


def name(n):
    r = RENAME.get(n)
    if r is not None:
        USED.add(n)
        n = r
    x = _new(_Name)
    x.__dict__ = {"id": n, "ctx": LOAD, **POS}
    return x


def store(n):
    return _name(n, STORE)


def const(v):
    x = _new(_Constant)
    x.__dict__ = {"value": v, **POS}
    return x


def call(f, *args, star=None):
    x = _new(_Call)
    x.__dict__ = {"func": name(f) if type(f) is str else f, "args": list(args),
                  "keywords": [], **POS}
    return x


def call_kw(f, args, kw):
    return _node(_Call, {"func": name(f) if type(f) is str else f, "args": list(args),
                         "keywords": [_node(A.keyword, {"arg": k, "value": v}) for k, v in kw]})


def attr(obj, a):
    x = _new(_Attribute)
    x.__dict__ = {"value": name(obj) if type(obj) is str else obj, "attr": a, "ctx": LOAD, **POS}
    return x


def store_attr(obj, a):
    return _node(_Attribute, {"value": name(obj) if type(obj) is str else obj, "attr": a,
                              "ctx": STORE})


def assign(target, value):
    return _node(A.Assign, {"targets": [_name(target, STORE) if type(target) is str else target],
                            "value": value})


def walrus(target, value):
    return _node(A.NamedExpr, {"target": _name(target, STORE), "value": value})


def expr_stmt(e):
    return _node(A.Expr, {"value": e})


def is_(a, b):
    x = _new(_Compare)
    x.__dict__ = {"left": a, "ops": [IS], "comparators": [b], **POS}
    return x


def is_not(a, b):
    return _node(_Compare, {"left": a, "ops": [IS_NOT], "comparators": [b]})


def eq(a, b):
    return _node(_Compare, {"left": a, "ops": [EQ], "comparators": [b]})


def cmp(a, op, b):
    return _node(_Compare, {"left": a, "ops": [op], "comparators": [b]})


def and_(*vals):
    if len(vals) == 1:
        return vals[0]
    return _node(A.BoolOp, {"op": AND, "values": list(vals)})


def or_(*vals):
    if len(vals) == 1:
        return vals[0]
    return _node(A.BoolOp, {"op": OR, "values": list(vals)})


def not_(v):
    return _node(A.UnaryOp, {"op": NOT, "operand": v})


def ifexp(test, body, orelse):
    return _node(A.IfExp, {"test": test, "body": body, "orelse": orelse})


def binop(a, op, b):
    return _node(A.BinOp, {"left": a, "op": op, "right": b})


def tuple_(*elts):
    return _node(A.Tuple, {"elts": list(elts), "ctx": LOAD})


def list_(elts):
    return _node(A.List, {"elts": list(elts), "ctx": LOAD})


def subscript(v, idx):
    return _node(A.Subscript, {"value": v, "slice": idx, "ctx": LOAD})


def typeis(v, tname):
    """``type(v) is <tname>``"""
    return is_(call("type", v), name(tname))


def pass_():
    return _node(A.Pass, {})


def break_():
    return _node(A.Break, {})


def if_(test, body, orelse=None):
    return _node(A.If, {"test": test, "body": body or [pass_()], "orelse": orelse or []})


def while_(test, body):
    """A loop, always as ``while True:`` with the test as ``if not test: break`` first.

    CPython 3.11 warms a code object up for specialization only on RESUME and on the
    unconditional JUMP_BACKWARD; ``while test:`` jumps back with POP_JUMP_BACKWARD_IF_*,
    so a function called once (a script's main loop) would never be specialized and runs
    several times slower.  ``continue`` still re-evaluates the test first."""
    body = body or [pass_()]
    if not (type(test) is _Constant and test.value is True):
        body = [if_(not_(test), [break_()])] + body
        test = const(True)
    return _node(A.While, {"test": test, "body": body, "orelse": []})


def ret(v=None):
    return _node(A.Return, {"value": v})


def raise_(e):
    return _node(A.Raise, {"exc": e, "cause": None})


def try_(body, handlers, orelse=None, final=None):
    return _node(A.Try, {"body": body or [pass_()], "handlers": handlers,
                         "orelse": orelse or [], "finalbody": final or []})


def handler(typ, nm, body):
    return _node(A.ExceptHandler, {"type": typ, "name": nm, "body": body or [pass_()]})


def _arg(p):
    return _node(A.arg, {"arg": p, "annotation": None, "type_comment": None})


def funcdef(fname, params, body, vararg=None, defaults=(), kwonly=(), kw_defaults=()):
    args = A.arguments([], [_arg(p) for p in params], _arg(vararg) if vararg else None,
                       [_arg(k) for k in kwonly], list(kw_defaults), None, list(defaults))
    return _node(A.FunctionDef, {"name": fname, "args": args, "body": body or [pass_()],
                                 "decorator_list": [], "returns": None, "type_comment": None})


def starred(v):
    return _node(A.Starred, {"value": v, "ctx": LOAD})
