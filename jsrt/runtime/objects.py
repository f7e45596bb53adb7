"""The object model: ordinary objects, arrays, functions and property descriptors.

Storage (see DESIGN.md, "Values"): ``props`` maps a property key (``str`` or
:class:`Symbol`) to its value, or to an :class:`Accessor` for accessor
properties.  Attributes are bit flags (W=1, E=2, C=4); a property whose flags
are all set (the default for assignment-created properties) has no entry in
``flags``, so a property read is one dict lookup and one type check.  ``flags``
dicts may be shared between objects (templates), so they are copied on write; a
``props`` dict belongs to one object (realm snapshots rely on it).

The internal methods of ECMA-262 §10.1 are Python methods with PEP 8 names
(``get_own_property`` is [[GetOwnProperty]], ``define_own_property`` is
[[DefineOwnProperty]], ...). Exotic objects override them.
"""

from .values import undefined, null, MISSING, HOLE, Symbol, JSBigInt
from .errors import JSThrow, throw_type_error, throw_range_error

W = 1
E = 2
C = 4
WEC = 7

DIGITS = frozenset("0123456789")
MAX_ARRAY_INDEX = 4294967294  # 2**32 - 2
# Dense arrays grow with holes up to this many slots past their end; beyond it
# they switch to sparse (dict) storage.
DENSE_GROWTH_LIMIT = 1 << 16
# `new Array(n)` / `arr.length = n` stay dense (a list of holes) up to this length.
DENSE_LENGTH_LIMIT = 1 << 22


def array_index(key):
    """The array index a string key denotes (ECMA-262 6.1.7), or -1."""
    if not key or key[0] not in DIGITS:
        return -1
    if len(key) > 1 and key[0] == "0":
        return -1
    if not (key.isascii() and key.isdigit()):
        return -1
    i = int(key)
    return i if i <= MAX_ARRAY_INDEX else -1


class Accessor:
    """The [[Get]]/[[Set]] pair of an accessor property (each a function or undefined)."""
    __slots__ = ("get", "set")

    def __init__(self, get=undefined, set=undefined):
        self.get = get
        self.set = set


class Desc:
    """A Property Descriptor (ECMA-262 6.2.6); absent fields are MISSING."""
    __slots__ = ("value", "get", "set", "writable", "enumerable", "configurable")

    def __init__(self, value=MISSING, get=MISSING, set=MISSING, writable=MISSING,
                 enumerable=MISSING, configurable=MISSING):
        self.value = value
        self.get = get
        self.set = set
        self.writable = writable
        self.enumerable = enumerable
        self.configurable = configurable

    def is_accessor(self):
        return self.get is not MISSING or self.set is not MISSING

    def is_data(self):
        return self.value is not MISSING or self.writable is not MISSING

    def is_generic(self):
        return not self.is_accessor() and not self.is_data()

    def __repr__(self):
        parts = ["%s=%r" % (n, getattr(self, n)) for n in self.__slots__
                 if getattr(self, n) is not MISSING]
        return "Desc(%s)" % ", ".join(parts)


def data_desc(value, flags=WEC):
    return Desc(value=value, writable=bool(flags & W), enumerable=bool(flags & E),
                configurable=bool(flags & C))


def same_value(a, b):
    """SameValue (ECMA-262 7.2.10)."""
    if type(a) is float and type(b) is float:
        if a != a:
            return b != b
        if a == 0.0 and b == 0.0:
            return str(a) == str(b)
        return a == b
    return type(a) is type(b) and a == b


