"""Realm: the intrinsics, the global environment, evaluation entry points,
the job queue / event loop, and the Python-facing API (``jsrt.Realm``)."""

import gc
import heapq
import sys
import time
import types
from collections import deque

from .runtime.values import (undefined, null, MISSING, TDZ, HOLE, Symbol, JSBigInt, Undefined,
                             Null)
from .runtime.objects import (JSObject, JSArray, JSFunction, JSErrorObject, Accessor, Desc, W, E,
                              C, CTOR_NATIVE)
from .runtime.errors import (JSThrow, STATE, ScriptTimeout, throw_type_error,
                             throw_reference_error, throw_syntax_error)
from .runtime import ops, helpers, executor
from .runtime.function import make_function
from .compiler import compile_script, JSSyntaxError, unit_registry, code_meta
from .compiler.codegen import to_utf16
from . import errors as api_errors

__all__ = ["Realm", "JSHandle", "from_utf16", "to_utf16"]


def from_utf16(s):
    """A str of UTF-16 code units -> real text (lone surrogates kept)."""
    if s.isascii():
        return s
    try:
        return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    except UnicodeError:
        return s


JS_CODE_PREFIXES = ("__script__", "_F", "_G", "_I", "_C", "_D")


def _is_js_code(code, _cache={}):
    r = _cache.get(code.co_name)
    if r is None:
        n = code.co_name
        r = n == "__script__" or (n[:2] in ("_F", "_G", "_I", "_C", "_D") and n[2:].isdigit())
        if len(_cache) < 4096:
            _cache[n] = r
    return r


