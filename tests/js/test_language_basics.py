"""Language basics: each row is a script and the output node prints for it."""

import pytest

from jshelpers import run_js

CASES = [
    ("function fib(n){return n<2?n:fib(n-1)+fib(n-2)} console.log(fib(15))", "610\n"),
    ("let f=[];for(let i=0;i<3;i++)f.push(()=>i);console.log(f[0]()+f[1]()*10+f[2]()*100)", "210\n"),
    ("class A{constructor(x){this.x=x}get d(){return this.x*2}}"
     "class B extends A{constructor(){super(21)}m(){return super.d}}"
     "var b=new B();console.log(b.x,b.d,b.m(),b instanceof A)", "21 42 42 true\n"),
    ("function* g(){var x=yield 1;yield x+1}var it=g();"
     "console.log(it.next().value,it.next(10).value,it.next().done)", "1 11 true\n"),
    ("try{null.x}catch(e){console.log(e.name)}", "TypeError\n"),
    ("var {a,...r}={a:1,b:2,c:3};console.log(a,Object.keys(r).join())", "1 b,c\n"),
    ("var [x,,y=5,...z]=[1,2,undefined,4,5];console.log(x,y,z.join())", "1 5 4,5\n"),
    ("L:for(var i=0;i<3;i++){for(var j=0;j<3;j++){if(j==1)continue L;if(i==2)break L;console.log(i,j)}}",
     "0 0\n1 0\n"),
    ("switch(3){case 1:console.log(1);case 3:console.log(3);case 4:console.log(4);break;default:console.log(0)}",
     "3\n4\n"),
    ("console.log(`t ${1+1} ${'x'}`, typeof undeclared)", "t 2 x undefined\n"),
    ("var s=0;for(var k in {a:1,b:2})s+=k.length;console.log(s)", "2\n"),
    ("var t=0;for(var v of [1,2,3])t+=v;console.log(t)", "6\n"),
    ("function f(){return arguments.length}console.log(f(1,2,3))", "3\n"),
    ("console.log(0.1+0.2, 1/0, -1/0, 0/0, 5%3, -5%3, 2**10)",
     "0.30000000000000004 Infinity -Infinity NaN 2 -2 1024\n"),
    ("try{try{throw 1}finally{console.log('f')}}catch(e){console.log('c',e)}", "f\nc 1\n"),
    ("function f(){try{return 1}finally{console.log('fin')}}console.log(f())", "fin\n1\n"),
    # a derived error's stack starts with the name and message its constructor set
    ("class E2 extends Error{constructor(m){super(m);this.name='E2'}}"
     "class E3 extends E2{constructor(){super('x');this.message='changed'}}"
     "class E4 extends Error{constructor(){super('m');this.stack='custom'}}"
     "try{throw new E2('bad')}catch(e){console.log(e.stack.split('\\n')[0])}"
     "console.log(new E3().stack.split('\\n')[0], new E4().stack)", "E2: bad\nE2: changed custom\n"),
    # Function.prototype.toString: methods and accessors start at their key
    ("class A { static  s(a) { return 1 } get g() { return 1 } set g(v) {} *gen() {} async am() {} ['comp' + 1]() {} m() {} }\nvar o = { m(x) { return x }, get p() { return 1 }, set p(v) {}, *g() {}, async a() {}, ['k'](){}, f: function () {}, ar: (a) => a };\nconsole.log(A.toString());\nconsole.log(A.s.toString(), '|', Object.getOwnPropertyDescriptor(A.prototype, 'g').get.toString(), '|', Object.getOwnPropertyDescriptor(A.prototype, 'g').set.toString());\nconsole.log(A.prototype.gen.toString(), '|', A.prototype.am.toString(), '|', A.prototype.comp1.toString(), '|', A.prototype.m.toString());\nconsole.log(o.m.toString(), '|', Object.getOwnPropertyDescriptor(o, 'p').get.toString(), '|', o.g.toString(), '|', o.a.toString(), '|', o.k.toString(), '|', o.f.toString(), '|', o.ar.toString());\nconsole.log(Math.max.toString(), '|', function(){}.bind().toString(), '|', (class {}).toString());\n",
     "class A { static  s(a) { return 1 } get g() { return 1 } set g(v) {} *gen() {} async am() {} ['comp' + 1]() {} m() {} }\ns(a) { return 1 } | get g() { return 1 } | set g(v) {}\n*gen() {} | async am() {} | ['comp' + 1]() {} | m() {}\nm(x) { return x } | get p() { return 1 } | *g() {} | async a() {} | ['k'](){} | function () {} | (a) => a\nfunction max() { [native code] } | function () { [native code] } | class {}\n"),
    # esprima marks `async [k]() {}` class elements non-computed; the parser fixes that up
    ("let x = 'h'; var C = class { async [x]() {} static /*[*/ async [x + 1]() {} async y() {} };"
     "console.log(typeof C.prototype.h, typeof C.h1, typeof C.prototype.x, typeof C.prototype.y)",
     "function function undefined function\n"),
    # compound assignment and ++/-- on super properties; sloppy failed super sets are silent
    ("class A { constructor() { this.x = 1 } get g() { return this._g || 10 } set g(v) { this._g = v } }\nclass B extends A {\n  m() { super.x += 5; super['y'] = 3; super.y *= 2; super.z++; ++super.w; super.g += 1; var q = super.g++; return [this.x, this.y, this.z, this.w, this._g, q].join() }\n}\nconsole.log(new B().m());\nvar base = { v: 1 };\nvar o = { __proto__: base, inc() { super.v += 10; return [this.v, base.v, super.v++ , this.v].join() } };\nconsole.log(o.inc());\nvar ro = { __proto__: Object.freeze({ y: 1 }), m() { super.y = 2; return this.y } };\nconsole.log(ro.m());\nvar ros = { __proto__: Object.freeze({ y: 1 }), m() { 'use strict'; try { super.y = 2 } catch (e) { return e.name } } };\nconsole.log(ros.m());\nclass C extends A { constructor() { try { super.x += 1 } catch (e) { console.log(e.name) } super() } }\nnew C();\n",
     'NaN,NaN,NaN,NaN,12,11\n11,1,1,2\n1\nTypeError\nReferenceError\n'),
    # raw template strings normalize CR LF and CR to LF
    ("console.log(JSON.stringify(String.raw`a\r\nb\rc`), JSON.stringify((s => s.raw[0] + s[0])`x\r\ny`))",
     '"a\\nb\\nc" "x\\nyx\\ny"\n'),
    # a parenthesized unary operand of ** (esprima refused it)
    ("console.log((-2) ** 0.5, (-2) ** 2, (+'3') ** 2, 2 ** 3 ** 2, -(2 ** 2));"
     "try { eval('-2 ** 2') } catch (e) { console.log(e.name) }", "NaN 4 9 512 -4\nSyntaxError\n"),
]


@pytest.mark.parametrize("src,expected", CASES)
def test_script_output(src, expected):
    assert run_js(src) == expected
