"""IDBObjectStore and IDBIndex over LMDB sub-databases.

Object stores: https://w3c.github.io/IndexedDB/#object-store-interface
Indexes: https://w3c.github.io/IndexedDB/#index-interface
Record operations: https://w3c.github.io/IndexedDB/#database-operations

An object store is one sub-database mapping encoded keys to value bytes; an
index is a dupsort sub-database mapping encoded index keys to encoded primary
keys, so LMDB orders its entries by (index key, primary key) as the spec
requires.  Handles are per transaction (as in IndexedDB: ``tx.object_store()``
returns the same handle for the same name within one transaction).
"""

from __future__ import annotations

import math

import lmdb

from .codec import MISSING
from .env import OP_PUT
from .errors import (ConstraintError, DataError, InvalidAccessError, InvalidStateError,
                     NotFoundError, ReadOnlyError)
from .keyrange import KeyRange, to_key_range
from .keys import (MAX_KEY_BYTES, TAG_NUMBER, check_key_size, decode_key, encode_key,
                   key_path_repr, key_repr, pack_nonnegative, validate_key_path)
from .schema import IndexMeta

__all__ = ["ObjectStore", "Index", "MAX_GENERATED_KEY"]

#: The key generator fails once its current number exceeds 2**53
#: (https://w3c.github.io/IndexedDB/#generate-a-key).
MAX_GENERATED_KEY = 2 ** 53

def _limit(count) -> int:
    """getAll's count: None or 0 means no limit."""
    if count is None:
        return 0
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise TypeError(f"count must be a non-negative int or None, not {count!r}")
    return count


def scan(cur, rng, *, dup: bool, unique: bool = False, reverse: bool = False,
         values: bool = True):
    """Yield ``(key, value)`` (or keys) of *cur*'s database within the encoded
    range *rng* ``(lo, lo_open, hi, hi_open)`` (``None`` = everything), using LMDB
    cursor positioning rather than loading anything up front."""
    lo, lo_open, hi, hi_open = rng if rng is not None else (None, False, None, False)
    if not reverse:
        if lo is None:
            ok = cur.first()
        else:
            ok = cur.set_range(lo)
            if ok and lo_open and cur.key() == lo:
                ok = cur.next_nodup() if dup else cur.next()
        if not ok:
            return
        it = cur.iternext_nodup(values=values) if (dup and unique) else cur.iternext(values=values)
        for item in it:
            k = item[0] if values else item
            if hi is not None and (k > hi or (hi_open and k == hi)):
                return
            yield item
    else:
        if hi is None:
            ok = cur.last()
        else:
            ok = cur.set_range(hi)
            if ok:
                if cur.key() == hi and not hi_open:
                    ok = cur.last_dup() if dup else True
                else:
                    ok = cur.prev()
            else:
                ok = cur.last()
        if not ok:
            return
        it = cur.iterprev_nodup(values=values) if (dup and unique) else cur.iterprev(values=values)
        for item in it:
            k = item[0] if values else item
            if lo is not None and (k < lo or (lo_open and k == lo)):
                return
            yield item


