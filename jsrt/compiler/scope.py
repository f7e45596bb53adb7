"""Scope analysis: declarations, hoisting, resolution of every identifier.

One pass over the ESTree builds the scope tree of each function (ECMA-262
§9.1 environments, resolved statically), marks which bindings are captured
by inner functions, which loops need a fresh Python frame per iteration (so
closures see per-iteration ``let`` bindings), which references may observe a
binding in its temporal dead zone, and which functions need a reified
(dictionary) environment because of direct ``eval`` or ``with``.
"""

FUNCTION_TYPES = ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression")
LOOP_TYPES = ("ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement",
              "DoWhileStatement")

#: ESTree node type -> the attributes holding its children (a node, None, or a list of
#: nodes and Nones), in source order.  Types not listed (Identifier, Literal,
#: ThisExpression, Super, TemplateElement...) have none.  Walks over the whole tree use
#: this rather than each node's ``__dict__``: tests/unit check it against esprima.
CHILD_KEYS = {
    "Program": ("body",),
    "ArrayExpression": ("elements",),
    "ArrayPattern": ("elements",),
    "ArrowFunctionExpression": ("params", "body"),
    "AssignmentExpression": ("left", "right"),
    "AssignmentPattern": ("left", "right"),
    "AwaitExpression": ("argument",),
    "BinaryExpression": ("left", "right"),
    "BlockStatement": ("body",),
    "BreakStatement": ("label",),
    "CallExpression": ("callee", "arguments"),
    "CatchClause": ("param", "body"),
    "ClassBody": ("body",),
    "ClassDeclaration": ("id", "superClass", "body"),
    "ClassExpression": ("id", "superClass", "body"),
    "ConditionalExpression": ("test", "consequent", "alternate"),
    "ContinueStatement": ("label",),
    "DoWhileStatement": ("body", "test"),
    "ExportAllDeclaration": ("source",),
    "ExportDefaultDeclaration": ("declaration",),
    "ExportNamedDeclaration": ("declaration", "specifiers", "source"),
    "ExportSpecifier": ("local", "exported"),
    "ExportDefaultSpecifier": ("local",),
    "ExpressionStatement": ("expression",),
    "FieldDefinition": ("key", "value"),
    "ForInStatement": ("left", "right", "body"),
    "ForOfStatement": ("left", "right", "body"),
    "ForStatement": ("init", "test", "update", "body"),
    "FunctionDeclaration": ("id", "params", "body"),
    "FunctionExpression": ("id", "params", "body"),
    "IfStatement": ("test", "consequent", "alternate"),
    "ImportDeclaration": ("specifiers", "source"),
    "ImportDefaultSpecifier": ("local",),
    "ImportNamespaceSpecifier": ("local",),
    "ImportSpecifier": ("imported", "local"),
    "LabeledStatement": ("label", "body"),
    "LogicalExpression": ("left", "right"),
    "MemberExpression": ("object", "property"),
    "MetaProperty": ("meta", "property"),
    "MethodDefinition": ("key", "value"),
    "NewExpression": ("callee", "arguments"),
    "ObjectExpression": ("properties",),
    "ObjectPattern": ("properties",),
    "Property": ("key", "value"),
    "RestElement": ("argument",),
    "ReturnStatement": ("argument",),
    "SequenceExpression": ("expressions",),
    "SpreadElement": ("argument",),
    "SwitchCase": ("test", "consequent"),
    "SwitchStatement": ("discriminant", "cases"),
    "TaggedTemplateExpression": ("tag", "quasi"),
    "TemplateLiteral": ("quasis", "expressions"),
    "ThrowStatement": ("argument",),
    "TryStatement": ("block", "handler", "finalizer"),
    "UnaryExpression": ("argument",),
    "UpdateExpression": ("argument",),
    "VariableDeclaration": ("declarations",),
    "VariableDeclarator": ("id", "init"),
    "WhileStatement": ("test", "body"),
    "WithStatement": ("object", "body"),
    "YieldExpression": ("argument",),
}


def push_children(node, push, item=None):
    """``push((child, item))`` for each child node of ``node``, last child first (so
    that popping them visits them in source order)."""
    keys = CHILD_KEYS.get(node.type)
    if keys is None:
        return
    for k in reversed(keys):
        v = getattr(node, k)
        if v is None:
            continue
        if isinstance(v, list):
            for x in reversed(v):
                if x is not None:
                    push((x, item))
        else:
            push((v, item))


class Binding:
    __slots__ = ("name", "kind", "scope", "pyname", "captured", "tdz", "decl_end",
                 "loop", "assigned", "annexb")

    def __init__(self, name, kind, scope, decl_end=0):
        self.name = name
        self.kind = kind          # var let const class function param catch fname arguments
        self.scope = scope
        self.pyname = None
        self.captured = False
        self.tdz = False          # some reference may run before initialisation
        self.decl_end = decl_end
        self.loop = None          # innermost loop (same function) the scope sits in
        self.assigned = False
        self.annexb = False

    @property
    def lexical(self):
        return self.kind in ("let", "const", "class")

    def __repr__(self):
        return "<Binding %s %s>" % (self.kind, self.name)


class Scope:
    __slots__ = ("kind", "parent", "func", "bindings", "node", "loop", "dynamic")

    def __init__(self, kind, parent, func, node=None, loop=None):
        self.kind = kind          # function script block for catch switch class fname with eval
        self.parent = parent
        self.func = func
        self.bindings = {}
        self.node = node
        self.loop = loop
        self.dynamic = False


class FuncInfo:
    __slots__ = ("node", "parent", "scope", "strict", "kind", "is_arrow", "is_async", "is_gen",
                 "uses_this", "uses_args", "uses_nt", "uses_super", "uses_super_call",
                 "has_eval", "has_with", "dynamic", "hoisted", "simple_params", "name",
                 "var_names", "args_binding", "assigns_params", "is_script", "contains_yield",
                 "class_info", "is_method", "is_ctor", "is_derived", "lex_names", "home",
                 "param_names")

    def __init__(self, node, parent, kind):
        self.node = node
        self.parent = parent
        self.kind = kind          # script eval function arrow method get set ctor module
        self.scope = None
        self.strict = False
        self.is_arrow = kind == "arrow"
        self.is_async = bool(getattr(node, "isAsync", False)) if node is not None else False
        self.is_gen = bool(getattr(node, "generator", False)) if node is not None else False
        self.uses_this = False
        self.uses_args = False
        self.uses_nt = False
        self.uses_super = False
        self.uses_super_call = False
        self.has_eval = False
        self.has_with = False
        self.dynamic = False
        self.hoisted = []
        self.simple_params = True
        self.name = None
        self.var_names = []
        self.args_binding = None
        self.assigns_params = False
        self.is_script = kind in ("script", "eval", "module")
        self.contains_yield = False
        self.class_info = None
        self.is_method = kind in ("method", "get", "set", "ctor")
        self.is_ctor = kind == "ctor"
        self.is_derived = False
        self.lex_names = []
        self.home = False
        self.param_names = []

    def this_func(self):
        f = self
        while f.is_arrow:
            f = f.parent
        return f