class JSObject:
    """An ordinary object (ECMA-262 10.1)."""
    __slots__ = ("props", "flags", "proto", "extensible", "__weakref__")
    exotic = False
    # The class tag used by Object.prototype.toString's builtinTag and by
    # structured clone; subclasses override.
    cls = "Object"

    def __init__(self, proto=null, props=None):
        self.props = {} if props is None else props
        self.flags = None
        self.proto = proto
        self.extensible = True

    def __repr__(self):
        return "<JS %s %x>" % (self.cls, id(self))

    # -- raw storage helpers (not internal methods) -------------------------
    def _flags_of(self, key):
        f = self.flags
        if f is None:
            return WEC
        return f.get(key, WEC)

    def _set_flags(self, key, flags):
        f = self.flags
        if flags == WEC:
            if f is not None and key in f:
                f = dict(f)
                del f[key]
                self.flags = f or None
        else:
            f = dict(f) if f is not None else {}
            f[key] = flags
            self.flags = f

    def _store(self, key, value, flags=WEC):
        if type(key) is str and key and key[0] in DIGITS and key not in self.props:
            INDEX_EPOCH[0] += 1
        self.props[key] = value
        if flags != WEC or (self.flags is not None and key in self.flags):
            self._set_flags(key, flags)

    def _remove(self, key):
        del self.props[key]
        f = self.flags
        if f is not None and key in f:
            f = dict(f)
            del f[key]
            self.flags = f or None

    def define(self, key, value, flags=W | C):
        """Define a data property directly (built-in setup; no checks)."""
        self._store(key, value, flags)

    def define_accessor(self, key, getter=undefined, setter=undefined, flags=C):
        self._store(key, Accessor(getter, setter), flags & (E | C))

    # -- internal methods ------------------------------------------------------
    def get_prototype_of(self):
        return self.proto

    def set_prototype_of(self, v):
        """OrdinarySetPrototypeOf (10.1.2.1)."""
        cur = self.proto
        if v is cur:
            return True
        if not self.extensible:
            return False
        p = v
        while p is not null:
            if p is self:
                return False
            if type(p).get_prototype_of is not JSObject.get_prototype_of:
                break
            p = p.proto
        self.proto = v
        INDEX_EPOCH[0] += 1
        return True

    def is_extensible(self):
        return self.extensible

    def prevent_extensions(self):
        self.extensible = False
        return True

    def get_own_property(self, key):
        """OrdinaryGetOwnProperty (10.1.5.1): a Desc or None."""
        v = self.props.get(key, MISSING)
        if v is MISSING:
            return None
        f = self._flags_of(key)
        if type(v) is Accessor:
            return Desc(get=v.get, set=v.set, enumerable=bool(f & E), configurable=bool(f & C))
        return Desc(value=v, writable=bool(f & W), enumerable=bool(f & E),
                    configurable=bool(f & C))

    def define_own_property(self, key, desc):
        """OrdinaryDefineOwnProperty (10.1.6.1)."""
        return validate_and_apply(self, key, self.is_extensible(), desc,
                                  self.get_own_property(key))

    def has_property(self, key):
        """OrdinaryHasProperty (10.1.7.1)."""
        o = self
        while True:
            if o.exotic:
                if o.get_own_property(key) is not None:
                    return True
                p = o.get_prototype_of()
                if p is null:
                    return False
                if p.exotic:
                    return p.has_property(key)
                o = p
                continue
            if key in o.props:
                return True
            o = o.proto
            if o is null:
                return False
            if o.exotic:
                return o.has_property(key)    # e.g. a proxy's `has` trap

    def get(self, key, receiver):
        """OrdinaryGet (10.1.8.1), walking ordinary prototypes in a loop."""
        o = self
        while True:
            v = o.props.get(key, MISSING)
            if v is not MISSING:
                if type(v) is Accessor:
                    g = v.get
                    if g is undefined:
                        return undefined
                    return g.fn(receiver)
                return v
            o = o.proto
            if o is null:
                return undefined
            if o.exotic:
                return o.get(key, receiver)

    def set(self, key, value, receiver):
        """OrdinarySet (10.1.9.1) with a fast path for plain data properties."""
        if receiver is self:
            props = self.props
            v = props.get(key, MISSING)
            if v is not MISSING:
                if type(v) is not Accessor and (self.flags is None or key not in self.flags):
                    props[key] = value
                    return True
            else:
                # Not own: if no ordinary prototype has it, add it here.
                p = self.proto
                while p is not null and not p.exotic:
                    if key in p.props:
                        break
                    p = p.proto
                else:
                    if p is null:
                        if self.extensible:
                            if type(key) is str and key and key[0] in DIGITS:
                                INDEX_EPOCH[0] += 1
                            props[key] = value
                            return True
                        return False
        return ordinary_set(self, key, value, receiver)

    def delete(self, key):
        """OrdinaryDelete (10.1.10.1)."""
        if key not in self.props:
            return True
        if self._flags_of(key) & C:
            self._remove(key)
            return True
        return False

    def own_keys(self):
        """OrdinaryOwnPropertyKeys (10.1.11.1): indices, strings, symbols."""
        return ordered_keys(self.props)

    # Internal helpers for call/construct; JSFunction overrides.
    callable = False


