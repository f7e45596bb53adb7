"""Crash safety (SIGKILL mid-transaction) and several processes at once.

Children run under the "forkserver" start method with the worker module
preloaded, so each trial costs a fork rather than a fresh interpreter.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sys
import time

import pytest

import jsrt.store as js

sys.path.insert(0, os.path.dirname(__file__))
import store_worker_procs as workers  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL and forkserver")


@pytest.fixture(scope="module")
def ctx():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["jsrt.store", "store_worker_procs"])
    return context


def _drain(conn) -> list:
    got = []
    while conn.poll():
        try:
            got.append(conn.recv())
        except (EOFError, OSError):
            break
    return got


def test_sigkill_mid_transaction_never_loses_or_leaks_commits(ctx, tmp_path):
    path = str(tmp_path / "store")
    rng = random.Random(20240501)
    next_batch = 0
    reported_max = -1
    deadline = time.monotonic() + 60
    trials = 0
    mid_transaction = 0
    while trials < 50 and time.monotonic() < deadline:
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=workers.crash_writer, args=(path, next_batch, child))
        proc.start()
        child.close()
        assert parent.poll(30), "writer did not start"
        assert parent.recv() == "ready"
        time.sleep(rng.uniform(0.0, 0.02))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(10)
        messages = _drain(parent)
        parent.close()
        committed = [b for b in messages if isinstance(b, int)]
        if messages and isinstance(messages[-1], tuple):
            mid_transaction += 1             # killed between "begin" and the commit
        if committed:
            reported_max = max(reported_max, max(committed))
        # The store opens cleanly, holds every committed batch whole and nothing more.
        with js.open(path) as st:
            db = st.open_database("d", 1, workers.durable_upgrade)
            with db.transaction(["records", "meta"]) as tx:
                last = tx.object_store("meta").get("last", -1)
                records = tx.object_store("records")
                assert last >= reported_max
                assert records.count() == (last + 1) * workers.RECORDS_PER_BATCH
                if last >= 0:
                    tail = records.get_all(js.KeyRange.lower_bound([last]))
                    assert [r["i"] for r in tail] == list(range(workers.RECORDS_PER_BATCH))
                assert records.count(js.KeyRange.lower_bound([last + 1])) == 0
            # The write lock of the killed writer was released (LMDB robust mutex).
            with db.transaction("meta", "readwrite") as tx:
                tx.object_store("meta").put(trials, "trials")
        next_batch = last + 1
        trials += 1
    assert trials >= 50
    assert next_batch > 0
    assert mid_transaction > 0


def test_several_processes_keep_the_invariants(ctx, tmp_path):
    path = str(tmp_path / "store")
    with js.open(path) as st:
        st.open_database("c", 1, workers.concurrency_upgrade).close()
    writers, readers = 3, 2
    rounds = 25
    pipes, procs = [], []
    for w in range(writers):
        parent, child = ctx.Pipe(duplex=False)
        procs.append(ctx.Process(target=workers.concurrent_writer, args=(path, w, rounds, child)))
        pipes.append(parent)
    for _r in range(readers):
        parent, child = ctx.Pipe(duplex=False)
        procs.append(ctx.Process(target=workers.invariant_reader, args=(path, 40, child)))
        pipes.append(parent)
    for p in procs:
        p.start()
    results = [pipe.recv() for pipe in pipes]
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    added = sum(r[0] for r in results[:writers])
    clashes = sum(r[1] for r in results[:writers])
    for problems in results[writers:]:
        assert problems == []
    assert clashes == (writers - 1) * rounds         # each shared email was won once
    with js.open(path) as st:
        db = st.open_database("c")
        with db.transaction(["items", "meta"]) as tx:
            items = tx.object_store("items")
            assert tx.object_store("meta").get("count") == added == items.count()
            # Failed adds revert their key generator step, so keys are 1..n.
            assert items.get_all_keys() == list(range(1, added + 1))
            assert items.index("email").count() == added


def test_map_grown_by_another_process_is_adopted(ctx, tmp_path):
    path = str(tmp_path / "store")
    with js.open(path, map_size=256 * 1024) as st:
        db = st.open_database("g", 1, lambda d, t, o, n: d.create_object_store("s"))
        before = st.stats()["map_size"]
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=workers.grow_writer, args=(path, 2000, child))
        proc.start()
        grown = parent.recv()
        proc.join(30)
        assert grown > before
        with db.transaction("s") as tx:            # our map is too small: adopt the new size
            assert tx.object_store("s").count() == 2000
            assert len(tx.object_store("s").get(1999)) == 1000
        with db.transaction("s", "readwrite") as tx:
            tx.object_store("s").put(b"x", 5000)
