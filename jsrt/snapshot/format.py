"""The realm snapshot container: magic, version, engine tag, sections, HMAC.

Layout (all integers big-endian)::

    magic        8  b"JSRTSNAP"
    version      2  FORMAT_VERSION
    tag length   2, engine tag (ASCII)
    meta length  4, meta (JSON, UTF-8): sources, value origins, counts
    units length 4, compiled units (marshal; only read when the tag matches)
    heap length  8, heap (a stream of pickles; only read when the tag matches)
    mac          32 HMAC-SHA256 over everything before it

The MAC is checked before any other byte is interpreted; marshal and pickle
never see bytes whose MAC did not verify (DESIGN.md, "Realm snapshots").  The
meta JSON is parsed on first use (instantiating does not need it).

Version 2: the heap as waves of object records (snapshot/heap.py); units with
an index, their sources shared with the meta's.
"""

import hashlib
import hmac
import importlib.util
import json
import os
import struct
import sys

from ..errors import SnapshotError

MAGIC = b"JSRTSNAP"
FORMAT_VERSION = 2
MAC_SIZE = 32
_HEADER = struct.Struct(">8sHH")


_tag = []


def build_fingerprint():
    """A hash of the engine's own source (compiler, runtime, built-ins): compiled
    code and heaps are only valid for the exact code that made them."""
    pkg = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    h = hashlib.sha256()
    for sub in ("compiler", "runtime", "builtins", "snapshot", ""):
        d = os.path.join(pkg, sub)
        for name in sorted(os.listdir(d)):
            if name.endswith(".py"):
                with open(os.path.join(d, name), "rb") as f:
                    h.update(name.encode() + b"\0" + f.read())
    return h.hexdigest()[:12]


def engine_tag():
    """jsrt version + build fingerprint + Python cache tag + bytecode magic: code
    objects are only reusable by exactly this engine."""
    if not _tag:
        from .. import __version__
        _tag.append("jsrt-%s+%s/%s/%s" % (__version__, build_fingerprint(),
                                          sys.implementation.cache_tag,
                                          importlib.util.MAGIC_NUMBER.hex()))
    return _tag[0]


def data_dir():
    """The user's jsrt data directory ($JSRT_HOME, else XDG data home)."""
    home = os.environ.get("JSRT_HOME")
    if home:
        return home
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "jsrt")


def key_path():
    return os.path.join(data_dir(), "snapshot.key")


_key_cache = {}


def load_key(key=None):
    """The MAC key: ``key=`` (bytes or str), else $JSRT_SNAPSHOT_KEY, else the per-installation
    key file (created with 0600 permissions on first use)."""
    if key is not None:
        return key.encode() if isinstance(key, str) else bytes(key)
    env = os.environ.get("JSRT_SNAPSHOT_KEY")
    if env:
        return env.encode()
    path = key_path()
    cached = _key_cache.get(path)
    if cached is not None:
        return cached
    try:
        with open(path, "rb") as f:
            k = f.read()
        if len(k) < 16:
            raise SnapshotError("snapshot key file %s is too short (corrupt?)" % path)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        k = os.urandom(32)
        fd = os.open(path + ".tmp%d" % os.getpid(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, k)
        finally:
            os.close(fd)
        try:
            os.link(path + ".tmp%d" % os.getpid(), path)
        except FileExistsError:
            with open(path, "rb") as f:
                k = f.read()
        finally:
            os.unlink(path + ".tmp%d" % os.getpid())
    _key_cache[path] = k
    return k


def seal(meta, units, heap, key=None):
    """Assemble and sign a snapshot."""
    tag = engine_tag().encode("ascii")
    m = json.dumps(meta, separators=(",", ":"), ensure_ascii=True).encode()
    parts = [_HEADER.pack(MAGIC, FORMAT_VERSION, len(tag)), tag,
             struct.pack(">I", len(m)), m,
             struct.pack(">I", len(units)), units,
             struct.pack(">Q", len(heap)), heap]
    body = b"".join(parts)
    mac = hmac.new(load_key(key), body, hashlib.sha256).digest()
    return body + mac


class Opened:
    """A verified snapshot's sections."""
    __slots__ = ("tag", "_meta", "_meta_bytes", "units", "heap")

    def __init__(self, tag, meta_bytes, units, heap):
        self.tag = tag
        self._meta = None
        self._meta_bytes = meta_bytes
        self.units = units
        self.heap = heap

    @property
    def meta(self):
        """The meta section (JSON), parsed on first use."""
        m = self._meta
        if m is None:
            try:
                m = json.loads(bytes(self._meta_bytes).decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as e:
                raise SnapshotError("malformed snapshot: meta: %s" % e) from None
            if type(m) is not dict:
                raise SnapshotError("malformed snapshot: meta is not an object")
            self._meta = m
        return m


def open_sealed(data, key=None):
    """Verify the MAC, then split the sections. Raises SnapshotError on any problem."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise SnapshotError("snapshot data must be bytes, not %s" % type(data).__name__)
    data = bytes(data)
    if len(data) == 0:
        raise SnapshotError("empty snapshot data")
    if len(data) < _HEADER.size + MAC_SIZE:
        raise SnapshotError("truncated snapshot: %d bytes" % len(data))
    if data[:8] != MAGIC:
        raise SnapshotError("not a jsrt realm snapshot (bad magic %r)" % data[:8])
    # Slices of a memoryview: the sections of a large snapshot are not copied.
    body, mac = memoryview(data)[:-MAC_SIZE], data[-MAC_SIZE:]
    want = hmac.new(load_key(key), body, hashlib.sha256).digest()
    if not hmac.compare_digest(mac, want):
        raise SnapshotError("snapshot MAC mismatch: the data was modified, truncated, or "
                            "signed with a different key")
    magic, version, taglen = _HEADER.unpack_from(body, 0)
    if version != FORMAT_VERSION:
        raise SnapshotError("unsupported snapshot format version %d (this jsrt reads %d)"
                            % (version, FORMAT_VERSION))
    pos = _HEADER.size
    try:
        tag = bytes(body[pos:pos + taglen]).decode("ascii")
        pos += taglen
        (mlen,) = struct.unpack_from(">I", body, pos)
        pos += 4
        meta = body[pos:pos + mlen]
        pos += mlen
        (ulen,) = struct.unpack_from(">I", body, pos)
        pos += 4
        units = body[pos:pos + ulen]
        pos += ulen
        (hlen,) = struct.unpack_from(">Q", body, pos)
        pos += 8
        heap = body[pos:pos + hlen]
        pos += hlen
    except (struct.error, UnicodeDecodeError, ValueError) as e:
        raise SnapshotError("malformed snapshot: %s" % e) from None
    if pos != len(body) or len(meta) != mlen or len(units) != ulen or len(heap) != hlen:
        raise SnapshotError("malformed snapshot: section lengths do not add up")
    return Opened(tag, meta, units, heap)
