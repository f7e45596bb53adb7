"""Capturing a realm's heap with the C pickle module (DESIGN.md, "Realm snapshots").

* JS functions' Python implementations are rebuilt from their compiled unit
  (unit key + code index) with their closure cells; cells are restored with a
  state setter so closures sharing a cell still share it.
* A Realm is recreated empty and its state applied once everything it refers
  to exists; the namespace dict of compiled code is the new realm's own.
* Values that cannot be captured (suspended generators or async functions,
  promises with pending reactions, pending jobs, host handles) raise
  :class:`CaptureError`; the caller then finds the path to the value.
"""

import gc
import io
import marshal
import pickle
import threading
import types

from ..compiler import code_index, unit_codes, unit_registry

_load_ctx = threading.local()


class CaptureError(Exception):
    def __init__(self, obj, what):
        Exception.__init__(self, what)
        self.obj = obj
        self.what = what


# -- reconstruction functions (referenced by name from pickles) ------------------

def make_function(unit_key, index, globals_, name, defaults, kwdefaults, closure):
    code = unit_codes[unit_key][index]
    f = types.FunctionType(code, globals_, name, defaults, closure)
    if kwdefaults:
        f.__kwdefaults__ = kwdefaults
    return f


def make_cell():
    return types.CellType()


class EmptyCell:
    """The state of a cell that holds nothing (pickled by reference; MISSING cannot
    mark it: compiled code keeps the MISSING sentinel itself in cells)."""


def set_cell(cell, state):
    if state is not EmptyCell:
        cell.cell_contents = state
    return cell


def unit_by_key(key):
    return unit_registry[key]


def make_realm_value(builder, value, threw, origin):
    from . import RealmValue, _TOKEN
    return RealmValue(_TOKEN, builder, value, threw, origin)


def realm_new(key):
    tab = _load_ctx.realms
    r = tab.get(key)
    if r is None:
        from ..realm import Realm
        r = Realm.__new__(Realm)
        r.ns = {}
        tab[key] = r
    return r


def realm_ns(key):
    return realm_new(key).ns


def realm_setstate(realm, state):
    realm.restore_state(state)
    return realm


# -- pickling ------------------------------------------------------------------------

class HeapPickler(pickle.Pickler):
    def __init__(self, file):
        pickle.Pickler.__init__(self, file, protocol=5)
        self.realm_keys = {}
        self.ns_ids = {}
        self.units_seen = set()

    def realm_key(self, realm):
        k = self.realm_keys.get(id(realm))
        if k is None:
            k = len(self.realm_keys)
            self.realm_keys[id(realm)] = k
            self.ns_ids[id(realm.ns)] = k
            self._keep = getattr(self, "_keep", [])
            self._keep.append(realm)
        return k

    def persistent_id(self, obj):
        if type(obj) is dict:
            k = self.ns_ids.get(id(obj))
            if k is not None:
                return ("NS", k)
        return None

    def reducer_override(self, obj):
        t = type(obj)
        if t is types.FunctionType:
            ix = code_index.get(obj.__code__)
            if ix is None:
                return NotImplemented          # module-level function: by reference
            self.units_seen.add(ix[0])
            g = obj.__globals__
            k = self.ns_ids.get(id(g))
            if k is None:
                realm = g.get("__jsrt_realm__")
                if realm is None:
                    raise CaptureError(obj, "a function whose realm is unknown")
                self.realm_key(realm)
            return (make_function, (ix[0], ix[1], g, obj.__name__, obj.__defaults__,
                                    obj.__kwdefaults__, obj.__closure__))
        if t is types.CellType:
            try:
                v = obj.cell_contents
            except ValueError:
                v = EmptyCell
            return (make_cell, (), v, None, None, set_cell)
        if t is types.GeneratorType or t is types.CoroutineType:
            raise CaptureError(obj, "a suspended generator or async function")
        name = t.__name__
        if name == "CompiledUnit" and t.__module__ == "jsrt.compiler":
            self.units_seen.add(obj.key)
            return (unit_by_key, (obj.key,))
        if name == "RealmValue" and t.__module__ == "jsrt.snapshot":
            # a RealmValue held by a nested RealmBuilder inside the captured heap
            return (make_realm_value, (obj._builder, obj._value, obj._threw, obj._origin))
        if name == "Realm" and t.__module__ == "jsrt.realm":
            k = self.realm_key(obj)
            return (realm_new, (k,), obj.snapshot_state(), None, None, realm_setstate)
        check = _CHECKS.get(name)
        if check is not None:
            check(obj)
        return NotImplemented


def _check_generator(g):
    if g.pygen is not None:
        raise CaptureError(g, "a suspended generator (started and not finished)")


def _check_promise(p):
    from ..runtime.promise import PENDING
    if p.state == PENDING and (p.fulfill_reactions or p.reject_reactions):
        raise CaptureError(p, "a promise with pending reactions")


def _uncapturable(what):
    def check(o):
        raise CaptureError(o, what)
    return check


_CHECKS = {
    "JSGenerator": _check_generator,
    "JSPromise": _check_promise,
    "AwaitResume": _uncapturable("a suspended async function"),
    "IteratorRecord": None,
    "Thread": _uncapturable("a host thread"),
    "TextIOWrapper": _uncapturable("a host file handle"),
    "BufferedReader": _uncapturable("a host file handle"),
    "socket": _uncapturable("a host socket"),
    "Environment": _uncapturable("a host database handle"),
}


def dump_heap(root):
    buf = io.BytesIO()
    p = HeapPickler(buf)
    p.dump(root)
    return buf.getvalue()


class HeapUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        if type(pid) is tuple and len(pid) == 2 and pid[0] == "NS":
            return realm_ns(pid[1])
        raise pickle.UnpicklingError("unknown persistent id %r" % (pid,))


def load_heap(data):
    """Unpickle a verified heap; returns (root, realms created)."""
    prev = getattr(_load_ctx, "realms", None)
    _load_ctx.realms = {}
    # thousands of new container objects: the cyclic GC would rescan them repeatedly
    gc_was = gc.isenabled()
    gc.disable()
    try:
        root = HeapUnpickler(io.BytesIO(data)).load()
        realms = _load_ctx.realms
    finally:
        _load_ctx.realms = prev
        if gc_was:
            gc.enable()
    for r in realms.values():
        r.finish_restore()
    return root, realms


# -- compiled units ---------------------------------------------------------------------

def dump_units(keys):
    """marshal the units with the given keys (code objects + metadata)."""
    out = []
    for k in keys:
        u = unit_registry[k]
        out.append((u.key, u.source, u.filename, u.code, tuple(u.var_names),
                    tuple(tuple(x) for x in u.lex_decls), tuple(u.func_names), u.metas,
                    u.strict, u.kind))
    return marshal.dumps(tuple(out))


def load_units(data):
    from ..compiler import CompiledUnit, add_unit
    items = marshal.loads(data)
    units = []
    for (key, source, filename, code, var_names, lex, funcs, metas, strict, kind) in items:
        u = CompiledUnit(key, source, filename, code, list(var_names), [tuple(x) for x in lex],
                         list(funcs), metas, strict, kind)
        units.append(add_unit(u))
    return units


def units_of_heap_functions(realm):
    """Keys of all units compiled into a realm so far."""
    return list(realm.unit_keys)