def ordered_keys(props):
    ints = None
    strs = []
    syms = None
    for k in props:
        if type(k) is str:
            if k and k[0] in DIGITS:
                i = array_index(k)
                if i >= 0:
                    if ints is None:
                        ints = []
                    ints.append(i)
                    continue
            strs.append(k)
        else:
            if syms is None:
                syms = []
            syms.append(k)
    if ints is not None:
        ints.sort()
        strs = [str(i) for i in ints] + strs
    if syms is not None:
        strs.extend(syms)
    return strs


def ordinary_set(o, key, value, receiver):
    """OrdinarySet / OrdinarySetWithOwnDescriptor (10.1.9.2)."""
    own = o.get_own_property(key)
    if own is None:
        parent = o.get_prototype_of()
        if parent is not null:
            return parent.set(key, value, receiver)
        own = Desc(value=undefined, writable=True, enumerable=True, configurable=True)
    if own.is_data():
        if not own.writable:
            return False
        if not isinstance(receiver, JSObject):
            return False
        existing = receiver.get_own_property(key)
        if existing is not None:
            if existing.is_accessor():
                return False
            if not existing.writable:
                return False
            return receiver.define_own_property(key, Desc(value=value))
        return receiver.define_own_property(
            key, Desc(value=value, writable=True, enumerable=True, configurable=True))
    setter = own.set
    if setter is undefined or setter is MISSING:
        return False
    setter.fn(receiver, value)
    return True


def validate_and_apply(o, key, extensible, desc, current):
    """ValidateAndApplyPropertyDescriptor (10.1.6.3) on ordinary storage.

    ``o`` may be None (only validating)."""
    if current is None:
        if not extensible:
            return False
        if o is None:
            return True
        f = ((E if desc.enumerable is True else 0) | (C if desc.configurable is True else 0))
        if desc.is_accessor():
            g = desc.get
            s = desc.set
            o._store(key, Accessor(undefined if g is MISSING else g,
                                   undefined if s is MISSING else s), f)
        else:
            v = desc.value
            if desc.writable is True:
                f |= W
            o._store(key, undefined if v is MISSING else v, f)
        return True
    # Step 3: no fields.
    if (desc.value is MISSING and desc.get is MISSING and desc.set is MISSING
            and desc.writable is MISSING and desc.enumerable is MISSING
            and desc.configurable is MISSING):
        return True
    cur_acc = current.is_accessor()
    if current.configurable is False:
        if desc.configurable is True:
            return False
        if desc.enumerable is not MISSING and desc.enumerable != current.enumerable:
            return False
        if not desc.is_generic() and desc.is_accessor() != cur_acc:
            return False
        if cur_acc:
            if desc.get is not MISSING and not same_value(desc.get, current.get):
                return False
            if desc.set is not MISSING and not same_value(desc.set, current.set):
                return False
        elif current.writable is False:
            if desc.writable is True:
                return False
            if desc.value is not MISSING and not same_value(desc.value, current.value):
                return False
    if o is None:
        return True
    enumerable = current.enumerable if desc.enumerable is MISSING else desc.enumerable
    configurable = current.configurable if desc.configurable is MISSING else desc.configurable
    f = (E if enumerable else 0) | (C if configurable else 0)
    if cur_acc and desc.is_data():
        v = desc.value
        if desc.writable is True:
            f |= W
        o._store(key, undefined if v is MISSING else v, f)
    elif not cur_acc and desc.is_accessor():
        g = desc.get
        s = desc.set
        o._store(key, Accessor(undefined if g is MISSING else g,
                               undefined if s is MISSING else s), f)
    elif cur_acc:
        g = current.get if desc.get is MISSING else desc.get
        s = current.set if desc.set is MISSING else desc.set
        o._store(key, Accessor(g, s), f)
    else:
        writable = current.writable if desc.writable is MISSING else desc.writable
        v = current.value if desc.value is MISSING else desc.value
        if writable:
            f |= W
        o._store(key, v, f)
    return True


# ---------------------------------------------------------------------------
# Arrays (10.4.2)
# ---------------------------------------------------------------------------

