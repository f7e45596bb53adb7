"""The worker process: a pipe to the master, a reader thread, and a serve loop on the
JS thread that runs one task at a time (jsrt.workers.runner.TaskRunner).

Threads in a worker:

- the main thread starts the others, then waits for the serve loop; it is the only
  thread with SIGXCPU unblocked, so the CPU-limit handler runs there;
- the reader thread receives master messages: tasks and control messages go to the
  serve loop's queue, messages for the running task to its port, ``terminate``
  interrupts the JS thread;
- the JS thread (jsrt.runtime.executor) runs the serve loop: tasks, snapshots, and
  between tasks the spare realm for the next one.

Per-task resource limits use ``resource.setrlimit``: RLIMIT_AS (address space, as the
current size plus the task's ``memory_limit``) and RLIMIT_CPU (as the CPU time used so
far plus the task's ``cpu_limit``, rounded up to whole seconds).  A task over either
gets a ResourceLimitError and its worker retires (exits after answering; the pool
replaces it), since a process that ran out of memory is not worth trusting further.
"""

import math
import os
import queue
import signal
import sys
import threading
import time

from . import protocol as P

__all__ = ["worker_main"]

#: Seconds the worker sleeps after answering a task, before it prepares the next realm.
YIELD_AFTER_DONE = 0.001


class _Limits:
    """RLIMIT_AS / RLIMIT_CPU around one task."""

    def __init__(self):
        import resource
        self.resource = resource
        self.as_saved = resource.getrlimit(resource.RLIMIT_AS)
        self.cpu_saved = resource.getrlimit(resource.RLIMIT_CPU)
        self.mem_active = False
        self.cpu_active = False
        self.cpu_signals = 0

    def enter(self, spec):
        r = self.resource
        mem = spec.get("memory_limit")
        cpu = spec.get("cpu_limit")
        if mem:
            soft = _vm_size() + int(mem)
            hard = self.as_saved[1]
            if hard != r.RLIM_INFINITY:
                soft = min(soft, hard)
            r.setrlimit(r.RLIMIT_AS, (soft, hard))
            self.mem_active = True
        if cpu:
            ru = r.getrusage(r.RUSAGE_SELF)
            soft = int(math.ceil(ru.ru_utime + ru.ru_stime + float(cpu)))
            hard = self.cpu_saved[1]
            if hard != r.RLIM_INFINITY:
                soft = min(soft, hard)
            self.cpu_signals = 0
            r.setrlimit(r.RLIMIT_CPU, (soft, hard))
            self.cpu_active = True

    def leave(self):
        r = self.resource
        if self.mem_active:
            r.setrlimit(r.RLIMIT_AS, self.as_saved)
            self.mem_active = False
        if self.cpu_active:
            self.cpu_active = False
            r.setrlimit(r.RLIMIT_CPU, self.cpu_saved)


def _vm_size():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _block_xcpu():
    if hasattr(signal, "SIGXCPU") and hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGXCPU})


def worker_main(conn, config):
    """Entry point of a worker process."""
    try:
        _worker_main(conn, config)
    except BaseException:
        import traceback
        traceback.print_exc()
        os._exit(P.EXIT_SETUP_FAILED)
    os._exit(P.EXIT_OK)


def _worker_main(conn, config):
    os.environ.update(config.get("env") or {})
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):
        pass
    from ..runtime import executor
    from ..snapshot.format import engine_tag
    from .runner import TaskRunner, Port, TaskTerminated, CpuLimitExceeded

    send_lock = threading.Lock()

    def send(msg):
        data = P.encode(msg)
        with send_lock:
            try:
                conn.send_bytes(data)
            except (OSError, EOFError, ValueError):
                os._exit(P.EXIT_OK)            # the master is gone

    limits = None
    try:
        limits = _Limits()
    except (ImportError, OSError, ValueError):
        limits = None
    runner = TaskRunner(send=send, key=config.get("key"), spare=config.get("spare", True),
                        limits=limits)
    if config.get("setup"):
        runner.setup_fns = _load_setup(config["setup"])
    runner.last_key = config.get("prepare_key")
    main_q = queue.SimpleQueue()
    ports = {}

    def reader():
        _block_xcpu()
        while True:
            try:
                data = conn.recv_bytes()
            except (EOFError, OSError):
                os._exit(P.EXIT_OK)             # master closed the pipe or died
            except MemoryError:
                os._exit(P.EXIT_MEMORY)
            msg = P.decode_from_master(data)
            kind = msg[0]
            if kind == P.TASK:
                spec = msg[1]
                tid = spec["id"]
                port = Port(tid, post=_poster(send, tid), keep_open=spec.get("keep_open", False))
                port.received = time.perf_counter()
                ports[tid] = port
                main_q.put((P.TASK, spec, port))
            elif kind in (P.POST, P.CLOSE_INPUT, P.TERMINATE):
                port = ports.get(msg[1])
                if port is None:
                    continue
                if kind == P.POST:
                    port.inbox.put(("msg", msg[2]))
                elif kind == P.CLOSE_INPUT:
                    port.inbox.put(("close",))
                else:
                    port.terminated = True
                    port.inbox.put(("terminate",))
                    runner.interrupt(msg[1], TaskTerminated)
            else:
                main_q.put(msg)

    if limits is not None and hasattr(signal, "SIGXCPU"):
        def on_xcpu(signum, frame):
            if not limits.cpu_active:
                return
            limits.cpu_signals += 1
            if limits.cpu_signals == 1 and runner.interrupt(None, CpuLimitExceeded):
                return
            os._exit(P.EXIT_CPU)               # the JS thread did not stop: give up
        signal.signal(signal.SIGXCPU, on_xcpu)

    t = threading.Thread(target=reader, name="jsrt-worker-reader", daemon=True)
    t.start()
    send((P.READY, os.getpid(), engine_tag()))

    def serve():
        _block_xcpu()
        while True:
            try:
                try:
                    item = main_q.get_nowait()
                except queue.Empty:
                    if runner.prepare_spare():
                        continue
                    item = main_q.get()
                kind = item[0]
                if kind == P.TASK:
                    spec, port = item[1], item[2]
                    done = runner.run(spec, port)
                    ports.pop(spec["id"], None)
                    send(done)
                    # Let the master (likely woken on this CPU) read the answer before the
                    # spare realm's instantiation takes the CPU for tens of ms.
                    if main_q.empty() and runner.spare_enabled:
                        time.sleep(YIELD_AFTER_DONE)
                    if done[7]:
                        send((P.RETIRE, done[7]))
                        return
                elif kind == P.SNAPSHOT:
                    runner.add_snapshot(item[1], item[2], item[3])
                elif kind == P.PREPARE:
                    runner.last_key = item[1]
                elif kind == P.SETUP:
                    runner.setup_fns = _load_setup(item[1])
                    runner.drop_spares()
                    runner.persistent.clear()
                elif kind == P.EXIT:
                    return
            except (TaskTerminated, CpuLimitExceeded):
                continue                       # a late interrupt between tasks

    executor.run(serve)
    sys.stdout.flush()
    sys.stderr.flush()


def _poster(send, tid):
    def post(data):
        send((P.MESSAGE, tid, data))
    return post


def _load_setup(data):
    import pickle
    fns = pickle.loads(data)
    return list(fns) if isinstance(fns, (list, tuple)) else [fns]