def is_strict_body(stmts):
    for s in stmts:
        if s.type != "ExpressionStatement" or getattr(s, "directive", None) is None:
            break
        if s.directive == "use strict":
            return True
    return False


def bound_names(pattern, out):
    """BoundNames of a binding pattern (8.2.1)."""
    t = pattern.type
    if t == "Identifier":
        out.append(pattern)
    elif t == "ObjectPattern":
        for p in pattern.properties:
            if p.type == "RestElement":
                bound_names(p.argument, out)
            else:
                bound_names(p.value, out)
    elif t == "ArrayPattern":
        for e in pattern.elements:
            if e is not None:
                bound_names(e, out)
    elif t == "AssignmentPattern":
        bound_names(pattern.left, out)
    elif t == "RestElement":
        bound_names(pattern.argument, out)
    return out


def find_dynamic_functions(prog):
    """Ids of function nodes that contain (directly or in an inner function) a direct
    ``eval(...)`` call or a ``with`` statement: their scopes must be reified."""
    dynamic = set()
    has_top = False
    todo = [(prog, None)]       # (node, enclosing functions: (id, outer ones) or None)
    pop = todo.pop
    push = todo.append
    while todo:
        node, fns = pop()
        t = node.type
        if t in FUNCTION_TYPES:
            fns = (id(node), fns)
        elif t == "WithStatement" or t == "CallExpression" and node.callee.type == "Identifier" \
                and node.callee.name == "eval":
            if fns is None:
                has_top = True
            # a function already marked has all its enclosing ones marked too
            f = fns
            while f is not None and f[0] not in dynamic:
                dynamic.add(f[0])
                f = f[1]
        push_children(node, push, fns)
    return dynamic, has_top


def _hoist_walk(s, top, fi, names, annexb):
    """The var-scoped names of statement ``s`` into ``names``; function declarations at
    the top of the body into ``fi.hoisted``, sloppy ones in blocks into ``annexb``."""
    t = s.type
    if t == "VariableDeclaration":
        if s.kind == "var":
            for d in s.declarations:
                for ident in bound_names(d.id, []):
                    names.append(ident.name)
    elif t == "FunctionDeclaration":
        if top:
            fi.hoisted.append(s)
            names.append(s.id.name)
        else:
            # Annex B.3.3: sloppy block functions also get a var binding.
            if not fi.strict and not s.generator and not getattr(s, "isAsync", False):
                annexb.append(s.id.name)
    elif t == "BlockStatement":
        for x in s.body:
            _hoist_walk(x, False, fi, names, annexb)
    elif t == "IfStatement":
        _hoist_walk(s.consequent, False, fi, names, annexb)
        if s.alternate is not None:
            _hoist_walk(s.alternate, False, fi, names, annexb)
    elif t in ("WhileStatement", "DoWhileStatement", "WithStatement"):
        _hoist_walk(s.body, False, fi, names, annexb)
    elif t == "LabeledStatement":
        _hoist_walk(s.body, top and s.body.type == "FunctionDeclaration", fi, names, annexb)
    elif t == "ForStatement":
        if s.init is not None and s.init.type == "VariableDeclaration":
            _hoist_walk(s.init, False, fi, names, annexb)
        _hoist_walk(s.body, False, fi, names, annexb)
    elif t in ("ForInStatement", "ForOfStatement"):
        if s.left.type == "VariableDeclaration":
            _hoist_walk(s.left, False, fi, names, annexb)
        _hoist_walk(s.body, False, fi, names, annexb)
    elif t == "TryStatement":
        _hoist_walk(s.block, False, fi, names, annexb)
        if s.handler is not None:
            _hoist_walk(s.handler.body, False, fi, names, annexb)
        if s.finalizer is not None:
            _hoist_walk(s.finalizer, False, fi, names, annexb)
    elif t == "SwitchStatement":
        for c in s.cases:
            for x in c.consequent:
                _hoist_walk(x, False, fi, names, annexb)
    elif t in ("ExportNamedDeclaration", "ExportDefaultDeclaration"):
        d = s.declaration
        if d is not None and d.type in ("VariableDeclaration", "FunctionDeclaration"):
            if d.type == "FunctionDeclaration":
                fi.hoisted.append(d)
                if d.id is not None:
                    names.append(d.id.name)
            else:
                _hoist_walk(d, top, fi, names, annexb)


