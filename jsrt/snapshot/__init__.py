"""Realm snapshots: RealmBuilder, RealmValue, RealmSnapshot (the TC39 Realm
Snapshot proposal), signed and versioned (DESIGN.md, "Realm snapshots").

    builder = RealmBuilder()
    v = builder.eval_script("globalThis.lib = {twice: x => 2 * x}; lib")
    snap = RealmSnapshot.compile(builder, [v])
    data = snap.to_bytes()                      # signed bytes, safe to store or ship
    realm = RealmSnapshot.instantiate(RealmSnapshot.from_bytes(data))
    realm.arguments[0]                          # the value v, in the new realm
"""

import collections
import hashlib
import json
import time
import types
import warnings

from ..errors import SnapshotError, JSError
from ..runtime import executor
from ..runtime.errors import JSThrow, STATE
from ..runtime.values import undefined, MISSING
from ..runtime.objects import JSObject, JSFunction, Accessor
from . import format as fmt
from . import heap as heapmod

__all__ = ["RealmBuilder", "RealmValue", "RealmSnapshot", "SnapshotError"]

_TOKEN = object()


class RealmValue:
    """An opaque completion value (or thrown error) recorded in a RealmBuilder.

    It has no public way to read the value on the builder side; pass it to
    RealmSnapshot.compile and read it from the instantiated realm's ``arguments``.
    """
    __slots__ = ("_builder", "_value", "_threw", "_origin")

    def __init__(self, *args, **kwargs):
        if not args or args[0] is not _TOKEN:
            raise TypeError("RealmValue cannot be created directly; use RealmBuilder.eval_script")
        _, self._builder, self._value, self._threw, self._origin = args

    def __repr__(self):
        return "<RealmValue%s>" % (" (thrown)" if self._threw else "")

    def __reduce__(self):
        raise TypeError("RealmValue is opaque; compile it into a RealmSnapshot")


class RealmBuilder:
    """A realm whose global has no host APIs, for building snapshots.

    ``Math.random()``, ``Date.now()`` and ``new Date()`` throw inside it, so a
    snapshot never captures a value that would differ between runs.
    """

    def __init__(self, hooks=None, debug=False):
        """``hooks``: ``"import"`` loads module source for eval_module; ``"now"`` and
        ``"random"`` (functions returning numbers) make Date.now()/new Date() and
        Math.random() deterministic instead of throwing (the proposal's "future hooks"),
        for libraries that read the clock while they initialise."""
        from ..realm import Realm
        self.hooks = dict(hooks or {})
        self.debug = debug
        self.realm = executor.run(lambda: Realm(host=False, restricted=True))
        self.realm.restricted_hooks = {k: v for k, v in self.hooks.items()
                                       if k in ("now", "random")}
        if debug:
            executor.run(self._add_debug_console)
        self.sources = []          # [(kind, text, filename)] in evaluation order
        self.modules = {}

    def _add_debug_console(self):
        from ..builtins import console as con
        prev = STATE.realm
        STATE.realm = self.realm
        try:
            con.setup(self.realm)
        finally:
            STATE.realm = prev

    def eval_script(self, source, filename=None):
        """Run a classic script; its completion value (or thrown error) as a RealmValue."""
        origin = len(self.sources)
        self.sources.append(("script", source, filename))
        realm = self.realm

        def run():
            prev = STATE.realm
            STATE.realm = realm
            try:
                try:
                    v = realm.eval_internal(source, filename)
                    realm.run_jobs()
                    return v, False
                except JSThrow as e:
                    return e.value, True
            finally:
                STATE.realm = prev
        value, threw = executor.run(run)
        return RealmValue(_TOKEN, self, value, threw, origin)

    def eval_module(self, specifier):
        """Load a module graph through hooks['import'] and record its namespace."""
        origin = len(self.sources)
        self.sources.append(("module", specifier, None))
        realm = self.realm
        hook = self.hooks.get("import")
        if hook is None:
            raise TypeError("eval_module needs hooks={'import': fn(specifier, referrer) -> source}")

        def run():
            from ..modules import load_module_namespace
            prev = STATE.realm
            STATE.realm = realm
            try:
                try:
                    v = load_module_namespace(realm, specifier, hook)
                    realm.run_jobs()
                    return v, False
                except JSThrow as e:
                    return e.value, True
            finally:
                STATE.realm = prev
        value, threw = executor.run(run)
        return RealmValue(_TOKEN, self, value, threw, origin)


