import os
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


from jshelpers import node_available, run_js, run_node  # noqa: F401,E402  (older imports)


def pytest_configure(config):
    # Tests never touch the user's real data/cache directories.
    import tempfile
    base = tempfile.mkdtemp(prefix="jsrt-test-")
    os.environ.setdefault("JSRT_HOME", os.path.join(base, "home"))
    os.environ.setdefault("JSRT_CACHE_DIR", os.path.join(base, "cache"))
