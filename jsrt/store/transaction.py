"""IDBTransaction on LMDB transactions.

https://w3c.github.io/IndexedDB/#transaction-construct and
https://w3c.github.io/IndexedDB/#transaction-interface

* ``readonly``: one LMDB read transaction (a snapshot; runs concurrently with
  the writer in this or any other process).
* ``readwrite`` and ``versionchange``: one LMDB write transaction.  Aborting it
  (``tx.abort()`` or an exception out of the ``with`` block) rolls back every
  record, index entry, key generator and schema change at once.

The transaction is a context manager: leaving the ``with`` block normally
commits, leaving it with an exception aborts and re-raises.  An error raised by
one operation (say ConstraintError from ``add``) that the body catches does not
abort the transaction -- like calling ``preventDefault()`` on the error event.
"""

from __future__ import annotations

import lmdb

from .env import (K_NEXT_ID, K_SCHEMA_GEN, META_DB, WriteBatch, db_key, gen_key,
                  pack_u64, unpack_u64)
from .errors import (AbortError, InvalidStateError, NotFoundError,
                     TransactionInactiveError)
from .objectstore import ObjectStore

__all__ = ["Transaction", "MODES", "begin_transaction"]

MODES = ("readonly", "readwrite", "versionchange")
ACTIVE = "active"
FINISHED = "finished"


