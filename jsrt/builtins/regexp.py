"""RegExp objects (ECMA-262 22.2.4 - 22.2.9) and the Annex B additions (B.2.4).

https://tc39.es/ecma262/#sec-regexp-regular-expression-objects

A RegExp is a :class:`JSRegExp`: its slots are [[OriginalSource]]
(``source``), [[OriginalFlags]] (``original_flags``; ``flags`` is taken by
:class:`JSObject` for property attributes) and [[RegExpMatcher]] (``matcher``,
a :class:`jsrt.runtime.regexp.CompiledPattern`).  Patterns are parsed and
compiled by the pure module :mod:`jsrt.runtime.regexp`, which caches compiled
patterns by (source, flags), so a regex literal evaluated in a loop compiles
once.  ``lastIndex`` is an ordinary own data property (writable, not
enumerable, not configurable); since it can never be deleted nor become an
accessor, it is always found in ``props``.

Every method follows its spec algorithm on the general path (``Get`` of
"exec", "flags", "lastIndex"... on any object, so RegExp subclasses, objects
that imitate RegExps and patched prototypes behave as specified).  Fast paths
serve the common case where the result cannot be told apart from the general
path: :func:`_pristine` recognises a RegExp instance without own properties
other than ``lastIndex`` whose prototype still holds the original exec and
flag getters; then ``exec``, ``test``, ``@@match``, ``@@replace``,
``@@search`` and ``@@split`` drive the compiled pattern directly, without
building a result array per match or calling the flag getters.

The compiler's regular expression literals call ``%RegExp.create%`` through
``realm.make_regexp(pattern, flags)`` (:func:`create_from_literal`).

The legacy static properties (``RegExp.$1`` ... ``RegExp.lastMatch``) are
there as V8 has them; the realm's last match lives in
``realm.intrinsics["%RegExpLegacyStatics%"]``.

Sections cited are those of ECMA-262 2025.
"""

from ..runtime.values import (undefined, null, SYM_MATCH, SYM_MATCH_ALL, SYM_REPLACE,
                              SYM_SEARCH, SYM_SPECIES, SYM_SPLIT, SYM_TO_STRING_TAG)
from ..runtime.objects import (JSObject, JSArray, JSFunction, Accessor, W, WEC, C,
                               same_value)
from ..runtime.errors import JSThrow, STATE, throw_type_error, throw_syntax_error
from ..runtime.function import iter_result
from ..runtime.regexp import compile_pattern, RegExpSyntaxError
from ..runtime import ops
from ._common import (FLAGS_FN, define_methods, define_getters, make_constructor,
                      proto_from_ctor)
from .string import is_regexp, get_substitution

SPEC = "https://tc39.es/ecma262/#sec-"
MAX_LENGTH = 2 ** 53 - 1
MAX_UINT32 = 2 ** 32 - 1

#: Each message once (house style rule 4); worded as V8 words them.
MSG_INCOMPATIBLE = "Method RegExp.prototype.%s called on incompatible receiver %s"
MSG_GETTER_NON_REGEXP = "RegExp.prototype.%s getter called on non-RegExp object"
MSG_GETTER_NON_OBJECT = "RegExp.prototype.%s getter called on non-object %s"
MSG_EXEC_RESULT = "RegExp exec method returned something other than an Object or null"
MSG_READ_ONLY_LAST_INDEX = "Cannot assign to read only property 'lastIndex' of object '%s'"
MSG_COMPILE_FLAGS = "Cannot supply flags when constructing one RegExp from another"
MSG_ITERATOR_INCOMPATIBLE = ("Method %%RegExpStringIterator%%.prototype.next called on "
                             "incompatible receiver %s")

#: The attributes of ``lastIndex`` on every RegExp: writable only (22.2.3.1 RegExpAlloc).
#: Shared by all instances; JSObject copies a flags dict before changing it.
_LAST_INDEX_FLAGS = {"lastIndex": W}


# ---------------------------------------------------------------------------
# RegExp instances
# ---------------------------------------------------------------------------

class JSRegExp(JSObject):
    """A RegExp instance (22.2.8): [[OriginalSource]], [[OriginalFlags]] and
    [[RegExpMatcher]] in slots, ``lastIndex`` as an own data property.

    ``matcher`` is None until first needed after a snapshot restore (compiled
    patterns are rebuilt from the source rather than pickled).
    """
    __slots__ = ("source", "original_flags", "matcher")
    cls = "RegExp"

    def __init__(self, proto, source="", flags="", matcher=None, last_index=0.0):
        self.props = {"lastIndex": last_index}
        self.flags = _LAST_INDEX_FLAGS
        self.proto = proto
        self.extensible = True
        self.source = source
        self.original_flags = flags
        self.matcher = matcher

    def __getstate__(self):
        # The compiled pattern holds ``regex`` objects and matcher closures:
        # leave it out of snapshots, _matcher_of recompiles it (from the cache).
        state = object.__getstate__(self)
        if type(state) is tuple and len(state) == 2 and state[1] and "matcher" in state[1]:
            slots = dict(state[1])
            slots["matcher"] = None
            state = (state[0], slots)
        return state


def _matcher_of(r):
    """R.[[RegExpMatcher]], compiling it again after a snapshot restore."""
    m = r.matcher
    if m is None:
        m = r.matcher = compile_pattern(r.source, r.original_flags)
    return m


