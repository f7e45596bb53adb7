import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


@pytest.fixture
def realm():
    import jsrt
    out = []
    r = jsrt.Realm(console=lambda stream, text: out.append((stream, text)))
    r.output = out
    return r


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


def pytest_configure(config):
    # Tests never touch the user's real data/cache directories.
    import tempfile
    base = tempfile.mkdtemp(prefix="jsrt-test-")
    os.environ.setdefault("JSRT_HOME", os.path.join(base, "home"))
    os.environ.setdefault("JSRT_CACHE_DIR", os.path.join(base, "cache"))