class Analyzer:
    """Builds FuncInfo/Scope trees and resolves identifiers.

    Results: ``funcs[id(node)]``, ``scopes[id(node)]``, ``refs[id(ident)]``
    (a Binding, or None for a global / dynamic reference), ``loops_fresh`` (ids
    of loops that need a Python frame per iteration).
    """

    def __init__(self):
        self.funcs = {}
        self.scopes = {}
        self.refs = {}
        self.loops_fresh = set()
        self.loop_has_yield = set()
        self.func = None
        self.scope = None
        self.loop = None
        self.loop_stack = []
        self.dyn_refs = set()
        self.dynamic_fns = set()
        self.num_bindings = set()
        self.int_bindings = set()
        self.nonneg_bindings = set()

    # -- entry points ------------------------------------------------------
    def analyze_program(self, prog, kind="script", strict=False, outer_scope=None):
        self.dynamic_fns, _top = find_dynamic_functions(prog)
        fi = FuncInfo(None, None, kind)
        fi.strict = strict or is_strict_body(prog.body) or kind == "module"
        self.funcs[id(prog)] = fi
        sc = Scope("script" if kind != "eval" else "eval", outer_scope, fi, prog)
        if kind == "module":
            sc.kind = "module"
            sc.dynamic = True
        fi.scope = sc
        self.scopes[id(prog)] = sc
        self.func, self.scope = fi, sc
        if kind == "module":
            self._declare_module(prog.body, sc)
        if kind == "eval":
            # eval code: vars go to the caller's variable environment (dynamic),
            # or to a new one in strict mode.
            sc.dynamic = True
        self._hoist_vars(prog.body, fi, sc)
        self._declare_lexical(prog.body, sc)
        self.check_var_lex_conflicts(prog.body, sc)
        for s in prog.body:
            self.stmt(s)
        self.num_bindings, self.int_bindings, self.nonneg_bindings = infer_number_bindings(self)
        return fi

    def release(self):
        """Break the reference cycles of the scope trees (a Scope and its Bindings, a
        Scope and its FuncInfo) once code generation is done with them, so that they
        and the ESTree they hold are freed by reference counting: left to the cyclic
        GC, a large library's compile leaves half a million objects for it to trace."""
        for sc in self.scopes.values():
            sc.bindings = None
            sc.func = None

    # -- declarations --------------------------------------------------------
    LEXICAL_KINDS = frozenset(("let", "const", "class", "blockfn", "classinner", "import"))

    def declare(self, scope, name, kind, decl_end=0, node=None):
        b = scope.bindings.get(name)
        if b is not None:
            lex = self.LEXICAL_KINDS
            if kind in lex or b.kind in lex:
                # Annex B.3.3.4: sloppy duplicate plain function declarations in a block
                if kind == "blockfn" and b.kind == "blockfn" and not scope.func.strict \
                        and not getattr(self, "_nonplain_fn", False):
                    return b
                if kind == "catch" and b.kind == "catch":
                    self.early_error("Identifier '%s' has already been declared" % name, node)
                self.early_error("Identifier '%s' has already been declared" % name, node)
            if kind == "function" and b.kind in ("var", "function", "param"):
                b.kind = "function" if b.kind != "param" else b.kind
            if kind == "catch" and b.kind == "catch":
                self.early_error("Identifier '%s' has already been declared" % name, node)
            return b
        b = Binding(name, kind, scope, decl_end)
        b.loop = scope.loop
        scope.bindings[name] = b
        if scope.loop is not None and scope.func.dynamic and not scope.func.is_script:
            self.loops_fresh.add(id(scope.loop))
        return b

    def early_error(self, message, node=None):
        from .codegen import CompileError
        raise CompileError(message, node)

    @staticmethod
    def var_declared_names(stmts):
        """VarDeclaredNames of a statement list (not entering functions): (name, node)."""
        out = []
        todo = list(reversed(stmts))
        while todo:
            s = todo.pop()
            t = getattr(s, "type", None)
            if t is None or t in FUNCTION_TYPES or t in ("ClassDeclaration", "ClassExpression"):
                continue
            if t == "VariableDeclaration":
                if s.kind == "var":
                    for d in s.declarations:
                        for ident in bound_names(d.id, []):
                            out.append((ident.name, ident))
                continue
            inner = []
            for k in ("body", "consequent", "alternate", "block", "finalizer", "init", "left"):
                v = getattr(s, k, None)
                if isinstance(v, list):
                    inner.extend(v)
                elif v is not None and hasattr(v, "type"):
                    inner.append(v)
            h = getattr(s, "handler", None)
            if h is not None:
                inner.append(h.body)
            cases = getattr(s, "cases", None)
            if cases:
                for c in cases:
                    inner.extend(c.consequent)
            todo.extend(reversed(inner))
        return out

    def check_var_lex_conflicts(self, stmts, scope, extra_lex=()):
        """LexicallyDeclaredNames of a block must not also be VarDeclaredNames (14.2.1)."""
        lexn = {n for n, b in scope.bindings.items() if b.kind in self.LEXICAL_KINDS}
        lexn.update(extra_lex)
        if not lexn:
            return
        for name, node in self.var_declared_names(stmts):
            if name in lexn:
                self.early_error("Identifier '%s' has already been declared" % name, node)

    def _hoist_vars(self, stmts, fi, scope):
        """VarDeclaredNames + top-level function declarations of a body."""
        names = []
        annexb = []
        for s in stmts:
            _hoist_walk(s, True, fi, names, annexb)
        for n in names:
            b = self.declare(scope, n, "var")
            if n not in fi.var_names:
                fi.var_names.append(n)
        self._annexb = getattr(self, "_annexb", {})
        self._annexb[id(fi)] = annexb
        for n in annexb:
            if n not in scope.bindings and n not in fi.param_names:
                b = self.declare(scope, n, "var")
                b.annexb = True
                if n not in fi.var_names:
                    fi.var_names.append(n)

    def _declare_module(self, stmts, scope):
        """Import bindings and the *default* binding of a module (16.2.1.6)."""
        for s in stmts:
            if s.type == "ImportDeclaration":
                for sp in s.specifiers:
                    b = self.declare(scope, sp.local.name, "import")
            elif s.type == "ExportDefaultDeclaration":
                d = s.declaration
                if d.type in ("FunctionDeclaration", "ClassDeclaration") and d.id is not None:
                    continue
                kind = "function" if d.type == "FunctionDeclaration" else "const"
                self.declare(scope, "*default*", kind, s.range[1])

    def _declare_lexical(self, stmts, scope, fn_top=True):
        nonplain_names = set()
        for s in stmts:
            d = s
            if s.type in ("ExportNamedDeclaration", "ExportDefaultDeclaration"):
                d = s.declaration
                if d is None:
                    continue
            t = d.type
            if t == "VariableDeclaration" and d.kind != "var":
                for decl in d.declarations:
                    for ident in bound_names(decl.id, []):
                        if ident.name == "let":
                            self.early_error("let is disallowed as a lexically bound name", ident)
                        self.declare(scope, ident.name, d.kind, decl.range[1], node=ident)
            elif t in ("ClassDeclaration", "ClassExpression") and d.id is not None and s is not d or t == "ClassDeclaration":
                if d.id is not None:
                    self.declare(scope, d.id.name, "class", d.range[1], node=d)
            elif t == "FunctionDeclaration" and scope.kind not in ("function", "script", "eval", "module"):
                if d.id is not None:
                    nonplain = bool(d.generator or getattr(d, "isAsync", False))
                    self._nonplain_fn = nonplain
                    prev = scope.bindings.get(d.id.name)
                    if prev is not None and prev.kind == "blockfn" and (
                            scope.func.strict or nonplain or d.id.name in nonplain_names):
                        self.early_error("Identifier '%s' has already been declared" % d.id.name, d)
                    if nonplain:
                        nonplain_names.add(d.id.name)
                    b = self.declare(scope, d.id.name, "blockfn", node=d)
                    b.kind = "blockfn"
                    self._nonplain_fn = False

    # -- resolution ---------------------------------------------------------
    def resolve(self, ident, assign=False, decl=False):
        name = ident.name
        sc = self.scope
        crossed = False
        dynamic = False
        while sc is not None:
            if sc.kind == "with" or sc.dynamic or (sc.func.dynamic and not sc.func.is_script):
                dynamic = True
            b = sc.bindings.get(name)
            if b is not None:
                if crossed:
                    b.captured = True
                    if b.loop is not None:
                        self.loops_fresh.add(id(b.loop))
                if assign and not decl:
                    b.assigned = True
                    if b.kind == "param":
                        sc.func.assigns_params = True
                if b.lexical and not decl and (ident.range[0] < b.decl_end or b.scope.kind == "switch"):
                    b.tdz = True
                if b.lexical and crossed and b.scope.func is not self.func:
                    # closures may run before or after initialisation
                    if self._closure_may_run_early(b, ident):
                        b.tdz = True
                self.refs[id(ident)] = b
                if dynamic:
                    self.dyn_refs.add(id(ident))
                return b
            if sc.kind == "function" and name == "arguments" and not sc.func.is_arrow:
                fi = sc.func
                if "arguments" not in sc.bindings:
                    b = self.declare(sc, "arguments", "arguments")
                    fi.args_binding = b
                    fi.uses_args = True
                    if crossed:
                        b.captured = True
                    self.refs[id(ident)] = b
                    if dynamic:
                        self.dyn_refs.add(id(ident))
                    return b
            if sc.kind == "function":
                crossed = True
            sc = sc.parent
        self.refs[id(ident)] = None
        if dynamic:
            self.dyn_refs.add(id(ident))
        return None

    def _closure_may_run_early(self, b, ident):
        # A closure created textually after the declaration in the same scope
        # chain can only run after initialisation, unless it is hoisted.
        return False

    def _mark_dynamic_chain(self, scope):
        pass

    # -- statements ----------------------------------------------------------
    def stmts(self, body):
        for s in body:
            self.stmt(s)

    def push_scope(self, kind, node):
        sc = Scope(kind, self.scope, self.func, node, self.loop)
        self.scopes[id(node)] = sc
        self.scope = sc
        return sc

    def pop_scope(self):
        self.scope = self.scope.parent

    def stmt(self, s):
        t = s.type
        m = getattr(self, "s_" + t, None)
        if m is None:
            raise NotImplementedError(t)
        m(s)

    def s_ExpressionStatement(self, s):
        e = s.expression
        # ExpressionStatement may not start with `class` or `function` (14.5)
        if e.type in ("ClassExpression", "FunctionExpression") and e.range[0] == s.range[0]:
            self.early_error("Unexpected token '%s'" % ("class" if e.type == "ClassExpression"
                                                         else "function"), s)
        self.expr(e)

    def s_EmptyStatement(self, s):
        pass

    def s_DebuggerStatement(self, s):
        pass

    def s_BlockStatement(self, s):
        self.push_scope("block", s)
        self._declare_lexical(s.body, self.scope)
        self.check_var_lex_conflicts(s.body, self.scope)
        self.stmts(s.body)
        self.pop_scope()

    def s_VariableDeclaration(self, s):
        for d in s.declarations:
            self.pattern(d.id, decl=True)
            if d.init is not None:
                self.expr(d.init)

    def s_FunctionDeclaration(self, s):
        self.function(s, "function")

    def s_ClassDeclaration(self, s):
        self.klass(s)

    def s_ReturnStatement(self, s):
        if s.argument is not None:
            self.expr(s.argument)

    def s_IfStatement(self, s):
        self.expr(s.test)
        self.sub_stmt(s.consequent)
        if s.alternate is not None:
            self.sub_stmt(s.alternate)

    def check_statement_position(self, s, where):
        """Declarations are not Statements (13.x early errors; Annex B.3.4 allows a plain
        sloppy function declaration as an if-statement body)."""
        t = s.type
        if t == "ClassDeclaration":
            self.early_error("Unexpected token 'class'", s)
        if t == "VariableDeclaration" and s.kind != "var":
            self.early_error("Lexical declaration cannot appear in a single-statement context", s)
        if t == "FunctionDeclaration":
            if where != "if" or self.func.strict or s.generator or getattr(s, "isAsync", False):
                self.early_error("In %s code, functions can only be declared at top level or "
                                 "inside a block." % ("strict" if self.func.strict else "non-strict"), s)
        if t == "LabeledStatement":
            body = s.body
            while body.type == "LabeledStatement":
                body = body.body
            if body.type == "FunctionDeclaration":
                self.early_error("Labelled function declarations are not allowed here", body)

    def sub_stmt(self, s, where="if"):
        self.check_statement_position(s, where)
        # A function declaration in statement position (sloppy if-body) gets its own scope.
        if s.type == "FunctionDeclaration":
            self.push_scope("block", s)
            self.declare(self.scope, s.id.name, "blockfn")
            self.stmt(s)
            self.pop_scope()
        else:
            self.stmt(s)

    def _loop(self, s, fn):
        outer = self.loop
        self.loop = s
        self.loop_stack.append(s)
        try:
            fn()
        finally:
            self.loop_stack.pop()
            self.loop = outer

    def s_WhileStatement(self, s):
        def f():
            self.expr(s.test)
            self.sub_stmt(s.body, "loop")
        self._loop(s, f)

    def s_DoWhileStatement(self, s):
        self.s_WhileStatement(s)

    def s_ForStatement(self, s):
        def f():
            lexical = s.init is not None and s.init.type == "VariableDeclaration" and s.init.kind != "var"
            if lexical:
                self.push_scope("for", s)
                for d in s.init.declarations:
                    for ident in bound_names(d.id, []):
                        self.declare(self.scope, ident.name, s.init.kind, d.range[1], node=ident)
                self.check_var_lex_conflicts([s.body], self.scope)
            if s.init is not None:
                if s.init.type == "VariableDeclaration":
                    self.stmt(s.init)
                else:
                    self.expr(s.init)
            if s.test is not None:
                self.expr(s.test)
            if s.update is not None:
                self.expr(s.update)
            self.sub_stmt(s.body, "loop")
            if lexical:
                self.pop_scope()
        self._loop(s, f)

    def s_ForInStatement(self, s):
        left = s.left
        lexical = left.type == "VariableDeclaration" and left.kind != "var"
        if lexical:
            # TDZ scope for the right-hand side
            self.push_scope("block", s.right)
            for d in left.declarations:
                for ident in bound_names(d.id, []):
                    self.declare(self.scope, ident.name, left.kind, left.range[1])
            self.expr(s.right)
            self.pop_scope()
        else:
            self.expr(s.right)

        def f():
            if lexical:
                self.push_scope("for", s)
                for d in left.declarations:
                    for ident in bound_names(d.id, []):
                        if ident.name == "let":
                            self.early_error("let is disallowed as a lexically bound name", ident)
                        self.declare(self.scope, ident.name, left.kind, 0, node=ident)
                self.check_var_lex_conflicts([s.body], self.scope)
            if left.type == "VariableDeclaration":
                for d in left.declarations:
                    self.pattern(d.id, decl=True)
                    if d.init is not None:
                        self.expr(d.init)
            else:
                self.pattern(left, decl=False)
            self.sub_stmt(s.body, "loop")
            if lexical:
                self.pop_scope()
        self._loop(s, f)

    s_ForOfStatement = s_ForInStatement

    def s_BreakStatement(self, s):
        pass

    s_ContinueStatement = s_BreakStatement

    def s_LabeledStatement(self, s):
        if s.body.type == "FunctionDeclaration":
            b = s.body
            if self.func.strict or b.generator or getattr(b, "isAsync", False):
                self.early_error("Labelled function declarations are not allowed here", b)
            self.stmt(b)
        else:
            self.sub_stmt(s.body, "label")

    def s_ThrowStatement(self, s):
        self.expr(s.argument)

    def s_TryStatement(self, s):
        self.stmt(s.block)
        h = s.handler
        if h is not None:
            self.push_scope("catch", h)
            pnames = []
            if h.param is not None:
                for ident in bound_names(h.param, []):
                    self.declare(self.scope, ident.name, "catch", node=ident)
                    pnames.append(ident.name)
                self.pattern(h.param, decl=True)
            if pnames:
                # the catch parameter may not be redeclared lexically in the block (14.15.1)
                for st in h.body.body:
                    d = st
                    if d.type == "VariableDeclaration" and d.kind != "var":
                        for decl in d.declarations:
                            for ident in bound_names(decl.id, []):
                                if ident.name in pnames:
                                    self.early_error("Identifier '%s' has already been declared"
                                                     % ident.name, ident)
                    elif d.type in ("ClassDeclaration", "FunctionDeclaration") and d.id is not None \
                            and d.id.name in pnames:
                        self.early_error("Identifier '%s' has already been declared" % d.id.name, d)
            self.stmt(h.body)
            self.pop_scope()
        if s.finalizer is not None:
            self.stmt(s.finalizer)

    def s_SwitchStatement(self, s):
        self.expr(s.discriminant)
        self.push_scope("switch", s)
        allst = [x for c in s.cases for x in c.consequent]
        self._declare_lexical(allst, self.scope)
        self.check_var_lex_conflicts(allst, self.scope)
        for c in s.cases:
            if c.test is not None:
                self.expr(c.test)
            self.stmts(c.consequent)
        self.pop_scope()

    def s_WithStatement(self, s):
        self.expr(s.object)
        self.func.has_with = True
        self._make_dynamic()
        self.push_scope("with", s)
        self.sub_stmt(s.body, "with")
        self.pop_scope()

    def _make_dynamic(self):
        pass

    # modules
    def s_ImportDeclaration(self, s):
        pass

    def s_ExportNamedDeclaration(self, s):
        if s.declaration is not None:
            self.stmt(s.declaration)
        elif s.source is None:
            for sp in s.specifiers:
                self.resolve(sp.local)

    def s_ExportDefaultDeclaration(self, s):
        d = s.declaration
        if d.type == "FunctionDeclaration":
            if d.id is None:
                self.function(d, "function")
            else:
                self.stmt(d)
        elif d.type == "ClassDeclaration":
            self.klass(d)
        else:
            self.expr(d)

    def s_ExportAllDeclaration(self, s):
        pass

    # -- patterns ------------------------------------------------------------
    def pattern(self, p, decl):
        t = p.type
        if t == "Identifier":
            self.resolve(p, assign=True, decl=decl)
        elif t == "ObjectPattern":
            for prop in p.properties:
                if prop.type == "RestElement":
                    self.pattern(prop.argument, decl)
                else:
                    if prop.computed:
                        self.expr(prop.key)
                    self.pattern(prop.value, decl)
        elif t == "ArrayPattern":
            for e in p.elements:
                if e is not None:
                    self.pattern(e, decl)
        elif t == "AssignmentPattern":
            self.pattern(p.left, decl)
            self.expr(p.right)
        elif t == "RestElement":
            self.pattern(p.argument, decl)
        elif t == "MemberExpression":
            self.expr(p)
        else:
            self.expr(p)

    # -- expressions -----------------------------------------------------------
    def expr(self, e):
        t = e.type
        m = getattr(self, "e_" + t, None)
        if m is None:
            raise NotImplementedError(t)
        m(e)

    def e_Identifier(self, e):
        self.resolve(e)

    def e_Literal(self, e):
        pass

    def e_TemplateLiteral(self, e):
        for x in e.expressions:
            self.expr(x)

    def e_TaggedTemplateExpression(self, e):
        self.expr(e.tag)
        self.e_TemplateLiteral(e.quasi)

    def e_ThisExpression(self, e):
        f = self.func
        tf = f.this_func()
        tf.uses_this = True
        if tf is not f:
            f.uses_this = True

    def e_Super(self, e):
        f = self.func
        tf = f.this_func()
        tf.uses_super = True
        tf.uses_this = True

    def e_MetaProperty(self, e):
        tf = self.func.this_func()
        tf.uses_nt = True

    def e_ArrayExpression(self, e):
        for x in e.elements:
            if x is not None:
                self.expr(x)

    def e_ObjectExpression(self, e):
        for p in e.properties:
            if p.type == "SpreadElement":
                self.expr(p.argument)
                continue
            if p.computed:
                self.expr(p.key)
            v = p.value
            if v.type == "FunctionExpression" and (p.method or p.kind in ("get", "set")):
                self.function(v, "method" if p.kind == "init" else p.kind, home=True)
            else:
                self.expr(v)

    def e_FunctionExpression(self, e):
        self.function(e, "function")

    def e_ArrowFunctionExpression(self, e):
        self.function(e, "arrow")

    def e_ClassExpression(self, e):
        self.klass(e)

    def e_SpreadElement(self, e):
        self.expr(e.argument)

    def e_MemberExpression(self, e):
        self.expr(e.object)
        if e.computed:
            self.expr(e.property)

    def e_CallExpression(self, e):
        c = e.callee
        if c.type == "Super":
            tf = self.func.this_func()
            tf.uses_super_call = True
            tf.uses_this = True
            tf.uses_nt = True
            f = self.func
            while f is not tf:
                f.uses_this = True
                f = f.parent
        else:
            self.expr(c)
        for a in e.arguments:
            self.expr(a)
        if c.type == "Identifier" and c.name == "eval" and self.refs.get(id(c)) is None:
            # direct eval: every scope up the chain must be reifiable
            self.func.has_eval = True
            self._make_dynamic()
            f = self.func
            tf = f.this_func()
            tf.uses_this = True
            tf.uses_nt = tf.uses_nt or not tf.is_script
            while f is not tf:
                f.uses_this = True
                f = f.parent

    def e_NewExpression(self, e):
        self.expr(e.callee)
        for a in e.arguments:
            self.expr(a)

    def e_UpdateExpression(self, e):
        self._note_arguments_write(e.argument)
        if e.argument.type == "Identifier":
            self.resolve(e.argument, assign=True)
        else:
            self.expr(e.argument)

    def e_AwaitExpression(self, e):
        self.func.contains_yield = True
        for lp in self.loop_stack:
            self.loop_has_yield.add(id(lp))
        self.expr(e.argument)

    def e_YieldExpression(self, e):
        self.func.contains_yield = True
        for lp in self.loop_stack:
            self.loop_has_yield.add(id(lp))
        if e.argument is not None:
            self.expr(e.argument)

    def e_UnaryExpression(self, e):
        self.expr(e.argument)

    def e_BinaryExpression(self, e):
        self.expr(e.left)
        self.expr(e.right)

    e_LogicalExpression = e_BinaryExpression

    def e_ConditionalExpression(self, e):
        self.expr(e.test)
        self.expr(e.consequent)
        self.expr(e.alternate)

    def _note_arguments_write(self, target):
        # writes through arguments[i] need a mapped arguments object (10.4.4.7)
        if target.type == "MemberExpression" and target.object.type == "Identifier" \
                and target.object.name == "arguments":
            f = self.func.this_func()
            f.assigns_params = True

    def e_AssignmentExpression(self, e):
        self._note_arguments_write(e.left)
        if e.operator == "=":
            self.pattern(e.left, decl=False)
        elif e.left.type == "Identifier":
            self.resolve(e.left, assign=True)
        else:
            self.expr(e.left)
        self.expr(e.right)

    def e_SequenceExpression(self, e):
        for x in e.expressions:
            self.expr(x)

    def e_Import(self, e):
        pass

    # -- functions and classes -------------------------------------------------
    #: deeper function nesting is refused: CPython's compiler is quadratic in it
    MAX_FUNCTION_DEPTH = 200

    def function(self, node, kind, home=False, class_info=None):
        parent = self.func
        depth = 0
        f = parent
        while f is not None:
            depth += 1
            f = f.parent
        if depth > self.MAX_FUNCTION_DEPTH:
            from .codegen import CompileError
            raise CompileError("Functions nested too deeply (more than %d levels)"
                               % self.MAX_FUNCTION_DEPTH, node)
        fi = FuncInfo(node, parent, kind)
        fi.dynamic = id(node) in self.dynamic_fns
        if fi.dynamic and kind != "arrow":
            fi.uses_args = True
        fi.home = home
        fi.class_info = class_info
        self.funcs[id(node)] = fi
        body = node.body
        stmts = body.body if body.type == "BlockStatement" else []
        fi.strict = parent.strict or (body.type == "BlockStatement" and is_strict_body(stmts)) \
            or class_info is not None
        saved = (self.func, self.scope, self.loop, self.loop_stack)
        outer_scope = self.scope
        if kind == "function" and node.type == "FunctionExpression" and node.id is not None:
            # The name of a named function expression is bound in its own scope.
            outer_scope = Scope("fname", outer_scope, parent, node)
            self.scopes[("fname", id(node))] = outer_scope
            b = self.declare(outer_scope, node.id.name, "fname")
        self.func = fi
        self.loop = None
        self.loop_stack = []
        sc = Scope("function", outer_scope, fi, node)
        fi.scope = sc
        self.scopes[id(node)] = sc
        self.scope = sc
        for p in node.params:
            if p.type != "Identifier":
                fi.simple_params = False
            for ident in bound_names(p, []):
                self.declare(sc, ident.name, "param")
                fi.param_names.append(ident.name)
        self._hoist_vars(stmts, fi, sc)
        self._declare_lexical(stmts, sc)
        if fi.dynamic and not fi.is_arrow and "arguments" not in sc.bindings:
            b = self.declare(sc, "arguments", "arguments")
            fi.args_binding = b
            fi.uses_args = True
        for p in node.params:
            self.pattern(p, decl=True)
        if body.type == "BlockStatement":
            self.stmts(stmts)
        else:
            self.expr(body)
        self.func, self.scope, self.loop, self.loop_stack = saved
        if fi.uses_args and not fi.strict and fi.simple_params:
            pass
        return fi

    def klass(self, node):
        if node.superClass is not None:
            self.expr(node.superClass)
        self.push_scope("class", node)
        if node.id is not None:
            self.declare(self.scope, node.id.name, "const" if node.type == "ClassExpression" else "classinner")
        info = {"derived": node.superClass is not None}
        for m in node.body.body:
            if m.computed:
                self.expr(m.key)
            kind = {"constructor": "ctor", "method": "method", "get": "get", "set": "set"}[m.kind]
            fi = self.function(m.value, kind, home=True, class_info=info)
            if kind == "ctor":
                fi.is_derived = info["derived"]
        self.pop_scope()