def _compile(pattern, flags):
    """Parse and compile, turning a RegExpSyntaxError into a JS SyntaxError."""
    try:
        return compile_pattern(pattern, flags)
    except RegExpSyntaxError as e:
        throw_syntax_error(e.message)


def regexp_alloc(new_target):
    """RegExpAlloc ( newTarget ) (22.2.3.2).

    https://tc39.es/ecma262/#sec-regexpalloc
    """
    proto = proto_from_ctor(new_target, "%RegExp.prototype%")
    return JSRegExp(proto, last_index=undefined)


def regexp_initialize(obj, pattern, flags):
    """RegExpInitialize ( obj, pattern, flags ) (22.2.3.3).

    https://tc39.es/ecma262/#sec-regexpinitialize
    """
    # 1-4. ToString of both, pattern first.
    p = "" if pattern is undefined else (pattern if type(pattern) is str
                                         else ops.to_string(pattern))
    f = "" if flags is undefined else (flags if type(flags) is str else ops.to_string(flags))
    # 5-12. Flags are checked, then the pattern parsed: SyntaxError on failure.
    matcher = _compile(p, f)
    obj.source = p
    obj.original_flags = f
    obj.matcher = matcher
    # 13. Perform ? Set(obj, "lastIndex", +0, true).
    set_last_index(obj, 0.0)
    return obj


def regexp_create(pattern, flags):
    """RegExpCreate ( P, F ) (22.2.3.1).

    https://tc39.es/ecma262/#sec-regexpcreate
    """
    return regexp_initialize(regexp_alloc(undefined), pattern, flags)


def create_from_literal(pattern, flags):
    """The evaluation of a RegularExpressionLiteral (13.2.7.3): a new RegExp
    of the running realm for the literal's pattern text and flags.

    Registered as ``%RegExp.create%``; ``realm.make_regexp`` calls it.
    """
    matcher = _compile(pattern, flags)
    proto = STATE.realm.intrinsics["%RegExp.prototype%"]
    return JSRegExp(proto, pattern, flags, matcher)


# ---------------------------------------------------------------------------
# lastIndex and other shared helpers
# ---------------------------------------------------------------------------

def _receiver_text(r):
    return "[object %s]" % getattr(r, "cls", "Object")


def set_last_index(r, value):
    """Set(R, "lastIndex", value, true) for a RegExp instance, whose lastIndex
    is always an own data property."""
    f = r.flags
    if f is not None and not (f.get("lastIndex", WEC) & W):
        throw_type_error(MSG_READ_ONLY_LAST_INDEX % _receiver_text(r))
    r.props["lastIndex"] = value


def _set(o, key, value):
    """Set(O, key, value, true) on any object."""
    if type(o) is JSRegExp and key == "lastIndex":
        set_last_index(o, value)
    else:
        ops.set_or_throw(o, key, value)


def _to_length(v):
    """ToLength (7.1.20) with a fast path for non-negative Numbers."""
    if type(v) is float and 0.0 <= v <= 9007199254740991.0:
        return int(v)
    return ops.to_length(v)


def advance_string_index(s, index, unicode):
    """AdvanceStringIndex ( S, index, unicode ) (22.2.7.3).

    https://tc39.es/ecma262/#sec-advancestringindex
    """
    if not unicode:
        return index + 1
    n = len(s)
    if index + 1 >= n:
        return index + 1
    c = s[index]
    if "\ud800" <= c <= "\udbff" and "\udc00" <= s[index + 1] <= "\udfff":
        return index + 2
    return index + 1


def _this_regexp(this, method):
    """RequireInternalSlot(R, [[RegExpMatcher]])."""
    if type(this) is JSRegExp or isinstance(this, JSRegExp):
        return this
    throw_type_error(MSG_INCOMPATIBLE % (method, ops.describe(this)))


def _this_object(this, method):
    if isinstance(this, JSObject):
        return this
    throw_type_error(MSG_INCOMPATIBLE % (method, ops.describe(this)))


def _to_str(v):
    return v if type(v) is str else ops.to_string(v)


# ---------------------------------------------------------------------------
# Fast-path recognition
# ---------------------------------------------------------------------------

def _pristine(r):
    """True when ``r`` is a RegExp whose observable behaviour is the built-in
    one: no own property but a writable ``lastIndex`` holding a Number, and a
    prototype with the original exec, @@match and flag getters.  Then
    ``Get(r, "flags")`` is r.[[OriginalFlags]] in canonical order and
    RegExpExec(r, S) is RegExpBuiltinExec(r, S), with no user code run.
    """
    if type(r) is not JSRegExp:
        return False
    props = r.props
    if len(props) != 1 or type(props["lastIndex"]) is not float:
        return False
    if r.flags is not _LAST_INDEX_FLAGS and not (r._flags_of("lastIndex") & W):
        return False
    p = r.proto
    if type(p) is not JSObject:
        return False
    # The prototype's relevant properties, fetched in C; a prototype seen with
    # exactly these values (compared by identity: a redefinition always stores
    # a new function or Accessor) was already checked.
    values = tuple(map(p.props.get, _PRISTINE_KEYS))
    seen = _PRISTINE_SEEN.get(id(p))
    if seen is not None and seen[0] is p and seen[1] == values:
        return True
    return _check_prototype(p, values)


