"""console and util.inspect-style formatting (jsrt/builtins/console.py).

Every expected output here was produced by node v20 (``console.log`` with default options).
``test_corpus_against_node`` renders a corpus of ~165 values with both engines and compares
them exactly, one value at a time (skipped when node is absent).
"""

import re
import subprocess

import pytest

from jshelpers import run_js, node_available


def _async_supported():
    try:
        return run_js("(async function () {})().then(function () { console.log('ok') })") == "ok\n"
    except Exception:
        return False


ASYNC_OK = _async_supported()
ASYNC_BUG = ("core bug: async functions compile as plain functions "
             "(compiler/scope.py reads node.async; esprima names it isAsync)")
needs_async = pytest.mark.skipif(not ASYNC_OK, reason=ASYNC_BUG)


def run_both(source):
    """(stdout, stderr) of a script in a fresh realm, event loop included."""
    import jsrt
    out = []
    err = []
    r = jsrt.Realm(console=lambda stream, text: (out if stream == "stdout" else err).append(text))
    r.eval(source, "test.js")
    r.run()
    return "".join(out), "".join(err)


# (expression, what console.log(expression) prints in node)
LOG_CASES = [
    ('1',
     '1\n'),
    ('-0',
     '-0\n'),
    ("'str'",
     'str\n'),
    ('\'a"b\\\'c\'',
     'a"b\'c\n'),
    ('`a\'b"c\\`d`',
     'a\'b"c`d\n'),
    ("'nl\\nx'",
     'nl\nx\n'),
    ('true',
     'true\n'),
    ('null',
     'null\n'),
    ('undefined',
     'undefined\n'),
    ('[]',
     '[]\n'),
    ('{}',
     '{}\n'),
    ('[1, 2, 3]',
     '[ 1, 2, 3 ]\n'),
    ("['a', 'b']",
     "[ 'a', 'b' ]\n"),
    ("{a: 1, b: 'two', c: [3]}",
     "{ a: 1, b: 'two', c: [ 3 ] }\n"),
    ('{a: {b: {c: {d: {e: 1}}}}}',
     '{ a: { b: { c: [Object] } } }\n'),
    ("{'a-b': 1, $c: 2, _d: 3, 'e f': 4, 7: 5, '01': 6, 'ünï': 7}",
     "{ '7': 5, 'a-b': 1, '$c': 2, _d: 3, 'e f': 4, '01': 6, 'ünï': 7 }\n"),
    ('{__proto__: null, x: 1}',
     '[Object: null prototype] { x: 1 }\n'),
    ('[1, , 3]',
     '[ 1, <1 empty item>, 3 ]\n'),
    ('[, , ]',
     '[ <2 empty items> ]\n'),
    ('[1, 2, , , 5, , ]',
     '[ 1, 2, <2 empty items>, 5, <1 empty item> ]\n'),
    ("Array.from({length: 10}, (_, i) => 'item' + i)",
     "[\n  'item0', 'item1',\n  'item2', 'item3',\n  'item4', 'item5',\n  'item6', 'item7',\n  'item8', 'item9'\n]\n"),
    ('[1.25, 100, -3, 44444, 5, 6, 7, 8]',
     '[\n   1.25, 100, -3,\n  44444,   5,  6,\n      7,   8\n]\n'),
    ('{a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]}',
     '{\n  a: [\n     1,  2,  3,  4,  5,  6,  7,  8,\n     9, 10, 11, 12, 13, 14, 15, 16,\n    17, 18, 19, 20, 21, 22, 23, 24,\n    25, 26, 27\n  ]\n}\n'),
    ("'x'.repeat(20000).length",
     '20000\n'),
    ("['y'.repeat(10010)].map(s => s.length)",
     '[ 10010 ]\n'),
    ('() => {}',
     '[Function (anonymous)]\n'),
    pytest.param('async function af() {}', '[AsyncFunction: af]\n', marks=needs_async),
    ('class B extends Object {}',
     '[class B extends Object]\n'),
    ('Math.max',
     '[Function: max]\n'),
    ("Object.defineProperty(function () {}, 'name', {value: ''})",
     '[Function (anonymous)]\n'),
    ("Symbol('a')",
     'Symbol(a)\n'),
    ('Symbol.iterator',
     'Symbol(Symbol.iterator)\n'),
    ("{[Symbol('k')]: 1, [Symbol()]: 2}",
     '{ [Symbol(k)]: 1, [Symbol()]: 2 }\n'),
    ("new Map([['a', 1], [{x: 1}, [2]]])",
     "Map(2) { 'a' => 1, { x: 1 } => [ 2 ] }\n"),
    ('new Map()',
     'Map(0) {}\n'),
    ('new Map([[NaN, -0]])',
     'Map(1) { NaN => -0 }\n'),
    ('new Set([new Set([new Set([new Set([1])])])])',
     'Set(1) { Set(1) { Set(1) { [Set] } } }\n'),
    ('new Map([[1, 2]]).keys()',
     '[Map Iterator] { 1 }\n'),
    ('new Map([[1, 2]]).values()',
     '[Map Iterator] { 2 }\n'),
    ('new WeakSet()',
     'WeakSet { <items unknown> }\n'),
    ('new (class S2 extends Set {})()',
     'S2(0) [Set] {}\n'),
    ('Object.setPrototypeOf([1, 2], null)',
     '[Array(2): null prototype] [ 1, 2 ]\n'),
    ('[new (class Foo { constructor() { this.x = 1 } })()]',
     '[ Foo { x: 1 } ]\n'),
    ('(function () { var a = {x: {}}; a.x.y = a; a.z = a.x; return a })()',
     '<ref *1> { x: { y: [Circular *1] }, z: { y: [Circular *1] } }\n'),
    ('(function () { var a = {}, b = {a: a}; a.b = b; return [a, b] })()',
     '[\n  <ref *1> { b: { a: [Circular *1] } },\n  <ref *2> { a: <ref *1> { b: [Circular *2] } }\n]\n'),
    ("Object.defineProperty({}, 'hidden', {value: 1, enumerable: false})",
     '{}\n'),
    ('new Number(3)',
     '[Number: 3]\n'),
    ('new Number(-0)',
     '[Number: -0]\n'),
    ("Object(Symbol('s'))",
     '[Symbol: Symbol(s)]\n'),
    ('Promise.resolve(1)',
     'Promise { 1 }\n'),
    ('Promise.resolve({a: [1, 2]})',
     'Promise { { a: [ 1, 2 ] } }\n'),
    ('(function () { var p = Promise.reject(3); p.catch(() => {}); return p })()',
     'Promise { <rejected> 3 }\n'),
]


