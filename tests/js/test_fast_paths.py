"""Inline fast paths in compiled code must keep JS semantics where their guards fail.

Each row is a script and the output node prints for it.  The rows aim at the places
where the code generator drops or specializes checks: locals inferred to hold Numbers
(scope.infer_number_bindings), inline own-property reads and writes on plain objects,
member updates (``o.k++``), string concatenation in place, dense array element paths.
"""

from jshelpers import node_table_tests

CASES = [
    # number-typed locals: the inference must not apply where a non-Number can be seen
    ("function f(c){ switch(c){ case 1: var x = 1; case 2: return typeof x; } } console.log(f(1), f(2))",
     "number undefined\n"),
    ("function f(){ for (var i = 0; i < 2; i++) { if (i) console.log(typeof y); var y = 1; } } f()",
     "number\n"),
    ("function f(){ var a = 1; a = a + '1'; return a } console.log(f(), typeof f())", "11 string\n"),
    ("function f(){ var a = 1; var g = function(){ a = 's' }; g(); return a + 1 } console.log(f())", "s1\n"),
    ("function f(){ var a = 0; try { a = 1; throw 0 } catch (e) { } return a * 2 } console.log(f())", "2\n"),
    ("function f(o){ var n = 0; n += o; return n } console.log(f('x'), f({valueOf(){return 4}}))", "0x 4\n"),
    ("function f(){ var n = 1; n = -n; n *= 0; return 1 / n } console.log(f())", "-Infinity\n"),
    ("function f(){ var i = 0; i--; i = i % 2; return Object.is(i, -1) } console.log(f())", "true\n"),
    ("function f(){ var i = 2 ** 53; i++; return i === 2 ** 53 } console.log(f())", "true\n"),
    ("function f(){ var x = 10; x /= 4; return x | 0 } console.log(f())", "2\n"),
    ("function f(){ var s = 0, b = BigInt(3); s = s + 1; b++; return String(b) + s } console.log(f())", "41\n"),
    # ++/-- on BigInts, locals and members
    ("var x = BigInt(5); x++; var o = {a: BigInt(2)}; var y = o.a--; o['b'] = BigInt(0); ++o.b;"
     "console.log(String(x), String(y), String(o.a), String(o.b), typeof o.a)", "6 2 1 1 bigint\n"),
    # inline member reads/writes on plain objects with accessors, frozen and proxied state
    ("var o = {get a(){ return 7 }}; console.log(o.a); o.a = 1; console.log(o.a)", "7\n7\n"),
    ("var log = []; var p = {set a(v){ log.push(v) }}; var o = Object.create(p); o.a = 3;"
     "console.log(log.join(), Object.keys(o).length)", "3 0\n"),
    ("'use strict'; var o = Object.freeze({a: 1}); try { o.a = 2 } catch (e) { console.log(e.name) } console.log(o.a)",
     "TypeError\n1\n"),
    ("var o = {a: 1}; Object.defineProperty(o, 'a', {writable: false}); o.a = 5; o.a++; console.log(o.a)", "1\n"),
    ("var o = {n: '4'}; o.n++; console.log(o.n, typeof o.n); o.m++; console.log(o.m)", "5 number\nNaN\n"),
    ("var o = {}; o.k = 1; o.k++; o.k--; o.k--; console.log(o.k, Object.keys(o).join())", "0 k\n"),
    ("var t = {get x(){ return 1 }}; var p = new Proxy({x: 2}, {get(){ return 9 }}); console.log(t.x, p.x)", "1 9\n"),
    ("var a = [1,2,3]; a.x = 4; console.log(a.length, a.x, 'abc'.length, [,].length)", "3 4 3 1\n"),
    ("function F(){ this.v = 1 } F.prototype.get = function(){ return this.v }; var f = new F();"
     "console.log(f.get(), f.hasOwnProperty('v'), f.toString())", "1 true [object Object]\n"),
    ("var o = {f: 1}; try { o.f() } catch (e) { console.log(e.message) }", "o.f is not a function\n"),
    # inline method lookup on arrays and functions (own, prototype, patched prototype)
    ("var a = [1]; a.push(2); a.push = function (v) { return 'own ' + v }; console.log(a.push(3), a.length)",
     "own 3 2\n"),
    ("var p = Array.prototype.push; Array.prototype.push = function () { return 'patched' };"
     "console.log([].push(1)); Array.prototype.push = p; console.log([].push(1))", "patched\n1\n"),
    ("function f(a) { return this.v + a } console.log(f.call({v: 1}, 2), f.apply({v: 2}, [3]), f.bind({v: 3})(4))",
     "3 5 7\n"),
    ("function g() {} g.call = function () { return 'own call' }; console.log(g.call())", "own call\n"),
    ("class A { static make() { return new this() } } class B extends A {} console.log(B.make() instanceof B)",
     "true\n"),
    ("var a = []; Object.defineProperty(a, 'm', {get() { return () => 'getter' }}); console.log(a.m())",
     "getter\n"),
    # base[key] op= v: a null base fails before the key's toString or the right side runs
    ("var b = null; try { b[{toString(){ throw 1 }}] ^= (() => { throw 2 })() } catch (e) { console.log(e.message) }"
     "try { var u; u['k']++ } catch (e) { console.log(e.message) } var o = {a: 1}, k = 'a'; o[k] += 2; o[k]++;"
     "console.log(o.a)", "Cannot read properties of null\nCannot read properties of undefined (reading 'k')\n4\n"),
    # calls of global functions: a getter, a missing name, a lexical shadow, a non-function
    ("function g() { return 'g' } console.log(g()); Object.defineProperty(globalThis, 'h', {get() { return () => 'got' },"
     " configurable: true}); console.log(h()); try { nope() } catch (e) { console.log(e.name, e.message) }"
     " globalThis.k = function () { return 'var' }; console.log(k()); var n = 1; try { n() } catch (e) { console.log(e.message) }",
     "g\ngot\nReferenceError nope is not defined\nvar\nn is not a function\n"),
    ("function f() { return 'global' } var r = f(); g = function () { return 'assigned' }; console.log(r, g())",
     "global assigned\n"),
    # string building in place, with numbers mixed in
    ("var s = ''; for (var i = 0; i < 5; i++) s += 'x' + (i % 3); console.log(s, s.length)", "x0x1x2x0x1 10\n"),
    ("var s = 1; s += 'a'; s += 2; s += {toString(){ return 'o' }}; console.log(s)", "1a2o\n"),
    ("function f(){ var s = ''; var t = s; s += 'a'; return t.length + s } console.log(f())", "0a\n"),
    ("function f(s){ s += 'a'; return arguments[0] } console.log(f('x'))", "xa\n"),
    ("function f(s){ arguments[0] = 'q'; s += 'a'; return s } console.log(f('x'))", "qa\n"),
    ("function f(){ let s = 'a'; for (let i = 0; i < 3; i++) { s += i } return s } console.log(f())", "a012\n"),
    ("function f(){ var s = 'a'; s += (s = 'b', 'c'); return s } console.log(f())", "ac\n"),
    ("function f(){ var s = {valueOf(){ return 1 }}; s += 2; return s } console.log(f())", "3\n"),
    ("function f(){ var s = 'a'; function g(){ s = 'z'; return 'y' } s += g(); return s } console.log(f())", "ay\n"),
    # dense array element paths: holes, prototype elements, out-of-range indices
    ("var a = new Array(3); a[1] = 5; console.log(a[0], a[1], a[3], 1 in a, 0 in a)", "undefined 5 undefined true false\n"),
    ("Array.prototype[0] = 'p'; var a = [,1]; console.log(a[0]); delete Array.prototype[0]", "p\n"),
    ("var a = [1,2]; console.log(a[-0], a[1.5], a['1'], a[NaN])", "1 undefined 2 undefined\n"),
]


test_fast_path_semantics, test_rows_match_node = node_table_tests(CASES)
