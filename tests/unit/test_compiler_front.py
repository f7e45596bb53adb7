"""The compiler's front end: ESTree walks, source positions, and what a compile leaves
behind for the garbage collector."""

import ast
import gc
import os

from jsrt.compiler import CACHE_MIN_SOURCE, compile_script
from jsrt.compiler import pyast as P
from jsrt.compiler.scope import CHILD_KEYS, push_children
from jsrt.parser import parse_module, parse_script

# Every syntactic form esprima produces (ES2017 + object rest/spread), scripts and modules.
SCRIPT = r"""
'use foo';
var a = 1, [b, , ...c] = [1, 2, 3], {d, e: {f = 2}, ...g} = {d: 1, e: {}};
let h = a ? b : c, i = (a, b), j = -a + +b * !c / ~d % e ** 2;
const k = {x: 1, [a]: 2, m() { return super.x; }, get y() { return 1; }, set y(v) {},
           ...g, async am() { await a; }, *gm() { yield a; yield* c; }};
function fd(p, q = 1, ...r) { return new.target, arguments, this; }
async function afd() { for (const x of await c) {} }
function* gfd() {}
var fe = function named() {}, ar = (x, y) => x + y, aar = async x => { await x; };
class C extends Object { constructor() { super(); } static s() {} get g() { return 1; } }
var ce = class Named {};
lbl: for (var n = 0; n < 2; n++) { if (n) continue lbl; else break lbl; }
for (var p in k) {} for (const q of c) {} for (;;) { break; }
while (a) { a--; } do { a++; } while (a < 1);
switch (a) { case 1: break; default: }
try { throw a; } catch (err) { } finally { }
with (k) { x; }
debugger; ;
a = b += c -= 1; a++; --b; delete k.x; void 0; typeof a; a in k; a instanceof C;
a && b || c; a.b; a[b]; a(b, ...c); new C(a); `t${a}u${b}`; tag`x${a}`; /re/g; null; true;
"""
MODULE = r"""
import def, {a as b, c} from 'm';
import * as ns from 'n';
export {b as d, c};
export * from 'o';
export {x as y} from 'p';
export var v = 1;
export function f() { return import('q'); }
export default class {}
"""


def _node_children(node):
    """The children of an ESTree node found by looking at every attribute."""
    from esprima.nodes import Node
    out = {}
    for k, v in vars(node).items():
        if isinstance(v, Node) and k not in ("loc",):
            out[k] = True
        elif isinstance(v, list) and any(isinstance(x, Node) for x in v):
            out[k] = True
    return set(out)


def _all_nodes(prog):
    todo = [(prog, None)]
    while todo:
        n = todo.pop()[0]
        yield n
        push_children(n, todo.append)


def test_child_keys_cover_every_child_esprima_produces():
    seen = set()
    for prog in (parse_script(SCRIPT), parse_module(MODULE)):
        for n in _all_nodes(prog):
            seen.add(n.type)
            assert _node_children(n) <= set(CHILD_KEYS.get(n.type, ())), n.type
    # the walk reached the forms the sources contain
    assert {"TemplateLiteral", "ClassBody", "MethodDefinition", "ImportSpecifier",
            "ExportSpecifier", "MetaProperty", "RestElement", "SpreadElement",
            "WithStatement", "LabeledStatement", "TaggedTemplateExpression"} <= seen


def test_push_children_visits_in_source_order():
    prog = parse_script("f(a, b); g(c);")
    names = [n.name for n in _all_nodes(prog) if n.type == "Identifier"]
    assert names == ["f", "a", "b", "g", "c"]


def test_nodes_get_the_current_position_and_renames_when_made():
    with P.LOCK:
        saved = (P.POS, P.RENAME, P.USED)
        try:
            P.POS = {"lineno": 3, "col_offset": 4, "end_lineno": 3, "end_col_offset": 9}
            P.RENAME, P.USED = {"type": "_c_type"}, set()
            located = P.call("type", P.const(1))
            P.POS = {"lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 0}
            stmt = P.expr_stmt(P.binop(located, ast.Add(), P.name("x")))
            fdef = P.funcdef("f", [], [stmt, P.mk.Pass()])
            used = P.USED
        finally:
            P.POS, P.RENAME, P.USED = saved
    inner = located.func
    assert (stmt.lineno, stmt.col_offset) == (1, 0)
    assert (inner.lineno, inner.col_offset, inner.end_col_offset) == (3, 4, 9)
    assert inner.id == "_c_type" and used == {"type"}
    assert stmt.value.right.lineno == 1 and fdef.body[1].lineno == 1
    compile(ast.Module(body=[fdef], type_ignores=[]), "<test>", "exec")


def test_compile_leaves_no_cyclic_garbage():
    """The scope tree and the code generator are freed by reference counting: a large
    library's compile would otherwise leave its whole ESTree and Python AST to the
    cyclic GC (half a million objects for lodash)."""
    src = "// %s\n" % os.urandom(8).hex() + SCRIPT.replace("with (k) { x; }", "") + "".join(
        "function w%d(a) { var s = 0; for (var i = 0; i < a; i++) { s += i * 2 + a; } "
        "return function () { return s + eval('1'); }; }\n" % i for i in range(12))
    assert len(src) < CACHE_MIN_SOURCE          # (compiled here, not read from the code cache)
    gc.collect()
    gc.disable()
    try:
        compile_script(src, "no-cycles.js")
        found = gc.collect()
    finally:
        gc.enable()
    assert found < 50
