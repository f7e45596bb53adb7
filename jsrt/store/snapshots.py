"""Snapshot store and code cache, in the same LMDB environment as the databases.

:class:`SnapshotStore` keeps realm snapshots content-addressed by sha256: a
name points to a hash, two names may share the bytes, and the bytes go away
with the last name that points to them.

:class:`CodeCache` keeps compiled units (opaque bytes) under opaque keys, with a
bound on their total size and least-recently-used eviction.  Uses are recorded
in memory by :meth:`CodeCache.get` and written to the LRU sub-databases by the
next :meth:`CodeCache.put` (or :meth:`CodeCache.flush`), in the same write
transaction that evicts.

Both store opaque bytes; verifying snapshot MACs is the snapshot module's job.
"""

from __future__ import annotations

import hashlib
import json
import re
import time

import lmdb

from .env import META_DB, pack_u64, run_write, unpack_u64
from .errors import DataError, NotFoundError

__all__ = ["SnapshotStore", "CodeCache"]

SNAP_NAMES = b"jsrt.snap.names"     # name (UTF-8) -> JSON info
SNAP_BLOBS = b"jsrt.snap.blobs"     # sha256 digest -> bytes
SNAP_REFS = b"jsrt.snap.refs"       # sha256 digest -> number of names (u64)

CC_DATA = b"jsrt.cc.data"           # internal key -> bytes
CC_LRU = b"jsrt.cc.lru"             # internal key -> last-use tick (u64)
CC_ORDER = b"jsrt.cc.order"         # tick (u64) + internal key -> b""
K_CC_TOTAL = b"cc.total"            # in jsrt.meta: total bytes held
K_CC_TICK = b"cc.tick"              # in jsrt.meta: last tick handed out

_SHA_RE = re.compile(r"[0-9a-f]{64}\Z")


def _read_handle(senv, txn, name: bytes):
    """The handle of an existing sub-database, or None if it was never created."""
    h = senv.handles.get(name)
    if h is not None:
        return h
    try:
        return senv.handle(name, txn)
    except lmdb.NotFoundError:
        return None


def _name_key(name: str) -> bytes:
    if not isinstance(name, str) or not name:
        raise DataError(f"a snapshot name must be a non-empty str, not {name!r}")
    key = name.encode("utf-8", "surrogatepass")
    if len(key) > 500:
        raise DataError(f"snapshot name {name[:40]!r}... is longer than 500 bytes")
    return key


