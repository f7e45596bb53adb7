"""Cursors over object stores and indexes, in all four directions."""

from __future__ import annotations

import pytest

from jsrt.store import (DataError, InvalidAccessError, InvalidStateError, KeyRange,
                        ReadOnlyError, TransactionInactiveError)

RECORDS = [(1, "b"), (2, "a"), (3, "b"), (4, "c"), (5, "a"), (6, "b")]


@pytest.fixture
def db(make_db):
    def up(db, tx, old, new):
        s = db.create_object_store("s")
        s.create_index("i", "k")
        for pk, k in RECORDS:
            s.put({"k": k, "pk": pk}, pk)
    return make_db(up)


def walk(cursor):
    return [(c.key, c.primary_key) for c in cursor]


@pytest.mark.parametrize("direction, expected", [
    ("next", [1, 2, 3, 4, 5, 6]),
    ("nextunique", [1, 2, 3, 4, 5, 6]),
    ("prev", [6, 5, 4, 3, 2, 1]),
    ("prevunique", [6, 5, 4, 3, 2, 1]),
])
def test_store_cursor_directions(db, direction, expected):
    with db.transaction("s") as tx:
        assert [k for k, _pk in walk(tx.object_store("s").open_cursor(None, direction))] == expected


@pytest.mark.parametrize("direction, expected", [
    ("next", [("a", 2), ("a", 5), ("b", 1), ("b", 3), ("b", 6), ("c", 4)]),
    ("nextunique", [("a", 2), ("b", 1), ("c", 4)]),
    ("prev", [("c", 4), ("b", 6), ("b", 3), ("b", 1), ("a", 5), ("a", 2)]),
    ("prevunique", [("c", 4), ("b", 1), ("a", 2)]),
])
def test_index_cursor_directions(db, direction, expected):
    with db.transaction("s") as tx:
        assert walk(tx.object_store("s").index("i").open_cursor(None, direction)) == expected


@pytest.mark.parametrize("direction, closed, open_", [
    ("next", [("a", 2), ("a", 5), ("b", 1), ("b", 3), ("b", 6)], [("b", 1), ("b", 3), ("b", 6)]),
    ("nextunique", [("a", 2), ("b", 1)], [("b", 1)]),
    ("prev", [("b", 6), ("b", 3), ("b", 1), ("a", 5), ("a", 2)], [("b", 6), ("b", 3), ("b", 1)]),
    ("prevunique", [("b", 1), ("a", 2)], [("b", 1)]),
])
def test_index_cursor_ranges(db, direction, closed, open_):
    with db.transaction("s") as tx:
        ix = tx.object_store("s").index("i")
        assert walk(ix.open_cursor(KeyRange.bound("a", "b"), direction)) == closed
        assert walk(ix.open_cursor(KeyRange.bound("a", "c", True, True), direction)) == open_


def test_store_cursor_ranges_and_values(db):
    with db.transaction("s") as tx:
        s = tx.object_store("s")
        assert [c.key for c in s.open_cursor(KeyRange.bound(2, 5, True, False))] == [3, 4, 5]
        assert [c.key for c in s.open_cursor(KeyRange.bound(2, 5, False, True), "prev")] == [4, 3, 2]
        assert [c.value["k"] for c in s.open_cursor(3)] == ["b"]
        assert [c.key for c in s.open_key_cursor(KeyRange.lower_bound(5))] == [5, 6]
        assert list(s.open_cursor(KeyRange.bound(10, 20))) == []
        kc = s.open_key_cursor()
        next(kc)
        assert not hasattr(kc, "value")


def test_continue_with_key_and_advance(db):
    with db.transaction("s") as tx:
        s = tx.object_store("s")
        seen = []
        for c in s.open_cursor():
            seen.append(c.key)
            if c.key == 1:
                c.continue_(4)
            elif c.key == 4:
                c.advance(2)
        assert seen == [1, 4, 6]
        seen = []
        for c in s.index("i").open_cursor(None, "prev"):
            seen.append((c.key, c.primary_key))
            if c.key == "c":
                c.continue_("a")
        assert seen == [("c", 4), ("a", 5), ("a", 2)]


def test_continue_key_must_move_forward(db):
    with db.transaction("s") as tx:
        c = tx.object_store("s").open_cursor()
        next(c)
        next(c)
        with pytest.raises(DataError, match="not after"):
            c.continue_(1)
        with pytest.raises(DataError, match="not after"):
            c.continue_(2)
        c.continue_(3)
        with pytest.raises(InvalidStateError, match="being iterated"):
            c.continue_(5)
        with pytest.raises(InvalidStateError):
            c.advance(1)
        assert next(c).key == 3
        with pytest.raises(TypeError):
            c.advance(0)
        p = tx.object_store("s").open_cursor(None, "prev")
        next(p)
        with pytest.raises(DataError, match="not before"):
            p.continue_(6)