class ObjectStore:
    """A handle to an object store within one transaction (IDBObjectStore)."""

    __slots__ = ("_tx", "_meta", "_db", "_codec", "_extract", "_ix", "_index_objs",
                 "_live", "_writable", "_txget", "_txput", "_encode", "_decode",
                 "_fast_name", "_log_append", "_dbname")

    def __init__(self, tx, meta) -> None:
        self._tx = tx
        self._meta = meta
        codec = self._codec = tx._codec
        self._encode = codec.encode
        self._decode = codec.decode
        self._index_objs: dict[str, Index] = {}
        self._extract = (tx.db._compile(meta.key_path) if meta.key_path is not None else None)
        self._refresh()

    def _refresh(self) -> None:
        """(Re)bind LMDB handles, the index list and the hot-path shortcuts (after a
        schema change, a replay, or the end of the transaction)."""
        tx = self._tx
        senv = tx._senv
        meta = self._meta
        txn = tx._txn
        # _live: usable for reads right now; _writable: and for writes.  The
        # slow checks (_check_read/_check_write) raise the right error otherwise.
        self._live = not meta.deleted and tx._state is tx._ACTIVE and tx._invalid is None
        self._writable = self._live and not tx._readonly
        self._fast_name = None
        if meta.deleted or tx._state is not tx._ACTIVE:
            self._db = None
            self._ix = ()
            return
        self._txget = txn.get
        self._txput = txn.put
        self._dbname = meta.dbname
        if tx._writer is not None:
            self._log_append = tx._writer.log.append
        self._db = senv.handle(meta.dbname, txn)
        self._ix = tuple(
            (ix, tx.db._compile(ix.key_path), senv.handle(ix.dbname, txn, dupsort=True))
            for ix in meta.indexes.values())
        for index in self._index_objs.values():
            index._db = None if index._meta.deleted else senv.handle(index._meta.dbname, txn,
                                                                     dupsort=True)
        # The fast path of put(): writable, in-line key at a single identifier, no
        # key generator, no indexes.
        kp = meta.key_path
        if (self._writable and not self._ix and not meta.auto_increment and isinstance(kp, str)
                and kp and "." not in kp and kp != "length"):
            self._fast_name = kp

    # -- attributes ---------------------------------------------------------------

    @property
    def name(self) -> str:
        return self._meta.name

    @name.setter
    def name(self, new_name: str) -> None:
        """Rename: https://w3c.github.io/IndexedDB/#dom-idbobjectstore-name"""
        tx = self._tx
        meta = self._meta
        new_name = str(new_name)
        # 4. If store has been deleted, throw InvalidStateError.
        if meta.deleted:
            raise InvalidStateError(f"object store {meta.name!r} has been deleted")
        # 5. If transaction is not an upgrade transaction, throw InvalidStateError.
        if tx.mode != "versionchange":
            raise InvalidStateError("object stores can only be renamed in an upgrade transaction")
        # 6. If transaction's state is not active, throw TransactionInactiveError.
        tx._check_active()
        if meta.name == new_name:
            return
        schema = tx._schema
        if new_name in schema.stores:
            raise ConstraintError(f"an object store named {new_name!r} already exists")
        old_name = meta.name

        def rename(frm, to):
            schema.stores[to] = schema.stores.pop(frm)
            meta.name = to
            stores = tx._stores
            if frm in stores:
                stores[to] = stores.pop(frm)
        rename(old_name, new_name)
        tx._schema_changed(lambda: rename(new_name, old_name))

    @property
    def key_path(self):
        kp = self._meta.key_path
        return list(kp) if isinstance(kp, list) else kp

    @property
    def auto_increment(self) -> bool:
        return self._meta.auto_increment

    @property
    def index_names(self) -> list[str]:
        return self._meta.index_names()

    @property
    def transaction(self):
        return self._tx

    def __repr__(self) -> str:
        return f"<ObjectStore {self._meta.name!r} key_path={self._meta.key_path!r}>"

    # -- checks -------------------------------------------------------------------

    def _check_read(self) -> None:
        """Deleted store -> InvalidStateError, then inactive -> TransactionInactiveError."""
        if self._live:
            return
        if self._meta.deleted:
            raise InvalidStateError(f"object store {self._meta.name!r} has been deleted")
        self._tx._check_active()
        self._refresh()         # e.g. restored by an undo: usable again

    def _check_write(self) -> None:
        if self._writable:
            return
        self._check_read()
        if self._tx._readonly:
            raise ReadOnlyError(f"object store {self._meta.name!r}: the transaction is readonly")

    def _where(self, op: str) -> str:
        prep = "to" if op in ("put", "add", "update") else "on"
        return f"{op} {prep} object store {self._meta.name!r}"

    # -- writing --------------------------------------------------------------------

    def put(self, value, key=None):
        """``put(value, key)``: store *value*, replacing any record with the same key.

        Returns the record's key.  https://w3c.github.io/IndexedDB/#dom-idbobjectstore-put
        """
        name = self._fast_name
        if name is not None and key is None and type(value) is dict:
            # Fast path (same steps as _store for the common case): a plain dict
            # whose key is a non-negative number at a single-identifier key path.
            raw = value.get(name)
            t = type(raw)
            if (t is int or t is float) and 0 <= raw < 1e300:
                ekey = pack_nonnegative(TAG_NUMBER, -(raw + 0.0))
                data = self._encode(value)
                try:
                    self._txput(ekey, data, True, True, False, self._db)
                except lmdb.MapFullError:
                    # LMDB's transaction is now unusable: grow, replay, then put.
                    writer = self._tx._writer
                    writer.recover()
                    writer.put(self._dbname, ekey, data, True)
                else:
                    self._log_append((OP_PUT, self._dbname, ekey, data, True))
                return raw if t is float else float(raw)
        return self._store(value, key, False, "put")

    def add(self, value, key=None):
        """``add(value, key)``: like :meth:`put`, but ConstraintError if the key exists.

        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-add
        """
        return self._store(value, key, True, "add")

    def _store(self, value, key, no_overwrite: bool, op: str):
        """https://w3c.github.io/IndexedDB/#add-or-put and
        https://w3c.github.io/IndexedDB/#store-a-record-into-an-object-store"""
        # 3-5. Deleted store, inactive transaction, readonly transaction.
        if not self._writable:
            self._check_write()
        meta = self._meta
        kp = meta.key_path
        if kp is not None:
            # 6. In-line keys: a key argument is an error.
            if key is not None:
                raise DataError(f"{self._where(op)}: the store uses in-line keys "
                                f"(key path {key_path_repr(kp)}), so no key argument is allowed")
            # 10. Extract the key from the value using the key path.
            raw = self._extract(value)
            if raw is MISSING:
                if not meta.auto_increment:
                    raise DataError(f"{self._where(op)}: key path {key_path_repr(kp)} did not "
                                    f"yield a value in {_value_repr(value)}")
                if not self._codec.can_inject_key(value, kp):
                    raise DataError(f"{self._where(op)}: a generated key cannot be stored at key "
                                    f"path {key_path_repr(kp)} in {_value_repr(value)}")
                ekey = None
            else:
                t = type(raw)
                try:
                    if (t is int or t is float) and raw >= 0 and raw < 1e300:
                        ekey = pack_nonnegative(TAG_NUMBER, -(raw + 0.0))  # inline encode_key
                    else:
                        ekey = encode_key(raw)
                except DataError as exc:
                    raise DataError(f"{self._where(op)}: key path {key_path_repr(kp)} did not "
                                    f"yield a valid key in {_value_repr(value)}: "
                                    f"{exc.message}") from None
                key = raw
        elif key is None:
            # 7. Out-of-line keys without a generator need a key.
            if not meta.auto_increment:
                raise DataError(f"{self._where(op)}: the store uses out-of-line keys and has no "
                                "key generator, so a key argument is required")
            ekey = None
        else:
            # 8. Convert the key argument.
            try:
                ekey = encode_key(key)
            except DataError as exc:
                raise DataError(f"{self._where(op)}: {exc.message}") from None
        if ekey is not None and len(ekey) > MAX_KEY_BYTES:
            check_key_size(ekey, key)
        # 9. Clone the value (the bytes are the clone).
        data = self._encode(value)
        # Store a record, step 1: the key generator.
        gen_update = None
        if meta.auto_increment:
            tx = self._tx
            current = tx._generator(meta)
            if ekey is None:
                if current > MAX_GENERATED_KEY:
                    raise ConstraintError(f"{self._where(op)}: the key generator is exhausted "
                                          f"(its next key would exceed 2**53)")
                key = float(current)
                ekey = encode_key(key)
                gen_update = current + 1
                if kp is not None:
                    # Inject the key into the clone, not into the caller's object.
                    value = self._decode(data)
                    self._codec.inject_key(value, kp, key)
                    data = self._encode(value)
            elif isinstance(key, (int, float)) and not isinstance(key, bool):
                # "Possibly update the key generator".
                v = min(float(key), float(MAX_GENERATED_KEY))
                if v >= current:
                    gen_update = math.floor(v) + 1
        if not self._ix:
            # No indexes: a single LMDB put (positional arguments are faster:
            # key, value, dupdata, overwrite, append, db).
            overwrite = not no_overwrite
            try:
                ok = self._txput(ekey, data, True, overwrite, False, self._db)
            except lmdb.MapFullError:
                writer = self._tx._writer
                writer.recover()
                ok = writer.put(meta.dbname, ekey, data, overwrite)
            else:
                if ok:
                    self._tx._writer.log.append((OP_PUT, meta.dbname, ekey, data, overwrite))
            if not ok:
                raise ConstraintError(f"{self._where(op)}: key {key_repr(key)} already exists")
        else:
            self._store_indexed(value, key, ekey, data, no_overwrite, op)
        tx = self._tx
        if gen_update is not None:
            tx._set_generator(meta, gen_update)
        t = type(key)
        if t is float or t is str:
            return key
        return float(key) if t is int else decode_key(ekey)

    def _store_indexed(self, value, key, ekey: bytes, data: bytes, no_overwrite: bool,
                       op: str) -> None:
        tx = self._tx
        writer = tx._writer
        txn = tx._txn
        old = txn.get(ekey, db=self._db)
        # Store a record, step 2: no-overwrite and an existing record.
        if old is not None and no_overwrite:
            raise ConstraintError(f"{self._where(op)}: key {key_repr(key)} already exists")
        # Step 5 (checked first, so a failed request changes nothing): index keys
        # and unique constraints.
        new_entries = [(ix, h, _index_keys(ix, extract, value)) for ix, extract, h in self._ix]
        for ix, h, ikeys in new_entries:
            for ik in ikeys:
                if len(ik) > MAX_KEY_BYTES:
                    check_key_size(ik, None, f"{self._where(op)}: the key for index {ix.name!r}")
            if ix.unique:
                for ik in ikeys:
                    existing = txn.get(ik, db=h)
                    if existing is not None and existing != ekey:
                        raise ConstraintError(
                            f"{self._where(op)}: index {ix.name!r} is unique and already has "
                            f"key {key_repr(decode_key(ik))} (for the record with key "
                            f"{key_repr(decode_key(existing))})")
        old_entries = None
        if old is not None:
            # Step 3: remove the old record's index entries.
            old_value = self._codec.decode(old)
            old_entries = [_index_keys(ix, extract, old_value) for ix, extract, _h in self._ix]
            for (ix, _h, ikeys), oldkeys in zip(new_entries, old_entries):
                keep = set(ikeys)
                for ik in oldkeys:
                    if ik not in keep:
                        writer.delete(ix.dbname, ik, ekey)
        # Step 4: store the record.
        writer.put(self._meta.dbname, ekey, data)
        # Step 5: add the index records.
        for n, (ix, _h, ikeys) in enumerate(new_entries):
            had = set(old_entries[n]) if old_entries is not None else ()
            for ik in ikeys:
                if ik not in had:
                    writer.put(ix.dbname, ik, ekey)

    def _delete_encoded(self, ekey: bytes, old: bytes | None = None) -> bool:
        """Delete one record and its index entries
        (https://w3c.github.io/IndexedDB/#delete-records-from-an-object-store)."""
        tx = self._tx
        writer = tx._writer
        if self._ix:
            if old is None:
                old = tx._txn.get(ekey, db=self._db)
                if old is None:
                    return False
            old_value = self._codec.decode(old)
            for ix, extract, _h in self._ix:
                for ik in _index_keys(ix, extract, old_value):
                    writer.delete(ix.dbname, ik, ekey)
        deleted = writer.delete(self._meta.dbname, ekey)
        return deleted

    def delete(self, query) -> None:
        """``delete(query)``: remove the record(s) with the key or in the key range.

        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-delete
        """
        self._check_write()
        rng = to_key_range(query, null_disallowed=True)
        lo, lo_open, hi, hi_open = rng
        if lo is not None and lo == hi and not lo_open and not hi_open:
            self._delete_encoded(lo)
            return None
        tx = self._tx
        with tx._txn.cursor(db=self._db) as cur:
            victims = list(scan(cur, rng, dup=False, values=bool(self._ix)))
        for item in victims:
            if self._ix:
                self._delete_encoded(item[0], item[1])
            else:
                self._delete_encoded(item)
        return None

    def clear(self) -> None:
        """``clear()``: remove every record (and every index entry).

        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-clear
        """
        self._check_write()
        tx = self._tx
        writer = tx._writer
        writer.drop(self._meta.dbname, False)
        for ix, _extract, _h in self._ix:
            writer.drop(ix.dbname, False)
        return None

    # -- reading ------------------------------------------------------------------------

    def get(self, query, default=None):
        """``get(query)``: the value of the first record matching the key or range,
        or *default*.  https://w3c.github.io/IndexedDB/#dom-idbobjectstore-get
        """
        t = type(query)
        if (t is int or t is float) and self._live and 0 <= query < 1e300:
            # Fast path: a non-negative number key (encode_key inlined).
            data = self._txget(pack_nonnegative(TAG_NUMBER, -(query + 0.0)), None, self._db)
            if data is None:
                return default
            return self._decode(data)
        self._check_read()
        if t is KeyRange:
            data = self._first(to_key_range(query))
        else:
            try:
                ekey = encode_key(query)
            except DataError as exc:
                raise DataError(f"{self._where('get')}: {exc.message}") from None
            if len(ekey) > MAX_KEY_BYTES:
                check_key_size(ekey, query)
            data = self._txget(ekey, None, self._db)
        if data is None:
            return default
        return self._decode(data)

    def _first(self, rng):
        with self._tx._txn.cursor(db=self._db) as cur:
            for _k, v in scan(cur, rng, dup=False):
                return v
        return None

    def get_key(self, query, default=None):
        """``getKey(query)``: the key of the first matching record, or *default*.

        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-getkey
        """
        self._check_read()
        rng = to_key_range(query, null_disallowed=True)
        with self._tx._txn.cursor(db=self._db) as cur:
            for k in scan(cur, rng, dup=False, values=False):
                return decode_key(k)
        return default

    def get_all(self, query=None, count=None) -> list:
        """``getAll(query, count)``: values of the matching records in key order.

        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-getall
        """
        self._check_read()
        rng = to_key_range(query)
        limit = _limit(count)
        decode = self._codec.decode
        out = []
        with self._tx._txn.cursor(db=self._db) as cur:
            for _k, v in scan(cur, rng, dup=False):
                out.append(decode(v))
                if len(out) == limit:
                    break
        return out

    def get_all_keys(self, query=None, count=None) -> list:
        """``getAllKeys(query, count)``: keys of the matching records in order.

        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-getallkeys
        """
        self._check_read()
        rng = to_key_range(query)
        limit = _limit(count)
        out = []
        with self._tx._txn.cursor(db=self._db) as cur:
            for k in scan(cur, rng, dup=False, values=False):
                out.append(decode_key(k))
                if len(out) == limit:
                    break
        return out

    def count(self, query=None) -> int:
        """``count(query)``: the number of matching records.

        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-count
        """
        self._check_read()
        rng = to_key_range(query)
        txn = self._tx._txn
        if rng is None:
            return txn.stat(self._db)["entries"]
        if rng[0] is not None and rng[0] == rng[2] and not rng[1] and not rng[3]:
            return 0 if txn.get(rng[0], db=self._db) is None else 1
        with txn.cursor(db=self._db) as cur:
            return sum(1 for _k in scan(cur, rng, dup=False, values=False))

    def open_cursor(self, query=None, direction: str = "next"):
        """``openCursor(query, direction)``: a cursor with values over the matching
        records.  Iterate it (``for c in store.open_cursor(): ...``).

        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-opencursor
        """
        from .cursor import CursorWithValue, check_direction
        self._check_read()
        return CursorWithValue(self, None, to_key_range(query), check_direction(direction))

    def open_key_cursor(self, query=None, direction: str = "next"):
        """``openKeyCursor(query, direction)``: a cursor over keys only.

        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-openkeycursor
        """
        from .cursor import Cursor, check_direction
        self._check_read()
        return Cursor(self, None, to_key_range(query), check_direction(direction))

    # -- indexes ---------------------------------------------------------------------------

    def index(self, name: str) -> "Index":
        """``index(name)``: https://w3c.github.io/IndexedDB/#dom-idbobjectstore-index"""
        meta = self._meta
        # 2. Store deleted -> InvalidStateError.  3. Transaction finished -> InvalidStateError.
        if meta.deleted:
            raise InvalidStateError(f"object store {meta.name!r} has been deleted")
        if self._tx._state is not self._tx._ACTIVE:
            raise InvalidStateError(f"{self._where('index')}: the transaction has finished")
        ix = meta.indexes.get(name)
        if ix is None:
            raise NotFoundError(f"object store {meta.name!r} has no index named {name!r}")
        obj = self._index_objs.get(name)
        if obj is None or obj._meta is not ix:
            obj = Index(self, ix)
            self._index_objs[name] = obj
        return obj

    def create_index(self, name: str, key_path, unique: bool = False,
                     multi_entry: bool = False) -> "Index":
        """``createIndex(name, keyPath, {unique, multiEntry})`` (upgrade only).

        Builds the index over the existing records; a unique violation aborts the
        upgrade transaction with ConstraintError.
        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-createindex
        """
        tx = self._tx
        meta = self._meta
        name = str(name)
        # 2. Not an upgrade transaction -> InvalidStateError.
        if tx.mode != "versionchange":
            raise InvalidStateError("indexes can only be created in an upgrade transaction")
        # 3. Store deleted -> InvalidStateError.
        if meta.deleted:
            raise InvalidStateError(f"object store {meta.name!r} has been deleted")
        # 4. Transaction not active -> TransactionInactiveError.
        tx._check_active()
        # 5. An index with this name exists -> ConstraintError.
        if name in meta.indexes:
            raise ConstraintError(f"object store {meta.name!r} already has an index named {name!r}")
        # 6. Invalid key path -> SyntaxError.
        key_path = validate_key_path(key_path)
        if key_path is None:
            raise DataError("an index needs a key path")
        # 8. An array key path with multiEntry -> InvalidAccessError.
        if isinstance(key_path, list) and multi_entry:
            raise InvalidAccessError(f"index {name!r}: multiEntry cannot be used with an "
                                     "array key path")
        writer = tx._writer
        index_id = tx._allocate_id()
        ix = IndexMeta(index_id, name, key_path, bool(unique), bool(multi_entry))
        writer.open_db(ix.dbname, dupsort=True)
        meta.indexes[name] = ix

        def undo():
            meta.indexes.pop(name, None)
            ix.deleted = True
        tx._schema_changed(undo)
        self._refresh()
        # Build the index over the existing records (walking the store with an
        # LMDB cursor; if the map grows meanwhile, the cursor is re-seeked).
        extract = tx.db._compile(key_path)
        decode = self._codec.decode
        writer = tx._writer
        epoch = writer.epoch
        cur = tx._txn.cursor(db=self._db)
        ok = cur.first()
        while ok:
            pk, data = cur.item()
            self._index_one(ix, extract, decode(data), pk)
            if writer.epoch != epoch:
                epoch = writer.epoch
                cur = tx._txn.cursor(db=self._db)
                ok = cur.set_range(pk)
                if ok and cur.key() == pk:
                    ok = cur.next()
            else:
                ok = cur.next()
        return self.index(name)

    def _index_one(self, ix: IndexMeta, extract, value, pk: bytes) -> None:
        tx = self._tx
        h = tx._senv.handles.get(ix.dbname) or tx._senv.handle(ix.dbname, tx._txn, dupsort=True)
        for ik in _index_keys(ix, extract, value):
            if ix.unique:
                existing = tx._txn.get(ik, db=h)
                if existing is not None and existing != pk:
                    error = ConstraintError(
                        f"create index {ix.name!r} on object store {self._meta.name!r}: the "
                        f"index is unique but key {key_repr(decode_key(ik))} occurs in the "
                        f"records {key_repr(decode_key(existing))} and "
                        f"{key_repr(decode_key(pk))}; the upgrade transaction was aborted")
                    tx._abort(error)
                    raise error
            tx._writer.put(ix.dbname, ik, pk)

    def delete_index(self, name: str) -> None:
        """``deleteIndex(name)`` (upgrade only).

        https://w3c.github.io/IndexedDB/#dom-idbobjectstore-deleteindex
        """
        tx = self._tx
        meta = self._meta
        if tx.mode != "versionchange":
            raise InvalidStateError("indexes can only be deleted in an upgrade transaction")
        if meta.deleted:
            raise InvalidStateError(f"object store {meta.name!r} has been deleted")
        tx._check_active()
        ix = meta.indexes.get(name)
        if ix is None:
            raise NotFoundError(f"object store {meta.name!r} has no index named {name!r}")
        tx._writer.drop(ix.dbname, True)
        del meta.indexes[name]
        ix.deleted = True

        def undo():
            meta.indexes[ix.name] = ix
            ix.deleted = False
        tx._schema_changed(undo)
        self._refresh()


