"""ES modules: Source Text Module Records, linking with live bindings, cyclic
evaluation and module namespace objects (ECMA-262 16.2).

A module's top-level bindings live in an Env record; an imported binding is
an :class:`IndirectRef` to the exporting module's Env and name, so importers
see later assignments (live bindings). The host supplies source text through
an import hook ``hook(specifier, referrer) -> source`` (or ``-> (key, source)``
to give the module an identity other than its specifier).
"""

import types

from .runtime.values import undefined, null, MISSING, TDZ, Symbol, SYM_TO_STRING_TAG
from .runtime.objects import JSObject, Desc, W, E, C, validate_and_apply
from .runtime.errors import JSThrow, STATE, throw_type_error, throw_reference_error, throw_syntax_error
from .runtime.env import Env, IndirectRef
from .compiler import compile_module, JSSyntaxError

__all__ = ["ModuleRecord", "load_module_namespace", "ModuleLoader", "JSModuleNamespace"]


class ModuleRecord:
    __slots__ = ("key", "unit", "env", "status", "requested", "imports", "local_exports",
                 "indirect_exports", "star_exports", "namespace", "error", "dfs_index",
                 "dfs_ancestor", "loader", "resolved", "__weakref__")

    def __init__(self, key, unit, loader):
        self.key = key
        self.unit = unit
        self.loader = loader
        self.env = Env(None)
        self.status = "new"
        (self.requested, self.imports, local, indirect, stars) = unit.module_info
        self.local_exports = dict(local)
        self.indirect_exports = {e: (spec, name) for e, spec, name in indirect}
        self.star_exports = list(stars)
        self.namespace = None
        self.error = None
        self.dfs_index = -1
        self.dfs_ancestor = -1
        self.resolved = {}

    def resolve_module(self, spec):
        """HostResolveImportedModule: fixed once loaded (so no hook call after linking)."""
        m = self.resolved.get(spec)
        if m is None:
            m = self.resolved[spec] = self.loader.load(spec, self.key)
        return m

    # 16.2.1.6.2 GetExportedNames
    def exported_names(self, seen=None):
        seen = set() if seen is None else seen
        if self in seen:
            return []
        seen.add(self)
        names = list(self.local_exports) + list(self.indirect_exports)
        for spec in self.star_exports:
            m = self.resolve_module(spec)
            for n in m.exported_names(seen):
                if n != "default" and n not in names:
                    names.append(n)
        return names

    # 16.2.1.6.3 ResolveExport: (module, binding name) | None | "ambiguous"
    def resolve_export(self, name, resolve_set=None):
        resolve_set = [] if resolve_set is None else resolve_set
        for m, n in resolve_set:
            if m is self and n == name:
                return None  # circular import request
        resolve_set.append((self, name))
        if name in self.local_exports:
            local = self.local_exports[name]
            return (self, local)
        if name in self.indirect_exports:
            spec, iname = self.indirect_exports[name]
            m = self.resolve_module(spec)
            if iname == "*":
                return (m, "*namespace*")
            return m.resolve_export(iname, resolve_set)
        if name == "default":
            return None
        star = None
        for spec in self.star_exports:
            m = self.resolve_module(spec)
            r = m.resolve_export(name, resolve_set)
            if r == "ambiguous":
                return r
            if r is not None:
                if star is None:
                    star = r
                elif star[0] is not r[0] or star[1] != r[1]:
                    return "ambiguous"
        return star


class SyntheticModule(ModuleRecord):
    """A host-provided module (e.g. ``vm``) whose exports are given values."""

    def __init__(self, key, exports, loader):
        self.key = key
        self.unit = None
        self.loader = loader
        self.env = Env(None)
        self.status = "evaluated"
        self.requested = ()
        self.imports = ()
        self.local_exports = {}
        for name, value in exports.items():
            self.env.vars[name] = value
            self.local_exports[name] = name
        self.indirect_exports = {}
        self.star_exports = []
        self.namespace = None
        self.error = None
        self.dfs_index = -1
        self.dfs_ancestor = -1
        self.resolved = {}