def test_continue_primary_key(db):
    with db.transaction("s") as tx:
        ix = tx.object_store("s").index("i")
        c = ix.open_cursor()
        assert next(c).primary_key == 2
        c.continue_primary_key("b", 3)
        assert (next(c).key, c.primary_key) == ("b", 3)
        c.continue_primary_key("b", 4)
        assert (next(c).key, c.primary_key) == ("b", 6)
        with pytest.raises(DataError):
            c.continue_primary_key("b", 6)
        with pytest.raises(DataError):
            c.continue_primary_key("a", 9)
        c.continue_primary_key("b", 7)
        assert (next(c).key, c.primary_key) == ("c", 4)
        p = ix.open_cursor(None, "prev")
        next(p)
        p.continue_primary_key("b", 2)
        assert (next(p).key, p.primary_key) == ("b", 1)
        u = ix.open_cursor(None, "nextunique")
        next(u)
        with pytest.raises(InvalidAccessError):
            u.continue_primary_key("b", 1)
        sc = tx.object_store("s").open_cursor()
        next(sc)
        with pytest.raises(InvalidAccessError):
            sc.continue_primary_key(2, 2)


def test_update_and_delete_through_cursors(db):
    with db.transaction("s", "readwrite") as tx:
        s = tx.object_store("s")
        for c in s.open_cursor():
            if c.key % 2:
                v = c.value
                v["odd"] = True
                assert c.update(v) == c.key
            else:
                c.delete()
        assert s.get_all_keys() == [1, 3, 5]
        assert all(v["odd"] for v in s.get_all())
        for c in s.index("i").open_cursor(KeyRange.only("b")):
            c.delete()
        assert s.get_all_keys() == [5]
        assert s.index("i").get_all_keys() == [5]
    with db.transaction("s") as tx:
        c = next(tx.object_store("s").open_cursor())
        with pytest.raises(ReadOnlyError):
            c.update(c.value)
        with pytest.raises(ReadOnlyError):
            c.delete()


def test_update_checks(make_db):
    def up(db, tx, old, new):
        s = db.create_object_store("s", key_path="id")
        s.put({"id": 1})
        s.put({"id": 2})
    db = make_db(up)
    with db.transaction("s", "readwrite") as tx:
        c = next(tx.object_store("s").open_cursor())
        with pytest.raises(DataError, match="must equal the cursor's primary key"):
            c.update({"id": 2})
        assert c.update({"id": 1, "x": 1}) == 1
        kc = next(tx.object_store("s").open_key_cursor())
        with pytest.raises(InvalidStateError):
            kc.delete()
        c.continue_()
        with pytest.raises(InvalidStateError):
            c.update({"id": 1})
        with pytest.raises(InvalidStateError):
            c.delete()


def test_mutations_during_iteration_follow_positions(make_db):
    def up(db, tx, old, new):
        s = db.create_object_store("s")
        for k in (10, 20, 30, 40):
            s.put(k, k)
    db = make_db(up)
    with db.transaction("s", "readwrite") as tx:
        s = tx.object_store("s")
        seen = []
        for c in s.open_cursor():
            seen.append(c.key)
            if c.key == 10:
                s.delete(20)
                s.put(25, 25)
                s.put(5, 5)                # behind the cursor: not visited
            if c.key == 30:
                s.put(35, 35)
        assert seen == [10, 25, 30, 35, 40]
        seen = []
        for c in s.open_cursor(None, "prev"):
            seen.append(c.key)
            if c.key == 35:
                s.delete(30)
        assert seen == [40, 35, 25, 10, 5]


def test_cursor_after_transaction_end_or_store_deletion(db, store):
    tx = db.transaction("s")
    c = tx.object_store("s").open_cursor()
    next(c)
    tx.commit()
    with pytest.raises(TransactionInactiveError):
        c.continue_()
    with pytest.raises(TransactionInactiveError):
        next(c)

    def v2(d, t, old, new):
        cur = t.object_store("s").open_cursor()
        next(cur)
        d.delete_object_store("s")
        with pytest.raises(InvalidStateError):
            cur.continue_()
        with pytest.raises(InvalidStateError):
            cur.advance(1)
    db.close()
    store.open_database("db", 2, v2)


def test_step_api_for_request_layers(db):
    with db.transaction("s") as tx:
        c = tx.object_store("s").open_cursor(KeyRange.bound(5, 6))
        assert c.step() and c.key == 5
        assert c.step() and c.key == 6
        assert not c.step() and c.key is None and c.value is None
        assert not c.step()
        assert c.direction == "next" and c.source.name == "s"


def test_large_iteration_uses_cursor_not_list(make_db):
    def up(db, tx, old, new):
        s = db.create_object_store("s")
        s.create_index("m", "m")
        for i in range(3000):
            s.put({"m": i % 7}, i)
    db = make_db(up)
    with db.transaction("s") as tx:
        ix = tx.object_store("s").index("m")
        keys = [(c.key, c.primary_key) for c in ix.open_key_cursor()]
        assert keys == sorted(keys) and len(keys) == 3000
        assert [c.key for c in ix.open_key_cursor(None, "prevunique")] == list(range(6, -1, -1))
        assert [c.primary_key for c in ix.open_key_cursor(None, "prevunique")] == list(range(6, -1, -1))
