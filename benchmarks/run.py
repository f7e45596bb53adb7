"""Engine benchmarks: jsrt against hand-written CPython (and node when present).

    python benchmarks/run.py [--repeat N] [--quick]

Prints one table: the median time of each workload under each runtime and
the jsrt/CPython ratio, their geometric mean, and the cold parse+compile
time of lodash next to esprima's parse time alone. Never asserts anything.
"""

import argparse
import gc
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from workloads import WORKLOADS  # noqa: E402


def time_jsrt(src, repeat):
    import jsrt
    realm = jsrt.Realm()
    realm.eval(src, "bench.js")
    run = realm.eval("run")
    times = []
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def time_py(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def time_node(src, repeat):
    node = shutil.which("node")
    if node is None:
        return None, None
    prog = src + """
var times = [], r;
for (var i = 0; i < %d; i++) { var t = process.hrtime.bigint(); r = run(); times.push(Number(process.hrtime.bigint() - t) / 1e9); }
times.sort(function (a, b) { return a - b; });
console.log(JSON.stringify({t: times[times.length >> 1], r: r}));
""" % repeat
    with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as f:
        f.write(prog)
        path = f.name
    try:
        out = subprocess.run([node, path], capture_output=True, text=True, timeout=600).stdout
        d = json.loads(out.strip().splitlines()[-1])
        return d["t"], d["r"]
    finally:
        os.unlink(path)


def lodash_source():
    sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))
    try:
        from npm_cache import fetch_package_file
        return fetch_package_file("lodash", "lodash.js")
    except Exception:
        return None


def lodash_compile_times(rounds=3):
    """Best of ``rounds`` for each: esprima's parse alone, and jsrt's parse + compile
    (a cold compile: the code cache and the in-process unit registry are bypassed).

    Measured in a fresh interpreter (measure_lodash_compile) so that neither number
    depends on what the workloads before it left in the heap."""
    code = "import json, sys; sys.path.insert(0, %r); import run; " \
           "print(json.dumps(run.measure_lodash_compile(%d)))" % (HERE, rounds)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=600)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        return None
    times = json.loads(out.stdout.strip().splitlines()[-1])
    return None if times is None else tuple(times)


def measure_lodash_compile(rounds):
    """lodash_compile_times() in this process.  Each timed region starts after a full
    collection (so that none pays for the garbage of the one before), and both run on
    a data stack chunk of their own, as compile_script runs a large compile (see
    jsrt.runtime.executor.on_roomy_stack: at an unlucky call depth either would map and
    unmap CPython frame chunks all along, up to 2.5x slower)."""
    src = lodash_source()
    if src is None:
        return None
    import esprima
    from jsrt.compiler import compile_script, unit_registry
    from jsrt.runtime.executor import on_roomy_stack
    from jsrt.compiler import cache as code_cache
    code_cache.set_backend(None)      # measure a cold compile
    options = {"range": True, "loc": True}
    # untimed: imports esprima's parser with jsrt's fixes, fills the caches the parse
    # uses (the regular expression literals' compiled patterns)
    compile_script("var warm = 1;", "warm.js")
    on_roomy_stack(esprima.parseScript, src, options)
    parse = total = float("inf")
    for _ in range(rounds):
        gc.collect()
        t = time.perf_counter()
        on_roomy_stack(esprima.parseScript, src, options)
        parse = min(parse, time.perf_counter() - t)
        unit_registry.clear()
        gc.collect()
        t = time.perf_counter()
        compile_script(src, "lodash-bench.js")
        total = min(total, time.perf_counter() - t)
    return parse, total


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="one repetition, no node")
    args = ap.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    rows = []
    ratios = []
    for name, js, py in WORKLOADS:
        tj, rj = time_jsrt(js, repeat)
        tp, rp = time_py(py, repeat)
        tn, rn = (None, None) if args.quick else time_node(js, repeat)
        ok = float(rj) == float(rp) and (rn is None or float(rn) == float(rp))
        ratio = tj / tp
        ratios.append(ratio)
        rows.append((name, tj, tp, tn, ratio, ok))
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print("jsrt vs CPython %s%s (median of %d)" % (
        sys.version.split()[0], "" if args.quick or not shutil.which("node") else " vs node", repeat))
    print()
    print("| workload | jsrt (s) | CPython (s) | node (s) | jsrt/CPython | same result |")
    print("|---|---:|---:|---:|---:|:---:|")
    for name, tj, tp, tn, ratio, ok in rows:
        print("| %s | %.4f | %.4f | %s | %.2fx | %s |" % (
            name, tj, tp, "%.4f" % tn if tn is not None else "-", ratio, "yes" if ok else "NO"))
    print("| **geometric mean** | | | | **%.2fx** | |" % geo)
    lt = lodash_compile_times(1 if args.quick else 3)
    if lt is not None:
        parse, total = lt
        print()
        print("| lodash.js cold (best of each) | seconds |")
        print("|---|---:|")
        print("| esprima parse alone | %.3f |" % parse)
        print("| jsrt parse + compile to code objects | %.3f |" % total)
        print("| compile added on top of parse | %.3f (%.2fx the parse) |" % (total - parse, (total - parse) / parse))
    return 0


if __name__ == "__main__":
    sys.exit(main())
