"""Worker pool benchmarks, side by side in one run (never asserts; prints a table).

    python benchmarks/pool.py [--quick] [--skip-cold]

(a) scaling: 8 CPU-bound scripts on 1 worker and on N = cores workers
    (bar: speedup >= 0.9 N);
(b) per-task overhead: a trivial script in a fresh realm on a warm worker, against a
    concurrent.futures.ProcessPoolExecutor round trip of a trivial Python function
    (bar: at most 3x); measured as isolated round trips (the worker is idle and ready
    when the task arrives) and back to back (throughput, for reference);
(c) cold start: a new worker's first result from a lodash snapshot against from the
    lodash source (code cache off) (bar: at least 20x).  Without npm, the small
    library bundled in examples/cached_startup.py stands in for lodash.

The machine may be shared: each comparison is measured in the same run, interleaved,
and the best of several rounds is kept.
"""

import argparse
import concurrent.futures
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))
sys.path.insert(0, os.path.join(HERE, "..", "examples"))

CPU_SCRIPT = """
function work(n) {
  let s = 0;
  for (let i = 0; i < n; i++) { s = (s + i * i) %% 1000003; }
  return s;
}
work(%d)
"""


def _noop(x):
    return x


def bench_scaling(n_scripts, iters, rounds):
    from jsrt.workers import WorkerPool
    cores = os.cpu_count() or 1
    src = CPU_SCRIPT % iters
    out = {}
    pools = {1: WorkerPool(workers=1), cores: WorkerPool(workers=cores)}
    try:
        for p in pools.values():
            p.wait_ready(600)
        # warm up: compile the script on each worker, and run a few seconds of the work
        # (this machine's CPU speed ramps up under sustained load: the first seconds of a
        # CPU-bound run are up to 2x slower, which would favour whichever pool runs second)
        for _ in range(2):
            for p in pools.values():
                list(p.map([src] * len(pools) * 2))
        best = {k: float("inf") for k in pools}
        cpu = {}
        for _ in range(rounds):
            for k, p in pools.items():
                t = time.perf_counter()
                rs = list(p.map([src] * n_scripts))
                wall = time.perf_counter() - t
                if wall < best[k]:
                    best[k] = wall
                    cpu[k] = sum(r.timings["cpu"] for r in rs) / wall
                assert len({r.value for r in rs}) == 1
        out = {"t1": best[1], "tN": best[cores], "N": cores, "cpu1": cpu[1], "cpuN": cpu[cores]}
    finally:
        for p in pools.values():
            p.shutdown()
    return out


def _burn(n):
    s = 0
    for i in range(n):
        s = (s + i * i) % 1000003
    return s


def bench_machine(n_jobs, iters, rounds):
    """The same shape of work as (a) in plain Python processes: what this machine gives
    right now (a shared, loaded machine scales less than its core count)."""
    import multiprocessing
    cores = os.cpu_count() or 1
    ctx = multiprocessing.get_context("forkserver")
    best = {}
    with ctx.Pool(1) as p1, ctx.Pool(cores) as pn:
        p1.map(_burn, [10] * 2)
        pn.map(_burn, [10] * cores * 2)
        for _ in range(rounds):
            for k, p in ((1, p1), (cores, pn)):
                t = time.perf_counter()
                p.map(_burn, [iters] * n_jobs, chunksize=1)
                best[k] = min(best.get(k, float("inf")), time.perf_counter() - t)
    return {"t1": best[1], "tN": best[cores], "N": cores}


def bench_overhead(n, gap):
    from jsrt.workers import WorkerPool
    ppe = concurrent.futures.ProcessPoolExecutor(max_workers=1)
    pool = WorkerPool(workers=1)
    try:
        pool.wait_ready(600)
        for _ in range(20):
            pool.run("1 + 1")
            ppe.submit(_noop, 1).result()
        iso_js, iso_py = [], []
        for _ in range(n):                               # isolated: interleaved, idle gaps
            time.sleep(gap)
            t = time.perf_counter()
            pool.run("1 + 1")
            iso_js.append(time.perf_counter() - t)
            time.sleep(gap)
            t = time.perf_counter()
            ppe.submit(_noop, 1).result()
            iso_py.append(time.perf_counter() - t)
        m = max(50, n)
        t = time.perf_counter()
        for _ in range(m):
            pool.run("1 + 1")
        loop_js = (time.perf_counter() - t) / m
        t = time.perf_counter()
        for _ in range(m):
            ppe.submit(_noop, 1).result()
        loop_py = (time.perf_counter() - t) / m
        r = pool.run("1 + 1")
        return {"iso_js": statistics.median(iso_js), "iso_py": statistics.median(iso_py),
                "loop_js": loop_js, "loop_py": loop_py, "spare": r.timings.get("spare")}
    finally:
        pool.shutdown()
        ppe.shutdown()


def library():
    """(name, filename, source, call)"""
    try:
        from npm_cache import package_dir
        path = os.path.join(package_dir("lodash"), "lodash.js")
        with open(path, encoding="utf-8") as f:
            return "lodash", "lodash.js", f.read(), "_.chunk(_.range(10), 3).length"
    except Exception:
        from cached_startup import MINILIB
        return "bundled", "minilib.js", MINILIB, "mini.chunk(mini.range(10), 3).length"


