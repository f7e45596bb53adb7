"""`new Worker(...)` in a master realm, and the event classes of jsrt.builtins.worker_api."""

import jsrt
from jsrt.workers import attach


def _realm(pool):
    out = []
    r = jsrt.Realm(console=lambda stream, text: out.append(text))
    attach(r, pool)
    r.out = out
    return r


def test_worker_round_trip_error_event_and_exit(pool):
    r = _realm(pool)
    r.eval("""
        const w = new Worker(`
            onmessage = (e) => {
                if (e.data === 'boom') throw new Error('kaboom');
                if (e.data === 'bye') { close(); return; }
                postMessage({echo: e.data, twice: e.data * 2});
            };
        `);
        let n = 0;
        w.onmessage = (e) => {
            console.log('got', JSON.stringify(e.data), e instanceof MessageEvent);
            if (++n === 2) w.postMessage('boom');
        };
        w.onerror = (e) => { console.log('error:', e.message, e instanceof ErrorEvent); w.postMessage('bye'); };
        w.addEventListener('exit', (e) => console.log('exit', e.code));
        w.postMessage(1);
        w.postMessage(2);
    """)
    r.run(timeout=120)
    assert "".join(r.out) == ('got {"echo":1,"twice":2} true\n'
                              'got {"echo":2,"twice":4} true\n'
                              'error: Uncaught Error: kaboom true\n'
                              'exit 0\n')


def test_worker_transfer_and_terminate(pool):
    r = _realm(pool)
    r.eval("""
        const buf = new ArrayBuffer(16);
        const w = new Worker("onmessage = e => postMessage(e.data.byteLength)");
        w.onmessage = (e) => {
            console.log('worker saw', e.data, 'bytes; here', buf.byteLength);
            w.terminate();
        };
        w.postMessage(buf, [buf]);
    """)
    r.run(timeout=120)
    assert "".join(r.out) == "worker saw 16 bytes; here 0\n"


def test_worker_script_error_fires_error_then_exit_1(pool):
    r = _realm(pool)
    r.eval("""
        const w = new Worker("function f() { throw new TypeError('at start') }\\nf()");
        w.onerror = (e) => console.log('onerror', e.message, e.error instanceof TypeError);
        w.onexit = (e) => console.log('exit', e.code);
    """)
    r.run(timeout=120)
    assert "".join(r.out) == "onerror Uncaught TypeError: at start true\nexit 1\n"


def test_worker_from_a_snapshot(pool):
    r = _realm(pool)
    r.eval("""
        const b = new RealmBuilder();
        b.evalScript("globalThis.lib = { shout: s => s.toUpperCase() + '!' }");
        RealmSnapshot.compile(b, []).then((snap) => {
            const w = new Worker(snap, { script: "onmessage = e => { postMessage(lib.shout(e.data)); close(); }" });
            w.onmessage = (e) => console.log(e.data);
            w.postMessage('hey');
        });
    """)
    r.run(timeout=120)
    assert "".join(r.out) == "HEY!\n"


def test_worker_is_not_available_inside_a_pool_worker(pool):
    r = pool.run("try { new Worker('1') } catch (e) { e.name + ': ' + e.message }")
    assert r.value.startswith("TypeError") and "pool worker" in r.value


def test_event_target_basics():
    r = jsrt.Realm(console=lambda s, t: None)
    from jsrt.builtins import worker_api
    from jsrt.runtime import executor
    from jsrt.runtime.errors import STATE

    def setup():
        prev = STATE.realm
        STATE.realm = r
        try:
            worker_api.setup(r)
        finally:
            STATE.realm = prev
    executor.run(setup)
    v = r.eval("""
        const t = new EventTarget();
        const log = [];
        const f = (e) => log.push('f:' + e.type);
        t.addEventListener('x', f);
        t.addEventListener('x', f);                      // duplicates ignored
        t.addEventListener('x', () => log.push('once'), { once: true });
        t.addEventListener('x', { handleEvent(e) { log.push('obj:' + (e.target === t)); } });
        t.dispatchEvent(new Event('x'));
        t.dispatchEvent(new Event('x'));
        t.removeEventListener('x', f);
        t.dispatchEvent(new Event('x'));
        const c = new Event('y', { cancelable: true });
        t.addEventListener('y', (e) => { e.preventDefault(); e.stopImmediatePropagation(); });
        t.addEventListener('y', () => log.push('not reached'));
        log.push(t.dispatchEvent(c), c.defaultPrevented);
        log.push(new MessageEvent('message', { data: 5 }).data);
        log.join(',')
    """)
    assert v == "f:x,once,obj:true,f:x,obj:true,obj:true,false,true,5"