class JSArray(JSObject):
    """An Array exotic object.

    Dense mode: ``arr`` is a Python list of the elements 0..length-1 (HOLE for
    missing ones); every element is a default-attribute data property.
    Sparse mode (``arr is None``): elements live in ``props`` under their
    canonical string keys and ``alen`` is the length.
    """
    __slots__ = ("arr", "alen", "len_writable")
    exotic = True
    cls = "Array"

    def __init__(self, proto=null, arr=None):
        self.props = {}
        self.flags = None
        self.proto = proto
        self.extensible = True
        self.arr = [] if arr is None else arr
        self.alen = 0
        self.len_writable = True

    @property
    def length(self):
        a = self.arr
        return len(a) if a is not None else self.alen

    def to_sparse(self):
        a = self.arr
        if a is None:
            return
        # its elements become ordinary properties whose attributes may change later
        INDEX_EPOCH[0] += 1
        props = self.props
        new = {}
        for i, v in enumerate(a):
            if v is not HOLE:
                new[str(i)] = v
        new.update(props)
        self.props = new
        self.alen = len(a)
        self.arr = None

    def get_own_property(self, key):
        if type(key) is str:
            if key == "length":
                return Desc(value=float(self.length), writable=self.len_writable,
                            enumerable=False, configurable=False)
            a = self.arr
            if a is not None and key and key[0] in DIGITS:
                i = array_index(key)
                if i >= 0:
                    if i < len(a):
                        v = a[i]
                        if v is not HOLE:
                            return Desc(value=v, writable=True, enumerable=True, configurable=True)
                    return None
        return JSObject.get_own_property(self, key)

    def has_property(self, key):
        if self.get_own_property(key) is not None:
            return True
        p = self.proto
        return p is not null and p.has_property(key)

    def get(self, key, receiver):
        if type(key) is str:
            a = self.arr
            if key == "length":
                return float(len(a) if a is not None else self.alen)
            if a is not None and key and key[0] in DIGITS:
                i = array_index(key)
                if i >= 0:
                    if i < len(a):
                        v = a[i]
                        if v is not HOLE:
                            return v
                    p = self.proto
                    return undefined if p is null else p.get(key, receiver)
        return JSObject.get(self, key, receiver)

    def set(self, key, value, receiver):
        if receiver is self and type(key) is str:
            a = self.arr
            if a is not None and key and key[0] in DIGITS:
                i = array_index(key)
                if i >= 0 and i < len(a) and a[i] is not HOLE:
                    a[i] = value
                    return True
        return ordinary_set(self, key, value, receiver)

    def set_index(self, i, value):
        """Fast [[Set]] of element i (an int) with this array as receiver."""
        a = self.arr
        if a is not None:
            n = len(a)
            if i < n:
                if a[i] is not HOLE:
                    a[i] = value
                    return True
                if self.extensible and not _proto_has_indices(self):
                    a[i] = value        # filling a hole
                    return True
            elif i == n and self.extensible and self.len_writable and not _proto_has_indices(self):
                a.append(value)
                return True
        return ordinary_set(self, str(i), value, self)

    def define_own_property(self, key, desc):
        """[[DefineOwnProperty]] for arrays (10.4.2.1)."""
        if type(key) is str:
            if key == "length":
                return self._set_length(desc)
            if key and key[0] in DIGITS:
                i = array_index(key)
                if i >= 0:
                    return self._define_index(i, key, desc)
        return JSObject.define_own_property(self, key, desc)

    def _define_index(self, i, key, desc):
        length = self.length
        if i >= length and not self.len_writable:
            return False
        a = self.arr
        if a is not None:
            plain = (not desc.is_accessor() and desc.writable is not False
                     and desc.enumerable is not False and desc.configurable is not False)
            if plain and i < len(a) and a[i] is not HOLE:
                if desc.value is not MISSING:
                    a[i] = desc.value
                return True
            full = (desc.value is not MISSING and desc.writable is True
                    and desc.enumerable is True and desc.configurable is True)
            if full and self.extensible:
                n = len(a)
                if i < n:
                    a[i] = desc.value
                    return True
                if i - n <= DENSE_GROWTH_LIMIT:
                    if i > n:
                        a.extend([HOLE] * (i - n))
                    a.append(desc.value)
                    return True
            self.to_sparse()
        ok = JSObject.define_own_property(self, key, desc)
        if not ok:
            return False
        if i >= self.alen:
            self.alen = i + 1
        return True

    def _set_length(self, desc):
        """ArraySetLength (10.4.2.4)."""
        if desc.value is MISSING:
            if desc.configurable is True or desc.enumerable is True:
                return False
            if desc.is_accessor():
                return False
            if desc.writable is True and not self.len_writable:
                return False
            if desc.writable is False:
                self.len_writable = False
            return True
        from .ops import to_number, to_uint32
        new_len = to_uint32(desc.value)
        number_len = to_number(desc.value)
        if new_len != number_len:
            throw_range_error("Invalid array length")
        if desc.configurable is True or desc.enumerable is True or desc.is_accessor():
            return False
        old = self.length
        if new_len == old:
            if desc.writable is False:
                self.len_writable = False
            elif desc.writable is True and not self.len_writable:
                return False
            return True
        if not self.len_writable:
            return False
        new_len = int(new_len)
        a = self.arr
        if a is not None:
            if new_len < len(a):
                del a[new_len:]
            elif new_len - len(a) <= DENSE_GROWTH_LIMIT or new_len <= DENSE_LENGTH_LIMIT:
                a.extend([HOLE] * (new_len - len(a)))
            else:
                self.to_sparse()
                self.alen = new_len
        else:
            if new_len < old:
                # Delete from the end; stop at a non-configurable element.
                idx = sorted((array_index(k) for k in self.props
                              if type(k) is str and array_index(k) >= new_len), reverse=True)
                for i in idx:
                    k = str(i)
                    if not self._flags_of(k) & C:
                        self.alen = i + 1
                        if desc.writable is False:
                            self.len_writable = False
                        return False
                    self._remove(k)
            self.alen = new_len
        if desc.writable is False:
            self.len_writable = False
        return True

    def delete(self, key):
        if type(key) is str:
            if key == "length":
                return False
            a = self.arr
            if a is not None and key and key[0] in DIGITS:
                i = array_index(key)
                if i >= 0:
                    if i < len(a):
                        a[i] = HOLE
                    return True
        return JSObject.delete(self, key)

    def own_keys(self):
        a = self.arr
        if a is not None:
            keys = [str(i) for i, v in enumerate(a) if v is not HOLE]
            keys.append("length")
            rest = ordered_keys(self.props)
            keys.extend(rest)
            return keys
        keys = ordered_keys(self.props)
        # "length" goes after the indices
        n = 0
        while n < len(keys) and type(keys[n]) is str and array_index(keys[n]) >= 0:
            n += 1
        keys.insert(n, "length")
        return keys

    def prevent_extensions(self):
        self.extensible = False
        return True