# ---------------------------------------------------------------------------
# Number-typed locals
# ---------------------------------------------------------------------------
# A static local whose every reference provably sees a Number lets the code generator
# drop the ``type(x) is float`` guards around its arithmetic.  The rules are
# deliberately simple:
#
# * the binding is a ``var``/``let``/``const`` of a non-dynamic function, not captured
#   by a closure (so only its own function's code can read or write it), without TDZ
#   checks, and no reference to it is dynamic;
# * its textually first reference D is a defining write (``var x = e`` / ``x = e`` as
#   a statement of a block, or the init of a ``for``), and every other reference lies
#   after D and inside the block D is a statement of (or inside the ``for`` whose init
#   D is): such references can only run after D has run (statements of a block run in
#   order; the only way into a block is through its start);
# * every write stores a Number, assuming the same of every binding in the set (a
#   greatest fixpoint): number literals, ``+e``, ``x++``, ``a - b`` (``-``, ``*``, ``/``,
#   ``%``, ``**``, bitwise and shift operators: if one operand is a Number the result is
#   a Number or a TypeError), ``a + b`` with both operands Numbers, ``x op= e``...

_NUM_EITHER = frozenset(("-", "*", "/", "%", "**", "&", "|", "^", "<<", ">>"))
_NUM_COMPOUND = frozenset(("-=", "*=", "/=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>=",
                           ">>>="))
