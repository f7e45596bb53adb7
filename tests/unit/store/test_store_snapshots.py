"""Snapshot store (content-addressed) and the bounded LRU code cache."""

from __future__ import annotations

import hashlib

import pytest

import jsrt.store as js
from jsrt.store import DataError, NotFoundError


def test_put_get_info_list_delete(store):
    snaps = store.snapshots
    data = b"snapshot bytes" * 100
    sha = snaps.put("base", data, {"engine": "jsrt-0.1/cpython-311", "sources": ["a.js"]})
    assert sha == hashlib.sha256(data).hexdigest()
    assert snaps.get("base") == data and snaps.get(sha) == data
    info = snaps.info("base")
    assert info["sha256"] == sha and info["size"] == len(data)
    assert info["engine"] == "jsrt-0.1/cpython-311" and info["sources"] == ["a.js"]
    assert info["created"] > 0
    assert [i["name"] for i in snaps.list()] == ["base"]
    assert "base" in snaps and "nope" not in snaps
    assert snaps.delete("base") is True
    assert snaps.delete("base") is False
    with pytest.raises(NotFoundError):
        snaps.get("base")
    with pytest.raises(NotFoundError):
        snaps.get(sha)


def test_names_share_bytes_until_the_last_goes(store):
    snaps = store.snapshots
    sha = snaps.put("a", b"same", {})
    assert snaps.put("b", b"same", {}) == sha
    assert snaps.stats() == {"names": 2, "blobs": 1, "bytes": 4}
    assert sorted(snaps.info(sha)["names"]) == ["a", "b"]
    snaps.delete("a")
    assert snaps.get(sha) == b"same"
    snaps.delete("b")
    with pytest.raises(NotFoundError):
        snaps.get(sha)
    assert snaps.stats() == {"names": 0, "blobs": 0, "bytes": 0}


def test_renaming_a_name_to_new_bytes_releases_the_old(store):
    snaps = store.snapshots
    old = snaps.put("a", b"one", {})
    new = snaps.put("a", b"two", {})
    assert old != new
    with pytest.raises(NotFoundError):
        snaps.get(old)
    assert snaps.get("a") == b"two"
    snaps.put("a", b"two", {"engine": "e2"})
    assert snaps.info("a")["engine"] == "e2" and snaps.stats()["blobs"] == 1


def test_snapshot_argument_errors(store):
    with pytest.raises(DataError):
        store.snapshots.put("", b"x", {})
    with pytest.raises(DataError):
        store.snapshots.put("x", b"x", {"bad": object()})


def test_snapshots_persist_and_survive_aborts(tmp_path):
    with js.open(tmp_path) as st:
        st.snapshots.put("keep", b"k" * 5000, {"sources": []})
    with js.open(tmp_path) as st:
        assert st.snapshots.get("keep") == b"k" * 5000


def test_code_cache_get_put(store):
    cc = store.code_cache
    assert cc.get(b"missing") is None
    assert cc.put(b"unit-1", b"code")
    assert cc.get(b"unit-1") == b"code"
    assert cc.put(b"unit-1", b"code2")
    assert cc.get(b"unit-1") == b"code2"
    long_key = b"k" * 2000
    cc.put(long_key, b"long")
    assert cc.get(long_key) == b"long"
    assert cc.stats()["entries"] == 2
    cc.clear()
    assert cc.get(b"unit-1") is None and len(cc) == 0


def test_code_cache_evicts_least_recently_used(tmp_path):
    with js.open(tmp_path, code_cache_size=1000) as st:
        cc = st.code_cache
        for i in range(4):
            assert cc.put(b"k%d" % i, bytes(200))      # 4 x 203 bytes
        assert cc.get(b"k0") is not None                # k0 is now the most recent
        assert cc.put(b"k4", bytes(200))                # evicts k1 (least recently used)
        assert cc.get(b"k1") is None
        assert all(cc.get(b"k%d" % i) is not None for i in (0, 2, 3, 4))
        assert cc.stats()["bytes"] <= 1000
        assert cc.put(b"big", bytes(900))               # evicts several
        assert cc.stats()["bytes"] <= 1000
        assert cc.get(b"big") is not None
        assert not cc.put(b"huge", bytes(2000))         # larger than the whole bound
        assert cc.get(b"huge") is None


def test_code_cache_bound_survives_reopen(tmp_path):
    with js.open(tmp_path, code_cache_size=600) as st:
        st.code_cache.put(b"a", bytes(250))
        st.code_cache.put(b"b", bytes(250))
    with js.open(tmp_path, code_cache_size=600) as st:
        assert st.code_cache.stats()["bytes"] == 2 * 252
        st.code_cache.put(b"c", bytes(250))
        assert st.code_cache.get(b"a") is None
        assert st.code_cache.get(b"c") is not None
