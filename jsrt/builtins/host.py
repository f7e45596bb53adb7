"""Host conveniences of ordinary realms: ``require`` for the built-in host modules."""

from ..runtime.values import undefined
from ..runtime.objects import W, C
from ..runtime.errors import STATE, throw_type_error, JSThrow
from ..runtime import ops
from ._common import make_native


def require(this, name=undefined, *rest):
    """require(name): the host modules a Node user would look for (``vm``)."""
    n = ops.to_string(name)
    realm = STATE.realm
    exports = realm.host_module(n)
    if exports is None:
        raise JSThrow(kind="Error", message="Cannot find module '%s'" % n)
    return exports["default"]


def setup(realm):
    realm.global_object._store("require", make_native(realm, "require", require, 1), W | C)