class Realm:
    """A JavaScript realm: its intrinsics, global object and event loop.

    ``Realm()`` is an ordinary realm with host APIs (console, timers,
    structuredClone...). ``Realm(host=False)`` has only the language's own
    globals (the RealmBuilder kind of realm).
    """

    def __init__(self, host=True, console=None, restricted=False):
        self._init_fields(host, console, restricted)
        prev = STATE.realm
        STATE.realm = self
        gc_was = gc.isenabled()
        gc.disable()         # building thousands of intrinsics: skip repeated GC scans
        try:
            from .builtins import setup_realm
            self.global_object = None
            setup_realm(self, host)
        finally:
            STATE.realm = prev if prev is not None else self
            if gc_was:
                gc.enable()
        self.ns = self._make_namespace()

    def _init_fields(self, host, console, restricted):
        self.intrinsics = {}
        self.global_lex = {}
        self.jobs = deque()
        self.timers = []
        self.timer_seq = 0
        self.active_timers = {}
        self.template_cache = {}
        self.join_stack = set()
        self.pending_rejections = []
        self.restricted = restricted
        self.host = host
        self.console_sink = console
        self.now_ms = None
        self.turn_start = None
        self.snapshot_arguments = None

    # -- snapshots (see jsrt/snapshot/heap.py) ----------------------------------------
    SNAPSHOT_FIELDS = ("intrinsics", "global_object", "global_lex", "template_cache", "host",
                       "restricted", "_consts", "snapshot_arguments")

    @property
    def arguments(self):
        """The values given to RealmSnapshot.compile, in a realm instantiated from it."""
        a = self.snapshot_arguments
        if a is None:
            return None
        return [to_python(self, v) for v in a]

    def snapshot_state(self):
        """The part of the realm a snapshot captures (no jobs, timers or host sinks)."""
        if self.jobs:
            raise _capture_error(self, "pending jobs in the realm's job queue")
        if self.active_timers:
            raise _capture_error(self, "pending timers")
        d = self.__dict__
        return {k: d[k] for k in self.SNAPSHOT_FIELDS if k in d}

    def restore_state(self, state):
        ns = self.__dict__.get("ns")
        self._init_fields(state.get("host", True), None, state.get("restricted", False))
        self.__dict__.update(state)
        if ns is not None:
            self.ns = ns

    def finish_restore(self):
        fresh = self._make_namespace()
        self.ns.clear()
        self.ns.update(fresh)

    # -- namespace for compiled code -------------------------------------------------
    def _make_namespace(self):
        ns = helpers.base_namespace()
        ns.update({
            "__jsrt_realm__": self,
            "_GO": self.global_object,
            "_GP": self.global_object.props,
            "_GL": self.global_lex,
            "_OP": self.intrinsics["%Object.prototype%"],
            "R_mkfunc": self.make_function,
            "R_mkobj": self.make_object,
            "R_mkobj_idx": self.make_object_indexed,
            "R_mkobj_proto": JSObject,
            "R_mkarr": self.make_array,
            "R_regexp": self.make_regexp,
            "R_gget": self.global_get,
            "R_gset": self.global_set,
            "R_gvarset": self.global_var_set,
            "R_glex": self.global_lex_get,
            "R_glexset": self.global_lex_set,
            "R_gtypeof": self.global_typeof,
            "R_gdelete": self.global_delete,
            "R_tplobj": self.template_object,
            "R_direct_eval": self.direct_eval,
        })
        return ns

    def __reduce__(self):
        raise TypeError("a Realm is captured through RealmSnapshot, not pickled directly")

    def add_host_apis(self):
        """Install the host families (console, timers, structuredClone...) into this realm."""
        import importlib
        from .builtins import FAMILIES
        prev = STATE.realm
        STATE.realm = self
        try:
            for name, needs_host in FAMILIES:
                if not needs_host:
                    continue
                try:
                    mod = importlib.import_module(".builtins." + name, __package__)
                except ModuleNotFoundError:
                    continue
                mod.setup(self)
            self.host = True
        finally:
            STATE.realm = prev

    def unit_keys_add(self, key):
        pass

    def host_module(self, specifier):
        """Exports of a built-in host module (``vm``) as {name: value}, or None."""
        if not self.host or specifier not in ("vm", "node:vm"):
            return None
        from .builtins.realms import make_vm_module
        prev = STATE.realm
        STATE.realm = self
        try:
            vm = make_vm_module(self)
        finally:
            STATE.realm = prev
        exports = {k: vm.props[k] for k in vm.props if type(k) is str}
        exports["default"] = vm
        return exports

    def module_loader(self, hook):
        """The realm's module map for an import hook (one per hook)."""
        from .modules import ModuleLoader
        loaders = self.__dict__.setdefault("_loaders", {})
        ld = loaders.get(id(hook))
        if ld is None or ld.hook is not hook:
            ld = loaders[id(hook)] = ModuleLoader(self, hook)
        return ld

    def eval_module(self, source, filename=None, hook=None, timeout=None):
        """Evaluate an ES module from source; imports go through ``hook(specifier, referrer)``
        (default: files relative to the referrer). Returns the namespace (a handle)."""
        import os
        key = filename or "<module>"

        def default_hook(spec, referrer):
            base = os.path.dirname(referrer) if referrer and os.path.isabs(referrer) or (referrer and os.sep in referrer) else os.getcwd()
            path = os.path.normpath(os.path.join(base, spec))
            with open(path, encoding="utf-8") as f:
                return path, f.read()
        user_hook = hook or default_hook

        def root_hook(spec, referrer):
            if referrer is None and spec == key:
                return key, source
            return user_hook(spec, referrer)

        def entry():
            from .modules import load_module_namespace
            prev = STATE.realm
            STATE.realm = self
            try:
                try:
                    ns = load_module_namespace(self, key, root_hook)
                    self.run_jobs()
                    return ns
                except JSThrow as e:
                    raise to_js_error(self, e) from None
            finally:
                STATE.realm = prev
        return to_python(self, executor.run(entry, timeout=timeout))

    def make_function(self, pyfn, meta):
        return make_function(self, pyfn, meta)

    def make_object(self, d):
        return JSObject(self.intrinsics["%Object.prototype%"], d)

    def make_object_indexed(self, d):
        """An object literal with array-index-like keys (they may shadow elements)."""
        from .runtime.objects import bump_index_epoch
        bump_index_epoch()
        o = JSObject(self.intrinsics["%Object.prototype%"])
        o.props = d
        return o

    def make_array(self, items):
        return JSArray(self.intrinsics["%Array.prototype%"], items)

    def make_regexp(self, pattern, flags):
        f = self.intrinsics.get("%RegExp.create%")
        if f is None:
            throw_syntax_error("regular expressions are not available")
        return f(pattern, flags)

    # -- global environment (9.1.1.4) ------------------------------------------------
    def global_get(self, name):
        v = self.global_lex.get(name, MISSING)
        if v is not MISSING:
            if v is TDZ:
                throw_reference_error("Cannot access '%s' before initialization" % name)
            return v
        go = self.global_object
        v = go.props.get(name, MISSING)
        if v is not MISSING and type(v) is not Accessor:
            return v
        if go.has_property(name):
            return go.get(name, go)
        throw_reference_error("%s is not defined" % name)

    def global_typeof(self, name):
        v = self.global_lex.get(name, MISSING)
        if v is not MISSING:
            if v is TDZ:
                throw_reference_error("Cannot access '%s' before initialization" % name)
            return ops.typeof(v)
        go = self.global_object
        if go.has_property(name):
            return ops.typeof(go.get(name, go))
        return "undefined"

    def global_set(self, name, value, strict):
        lex = self.global_lex
        if name in lex:
            return self.global_lex_set(name, value, False, False)
        go = self.global_object
        props = go.props
        v = props.get(name, MISSING)
        if v is not MISSING and type(v) is not Accessor and (go.flags is None or name not in go.flags):
            props[name] = value
            return value
        if go.has_property(name):
            ok = go.set(name, value, go)
            if not ok and strict:
                ops.throw_set_failure(go, name)
            return value
        if strict:
            throw_reference_error("%s is not defined" % name)
        go.set(name, value, go)
        return value

    def global_var_set(self, name, value, strict):
        go = self.global_object
        props = go.props
        v = props.get(name, MISSING)
        if v is not MISSING and type(v) is not Accessor:
            f = go.flags
            if f is None or f.get(name, 7) & W:
                props[name] = value
                return value
        ok = go.set(name, value, go)
        if not ok and strict:
            ops.throw_set_failure(go, name)
        return value

    def global_lex_get(self, name):
        v = self.global_lex.get(name, MISSING)
        if v is TDZ:
            throw_reference_error("Cannot access '%s' before initialization" % name)
        if v is MISSING:
            return self.global_get(name)
        return v

    def global_lex_set(self, name, value, init, is_const):
        lex = self.global_lex
        if not init:
            cur = lex.get(name, MISSING)
            if cur is TDZ:
                throw_reference_error("Cannot access '%s' before initialization" % name)
            if is_const or name in self.global_consts:
                throw_type_error("Assignment to constant variable.")
        lex[name] = value
        return value

    def global_delete(self, name):
        if name in self.global_lex:
            return False
        go = self.global_object
        if go.has_property(name) or go.get_own_property(name) is not None:
            return go.delete(name)
        return True

    @property
    def global_consts(self):
        s = self.__dict__.get("_consts")
        if s is None:
            s = self.__dict__["_consts"] = set()
        return s

    def template_object(self, site, cooked, raw):
        """GetTemplateObject (13.2.8.4), cached per site in the realm."""
        t = self.template_cache.get(site)
        if t is not None:
            return t
        ap = self.intrinsics["%Array.prototype%"]
        raw_arr = JSArray(ap, list(raw))
        cooked_arr = JSArray(ap, [undefined if c is None else c for c in cooked])
        from .builtins.core import object_freeze
        object_freeze(undefined, raw_arr)
        cooked_arr._store("raw", raw_arr, 0)
        object_freeze(undefined, cooked_arr)
        self.template_cache[site] = cooked_arr
        return cooked_arr

    # -- evaluation ---------------------------------------------------------------------
    def global_declaration_instantiation(self, unit):
        """GlobalDeclarationInstantiation (16.1.7)."""
        go = self.global_object
        lex = self.global_lex
        for name, kind in unit.lex_decls:
            if name in lex:
                throw_syntax_error("Identifier '%s' has already been declared" % name)
            d = go.get_own_property(name)
            if d is not None and not d.configurable:
                throw_syntax_error("Identifier '%s' has already been declared" % name)
        for name in unit.var_names:
            if name in lex:
                throw_syntax_error("Identifier '%s' has already been declared" % name)
        for name in unit.func_names:
            d = go.get_own_property(name)
            if d is None:
                if not go.is_extensible():
                    throw_type_error("Cannot define global function %s" % name)
            elif not d.configurable and not (d.is_data() and d.writable and d.enumerable):
                throw_type_error("Cannot redefine global function %s" % name)
        for name in unit.var_names:
            if name in unit.func_names:
                continue
            if go.get_own_property(name) is None and not go.is_extensible():
                throw_type_error("Cannot define global variable %s" % name)
        for name in unit.func_names:
            d = go.get_own_property(name)
            if d is None or d.configurable:
                go.define_own_property(name, Desc(value=undefined, writable=True, enumerable=True,
                                                  configurable=False))
        for name in unit.var_names:
            if go.get_own_property(name) is None:
                go.define_own_property(name, Desc(value=undefined, writable=True, enumerable=True,
                                                  configurable=False))
        for name, kind in unit.lex_decls:
            lex[name] = TDZ
            if kind == "const":
                self.global_consts.add(name)

    def run_unit(self, unit):
        prev = STATE.realm
        STATE.realm = self
        try:
            self.global_declaration_instantiation(unit)
            fn = types.FunctionType(unit.code, self.ns, "__script__")
            return fn(self.global_object)
        finally:
            STATE.realm = prev

    def eval_internal(self, source, filename=None, strict=False):
        """Compile and run a script on the current thread; JS exceptions propagate as JSThrow."""
        try:
            unit = compile_script(source, filename, strict=strict)
        except JSSyntaxError as e:
            raise JSThrow(kind="SyntaxError", message=e.message)
        return self.run_unit(unit)

    def direct_eval(self, evalfn, strict, this, env, *args):
        """A call ``eval(...)``: PerformEval with the caller's scope and strictness (19.2.1.1)."""
        if evalfn is not self.intrinsics.get("%eval%"):
            return ops.call(evalfn, undefined, *args)
        x = args[0] if args else undefined
        if type(x) is not str:
            return x
        return self.perform_eval(x, strict, this, env)

    def perform_eval(self, source, strict, this=MISSING, env=None):
        """PerformEval (19.2.1.1): indirect when env is None and this is MISSING."""
        from .runtime import env as envmod
        try:
            unit = compile_script(source, "eval", strict=strict, kind="eval")
        except JSSyntaxError as e:
            raise JSThrow(kind="SyntaxError", message=e.message)
        prev = STATE.realm
        STATE.realm = self
        try:
            if this is MISSING:
                this = self.global_object
            if not unit.strict:
                if env is None:
                    self.global_declaration_instantiation_eval(unit)
                else:
                    envmod.eval_declare(env, unit.var_names, unit.func_names,
                                        [n for n, k in unit.lex_decls], False)
            fn = types.FunctionType(unit.code, self.ns, "__script__")
            return fn(this, env)
        finally:
            STATE.realm = prev

    def global_declaration_instantiation_eval(self, unit):
        """EvalDeclarationInstantiation (19.2.1.3) for global-scope sloppy eval."""
        self.global_declaration_instantiation_eval_names(unit.var_names, unit.func_names)

    def global_declaration_instantiation_eval_names(self, var_names, func_names):
        go = self.global_object
        for name in var_names:
            if name in self.global_lex:
                throw_syntax_error("Identifier '%s' has already been declared" % name)
        for name in func_names:
            d = go.get_own_property(name)
            if d is None or d.configurable:
                go.define_own_property(name, Desc(value=undefined, writable=True, enumerable=True,
                                                  configurable=True))
        for name in var_names:
            if go.get_own_property(name) is None:
                go.define_own_property(name, Desc(value=undefined, writable=True, enumerable=True,
                                                  configurable=True))

    # -- errors and stacks ----------------------------------------------------------------
    def make_error(self, kind, message, tb=None):
        ctor = self.intrinsics["%" + (kind or "Error") + "%"]
        proto = self.intrinsics["%" + (kind or "Error") + ".prototype%"]
        o = JSErrorObject(proto)
        if message is not None:
            o._store("message", to_utf16(message), W | C)
        self.attach_stack(o, tb=tb)
        return o

    def attach_stack(self, o, tb=None):
        frames = capture_frames(tb, skip=2)
        try:
            head = ops.safe_describe_error(o)
        except Exception:
            head = "Error"
        lines = [head] + ["    at " + f for f in frames[:10]]
        stack = "\n".join(lines)
        o._store("stack", stack, W | C)
        if type(o) is JSErrorObject:
            o.stack_head = (stack, head)

    # -- jobs and the event loop (9.5, HTML event loop in miniature) ---------------------
    def enqueue_job(self, fn, *args):
        self.jobs.append((fn, args))

    def host_promise_rejection_tracker(self, promise, op):
        if op == "reject":
            self.pending_rejections.append(promise)
        else:
            try:
                self.pending_rejections.remove(promise)
            except ValueError:
                pass

    def run_jobs(self):
        jobs = self.jobs
        prev = STATE.realm
        STATE.realm = self
        try:
            while jobs:
                fn, args = jobs.popleft()
                try:
                    fn(*args)
                except JSThrow as e:
                    # an exception escaping a job is reported; the queue goes on
                    self.report_uncaught(e)
        finally:
            STATE.realm = prev

    def add_timer(self, delay_ms, fn, args, repeat):
        self.timer_seq += 1
        tid = self.timer_seq
        # every timer set during one turn counts from the same start (as node does)
        start = self.turn_start if self.turn_start is not None else self.clock()
        due = start + max(delay_ms, 1.0)
        entry = [due, tid, fn, args, repeat]
        self.active_timers[tid] = entry
        heapq.heappush(self.timers, (due, tid))
        return tid

    def clear_timer(self, tid):
        self.active_timers.pop(tid, None)

    def clock(self):
        return time.monotonic() * 1000.0

    def run_event_loop(self, until=None):
        """Run microtasks, then timers in due order, until nothing is left."""
        while True:
            self.run_jobs()
            self.report_rejections()
            if until is not None and until():
                return
            if not self.active_timers:
                return
            due, tid = heapq.heappop(self.timers)
            entry = self.active_timers.get(tid)
            if entry is None:
                continue
            wait = (due - self.clock()) / 1000.0
            if wait > 0:
                time.sleep(wait)
            _, _, fn, args, repeat = entry
            self.turn_start = self.clock()
            if repeat is not None:
                entry[0] = self.turn_start + max(repeat, 1.0)
                heapq.heappush(self.timers, (entry[0], tid))
            else:
                del self.active_timers[tid]
            prev = STATE.realm
            STATE.realm = self
            try:
                if isinstance(fn, JSFunction):
                    fn.fn(undefined, *args)
                else:
                    fn(*args)
            except JSThrow as e:
                self.report_uncaught(e)
            finally:
                STATE.realm = prev

    def report_uncaught(self, e):
        err = to_js_error(self, e)
        self.write_stderr("Uncaught " + (err.stack or str(err)) + "\n")
        self.uncaught_errors.append(err)

    @property
    def uncaught_errors(self):
        s = self.__dict__.get("_uncaught")
        if s is None:
            s = self.__dict__["_uncaught"] = []
        return s

    def report_rejections(self):
        if not self.pending_rejections:
            return
        pending = [p for p in self.pending_rejections if not p.handled]
        self.pending_rejections = []
        for p in pending:
            err = to_js_error(self, JSThrow(p.result))
            self.unhandled_rejections.append(err)
            if isinstance(p.result, JSErrorObject):
                text = err.stack or str(err)
            else:
                from .builtins import console as con
                text = con.inspect(p.result)
            self.write_stderr("Uncaught (in promise) %s\n" % text)

    @property
    def unhandled_rejections(self):
        s = self.__dict__.get("_unhandled")
        if s is None:
            s = self.__dict__["_unhandled"] = []
        return s

    def write_stdout(self, text):
        sink = self.console_sink
        if sink is not None:
            sink("stdout", text)
        else:
            _write_text(sys.stdout, text)

    def write_stderr(self, text):
        sink = self.console_sink
        if sink is not None:
            sink("stderr", text)
        else:
            _write_text(sys.stderr, text)

    def join_guard(self, o):
        if id(o) in self.join_stack:
            return True
        self.join_stack.add(id(o))
        return False

    def join_unguard(self, o):
        self.join_stack.discard(id(o))

    def string_iteration_intact(self):
        sp = self.intrinsics["%String.prototype%"]
        from .runtime.values import SYM_ITERATOR
        f = sp.props.get(SYM_ITERATOR)
        intact = f is self.intrinsics.get("%String.prototype[@@iterator]%")
        sip = self.intrinsics.get("%StringIteratorPrototype%")
        if sip is None:
            return False
        return intact and sip.props.get("next") is self.intrinsics.get("%StringIteratorPrototype.next%")

    # -- Python API --------------------------------------------------------------------------
    def eval(self, source, filename=None, timeout=None):
        """Run a classic script; return its completion value as a Python value or handle."""
        v = executor.run(self._eval_entry, source, filename, timeout=timeout)
        return to_python(self, v)

    def eval_raw(self, source, filename=None, timeout=None):
        """Like eval, but return the raw JS value (for host glue)."""
        return executor.run(self._eval_entry, source, filename, timeout=timeout)

    def _eval_entry(self, source, filename):
        prev = STATE.realm
        STATE.realm = self
        try:
            try:
                unit = compile_script(source, filename)
            except JSSyntaxError as e:
                raise api_errors.JSError("SyntaxError", e.message, phase="parse",
                                         filename=e.filename or "<anonymous>", line=e.line,
                                         column=e.column,
                                         stack="SyntaxError: %s\n    at %s:%s:%s" % (
                                             e.message, e.filename or "<anonymous>", e.line,
                                             (e.column or 0) + 1)) from None
            try:
                v = self.run_unit(unit)
                self.run_jobs()
                self.report_rejections()
                return v
            except JSThrow as e:
                raise to_js_error(self, e) from None
            except ScriptTimeout:
                raise api_errors.TimeoutError("script timed out") from None
            except RecursionError:
                raise api_errors.JSError("RangeError", "Maximum call stack size exceeded") from None
            except NameError as e:
                raise api_errors.JSError("ReferenceError", "Cannot access '%s' before initialization"
                                         % helpers._js_name(helpers.name_of_name_error(e))) from None
        finally:
            STATE.realm = prev

    def run(self, timeout=None):
        """Drive the event loop until no job, timer or microtask is left."""
        def entry():
            prev = STATE.realm
            STATE.realm = self
            try:
                self.run_event_loop()
            except ScriptTimeout:
                raise api_errors.TimeoutError("event loop timed out") from None
            finally:
                STATE.realm = prev
        executor.run(entry, timeout=timeout)

    def expose(self, name, fn, length=0):
        """Install a host function as a global; ``fn(this, *args)`` gets JS values."""
        from .builtins._common import make_native
        name = to_utf16(name)
        f = make_native(self, name, HostCallable(fn), length)
        self.global_object._store(name, f, W | C)
        return f

    @property
    def globals(self):
        return JSHandle(self, self.global_object)

    def call(self, fn, *args):
        """Call a JS function (handle or raw) with Python/JS arguments."""
        f = fn.raw if isinstance(fn, JSHandle) else fn

        def entry():
            prev = STATE.realm
            STATE.realm = self
            try:
                r = ops.call(f, undefined, *[to_js(self, a) for a in args])
                self.run_jobs()
                return r
            except JSThrow as e:
                raise to_js_error(self, e) from None
            finally:
                STATE.realm = prev
        return to_python(self, executor.run(entry))


