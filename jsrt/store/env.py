"""The LMDB environment under a jsrt store.

One directory holds one LMDB environment with named sub-databases:

==================  =======================================================
``jsrt.meta``       marker + format version, id counter, schema generation,
                    one JSON schema per IndexedDB database, key generators
``jsrt.s.<id>``     records of one object store (encoded key -> value bytes)
``jsrt.i.<id>``     one index (dupsort: encoded index key -> encoded primary
                    key, so entries are ordered by (index key, primary key))
``jsrt.snap.*``     snapshots (see :mod:`jsrt.store.snapshots`)
``jsrt.cc.*``       the code cache
==================  =======================================================

LMDB forbids opening one environment twice in a process, so :func:`acquire`
keeps one :class:`StoreEnv` per directory and reference-counts it.

Map growth: LMDB's map has a fixed size.  A write transaction that hits
``MapFullError`` is aborted, the map is doubled, and the transaction's logged
mutations are replayed in a new write transaction -- but only if no other
process committed in between (checked with the transaction id); otherwise the
transaction fails with :class:`~jsrt.store.errors.AbortError`.
"""

from __future__ import annotations

import contextlib
import os
import struct
import threading
import weakref

import lmdb

from .errors import (AbortError, InvalidStateError, NotAStoreError, StoreError,
                     StoreFormatError)

__all__ = ["StoreEnv", "WriteBatch", "acquire", "default_path", "run_write", "FORMAT_VERSION"]

#: Version of the on-disk layout; a store with a newer version is refused.
FORMAT_VERSION = 1

META_DB = b"jsrt.meta"
K_FORMAT = b"format"
K_NEXT_ID = b"next_id"
K_SCHEMA_GEN = b"schema_gen"
K_DB_PREFIX = b"db\x00"
K_GEN_PREFIX = b"gen\x00"

#: Sub-databases every store has (snapshots and code cache, see snapshots.py).
FIXED_DBS = (b"jsrt.snap.names", b"jsrt.snap.blobs", b"jsrt.snap.refs",
             b"jsrt.cc.data", b"jsrt.cc.lru", b"jsrt.cc.order")

DEFAULT_MAP_SIZE = 64 << 20
DEFAULT_MAX_DBS = 4096
DEFAULT_MAX_READERS = 512

_u64 = struct.Struct(">Q")
pack_u64 = _u64.pack
unpack_u64 = _u64.unpack

# Replay-log operation codes.
OP_OPEN, OP_PUT, OP_DELETE, OP_DROP = range(4)


def default_path() -> str:
    """``$JSRT_HOME/store``, else ``$XDG_DATA_HOME/jsrt/store``, else
    ``~/.local/share/jsrt/store``."""
    home = os.environ.get("JSRT_HOME")
    if not home:
        xdg = os.environ.get("XDG_DATA_HOME") or os.path.join(
            os.path.expanduser("~"), ".local", "share")
        home = os.path.join(xdg, "jsrt")
    return os.path.join(home, "store")


def store_db_name(store_id: int) -> bytes:
    return b"jsrt.s.%x" % store_id


def index_db_name(index_id: int) -> bytes:
    return b"jsrt.i.%x" % index_id


def db_key(name: str) -> bytes:
    return K_DB_PREFIX + name.encode("utf-8", "surrogatepass")


def gen_key(store_id: int) -> bytes:
    return K_GEN_PREFIX + pack_u64(store_id)


_registry: dict[str, "StoreEnv"] = {}
_registry_lock = threading.Lock()


def acquire(path: str | None, *, map_size: int = DEFAULT_MAP_SIZE,
            max_dbs: int = DEFAULT_MAX_DBS, create: bool = True,
            sync: bool = True) -> "StoreEnv":
    """Open (or share) the environment in *path*; release with :meth:`StoreEnv.release`."""
    path = os.path.abspath(os.path.expanduser(path or default_path()))
    real = os.path.realpath(path)
    with _registry_lock:
        env = _registry.get(real)
        if env is not None and env.env is not None:
            env.refcount += 1
            return env
        env = StoreEnv(real, map_size=map_size, max_dbs=max_dbs, create=create, sync=sync)
        _registry[real] = env
        return env