_PATTERN_PARENTS = frozenset(("ArrayPattern", "ObjectPattern", "AssignmentPattern",
                              "RestElement", "ForInStatement", "ForOfStatement", "CatchClause",
                              "FunctionDeclaration", "FunctionExpression",
                              "ArrowFunctionExpression", "ClassDeclaration", "ClassExpression"))


def is_number_literal(e):
    return e.type == "Literal" and isinstance(e.value, (int, float)) \
        and not isinstance(e.value, bool) and getattr(e, "regex", None) is None


def number_typed(e, refs, nums):
    """True when evaluating JS expression ``e`` can only produce a Number (or throw),
    given that every binding in ``nums`` holds a Number wherever it is read."""
    while True:
        t = e.type
        if t == "Literal":
            return is_number_literal(e)
        if t == "Identifier":
            b = refs.get(id(e))
            return b is not None and b in nums
        if t == "BinaryExpression":
            op = e.operator
            if op == ">>>":
                return True
            if op == "+":
                return number_typed(e.left, refs, nums) and number_typed(e.right, refs, nums)
            if op in _NUM_EITHER:
                return number_typed(e.left, refs, nums) or number_typed(e.right, refs, nums)
            return False
        if t == "UnaryExpression":
            op = e.operator
            if op == "+":
                return True
            if op in ("-", "~"):
                e = e.argument
                continue
            return False
        if t == "UpdateExpression":
            a = e.argument
            return a.type == "Identifier" and number_typed(a, refs, nums)
        if t == "AssignmentExpression":
            op = e.operator
            if op == "=":
                e = e.right
                continue
            if e.left.type != "Identifier" or not number_typed(e.left, refs, nums):
                return False
            if op == "+=":
                e = e.right
                continue
            return op in _NUM_COMPOUND
        if t == "SequenceExpression":
            e = e.expressions[-1]
            continue
        if t == "ConditionalExpression":
            return number_typed(e.consequent, refs, nums) and number_typed(e.alternate, refs, nums)
        return False


