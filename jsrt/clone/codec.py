"""CloneCodec: the store's :class:`~jsrt.store.codec.ValueCodec` over structured clone.

``CloneCodec()`` stores Python values (``serialize_python`` / ``deserialize_python``);
``CloneCodec(realm)`` stores JS values of that realm (StructuredSerializeForStorage /
StructuredDeserialize).  Both write the same format, so a value stored from one side
can be read from the other.  The key-path operations follow IndexedDB:

* https://w3c.github.io/IndexedDB/#evaluate-a-key-path-on-a-value
* https://w3c.github.io/IndexedDB/#check-that-a-key-could-be-injected-into-a-value
* https://w3c.github.io/IndexedDB/#inject-a-key-into-a-value-using-a-key-path
* https://w3c.github.io/IndexedDB/#convert-a-key-to-a-value

For JS values, :meth:`CloneCodec.evaluate_key_path` returns what the store's key
conversion (:func:`jsrt.store.keys.to_key`) understands: Numbers as ``float``, Strings
as ``str``, Dates as ``datetime``, buffers and views as ``bytes``, Arrays as lists;
anything else is returned as is and rejected there.

Errors are :class:`StoredDataCloneError`, both a :class:`jsrt.DataCloneError` and the
store's ``DataCloneError``.  To make the codec known to ``jsrt store`` by name, call
:func:`register` (no import-time registration).
"""

import datetime as _dt
import math

from ..errors import DataCloneError
from ..store import codec as _store_codec
from ..store.errors import DataCloneError as _StoreDataCloneError
from .pyvalues import serialize_python, deserialize_python

__all__ = ["CloneCodec", "StoredDataCloneError", "register"]

MISSING = _store_codec.MISSING
_EPOCH = _dt.datetime(1970, 1, 1)
_UTC = _dt.timezone.utc


class StoredDataCloneError(DataCloneError, _StoreDataCloneError):
    """A DataCloneError raised through the store interface (both hierarchies)."""


class CloneCodec(_store_codec.ValueCodec):
    """Structured-clone values for the store: Python values, or JS values of a realm."""

    name = "clone"

    def __init__(self, realm=None):
        self.realm = realm
        self._py = _store_codec.PythonValueCodec()

    # -- values ------------------------------------------------------------------------
    def encode(self, value):
        try:
            if self.realm is None:
                return serialize_python(value)
            from . import serialize
            return serialize(self.realm, value, for_storage=True)
        except StoredDataCloneError:
            raise
        except DataCloneError as e:
            raise StoredDataCloneError(str(e)) from None

    def decode(self, data):
        try:
            if self.realm is None:
                return deserialize_python(data)
            from . import deserialize
            return deserialize(self.realm, data)
        except StoredDataCloneError:
            raise
        except DataCloneError as e:
            raise StoredDataCloneError(str(e)) from None

    # -- key paths -------------------------------------------------------------------------
    def evaluate_key_path(self, value, path):
        if self.realm is None:
            return self._py.evaluate_key_path(value, path)
        # 1. A list of key paths: every one must resolve.
        if type(path) is not str:
            out = []
            for item in path:
                v = self.evaluate_key_path(value, item)
                if v is MISSING:
                    return MISSING
                out.append(v)
            return out
        v = _evaluate_js(value, path)
        if v is MISSING:
            return MISSING
        return js_to_key_candidate(v)

    def compile_key_path(self, path):
        if self.realm is None:
            return self._py.compile_key_path(path)
        return super().compile_key_path(path)

    def can_inject_key(self, value, path):
        if self.realm is None:
            return self._py.can_inject_key(value, path)
        from ..runtime.objects import JSObject
        ids = path.split(".")
        ids.pop()
        v = _raw(value)
        for ident in ids:
            if not isinstance(v, JSObject):
                return False
            if v.get_own_property(_u16(ident)) is None:
                return True
            v = v.get(_u16(ident), v)
        return isinstance(v, JSObject)

    def inject_key(self, value, path, key):
        if self.realm is None:
            return self._py.inject_key(value, path, key)
        from ..runtime.objects import JSObject
        from ..runtime import ops
        ids = path.split(".")
        last = ids.pop()
        v = _raw(value)
        realm = self.realm
        for ident in ids:
            k = _u16(ident)
            if v.get_own_property(k) is None:
                ops.create_data_property(v, k, JSObject(realm.intrinsics["%Object.prototype%"]))
            v = v.get(k, v)
        if not isinstance(v, JSObject):
            from ..store.errors import DataError
            raise DataError("cannot inject a key at %r" % path)
        ops.create_data_property(v, _u16(last), self.key_to_value(key))

    def key_to_value(self, key):
        """Convert a key to a value (IndexedDB 7.5) in the codec's realm."""
        if self.realm is None:
            return self._py.key_to_value(key)
        return _key_to_js(self.realm, key)


