"""Errors of the structured clone.

:class:`jsrt.DataCloneError` is the one Python exception: a value that cannot be
serialized (its message says what the value was and where it sat, e.g.
``value.items[3].callback``), or bytes that cannot be deserialized
(:class:`CloneDecodeError`, a subclass).  In JS both are a ``DOMException`` named
"DataCloneError" (code 25).
"""

import re

from ..errors import DataCloneError

__all__ = ["DataCloneError", "CloneDecodeError", "UnserializableError", "format_path",
           "MESSAGES"]

# Each message once (house style rule 4).
MESSAGES = {
    "function": "%s could not be cloned",
    "symbol": "%s could not be cloned",
    "platform": "%s could not be cloned: it is a platform object that is not serializable",
    "slots": "%s could not be cloned: objects of this kind are not serializable",
    "exotic": "%s could not be cloned: exotic objects are not serializable",
    "detached": "An ArrayBuffer is detached and could not be cloned",
    "oob": "%s could not be cloned: it is out of bounds of its ArrayBuffer",
    "shared": "SharedArrayBuffer %s could not be cloned",
    "py_type": "%s objects cannot be serialized",
    "py_key": "dict key %r is a %s; only str keys can be serialized",
    "transfer_type": "Value at index %d of the transfer list is not an ArrayBuffer: "
                     "only ArrayBuffers can be transferred",
    "transfer_dup": "ArrayBuffer at index %d is a duplicate of an earlier ArrayBuffer "
                    "in the transfer list",
    "transfer_detached": "ArrayBuffer at index %d of the transfer list is already detached",
    "storage_transfer": "values serialized for storage cannot transfer objects",
}


class CloneDecodeError(DataCloneError):
    """Bytes that are not valid structured-clone data (malformed, truncated, hostile)."""

    def __init__(self, why, offset=None):
        if offset is not None:
            why = "%s (at byte %d)" % (why, offset)
        DataCloneError.__init__(self, "cannot deserialize: " + why)
        self.why = why


class UnserializableError(DataCloneError):
    """A value that StructuredSerializeInternal rejects; ``path`` says where it sat."""

    def __init__(self, what, path="value"):
        self.what = what
        self.path = path
        DataCloneError.__init__(self, "%s (at %s)" % (what, path) if path != "value"
                                else what)


_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def format_path(parts, python=False):
    """``value`` followed by the path parts: str keys, int indices, or pre-formatted
    strings starting with "<" (e.g. "<Map entry 2 value>")."""
    out = ["value"]
    for p in parts:
        if type(p) is int:
            out.append("[%d]" % p)
        elif type(p) is str and p.startswith("<"):
            out.append(".%s" % p if not python else "%s" % p)
        elif python:
            out.append("[%r]" % (p,))
        elif type(p) is str and _IDENT.match(p):
            out.append("." + p)
        else:
            out.append("[%s]" % _js_quote(str(p)))
    return "".join(out)


def _js_quote(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if len(s) > 40:
        s = s[:40] + "..."
    return '"%s"' % s
