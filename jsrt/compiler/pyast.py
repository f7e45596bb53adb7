"""Small constructors for Python AST nodes used by the code generator."""

import ast as A

LOAD = A.Load()
STORE = A.Store()


def name(n):
    return A.Name(id=n, ctx=LOAD)


def store(n):
    return A.Name(id=n, ctx=STORE)


def const(v):
    return A.Constant(value=v)


def call(f, *args, star=None):
    fn = name(f) if isinstance(f, str) else f
    a = list(args)
    return A.Call(func=fn, args=a, keywords=[])


def call_kw(f, args, kw):
    fn = name(f) if isinstance(f, str) else f
    return A.Call(func=fn, args=list(args), keywords=[A.keyword(arg=k, value=v) for k, v in kw])


def attr(obj, a):
    return A.Attribute(value=obj if not isinstance(obj, str) else name(obj), attr=a, ctx=LOAD)


def store_attr(obj, a):
    return A.Attribute(value=obj if not isinstance(obj, str) else name(obj), attr=a, ctx=STORE)


def assign(target, value):
    t = store(target) if isinstance(target, str) else target
    return A.Assign(targets=[t], value=value)


def walrus(target, value):
    return A.NamedExpr(target=store(target), value=value)


def expr_stmt(e):
    return A.Expr(value=e)


def is_(a, b):
    return A.Compare(left=a, ops=[A.Is()], comparators=[b])


def is_not(a, b):
    return A.Compare(left=a, ops=[A.IsNot()], comparators=[b])


def eq(a, b):
    return A.Compare(left=a, ops=[A.Eq()], comparators=[b])


def cmp(a, op, b):
    return A.Compare(left=a, ops=[op], comparators=[b])


def and_(*vals):
    if len(vals) == 1:
        return vals[0]
    return A.BoolOp(op=A.And(), values=list(vals))


def or_(*vals):
    if len(vals) == 1:
        return vals[0]
    return A.BoolOp(op=A.Or(), values=list(vals))


def not_(v):
    return A.UnaryOp(op=A.Not(), operand=v)


def ifexp(test, body, orelse):
    return A.IfExp(test=test, body=body, orelse=orelse)


def binop(a, op, b):
    return A.BinOp(left=a, op=op, right=b)


def tuple_(*elts):
    return A.Tuple(elts=list(elts), ctx=LOAD)


def list_(elts):
    return A.List(elts=list(elts), ctx=LOAD)


def subscript(v, idx):
    return A.Subscript(value=v, slice=idx, ctx=LOAD)


def typeis(v, tname):
    """``type(v) is <tname>``"""
    return is_(call("type", v), name(tname))


def if_(test, body, orelse=None):
    return A.If(test=test, body=body or [A.Pass()], orelse=orelse or [])


def while_(test, body):
    """A loop, always as ``while True:`` with the test as ``if not test: break`` first.

    CPython 3.11 warms a code object up for specialization only on RESUME and on the
    unconditional JUMP_BACKWARD; ``while test:`` jumps back with POP_JUMP_BACKWARD_IF_*,
    so a function called once (a script's main loop) would never be specialized and runs
    several times slower.  ``continue`` still re-evaluates the test first."""
    body = body or [A.Pass()]
    if not (isinstance(test, A.Constant) and test.value is True):
        body = [A.If(test=A.UnaryOp(op=A.Not(), operand=test), body=[A.Break()], orelse=[])] + body
        test = A.Constant(value=True)
    return A.While(test=test, body=body, orelse=[])


def ret(v=None):
    return A.Return(value=v)


def raise_(e):
    return A.Raise(exc=e, cause=None)


def try_(body, handlers, orelse=None, final=None):
    return A.Try(body=body or [A.Pass()], handlers=handlers, orelse=orelse or [],
                 finalbody=final or [])


def handler(typ, nm, body):
    return A.ExceptHandler(type=typ, name=nm, body=body or [A.Pass()])


def funcdef(fname, params, body, vararg=None, defaults=(), kwonly=(), kw_defaults=()):
    args = A.arguments(posonlyargs=[], args=[A.arg(arg=p) for p in params],
                       vararg=A.arg(arg=vararg) if vararg else None,
                       kwonlyargs=[A.arg(arg=k) for k in kwonly],
                       kw_defaults=list(kw_defaults), kwarg=None, defaults=list(defaults))
    return A.FunctionDef(name=fname, args=args, body=body or [A.Pass()], decorator_list=[],
                         returns=None, type_comment=None)


def starred(v):
    return A.Starred(value=v, ctx=LOAD)


_NO_LOCATION = (A.expr_context, A.boolop, A.operator, A.unaryop, A.cmpop)
_has_loc = {}


def fix_locations(root, rename=None, used=None):
    """Give every node without a source position its parent's (what
    ``ast.fix_missing_locations`` does, faster: the generated AST of a large library has
    hundreds of thousands of nodes).  In the same pass, a loaded name found in ``rename``
    is renamed to its value there and its old name added to the set ``used``."""
    AST = A.AST
    Name = A.Name
    has_loc = _has_loc
    stack = [(root, 1, 0, 1, 0)]
    pop = stack.pop
    push = stack.append
    while stack:
        node, ln, co, eln, eco = pop()
        t = type(node)
        h = has_loc.get(t)
        if h is None:
            h = has_loc[t] = "lineno" in t._attributes
        d = node.__dict__
        if t is Name and rename is not None:
            r = rename.get(d["id"])
            if r is not None:
                used.add(d["id"])
                node.id = r
        if h:
            if "lineno" in d:
                ln = d["lineno"]
            else:
                node.lineno = ln
            if "col_offset" in d:
                co = d["col_offset"]
            else:
                node.col_offset = co
            e = d.get("end_lineno")
            if e is None:
                node.end_lineno = eln
            else:
                eln = e
            e = d.get("end_col_offset")
            if e is None:
                node.end_col_offset = eco
            else:
                eco = e
        for v in d.values():
            if type(v) is list:
                for x in v:
                    if isinstance(x, AST) and not isinstance(x, _NO_LOCATION):
                        push((x, ln, co, eln, eco))
            elif isinstance(v, AST) and not isinstance(v, _NO_LOCATION):
                push((v, ln, co, eln, eco))
