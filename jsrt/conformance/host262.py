"""The test262 host: ``print`` and ``$262`` for a realm.

INTERPRETING.md ("Host-Defined Functions") asks for two globals, both writable, configurable and
non-enumerable: ``print`` (hands the string value of its first argument to the runner; async
tests report through it) and ``$262``, an ordinary object with ``createRealm``, ``evalScript``,
``detachArrayBuffer``, ``gc`` and ``global``.  ``IsHTMLDDA`` and ``agent`` are left out on
purpose: the runner skips tests that need them.

How it is built: the host functions are exposed under reserved global names, a small non-strict
script wraps them in ordinary JS functions, defines ``print`` and ``$262`` with the right
attributes, and deletes the reserved names again, so a test sees nothing but the two globals.

Usage::

    host = install(realm)        # before the harness files
    realm.eval(test_source)
    host.printed                 # every string passed to print(), in order
"""

from __future__ import annotations

import gc as _gc
import importlib
from typing import Any, Callable

__all__ = ["HostState", "install", "constructor_name"]

# Each reserved name once; the glue below refers to them by these names.
PRINT = "__jsrt262_print__"
CREATE_REALM = "__jsrt262_createRealm__"
EVAL_SCRIPT = "__jsrt262_evalScript__"
EVAL_THREW = "__jsrt262_evalThrew__"
TAKE_THROWN = "__jsrt262_takeThrown__"
DETACH = "__jsrt262_detachArrayBuffer__"
GC = "__jsrt262_gc__"
PROBE = "__jsrt262_probe__"

_GLUE = r"""
(function (global) {
  var hostPrint = global.%(PRINT)s;
  var hostCreateRealm = global.%(CREATE_REALM)s;
  var hostEvalScript = global.%(EVAL_SCRIPT)s;
  var hostEvalThrew = global.%(EVAL_THREW)s;
  var hostTakeThrown = global.%(TAKE_THROWN)s;
  var hostDetach = global.%(DETACH)s;
  var hostGc = global.%(GC)s;
  delete global.%(PRINT)s;
  delete global.%(CREATE_REALM)s;
  delete global.%(EVAL_SCRIPT)s;
  delete global.%(EVAL_THREW)s;
  delete global.%(TAKE_THROWN)s;
  delete global.%(DETACH)s;
  delete global.%(GC)s;
  var defineProperty = Object.defineProperty;
  var toString = typeof String === "function" ? String : function (v) { return "" + v; };
  var $TypeError = TypeError;
  var $SyntaxError = SyntaxError;
  var $262 = {
    createRealm: function createRealm() {
      return hostCreateRealm();
    },
    evalScript: function evalScript(sourceText) {
      var result = hostEvalScript(toString(sourceText));
      var threw = hostEvalThrew();  // 0: completed, 1: threw a value, 2: early error
      if (threw === 1) {
        throw hostTakeThrown();
      }
      if (threw === 2) {
        throw new $SyntaxError(hostTakeThrown());
      }
      return result;
    },
    detachArrayBuffer: function detachArrayBuffer(buffer) {
      if (typeof hostDetach !== "function") {
        throw new $TypeError("detachArrayBuffer not supported");
      }
      return hostDetach(buffer);
    },
    gc: function gc() {
      return hostGc();
    },
    global: global
  };
  defineProperty(global, "print", {
    value: function print(value) { hostPrint(toString(value)); },
    writable: true, enumerable: false, configurable: true
  });
  defineProperty(global, "$262", {
    value: $262, writable: true, enumerable: false, configurable: true
  });
})(this);
""" % {
    "PRINT": PRINT,
    "CREATE_REALM": CREATE_REALM,
    "EVAL_SCRIPT": EVAL_SCRIPT,
    "EVAL_THREW": EVAL_THREW,
    "TAKE_THROWN": TAKE_THROWN,
    "DETACH": DETACH,
    "GC": GC,
}

_PROBE_SCRIPT = (
    "(function () {"
    " var e = %s();"
    " if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return undefined;"
    " try { var c = e.constructor;"
    " return typeof c === 'function' ? c.name : undefined; }"
    " catch (x) { return undefined; }"
    "})()" % PROBE
)


def _engine_of(realm: Any):
    """The package that defines the realm's class (``jsrt`` for a real realm)."""
    return importlib.import_module(type(realm).__module__.partition(".")[0])


