"""Errors raised by :mod:`jsrt.store`.

One hierarchy:

* :class:`StoreError` is the root of everything this package raises.
* :class:`DOMError` and its subclasses are the ``DOMException`` names that
  IndexedDB uses (https://w3c.github.io/IndexedDB/#exceptions); each class has
  ``.name`` set to the DOM name, so a JS ``indexedDB`` layer can turn any of them
  into a ``DOMException`` with :data:`ERRORS_BY_NAME`.
* :class:`NotAStoreError` and :class:`StoreFormatError` describe a directory that
  cannot be opened as a jsrt store at all.

The table :data:`ERROR_TABLE` is the single place where the DOM names and their
meanings are written down.
"""

from __future__ import annotations

__all__ = [
    "StoreError", "NotAStoreError", "StoreFormatError", "DOMError",
    "DataError", "ConstraintError", "ReadOnlyError", "TransactionInactiveError",
    "InvalidStateError", "NotFoundError", "VersionError", "DataCloneError",
    "AbortError", "InvalidAccessError", "KeyPathSyntaxError", "QuotaExceededError",
    "UnknownError", "ERROR_TABLE", "ERRORS_BY_NAME",
]


class StoreError(Exception):
    """Root of every error raised by :mod:`jsrt.store`."""


class NotAStoreError(StoreError):
    """The directory exists but holds something other than a jsrt store.

    Raised without creating or modifying any file in that directory.
    """


class StoreFormatError(StoreError):
    """The store was written by a newer jsrt (its format version is newer than
    this code understands), or its files are damaged."""


class DOMError(StoreError):
    """An IndexedDB ``DOMException``; ``.name`` is the DOM error name."""

    name = "Error"

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.name}: {self.message}" if self.message else self.name


# (Python class name, DOM name, what it means) -- the one table of error names.
# https://w3c.github.io/IndexedDB/#exceptions and
# https://webidl.spec.whatwg.org/#idl-DOMException-error-names
ERROR_TABLE: tuple[tuple[str, str, str], ...] = (
    ("DataError", "DataError",
     "Data provided to an operation does not meet requirements (an invalid key, "
     "key range or key path result)."),
    ("ConstraintError", "ConstraintError",
     "A mutation failed because a constraint was not satisfied (duplicate key, "
     "unique index violation, exhausted key generator)."),
    ("ReadOnlyError", "ReadOnlyError",
     "A mutating operation was attempted in a readonly transaction."),
    ("TransactionInactiveError", "TransactionInactiveError",
     "A request was placed against a transaction that has finished or is not active."),
    ("InvalidStateError", "InvalidStateError",
     "An operation was called on an object on which it is not allowed or at a time "
     "when it is not allowed (deleted store, schema change outside an upgrade, "
     "cursor being iterated)."),
    ("NotFoundError", "NotFoundError",
     "The operation failed because the requested object store or index was not found."),
    ("VersionError", "VersionError",
     "An attempt was made to open a database using a lower version than the "
     "existing version."),
    ("DataCloneError", "DataCloneError",
     "The data being stored could not be serialized, or stored bytes could not be "
     "deserialized."),
    ("AbortError", "AbortError", "A request was aborted."),
    ("InvalidAccessError", "InvalidAccessError",
     "An invalid operation was performed on an object (an empty scope, "
     "autoIncrement with an empty or array key path, multiEntry with an array key path)."),
    ("KeyPathSyntaxError", "SyntaxError", "The key path is not a valid key path."),
    ("QuotaExceededError", "QuotaExceededError",
     "The operation failed because there was not enough storage space."),
    ("UnknownError", "UnknownError",
     "The operation failed for reasons unrelated to the database itself."),
)


def _make(py_name: str, dom_name: str, doc: str) -> type[DOMError]:
    return type(py_name, (DOMError,), {"name": dom_name, "__doc__": doc,
                                       "__module__": __name__, "__slots__": ()})


_classes = {py: _make(py, dom, doc) for py, dom, doc in ERROR_TABLE}

DataError = _classes["DataError"]
ConstraintError = _classes["ConstraintError"]
ReadOnlyError = _classes["ReadOnlyError"]
TransactionInactiveError = _classes["TransactionInactiveError"]
InvalidStateError = _classes["InvalidStateError"]
NotFoundError = _classes["NotFoundError"]
VersionError = _classes["VersionError"]
DataCloneError = _classes["DataCloneError"]
AbortError = _classes["AbortError"]
InvalidAccessError = _classes["InvalidAccessError"]
KeyPathSyntaxError = _classes["KeyPathSyntaxError"]
QuotaExceededError = _classes["QuotaExceededError"]
UnknownError = _classes["UnknownError"]

#: DOM error name -> class, for a JS layer that maps errors to DOMException.
ERRORS_BY_NAME: dict[str, type[DOMError]] = {cls.name: cls for cls in _classes.values()}

del _classes