# INDEX_EPOCH[0] changes whenever an object may have gained an array-index-like key
# or any object's prototype changed; caches of "does this prototype chain hold an
# indexed property" are valid for one epoch.
INDEX_EPOCH = [0]
_chain_cache = {}


def bump_index_epoch():
    INDEX_EPOCH[0] += 1


# JSArray.HOLEOK[p] == INDEX_EPOCH[0] says that no prototype on the chain from p holds
# an index-like property (the answer of _proto_has_indices is False), so compiled code
# may fill a hole of an extensible array with prototype p in place.  Both live on the
# class so that compiled code reaches them through R_JSArray (pickled by reference).
JSArray.HOLEOK = _hole_ok = {}
JSArray.EPOCH = INDEX_EPOCH


def _proto_has_indices(arr):
    """True when a prototype of ``arr`` might hold an element or setter for an index."""
    p = arr.proto
    c = _chain_cache.get(p)
    ep = INDEX_EPOCH[0]
    if c is not None and c[0] == ep:
        if not c[1]:
            _hole_ok[p] = ep
        return c[1]
    r = _scan_chain(p)
    if len(_chain_cache) > 1024:
        _chain_cache.clear()
        _hole_ok.clear()
    _chain_cache[p] = (ep, r)
    if not r:
        _hole_ok[p] = ep
    return r


def _scan_chain(p):
    while p is not null:
        if p.exotic:
            if type(p) is JSArray and p.arr is not None and not p.arr and not _has_index_keys(p):
                p = p.proto
                continue
            return True
        if _has_index_keys(p):
            return True
        p = p.proto
    return False


def _has_index_keys(o):
    for k in o.props:
        if type(k) is str and k and k[0] in DIGITS:
            return True
    return False


# ---------------------------------------------------------------------------
# Functions
# ---------------------------------------------------------------------------

# Constructor kinds
CTOR_NONE = 0       # not a constructor (arrows, methods, generators, most built-ins)
CTOR_BASE = 1       # ordinary function or base class: this = OrdinaryCreateFromConstructor
CTOR_DERIVED = 2    # derived class: this is bound by super()
CTOR_NATIVE = 3     # built-in: native_ctor(args, new_target)


