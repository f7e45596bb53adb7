"""WorkerPool basics: scripts, calls, arguments and results through structured clone,
console capture, realms fresh per task, snapshots, map / run_async."""

import asyncio
import concurrent.futures
import datetime

import pytest

import jsrt
from jsrt.workers import WorkerPool, Task, TaskResult


def test_script_result_console_and_metadata(pool):
    r = pool.run("console.log('out', 1); console.error('err'); [1, 2, 3].map(x => x * 2)")
    assert isinstance(r, TaskResult)
    assert r.value == [2, 4, 6]
    assert r.stdout == "out 1\n"
    assert r.stderr == "err\n"
    assert r.worker is not None and r.pid is not None
    for k in ("queued", "prepare", "run", "total"):
        assert k in r.timings


def test_call_global_function_with_cloned_arguments(pool, lib_snapshot):
    when = datetime.datetime(2020, 1, 2, tzinfo=datetime.timezone.utc)
    r = pool.run(call="work", args=(2, 3), snapshot=lib_snapshot)
    assert r.value == {"sum": 5, "list": [2, 3], "m": {"k": 2}}
    r = pool.run("(d, b, s) => [d.getUTCFullYear(), b.byteLength, s.has(2), typeof d]",
                 args=(when, b"abc", {1, 2}))
    assert r.value == [2020, 3, True, "object"]


def test_cycles_survive_both_ways(pool):
    a = {"name": "a"}
    a["self"] = a
    r = pool.run("(o) => { o.back = o.self === o; return o; }", args=(a,))
    assert r.value["back"] is True
    assert r.value["self"] is r.value


def test_function_argument_is_a_clone_error_at_submit(pool):
    with pytest.raises(jsrt.DataCloneError) as ei:
        pool.submit("(x) => x", args=({"cb": lambda: 1},))
    assert "cb" in str(ei.value)


def test_function_result_is_a_clone_error_naming_the_path(pool):
    with pytest.raises(jsrt.DataCloneError) as ei:
        pool.run("({ data: { handler() {} } })")
    assert "value.data.handler" in str(ei.value)


def test_promise_result_is_awaited_and_timers_run(pool):
    r = pool.run("setTimeout(() => console.log('timer'), 5);"
                 "new Promise(res => setTimeout(() => res('done'), 20))")
    assert r.value == "done"
    assert r.stdout == "timer\n"


def test_async_function_call(pool):
    r = pool.run("async function main(n) { await null; return n + 1; }\n"
                 "(n) => main(n)", args=(41,))
    assert r.value == 42


def test_each_task_gets_a_fresh_realm(pool, lib_snapshot):
    vals = [pool.run(call="bump", snapshot=lib_snapshot).value for _ in range(4)]
    assert vals == [1, 1, 1, 1]
    pool.run("globalThis.leak = 1")
    assert pool.run("typeof leak").value == "undefined"


def test_fresh_realm_false_reuses_the_workers_realm():
    from jsrt.snapshot import RealmBuilder, RealmSnapshot
    b = RealmBuilder()
    b.eval_script("var n = 0; function bump() { return ++n; }")
    snap = RealmSnapshot.compile(b)
    with WorkerPool(workers=1, snapshot=snap) as p:
        vals = [p.run(call="bump", fresh_realm=False).value for _ in range(3)]
        assert vals == [1, 2, 3]
        assert p.run(call="bump").value == 1          # a fresh realm is still fresh


def test_map_keeps_input_order_and_return_exceptions(pool, lib_snapshot):
    rs = list(pool.map([(i,) for i in range(12)], call="slowSquare", snapshot=lib_snapshot))
    assert [r.value for r in rs] == [i * i for i in range(12)]
    out = list(pool.map(["1", "throw new Error('x')", "3"], return_exceptions=True))
    assert out[0].value == 1 and out[2].value == 3
    assert isinstance(out[1], jsrt.JSError)
    with pytest.raises(jsrt.JSError):
        list(pool.map(["1", "throw new Error('x')"]))


def test_task_objects(pool, lib_snapshot):
    r = pool.run(Task(call="work", args=(1, 1), snapshot=lib_snapshot, name="t1"))
    assert r.value["sum"] == 2 and r.name == "t1"
    with pytest.raises(TypeError):
        Task()


def test_run_async(pool):
    async def main():
        rs = await asyncio.gather(*[pool.run_async("%d * 2" % i) for i in range(5)])
        return [r.value for r in rs]
    assert asyncio.run(main()) == [0, 2, 4, 6, 8]


def test_stream_output_callable(pool):
    got = []
    r = pool.run("console.log('a'); console.log('b'); 1",
                 stream=lambda name, stream, text: got.append((stream, text)))
    assert r.stdout == "a\nb\n"
    assert got == [("stdout", "a\n"), ("stdout", "b\n")]


def test_pool_default_snapshot_and_per_task_snapshot(lib_snapshot):
    from jsrt.snapshot import RealmBuilder, RealmSnapshot
    b = RealmBuilder()
    b.eval_script("globalThis.which = 'other'")
    other = RealmSnapshot.compile(b)
    with WorkerPool(workers=2, snapshot=lib_snapshot) as p:
        assert p.run("lib.greet('x')").value == "hello x"
        assert p.run("which", snapshot=other).value == "other"
        assert p.run("which", snapshot=other.to_bytes()).value == "other"
        assert p.run("typeof which").value == "undefined"
        assert p.run("typeof lib", snapshot=other).value == "undefined"
        for _ in range(10):
            p.run("lib.twice(1)")
        st = p.stats()
        # each worker received each snapshot at most once
        assert st["snapshots_sent"] <= 2 * st["spawned"]


def test_bad_snapshot_bytes_fail_early():
    with WorkerPool(workers=1) as p:
        with pytest.raises(jsrt.SnapshotError):
            p.submit("1", snapshot=b"JSRTSNAP" + b"\0" * 100)


def test_snapshots_by_name_from_the_store_read_by_hash(tmp_path, lib_snapshot):
    import jsrt.store
    from jsrt.snapshot import RealmBuilder, RealmSnapshot
    st = jsrt.store.open(str(tmp_path / "store"))
    st.snapshots.put("app", lib_snapshot.to_bytes())
    b = RealmBuilder()
    b.eval_script("globalThis.lib = { twice: x => 3 * x }")
    v2 = RealmSnapshot.compile(b)
    with WorkerPool(workers=2, store=st, snapshot="app") as p:
        assert p.run("lib.twice(2)").value == 4
        st.snapshots.put("app", v2.to_bytes())          # re-point the name: atomic swap
        assert p.run("lib.twice(2)", snapshot="app").value == 6
        assert p.run("lib.twice(2)").value == 4           # the pool's default stays v1
        assert p.run("lib.twice(2)", snapshot=v2.sha256).value == 6
        with pytest.raises(jsrt.SnapshotError):
            p.submit("1", snapshot="missing")
    st.close()


def test_realm_setup_exposes_host_functions():
    with WorkerPool(workers=1, realm_setup=_setup_add) as p:
        assert p.run("hostAdd(2, 3)").value == 5


def _setup_add(realm):
    realm.expose("hostAdd", lambda this, a, b: a + b)


def test_submit_after_shutdown_raises():
    p = WorkerPool(workers=1)
    p.shutdown()
    with pytest.raises(RuntimeError):
        p.submit("1")


def test_future_is_a_concurrent_future(pool):
    f = pool.submit("6 * 7")
    assert isinstance(f, concurrent.futures.Future)
    done, _ = concurrent.futures.wait([f], timeout=120)
    assert f in done and f.result().value == 42
