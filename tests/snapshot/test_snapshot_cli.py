"""The snapshot commands: ``jsrt snapshot build / info`` and ``jsrt run --snapshot``."""

import subprocess
import sys

import pytest

from jsrt.cli import main


def run_cli(*args):
    """Run ``jsrt ARGS`` in a fresh process (its console writes to the real stdout)."""
    return subprocess.run([sys.executable, "-m", "jsrt.cli", *args], capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def app_snapshot(tmp_path):
    lib = tmp_path / "lib.js"
    lib.write_text("var lib = { greet: function (n) { return 'hi ' + n } }; lib.greet('x')")
    more = tmp_path / "more.js"
    more.write_text("var counter = 0; function bump() { return ++counter } 42")
    out = tmp_path / "app.snap"
    assert main(["snapshot", "build", "-o", str(out), str(lib), str(more)]) == 0
    return out


def test_build_and_info(app_snapshot, capsys):
    capsys.readouterr()
    assert main(["snapshot", "info", str(app_snapshot)]) == 0
    info = capsys.readouterr().out
    assert "engine tag" in info and "jsrt-" in info
    assert "sources     2" in info and "lib.js" in info and "more.js" in info
    assert "values      2" in info


def test_run_with_snapshot_has_the_globals_and_host_apis(app_snapshot, tmp_path):
    main_js = tmp_path / "main.js"
    main_js.write_text("console.log(lib.greet('snap'), bump(), bump(), typeof Math.random(),"
                       " typeof setTimeout)")
    p = run_cli("run", "--snapshot", str(app_snapshot), str(main_js))
    assert p.returncode == 0, p.stderr
    assert p.stdout == "hi snap 1 2 number function\n"
    # every run starts from the snapshot, not from the previous run's state
    p = run_cli("run", "--snapshot", str(app_snapshot), "-p", "bump()")
    assert p.stdout == "1\n"


def test_bad_snapshot_files_are_clean_errors(tmp_path, app_snapshot, capsys):
    bad = tmp_path / "bad.snap"
    bad.write_bytes(b"garbage")
    assert main(["run", "--snapshot", str(bad), "-e", "1"]) == 2
    assert capsys.readouterr().err == "jsrt: cannot load snapshot %s: truncated snapshot: 7 bytes\n" % bad
    data = bytearray(app_snapshot.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    assert main(["run", "--snapshot", str(bad), "-e", "1"]) == 2
    assert "MAC mismatch" in capsys.readouterr().err
    missing = tmp_path / "missing.snap"
    assert main(["run", "--snapshot", str(missing), "-e", "1"]) == 2
    assert capsys.readouterr().err.startswith("jsrt: cannot read snapshot %s: " % missing)


def test_build_reports_a_script_that_throws(tmp_path, capsys):
    bad = tmp_path / "throws.js"
    bad.write_text("throw new TypeError('nope')")
    assert main(["snapshot", "build", "-o", str(tmp_path / "x.snap"), str(bad)]) == 1
    assert "throws.js threw: TypeError: nope" in capsys.readouterr().err
    assert not (tmp_path / "x.snap").exists()


def test_build_names_an_uncapturable_value(tmp_path, capsys):
    src = tmp_path / "gen.js"
    src.write_text("function* g() { yield 1; yield 2 } var it = g(); it.next(); it")
    assert main(["snapshot", "build", "-o", str(tmp_path / "x.snap"), str(src)]) == 1
    err = capsys.readouterr().err
    assert "cannot capture a suspended generator" in err
    assert "at arguments[0]" in err or "at globalThis.it" in err