class SnapshotStore:
    """``store.snapshots``: realm snapshots by name, content-addressed by sha256."""

    __slots__ = ("_store",)

    def __init__(self, store) -> None:
        self._store = store

    def put(self, name: str, data: bytes, meta: dict | None = None) -> str:
        """Store *data* under *name* (replacing what the name pointed to) and
        return its sha256 hex digest.  *meta* (JSON-serializable: engine tag,
        sources, ...) is kept with the name and returned by :meth:`info`."""
        senv = self._store._check()
        key = _name_key(name)
        data = bytes(data)
        sha = hashlib.sha256(data).hexdigest()
        digest = bytes.fromhex(sha)
        info = dict(meta or {})
        info.update(name=name, sha256=sha, size=len(data), created=time.time())
        try:
            record = json.dumps(info, ensure_ascii=True, sort_keys=True).encode("ascii")
        except (TypeError, ValueError) as exc:
            raise DataError(f"snapshot meta for {name!r} is not JSON-serializable: {exc}") from None

        def write(wb):
            for db in (SNAP_NAMES, SNAP_BLOBS, SNAP_REFS):
                wb.ensure_db(db)
            old = wb.get(SNAP_NAMES, key)
            old_digest = bytes.fromhex(json.loads(old)["sha256"]) if old is not None else None
            if old_digest != digest:
                if old_digest is not None:
                    self._decref(wb, old_digest)
                raw = wb.get(SNAP_REFS, digest)
                refs = unpack_u64(raw)[0] if raw else 0
                if refs == 0:
                    wb.put(SNAP_BLOBS, digest, data)
                wb.put(SNAP_REFS, digest, pack_u64(refs + 1))
            wb.put(SNAP_NAMES, key, record)

        run_write(senv, write)
        return sha

    @staticmethod
    def _decref(wb, digest: bytes) -> None:
        raw = wb.get(SNAP_REFS, digest)
        refs = unpack_u64(raw)[0] if raw else 1
        if refs <= 1:
            wb.delete(SNAP_REFS, digest)
            wb.delete(SNAP_BLOBS, digest)
        else:
            wb.put(SNAP_REFS, digest, pack_u64(refs - 1))

    def _lookup(self, txn, name_or_sha: str):
        """(info dict or None, digest or None)"""
        senv = self._store._senv
        names = _read_handle(senv, txn, SNAP_NAMES)
        if names is not None and isinstance(name_or_sha, str) and name_or_sha:
            raw = txn.get(name_or_sha.encode("utf-8", "surrogatepass")[:511], db=names)
            if raw is not None:
                info = json.loads(raw)
                return info, bytes.fromhex(info["sha256"])
        if isinstance(name_or_sha, str) and _SHA_RE.match(name_or_sha):
            return None, bytes.fromhex(name_or_sha)
        return None, None

    def get(self, name_or_sha: str) -> bytes:
        """The bytes stored under a name or sha256 hex digest (NotFoundError if none)."""
        senv = self._store._check()
        with senv.read() as txn:
            _info, digest = self._lookup(txn, name_or_sha)
            blobs = _read_handle(senv, txn, SNAP_BLOBS)
            data = None if digest is None or blobs is None else txn.get(digest, db=blobs)
        if data is None:
            raise NotFoundError(f"no snapshot named or hashed {name_or_sha!r}")
        return data

    def info(self, name_or_sha: str) -> dict:
        """The snapshot's info: name, sha256, size, created (epoch seconds) and the
        meta given to :meth:`put` (engine tag, sources, ...).  For a bare sha256,
        the names pointing to it are listed under ``names``."""
        senv = self._store._check()
        with senv.read() as txn:
            info, digest = self._lookup(txn, name_or_sha)
            if info is not None:
                return info
            blobs = _read_handle(senv, txn, SNAP_BLOBS)
            data = None if digest is None or blobs is None else txn.get(digest, db=blobs)
            if data is None:
                raise NotFoundError(f"no snapshot named or hashed {name_or_sha!r}")
            sha = digest.hex()
            names = [i["name"] for i in self._all(txn) if i["sha256"] == sha]
            return {"sha256": sha, "size": len(data), "names": names}

    def _all(self, txn) -> list[dict]:
        names = _read_handle(self._store._senv, txn, SNAP_NAMES)
        if names is None:
            return []
        return [json.loads(raw) for _k, raw in txn.cursor(db=names)]

    def list(self) -> list[dict]:
        """Info of every named snapshot, sorted by name."""
        senv = self._store._check()
        with senv.read() as txn:
            return self._all(txn)

    def delete(self, name: str) -> bool:
        """Remove *name*; its bytes go too if no other name points to them.
        Returns False if there was no such name."""
        senv = self._store._check()
        key = _name_key(name)

        def write(wb):
            for db in (SNAP_NAMES, SNAP_BLOBS, SNAP_REFS):
                wb.ensure_db(db)
            old = wb.get(SNAP_NAMES, key)
            if old is None:
                return False
            wb.delete(SNAP_NAMES, key)
            self._decref(wb, bytes.fromhex(json.loads(old)["sha256"]))
            return True

        return run_write(senv, write)

    def __contains__(self, name_or_sha: str) -> bool:
        try:
            self.get(name_or_sha)
        except NotFoundError:
            return False
        return True

    def stats(self) -> dict:
        senv = self._store._check()
        with senv.read() as txn:
            names = _read_handle(senv, txn, SNAP_NAMES)
            blobs = _read_handle(senv, txn, SNAP_BLOBS)
            count = txn.stat(names)["entries"] if names is not None else 0
            nblobs = 0
            total = 0
            if blobs is not None:
                for _k, v in txn.cursor(db=blobs):
                    nblobs += 1
                    total += len(v)
        return {"names": count, "blobs": nblobs, "bytes": total}


def _cc_key(key: bytes) -> bytes:
    key = bytes(key)
    if len(key) <= 400:
        return b"k" + key
    return b"h" + hashlib.sha256(key).digest()