def _write_text(stream, text):
    """Write JS text to a host stream; lone surrogates become U+FFFD (as node prints them)."""
    t = from_utf16(text)
    try:
        stream.write(t)
    except UnicodeEncodeError:
        stream.write(t.encode("utf-8", "replace").decode("utf-8"))
    stream.flush()


def _capture_error(obj, what):
    from .snapshot.heap import CaptureError
    return CaptureError(obj, what)


class HostCallable:
    """Wraps a host Python callable; exceptions it raises become JS errors."""
    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, this, *args):
        try:
            r = self.fn(this, *args)
        except (JSThrow, MemoryError, ScriptTimeout):
            raise
        except api_errors.JSError as e:
            raise JSThrow(kind=e.name if e.name in ("TypeError", "RangeError", "Error", "SyntaxError",
                                                    "ReferenceError") else "Error",
                          message=e.message)
        except Exception as e:
            raise JSThrow(kind="Error", message="host function failed: %s: %s"
                          % (type(e).__name__, e))
        return undefined if r is None else r

    def __reduce__(self):
        import cloudpickle
        return (_load_host_callable, (cloudpickle.dumps(self.fn),))


def _load_host_callable(data):
    import pickle
    return HostCallable(pickle.loads(data))


def capture_frames(tb=None, skip=1):
    """'fn (file:line:col)' strings for the JS frames, innermost first."""
    frames = []
    seen = set()
    desc = _frame_desc
    if len(desc) > 65536:
        desc.clear()
    if tb is not None:
        chain = []
        t = tb
        while t is not None:
            chain.append((t.tb_frame, t.tb_lasti))
            t = t.tb_next
        chain.reverse()
        for fr, lasti in chain:
            code = fr.f_code
            if _is_js_code(code):
                seen.add(id(fr))
                d = desc.get((code, lasti))
                if d is None:
                    d = desc[(code, lasti)] = _describe_frame(code, lasti)
                frames.append(d)
    f = sys._getframe(skip)
    while f is not None:
        code = f.f_code
        if id(f) not in seen and _is_js_code(code):
            lasti = f.f_lasti
            d = desc.get((code, lasti))
            if d is None:
                d = desc[(code, lasti)] = _describe_frame(code, lasti)
            frames.append(d)
        f = f.f_back
    return frames