def _check_prototype(p, values):
    """The slow half of _pristine: inspect the prototype's properties."""
    for v, expected in zip(values, _PRISTINE_EXPECTED):
        if type(v) is Accessor:
            v = v.get
        if type(expected) is str:
            if type(v) is not RegExpFlagGetter or v.prop != expected:
                return False
        elif type(v) is not JSFunction or v.fn is not expected:
            return False
    if len(_PRISTINE_SEEN) >= 4:
        # Few realms are live at once; a small cache keeps dead realms' heaps
        # from being held here.
        _PRISTINE_SEEN.clear()
    _PRISTINE_SEEN[id(p)] = (p, values)
    return True


#: id(prototype) -> (prototype, the property values _check_prototype accepted).
_PRISTINE_SEEN = {}


def _pristine_species(r):
    """_pristine, plus SpeciesConstructor(r, %RegExp%) being an untouched %RegExp%."""
    if not _pristine(r):
        return False
    c = r.proto.props.get("constructor")
    if type(c) is not JSFunction or c.native_ctor is not regexp_construct:
        return False
    if c is not STATE.realm.intrinsics.get("%RegExp%"):
        return False
    acc = c.props.get(SYM_SPECIES)
    return (type(acc) is Accessor and type(acc.get) is JSFunction
            and acc.get.fn is regexp_species)


# ---------------------------------------------------------------------------
# RegExpBuiltinExec and RegExpExec (22.2.7)
# ---------------------------------------------------------------------------

def _builtin_match(r, s):
    """The matching part of RegExpBuiltinExec ( R, S ) (22.2.7.2), steps 1-15:
    (Match, start index) or None, with the lastIndex updates of the spec."""
    # 2. Let lastIndex be ℝ(? ToLength(! Get(R, "lastIndex"))).
    li = r.props["lastIndex"]
    last = int(li) if type(li) is float and 0.0 <= li <= 9007199254740991.0 \
        else ops.to_length(li)
    matcher = r.matcher or _matcher_of(r)
    g = matcher.global_
    y = matcher.sticky
    # 7. If global is false and sticky is false, set lastIndex to 0.
    if not g and not y:
        last = 0
    # 13.a. lastIndex > length: fail.
    elif last > len(s):
        set_last_index(r, 0.0)
        return None
    # 13. The matcher tries each index from lastIndex (only lastIndex when sticky).
    m = matcher.exec(s, last)
    if m is None:
        if g or y:
            set_last_index(r, 0.0)
        return None
    start = m.start
    if start < last:
        # With /u, a lastIndex inside a surrogate pair matches from the start
        # of its code point, and "index" stays lastIndex (steps 13.b, 22).
        start = last
    # 15. If global or sticky, Set(R, "lastIndex", e, true).
    if g or y:
        set_last_index(r, float(m.end))
    STATE.realm.intrinsics["%RegExpLegacyStatics%"].last = (s, m, start)
    return m, start


def _groups_object(named):
    """The null-prototype "groups" object of a match (22.2.7.2 step 29)."""
    go = JSObject(null)
    go.props = {k: (undefined if v is None else v) for k, v in named.items()}
    return go


def _make_result(s, m, start, group_index):
    """The match result array of RegExpBuiltinExec (22.2.7.2 steps 16-35);
    ``group_index`` (name -> group number) when the d flag asks for indices."""
    groups = m.groups
    items = [undefined if v is None else v for v in groups] if None in groups else list(groups)
    if start != m.start:
        items[0] = s[start:m.end]
    intr = STATE.realm.intrinsics
    a = JSArray(intr["%Array.prototype%"], items)
    named = m.named
    go = undefined if named is None else _groups_object(named)
    a.props = {"index": float(start), "input": s, "groups": go}
    if group_index is not None:
        a.props["indices"] = _indices_array(m, start, group_index, intr)
    return a


def _indices_array(m, start, group_index, intr):
    """MakeMatchIndicesIndexPairArray ( S, indices, groupNames, hasGroups ) (22.2.7.8).

    https://tc39.es/ecma262/#sec-makematchindicesindexpairarray
    """
    ap = intr["%Array.prototype%"]
    pairs = []
    for k, span in enumerate(m.spans):
        if span is None:
            pairs.append(undefined)
        else:
            # GetMatchIndexPair (22.2.7.7)
            pairs.append(JSArray(ap, [float(start if k == 0 else span[0]), float(span[1])]))
    a = JSArray(ap, pairs)
    if m.named is None:
        go = undefined
    else:
        go = JSObject(null)
        go.props = {name: pairs[group_index[name]] for name in m.group_names}
    a.props = {"groups": go}
    return a


def regexp_builtin_exec(r, s):
    """RegExpBuiltinExec ( R, S ) (22.2.7.2): the match result array or null.

    https://tc39.es/ecma262/#sec-regexpbuiltinexec
    """
    found = _builtin_match(r, s)
    if found is None:
        return null
    m, start = found
    matcher = r.matcher
    return _make_result(s, m, start, matcher.group_index if matcher.has_indices else None)


def regexp_exec_abstract(r, s):
    """RegExpExec ( R, S ) (22.2.7.1).

    https://tc39.es/ecma262/#sec-regexpexec
    """
    if type(r) is JSRegExp and "exec" not in r.props:
        p = r.proto
        if type(p) is JSObject:
            f = p.props.get("exec")
            if type(f) is JSFunction and f.fn is regexp_exec:
                return regexp_builtin_exec(r, s)
    # 1. Let exec be ? Get(R, "exec").
    ex = r.get("exec", r)
    # 2. If IsCallable(exec): the result must be an Object or null.
    if isinstance(ex, JSFunction):
        result = ex.fn(r, s)
        if result is not null and not isinstance(result, JSObject):
            throw_type_error(MSG_EXEC_RESULT)
        return result
    # 3. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]).
    if not isinstance(r, JSRegExp):
        throw_type_error(MSG_INCOMPATIBLE % ("exec", ops.describe(r)))
    return regexp_builtin_exec(r, s)