class JSModuleNamespace(JSObject):
    """A Module Namespace exotic object (10.4.6)."""
    __slots__ = ("module", "exports")
    exotic = True
    cls = "Module"

    def __init__(self, module, names):
        JSObject.__init__(self, null)
        self.module = module
        self.exports = sorted(names, key=lambda s: [ord(c) for c in s])
        self.props[SYM_TO_STRING_TAG] = "Module"
        self.flags = {SYM_TO_STRING_TAG: 0}
        self.extensible = False

    def _value(self, key):
        r = self.module.resolve_export(key)
        m, name = r
        if name == "*namespace*":
            return get_namespace(m)
        v = m.env.vars.get(name, TDZ)
        if type(v) is IndirectRef:
            v = v.get()
        if v is TDZ:
            throw_reference_error("Cannot access '%s' before initialization" % key)
        return v

    def get_prototype_of(self):
        return null

    def set_prototype_of(self, v):
        return v is null

    def is_extensible(self):
        return False

    def prevent_extensions(self):
        return True

    def get_own_property(self, key):
        if type(key) is Symbol:
            return JSObject.get_own_property(self, key)
        if key not in self.exports:
            return None
        return Desc(value=self._value(key), writable=True, enumerable=True, configurable=False)

    def define_own_property(self, key, desc):
        if type(key) is Symbol:
            return JSObject.define_own_property(self, key, desc)
        cur = self.get_own_property(key)
        if cur is None:
            return False
        if desc.configurable is True or desc.enumerable is False or desc.is_accessor() \
                or desc.writable is False:
            return False
        if desc.value is not MISSING:
            from .runtime.objects import same_value
            return same_value(desc.value, cur.value)
        return True

    def has_property(self, key):
        if type(key) is Symbol:
            return JSObject.has_property(self, key)
        return key in self.exports

    def get(self, key, receiver):
        if type(key) is Symbol:
            return JSObject.get(self, key, receiver)
        if key not in self.exports:
            return undefined
        return self._value(key)

    def set(self, key, value, receiver):
        return False

    def delete(self, key):
        if type(key) is Symbol:
            return JSObject.delete(self, key)
        return key not in self.exports

    def own_keys(self):
        return list(self.exports) + [k for k in self.props if type(k) is Symbol]


def get_namespace(m):
    """GetModuleNamespace (16.2.1.10)."""
    if m.namespace is None:
        names = [n for n in m.exported_names()
                 if m.resolve_export(n) not in (None, "ambiguous")]
        m.namespace = JSModuleNamespace(m, names)
    return m.namespace


class ModuleLoader:
    """The host's module map for one realm: key -> ModuleRecord."""

    def __init__(self, realm, hook):
        self.realm = realm
        self.hook = hook
        self.modules = {}

    def load(self, specifier, referrer=None):
        host = self.realm.host_module(specifier)
        if host is not None:
            key = "host:" + specifier
            m = self.modules.get(key)
            if m is None:
                m = self.modules[key] = SyntheticModule(key, host, self)
            return m
        try:
            r = self.hook(specifier, referrer)
        except JSThrow:
            raise
        except Exception as e:
            raise JSThrow(kind="Error", message="Cannot load module '%s': %s" % (specifier, e))
        if isinstance(r, tuple):
            key, source = r
        else:
            key, source = specifier, r
        m = self.modules.get(key)
        if m is not None:
            return m
        if not isinstance(source, str):
            raise JSThrow(kind="TypeError", message="import hook returned %s for '%s'"
                          % (type(source).__name__, specifier))
        try:
            unit = compile_module(source, key)
        except JSSyntaxError as e:
            raise JSThrow(kind="SyntaxError", message="%s (%s:%s:%s)" % (e.message, key, e.line, e.column))
        m = ModuleRecord(key, unit, self)
        self.modules[key] = m
        self.realm.unit_keys_add(unit.key)
        for spec in m.requested:
            m.resolved[spec] = self.load(spec, key)
        return m

    def __reduce__(self):
        # a captured module graph keeps its records; the host hook does not travel
        return (_restore_loader, (self.realm, self.modules))