class JSFunction(JSObject):
    """A function object.

    ``fn(this, *args)`` is [[Call]]. ``body`` is the code run by [[Construct]]
    for JS constructors (for class constructors ``fn`` throws). ``meta`` is the
    compiler's FuncMeta tuple (or None for built-ins).
    """
    __slots__ = ("fn", "body", "ctor", "native_ctor", "realm", "meta", "uses_nt", "is_class")
    exotic = False
    cls = "Function"
    callable = True

    def __init__(self, proto, fn, realm, ctor=CTOR_NONE, body=None, meta=None,
                 native_ctor=None, uses_nt=False):
        self.props = {}
        self.flags = None
        self.proto = proto
        self.extensible = True
        self.fn = fn
        self.body = body if body is not None else fn
        self.ctor = ctor
        self.native_ctor = native_ctor
        self.realm = realm
        self.meta = meta
        self.uses_nt = uses_nt
        self.is_class = False

    def construct(self, args, new_target=None):
        """[[Construct]] (10.2.2 / 10.3.2)."""
        if new_target is None:
            new_target = self
        k = self.ctor
        if k == CTOR_BASE:
            proto = new_target.get("prototype", new_target)
            if not isinstance(proto, JSObject):
                proto = get_function_realm(new_target).intrinsics["%Object.prototype%"]
            obj = JSObject(proto)
            if self.uses_nt:
                r = self.body(obj, *args, _nt=new_target)
            else:
                r = self.body(obj, *args)
            if isinstance(r, JSObject):
                return r
            return obj
        if k == CTOR_DERIVED:
            from .values import TDZ
            from .function import derived_return
            box = [TDZ]
            r = self.body(None, *args, _nt=new_target, _tb=box)
            r = derived_return(r, box[0])
            if type(r) is JSErrorObject and r.stack_head is not None:
                from .ops import safe_describe_error
                r.refresh_stack_head(safe_describe_error(r))
            return r
        if k == CTOR_NATIVE:
            return self.native_ctor(args, new_target)
        from .ops import describe
        throw_type_error("%s is not a constructor" % describe(self))


def get_function_realm(f):
    """GetFunctionRealm (7.3.24)."""
    r = getattr(f, "realm", None)
    if r is not None:
        return r
    t = getattr(f, "target", None)
    if t is not None:
        return get_function_realm(t)
    if getattr(f, "handler", MISSING) is null:
        throw_type_error("Cannot perform operation on a revoked proxy")
    if t is None and getattr(f, "ptarget", None) is not None:
        return get_function_realm(f.ptarget)
    from .errors import STATE
    return STATE.realm


class JSBoundFunction(JSFunction):
    """A bound function exotic object (10.4.1)."""
    __slots__ = ("target", "bound_this", "bound_args")

    def __init__(self, proto, target, bound_this, bound_args):
        JSFunction.__init__(self, proto, self._call, None)
        self.target = target
        self.bound_this = bound_this
        self.bound_args = bound_args
        self.ctor = CTOR_NATIVE if is_constructor(target) else CTOR_NONE
        self.realm = None

    def _call(self, this, *args):
        return self.target.fn(self.bound_this, *self.bound_args, *args)

    def construct(self, args, new_target=None):
        t = self.target
        if new_target is None or new_target is self:
            new_target = t
        return t.construct(self.bound_args + tuple(args), new_target)


def is_constructor(v):
    return isinstance(v, JSFunction) and v.ctor != CTOR_NONE


def is_callable(v):
    return isinstance(v, JSFunction)


# ---------------------------------------------------------------------------
# Objects with internal slots
# ---------------------------------------------------------------------------

class JSPrimitiveObject(JSObject):
    """Boolean, Number, Symbol and BigInt wrapper objects ([[BooleanData]] etc.)."""
    __slots__ = ("value",)

    def __init__(self, proto, value):
        JSObject.__init__(self, proto)
        self.value = value

    @property
    def cls(self):
        v = self.value
        if type(v) is bool:
            return "Boolean"
        if type(v) is float:
            return "Number"
        if type(v) is Symbol:
            return "Symbol"
        if type(v) is JSBigInt:
            return "BigInt"
        return "Object"