# ---------------------------------------------------------------------------
# The RegExp constructor (22.2.4) and its properties (22.2.5)
# ---------------------------------------------------------------------------

def _regexp_constructor(pattern, flags, new_target):
    """RegExp ( pattern, flags ) (22.2.4.1), https://tc39.es/ecma262/#sec-regexp-pattern-flags"""
    # 1. Let patternIsRegExp be ? IsRegExp(pattern).
    pattern_is_regexp = is_regexp(pattern)
    # 2. NewTarget undefined: return pattern itself when it is a RegExp made
    #    by this constructor and no flags are given.
    if new_target is None or new_target is undefined:
        new_target = STATE.realm.intrinsics["%RegExp%"]
        if pattern_is_regexp and flags is undefined:
            pattern_constructor = pattern.get("constructor", pattern)
            if pattern_constructor is new_target:
                return pattern
    # 4. pattern has a [[RegExpMatcher]]: its source and (absent flags) its flags.
    if isinstance(pattern, JSRegExp):
        p = pattern.source
        f = pattern.original_flags if flags is undefined else flags
    # 5. A RegExp-like object: its "source" and "flags" properties.
    elif pattern_is_regexp:
        p = pattern.get("source", pattern)
        f = pattern.get("flags", pattern) if flags is undefined else flags
    else:
        p = pattern
        f = flags
    # 7-8.
    o = regexp_alloc(new_target)
    return regexp_initialize(o, p, f)


def regexp_call(this, pattern=undefined, flags=undefined, *rest):
    """RegExp ( pattern, flags ) called as a function (22.2.4.1)."""
    return _regexp_constructor(pattern, flags, None)


def regexp_construct(args, new_target):
    """new RegExp ( pattern, flags ) (22.2.4.1).

    https://tc39.es/ecma262/#sec-regexp-pattern-flags
    """
    pattern = args[0] if args else undefined
    flags = args[1] if len(args) > 1 else undefined
    return _regexp_constructor(pattern, flags, new_target)


def regexp_species(this, *args):
    """get RegExp [ @@species ] (22.2.5.2).

    https://tc39.es/ecma262/#sec-get-regexp-@@species
    """
    return this


# ---------------------------------------------------------------------------
# RegExp.prototype (22.2.6)
# ---------------------------------------------------------------------------

def regexp_exec(this, string=undefined, *rest):
    """RegExp.prototype.exec ( string ) (22.2.6.2).

    https://tc39.es/ecma262/#sec-regexp.prototype.exec
    """
    r = _this_regexp(this, "exec")
    s = string if type(string) is str else ops.to_string(string)
    return regexp_builtin_exec(r, s)


def regexp_test(this, string=undefined, *rest):
    """RegExp.prototype.test ( S ) (22.2.6.16).

    https://tc39.es/ecma262/#sec-regexp.prototype.test
    """
    r = _this_object(this, "test")
    s = string if type(string) is str else ops.to_string(string)
    if _pristine(r):
        return _builtin_match(r, s) is not None
    return regexp_exec_abstract(r, s) is not null


def regexp_to_string(this, *args):
    """RegExp.prototype.toString ( ) (22.2.6.17).

    https://tc39.es/ecma262/#sec-regexp.prototype.tostring
    """
    r = _this_object(this, "toString")
    pattern = ops.to_string(r.get("source", r))
    flags = ops.to_string(r.get("flags", r))
    return "/" + pattern + "/" + flags


def regexp_compile(this, pattern=undefined, flags=undefined, *rest):
    """RegExp.prototype.compile ( pattern, flags ) (B.2.4.1).

    https://tc39.es/ecma262/#sec-regexp.prototype.compile
    """
    o = _this_regexp(this, "compile")
    if isinstance(pattern, JSRegExp):
        if flags is not undefined:
            throw_type_error(MSG_COMPILE_FLAGS)
        p = pattern.source
        f = pattern.original_flags
    else:
        p = pattern
        f = flags
    return regexp_initialize(o, p, f)


# -- accessors ----------------------------------------------------------------