@pytest.mark.parametrize("expr,expected", LOG_CASES)
def test_log_value(expr, expected):
    assert run_js("console.log(%s)" % expr) == expected


FORMAT_CASES = [
    ("console.log('%s is %d years', 'Bob', 42, 'extra')", "Bob is 42 years extra\n"),
    ("console.log('%i %f %j %%', 42.9, '3.5', {a: [1]})", '42 3.5 {"a":[1]} %\n'),
    ("console.log('%o', {a: 1})", "{ a: 1 }\n"),
    ("console.log('%o', [1, 2])", "[ 1, 2, [length]: 2 ]\n"),
    ("console.log('%O', {a: [1, {b: 2}]})", "{ a: [ 1, { b: 2 } ] }\n"),
    ("console.log('%c styled', 'color: red')", " styled\n"),
    ("console.log('%s', {a: 1}, '%s', [1, 2])", "{ a: 1 } %s [ 1, 2 ]\n"),
    ("console.log('100%', 5)", "100% 5\n"),
    ("console.log('%s %s', 'only')", "only %s\n"),
    ("console.log('%s', null, undefined, Symbol('q'))", "null undefined Symbol(q)\n"),
    ("console.log('%d', '42abc', '%i', 3.9)", "NaN %i 3.9\n"),
    ("console.log('%d %d', Symbol(), {})", "NaN NaN\n"),
    ("console.log('%s', new (class C { toString() { return 'custom!' } })())", "custom!\n"),
    ("console.log('%j', {a: 1, b: undefined, c: () => 1})", '{"a":1}\n'),
    ("var c = {}; c.c = c; console.log('%j', c)", "[Circular]\n"),
    ("console.log('%s', -0, '%d', -0)", "-0 %d -0\n"),
    ("console.log('a%', 'b')", "a% b\n"),
    ("console.log('%', 1)", "% 1\n"),
    ("console.log('%x', 1)", "%x 1\n"),
    ("console.log('%i', '0x1A')", "26\n"),
    ("console.log('%f', ' -1.5e3xyz')", "-1500\n"),
    ("console.log(1, 'two', [3])", "1 two [ 3 ]\n"),
    ("console.log()", "\n"),
]