def register():
    """Make ``CloneCodec`` available as codec "clone" (Python values) to the store."""
    _store_codec.register_codec("clone", CloneCodec)


# ---------------------------------------------------------------------------
# JS helpers
# ---------------------------------------------------------------------------

def _raw(value):
    from ..realm import JSHandle
    return value.raw if isinstance(value, JSHandle) else value


def _u16(s):
    from .format import split_surrogates
    return split_surrogates(s)


def _evaluate_js(value, path):
    """Evaluate a (string) key path on a JS value: the value or MISSING."""
    from ..runtime.objects import JSObject, JSArray
    from ..runtime import ops
    v = _raw(value)
    if path == "":
        return v
    for ident in path.split("."):
        ident = _u16(ident)
        if type(v) is str and ident == "length":
            v = float(len(v))
        elif isinstance(v, JSArray) and ident == "length":
            v = float(ops.to_length(v.get("length", v)))
        elif not isinstance(v, JSObject):
            return MISSING
        else:
            if v.get_own_property(ident) is None:
                return MISSING
            v = v.get(ident, v)
    return v


def js_to_key_candidate(v, memo=None):
    """A JS value -> the Python value :func:`jsrt.store.keys.to_key` validates."""
    from ..runtime.values import undefined, null
    from ..runtime.objects import JSArray, JSDateObject
    from ..builtins.typedarray import JSArrayBuffer, JSTypedArray, JSDataView, \
        typed_array_length, view_byte_length
    t = type(v)
    if t is float or t is str or t is bool:
        return v
    if v is undefined or v is null:
        return None
    if isinstance(v, JSDateObject):
        tv = v.tv
        if tv != tv:
            return v
        return _EPOCH + _dt.timedelta(microseconds=round(tv * 1000.0))
    if isinstance(v, JSArrayBuffer):
        return bytes(v.data) if v.data is not None else v
    if isinstance(v, JSTypedArray):
        n = typed_array_length(v)
        if n < 0:
            return v
        return bytes(v.buffer.data[v.offset:v.offset + n * v.kind.size])
    if isinstance(v, JSDataView):
        n = view_byte_length(v)
        if n < 0:
            return v
        return bytes(v.buffer.data[v.offset:v.offset + n])
    if isinstance(v, JSArray):
        if memo is None:
            memo = {}
        if id(v) in memo:
            return memo[id(v)]
        out = []
        memo[id(v)] = out
        from ..runtime import ops
        n = ops.length_of_array_like(v)
        for i in range(n):
            k = str(i)
            if v.get_own_property(k) is None:
                out.append(None)            # a hole: not a valid key
            else:
                out.append(js_to_key_candidate(v.get(k, v), memo))
        return out
    return v


def _key_to_js(realm, key):
    """Convert a key to a value (IndexedDB): Number, String, Date, ArrayBuffer, Array."""
    from ..runtime.objects import JSArray, JSDateObject
    from ..builtins.typedarray import new_array_buffer
    if isinstance(key, bool):
        raise TypeError("booleans are not keys")
    if isinstance(key, (int, float)):
        return float(key)
    if isinstance(key, str):
        return _u16(key)
    if isinstance(key, (bytes, bytearray, memoryview)):
        return new_array_buffer(realm, bytearray(key))
    if isinstance(key, _dt.datetime):
        if key.tzinfo is not None:
            key = key.astimezone(_UTC).replace(tzinfo=None)
        d = key - _EPOCH
        ms = ((d.days * 86400 + d.seconds) * 1000000 + d.microseconds) / 1000.0
        return JSDateObject(realm.intrinsics["%Date.prototype%"], float(math.floor(ms)))
    if isinstance(key, (list, tuple)):
        return JSArray(realm.intrinsics["%Array.prototype%"], [_key_to_js(realm, k)
                                                                 for k in key])
    raise TypeError("%r is not a key" % (key,))