def _value_repr(value, limit: int = 60) -> str:
    try:
        text = repr(value)
    except Exception:  # pragma: no cover
        text = object.__repr__(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _index_keys(ix: IndexMeta, extract, value) -> list:
    """Encoded index keys of *value* for index *ix*
    (https://w3c.github.io/IndexedDB/#extract-a-key-from-a-value-using-a-key-path
    with the multiEntry flag).  Missing or invalid keys yield no entries."""
    raw = extract(value)
    if raw is MISSING:
        return []
    if ix.multi_entry and isinstance(raw, (list, tuple)):
        # Convert a value to a multiEntry key: invalid sub-keys are skipped and
        # duplicates removed.
        out = []
        seen = set()
        for item in raw:
            try:
                ik = encode_key(item)
            except DataError:
                continue
            if ik not in seen:
                seen.add(ik)
                out.append(ik)
        return out
    try:
        return [encode_key(raw)]
    except DataError:
        return []


class Index:
    """A handle to an index within one transaction (IDBIndex)."""

    __slots__ = ("_store", "_meta", "_db")

    def __init__(self, store: ObjectStore, meta: IndexMeta) -> None:
        self._store = store
        self._meta = meta
        self._db = store._tx._senv.handle(meta.dbname, store._tx._txn, dupsort=True)

    @property
    def name(self) -> str:
        return self._meta.name

    @name.setter
    def name(self, new_name: str) -> None:
        """Rename: https://w3c.github.io/IndexedDB/#dom-idbindex-name"""
        store = self._store
        tx = store._tx
        meta = self._meta
        new_name = str(new_name)
        if tx.mode != "versionchange":
            raise InvalidStateError("indexes can only be renamed in an upgrade transaction")
        tx._check_active()
        if meta.deleted or store._meta.deleted:
            raise InvalidStateError(f"index {meta.name!r} has been deleted")
        if meta.name == new_name:
            return
        indexes = store._meta.indexes
        if new_name in indexes:
            raise ConstraintError(f"object store {store.name!r} already has an index "
                                  f"named {new_name!r}")
        old_name = meta.name

        def rename(frm, to):
            indexes[to] = indexes.pop(frm)
            meta.name = to
            objs = store._index_objs
            if frm in objs:
                objs[to] = objs.pop(frm)
        rename(old_name, new_name)
        tx._schema_changed(lambda: rename(new_name, old_name))

    @property
    def object_store(self) -> ObjectStore:
        return self._store

    @property
    def key_path(self):
        kp = self._meta.key_path
        return list(kp) if isinstance(kp, list) else kp

    @property
    def unique(self) -> bool:
        return self._meta.unique

    @property
    def multi_entry(self) -> bool:
        return self._meta.multi_entry

    def __repr__(self) -> str:
        return (f"<Index {self._meta.name!r} on {self._store.name!r} "
                f"key_path={self._meta.key_path!r} unique={self._meta.unique} "
                f"multi_entry={self._meta.multi_entry}>")

    def _check_read(self) -> None:
        if self._meta.deleted or self._store._meta.deleted:
            raise InvalidStateError(f"index {self._meta.name!r} has been deleted")
        self._store._tx._check_active()

    def _where(self, op: str) -> str:
        return f"{op} on index {self._meta.name!r} of object store {self._store.name!r}"

    def _first(self, rng):
        """(index key, primary key) of the first entry in range, or None."""
        txn = self._store._tx._txn
        lo, lo_open, hi, hi_open = rng
        if lo is not None and lo == hi and not lo_open and not hi_open:
            pk = txn.get(lo, db=self._db)
            return None if pk is None else (lo, pk)
        with txn.cursor(db=self._db) as cur:
            for item in scan(cur, rng, dup=True):
                return item
        return None

    def get(self, query, default=None):
        """``get(query)``: the value of the first record (by index key, then primary
        key) matching the key or range.  https://w3c.github.io/IndexedDB/#dom-idbindex-get
        """
        self._check_read()
        found = self._first(to_key_range(query, null_disallowed=True))
        if found is None:
            return default
        store = self._store
        data = store._tx._txn.get(found[1], db=store._db)
        return default if data is None else store._codec.decode(data)

    def get_key(self, query, default=None):
        """``getKey(query)``: the primary key of the first matching record.

        https://w3c.github.io/IndexedDB/#dom-idbindex-getkey
        """
        self._check_read()
        found = self._first(to_key_range(query, null_disallowed=True))
        return default if found is None else decode_key(found[1])

    def get_all(self, query=None, count=None) -> list:
        """``getAll(query, count)``: https://w3c.github.io/IndexedDB/#dom-idbindex-getall"""
        self._check_read()
        rng = to_key_range(query)
        limit = _limit(count)
        store = self._store
        txn = store._tx._txn
        decode = store._codec.decode
        sdb = store._db
        out = []
        with txn.cursor(db=self._db) as cur:
            for _ik, pk in scan(cur, rng, dup=True):
                out.append(decode(txn.get(pk, db=sdb)))
                if len(out) == limit:
                    break
        return out

    def get_all_keys(self, query=None, count=None) -> list:
        """``getAllKeys(query, count)``: primary keys, in index order.

        https://w3c.github.io/IndexedDB/#dom-idbindex-getallkeys
        """
        self._check_read()
        rng = to_key_range(query)
        limit = _limit(count)
        out = []
        with self._store._tx._txn.cursor(db=self._db) as cur:
            for _ik, pk in scan(cur, rng, dup=True):
                out.append(decode_key(pk))
                if len(out) == limit:
                    break
        return out

    def count(self, query=None) -> int:
        """``count(query)``: https://w3c.github.io/IndexedDB/#dom-idbindex-count"""
        self._check_read()
        rng = to_key_range(query)
        txn = self._store._tx._txn
        if rng is None:
            return txn.stat(self._db)["entries"]
        with txn.cursor(db=self._db) as cur:
            lo, lo_open, hi, hi_open = rng
            if lo is not None and lo == hi and not lo_open and not hi_open:
                return cur.count() if cur.set_key(lo) else 0
            total = 0
            for _k in scan(cur, rng, dup=True, unique=True, values=False):
                total += cur.count()
            return total

    def open_cursor(self, query=None, direction: str = "next"):
        """``openCursor(query, direction)``:
        https://w3c.github.io/IndexedDB/#dom-idbindex-opencursor"""
        from .cursor import CursorWithValue, check_direction
        self._check_read()
        return CursorWithValue(self._store, self, to_key_range(query), check_direction(direction))

    def open_key_cursor(self, query=None, direction: str = "next"):
        """``openKeyCursor(query, direction)``:
        https://w3c.github.io/IndexedDB/#dom-idbindex-openkeycursor"""
        from .cursor import Cursor, check_direction
        self._check_read()
        return Cursor(self._store, self, to_key_range(query), check_direction(direction))
