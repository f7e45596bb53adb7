"""IDBCursor and IDBCursorWithValue over LMDB cursors.

https://w3c.github.io/IndexedDB/#cursor-interface and the iteration steps in
https://w3c.github.io/IndexedDB/#iterate-a-cursor.

A cursor's position is a key (and, for index cursors, an object store position:
the primary key).  Each step seeks the LMDB cursor to the first entry after
(or before) that position, so records added or deleted while iterating are
seen exactly as the spec says; when nothing changed since the last step, the
LMDB cursor simply moves by one.

Python usage::

    for cursor in store.open_cursor(KeyRange.bound(1, 10), "prev"):
        print(cursor.key, cursor.value)
        if cursor.key == 5:
            cursor.continue_(2)       # the next iteration jumps to key 2

If the loop body calls none of :meth:`Cursor.continue_`,
:meth:`Cursor.continue_primary_key` or :meth:`Cursor.advance`, the next
iteration continues by one record.  :meth:`Cursor.step` performs one iteration
and returns whether a record was found (for the JS request layer).
"""

from __future__ import annotations

from .codec import MISSING
from .errors import DataError, InvalidAccessError, InvalidStateError, ReadOnlyError
from .keys import check_key_size, decode_key, encode_key, key_repr

__all__ = ["Cursor", "CursorWithValue", "DIRECTIONS", "check_direction"]

DIRECTIONS = ("next", "nextunique", "prev", "prevunique")
_UNSET = object()


def check_direction(direction: str) -> str:
    if direction not in DIRECTIONS:
        raise TypeError(f"{direction!r} is not a cursor direction "
                        f"(expected one of {', '.join(DIRECTIONS)})")
    return direction


# -- seeking on an LMDB cursor ------------------------------------------------------
# `dup` is True for index databases (dupsort: key = index key, value = primary
# key).  With pk None the seek works on whole keys (all their duplicates).

def seek_ge(cur, dup: bool, k: bytes, pk: bytes | None) -> bool:
    """First entry >= (k, pk)."""
    if pk is None or not dup:
        return cur.set_range(k)
    if cur.set_range_dup(k, pk):
        return True
    if not cur.set_range(k):
        return False
    if cur.key() == k:              # k exists but all its primary keys are < pk
        return cur.next_nodup()
    return True


def seek_gt(cur, dup: bool, k: bytes, pk: bytes | None) -> bool:
    """First entry > (k, pk); with pk None, the first entry of the next key."""
    if pk is None or not dup:
        if not cur.set_range(k):
            return False
        if cur.key() == k:
            return cur.next_nodup() if dup else cur.next()
        return True
    if cur.set_range_dup(k, pk):
        if cur.value() == pk:
            return cur.next()
        return True
    if not cur.set_range(k):
        return False
    if cur.key() == k:
        return cur.next_nodup()
    return True


def seek_le(cur, dup: bool, k: bytes, pk: bytes | None) -> bool:
    """Last entry <= (k, pk); with pk None, the last entry of the last key <= k."""
    if pk is None or not dup:
        if cur.set_range(k):
            if cur.key() == k:
                return cur.last_dup() if dup else True
            return cur.prev()
        return cur.last()
    if cur.set_range_dup(k, pk):
        if cur.value() == pk:
            return True
        return cur.prev()
    if cur.set_range(k):
        if cur.key() == k:
            return cur.last_dup()
        return cur.prev()
    return cur.last()


def seek_lt(cur, dup: bool, k: bytes, pk: bytes | None) -> bool:
    """Last entry < (k, pk); with pk None, the last entry of the last key < k."""
    if pk is None or not dup:
        if cur.set_range(k):
            return cur.prev()
        return cur.last()
    if cur.set_range_dup(k, pk):
        return cur.prev()
    if cur.set_range(k):
        if cur.key() == k:
            return cur.last_dup()
        return cur.prev()
    return cur.last()


