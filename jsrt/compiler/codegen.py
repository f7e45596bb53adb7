"""Code generation: ESTree -> Python AST -> Python code objects.

Each JS function becomes a Python ``def`` whose parameters are ``this`` and the
JS parameters; JS locals are Python locals, captured ones Python cells.  The
generated code calls runtime helpers (names starting with ``R_``) only where
its inline fast paths (float arithmetic, strict equality, JS-function calls)
do not apply.  See DESIGN.md, "The engine core".

Naming in generated code (disjoint by construction):
  ``<jsname>_<n>``  a JS binding (n unique per unit)
  ``_t<n>``         a temporary;  ``_F<n>`` the def of function meta n
  ``_I<n>``         a per-iteration loop frame; ``_C<n>`` a class builder
  ``R_*``           runtime helpers; ``_GO`` the global object
"""

import ast as A

from . import pyast as P
from .scope import (Analyzer, bound_names, FUNCTION_TYPES, LOOP_TYPES, number_typed,
                    integral_typed, nonneg_typed, push_children)

NUMBER_TYPES = (int, float)


def to_utf16(s):
    """A Python str of code points -> a str of UTF-16 code units."""
    if s.isascii():
        return s
    for ch in s:
        if ord(ch) > 0xFFFF:
            break
    else:
        return s
    b = s.encode("utf-16-le", "surrogatepass")
    return "".join(chr(b[i] | (b[i + 1] << 8)) for i in range(0, len(b), 2))


class CompileError(Exception):
    def __init__(self, message, node=None):
        Exception.__init__(self, message)
        self.node = node


def _sanitize(n):
    if n.isascii() and n.isidentifier():
        return n            # (what the loop below makes of it)
    out = []
    for ch in n:
        if ch == "$":
            out.append("S_")
        elif ch.isalnum() or ch == "_":
            out.append(ch)
        else:
            out.append("U%x_" % ord(ch))
    s = "".join(out)
    if not s or not (s[0].isalpha() or s[0] == "_"):
        s = "v" + s
    if not s.isidentifier():
        s = "v%x" % abs(hash(n))
    return s


class Ctx:
    """One Python function being generated.

    Temporaries are reused from statement to statement (fewer distinct locals make
    CPython's compile() faster): ``pool`` holds the temporaries handed out inside the
    JS statements of this function, ``top`` how many of them are in use (a stack:
    CodeGen.stmt gives back the ones its statement took), ``depth`` how many of its
    statements are being generated."""
    __slots__ = ("kind", "parent", "fi", "own", "assigned", "has_yield", "this_name",
                 "iter_bindings", "pool", "top", "depth")

    def __init__(self, kind, parent, fi):
        self.kind = kind            # func iter gen cls script
        self.parent = parent
        self.fi = fi
        self.own = set()
        self.assigned = set()
        self.has_yield = False
        self.this_name = "this"
        self.iter_bindings = ()
        self.pool = []
        self.top = 0
        self.depth = 0


class Jump:
    """A break/continue target (or a frame boundary) on the jump stack."""
    __slots__ = ("kind", "labels", "id", "exc_break", "exc_cont", "native_cont", "ctx",
                 "iter_names")

    def __init__(self, kind, labels, jid, ctx):
        self.kind = kind            # loop switch block iterfn func
        self.labels = labels
        self.id = jid
        self.exc_break = False
        self.exc_cont = False
        self.native_cont = False
        self.ctx = ctx
        self.iter_names = ()


# Function kinds in FuncMeta flags
FK_NORMAL = 0
FK_ARROW = 1
FK_METHOD = 2
FK_GET = 3
FK_SET = 4
FK_CLASS = 5
FK_DERIVED = 6
FLAG_STRICT = 16
FLAG_GEN = 32
FLAG_ASYNC = 64
FLAG_NT = 128
FLAG_CTORFN = 256   # constructor (normal non-strict/strict functions)