class Transaction:
    """A transaction over some object stores of one database connection."""

    __slots__ = ("db", "mode", "_scope", "_senv", "_txn", "_writer", "_readonly", "_state",
                 "_stores", "_gens", "_gens_dirty", "_schema", "_undo", "_schema_dirty",
                 "error", "_invalid", "_codec", "on_complete", "on_abort",
                 "__weakref__")

    _ACTIVE = ACTIVE

    def __init__(self, db, scope, mode: str, txn, writer, schema) -> None:
        self.db = db
        self.mode = mode
        self._scope = scope               # list of store names, or None for "all"
        self._senv = db._senv
        self._txn = txn
        self._writer = writer
        self._readonly = mode == "readonly"
        self._state = ACTIVE
        self._stores: dict[str, ObjectStore] = {}
        self._gens: dict[int, int] = {}
        self._gens_dirty: dict[int, object] = {}
        self._schema = schema
        self._undo: list = []
        self._schema_dirty = False
        self.error = None
        self._invalid = None
        self._codec = db._codec
        self.on_complete = None
        self.on_abort = None
        if writer is not None:
            writer.owner = self
        self._senv.active.add(self)

    # -- attributes -----------------------------------------------------------------

    @property
    def object_store_names(self) -> list[str]:
        """The names of the stores in scope (all stores for versionchange), sorted."""
        if self._scope is None:
            return self._schema.store_names()
        return sorted(self._scope, key=lambda s: s.encode("utf-16-be", "surrogatepass"))

    @property
    def state(self) -> str:
        """``"active"`` or ``"finished"``."""
        return self._state

    @property
    def active(self) -> bool:
        return self._state is ACTIVE and self._invalid is None

    def __repr__(self) -> str:
        return f"<Transaction {self.mode} on {self.db.name!r} {self._state}>"

    def _stamp(self) -> int:
        """Changes whenever the transaction writes (cursors re-seek after a change)."""
        writer = self._writer
        return len(writer.log) if writer is not None else 0

    def _check_active(self) -> None:
        if self._state is not ACTIVE:
            raise TransactionInactiveError(f"the {self.mode} transaction on database "
                                           f"{self.db.name!r} has finished")
        if self._invalid is not None:
            raise TransactionInactiveError(f"the {self.mode} transaction is no longer usable: "
                                           f"{self._invalid}")

    # -- object stores -----------------------------------------------------------------

    def object_store(self, name: str) -> ObjectStore:
        """``objectStore(name)``: https://w3c.github.io/IndexedDB/#dom-idbtransaction-objectstore"""
        # 1. If this's state is finished, throw InvalidStateError.
        if self._state is not ACTIVE:
            raise InvalidStateError(f"the transaction on {self.db.name!r} has finished")
        handle = self._stores.get(name)
        if handle is not None and not handle._meta.deleted:
            return handle
        # 2. Not in scope -> NotFoundError.
        meta = self._schema.stores.get(name)
        if meta is None or (self._scope is not None and name not in self._scope):
            raise NotFoundError(f"object store {name!r} is not in this transaction's scope "
                                f"({', '.join(map(repr, self.object_store_names)) or 'empty'})")
        handle = ObjectStore(self, meta)
        self._stores[name] = handle
        return handle

    # -- key generators (https://w3c.github.io/IndexedDB/#key-generator-construct) --------

    def _generator(self, meta) -> int:
        current = self._gens.get(meta.id)
        if current is None:
            raw = self._txn.get(gen_key(meta.id), db=self._senv.meta)
            current = unpack_u64(raw)[0] if raw else 1
            self._gens[meta.id] = current
        return current

    def _set_generator(self, meta, value: int) -> None:
        self._gens[meta.id] = value
        self._gens_dirty[meta.id] = meta

    # -- schema changes (versionchange only) -------------------------------------------------

    def _schema_changed(self, undo) -> None:
        self._schema_dirty = True
        self._undo.append(undo)

    def _allocate_id(self) -> int:
        raw = self._txn.get(K_NEXT_ID, db=self._senv.meta)
        next_id = unpack_u64(raw)[0] if raw else 1
        self._writer.put(META_DB, K_NEXT_ID, pack_u64(next_id + 1))
        return next_id

    # -- finishing ---------------------------------------------------------------------------

    def commit(self) -> None:
        """``commit()``: https://w3c.github.io/IndexedDB/#dom-idbtransaction-commit"""
        if self._state is not ACTIVE:
            raise InvalidStateError(f"the transaction on {self.db.name!r} has already finished")
        if self._invalid is not None:
            self._abort(AbortError(self._invalid))
            raise TransactionInactiveError(f"the transaction could not commit: {self._invalid}")
        writer = self._writer
        try:
            if writer is None:
                self._senv.end_txn(self._txn, commit=True)
            else:
                for store_id in self._gens_dirty:
                    writer.put(META_DB, gen_key(store_id), pack_u64(self._gens[store_id]))
                if self._schema_dirty or self.mode == "versionchange":
                    schema = self._schema
                    gen = self._senv.schema_gen_of(self._txn) + 1
                    writer.put(META_DB, db_key(schema.name), schema.to_bytes())
                    writer.put(META_DB, K_SCHEMA_GEN, pack_u64(gen))
                    writer.commit()
                    self._senv.schema_gen = gen
                    self._senv.schemas = {schema.name: schema}
                else:
                    writer.commit()
        except BaseException as exc:
            if self._state is ACTIVE:
                self._abort(exc if isinstance(exc, Exception) else AbortError(str(exc)))
            raise
        self._finish()
        if self.on_complete is not None:
            self.on_complete(self)

    def abort(self) -> None:
        """``abort()``: roll everything back.

        https://w3c.github.io/IndexedDB/#dom-idbtransaction-abort
        """
        if self._state is not ACTIVE:
            raise InvalidStateError(f"the transaction on {self.db.name!r} has already finished")
        self._abort(None)

    def _abort(self, error) -> None:
        """https://w3c.github.io/IndexedDB/#abort-a-transaction"""
        if self._state is not ACTIVE:
            return
        self.error = error
        try:
            if self._writer is not None:
                self._writer.abort()
            else:
                # Ending a read transaction with commit keeps the handles it opened.
                self._senv.end_txn(self._txn, commit=self._invalid is None)
        except lmdb.Error:  # pragma: no cover - the LMDB transaction was already gone
            pass
        # Key generators revert with the LMDB transaction; schema changes are
        # reverted on the in-memory objects too (newest first).
        self._gens.clear()
        for undo in reversed(self._undo):
            undo()
        self._undo.clear()
        self._finish()
        if self.mode == "versionchange":
            self.db._upgrade_aborted(self)
        if self.on_abort is not None:
            self.on_abort(self)

    def _finish(self) -> None:
        # (A finished upgrade transaction stays the connection's upgrade
        # transaction until the upgrade callback returns, so schema calls after
        # abort() raise TransactionInactiveError, as in IndexedDB.)
        self._state = FINISHED
        self._senv.active.discard(self)
        for handle in self._stores.values():
            handle._live = handle._writable = False
            handle._fast_name = None

    def _invalidate(self, why: str) -> None:
        """The LMDB transaction died underneath us (map resized, store closed)."""
        if self._state is ACTIVE and self._invalid is None:
            self._invalid = why
            for handle in self._stores.values():
                handle._live = handle._writable = False
                handle._fast_name = None

    def _after_replay(self) -> None:
        """Called by the WriteBatch after the map grew and the log was replayed."""
        self._txn = self._writer.txn
        for handle in self._stores.values():
            handle._refresh()

    # -- context manager ------------------------------------------------------------------

    def __enter__(self) -> "Transaction":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self._state is not ACTIVE:
            return False
        if exc_type is None:
            self.commit()
        else:
            self._abort(exc if isinstance(exc, Exception) else AbortError(str(exc)))
        return False

    def __del__(self) -> None:
        # An abandoned transaction is aborted (as the spec's auto-commit cannot
        # apply to a synchronous API, dropping it without commit() rolls back).
        try:
            if self._state is ACTIVE:
                self._abort(AbortError("the transaction was garbage-collected while active"))
        except Exception:  # pragma: no cover
            pass


def begin_transaction(db, scope, mode: str) -> Transaction:
    """Begin the LMDB transaction and load the snapshot's schema."""
    senv = db._senv
    writer = None
    if mode == "readonly":
        db._ensure_handles()
        txn = senv.begin_raw(write=False)
    else:
        writer = WriteBatch(senv)
        txn = writer.txn
    try:
        schema = db._schema_in(txn)
        if scope is not None:
            for name in scope:
                if name not in schema.stores:
                    raise NotFoundError(f"database {db.name!r} has no object store named {name!r}")
    except BaseException:
        if writer is not None:
            writer.abort()
        else:
            senv.end_txn(txn, commit=True)
        raise
    return Transaction(db, scope, mode, txn, writer, schema)
