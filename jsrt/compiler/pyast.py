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


#: fields that never hold a node fix_locations must visit: operators and expression
#: contexts (shared singletons), names, flags and other plain values
_NOT_NODE_FIELDS = frozenset(("ctx", "op", "ops", "id", "attr", "name", "arg", "kind",
                              "type_comment", "conversion", "is_async", "level", "module",
                              "simple", "tag"))
#: AST class -> (has a source position, the fields that may hold nodes); None for a
#: value that is not a node
_NODE_INFO = {}


def _node_info(t):
    info = _NODE_INFO[t] = (("lineno" in t._attributes,
                             tuple(f for f in t._fields if f not in _NOT_NODE_FIELDS))
                            if issubclass(t, A.AST) else None)
    return info


def fix_locations(root, rename=None, used=None):
    """Give every node without a source position its parent's (what
    ``ast.fix_missing_locations`` does, faster: the generated AST of a large library has
    hundreds of thousands of nodes).  In the same pass, a name found in ``rename`` is
    renamed to its value there and its old name added to the set ``used``.

    The code generator sets the four position attributes of a node together, so a node
    has all of them or none.  A node is stamped when its parent is visited (names and
    constants, the leaves, are not pushed at all); a position is a dict merged into the
    node's ``__dict__``, shared by all the nodes that inherit it."""
    Name = A.Name
    Constant = A.Constant
    node_info = _NODE_INFO
    pos = {"lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 0}
    if (node_info.get(type(root)) or _node_info(type(root)))[0]:
        if "lineno" in root.__dict__:
            pos = None
        else:
            root.__dict__.update(pos)
    stack = [(root, pos)]
    pop = stack.pop
    push = stack.append
    while stack:
        node, pos = pop()
        d = node.__dict__
        if pos is None:
            pos = {"lineno": d["lineno"], "col_offset": d["col_offset"],
                   "end_lineno": d["end_lineno"], "end_col_offset": d["end_col_offset"]}
        for f in node_info[type(node)][1]:
            v = d.get(f)
            if v is None:
                continue
            for x in (v if type(v) is list else (v,)):
                t = type(x)
                if t is Name:
                    xd = x.__dict__
                    if "lineno" not in xd:
                        xd.update(pos)
                    if rename is not None:
                        n = xd["id"]
                        r = rename.get(n)
                        if r is not None:
                            used.add(n)
                            xd["id"] = r
                elif t is Constant:
                    xd = x.__dict__
                    if "lineno" not in xd:
                        xd.update(pos)
                else:
                    try:
                        info = node_info[t]
                    except KeyError:
                        info = _node_info(t)
                    if info is None:
                        continue
                    if not info[0]:
                        push((x, pos))
                    elif "lineno" in x.__dict__:
                        push((x, None))
                    else:
                        x.__dict__.update(pos)
                        push((x, pos))
