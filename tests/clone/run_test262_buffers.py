"""A tiny ad-hoc test262 runner for built-ins/ArrayBuffer, DataView, TypedArray and
TypedArrayConstructors (not collected by pytest).

    python tests/clone/run_test262_buffers.py [-j N] [--failures] [--all] [DIRS...]

Per test and mode (non-strict / strict as the flags say): a fresh jsrt.Realm, then
harness/assert.js, sta.js, doneprintHandle.js for async tests and the ``includes``,
then the test.  ``$262`` has detachArrayBuffer (typedarray.detach_array_buffer),
createRealm, evalScript, gc and global.  Modules and agent tests are skipped.

Counted: tests whose features are all ES2017-or-earlier (plus object rest/spread) or
``resizable-arraybuffer`` / ``arraybuffer-transfer``; other features are run with
--all and reported on their own line.
"""

import argparse
import collections
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SUITE = os.path.join(os.path.dirname(ROOT), "shared", "test262")
DIRS = ("built-ins/ArrayBuffer", "built-ins/DataView", "built-ins/TypedArray",
        "built-ins/TypedArrayConstructors")

ES2017 = frozenset("""caller cross-realm ArrayBuffer Array.prototype.values arrow-function class
computed-property-names const DataView DataView.prototype.getFloat32 DataView.prototype.getFloat64
DataView.prototype.getInt16 DataView.prototype.getInt32 DataView.prototype.getInt8
DataView.prototype.getUint16 DataView.prototype.getUint32 DataView.prototype.setUint8
default-parameters destructuring-assignment destructuring-binding Float32Array Float64Array for-of
generators Int8Array Int16Array Int32Array let Map new.target Object.is Promise Proxy Reflect
Reflect.construct Reflect.set Reflect.setPrototypeOf rest-parameters Set String.fromCodePoint
String.prototype.endsWith String.prototype.includes super Symbol Symbol.hasInstance
Symbol.isConcatSpreadable Symbol.iterator Symbol.match Symbol.replace Symbol.search Symbol.species
Symbol.split Symbol.toPrimitive Symbol.toStringTag Symbol.unscopables tail-call-optimization
template TypedArray Uint8Array Uint16Array Uint32Array Uint8ClampedArray WeakMap WeakSet __proto__
Array.prototype.includes exponentiation u180e async-functions __getter__ __setter__
object-rest object-spread""".split())
EXTRA = frozenset({"resizable-arraybuffer", "arraybuffer-transfer"})
COUNTED = ES2017 | EXTRA
AGENT = frozenset({"SharedArrayBuffer", "Atomics"})
TIMEOUT = [20.0]

HOST = r"""
(function (g) {
  var detach = g.__t262_detach, create = g.__t262_create, evalScript = g.__t262_eval,
      hostPrint = g.__t262_print;
  delete g.__t262_detach; delete g.__t262_create; delete g.__t262_eval;
  delete g.__t262_print;
  var $262 = {
    detachArrayBuffer: function (b) { return detach(b); },
    createRealm: function () { return create(); },
    evalScript: function (src) { return evalScript(String(src)); },
    gc: function () {},
    global: g
  };
  Object.defineProperty(g, "$262", {value: $262, writable: true, configurable: true});
  Object.defineProperty(g, "print", {value: function (x) { hostPrint(String(x)); },
                                      writable: true, configurable: true});
})(this);
"""


def parse_meta(src):
    m = re.search(r"/\*---(.*?)---\*/", src, re.S)
    meta = {"includes": [], "flags": [], "features": [], "negative": None}
    if not m:
        return meta
    text = m.group(1)
    for key in ("includes", "flags", "features"):
        mm = re.search(r"^\s*%s:\s*\[(.*?)\]" % key, text, re.M | re.S)
        if mm:
            meta[key] = [x.strip() for x in mm.group(1).split(",") if x.strip()]
        else:
            mm = re.search(r"^\s*%s:\s*\n((?:\s+-\s*.*\n?)+)" % key, text, re.M)
            if mm:
                meta[key] = [x.strip()[1:].strip() for x in mm.group(1).splitlines()
                             if x.strip().startswith("-")]
    mm = re.search(r"negative:\s*\n\s+phase:\s*(\w+)\s*\n\s+type:\s*(\w+)", text)
    if mm:
        meta["negative"] = (mm.group(1), mm.group(2))
    return meta


_HARNESS = {}


def harness(name):
    if name not in _HARNESS:
        with open(os.path.join(SUITE, "harness", name), encoding="utf-8") as f:
            _HARNESS[name] = f.read()
    return _HARNESS[name]


def make_realm(printed):
    import jsrt
    from jsrt.runtime.errors import JSThrow
    from jsrt.builtins.typedarray import detach_array_buffer
    r = jsrt.Realm(console=lambda s, t: None)

    def detach(this, b=jsrt.undefined, *rest):
        detach_array_buffer(b)
        return jsrt.null

    def create(this, *a):
        other = make_realm(printed)
        return other.eval_raw("$262")

    def ev(this, src=jsrt.undefined, *rest):
        try:
            return r.eval_raw(src)
        except jsrt.JSError as e:
            v = e.value
            raise JSThrow(v.raw if isinstance(v, jsrt.JSHandle) else
                          (jsrt.undefined if v is None else v))

    def pr(this, s=jsrt.undefined, *rest):
        printed.append(s)
        return jsrt.undefined

    r.expose("__t262_detach", detach)
    r.expose("__t262_create", create)
    r.expose("__t262_eval", ev)
    r.expose("__t262_print", pr)
    r.eval(HOST, "<host>")
    return r


