"""Database schemas: databases, object stores and indexes as stored in ``jsrt.meta``.

https://w3c.github.io/IndexedDB/#database-construct,
https://w3c.github.io/IndexedDB/#object-store-construct,
https://w3c.github.io/IndexedDB/#index-construct.

A schema is one JSON document per database (written only by versionchange
transactions and by ``delete_database``), so it changes atomically with the
LMDB transaction that changes it.  The objects here are cached per process and
shared by every transaction reading the same schema generation; only an
upgrade transaction mutates them, and it works on a :meth:`DatabaseMeta.copy`.
"""

from __future__ import annotations

import json

from .env import index_db_name, store_db_name

__all__ = ["IndexMeta", "StoreMeta", "DatabaseMeta", "code_unit_order"]


def code_unit_order(name: str) -> bytes:
    """Sort key for DOMStringList order (by UTF-16 code unit)."""
    return name.encode("utf-16-be", "surrogatepass")


class IndexMeta:
    """An index: name, key path, unique and multiEntry flags, its sub-database."""

    __slots__ = ("id", "name", "key_path", "unique", "multi_entry", "dbname", "deleted")

    def __init__(self, id: int, name: str, key_path, unique: bool, multi_entry: bool) -> None:
        self.id = id
        self.name = name
        self.key_path = key_path
        self.unique = unique
        self.multi_entry = multi_entry
        self.dbname = index_db_name(id)
        self.deleted = False

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "key_path": self.key_path,
                "unique": self.unique, "multi_entry": self.multi_entry}

    @classmethod
    def from_json(cls, d: dict) -> "IndexMeta":
        return cls(d["id"], d["name"], d["key_path"], d["unique"], d["multi_entry"])

    def copy(self) -> "IndexMeta":
        return IndexMeta(self.id, self.name, _copy_path(self.key_path), self.unique,
                         self.multi_entry)


class StoreMeta:
    """An object store: name, key path, key generator flag, its indexes."""

    __slots__ = ("id", "name", "key_path", "auto_increment", "indexes", "dbname", "deleted")

    def __init__(self, id: int, name: str, key_path, auto_increment: bool) -> None:
        self.id = id
        self.name = name
        self.key_path = key_path
        self.auto_increment = auto_increment
        self.indexes: dict[str, IndexMeta] = {}
        self.dbname = store_db_name(id)
        self.deleted = False

    def index_names(self) -> list[str]:
        return sorted(self.indexes, key=code_unit_order)

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "key_path": self.key_path,
                "auto_increment": self.auto_increment,
                "indexes": [ix.to_json() for ix in self.indexes.values()]}

    @classmethod
    def from_json(cls, d: dict) -> "StoreMeta":
        meta = cls(d["id"], d["name"], d["key_path"], d["auto_increment"])
        for ix in d["indexes"]:
            index = IndexMeta.from_json(ix)
            meta.indexes[index.name] = index
        return meta

    def copy(self) -> "StoreMeta":
        meta = StoreMeta(self.id, self.name, _copy_path(self.key_path), self.auto_increment)
        meta.indexes = {name: ix.copy() for name, ix in self.indexes.items()}
        return meta


class DatabaseMeta:
    """A database: name, version, codec name and object stores."""

    __slots__ = ("name", "version", "codec", "uid", "stores", "ensured")

    def __init__(self, name: str, version: int, codec: str, uid: int = 0) -> None:
        self.name = name
        self.version = version
        self.codec = codec
        self.uid = uid              # distinguishes a re-created database of the same name
        self.stores: dict[str, StoreMeta] = {}
        self.ensured = -1           # StoreEnv.evictions when its handles were last ensured

    def store_names(self) -> list[str]:
        return sorted(self.stores, key=code_unit_order)

    def to_bytes(self) -> bytes:
        doc = {"name": self.name, "version": self.version, "codec": self.codec,
               "uid": self.uid, "stores": [s.to_json() for s in self.stores.values()]}
        return json.dumps(doc, ensure_ascii=True, separators=(",", ":")).encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes) -> "DatabaseMeta":
        doc = json.loads(raw)
        meta = cls(doc["name"], doc["version"], doc.get("codec", "python"), doc.get("uid", 0))
        for s in doc["stores"]:
            store = StoreMeta.from_json(s)
            meta.stores[store.name] = store
        return meta

    def copy(self) -> "DatabaseMeta":
        meta = DatabaseMeta(self.name, self.version, self.codec, self.uid)
        meta.stores = {name: s.copy() for name, s in self.stores.items()}
        return meta


def _copy_path(path):
    return list(path) if isinstance(path, list) else path