class Cursor:
    """A key cursor (IDBCursor) over an object store or an index."""

    __slots__ = ("_store", "_index", "_range", "_direction", "_forward", "_unique", "_dup",
                 "_cur", "_cur_txn", "_stamp", "_pos", "_opos", "_key", "_pk", "_data",
                 "_value", "_got_value", "_pending", "_started", "_done")

    _with_value = False

    def __init__(self, store, index, rng, direction: str) -> None:
        self._store = store
        self._index = index
        self._range = rng
        self._direction = direction
        self._forward = direction in ("next", "nextunique")
        self._unique = direction in ("nextunique", "prevunique")
        self._dup = index is not None
        self._cur = None
        self._cur_txn = None
        self._stamp = -1
        self._pos = None
        self._opos = None
        self._key = self._pk = self._value = _UNSET
        self._data = None
        self._got_value = False
        self._pending = None
        self._started = False
        self._done = False

    # -- attributes -----------------------------------------------------------------

    @property
    def direction(self) -> str:
        """"next", "nextunique", "prev" or "prevunique" (read-only)."""
        return self._direction

    @property
    def source(self):
        """The index or object store the cursor iterates."""
        return self._index if self._index is not None else self._store

    @property
    def key(self):
        """The cursor's current key (index key for index cursors), or None."""
        if self._key is _UNSET:
            self._key = None if self._pos is None else decode_key(self._pos)
        return self._key

    @property
    def primary_key(self):
        """The current record's primary key (the effective key), or None."""
        if self._index is None:
            return self.key
        if self._pk is _UNSET:
            self._pk = None if self._opos is None else decode_key(self._opos)
        return self._pk

    def __repr__(self) -> str:
        return (f"<{type(self).__name__} over {self.source!r} direction={self._direction!r} "
                f"key={key_repr(self.key) if self._pos is not None else None}>")

    # -- checks ---------------------------------------------------------------------

    def _deleted(self) -> bool:
        return self._store._meta.deleted or (self._index is not None and self._index._meta.deleted)

    def _check_usable(self) -> None:
        """Transaction active, then source not deleted (the order of the spec's
        continue/advance steps)."""
        self._store._tx._check_active()
        if self._deleted():
            raise InvalidStateError(f"the cursor's source {self.source.name!r} has been deleted")

    def _check_got_value(self, op: str) -> None:
        if not self._got_value:
            raise InvalidStateError(
                f"cursor.{op}(): the cursor is being iterated or has finished; wait for "
                "the next iteration")

    # -- requested moves ----------------------------------------------------------------

    def continue_(self, key=None) -> None:
        """``continue(key)``: https://w3c.github.io/IndexedDB/#dom-idbcursor-continue"""
        self._check_usable()
        self._check_got_value("continue_")
        ek = None
        if key is not None:
            ek = check_key_size(encode_key(key), key)
            if self._forward and ek <= self._pos:
                raise DataError(f"cursor.continue_({key_repr(key)}): the key is not after the "
                                f"cursor's position {key_repr(self.key)}")
            if not self._forward and ek >= self._pos:
                raise DataError(f"cursor.continue_({key_repr(key)}): the key is not before the "
                                f"cursor's position {key_repr(self.key)}")
        self._got_value = False
        self._pending = ("continue", ek, None)

    def continue_primary_key(self, key, primary_key) -> None:
        """``continuePrimaryKey(key, primaryKey)`` (index cursors, next/prev only).

        https://w3c.github.io/IndexedDB/#dom-idbcursor-continueprimarykey
        """
        self._check_usable()
        if self._index is None:
            raise InvalidAccessError("continue_primary_key() needs an index cursor")
        if self._unique:
            raise InvalidAccessError(f"continue_primary_key() cannot be used with direction "
                                     f"{self._direction!r}")
        self._check_got_value("continue_primary_key")
        ek = check_key_size(encode_key(key), key)
        epk = check_key_size(encode_key(primary_key), primary_key)
        if self._forward:
            if ek < self._pos or (ek == self._pos and epk <= self._opos):
                raise DataError(f"continue_primary_key({key_repr(key)}, {key_repr(primary_key)}): "
                                "the target is not after the cursor's position")
        elif ek > self._pos or (ek == self._pos and epk >= self._opos):
            raise DataError(f"continue_primary_key({key_repr(key)}, {key_repr(primary_key)}): "
                            "the target is not before the cursor's position")
        self._got_value = False
        self._pending = ("primary", ek, epk)

    def advance(self, count: int) -> None:
        """``advance(count)``: https://w3c.github.io/IndexedDB/#dom-idbcursor-advance"""
        if isinstance(count, bool) or not isinstance(count, int) or count <= 0:
            raise TypeError(f"advance() count must be a positive int, not {count!r}")
        self._check_usable()
        self._check_got_value("advance")
        self._got_value = False
        self._pending = ("advance", count, None)

    # -- iteration --------------------------------------------------------------------------

    def __iter__(self):
        return self

    def __next__(self):
        if self.step():
            return self
        raise StopIteration

    def step(self) -> bool:
        """Carry out the requested move (or continue by one) and return whether
        the cursor now sits on a record.  https://w3c.github.io/IndexedDB/#iterate-a-cursor"""
        if self._done:
            return False
        self._check_usable()
        tx = self._store._tx
        cur = self._cur
        if cur is None or self._cur_txn is not tx._txn:
            db = self._index._db if self._dup else self._store._db
            cur = self._cur = tx._txn.cursor(db=db)
            self._cur_txn = tx._txn
            self._stamp = -1
        if not self._started:
            self._started = True
            found = self._first(cur)
        else:
            pending = self._pending
            self._pending = None
            if pending is None:
                found = self._one(cur)
            elif pending[0] == "continue":
                found = self._to_key(cur, pending[1], None) if pending[1] is not None \
                    else self._one(cur)
            elif pending[0] == "primary":
                found = self._to_key(cur, pending[1], pending[2])
            else:
                found = False
                for _i in range(pending[1]):
                    found = self._one(cur)
                    if not found:
                        break
        if found:
            self._got_value = True
        else:
            self._done = True
            self._got_value = False
            self._pos = self._opos = self._data = None
            self._key = self._pk = self._value = _UNSET
        return found

    def _land(self, cur, found: bool) -> bool:
        """Record the position the LMDB cursor landed on, if it is in range."""
        if not found:
            return False
        k = cur.key()
        rng = self._range
        if rng is not None:
            if self._forward:
                hi = rng[2]
                if hi is not None and (k > hi or (rng[3] and k == hi)):
                    return False
            else:
                lo = rng[0]
                if lo is not None and (k < lo or (rng[1] and k == lo)):
                    return False
        store = self._store
        tx = store._tx
        self._pos = k
        if self._dup:
            self._opos = cur.value()
            if self._with_value:
                self._data = tx._txn.get(self._opos, db=store._db)
        else:
            self._opos = k
            if self._with_value:
                self._data = cur.value()
        self._key = self._pk = self._value = _UNSET
        self._stamp = tx._stamp()
        return True

    def _first(self, cur) -> bool:
        dup = self._dup
        lo, lo_open, hi, hi_open = self._range or (None, False, None, False)
        if self._forward:
            if lo is None:
                found = cur.first()
            elif lo_open:
                found = seek_gt(cur, dup, lo, None)
            else:
                found = seek_ge(cur, dup, lo, None)
        else:
            if hi is None:
                found = cur.last()
            elif hi_open:
                found = seek_lt(cur, dup, hi, None)
            else:
                found = seek_le(cur, dup, hi, None)
            if found and dup and self._unique:
                found = cur.first_dup()
        return self._land(cur, found)

    def _one(self, cur) -> bool:
        """Move one record in the cursor's direction."""
        dup = self._dup
        fast = self._stamp == self._store._tx._stamp()
        direction = self._direction
        if direction == "next":
            found = cur.next() if fast else seek_gt(cur, dup, self._pos,
                                                    self._opos if dup else None)
        elif direction == "nextunique":
            if fast:
                found = cur.next_nodup() if dup else cur.next()
            else:
                found = seek_gt(cur, dup, self._pos, None)
        elif direction == "prev":
            found = cur.prev() if fast else seek_lt(cur, dup, self._pos,
                                                    self._opos if dup else None)
        else:
            if fast:
                found = cur.prev_nodup() if dup else cur.prev()
            else:
                found = seek_lt(cur, dup, self._pos, None)
            if found and dup:
                found = cur.first_dup()
        return self._land(cur, found)

    def _to_key(self, cur, ek: bytes, epk: bytes | None) -> bool:
        """Move to the first record at or beyond (ek, epk) in the cursor's direction."""
        dup = self._dup
        if self._forward:
            found = seek_ge(cur, dup, ek, epk)
        else:
            found = seek_le(cur, dup, ek, epk)
            if found and dup and self._unique:
                found = cur.first_dup()
        return self._land(cur, found)

    # -- mutations (value cursors) ----------------------------------------------------------

    def _check_mutation(self, op: str) -> None:
        tx = self._store._tx
        tx._check_active()
        if tx._readonly:
            raise ReadOnlyError(f"cursor.{op}(): the transaction is readonly")
        if self._deleted():
            raise InvalidStateError(f"the cursor's source {self.source.name!r} has been deleted")
        self._check_got_value(op)
        if not self._with_value:
            raise InvalidStateError(f"cursor.{op}() needs a cursor with values "
                                    "(open_cursor, not open_key_cursor)")

    def update(self, value):
        """``update(value)``: replace the current record's value; returns its key.

        https://w3c.github.io/IndexedDB/#dom-idbcursor-update
        """
        self._check_mutation("update")
        store = self._store
        kp = store._meta.key_path
        if kp is not None:
            # The value's in-line key must equal the cursor's effective key.
            raw = store._extract(value)
            try:
                same = raw is not MISSING and encode_key(raw) == self._opos
            except DataError:
                same = False
            if not same:
                raise DataError(
                    f"cursor.update() on object store {store.name!r}: the value's key at key "
                    f"path {kp!r} ({'missing' if raw is MISSING else key_repr(raw)}) must equal "
                    f"the cursor's primary key {key_repr(self.primary_key)}")
            return store._store(value, None, False, "update")
        return store._store(value, self.primary_key, False, "update")

    def delete(self) -> None:
        """``delete()``: remove the current record.

        https://w3c.github.io/IndexedDB/#dom-idbcursor-delete
        """
        self._check_mutation("delete")
        self._store._delete_encoded(self._opos)
        return None


class CursorWithValue(Cursor):
    """A cursor that also exposes the record's value (IDBCursorWithValue)."""

    __slots__ = ()
    _with_value = True

    @property
    def value(self):
        """The current record's value (decoded once, then the same object)."""
        if self._value is _UNSET:
            data = self._data
            self._value = None if data is None else self._store._codec.decode(data)
        return self._value