def bench_cold(rounds):
    from jsrt.workers import WorkerPool
    from jsrt.workers.library import build_snapshot
    name, filename, source, call = library()
    t = time.perf_counter()
    snap = build_snapshot((filename, source))
    build_s = time.perf_counter() - t
    with WorkerPool(workers=1) as warm:                  # the fork server is up and preloaded
        warm.run("0")

    def first(make, src, **kw):
        t = time.perf_counter()
        with make() as p:
            r = p.run(src, **kw)
            dt = time.perf_counter() - t
        return dt, r.value

    saved = os.environ.get("JSRT_CODE_CACHE")
    best_src = best_snap = float("inf")
    try:
        for _ in range(rounds):
            os.environ["JSRT_CODE_CACHE"] = "0"
            d, v1 = first(lambda: WorkerPool(workers=1, spare_realms=False),
                          source + "\n;" + call, filename=filename, timeout=1200)
            best_src = min(best_src, d)
            if saved is None:
                os.environ.pop("JSRT_CODE_CACHE", None)
            else:
                os.environ["JSRT_CODE_CACHE"] = saved
            d, v2 = first(lambda: WorkerPool(workers=1, snapshot=snap), call)
            best_snap = min(best_snap, d)
            assert v1 == v2
    finally:
        if saved is None:
            os.environ.pop("JSRT_CODE_CACHE", None)
        else:
            os.environ["JSRT_CODE_CACHE"] = saved
    return {"lib": name, "source": best_src, "snapshot": best_snap, "build": build_s,
            "bytes": len(snap), "src_kb": len(source) // 1024}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller workloads, fewer rounds")
    ap.add_argument("--skip-cold", action="store_true", help="skip (c)")
    args = ap.parse_args(argv)
    quick = args.quick
    rows = []
    print("jsrt worker pool benchmark (%d cores; load average %s)"
          % (os.cpu_count() or 1, " ".join("%.1f" % x for x in os.getloadavg())))

    a = bench_scaling(8, 20000 if quick else 3000000, 1 if quick else 5)
    speedup = a["t1"] / a["tN"]
    rows.append(("(a) 8 CPU-bound scripts: 1 worker / %d workers" % a["N"],
                 "%.2f s / %.2f s" % (a["t1"], a["tN"]), "speedup %.2fx" % speedup,
                 ">= %.2fx" % (0.9 * a["N"]), speedup >= 0.9 * a["N"]))
    rows.append(("    CPU-seconds of JS per wall second: 1 worker / %d workers" % a["N"],
                 "%.2f / %.2f" % (a["cpu1"], a["cpuN"]), "", "", None))

    m = bench_machine(8, 400000 if quick else 3000000, 1 if quick else 3)
    mspeed = m["t1"] / m["tN"]
    rows.append(("    same work in plain Python processes (what the machine gives now)",
                 "%.2f s / %.2f s" % (m["t1"], m["tN"]), "speedup %.2fx" % mspeed, "", None))
    rows.append(("    jsrt speedup relative to the machine's", "", "%.0f%%" % (
        100 * speedup / mspeed), ">= 90%", speedup / mspeed >= 0.9))

    b = bench_overhead(20 if quick else 60, 0.05 if quick else 0.1)
    ratio = b["iso_js"] / b["iso_py"]
    rows.append(("(b) trivial task round trip, warm worker: jsrt / ProcessPoolExecutor",
                 "%.2f ms / %.2f ms" % (b["iso_js"] * 1e3, b["iso_py"] * 1e3),
                 "%.2fx" % ratio, "<= 3x", ratio <= 3.0))
    rows.append(("    back to back (throughput), for reference",
                 "%.2f ms / %.2f ms" % (b["loop_js"] * 1e3, b["loop_py"] * 1e3),
                 "%.2fx" % (b["loop_js"] / b["loop_py"]), "", None))

    if not args.skip_cold:
        c = bench_cold(1 if quick else 2)
        ratio_c = c["source"] / c["snapshot"]
        rows.append(("(c) new worker's first result: %s source / snapshot" % c["lib"],
                     "%.2f s / %.3f s" % (c["source"], c["snapshot"]), "%.1fx" % ratio_c,
                     ">= 20x", ratio_c >= 20))

    print()
    w = max(len(r[0]) for r in rows)
    print("| %-*s | %-22s | %-15s | %-8s | %-4s |" % (w, "measure", "time", "ratio", "bar",
                                                      "met"))
    print("|%s|%s|%s|%s|%s|" % ("-" * (w + 2), "-" * 24, "-" * 17, "-" * 10, "-" * 6))
    for name, t, ratio, bar, ok in rows:
        print("| %-*s | %-22s | %-15s | %-8s | %-4s |" % (
            w, name, t, ratio, bar, "" if ok is None else ("yes" if ok else "NO")))
    if not args.skip_cold:
        print("\n(c) %s: %d KB of source; snapshot %d bytes, built in %.2f s (once, on the "
              "master)" % (c["lib"], c["src_kb"], c["bytes"], c["build"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
