"""The built-in objects, one module per family, set up in an explicit order."""

from ..runtime.objects import JSObject, JSPrimitiveObject, JSStringObject, W, C
from ..runtime.values import null

# (module, needs host) in setup order; each module has setup(realm).
FAMILIES = (
    ("core", False),
    ("iterators", False),
    ("array", False),
    ("string", False),
    ("number", False),
    ("math", False),
    ("json", False),
    ("globals", False),
    ("promise", False),
    ("collections", False),
    ("reflect", False),
    ("proxy", False),
    ("regexp", False),
    ("date", False),
    ("intl", False),
    ("typedarray", False),
    ("realms", False),
    ("webapi", True),
    ("host", True),
    ("worker_api", True),
    ("console", True),
    ("timers", True),
)


def setup_realm(realm, host):
    import importlib
    from . import core
    realm.global_object = None
    core.setup_fundamentals(realm)
    intr = realm.intrinsics
    realm.global_object = JSObject(intr["%Object.prototype%"])
    for name, needs_host in FAMILIES:
        if needs_host and not host:
            continue
        try:
            mod = importlib.import_module("." + name, __name__)
        except ModuleNotFoundError as e:
            if e.name == __name__ + "." + name:
                continue
            raise
        mod.setup(realm)
    op = intr["%Object.prototype%"]
    # placeholders until a family provides them
    if "%String.prototype%" not in intr:
        intr["%String.prototype%"] = JSStringObject(op, "")
    if "%Number.prototype%" not in intr:
        intr["%Number.prototype%"] = JSPrimitiveObject(op, 0.0)
    if "%BigInt.prototype%" not in intr:
        intr["%BigInt.prototype%"] = JSObject(op)
