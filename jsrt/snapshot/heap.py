"""Capturing a realm's heap with the C pickle module (DESIGN.md, "Realm snapshots").

The heap is a stream of pickles written by one Pickler, so they share one memo:
first the root ``(realm, values)``, then *waves* of object records, then None.

* JS objects (JSObject and Accessor classes whose state is their slots) are only
  allocated where the pickle first meets them; their slots follow in the next
  wave as records, grouped by *layout*: the class plus one code per slot saying
  how the record carries it (see :func:`layout_setter`). A layout leaves out a
  slot that holds its usual value (``extensible`` True, ``meta`` None...), a
  function's ``body`` that is its ``fn``, a ``fn`` that is the object's own
  ``_call``; a ``props`` dict with a function's usual keys becomes bare values (a
  props dict belongs to one object: runtime/objects.py). A record's value may
  also be an index into its group's *table*: a compiled function's ``meta`` into
  its unit's FuncMetas, a ``fn`` that is a module-level built-in into the
  functions of a wave (their names resolved once per wave). One generated loop
  per layout fills the objects: no Python call per object, and neither deep
  recursion nor a deep pickle when the JS object graph is deep.
* JS functions' Python implementations are rebuilt with ``types.FunctionType``
  from their compiled unit's code objects; closure cells are allocated empty and
  filled in a wave, so closures sharing a cell still share it.
* A Realm is recreated empty and its state applied once everything it refers
  to exists; the namespace dict of compiled code is the new realm's own.
* Values that cannot be captured (suspended generators or async functions,
  promises with pending reactions, pending jobs, host handles) raise
  :class:`CaptureError`; the caller then finds the path to the value.
"""

import copyreg
import gc
import importlib
import io
import marshal
import operator
import pickle
import struct
import sys
import threading
import types

from ..compiler import code_index, unit_codes, unit_registry
from ..runtime.objects import JSObject, Accessor

_load_ctx = threading.local()
#: "Not in the table" (a slot without a default, a class not looked at yet).
_UNKNOWN = object()


class CaptureError(Exception):
    def __init__(self, obj, what):
        Exception.__init__(self, what)
        self.obj = obj
        self.what = what


# -- object layouts ---------------------------------------------------------------------

#: Slots a record may leave out when they hold this value (compared by type and value).
SLOT_DEFAULTS = {"flags": None, "extensible": True, "ctor": 0, "native_ctor": None,
                 "meta": None, "uses_nt": False, "is_class": False, "len_writable": True}

#: Key orders of a props dict that a record carries as bare values (code, keys).
PROPS_SHAPES = {"a": ("length", "name"), "b": ("length", "name", "prototype")}
_SHAPE_CODE = {keys: code for code, keys in PROPS_SHAPES.items()}

# Slot codes of a layout (one character per slot, in slot order):
#   v  the value is in the record            d  SLOT_DEFAULTS[slot]
#   a/b  props: the values of PROPS_SHAPES   n  fn: index into the group's table
#   c  fn: the object's own bound _call      f  body: the same object as fn
#   m  meta: index into the group's table (a unit's FuncMetas)
_CODES_OF_SLOT = {"props": "vab", "fn": "vnc", "body": "vf", "meta": "vdm"}


class ClassLayout:
    """What a snapshot needs to know about a class whose records it writes."""
    __slots__ = ("cls", "slots", "values", "custom_state")

    def __init__(self, cls, slots):
        self.cls = cls
        self.slots = slots
        self.values = operator.attrgetter(*slots)
        self.custom_state = cls.__getstate__ is not object.__getstate__

    def slot_values(self, obj):
        """The slot values in slot order, or None when a slot is unset (or a custom
        __getstate__ says something else): the object then pickles the default way."""
        if self.custom_state:
            st = obj.__getstate__()
            if type(st) is not tuple or len(st) != 2 or st[0] or type(st[1]) is not dict:
                return None
            d = st[1]
            try:
                return tuple([d[s] for s in self.slots])
            except KeyError:
                return None
        try:
            return self.values(obj)
        except AttributeError:
            return None


_layouts = {}


def class_layout(cls):
    """The ClassLayout of a JS object class, or None when its instances pickle the
    default way (a __dict__, a custom reduce or __setstate__, not importable by name)."""
    try:
        return _layouts[cls]
    except KeyError:
        pass
    lay = None
    if issubclass(cls, (JSObject, Accessor)) and cls.__dictoffset__ == 0 \
            and cls.__reduce_ex__ is object.__reduce_ex__ and cls.__reduce__ is object.__reduce__ \
            and getattr(cls, "__setstate__", None) is None \
            and getattr(sys.modules.get(cls.__module__), cls.__qualname__, None) is cls:
        slots = []
        for c in reversed(cls.__mro__):
            s = c.__dict__.get("__slots__", ())
            for n in ((s,) if type(s) is str else s):
                if n not in ("__weakref__", "__dict__"):
                    slots.append(n)
        if len(slots) > 1 and not any(n.startswith("__") for n in slots):   # (mangled)
            lay = ClassLayout(cls, tuple(slots))
    _layouts[cls] = lay
    return lay


