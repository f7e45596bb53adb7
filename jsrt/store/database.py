"""The store (IDBFactory) and database connections (IDBDatabase).

https://w3c.github.io/IndexedDB/#factory-interface and
https://w3c.github.io/IndexedDB/#database-interface

The API is synchronous and takes plain arguments, so a JS ``indexedDB``
request/event layer can sit on top: ``open_database`` runs the "open a
database connection" steps (with the upgrade callback standing in for the
``upgradeneeded`` event), ``delete_database`` the "delete a database" steps.
"""

from __future__ import annotations

import os

from .codec import PythonValueCodec, ValueCodec
from .env import (DEFAULT_MAP_SIZE, DEFAULT_MAX_DBS, K_DB_PREFIX, K_SCHEMA_GEN, META_DB,
                  WriteBatch, acquire, db_key, gen_key, pack_u64, run_write)
from .errors import (AbortError, ConstraintError, InvalidAccessError, InvalidStateError,
                     NotFoundError, VersionError)
from .keys import validate_key_path
from .schema import DatabaseMeta, StoreMeta, code_unit_order
from .transaction import ACTIVE, Transaction, begin_transaction

__all__ = ["Store", "Database", "open", "DEFAULT_CODE_CACHE_SIZE"]

DEFAULT_CODE_CACHE_SIZE = 256 << 20
_UNLOADED = object()


def open(path: str | os.PathLike | None = None, *, map_size: int = DEFAULT_MAP_SIZE,
         max_dbs: int = DEFAULT_MAX_DBS, code_cache_size: int = DEFAULT_CODE_CACHE_SIZE,
         create: bool = True, sync: bool = True) -> "Store":
    """Open (or create) the jsrt store in *path*.

    *path* defaults to ``$JSRT_HOME/store`` (else ``$XDG_DATA_HOME/jsrt/store``,
    else ``~/.local/share/jsrt/store``).  A directory that holds anything else
    raises :class:`~jsrt.store.NotAStoreError` and is left untouched; a store of
    a newer format raises :class:`~jsrt.store.StoreFormatError`.

    *map_size* is the initial LMDB map size (it doubles whenever it fills up);
    *code_cache_size* bounds the code cache; ``sync=False`` trades durability
    on power loss for speed (process crashes never lose committed data).
    """
    senv = acquire(None if path is None else os.fspath(path), map_size=map_size,
                   max_dbs=max_dbs, create=create, sync=sync)
    return Store(senv, code_cache_size)


def _load_schema(senv, txn, name: str):
    raw = txn.get(db_key(name), db=senv.meta)
    return None if raw is None else DatabaseMeta.from_bytes(raw)


def _schema_for(senv, txn, name: str):
    """The database's schema as of *txn*'s snapshot, via the process-wide cache."""
    gen = senv.schema_gen_of(txn)
    if gen == senv.schema_gen:
        meta = senv.schemas.get(name, _UNLOADED)
        if meta is _UNLOADED:
            meta = senv.schemas[name] = _load_schema(senv, txn, name)
        return meta
    meta = _load_schema(senv, txn, name)
    if gen > senv.schema_gen:
        senv.schema_gen = gen
        senv.schemas = {name: meta}
    return meta


