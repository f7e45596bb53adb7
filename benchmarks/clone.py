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


def best(fn, repeat):
    times = []
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    realm = jsrt.Realm(console=lambda s, t: None)
    value = realm.eval_raw(JS_BUILD % a.records)
    py = python_graph(a.records)

    from jsrt.runtime import executor

    # run the JS-side codec on the JS thread, as structuredClone does
    def on_js(fn):
        return lambda: executor.run(fn)

    from jsrt.clone.serializer import serialize_js
    from jsrt.clone.deserializer import deserialize_js
    ser_t, data = best(on_js(lambda: serialize_js(realm, value)[0]), a.repeat)
    de_t, _ = best(on_js(lambda: deserialize_js(realm, data)), a.repeat)
    pser_t, pdata = best(lambda: jc.serialize_python(py), a.repeat)
    pde_t, _ = best(lambda: jc.deserialize_python(pdata), a.repeat)
    pk_t, pk = best(lambda: pickle.dumps(py, protocol=pickle.HIGHEST_PROTOCOL), a.repeat)
    upk_t, _ = best(lambda: pickle.loads(pk), a.repeat)

    rows = [
        ("structured clone, JS values (jsrt.clone)", ser_t, de_t, len(data)),
        ("structured clone, Python values (serialize_python)", pser_t, pde_t, len(pdata)),
        ("pickle (protocol %d), Python values" % pickle.HIGHEST_PROTOCOL, pk_t, upk_t, len(pk)),
    ]
    print("%d records + a Float64Array of %d; best of %d runs" % (a.records, a.records,
                                                                   a.repeat))
    print("| %-52s | %9s | %9s | %9s | %10s | %8s |" % ("codec", "encode ms", "decode ms",
                                                       "total ms", "bytes", "x pickle"))
    print("|%s|%s|%s|%s|%s|%s|" % ("-" * 54, "-" * 11, "-" * 11, "-" * 11, "-" * 12, "-" * 10))
    base = pk_t + upk_t
    for name, e, d, size in rows:
        print("| %-52s | %9.1f | %9.1f | %9.1f | %10d | %8.2f |" % (
            name, e * 1000, d * 1000, (e + d) * 1000, size, (e + d) / base))
    ratio = (ser_t + de_t) / base
    print("JS structured clone / pickle: %.2fx (bar: at most 5x) -> %s"
          % (ratio, "met" if ratio <= 5 else "NOT met"))


if __name__ == "__main__":
    main()