@pytest.mark.parametrize("src,expected", FORMAT_CASES)
def test_format(src, expected):
    assert run_js(src) == expected


ERROR_CASES = [
    ("var e = new Error('x'); e.stack = 'Error: x'; console.log(e)", "[Error: x]\n"),
    ("var e = new TypeError('y'); e.stack = 'TypeError: y'; e.code = 'E'; console.log(e)",
     "[TypeError: y] { code: 'E' }\n"),
    ("var e = new Error('z'); e.stack = 'Error: z\\n    at foo (f.js:1:1)'; e.extra = 1;"
     " console.log(e)", "Error: z\n    at foo (f.js:1:1) {\n  extra: 1\n}\n"),
    ("class MyError extends Error {}; var e = new MyError('m');"
     " e.stack = 'Error: m\\n    at bar (f.js:2:2)'; console.log(e)",
     "MyError: m\n    at bar (f.js:2:2)\n"),
    ("var e = new Error('c', {cause: 'because'}); e.stack = 'Error: c'; console.log(e)",
     "[Error: c] { [cause]: 'because' }\n"),
    ("var e = new Error('n'); e.stack = 'Error: n'; console.log({err: e}, [e])",
     "{ err: [Error: n] } [ [Error: n] ]\n"),
    ("console.log(Object.create(Error.prototype))", "[Error]\n"),
    ("var e = new Error('msg'); e.name = 'Custom'; e.stack = 'Custom: msg'; console.log(e)",
     "[Custom: msg]\n"),
    ("var e = new Error('x\\ny'); e.stack = 'Error: x\\ny\\n    at q (h.js:1:1)';"
     " console.log({e})", "{\n  e: Error: x\n  y\n      at q (h.js:1:1)\n}\n"),
    ("Promise.any([Promise.reject(1)]).catch(e => { e.stack = 'AggregateError: All promises "
     "were rejected'; console.log(e) })",
     "[AggregateError: All promises were rejected] { [errors]: [ 1 ] }\n"),
]


@pytest.mark.parametrize("src,expected", ERROR_CASES)
def test_error_format(src, expected):
    assert run_js(src) == expected


def test_error_with_engine_stack():
    out = run_js("console.log(new Error('boom'))")
    assert out.startswith("Error: boom\n    at ")


def test_getters_never_run():
    src = ("var o = {get a() { throw new Error('ran') }, set b(v) {}, get c() { return 1 },"
           " set c(v) {}}; console.log(o); console.log([o])")
    assert run_js(src) == ("{ a: [Getter], b: [Setter], c: [Getter/Setter] }\n"
                           "[ { a: [Getter], b: [Setter], c: [Getter/Setter] } ]\n")


CONSOLE_SCRIPT = r"""
console.group('Group A');
console.log('inside A');
console.log({a: 1, b: {c: [1, 2, 3]}});
console.group();
console.info('nested', [1, 2]);
console.log('multi\nline');
console.groupEnd();
console.warn('warn in group');
console.groupEnd();
console.groupEnd();
console.log('out');
console.count(); console.count(); console.count('x'); console.count('default');
console.countReset(); console.count();
console.assert(true, 'no');
console.assert(false, 'yes %s', 'fmt');
console.assert(false);
console.assert(0, {a: 1});
console.dir({a: {b: {c: {d: 1}}}}, {depth: 0});
console.dir({a: {b: {c: {d: 1}}}}, {depth: null});
console.dir('str');
console.table([{a: 1, b: 'x'}, {a: 2, c: true}]);
console.table([1, 2, 'three']);
console.table({r1: {c1: 1}, r2: {c2: [1, 2, 3, 4]}});
console.table(new Map([['k', 1], ['j', {x: 1}]]));
console.table(new Set(['a', 'b']));
console.table([[1, 2], [3, 4, 5]]);
console.table([{a: 1, b: 2}], ['a']);
console.table('not tabular');
console.table([]);
console.error('err', 1);
console.debug('debug');
console.log(Object.keys(console).slice(0, 5));
console.log(String(console), Object.prototype.toString.call(console));
"""