_LINE_TERMINATOR_ESCAPES = {"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def escape_regexp_pattern(src):
    """EscapeRegExpPattern ( P, F ) (22.2.6.13.1), as V8 does it: "(?:)" for
    the empty pattern, "/" outside a class and line terminators escaped."""
    if not src:
        return "(?:)"
    if "/" not in src and "\n" not in src and "\r" not in src \
            and "\u2028" not in src and "\u2029" not in src:
        return src
    out = []
    in_class = False
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\" and i + 1 < n:
            d = src[i + 1]
            esc = _LINE_TERMINATOR_ESCAPES.get(d)
            out.append(esc if esc is not None else c + d)
            i += 2
            continue
        if c == "/" and not in_class:
            out.append("\\/")
        elif c in _LINE_TERMINATOR_ESCAPES:
            out.append(_LINE_TERMINATOR_ESCAPES[c])
        else:
            if c == "[":
                in_class = True
            elif c == "]":
                in_class = False
            out.append(c)
        i += 1
    return "".join(out)


def regexp_flags(this, *args):
    """get RegExp.prototype.flags (22.2.6.4).

    https://tc39.es/ecma262/#sec-get-regexp.prototype.flags
    """
    if not isinstance(this, JSObject):
        throw_type_error(MSG_GETTER_NON_OBJECT % ("flags", ops.describe(this)))
    if _pristine(this):
        return _matcher_of(this).flags
    out = []
    for name, ch in _FLAG_PROPERTIES:
        if ops.to_boolean(this.get(name, this)):
            out.append(ch)
    return "".join(out)


class RegExpFlagGetter(JSFunction):
    """The getters of RegExp.prototype that read a slot: ``source`` (22.2.6.13)
    and the flags, ``global`` ... ``hasIndices`` (RegExpHasFlag, 22.2.6.4.1).

    https://tc39.es/ecma262/#sec-regexphasflag

    They compare ``this`` with the %RegExp.prototype% of their own realm and
    throw TypeErrors of that realm, so each knows its realm: a JSFunction
    subclass with a bound method (snapshot-safe), one instance per getter.
    ``code_unit`` is the flag letter, None for ``source``.
    """
    __slots__ = ("prop", "code_unit")

    def __init__(self, realm, prop, code_unit):
        JSFunction.__init__(self, realm.intrinsics["%Function.prototype%"], self._call, realm)
        self.props["length"] = 0.0
        self.props["name"] = "get " + prop
        self.flags = FLAGS_FN
        self.prop = prop
        self.code_unit = code_unit

    def _call(self, this, *args):
        c = self.code_unit
        if isinstance(this, JSRegExp):
            if c is None:
                return escape_regexp_pattern(this.source)
            return c in this.original_flags
        realm = self.realm
        # 3.a. If SameValue(R, %RegExp.prototype%) is true, return undefined
        #      ("(?:)" for source).
        if isinstance(this, JSObject) and this is realm.intrinsics["%RegExp.prototype%"]:
            return "(?:)" if c is None else undefined
        raise JSThrow(realm.make_error("TypeError", MSG_GETTER_NON_REGEXP % self.prop))


#: 22.2.6.4 steps 4-19: the flag properties in the order "flags" reads them.
_FLAG_PROPERTIES = (
    ("hasIndices", "d"),
    ("global", "g"),
    ("ignoreCase", "i"),
    ("multiline", "m"),
    ("dotAll", "s"),
    ("unicode", "u"),
    ("unicodeSets", "v"),
    ("sticky", "y"),
)


# -- @@match, @@matchAll, @@replace, @@search, @@split -------------------------

def regexp_symbol_match(this, string=undefined, *rest):
    """RegExp.prototype [ @@match ] ( string ) (22.2.6.8).

    https://tc39.es/ecma262/#sec-regexp.prototype-@@match
    """
    rx = _this_object(this, "@@match")
    s = _to_str(string)
    if _pristine(rx):
        matcher = _matcher_of(rx)
        if not matcher.global_:
            return regexp_builtin_exec(rx, s)
        # Global: every match from 0, lastIndex left at 0.
        set_last_index(rx, 0.0)
        unicode = matcher.unicode
        out = []
        pos = 0
        n = len(s)
        exec_ = matcher.exec
        m = last = None
        while pos <= n:
            m = exec_(s, pos)
            if m is None:
                break
            last = m
            out.append(m.groups[0])
            e = m.end
            pos = advance_string_index(s, e, unicode) if e == m.start else e
        if last is None:
            return null
        STATE.realm.intrinsics["%RegExpLegacyStatics%"].last = (s, last, last.start)
        return ops.new_array(out)
    # 3. Let flags be ? ToString(? Get(rx, "flags")).
    flags = ops.to_string(rx.get("flags", rx))
    if "g" not in flags:
        return regexp_exec_abstract(rx, s)
    full_unicode = "u" in flags or "v" in flags
    _set(rx, "lastIndex", 0.0)
    out = []
    while True:
        result = regexp_exec_abstract(rx, s)
        if result is null:
            return null if not out else ops.new_array(out)
        match_str = ops.to_string(result.get("0", result))
        out.append(match_str)
        if match_str == "":
            this_index = _to_length(rx.get("lastIndex", rx))
            _set(rx, "lastIndex", float(advance_string_index(s, this_index, full_unicode)))


class JSRegExpStringIterator(JSObject):
    """A RegExp String Iterator (22.2.9): [[IteratingRegExp]], [[IteratedString]],
    [[Global]], [[Unicode]] and [[Done]]."""
    __slots__ = ("rx", "string", "global_", "unicode", "done")
    cls = "RegExp String Iterator"

    def __init__(self, proto, rx, string, global_, unicode):
        JSObject.__init__(self, proto)
        self.rx = rx
        self.string = string
        self.global_ = global_
        self.unicode = unicode
        self.done = False


def regexp_symbol_match_all(this, string=undefined, *rest):
    """RegExp.prototype [ @@matchAll ] ( string ) (22.2.6.9).

    https://tc39.es/ecma262/#sec-regexp-prototype-matchall
    """
    r = _this_object(this, "@@matchAll")
    s = _to_str(string)
    realm = STATE.realm
    c = ops.species_constructor(r, realm.intrinsics["%RegExp%"])
    flags = ops.to_string(r.get("flags", r))
    matcher = ops.construct(c, (r, flags))
    last_index = _to_length(r.get("lastIndex", r))
    _set(matcher, "lastIndex", float(last_index))
    return JSRegExpStringIterator(realm.intrinsics["%RegExpStringIteratorPrototype%"], matcher,
                                  s, "g" in flags, "u" in flags or "v" in flags)


def regexp_string_iterator_next(this, *args):
    """%RegExpStringIteratorPrototype%.next ( ) (22.2.9.2.1).

    https://tc39.es/ecma262/#sec-%regexpstringiteratorprototype%.next
    """
    if not isinstance(this, JSRegExpStringIterator):
        throw_type_error(MSG_ITERATOR_INCOMPATIBLE % ops.describe(this))
    if this.done:
        return iter_result(undefined, True)
    r = this.rx
    s = this.string
    match = regexp_exec_abstract(r, s)
    if match is null:
        this.done = True
        return iter_result(undefined, True)
    if this.global_:
        match_str = ops.to_string(match.get("0", match))
        if match_str == "":
            this_index = _to_length(r.get("lastIndex", r))
            _set(r, "lastIndex", float(advance_string_index(s, this_index, this.unicode)))
        return iter_result(match, False)
    this.done = True
    return iter_result(match, False)


def _fast_matches(rx, s):
    """The matches RegExp.prototype[@@replace] step 11 collects, for a pristine rx:
    a list of (Match, start)."""
    matcher = _matcher_of(rx)
    if not matcher.global_:
        found = _builtin_match(rx, s)
        return [] if found is None else [found]
    set_last_index(rx, 0.0)
    unicode = matcher.unicode
    out = []
    pos = 0
    n = len(s)
    exec_ = matcher.exec
    while pos <= n:
        m = exec_(s, pos)
        if m is None:
            break
        out.append((m, m.start))
        e = m.end
        pos = advance_string_index(s, e, unicode) if e == m.start else e
    if out:
        m, start = out[-1]
        STATE.realm.intrinsics["%RegExpLegacyStatics%"].last = (s, m, start)
    return out


def regexp_symbol_replace(this, string=undefined, replace_value=undefined, *rest):
    """RegExp.prototype [ @@replace ] ( string, replaceValue ) (22.2.6.11).

    https://tc39.es/ecma262/#sec-regexp.prototype-@@replace
    """
    rx = _this_object(this, "@@replace")
    s = _to_str(string)
    length_s = len(s)
    # 5-6.
    functional = isinstance(replace_value, JSFunction)
    if not functional:
        replace_value = _to_str(replace_value)
    if _pristine(rx):
        return _replace_fast(rx, s, functional, replace_value)
    # 7. Let flags be ? ToString(? Get(rx, "flags")).
    flags = ops.to_string(rx.get("flags", rx))
    global_ = "g" in flags
    if global_:
        full_unicode = "u" in flags or "v" in flags
        _set(rx, "lastIndex", 0.0)
    # 10-11. Collect every result first.
    results = []
    while True:
        result = regexp_exec_abstract(rx, s)
        if result is null:
            break
        results.append(result)
        if not global_:
            break
        match_str = ops.to_string(result.get("0", result))
        if match_str == "":
            this_index = _to_length(rx.get("lastIndex", rx))
            _set(rx, "lastIndex", float(advance_string_index(s, this_index, full_unicode)))
    # 12-14.
    acc = []
    next_source_position = 0
    for result in results:
        result_length = ops.length_of_array_like(result)
        n_captures = max(result_length - 1, 0)
        matched = ops.to_string(result.get("0", result))
        match_length = len(matched)
        position = ops.to_integer_or_infinity(result.get("index", result))
        position = int(max(min(position, length_s), 0))
        captures = []
        for n in range(1, n_captures + 1):
            cap = result.get(str(n), result)
            if cap is not undefined:
                cap = ops.to_string(cap)
            captures.append(cap)
        named_captures = result.get("groups", result)
        if functional:
            args = [matched]
            args.extend(captures)
            args.append(float(position))
            args.append(s)
            if named_captures is not undefined:
                args.append(named_captures)
            replacement = ops.to_string(replace_value.fn(undefined, *args))
        else:
            if named_captures is not undefined:
                named_captures = ops.to_object(named_captures)
            replacement = get_substitution(matched, s, position, captures, named_captures,
                                           replace_value)
        if position >= next_source_position:
            acc.append(s[next_source_position:position])
            acc.append(replacement)
            next_source_position = position + match_length
    if next_source_position >= length_s:
        return "".join(acc)
    acc.append(s[next_source_position:])
    return "".join(acc)


def _replace_fast(rx, s, functional, replace_value):
    """@@replace for a pristine RegExp: the same steps on Match records."""
    matches = _fast_matches(rx, s)
    if not matches:
        return s
    plain = not functional and "$" not in replace_value
    acc = []
    next_source_position = 0
    for m, position in matches:
        groups = m.groups
        matched = groups[0] if position == m.start else s[position:m.end]
        if plain:
            replacement = replace_value
        else:
            captures = [undefined if g is None else g for g in groups[1:]]
            named = m.named
            named_captures = undefined if named is None else _groups_object(named)
            if functional:
                args = [matched]
                args.extend(captures)
                args.append(float(position))
                args.append(s)
                if named_captures is not undefined:
                    args.append(named_captures)
                replacement = ops.to_string(replace_value.fn(undefined, *args))
            else:
                replacement = get_substitution(matched, s, position, captures, named_captures,
                                               replace_value)
        if position >= next_source_position:
            acc.append(s[next_source_position:position])
            acc.append(replacement)
            next_source_position = position + len(matched)
    if next_source_position < len(s):
        acc.append(s[next_source_position:])
    return "".join(acc)


def regexp_symbol_search(this, string=undefined, *rest):
    """RegExp.prototype [ @@search ] ( string ) (22.2.6.12).

    https://tc39.es/ecma262/#sec-regexp.prototype-@@search
    """
    rx = _this_object(this, "@@search")
    s = _to_str(string)
    if _pristine(rx):
        previous = rx.props["lastIndex"]
        if not same_value(previous, 0.0):
            set_last_index(rx, 0.0)
        found = _builtin_match(rx, s)
        if not same_value(rx.props["lastIndex"], previous):
            set_last_index(rx, previous)
        return -1.0 if found is None else float(found[1])
    # 3-5.
    previous = rx.get("lastIndex", rx)
    if not same_value(previous, 0.0):
        _set(rx, "lastIndex", 0.0)
    # 6. Let result be ? RegExpExec(rx, S).
    result = regexp_exec_abstract(rx, s)
    # 7-8.
    current = rx.get("lastIndex", rx)
    if not same_value(current, previous):
        _set(rx, "lastIndex", previous)
    if result is null:
        return -1.0
    return result.get("index", result)


def regexp_symbol_split(this, string=undefined, limit=undefined, *rest):
    """RegExp.prototype [ @@split ] ( string, limit ) (22.2.6.14).

    https://tc39.es/ecma262/#sec-regexp.prototype-@@split
    """
    rx = _this_object(this, "@@split")
    s = _to_str(string)
    if _pristine_species(rx):
        # The splitter (here: rx's matcher) is made before ToUint32(limit) runs
        # user code that might recompile rx.
        matcher = _matcher_of(rx)
        lim = MAX_UINT32 if limit is undefined else ops.to_uint32(limit)
        return ops.new_array(_split_fast(matcher, s, lim))
    realm = STATE.realm
    # 4. Let C be ? SpeciesConstructor(rx, %RegExp%).
    c = ops.species_constructor(rx, realm.intrinsics["%RegExp%"])
    # 5-8.
    flags = ops.to_string(rx.get("flags", rx))
    unicode_matching = "u" in flags or "v" in flags
    new_flags = flags if "y" in flags else flags + "y"
    # 9. Let splitter be ? Construct(C, « rx, newFlags »).
    splitter = ops.construct(c, (rx, new_flags))
    out = []
    # 12. limit.
    lim = MAX_UINT32 if limit is undefined else ops.to_uint32(limit)
    if lim == 0:
        return ops.new_array(out)
    size = len(s)
    # 14. The empty string.
    if size == 0:
        z = regexp_exec_abstract(splitter, s)
        if z is not null:
            return ops.new_array(out)
        return ops.new_array([s])
    p = 0
    q = p
    while q < size:
        _set(splitter, "lastIndex", float(q))
        z = regexp_exec_abstract(splitter, s)
        if z is null:
            q = advance_string_index(s, q, unicode_matching)
            continue
        e = min(_to_length(splitter.get("lastIndex", splitter)), size)
        if e == p:
            q = advance_string_index(s, q, unicode_matching)
            continue
        out.append(s[p:q])
        if len(out) == lim:
            return ops.new_array(out)
        p = e
        number_of_captures = max(ops.length_of_array_like(z) - 1, 0)
        for i in range(1, number_of_captures + 1):
            out.append(z.get(str(i), z))
            if len(out) == lim:
                return ops.new_array(out)
        q = p
    out.append(s[p:size])
    return ops.new_array(out)


def _split_fast(matcher, s, lim):
    """@@split's loop (22.2.6.14 steps 13-20) for a pristine RegExp: a search from
    q finds the first index at or after q where the sticky splitter matches."""
    out = []
    if lim == 0:
        return out
    size = len(s)
    if size == 0:
        return out if matcher.exec(s, 0, True) is not None else [s]
    unicode = matcher.unicode
    exec_ = matcher.exec
    p = 0
    q = 0
    while q < size:
        m = exec_(s, q, False)
        if m is None:
            break
        q = m.start
        if q >= size:
            break
        e = m.end
        if e > size:
            e = size
        if e == p:
            q = advance_string_index(s, q, unicode)
            continue
        STATE.realm.intrinsics["%RegExpLegacyStatics%"].last = (s, m, q)
        out.append(s[p:q])
        if len(out) == lim:
            return out
        p = e
        for g in m.groups[1:]:
            out.append(undefined if g is None else g)
            if len(out) == lim:
                return out
        q = p
    out.append(s[p:size])
    return out


# ---------------------------------------------------------------------------
# Legacy static properties: RegExp.$1-$9, input ($_), lastMatch ($&),
# lastParen ($+), leftContext ($`), rightContext ($')
# https://github.com/tc39/proposal-regexp-legacy-features
#
# As V8 has them: accessors on %RegExp% that read the last successful match
# of any built-in exec in the realm (subclass instances included), "" before
# the first one, with no this-value checks; only input / $_ can be set.
# ---------------------------------------------------------------------------

class RegExpLegacyStatics:
    """The realm's last successful match: ``last`` is (input, Match, start)
    or None (``realm.intrinsics["%RegExpLegacyStatics%"]``); ``input`` is
    (assigned string, the ``last`` it was assigned over) after RegExp.input = v,
    good until the next match."""
    __slots__ = ("last", "input")

    def __init__(self):
        self.last = None
        self.input = None

    def value(self, what):
        last = self.last
        if what == "input":
            assigned = self.input
            if assigned is not None and assigned[1] is last:
                return assigned[0]
            return "" if last is None else last[0]
        if last is None:
            return ""
        s, m, start = last
        if type(what) is int:
            groups = m.groups
            v = groups[what] if what < len(groups) else None
            return "" if v is None else v
        if what == "lastMatch":
            return s[start:m.end]
        if what == "lastParen":
            groups = m.groups
            v = groups[-1] if len(groups) > 1 else None
            return "" if v is None else v
        if what == "leftContext":
            return s[:start]
        return s[m.end:]  # rightContext


class RegExpLegacyAccessor(JSFunction):
    """A getter (or the input setter) of one legacy static property."""
    __slots__ = ("what", "setter")

    def __init__(self, realm, name, what, setter):
        JSFunction.__init__(self, realm.intrinsics["%Function.prototype%"], self._call, realm)
        self.props["length"] = 1.0 if setter else 0.0
        self.props["name"] = ("set " if setter else "get ") + name
        self.flags = FLAGS_FN
        self.what = what
        self.setter = setter

    def _call(self, this, value=undefined, *rest):
        statics = self.realm.intrinsics["%RegExpLegacyStatics%"]
        if self.setter:
            if self.what == "input":
                statics.input = (ops.to_string(value), statics.last)
            return undefined
        return statics.value(self.what)


#: (name, alias, what) of the legacy static accessors, in V8's order.
LEGACY_STATICS = (
    ("input", "$_", "input"),
    ("lastMatch", "$&", "lastMatch"),
    ("lastParen", "$+", "lastParen"),
    ("leftContext", "$`", "leftContext"),
    ("rightContext", "$'", "rightContext"),
)


def _install_legacy_statics(realm, ctor):
    realm.intrinsics["%RegExpLegacyStatics%"] = RegExpLegacyStatics()
    rows = []
    for name, alias, what in LEGACY_STATICS:
        rows.append((name, what))
        rows.append((alias, what))
    rows.extend(("$%d" % i, i) for i in range(1, 10))
    for name, what in rows:
        getter = RegExpLegacyAccessor(realm, name, what, False)
        setter = RegExpLegacyAccessor(realm, name, what, True)
        ctor._store(name, Accessor(getter, setter), C)


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

PROTO_METHODS = (
    ("compile", regexp_compile, 2),
    ("exec", regexp_exec, 1),
    ("test", regexp_test, 1),
    ("toString", regexp_to_string, 0),
    (SYM_MATCH, regexp_symbol_match, 1),
    (SYM_MATCH_ALL, regexp_symbol_match_all, 1),
    (SYM_REPLACE, regexp_symbol_replace, 2),
    (SYM_SEARCH, regexp_symbol_search, 1),
    (SYM_SPLIT, regexp_symbol_split, 2),
)

#: (property, flag letter or None for source), installed as RegExpFlagGetter accessors in
#: this order (22.2.6.3 - 22.2.6.19).
FLAG_GETTERS = (
    ("dotAll", "s"),
    ("global", "g"),
    ("hasIndices", "d"),
    ("ignoreCase", "i"),
    ("multiline", "m"),
    ("source", None),
    ("sticky", "y"),
    ("unicode", "u"),
    ("unicodeSets", "v"),
)

#: What _pristine compares against: the original methods by their Python
#: function, the flag getters by their RegExpFlagGetter property (both
#: realm-independent and unchanged by a snapshot round trip).
_PRISTINE = ((("exec", regexp_exec), (SYM_MATCH, regexp_symbol_match), ("flags", regexp_flags))
             + tuple((name, name) for name, c in FLAG_GETTERS if c is not None))
_PRISTINE_KEYS = tuple(k for k, _ in _PRISTINE)
_PRISTINE_EXPECTED = tuple(v for _, v in _PRISTINE)


def setup(realm):
    intr = realm.intrinsics
    # 22.2.6: the RegExp prototype object is an ordinary object (not a RegExp).
    rp = JSObject(intr["%Object.prototype%"])
    ctor = make_constructor(realm, "RegExp", regexp_call, regexp_construct, 2, rp,
                            "%RegExp.prototype%")
    intr["%RegExp%"] = ctor
    define_getters(realm, ctor, [(SYM_SPECIES, regexp_species, None)])
    _install_legacy_statics(realm, ctor)
    m = define_methods(realm, rp, PROTO_METHODS)
    intr["%RegExp.prototype.exec%"] = m["exec"]
    define_getters(realm, rp, [("flags", regexp_flags, None)])
    for prop, code_unit in FLAG_GETTERS:
        rp._store(prop, Accessor(RegExpFlagGetter(realm, prop, code_unit), undefined), C)
    # The compiler's regex literals (realm.make_regexp).
    intr["%RegExp.create%"] = create_from_literal

    # 22.2.9.2 %RegExpStringIteratorPrototype%
    rsip = JSObject(intr["%IteratorPrototype%"])
    intr["%RegExpStringIteratorPrototype%"] = rsip
    define_methods(realm, rsip, [("next", regexp_string_iterator_next, 0)])
    rsip._store(SYM_TO_STRING_TAG, "RegExp String Iterator", C)

    realm.global_object._store("RegExp", ctor, W | C)