class Store:
    """A jsrt store: the databases, snapshots and code cache in one directory
    (the ``indexedDB`` factory for this directory)."""

    __slots__ = ("_senv", "path", "_closed", "_snapshots", "_code_cache", "_code_cache_size",
                 "__weakref__")

    def __init__(self, senv, code_cache_size: int = DEFAULT_CODE_CACHE_SIZE) -> None:
        self._senv = senv
        self.path = senv.path
        self._closed = False
        self._snapshots = None
        self._code_cache = None
        self._code_cache_size = code_cache_size

    def __repr__(self) -> str:
        return f"<jsrt.store.Store {self.path!r}{' closed' if self._closed else ''}>"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close this handle (the environment closes with its last handle)."""
        if not self._closed:
            self._closed = True
            if self._code_cache is not None:
                try:
                    self._code_cache.flush()
                except Exception:  # pragma: no cover - best effort on close
                    pass
            for conn in list(self._senv.connections):
                if conn._store is self:
                    conn._closed = True
            self._senv.release()

    def _check(self):
        if self._closed:
            raise InvalidStateError(f"the store at {self.path} is closed")
        return self._senv

    # -- databases (IDBFactory) ------------------------------------------------------

    def open_database(self, name: str, version: int | None = None, upgrade=None, *,
                      codec: ValueCodec | None = None) -> "Database":
        """Open a connection to database *name*, creating or upgrading it.

        If *version* is greater than the stored version (a new database has
        version 0), ``upgrade(db, tx, old_version, new_version)`` runs inside one
        versionchange transaction; an exception from it (or ``tx.abort()``)
        rolls the whole upgrade back and is re-raised (AbortError for an explicit
        abort).  A lower version raises VersionError.
        https://w3c.github.io/IndexedDB/#open-a-database-connection
        """
        senv = self._check()
        name = str(name)
        if version is not None and (isinstance(version, bool) or not isinstance(version, int)
                                    or version < 1):
            raise TypeError(f"version must be a positive int, not {version!r}")
        codec = codec if codec is not None else PythonValueCodec()
        with senv.read() as txn:
            meta = _schema_for(senv, txn, name)
        old = meta.version if meta is not None else 0
        if version is None:
            version = old or 1
        if version < old:
            raise VersionError(f"database {name!r} is at version {old}; it cannot be opened "
                               f"with the lower version {version}")
        if version == old:
            db = Database(self, meta, codec)
            db._ensure_handles()
            return db
        return self._upgrade(name, version, upgrade, codec)

    def _upgrade(self, name: str, version: int, upgrade, codec) -> "Database":
        """https://w3c.github.io/IndexedDB/#run-an-upgrade-transaction"""
        senv = self._senv
        writer = WriteBatch(senv)
        try:
            # Re-read inside the write transaction: another process may have won.
            meta = _load_schema(senv, writer.txn, name)
            old = meta.version if meta is not None else 0
            if version < old:
                raise VersionError(f"database {name!r} is at version {old}; it cannot be "
                                   f"opened with the lower version {version}")
            if version == old:
                writer.abort()
                return Database(self, meta, codec)
        except BaseException:
            writer.abort()
            raise
        # Other connections in this process are told (the spec's versionchange event).
        for conn in list(senv.connections):
            if conn.name == name and not conn._closed and conn.on_versionchange is not None:
                conn.on_versionchange(conn, old, version)
        if meta is None:
            working = DatabaseMeta(name, version, codec.name)
        else:
            working = meta.copy()
            working.version = version
        db = Database(self, working, codec)
        db._committed = meta
        tx = Transaction(db, None, "versionchange", writer.txn, writer, working)
        if meta is None:
            working.uid = tx._allocate_id()
        db._upgrade_tx = tx
        db._old_version = old
        try:
            if upgrade is not None:
                upgrade(db, tx, old, version)
            if tx._state is not ACTIVE:
                db._closed = True
                raise AbortError(f"the upgrade of database {name!r} to version {version} was "
                                 "aborted") from tx.error
            tx.commit()
        except BaseException as exc:
            if tx._state is ACTIVE:
                tx._abort(exc if isinstance(exc, Exception) else AbortError(str(exc)))
            db._closed = True
            raise
        finally:
            db._upgrade_tx = None
        return db

    def delete_database(self, name: str):
        """Delete database *name* with all its object stores and indexes.

        Returns the deleted database's version, or None if it did not exist.
        https://w3c.github.io/IndexedDB/#delete-a-database
        """
        senv = self._check()
        name = str(name)

        def delete(wb):
            raw = wb.get(META_DB, db_key(name))
            if raw is None:
                return None, None
            meta = DatabaseMeta.from_bytes(raw)
            for store in meta.stores.values():
                for ix in store.indexes.values():
                    wb.drop(ix.dbname, True)
                wb.drop(store.dbname, True)
                wb.delete(META_DB, gen_key(store.id))
            wb.delete(META_DB, db_key(name))
            gen = senv.schema_gen_of(wb.txn) + 1
            wb.put(META_DB, K_SCHEMA_GEN, pack_u64(gen))
            return meta.version, gen

        version, gen = run_write(senv, delete)
        if gen is not None:
            senv.schema_gen = gen
            senv.schemas = {}
            for conn in list(senv.connections):
                if conn.name == name and not conn._closed and conn.on_versionchange is not None:
                    conn.on_versionchange(conn, version, None)
        return version

    def database_names(self) -> list[str]:
        """The names of the databases in this store, sorted."""
        return [d["name"] for d in self.databases()]

    def databases(self) -> list[dict]:
        """``indexedDB.databases()``: ``[{"name": ..., "version": ...}]`` sorted by name."""
        senv = self._check()
        out = []
        with senv.read() as txn:
            cur = txn.cursor(db=senv.meta)
            if cur.set_range(K_DB_PREFIX):
                for key, raw in cur:
                    if not key.startswith(K_DB_PREFIX):
                        break
                    meta = DatabaseMeta.from_bytes(raw)
                    out.append({"name": meta.name, "version": meta.version})
        out.sort(key=lambda d: code_unit_order(d["name"]))
        return out

    @staticmethod
    def cmp(first, second) -> int:
        """``indexedDB.cmp(first, second)``."""
        from .keys import cmp
        return cmp(first, second)

    # -- snapshots and code cache --------------------------------------------------------

    @property
    def snapshots(self):
        """The content-addressed snapshot store (:class:`~jsrt.store.snapshots.SnapshotStore`)."""
        if self._snapshots is None:
            from .snapshots import SnapshotStore
            self._snapshots = SnapshotStore(self)
        return self._snapshots

    @property
    def code_cache(self):
        """The bounded LRU code cache (:class:`~jsrt.store.snapshots.CodeCache`)."""
        if self._code_cache is None:
            from .snapshots import CodeCache
            self._code_cache = CodeCache(self, self._code_cache_size)
        return self._code_cache

    # -- statistics ----------------------------------------------------------------------------

    def stats(self) -> dict:
        """Sizes, record counts and map usage."""
        senv = self._check()
        env = senv.env
        info = env.info()
        st = env.stat()
        psize = st["psize"]
        out = {"path": self.path, "map_size": info["map_size"],
               "used_bytes": (info["last_pgno"] + 1) * psize, "page_size": psize,
               "last_txnid": info["last_txnid"], "readers": info["num_readers"],
               "max_readers": info["max_readers"], "databases": []}
        out["map_used_fraction"] = out["used_bytes"] / info["map_size"]

        def db_stat(txn, name):
            try:
                s = txn.stat(senv.handle(name, txn))
            except Exception:
                return {"entries": 0, "bytes": 0}
            return {"entries": s["entries"],
                    "bytes": (s["branch_pages"] + s["leaf_pages"] + s["overflow_pages"]) * psize}

        with senv.read() as txn:
            cur = txn.cursor(db=senv.meta)
            if cur.set_range(K_DB_PREFIX):
                for key, raw in cur:
                    if not key.startswith(K_DB_PREFIX):
                        break
                    meta = DatabaseMeta.from_bytes(raw)
                    stores = []
                    for sname in meta.store_names():
                        smeta = meta.stores[sname]
                        s = db_stat(txn, smeta.dbname)
                        stores.append({
                            "name": sname, "records": s["entries"], "bytes": s["bytes"],
                            "key_path": smeta.key_path, "auto_increment": smeta.auto_increment,
                            "indexes": [dict(name=ix.name, key_path=ix.key_path, unique=ix.unique,
                                             multi_entry=ix.multi_entry,
                                             **db_stat(txn, ix.dbname))
                                        for ix in (smeta.indexes[n] for n in smeta.index_names())]})
                    out["databases"].append({"name": meta.name, "version": meta.version,
                                             "codec": meta.codec, "stores": stores})
        out["databases"].sort(key=lambda d: code_unit_order(d["name"]))
        out["snapshots"] = self.snapshots.stats()
        out["code_cache"] = self.code_cache.stats()
        return out