class JSStringObject(JSObject):
    """A String exotic object (10.4.3)."""
    __slots__ = ("value",)
    exotic = True
    cls = "String"

    def __init__(self, proto, value):
        JSObject.__init__(self, proto)
        self.value = value

    def _string_own(self, key):
        if type(key) is str:
            if key == "length":
                return Desc(value=float(len(self.value)), writable=False, enumerable=False,
                            configurable=False)
            if key and key[0] in DIGITS:
                i = array_index(key)
                if 0 <= i < len(self.value):
                    return Desc(value=self.value[i], writable=False, enumerable=True,
                                configurable=False)
        return None

    def get_own_property(self, key):
        d = self._string_own(key)
        if d is not None:
            return d
        return JSObject.get_own_property(self, key)

    def define_own_property(self, key, desc):
        d = self._string_own(key)
        if d is not None:
            return validate_and_apply(None, key, False, desc, d)
        return JSObject.define_own_property(self, key, desc)

    def has_property(self, key):
        if self._string_own(key) is not None:
            return True
        return JSObject.has_property(self, key)

    def get(self, key, receiver):
        d = self._string_own(key)
        if d is not None:
            return d.value
        return JSObject.get(self, key, receiver)

    def set(self, key, value, receiver):
        return ordinary_set(self, key, value, receiver)

    def delete(self, key):
        if self._string_own(key) is not None:
            return False
        return JSObject.delete(self, key)

    def own_keys(self):
        keys = [str(i) for i in range(len(self.value))]
        rest = ordered_keys(self.props)
        n = 0
        while n < len(rest) and type(rest[n]) is str and array_index(rest[n]) >= 0:
            n += 1
        keys.extend(rest[:n])
        keys.append("length")
        keys.extend(rest[n:])
        return keys


class JSErrorObject(JSObject):
    """An object with [[ErrorData]] (Error instances).

    ``stack_head`` is (the "stack" string stored at creation, the "Name: message" line
    it starts with), so that a derived class's constructor that sets ``this.name`` or
    ``this.message`` after ``super()`` gets a stack that starts with them, as V8's
    lazily formatted stacks do (``refresh_stack_head``)."""
    __slots__ = ("stack_head",)
    cls = "Error"

    def __init__(self, proto=null, props=None):
        JSObject.__init__(self, proto, props)
        self.stack_head = None

    def refresh_stack_head(self, head):
        """Re-head the creation-time stack with ``head`` if nothing replaced it since
        (``stack_head`` is set)."""
        stack, old = self.stack_head
        if head != old and self.props.get("stack") is stack:
            new = head + stack[len(old):]
            self.props["stack"] = new
            self.stack_head = (new, head)


class JSDateObject(JSObject):
    __slots__ = ("tv",)
    cls = "Date"

    def __init__(self, proto, tv):
        JSObject.__init__(self, proto)
        self.tv = tv


class JSArguments(JSObject):
    """An arguments object; mapped ones alias parameters via getter/setter pairs."""
    __slots__ = ("mapped",)
    exotic = True
    cls = "Arguments"

    def __init__(self, proto):
        JSObject.__init__(self, proto)
        self.mapped = None  # dict index-key -> (getter, setter)

    def get_own_property(self, key):
        d = JSObject.get_own_property(self, key)
        if d is not None and self.mapped is not None and key in self.mapped:
            d.value = self.mapped[key][0]()
        return d

    def define_own_property(self, key, desc):
        m = self.mapped
        if m is None or key not in m:
            return JSObject.define_own_property(self, key, desc)
        new = desc
        if desc.is_data() and desc.value is MISSING and desc.writable is False:
            new = Desc(value=m[key][0](), writable=False, enumerable=desc.enumerable,
                       configurable=desc.configurable)
        if not JSObject.define_own_property(self, key, new):
            return False
        if desc.is_accessor():
            del m[key]
        else:
            if desc.value is not MISSING:
                m[key][1](desc.value)
            if desc.writable is False:
                del m[key]
        return True

    def get(self, key, receiver):
        m = self.mapped
        if m is not None and key in m:
            return m[key][0]()
        return JSObject.get(self, key, receiver)

    def set(self, key, value, receiver):
        m = self.mapped
        if m is not None and receiver is self and key in m:
            m[key][1](value)
        return ordinary_set(self, key, value, receiver)

    def delete(self, key):
        ok = JSObject.delete(self, key)
        m = self.mapped
        if ok and m is not None and key in m:
            del m[key]
        return ok
