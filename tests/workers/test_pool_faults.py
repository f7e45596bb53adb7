"""Faults: every task resolves exactly once, whatever happens to its worker."""

import concurrent.futures
import os
import signal
import time

import pytest

import jsrt
from jsrt.workers import WorkerPool, ResourceLimitError, PoolBrokenError, ProcessTransport

from pool_helpers import crasher_setup


@pytest.fixture(scope="module")
def cpool():
    with WorkerPool(workers=2, realm_setup=crasher_setup()) as p:
        yield p


def _wait_busy_pid(p, fut, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = p.transport.busy_worker_pids()
        if pids and fut.running():
            return pids
        time.sleep(0.02)
    raise AssertionError("the task never started")


def test_timeout_kills_and_replaces_the_worker(cpool):
    with pytest.raises(jsrt.TimeoutError):
        cpool.run("while (true) {}", timeout=0.5)
    # the pool still works, with a new process for the killed one
    vals = {cpool.run("hostPid()").value for _ in range(6)}
    assert cpool.stats()["timeouts"] >= 1
    assert all(isinstance(v, float) for v in vals)


def test_os_exit_fails_only_the_running_task(cpool):
    others = [cpool.submit("(n) => n + 1", args=(i,)) for i in range(4)]
    with pytest.raises(jsrt.WorkerCrashedError) as ei:
        cpool.run("hostExit(3)")
    assert "exited with code 3" in str(ei.value)
    assert [f.result().value for f in others] == [1, 2, 3, 4]
    assert cpool.run("1 + 1").value == 2


def test_sigkill_of_a_running_task(cpool):
    f = cpool.submit("while (true) {}")
    pids = _wait_busy_pid(cpool, f)
    os.kill(pids[0], signal.SIGKILL)
    with pytest.raises(jsrt.WorkerCrashedError) as ei:
        f.result(timeout=60)
    assert "SIGKILL" in str(ei.value)
    assert cpool.run("2 + 2").value == 4


def test_segfault(cpool):
    with pytest.raises(jsrt.WorkerCrashedError) as ei:
        cpool.run("hostSegfault()")
    assert "SIGSEGV" in str(ei.value)
    assert cpool.run("3 + 3").value == 6


def test_js_exception_comes_back_with_its_stack(cpool):
    src = "function inner() { throw new RangeError('too far'); }\nfunction outer() { inner(); }\nouter();"
    with pytest.raises(jsrt.JSError) as ei:
        cpool.run(src, filename="app.js")
    e = ei.value
    assert e.name == "RangeError" and e.message == "too far"
    assert "inner (app.js:1" in e.stack and "outer (app.js:2" in e.stack
    assert e.value.name == "RangeError"


def test_syntax_error_is_a_parse_phase_js_error(cpool):
    with pytest.raises(jsrt.JSError) as ei:
        cpool.run("let = = 1", filename="bad.js")
    assert ei.value.name == "SyntaxError" and ei.value.phase == "parse"
    assert ei.value.filename == "bad.js"


def test_uncaught_error_in_a_timer_fails_a_plain_task(cpool):
    with pytest.raises(jsrt.JSError) as ei:
        cpool.run("setTimeout(() => { throw new TypeError('later') }, 1); 1")
    assert ei.value.message == "later"
    assert "later" in ei.value.stderr


def test_memory_limit():
    with WorkerPool(workers=1, memory_limit=300 << 20) as p:
        with pytest.raises(ResourceLimitError) as ei:
            p.run("const keep = []; while (true) keep.push(new Array(1e6).fill(1));",
                  timeout=120)
        assert ei.value.resource == "memory"
        # the worker retired and was replaced; small tasks still run under the limit
        assert p.run("new Array(1000).fill(1).length").value == 1000


def test_cpu_limit():
    with WorkerPool(workers=1, cpu_limit=1) as p:
        with pytest.raises(ResourceLimitError) as ei:
            p.run("while (true) {}", timeout=120)
        assert ei.value.resource == "cpu"
        assert p.run("1 + 2").value == 3


def test_terminate_running_and_queued_tasks():
    with WorkerPool(workers=1) as p:
        busy = p.submit("while (true) {}")
        queued = p.submit("1")
        _wait_busy_pid(p, busy)
        queued.terminate()
        busy.terminate()
        assert queued.cancelled()
        with pytest.raises(concurrent.futures.CancelledError):
            busy.result(timeout=60)
        assert p.run("5").value == 5


def test_shutdown_cancels_queued_and_never_hangs():
    p = WorkerPool(workers=1)
    running = p.submit("while (true) {}")
    queued = [p.submit("%d" % i) for i in range(5)]
    _wait_busy_pid(p, running)
    t = time.monotonic()
    p.shutdown(wait=True, grace=0.5)
    assert time.monotonic() - t < 30
    assert all(f.cancelled() for f in queued)
    with pytest.raises(concurrent.futures.CancelledError):
        running.result(timeout=1)
    assert all(f.done() for f in queued + [running])


def test_context_manager_exit_with_pending_work():
    with WorkerPool(workers=1) as p:
        futs = [p.submit("let s = 0; for (let i = 0; i < 1e4; i++) s += i; s") for _ in range(20)]
    assert all(f.done() for f in futs)
    for f in futs:
        assert f.cancelled() or f.exception() is not None or f.result().value == 49995000


def test_workers_that_cannot_start_break_the_pool():
    cfg = {"setup": b"not a pickle"}
    with WorkerPool(workers=1, backend=ProcessTransport(1, config=cfg)) as p:
        f = p.submit("1")
        with pytest.raises(PoolBrokenError):
            f.result(timeout=120)
        with pytest.raises(PoolBrokenError):
            p.submit("1")