_CELL = ClassLayout(types.CellType, ("cell_contents",))
_setters = {}


def layout_setter(cls, codes):
    """The function that fills the objects of one layout from a flat record tuple
    (generated once per process and layout)."""
    key = (cls, codes)
    f = _setters.get(key)
    if f is not None:
        return f
    lay = _CELL if cls is types.CellType else class_layout(cls)
    if lay is None or type(codes) is not str or len(codes) != len(lay.slots):
        raise pickle.UnpicklingError("bad snapshot layout %r for %r" % (codes, cls))
    params = ["o"]
    lines = []
    after = []                  # body = fn once fn is set
    for slot, c in zip(lay.slots, codes):
        if c not in _CODES_OF_SLOT.get(slot, "vd" if slot in SLOT_DEFAULTS else "v"):
            raise pickle.UnpicklingError("bad snapshot layout %r for %r" % (codes, cls))
        if c in "vnm":
            p = "a%d" % len(params)
            params.append(p)
            lines.append("o.%s = %s" % (slot, p if c == "v" else "table[%s]" % p))
        elif c in PROPS_SHAPES:
            items = []
            for k in PROPS_SHAPES[c]:
                p = "a%d" % len(params)
                params.append(p)
                items.append("%r: %s" % (k, p))
            lines.append("o.%s = {%s}" % (slot, ", ".join(items)))
        elif c == "d":
            lines.append("o.%s = %r" % (slot, SLOT_DEFAULTS[slot]))
        elif c == "c":
            lines.append("o.%s = o._call" % slot)
        else:
            after.append("o.%s = o.fn" % slot)
    body = "\n        ".join(lines + after)
    src = ("def fill(items, table):\n"
           "    it = iter(items)\n"
           "    for %s, in zip(%s):\n"
           "        %s\n") % (", ".join(params), ", ".join(["it"] * len(params)), body)
    ns = {}
    exec(compile(src, "<snapshot layout %s %s>" % (cls.__name__, codes), "exec"), ns)
    f = _setters[key] = ns["fill"]
    return f


def native_table(*modules):
    """The module-level functions of a wave's ``n`` slots: ``modules`` are (module
    name, space-separated function names) runs; the result is all of them, in order."""
    out = []
    for module, names in modules:
        mod = sys.modules.get(module) or importlib.import_module(module)
        out.extend([getattr(mod, n) for n in names.split()])
    return tuple(out)


def unit_code_list(key):
    """The code objects of a loaded unit (a function's code is an index into them)."""
    return unit_codes[key]


def unit_metas(key):
    """The FuncMetas of a loaded unit (a function's meta is an index into them)."""
    return unit_registry[key].metas


def python_type(name):
    """types.FunctionType / types.CellType (they cannot be pickled by name)."""
    if name not in ("FunctionType", "CellType"):
        raise pickle.UnpicklingError("unexpected type %r in snapshot" % name)
    return getattr(types, name)


# -- reconstruction functions (referenced by name from pickles) ------------------

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

class _Ref:
    """A stand-in the pickler writes once as ``func(*args)`` and then by memo."""
    __slots__ = ("func", "args")

    def __init__(self, func, args):
        self.func = func
        self.args = args