CONSOLE_STDOUT = (
    'Group A\n'
    '  inside A\n'
    '  { a: 1, b: { c: [ 1, 2, 3 ] } }\n'
    '    nested [ 1, 2 ]\n'
    '    multi\n'
    '    line\n'
    'out\n'
    'default: 1\n'
    'default: 2\n'
    'x: 1\n'
    'default: 3\n'
    'default: 1\n'
    '{ a: [Object] }\n'
    '{\n'
    '  a: { b: { c: { d: 1 } } }\n'
    '}\n'
    "'str'\n"
    '┌─────────┬───┬─────┬──────┐\n'
    '│ (index) │ a │ b   │ c    │\n'
    '├─────────┼───┼─────┼──────┤\n'
    "│ 0       │ 1 │ 'x' │      │\n"
    '│ 1       │ 2 │     │ true │\n'
    '└─────────┴───┴─────┴──────┘\n'
    '┌─────────┬─────────┐\n'
    '│ (index) │ Values  │\n'
    '├─────────┼─────────┤\n'
    '│ 0       │ 1       │\n'
    '│ 1       │ 2       │\n'
    "│ 2       │ 'three' │\n"
    '└─────────┴─────────┘\n'
    '┌─────────┬────┬──────────────────────────────┐\n'
    '│ (index) │ c1 │ c2                           │\n'
    '├─────────┼────┼──────────────────────────────┤\n'
    '│ r1      │ 1  │                              │\n'
    '│ r2      │    │ [ 1, 2, 3, ... 1 more item ] │\n'
    '└─────────┴────┴──────────────────────────────┘\n'
    '┌───────────────────┬─────┬──────────┐\n'
    '│ (iteration index) │ Key │ Values   │\n'
    '├───────────────────┼─────┼──────────┤\n'
    "│ 0                 │ 'k' │ 1        │\n"
    "│ 1                 │ 'j' │ { x: 1 } │\n"
    '└───────────────────┴─────┴──────────┘\n'
    '┌───────────────────┬────────┐\n'
    '│ (iteration index) │ Values │\n'
    '├───────────────────┼────────┤\n'
    "│ 0                 │ 'a'    │\n"
    "│ 1                 │ 'b'    │\n"
    '└───────────────────┴────────┘\n'
    '┌─────────┬───┬───┬───┐\n'
    '│ (index) │ 0 │ 1 │ 2 │\n'
    '├─────────┼───┼───┼───┤\n'
    '│ 0       │ 1 │ 2 │   │\n'
    '│ 1       │ 3 │ 4 │ 5 │\n'
    '└─────────┴───┴───┴───┘\n'
    '┌─────────┬───┐\n'
    '│ (index) │ a │\n'
    '├─────────┼───┤\n'
    '│ 0       │ 1 │\n'
    '└─────────┴───┘\n'
    'not tabular\n'
    '┌─────────┐\n'
    '│ (index) │\n'
    '├─────────┤\n'
    '└─────────┘\n'
    'debug\n'
    "[ 'log', 'warn', 'dir', 'time', 'timeEnd' ]\n"
    '[object console] [object console]\n'
)


def test_console_methods_against_expected():
    out, err = run_both(CONSOLE_SCRIPT)
    assert out == CONSOLE_STDOUT
    assert "  warn in group\n" in err
    assert "Assertion failed: yes fmt\n" in err
    assert "Assertion failed\n" in err
    assert "Assertion failed: [object Object]\n" in err
    assert "err 1\n" in err
    assert "Warning" not in out


def test_console_methods_against_node():
    if not node_available():
        pytest.skip("node is not installed")
    out, err = run_both(CONSOLE_SCRIPT)
    p = subprocess.run(["node", "-e", CONSOLE_SCRIPT], capture_output=True, text=True,
                       timeout=60)
    assert out == p.stdout
    assert err == p.stderr


def test_count_reset_warning_goes_to_stderr():
    out, err = run_both("console.countReset('nope')")
    assert out == ""
    assert "Count for 'nope' does not exist" in err


