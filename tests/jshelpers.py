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