class HeapPickler(pickle.Pickler):
    def __init__(self, file):
        pickle.Pickler.__init__(self, file, protocol=5)
        self.realm_keys = {}
        self.ns_ids = {}
        self.refs = {}
        self.units_seen = set()
        self.pending = []          # (object, ClassLayout, slot values) awaiting a wave
        self.natives = {}          # id(function) -> (function, (module, name) or None)
        self._keep = []

    def ref(self, func, *args):
        key = (func, args)
        r = self.refs.get(key)
        if r is None:
            r = self.refs[key] = _Ref(func, args)
        return r

    def realm_key(self, realm):
        k = self.realm_keys.get(id(realm))
        if k is None:
            k = len(self.realm_keys)
            self.realm_keys[id(realm)] = k
            self.ns_ids[id(realm.ns)] = k
            self._keep.append(realm)
        return k

    def dump_heap(self, root):
        """The root, then waves of records until no object awaits its slots, then None."""
        self.dump(root)
        while self.pending:
            wave, self.pending = self.pending, []
            self.dump(self.records(wave))
        self.dump(None)

    def records(self, wave):
        """One wave: a tuple of (layout setter, table, flat records)."""
        groups = {}
        wave_fns = {}              # (module, name) -> index in the wave's native table
        for obj, lay, vals in wave:
            codes = []
            rec = [obj]
            fn = table = None
            for slot, v in zip(lay.slots, vals):
                if slot not in _CODES_OF_SLOT:
                    d = SLOT_DEFAULTS.get(slot, _UNKNOWN)
                    if d is not _UNKNOWN and type(v) is type(d) and v == d:
                        codes.append("d")
                    else:
                        codes.append("v")
                        rec.append(v)
                elif slot == "props":
                    c = _SHAPE_CODE.get(tuple(v)) if type(v) is dict and len(v) <= 3 else None
                    if c is None:
                        codes.append("v")
                        rec.append(v)
                    else:
                        codes.append(c)
                        rec.extend(v.values())
                elif slot == "fn":
                    fn = v
                    nat = self.native(v)
                    if nat is not None:
                        i = wave_fns.get(nat)
                        if i is None:
                            i = wave_fns[nat] = len(wave_fns)
                        codes.append("n")
                        rec.append(i)
                        table = _NATIVES
                    elif type(v) is types.MethodType and v.__self__ is obj \
                            and v.__func__ is getattr(type(obj), "_call", None):
                        codes.append("c")
                    else:
                        codes.append("v")
                        rec.append(v)
                elif slot == "body":
                    if v is fn and fn is not None:
                        codes.append("f")
                    else:
                        codes.append("v")
                        rec.append(v)
                elif v is None:
                    codes.append("d")
                elif table is None and _unit_meta(v):
                    codes.append("m")
                    rec.append(v[6])
                    table = v[5]
                    self.units_seen.add(table)
                else:
                    codes.append("v")
                    rec.append(v)
            key = (lay.cls, "".join(codes), table)
            g = groups.get(key)
            if g is None:
                g = groups[key] = []
            g.extend(rec)
        wave_natives = None
        if wave_fns:
            runs = []                    # (module, [names]) in table order
            for module, name in wave_fns:
                if not runs or runs[-1][0] != module:
                    runs.append((module, []))
                runs[-1][1].append(name)
            wave_natives = _Ref(native_table, tuple((m, " ".join(names)) for m, names in runs))
        return tuple([(self.ref(layout_setter, cls, codes),
                       None if table is None else wave_natives if table is _NATIVES
                       else self.ref(unit_metas, table),
                       tuple(items))
                      for (cls, codes, table), items in groups.items()])

    def native(self, f):
        """(module, name) when ``f`` is a module-level function found by that name."""
        if type(f) is not types.FunctionType:
            return None
        hit = self.natives.get(id(f))
        if hit is None:
            r = None
            if id(f.__code__) not in code_index:
                mod = sys.modules.get(f.__module__)
                if mod is not None and getattr(mod, f.__qualname__, None) is f:
                    r = (f.__module__, f.__qualname__)
            hit = self.natives[id(f)] = (f, r)
        return hit[1]

    def reducer_override(self, obj):
        t = type(obj)
        lay = _layouts.get(t, _UNKNOWN)
        if lay is _UNKNOWN:
            lay = class_layout(t) if t is not type else None
        if lay is not None:
            check = _CHECKS.get(t.__name__)
            if check is not None:
                check(obj)
            vals = lay.slot_values(obj)
            if vals is None:
                return NotImplemented
            self.pending.append((obj, lay, vals))
            return (copyreg.__newobj__, (t,))
        if t is types.FunctionType:
            code = obj.__code__
            ix = code_index.get(id(code))
            if ix is None:
                return NotImplemented          # module-level function: by reference
            self.units_seen.add(ix[0])
            g = obj.__globals__
            k = self.ns_ids.get(id(g))
            if k is None:
                realm = g.get("__jsrt_realm__")
                if realm is None:
                    raise CaptureError(obj, "a function whose realm is unknown")
                k = self.realm_key(realm)
                if self.ns_ids.get(id(g)) != k:
                    raise CaptureError(obj, "a function with foreign globals")
            name = obj.__name__
            args = (code, self.ref(realm_ns, k), None if name == code.co_name else name,
                    obj.__defaults__, obj.__closure__)
            kw = obj.__kwdefaults__
            if kw:
                return (types.FunctionType, args, (None, {"__kwdefaults__": kw}))
            return (types.FunctionType, args)
        if t is types.CodeType:
            ix = code_index.get(id(obj))
            if ix is None:
                return NotImplemented
            self.units_seen.add(ix[0])
            return (operator.getitem, (self.ref(unit_code_list, ix[0]), ix[1]))
        if t is types.CellType:
            try:
                v = obj.cell_contents
            except ValueError:
                return (types.CellType, ())
            self.pending.append((obj, _CELL, (v,)))
            return (types.CellType, ())
        if t is _Ref:
            return (obj.func, obj.args)
        if t is type:
            if obj is types.FunctionType:
                return (python_type, ("FunctionType",))
            if obj is types.CellType:
                return (python_type, ("CellType",))
            return NotImplemented
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