_INT_ALWAYS = frozenset(("&", "|", "^", "<<", ">>", ">>>"))
_INT_BOTH = frozenset(("+", "-", "*", "%"))


def integral_typed(e, refs, ints):
    """True when ``e`` (already known to be number-typed) evaluates to an integral
    float, an infinity or NaN (never a fraction), given the same of ``ints``.  Integral
    floats stay integral under + - * % (beyond 2**53 every float is integral)."""
    while True:
        t = e.type
        if t == "Literal":
            v = e.value
            return is_number_literal(e) and float(v).is_integer()
        if t == "Identifier":
            b = refs.get(id(e))
            return b is not None and b in ints
        if t == "BinaryExpression":
            op = e.operator
            if op in _INT_ALWAYS:
                return True
            if op in _INT_BOTH:
                return integral_typed(e.left, refs, ints) and integral_typed(e.right, refs, ints)
            return False
        if t == "UnaryExpression":
            if e.operator in ("-", "+"):
                e = e.argument
                continue
            return e.operator == "~"
        if t == "UpdateExpression":
            a = e.argument
            return a.type == "Identifier" and integral_typed(a, refs, ints)
        if t == "AssignmentExpression":
            op = e.operator
            if op == "=":
                e = e.right
                continue
            if op[:-1] in _INT_ALWAYS:
                return True
            if op[:-1] in _INT_BOTH:
                return integral_typed(e.left, refs, ints) and integral_typed(e.right, refs, ints)
            return False
        if t == "SequenceExpression":
            e = e.expressions[-1]
            continue
        if t == "ConditionalExpression":
            return integral_typed(e.consequent, refs, ints) and \
                integral_typed(e.alternate, refs, ints)
        return False


