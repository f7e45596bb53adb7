"""Host APIs of the web platform: ``DOMException`` (WebIDL 2.8.1),
``structuredClone(value, { transfer })`` (HTML 2.7.8) and ``atob`` / ``btoa`` (HTML 8.3).

https://webidl.spec.whatwg.org/#idl-DOMException
https://html.spec.whatwg.org/multipage/structured-data.html#dom-structuredclone

Python helpers for other host code: :func:`make_dom_exception` and
:func:`throw_dom_exception` (e.g. ``throw_dom_exception("DataCloneError", msg)``).
"""

from ..runtime.values import undefined, null, SYM_ITERATOR, SYM_TO_STRING_TAG
from ..runtime.objects import JSObject, W, E, C
from ..runtime.errors import JSThrow, STATE, throw_type_error
from ..runtime import ops
from ._common import make_native, define_getters, make_constructor, proto_from_ctor

__all__ = ["JSDOMException", "DOM_EXCEPTION_NAMES", "LEGACY_CODES", "make_dom_exception",
           "throw_dom_exception", "structured_clone", "atob", "btoa", "setup"]

# The one table of DOMException names (WebIDL 2.8.1, "Base DOMException error names"):
# (name, legacy code name, legacy code); 0 means no legacy code.
DOM_EXCEPTION_NAMES = (
    ("IndexSizeError", "INDEX_SIZE_ERR", 1),
    ("HierarchyRequestError", "HIERARCHY_REQUEST_ERR", 3),
    ("WrongDocumentError", "WRONG_DOCUMENT_ERR", 4),
    ("InvalidCharacterError", "INVALID_CHARACTER_ERR", 5),
    ("NoModificationAllowedError", "NO_MODIFICATION_ALLOWED_ERR", 7),
    ("NotFoundError", "NOT_FOUND_ERR", 8),
    ("NotSupportedError", "NOT_SUPPORTED_ERR", 9),
    ("InUseAttributeError", "INUSE_ATTRIBUTE_ERR", 10),
    ("InvalidStateError", "INVALID_STATE_ERR", 11),
    ("SyntaxError", "SYNTAX_ERR", 12),
    ("InvalidModificationError", "INVALID_MODIFICATION_ERR", 13),
    ("NamespaceError", "NAMESPACE_ERR", 14),
    ("InvalidAccessError", "INVALID_ACCESS_ERR", 15),
    ("TypeMismatchError", "TYPE_MISMATCH_ERR", 17),
    ("SecurityError", "SECURITY_ERR", 18),
    ("NetworkError", "NETWORK_ERR", 19),
    ("AbortError", "ABORT_ERR", 20),
    ("URLMismatchError", "URL_MISMATCH_ERR", 21),
    ("QuotaExceededError", "QUOTA_EXCEEDED_ERR", 22),
    ("TimeoutError", "TIMEOUT_ERR", 23),
    ("InvalidNodeTypeError", "INVALID_NODE_TYPE_ERR", 24),
    ("DataCloneError", "DATA_CLONE_ERR", 25),
    ("EncodingError", None, 0),
    ("NotReadableError", None, 0),
    ("UnknownError", None, 0),
    ("ConstraintError", None, 0),
    ("DataError", None, 0),
    ("TransactionInactiveError", None, 0),
    ("ReadOnlyError", None, 0),
    ("VersionError", None, 0),
    ("OperationError", None, 0),
    ("NotAllowedError", None, 0),
    ("OptOutError", None, 0),
)

#: The legacy code constants on DOMException and its prototype, in code order
#: (codes 2, 6 and 16 have no current name).
LEGACY_CODES = (
    ("INDEX_SIZE_ERR", 1), ("DOMSTRING_SIZE_ERR", 2), ("HIERARCHY_REQUEST_ERR", 3),
    ("WRONG_DOCUMENT_ERR", 4), ("INVALID_CHARACTER_ERR", 5), ("NO_DATA_ALLOWED_ERR", 6),
    ("NO_MODIFICATION_ALLOWED_ERR", 7), ("NOT_FOUND_ERR", 8), ("NOT_SUPPORTED_ERR", 9),
    ("INUSE_ATTRIBUTE_ERR", 10), ("INVALID_STATE_ERR", 11), ("SYNTAX_ERR", 12),
    ("INVALID_MODIFICATION_ERR", 13), ("NAMESPACE_ERR", 14), ("INVALID_ACCESS_ERR", 15),
    ("VALIDATION_ERR", 16), ("TYPE_MISMATCH_ERR", 17), ("SECURITY_ERR", 18),
    ("NETWORK_ERR", 19), ("ABORT_ERR", 20), ("URL_MISMATCH_ERR", 21),
    ("QUOTA_EXCEEDED_ERR", 22), ("TIMEOUT_ERR", 23), ("INVALID_NODE_TYPE_ERR", 24),
    ("DATA_CLONE_ERR", 25),
)

