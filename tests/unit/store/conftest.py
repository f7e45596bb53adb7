"""Fixtures for jsrt.store tests: every store lives in pytest's tmp_path."""

from __future__ import annotations

import pytest

import jsrt.store as js


@pytest.fixture
def store(tmp_path):
    st = js.open(tmp_path / "store")
    yield st
    st.close()


@pytest.fixture
def make_db(store):
    """make_db(upgrade, name="db", version=1) -> Database"""
    opened = []

    def make(upgrade, name="db", version=1, **kw):
        db = store.open_database(name, version, upgrade, **kw)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()


def _simple_store(name="s", **options):
    """An upgrade callback creating one object store."""
    def upgrade(db, tx, old, new):
        db.create_object_store(name, **options)
    return upgrade


@pytest.fixture
def simple_store():
    """simple_store(name="s", **options) -> an upgrade callback creating that store."""
    return _simple_store
