"""Chaos: kill random workers while 200 tasks run. Every task resolves exactly once;
good tasks return correct values or WorkerCrashedError; bad ones JSError or
WorkerCrashedError; nothing else."""

import collections
import os
import random
import signal
import threading
import time

import jsrt
from jsrt.workers import WorkerPool

MAX_KILLS = 12


def test_chaos_kill_random_workers_while_200_tasks_run():
    rng = random.Random(1234)
    n = 200
    resolved = collections.Counter()
    lock = threading.Lock()

    def on_done(f):
        with lock:
            resolved[f.task_id] += 1

    with WorkerPool(workers=2) as pool:
        futs = []
        for i in range(n):
            if i % 10 == 7:
                src = "(i) => { throw new Error('bad ' + i) }"
            else:
                src = "(i) => { let s = 0; for (let k = 0; k < 2000; k++) s += k % 7; return i * i + s; }"
            f = pool.submit(src, args=(i,), timeout=60)
            f.add_done_callback(on_done)
            futs.append((i, f))

        stop = threading.Event()
        kills = []

        def killer():
            # a bounded number of kills, so that on a slow machine the pool still gets
            # to finish good tasks after the storm (every task must resolve either way)
            while not stop.is_set() and len(kills) < MAX_KILLS:
                time.sleep(rng.uniform(0.05, 0.3))
                pids = pool.transport.busy_worker_pids()
                if pids:
                    pid = rng.choice(pids)
                    try:
                        os.kill(pid, signal.SIGKILL)
                        kills.append(pid)
                    except ProcessLookupError:
                        pass

        t = threading.Thread(target=killer, daemon=True)
        t.start()
        try:
            deadline = time.monotonic() + 150
            for i, f in futs:
                f.exception(timeout=max(1.0, deadline - time.monotonic()))
        finally:
            stop.set()
            t.join()
        expected_s = sum(k % 7 for k in range(2000))
        outcomes = collections.Counter()
        for i, f in futs:
            assert f.done()
            exc = f.exception()
            if i % 10 == 7:
                assert isinstance(exc, (jsrt.JSError, jsrt.WorkerCrashedError)), exc
                if isinstance(exc, jsrt.JSError):
                    assert exc.message == "bad %d" % i
            elif exc is None:
                assert f.result().value == i * i + expected_s
            else:
                assert isinstance(exc, jsrt.WorkerCrashedError), exc
            outcomes["ok" if exc is None else type(exc).__name__] += 1
        time.sleep(0.2)                       # late double resolutions would show up here
        assert len(resolved) == n and set(resolved.values()) == {1}
        assert kills, "the killer never found a busy worker"
        assert outcomes["ok"] > 0
        # the pool recovered: it still runs tasks
        assert pool.run("1 + 1").value == 2
