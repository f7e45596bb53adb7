"""Object stores and indexes: records, key paths, key generators, ranges."""

from __future__ import annotations

import datetime as dt

import pytest

import jsrt.store as js
from jsrt.store import (ConstraintError, DataCloneError, DataError, InvalidAccessError,
                        KeyPathSyntaxError, KeyRange, NotFoundError, ReadOnlyError)


def rw(db, name="s"):
    return db.transaction(name, "readwrite")


def test_out_of_line_keys(make_db):
    db = make_db(lambda d, t, o, n: d.create_object_store("s"))
    with rw(db) as tx:
        s = tx.object_store("s")
        assert s.put("a", 1) == 1.0
        assert s.add("b", "k") == "k"
        assert s.put("c", [1, "x"]) == [1.0, "x"]
        assert s.put("a2", 1) == 1.0            # put replaces
        with pytest.raises(ConstraintError, match="add to object store 's': key 1 already exists"):
            s.add("dup", 1)
        with pytest.raises(DataError, match="out-of-line keys and has no key generator"):
            s.put("no key")
        with pytest.raises(DataError, match="NaN"):
            s.put("v", float("nan"))
    with db.transaction("s") as tx:
        s = tx.object_store("s")
        assert s.get(1) == "a2" and s.get("k") == "b" and s.get([1, "x"]) == "c"
        assert s.get(99) is None and s.get(99, "dflt") == "dflt"
        assert s.count() == 3


def test_in_line_keys_and_key_path_errors(make_db):
    db = make_db(lambda d, t, o, n: d.create_object_store("s", key_path="a.b"))
    with rw(db) as tx:
        s = tx.object_store("s")
        assert s.put({"a": {"b": 5}, "v": 1}) == 5.0
        with pytest.raises(DataError, match="in-line keys"):
            s.put({"a": {"b": 6}}, 6)
        with pytest.raises(DataError, match="key path 'a.b' did not yield a value"):
            s.put({"a": {}})
        with pytest.raises(DataError, match="key path 'a.b' did not yield a valid key.*booleans"):
            s.put({"a": {"b": True}})
        assert s.get(5) == {"a": {"b": 5}, "v": 1}
    assert s.key_path == "a.b" and not s.auto_increment


def test_array_and_empty_key_paths(make_db):
    def up(db, tx, old, new):
        db.create_object_store("arr", key_path=["x", "y.z"])
        db.create_object_store("self", key_path="")
    db = make_db(up)
    with db.transaction(["arr", "self"], "readwrite") as tx:
        assert tx.object_store("arr").put({"x": 1, "y": {"z": "q"}}) == [1.0, "q"]
        with pytest.raises(DataError):
            tx.object_store("arr").put({"x": 1})
        s = tx.object_store("self")
        assert s.put("bean") == "bean"
        assert s.put(10) == 10.0
        assert s.put(["bags"]) == ["bags"]
        assert s.get_all_keys() == [10.0, "bean", ["bags"]]


def test_value_is_cloned_not_referenced(make_db):
    db = make_db(lambda d, t, o, n: d.create_object_store("s", key_path="id", auto_increment=True))
    value = {"name": "n"}
    with rw(db) as tx:
        assert tx.object_store("s").put(value) == 1.0
        value["name"] = "changed"
        assert tx.object_store("s").get(1) == {"name": "n", "id": 1.0}
    assert value == {"name": "changed"}            # the caller's object is not injected
    with rw(db) as tx:
        with pytest.raises(DataCloneError, match=r"value\['f'\]"):
            tx.object_store("s").put({"f": object()})


def test_key_generator(make_db):
    db = make_db(lambda d, t, o, n: d.create_object_store("s", auto_increment=True))
    with rw(db) as tx:
        s = tx.object_store("s")
        assert [s.put("v") for _ in range(3)] == [1, 2, 3]
        assert s.put("v", 10.5) == 10.5
        assert s.put("v") == 11                   # floor(10.5) + 1
        assert s.put("v", -5) == -5
        assert s.put("v", "str") == "str"          # non-numbers leave it alone
        assert s.put("v") == 12
        assert s.add("v", 100) == 100
        with pytest.raises(ConstraintError):
            s.add("v", 100)
        assert s.put("v") == 101


def test_key_generator_exhaustion_and_big_keys(make_db):
    db = make_db(lambda d, t, o, n: d.create_object_store("s", auto_increment=True))
    with rw(db) as tx:
        s = tx.object_store("s")
        s.put("v", 2 ** 53 - 1)
        assert s.put("v") == 2 ** 53
        with pytest.raises(ConstraintError, match="key generator is exhausted"):
            s.put("v")
        assert s.put("v", 2.0 ** 60) == 2.0 ** 60  # explicit keys still work
    db2 = make_db(lambda d, t, o, n: d.create_object_store("s", auto_increment=True), name="b")
    with rw(db2) as tx:
        s = tx.object_store("s")
        s.put("v", float("-inf"))
        assert s.put("v") == 1
        s.put("v", float("inf"))
        with pytest.raises(ConstraintError):
            s.put("v")