class RealmSnapshot:
    """A compiled, signed realm snapshot (the bytes plus their verified sections)."""

    def __init__(self, data, opened, key=None):
        self._data = data
        self._opened = opened
        self._key = key
        self._units_loaded = False
        self._sha256 = None

    @property
    def sha256(self):
        """Hex SHA-256 of the snapshot bytes (computed on first use: instantiating
        does not need it)."""
        h = self._sha256
        if h is None:
            h = self._sha256 = hashlib.sha256(self._data).hexdigest()
        return h

    # -- creation -------------------------------------------------------------------
    @classmethod
    def compile(cls, builder, values=(), key=None):
        """Capture the builder's realm and the given RealmValues (proposal: RealmSnapshot.compile)."""
        if not isinstance(builder, RealmBuilder):
            raise TypeError("RealmSnapshot.compile expects a RealmBuilder, got %s"
                            % type(builder).__name__)
        vals = []
        origins = []
        for i, v in enumerate(values):
            if not isinstance(v, RealmValue):
                raise TypeError("values[%d] is %s, not a RealmValue" % (i, type(v).__name__))
            if v._builder is not builder:
                raise ValueError("values[%d] belongs to a different RealmBuilder" % i)
            vals.append(v._value)
            origins.append(v._origin)
        realm = builder.realm

        def capture():
            prev = STATE.realm
            STATE.realm = realm
            try:
                realm.run_jobs()
                saved = realm.snapshot_arguments
                realm.snapshot_arguments = None
                try:
                    p_heap, units = _dump(realm, vals)
                finally:
                    realm.snapshot_arguments = saved
                return p_heap, units
            finally:
                STATE.realm = prev
        try:
            heap, unit_keys = executor.run(capture)
        except heapmod.CaptureError as e:
            path = executor.run(lambda: find_path(realm, vals, e.obj))
            raise SnapshotError("cannot capture %s at %s" % (e.what, path or "<unknown path>")) from None
        try:
            units = heapmod.dump_units(sorted(unit_keys), builder.sources)
        except ValueError as e:
            raise SnapshotError("cannot capture the compiled code: %s" % e) from None
        meta = {
            "sources": [[k, t, f] for k, t, f in builder.sources],
            "origins": origins,
            "created": time.time(),
            "counts": _count(realm),
        }
        data = fmt.seal(meta, units, heap, key)
        return cls(data, fmt.open_sealed(data, key), key)

    def to_bytes(self):
        return self._data

    @classmethod
    def from_bytes(cls, data, key=None, strict=False):
        """Verify and wrap snapshot bytes. A valid MAC with a foreign engine tag is
        accepted (instantiate replays the sources) unless ``strict``."""
        opened = fmt.open_sealed(data, key)
        if opened.tag != fmt.engine_tag():
            if strict:
                raise SnapshotError("snapshot was made by another engine (%s); this is %s"
                                    % (opened.tag, fmt.engine_tag()))
        return cls(bytes(data), opened, key)

    # -- info -------------------------------------------------------------------------
    @property
    def engine_tag(self):
        return self._opened.tag

    @property
    def meta(self):
        return self._opened.meta

    @property
    def sources(self):
        return [tuple(x) for x in self._opened.meta.get("sources", [])]

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return "<RealmSnapshot %s %d bytes>" % (self.sha256[:12], len(self._data))

    def __reduce__(self):
        return (_snapshot_from_bytes, (self._data,))

    # -- instantiation -------------------------------------------------------------
    @staticmethod
    def instantiate(snapshot, values=None, host=False, console=None):
        """A fresh, independent realm from a snapshot; ``instantiate(builder, values)``
        compiles first. ``host=True`` adds host APIs (console, timers, ...)."""
        if isinstance(snapshot, RealmBuilder):
            snapshot = RealmSnapshot.compile(snapshot, values or ())
        elif values is not None:
            raise TypeError("values are only accepted together with a RealmBuilder")
        return snapshot._instantiate(host, console)

    def _instantiate(self, host, console):
        o = self._opened
        if o.tag != fmt.engine_tag():
            warnings.warn("snapshot made by %s; replaying its %d sources"
                          % (o.tag, len(o.meta.get("sources", []))), RuntimeWarning, stacklevel=3)
            return self._replay(host, console)

        # Runs on the calling thread, as Realm() does: loading runs no JS and recurses
        # nowhere (the heap is flat waves of records), so the hop to the JS thread
        # would only add a thread switch.
        try:
            if not self._units_loaded:
                heapmod.load_units(o.units, lambda: o.meta.get("sources", []))
                self._units_loaded = True
            root, realms = heapmod.load_heap(o.heap)
            realm, vals = root
            realm.restricted = False
            realm.console_sink = console
            for r in realms.values():
                r.restricted = False
            realm.snapshot_arguments = list(vals)
            if host:
                realm.add_host_apis()
            return realm
        except SnapshotError:
            raise
        except Exception as e:
            raise SnapshotError("cannot instantiate snapshot: %s: %s" % (type(e).__name__, e)) from None

    def _replay(self, host, console):
        from ..realm import Realm
        meta = self._opened.meta
        realm = executor.run(lambda: Realm(host=host, console=console))
        results = []

        def run():
            prev = STATE.realm
            STATE.realm = realm
            try:
                for kind, text, filename in meta.get("sources", []):
                    if kind != "script":
                        raise SnapshotError("cannot replay module sources without the import hook")
                    try:
                        results.append(realm.eval_internal(text, filename))
                    except JSThrow as e:
                        results.append(e.value)
                    realm.run_jobs()
                realm.snapshot_arguments = [results[i] if 0 <= i < len(results) else undefined
                                            for i in meta.get("origins", [])]
            finally:
                STATE.realm = prev
        executor.run(run)
        return realm