def test_time_and_time_end():
    out, err = run_both("console.time('t'); console.timeLog('t', 'extra', 1); console.timeEnd('t');"
                        " console.timeEnd('t')")
    lines = out.splitlines()
    assert re.fullmatch(r"t: \d+(\.\d+)?m?s extra 1", lines[0])
    assert re.fullmatch(r"t: \d+(\.\d+)?m?s", lines[1])
    assert "No such label 't' for console.timeEnd()" in err


def test_format_time():
    from jsrt.builtins.console import format_time
    assert format_time(1.23456) == "1.235ms"
    assert format_time(0.5) == "0.5ms"
    assert format_time(1500) == "1.500s"
    assert format_time(61500) == "1:01.500 (m:ss.mmm)"
    assert format_time(3723004) == "1:02:03.004 (h:mm:ss.mmm)"


def test_trace_goes_to_stderr_with_frames():
    out, err = run_both("function inner() { console.trace('here %d', 1) } inner()")
    assert out == ""
    assert err.startswith("Trace: here 1\n    at ")
    assert "inner" in err


def test_lone_surrogates_are_replaced():
    assert run_js("console.log('\\ud800x', ['\\udc00'])") == "\ufffdx [ '\\udc00' ]\n"


def test_python_api():
    import jsrt
    from jsrt.builtins.console import inspect, format_args
    r = jsrt.Realm()
    v = r.eval_raw("({a: 'x', b: [1, {c: {d: {}}}]})")
    assert inspect(v) == "{ a: 'x', b: [ 1, { c: [Object] } ] }"
    assert inspect(v, depth=None) == "{\n  a: 'x',\n  b: [ 1, { c: { d: {} } } ]\n}"
    assert inspect("s") == "'s'"
    assert format_args(["s", 1.0]) == "s 1"
    assert format_args(["%d%%", 5.0]) == "5%"
    colored = inspect(1.0, colors=True)
    assert colored == "\x1b[33m1\x1b[39m"


def test_proxy_shows_target_without_traps():
    src = ("var p = new Proxy({a: 1}, {get() { throw new Error('trap') }, ownKeys() { throw 1 },"
           " getOwnPropertyDescriptor() { throw 2 }}); console.log(p, [p])")
    try:
        out = run_js(src)
    except Exception as e:  # the Proxy family may not exist yet
        if "Proxy is not defined" in str(e):
            pytest.skip("Proxy is not available")
        raise
    assert out == "{ a: 1 } [ { a: 1 } ]\n"


# -- the corpus -----------------------------------------------------------------------------

