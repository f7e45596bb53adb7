"""Every jsrt benchmark in one run, each table printed as it finishes.

    python benchmarks/all.py [--quick] [--only NAME ...]

Runs, one after another in fresh processes (so one benchmark's heap and warm caches do
not colour the next): the engine (jsrt vs hand-written CPython and node), realm snapshots
(warm vs cold start, vs quickjs), the worker pool (scaling, per-task overhead vs
ProcessPoolExecutor, cold start from a snapshot), the store (vs lmdb+pickle and sqlite3)
and structured clone (vs pickle).  Each prints its own table of ratios; none asserts.
The machine's load average is printed before each, since a loaded machine skews ratios.
"""

import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

BENCHMARKS = [
    ("engine", "run.py", [], ["--quick"]),
    ("snapshot", "snapshot.py", [], ["--repeat", "2"]),
    ("pool", "pool.py", [], ["--quick"]),
    ("store", "store.py", [], ["--records", "20000"]),
    ("clone", "clone.py", [], ["--repeat", "2", "--records", "2000"]),
]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, few repetitions")
    ap.add_argument("--only", nargs="+", metavar="NAME",
                    choices=[b[0] for b in BENCHMARKS], help="run only these")
    args = ap.parse_args(argv)
    status = 0
    for name, script, full, quick in BENCHMARKS:
        if args.only and name not in args.only:
            continue
        load = " ".join("%.1f" % x for x in os.getloadavg())
        print("\n## %s: python benchmarks/%s %s  (load average %s)\n"
              % (name, script, " ".join(quick if args.quick else full), load), flush=True)
        t = time.monotonic()
        rc = subprocess.call([sys.executable, os.path.join(HERE, script)]
                             + (quick if args.quick else full))
        print("\n(%s: %.0f s)" % (name, time.monotonic() - t), flush=True)
        status = status or rc
    return status


if __name__ == "__main__":
    sys.exit(main())
