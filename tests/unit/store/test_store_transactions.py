"""Transactions: atomic abort, scope, states, schema reverts, concurrency in-process."""

from __future__ import annotations

import gc

import pytest

from jsrt.store import (AbortError, InvalidStateError, NotFoundError, ReadOnlyError,
                        TransactionInactiveError)


@pytest.fixture
def db(make_db):
    def up(db, tx, old, new):
        s = db.create_object_store("s", key_path="id", auto_increment=True)
        s.create_index("u", "u", unique=True)
        db.create_object_store("t")
    return make_db(up)


def test_exception_in_with_body_rolls_back_everything(db):
    with db.transaction(["s", "t"], "readwrite") as tx:
        tx.object_store("s").put({"u": 1})
    with pytest.raises(KeyError):
        with db.transaction(["s", "t"], "readwrite") as tx:
            tx.object_store("s").put({"u": 2})
            tx.object_store("t").put("x", 1)
            tx.object_store("s").delete(1)
            raise KeyError("oops")
    assert isinstance(tx.error, KeyError) and tx.state == "finished"
    with db.transaction(["s", "t"]) as tx:
        assert tx.object_store("s").get_all() == [{"u": 1, "id": 1}]
        assert tx.object_store("s").index("u").get_all_keys() == [1]
        assert tx.object_store("t").count() == 0
    with db.transaction("s", "readwrite") as tx:
        assert tx.object_store("s").put({"u": 3}) == 2      # generator reverted too


def test_abort_and_commit_states(db):
    tx = db.transaction("s", "readwrite")
    store = tx.object_store("s")
    store.put({"u": 1})
    tx.abort()
    assert tx.error is None and not tx.active
    with pytest.raises(TransactionInactiveError):
        store.put({"u": 2})
    with pytest.raises(TransactionInactiveError):
        store.get(1)
    with pytest.raises(InvalidStateError):
        tx.abort()
    with pytest.raises(InvalidStateError):
        tx.commit()
    with pytest.raises(InvalidStateError):
        tx.object_store("s")
    tx = db.transaction("s", "readwrite")
    tx.object_store("s").put({"u": 1})
    tx.commit()
    with pytest.raises(InvalidStateError):
        tx.abort()
    with db.transaction("s") as tx:
        assert tx.object_store("s").count() == 1


def test_caught_request_errors_do_not_abort(db):
    with db.transaction("s", "readwrite") as tx:
        s = tx.object_store("s")
        s.put({"u": "x"})
        with pytest.raises(Exception):
            s.put({"u": "x"})
        s.put({"u": "y"})
    with db.transaction("s") as tx:
        # The failed request reverted its key generator step too.
        assert tx.object_store("s").index("u").get_all_keys() == [1, 2]


def test_scope_and_mode(db):
    with db.transaction("s") as tx:
        assert tx.mode == "readonly" and tx.object_store_names == ["s"]
        with pytest.raises(NotFoundError):
            tx.object_store("t")
        with pytest.raises(ReadOnlyError):
            tx.object_store("s").put({"u": 0})


def test_readers_see_a_snapshot_while_a_writer_works(db):
    reader = db.transaction("s")
    before = reader.object_store("s").count()
    with db.transaction("s", "readwrite") as w:
        w.object_store("s").put({"u": "new"})
        assert reader.object_store("s").count() == before
    assert reader.object_store("s").count() == before
    reader.commit()
    with db.transaction("s") as tx:
        assert tx.object_store("s").count() == before + 1


def test_second_writer_in_the_same_thread_is_refused(db):
    with db.transaction("s", "readwrite"):
        with pytest.raises(InvalidStateError, match="readwrite transaction"):
            db.transaction("t", "readwrite")


def test_abandoned_transaction_rolls_back(db):
    tx = db.transaction("s", "readwrite")
    tx.object_store("s").put({"u": "ghost"})
    del tx
    gc.collect()            # handles and transaction refer to each other
    with db.transaction("s", "readwrite") as tx:
        assert tx.object_store("s").count() == 0


def test_upgrade_abort_reverts_schema_metadata(store, db):
    db.close()
    kept = {}

    def v2(d, tx, old, new):
        created = d.create_object_store("new")
        old_store = tx.object_store("t")
        s = tx.object_store("s")
        s.name = "renamed"
        ix = s.index("u")
        new_index = s.create_index("v", "v")
        d.delete_object_store("t")
        kept.update(created=created, old_store=old_store, s=s, ix=ix, new_index=new_index, db=d, tx=tx)
        assert d.object_store_names == ["new", "renamed"]
        tx.abort()
        assert d.object_store_names == ["s", "t"]
        assert tx.object_store_names == ["s", "t"]
    with pytest.raises(AbortError):
        store.open_database("db", 2, v2)
    assert kept["db"].version == 1
    assert kept["s"].name == "s"
    with pytest.raises(InvalidStateError):         # created in the aborted upgrade: gone
        kept["created"].get(1)
    with pytest.raises(TransactionInactiveError):  # deleted then restored: just inactive
        kept["old_store"].get(1)
    with pytest.raises(InvalidStateError):
        kept["new_index"].get(1)
    assert kept["s"].index_names == ["u"]
    db = store.open_database("db")
    assert db.object_store_names == ["s", "t"]


def test_versionchange_can_use_every_store(store, db):
    db.close()

    def v2(d, tx, old, new):
        assert tx.mode == "versionchange"
        assert tx.object_store_names == ["s", "t"]
        tx.object_store("t").put("x", 1)
    db = store.open_database("db", 2, v2)
    with db.transaction("t") as tx:
        assert tx.object_store("t").get(1) == "x"


def test_on_complete_and_on_abort_hooks(db):
    events = []
    tx = db.transaction("t", "readwrite")
    tx.on_complete = lambda t: events.append("complete")
    tx.commit()
    tx = db.transaction("t", "readwrite")
    tx.on_abort = lambda t: events.append("abort")
    tx.abort()
    assert events == ["complete", "abort"]


def test_reader_thread_runs_while_a_writer_is_open(db):
    import threading
    results = []
    with db.transaction("s", "readwrite") as tx:
        tx.object_store("s").put({"u": "w"})

        def read():
            with db.transaction("s") as rtx:
                results.append(rtx.object_store("s").count())
        t = threading.Thread(target=read)
        t.start()
        t.join(10)
    assert results == [0]


def test_fast_paths_respect_transaction_state(make_db):
    db = make_db(lambda d, t, o, n: d.create_object_store("p", key_path="id"), name="fast")
    tx = db.transaction("p", "readwrite")
    s = tx.object_store("p")
    assert s.put({"id": 1}) == 1
    tx.commit()
    with pytest.raises(TransactionInactiveError):
        s.put({"id": 2})
    with pytest.raises(TransactionInactiveError):
        s.get(1)
    with db.transaction("p") as tx:
        s = tx.object_store("p")
        assert s.get(1) == {"id": 1}
        with pytest.raises(ReadOnlyError):
            s.put({"id": 3})