_CODE_OF = {name: code for name, _, code in DOM_EXCEPTION_NAMES}


class JSDOMException(JSObject):
    """A DOMException platform object: its name and message (WebIDL 2.8.1)."""
    __slots__ = ("exc_message", "exc_name")
    cls = "DOMException"

    def __init__(self, proto, message="", name="Error"):
        JSObject.__init__(self, proto)
        self.exc_message = message
        self.exc_name = name


def make_dom_exception(realm, name, message=""):
    """A new DOMException of realm (with a ``stack`` like V8's)."""
    o = JSDOMException(realm.intrinsics["%DOMException.prototype%"], message, name)
    realm.attach_stack(o)
    return o


def throw_dom_exception(name, message=""):
    """Throw a DOMException in the current realm."""
    raise JSThrow(make_dom_exception(STATE.realm, name, message))


def dom_exception_call(this, *args):
    throw_type_error("Failed to construct 'DOMException': Please use the 'new' operator, "
                     "this DOM object constructor cannot be called as a function.")


def dom_exception_construct(args, new_target):
    """new DOMException ( optional message = "", optional name = "Error" )."""
    message = args[0] if args else undefined
    name = args[1] if len(args) > 1 else undefined
    message = "" if message is undefined else ops.to_string(message)
    name = "Error" if name is undefined else ops.to_string(name)
    o = JSDOMException(proto_from_ctor(new_target, "%DOMException.prototype%"), message, name)
    STATE.realm.attach_stack(o)
    return o


def _this_exc(this, what):
    if not isinstance(this, JSDOMException):
        throw_type_error("Illegal invocation: DOMException.prototype.%s called on %s"
                         % (what, ops.to_display_string(this) if not isinstance(this, JSObject)
                            else ops.describe(this)))
    return this


def dom_exception_name(this, *args):
    """get DOMException.prototype.name."""
    return _this_exc(this, "name").exc_name


def dom_exception_message(this, *args):
    """get DOMException.prototype.message."""
    return _this_exc(this, "message").exc_message


def dom_exception_code(this, *args):
    """get DOMException.prototype.code: the legacy code of the name, or 0."""
    return float(_CODE_OF.get(_this_exc(this, "code").exc_name, 0))


# ---------------------------------------------------------------------------
# structuredClone (HTML 2.7.8)
# ---------------------------------------------------------------------------

def _transfer_list(options):
    """The StructuredSerializeOptions dictionary: its ``transfer`` as a list of objects."""
    if options is undefined or options is null:
        return []
    if not isinstance(options, JSObject):
        throw_type_error("Failed to execute 'structuredClone': The provided value is not of "
                         "type 'StructuredSerializeOptions'.")
    t = options.get("transfer", options)
    if t is undefined:
        return []
    if not isinstance(t, JSObject):
        throw_type_error("Failed to execute 'structuredClone': Failed to read the 'transfer' "
                         "property from 'StructuredSerializeOptions': The provided value "
                         "cannot be converted to a sequence.")
    method = ops.get_method(t, SYM_ITERATOR)
    if method is undefined:
        throw_type_error("Failed to execute 'structuredClone': Failed to read the 'transfer' "
                         "property from 'StructuredSerializeOptions': The object must have a "
                         "callable @@iterator property.")
    from ..runtime.iteration import get_iterator_from_method
    out = []
    rec = get_iterator_from_method(t, method)
    for v in rec:
        if not isinstance(v, JSObject):
            rec.abort()
            throw_type_error("Failed to execute 'structuredClone': Failed to read the "
                             "'transfer' property from 'StructuredSerializeOptions': "
                             "Iterator value %s is not an object." % ops.to_display_string(v))
        out.append(v)
    return out