#: Stands in a group key for "the table is the wave's native functions".
_NATIVES = object()


def _unit_meta(m):
    """Is ``m`` (a FuncMeta: name, length, flags, start, end, unit key, index) the one
    its unit holds at its index?"""
    if type(m) is not tuple or len(m) != 7:
        return False
    u = unit_registry.get(m[5])
    i = m[6]
    return u is not None and type(i) is int and 0 <= i < len(u.metas) and u.metas[i] == m


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
    """Pickle ``root`` and everything it reaches; returns (bytes, keys of the units
    whose code the heap refers to)."""
    buf = io.BytesIO()
    p = HeapPickler(buf)
    p.dump_heap(root)
    return buf.getvalue(), p.units_seen


def load_heap(data):
    """Unpickle a verified heap; returns (root, realms created)."""
    prev = getattr(_load_ctx, "realms", None)
    _load_ctx.realms = {}
    # Thousands of new container objects: the cyclic GC would rescan them repeatedly.
    # It resumes once the unpickler (its memo, the records) is gone, so its first pass
    # over the young objects meets only what the heap keeps.
    gc_was = gc.isenabled()
    gc.disable()
    try:
        root = _unpickle(data)
        realms = _load_ctx.realms
    finally:
        _load_ctx.realms = prev
        if gc_was:
            gc.enable()
    for r in realms.values():
        r.finish_restore()
    return root, realms


def _unpickle(data):
    u = pickle.Unpickler(io.BytesIO(data))
    root = u.load()
    wave = u.load()
    while wave is not None:
        for fill, table, items in wave:
            fill(items, table)
        wave = u.load()
    return root


# -- compiled units ---------------------------------------------------------------------
# The units section: a 4-byte length, a marshalled index ((unit key, byte length), ...),
# then each unit marshalled on its own.  A unit key is a hash of the source, filename and
# kind, and the engine tag pins the compiler, so a unit already in this process's
# registry is the same code: loading skips its bytes (instantiating one snapshot many
# times, or snapshots sharing a library, unmarshal it once per process).  A unit whose
# source is one of the builder's recorded sources (the meta section keeps them, for
# replaying) holds that source's index instead of a second copy.

_INDEX_LEN = struct.Struct(">I")


def dump_units(keys, sources=()):
    """marshal the units with the given keys (code objects + metadata); ``sources`` are
    the builder's (kind, text, filename) in the order the meta section lists them."""
    shared = {}
    for i, (kind, text, filename) in enumerate(sources):
        shared.setdefault(text, i)
    blobs = []
    for k in keys:
        u = unit_registry[k]
        blobs.append(marshal.dumps((u.key, shared.get(u.source, u.source), u.filename, u.code,
                                    tuple(u.var_names), tuple(tuple(x) for x in u.lex_decls),
                                    tuple(u.func_names), u.metas, u.strict, u.kind)))
    index = marshal.dumps(tuple((k, len(b)) for k, b in zip(keys, blobs)))
    return b"".join([_INDEX_LEN.pack(len(index)), index] + blobs)


def load_units(data, sources):
    """Register the units of a verified units section that this process lacks;
    ``sources()`` gives the meta section's sources (read only if a unit needs one)."""
    from ..compiler import CompiledUnit, add_unit
    data = memoryview(data)
    (n,) = _INDEX_LEN.unpack_from(data, 0)
    pos = _INDEX_LEN.size + n
    for key, size in marshal.loads(data[_INDEX_LEN.size:pos]):
        if key not in unit_registry:
            (key, source, filename, code, var_names, lex, funcs, metas, strict,
             kind) = marshal.loads(data[pos:pos + size])
            if type(source) is int:
                source = sources()[source][1]
            add_unit(CompiledUnit(key, source, filename, code, list(var_names),
                                  [tuple(x) for x in lex], list(funcs), metas, strict, kind))
        pos += size
    if pos != len(data):
        raise ValueError("units section: lengths do not add up")