def _inspect_directory(path: str, create: bool) -> bool:
    """Return True if *path* is absent or empty (a new store).  Raise
    NotAStoreError for a directory holding anything but LMDB's two files."""
    if not os.path.exists(path):
        if not create:
            raise NotAStoreError(f"no jsrt store at {path}")
        return True
    if not os.path.isdir(path):
        raise NotAStoreError(f"{path} is not a directory, so it cannot be a jsrt store")
    entries = set(os.listdir(path))
    extra = entries - {"data.mdb", "lock.mdb"}
    if extra:
        shown = ", ".join(sorted(extra)[:5]) + (", ..." if len(extra) > 5 else "")
        raise NotAStoreError(
            f"{path} is not a jsrt store: it contains other files ({shown}); "
            "choose an empty or new directory")
    if "data.mdb" not in entries:
        if not create:
            raise NotAStoreError(f"no jsrt store at {path}")
        return True
    return False


def _check_marker(env: lmdb.Environment, path: str) -> None:
    """Raise unless *env* carries our metadata marker with a format we read."""
    with env.begin() as txn:
        try:
            meta = env.open_db(META_DB, txn=txn, create=False)
        except lmdb.Error:
            raise NotAStoreError(
                f"{path} holds an LMDB database that is not a jsrt store "
                "(no jsrt metadata); refusing to touch it") from None
        raw = txn.get(K_FORMAT, db=meta)
    if raw is None:
        raise NotAStoreError(f"{path} is not a jsrt store (no format marker)")
    try:
        version = int(raw)
    except ValueError:
        raise StoreFormatError(f"{path}: unreadable format marker {raw[:20]!r}") from None
    if version > FORMAT_VERSION:
        raise StoreFormatError(
            f"{path} was written by a newer jsrt (store format {version}; this jsrt "
            f"reads format {FORMAT_VERSION}); upgrade jsrt to open it")


