"""The examples (in quick mode), the demo, and `jsrt pool run`."""

import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "examples")


def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_parallel_scripts_example(capsys):
    mod = _load(os.path.join(EXAMPLES, "parallel_scripts.py"), "ex_parallel_scripts")
    assert mod.main(["--quick"]) == 0
    out = capsys.readouterr()
    assert "12/12" in out.err                                   # the progress bar
    assert "00-sieve.js" in out.out and "primes below" in out.out
    assert "12 scripts on 2 workers" in out.out


def test_cached_startup_example(capsys, tmp_path):
    mod = _load(os.path.join(EXAMPLES, "cached_startup.py"), "ex_cached_startup")
    store = str(tmp_path / "store")
    assert mod.main(["--quick", "--store", store]) == 0
    out = capsys.readouterr().out
    assert "saved in the store" in out
    assert "cold: parse + compile + run the source" in out
    assert "cached: snapshot from the store" in out
    assert mod.main(["--quick", "--store", store]) == 0       # a later run reuses it
    assert "not compiling" in capsys.readouterr().out


def test_offline_first_example(capsys, tmp_path):
    sys.path.insert(0, os.path.join(EXAMPLES, "offline_first"))
    try:
        mod = _load(os.path.join(EXAMPLES, "offline_first", "app.py"), "ex_offline_app")
        assert mod.main(["--quick", "--store", str(tmp_path)]) == 0
    finally:
        sys.path.remove(os.path.join(EXAMPLES, "offline_first"))
    out = capsys.readouterr().out
    assert "swapped: app-shell -> v2" in out
    assert "caches: ['shell-v2']" in out
    assert "0 failed" in out
    assert "offline/v1: 11" in out and "offline-v2/v2: 11" in out and "after-swap/v2: 5" in out
    assert "offline-fallback" in out


def test_pipeline_demo(capsys):
    mod = _load(os.path.join(EXAMPLES, "pipeline_demo.py"), "ex_pipeline_demo")
    assert mod.main(["--quick"]) == 0
    out = capsys.readouterr().out
    for step in ("1. build", "2. persist", "3. workers", "4. run", "5. results"):
        assert step in out
    assert "doc-07" in out


def test_cli_pool_run(tmp_path, capsys):
    from jsrt.cli import main
    a = tmp_path / "a.js"
    a.write_text("console.log('from a'); 6 * 7\n")
    b = tmp_path / "b.js"
    b.write_text("function f() { throw new Error('b broke') }\nf()\n")
    code = main(["pool", "run", "-j", "2", str(a), str(b)])
    out = capsys.readouterr().out
    assert code == 1
    assert "==> %s <==\nfrom a\n" % a in out
    assert "Uncaught Error: b broke" in out
    assert "2 scripts, 1 ok, 1 failed, 2 workers" in out


def test_cli_pool_run_with_a_snapshot_file(tmp_path, capsys, lib_snapshot):
    from jsrt.cli import main
    snap = tmp_path / "lib.snap"
    snap.write_bytes(lib_snapshot.to_bytes())
    a = tmp_path / "a.js"
    a.write_text("console.log(lib.greet('cli')); lib.twice(4)\n")
    assert main(["pool", "run", "-j", "1", "--snapshot", str(snap), str(a)]) == 0
    out = capsys.readouterr().out
    assert "hello cli" in out and "1 scripts, 1 ok, 0 failed" in out
