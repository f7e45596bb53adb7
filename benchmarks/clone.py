"""Structured clone vs pickle, side by side (DESIGN.md: benchmarks print tables, never assert).

    python benchmarks/clone.py [--records N] [--repeat R]

The graph: N records mixing strings, numbers, nested arrays and objects, Dates and Maps,
plus one Float64Array of N samples -- built in a jsrt realm for the structured clone,
and as the equivalent Python data (dicts, lists, datetimes, dicts for Maps, an
array.array) for pickle.  Times are the best of R runs.  The issue's bar: serialize +
deserialize at most 5x pickle's dumps + loads.
"""

import argparse
import array
import datetime
import os
import pickle
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import jsrt  # noqa: E402
import jsrt.clone as jc  # noqa: E402

JS_BUILD = r"""
(function (n) {
  var records = [];
  var tags = ["alpha", "beta", "gamma", "delta"];
  for (var i = 0; i < n; i++) {
    records.push({
      id: i,
      name: "user" + i,
      email: "user" + i + "@example.com",
      score: i * 1.5,
      active: i %% 2 === 0,
      tags: [tags[i %% 4], tags[(i + 1) %% 4], "t" + (i %% 10)],
      address: {street: i + " Main St", city: "Springfield", zip: String(10000 + i)},
      created: new Date(1577836800000 + i * 1000),
      meta: new Map([["k", i], ["v", "x" + i]]),
      history: [1, 2, 3, 4, 5],
      nested: [{a: 1, b: [1, 2]}]
    });
  }
  var samples = new Float64Array(n);
  for (var j = 0; j < n; j++) samples[j] = j / 3;
  return {records: records, samples: samples};
})(%d)
"""


def python_graph(n):
    tags = ["alpha", "beta", "gamma", "delta"]
    base = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    records = []
    for i in range(n):
        records.append({
            "id": float(i), "name": "user%d" % i, "email": "user%d@example.com" % i,
            "score": i * 1.5, "active": i % 2 == 0,
            "tags": [tags[i % 4], tags[(i + 1) % 4], "t%d" % (i % 10)],
            "address": {"street": "%d Main St" % i, "city": "Springfield",
                        "zip": str(10000 + i)},
            "created": base + datetime.timedelta(seconds=i),
            "meta": {"k": float(i), "v": "x%d" % i},
            "history": [1.0, 2.0, 3.0, 4.0, 5.0],
            "nested": [{"a": 1.0, "b": [1.0, 2.0]}],
        })
    return {"records": records, "samples": array.array("d", (j / 3 for j in range(n)))}


def measure(realm, value, py, repeat):
    """Run every codec `repeat` times, interleaved, on the JS thread (where
    structuredClone runs); CPU time of that thread, best of the runs."""
    from jsrt.runtime import executor
    from jsrt.clone.serializer import serialize_js
    from jsrt.clone.deserializer import deserialize_js

    data = executor.run(lambda: serialize_js(realm, value)[0])
    pdata = jc.serialize_python(py)
    pk = pickle.dumps(py, protocol=pickle.HIGHEST_PROTOCOL)
    clock = time.thread_time
    runs = []

    def one():
        t0 = clock()
        serialize_js(realm, value)
        t1 = clock()
        deserialize_js(realm, data)
        t2 = clock()
        jc.serialize_python(py)
        t3 = clock()
        jc.deserialize_python(pdata)
        t4 = clock()
        pickle.dumps(py, protocol=pickle.HIGHEST_PROTOCOL)
        t5 = clock()
        pickle.loads(pk)
        t6 = clock()
        return (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)

    for _ in range(repeat):
        runs.append(executor.run(one))
    best = [min(r[k] for r in runs) for k in range(6)]
    ratios = sorted((r[0] + r[1]) / (r[4] + r[5]) for r in runs)
    return best, ratios[len(ratios) // 2], (len(data), len(pdata), len(pk))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=7)
    a = ap.parse_args(argv)
    realm = jsrt.Realm(console=lambda s, t: None)
    value = realm.eval_raw(JS_BUILD % a.records)
    py = python_graph(a.records)
    (se, de, pse, pde, pk, upk), median, sizes = measure(realm, value, py, a.repeat)
    rows = [
        ("structured clone, JS values (jsrt.clone)", se, de, sizes[0]),
        ("structured clone, Python values (serialize_python)", pse, pde, sizes[1]),
        ("pickle (protocol %d), Python values" % pickle.HIGHEST_PROTOCOL, pk, upk, sizes[2]),
    ]
    print("%d records + a Float64Array of %d; CPU time of the JS thread, best of %d "
          "interleaved runs" % (a.records, a.records, a.repeat))
    print("| %-52s | %9s | %9s | %9s | %10s | %8s |" % ("codec", "encode ms", "decode ms",
                                                       "total ms", "bytes", "x pickle"))
    print("|%s|%s|%s|%s|%s|%s|" % ("-" * 54, "-" * 11, "-" * 11, "-" * 11, "-" * 12, "-" * 10))
    base = pk + upk
    for name, e, d, size in rows:
        print("| %-52s | %9.1f | %9.1f | %9.1f | %10d | %8.2f |" % (
            name, e * 1000, d * 1000, (e + d) * 1000, size, (e + d) / base))
    ratio = (se + de) / base
    print("JS structured clone / pickle: %.2fx best-of, %.2fx median of per-run ratios "
          "(bar: at most 5x) -> %s" % (ratio, median, "met" if ratio <= 5 else "NOT met"))


if __name__ == "__main__":
    main()
