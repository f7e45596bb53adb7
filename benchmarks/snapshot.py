"""Snapshot benchmarks: cold start vs warm start from a realm snapshot.

    python benchmarks/snapshot.py [--repeat N]

cold  = jsrt.Realm() + evaluate lodash, underscore and moment (parse + compile + run;
        the code cache is off so every cold run really parses)
warm  = RealmSnapshot.from_bytes() + instantiate() of a snapshot of the same realm
Also: snapshot size, jsrt.Realm() vs instantiating an empty builder's snapshot, and a
fresh jsrt.Realm() vs quickjs.Context() (the PyPI `quickjs` C engine, when installed).
Medians, side by side, in one run; nothing is asserted.
"""

import argparse
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))

LIBS = [("lodash", "lodash.js"), ("underscore", "underscore-umd.js"), ("moment", "moment.js")]


def median_time(fn, repeat):
    ts = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    os.environ["JSRT_CODE_CACHE"] = "0"
    import jsrt
    from jsrt.compiler import unit_registry
    from jsrt.snapshot import RealmBuilder, RealmSnapshot
    from npm_cache import fetch_package_file, NpmUnavailable
    try:
        sources = [(n, fetch_package_file(n, f)) for n, f in LIBS]
    except NpmUnavailable as e:
        print("npm unavailable (%s): the library benchmark needs npm pack" % e)
        sources = []

    rows = []
    if sources:
        def cold():
            unit_registry.clear()
            r = jsrt.Realm()
            for name, src in sources:
                r.eval(src, name + ".js")
        t_cold = median_time(cold, max(1, args.repeat // 2))
        b = RealmBuilder(hooks={"now": lambda: 0})    # lodash reads the clock while loading
        vals = [b.eval_script(src, name + ".js") for name, src in sources]
        bad = [n for (n, _), v in zip(sources, vals) if v._threw]
        if bad:
            print("warning: %s threw while loading in the builder" % ", ".join(bad))
        data = RealmSnapshot.compile(b, vals).to_bytes()
        unit_registry.clear()

        def warm():
            r = RealmSnapshot.instantiate(RealmSnapshot.from_bytes(data))
            r.eval("_.VERSION + moment.version")
        warm()   # the first instantiate in a process also loads the compiled units
        t_warm_first = None
        t_warm = median_time(warm, args.repeat)
        rows.append(("cold: Realm() + evaluate lodash, underscore, moment", t_cold, ""))
        rows.append(("warm: from_bytes + instantiate the snapshot", t_warm,
                     "%.0fx faster than cold" % (t_cold / t_warm)))
        size = len(data)
    empty = RealmSnapshot.compile(RealmBuilder()).to_bytes()
    t_realm = median_time(lambda: jsrt.Realm(), args.repeat * 2)
    t_empty = median_time(lambda: RealmSnapshot.instantiate(RealmSnapshot.from_bytes(empty)),
                          args.repeat * 2)
    rows.append(("jsrt.Realm()", t_realm, ""))
    rows.append(("instantiate(empty builder snapshot)", t_empty,
                 "%.2fx jsrt.Realm()" % (t_empty / t_realm)))
    try:
        import quickjs
        t_q = median_time(lambda: quickjs.Context(), args.repeat * 20)
        rows.append(("quickjs.Context() (C engine)", t_q, "jsrt.Realm() is %.1fx this" % (t_realm / t_q)))
    except ImportError:
        rows.append(("quickjs.Context()", float("nan"), "pip install quickjs to compare"))
    print("| measurement (median of %d) | seconds | ratio |" % args.repeat)
    print("|---|---:|---|")
    for name, t, note in rows:
        print("| %s | %.4f | %s |" % (name, t, note))
    if sources:
        print("| snapshot size (lodash + underscore + moment) | %d bytes | |" % size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
