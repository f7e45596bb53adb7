"""Helpers for tests that run JS snippets (imported by name: tests/ is on sys.path)."""

import shutil
import subprocess


def run_js(source, filename="test.js"):
    """Run a script in a fresh realm (event loop included) and return its stdout text."""
    import jsrt
    out = []
    r = jsrt.Realm(console=lambda stream, text: out.append(text) if stream == "stdout" else None)
    r.eval(source, filename)
    r.run()
    return "".join(out)


def node_available():
    return shutil.which("node") is not None


def run_node(source):
    p = subprocess.run(["node", "-e", source], capture_output=True, text=True, timeout=60)
    return p.stdout


def node_table_tests(cases):
    """The two tests of a table of (script, the output node prints) rows: each row run
    in a fresh jsrt realm, and (marked ``node``, skipped without node) each row's
    expected output checked against node itself.  A test module binds them to names
    starting with ``test_`` so that pytest collects them."""
    import pytest

    @pytest.mark.parametrize("src,expected", cases)
    def test_rows_in_jsrt(src, expected):
        assert run_js(src) == expected

    @pytest.mark.node
    @pytest.mark.skipif(not node_available(), reason="node is not installed")
    @pytest.mark.parametrize("src,expected", cases)
    def test_rows_match_node(src, expected):
        assert run_node(src) == expected

    return test_rows_in_jsrt, test_rows_match_node
