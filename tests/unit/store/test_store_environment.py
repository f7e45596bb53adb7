"""The LMDB environment: opening, refusing foreign directories, map growth, defaults."""

from __future__ import annotations

import os

import lmdb
import pytest

import jsrt.store as js
from jsrt.store import NotAStoreError, StoreError, StoreFormatError
from jsrt.store.env import FORMAT_VERSION, META_DB, default_path


def test_open_creates_directory_and_reopens(tmp_path, simple_store):
    path = tmp_path / "a" / "b"
    with js.open(path) as st:
        db = st.open_database("x", 1, simple_store())
        with db.transaction("s", "readwrite") as tx:
            tx.object_store("s").put("v", 1)
    assert sorted(os.listdir(path)) == ["data.mdb", "lock.mdb"]
    with js.open(path) as st:
        db = st.open_database("x")
        with db.transaction("s") as tx:
            assert tx.object_store("s").get(1) == "v"


def test_directory_with_other_files_is_refused_untouched(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(NotAStoreError, match="notes.txt"):
        js.open(tmp_path)
    assert os.listdir(tmp_path) == ["notes.txt"]


def test_foreign_lmdb_environment_is_refused_untouched(tmp_path):
    env = lmdb.open(str(tmp_path), max_dbs=2)
    with env.begin(write=True) as txn:
        txn.put(b"someone", b"else")
    env.close()
    os.remove(tmp_path / "lock.mdb")
    before = {n: (tmp_path / n).read_bytes() for n in os.listdir(tmp_path)}
    with pytest.raises(NotAStoreError, match="not a jsrt store"):
        js.open(tmp_path)
    assert {n: (tmp_path / n).read_bytes() for n in os.listdir(tmp_path)} == before


def test_foreign_lmdb_with_lock_file_is_refused(tmp_path):
    env = lmdb.open(str(tmp_path), max_dbs=2)
    with env.begin(write=True) as txn:
        txn.put(b"k", b"v")
    env.close()
    with pytest.raises(NotAStoreError):
        js.open(tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["data.mdb", "lock.mdb"]


def test_garbage_data_file_is_refused(tmp_path):
    (tmp_path / "data.mdb").write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(NotAStoreError):
        js.open(tmp_path)
    assert os.listdir(tmp_path) == ["data.mdb"]


def test_newer_format_is_refused(tmp_path):
    js.open(tmp_path).close()
    env = lmdb.open(str(tmp_path), max_dbs=8)
    meta = env.open_db(META_DB)
    with env.begin(write=True) as txn:
        txn.put(b"format", str(FORMAT_VERSION + 1).encode(), db=meta)
    env.close()
    with pytest.raises(StoreFormatError, match="newer jsrt"):
        js.open(tmp_path)
    assert isinstance(StoreFormatError("x"), StoreError)


def test_create_false_needs_an_existing_store(tmp_path):
    with pytest.raises(NotAStoreError):
        js.open(tmp_path / "missing", create=False)
    assert not (tmp_path / "missing").exists()


def test_default_path_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("JSRT_HOME", str(tmp_path / "home"))
    assert default_path() == str(tmp_path / "home" / "store")
    monkeypatch.delenv("JSRT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == str(tmp_path / "xdg" / "jsrt" / "store")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    assert default_path() == str(tmp_path / "user" / ".local" / "share" / "jsrt" / "store")
    monkeypatch.setenv("JSRT_HOME", str(tmp_path / "home"))
    with js.open() as st:
        assert st.path == str(tmp_path / "home" / "store")


def test_same_directory_twice_shares_one_environment(tmp_path, simple_store):
    a = js.open(tmp_path)
    b = js.open(tmp_path)
    assert a._senv is b._senv
    a.close()
    db = b.open_database("x", 1, simple_store())
    assert db.object_store_names == ["s"]
    b.close()
    with pytest.raises(js.InvalidStateError):
        b.open_database("x")


def test_map_grows_instead_of_failing(tmp_path, simple_store):
    with js.open(tmp_path, map_size=256 * 1024) as st:
        db = st.open_database("x", 1, simple_store())
        before = st.stats()["map_size"]
        blob = os.urandom(2000)
        with db.transaction("s", "readwrite") as tx:
            s = tx.object_store("s")
            for i in range(1500):
                s.put({"i": i, "blob": blob}, i)
            assert s.count() == 1500          # reads inside the replayed transaction work
        after = st.stats()["map_size"]
        assert after > before
        with db.transaction("s") as tx:
            assert tx.object_store("s").count() == 1500
            assert tx.object_store("s").get(1499)["blob"] == blob


def test_map_growth_during_index_build_and_aborted_transactions(tmp_path):
    with js.open(tmp_path, map_size=256 * 1024) as st:
        def v1(db, tx, old, new):
            s = db.create_object_store("s")
            for i in range(600):
                s.put({"k": f"key{i}", "pad": "x" * 500}, i)
            s.create_index("by_k", "k", unique=True)
        db = st.open_database("x", 1, v1)
        with db.transaction("s") as tx:
            assert tx.object_store("s").index("by_k").count() == 600
        with pytest.raises(RuntimeError):
            with db.transaction("s", "readwrite") as tx:
                for i in range(600, 1200):
                    tx.object_store("s").put({"k": f"key{i}", "pad": "y" * 500}, i)
                raise RuntimeError("roll back")
        with db.transaction("s") as tx:
            assert tx.object_store("s").count() == 600
            assert tx.object_store("s").index("by_k").get("key599")["pad"] == "x" * 500


def test_map_growth_on_the_fast_put_path_and_with_cursors_open(tmp_path):
    with js.open(tmp_path, map_size=256 * 1024) as st:
        db = st.open_database("x", 1, lambda d, t, o, n: d.create_object_store("p", key_path="id"))
        with db.transaction("p", "readwrite") as tx:
            s = tx.object_store("p")
            s.put({"id": -1, "pad": ""})
            cursor = s.open_cursor()
            assert next(cursor).key == -1
            for i in range(1500):
                assert s.put({"id": i, "pad": "p" * 1000}) == i
            # The LMDB cursor died with the replayed transaction; ours re-seeks.
            assert next(cursor).key == 0
            assert s.count() == 1501
        with db.transaction("p") as tx:
            assert tx.object_store("p").get(1499)["pad"] == "p" * 1000
