"""What a pool runs and what it gives back: Task, TaskResult, TaskFuture."""

import asyncio
import concurrent.futures
import threading

__all__ = ["Task", "TaskResult", "TaskFuture"]


class Task:
    """A unit of work for a WorkerPool (``pool.submit(Task(...))`` is the same as passing
    the fields as arguments).

    - ``script``: JS source; its completion value is the result. With ``args`` (and no
      ``call``) the script must evaluate to a function, which is called with them:
      ``Task("(a, b) => a + b", args=(1, 2))``.
    - ``call``: the name of a global function of the task's realm (typically defined by
      the snapshot) to call with ``args`` after ``script`` (if any) ran:
      ``Task(call="render", args=({"title": "x"},))``.
    - A Promise result is awaited; the task ends when its event loop is idle.
    - ``snapshot``: start from this snapshot (see WorkerPool.add_snapshot for the forms);
      None: the pool's snapshot, else a plain realm.
    - ``fresh_realm=False`` reuses the worker's realm for that snapshot across tasks.
    - ``timeout`` (seconds of wall time on the worker), ``memory_limit`` (bytes),
      ``cpu_limit`` (seconds): None means the pool's default.
    """

    __slots__ = ("script", "call", "args", "snapshot", "timeout", "fresh_realm", "filename",
                 "name", "memory_limit", "cpu_limit")

    def __init__(self, script=None, *, call=None, args=(), snapshot=None, timeout=None,
                 fresh_realm=True, filename=None, name=None, memory_limit=None,
                 cpu_limit=None):
        if script is None and call is None:
            raise TypeError("a Task needs a script, a call, or both")
        if script is not None and not isinstance(script, str):
            raise TypeError("script must be JS source text (str), not %s"
                            % type(script).__name__)
        if call is not None and not isinstance(call, str):
            raise TypeError("call must be the name of a global function (str)")
        self.script = script
        self.call = call
        self.args = tuple(args)
        self.snapshot = snapshot
        self.timeout = timeout
        self.fresh_realm = fresh_realm
        self.filename = filename
        self.name = name
        self.memory_limit = memory_limit
        self.cpu_limit = cpu_limit

    def __repr__(self):
        what = self.name or self.filename or (self.call and "call %s" % self.call) or \
            (self.script[:30] + ("..." if len(self.script) > 30 else ""))
        return "<Task %s>" % what


class TaskResult:
    """A finished task: ``value`` (the JS result as Python data, via structured clone),
    its console output (``stdout``, ``stderr``), the messages it posted that no
    ``on_message`` callback took (``messages``), ``timings`` (seconds: ``queued``,
    ``prepare``, ``run``, ``cpu`` (CPU time of the run), ``total``; ``spare`` tells
    whether a pre-instantiated realm was ready), the ``worker`` id and ``pid`` that ran it."""

    __slots__ = ("value", "stdout", "stderr", "messages", "timings", "worker", "pid",
                 "task_id", "name")

    def __init__(self, value=None, stdout="", stderr="", messages=(), timings=None, worker=None,
                 pid=None, task_id=None, name=None):
        self.value = value
        self.stdout = stdout
        self.stderr = stderr
        self.messages = list(messages)
        self.timings = dict(timings or {})
        self.worker = worker
        self.pid = pid
        self.task_id = task_id
        self.name = name

    def __repr__(self):
        v = repr(self.value)
        if len(v) > 60:
            v = v[:57] + "..."
        return "<TaskResult %s value=%s worker=%s %.1f ms>" % (
            self.name or self.task_id, v, self.worker, 1000 * self.timings.get("total", 0.0))


class TaskFuture(concurrent.futures.Future):
    """A Future for a task (its result is a :class:`TaskResult`), plus the master's end
    of the task's message channel:

    - ``post_message(value)`` sends a message to the task's realm (``onmessage``);
    - ``close()`` ends the input: a long-lived task finishes once it is idle;
    - ``terminate()`` stops the task (the future fails with CancelledError);
    - messages the task posts go to the ``on_message`` callback given to submit (called
      on the pool's I/O thread), or else are kept: ``iter_messages()`` and
      ``async for m in future.messages()`` read them as they arrive, and
      ``TaskResult.messages`` has them all.
    """

    def __init__(self, transport, task_id, name=None, on_message=None, raw_messages=False):
        concurrent.futures.Future.__init__(self)
        self._transport = transport
        self.task_id = task_id
        self.name = name
        self._on_message = on_message
        self._raw = raw_messages
        self._messages = []
        self._cond = threading.Condition()
        self._aio = []
        self.add_done_callback(TaskFuture._wake_all)

    def __repr__(self):
        return "<TaskFuture %s %s>" % (self.name or self.task_id, self._state.lower())

    # -- master -> task ---------------------------------------------------------------
    def post_message(self, value):
        """Send ``value`` (Python data, structured-cloned) to the task's realm."""
        from ..clone import serialize_python
        self.post_bytes(serialize_python(value))

    def post_bytes(self, data):
        """Send structured-clone bytes as a message to the task's realm."""
        if not self.done():
            self._transport.post(self.task_id, bytes(data))

    def close(self):
        """No more messages: the task finishes when its event loop is idle."""
        if not self.done():
            self._transport.close_input(self.task_id)

    def terminate(self):
        """Stop the task now (queued: cancelled; running: stopped, its worker reused or
        replaced). The future fails with CancelledError."""
        if self.cancel():
            return
        if not self.done():
            self._transport.terminate(self.task_id)

    # -- task -> master ---------------------------------------------------------------
    def _deliver(self, data):
        """Called by the transport (I/O thread) for each message the task posts."""
        if self._raw:
            value = data
        else:
            from ..clone import deserialize_python
            try:
                value = deserialize_python(data)
            except Exception as e:
                value = e
        cb = self._on_message
        if cb is not None:
            cb(value)
            return
        with self._cond:
            self._messages.append(value)
            self._cond.notify_all()
            waiters, self._aio = self._aio, []
        for loop, fut in waiters:
            loop.call_soon_threadsafe(_set_if_pending, fut)

    @property
    def received(self):
        """The messages received so far (when there is no on_message callback)."""
        with self._cond:
            return list(self._messages)

    def _wake_all(self):
        with self._cond:
            self._cond.notify_all()
            waiters, self._aio = self._aio, []
        for loop, fut in waiters:
            try:
                loop.call_soon_threadsafe(_set_if_pending, fut)
            except RuntimeError:
                pass

    def iter_messages(self, timeout=None):
        """Yield the task's messages as they arrive, until it finishes."""
        i = 0
        while True:
            with self._cond:
                while i >= len(self._messages) and not self.done():
                    if not self._cond.wait(timeout):
                        raise TimeoutError("no message from task %s within %ss"
                                           % (self.task_id, timeout))
                if i < len(self._messages):
                    v = self._messages[i]
                else:
                    return
            i += 1
            yield v

    async def messages(self):
        """``async for message in future.messages()``: the task's messages as they
        arrive, until it finishes."""
        loop = asyncio.get_running_loop()
        i = 0
        while True:
            with self._cond:
                if i < len(self._messages):
                    v = self._messages[i]
                    waiter = None
                elif self.done():
                    return
                else:
                    waiter = loop.create_future()
                    self._aio.append((loop, waiter))
            if waiter is not None:
                await waiter
                continue
            i += 1
            yield v

    def __aiter__(self):
        return self.messages()


def _set_if_pending(fut):
    if not fut.done():
        fut.set_result(None)