class StoreEnv:
    """One open LMDB environment, shared by every :class:`~jsrt.store.Store`
    for the same directory in this process."""

    __slots__ = ("path", "env", "meta", "refcount", "handles", "txn_opened", "evictions",
                 "schema_gen", "schemas", "active", "write_thread", "sync", "connections",
                 "__weakref__")

    def __init__(self, path: str, *, map_size: int, max_dbs: int, create: bool,
                 sync: bool) -> None:
        self.path = path
        self.refcount = 1
        self.handles: dict[bytes, object] = {}
        # Handles (LMDB "dbi"s) are only durable when opened by a write
        # transaction that commits: LMDB discards those opened by an aborted
        # transaction, and py-lmdb ends read transactions with a reset that
        # discards theirs.  So `handles` holds handles from committed (or still
        # running) write transactions, and each live transaction records what
        # it opened: (is_write, {name: handle}).
        self.txn_opened: dict[int, tuple[bool, dict]] = {}
        self.evictions = 0          # bumped whenever cached handles are dropped
        self.schema_gen = -1
        self.schemas: dict[str, object] = {}
        self.active: weakref.WeakSet = weakref.WeakSet()   # open Transaction objects
        self.connections: weakref.WeakSet = weakref.WeakSet()
        self.write_thread = None
        self.sync = sync
        fresh = _inspect_directory(path, create)
        if not fresh and not os.path.exists(os.path.join(path, "lock.mdb")):
            # Look before touching: a read-only, lock-free open creates no files.
            try:
                probe = lmdb.open(path, readonly=True, lock=False, max_dbs=4, subdir=True)
            except lmdb.Error as exc:
                raise NotAStoreError(f"{path} is not a jsrt store ({exc})") from None
            try:
                _check_marker(probe, path)
            finally:
                probe.close()
        if fresh:
            os.makedirs(path, exist_ok=True)
        try:
            self.env = lmdb.open(path, map_size=map_size, max_dbs=max_dbs, subdir=True,
                                 max_readers=DEFAULT_MAX_READERS, sync=sync, lock=True)
        except lmdb.InvalidError as exc:
            raise NotAStoreError(f"{path} is not a jsrt store ({exc})") from None
        except lmdb.VersionMismatchError as exc:
            raise StoreFormatError(f"{path}: LMDB version mismatch ({exc})") from None
        try:
            if not fresh:
                _check_marker(self.env, path)
            else:
                self._initialize()
            self.env.reader_check()         # clear reader slots of dead processes
            self.ensure_handles([(META_DB, False)])
            self.meta = self.handles[META_DB]
            self.ensure_handles([(name, False) for name in FIXED_DBS], create=True)
        except BaseException:
            self.env.close()
            self.env = None
            raise

    def _initialize(self) -> None:
        """Write the marker into a new store (idempotent across racing processes)."""
        txn = self.begin_raw(write=True)
        try:
            for key in txn.cursor().iternext(values=False):
                if not key.startswith(b"jsrt."):
                    # A data.mdb with foreign named databases must not be adopted.
                    raise NotAStoreError(f"{self.path} holds a foreign LMDB database")
            meta = self.handle(META_DB, txn, create=True)
            if txn.get(K_FORMAT, db=meta) is None:
                txn.put(K_FORMAT, str(FORMAT_VERSION).encode(), db=meta)
                txn.put(K_NEXT_ID, pack_u64(1), db=meta)
                txn.put(K_SCHEMA_GEN, pack_u64(0), db=meta)
        except BaseException:
            self.end_txn(txn, commit=False)
            raise
        else:
            self.end_txn(txn, commit=True)
        finally:
            self.end_write()

    # -- lifetime -------------------------------------------------------------

    def release(self) -> None:
        with _registry_lock:
            self.refcount -= 1
            if self.refcount > 0 or self.env is None:
                return
            if _registry.get(self.path) is self:
                del _registry[self.path]
            for tx in list(self.active):
                tx._invalidate("the store was closed")
            self.env.close()
            self.env = None
            self.handles.clear()

    def check_open(self) -> lmdb.Environment:
        env = self.env
        if env is None:
            raise InvalidStateError(f"the store at {self.path} is closed")
        return env

    # -- transactions ---------------------------------------------------------

    def begin_raw(self, write: bool = False) -> lmdb.Transaction:
        """Begin an LMDB transaction, adopting a map grown by another process."""
        env = self.check_open()
        if write:
            me = threading.get_ident()
            if self.write_thread == me:
                raise InvalidStateError(
                    "another readwrite transaction on this store is still open in this "
                    "thread; commit or abort it first (LMDB allows one writer at a time)")
        for _attempt in range(3):
            try:
                txn = env.begin(write=write)
                break
            except lmdb.MapResizedError:
                self.adopt_map_size()
        else:  # pragma: no cover - three resizes in a row
            raise StoreError("could not adopt the map size grown by another process")
        if write:
            self.write_thread = threading.get_ident()
        self.txn_opened[id(txn)] = (write, {})
        return txn

    def end_txn(self, txn, commit: bool = True) -> None:
        """Commit or abort an LMDB transaction begun with :meth:`begin_raw`.

        Read transactions should end with ``commit=True`` (for reads it is the
        same thing, and it keeps the handles they opened valid).  Handles opened
        by an aborted (or failed) transaction are forgotten.
        """
        info = self.txn_opened.pop(id(txn), None)
        names = info[1] if info is not None and info[0] else ()
        ok = False
        try:
            if commit:
                txn.commit()
                ok = True
            else:
                try:
                    txn.abort()
                except lmdb.Error:
                    pass            # already gone (the environment closed or resized)
        finally:
            if not ok:
                self.forget_handles(names)

    @contextlib.contextmanager
    def read(self):
        """A short read transaction: ``with senv.read() as txn: ...``."""
        txn = self.begin_raw(write=False)
        try:
            yield txn
        finally:
            self.end_txn(txn, commit=True)

    def end_write(self) -> None:
        if self.write_thread == threading.get_ident():
            self.write_thread = None

    def adopt_map_size(self) -> None:
        self._invalidate_readers("the store's map was resized")
        self.env.set_mapsize(0)

    def grow(self) -> None:
        """Double the map (called with no write transaction open in this process)."""
        env = self.check_open()
        info = env.info()
        used = (info["last_pgno"] + 1) * env.stat()["psize"]
        new_size = max(info["map_size"] * 2, used * 2)
        self._invalidate_readers("the store's map grew while it was open")
        env.set_mapsize(new_size)

    def _invalidate_readers(self, why: str) -> None:
        for tx in list(self.active):
            if tx._writer is None:
                tx._invalidate(why)
                self.txn_opened.pop(id(tx._txn), None)

    # -- handles --------------------------------------------------------------

    def handle(self, name: bytes, txn: lmdb.Transaction, *, create: bool = False,
               dupsort: bool = False):
        """The handle for the named sub-database, usable in *txn*.

        Cached handles come from committed write transactions.  A write
        transaction caches what it opens (forgotten again if it aborts); a read
        transaction keeps what it has to open to itself.
        """
        h = self.handles.get(name)
        if h is not None:
            return h
        info = self.txn_opened.get(id(txn))
        if info is not None:
            h = info[1].get(name)
            if h is not None:
                return h
        h = self.env.open_db(name, txn=txn, create=create and (info is None or info[0]),
                             dupsort=dupsort)
        if info is None or info[0]:
            self.handles[name] = h
        if info is not None:
            info[1][name] = h
        return h

    def ensure_handles(self, specs, create: bool = False) -> None:
        """Open (in a short write transaction, so they last) the handles in
        *specs* -- ``(name, dupsort)`` pairs -- that are not cached yet.

        Called before read transactions begin, because LMDB does not let a
        transaction use a handle opened after it began.  Skipped while a thread of
        this process holds the write transaction (reads then open handles for
        themselves).
        """
        missing = [spec for spec in specs if spec[0] not in self.handles]
        if not missing or self.write_thread is not None:
            return          # a writer in this process holds the lock: do not wait for it
        txn = self.begin_raw(write=True)
        try:
            for name, dupsort in missing:
                try:
                    self.handle(name, txn, create=create, dupsort=dupsort)
                except lmdb.NotFoundError:
                    pass                    # deleted meanwhile by another process
        except BaseException:
            self.end_txn(txn, commit=False)
            self.end_write()
            raise
        try:
            self.end_txn(txn, commit=True)
        finally:
            self.end_write()

    def forget_handles(self, names) -> None:
        for name in names:
            if self.handles.pop(name, None) is not None:
                self.evictions += 1

    # -- schema cache -----------------------------------------------------------

    def schema_gen_of(self, txn: lmdb.Transaction) -> int:
        raw = txn.get(K_SCHEMA_GEN, db=self.meta)
        return unpack_u64(raw)[0] if raw else 0