def structured_clone(this, value=undefined, options=undefined, *rest):
    """structuredClone ( value [ , options ] ) (HTML 2.7.8)."""
    from ..clone.serializer import serialize_js
    from ..clone.deserializer import deserialize_js
    from ..errors import DataCloneError
    realm = STATE.realm
    transfer = _transfer_list(options)
    try:
        # 1. serialized = ? StructuredSerializeWithTransfer(value, options["transfer"])
        data, holders = serialize_js(realm, value, transfer, False, in_band=False)
        # 2. deserializeRecord = ? StructuredDeserializeWithTransfer(serialized, realm)
        return deserialize_js(realm, data, holders)
    except DataCloneError as e:
        throw_dom_exception("DataCloneError", "Failed to execute 'structuredClone': %s"
                            % _plain(str(e)))
    except (JSThrow, RecursionError, MemoryError):
        raise                   # JS exceptions (getters) propagate; the engine maps these
    except Exception as e:      # a bug in the codec: still never a Python error in JS
        throw_dom_exception("DataCloneError", "Failed to execute 'structuredClone': "
                            "internal error %s: %s" % (type(e).__name__, _plain(str(e))))


def btoa(this, data=undefined, *rest):
    """btoa ( data ) (HTML 8.3, "Base64 utility methods")
    https://html.spec.whatwg.org/multipage/webappapis.html#dom-btoa"""
    import base64
    s = ops.to_string(data)
    # 1. a code unit above U+00FF cannot be a byte: "InvalidCharacterError"
    if any(ord(c) > 0xFF for c in s):
        throw_dom_exception("InvalidCharacterError", "Invalid character")
    return base64.b64encode(s.encode("latin-1")).decode("ascii")


_B64 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")


def atob(this, data=undefined, *rest):
    """atob ( data ) (HTML 8.3): the forgiving-base64 decode of ``data``, one code unit
    per byte.  https://infra.spec.whatwg.org/#forgiving-base64-decode"""
    import base64
    # 1. remove ASCII whitespace
    s = "".join(c for c in ops.to_string(data) if c not in " \t\n\f\r")
    # 2. a length divisible by 4 may end in one or two "="
    if len(s) % 4 == 0:
        if s.endswith("=="):
            s = s[:-2]
        elif s.endswith("="):
            s = s[:-1]
    # 3-4. a code point outside the alphabet, or a remainder of 1, is an error
    if not _B64.issuperset(s):
        throw_dom_exception("InvalidCharacterError", "Invalid character")
    if len(s) % 4 == 1:
        throw_dom_exception("InvalidCharacterError",
                            "The string to be decoded is not correctly encoded.")
    # 5-8. decode (the padding the input left out is implied); surplus bits are dropped
    raw = base64.b64decode(s + "=" * (-len(s) % 4))
    return raw.decode("latin-1")


def _plain(msg):
    from ..compiler.codegen import to_utf16
    return to_utf16(msg)


def setup(realm):
    intr = realm.intrinsics
    g = realm.global_object

    # DOMException: an interface whose prototype inherits from %Error.prototype%.
    dep = JSObject(intr["%Error.prototype%"])
    de = make_constructor(realm, "DOMException", dom_exception_call, dom_exception_construct, 0,
                          dep, "%DOMException.prototype%")
    intr["%DOMException%"] = de
    define_getters(realm, dep, [("name", dom_exception_name, None),
                                ("message", dom_exception_message, None),
                                ("code", dom_exception_code, None)])
    for key in ("name", "message", "code"):
        dep._set_flags(key, E | C)
    for const, code in LEGACY_CODES:
        de._store(const, float(code), E)
        dep._store(const, float(code), E)
    dep._store(SYM_TO_STRING_TAG, "DOMException", C)
    g._store("DOMException", de, W | C)

    f = make_native(realm, "structuredClone", structured_clone, 1)
    g._store("structuredClone", f, W | E | C)
    for name, fn in (("atob", atob), ("btoa", btoa)):
        g._store(name, make_native(realm, name, fn, 1), W | E | C)
