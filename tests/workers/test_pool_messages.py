"""Messages between a task's realm and the master: postMessage / onmessage /
addEventListener / close in the worker; callbacks, iterators and post_message here."""

import asyncio

import jsrt


def test_messages_are_kept_in_the_result_without_a_callback(pool):
    r = pool.run("postMessage({a: 1, when: new Date(0)}); postMessage('two'); 3")
    assert r.value == 3
    assert r.messages[0]["a"] == 1 and r.messages[0]["when"].year == 1970
    assert r.messages[1] == "two"


def test_on_message_callback_sees_messages_as_they_come(pool):
    got = []
    r = pool.run("for (let i = 0; i < 5; i++) postMessage(i); 'ok'", on_message=got.append)
    assert r.value == "ok" and got == [0, 1, 2, 3, 4] and r.messages == []


def test_iter_messages_streams_until_the_task_ends(pool):
    f = pool.submit("let i = 0; const t = setInterval(() => { postMessage(i++);"
                    " if (i === 4) clearInterval(t); }, 2); 'end'")
    assert list(f.iter_messages(timeout=120)) == [0, 1, 2, 3]
    assert f.result().value == "end"


def test_async_iteration_of_messages(pool):
    async def main():
        f = pool.submit("postMessage('a'); new Promise(r => setTimeout(() => {"
                        " postMessage('b'); r('c'); }, 10))")
        seen = [m async for m in f.messages()]
        return seen, (await asyncio.wrap_future(f)).value
    assert asyncio.run(main()) == (["a", "b"], "c")


def test_long_lived_task_echoes_until_close(pool):
    f = pool.submit("""
        let total = 0;
        onmessage = (e) => { total += e.data; postMessage(total); };
        'echo'
    """, keep_open=True)
    for i in (1, 2, 3):
        f.post_message(i)
    it = f.iter_messages(timeout=120)
    assert [next(it) for _ in range(3)] == [1, 3, 6]
    f.close()
    assert f.result(timeout=120).value == "echo"


def test_add_event_listener_and_close_in_the_worker(pool):
    f = pool.submit("""
        self.addEventListener('message', (e) => {
            if (e.data === 'stop') { postMessage('bye'); close(); return; }
            postMessage(e.data.toUpperCase());
        });
        'listening'
    """, keep_open=True)
    f.post_message("hi")
    f.post_message("stop")
    r = f.result(timeout=120)
    assert r.value == "listening" and r.messages == ["HI", "bye"]


def test_transfer_array_buffer_to_the_master(pool):
    r = pool.run("""
        const buf = new Uint8Array([1, 2, 3]).buffer;
        postMessage(buf, [buf]);
        buf.byteLength
    """)
    assert r.value == 0                      # detached in the worker
    assert bytes(r.messages[0]) == b"\x01\x02\x03"


def test_uncaught_error_in_a_long_lived_task_is_an_event_not_the_end(pool):
    errors = []
    f = pool.submit("""
        onmessage = (e) => {
            if (e.data === 'bad') throw new Error('handler failed');
            postMessage('ok ' + e.data);
            if (e.data === 'last') close();
        };
    """, keep_open=True, on_error_event=errors.append, discard_result=True)
    f.post_message("bad")
    f.post_message("last")
    r = f.result(timeout=120)
    assert r.messages == ["ok last"]
    assert len(errors) == 1 and isinstance(errors[0], jsrt.JSError)
    assert errors[0].message == "handler failed"


def test_post_message_of_a_function_is_a_data_clone_error_in_js(pool):
    r = pool.run("""
        try { postMessage({f() {}}); 'no error' } catch (e) { e.name + ': ' + (e instanceof DOMException) }
    """)
    assert r.value == "DataCloneError: true"


def test_messages_posted_before_the_task_starts_are_delivered(pool):
    gate = pool.submit("while (Date.now() < 0) {} 1")
    f = pool.submit("onmessage = (e) => { postMessage(e.data + 1); close(); }; 0",
                    keep_open=True, discard_result=True)
    f.post_message(41)
    assert f.result(timeout=120).messages == [42]
    gate.result(timeout=120)
