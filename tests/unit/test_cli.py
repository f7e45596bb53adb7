"""The ``jsrt`` command: run FILE / -e / -p, uncaught errors, syntax errors, the REPL."""

import subprocess
import sys

import jsrt


def jsrt_cmd(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "jsrt.cli", *args], capture_output=True,
                          text=True, input=stdin, timeout=120)


def test_run_file_with_arguments(tmp_path):
    f = tmp_path / "app.js"
    f.write_text("#!/usr/bin/env jsrt\nvar top = 1; console.log(globalThis.top, JSON.stringify(process.argv.slice(1)))")
    p = jsrt_cmd("run", str(f), "a", "--flag")
    assert p.returncode == 0, p.stderr
    assert p.stdout == '1 ["%s","a","--flag"]\n' % f


def test_eval_and_print():
    p = jsrt_cmd("run", "-e", "console.log(process.argv.slice(1).join())", "x", "y")
    assert (p.returncode, p.stdout) == (0, "x,y\n")
    p = jsrt_cmd("run", "-p", "({a: [1, 'two'], b: null})")
    assert p.stdout == "{ a: [ 1, 'two' ], b: null }\n"
    p = jsrt_cmd("run", "-p", "'str'")
    assert p.stdout == "str\n"


def test_uncaught_error_prints_name_message_and_stack(tmp_path):
    f = tmp_path / "boom.js"
    f.write_text("function inner() { throw new RangeError('too far') }\n"
                 "function outer() { inner() }\nouter()\n")
    p = jsrt_cmd("run", str(f))
    assert p.returncode == 1
    lines = p.stderr.splitlines()
    assert lines[0] == "Uncaught RangeError: too far"
    assert any("inner" in ln and "boom.js:1:" in ln for ln in lines[1:])
    assert any("outer" in ln and "boom.js:2:" in ln for ln in lines[1:])


def test_uncaught_non_error_value():
    p = jsrt_cmd("run", "-e", "throw {code: 7}")
    assert p.returncode == 1
    assert p.stderr.startswith("Uncaught")


def test_syntax_error_shows_location_line_and_caret(tmp_path):
    f = tmp_path / "bad.js"
    f.write_text("var a = 1;\nvar b = (a +;\n")
    p = jsrt_cmd("run", str(f))
    assert p.returncode == 1
    err = p.stderr.splitlines()
    assert err[0] == "%s:2:13" % f
    assert err[1] == "var b = (a +;"
    assert err[2] == " " * 12 + "^"
    assert "SyntaxError: Unexpected token ';'" in p.stderr


def test_missing_file_and_missing_arguments(tmp_path):
    p = jsrt_cmd("run", str(tmp_path / "nope.js"))
    assert p.returncode == 2 and "cannot read" in p.stderr
    p = jsrt_cmd("run")
    assert p.returncode == 2 and "FILE, -e CODE or -p EXPR is required" in p.stderr


def test_timers_and_promises_run_to_completion():
    p = jsrt_cmd("run", "-e", "setTimeout(() => console.log('t'), 5);"
                 "Promise.resolve().then(() => console.log('p')); console.log('s')")
    assert p.stdout == "s\np\nt\n"


def test_version_and_help():
    p = jsrt_cmd("--version")
    assert p.returncode == 0 and jsrt.__version__ in p.stdout
    p = jsrt_cmd("--help")
    assert p.returncode == 0 and "run" in p.stdout and "snapshot" in p.stdout


def test_repl_multiline_input_and_results():
    p = jsrt_cmd("repl", stdin="let x = 5;\nx * 2\nfunction f() {\n  return 3 }\nf() + x\n"
                               "({k: 'v'})\nnope\n.exit\n")
    assert p.returncode == 0
    results = [ln[2:] for ln in (p.stdout + p.stderr).splitlines() if ln.startswith("> ")]
    # one result per complete input; the function spans two lines ("... " prompt)
    assert results[:3] == ["undefined", "10", "... undefined"]
    assert results[3:5] == ["8", "{ k: 'v' }"]
    assert results[5].startswith("Uncaught ReferenceError: nope is not defined")
