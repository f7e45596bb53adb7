"""The Python API of jsrt.Realm: values, handles, host functions, errors, limits, sandbox."""

import sys

import pytest

import jsrt
from jsrt import JSError, undefined


def test_primitives_come_back_as_python_values(realm):
    assert realm.eval("1 + 1") == 2.0
    assert realm.eval("'a' + 'b'") == "ab"
    assert realm.eval("null") is None
    assert realm.eval("undefined") is undefined
    assert realm.eval("true") is True
    assert realm.eval("'\\ud83d\\ude00'") == "\U0001F600"       # UTF-16 pairs become real text


def test_handles_read_iterate_call_and_copy(realm):
    h = realm.eval("({a: 1, b: [1, 2, {c: 'x'}], f(x) { return x * 2 }})")
    assert h["a"] == 1.0
    assert list(h["b"])[:2] == [1.0, 2.0]
    assert h["f"](21) == 42.0
    assert h.to_python() == {"a": 1.0, "b": [1.0, 2.0, {"c": "x"}], "f": h["f"]}
    assert sorted(h.keys()) == ["a", "b", "f"]


def test_js_error_carries_name_message_stack_and_value(realm):
    with pytest.raises(JSError) as ei:
        realm.eval("function inner() { throw new RangeError('too far') }\ninner()", "errs.js")
    e = ei.value
    assert e.name == "RangeError"
    assert e.message == "too far"
    assert "errs.js:1" in e.stack and "inner" in e.stack
    assert e.value["message"] == "too far"


def test_thrown_non_error_values(realm):
    with pytest.raises(JSError) as ei:
        realm.eval("throw 42")
    assert ei.value.value == 42.0


def test_syntax_error_has_location(realm):
    with pytest.raises(JSError) as ei:
        realm.eval("var x = ;", "bad.js")
    e = ei.value
    assert e.name == "SyntaxError" and e.phase == "parse"
    assert (e.filename, e.line) == ("bad.js", 1)
    assert "bad.js:1:" in str(e)


def test_expose_host_function(realm):
    seen = []

    def add(this, a, b):
        seen.append((a, b))
        return a + b
    realm.expose("add", add)
    assert realm.eval("add(2, 3)") == 5.0
    assert seen == [(2.0, 3.0)]
    assert realm.eval("Object.getOwnPropertyDescriptor(globalThis, 'add').enumerable") is False


def test_host_function_exceptions_become_js_errors(realm):
    def boom(this, *a):
        raise ValueError("nope")
    realm.expose("boom", boom)
    assert realm.eval("try { boom() } catch (e) { e instanceof Error && e.message }") == \
        "host function failed: ValueError: nope"


# CPython 3.13.0-3.13.7 skip the recursion check on calls specialized for functions with
# *args (python/cpython#132744, fixed in 3.13.8); every JS function has *_rest, so runaway
# JS recursion grows the frame stack until memory runs out instead of raising.
RUNAWAY_RECURSION_UNCHECKED = (3, 13, 0) <= sys.version_info[:3] < (3, 13, 8)


@pytest.mark.skipif(RUNAWAY_RECURSION_UNCHECKED,
                    reason="CPython 3.13.0-3.13.7 do not check recursion depth here (gh-132744)")
def test_deep_recursion_works_and_runaway_recursion_is_range_error(realm):
    assert realm.eval("function d(n) { return n === 0 ? 0 : 1 + d(n - 1) } d(10000)") == 10000.0
    with pytest.raises(JSError) as ei:
        realm.eval("function r() { return r() + 1 } r()")
    assert ei.value.name == "RangeError"
    assert "Maximum call stack size exceeded" in ei.value.message
    # the realm is still usable, and JS can catch it
    assert realm.eval("try { (function r() { r() })() } catch (e) { e.name }") == "RangeError"


def test_timeout_stops_infinite_loop_and_realm_survives(realm):
    with pytest.raises(jsrt.TimeoutError):
        realm.eval("while (true) {}", timeout=0.5)
    with pytest.raises(jsrt.TimeoutError):
        realm.eval("for (;;) { try { while (true) {} } catch (e) {} finally {} }", timeout=0.5)
    assert realm.eval("1 + 2") == 3.0


def test_event_loop_runs_timers_and_microtasks(realm):
    realm.eval("var log = []; setTimeout(() => log.push('t'), 5); Promise.resolve().then(() => log.push('m')); log.push('s')")
    realm.run()
    assert realm.eval("log.join()") == "s,m,t"


def test_same_source_compiles_once():
    from jsrt.compiler import compile_script
    a = compile_script("var q = 1; q + 1", "same.js")
    b = compile_script("var q = 1; q + 1", "same.js")
    assert a is b


# -- sandbox: JS must never reach a Python object --------------------------------

ESCAPES = [
    # the js2py CVE-2024-28397 route
    "Object.getOwnPropertyNames({}).__class__",
    "Object.getOwnPropertyNames({})['__class__']",
    "({}).constructor.constructor('return this')().__class__",
    "Function('return this')().__builtins__",
    "[].__class__",
    "(function(){}).__globals__",
    "(function(){}).__code__",
    "Object.__subclasses__",
    "(() => 1).fn",
    "(() => 1).body",
    "(() => 1).realm",
    "(() => 1).meta",
    "Error().__traceback__",
    "(new Error('x')).__class__",
    "add.fn",
    "add.__call__",
    "Object.getOwnPropertyNames(add).join()",
    "Reflect.ownKeys(add).join()",
    "Object.getOwnPropertyNames(Object.getPrototypeOf(add)).indexOf('__call__')",
    "typeof globalThis.__builtins__",
    "typeof __import__",
    "typeof R_get",
    "typeof _GO",
    "typeof type",
    "typeof len",
]


@pytest.mark.parametrize("expr", ESCAPES)
def test_escape_routes_yield_only_js_values(realm, expr):
    realm.expose("add", lambda this, a, b: a + b)
    v = realm.eval(expr)
    assert v is undefined or v is None or isinstance(v, (str, float, bool)), (expr, v)
    if isinstance(v, str):
        assert "<class" not in v and "python" not in v.lower()


def test_proto_walks_stay_in_js(realm):
    n = realm.eval("""
      var seen = 0, o = add;
      for (var i = 0; i < 10 && o; i++) { o = Object.getPrototypeOf(o); seen++ }
      seen""".replace("add", "(function(){})"))
    assert n <= 3
    assert realm.eval("Object.getPrototypeOf(Object.prototype)") is None


def test_host_function_properties_are_js_only(realm):
    realm.expose("h", lambda this: 1)
    keys = realm.eval("Reflect.ownKeys(h).map(String).join()")
    assert set(keys.split(",")) <= {"length", "name"}
    assert realm.eval("h.toString()") == "function h() { [native code] }"


@pytest.mark.parametrize("src", [
    "(" * 5000 + "1" + ")" * 5000,
    "[" * 5000 + "]" * 5000,
    "{" * 60000 + "}" * 60000,
    "function f(){" * 1000 + "}" * 1000,
    "if (1) " * 60000 + ";",
    "for(;;)" * 30 + "break;",
])
def test_deep_nesting_is_a_clean_error_never_a_crash(realm, src):
    try:
        realm.eval(src, timeout=120)
    except JSError as e:
        assert e.name in ("SyntaxError", "RangeError")
    assert realm.eval("1 + 1") == 2.0
