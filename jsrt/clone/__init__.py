"""Structured clone: HTML's StructuredSerializeInternal / StructuredDeserialize with
transfer, in a tagged, versioned binary format with back-references.

Python API::

    data = jsrt.clone.serialize(realm, value, transfer=(), for_storage=False)  # -> bytes
    value = jsrt.clone.deserialize(realm, data)                                # -> JS value
    copy = jsrt.clone.structured_clone(realm, value, transfer=())             # same process

    data = jsrt.clone.serialize_python(obj)          # Python values, same format
    obj = jsrt.clone.deserialize_python(data)

``value`` is a JS value (a raw value or a :class:`jsrt.JSHandle`; plain Python data is
converted with the realm first).  ``transfer`` lists ArrayBuffers to detach in the
source; their bytes travel inside the result.  Errors are :class:`jsrt.DataCloneError`
(what could not be cloned, and where: ``value.items[3].callback``); malformed bytes raise
:class:`CloneDecodeError`, a subclass.  A JS exception thrown by a getter propagates
(as :class:`jsrt.JSError` when called from Python).

In JS, ``structuredClone(value, { transfer })`` (jsrt.builtins.webapi) uses the same code
with the transferred bytes handed over without a copy.  The format is described in
:mod:`jsrt.clone.format`; the store codec is :class:`jsrt.clone.codec.CloneCodec`.
"""

from ..errors import DataCloneError
from .errors import CloneDecodeError, UnserializableError
from .format import FORMAT_VERSION, TAGS
from .pyvalues import serialize_python, deserialize_python, RegExpValue, ErrorValue

__all__ = ["serialize", "deserialize", "structured_clone", "serialize_python",
           "deserialize_python", "serialize_with_transfer", "deserialize_with_transfer",
           "DataCloneError", "CloneDecodeError", "UnserializableError", "RegExpValue",
           "ErrorValue", "FORMAT_VERSION", "TAGS"]


def _in_realm(realm, fn, *args):
    """Run fn on the JS thread with realm current; JS exceptions reach Python callers
    as JSError (and stay JSThrow for callers already on the JS thread)."""
    from ..runtime import executor
    from ..runtime.errors import STATE, JSThrow

    def entry():
        prev = STATE.realm
        STATE.realm = realm
        try:
            return fn(*args)
        finally:
            STATE.realm = prev

    if executor.on_js_thread():
        return entry()

    def guarded():
        try:
            return entry()
        except JSThrow as e:
            from ..realm import to_js_error
            prev = STATE.realm
            STATE.realm = realm
            try:
                raise to_js_error(realm, e) from None
            finally:
                STATE.realm = prev
    return executor.run(guarded)


def _js_value(realm, value):
    from ..realm import JSHandle, to_js
    if isinstance(value, JSHandle):
        return value.raw
    return to_js(realm, value)


def serialize_with_transfer(realm, value, transfer=(), for_storage=False, in_band=True):
    """StructuredSerializeWithTransfer: (bytes, out-of-band transfer holders)."""
    from .serializer import serialize_js
    return _in_realm(realm, serialize_js, realm, _js_value(realm, value),
                     [_js_value(realm, t) for t in transfer], for_storage, in_band)


def serialize(realm, value, transfer=(), for_storage=False):
    """StructuredSerialize / StructuredSerializeForStorage / ...WithTransfer -> bytes."""
    return serialize_with_transfer(realm, value, transfer, for_storage, True)[0]


def deserialize_with_transfer(realm, data, transferred=None):
    """StructuredDeserializeWithTransfer with out-of-band holders from
    :func:`serialize_with_transfer` (``in_band=False``)."""
    from .deserializer import deserialize_js
    return _in_realm(realm, deserialize_js, realm, data, transferred)


def deserialize(realm, data):
    """StructuredDeserialize: bytes -> a JS value of ``realm``."""
    return deserialize_with_transfer(realm, data, None)


def structured_clone(realm, value, transfer=()):
    """serialize + deserialize in one realm; transferred buffers are moved, not copied."""
    data, holders = serialize_with_transfer(realm, value, transfer, False, False)
    return deserialize_with_transfer(realm, data, holders)
