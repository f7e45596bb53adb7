"""Primitive JS values that have no native Python counterpart.

Number is ``float``, String is ``str`` (UTF-16 code units), Boolean is ``bool``.
``undefined`` and ``null`` are singletons of their own classes; Symbols are
instances of :class:`Symbol`; BigInt is :class:`JSBigInt` (a thin wrapper
over ``int`` so that it is never confused with a Number).

Every singleton here pickles by reference so that snapshots restore identity.
"""

__all__ = [
    "Undefined", "Null", "undefined", "null", "Symbol", "JSBigInt",
    "HOLE", "MISSING", "TDZ", "WELL_KNOWN_SYMBOLS", "symbol_for", "symbol_key_for",
]


class Undefined:
    """The type of the JS value ``undefined`` (one instance)."""
    __slots__ = ()

    def __bool__(self):
        return False

    def __repr__(self):
        return "undefined"

    def __reduce__(self):
        return "undefined"


class Null:
    """The type of the JS value ``null`` (one instance)."""
    __slots__ = ()

    def __bool__(self):
        return False

    def __repr__(self):
        return "null"

    def __reduce__(self):
        return "null"


undefined = Undefined()
null = Null()


class _Sentinel:
    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return self._name

    def __reduce__(self):
        return self._name


#: An array element that does not exist (a hole in a dense array).
HOLE = _Sentinel("HOLE")
#: "No such property / no value" inside the runtime; never visible to JS.
MISSING = _Sentinel("MISSING")
#: A lexical binding in its temporal dead zone.
TDZ = _Sentinel("TDZ")


class Symbol:
    """A JS Symbol. Identity is the symbol's identity."""
    __slots__ = ("description", "wk_name", "__weakref__")

    def __init__(self, description=undefined, wk_name=None):
        self.description = description
        self.wk_name = wk_name

    def __repr__(self):
        d = self.description
        return "Symbol(%s)" % ("" if d is undefined else d)

    def __reduce__(self):
        if self.wk_name is not None:
            return (_well_known, (self.wk_name,))
        key = _REGISTRY_REVERSE.get(self)
        if key is not None:
            return (symbol_for, (key,))
        return (Symbol, (self.description,))


#: Well-known symbols, shared by all realms (ECMA-262 6.1.5.1).
WELL_KNOWN_SYMBOLS = {}
for _n in ("asyncIterator", "hasInstance", "isConcatSpreadable", "iterator", "match",
           "matchAll", "replace", "search", "species", "split", "toPrimitive",
           "toStringTag", "unscopables"):
    WELL_KNOWN_SYMBOLS[_n] = Symbol("Symbol." + _n, _n)
del _n


def _well_known(name):
    return WELL_KNOWN_SYMBOLS[name]


_REGISTRY = {}
_REGISTRY_REVERSE = {}


def symbol_for(key):
    """Symbol.for: the agent-wide GlobalSymbolRegistry."""
    s = _REGISTRY.get(key)
    if s is None:
        s = Symbol(key)
        _REGISTRY[key] = s
        _REGISTRY_REVERSE[s] = key
    return s


def symbol_key_for(sym):
    """Symbol.keyFor: the registry key or None."""
    return _REGISTRY_REVERSE.get(sym)


class JSBigInt:
    """A JS BigInt value."""
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return type(other) is JSBigInt and other.v == self.v

    def __hash__(self):
        return hash(("bigint", self.v))

    def __bool__(self):
        return self.v != 0

    def __repr__(self):
        return "%dn" % self.v

    def __reduce__(self):
        return (JSBigInt, (self.v,))

    # ``x++`` / ``x--`` (13.4.2-13.4.5): compiled code computes ToNumeric(old) +/- 1.0,
    # which for a BigInt must be BigInt::add(old, 1n).  Only the update operators
    # reach these (every other arithmetic path checks for float first).
    def __add__(self, delta):
        if type(delta) is float and delta in (1.0, -1.0):
            return JSBigInt(self.v + int(delta))
        return NotImplemented

    def __sub__(self, delta):
        if type(delta) is float and delta in (1.0, -1.0):
            return JSBigInt(self.v - int(delta))
        return NotImplemented


SYM_ITERATOR = WELL_KNOWN_SYMBOLS["iterator"]
SYM_ASYNC_ITERATOR = WELL_KNOWN_SYMBOLS["asyncIterator"]
SYM_HAS_INSTANCE = WELL_KNOWN_SYMBOLS["hasInstance"]
SYM_TO_PRIMITIVE = WELL_KNOWN_SYMBOLS["toPrimitive"]
SYM_TO_STRING_TAG = WELL_KNOWN_SYMBOLS["toStringTag"]
SYM_SPECIES = WELL_KNOWN_SYMBOLS["species"]
SYM_IS_CONCAT_SPREADABLE = WELL_KNOWN_SYMBOLS["isConcatSpreadable"]
SYM_UNSCOPABLES = WELL_KNOWN_SYMBOLS["unscopables"]
SYM_MATCH = WELL_KNOWN_SYMBOLS["match"]
SYM_MATCH_ALL = WELL_KNOWN_SYMBOLS["matchAll"]
SYM_REPLACE = WELL_KNOWN_SYMBOLS["replace"]
SYM_SEARCH = WELL_KNOWN_SYMBOLS["search"]
SYM_SPLIT = WELL_KNOWN_SYMBOLS["split"]