def _snapshot_from_bytes(data):
    return RealmSnapshot.from_bytes(data)


def _dump(realm, vals):
    return heapmod.dump_heap((realm, vals))


def _count(realm):
    """Object and function counts reachable from the realm (for `jsrt snapshot info`)."""
    objects = 0
    functions = 0
    seen = set()
    stack = [realm.global_object] + list(realm.intrinsics.values())
    while stack:
        o = stack.pop()
        if not isinstance(o, JSObject) or id(o) in seen:
            continue
        seen.add(id(o))
        objects += 1
        if isinstance(o, JSFunction):
            functions += 1
        for v in o.props.values():
            if type(v) is Accessor:
                stack.append(v.get)
                stack.append(v.set)
            else:
                stack.append(v)
        stack.append(o.proto)
    return {"objects": objects, "functions": functions}


def find_path(realm, vals, target):
    """A human-readable path from the realm's roots to ``target`` (BFS over JS edges,
    closure variables and internal slots)."""
    q = collections.deque()
    seen = set()
    for i, v in enumerate(vals):
        q.append((v, "arguments[%d]" % i))
    q.append((realm.global_object, "globalThis"))
    for k, v in realm.global_lex.items():
        q.append((v, k))
    for k, v in realm.intrinsics.items():
        q.append((v, k))
    while q:
        o, path = q.popleft()
        if o is target:
            return path
        if id(o) in seen:
            continue
        seen.add(id(o))
        for child, label in _edges(o):
            if id(child) not in seen:
                q.append((child, _join(path, label)))
    return None


def _join(path, label):
    if label.startswith("["):
        return path + label
    return path + "." + label


def _edges(o):
    from ..runtime.values import Symbol
    if isinstance(o, JSObject):
        for k, v in list(o.props.items()):
            key = "[%r]" % k if type(k) is Symbol else (k if k.isidentifier() else "[%r]" % k)
            if type(v) is Accessor:
                yield v.get, key + "<get>"
                yield v.set, key + "<set>"
            else:
                yield v, key
        arr = getattr(o, "arr", None)
        if type(arr) is list:
            for i, v in enumerate(arr):
                yield v, "[%d]" % i
        yield o.proto, "__proto__"
        for cls in type(o).__mro__:
            for slot in getattr(cls, "__slots__", ()):
                if slot in ("props", "flags", "proto", "extensible", "__weakref__", "arr", "realm", "meta"):
                    continue
                v = getattr(o, slot, None)
                if v is not None:
                    yield v, "<%s>" % slot
    elif type(o) is types.FunctionType:
        code = o.__code__
        for name, cell in zip(code.co_freevars, o.__closure__ or ()):
            try:
                v = cell.cell_contents
            except ValueError:
                continue
            i = name.rfind("_")
            label = name[:i] if i > 0 and name[i + 1:].isdigit() else name
            yield v, "<closure>." + label
    elif type(o) is types.MethodType:
        yield o.__self__, "<bound>"
    elif isinstance(o, (list, tuple)):
        for i, v in enumerate(o):
            yield v, "[%d]" % i
    elif isinstance(o, dict):
        for k, v in o.items():
            yield v, "[%r]" % (k,)
    elif hasattr(o, "__slots__"):
        for cls in type(o).__mro__:
            for slot in getattr(cls, "__slots__", ()):
                v = getattr(o, slot, None)
                if v is not None:
                    yield v, "<%s>" % slot