def _restore_loader(realm, modules):
    ld = ModuleLoader.__new__(ModuleLoader)
    ld.realm = realm
    ld.hook = _no_hook
    ld.modules = modules
    return ld


def _no_hook(specifier, referrer):
    raise JSThrow(kind="Error", message="Cannot load module '%s': no import hook in this realm"
                  % specifier)


def link(m):
    """Link (16.2.1.5.1): initialise every module environment of the graph."""
    stack = []
    _inner_link(m, stack, 0)
    for x in stack:
        x.status = "linked"


def _inner_link(m, stack, index):
    if m.status in ("linking", "linked", "evaluated", "evaluating"):
        return index
    m.status = "linking"
    m.dfs_index = m.dfs_ancestor = index
    index += 1
    stack.append(m)
    for spec in m.requested:
        r = m.resolve_module(spec)
        index = _inner_link(r, stack, index)
        if r.status == "linking":
            m.dfs_ancestor = min(m.dfs_ancestor, r.dfs_ancestor)
    _initialize_environment(m)
    return index


def _initialize_environment(m):
    """InitializeEnvironment (16.2.1.6.4)."""
    for name in m.indirect_exports:
        r = m.resolve_export(name)
        if r is None or r == "ambiguous":
            throw_syntax_error("The requested module does not provide an export named '%s'" % name)
    env = m.env
    realm = STATE.realm
    for spec, iname, local in m.imports:
        imported = m.resolve_module(spec)
        if iname == "*":
            env.vars[local] = get_namespace(imported)
        else:
            r = imported.resolve_export(iname)
            if r is None:
                throw_syntax_error("The requested module '%s' does not provide an export named '%s'"
                                   % (spec, iname))
            if r == "ambiguous":
                throw_syntax_error("The requested module '%s' contains conflicting star exports for name '%s'"
                                   % (spec, iname))
            tm, tname = r
            if tname == "*namespace*":
                env.vars[local] = get_namespace(tm)
            else:
                env.vars[local] = IndirectRef(tm.env, tname)
        env.declare_const(local)
    unit = m.unit
    for name in unit.var_names:
        if name not in env.vars:
            env.vars[name] = undefined
    for name, kind in unit.lex_decls:
        if kind == "import":
            continue
        if name not in env.vars:
            env.vars[name] = TDZ
        if kind == "const":
            env.declare_const(name)
    fn = types.FunctionType(unit.code, realm.ns, "__script__")
    fn(undefined, env, 0)   # phase 0: hoisted function declarations


def evaluate(m):
    """Evaluate (16.2.1.5.3) for a graph without top-level await."""
    stack = []
    try:
        _inner_evaluate(m, stack, 0)
    except JSThrow as e:
        for x in stack:
            x.status = "evaluated"
            x.error = e
        raise


def _inner_evaluate(m, stack, index):
    if m.status == "evaluated":
        if m.error is not None:
            raise m.error
        return index
    if m.status == "evaluating":
        return index
    m.status = "evaluating"
    m.dfs_index = m.dfs_ancestor = index
    index += 1
    stack.append(m)
    for spec in m.requested:
        r = m.resolve_module(spec)
        index = _inner_evaluate(r, stack, index)
        if r.status == "evaluating":
            m.dfs_ancestor = min(m.dfs_ancestor, r.dfs_ancestor)
    realm = STATE.realm
    fn = types.FunctionType(m.unit.code, realm.ns, "__script__")
    fn(undefined, m.env, 1)
    if m.dfs_ancestor == m.dfs_index:
        while True:
            x = stack.pop()
            x.status = "evaluated"
            if x is m:
                break
    return index


def load_module_namespace(realm, specifier, hook, loader=None):
    """Load, link and evaluate a module graph; its namespace object."""
    if loader is None:
        loader = realm.module_loader(hook)
    m = loader.load(specifier, None)
    link(m)
    evaluate(m)
    return get_namespace(m)
