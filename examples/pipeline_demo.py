"""The jsrt pipeline in one run: build a realm snapshot -> persist it in the LMDB store ->
worker processes instantiate it and run scripts in parallel -> results and timings.

    python examples/pipeline_demo.py [-j WORKERS] [-n SCRIPTS] [--store DIR] [--quick]

The library (a tiny text-analytics kit) runs once, in a RealmBuilder on the master,
and its realm is compiled into a signed snapshot.  The snapshot goes into the store
(content-addressed by sha256).  Each worker reads it from the store by hash, verifies
its MAC once, keeps the decoded template, and runs every script in a fresh realm
instantiated from it: no script parses or runs the library again.
"""

import argparse
import os
import sys
import tempfile
import time

LIBRARY = r"""
var text = (function () {
  'use strict';
  var STOP = new Set('a an and are as at be by for from has in is it of on or that the to was were will with'.split(' '));
  function tokens(s) { return s.toLowerCase().match(/[a-z']+/g) || []; }
  function words(s) { return tokens(s).filter(function (w) { return !STOP.has(w); }); }
  function freq(s) {
    var m = new Map();
    words(s).forEach(function (w) { m.set(w, (m.get(w) || 0) + 1); });
    return m;
  }
  function top(s, n) {
    return Array.from(freq(s)).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); })
      .slice(0, n);
  }
  function sentiment(s) {
    var score = 0;
    words(s).forEach(function (w) { score += LEXICON[w] || 0; });
    return score;
  }
  function render(tpl, data) {
    return tpl.replace(/\{\{\s*(\w+)\s*\}\}/g, function (_, k) { return String(data[k]); });
  }
  // A lexicon built when the library loads: work the snapshot keeps for every task.
  var LEXICON = {};
  'good great excellent happy love fast clean clear simple'.split(' ').forEach(function (w, i) { LEXICON[w] = 1 + i % 3; });
  'bad poor slow broken sad hate messy unclear'.split(' ').forEach(function (w, i) { LEXICON[w] = -1 - i % 3; });
  return { tokens: tokens, words: words, freq: freq, top: top, sentiment: sentiment, render: render };
})();
"""

DOCS = [
    "The new build is fast and clean; the docs are clear and simple. Great work.",
    "Startup was slow and the error messages were unclear. Bad first impression.",
    "I love how simple the worker pool is. Snapshots make the cold start fast.",
    "Broken install on the old machine, but the team was happy to help. Good support.",
    "Messy logs, slow tests, poor defaults: the release was a sad one for us.",
    "Excellent tooling and clear errors. The store is fast and the API is clean.",
]

SCRIPT = """
const doc = %s;
const top = text.top(doc, 3).map(([w, n]) => w + '×' + n).join(' ');
const score = text.sentiment(doc);
console.log(text.render('doc {{i}}: {{n}} words, sentiment {{s}}', { i: %d, n: text.words(doc).length, s: score }));
({ doc: %d, score, top })
"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-j", "--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-n", "--scripts", type=int, default=24)
    ap.add_argument("--store", help="store directory (default: a temporary one)")
    ap.add_argument("--quick", action="store_true", help="a small run (what the tests do)")
    args = ap.parse_args(argv)
    if args.quick or os.environ.get("JSRT_EXAMPLES_QUICK"):
        args.scripts, args.workers = 8, min(args.workers, 2)

    import json
    import jsrt.store
    from jsrt.snapshot import RealmBuilder, RealmSnapshot
    from jsrt.snapshot.format import engine_tag
    from jsrt.workers import WorkerPool

    tmp = None
    if args.store is None:
        tmp = tempfile.TemporaryDirectory(prefix="jsrt-demo-")
        args.store = os.path.join(tmp.name, "store")
    T = {}

    # 1. build: run the library once in a RealmBuilder and compile the realm
    t = time.perf_counter()
    builder = RealmBuilder()
    lib = builder.eval_script(LIBRARY, "text.js")
    T["eval"] = time.perf_counter() - t
    t = time.perf_counter()
    snap = RealmSnapshot.compile(builder, [lib])
    T["compile"] = time.perf_counter() - t
    print("1. build     ran text.js in a RealmBuilder (%.0f ms), compiled the realm: %d bytes "
          "(%.0f ms)" % (T["eval"] * 1e3, len(snap), T["compile"] * 1e3))

    # 2. persist: content-addressed in the LMDB store
    t = time.perf_counter()
    st = jsrt.store.open(args.store)
    sha = st.snapshots.put("text-kit", snap.to_bytes(), {"engine": engine_tag()})
    T["persist"] = time.perf_counter() - t
    print("2. persist   store %s: 'text-kit' -> sha256 %s... (%.1f ms)"
          % (args.store, sha[:16], T["persist"] * 1e3))

    # 3. workers: start them; each reads the snapshot by hash and verifies it once
    t = time.perf_counter()
    with WorkerPool(workers=args.workers, store=st, snapshot="text-kit") as pool:
        pool.wait_ready(300)
        T["start"] = time.perf_counter() - t
        print("3. workers   %d worker processes ready in %.2f s (they read the snapshot from "
              "the store)" % (args.workers, T["start"]))

        # 4. run: every script in a fresh realm instantiated from the snapshot
        t = time.perf_counter()
        futs = []
        for i in range(args.scripts):
            doc = DOCS[i % len(DOCS)]
            futs.append(pool.submit(SCRIPT % (json.dumps(doc), i, i), name="doc-%02d" % i,
                                    filename="doc-%02d.js" % i, timeout=120))
        results = [f.result() for f in futs]
        T["run"] = time.perf_counter() - t
        stats = pool.stats()
    print("4. run       %d scripts in parallel: %.2f s wall" % (args.scripts, T["run"]))
    print()
    print("%-7s %-6s %-9s %-8s %-9s %-30s %s" % ("script", "worker", "realm", "prepare",
                                                  "run", "top words", "sentiment"))
    print("-" * 90)
    for r in results:
        v = r.value
        print("%-7s %-6s %-9s %6.1fms %7.1fms %-30s %+d" % (
            r.name, r.worker, "spare" if r.timings.get("spare") else "new",
            r.timings["prepare"] * 1e3, r.timings["run"] * 1e3, v["top"][:30], v["score"]))
    busy = sum(r.timings["prepare"] + r.timings["run"] for r in results)
    print()
    print("5. results   %d scripts, %.2f s of worker time in %.2f s wall on %d workers; "
          "%d snapshot transfers for %d tasks" % (
              len(results), busy, T["run"], args.workers, stats.get("snapshots_sent", 0),
              stats.get("done", 0)))
    print("             output of the first: %s" % results[0].stdout.strip())
    st.close()
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
