"""Cached startup: compile a library snapshot once, keep it in the store, start from it later.

    python examples/cached_startup.py [--store DIR] [--library lodash|bundled] [--quick]

1. The master loads a JavaScript library (lodash from ``npm pack`` when npm is there,
   else the small library bundled below), runs it in a RealmBuilder and compiles the
   realm into a signed snapshot, which it puts in the LMDB store under a name (only
   when the store does not have one made by this engine already).
2. A fresh worker process starts *cold*: it parses, compiles and runs the library
   source, then answers one call.
3. Another fresh worker process starts from the snapshot: it reads the bytes from the
   store by sha256, verifies the MAC, instantiates the realm and answers the same call.
4. A later run of this program (a new Python process, ``--from-store``) does step 3
   again without compiling anything (skipped with --quick).

It prints the time to the first result for each.  JSRT_EXAMPLES_QUICK=1 is --quick.
"""

import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))

#: A small utility library (used without npm, and in quick mode).
MINILIB = r"""
var mini = (function () {
  'use strict';
  var api = {};
  api.range = function (a, b, step) {
    if (b === undefined) { b = a; a = 0; }
    step = step || 1;
    var out = [];
    for (var i = a; step > 0 ? i < b : i > b; i += step) out.push(i);
    return out;
  };
  api.chunk = function (xs, n) {
    var out = [];
    for (var i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
    return out;
  };
  api.sum = function (xs) { return xs.reduce(function (s, x) { return s + x; }, 0); };
  api.groupBy = function (xs, f) {
    return xs.reduce(function (acc, x) {
      var k = typeof f === 'function' ? f(x) : x[f];
      (acc[k] = acc[k] || []).push(x);
      return acc;
    }, {});
  };
  api.uniq = function (xs) { return Array.from(new Set(xs)); };
  api.sortBy = function (xs, f) {
    return xs.map(function (x, i) { return [typeof f === 'function' ? f(x) : x[f], i, x]; })
      .sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]; })
      .map(function (t) { return t[2]; });
  };
  api.memoize = function (f) {
    var cache = new Map();
    return function (k) {
      if (!cache.has(k)) cache.set(k, f.apply(this, arguments));
      return cache.get(k);
    };
  };
  api.template = function (text) {
    var parts = text.split(/<%=\s*([\w.]+)\s*%>/);
    return function (data) {
      return parts.map(function (p, i) {
        if (i % 2 === 0) return p;
        return p.split('.').reduce(function (o, k) { return o == null ? o : o[k]; }, data);
      }).join('');
    };
  };
  api.camelCase = function (s) {
    return s.toLowerCase().replace(/[^a-z0-9]+(.)/g, function (m, c) { return c.toUpperCase(); });
  };
  // Tables built once when the library loads: the work a snapshot saves.
  api.primes = (function () {
    var comp = new Uint8Array(20000), out = [];
    for (var i = 2; i < comp.length; i++) {
      if (!comp[i]) { out.push(i); for (var j = i * i; j < comp.length; j += i) comp[j] = 1; }
    }
    return out;
  })();
  api.words = api.range(3000).map(function (i) { return 'word' + (i * 7919 % 3001); });
  api.index = api.groupBy(api.words, function (w) { return w.length; });
  api.version = '1.0.0';
  return api;
})();
"""

CALLS = {
    "lodash": ("lodash", "_.chunk(_.range(10), 3).length + ':' + _.camelCase('cached startup')"),
    "bundled": ("mini", "mini.chunk(mini.range(10), 3).length + ':' + mini.camelCase('cached startup')"),
}


def library_source(which):
    """(library name, filename, source)."""
    if which in ("auto", "lodash"):
        try:
            from npm_cache import package_dir
            path = os.path.join(package_dir("lodash"), "lodash.js")
            with open(path, encoding="utf-8") as f:
                return "lodash", "lodash.js", f.read()
        except Exception as e:
            if which == "lodash":
                raise SystemExit("lodash is not available (%s); use --library bundled" % e)
    return "bundled", "minilib.js", MINILIB


