"""Offline-first app shell: a service worker's install / activate / fetch handlers in a realm
snapshot, Cache Storage in the LMDB store, requests served by pool workers while the
network is offline, and a new version compiled in the background and swapped in
atomically.

    python examples/offline_first/app.py [--store DIR] [--requests N] [--quick]

1. Build: sw_runtime.js + sw.js (APP_VERSION = "v1") run in a RealmBuilder; the
   compiled snapshot goes into the store as "app-shell@v1", and the name "app-shell"
   points to it.
2. Install + activate (online): a pool worker instantiates the snapshot and
   dispatches ``install`` (precache the shell into "shell-v1") and ``activate``.
3. Offline: every request is a pool task that calls ``swFetch(url)`` in a fresh realm
   of "app-shell"; answers come from the cache (or the 503 offline fallback).
4. The network is back and the origin deploys v2: a background thread compiles the
   v2 snapshot and installs it (precaching "shell-v2") while v1 keeps serving.  Then
   one store write re-points "app-shell" to v2 (the swap: a request resolves the name
   once, when it is submitted, so it sees v1 or v2, never a mix), v1's requests in
   flight finish, and v2 activates (deleting "shell-v1").
5. Offline again: everything is served by v2 from its cache.
"""

import argparse
import os
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import host  # noqa: E402  (the example's host side)

URLS = ["/", "/index.html", "/app.js", "/style.css", "/data.json"]


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


def build(version):
    """Compile the app snapshot for ``version``."""
    from jsrt.workers.library import build_snapshot
    return build_snapshot(("version.js", "var APP_VERSION = %r;" % version),
                          ("sw_runtime.js", read("sw_runtime.js")), ("sw.js", read("sw.js")))


def publish(st, snap, version, point=True):
    """Store ``snap`` as app-shell@version and (atomically) point app-shell at it."""
    from jsrt.snapshot.format import engine_tag
    meta = {"engine": engine_tag(), "app_version": version}
    sha = st.snapshots.put("app-shell@" + version, snap.to_bytes(), meta)
    if point:
        st.snapshots.put("app-shell", snap.to_bytes(), meta)   # one LMDB write transaction
    return sha


def serve(pool, urls, log, phase):
    """Submit one request task per url; they resolve "app-shell" now."""
    futs = [(url, pool.submit(call="swFetch", args=(url,), snapshot="app-shell", timeout=120))
            for url in urls]
    return [(phase, url, f) for url, f in futs]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="store directory (default: a temporary one)")
    ap.add_argument("--requests", type=int, default=40, help="requests per phase")
    ap.add_argument("-j", "--workers", type=int, default=2)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    if args.quick or os.environ.get("JSRT_EXAMPLES_QUICK"):
        args.requests = 10

    import cloudpickle
    import jsrt.store
    from jsrt.workers import WorkerPool
    cloudpickle.register_pickle_by_value(host)

    tmp = None
    if args.store is None:
        tmp = tempfile.TemporaryDirectory(prefix="jsrt-offline-")
        args.store = tmp.name
    st = jsrt.store.open(os.path.join(args.store, "store"))
    db = host.open_db(st)
    host.set_network(db, state="online", deployed="v1")

    t0 = time.perf_counter()
    log = []
    print("1. build: compiling the v1 app snapshot")
    v1 = build("v1")
    publish(st, v1, "v1")
    print("   app-shell -> v1 (%s..., %d bytes)" % (v1.sha256[:12], len(v1)))

    pool = WorkerPool(workers=args.workers, store=st, realm_setup=host.make_realm_setup(st.path))
    with pool:
        print("2. install + activate v1 (online)")
        print("   " + pool.run(call="swInstall", snapshot="app-shell").value)
        print("   " + pool.run(call="swActivate", snapshot="app-shell").value)
        print("   caches: %s" % host.cachesKeys(db))

        host.set_network(db, state="offline")
        print("3. offline: %d requests from pool workers" % args.requests)
        urls = [URLS[i % len(URLS)] for i in range(args.requests)] + ["/missing.png"]
        log += serve(pool, urls, log, "offline")
        for _, _, f in log:
            f.exception(timeout=120)

        print("4. online again, origin deploys v2: upgrading in the background")
        host.set_network(db, state="online", deployed="v2")
        ready = threading.Event()
        upgrade_info = {}

        def upgrade():
            t = time.perf_counter()
            v2 = build("v2")
            publish(st, v2, "v2", point=False)          # stored, not yet live
            upgrade_info["install"] = pool.run(call="swInstall",
                                               snapshot="app-shell@v2").value
            upgrade_info["snap"] = v2
            upgrade_info["seconds"] = time.perf_counter() - t
            ready.set()

        th = threading.Thread(target=upgrade, name="upgrade", daemon=True)
        th.start()
        served_during = 0
        while not ready.is_set():                       # v1 keeps serving meanwhile
            log += serve(pool, URLS[:2], log, "upgrading")
            served_during += 2
            for _, _, f in log[-2:]:
                f.exception(timeout=120)
        th.join()
        v2 = upgrade_info["snap"]
        print("   v2 compiled and installed in %.2f s (%s) while v1 served %d requests"
              % (upgrade_info["seconds"], upgrade_info["install"], served_during))
        in_flight = serve(pool, URLS * 2, log, "swap")  # submitted before the swap: v1
        publish(st, v2, "v2")                            # the atomic swap
        print("   swapped: app-shell -> v2 (%s...)" % v2.sha256[:12])
        log += in_flight
        log += serve(pool, URLS, log, "after-swap")    # submitted after the swap: v2
        for _, _, f in in_flight:
            f.exception(timeout=120)                     # v1 requests finish first ...
        print("   " + pool.run(call="swActivate", snapshot="app-shell").value +
              " (v2; old caches dropped)")             # ... then v2 activates
        print("   caches: %s" % host.cachesKeys(db))

        host.set_network(db, state="offline")
        print("5. offline again: %d requests" % args.requests)
        log += serve(pool, urls, log, "offline-v2")

        rows = []
        failures = 0
        for phase, url, f in log:
            try:
                r = f.result(timeout=120)
                v = r.value
                rows.append((phase, url, int(v["status"]), v["source"], v["version"], r.worker,
                             v["body"][:38]))
            except Exception as e:
                failures += 1
                rows.append((phase, url, "ERR", type(e).__name__, "-", "-", str(e)[:38]))

    print()
    print("%-11s %-12s %-6s %-16s %-7s %-6s %s" % ("phase", "url", "status", "source",
                                                   "version", "worker", "body"))
    print("-" * 100)
    shown = set()
    for row in rows:
        key = row[:5]
        if key in shown:
            continue
        shown.add(key)
        print("%-11s %-12s %-6s %-16s %-7s %-6s %s" % row)
    counts = {}
    for row in rows:
        counts[(row[0], row[4])] = counts.get((row[0], row[4]), 0) + 1
    print()
    print("requests served: " + ", ".join("%s/%s: %d" % (p, v, n)
                                          for (p, v), n in sorted(counts.items())))
    print("%d requests, %d failed, %.2f s" % (len(rows), failures, time.perf_counter() - t0))
    st.close()
    if tmp is not None:
        tmp.cleanup()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