def test_key_generator_reverts_on_abort_and_failed_request(make_db):
    db = make_db(lambda d, t, o, n: d.create_object_store("s", key_path="id", auto_increment=True))
    with rw(db) as tx:
        tx.object_store("s").put({})
    tx = rw(db)
    assert tx.object_store("s").put({}) == 2
    tx.abort()
    with rw(db) as tx:
        s = tx.object_store("s")
        assert s.put({}) == 2
        with pytest.raises(ConstraintError):
            s.add({"id": 50}) and s.add({"id": 50})
        assert s.put({}) == 51


def test_generated_key_injection(make_db):
    def up(db, tx, old, new):
        db.create_object_store("one", key_path="id", auto_increment=True)
        db.create_object_store("deep", key_path="a.b.id", auto_increment=True)
    db = make_db(up)
    with db.transaction(["one", "deep"], "readwrite") as tx:
        one, deep = tx.object_store("one"), tx.object_store("deep")
        assert one.put({"name": "n"}) == 1
        assert one.get(1) == {"name": "n", "id": 1}
        assert deep.put({"name": "n1", "b": {"name": "n2"}}) == 1
        assert deep.get(1) == {"name": "n1", "b": {"name": "n2"}, "a": {"b": {"id": 1}}}
        with pytest.raises(DataError, match="cannot be stored at key path 'id'"):
            one.put(123)
        with pytest.raises(DataError):
            deep.put({"a": 123})
        with pytest.raises(DataError):
            deep.put({"a": {"b": 123}})


@pytest.mark.parametrize("kw, exc", [
    (dict(key_path="", auto_increment=True), InvalidAccessError),
    (dict(key_path=["a"], auto_increment=True), InvalidAccessError),
    (dict(key_path=[], auto_increment=True), KeyPathSyntaxError),
    (dict(key_path="a b"), KeyPathSyntaxError),
])
def test_create_object_store_option_errors(store, kw, exc):
    def up(db, tx, old, new):
        with pytest.raises(exc):
            db.create_object_store("s", **kw)
        db.create_object_store("s")
        with pytest.raises(ConstraintError):
            db.create_object_store("s")
    store.open_database("db", 1, up)


def populate(make_db, n=10):
    def up(db, tx, old, new):
        s = db.create_object_store("s")
        for i in range(n):
            s.put(f"v{i}", i)
    return make_db(up)


def test_ranges_for_get_count_delete(make_db):
    db = populate(make_db)
    with rw(db) as tx:
        s = tx.object_store("s")
        assert s.get(KeyRange.bound(3, 6)) == "v3"
        assert s.get(KeyRange.lower_bound(3, True)) == "v4"
        assert s.get_key(KeyRange.upper_bound(3, True)) == 0
        assert s.get_all(KeyRange.bound(3, 6, True, True)) == ["v4", "v5"]
        assert s.get_all(None, 2) == ["v0", "v1"]
        assert s.get_all_keys(KeyRange.lower_bound(8)) == [8, 9]
        assert s.count(KeyRange.bound(2, 4)) == 3 and s.count(5) == 1 and s.count(50) == 0
        assert s.get(KeyRange.bound(100, 200)) is None
        s.delete(KeyRange.bound(2, 7))
        assert s.get_all_keys() == [0, 1, 8, 9]
        s.delete(8)
        s.delete(1234)
        assert s.count() == 3
        s.clear()
        assert s.count() == 0 and s.get_all() == []
        with pytest.raises(DataError):
            s.delete(None)
        with pytest.raises(DataError):
            s.get(None)
        with pytest.raises(TypeError):
            s.get_all(None, -1)


def test_readonly_and_scope_errors(make_db):
    db = populate(make_db)
    with db.transaction("s") as tx:
        s = tx.object_store("s")
        for call in (lambda: s.put("x", 1), lambda: s.add("x", 99), lambda: s.delete(1),
                     lambda: s.clear()):
            with pytest.raises(ReadOnlyError):
                call()
        with pytest.raises(NotFoundError):
            tx.object_store("other")
        with pytest.raises(NotFoundError):
            s.index("nope")