def ensure_snapshot(st, name, filename, source):
    """The sha256 of the library snapshot in the store, compiling it if needed."""
    from jsrt.snapshot.format import engine_tag
    from jsrt.workers.library import build_snapshot
    key = "lib-" + name
    try:
        info = st.snapshots.info(key)
        if info.get("engine") == engine_tag():
            print("store already has %s (%s..., %d bytes): not compiling" % (
                key, info["sha256"][:12], info["size"]))
            return key, 0.0
    except Exception:
        pass
    t = time.perf_counter()
    snap = build_snapshot((filename, source))
    compile_s = time.perf_counter() - t
    sha = st.snapshots.put(key, snap.to_bytes(), {"engine": engine_tag(), "library": name})
    print("compiled %s in %.2f s: %d bytes, sha256 %s..., saved in the store" % (
        key, compile_s, len(snap), sha[:12]))
    return key, compile_s


def first_result(make_pool, src, **kw):
    """Seconds from starting a fresh worker process to its first result."""
    t = time.perf_counter()
    with make_pool() as pool:
        r = pool.run(src, **kw)
        dt = time.perf_counter() - t
    return dt, r.value


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default=None, help="store directory (default: jsrt's)")
    ap.add_argument("--library", choices=("auto", "lodash", "bundled"), default="auto")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--from-store", action="store_true",
                    help="(internal) the later run: start from the stored snapshot only")
    args = ap.parse_args(argv)
    quick = args.quick or bool(os.environ.get("JSRT_EXAMPLES_QUICK"))
    if quick and args.library == "auto":
        args.library = "bundled"

    import jsrt.store
    from jsrt.workers import WorkerPool
    store_path = args.store or os.path.join(os.environ.get("JSRT_HOME") or
                                            os.path.join(os.path.expanduser("~"), ".local",
                                                         "share", "jsrt"), "examples-store")
    os.makedirs(store_path, exist_ok=True)
    name, filename, source = library_source(args.library)
    call = CALLS[name][1]
    st = jsrt.store.open(store_path)

    if args.from_store:
        dt, value = first_result(lambda: WorkerPool(workers=1, store=st, snapshot="lib-" + name),
                                 call)
        print("FROM-STORE %.6f %r" % (dt, value))
        st.close()
        return 0

    key, compile_s = ensure_snapshot(st, name, filename, source)
    with WorkerPool(workers=1) as warm:        # start the fork server (jsrt preloaded) once,
        warm.run("0")                          # so both timings below are of a new worker

    # cold: a fresh worker parses and runs the library source (no code cache)
    saved = os.environ.get("JSRT_CODE_CACHE")
    os.environ["JSRT_CODE_CACHE"] = "0"
    try:
        cold, v1 = first_result(lambda: WorkerPool(workers=1, spare_realms=False),
                                source + "\n;" + call, filename=filename, timeout=600)
    finally:
        if saved is None:
            os.environ.pop("JSRT_CODE_CACHE", None)
        else:
            os.environ["JSRT_CODE_CACHE"] = saved
    # cached: a fresh worker reads the snapshot from the store by hash
    cached, v2 = first_result(lambda: WorkerPool(workers=1, store=st, snapshot=key), call)
    assert v1 == v2, (v1, v2)

    later = None
    if not quick:
        p = subprocess.run([sys.executable, os.path.abspath(__file__), "--from-store",
                            "--store", store_path, "--library", name],
                           capture_output=True, text=True, timeout=600)
        for line in p.stdout.splitlines():
            if line.startswith("FROM-STORE "):
                later = float(line.split()[1])
        if later is None:
            print("the later run failed:\n" + p.stdout + p.stderr)

    print()
    print("library: %s (%d KB of source), result %r" % (name, len(source) // 1024, v1))
    print("%-44s %12s" % ("time to the first result in a new worker", "seconds"))
    print("%-44s %12.3f" % ("cold: parse + compile + run the source", cold))
    print("%-44s %12.3f" % ("cached: snapshot from the store", cached))
    if later is not None:
        print("%-44s %12.3f" % ("a later process, from the store", later))
    if compile_s:
        print("%-44s %12.3f" % ("(one-time snapshot compile in the master)", compile_s))
    print("%-44s %11.1fx" % ("speedup (cold / cached)", cold / cached if cached else 0))
    st.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