class WriteBatch:
    """One LMDB write transaction plus a log of its mutations, so that the
    transaction can be replayed after the map grows."""

    __slots__ = ("senv", "txn", "log", "base_id", "epoch", "owner")

    def __init__(self, senv: StoreEnv) -> None:
        self.senv = senv
        self.txn = senv.begin_raw(write=True)
        self.base_id = self.txn.id()
        self.log: list = []
        self.epoch = 0
        self.owner = None           # the Transaction, told when the log was replayed

    # The mutation methods retry once the map has grown.

    def open_db(self, name: bytes, dupsort: bool = False):
        """Open (creating if needed) a sub-database in this transaction."""
        while True:
            try:
                h = self.senv.handle(name, self.txn, create=True, dupsort=dupsort)
                break
            except lmdb.MapFullError:
                self.recover()
        self.log.append((OP_OPEN, name, dupsort))
        return h

    def ensure_db(self, name: bytes, dupsort: bool = False):
        """The handle of *name*, creating the sub-database if it does not exist."""
        h = self.senv.handles.get(name)
        if h is not None:
            return h
        try:
            return self.senv.handle(name, self.txn)
        except lmdb.NotFoundError:
            return self.open_db(name, dupsort)

    def put(self, name: bytes, key: bytes, value: bytes, overwrite: bool = True) -> bool:
        while True:
            try:
                ok = self.txn.put(key, value, db=self.senv.handle(name, self.txn),
                                  overwrite=overwrite)
                break
            except lmdb.MapFullError:
                self.recover()
        if ok:
            self.log.append((OP_PUT, name, key, value, overwrite))
        return ok

    def delete(self, name: bytes, key: bytes, value: bytes = b"") -> bool:
        while True:
            try:
                ok = self.txn.delete(key, value, db=self.senv.handle(name, self.txn))
                break
            except lmdb.MapFullError:
                self.recover()
        if ok:
            self.log.append((OP_DELETE, name, key, value))
        return ok

    def drop(self, name: bytes, delete: bool) -> None:
        while True:
            try:
                self.txn.drop(self.senv.handle(name, self.txn), delete=delete)
                break
            except lmdb.MapFullError:
                self.recover()
        if delete:
            self.senv.forget_handles((name,))
        self.log.append((OP_DROP, name, delete))

    def get(self, name: bytes, key: bytes):
        return self.txn.get(key, db=self.senv.handle(name, self.txn))

    def recover(self) -> None:
        """The map is full: abort, grow the map, and replay the log in a new
        write transaction, so that "a readwrite transaction is one LMDB write
        transaction" stays true.  Fails with AbortError if another process
        committed in between (the replay would no longer be faithful)."""
        senv = self.senv
        while True:
            if self.txn is not None:
                try:
                    senv.end_txn(self.txn, commit=False)
                except lmdb.Error:  # pragma: no cover - already dead after a failed commit
                    pass
                senv.end_write()
            senv.grow()
            self.txn = senv.begin_raw(write=True)
            self.epoch += 1
            if self.txn.id() != self.base_id:
                senv.end_txn(self.txn, commit=False)
                senv.end_write()
                self.txn = None
                error = AbortError(
                    "transaction aborted: the store's map had to grow and another "
                    "process committed meanwhile; run the transaction again")
                if self.owner is not None:
                    self.owner._abort(error)
                raise error
            try:
                self._replay()
            except lmdb.MapFullError:
                continue
            if self.owner is not None:
                self.owner._after_replay()
            return

    def _replay(self) -> None:
        senv = self.senv
        txn = self.txn
        for entry in self.log:
            op = entry[0]
            if op == OP_PUT:
                txn.put(entry[2], entry[3], db=senv.handle(entry[1], txn), overwrite=entry[4])
            elif op == OP_DELETE:
                txn.delete(entry[2], entry[3], db=senv.handle(entry[1], txn))
            elif op == OP_OPEN:
                senv.handle(entry[1], txn, create=True, dupsort=entry[2])
            else:
                txn.drop(senv.handle(entry[1], txn), delete=entry[2])
                if entry[2]:
                    senv.forget_handles((entry[1],))

    def commit(self) -> None:
        while True:
            txn = self.txn
            try:
                self.senv.end_txn(txn, commit=True)
                break
            except lmdb.MapFullError:
                # LMDB aborted the transaction; grow, replay and commit again.
                self.recover()
        self.senv.end_write()
        self.txn = None

    def abort(self) -> None:
        if self.txn is not None:
            try:
                self.senv.end_txn(self.txn, commit=False)
            finally:
                self.senv.end_write()
                self.txn = None


def run_write(senv: StoreEnv, fn):
    """Run ``fn(batch)`` in one write transaction and commit it."""
    batch = WriteBatch(senv)
    try:
        result = fn(batch)
    except BaseException:
        batch.abort()
        raise
    batch.commit()
    return result