def test_indexes_unique_multientry_and_missing_values(make_db):
    def up(db, tx, old, new):
        s = db.create_object_store("people", key_path="id")
        s.create_index("email", "email", unique=True)
        s.create_index("tags", "tags", multi_entry=True)
        s.create_index("name_age", ["name", "age"])
    db = make_db(up)
    with rw(db, "people") as tx:
        s = tx.object_store("people")
        s.put({"id": 1, "email": "a@x", "tags": ["t1", "t2", "t1", {}, None], "name": "A", "age": 3})
        s.put({"id": 2, "email": "b@x", "tags": "t2", "name": "B"})
        s.put({"id": 3, "tags": [], "name": "C", "age": 1})
        s.put({"id": 4, "email": True, "tags": [["nested"]]})
        with pytest.raises(ConstraintError, match="index 'email' is unique.*'a@x'"):
            s.put({"id": 5, "email": "a@x"})
        assert s.get(5) is None                  # the failed put changed nothing
        s.put({"id": 1, "email": "a@x", "tags": ["t3"]})    # same record keeps its email
        email, tags, na = s.index("email"), s.index("tags"), s.index("name_age")
        assert email.get_all_keys() == [1, 2]
        assert [(c.key, c.primary_key) for c in tags.open_key_cursor()] == [
            ("t2", 2), ("t3", 1), (["nested"], 4)]
        assert na.get_all_keys() == [3]
        assert tags.count() == 3 and tags.count("t2") == 1
        assert email.get("b@x")["id"] == 2 and email.get_key("a@x") == 1
        assert email.get("zzz") is None
        s.delete(1)
        assert email.get_all_keys() == [2] and tags.count("t3") == 0
        s.clear()
        assert email.count() == 0 and tags.count() == 0


def test_index_orders_by_index_key_then_primary_key(make_db):
    def up(db, tx, old, new):
        s = db.create_object_store("s")
        s.create_index("i", "k")
        for pk, k in [(5, "b"), (1, "b"), (3, "a"), (2, "c"), (4, "b")]:
            s.put({"k": k}, pk)
    db = make_db(up)
    with db.transaction("s") as tx:
        ix = tx.object_store("s").index("i")
        assert ix.get_all_keys() == [3, 1, 4, 5, 2]
        assert ix.get("b") == {"k": "b"} and ix.get_key("b") == 1
        assert ix.get_all_keys(KeyRange.bound("a", "b", True)) == [1, 4, 5]
        assert ix.get_all(KeyRange.only("b"), 2) == [{"k": "b"}] * 2
        assert ix.count(KeyRange.bound("a", "b")) == 4


def test_create_index_builds_over_existing_records_and_unique_violation_aborts(store):
    def v1(db, tx, old, new):
        s = db.create_object_store("s")
        s.put({"a": 1}, 1)
        s.put({"a": 1}, 2)
        s.put({"b": 1}, 3)
        s.create_index("plain", "a")
        assert s.index("plain").get_all_keys() == [1, 2]
    db = store.open_database("db", 1, v1)

    def v2(db, tx, old, new):
        tx.object_store("s").create_index("uniq", "a", unique=True)
    with pytest.raises(ConstraintError, match="unique"):
        store.open_database("db", 2, v2)
    db = store.open_database("db")
    assert db.version == 1
    with db.transaction("s") as tx:
        assert tx.object_store("s").index_names == ["plain"]


def test_index_creation_errors(store):
    def up(db, tx, old, new):
        s = db.create_object_store("s")
        s.create_index("a", "a")
        with pytest.raises(ConstraintError):
            s.create_index("a", "invalid key path")
        with pytest.raises(KeyPathSyntaxError):
            s.create_index("b", ["invalid key path 1"], multi_entry=True)
        with pytest.raises(InvalidAccessError):
            s.create_index("b", ["x", "y"], multi_entry=True)
        s.delete_index("a")
        with pytest.raises(NotFoundError):
            s.delete_index("a")
    store.open_database("db", 1, up)


def test_keys_of_every_type_round_trip(make_db):
    db = make_db(lambda d, t, o, n: d.create_object_store("s"))
    keys = [-1.5, 0, float("inf"), dt.datetime(2020, 1, 2, 3, 4, 5, 6000), "", "\U0001F600",
            b"\x00\xff", [], [1, ["a", b"b"]]]
    with rw(db) as tx:
        s = tx.object_store("s")
        for i, k in enumerate(keys):
            s.put(i, k)
    with db.transaction("s") as tx:
        got = tx.object_store("s").get_all_keys()
    assert got == keys


def test_long_keys_are_a_clear_data_error(make_db):
    db = make_db(lambda d, t, o, n: d.create_object_store("s"))
    with rw(db) as tx:
        with pytest.raises(js.DataError, match="too long"):
            tx.object_store("s").put("v", "x" * 600)