#: (code, instruction offset) -> its frame description; errors thrown in a loop (and
#: every error of a deep stack) describe the same few frames again and again.
_frame_desc = {}


def _describe_frame(code, lasti):
    line = code.co_firstlineno
    col = 0
    try:
        i = lasti // 2
        for n, p in enumerate(code.co_positions()):
            if n == i:
                if p[0] is not None:
                    line = p[0]
                if p[2] is not None:
                    col = p[2]
                break
    except Exception:
        pass
    name = code.co_name
    fname = code.co_filename
    where = "%s:%d:%d" % (fname, line, col + 1)
    if name == "__script__":
        return where
    jsname = _function_name(code)
    if jsname:
        return "%s (%s)" % (jsname, where)
    return where


def _function_name(code):
    from .compiler import code_meta
    m = code_meta.get(id(code))
    if m is None:
        return ""
    return m[0] or "<anonymous>"


def to_js_error(realm, e):
    """A Python JSError for a JS exception."""
    v = e.value
    name = "Error"
    message = ""
    stack = None
    if isinstance(v, JSObject):
        n = ops._lookup_data(v, "name")
        m = ops._lookup_data(v, "message")
        s = v.props.get("stack", MISSING)
        name = from_utf16(n) if type(n) is str else "Error"
        message = from_utf16(m) if type(m) is str else ""
        stack = from_utf16(s) if type(s) is str else None
        if not isinstance(v, JSErrorObject):
            try:
                name = "Uncaught"
                message = from_utf16(ops.to_string(v))
            except JSThrow:
                message = ops.describe(v)
    else:
        try:
            message = from_utf16(ops.to_string(v))
        except JSThrow:
            message = ops.describe(v)
        name = "Uncaught"
    err = api_errors.JSError(name, message, stack=stack or ("%s: %s" % (name, message)),
                             value=to_python(realm, v))
    return err


