"""Put then get 100k small records in batches of 1,000: jsrt.store vs raw LMDB
(pickled values) vs sqlite3 (WAL), side by side.

    python benchmarks/store.py [--records N] [--batch B] [--repeat R] [--profile]

Each engine gets a fresh directory in a temporary folder.  Every batch is one
transaction; the values are dicts like ``{"id": 7, "name": "user7", "email":
"user7@example.com", "score": 3.5}``.  jsrt.store uses an object store with the
in-line key path ``"id"``; raw LMDB packs the integer key with ``struct`` and
pickles the value; sqlite stores the pickled value in an INTEGER PRIMARY KEY
table (``executemany`` per batch for puts, one SELECT per get).

The best of ``--repeat`` runs is reported (the machines this runs on are shared).
Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pickle
import pstats
import shutil
import sqlite3
import struct
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import lmdb  # noqa: E402

import jsrt.store  # noqa: E402


def make_records(n: int) -> list[dict]:
    return [{"id": i, "name": f"user{i}", "email": f"user{i}@example.com", "score": i * 0.5}
            for i in range(n)]


def batches(n: int, size: int):
    for start in range(0, n, size):
        yield range(start, min(n, start + size))


# -- jsrt.store ------------------------------------------------------------------------

def jsrt_put(ctx, records, batch):
    db = ctx["db"]
    for chunk in batches(len(records), batch):
        with db.transaction("bench", "readwrite") as tx:
            put = tx.object_store("bench").put
            for i in chunk:
                put(records[i])


def jsrt_get(ctx, records, batch):
    db = ctx["db"]
    for chunk in batches(len(records), batch):
        with db.transaction("bench") as tx:
            get = tx.object_store("bench").get
            for i in chunk:
                v = get(i)
    assert v["id"] == len(records) - 1


def jsrt_setup(path):
    st = jsrt.store.open(path, map_size=1 << 30)
    db = st.open_database("bench", 1, lambda db, tx, o, n: db.create_object_store(
        "bench", key_path="id"))
    return {"st": st, "db": db}


def jsrt_close(ctx):
    ctx["st"].close()


# -- raw LMDB + pickle -------------------------------------------------------------------

_pack = struct.Struct(">q").pack


def lmdb_setup(path):
    env = lmdb.open(path, map_size=1 << 30, max_dbs=4)
    return {"env": env, "db": env.open_db(b"bench")}


def lmdb_put(ctx, records, batch):
    env, db = ctx["env"], ctx["db"]
    dumps = pickle.dumps
    for chunk in batches(len(records), batch):
        with env.begin(write=True) as txn:
            put = txn.put
            for i in chunk:
                put(_pack(i), dumps(records[i], 5), db=db)


def lmdb_get(ctx, records, batch):
    env, db = ctx["env"], ctx["db"]
    loads = pickle.loads
    for chunk in batches(len(records), batch):
        with env.begin() as txn:
            get = txn.get
            for i in chunk:
                v = loads(get(_pack(i), db=db))
    assert v["id"] == len(records) - 1


def lmdb_close(ctx):
    ctx["env"].close()


# -- sqlite3 (WAL) ----------------------------------------------------------------------------

def sqlite_setup(path):
    os.makedirs(path, exist_ok=True)
    con = sqlite3.connect(os.path.join(path, "bench.sqlite"), isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE bench (id INTEGER PRIMARY KEY, value BLOB)")
    return {"con": con}


def sqlite_put(ctx, records, batch):
    con = ctx["con"]
    dumps = pickle.dumps
    for chunk in batches(len(records), batch):
        con.execute("BEGIN")
        con.executemany("INSERT OR REPLACE INTO bench VALUES (?, ?)",
                        [(i, dumps(records[i], 5)) for i in chunk])
        con.execute("COMMIT")


def sqlite_get(ctx, records, batch):
    con = ctx["con"]
    loads = pickle.loads
    for chunk in batches(len(records), batch):
        con.execute("BEGIN")
        ex = con.execute
        for i in chunk:
            v = loads(ex("SELECT value FROM bench WHERE id = ?", (i,)).fetchone()[0])
        con.execute("COMMIT")
    assert v["id"] == len(records) - 1


def sqlite_close(ctx):
    ctx["con"].close()


ENGINES = [
    ("jsrt.store", jsrt_setup, jsrt_put, jsrt_get, jsrt_close),
    ("lmdb+pickle", lmdb_setup, lmdb_put, lmdb_get, lmdb_close),
    ("sqlite3 WAL", sqlite_setup, sqlite_put, sqlite_get, sqlite_close),
]


def run(records, batch, repeat, root):
    best: dict[str, list[float]] = {name: [float("inf"), float("inf")] for name, *_ in ENGINES}
    for r in range(repeat):
        for name, setup, put, get, close in ENGINES:
            path = os.path.join(root, f"{name.split()[0]}-{r}")
            ctx = setup(path)
            try:
                t0 = time.perf_counter()
                put(ctx, records, batch)
                t1 = time.perf_counter()
                get(ctx, records, batch)
                t2 = time.perf_counter()
            finally:
                close(ctx)
                shutil.rmtree(path, ignore_errors=True)
            best[name][0] = min(best[name][0], t1 - t0)
            best[name][1] = min(best[name][1], t2 - t1)
    return best


def print_table(best, n):
    base_put, base_get = best["lmdb+pickle"]
    print(f"{n:,} records, best of runs (records/s; ratio = vs lmdb+pickle)")
    print(f"| {'engine':<12} | {'put rec/s':>11} | {'get rec/s':>11} | {'put ratio':>9} | "
          f"{'get ratio':>9} |")
    print(f"|{'-' * 14}|{'-' * 13}|{'-' * 13}|{'-' * 11}|{'-' * 11}|")
    for name, (tp, tg) in best.items():
        print(f"| {name:<12} | {n / tp:>11,.0f} | {n / tg:>11,.0f} | {base_put / tp:>9.2f} | "
              f"{base_get / tg:>9.2f} |")


def profile(records, batch, root):
    ctx = jsrt_setup(os.path.join(root, "profile"))
    try:
        for label, fn in (("put", jsrt_put), ("get", jsrt_get)):
            prof = cProfile.Profile()
            prof.enable()
            fn(ctx, records, batch)
            prof.disable()
            print(f"\n--- cProfile: jsrt.store {label} ---")
            pstats.Stats(prof).sort_stats("tottime").print_stats(12)
    finally:
        jsrt_close(ctx)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=1_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="cProfile jsrt.store's put and get")
    args = ap.parse_args(argv)
    records = make_records(args.records)
    root = tempfile.mkdtemp(prefix="jsrt-bench-")
    try:
        if args.profile:
            profile(records, args.batch, root)
            return
        print_table(run(records, args.batch, args.repeat, root), args.records)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