class CodeCache:
    """``store.code_cache``: opaque bytes under opaque keys, at most
    ``max_bytes`` in total, least recently used evicted first."""

    __slots__ = ("_store", "max_bytes", "_touched")

    #: Pending uses are written out once this many have accumulated.
    FLUSH_AFTER = 4096

    def __init__(self, store, max_bytes: int) -> None:
        if max_bytes <= 0:
            raise ValueError("the code cache needs a positive size bound")
        self._store = store
        self.max_bytes = int(max_bytes)
        self._touched: dict[bytes, None] = {}

    def get(self, key: bytes):
        """The bytes cached under *key*, or None."""
        senv = self._store._check()
        ikey = _cc_key(key)
        with senv.read() as txn:
            h = _read_handle(senv, txn, CC_DATA)
            data = None if h is None else txn.get(ikey, db=h)
        if data is not None:
            touched = self._touched
            touched.pop(ikey, None)
            touched[ikey] = None
            if len(touched) >= self.FLUSH_AFTER:
                self.flush()
        return data

    def put(self, key: bytes, data: bytes) -> bool:
        """Cache *data* under *key*, evicting least recently used entries to stay
        within the bound.  Returns False if *data* alone exceeds the bound."""
        senv = self._store._check()
        ikey = _cc_key(key)
        data = bytes(data)
        size = len(ikey) + len(data)
        if size > self.max_bytes:
            return False
        touched = list(self._touched)
        self._touched.clear()

        def write(wb):
            self._ensure(wb)
            self._apply_touches(wb, touched)
            total = self._total(wb)
            old = wb.get(CC_DATA, ikey)
            if old is not None:
                total -= len(ikey) + len(old)
                self._remove(wb, ikey)
            # Evict from the least recently used end until the new entry fits.
            if total + size > self.max_bytes:
                cur = wb.txn.cursor(db=wb.senv.handles[CC_ORDER])
                victims = []
                freed = 0
                for okey in cur.iternext(values=False):
                    vkey = okey[8:]
                    vdata = wb.get(CC_DATA, vkey)
                    victims.append(vkey)
                    freed += len(vkey) + (len(vdata) if vdata is not None else 0)
                    if total - freed + size <= self.max_bytes:
                        break
                for vkey in victims:
                    self._remove(wb, vkey)
                total -= freed
            tick = self._next_tick(wb)
            wb.put(CC_DATA, ikey, data)
            wb.put(CC_LRU, ikey, pack_u64(tick))
            wb.put(CC_ORDER, pack_u64(tick) + ikey, b"")
            wb.put(META_DB, K_CC_TOTAL, pack_u64(total + size))
            return True

        return run_write(senv, write)

    def flush(self) -> None:
        """Write the recorded uses (last-use ticks) to the store."""
        if not self._touched:
            return
        senv = self._store._check()
        touched = list(self._touched)
        self._touched.clear()

        def write(wb):
            self._ensure(wb)
            self._apply_touches(wb, touched)

        run_write(senv, write)

    def clear(self) -> None:
        """Remove every cached entry."""
        senv = self._store._check()
        self._touched.clear()

        def write(wb):
            self._ensure(wb)
            for name in (CC_DATA, CC_LRU, CC_ORDER):
                wb.drop(name, False)
            wb.put(META_DB, K_CC_TOTAL, pack_u64(0))

        run_write(senv, write)

    def stats(self) -> dict:
        senv = self._store._check()
        with senv.read() as txn:
            h = _read_handle(senv, txn, CC_DATA)
            entries = txn.stat(h)["entries"] if h is not None else 0
            raw = txn.get(K_CC_TOTAL, db=senv.meta)
        return {"entries": entries, "bytes": unpack_u64(raw)[0] if raw else 0,
                "max_bytes": self.max_bytes}

    def __len__(self) -> int:
        return self.stats()["entries"]

    # -- helpers (inside a write transaction) ----------------------------------------------

    @staticmethod
    def _ensure(wb) -> None:
        for name in (CC_DATA, CC_LRU, CC_ORDER):
            wb.ensure_db(name)

    @staticmethod
    def _total(wb) -> int:
        raw = wb.get(META_DB, K_CC_TOTAL)
        return unpack_u64(raw)[0] if raw else 0

    @staticmethod
    def _next_tick(wb) -> int:
        raw = wb.get(META_DB, K_CC_TICK)
        tick = (unpack_u64(raw)[0] if raw else 0) + 1
        wb.put(META_DB, K_CC_TICK, pack_u64(tick))
        return tick

    def _apply_touches(self, wb, touched) -> None:
        for ikey in touched:
            old = wb.get(CC_LRU, ikey)
            if old is None:
                continue            # evicted meanwhile
            tick = self._next_tick(wb)
            wb.delete(CC_ORDER, old + ikey)
            wb.put(CC_LRU, ikey, pack_u64(tick))
            wb.put(CC_ORDER, pack_u64(tick) + ikey, b"")

    @staticmethod
    def _remove(wb, ikey: bytes) -> None:
        tick = wb.get(CC_LRU, ikey)
        if tick is not None:
            wb.delete(CC_ORDER, tick + ikey)
            wb.delete(CC_LRU, ikey)
        wb.delete(CC_DATA, ikey)