# -- Python <-> JS values ---------------------------------------------------------------

def to_python(realm, v):
    t = type(v)
    if t is str:
        return from_utf16(v)
    if t is float or t is bool:
        return v
    if v is null:
        return None
    if v is undefined:
        return undefined
    if t is JSBigInt:
        return v.v
    if isinstance(v, JSObject):
        return JSHandle(realm, v)
    return v


def to_js(realm, v):
    if v is None:
        return null
    t = type(v)
    if t is bool or t is float:
        return v
    if t is int:
        return float(v)
    if t is str:
        return to_utf16(v)
    if isinstance(v, JSHandle):
        return v.raw
    if isinstance(v, (JSObject, Undefined, Null, Symbol, JSBigInt)):
        return v
    if isinstance(v, (list, tuple)):
        return JSArray(realm.intrinsics["%Array.prototype%"], [to_js(realm, x) for x in v])
    if isinstance(v, dict):
        o = JSObject(realm.intrinsics["%Object.prototype%"])
        for k, x in v.items():
            o.props[to_utf16(str(k))] = to_js(realm, x)
        return o
    if callable(v):
        from .builtins._common import make_native
        return make_native(realm, getattr(v, "__name__", ""), HostCallable(lambda this, *a: to_js(realm, v(*[to_python(realm, x) for x in a]))), 0)
    raise TypeError("cannot convert %r to a JS value" % (v,))


