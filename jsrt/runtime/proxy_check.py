"""IsArray (7.2.2), which must look through proxies."""

from .objects import JSArray
from .values import null
from .errors import throw_type_error


def is_array(o):
    if isinstance(o, JSArray):
        return True
    t = getattr(o, "ptarget", None)
    if t is not None or getattr(o, "handler", 0) is null:
        if getattr(o, "handler", None) is null:
            throw_type_error("Cannot perform 'IsArray' on a proxy that has been revoked")
        return is_array(t)
    return False
