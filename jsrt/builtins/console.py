"""console (WHATWG Console Standard, with Node's formatting)."""

from ..runtime.values import undefined, null
from ..runtime.objects import JSObject, W, E, C
from ..runtime.errors import STATE
from ..runtime import ops
from ._common import define_methods


def inspect(v, depth=2):
    if type(v) is str:
        return v
    try:
        return ops.to_string(v) if not isinstance(v, JSObject) else ops.describe(v)
    except Exception:
        return ops.describe(v)


def console_log(this, *args):
    STATE.realm.write_stdout(" ".join(inspect(a) for a in args) + "\n")
    return undefined


def console_error(this, *args):
    STATE.realm.write_stderr(" ".join(inspect(a) for a in args) + "\n")
    return undefined


def setup(realm):
    c = JSObject(realm.intrinsics["%Object.prototype%"])
    define_methods(realm, c, [("log", console_log, 0), ("info", console_log, 0),
                              ("warn", console_error, 0), ("error", console_error, 0),
                              ("debug", console_log, 0)], W | E | C)
    realm.global_object._store("console", c, W | C)