def nonneg_typed(e, refs, pos):
    """True when ``e`` (already known to be number-typed) evaluates to a Number that is
    not negative (+0, positive, +Infinity or NaN), given the same of ``pos``."""
    while True:
        t = e.type
        if t == "Literal":
            return is_number_literal(e) and e.value >= 0
        if t == "Identifier":
            b = refs.get(id(e))
            return b is not None and b in pos
        if t == "BinaryExpression":
            op = e.operator
            if op == ">>>":
                return True
            if op in ("+", "*", "/"):
                return nonneg_typed(e.left, refs, pos) and nonneg_typed(e.right, refs, pos)
            if op == "%":            # the sign of the dividend
                e = e.left
                continue
            return False
        if t == "UpdateExpression":
            a = e.argument
            return e.operator == "++" and a.type == "Identifier" and nonneg_typed(a, refs, pos)
        if t == "AssignmentExpression":
            op = e.operator
            if op == "=":
                e = e.right
                continue
            if op in ("%=", ">>>="):
                return nonneg_typed(e.left, refs, pos) or op == ">>>="
            if op in ("+=", "*=", "/="):
                return nonneg_typed(e.left, refs, pos) and nonneg_typed(e.right, refs, pos)
            return False
        if t == "SequenceExpression":
            e = e.expressions[-1]
            continue
        if t == "ConditionalExpression":
            return nonneg_typed(e.consequent, refs, pos) and nonneg_typed(e.alternate, refs, pos)
        return False


def infer_number_bindings(an):
    """(nums, ints): the Bindings that hold a Number wherever they are read (see above),
    and those of them whose Number is always integral (or infinite, or NaN)."""
    nums = set()
    ints = set()
    pos = set()
    for fi in list(an.funcs.values()):
        node = fi.node
        if node is None or fi.is_script or fi.dynamic or node.body.type != "BlockStatement":
            continue
        try:
            n, i, p = _infer_function(an, fi)
        except RecursionError:
            continue
        nums |= n
        ints |= i
        pos |= p
    return nums, ints, pos


