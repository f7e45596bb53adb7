"""Real libraries from npm (fetched with `npm pack` at test time) run under jsrt and
must print what node prints for the same script (differential tests)."""

import json
import os
import shutil
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from npm_cache import package_dir, NpmUnavailable  # noqa: E402

LIBS = {
    "lodash": ("lodash.js", r"""
var out = [];
out.push(_.map([1, 2, 3], function (x) { return x * 2; }));
out.push(_.chunk(['a', 'b', 'c', 'd', 'e'], 2));
out.push(_.uniq([2, 1, 2, 3, 1]));
out.push(_.sortBy([{n: 'b', a: 2}, {n: 'a', a: 1}], 'a'));
out.push(_.groupBy([6.1, 4.2, 6.3], Math.floor));
out.push(_.template('hello <%= user %>!')({user: 'fred'}));
out.push(_.camelCase('Foo Bar_baz'), _.kebabCase('fooBar'), _.padStart('7', 3, '0'));
out.push(_.debounce ? 'debounce' : null, _.isEqual({a: [1, {b: 2}]}, {a: [1, {b: 2}]}));
out.push(_.merge({a: {b: 1}}, {a: {c: 2}}), _.cloneDeep({x: [1, 2, {y: 3}]}));
out.push(_.range(0, 20, 5), _.flatten([1, [2, [3]]]), _.flattenDeep([1, [2, [3, [4]]]]));
out.push(_.get({a: [{b: {c: 3}}]}, 'a[0].b.c'), _.set({}, 'x.y[1]', 5));
out.push(_.words('fred, barney, & pebbles'), _.escape('<a href="x">'), _.trim('  hi  '));
out.push(_.zip([1, 2], ['a', 'b']), _.countBy(['one', 'two', 'three'], 'length'));
out.push(_.chain([3, 1, 2]).sort().map(function (x) { return x + 1; }).value());
out.push(_.memoize(function (n) { return n * n; })(12), _.VERSION);
out.forEach(function (x) { console.log(JSON.stringify(x)); });
"""),
    "underscore": ("underscore-umd.js", r"""
var out = [];
out.push(_.map([1, 2, 3], function (n) { return n * 3; }), _.reduce([1, 2, 3], function (m, n) { return m + n; }, 0));
out.push(_.filter([1, 2, 3, 4, 5, 6], function (n) { return n % 2 == 0; }), _.pluck([{a: 1}, {a: 2}], 'a'));
out.push(_.sortBy([3, 1, 2], function (n) { return -n; }), _.groupBy(['one', 'two', 'three'], 'length'));
out.push(_.template('<b><%- v %></b>')({v: '<x>'}), _.intersection([1, 2, 3], [2, 3, 4]));
out.push(_.keys({a: 1, b: 2}), _.invert({a: 'x', b: 'y'}), _.isEqual([1, {a: 2}], [1, {a: 2}]));
out.push(_.range(10).length, _.shuffle ? 'ok' : 'no', _.uniq([1, 1, 2]), _.flatten([1, [2, [3]]]));
out.push(_.chain([1, 2, 3]).map(function (x) { return x * x; }).reverse().value(), _.VERSION);
out.forEach(function (x) { console.log(JSON.stringify(x)); });
"""),
    "moment": ("moment.js", r"""
var out = [];
var m = moment.utc('2019-03-15T10:20:30Z');
out.push(m.format(), m.format('dddd, MMMM Do YYYY, h:mm:ss a'), m.year(), m.month(), m.date());
out.push(m.clone().add(1, 'month').format('YYYY-MM-DD'), m.clone().subtract(10, 'days').format('L'));
out.push(m.clone().startOf('week').format(), m.clone().endOf('month').toISOString());
out.push(moment.utc('2020-01-01').diff(moment.utc('2019-01-01'), 'days'), m.isLeapYear());
out.push(moment.utc('2019-02-28').add(1, 'day').format('MMM D'), m.valueOf(), m.unix());
out.push(moment.duration(3661, 'seconds').humanize(), moment.utc(0).toJSON());
out.push(moment.utc('12-25-1995', 'MM-DD-YYYY').format('YYYY/MM/DD'), moment.utc('garbage', 'YYYY-MM-DD', true).isValid());
out.forEach(function (x) { console.log(JSON.stringify(x)); });
"""),
    "marked": ("marked.min.js", r"""
console.log(JSON.stringify(marked.parse('# Title\n\nSome *emphasis* and **strong** and `code`.\n\n- a\n- b\n\n1. one\n2. two\n\n> quote\n\n```js\nvar x = 1;\n```\n\n[link](http://x.y "t") ![img](i.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')));
console.log(JSON.stringify(marked.parse('Hello <b>world</b>\n\n***\n\nline  \nbreak')));
"""),
    "esprima": ("dist/esprima.js", r"""
var ast = esprima.parseScript('var answer = 6 * 7; function f(a, b = 2, ...c) { return [a, ...c]; }');
console.log(JSON.stringify(ast));
console.log(JSON.stringify(esprima.tokenize('const x = `t${y}` + /re/g;')));
try { esprima.parseScript('var = ;'); } catch (e) { console.log(e.message); }
"""),
    "acorn": ("dist/acorn.js", r"""
var ast = acorn.parse('let x = (a, b) => a + b; class A extends B { m() { return super.m(); } }', {ecmaVersion: 2020});
console.log(JSON.stringify(ast));
try { acorn.parse('let = ;', {ecmaVersion: 2020}); } catch (e) { console.log(e.message); }
"""),
}


def _source(name, rel):
    try:
        with open(os.path.join(package_dir(name), rel), encoding="utf-8") as f:
            return f.read()
    except NpmUnavailable as e:
        pytest.skip(str(e))


def _run_jsrt(lib_src, lib_name, test_src):
    import jsrt
    out = []
    r = jsrt.Realm(console=lambda stream, text: out.append(text) if stream == "stdout" else None)
    r.eval(lib_src, lib_name)
    r.eval(test_src, "test.js")
    r.run()
    return "".join(out)


def _run_node(lib_src, test_src, tmp_path):
    lib = tmp_path / "lib.js"
    lib.write_text(lib_src, encoding="utf-8")
    test = tmp_path / "test.js"
    test.write_text(test_src, encoding="utf-8")
    # Run the library as a browser would: no CommonJS `module`/`exports`/`define` in scope.
    driver = ("var vm = require('vm'), fs = require('fs');"
              "vm.runInThisContext('(function (module, exports, define, require) {' +"
              " fs.readFileSync(%r, 'utf8') + '\\n}).call(globalThis)');"
              "vm.runInThisContext(fs.readFileSync(%r, 'utf8'));") % (str(lib), str(test))
    p = subprocess.run(["node", "-e", driver], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, TZ="UTC"))
    assert p.returncode == 0, p.stderr
    return p.stdout


@pytest.mark.parametrize("name", sorted(LIBS))
def test_library_matches_node(name, tmp_path, monkeypatch):
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    rel, test_src = LIBS[name]
    src = _source(name, rel)
    expected = _run_node(src, test_src, tmp_path)
    got = _run_jsrt(src, name + ".js", test_src)
    exp_lines = expected.splitlines()
    got_lines = got.splitlines()
    for i, (e, g) in enumerate(zip(exp_lines, got_lines)):
        assert g == e, "%s line %d differs" % (name, i + 1)
    assert len(got_lines) == len(exp_lines)