def run_one(path):
    """(path, status, message, features)."""
    import jsrt
    with open(os.path.join(SUITE, "test", path), encoding="utf-8") as f:
        src = f.read()
    meta = parse_meta(src)
    feats = meta["features"]
    flags = meta["flags"]
    if "module" in flags or AGENT & set(feats) or "CanBlockIsTrue" in flags or \
            "IsHTMLDDA" in feats:
        return path, "skipped", "module/agent/IsHTMLDDA", feats
    modes = ["strict"] if "onlyStrict" in flags else ["sloppy"] if (
        "noStrict" in flags or "raw" in flags) else ["sloppy", "strict"]
    for mode in modes:
        printed = []
        try:
            r = make_realm(printed)
            if "raw" not in flags:
                names = ["assert.js", "sta.js"]
                if "async" in flags:
                    names.append("doneprintHandle.js")
                names += meta["includes"]
                for n in dict.fromkeys(names):
                    r.eval(harness(n), "harness/" + n, timeout=TIMEOUT[0])
            text = ('"use strict";\n' + src) if mode == "strict" else src
            err = None
            try:
                r.eval(text, "test/" + path, timeout=TIMEOUT[0])
                if "async" in flags:
                    r.run(timeout=TIMEOUT[0])
            except jsrt.JSError as e:
                err = e
            neg = meta["negative"]
            if neg:
                if err is None:
                    return path, "failed", "%s: expected %s" % (mode, neg[1]), feats
                name = err.name
                if name != neg[1]:
                    ctor = None
                    try:
                        v = err.value
                        if isinstance(v, jsrt.JSHandle):
                            r.globals["__e"] = v
                            ctor = r.eval("(function(){ try { return __e.constructor.name; }"
                                          " catch (x) {} })()")
                    except Exception:
                        pass
                    name = ctor or name
                if name != neg[1]:
                    return path, "failed", "%s: expected %s, got %s" % (mode, neg[1], err), feats
                continue
            if err is not None:
                return path, "failed", "%s: %s" % (mode, err), feats
            if "async" in flags:
                bad = [p for p in printed if p.startswith("Test262:AsyncTestFailure")]
                if bad or "Test262:AsyncTestComplete" not in printed:
                    return path, "failed", "%s: %s" % (mode, bad[:1] or "no completion"), feats
        except BaseException as e:  # timeouts, internal errors: a failure, never a crash
            return path, "failed", "%s: internal %s: %s" % (mode, type(e).__name__, e), feats
    return path, "passed", "", feats


def discover(dirs):
    out = []
    for d in dirs:
        for base, _, files in os.walk(os.path.join(SUITE, "test", d)):
            for f in files:
                if f.endswith(".js") and "_FIXTURE" not in f:
                    out.append(os.path.relpath(os.path.join(base, f),
                                               os.path.join(SUITE, "test")))
    return sorted(out)


def _init(timeout=20.0):
    TIMEOUT[0] = timeout
    sys.path.insert(0, ROOT)
    import io
    sys.stdout = io.StringIO()      # tests print through console.log


def _chunk(paths):
    return [run_one(p) for p in paths]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", default=list(DIRS))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--failures", action="store_true")
    ap.add_argument("--all", action="store_true", help="also run tests of newer features")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per test and mode")
    a = ap.parse_args(argv)
    paths = discover(a.dirs)
    todo = []
    results = []
    for p in paths:
        with open(os.path.join(SUITE, "test", p), encoding="utf-8") as f:
            feats = set(parse_meta(f.read())["features"])
        if feats <= COUNTED or a.all:
            todo.append(p)
        else:
            results.append((p, "newer", "", sorted(feats - COUNTED)))
    chunks = [todo[i:i + 20] for i in range(0, len(todo), 20)]
    with ProcessPoolExecutor(a.jobs, initializer=_init, initargs=(a.timeout,)) as ex:
        for res in ex.map(_chunk, chunks):
            results.extend(res)
    table = collections.defaultdict(collections.Counter)
    newer = collections.Counter()
    for path, status, msg, feats in results:
        group = "/".join(path.split("/")[:2])
        if status == "newer" or not set(feats) <= COUNTED:
            newer[status] += 1
        else:
            table[group][status] += 1
    print("%-36s %7s %7s %7s %7s" % ("ES2017 + RAB + transfer", "passed", "failed", "skipped",
                                    "pass%"))
    tot = collections.Counter()
    for g in sorted(table):
        c = table[g]
        tot.update(c)
        run = c["passed"] + c["failed"]
        print("%-36s %7d %7d %7d %6.1f%%" % (g, c["passed"], c["failed"], c["skipped"],
                                           100.0 * c["passed"] / max(run, 1)))
    run = tot["passed"] + tot["failed"]
    print("%-36s %7d %7d %7d %6.1f%%" % ("total", tot["passed"], tot["failed"], tot["skipped"],
                                       100.0 * tot["passed"] / max(run, 1)))
    print("newer features: %d not run, %d passed / %d failed when run"
          % (newer["newer"], newer["passed"], newer["failed"]))
    if a.failures:
        for path, status, msg, feats in sorted(results):
            if status == "failed" and set(feats) <= COUNTED:
                print("FAIL %s  %s" % (path, msg[:240].replace("\n", " ")))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    sys.exit(main())
