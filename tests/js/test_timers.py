"""setTimeout, setInterval, setImmediate, their clear functions and queueMicrotask
(jsrt/builtins/timers.py). Every expected output was produced by node v20; the scripts
only depend on the order of timers, never on wall-clock time."""

import subprocess

import pytest

from jshelpers import run_js, node_available

CASES = [
    ("setTimeout(() => console.log('b'), 2); setTimeout(() => console.log('a'), 1); console.log('sync')",
     'sync\na\nb\n'),
    ("setTimeout(() => console.log('t0'), 0); setTimeout(() => console.log('t1'), 1); setTimeout(() => console.log('tu'))",
     't0\nt1\ntu\n'),
    ("setTimeout((a, b, c) => console.log('args', a, b, c), 1, 'A', 'B')",
     'args A B undefined\n'),
    ("var n = 0; var iv = setInterval(() => { console.log('iv', ++n); if (n === 3) clearInterval(iv) }, 1)",
     'iv 1\niv 2\niv 3\n'),
    ("var c = setTimeout(() => console.log('never'), 1); clearTimeout(c); console.log('cleared')",
     'cleared\n'),
    ("var c = setInterval(() => console.log('never'), 1); clearInterval(c); clearTimeout(undefined); clearTimeout(null); clearTimeout('x'); clearTimeout({}); console.log('ok')",
     'ok\n'),
    ("setTimeout(() => { console.log('outer'); Promise.resolve().then(() => console.log('micro in timer')); setTimeout(() => console.log('inner'), 0) }, 0); setTimeout(() => console.log('second'), 0)",
     'outer\nmicro in timer\nsecond\ninner\n'),
    ("setTimeout(() => console.log('timeout'), 0); Promise.resolve().then(() => console.log('micro')); queueMicrotask(() => console.log('qm')); console.log('sync')",
     'sync\nmicro\nqm\ntimeout\n'),
    ("queueMicrotask(() => { console.log('m1'); queueMicrotask(() => console.log('m3')) }); Promise.resolve().then(() => console.log('m2'))",
     'm1\nm2\nm3\n'),
    ("try { setTimeout('code', 1) } catch (e) { console.log(e.name, e.message) }",
     'TypeError The "callback" argument must be of type function. Received type string (\'code\')\n'),
    ('try { setTimeout() } catch (e) { console.log(e.name, e.message) }',
     'TypeError The "callback" argument must be of type function. Received undefined\n'),
    ('try { setInterval(null) } catch (e) { console.log(e.name, e.message) }',
     'TypeError The "callback" argument must be of type function. Received null\n'),
    ('try { queueMicrotask(1) } catch (e) { console.log(e.name, e.message) }',
     'TypeError The "callback" argument must be of type function. Received type number (1)\n'),
    ('try { queueMicrotask({}) } catch (e) { console.log(e.name, e.message) }',
     'TypeError The "callback" argument must be of type function. Received an instance of Object\n'),
    ('console.log(typeof setTimeout, typeof clearTimeout, typeof setInterval, typeof clearInterval, typeof queueMicrotask, typeof setImmediate, typeof clearImmediate)',
     'function function function function function function function\n'),
    ('console.log(setTimeout.length, setInterval.length, queueMicrotask.length, setTimeout.name)',
     '5 5 1 setTimeout\n'),
    ("setTimeout(function () { console.log('this is undefined-ish:', this === undefined || this === globalThis || typeof this === 'object') }, 1)",
     'this is undefined-ish: true\n'),
    ("setTimeout(() => console.log('late'), 5); setTimeout(() => console.log('early'), 1)",
     'early\nlate\n'),
    ("setTimeout(() => console.log('a', 1), -5); setTimeout(() => console.log('b', 2), NaN); setTimeout(() => console.log('c', 3), '1')",
     'a 1\nb 2\nc 3\n'),
    ("var t = 0; var iv = setInterval(() => { t++; if (t === 2) { clearInterval(iv); setTimeout(() => console.log('done', t), 3) } }, 1)",
     'done 2\n'),
    ("setImmediate((x) => console.log('immediate', x), 'arg'); var im = setImmediate(() => console.log('never')); clearImmediate(im)",
     'immediate arg\n'),
]


@pytest.mark.parametrize("src,expected", CASES)
def test_timer_script(src, expected):
    assert run_js(src) == expected


def test_timer_ids_are_numbers():
    assert run_js("var a = setTimeout(() => {}, 1), b = setInterval(() => {}, 1);"
                  " clearInterval(b); console.log(typeof a, typeof b, a !== b)") == \
        "number number true\n"


def test_exception_in_timer_is_reported_and_loop_continues():
    import jsrt
    out = []
    err = []
    r = jsrt.Realm(console=lambda s, t: (out if s == "stdout" else err).append(t))
    r.eval("setTimeout(() => { throw new Error('in timer') }, 1);"
           " setTimeout(() => console.log('next timer runs'), 2)")
    r.run()
    assert "".join(out) == "next timer runs\n"
    assert "Uncaught Error: in timer" in "".join(err)


def test_exception_in_microtask_is_reported():
    import jsrt
    out = []
    err = []
    r = jsrt.Realm(console=lambda s, t: (out if s == "stdout" else err).append(t))
    r.eval("queueMicrotask(() => { throw new Error('in microtask') });"
           " queueMicrotask(() => console.log('second microtask'))")
    r.run()
    assert "".join(out) == "second microtask\n"
    assert "Uncaught Error: in microtask" in "".join(err)


def test_host_only_family():
    import jsrt
    r = jsrt.Realm(host=False)
    assert r.eval("typeof setTimeout + ' ' + typeof queueMicrotask") == "undefined undefined"


# Delays far apart, so that node's own order does not depend on how loaded the machine is
# (timers due at once run in order of their due times).
DIFF_SCRIPT = r"""
var log = (...a) => console.log(...a);
log('start');
setTimeout(() => log('timeout 1'), 5);
setTimeout(() => log('timeout 0'), 0);
setTimeout((x, y) => log('args', x, y), 10, 'X', 'Y');
var count = 0;
var iv = setInterval(() => {
  count++;
  log('interval', count);
  Promise.resolve().then(() => log('micro after interval', count));
  if (count === 3) {
    clearInterval(iv);
    setTimeout(() => log('after interval'), 5);
  }
}, 40);
var cancelled = setTimeout(() => log('cancelled!'), 1);
clearTimeout(cancelled);
queueMicrotask(() => log('microtask 1'));
Promise.resolve().then(() => log('promise 1')).then(() => log('promise 2'));
queueMicrotask(() => log('microtask 2'));
setTimeout(() => {
  log('nested outer');
  setTimeout(() => log('nested inner'), 0);
  queueMicrotask(() => log('nested microtask'));
}, 0);
log('end');
"""


def test_differential_against_node():
    if not node_available():
        pytest.skip("node is not installed")
    p = subprocess.run(["node", "-e", DIFF_SCRIPT], capture_output=True, text=True, timeout=60)
    assert run_js(DIFF_SCRIPT) == p.stdout
