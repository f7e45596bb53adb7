"""Databases: versions, upgrades, deletion, connections."""

from __future__ import annotations

import pytest

import jsrt.store as js
from jsrt.store import AbortError, InvalidStateError, NotFoundError, VersionError


def test_new_database_runs_upgrade_from_zero(store):
    calls = []

    def upgrade(db, tx, old, new):
        calls.append((old, new, db.version, tx.mode))
        db.create_object_store("s")
    db = store.open_database("app", 3, upgrade)
    assert calls == [(0, 3, 3, "versionchange")]
    assert (db.name, db.version, db.object_store_names) == ("app", 3, ["s"])
    assert store.database_names() == ["app"]
    assert store.databases() == [{"name": "app", "version": 3}]


def test_default_version_is_one_then_current(store):
    assert store.open_database("app").version == 1
    assert store.open_database("app").version == 1
    store.open_database("app", 5)
    assert store.open_database("app").version == 5


def test_lower_version_is_a_version_error(store):
    store.open_database("app", 4)
    with pytest.raises(VersionError, match="version 4"):
        store.open_database("app", 2)


@pytest.mark.parametrize("bad", [0, -1, 1.5, "2", True])
def test_version_must_be_a_positive_int(store, bad):
    with pytest.raises(TypeError):
        store.open_database("app", bad)


def test_upgrade_from_existing_version_keeps_data(store, simple_store):
    db = store.open_database("app", 1, simple_store())
    with db.transaction("s", "readwrite") as tx:
        tx.object_store("s").put("one", 1)
    seen = []

    def v2(db, tx, old, new):
        seen.append(tx.object_store("s").get(1))
        db.create_object_store("t")
    db2 = store.open_database("app", 2, v2)
    assert seen == ["one"] and db2.object_store_names == ["s", "t"]


def test_exception_in_upgrade_rolls_everything_back(store, simple_store):
    db = store.open_database("app", 1, simple_store())
    with db.transaction("s", "readwrite") as tx:
        tx.object_store("s").put("one", 1)

    def v2(db, tx, old, new):
        db.create_object_store("t")
        tx.object_store("s").put("two", 2)
        db.delete_object_store("s")
        raise ValueError("boom")
    with pytest.raises(ValueError, match="boom"):
        store.open_database("app", 2, v2)
    db = store.open_database("app")
    assert db.version == 1 and db.object_store_names == ["s"]
    with db.transaction("s") as tx:
        assert tx.object_store("s").get_all() == ["one"]


def test_abort_in_upgrade_is_an_abort_error(store):
    def upgrade(db, tx, old, new):
        db.create_object_store("s")
        tx.abort()
    with pytest.raises(AbortError):
        store.open_database("app", 1, upgrade)
    assert store.database_names() == []


def test_delete_database(store, simple_store):
    db = store.open_database("app", 2, simple_store())
    with db.transaction("s", "readwrite") as tx:
        tx.object_store("s").put("x", 1)
    assert store.delete_database("app") == 2
    assert store.database_names() == []
    assert store.delete_database("app") is None
    with pytest.raises(InvalidStateError, match="deleted"):
        db.transaction("s")
    db = store.open_database("app", 1, simple_store())
    with db.transaction("s") as tx:
        assert tx.object_store("s").count() == 0


def test_stale_connection_after_upgrade_elsewhere(store, simple_store):
    old = store.open_database("app", 1, simple_store())
    events = []
    old.on_versionchange = lambda conn, o, n: events.append((o, n))
    store.open_database("app", 2)
    assert events == [(1, 2)]
    with pytest.raises(InvalidStateError, match="upgraded to version 2"):
        old.transaction("s")


def test_closed_connection(store, simple_store):
    db = store.open_database("app", 1, simple_store())
    db.close()
    with pytest.raises(InvalidStateError, match="closed"):
        db.transaction("s")


def test_schema_calls_outside_upgrade_are_invalid_state(store, simple_store):
    db = store.open_database("app", 1, simple_store())
    with pytest.raises(InvalidStateError):
        db.create_object_store("t")
    with pytest.raises(InvalidStateError):
        db.delete_object_store("s")
    with db.transaction("s", "readwrite") as tx:
        s = tx.object_store("s")
        with pytest.raises(InvalidStateError):
            s.create_index("i", "a")
        with pytest.raises(InvalidStateError):
            s.name = "u"


def test_transaction_argument_checks(store, simple_store):
    db = store.open_database("app", 1, simple_store())
    with pytest.raises(NotFoundError):
        db.transaction("nope")
    with pytest.raises(js.InvalidAccessError):
        db.transaction([])
    with pytest.raises(TypeError):
        db.transaction("s", "versionchange")
    with pytest.raises(TypeError):
        db.transaction("s", "readWrite")


def test_transaction_inside_upgrade_is_invalid_state(store):
    def upgrade(db, tx, old, new):
        db.create_object_store("s")
        with pytest.raises(InvalidStateError):
            db.transaction("s")
    store.open_database("app", 1, upgrade)


def test_rename_store_and_index(store):
    def v1(db, tx, old, new):
        s = db.create_object_store("s")
        s.create_index("i", "a")
        s.put({"a": 1}, 1)
    store.open_database("app", 1, v1)

    def v2(db, tx, old, new):
        s = tx.object_store("s")
        s.name = "t"
        s.index("i").name = "j"
        assert db.object_store_names == ["t"] and s.index_names == ["j"]
        with pytest.raises(js.ConstraintError):
            db.create_object_store("t")
    db = store.open_database("app", 2, v2)
    with db.transaction("t") as tx:
        assert tx.object_store("t").index("j").get(1) == {"a": 1}


def test_database_names_sort_by_code_unit(store):
    for name in ["b", "\uFFFD", "\U0001D11E", "a", ""]:
        store.open_database(name)
    assert store.database_names() == ["", "a", "b", "\U0001D11E", "\uFFFD"]


def test_open_database_with_custom_codec(store, simple_store):
    class Upper(js.PythonValueCodec):
        name = "upper"

        def encode(self, value):
            return super().encode(value.upper() if isinstance(value, str) else value)

    db = store.open_database("app", 1, simple_store(), codec=Upper())
    with db.transaction("s", "readwrite") as tx:
        tx.object_store("s").put("abc", 1)
    with db.transaction("s") as tx:
        assert tx.object_store("s").get(1) == "ABC"
    assert store.stats()["databases"][0]["codec"] == "upper"