CORPUS = [
    '1',
    '-0',
    '0',
    'NaN',
    '-Infinity',
    '1e21',
    '123456789.123',
    '0.1',
    "'str'",
    "''",
    '"it\'s"',
    '\'a"b\\\'c\'',
    '`a\'b"c\\`d`',
    "'tab\\there'",
    "'nl\\nx'",
    "'\\u0007bell'",
    "'\\x7f\\x9f'",
    "'\\ud800lone'",
    "'😀'",
    'true',
    'null',
    'undefined',
    '[]',
    '{}',
    '[1, 2, 3]',
    "['a', 'b']",
    '[[1, [2, [3, [4]]]]]',
    "{a: 1, b: 'two', c: [3]}",
    '{a: {b: {c: {d: {e: 1}}}}}',
    '{a: {b: {c: []}}}',
    '{a: {b: {c: {}}}}',
    "{'a-b': 1, $c: 2, _d: 3, 'e f': 4, 7: 5, '01': 6, 'ünï': 7}",
    "{'': 1}",
    '{__proto__: null, x: 1}',
    'Object.create(null)',
    'Object.create({})',
    'Object.create(Object.create(null))',
    '[1, , 3]',
    '[, , ]',
    'new Array(5)',
    '[1, 2, , , 5, , ]',
    'Array.from({length: 101}, (_, i) => i)',
    'Array.from({length: 26}, (_, i) => String.fromCharCode(97 + i))',
    'Array.from({length: 30}, (_, i) => i * 1000)',
    'Array.from({length: 200}, (_, i) => i * i)',
    'Array.from({length: 7}, (_, i) => ({a: i}))',
    "Array.from({length: 10}, (_, i) => 'item' + i)",
    "Array.from({length: 12}, (_, i) => i % 2 ? 'x' : 1)",
    '[1.25, 100, -3, 44444, 5, 6, 7, 8]',
    "['x', 1, 'yy', 22, 'zzz', 333, 'w']",
    '[true, false, true, false, true, false, true, false]',
    '[null, null, null, null, null, null, null, null, null, null]',
    '[undefined, undefined, undefined, undefined, undefined, undefined, undefined]',
    "[['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5], ['f', 6], ['g', 7]]",
    '{a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]}',
    "{a: 'a'.repeat(80)}",
    "{a: 'aaaaaaaaaaaaaaaaaaaa', b: 'bbbbbbbbbbbbbbbbbbbbbb', c: 'cccccccccccccccccccccccc', d: 1}",
    '{veryLongPropertyNameNumberOne: 1, veryLongPropertyNameNumberTwo: 2, three: 3}',
    '{a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17, r: 18, s: 19, t: 20, u: 21, v: 22, w: 23, x: 24, y: 25, z: 26}',
    "{s: 'line1\\nline2\\nline3 is quite a long line that goes on and on and on and on and on'}",
    "['a very long string that is longer than the break length of eighty characters, yes']",
    "{a: {b: 'a very long string that is longer than the break length of eighty chars\\nsecond'}}",
    "'x'.repeat(20000).length",
    "['y'.repeat(10010)].map(s => s.length)",
    'function f() {}',
    'function () {}',
    '() => {}',
    'async function af() {}',
    'function* gf() {}',
    'async () => {}',
    'class A {}',
    'class extends Array {}',
    'class B extends Object {}',
    'Math.max',
    '[].push',
    'Object',
    'Object.assign(() => {}, {a: 1})',
    'Object.assign(function g() {}, {prop: 1})',
    'function orig() {}.bind(null)',
    "Object.defineProperty(function () {}, 'name', {value: ''})",
    '{f: function () {}, g: () => 1, h: function named() {}}',
    '[function foo() {}, class K {}]',
    "Symbol('a')",
    'Symbol()',
    'Symbol.iterator',
    "Symbol.for('reg')",
    "{[Symbol('k')]: 1, [Symbol()]: 2}",
    "[Symbol('x')]",
    "new Map([['a', 1], [{x: 1}, [2]]])",
    "new Set([1, 'two', [3]])",
    'new Map()',
    'new Set()',
    'new Map([[NaN, -0]])',
    'new Set([-0, NaN])',
    "new Map([['k', new Map([['k2', new Map([['k3', 1]])]])]])",
    'new Set([new Set([new Set([new Set([1])])])])',
    'new Map([[1, {a: 1, b: {c: {d: 1}}}]])',
    'new Set(Array.from({length: 120}, (_, i) => i))',
    'new Map([[1, 2]]).entries()',
    'new Map([[1, 2]]).keys()',
    'new Map([[1, 2]]).values()',
    'new Set([5]).values()',
    'new Set([5]).entries()',
    '[1, 2, 3].keys()',
    'new WeakMap()',
    'new WeakSet()',
    'new (class Temp extends Map {})([[1, 2]])',
    'new (class S2 extends Set {})()',
    'new (class E2 extends Array {})(3)',
    'Object.setPrototypeOf([1, 2], null)',
    'Object.setPrototypeOf(new Map([[1, 2]]), null)',
    'new (class Foo { constructor() { this.x = 1 } })()',
    '[new (class Foo { constructor() { this.x = 1 } })()]',
    'new (class Bar {})()',
    'new (function OldStyle() { this.a = 1 })()',
    'Object.assign(Object.create({inherited: 1}), {own: 2})',
    '(function () { var o = {a: 1}; o.self = o; return o })()',
    '(function () { var a = [1]; a.push(a); return a })()',
    '(function () { var a = {x: {}}; a.x.y = a; a.z = a.x; return a })()',
    '(function () { var a = {}, b = {a: a}; a.b = b; return [a, b] })()',
    '{get a() { return 1 }, set b(v) {}, get c() { return 1 }, set c(v) {}}',
    "Object.defineProperty({}, 'hidden', {value: 1, enumerable: false})",
    "Object.defineProperty({v: 1}, 'acc', {get() { throw new Error('must not run') }, enumerable: true})",
    'new Number(3)',
    'new Number(-0)',
    "new String('ab')",
    'new Boolean(false)',
    "Object(Symbol('s'))",
    'Object.assign(new Number(5), {extra: 1})',
    "Object.assign(new String('hi'), {x: 2})",
    "[new Boolean(true), new Number(-0), new String('')]",
    'Promise.resolve(1)',
    'new Promise(() => {})',
    'Promise.resolve({a: [1, 2]})',
    'Promise.resolve(Promise.resolve(2))',
    '(function () { var p = Promise.reject(3); p.catch(() => {}); return p })()',
    "[Promise.resolve('in array')]",
    "(function () { return arguments })(1, 'a')",
    '[undefined, null]',
    '{u: undefined, n: null}',
    '[-0]',
    '[1.5, -0, 2]',
    '{a: [{}, []], b: new Map([[[], {}]])}',
    '[[]]',
    '[{}]',
    '{a: []}',
    '{a: {}}',
    "Object.assign([1, 2], {extra: 'yes'})",
    'Object.assign([], {k: 1})',
    '[1, 2, 3].map(String)',
    'Object.create(Array.prototype)',
    "{toString() { return 'x' }}",
    'Object.assign(Object.create(null), {a: 1})',
    "new Error('msg').message",
    "new TypeError('bad').name",
    'JSON.stringify({a: [1, {b: 2}]})',
    "[1, 'a', {b: [2, {c: 3}]}, [4, [5, [6, [7]]]]]",
    '{a: [[[[1]]]]}',
    "{key: {nested: {deeper: {deepest: 'value'}}}, arr: [[[['x']]]]}",
    'Array.from({length: 3}, () => Array.from({length: 3}, () => 0))',
    'Array.from({length: 8}, (_, i) => [i, i * 2])',
    "Array.from({length: 8}, (_, i) => 'a'.repeat(i))",
    "Array.from({length: 50}, (_, i) => i % 7 === 0 ? 'seven' : i)",
    "{arr: Array.from({length: 101}, (_, i) => 'v' + i)}",
    'Array.from({length: 16}, (_, i) => -i * 1.5)',
    "[new Date(0)]",
    "new Date(NaN)",
    "{date: new Date(1e12)}",
    "Object.assign(new Date(0), {prop: 1})",
    "[/abc/g, /x\\/y/i, new RegExp(''), /[a-z]+/gimsuy]",
    "Object.assign(/re/, {extra: 1})",
    "[new Proxy({a: 1}, {get() { throw new Error('trap') }}), new Proxy([1, 2], {}), new Proxy(function pf() {}, {})]",
    "(function () { var r = Proxy.revocable({}, {}); r.revoke(); return r.proxy })()",
    "[new Uint8Array([1, 2, 3]), new Float64Array(2), new Int16Array(0)]",
    "[new Uint8Array(10)]",
    "new ArrayBuffer(4)",
    "new DataView(new ArrayBuffer(2))",
    "new Uint8Array(200)",
    "new Float32Array([1.5, -0, NaN])",
    "Object.assign(new Uint8Array(2), {foo: 'bar'})",
    "Object.create(Date.prototype)",
    "new (class D2 extends Date {})(0)",
    "[JSON, Math, Reflect]",
    "new (class R2 extends RegExp {})('a', 'g')",
]

SEPARATOR = "@@@"


def _corpus_script():
    parts = []
    for expr in CORPUS:
        parts.append("try { console.log(%s) } catch (e) { console.log('THREW ' + e.name + ': ' + "
                     "e.message) }\nconsole.log('%s')" % (expr, SEPARATOR))
    return "\n".join(parts) + "\n"


@pytest.fixture(scope="module")
def corpus_outputs():
    if not node_available():
        pytest.skip("node is not installed")
    script = _corpus_script()
    p = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=120)
    node = p.stdout.split(SEPARATOR + "\n")
    from jsrt.realm import from_utf16
    ours = from_utf16(run_js(script)).split(SEPARATOR + "\n")
    return node, ours


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_corpus_against_node(corpus_outputs, index):
    node, ours = corpus_outputs
    assert len(node) == len(ours) == len(CORPUS) + 1
    if "async" in CORPUS[index] and not ASYNC_OK:
        pytest.skip(ASYNC_BUG)
    if ours[index].startswith("THREW ReferenceError") and "is not defined" in ours[index]:
        pytest.skip("a built-in family is missing: " + ours[index].strip())
    assert ours[index] == node[index], CORPUS[index]