class Database:
    """A connection to a database (IDBDatabase)."""

    __slots__ = ("_store", "_senv", "name", "version", "_meta", "_committed", "_codec",
                 "_closed", "_upgrade_tx", "_old_version", "_kp_cache", "on_versionchange",
                 "__weakref__")

    def __init__(self, store: Store, meta: DatabaseMeta, codec: ValueCodec) -> None:
        self._store = store
        self._senv = store._senv
        self.name = meta.name
        self.version = meta.version
        self._meta = meta
        self._committed = meta
        self._codec = codec
        self._closed = False
        self._upgrade_tx = None
        self._old_version = None
        self._kp_cache: dict = {}
        #: ``callback(db, old_version, new_version_or_None)`` when another
        #: connection in this process upgrades or deletes the database.
        self.on_versionchange = None
        self._senv.connections.add(self)

    def __repr__(self) -> str:
        return f"<Database {self.name!r} version={self.version}{' closed' if self._closed else ''}>"

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def object_store_names(self) -> list[str]:
        """Names of the object stores, sorted by UTF-16 code unit (DOMStringList order)."""
        return self._meta.store_names()

    @property
    def codec(self) -> ValueCodec:
        return self._codec

    def close(self) -> None:
        """``close()``: https://w3c.github.io/IndexedDB/#dom-idbdatabase-close"""
        self._closed = True

    def _compile(self, key_path):
        """The codec's evaluator for *key_path*, compiled once per connection."""
        cache_key = tuple(key_path) if isinstance(key_path, list) else key_path
        fn = self._kp_cache.get(cache_key)
        if fn is None:
            fn = self._kp_cache[cache_key] = self._codec.compile_key_path(key_path)
        return fn

    def _ensure_handles(self) -> None:
        """Open (durably) the handles of this database's stores and indexes, so
        that read transactions find them cached (see StoreEnv.ensure_handles)."""
        meta = self._meta
        senv = self._senv
        if meta.ensured == senv.evictions:
            return
        specs = []
        for store in meta.stores.values():
            specs.append((store.dbname, False))
            specs.extend((ix.dbname, True) for ix in store.indexes.values())
        senv.ensure_handles(specs)
        if all(name in senv.handles for name, _dup in specs):
            meta.ensured = senv.evictions

    def _schema_in(self, txn) -> DatabaseMeta:
        meta = _schema_for(self._senv, txn, self.name)
        if meta is None or meta.uid != self._meta.uid:
            raise InvalidStateError(f"database {self.name!r} was deleted by another connection; "
                                    "open it again")
        if meta.version != self.version:
            raise InvalidStateError(
                f"database {self.name!r} was upgraded to version {meta.version} by another "
                f"connection (this connection has version {self.version}); open it again")
        self._meta = meta
        return meta

    def _upgrade_aborted(self, tx: Transaction) -> None:
        """https://w3c.github.io/IndexedDB/#abort-an-upgrade-transaction"""
        committed = self._committed
        self.version = self._old_version or 0
        self._meta = committed if committed is not None else DatabaseMeta(self.name, 0,
                                                                           self._codec.name)
        self._closed = True

    # -- transactions -----------------------------------------------------------------------------

    def transaction(self, store_names, mode: str = "readonly", durability: str = "default"):
        """``transaction(storeNames, mode)``:
        https://w3c.github.io/IndexedDB/#dom-idbdatabase-transaction

        *store_names* is a name or a list of names; *mode* ``"readonly"`` or
        ``"readwrite"``.  Use it as a context manager.
        """
        # 1. A running upgrade transaction -> InvalidStateError.
        if self._upgrade_tx is not None:
            raise InvalidStateError(f"database {self.name!r}: an upgrade transaction is running; "
                                    "use its transaction instead")
        # 2. A closed connection -> InvalidStateError.
        if self._closed or self._store._closed:
            raise InvalidStateError(f"the connection to database {self.name!r} is closed")
        names = [store_names] if isinstance(store_names, str) else list(store_names)
        scope = []
        for n in names:
            n = str(n)
            if n not in scope:
                scope.append(n)
        # 4. Unknown names -> NotFoundError.
        for n in scope:
            if n not in self._meta.stores:
                raise NotFoundError(f"database {self.name!r} has no object store named {n!r}")
        # 5. An empty scope -> InvalidAccessError.
        if not scope:
            raise InvalidAccessError("a transaction needs at least one object store")
        # 6. The mode.
        if mode not in ("readonly", "readwrite"):
            raise TypeError(f"{mode!r} is not a transaction mode (use 'readonly' or 'readwrite')")
        return begin_transaction(self, scope, mode)

    # -- schema (upgrade transactions only) -------------------------------------------------------

    def _running_upgrade(self, what: str) -> Transaction:
        tx = self._upgrade_tx
        if tx is None:
            raise InvalidStateError(f"{what} is only allowed in the upgrade callback "
                                    "(a versionchange transaction)")
        tx._check_active()
        return tx

    def create_object_store(self, name: str, key_path=None, auto_increment: bool = False):
        """``createObjectStore(name, {keyPath, autoIncrement})`` (upgrade only).

        https://w3c.github.io/IndexedDB/#dom-idbdatabase-createobjectstore
        """
        tx = self._running_upgrade("create_object_store()")
        name = str(name)
        # 5. Invalid key path -> SyntaxError.
        key_path = validate_key_path(key_path)
        schema = self._meta
        # 6. Existing name -> ConstraintError.
        if name in schema.stores:
            raise ConstraintError(f"database {self.name!r} already has an object store "
                                  f"named {name!r}")
        # 8. autoIncrement with an empty or array key path -> InvalidAccessError.
        if auto_increment and (key_path == "" or isinstance(key_path, list)):
            raise InvalidAccessError(f"object store {name!r}: autoIncrement cannot be used with "
                                     f"key path {key_path!r}")
        meta = StoreMeta(tx._allocate_id(), name, key_path, bool(auto_increment))
        tx._writer.open_db(meta.dbname)
        schema.stores[name] = meta

        def undo():
            if schema.stores.get(meta.name) is meta:
                del schema.stores[meta.name]
            meta.deleted = True
        tx._schema_changed(undo)
        return tx.object_store(name)

    def delete_object_store(self, name: str) -> None:
        """``deleteObjectStore(name)`` (upgrade only).

        https://w3c.github.io/IndexedDB/#dom-idbdatabase-deleteobjectstore
        """
        tx = self._running_upgrade("delete_object_store()")
        schema = self._meta
        meta = schema.stores.get(name)
        if meta is None:
            raise NotFoundError(f"database {self.name!r} has no object store named {name!r}")
        writer = tx._writer
        for ix in meta.indexes.values():
            writer.drop(ix.dbname, True)
        writer.drop(meta.dbname, True)
        writer.delete(META_DB, gen_key(meta.id))
        tx._gens.pop(meta.id, None)
        tx._gens_dirty.pop(meta.id, None)
        del schema.stores[name]
        meta.deleted = True
        handle = tx._stores.get(name)
        if handle is not None and handle._meta is meta:
            handle._refresh()

        def undo():
            schema.stores[meta.name] = meta
            meta.deleted = False
        tx._schema_changed(undo)