def _infer_function(an, fi):
    refs = an.refs
    dyn = an.dyn_refs
    node = fi.node
    found = {}          # Binding -> [(ident, its parent's chain)]
    bad = set()
    # a chain is (node, the chain of its parent): the ancestors, shared by siblings
    top = (node, None)
    todo = [(n, top) for n in [node.body] + node.params[::-1]]
    pop = todo.pop
    push = todo.append
    while todo:
        n, up = pop()
        t = n.type
        if t == "Identifier":
            i = id(n)
            b = refs.get(i)
            if b is None or b in bad:
                continue
            if b.scope.func is not fi or b.kind not in ("var", "let", "const") or b.captured \
                    or b.tdz or i in dyn:
                bad.add(b)
                continue
            found.setdefault(b, []).append((n, up))
        elif t not in FUNCTION_TYPES:
            # (an inner function's references to our bindings made them captured)
            push_children(n, push, (n, up))

    cands = {}
    decrements = set()
    for b, lst in found.items():
        if b in bad:
            continue
        lst = [(ident, _ancestors(up)) for ident, up in lst]
        info = _check_binding(b, lst)
        if info is not None:
            cands[b] = info
            for ident, anc in lst:
                p = anc[-1]
                if p.type == "UpdateExpression" and p.operator == "--":
                    decrements.add(b)

    def breaks_num(b, kind, rhs, nums):
        return kind in ("init", "=", "+=") and not number_typed(rhs, refs, nums)

    def breaks_int(b, kind, rhs, ints):
        return kind in ("/=", "**=") or kind in ("init", "=", "+=", "-=", "*=", "%=") \
            and not integral_typed(rhs, refs, ints)

    def breaks_nonneg(b, kind, rhs, pos):
        return b in decrements or kind not in ("init", "=", "+=", "*=", "/=", "%=", ">>>=") \
            or kind in ("init", "=", "+=", "*=", "/=") and not nonneg_typed(rhs, refs, pos)

    nums = _greatest_fixpoint(set(cands), cands, breaks_num)
    ints = _greatest_fixpoint(set(nums), cands, breaks_int)
    pos = _greatest_fixpoint(set(nums), cands, breaks_nonneg)
    return nums, ints, pos


def _greatest_fixpoint(keep, cands, breaks):
    """Remove from ``keep`` every binding one of whose writes ``breaks(b, kind, rhs,
    keep)`` while assuming the property of the bindings still kept, until none does."""
    changed = True
    while changed and keep:
        changed = False
        for b in list(keep):
            if any(breaks(b, kind, rhs, keep) for kind, rhs in cands[b]):
                keep.discard(b)
                changed = True
    return keep


def _ancestors(chain):
    """The nodes of an ancestor chain (see _infer_function), outermost first."""
    out = []
    while chain is not None:
        out.append(chain[0])
        chain = chain[1]
    out.reverse()
    return tuple(out)


def _ident_role(ident, anc):
    """('decl', declarator, declaration) / ('assign', expr) / ('update', expr) / ('write',)
    / ('read',) for an identifier reference with its ancestors."""
    p = anc[-1]
    t = p.type
    if t == "VariableDeclarator" and p.id is ident:
        d = anc[-2]
        if anc[-3].type in ("ForInStatement", "ForOfStatement"):
            return ("write",)
        return ("decl", p, d)
    if t == "AssignmentExpression" and p.left is ident:
        return ("assign", p)
    if t == "UpdateExpression":
        return ("update", p)
    if t in _PATTERN_PARENTS:
        if t == "AssignmentPattern" and p.right is ident:
            return ("read",)
        if t in ("ForInStatement", "ForOfStatement") and p.right is ident:
            return ("read",)
        return ("write",)
    if t == "Property" and len(anc) > 1 and anc[-2].type == "ObjectPattern" and p.value is ident:
        return ("write",)
    return ("read",)


def _region(ident, anc, role):
    """(start, end) of the source range dominated by defining write ``role``, or None."""
    if role[0] == "decl":
        decl, vd = role[1], role[2]
        if decl.init is None:
            return None
        start = decl.range[1]
        i = len(anc) - 3        # anc[i] holds the declaration
        holder = vd
    elif role[0] == "assign":
        ae = role[1]
        if ae.operator != "=":
            return None
        start = ae.range[1]
        i = len(anc) - 2
        holder = ae
        while anc[i].type == "SequenceExpression":
            holder = anc[i]
            i -= 1
        if anc[i].type == "ExpressionStatement":
            holder = anc[i]
            i -= 1
        elif not (anc[i].type == "ForStatement" and anc[i].init is holder):
            return None
    else:
        return None
    if i < 0:
        return None
    p = anc[i]
    if p.type == "ForStatement":
        if p.init is not holder:
            return None
        end = p.range[1]
        s = p
        i -= 1
        while i >= 0 and anc[i].type == "LabeledStatement":
            s = anc[i]
            i -= 1
        if i >= 0 and anc[i].type == "BlockStatement" and any(x is s for x in anc[i].body):
            end = anc[i].range[1]
        return start, end
    if p.type == "BlockStatement" and any(x is holder for x in p.body):
        return start, p.range[1]
    return None


def _check_binding(b, lst):
    """The writes [(kind, rhs-or-None)] of binding b when its references have the
    required shape, else None."""
    refs = []
    for ident, anc in sorted(lst, key=lambda r: r[0].range[0]):
        role = _ident_role(ident, anc)
        if role[0] == "decl" and role[1].init is None and role[2].kind == "var":
            continue            # `var x;` does nothing at run time
        refs.append((ident, anc, role))
    if not refs:
        return None
    ident, anc, role = refs[0]
    reg = _region(ident, anc, role)
    if reg is None:
        return None
    start, end = reg
    writes = []
    if role[0] == "decl":
        writes.append(("init", role[1].init))
    else:
        writes.append(("init", role[1].right))
    for ident, anc, role in refs[1:]:
        r = ident.range
        if r[0] < start or r[1] > end:
            return None
        k = role[0]
        if k == "read":
            continue
        if b.kind == "const":
            return None
        if k == "decl":
            init = role[1].init
            if init is None:
                return None     # `let x;` stores undefined
            writes.append(("init", init))
        elif k == "assign":
            ae = role[1]
            op = ae.operator
            if op == "=" or op == "+=" or op in _NUM_COMPOUND:
                writes.append((op, ae.right))
            else:
                return None
        elif k == "update":
            continue
        else:
            return None
    return writes