class JSHandle:
    """A Python view of a JS object: read, iterate, call, or deep-copy with to_python()."""
    __slots__ = ("realm", "raw")

    def __init__(self, realm, obj):
        self.realm = realm
        self.raw = obj

    def _run(self, fn):
        realm = self.realm

        def entry():
            prev = STATE.realm
            STATE.realm = realm
            try:
                return fn()
            except JSThrow as e:
                raise to_js_error(realm, e) from None
            finally:
                STATE.realm = prev
        return executor.run(entry)

    def __getitem__(self, key):
        k = to_utf16(key) if isinstance(key, str) else ops.number_to_key(float(key)) \
            if isinstance(key, (int, float)) else key
        return to_python(self.realm, self._run(lambda: self.raw.get(k, self.raw)))

    def __setitem__(self, key, value):
        k = to_utf16(key) if isinstance(key, str) else ops.number_to_key(float(key))
        v = to_js(self.realm, value)
        self._run(lambda: ops.set_or_throw(self.raw, k, v))

    def __contains__(self, key):
        k = to_utf16(key) if isinstance(key, str) else ops.number_to_key(float(key))
        return self._run(lambda: self.raw.has_property(k))

    def __len__(self):
        return int(self._run(lambda: ops.length_of_array_like(self.raw)))

    def __iter__(self):
        if isinstance(self.raw, JSArray):
            n = len(self)
            return iter([self[i] for i in range(n)])
        return iter(self.keys())

    def keys(self):
        return [from_utf16(k) for k in self._run(
            lambda: [k for k in self.raw.own_keys() if type(k) is str and
                     self.raw.get_own_property(k).enumerable])]

    def __call__(self, *args):
        return self.realm.call(self, *args)

    def to_python(self):
        return self._run(lambda: deep_to_python(self.realm, self.raw, {}))

    def __repr__(self):
        try:
            from .builtins.console import inspect
            return "<JSHandle %s>" % from_utf16(self._run(lambda: inspect(self.raw)))
        except Exception:
            return "<JSHandle %s>" % ops.describe(self.raw)

    def __eq__(self, other):
        return isinstance(other, JSHandle) and other.raw is self.raw

    def __hash__(self):
        return id(self.raw)


