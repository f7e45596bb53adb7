"""Fetch real npm packages (``npm pack NAME``) into a cache directory at test or
benchmark time. Nothing fetched is ever committed.

The cache lives in $JSRT_NPM_CACHE, else ~/.cache/jsrt-npm (shared between runs
so that CI fetches each package once per machine).
"""

import os
import shutil
import subprocess
import tarfile
import threading

PINNED = {
    "lodash": "4.17.21",
    "underscore": "1.13.6",
    "moment": "2.29.4",
    "marked": "4.3.0",
    "esprima": "4.0.1",
    "acorn": "8.11.3",
}

_lock = threading.Lock()


def cache_root():
    return os.environ.get("JSRT_NPM_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "jsrt-npm")


class NpmUnavailable(Exception):
    pass


def package_dir(name):
    """The unpacked package directory, fetching it with `npm pack` if needed."""
    version = PINNED.get(name)
    spec = "%s@%s" % (name, version) if version else name
    root = cache_root()
    dest = os.path.join(root, spec.replace("/", "_"))
    marker = os.path.join(dest, ".complete")
    if os.path.exists(marker):
        return os.path.join(dest, "package")
    npm = shutil.which("npm")
    if npm is None:
        raise NpmUnavailable("npm is not installed")
    with _lock:
        if os.path.exists(marker):
            return os.path.join(dest, "package")
        os.makedirs(dest, exist_ok=True)
        try:
            p = subprocess.run([npm, "pack", spec, "--silent"], cwd=dest, capture_output=True,
                               text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise NpmUnavailable("npm pack %s failed: %s" % (spec, e))
        if p.returncode != 0:
            raise NpmUnavailable("npm pack %s failed: %s" % (spec, p.stderr.strip()[-300:]))
        tgz = [f for f in os.listdir(dest) if f.endswith(".tgz")]
        if not tgz:
            raise NpmUnavailable("npm pack %s produced no tarball" % spec)
        with tarfile.open(os.path.join(dest, tgz[0])) as tf:
            for m in tf.getmembers():
                if m.name.startswith("/") or ".." in m.name.split("/"):
                    raise NpmUnavailable("unsafe path in %s: %s" % (tgz[0], m.name))
            tf.extractall(dest)
        with open(marker, "w") as f:
            f.write(spec)
    return os.path.join(dest, "package")


def fetch_package_file(name, relpath):
    """The text of one file of a package (e.g. fetch_package_file('lodash', 'lodash.js'))."""
    with open(os.path.join(package_dir(name), relpath), encoding="utf-8") as f:
        return f.read()
