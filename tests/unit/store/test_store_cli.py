"""`jsrt store ls/get/dump/stats` through cli.main(argv)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json

import pytest

import jsrt.store as js
from jsrt.store.cli import add_subcommands, main


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "store"
    with js.open(p) as st:
        def up(db, tx, old, new):
            s = db.create_object_store("people", key_path="id", auto_increment=True)
            s.create_index("by_email", "email", unique=True)
            db.create_object_store("misc")
        db = st.open_database("app", 2, up)
        with db.transaction(["people", "misc"], "readwrite") as tx:
            for name in ("ada", "bob"):
                tx.object_store("people").add({"name": name, "email": f"{name}@x"})
            misc = tx.object_store("misc")
            misc.put({"when": dt.datetime(2020, 1, 2), "raw": b"\x00\x01", "nan": float("nan")}, "k")
            misc.put("array key", [1, "x"])
        st.snapshots.put("snap", b"bytes", {"engine": "e"})
        st.code_cache.put(b"unit", b"code")
    return str(p)


def run(argv):
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


def test_ls(path):
    code, out = run(["store", "ls", "--path", path])
    assert code == 0 and out.startswith("app\tversion 2\t2 object store(s)")
    code, out = run(["ls", "app", "--path", path])
    assert code == 0
    assert "people\t2 record(s)\tkeyPath='id' autoIncrement" in out
    assert "index by_email\t2 entr(ies)\tkeyPath='email' unique" in out


def test_get(path):
    assert run(["get", "app", "people", "2", "--path", path]) == (
        0, json.dumps({"name": "bob", "email": "bob@x", "id": 2.0}) + "\n")
    code, out = run(["get", "app", "misc", "k", "--path", path])
    assert json.loads(out) == {"when": {"$date": "2020-01-02T00:00:00"}, "raw": {"$bytes": "AAE="},
                               "nan": {"$number": "NaN"}}
    assert run(["get", "app", "misc", '[1, "x"]', "--path", path]) == (0, '"array key"\n')
    assert run(["get", "app", "people", "99", "--path", path])[0] == 1
    assert run(["get", "nope", "people", "1", "--path", path])[0] == 2


def test_dump(path):
    code, out = run(["dump", "app", "people", "--path", path])
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["key"] for line in lines] == [1, 2]
    assert lines[0]["value"]["name"] == "ada"


def test_stats(path):
    code, out = run(["stats", "--path", path])
    assert code == 0 and "database    app v2: 2 store(s), 4 record(s)" in out
    assert "snapshots   1 name(s), 1 blob(s)" in out and "code cache  1 entr(ies)" in out
    code, out = run(["stats", "--json", "--path", path])
    stats = json.loads(out)
    assert stats["databases"][0]["stores"][1]["records"] == 2
    assert 0 < stats["map_used_fraction"] < 1


def test_missing_store_is_an_error_and_not_created(tmp_path):
    assert run(["ls", "--path", str(tmp_path / "none")])[0] == 2
    assert not (tmp_path / "none").exists()


def test_add_subcommands_wires_into_a_parent_parser(path):
    parser = argparse.ArgumentParser(prog="jsrt")
    add_subcommands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["store", "ls", "--path", path])
    assert args.func(args, io.StringIO()) == 0
