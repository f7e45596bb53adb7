"""The Dask backend with a LocalCluster (skipped when dask.distributed is not installed)."""

import pytest

distributed = pytest.importorskip("distributed")

import jsrt
from jsrt.workers import WorkerPool, DaskTransport


@pytest.fixture(scope="module")
def dask_client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def dpool(dask_client, lib_snapshot):
    with WorkerPool(snapshot=lib_snapshot, backend=DaskTransport(dask_client)) as p:
        yield p


def test_map_on_the_cluster(dpool):
    rs = list(dpool.map([(i,) for i in range(10)], call="slowSquare"))
    assert [r.value for r in rs] == [i * i for i in range(10)]
    assert all(r.worker.startswith("tcp://") for r in rs)


def test_snapshot_shipped_and_verified_once_per_worker(dpool, dask_client):
    from jsrt.workers.dask import worker_state
    list(dpool.map(["lib.twice(%d)" % i for i in range(8)]))
    states = dask_client.run(worker_state)
    assert sum(s["verified"] for s in states.values()) >= 1
    assert all(s["verified"] <= 1 for s in states.values())


def test_console_messages_and_errors(dpool):
    r = dpool.run("console.log('hi'); postMessage({n: 1}); lib.greet('dask')")
    assert r.value == "hello dask" and r.stdout == "hi\n" and r.messages == [{"n": 1}]
    with pytest.raises(jsrt.JSError) as ei:
        dpool.run("function f() { throw new TypeError('remote') }\nf()", filename="r.js")
    assert ei.value.message == "remote" and "r.js" in ei.value.stack
    with pytest.raises(NotImplementedError):
        dpool.submit("1", on_message=print)


def test_timeout_on_the_cluster(dpool):
    with pytest.raises(jsrt.TimeoutError):
        dpool.run("while (true) {}", timeout=1)
    assert dpool.run("lib.twice(4)").value == 8          # the Dask worker survived
