"""Shared fixtures for the worker pool tests: one small pool per module (workers=2),
snapshots built once.  Tests assert behaviour, never timings."""

import pytest


@pytest.fixture(scope="module")
def pool():
    from jsrt.workers import WorkerPool
    with WorkerPool(workers=2) as p:
        yield p


@pytest.fixture(scope="session")
def lib_snapshot():
    from jsrt.snapshot import RealmBuilder, RealmSnapshot
    b = RealmBuilder()
    b.eval_script("""
        globalThis.lib = { twice: x => 2 * x, greet: name => 'hello ' + name };
        function work(a, b) { return { sum: a + b, list: [a, b], m: new Map([['k', a]]) }; }
        var counter = 0;
        function bump() { return ++counter; }
        function slowSquare(n) { let s = 0; for (let i = 0; i < n * 1000; i++) s += 1; return n * n; }
    """, "lib.js")
    return RealmSnapshot.compile(b)
