"""Child-process bodies for the durability and concurrency tests.

Kept free of pytest imports so that forkserver children start fast (the test
preloads this module in the forkserver).  Not collected by pytest.
"""

from __future__ import annotations

import os
import random

import jsrt.store as js

RECORDS_PER_BATCH = 20


def durable_upgrade(db, tx, old, new):
    db.create_object_store("records")
    db.create_object_store("meta")


def crash_writer(path: str, first_batch: int, conn) -> None:
    """Write batches forever (until SIGKILLed), reporting each committed batch."""
    st = js.open(path)
    db = st.open_database("d", 1, durable_upgrade)
    conn.send("ready")
    pad = "x" * 300
    batch = first_batch
    while True:
        conn.send(("begin", batch))
        with db.transaction(["records", "meta"], "readwrite") as tx:
            records = tx.object_store("records")
            for i in range(RECORDS_PER_BATCH):
                records.put({"batch": batch, "i": i, "pad": pad}, [batch, i])
            tx.object_store("meta").put(batch, "last")
        conn.send(batch)
        batch += 1


def concurrency_upgrade(db, tx, old, new):
    items = db.create_object_store("items", key_path="id", auto_increment=True)
    items.create_index("email", "email", unique=True)
    items.create_index("tags", "tags", multi_entry=True)
    db.create_object_store("meta")


def concurrent_writer(path: str, worker: int, rounds: int, conn) -> None:
    """Add items with unique emails (some deliberately clashing) and keep a counter."""
    rng = random.Random(worker)
    st = js.open(path)
    db = st.open_database("c", 1, concurrency_upgrade)
    added = clashes = 0
    for r in range(rounds):
        with db.transaction(["items", "meta"], "readwrite") as tx:
            items = tx.object_store("items")
            meta = tx.object_store("meta")
            n = meta.get("count", 0)
            batch_added = 0
            for j in range(5):
                # Every worker also tries a shared email: only one can win.
                email = f"shared{r}@x" if j == 0 else f"w{worker}-r{r}-j{j}@x"
                try:
                    items.add({"email": email, "worker": worker, "tags": [f"t{j}", "all"]})
                    batch_added += 1
                except js.ConstraintError:
                    clashes += 1
            meta.put(n + batch_added, "count")
            added += batch_added
        if rng.random() < 0.3:
            os.sched_yield()
    conn.send((added, clashes))
    st.close()


def invariant_reader(path: str, rounds: int, conn) -> None:
    """Check, in snapshots taken while writers run, that counts and indexes agree."""
    st = js.open(path)
    db = st.open_database("c", 1, concurrency_upgrade)
    problems = []
    for _ in range(rounds):
        with db.transaction(["items", "meta"]) as tx:
            items = tx.object_store("items")
            n = tx.object_store("meta").get("count", 0)
            count = items.count()
            email = items.index("email")
            if count != n:
                problems.append(f"count {count} != counter {n}")
            if email.count() != count:
                problems.append(f"email index has {email.count()} entries for {count} records")
            distinct = sum(1 for _c in email.open_key_cursor(None, "nextunique"))
            if distinct != count:
                problems.append(f"{distinct} distinct emails for {count} records")
            if items.index("tags").count("all") != count:
                problems.append("multiEntry index out of step")
    conn.send(problems)
    st.close()


def grow_writer(path: str, n: int, conn) -> None:
    """Write enough to make the map grow, from another process."""
    st = js.open(path, map_size=256 * 1024)
    db = st.open_database("g", 1, lambda d, t, o, nv: d.create_object_store("s"))
    blob = os.urandom(1000)
    with db.transaction("s", "readwrite") as tx:
        for i in range(n):
            tx.object_store("s").put(blob, i)
    conn.send(st.stats()["map_size"])
    st.close()
