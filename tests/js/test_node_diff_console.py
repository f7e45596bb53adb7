"""console.log formatting details: RegExp sources, [util.inspect.custom] methods,
Symbol.toStringTag getters; the inspector-only console methods.

Each row is a script and the output node 20 prints for it (found by differential testing
against node; see tests/js/test_fast_paths.py for the pattern).
"""

from jshelpers import node_table_tests

CASES = [
    ("console.log(new RegExp('a/b'), [new RegExp('[/]/', 'g')], {r: RegExp('\\n')})",
     '/a\\/b/ [ /[/]\\//g ] { r: /\\n/ }\n'),
    ("var K = Symbol.for('nodejs.util.inspect.custom'); var custom = {a: 1, [K]: function(depth, opts){ return 'CUSTOM<' + depth + '>' }}; console.log(custom, [custom], {n: custom}, [[[custom]]])",
     'CUSTOM<2> [ CUSTOM<1> ] { n: CUSTOM<1> } [ [ [ CUSTOM<-1> ] ] ]\n'),
    ("var K = Symbol.for('nodejs.util.inspect.custom'); function Money(v){ this.v = v } Money.prototype[K] = function(d, o, inspect){ return 'Money(' + inspect(this.v) + ', ' + typeof o.stylize + ', ' + o.depth + ')' }; console.log(new Money(5), [new Money('x')], Money.prototype)",
     "Money(5, function, 2) [ Money('x', function, 2) ] { [Symbol(nodejs.util.inspect.custom)]: [Function (anonymous)] }\n"),
    ("var K = Symbol.for('nodejs.util.inspect.custom'); class Pt { constructor(){ this.x = 1 } [K](depth, options, inspect){ return inspect({pt: this.x, nested: {a: {b: {c: 1}}}}, options) } } console.log(new Pt(), {p: new Pt()})",
     '{ pt: 1, nested: { a: { b: [Object] } } } { p: { pt: 1, nested: { a: { b: [Object] } } } }\n'),
    ("var K = Symbol.for('nodejs.util.inspect.custom'); var self = {[K]: function(){ return this }}; console.log(self); var multi = {[K]: function(){ return 'line1\\nline2' }}; console.log({m: multi}, [multi]); console.log({[K]: function(){ return {replaced: true} }})",
     '{\n  [Symbol(nodejs.util.inspect.custom)]: [Function: [nodejs.util.inspect.custom]]\n}\n{\n  m: line1\n  line2\n} [\n  line1\n  line2\n]\n{ replaced: true }\n'),
    ("var K = Symbol.for('nodejs.util.inspect.custom'); var custom = {a: 1, [K]: function(){ return 'C' }}; console.log('%o|%O|%s', custom, custom, custom); console.dir(custom); try { console.log({[K]: function(){ throw new Error('inspect fail') }}) } catch (e) { console.log('caught', e.message) }",
     'C|C|C\n{\n  a: 1,\n  [Symbol(nodejs.util.inspect.custom)]: [Function: [nodejs.util.inspect.custom]]\n}\ncaught inspect fail\n'),
    ("class T { get [Symbol.toStringTag](){ return 'Tagged' } } console.log(new T(), [new T()], {t: new T()}); class M2 extends Map { get [Symbol.toStringTag](){ return 'MM' } } console.log(new M2([[1, 2]])); class V { get [Symbol.toStringTag](){ return 5 } } console.log(new V())",
     'T [Tagged] {} [ T [Tagged] {} ] { t: T [Tagged] {} }\nM2(1) [MM] { 1 => 2 }\nV {}\n'),
    ("console.log(typeof console.profile, typeof console.profileEnd, typeof console.timeStamp, console.profile('x'), console.timeStamp())",
     'function function function undefined undefined\n'),
]


test_console_formatting, test_rows_match_node = node_table_tests(CASES)