def _find_detach(engine) -> Callable | None:
    """The engine's DetachArrayBuffer, if it has one (jsrt: ``jsrt.builtins.typedarray``)."""
    places = [getattr(engine, "runtime", None)]
    for sub in (".builtins.typedarray", ".runtime"):
        try:
            places.append(importlib.import_module(engine.__name__ + sub))
        except ImportError:
            pass
    for place in places:
        for name in ("detach_array_buffer", "DetachArrayBuffer"):
            fn = getattr(place, name, None)
            if callable(fn):
                return fn
    return None
    for name in ("detach_array_buffer", "DetachArrayBuffer"):
        fn = getattr(runtime, name, None)
        if callable(fn):
            return fn
    return None


def to_utf16(text: str) -> str:
    """Python text to the engine's string representation (astral characters as pairs)."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        cp = ord(ch)
        if cp > 0xFFFF:
            cp -= 0x10000
            out.append(chr(0xD800 + (cp >> 10)))
            out.append(chr(0xDC00 + (cp & 0x3FF)))
        else:
            out.append(ch)
    return "".join(out)


def to_raw(engine, value: Any) -> Any:
    """Undo the engine's Python conversion of a value (``JSError.value``) for JS code."""
    raw = getattr(value, "raw", None)
    if raw is not None and hasattr(value, "realm"):  # a handle
        return raw
    if value is None:
        return engine.null
    if isinstance(value, str):
        return to_utf16(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


class HostState:
    """What the runner reads back from a realm's host: printed lines and child realms."""

    __slots__ = ("realm", "printed", "children", "_thrown", "_threw")

    def __init__(self, realm: Any) -> None:
        self.realm = realm
        self.printed: list[str] = []
        self.children: list[HostState] = []
        self._thrown: Any = None
        self._threw = 0


def install(realm: Any, engine=None) -> HostState:
    """Define ``print`` and ``$262`` on *realm*'s global object; return the host state.

    *engine* is the module providing ``JSError`` and ``undefined`` (default: the package that
    defines ``type(realm)``, i.e. ``jsrt``).
    """
    if engine is None:
        engine = _engine_of(realm)
    undefined = engine.undefined
    js_error = engine.JSError
    state = HostState(realm)

    def host_print(this, text=undefined, *rest):
        state.printed.append(text if isinstance(text, str) else str(text))
        return undefined

    def host_create_realm(this, *args):
        other = type(realm)()
        child = install(other, engine)
        state.children.append(child)
        return other.eval_raw("$262")

    def host_eval_script(this, source=undefined, *rest):
        # INTERPRETING.md: ParseScript in the current realm; errors (early ones included)
        # become a throw completion in the caller.
        state._threw = 0
        state._thrown = undefined
        try:
            return realm.eval_raw(source if isinstance(source, str) else str(source))
        except js_error as exc:
            if getattr(exc, "phase", None) == "parse":
                state._threw = 2  # no error object exists yet: the glue makes the SyntaxError
                state._thrown = to_utf16(str(getattr(exc, "message", "") or exc))
            else:
                state._threw = 1
                state._thrown = to_raw(engine, exc.value)
            return undefined

    def host_eval_threw(this, *args):
        return float(state._threw)

    def host_take_thrown(this, *args):
        value, state._thrown, state._threw = state._thrown, undefined, 0
        return value

    def host_gc(this, *args):
        _gc.collect()
        return undefined

    realm.expose(PRINT, host_print)
    realm.expose(CREATE_REALM, host_create_realm)
    realm.expose(EVAL_SCRIPT, host_eval_script)
    realm.expose(EVAL_THREW, host_eval_threw)
    realm.expose(TAKE_THROWN, host_take_thrown)
    realm.expose(GC, host_gc)
    detach = _find_detach(engine)
    if detach is not None:

        def host_detach(this, buffer=undefined, *rest):
            detach(buffer)
            return undefined

        realm.expose(DETACH, host_detach)
    realm.eval(_GLUE, filename="<test262 host>")
    return state


def constructor_name(realm: Any, value: Any, timeout: float | None = None) -> str | None:
    """``value.constructor.name`` as seen inside *realm*, or None (best effort).

    Negative tests name the constructor of the expected error (``Test262Error`` has no own
    ``name``), so the runner asks the realm when the engine's error name does not match.
    """

    engine = _engine_of(realm)

    def probe(this, *args):
        return to_raw(engine, value)

    kw = {} if timeout is None else {"timeout": timeout}
    try:
        realm.expose(PROBE, probe)
        name = realm.eval(_PROBE_SCRIPT, filename="<test262 probe>", **kw)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # whatever the test left behind, the probe is best effort
        return None
    return name if isinstance(name, str) else None