class CodeGen:
    def __init__(self, source, filename, unit_key, analyzer, kind="script"):
        self.source = source
        self.filename = filename
        self.unit_key = unit_key
        self.an = analyzer
        self.kind = kind
        self.counter = 0
        self.metas = []
        self.out = None
        self.ctx = None
        self.jumps = []
        self.pending_labels = []
        self.template_sites = 0
        self.cur_env = None        # Python name of the innermost reified Env, if any
        self.scope_env = {}        # id(scope) -> Python name of its Env
        self.kf_names = set()      # Python names of locals known to hold a float

    # -- utilities -----------------------------------------------------------
    def uid(self):
        self.counter += 1
        return self.counter

    def tmp(self, keep=False):
        """A temporary local for a value used within the current JS statement.

        Inside a statement it comes from the function's pool, and is given back when
        that statement ends (stmt): code must not read it after its statement, nor
        emit it where it runs outside the statement.  A temporary that a closure may
        capture (a home object) is taken with ``keep``; then, as outside any statement
        (prologues, loop frames' set-up), the name is never reused."""
        ctx = self.ctx
        if ctx.depth and not keep:
            i = ctx.top
            ctx.top = i + 1
            pool = ctx.pool
            if i < len(pool):
                return pool[i]
            self.counter += 1
            n = "_t%d" % self.counter
            pool.append(n)
        else:
            self.counter += 1
            n = "_t%d" % self.counter
        ctx.own.add(n)
        return n

    def emit(self, s):
        self.out.append(s)

    def at(self, js):
        """Give the nodes made from now on (pyast.POS) the source position of JS node
        ``js``, when it has one; returns the position before, for the caller to restore."""
        prev = P.POS
        loc = getattr(js, "loc", None)
        if loc is not None:
            a = loc.start
            b = loc.end
            P.POS = {"lineno": a.line, "col_offset": a.column, "end_lineno": b.line,
                     "end_col_offset": b.column if b.line != a.line or b.column >= a.column
                     else a.column}
        return prev

    def loc(self, py, js):
        loc = getattr(js, "loc", None)
        if loc is not None:
            py.lineno = loc.start.line
            py.col_offset = loc.start.column
            py.end_lineno = loc.end.line
            py.end_col_offset = loc.end.column if loc.end.line != loc.start.line or loc.end.column >= loc.start.column else loc.start.column
        return py

    def src(self, node):
        r = node.range
        return self.source[r[0]:r[1]]

    def pyname(self, b):
        if b.pyname is None:
            b.pyname = "%s_%d" % (_sanitize(b.name), self.uid())
        return b.pyname

    def num_node(self, node):
        """True when JS expression ``node`` can only evaluate to a Number (or throw)."""
        return number_typed(node, self.an.refs, self.an.num_bindings)

    def kf_ident(self, node):
        """True for an Identifier naming a local that always holds a float when read."""
        return node.type == "Identifier" and self.an.refs.get(id(node)) in self.an.num_bindings

    @staticmethod
    def may_write(node):
        """True when evaluating ``node`` might assign a local of this function (only
        assignment and update expressions can: the locals kf_ident() accepts are not
        captured by closures)."""
        todo = [(node, None)]
        while todo:
            x = todo.pop()[0]
            t = x.type
            if t in FUNCTION_TYPES:
                continue
            if t in ("AssignmentExpression", "UpdateExpression"):
                return True
            push_children(x, todo.append)
        return False

    def mark_assigned(self, n):
        self.ctx.assigned.add(n)

    def declare_own(self, n):
        self.ctx.own.add(n)

    # -- program ---------------------------------------------------------------
    def compile_program(self, prog):
        """The Python module of a script, module or eval code, and its declarations.

        Runs holding pyast.LOCK: the node constructors' state (the current position,
        the runtime names to rename) is this generator's while it runs."""
        with P.LOCK:
            saved = (P.POS, P.RENAME, P.USED)
            if not _RENAMES:
                _RENAMES.append(_runtime_renames())
            P.POS = {"lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 0}
            P.RENAME = _RENAMES[0]
            P.USED = set()
            try:
                return self._compile_program(prog)
            finally:
                P.POS, P.RENAME, P.USED = saved

    def _compile_program(self, prog):
        fi = self.an.funcs[id(prog)]
        ctx = Ctx("script", None, fi)
        self.ctx = ctx
        body = []
        self.out = body
        self.jumps = [Jump("func", (), 0, ctx)]
        self.declare_own("this")
        self.declare_own("_cv")
        sc = self.an.scopes[id(prog)]
        params = ["this"]
        if self.kind == "module":
            return self.compile_module(prog, fi, sc, ctx, body)
        if self.kind == "eval":
            # eval code: a new declarative Env over the caller's (19.2.1.1 step 16-18)
            params.append("_env")
            self.declare_own("_env")
            self.declare_own("_e0")
            self.emit(P.assign("_e0", P.call("R_Env", P.name("_env"))))
            self.scope_env[id(sc)] = "_e0"
            self.cur_env = "_e0"
            for b in sc.bindings.values():
                if b.lexical or fi.strict:
                    if b.kind == "const":
                        self.emit(P.expr_stmt(P.call(P.attr(P.name("_e0"), "declare_const"),
                                                     P.const(b.name))))
                    self.emit(P.expr_stmt(P.call("R_dinit", P.name("_e0"), P.const(b.name),
                                                 P.name("R_TDZ" if b.lexical else "R_undef"))))
        # GlobalDeclarationInstantiation (16.1.7) is done by the runtime from the
        # declaration lists; function objects are created here.
        self.emit(P.assign("_cv", P.name("R_undef")))
        self.hoist_functions(fi, sc, global_level=True)
        self.block_body(prog.body, sc, top=True)
        self.emit(P.ret(P.name("_cv")))
        fdef = P.funcdef("__script__", params, body)
        mod = A.Module(body=[fdef], type_ignores=[])
        localize_runtime_names(fdef, mod)
        var_names = [n for n in fi.var_names]
        lex = [(b.name, b.kind) for b in sc.bindings.values() if b.lexical]
        funcs = [s.id.name for s in fi.hoisted]
        return mod, var_names, lex, funcs

    def compile_module(self, prog, fi, sc, ctx, body):
        """A module: ``__script__(this, _env, _phase)``; phase 0 creates the hoisted
        functions (InitializeEnvironment, 16.2.1.6.4), phase 1 runs the body."""
        self.declare_own("_e0")
        self.declare_own("_env")
        self.declare_own("_phase")
        self.emit(P.assign("_e0", P.name("_env")))
        self.scope_env[id(sc)] = "_e0"
        self.cur_env = "_e0"
        init = []
        saved = self.out
        self.out = init
        for s in fi.hoisted:
            f = self.function(s, name_hint=s.id.name if s.id is not None else "default")
            bname = s.id.name if s.id is not None else "*default*"
            self.emit(P.expr_stmt(P.call("R_dinit", P.name("_e0"), P.const(to_utf16(bname)), f)))
        init.append(P.ret(P.name("R_undef")))
        self.out = saved
        self.emit(P.if_(P.eq(P.name("_phase"), P.const(0)), init))
        for st in prog.body:
            self.stmt(st)
        self.emit(P.ret(P.name("R_undef")))
        fdef = P.funcdef("__script__", ["this", "_env", "_phase"], body)
        mod = A.Module(body=[fdef], type_ignores=[])
        localize_runtime_names(fdef, mod)
        var_names = list(fi.var_names)
        lex = [(b.name, b.kind) for b in sc.bindings.values()
               if b.lexical or b.kind in ("import",) or b.name == "*default*"]
        funcs = [s.id.name if s.id is not None else "*default*" for s in fi.hoisted]
        self.module_info = module_info(prog)
        return mod, var_names, lex, funcs

    def s_ImportDeclaration(self, s):
        pass

    def s_ExportAllDeclaration(self, s):
        pass

    def s_ExportNamedDeclaration(self, s):
        if s.declaration is not None:
            self.stmt(s.declaration)

    def s_ExportDefaultDeclaration(self, s):
        d = s.declaration
        if d.type == "FunctionDeclaration":
            return  # hoisted
        if d.type == "ClassDeclaration":
            if d.id is not None:
                self.stmt(d)
                return
            v = self.e_ClassExpression(d, name_hint="default")
        else:
            anon = d.type in ("FunctionExpression", "ArrowFunctionExpression", "ClassExpression") \
                and getattr(d, "id", None) is None
            v = self.expr(d, name_hint="default" if anon else None)
        self.emit(P.expr_stmt(P.call("R_dinit", P.name("_e0"), P.const("*default*"), v)))

    def global_binding(self, b):
        """True if binding b lives in the global environment (script top level)."""
        return b is not None and b.scope.kind == "script" and self.kind == "script"

    # -- functions ---------------------------------------------------------------
    def hoist_functions(self, fi, scope, global_level=False):
        for s in fi.hoisted:
            fexpr = self.function(s, name_hint=s.id.name)
            b = scope.bindings[s.id.name]
            self.assign_binding(b, fexpr, s, init=True)

    def function(self, node, name_hint=None, kind=None, home=None, class_ctx=None,
                 src_start=None, src_end=None):
        """Compile a function node; emit its def; return the JSFunction-creating expr.
        ``src_start`` / ``src_end`` delimit its source text when that is not the node's
        (a method's text starts at its key: ``get [k]() {}``; a class constructor's is
        the whole class)."""
        fi = self.an.funcs[id(node)]
        idx = len(self.metas)
        fname = "_F%d" % idx
        self.metas.append(None)
        parent_ctx = self.ctx
        env_saved = self.cur_env
        fname_env = None
        fsc0 = self.an.scopes.get(("fname", id(node)))
        if fsc0 is not None and self.scope_is_dynamic(fsc0):
            # the named function expression's own name lives in its own Env
            fname_env = "_e%d" % self.uid()
            self.declare_own(fname_env)
            self.emit(P.assign(fname_env, P.call("R_Env", self.env_expr())))
            self.scope_env[id(fsc0)] = fname_env
            self.cur_env = fname_env
        def_env = self.cur_env
        ctx = Ctx("func", parent_ctx, fi)
        saved = (self.out, self.ctx, self.jumps, self.at(node))
        self.ctx = ctx
        self.jumps = [Jump("func", (), 0, ctx)]
        body = []
        self.out = body
        params = []
        defaults = []
        vararg = None
        kwonly = []
        kwdef = []
        if fi.is_arrow:
            this_param = "_this%d" % self.uid()
        else:
            this_param = "this"
        params.append(this_param)
        ctx.own.add(this_param)
        sc = fi.scope
        for b in sc.bindings.values():
            ctx.own.add(self.pyname(b))
        names = [p.name for p in node.params if p.type == "Identifier"]
        dup = len(set(names)) != len(names)
        positional = (fi.simple_params and not fi.uses_args and not dup and not fi.dynamic)
        pnodes = node.params
        if positional:
            for p in pnodes:
                b = sc.bindings[p.name]
                pn = self.pyname(b)
                params.append(pn)
                defaults.append(P.name("R_undef"))
                ctx.own.add(pn)
            vararg = "_rest"
        else:
            vararg = "_args"
        ctx.own.add(vararg)
        if fi.uses_nt or fi.is_derived or fi.is_ctor:
            kwonly.append("_nt")
            kwdef.append(P.name("R_undef"))
            ctx.own.add("_nt")
        if fi.is_derived:
            # the this binding of a derived constructor lives in a box that [[Construct]]
            # reads after the body (and its finally blocks) completed (10.2.2 step 10)
            kwonly.append("_tb")
            kwdef.append(P.const(None))
            ctx.own.add("_tb")
        is_gen = fi.is_gen or fi.is_async
        # --- a reified Env for functions that direct eval / with can observe
        if fi.dynamic:
            en = "_e%d" % self.uid()
            ctx.own.add(en)
            self.emit(P.assign(en, P.call("R_Env", P.name(def_env) if def_env else P.name("R_null_env"),
                                          P.const(True))))
            self.scope_env[id(sc)] = en
            self.cur_env = en
            for b in sc.bindings.values():
                if b.kind == "const":
                    self.emit(P.expr_stmt(P.call(P.attr(P.name(en), "declare_const"), P.const(b.name))))
                if b.lexical:
                    self.emit(P.expr_stmt(P.call("R_dinit", P.name(en), P.const(b.name), P.name("R_TDZ"))))
        # --- prologue: this, arguments, params
        if fi.is_derived:
            pass
        elif fi.uses_this and not fi.strict and not fi.is_arrow:
            # OrdinaryCallBindThis (10.2.1.2): the common case (an object) costs one check
            self.emit(P.if_(P.is_not(P.call("type", P.name("this")), P.name("R_JSObject")),
                            [P.assign("this", P.call("R_sloppythis", P.name("this"), P.name("_GO")))]))
        # sloppy arguments.callee: the JSFunction, kept in a cell of the defining frame
        self_name = "_self%d" % idx
        if fi.uses_args and fi.args_binding is not None:
            ab = fi.args_binding
            an = self.pyname(ab)
            ctx.own.add(an)
            mapped = (not fi.strict and fi.simple_params and fi.assigns_params)
            if fi.dynamic and not fi.strict and fi.simple_params and pnodes:
                mapped = False
                argsexpr = P.call("R_mkargs_env", P.name(vararg),
                                  P.const(tuple(to_utf16(p.name) for p in pnodes)),
                                  P.name(self.cur_env))
            elif mapped:
                # getters/setters aliasing parameters
                getters = []
                setters = []
                seen = set()
                for i, p in enumerate(pnodes):
                    pb = sc.bindings[p.name]
                    pn = self.pyname(pb)
                    if p.name in seen:
                        continue
                    seen.add(p.name)
                gfn = "_ag%d" % self.uid()
                sfn = "_as%d" % self.uid()
                ctx.own.update((gfn, sfn))
                # def _ag(i): return (a, b, c)[i]
                pn_list = []
                last = {}
                for i, p in enumerate(pnodes):
                    last[p.name] = i
                for i, p in enumerate(pnodes):
                    pn_list.append((i, self.pyname(sc.bindings[p.name]), last[p.name] == i))
                gbody = [P.ret(P.subscript(P.tuple_(*[P.name(pn) for _, pn, _ in pn_list]),
                                           P.name("i")))]
                self.emit(P.funcdef(gfn, ["i"], gbody))
                sbody = []
                for i, pn, ok in pn_list:
                    if ok:
                        sbody.append(P.if_(P.eq(P.name("i"), P.const(i)),
                                           [P.assign(pn, P.name("v"))]))
                all_pns = sorted({pn for _, pn, _ in pn_list})
                sdef = P.funcdef(sfn, ["i", "v"], ([P.mk.Nonlocal(names=all_pns)] if all_pns else []) + sbody)
                self.emit(sdef)
                argsexpr = P.call("R_mkargs_mapped", P.name(vararg), P.const(len(pnodes)),
                                  P.name(gfn), P.name(sfn), P.name(self_name))
            elif not (fi.dynamic and not fi.strict and fi.simple_params and pnodes):
                argsexpr = P.call("R_mkargs", P.name(vararg), P.const(fi.strict),
                                  P.const(None) if fi.strict else P.name(self_name))
            # parameters must be bound before mapping; bind them first
        if not positional:
            # bind parameters from _args
            if fi.simple_params:
                for i, p in enumerate(pnodes):
                    b = sc.bindings[p.name]
                    pn = self.pyname(b)
                    ctx.own.add(pn)
                    self.assign_binding(b, P.ifexp(
                        P.cmp(P.call("len", P.name(vararg)), A.Gt(), P.const(i)),
                        P.subscript(P.name(vararg), P.const(i)), P.name("R_undef")), p, init=True)
                if fi.uses_args and fi.args_binding is not None:
                    self.assign_binding(fi.args_binding, argsexpr, node, init=True)
            else:
                if fi.uses_args and fi.args_binding is not None:
                    self.assign_binding(fi.args_binding, argsexpr, node, init=True)
                # Non-simple parameters: TDZ for later params, then bind in order.
                for p in pnodes:
                    for ident in bound_names(p, []):
                        b = sc.bindings[ident.name]
                        pn = self.pyname(b)
                        ctx.own.add(pn)
                for i, p in enumerate(pnodes):
                    if p.type == "RestElement":
                        val = P.call("R_mkarr", P.mk.Subscript(
                            value=P.name(vararg), slice=P.mk.Slice(lower=P.const(i), upper=None, step=None),
                            ctx=P.LOAD))
                        self.bind_pattern(p.argument, val, init=True, node=p)
                    else:
                        val = P.ifexp(P.cmp(P.call("len", P.name(vararg)), A.Gt(), P.const(i)),
                                      P.subscript(P.name(vararg), P.const(i)), P.name("R_undef"))
                        self.bind_pattern(p, val, init=True, node=p)
        elif fi.uses_args and fi.args_binding is not None:
            self.assign_binding(fi.args_binding, argsexpr, node, init=True)
        # vars
        for n in fi.var_names:
            b = sc.bindings[n]
            if b.kind in ("param",):
                continue
            if n in fi.param_names:
                continue
            if b.kind == "function":
                continue
            pn = self.pyname(b)
            ctx.own.add(pn)
            if fi.dynamic:
                self.assign_binding(b, P.name("R_undef"), node, init=True)
            else:
                self.emit(P.assign(pn, P.name("R_undef")))
        # functions named like a param or var still need the var declared own
        self.hoist_functions(fi, sc)
        # lexical declarations of the body
        if node.body.type == "BlockStatement":
            inner = None
            if is_gen:
                inner = self._gen_inner(fi, node, sc)
            else:
                self.block_body(node.body.body, sc, top=True)
        else:
            if is_gen:
                inner = self._gen_inner(fi, node, sc)
            else:
                pos = self.at(node.body)
                self.emit(P.ret(self.expr(node.body)))
                P.POS = pos
        if is_gen:
            self.emit(P.ret(P.name(inner)))
        elif not body or not isinstance(body[-1], A.Return):
            self.emit(P.ret(P.name("R_undef")))     # falling off the end returns undefined
        fdef = P.funcdef(fname, params, self._nonlocals(ctx) + body, vararg=vararg,
                         defaults=defaults, kwonly=kwonly, kw_defaults=kwdef)
        self.out, self.ctx, self.jumps, P.POS = saved
        self.cur_env = env_saved
        self.emit(fdef)
        self.ctx.own.add(fname)
        # meta
        nparams = 0
        for p in node.params:
            if p.type in ("AssignmentPattern", "RestElement"):
                break
            nparams += 1
        kindcode = {"function": FK_NORMAL, "arrow": FK_ARROW, "method": FK_METHOD,
                    "get": FK_GET, "set": FK_SET}.get(fi.kind, FK_NORMAL)
        if fi.kind == "ctor":
            kindcode = FK_DERIVED if fi.is_derived else FK_CLASS
        flags = kindcode
        if fi.strict:
            flags |= FLAG_STRICT
        if fi.is_gen:
            flags |= FLAG_GEN
        if fi.is_async:
            flags |= FLAG_ASYNC
        if fi.uses_nt or fi.is_derived or fi.is_ctor:
            flags |= FLAG_NT
        if fi.kind == "function" and not fi.is_gen and not fi.is_async:
            flags |= FLAG_CTORFN
        fname_js = name_hint
        if node.type == "FunctionExpression" and node.id is not None and kind is None:
            fname_js = node.id.name
        elif node.type == "FunctionDeclaration" and node.id is not None:
            fname_js = node.id.name
        r = node.range
        meta = (to_utf16(fname_js) if fname_js is not None else None, nparams, flags,
                r[0] if src_start is None else src_start, r[1] if src_end is None else src_end,
                self.unit_key, idx)
        self.metas[idx] = meta
        fexpr = P.call("R_mkfunc", P.name(fname), P.const(meta))
        if fi.uses_args and not fi.strict and not fi.is_arrow:
            self.ctx.own.add(self_name)
            self.mark_assigned(self_name)
            fexpr = P.walrus(self_name, fexpr)
        # named function expression: its own name binding
        fsc = self.an.scopes.get(("fname", id(node)))
        if fname_env is not None:
            fexpr = P.call("R_fname_bind", P.name(fname_env), P.const(to_utf16(node.id.name)), fexpr)
        elif fsc is not None:
            b = fsc.bindings[node.id.name]
            if b.captured or True:
                pn = self.pyname(b)
                # bind the name around: (pn := R_mkfunc(...)); closures read pn
                self.ctx.own.add(pn)
                self.mark_assigned(pn)
                fexpr = P.walrus(pn, fexpr)
        return fexpr

    def _gen_inner(self, fi, node, sc):
        """Generator/async body as an inner Python generator function."""
        gname = "_G%d" % self.uid()
        outer_ctx = self.ctx
        ctx = Ctx("gen", outer_ctx, fi)
        saved = (self.out, self.ctx, self.jumps)
        body = []
        self.out = body
        self.ctx = ctx
        self.jumps = [Jump("func", (), 0, ctx)]
        if node.body.type == "BlockStatement":
            self.block_body(node.body.body, sc, top=True, lex_only=True)
        else:
            v = self.expr(node.body)
            self.emit(P.ret(v))
        # guarantee it is a generator
        body.append(P.if_(P.const(False), [P.expr_stmt(P.mk.Yield(value=None))]))
        fdef = P.funcdef(gname, [], self._nonlocals(ctx) + body)
        self.loc(fdef, node)
        self.out, self.ctx, self.jumps = saved
        self.emit(fdef)
        outer_ctx.own.add(gname)
        return gname

    def _nonlocals(self, ctx):
        names = sorted(n for n in ctx.assigned if n not in ctx.own)
        if ctx.kind == "script":
            return []
        # propagate "assigned" upward so intermediate frames see the cell
        p = ctx.parent
        return [P.mk.Nonlocal(names=names)] if names else []

    # -- blocks ------------------------------------------------------------------
    def block_body(self, stmts, scope, top=False, lex_only=False):
        self.enter_scope(scope, top)
        for s in stmts:
            self.stmt(s)

    def scope_is_dynamic(self, scope):
        f = scope.func
        return scope.kind in ("eval", "module") or (f.dynamic and not f.is_script)

    def dyn_binding(self, b):
        """True when binding b lives in a reified Env (not a Python local)."""
        return b is not None and self.scope_is_dynamic(b.scope)

    def enter_scope(self, scope, top=False):
        """Initialise the bindings of a scope (Env, TDZ markers, block functions).

        Returns the previous current Env name, for the caller to restore."""
        prev = self.cur_env
        if self.scope_is_dynamic(scope) and id(scope) not in self.scope_env:
            if scope.bindings:
                en = "_e%d" % self.uid()
                self.declare_own(en)
                self.emit(P.assign(en, P.call("R_Env", P.name(self.cur_env) if self.cur_env else P.name("R_null_env"))))
                self.scope_env[id(scope)] = en
                self.cur_env = en
                for b in scope.bindings.values():
                    if b.kind == "const":
                        self.emit(P.expr_stmt(P.call(P.attr(P.name(en), "declare_const"),
                                                     P.const(b.name))))
                    if b.lexical or b.kind in ("catch", "blockfn"):
                        self.emit(P.expr_stmt(P.call("R_dinit", P.name(en), P.const(b.name),
                                                     P.name("R_TDZ" if b.lexical else "R_undef"))))
        elif id(scope) in self.scope_env:
            self.cur_env = self.scope_env[id(scope)]
        for b in scope.bindings.values():
            if not self.global_binding(b) and not self.dyn_binding(b):
                self.declare_own(self.pyname(b))
        for b in scope.bindings.values():
            if b.lexical and b.tdz and not self.dyn_binding(b):
                self.init_tdz(b)
        # block-level function declarations are hoisted to the top of the block
        if not top or scope.kind not in ("function", "script"):
            node = scope.node
            stmts = None
            if node is not None:
                if node.type == "BlockStatement":
                    stmts = node.body
                elif node.type == "SwitchStatement":
                    stmts = [x for c in node.cases for x in c.consequent]
                elif node.type == "FunctionDeclaration":
                    stmts = [node]
            if stmts:
                for s in stmts:
                    if s.type == "FunctionDeclaration":
                        b = scope.bindings.get(s.id.name)
                        if b is not None and b.kind == "blockfn":
                            f = self.function(s, name_hint=s.id.name)
                            self.assign_binding(b, f, s, init=True)
        return prev

    def init_tdz(self, b):
        if self.global_binding(b):
            return  # the runtime creates global lexical bindings in TDZ
        pn = self.pyname(b)
        self.declare_own(pn)
        self.emit(P.assign(pn, P.name("R_TDZ")))

    # -- statements ------------------------------------------------------------
    def stmt(self, s):
        m = getattr(self, "s_" + s.type, None)
        if m is None:
            raise CompileError("unsupported statement %s" % s.type, s)
        ctx = self.ctx
        mark = ctx.top
        ctx.depth += 1
        pos = self.at(s)
        m(s)
        P.POS = pos
        ctx.depth -= 1
        ctx.top = mark

    def s_EmptyStatement(self, s):
        pass

    def s_DebuggerStatement(self, s):
        pass

    def s_ExpressionStatement(self, s):
        e = s.expression
        if self.ctx.kind == "script" or self.ctx.fi.is_script:
            if self.kind in ("script", "eval"):
                v = self.expr(e)
                self.mark_assigned("_cv")
                st = P.assign("_cv", v)
                self.loc(st, s)
                self.emit(st)
                return
        st = self.expr_statement(e)
        if st is not None:
            self.loc(st, s)
            self.emit(st)

    def set_cv_undefined(self):
        if self.ctx.fi.is_script and self.kind in ("script", "eval"):
            self.mark_assigned("_cv")
            self.emit(P.assign("_cv", P.name("R_undef")))

    def expr_statement(self, e):
        """An expression whose value is discarded: plain assignments become statements."""
        t = e.type
        if t == "AssignmentExpression" and e.operator == "=" and e.left.type == "Identifier":
            b = self.an.refs.get(id(e.left))
            if b is not None and not self.global_binding(b) and not self.is_dyn_ref(e.left) \
                    and not self.dyn_binding(b):
                v = self.expr_first(e.right, name_hint=e.left.name)
            else:
                v = self.expr(e.right, name_hint=e.left.name)
            return self.assign_ident(e.left, v, as_stmt=True)
        if t == "UpdateExpression" and e.argument.type == "Identifier":
            return self.update_ident(e, as_stmt=True)
        if t == "AssignmentExpression" and e.operator == "+=" and e.left.type == "Identifier" \
                and self.concat_in_place_stmt(e):
            return None
        if t == "UpdateExpression" and e.argument.type == "MemberExpression" and \
                not e.argument.computed and e.argument.object.type != "Super":
            self.member_update_stmt(e)
            return None
        if t == "AssignmentExpression" and e.operator == "=" and e.left.type == "MemberExpression" \
                and not e.left.computed and e.left.object.type != "Super":
            self.member_put_stmt(e.left, e.right)
            return None
        if t == "AssignmentExpression" and e.operator == "=" and e.left.type == "MemberExpression" \
                and e.left.computed and e.left.object.type != "Super" and not (
                    e.left.property.type == "Literal" and isinstance(e.left.property.value, str)):
            self.dense_store_stmt(e.left, e.right)
            return None
        if t == "SequenceExpression":
            for x in e.expressions:
                pos = self.at(x)
                st = self.expr_statement(x)
                if st is not None:
                    self.emit(st)
                P.POS = pos
            return None
        return P.expr_stmt(self.expr(e))

    def method_start(self, m):
        """Where a class element's MethodDefinition text starts: after ``static`` and
        the whitespace and comments that follow it."""
        i = m.range[0]
        if m.static and self.source.startswith("static", i):
            from ..parser import skip_space
            return skip_space(self.source, i + 6)
        return i

    def concat_in_place_stmt(self, e):
        """``s += e;`` for a plain local ``s``: emits ``s = s + r`` as its own statement
        when both are strings, the form CPython appends to in place (its BINARY_OP
        followed by a STORE_FAST to the left operand), so building a string piece by
        piece is linear.  The right side runs first, which is only correct when it can
        assign no local (``may_write``) and nothing else can see ``s`` (not captured,
        no TDZ, no eval).  Returns False (emitting nothing) when the form does not apply."""
        ident = e.left
        b = self.an.refs.get(id(ident))
        if b is None or self.global_binding(b) or self.is_dyn_ref(ident) or self.dyn_binding(b) \
                or b.captured or b.tdz or b.kind not in ("var", "let", "param") \
                or b in self.an.num_bindings or self.may_write(e.right):
            return False
        cur = self.read_binding(b, ident)
        if not isinstance(cur, A.Name):
            return False
        r = self.tmp()
        self.emit(P.assign(r, self.expr(e.right)))
        rv = P.name(r)
        both_str = P.and_(P.typeis(rv, "str"), P.typeis(cur, "str"))
        saved = self.out
        fast, slow = [], []
        self.out = fast
        self.assign_binding(b, P.binop(cur, A.Add(), rv), ident, ident=ident)
        self.out = slow
        general = P.ifexp(P.and_(P.typeis(cur, "float"), P.typeis(rv, "float")),
                          P.binop(cur, A.Add(), rv), P.call("R_add", cur, rv))
        self.assign_binding(b, general, ident, ident=ident)
        self.out = saved
        self.emit(P.if_(both_str, fast, slow))
        return True

    def s_BlockStatement(self, s):
        sc = self.an.scopes.get(id(s))
        prev = self.enter_scope(sc)
        for x in s.body:
            self.stmt(x)
        self.cur_env = prev

    def s_VariableDeclaration(self, s):
        for d in s.declarations:
            if d.init is None:
                if s.kind == "var":
                    continue
                if d.id.type == "Identifier":
                    b = self.an.refs.get(id(d.id))
                    self.assign_binding(b, P.name("R_undef"), d.id, init=True, ident=d.id)
                continue
            hint = d.id.name if d.id.type == "Identifier" else None
            pos = self.at(d)
            v = self.expr_first(d.init, name_hint=hint)
            self.bind_pattern(d.id, v, init=s.kind != "var", node=d)
            P.POS = pos

    def s_FunctionDeclaration(self, s):
        # Hoisted; Annex B.3.3 copies a sloppy block function to its var binding here.
        fi = self.ctx.fi
        outer = self.an.funcs.get(id(s))
        b_block = None
        sc = None
        for j in range(1):
            pass
        # find the block binding and a var binding of the same name
        b = None
        scope = self._scope_of_decl(s)
        if scope is not None and scope.kind not in ("function", "script", "eval"):
            b = scope.bindings.get(s.id.name)
            if b is not None and b.kind == "blockfn" and not outer.parent.strict:
                vb = self._annexb_var(scope, s.id.name)
                if vb is not None:
                    self.assign_binding(vb, self.read_binding(b, s.id), s, init=True)

    def _scope_of_decl(self, s):
        # The scope in which the declaration's name is bound
        return getattr(self, "_cur_scope_map", {}).get(id(s))

    def _annexb_var(self, scope, name):
        sc = scope.parent
        while sc is not None:
            b = sc.bindings.get(name)
            if b is not None:
                if sc.kind in ("function", "script", "eval") and b.kind in ("var", "function"):
                    return b
                if b.lexical or b.kind in ("blockfn", "catch", "param"):
                    if sc.kind in ("function", "script", "eval") and b.kind == "param":
                        return None
                    return None
            if sc.kind in ("function", "script", "eval"):
                return None
            sc = sc.parent
        return None

    def s_ClassDeclaration(self, s):
        v = self.klass(s)
        b = self.an.scopes[id(s)].parent.bindings.get(s.id.name) if False else None
        # the outer binding: resolve through the enclosing scope
        b = self._outer_class_binding(s)
        self.assign_binding(b, v, s, init=True)

    def _outer_class_binding(self, s):
        sc = self.an.scopes[id(s)].parent
        while sc is not None:
            b = sc.bindings.get(s.id.name)
            if b is not None:
                return b
            sc = sc.parent
        return None

    def s_ReturnStatement(self, s):
        v = self.expr(s.argument) if s.argument is not None else P.name("R_undef")
        fi = self.ctx.fi
        self.emit_return(v)

    def _in_func_of(self, fi):
        return True

    def emit_return(self, v):
        # crossing per-iteration frames: return a signal
        for j in reversed(self.jumps):
            if j.kind == "iterfn":
                self.emit(P.ret(P.tuple_(P.const(2), v, *[P.name(n) for n in j.iter_names])))
                return
            if j.kind == "func":
                break
        self.emit(P.ret(v))

    def s_IfStatement(self, s):
        self.set_cv_undefined()
        v = self.dense_read_stmt(s.test)
        test = self.truthy(v, v) if v is not None else self.test(s.test)
        saved = self.out
        body = []
        self.out = body
        self.sub_stmt(s.consequent)
        orelse = []
        if s.alternate is not None:
            self.out = orelse
            self.sub_stmt(s.alternate)
        self.out = saved
        self.emit(P.if_(test, body, orelse))

    def sub_stmt(self, s):
        if s.type == "FunctionDeclaration":
            sc = self.an.scopes.get(id(s))
            self._cur_scope_map = getattr(self, "_cur_scope_map", {})
            self._cur_scope_map[id(s)] = sc
            prev = self.enter_scope(sc)
            self.stmt(s)
            self.cur_env = prev
        else:
            self.stmt(s)

    def s_ThrowStatement(self, s):
        v = self.expr(s.argument)
        r = P.raise_(P.call("R_JSThrow", v))
        self.emit(r)

    # -- labels and jumps ----------------------------------------------------------
    def s_LabeledStatement(self, s):
        labels = []
        node = s
        while node.type == "LabeledStatement":
            labels.append(node.label.name)
            node = node.body
        if node.type in ("ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement",
                         "DoWhileStatement"):
            self.pending_labels = labels
            self.stmt(node)
            return
        # labeled non-loop statement: a one-shot loop so that `break L` works
        j = Jump("block", tuple(labels), self.uid(), self.ctx)
        self.jumps.append(j)
        saved = self.out
        body = []
        self.out = body
        if node.type == "FunctionDeclaration":
            self.stmt(node)
        else:
            self.sub_stmt(node)
        self.out = saved
        self.jumps.pop()
        body.append(P.mk.Break())
        loop = P.while_(P.const(True), body)
        self.emit(self.wrap_break_exc(j, [loop]))

    def wrap_break_exc(self, j, stmts):
        if not j.exc_break:
            return stmts[0] if len(stmts) == 1 else P.mk.If(test=P.const(True), body=stmts, orelse=[])
        e = "_e%d" % self.uid()
        self.ctx.own.add(e)
        h = P.handler(P.name("R_Break"), e, [
            P.if_(P.cmp(P.attr(e, "label"), A.NotEq(), P.const(j.id)), [P.mk.Raise(exc=None, cause=None)])])
        return P.try_(stmts, [h])

    def _find_target(self, label, cont):
        for i in range(len(self.jumps) - 1, -1, -1):
            j = self.jumps[i]
            if j.kind == "func":
                break
            if label is not None:
                if label in j.labels:
                    return i, j
            else:
                if j.kind == "loop" or (j.kind == "switch" and not cont):
                    return i, j
        raise CompileError("Illegal %s statement" % ("continue" if cont else "break"))

    def s_BreakStatement(self, s):
        label = s.label.name if s.label is not None else None
        i, j = self._find_target(label, False)
        between = self.jumps[i + 1:]
        if any(x.kind == "iterfn" for x in between):
            # inside a per-iteration frame: return a break signal if the frame is the target loop's
            fr = [x for x in between if x.kind == "iterfn"]
            if len(fr) == 1 and fr[0].id == j.id and not any(
                    x.kind in ("loop", "switch", "block") for x in between):
                self.emit(P.ret(P.tuple_(P.const(1), P.name("R_undef"),
                                         *[P.name(n) for n in fr[0].iter_names])))
                return
            j.exc_break = True
            self.emit(P.raise_(P.call("R_Break", P.const(j.id))))
            return
        if any(x.kind in ("loop", "switch", "block") for x in between):
            j.exc_break = True
            self.emit(P.raise_(P.call("R_Break", P.const(j.id))))
            return
        self.emit(P.mk.Break())

    def s_ContinueStatement(self, s):
        label = s.label.name if s.label is not None else None
        i, j = self._find_target(label, True)
        if j.kind != "loop":
            raise CompileError("Illegal continue statement: '%s' does not denote an iteration statement" % label)
        between = self.jumps[i + 1:]
        fr = [x for x in between if x.kind == "iterfn"]
        if fr:
            if len(fr) == 1 and fr[0].id == j.id and not any(
                    x.kind in ("loop", "switch", "block") for x in between):
                self.emit(P.ret(P.tuple_(P.const(0), P.name("R_undef"),
                                         *[P.name(n) for n in fr[0].iter_names])))
                return
            j.exc_cont = True
            self.emit(P.raise_(P.call("R_Continue", P.const(j.id))))
            return
        if any(x.kind in ("loop", "switch", "block") for x in between):
            j.exc_cont = True
            self.emit(P.raise_(P.call("R_Continue", P.const(j.id))))
            return
        j.native_cont = True
        self.emit(P.mk.Continue())

    def wrap_cont_exc(self, j, body):
        if not j.exc_cont:
            return body
        e = "_e%d" % self.uid()
        self.ctx.own.add(e)
        h = P.handler(P.name("R_Continue"), e, [
            P.if_(P.cmp(P.attr(e, "label"), A.NotEq(), P.const(j.id)), [P.mk.Raise(exc=None, cause=None)])])
        return [P.try_(body, [h])]

    def take_labels(self):
        l = tuple(self.pending_labels)
        self.pending_labels = []
        return l

    # -- loops ---------------------------------------------------------------------
    def _loop_fresh(self, s):
        return id(s) in self.an.loops_fresh

    def s_WhileStatement(self, s):
        self.set_cv_undefined()
        labels = self.take_labels()
        j = Jump("loop", labels, self.uid(), self.ctx)
        if self._loop_fresh(s):
            test = self.test(s.test)
            body = self.iter_frame(j, s, lambda: self.sub_stmt(s.body), (), None)
            loop = P.while_(test, body)
            self.emit(self.wrap_break_exc(j, [loop]))
            return
        test = self.test(s.test)
        self.jumps.append(j)
        saved = self.out
        body = []
        self.out = body
        self.sub_stmt(s.body)
        self.out = saved
        self.jumps.pop()
        body = self.wrap_cont_exc(j, body)
        loop = P.while_(test, body)
        self.emit(self.wrap_break_exc(j, [loop]))

    def s_DoWhileStatement(self, s):
        self.set_cv_undefined()
        labels = self.take_labels()
        j = Jump("loop", labels, self.uid(), self.ctx)
        first = self.tmp()
        self.emit(P.assign(first, P.const(True)))
        saved = self.out
        tbody = []
        self.out = tbody
        test = self.test(s.test)
        self.out = saved
        for x in tbody:
            self.emit(x)
        if self._loop_fresh(s):
            body = self.iter_frame(j, s, lambda: self.sub_stmt(s.body), (), None)
        else:
            self.jumps.append(j)
            body = []
            self.out = body
            self.sub_stmt(s.body)
            self.out = saved
            self.jumps.pop()
            body = self.wrap_cont_exc(j, body)
        body = [P.assign(first, P.const(False))] + body
        loop = P.while_(P.or_(P.name(first), test), body)
        self.emit(self.wrap_break_exc(j, [loop]))

    def iter_frame(self, j, s, body_fn, bindings, param_setup):
        """Compile a loop body into a per-iteration Python frame (fresh closures).

        ``bindings`` are pynames passed in and returned (per-iteration copies).
        Returns the statements the enclosing loop runs each iteration."""
        fname = "_I%d" % self.uid()
        parent = self.ctx
        ctx = Ctx("iter", parent, parent.fi)
        saved = (self.out, self.ctx)
        self.ctx = ctx
        body = []
        self.out = body
        fj = Jump("iterfn", (), j.id, ctx)
        fj.iter_names = tuple(bindings)
        self.jumps.append(j)
        self.jumps.append(fj)
        params = list(bindings)
        for p in params:
            ctx.own.add(p)
        extra = []
        if param_setup is not None:
            extra = param_setup(ctx, params)
        body_fn()
        self.jumps.pop()
        self.jumps.pop()
        body.append(P.ret(P.tuple_(P.const(0), P.name("R_undef"), *[P.name(n) for n in bindings])))
        body = self.wrap_cont_exc(j, body)
        if j.exc_cont:
            body.append(P.ret(P.tuple_(P.const(0), P.name("R_undef"),
                                       *[P.name(n) for n in bindings])))
        # nonlocals: names assigned here that are not own
        fdef = P.funcdef(fname, params, self._nonlocals(ctx) + extra + body)
        self.loc(fdef, s)
        is_gen = ctx.has_yield
        self.out, self.ctx = saved
        # assigned names of the frame are also assigned from the parent's view
        for n in ctx.assigned:
            if n not in ctx.own:
                self.ctx.assigned.add(n)
        if is_gen:
            self.ctx.has_yield = True
        self.emit(fdef)
        self.ctx.own.add(fname)
        sig = self.tmp()
        val = self.tmp()
        call = P.call(fname, *[P.name(p) for p in bindings])
        if is_gen:
            call = P.mk.YieldFrom(value=call)
        targets = [P.store(sig), P.store(val)] + [P.store(b) for b in bindings]
        for b in bindings:
            self.mark_assigned(b)
        stmts = [P.mk.Assign(targets=[P.mk.Tuple(elts=targets, ctx=P.STORE)], value=call)]
        # 1 -> break, 2 -> return
        handle = [P.if_(P.eq(P.name(sig), P.const(1)), [P.mk.Break()],
                        [self._propagate_return(val)])]
        stmts.append(P.if_(P.name(sig), handle))
        return stmts

    def _propagate_return(self, val):
        for jj in reversed(self.jumps):
            if jj.kind == "iterfn":
                return P.ret(P.tuple_(P.const(2), P.name(val), *[P.name(n) for n in jj.iter_names]))
            if jj.kind == "func":
                break
        return P.ret(P.name(val))

    def _has_continue(self, body, labels):
        """Does ``body`` contain a continue that targets this loop (natively)?"""
        todo = [(body, False)]          # (node, inside an inner loop)
        while todo:
            n, in_loop = todo.pop()
            t = n.type
            if t in FUNCTION_TYPES or t in ("ClassDeclaration", "ClassExpression"):
                continue
            if t == "ContinueStatement":
                if n.label is None and not in_loop or \
                        n.label is not None and n.label.name in labels:
                    return True
                continue
            push_children(n, todo.append, in_loop or t in LOOP_TYPES)
        return False

    def s_ForStatement(self, s):
        self.set_cv_undefined()
        labels = self.take_labels()
        j = Jump("loop", labels, self.uid(), self.ctx)
        sc = self.an.scopes.get(id(s))
        env_before = self.cur_env
        if sc is not None:
            self.enter_scope(sc)
        init = s.init
        if init is not None:
            if init.type == "VariableDeclaration":
                self.stmt(init)
            else:
                pos = self.at(init)
                st = self.expr_statement(init)
                if st is not None:
                    self.emit(st)
                P.POS = pos
        if self._loop_fresh(s):
            names = []
            dyn_env = None
            if sc is not None:
                if id(sc) in self.scope_env:
                    # reified: copy the iteration Env (CreatePerIterationEnvironment)
                    dyn_env = self.scope_env[id(sc)]
                    names = [dyn_env]
                else:
                    names = [self.pyname(b) for b in sc.bindings.values()]
            first = self.tmp()
            self.emit(P.assign(first, P.const(True)))

            def body_fn():
                if dyn_env is not None:
                    self.emit(P.assign(dyn_env, P.call("R_env_copy", P.name(dyn_env))))
                if s.update is not None:
                    saved = self.out
                    ub = []
                    self.out = ub
                    st = self.expr_statement(s.update)
                    if st is not None:
                        ub.append(st)
                    self.out = saved
                    self.emit(P.if_(P.not_(P.name("_first")), ub))
                if s.test is not None:
                    t = self.test(s.test)
                    self.emit(P.if_(P.not_(t), [P.ret(P.tuple_(
                        P.const(1), P.name("R_undef"), P.name("_first"),
                        *[P.name(n) for n in names]))]))
                self.sub_stmt(s.body)

            stmts = self.iter_frame(j, s, body_fn, ["_first"] + names, None)
            # _first is passed in and returned; reset after each iteration
            stmts.insert(1, P.assign("_first", P.const(False)))
            self.ctx.own.add("_first")
            self.emit(P.assign("_first", P.const(True)))
            loop = P.while_(P.const(True), stmts)
            self.emit(self.wrap_break_exc(j, [loop]))
            self.cur_env = env_before
            return
        native_cont = self._has_continue(s.body, labels)
        # (taken before the body's statements: it stays live across them)
        first = self.tmp() if native_cont and s.update is not None else None
        saved = self.out
        self.jumps.append(j)
        body = []
        self.out = body
        self.sub_stmt(s.body)
        self.jumps.pop()
        body = self.wrap_cont_exc(j, body)
        upd = []
        if s.update is not None:
            self.out = upd
            pos = self.at(s.update)
            st = self.expr_statement(s.update)
            if st is not None:
                upd.append(st)
            P.POS = pos
        self.out = saved
        if native_cont and upd:
            self.emit(P.assign(first, P.const(True)))
            pre = [P.if_(P.name(first), [P.assign(first, P.const(False))], upd)]
            if s.test is not None:
                tb = []
                self.out = tb
                t = self.test(s.test)
                self.out = saved
                pre.extend(tb)
                pre.append(P.if_(P.not_(t), [P.mk.Break()]))
            loop = P.while_(P.const(True), pre + body)
        else:
            if s.test is not None:
                tb = []
                self.out = tb
                t = self.test(s.test)
                self.out = saved
                if tb:
                    # defs needed by the test: hoist them before the loop
                    for x in tb:
                        self.emit(x)
            else:
                t = P.const(True)
            loop = P.while_(t, body + upd)
        self.emit(self.wrap_break_exc(j, [loop]))
        self.cur_env = env_before

    def s_ForInStatement(self, s):
        self._for_each(s, "R_forin")

    def s_ForOfStatement(self, s):
        self._for_each(s, "R_iter")

    def _for_each(self, s, helper):
        self.set_cv_undefined()
        labels = self.take_labels()
        j = Jump("loop", labels, self.uid(), self.ctx)
        left = s.left
        # RHS (with a TDZ scope for lexical declarations)
        rsc = self.an.scopes.get(id(s.right))
        if rsc is not None:
            for b in rsc.bindings.values():
                pn = self.pyname(b)
                self.declare_own(pn)
                self.emit(P.assign(pn, P.name("R_TDZ")))
        right = self.expr(s.right)
        it = self.tmp()
        self.emit(P.assign(it, P.call(helper, right)))
        sc = self.an.scopes.get(id(s))
        v = self.tmp()

        def bind(val):
            if left.type == "VariableDeclaration":
                d = left.declarations[0]
                self.bind_pattern(d.id, val, init=left.kind != "var", node=d)
            else:
                self.bind_pattern(left, val, init=False, node=left, assign=True)

        if self._loop_fresh(s):
            def body_fn():
                prev = self.cur_env
                if sc is not None:
                    self.enter_scope(sc)
                bind(P.name("_v"))
                self.sub_stmt(s.body)
                self.cur_env = prev

            def setup(ctx, params):
                return []
            # the frame takes the value as its parameter
            fname_stmts = self.iter_frame(j, s, lambda: (self.ctx.own.add("_v"), body_fn()), ["_v"], None)
            # replace the call argument: pass the loop value as _v
            self.ctx.own.add("_v")
            body = [P.assign("_v", P.name(v))] + fname_stmts
        else:
            self.jumps.append(j)
            saved = self.out
            body = []
            self.out = body
            prev = self.cur_env
            if sc is not None:
                self.enter_scope(sc)
            bind(P.name(v))
            self.sub_stmt(s.body)
            self.cur_env = prev
            self.out = saved
            self.jumps.pop()
            body = self.wrap_cont_exc(j, body)
        self.declare_own(v)
        loop = P.mk.For(target=P.store(v), iter=P.name(it), body=body, orelse=[])
        if helper == "R_iter":
            # IteratorClose on abrupt exit (7.4.11): throw -> close ignoring errors;
            # break/return -> close and propagate its errors.
            h = P.handler(P.name("BaseException"), None, [
                P.expr_stmt(P.call(P.attr(it, "abort"))), P.mk.Raise(exc=None, cause=None)])
            fin = [P.expr_stmt(P.call(P.attr(it, "close")))]
            if self.in_gen():
                fin = [P.if_(P.call("R_notclosing"), fin)]
            tr = P.try_([loop], self.gen_exit_handlers() + [h], final=fin)
            self.emit(self.wrap_break_exc(j, [tr]))
        else:
            self.emit(self.wrap_break_exc(j, [loop]))

    # -- switch ----------------------------------------------------------------------
    def s_SwitchStatement(self, s):
        self.set_cv_undefined()
        labels = self.take_labels()
        d = self.tmp()
        self.emit(P.assign(d, self.expr(s.discriminant)))
        sc = self.an.scopes.get(id(s))
        m = self.tmp()
        cases = s.cases
        default_idx = len(cases)
        for i, c in enumerate(cases):
            if c.test is None:
                default_idx = i
        self.emit(P.assign(m, P.const(default_idx)))
        # case tests, lazily in order
        chain = None
        tail = None
        saved = self.out
        for i, c in enumerate(cases):
            if c.test is None:
                continue
            tb = []
            self.out = tb
            tv = self.expr(c.test)
            t = self.strict_eq_expr(P.name(d), tv, c.test)
            self.out = saved
            node = P.if_(t, [P.assign(m, P.const(i))])
            if chain is None:
                chain = tb + [node]
            else:
                tail.orelse = tb + [node]
            tail = node
        if chain:
            for x in chain:
                self.emit(x)
        j = Jump("switch", labels, self.uid(), self.ctx)
        self.jumps.append(j)
        body = []
        self.out = body
        prev_env = self.cur_env
        if sc is not None:
            self.enter_scope(sc)
        for i, c in enumerate(cases):
            cb = []
            self.out = cb
            for x in c.consequent:
                self.stmt(x)
            self.out = body
            if cb:
                body.append(P.if_(P.cmp(P.name(m), A.LtE(), P.const(i)), cb))
        body.append(P.mk.Break())
        self.cur_env = prev_env
        self.out = saved
        self.jumps.pop()
        loop = P.while_(P.const(True), body)
        self.emit(self.wrap_break_exc(j, [loop]))

    # -- try ---------------------------------------------------------------------------
    def s_TryStatement(self, s):
        self.set_cv_undefined()
        saved = self.out
        body = []
        self.out = body
        self.stmt(s.block)
        handlers = []
        if s.handler is not None:
            h = s.handler
            e = "_e%d" % self.uid()
            self.ctx.own.add(e)
            hb = []
            self.out = hb
            sc = self.an.scopes.get(id(h))
            prev_env = self.cur_env
            if sc is not None:
                self.enter_scope(sc)
            pos = self.at(h.param if h.param is not None else h)
            if h.param is not None:
                val = P.call("R_catchval", P.name(e))
                self.bind_pattern(h.param, val, init=True, node=h.param)
            else:
                self.emit(P.expr_stmt(P.call("R_catchval", P.name(e))))
            P.POS = pos
            self.stmt(h.body)
            self.cur_env = prev_env
            handlers.append(P.handler(P.name("R_CATCHABLE"), e, hb))
        final = None
        if s.finalizer is not None:
            final = []
            self.out = final
            # the completion value of finally does not override
            cvsave = None
            if self.ctx.fi.is_script and self.kind in ("script", "eval"):
                cvsave = self.tmp()
                self.emit(P.assign(cvsave, P.name("_cv")))
            self.stmt(s.finalizer)
            if cvsave is not None:
                self.mark_assigned("_cv")
                self.emit(P.assign("_cv", P.name(cvsave)))
            if self.in_gen():
                # an abandoned generator is closed by Python's GC: JS finally must not run
                final = [P.if_(P.call("R_notclosing"), final)]
        self.out = saved
        self.emit(P.try_(body, handlers, final=final))

    def in_gen(self):
        fi = self.ctx.fi
        return fi.is_gen or fi.is_async

    def gen_exit_handlers(self):
        if self.in_gen():
            return [P.handler(P.name("GeneratorExit"), None, [P.mk.Raise(exc=None, cause=None)])]
        return []

    # -- with ----------------------------------------------------------------------------
    def s_WithStatement(self, s):
        """The with statement (14.11): an object Env around the body."""
        self.set_cv_undefined()
        obj = self.expr(s.object)
        en = "_e%d" % self.uid()
        self.declare_own(en)
        self.emit(P.assign(en, P.call("R_WithEnv", obj,
                                      P.name(self.cur_env) if self.cur_env else P.name("R_null_env"))))
        prev = self.cur_env
        self.cur_env = en
        self.sub_stmt(s.body)
        self.cur_env = prev

    # -- classes -------------------------------------------------------------------------
    def klass(self, node, name_hint=None):
        """ClassDefinitionEvaluation (15.7.14) as an inline builder."""
        sc = self.an.scopes[id(node)]
        cname = node.id.name if node.id is not None else (name_hint or "")
        # inner binding of the class name
        inner = sc.bindings.get(node.id.name) if node.id is not None else None
        env_prev = self.cur_env
        class_env = None
        if self.scope_is_dynamic(sc) and inner is not None:
            class_env = "_e%d" % self.uid()
            self.declare_own(class_env)
            self.emit(P.assign(class_env, P.call("R_Env", self.env_expr())))
            self.emit(P.expr_stmt(P.call("R_dinit", P.name(class_env), P.const(inner.name),
                                         P.name("R_TDZ"))))
            self.emit(P.expr_stmt(P.call(P.attr(P.name(class_env), "declare_const"),
                                         P.const(inner.name))))
            self.scope_env[id(sc)] = class_env
            self.cur_env = class_env
        elif inner is not None:
            pn = self.pyname(inner)
            self.declare_own(pn)
            self.emit(P.assign(pn, P.name("R_TDZ")))
            inner.tdz = True
        sup = None
        if node.superClass is not None:
            sup = self.expr(node.superClass)
        ctor = None
        for m in node.body.body:
            if m.kind == "constructor":
                ctor = m
        # (closures capture them: see home_name)
        proto_t = self.tmp(keep=True)
        cls_t = self.tmp(keep=True)
        # home objects for methods: the prototype / the constructor (closure vars)
        if sup is not None:
            setup = P.call("R_class_heritage", sup)
        else:
            setup = P.call("R_class_heritage", P.name("R_NOHERITAGE"))
        parts = self.tmp()
        self.emit(P.assign(parts, setup))
        self.emit(P.assign(proto_t, P.call("R_mkobj_proto", P.subscript(P.name(parts), P.const(0)))))
        # constructor
        self._home_stack = getattr(self, "_home_stack", [])
        self._home_stack.append((proto_t, cls_t))
        if ctor is not None:
            fexpr = self.function(ctor.value, name_hint=cname, kind="ctor",
                                  src_start=node.range[0], src_end=node.range[1])
        else:
            fexpr = P.call("R_default_ctor", P.const(sup is not None), P.const(to_utf16(cname)),
                           P.const((node.range[0], node.range[1], self.unit_key)))
        self.emit(P.assign(cls_t, P.call("R_make_class", fexpr, P.name(proto_t),
                                         P.subscript(P.name(parts), P.const(1)))))
        for m in node.body.body:
            if m.kind == "constructor":
                continue
            target = P.name(cls_t) if m.static else P.name(proto_t)
            if m.computed:
                key = P.call("R_topk", self.expr(m.key))
            else:
                key = P.const(self.prop_key(m.key))
            keyt = self.tmp()
            self.emit(P.assign(keyt, key))
            self._home_stack[-1] = (cls_t if m.static else proto_t, cls_t)
            kindmap = {"method": "method", "get": "get", "set": "set"}
            f = self.function(m.value, name_hint=None, kind=kindmap[m.kind],
                              src_start=self.method_start(m))
            self.emit(P.expr_stmt(P.call("R_defmethod", target, P.name(keyt), f,
                                         P.const(m.kind), P.const(False))))
        self._home_stack.pop()
        if class_env is not None:
            self.emit(P.expr_stmt(P.call("R_dinit", P.name(class_env), P.const(inner.name),
                                         P.name(cls_t))))
        elif inner is not None:
            self.emit(P.assign(self.pyname(inner), P.name(cls_t)))
            self.mark_assigned(self.pyname(inner))
        self.cur_env = env_prev
        return P.name(cls_t)

    def e_ClassExpression(self, e, name_hint=None):
        # build in a nested frame so that evaluation order stays inline
        fname = "_C%d" % self.uid()
        parent = self.ctx
        ctx = Ctx("cls", parent, parent.fi)
        saved = (self.out, self.ctx, self.at(e))
        body = []
        self.out = body
        self.ctx = ctx
        v = self.klass(e, name_hint)
        body.append(P.ret(v))
        fdef_pos = P.POS
        self.out, self.ctx, P.POS = saved
        for n in ctx.assigned:
            if n not in ctx.own:
                self.ctx.assigned.add(n)
        fdef = P.funcdef(fname, [], self._nonlocals(ctx) + body)
        fdef.__dict__.update(fdef_pos)
        self.emit(fdef)
        self.ctx.own.add(fname)
        if ctx.has_yield:
            self.ctx.has_yield = True
            return P.mk.YieldFrom(value=P.call(fname))
        return P.call(fname)

    # -- bindings -----------------------------------------------------------------------
    def is_dyn_ref(self, ident):
        return ident is not None and id(ident) in self.an.dyn_refs and self.cur_env is not None

    def env_expr(self):
        return P.name(self.cur_env) if self.cur_env else P.name("R_null_env")

    def read_binding(self, b, ident):
        if self.is_dyn_ref(ident):
            return P.call("R_dget", self.env_expr(), P.const(to_utf16(ident.name)))
        if self.dyn_binding(b):
            en = self.scope_env.get(id(b.scope))
            if en is not None:
                return P.call("R_dget", P.name(en), P.const(to_utf16(b.name)))
        if b is None:
            return self.global_read(to_utf16(ident.name), maybe_lexical=True)
        if self.global_binding(b):
            if b.lexical:
                return P.call("R_glex", P.const(to_utf16(b.name)))
            return self.global_read(to_utf16(b.name), maybe_lexical=False)
        pn = self.pyname(b)
        if b.tdz or b.kind == "classinner":
            return P.call("R_tdzchk", P.name(pn), P.const(b.name))
        return P.name(pn)

    def global_read(self, name, maybe_lexical):
        """A global variable read with an inline fast path: a plain data property of the
        global object (and, for names not declared here, no global lexical binding)."""
        t = self.tmp()
        k = P.const(name)
        fast = P.mk.Compare(P.call("type", P.walrus(t, P.call(P.attr(P.name("_GP"), "get"), k,
                                                           P.name("R_MISSING")))),
                         [A.NotIn()], [P.name("R_SLOWVAL")])
        if maybe_lexical:
            fast = P.and_(P.mk.Compare(k, [A.NotIn()], [P.name("_GL")]), fast)
        return P.ifexp(fast, P.name(t), P.call("R_gget", k))

    def assign_binding(self, b, value, node, init=False, ident=None, as_stmt=True):
        """Store to a binding. ``init`` marks a declaration's initialisation."""
        name = b.name if b is not None else ident.name
        strict = self.ctx.fi.strict
        if self.dyn_binding(b) and init and id(b.scope) in self.scope_env:
            return self._emit_ret(P.expr_stmt(P.call(
                "R_dinit", P.name(self.scope_env[id(b.scope)]), P.const(to_utf16(b.name)), value)), node)
        if (ident is not None and self.is_dyn_ref(ident)) or (self.dyn_binding(b) and self.cur_env):
            return self._emit_ret(P.expr_stmt(P.call(
                "R_dset", self.env_expr(), P.const(to_utf16(name)), value, P.const(strict))), node)
        if b is None:
            return P.expr_stmt(P.call("R_gset", P.const(to_utf16(name)), value,
                                      P.const(strict))) if not as_stmt else \
                self._emit_ret(P.expr_stmt(P.call("R_gset", P.const(to_utf16(name)), value, P.const(strict))), node)
        if self.global_binding(b):
            if b.lexical:
                c = P.call("R_glexset", P.const(to_utf16(b.name)), value, P.const(init),
                           P.const(b.kind == "const"))
            else:
                c = P.call("R_gvarset", P.const(to_utf16(b.name)), value, P.const(strict))
            return self._emit_ret(P.expr_stmt(c), node)
        pn = self.pyname(b)
        if not init:
            if b.kind == "const" or (b.kind == "classinner"):
                chk = P.expr_stmt(P.call("R_constassign", P.name(pn), P.const(b.name)))
                self._emit_ret(P.expr_stmt(value), node)
                return self._emit_ret(chk, node)
            if b.kind == "fname":
                if strict:
                    self._emit_ret(P.expr_stmt(value), node)
                    return self._emit_ret(P.expr_stmt(P.call("R_constassign", P.name(pn),
                                                              P.const(b.name))), node)
                return self._emit_ret(P.expr_stmt(value), node)
            if b.tdz:
                t = self.tmp()
                self._emit_ret(P.assign(t, value), node)
                self._emit_ret(P.expr_stmt(P.call("R_tdzchk", P.name(pn), P.const(b.name))), node)
                value = P.name(t)
        self.mark_assigned(pn)
        if b.scope.func is not self.ctx.fi or self.ctx.kind != "func":
            pass
        return self._emit_ret(P.assign(pn, value), node)

    def _emit_ret(self, st, node):
        self.loc(st, node)
        self.emit(st)
        return None

    def assign_ident(self, ident, value, as_stmt=False):
        """``ident = value``; returns a statement (as_stmt) or an expression."""
        b = self.an.refs.get(id(ident))
        if as_stmt:
            self.assign_binding(b, value, ident, ident=ident)
            return None
        # expression form
        strict = self.ctx.fi.strict
        if self.is_dyn_ref(ident) or (self.dyn_binding(b) and self.cur_env):
            return P.call("R_dset", self.env_expr(), P.const(to_utf16(ident.name)), value,
                          P.const(strict))
        if b is None or self.global_binding(b):
            if b is not None and b.lexical:
                return P.call("R_glexset", P.const(to_utf16(b.name)), value, P.const(False),
                              P.const(b.kind == "const"))
            if b is not None:
                return P.call("R_gvarset", P.const(to_utf16(b.name)), value, P.const(strict))
            return P.call("R_gset", P.const(to_utf16(ident.name)), value, P.const(strict))
        pn = self.pyname(b)
        if b.kind in ("const", "classinner") or (b.kind == "fname"):
            if b.kind == "fname" and not strict:
                return value
            return P.subscript(P.tuple_(value, P.call("R_constassign", P.name(pn), P.const(b.name))),
                               P.const(0))
        if b.tdz:
            t = self.tmp()
            return P.subscript(P.tuple_(P.walrus(t, value),
                                        P.call("R_tdzchk", P.name(pn), P.const(b.name)),
                                        P.walrus(pn, P.name(t))), P.const(2)) if self._mark(pn) else None
        self.mark_assigned(pn)
        return P.walrus(pn, value)

    def _mark(self, pn):
        self.mark_assigned(pn)
        return True

    # -- destructuring ------------------------------------------------------------------
    def bind_pattern(self, p, value, init, node, assign=False):
        """BindingInitialization / DestructuringAssignmentEvaluation."""
        t = p.type
        if t == "Identifier":
            b = self.an.refs.get(id(p))
            if init and b is not None:
                self.assign_binding(b, value, p, init=True, ident=p)
            else:
                self.assign_binding(b, value, p, init=False, ident=p)
            return
        if t == "MemberExpression":
            self.emit(P.expr_stmt(self.member_assign(p, value)))
            return
        if t == "AssignmentPattern":
            v = self.tmp()
            self.emit(P.assign(v, value))
            saved = self.out
            db = []
            self.out = db
            hint = p.left.name if p.left.type == "Identifier" else None
            dv = self.expr(p.right, name_hint=hint)
            self.emit(P.assign(v, dv))
            self.out = saved
            self.emit(P.if_(P.is_(P.name(v), P.name("R_undef")), db))
            self.bind_pattern(p.left, P.name(v), init, node, assign)
            return
        if t == "ObjectPattern":
            src = self.tmp()
            self.emit(P.assign(src, P.call("R_destr_obj", value)))
            used = []
            for prop in p.properties:
                if prop.type == "RestElement":
                    rest = P.call("R_obj_rest", P.name(src), P.list_([P.name(k) for k in used]))
                    self.bind_pattern(prop.argument, rest, init, node, assign)
                    continue
                if prop.computed:
                    kt = self.tmp()
                    self.emit(P.assign(kt, P.call("R_topk", self.expr(prop.key))))
                    key = P.name(kt)
                else:
                    kt = self.tmp()
                    self.emit(P.assign(kt, P.const(self.prop_key(prop.key))))
                    key = P.name(kt)
                used.append(kt)
                v = P.call("R_getitem_k", P.name(src), key)
                self.bind_pattern(prop.value, v, init, node, assign)
            return
        if t == "ArrayPattern":
            it = self.tmp()
            self.emit(P.assign(it, P.call("R_iter", value)))
            saved = self.out
            body = []
            self.out = body
            for e in p.elements:
                if e is None:
                    self.emit(P.expr_stmt(P.call(P.attr(it, "step"))))
                    continue
                if e.type == "RestElement":
                    self.bind_pattern(e.argument, P.call(P.attr(it, "rest")), init, node, assign)
                    continue
                target = e
                if e.type == "AssignmentPattern":
                    v = self.tmp()
                    self.emit(P.assign(v, P.call(P.attr(it, "step"))))
                    self.bind_pattern(e, P.name(v), init, node, assign)
                    continue
                if e.type in ("ObjectPattern", "ArrayPattern"):
                    v = self.tmp()
                    self.emit(P.assign(v, P.call(P.attr(it, "step"))))
                    self.bind_pattern(e, P.name(v), init, node, assign)
                    continue
                self.bind_pattern(target, P.call(P.attr(it, "step")), init, node, assign)
            self.out = saved
            h = P.handler(P.name("BaseException"), None, [
                P.expr_stmt(P.call(P.attr(it, "abort"))), P.mk.Raise(exc=None, cause=None)])
            self.emit(P.try_(body, self.gen_exit_handlers() + [h],
                             orelse=[P.expr_stmt(P.call(P.attr(it, "close")))]))
            return
        raise CompileError("Invalid destructuring assignment target", p)

    def prop_key(self, k):
        if k.type == "Identifier":
            return to_utf16(k.name)
        if k.type == "Literal":
            v = k.value
            if isinstance(v, str):
                return to_utf16(v)
            if isinstance(v, bool) or v is None:
                return "true" if v is True else ("false" if v is False else "null")
            from ..runtime.numconv import number_to_key
            return number_to_key(float(v))
        raise CompileError("bad property key", k)

    # -- expressions -------------------------------------------------------------------
    def expr(self, e, name_hint=None):
        t = e.type
        if t == "Identifier":
            if e.name == "undefined" and self.an.refs.get(id(e)) is None:
                return P.call("R_gget", P.const("undefined")) if False else P.name("R_undef") if self._undefined_is_global() else P.call("R_gget", P.const("undefined"))
            return self.read_binding(self.an.refs.get(id(e)), e)
        m = getattr(self, "e_" + t, None)
        if m is None:
            raise CompileError("unsupported expression %s" % t, e)
        if t in ("CallExpression", "NewExpression", "MemberExpression"):
            pos = self.at(e)
            r = m(e)
            P.POS = pos
            return r
        if name_hint is not None and t in ("FunctionExpression", "ArrowFunctionExpression",
                                           "ClassExpression"):
            return m(e, name_hint=name_hint)
        return m(e)

    def _undefined_is_global(self):
        # `undefined` is a non-writable, non-configurable global: reading it is constant.
        return True

    def e_Literal(self, e):
        if getattr(e, "regex", None) is not None:
            rx = e.regex
            return P.call("R_regexp", P.const(to_utf16(rx.pattern)), P.const(rx.flags))
        v = e.value
        if v is None:
            return P.name("R_null")
        if isinstance(v, bool):
            return P.const(v)
        if isinstance(v, (int, float)):
            return P.const(float(v))
        if isinstance(v, str):
            return P.const(to_utf16(v))
        raise CompileError("bad literal", e)

    def e_ThisExpression(self, e):
        fi = self.ctx.fi.this_func()
        if fi.is_script:
            return P.name("this")
        if fi.is_derived:
            return P.call("R_chkthis", P.subscript(P.name("_tb"), P.const(0)))
        return P.name("this")

    def e_TemplateLiteral(self, e):
        parts = []
        quasis = e.quasis
        for i, q in enumerate(quasis):
            s = to_utf16(q.value.cooked)
            if s:
                parts.append(P.const(s))
            if i < len(e.expressions):
                v = self.expr(e.expressions[i])
                t = self.tmp()
                parts.append(P.ifexp(P.typeis(P.walrus(t, v), "str"), P.name(t),
                                     P.call("R_tostr_tpl", P.name(t))))
        if not parts:
            return P.const("")
        r = parts[0]
        if len(parts) == 1 and not isinstance(r, A.Constant):
            r = P.binop(P.const(""), A.Add(), r)
        for x in parts[1:]:
            r = P.binop(r, A.Add(), x)
        return r

    def e_TaggedTemplateExpression(self, e):
        q = e.quasi
        cooked = tuple(to_utf16(x.value.cooked) if x.value.cooked is not None else None for x in q.quasis)
        # the TRV of a LineTerminatorSequence <CR><LF> or <CR> is <LF> (12.9.6)
        raw = tuple(to_utf16(x.value.raw.replace("\r\n", "\n").replace("\r", "\n"))
                    for x in q.quasis)
        site = (self.unit_key, e.range[0])
        tpl = P.call("R_tplobj", P.const(site), P.const(cooked), P.const(raw))
        args = [tpl] + [self.expr(x) for x in q.expressions]
        return self.call_expr(e.tag, args, e)

    def e_ArrayExpression(self, e):
        elts = []
        for x in e.elements:
            if x is None:
                elts.append(P.name("R_HOLE"))
            elif x.type == "SpreadElement":
                elts.append(P.starred(P.call("R_spread", self.expr(x.argument))))
            else:
                elts.append(self.expr(x))
        return P.call("R_mkarr", P.list_(elts))

    def e_ObjectExpression(self, e):
        props = e.properties
        simple = True
        for p in props:
            if p.type != "Property" or p.computed or p.kind != "init" or p.method:
                simple = False
                break
            if self._is_proto_key(p):
                simple = False
                break
            if p.value.type in ("FunctionExpression", "ArrowFunctionExpression",
                                "ClassExpression"):
                pass
        if simple:
            keys = []
            vals = []
            indexed = False
            for p in props:
                k = self.prop_key(p.key)
                if k[:1].isdigit():
                    indexed = True
                keys.append(P.const(k))
                vals.append(self.expr(p.value, name_hint=k))
            if indexed:
                return P.call("R_mkobj_idx", P.mk.Dict(keys=keys, values=vals))
            # JSObject(<this realm's Object.prototype>, props)
            return P.call("R_JSObject", P.name("_OP"), P.mk.Dict(keys=keys, values=vals))
        o = self.tmp(keep=True)      # (closures may capture it: see home_name)
        self._home_stack = getattr(self, "_home_stack", [])
        self._home_stack.append((o, None))
        items = [P.walrus(o, P.call("R_mkobj", P.mk.Dict(keys=[], values=[])))]
        for p in props:
            if p.type == "SpreadElement":
                items.append(P.call("R_copy_data_props", P.name(o), self.expr(p.argument)))
                continue
            if p.computed:
                key = P.call("R_topk", self.expr(p.key))
                keystatic = None
            else:
                keystatic = self.prop_key(p.key)
                key = P.const(keystatic)
            if p.kind == "init" and not p.method:
                if not p.computed and self._is_proto_key(p) and not p.shorthand:
                    items.append(P.call("R_setproto_lit", P.name(o), self.expr(p.value)))
                    continue
                if p.computed and p.value.type in ("FunctionExpression", "ArrowFunctionExpression", "ClassExpression") and p.value.id is None if hasattr(p.value, "id") else False:
                    kt = self.tmp()
                    items.append(P.walrus(kt, key))
                    v = self.expr(p.value)
                    items.append(P.call("R_defdata_named", P.name(o), P.name(kt), v))
                    continue
                v = self.expr(p.value, name_hint=keystatic)
                items.append(P.call("R_defdata", P.name(o), key, v))
            else:
                kt = self.tmp()
                items.append(P.walrus(kt, key))
                f = self.function(p.value, name_hint=None, kind="method" if p.kind == "init" else p.kind,
                                  src_start=p.range[0])
                items.append(P.call("R_defmethod", P.name(o), P.name(kt), f,
                                    P.const("method" if p.kind == "init" else p.kind), P.const(True)))
        self._home_stack.pop()
        items.append(P.name(o))
        return P.subscript(P.tuple_(*items), P.const(-1))

    def _is_proto_key(self, p):
        k = p.key
        if p.computed:
            return False
        return (k.type == "Identifier" and k.name == "__proto__") or \
            (k.type == "Literal" and k.value == "__proto__")

    def e_FunctionExpression(self, e, name_hint=None):
        return self.function(e, name_hint=name_hint)

    def e_ArrowFunctionExpression(self, e, name_hint=None):
        return self.function(e, name_hint=name_hint)

    def e_SequenceExpression(self, e):
        vals = [self.expr(x) for x in e.expressions]
        return P.subscript(P.tuple_(*vals), P.const(-1))

    def e_ConditionalExpression(self, e):
        t = self.test(e.test)
        return P.ifexp(t, self.expr(e.consequent), self.expr(e.alternate))

    def e_LogicalExpression(self, e):
        a = self.expr(e.left)
        t = self.tmp()
        test = self.truthy(P.walrus(t, a), P.name(t))
        b = self.expr(e.right)
        if e.operator == "&&":
            return P.ifexp(test, b, P.name(t))
        return P.ifexp(test, P.name(t), b)

    # truthiness -------------------------------------------------------------------------
    BOOL_OPS = ("==", "!=", "===", "!==", "<", ">", "<=", ">=", "instanceof", "in")

    def is_bool_expr(self, e):
        t = e.type
        if t == "BinaryExpression" and e.operator in self.BOOL_OPS:
            return True
        if t == "UnaryExpression" and e.operator in ("!", "delete"):
            return True
        if t == "Literal" and isinstance(e.value, bool):
            return True
        return False

    def test(self, e):
        """A Python boolean test for JS ToBoolean(e)."""
        if self.is_bool_expr(e):
            return self.expr(e)
        if e.type == "LogicalExpression":
            a = self.test(e.left)
            b = self.test(e.right)
            return P.and_(a, b) if e.operator == "&&" else P.or_(a, b)
        v = self.expr(e)
        if isinstance(v, A.Name):
            return self.truthy(v, v)
        t = self.tmp()
        return self.truthy(P.walrus(t, v), P.name(t))

    def truthy(self, first, again):
        # x and x == x : JS falsy values are Python falsy, except NaN (x != x)
        return P.and_(first, P.eq(again, again))

    # unary ---------------------------------------------------------------------------------
    def e_UnaryExpression(self, e):
        op = e.operator
        arg = e.argument
        if op == "typeof":
            if arg.type == "Identifier":
                b = self.an.refs.get(id(arg))
                if self.is_dyn_ref(arg):
                    return P.call("R_dtypeof", self.env_expr(), P.const(to_utf16(arg.name)))
                if b is None:
                    return P.call("R_gtypeof", P.const(to_utf16(arg.name)))
            return P.call("R_typeof", self.expr(arg))
        if op == "delete":
            return self.delete_expr(arg)
        if op == "!":
            return P.not_(self.test(arg))
        if op == "-":
            if arg.type == "Literal" and isinstance(arg.value, (int, float)) and not isinstance(arg.value, bool):
                return P.const(-float(arg.value))
            v = self.expr(arg)
            if self.num_node(arg):
                return P.mk.UnaryOp(op=A.USub(), operand=v)
            t = self.tmp()
            return P.ifexp(P.typeis(P.walrus(t, v), "float"), P.mk.UnaryOp(op=A.USub(), operand=P.name(t)),
                           P.call("R_neg", P.name(t)))
        if op == "+":
            v = self.expr(arg)
            if self.num_node(arg):
                return v
            t = self.tmp()
            return P.ifexp(P.typeis(P.walrus(t, v), "float"), P.name(t), P.call("R_tonum", P.name(t)))
        if op == "~":
            return P.call("R_bitnot", self.expr(arg))
        if op == "void":
            return P.call("R_void", self.expr(arg))
        raise CompileError("unsupported unary operator %s" % op, e)

    def delete_expr(self, arg):
        strict = self.ctx.fi.strict
        if arg.type == "MemberExpression":
            if arg.object.type == "Super":
                return P.call("R_superdelete")
            o = self.expr(arg.object)
            if arg.computed:
                return P.call("R_delitem", o, self.expr(arg.property), P.const(strict))
            return P.call("R_delmem", o, P.const(to_utf16(arg.property.name)), P.const(strict))
        if arg.type == "Identifier":
            b = self.an.refs.get(id(arg))
            if self.is_dyn_ref(arg):
                return P.call("R_ddelete", self.env_expr(), P.const(to_utf16(arg.name)))
            if b is None:
                return P.call("R_gdelete", P.const(to_utf16(arg.name)))
            if self.global_binding(b) and not b.lexical:
                return P.call("R_gdelete", P.const(to_utf16(arg.name)))
            return P.const(False)
        v = self.expr(arg)
        return P.subscript(P.tuple_(v, P.const(True)), P.const(1))

    # binary --------------------------------------------------------------------------------
    ARITH = {"-": (A.Sub(), "R_sub"), "*": (A.Mult(), "R_mul")}
    COMPARE = {"<": (A.Lt(), "R_lt"), ">": (A.Gt(), "R_gt"), "<=": (A.LtE(), "R_le"),
               ">=": (A.GtE(), "R_ge")}
    HELPERS = {"%": "R_mod", "**": "R_pow", "&": "R_band", "|": "R_bor", "^": "R_bxor",
               "<<": "R_shl", ">>": "R_sar", ">>>": "R_shr", "==": "R_eq", "in": "R_in",
               "instanceof": "R_instanceof"}

    def _operand(self, e, later=None):
        """(first-use expr, reuse expr, kind): kind is True for a float constant, "kf" for
        a local known to hold a float (read where the reuse expr is, so only when
        evaluating ``later``, the operand after it, cannot assign it), else False."""
        if e.type == "Literal" and isinstance(e.value, (int, float)) and not isinstance(e.value, bool):
            c = P.const(float(e.value))
            return c, c, True
        v = self.expr(e)
        if isinstance(v, A.Name) and self.kf_ident(e) and \
                (later is None or not self.may_write(later)):
            return v, v, "kf"
        if isinstance(v, A.Constant) or (isinstance(v, A.Name) and v.id.startswith(("R_", "_c_R_"))):
            return v, v, False
        # anything else (a local too: the other operand may assign it) goes into a temp
        t = self.tmp()
        return P.walrus(t, v), P.name(t), False

    FLOAT_TREE_OPS = {"+": A.Add, "-": A.Sub, "*": A.Mult}
    FLOAT_TREE_CMPS = {"<": A.Lt, ">": A.Gt, "<=": A.LtE, ">=": A.GtE}

    def _float_leaf(self, node, leaves):
        t = node.type
        if t == "Literal":
            v = node.value
            if isinstance(v, (int, float)) and not isinstance(v, bool) and \
                    getattr(node, "regex", None) is None:
                return P.const(float(v))
            return None
        if t == "Identifier":
            b = self.an.refs.get(id(node))
            if b is None or self.is_dyn_ref(node) or self.dyn_binding(b) or self.global_binding(b) \
                    or b.tdz or b.kind in ("classinner", "fname"):
                return None
            pn = self.pyname(b)
            if b in self.an.num_bindings:
                self.kf_names.add(pn)
            if pn not in leaves:
                leaves.append(pn)
            return P.name(pn)
        if t == "UnaryExpression" and node.operator == "-":
            a = self._float_tree(node.argument, leaves)
            return None if a is None else P.mk.UnaryOp(op=A.USub(), operand=a)
        return self._float_tree(node, leaves) if t == "BinaryExpression" else None

    def _float_tree(self, node, leaves):
        """A Python expression computing ``node`` natively when every leaf is a float
        local or a number literal (+ - * and division by a non-zero literal), else None."""
        if node.type != "BinaryExpression":
            return self._float_leaf(node, leaves)
        op = node.operator
        if op == "/":
            r = node.right
            if not (r.type == "Literal" and isinstance(r.value, (int, float))
                    and not isinstance(r.value, bool) and r.value != 0):
                return None
            pyop = A.Div
        elif op in self.FLOAT_TREE_OPS:
            pyop = self.FLOAT_TREE_OPS[op]
        else:
            return None
        a = self._float_leaf(node.left, leaves)
        if a is None:
            return None
        b = self._float_leaf(node.right, leaves)
        if b is None:
            return None
        return P.binop(a, pyop(), b)

    @staticmethod
    def _count_ops(node):
        n = 0
        stack = [node]
        while stack:
            x = stack.pop()
            if x.type == "BinaryExpression":
                n += 1
                stack.append(x.left)
                stack.append(x.right)
            elif x.type == "UnaryExpression":
                stack.append(x.argument)
        return n

    def binary(self, op, left, right):
        """Binary operator on two JS nodes; returns a Python expression."""
        if (op in self.FLOAT_TREE_OPS or op in self.FLOAT_TREE_CMPS or op == "/") \
                and not getattr(self, "_no_tree", False) and getattr(left, "type", None) != "__fake__":
            leaves = []
            fa = self._float_leaf(left, leaves)
            fb = self._float_leaf(right, leaves) if fa is not None else None
            ok = fa is not None and fb is not None and leaves
            if ok and op == "/" and not (isinstance(fb, A.Constant) and fb.value != 0):
                ok = False
            if ok:
                # one type check for the whole expression tree, native float arithmetic
                check = [n for n in leaves if n not in self.kf_names]
                if not check:
                    cond = None
                elif len(check) == 1:
                    cond = P.typeis(P.name(check[0]), "float")
                else:
                    cond = P.mk.Compare(left=P.call("type", P.name(check[0])),
                                     ops=[A.Is()] * len(check),
                                     comparators=[P.call("type", P.name(n)) for n in check[1:]]
                                     + [P.name("float")])
                if op in self.FLOAT_TREE_CMPS:
                    fast = P.cmp(fa, self.FLOAT_TREE_CMPS[op](), fb)
                elif op == "/":
                    fast = P.binop(fa, A.Div(), fb)
                else:
                    fast = P.binop(fa, self.FLOAT_TREE_OPS[op](), fb)
                if cond is None:
                    return fast
                self._no_tree = True
                try:
                    slow = self.binary(op, left, right)
                finally:
                    self._no_tree = False
                return P.ifexp(cond, fast, slow)
        if op == "+":
            a1, a2, ac = self._operand(left, right)
            b1, b2, bc = self._operand(right)
            if isinstance(a2, A.Constant) and isinstance(a2.value, str):
                return P.ifexp(P.typeis(b1, "str"), P.binop(a2, A.Add(), b2), P.call("R_add", a2, b2))
            if isinstance(b2, A.Constant) and isinstance(b2.value, str):
                return P.ifexp(P.typeis(a1, "str"), P.binop(a2, A.Add(), b2), P.call("R_add", a2, b2))
            return self._float_fast(a1, a2, ac, b1, b2, bc, A.Add(), "R_add")
        if op in self.ARITH:
            pyop, helper = self.ARITH[op]
            a1, a2, ac = self._operand(left, right)
            b1, b2, bc = self._operand(right)
            return self._float_fast(a1, a2, ac, b1, b2, bc, pyop, helper)
        if op == "%":
            a1, a2, ac = self._operand(left, right)
            b1, b2, bc = self._operand(right)
            cond = self._both_float(a1, ac, b1, bc)
            # Python's float % equals JS's when both operands are positive
            pos = [P.cmp(a2, A.Gt(), P.const(0.0))]
            if not (bc is True and isinstance(b2.value, float) and b2.value > 0):
                pos.append(P.cmp(b2, A.Gt(), P.const(0.0)))
            conds = ([cond] if cond is not None else []) + pos
            return P.ifexp(P.and_(*conds), P.binop(a2, A.Mod(), b2), P.call("R_mod", a2, b2))
        if op == "/":
            a1, a2, ac = self._operand(left, right)
            b1, b2, bc = self._operand(right)
            if bc is True and b2.value != 0.0:
                if ac is True:
                    return P.call("R_div", a2, b2)
                if ac:
                    return P.binop(a2, A.Div(), b2)
                return P.ifexp(P.typeis(a1, "float"), P.binop(a2, A.Div(), b2), P.call("R_div", a2, b2))
            cond = self._both_float(a1, ac, b1, bc)
            conds = ([cond] if cond is not None else []) + [b2]
            return P.ifexp(P.and_(*conds), P.binop(a2, A.Div(), b2), P.call("R_div", a2, b2))
        if op in self.COMPARE:
            pyop, helper = self.COMPARE[op]
            a1, a2, ac = self._operand(left, right)
            b1, b2, bc = self._operand(right)
            cond = self._both_float(a1, ac, b1, bc)
            if cond is None:
                return P.cmp(a2, pyop, b2)
            return P.ifexp(cond, P.cmp(a2, pyop, b2), P.call(helper, a2, b2))
        if op in ("===", "!==") and self.num_node(left) and self.num_node(right):
            r = P.eq(self.expr(left), self.expr(right))
            return P.not_(r) if op == "!==" else r
        if op in ("===", "!=="):
            a = self.expr(left)
            r = self.strict_eq_expr(a, self.expr(right), right)
            return P.not_(r) if op == "!==" else r
        if op in ("==", "!="):
            # x == null / x == undefined
            for x, y in ((left, right), (right, left)):
                if (y.type == "Literal" and y.value is None and getattr(y, "regex", None) is None) or \
                        (y.type == "Identifier" and y.name == "undefined" and self.an.refs.get(id(y)) is None):
                    v = self.expr(x)
                    t = self.tmp()
                    r = P.or_(P.is_(P.walrus(t, v), P.name("R_null")), P.is_(P.name(t), P.name("R_undef")))
                    if x is right:
                        # evaluate left (the constant) first: it has no side effects
                        pass
                    return P.not_(r) if op == "!=" else r
            r = P.call("R_eq", self.expr(left), self.expr(right))
            return P.not_(r) if op == "!=" else r
        helper = self.HELPERS.get(op)
        if helper is None:
            raise CompileError("unsupported operator %s" % op)
        return P.call(helper, self.expr(left), self.expr(right))

    def _both_float(self, a1, ac, b1, bc):
        """The test 'both operands are floats', evaluating every operand exactly once."""
        if ac and bc:
            return None
        if ac:
            return P.typeis(b1, "float")
        if bc:
            return P.typeis(a1, "float")
        # type(a) is type(b) is float: a chained comparison evaluates both sides first
        return P.mk.Compare(P.call("type", a1), [P.IS, P.IS], [P.call("type", b1), P.name("float")])

    def _float_fast(self, a1, a2, ac, b1, b2, bc, pyop, helper):
        cond = self._both_float(a1, ac, b1, bc)
        if cond is None:
            return P.binop(a2, pyop, b2)
        return P.ifexp(cond, P.binop(a2, pyop, b2), P.call(helper, a2, b2))

    def strict_eq_expr(self, a, b, bnode):
        """IsStrictlyEqual with inline forms for constants."""
        if bnode is not None and bnode.type == "Literal" and getattr(bnode, "regex", None) is None:
            v = bnode.value
            if v is None:
                return P.is_(a, P.name("R_null"))
            if isinstance(v, str):
                return P.eq(a, b)
            if isinstance(v, bool):
                return P.is_(a, b)
            t = self.tmp()
            return P.and_(P.typeis(P.walrus(t, a), "float"), P.eq(P.name(t), b))
        if bnode is not None and bnode.type == "Identifier" and bnode.name == "undefined" and \
                self.an.refs.get(id(bnode)) is None:
            return P.is_(a, P.name("R_undef"))
        ta = self.tmp()
        tb = self.tmp()
        return P.and_(P.is_(P.call("type", P.walrus(ta, a)), P.call("type", P.walrus(tb, b))),
                      P.eq(P.name(ta), P.name(tb)))

    def e_BinaryExpression(self, e):
        return self.binary(e.operator, e.left, e.right)

    # assignment ------------------------------------------------------------------------------
    def e_AssignmentExpression(self, e):
        op = e.operator
        left = e.left
        if op == "=":
            if left.type == "Identifier":
                v = self.expr(e.right, name_hint=left.name)
                return self.assign_ident(left, v)
            if left.type == "MemberExpression":
                return self.member_assign(left, None, e.right)
            # destructuring assignment: value is the RHS
            t = self.tmp()
            self.pending_value = None
            v = self.expr(e.right)
            fname = "_D%d" % self.uid()
            # emit as statements in a helper frame to keep expression semantics
            return self._destructure_assign_expr(left, v)
        binop = op[:-1]
        if left.type == "Identifier":
            cur = left
            newv = self._compound(binop, left, e.right)
            return self.assign_ident(left, newv)
        if left.type == "MemberExpression":
            return self.member_compound(left, binop, e.right)
        raise CompileError("Invalid left-hand side in assignment", e)

    def _compound(self, op, left_node, right_node):
        # left is read once (it is a reference); build via a fake binary node
        return self.binary(op, left_node, right_node)

    def _destructure_assign_expr(self, pattern, value):
        fname = "_D%d" % self.uid()
        parent = self.ctx
        ctx = Ctx("cls", parent, parent.fi)
        saved = (self.out, self.ctx, self.at(pattern))
        body = []
        self.out = body
        self.ctx = ctx
        ctx.own.add("_v")
        self.bind_pattern(pattern, P.name("_v"), init=False, node=pattern, assign=True)
        body.append(P.ret(P.name("_v")))
        self.out, self.ctx, P.POS = saved
        for n in ctx.assigned:
            if n not in ctx.own:
                self.ctx.assigned.add(n)
        fdef = P.funcdef(fname, ["_v"], self._nonlocals(ctx) + body)
        self.loc(fdef, pattern)
        self.emit(fdef)
        self.ctx.own.add(fname)
        if ctx.has_yield:
            self.ctx.has_yield = True
            return P.mk.YieldFrom(value=P.call(fname, value))
        return P.call(fname, value)

    def member_ref(self, m):
        """(object expr, key expr, computed) evaluating object then key once."""
        o = self.expr(m.object)
        if m.computed:
            ot = self.tmp()
            kt = self.tmp()
            return (P.walrus(ot, o), P.name(ot)), (P.walrus(kt, self.expr(m.property)), P.name(kt)), True
        ot = self.tmp()
        k = P.const(to_utf16(m.property.name))
        return (P.walrus(ot, o), P.name(ot)), (k, k), False

    def member_assign(self, m, value, rhs_node=None):
        strict = self.ctx.fi.strict
        if m.object.type == "Super":
            prelude, home, key, this = self.super_ref(m)
            v = value if value is not None else self.expr(rhs_node)
            return P.subscript(P.tuple_(*prelude, P.call("R_superset", home, key, v, this,
                                                         P.const(strict))), P.const(-1))
        o = self.expr(m.object)
        if m.computed:
            k = self.expr(m.property)
            v = value if value is not None else self.expr(rhs_node)
            return P.call("R_sputitem" if strict else "R_putitem", o, k, v)
        v = value if value is not None else self.expr(rhs_node)
        return P.call("R_sput" if strict else "R_put", o, P.const(to_utf16(m.property.name)), v)

    def super_ref(self, m):
        """A SuperProperty reference (13.3.7.1): ([the this binding and the key evaluated
        into temps, in that order], home object, key, this) as Python expressions."""
        tt, kt = self.tmp(), self.tmp()
        this_first = P.walrus(tt, self.this_expr())
        key = P.call("R_topk", self.expr(m.property)) if m.computed \
            else P.const(to_utf16(m.property.name))
        return [this_first, P.walrus(kt, key)], P.name(self.home_name()), P.name(kt), P.name(tt)

    def member_compound(self, m, op, rhs):
        strict = self.ctx.fi.strict
        if m.object.type == "Super":
            prelude, home, key, this = self.super_ref(m)
            ct = self.tmp()
            cur = _Fake(P.walrus(ct, P.call("R_superget", home, key, this)))
            newv = self.binary_py(op, cur, rhs)
            return P.subscript(P.tuple_(*prelude, P.call("R_superset", home, key, newv, this,
                                                         P.const(strict))), P.const(-1))
        (o1, o2), (k1, k2), computed = self.member_ref(m)
        if computed:
            kk = self.tmp()
            cur = P.call("R_getitem", o2, P.name(kk))
            key = P.walrus(kk, P.call("R_refkey", o2, k1))
        else:
            cur = P.call("R_get", o2, k1)
            key = k2
        ct = self.tmp()
        # build the binary op with current value in a temp
        fake_left = _Fake(P.walrus(ct, cur))
        newv = self.binary_py(op, fake_left, rhs)
        fn = "R_sput" if strict else "R_put"
        return P.call(fn, o1, key, newv)

    def binary_py(self, op, fake_left, right_node):
        # A binary where the left side is already a Python expression.
        saved = self.expr
        outer = self.__dict__.get("expr")       # an enclosing binary_py's patch
        self._fake = fake_left

        def patched(e, name_hint=None):
            if e is fake_left:
                return fake_left.py
            return saved(e, name_hint)
        self.expr = patched
        try:
            return self.binary(op, fake_left, right_node)
        finally:
            # (not ``self.expr = saved``: a bound method kept on its own instance is a
            # reference cycle that holds the whole compile for the cyclic GC)
            if outer is None:
                del self.expr
            else:
                self.expr = outer

    # update ------------------------------------------------------------------------------------
    def update_ident(self, e, as_stmt=False):
        ident = e.argument
        b = self.an.refs.get(id(ident))
        inc = A.Add() if e.operator == "++" else A.Sub()
        cur = self.read_binding(b, ident)
        if b in self.an.num_bindings and isinstance(cur, A.Name):
            # a local known to hold a float: plain float arithmetic
            if as_stmt:
                self.assign_binding(b, P.binop(cur, inc, P.const(1.0)), ident, ident=ident)
                return None
            if e.prefix:
                return self.assign_ident(ident, P.binop(cur, inc, P.const(1.0)))
            old = self.tmp()
            a = self.assign_ident(ident, P.binop(P.walrus(old, cur), inc, P.const(1.0)))
            return P.subscript(P.tuple_(a, P.name(old)), P.const(1))
        t = self.tmp()
        newv = P.binop(P.ifexp(P.typeis(P.walrus(t, cur), "float"), P.name(t),
                               P.call("R_tonumeric", P.name(t))), inc, P.const(1.0))
        if as_stmt:
            self.assign_binding(b, newv, ident, ident=ident)
            return None
        if e.prefix:
            return self.assign_ident(ident, newv)
        # postfix: old value (as number)
        old = self.tmp()
        newv = P.binop(P.walrus(old, P.ifexp(P.typeis(P.walrus(t, cur), "float"), P.name(t),
                                             P.call("R_tonumeric", P.name(t)))), inc, P.const(1.0))
        a = self.assign_ident(ident, newv)
        return P.subscript(P.tuple_(a, P.name(old)), P.const(1))

    def e_UpdateExpression(self, e):
        if e.argument.type == "Identifier":
            return self.update_ident(e)
        m = e.argument
        strict = self.ctx.fi.strict
        if m.object.type == "Super":
            prelude, home, key, this = self.super_ref(m)
            old = self.tmp()
            inc = A.Add() if e.operator == "++" else A.Sub()
            newv = P.binop(P.walrus(old, P.call("R_tonumeric", P.call("R_superget", home, key, this))),
                           inc, P.const(1.0))
            st = P.call("R_superset", home, key, newv, this, P.const(strict))
            return P.subscript(P.tuple_(*prelude, st, P.name(old)), P.const(-1 if not e.prefix else -2))
        if not m.computed:
            # one runtime call: [[Get]], ToNumeric, +-1, [[Set]]
            return P.call("R_updm", self.expr(m.object), P.const(to_utf16(m.property.name)),
                          P.const(1.0 if e.operator == "++" else -1.0), P.const(strict),
                          P.const(not e.prefix))
        (o1, o2), (k1, k2), computed = self.member_ref(m)
        if computed:
            kk = self.tmp()
            cur = P.call("R_getitem", o2, P.name(kk))
            key = P.walrus(kk, P.call("R_refkey", o2, k1))
        else:
            cur = P.call("R_get", o2, k1)
            key = k2
        old = self.tmp()
        inc = A.Add() if e.operator == "++" else A.Sub()
        newv = P.binop(P.walrus(old, P.call("R_tonumeric", cur)), inc, P.const(1.0))
        fn = "R_sput" if strict else "R_put"
        st = P.call(fn, o1, key, newv)
        if e.prefix:
            return st
        return P.subscript(P.tuple_(st, P.name(old)), P.const(1))

    # member access -------------------------------------------------------------------------------
    # Inline paths for own data properties of plain objects: a JSObject whose ``flags`` is
    # None has only default-attribute (writable) data properties -- an accessor always has
    # an entry in ``flags`` (objects.py) -- so ``props[key]`` is its [[Get]] for an own key,
    # and storing there is its [[Set]] for an existing one.

    @staticmethod
    def _plain_object(first, obj):
        """The tests that make ``obj`` (``first`` at its first use) a JSObject with only
        default-attribute data properties (see above)."""
        return P.typeis(first, "R_JSObject"), P.is_(P.attr(obj, "flags"), P.const(None))

    def member_get(self, o, key):
        """``o.key`` (key a constant property key) for a Python expression ``o``."""
        k = P.const(key)
        if isinstance(o, A.Name) and self._pure(o):
            first = obj = o
        else:
            t = self.tmp()
            first, obj = P.walrus(t, o), P.name(t)
        if key == "length":
            # a dense Array's or a string's length, else the general path
            a = self.tmp()
            return P.ifexp(
                P.and_(P.typeis(first, "R_JSArray"), P.is_not(P.walrus(a, P.attr(obj, "arr")),
                                                              P.const(None))),
                P.call("float", P.call("len", P.name(a))),
                P.ifexp(P.typeis(obj, "str"), P.call("float", P.call("len", obj)),
                        P.call("R_get", obj, k)))
        v = self.tmp()
        # (no JS value is None: None from dict.get means "not an own property")
        cond = P.and_(*self._plain_object(first, obj),
                      P.is_not(P.walrus(v, P.call(P.attr(P.attr(obj, "props"), "get"), k)),
                               P.const(None)))
        return P.ifexp(cond, P.name(v), P.call("R_get", obj, k))

    def member_put_stmt(self, m, value_node):
        """``o.key = v;`` as a statement (m non-computed, not super)."""
        strict = self.ctx.fi.strict
        k = P.const(to_utf16(m.property.name))
        ov = self.expr(m.object)
        vv = self.expr(value_node, name_hint=None)
        if isinstance(ov, A.Name) and self._pure(ov) and self._pure(vv):
            o, v = ov, vv
        else:
            ot, vt = self.tmp(), self.tmp()
            self.emit(P.assign(ot, ov))
            self.emit(P.assign(vt, vv))
            o, v = P.name(ot), P.name(vt)
        d = self.tmp()
        cond = P.and_(*self._plain_object(o, o),
                      P.mk.Compare(left=k, ops=[A.In()],
                                comparators=[P.walrus(d, P.attr(o, "props"))]))
        store = P.mk.Assign(targets=[P.mk.Subscript(value=P.name(d), slice=k, ctx=P.STORE)], value=v)
        slow = P.expr_stmt(P.call("R_sput" if strict else "R_put", o, k, v))
        self.emit(P.if_(cond, [store], [slow]))

    def member_update_stmt(self, e):
        """``o.key++;`` / ``o.key--;`` as a statement."""
        m = e.argument
        k = P.const(to_utf16(m.property.name))
        ov = self.expr(m.object)
        if isinstance(ov, A.Name) and self._pure(ov):
            o = ov
        else:
            ot = self.tmp()
            self.emit(P.assign(ot, ov))
            o = P.name(ot)
        d, v = self.tmp(), self.tmp()
        cond = P.and_(*self._plain_object(o, o),
                      P.typeis(P.walrus(v, P.call(P.attr(P.walrus(d, P.attr(o, "props")), "get"),
                                                  k)), "float"))
        inc = A.Add() if e.operator == "++" else A.Sub()
        store = P.mk.Assign(targets=[P.mk.Subscript(value=P.name(d), slice=k, ctx=P.STORE)],
                         value=P.binop(P.name(v), inc, P.const(1.0)))
        slow = P.expr_stmt(P.call("R_updm", o, k, P.const(1.0 if e.operator == "++" else -1.0),
                                  P.const(self.ctx.fi.strict), P.const(False)))
        self.emit(P.if_(cond, [store], [slow]))

    def e_MemberExpression(self, e):
        if e.object.type == "Super":
            key = P.call("R_topk", self.expr(e.property)) if e.computed else P.const(to_utf16(e.property.name))
            return P.call("R_superget", P.name(self.home_name()), key, self.this_expr())
        o = self.expr(e.object)
        if e.computed:
            p = e.property
            if p.type == "Literal" and isinstance(p.value, str):
                return self.member_get(o, to_utf16(p.value))
            return self.computed_read(o, self.expr(p), p)
        return self.member_get(o, to_utf16(e.property.name))

    def computed_read(self, o, k, p):
        """``o[k]`` for compiled object and key expressions (``p`` the key's node)."""
        if self._pure(o) and self._pure(k):
            return self._dense_read(o, k, p)
        # evaluate the object, then the key, into temps (the `is` test is always true)
        ot, kt = self.tmp(), self.tmp()
        seq = P.is_(P.walrus(ot, o), P.name(ot))
        if not self._pure(k):
            seq = P.and_(seq, P.is_(P.walrus(kt, k), P.name(kt)))
            k = P.name(kt)
        return self._dense_read(P.name(ot), k, p, seq)

    @staticmethod
    def _pure(py):
        """A Python expression that reads nothing mutable but a local: safe to repeat."""
        return isinstance(py, A.Constant) or (isinstance(py, A.Name) and not py.id.startswith(("R_", "_c_R_")))

    def int_node(self, node):
        """True when ``node`` is number-typed and its value always integral (or NaN or
        infinite): then math.trunc of it is exact."""
        return self.num_node(node) and integral_typed(node, self.an.refs, self.an.int_bindings)

    def nonneg_node(self, node):
        """True when ``node`` is number-typed and never negative (NaN allowed)."""
        return self.num_node(node) and nonneg_typed(node, self.an.refs, self.an.nonneg_bindings)

    def _dense_index_conds(self, o, k, k_node, lst, ki):
        """Tests that ``o`` is a dense Array and ``k`` a float index inside it; bind
        ``lst`` to its list and ``ki`` to the int index."""
        conds = [P.typeis(o, "R_JSArray")]
        if not (isinstance(k, A.Constant) and isinstance(k.value, float)) and \
                not (k_node is not None and self.num_node(k_node)):
            conds.append(P.typeis(k, "float"))
        # math.trunc is a third of the cost of int() on a float here
        conds += [P.is_not(P.walrus(lst, P.attr(o, "arr")), P.const(None)),
                  P.mk.Compare(P.const(0.0), [A.LtE(), A.Lt()], [k, P.call("len", P.name(lst))]),
                  P.eq(P.walrus(ki, P.call("R_trunc", k)), k)]
        return conds

    def _dense_read(self, o, k, k_node=None, first=None):
        """o[k] with an inline path for a dense Array element at a float index; ``first``
        is a test evaluated before anything else (binding ``o`` and ``k``)."""
        lst = self.tmp()
        ki = self.tmp()
        v = self.tmp()
        conds = self._dense_index_conds(o, k, k_node, lst, ki)
        if first is not None:
            conds.insert(0, first)
        conds.append(P.is_not(P.walrus(v, P.subscript(P.name(lst), P.name(ki))), P.name("R_HOLE")))
        return P.ifexp(P.and_(*conds), P.name(v), P.call("R_getitem", o, k))

    def _dense_probe(self, o, k, k_node, lst, ki, h, miss):
        """Statements for the element-access fast paths used at statement level: when
        ``o`` is a dense Array and ``k`` a non-negative float, ``h`` gets the list slot
        (``lst``/``ki`` bound) or ``miss`` (index beyond the end, infinite or NaN: the
        exceptions of the list and of math.trunc replace a len() call and tests).
        A fractional ``k`` also gives ``miss``.  Returns (guard, try statement)."""
        const_k = isinstance(k, A.Constant) and isinstance(k.value, float)
        conds = [P.typeis(o, "R_JSArray")]
        if not const_k and not (k_node is not None and self.num_node(k_node)):
            conds.append(P.typeis(k, "float"))
        conds.append(P.is_not(P.walrus(lst, P.attr(o, "arr")), P.const(None)))
        if const_k:
            kv = k.value
            if not (kv >= 0.0 and kv == kv and kv != float("inf") and kv.is_integer()):
                return None
            idx = P.const(int(kv))
            body = [P.assign(ki, idx)]
        else:
            if not (k_node is not None and self.nonneg_node(k_node)):
                conds.append(P.cmp(P.const(0.0), A.LtE(), k))
            body = [P.assign(ki, P.call("R_trunc", k))]
        body.append(P.assign(h, P.subscript(P.name(lst), P.name(ki))))
        if not const_k and not (k_node is not None and self.int_node(k_node)):
            body.append(P.if_(P.cmp(P.name(ki), A.NotEq(), k), [P.assign(h, P.name(miss))]))
        tr = P.mk.Try(body=body,
                   handlers=[P.mk.ExceptHandler(type=P.name("R_IDXERR"), name=None,
                                             body=[P.assign(h, P.name(miss))])],
                   orelse=[], finalbody=[])
        return P.and_(*conds), tr

    def dense_read_stmt(self, e):
        """``o[k]`` evaluated first in a statement: statements computing it into a temp,
        with the fast path of _dense_probe; returns the temp's Name, or None when the
        member expression does not qualify."""
        if not (e.type == "MemberExpression" and e.computed and e.object.type != "Super"):
            return None
        p = e.property
        if p.type == "Literal" and isinstance(p.value, str):
            return None
        o = self.expr(e.object)
        k = self.expr(p)
        if not (isinstance(o, A.Name) and self._pure(o) and self._pure(k)):
            return self.computed_read(o, k, p)
        lst, ki, v = self.tmp(), self.tmp(), self.tmp()
        probe = self._dense_probe(o, k, p, lst, ki, v, "R_HOLE")
        if probe is None:
            self.emit(P.assign(v, P.call("R_getitem", o, k)))
            return P.name(v)
        guard, tr = probe
        self.emit(P.if_(guard, [tr], [P.assign(v, P.name("R_HOLE"))]))
        self.emit(P.if_(P.is_(P.name(v), P.name("R_HOLE")),
                        [P.assign(v, P.call("R_getitem", o, k))]))
        return P.name(v)

    def expr_first(self, e, name_hint=None):
        """self.expr(e) for an expression evaluated first in its statement (statements
        may be emitted before it)."""
        v = self.dense_read_stmt(e)
        return v if v is not None else self.expr(e, name_hint=name_hint)

    def dense_store_stmt(self, m, value_node):
        """``o[k] = v;`` as a statement with an inline path for dense Array elements:
        an element that exists, or a hole of an extensible array whose prototypes hold
        no index-like property (JSArray.HOLEOK caches that per prototype for one
        INDEX_EPOCH; see runtime/objects.py)."""
        strict = self.ctx.fi.strict
        lst, ki, h = self.tmp(), self.tmp(), self.tmp()
        ov = self.expr(m.object)
        kv = self.expr(m.property)
        vv = self.expr(value_node)
        if self._pure(vv) and isinstance(ov, A.Name) and self._pure(kv):
            # evaluating the value cannot change the object or key names
            o, k, v = ov, kv, vv
        else:
            ot, kt, vt = self.tmp(), self.tmp(), self.tmp()
            self.emit(P.assign(ot, ov))
            self.emit(P.assign(kt, kv))
            self.emit(P.assign(vt, vv))
            o, k, v = P.name(ot), P.name(kt), P.name(vt)
        slow = P.expr_stmt(P.call("R_sputitem" if strict else "R_putitem", o, k, v))
        probe = self._dense_probe(o, k, m.property, lst, ki, h, "R_MISSING")
        if probe is None:
            self.emit(slow)
            return
        guard, tr = probe
        hole_ok = P.and_(P.attr(o, "extensible"),
                         P.eq(P.call(P.attr(P.attr(P.name("R_JSArray"), "HOLEOK"), "get"),
                                     P.attr(o, "proto")),
                              P.subscript(P.attr(P.name("R_JSArray"), "EPOCH"), P.const(0))))
        conds = [P.is_not(P.name(h), P.name("R_MISSING"))]
        conds.append(P.or_(P.is_not(P.name(h), P.name("R_HOLE")), hole_ok))
        store = P.mk.Assign(targets=[P.mk.Subscript(value=P.name(lst), slice=P.name(ki), ctx=P.STORE)],
                         value=v)
        self.emit(P.if_(guard, [tr, P.if_(P.and_(*conds), [store], [slow])], [slow]))

    def home_name(self):
        hs = getattr(self, "_home_stack", None)
        fi = self.ctx.fi.this_func()
        # the home object is a closure variable of the enclosing object/class builder
        if not hs:
            raise CompileError("'super' keyword unexpected here")
        return hs[-1][0]

    def this_expr(self):
        fi = self.ctx.fi.this_func()
        if fi.is_derived:
            return P.call("R_chkthis", P.subscript(P.name("_tb"), P.const(0)))
        return P.name("this")

    # calls -----------------------------------------------------------------------------------------
    def args_list(self, args):
        out = []
        for a in args:
            if a.type == "SpreadElement":
                out.append(P.starred(P.call("R_spread", self.expr(a.argument))))
            else:
                out.append(self.expr(a))
        return out

    def e_CallExpression(self, e):
        c = e.callee
        if c.type == "Super":
            args = self.args_list(e.arguments)
            fi = self.ctx.fi.this_func()
            cls_var = self._ctor_self_name()
            return P.call("R_supercall_box", P.name(cls_var), P.name("_nt"), P.name("_tb"), *args)
        if c.type == "Identifier" and c.name == "eval" and self.an.refs.get(id(c)) is None:
            args = self.args_list(e.arguments)
            evalfn = self.read_binding(self.an.refs.get(id(c)), c)
            return P.call("R_direct_eval", evalfn, P.const(self.ctx.fi.strict),
                          self.this_expr() if not self.ctx.fi.this_func().is_script else P.name("this"),
                          self.env_expr(), *args)
        return self.call_expr(c, None, e)

    def _ctor_self_name(self):
        hs = getattr(self, "_home_stack", None)
        if not hs or hs[-1][1] is None:
            raise CompileError("'super' keyword unexpected here")
        return hs[-1][1]

    def call_expr(self, c, args, e):
        """A call; ``args`` may be pre-built (tagged templates)."""
        desc = self._call_desc(c)
        if c.type == "MemberExpression":
            if c.object.type == "Super":
                key = P.call("R_topk", self.expr(c.property)) if c.computed else P.const(to_utf16(c.property.name))
                thisv = self.this_expr()
                f = self.tmp()
                fv = P.call("R_superget", P.name(self.home_name()), key, thisv)
                callee = P.ifexp(P.typeis(P.walrus(f, fv), "R_JSFunction"), P.attr(f, "fn"),
                                 P.call("R_fnslow", P.name(f), P.const(desc)))
                if args is None:
                    args = self.args_list(e.arguments)
                return P.call(callee, self.this_expr(), *args)
            o = self.expr(c.object)
            ot = self.tmp()
            if c.computed:
                fv = P.call("R_getitem", P.walrus(ot, o), self.expr(c.property))
                f = self.tmp()
                callee = P.ifexp(P.typeis(P.walrus(f, fv), "R_JSFunction"), P.attr(f, "fn"),
                                 P.call("R_fnslow", P.name(f), P.const(desc)))
            else:
                # inline: a plain function that is an own property of a plain object
                # or of its plain prototype (an accessor is never a JSFunction);
                # else one runtime call finds the method and gives its Python callable
                if isinstance(o, A.Name) and o.id == "this":
                    ot_expr, this_arg = o, o
                else:
                    ot_expr, this_arg = P.walrus(ot, o), P.name(ot)
                key = to_utf16(c.property.name)
                k = P.const(key)
                f, pt = self.tmp(), self.tmp()
                # Arrays and functions are ordinary for keys other than "length" and
                # index-like ones: their props hold such keys (Array.prototype is an Array)
                if key == "length" or key[:1] in "0123456789":
                    def ordinary(x):
                        return P.typeis(x, "R_JSObject")
                else:
                    def ordinary(x):
                        return P.mk.Compare(P.call("type", x), [A.In()], [P.name("R_ORDINARY")])
                own = P.typeis(P.walrus(f, P.call(P.attr(P.attr(this_arg, "props"), "get"), k)),
                               "R_JSFunction")
                inherited = P.and_(
                    P.is_(P.name(f), P.const(None)),
                    ordinary(P.walrus(pt, P.attr(this_arg, "proto"))),
                    P.typeis(P.walrus(f, P.call(P.attr(P.attr(P.name(pt), "props"), "get"), k)),
                             "R_JSFunction"))
                cond = P.and_(ordinary(ot_expr), P.or_(own, inherited))
                callee = P.ifexp(cond, P.attr(f, "fn"),
                                 P.call("R_getfn", this_arg, k, P.const(desc)))
                if args is None:
                    args = self.args_list(e.arguments)
                return P.call(callee, this_arg, *args)
            if args is None:
                args = self.args_list(e.arguments)
            return P.call(callee, P.name(ot), *args)
        f = self.tmp()
        callee = self.global_callee(c, f, desc)
        if callee is None:
            fv = self.expr(c)
            callee = P.ifexp(P.typeis(P.walrus(f, fv), "R_JSFunction"), P.attr(f, "fn"),
                             P.call("R_fnslow", P.name(f), P.const(desc)))
        if args is None:
            args = self.args_list(e.arguments)
        thisv = P.name("R_undef")
        if c.type == "Identifier" and self.is_dyn_ref(c):
            thisv = P.call("R_dthis", self.env_expr(), P.const(to_utf16(c.name)))
        return P.call(callee, thisv, *args)

    def global_callee(self, c, f, desc):
        """The callee of ``name(...)`` for a global variable ``name``: one dict lookup
        and one type test when the global object holds a plain JS function there (no
        accessor or missing-binding checks are needed for that case), else the full
        global read; None when ``c`` is not such a name."""
        if c.type != "Identifier" or self.is_dyn_ref(c):
            return None
        b = self.an.refs.get(id(c))
        if b is not None and (self.dyn_binding(b) or not self.global_binding(b) or b.lexical):
            return None
        name = to_utf16(c.name)
        k = P.const(name)
        fast = P.typeis(P.walrus(f, P.call(P.attr(P.name("_GP"), "get"), k)), "R_JSFunction")
        if b is None:       # not declared here: a global lexical binding may shadow it
            fast = P.and_(P.mk.Compare(k, [A.NotIn()], [P.name("_GL")]), fast)
        slow = P.call("R_fnslow", self.global_read(name, maybe_lexical=b is None), P.const(desc))
        return P.ifexp(fast, P.attr(f, "fn"), slow)

    def _call_desc(self, c):
        try:
            s = self.src(c)
        except Exception:
            s = "expression"
        if len(s) > 60:
            s = s[:57] + "..."
        return to_utf16(s)

    def e_NewExpression(self, e):
        f = self.expr(e.callee)
        args = self.args_list(e.arguments)
        return P.call("R_new", f, P.const(self._call_desc(e.callee)), *args)

    def e_MetaProperty(self, e):
        if e.meta.name == "new" and e.property.name == "target":
            return P.name("_nt")
        raise CompileError("unsupported meta property", e)

    def e_SpreadElement(self, e):
        raise CompileError("Unexpected spread", e)

    def e_YieldExpression(self, e):
        self.ctx.has_yield = True
        v = self.expr(e.argument) if e.argument is not None else P.name("R_undef")
        if e.delegate:
            return P.mk.YieldFrom(value=P.call("R_yield_star", v))
        return P.mk.Yield(value=v)

    def e_AwaitExpression(self, e):
        self.ctx.has_yield = True
        v = self.expr(e.argument)
        return P.mk.Yield(value=v)

    def e_Super(self, e):
        raise CompileError("'super' keyword unexpected here", e)

    def e_ClassExpression_named(self, e, name_hint):
        return self.e_ClassExpression(e, name_hint)


def module_info(prog):
    """Import and export entries of a module (16.2.1.6 ParseModule, steps 4-10)."""
    requests = []
    imports = []
    local_exports = []
    indirect = []
    stars = []

    def req(spec):
        spec = to_utf16(spec)
        if spec not in requests:
            requests.append(spec)
        return spec

    import_locals = {}
    for s in prog.body:
        t = s.type
        if t == "ImportDeclaration":
            spec = req(s.source.value)
            for sp in s.specifiers:
                if sp.type == "ImportDefaultSpecifier":
                    imports.append((spec, "default", sp.local.name))
                elif sp.type == "ImportNamespaceSpecifier":
                    imports.append((spec, "*", sp.local.name))
                else:
                    imports.append((spec, to_utf16(sp.imported.name), sp.local.name))
                import_locals[sp.local.name] = imports[-1]
        elif t == "ExportNamedDeclaration":
            if s.source is not None:
                spec = req(s.source.value)
                for sp in s.specifiers:
                    indirect.append((to_utf16(sp.exported.name), spec, to_utf16(sp.local.name)))
            elif s.declaration is not None:
                d = s.declaration
                if d.type == "VariableDeclaration":
                    from .scope import bound_names
                    for decl in d.declarations:
                        for ident in bound_names(decl.id, []):
                            local_exports.append((to_utf16(ident.name), ident.name))
                else:
                    local_exports.append((to_utf16(d.id.name), d.id.name))
            else:
                for sp in s.specifiers:
                    ln = sp.local.name
                    en = to_utf16(sp.exported.name)
                    if ln in import_locals and import_locals[ln][1] != "*":
                        ispec, iname, _ = import_locals[ln]
                        indirect.append((en, ispec, iname))
                    else:
                        local_exports.append((en, ln))
        elif t == "ExportDefaultDeclaration":
            d = s.declaration
            if d.type in ("FunctionDeclaration", "ClassDeclaration") and d.id is not None:
                local_exports.append(("default", d.id.name))
            else:
                local_exports.append(("default", "*default*"))
        elif t == "ExportAllDeclaration":
            stars.append(req(s.source.value))
    return (tuple(requests), tuple(imports), tuple(local_exports), tuple(indirect), tuple(stars))


class _Fake:
    """A pseudo JS node wrapping an already-built Python expression."""
    type = "__fake__"

    def __init__(self, py):
        self.py = py


def _runtime_renames():
    from ..runtime.helpers import base_namespace
    ns = base_namespace()
    names = set(ns["__builtins__"]) | {k for k in ns if k != "__builtins__"}
    return {n: "_c_" + n for n in names}


_RENAMES = []


def localize_runtime_names(fdef, mod):
    """Read the runtime's names (``type``, ``float``, ``R_JSArray``...) from locals of
    ``__script__`` that nested functions see as closure cells, instead of as globals
    (the Names were renamed when made: pyast.RENAME; here the cells are bound).

    A global load is two dict lookups (the realm namespace, then builtins) each time it
    runs, where CPython does not specialize it; a cell load is an index.  A guard such as
    ``type(x) is float`` costs a third as much this way.  The names are bound once per
    evaluation of the unit, from the realm namespace (they are the same objects in every
    realm: base_namespace()), so snapshots pickle them by reference."""
    used = P.USED
    if used:
        P.RENAME = {}
        P.POS = {"lineno": fdef.lineno, "col_offset": 0, "end_lineno": fdef.lineno,
                 "end_col_offset": 0}
        fdef.body[0:0] = [P.assign("_c_" + n, P.name(n)) for n in sorted(used)]