def deep_to_python(realm, v, memo):
    if not isinstance(v, JSObject):
        return to_python(realm, v)
    if id(v) in memo:
        return memo[id(v)]
    if isinstance(v, JSArray):
        out = []
        memo[id(v)] = out
        n = ops.length_of_array_like(v)
        for i in range(n):
            out.append(deep_to_python(realm, v.get(str(i), v), memo))
        return out
    if isinstance(v, JSFunction):
        return JSHandle(realm, v)
    from .runtime.objects import JSDateObject
    if isinstance(v, JSDateObject):
        import datetime
        if v.tv != v.tv:
            return None
        return datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + \
            datetime.timedelta(milliseconds=v.tv)
    cls = getattr(v, "cls", "")
    if cls == "Map" and hasattr(v, "mapdata"):
        out = {}
        memo[id(v)] = out
        for k, val in v.entries():
            out[deep_to_python(realm, k, memo) if not isinstance(k, JSObject) else id(k)] = \
                deep_to_python(realm, val, memo)
        return out
    out = {}
    memo[id(v)] = out
    for k in v.own_keys():
        if type(k) is not str:
            continue
        d = v.get_own_property(k)
        if d is None or not d.enumerable:
            continue
        out[from_utf16(k)] = deep_to_python(realm, v.get(k, v), memo)
    return out
