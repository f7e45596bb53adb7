"""jsrt.store: an IndexedDB-equivalent database on LMDB.

    import jsrt.store
    st = jsrt.store.open(path)
    db = st.open_database("app", version=1, upgrade=...)
    with db.transaction(["people"], "readwrite") as tx:
        tx.object_store("people").add({...})

See README.md in this package for the API, and https://w3c.github.io/IndexedDB/
for the semantics it follows.
"""

from .codec import MISSING, PythonValueCodec, ValueCodec, register_codec
from .cursor import Cursor, CursorWithValue
from .database import Database, Store, open
from .errors import (ERRORS_BY_NAME, AbortError, ConstraintError, DataCloneError, DataError,
                     DOMError, InvalidAccessError, InvalidStateError, KeyPathSyntaxError,
                     NotAStoreError, NotFoundError, QuotaExceededError, ReadOnlyError,
                     StoreError, StoreFormatError, TransactionInactiveError, UnknownError,
                     VersionError)
from .keyrange import KeyRange
from .keys import cmp, decode_key, encode_key
from .objectstore import Index, ObjectStore
from .transaction import Transaction

__all__ = [
    "open", "Store", "Database", "Transaction", "ObjectStore", "Index", "Cursor",
    "CursorWithValue", "KeyRange", "cmp", "encode_key", "decode_key",
    "ValueCodec", "PythonValueCodec", "MISSING", "register_codec",
    "StoreError", "NotAStoreError", "StoreFormatError", "DOMError", "DataError",
    "ConstraintError", "ReadOnlyError", "TransactionInactiveError", "InvalidStateError",
    "NotFoundError", "VersionError", "DataCloneError", "AbortError", "InvalidAccessError",
    "KeyPathSyntaxError", "QuotaExceededError", "UnknownError", "ERRORS_BY_NAME",
]
