"""``jsrt store``: look inside a jsrt store from the command line.

    jsrt store ls [DB]            databases, or the object stores of DB
    jsrt store get DB STORE KEY   one value (KEY is JSON if it parses, else a string)
    jsrt store dump DB STORE      every record as JSON lines {"key": ..., "value": ...}
    jsrt store stats              sizes, record counts and map usage

Each takes ``--path DIR`` (default: the user's store, see :func:`jsrt.store.open`).
The commands only read: they never create a store or a database.

``jsrt/cli.py`` wires this in with :func:`add_subcommands`; :func:`main` runs it
stand-alone (``python -m jsrt.store.cli ...``) and in tests.
"""

from __future__ import annotations

import argparse
import base64
import datetime as _dt
import json
import math
import sys

from .codec import ValueCodec, codec_by_name
from .errors import StoreError

__all__ = ["add_subcommands", "main", "run", "to_json"]


class _RawCodec(ValueCodec):
    """Returns stored bytes untouched (for databases written by an unknown codec)."""

    name = "raw"

    def decode(self, data: bytes):
        return bytes(data)

    def encode(self, value) -> bytes:  # pragma: no cover - the CLI never writes
        raise StoreError("the CLI is read-only")


def to_json(value, _stack=None):
    """A JSON-compatible rendering of a stored Python value or key."""
    if _stack is None:
        _stack = []
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return {"$number": "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, _dt.datetime):
        return {"$date": value.isoformat()}
    if isinstance(value, (list, tuple, dict)):
        if any(v is value for v in _stack):
            return {"$ref": "cycle"}
        _stack.append(value)
        try:
            if isinstance(value, dict):
                return {str(k): to_json(v, _stack) for k, v in value.items()}
            return [to_json(v, _stack) for v in value]
        finally:
            _stack.pop()
    return {"$repr": repr(value)}


def _key_json(key):
    """Keys: integral numbers print as integers."""
    if isinstance(key, float) and key.is_integer() and abs(key) < 2 ** 53:
        return int(key)
    if isinstance(key, list):
        return [_key_json(k) for k in key]
    return to_json(key)


def _parse_key(text: str):
    try:
        key = json.loads(text)
    except ValueError:
        return text
    if isinstance(key, dict) or key is None or isinstance(key, bool):
        return text
    return key


def _open(args):
    from . import open as open_store
    return open_store(args.path, create=False)


def _connect(st, name: str):
    names = st.database_names()
    if name not in names:
        raise StoreError(f"no database named {name!r} (databases: {', '.join(names) or 'none'})")
    for info in st.stats()["databases"]:
        if info["name"] == name:
            codec = codec_by_name(info["codec"]) or _RawCodec()
            return st.open_database(name, codec=codec)
    raise StoreError(f"no database named {name!r}")  # pragma: no cover


def _cmd_ls(args, out) -> int:
    st = _open(args)
    try:
        if args.db is None:
            for info in st.stats()["databases"]:
                out.write(f"{info['name']}\tversion {info['version']}\t"
                          f"{len(info['stores'])} object store(s)\n")
            return 0
        _connect(st, args.db).close()
        for info in st.stats()["databases"]:
            if info["name"] != args.db:
                continue
            for s in info["stores"]:
                flags = " autoIncrement" if s["auto_increment"] else ""
                out.write(f"{s['name']}\t{s['records']} record(s)\tkeyPath={s['key_path']!r}"
                          f"{flags}\n")
                for ix in s["indexes"]:
                    flags = (" unique" if ix["unique"] else "") + (
                        " multiEntry" if ix["multi_entry"] else "")
                    out.write(f"  index {ix['name']}\t{ix['entries']} entr(ies)\t"
                              f"keyPath={ix['key_path']!r}{flags}\n")
        return 0
    finally:
        st.close()


def _cmd_get(args, out) -> int:
    st = _open(args)
    try:
        db = _connect(st, args.db)
        missing = object()
        with db.transaction(args.store) as tx:
            value = tx.object_store(args.store).get(_parse_key(args.key), missing)
        if value is missing:
            sys.stderr.write(f"no record with key {args.key} in {args.db}/{args.store}\n")
            return 1
        out.write(json.dumps(to_json(value), ensure_ascii=False) + "\n")
        return 0
    finally:
        st.close()


def _cmd_dump(args, out) -> int:
    st = _open(args)
    try:
        db = _connect(st, args.db)
        with db.transaction(args.store) as tx:
            for cursor in tx.object_store(args.store).open_cursor():
                line = {"key": _key_json(cursor.key), "value": to_json(cursor.value)}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        return 0
    finally:
        st.close()


def _cmd_stats(args, out) -> int:
    st = _open(args)
    try:
        stats = st.stats()
    finally:
        st.close()
    if args.json:
        out.write(json.dumps(stats, indent=2) + "\n")
        return 0
    mib = 1 << 20
    out.write(f"store       {stats['path']}\n")
    out.write(f"map         {stats['used_bytes'] / mib:.1f} MiB used of "
              f"{stats['map_size'] / mib:.1f} MiB ({stats['map_used_fraction']:.0%})\n")
    out.write(f"readers     {stats['readers']} of {stats['max_readers']}\n")
    for info in stats["databases"]:
        records = sum(s["records"] for s in info["stores"])
        size = sum(s["bytes"] + sum(ix["bytes"] for ix in s["indexes"]) for s in info["stores"])
        out.write(f"database    {info['name']} v{info['version']}: {len(info['stores'])} "
                  f"store(s), {records} record(s), {size / 1024:.1f} KiB\n")
        for s in info["stores"]:
            out.write(f"  {s['name']}: {s['records']} record(s), {s['bytes'] / 1024:.1f} KiB, "
                      f"{len(s['indexes'])} index(es)\n")
    snap = stats["snapshots"]
    out.write(f"snapshots   {snap['names']} name(s), {snap['blobs']} blob(s), "
              f"{snap['bytes'] / 1024:.1f} KiB\n")
    cc = stats["code_cache"]
    out.write(f"code cache  {cc['entries']} entr(ies), {cc['bytes'] / 1024:.1f} KiB of "
              f"{cc['max_bytes'] / mib:.0f} MiB\n")
    return 0


_COMMANDS = {"ls": _cmd_ls, "get": _cmd_get, "dump": _cmd_dump, "stats": _cmd_stats}


def run(args, out=None) -> int:
    """Run a parsed ``jsrt store ...`` command; returns the exit status."""
    out = out or sys.stdout
    try:
        return _COMMANDS[args.store_command](args, out)
    except StoreError as exc:
        sys.stderr.write(f"jsrt store {args.store_command}: {exc}\n")
        return 2


def add_subcommands(subparsers) -> argparse.ArgumentParser:
    """Add the ``store`` subcommand to an argparse subparsers object.

    The parsed namespace gets ``func`` = :func:`run` (call ``args.func(args)``).
    """
    parser = subparsers.add_parser("store", help="inspect a jsrt store (databases, "
                                   "snapshots, code cache)", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="store_command", metavar="COMMAND")
    sub.required = True

    def command(name: str, help_text: str):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--path", metavar="DIR", default=None,
                       help="the store directory (default: the user's jsrt store)")
        return p

    p = command("ls", "list databases, or the object stores of DB")
    p.add_argument("db", nargs="?", metavar="DB")
    p = command("get", "print one value as JSON")
    p.add_argument("db", metavar="DB")
    p.add_argument("store", metavar="STORE")
    p.add_argument("key", metavar="KEY", help="JSON (1, \"a\", [1, \"x\"]) or a plain string")
    p = command("dump", "print every record of STORE as JSON lines")
    p.add_argument("db", metavar="DB")
    p.add_argument("store", metavar="STORE")
    p = command("stats", "sizes, record counts and map usage")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)
    return parser


def main(argv=None, out=None) -> int:
    """``jsrt store ...`` on its own: ``main(["store", "ls", "--path", d])``.

    The leading ``"store"`` may be omitted.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] != "store":
        argv = ["store"] + argv
    parser = argparse.ArgumentParser(prog="jsrt")
    subparsers = parser.add_subparsers(dest="command")
    add_subcommands(subparsers)
    args = parser.parse_args(argv)
    return run(args, out)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
