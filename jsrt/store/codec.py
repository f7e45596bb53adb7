"""Value codecs: how record values become bytes in the store and back.

The store never looks inside values except through a :class:`ValueCodec`:
``encode`` / ``decode`` (the structured clone, made storable) and the three
key-path operations the IndexedDB algorithms need:

* evaluate a key path on a value -- https://w3c.github.io/IndexedDB/#evaluate-a-key-path-on-a-value
* check that a key could be injected --
  https://w3c.github.io/IndexedDB/#check-that-a-key-could-be-injected-into-a-value
* inject a key into a value --
  https://w3c.github.io/IndexedDB/#inject-a-key-into-a-value-using-a-key-path

:class:`PythonValueCodec` stores plain Python data in a tagged binary format
with back-references (shared references and cycles survive).  It never uses
pickle or marshal, and its decoder is safe on arbitrary bytes: malformed input
raises :class:`~jsrt.store.errors.DataCloneError` and nothing else, nesting is
handled with an explicit stack, and every length is checked against the bytes
that remain before anything is allocated.

The JS engine plugs in its structured-clone codec through the same interface
(``open_database(..., codec=...)``).
"""

from __future__ import annotations

import datetime as _dt
import struct

from .errors import DataCloneError, DataError

__all__ = ["MISSING", "ValueCodec", "PythonValueCodec", "VALUE_TAGS", "CODECS",
           "register_codec", "codec_by_name"]


class _Missing:
    """Sentinel: a key path did not resolve to a value (spec: "failure")."""

    __slots__ = ()
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self):
        return (_Missing, ())


MISSING = _Missing()


class ValueCodec:
    """Interface between the store and a value representation.

    Subclasses set :attr:`name` (recorded with each database, so tools such as
    ``jsrt store dump`` can find the right decoder) and implement the methods.
    """

    name = "abstract"

    def encode(self, value) -> bytes:
        """Serialize *value* (the structured clone) to bytes; DataCloneError if it can't."""
        raise NotImplementedError

    def decode(self, data: bytes):
        """Deserialize bytes made by :meth:`encode`; DataCloneError on malformed input."""
        raise NotImplementedError

    def evaluate_key_path(self, value, path):
        """The value at *path* (a ``str`` key path, or a list of them) or :data:`MISSING`.

        The result is not yet validated as a key.
        """
        raise NotImplementedError

    def can_inject_key(self, value, path: str) -> bool:
        """Whether :meth:`inject_key` could place a key at *path* in *value*."""
        raise NotImplementedError

    def inject_key(self, value, path: str, key) -> None:
        """Set the value at the string key path *path* to *key*, creating
        intermediate objects (called only after :meth:`can_inject_key`)."""
        raise NotImplementedError

    def key_to_value(self, key):
        """Convert a Python key (from :mod:`jsrt.store.keys`) into a value for injection."""
        return key

    def compile_key_path(self, path):
        """Return a one-argument function equivalent to ``evaluate_key_path(v, path)``.

        The store calls this once per key path and caches the result; codecs may
        specialize it for speed.
        """
        evaluate = self.evaluate_key_path
        return lambda value: evaluate(value, path)

    def clone(self, value):
        """A deep copy made by encoding and decoding (the structured clone)."""
        return self.decode(self.encode(value))


# --------------------------------------------------------------------------
# PythonValueCodec: the format
# --------------------------------------------------------------------------
#
#   header   "<BII": FORMAT_VERSION, number of tags T, payload length P
#   tags     T bytes, one per item in pre-order (the tags of VALUE_TAGS)
#   payload  P bytes: each item's fixed-size or length-prefixed data, same order
#   strings  the rest: every str, and every dict's keys joined, in the same
#            order, encoded once as UTF-8 with surrogatepass (lengths in the
#            payload count code points)
#
# Keeping tags, payloads and text apart lets strings be encoded and decoded with
# one C call per value, and lets values of a common shape -- a dict whose values
# are str / int / float / None / bool -- be handled by code specialized for that
# shape (see _decoder_for and _encoder_for).

FORMAT_VERSION = 1

# The one table of value tags: (name, tag byte, payload).
VALUE_TAGS: tuple[tuple[str, int, str], ...] = (
    ("none", ord("N"), ""),
    ("false", ord("F"), ""),
    ("true", ord("T"), ""),
    ("int8", ord("i"), "u8: value + 128"),
    ("int64", ord("I"), "i64"),
    ("bigint", ord("G"), "u32 length, then little-endian two's complement bytes"),
    ("float", ord("d"), "f64"),
    ("str8", ord("s"), "u8 length in code points (the text is in the strings section)"),
    ("str32", ord("S"), "u32 length in code points"),
    ("bytes8", ord("b"), "u8 length, then the bytes"),
    ("bytes32", ord("B"), "u32 length, then the bytes"),
    ("list8", ord("l"), "u8 count (the items follow in pre-order)"),
    ("list32", ord("L"), "u32 count"),
    ("dict8", ord("m"), "u8 count, u16 length of the keys joined by U+0000 (in the "
                        "strings section); the values follow in key order"),
    ("dict32", ord("M"), "u32 count, u32 length of the joined keys, u32 code point "
                         "of the separator (one that no key contains)"),
    ("datetime", ord("D"), "i64 microseconds since the epoch (UTC), u8: 0 naive, "
                           "1 aware (decoded as UTC)"),
    ("ref", ord("R"), "u32 index of an earlier list/dict in the order they began "
                      "(shared references and cycles)"),
)
_T = {name: tag for name, tag, _payload in VALUE_TAGS}
T_NONE, T_FALSE, T_TRUE = _T["none"], _T["false"], _T["true"]
T_INT8, T_INT64, T_BIGINT, T_FLOAT = _T["int8"], _T["int64"], _T["bigint"], _T["float"]
T_STR8, T_STR32, T_BYTES8, T_BYTES32 = _T["str8"], _T["str32"], _T["bytes8"], _T["bytes32"]
T_LIST8, T_LIST32, T_DICT8, T_DICT32 = _T["list8"], _T["list32"], _T["dict8"], _T["dict32"]
T_DATETIME, T_REF = _T["datetime"], _T["ref"]

_HEADER = struct.Struct("<BII")
_HEADER_SIZE = _HEADER.size
_pack_I = struct.Struct("<I").pack
_unpack_I = struct.Struct("<I").unpack_from
_pack_q = struct.Struct("<q").pack
_unpack_q = struct.Struct("<q").unpack_from
_pack_d = struct.Struct("<d").pack
_unpack_d = struct.Struct("<d").unpack_from
_pack_BH = struct.Struct("<BH").pack
_unpack_BH = struct.Struct("<BH").unpack_from
_pack_III = struct.Struct("<III").pack
_unpack_III = struct.Struct("<III").unpack_from
_pack_qB = struct.Struct("<qB").pack
_unpack_qB = struct.Struct("<qB").unpack_from

_EPOCH = _dt.datetime(1970, 1, 1)
_UTC = _dt.timezone.utc
_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1
_MAX_CODE_POINT = 0x10FFFF


class _CloneFailure(Exception):
    """Internal: carries the path to an unserializable value up to encode()."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why
        self.path: list[str] = []


def _path_text(path: list[str]) -> str:
    return "value" + "".join(reversed(path))


def _bad(why: str) -> DataCloneError:
    return DataCloneError(f"cannot decode stored value: {why}")


# -- general encoder -------------------------------------------------------------------

def _dict_header(d: dict, tags: bytearray, pay: bytearray, strs: list) -> None:
    """A dict's tag and payload; its keys go to the strings section, joined."""
    n = len(d)
    try:
        joined = "\x00".join(d)
    except TypeError:
        for k in d:
            if not isinstance(k, str):
                raise _CloneFailure(f"dict key {k!r} is a {type(k).__name__}; "
                                    "only str keys can be stored") from None
        raise
    if n < 256 and len(joined) < 65536 and joined.count("\x00") == n - 1:
        tags.append(T_DICT8)
        pay += _pack_BH(n, len(joined))
    else:
        # Pick a separator that no key contains.
        sep = 0
        while any(chr(sep) in k for k in d):
            sep += 1
            if sep == 0xD800:
                sep = 0xE000
        joined = chr(sep).join(d)
        tags.append(T_DICT32)
        pay += _pack_III(n, len(joined), sep)
    strs.append(joined)


def _encode(v, tags: bytearray, pay: bytearray, strs: list, memo: dict) -> None:
    """Append *v*'s tags, payloads and text (recursive; memo: id -> container index)."""
    t = type(v)
    if t is str:
        n = len(v)
        if n < 256:
            tags.append(T_STR8)
            pay.append(n)
        else:
            tags.append(T_STR32)
            pay += _pack_I(n)
        strs.append(v)
    elif t is int:
        if -128 <= v < 128:
            tags.append(T_INT8)
            pay.append(v + 128)
        elif _INT64_MIN <= v <= _INT64_MAX:
            tags.append(T_INT64)
            pay += _pack_q(v)
        else:
            raw = v.to_bytes((v.bit_length() + 8) // 8, "little", signed=True)
            tags.append(T_BIGINT)
            pay += _pack_I(len(raw))
            pay += raw
    elif t is float:
        tags.append(T_FLOAT)
        pay += _pack_d(v)
    elif t is dict:
        oid = id(v)
        if oid in memo:
            tags.append(T_REF)
            pay += _pack_I(memo[oid])
            return
        memo[oid] = len(memo)
        if not v:
            tags.append(T_DICT8)
            pay += _pack_BH(0, 0)
            strs.append("")
            return
        _dict_header(v, tags, pay, strs)
        for k, x in v.items():
            try:
                _encode(x, tags, pay, strs, memo)
            except _CloneFailure as exc:
                exc.path.append(f"[{k!r}]")
                raise
    elif t is list or t is tuple:
        oid = id(v)
        if oid in memo:
            tags.append(T_REF)
            pay += _pack_I(memo[oid])
            return
        memo[oid] = len(memo)
        n = len(v)
        if n < 256:
            tags.append(T_LIST8)
            pay.append(n)
        else:
            tags.append(T_LIST32)
            pay += _pack_I(n)
        for i, x in enumerate(v):
            try:
                _encode(x, tags, pay, strs, memo)
            except _CloneFailure as exc:
                exc.path.append(f"[{i}]")
                raise
    elif v is None:
        tags.append(T_NONE)
    elif v is True:
        tags.append(T_TRUE)
    elif v is False:
        tags.append(T_FALSE)
    elif t is bytes or t is bytearray or t is memoryview:
        b = v.tobytes() if t is memoryview else v
        n = len(b)
        if n < 256:
            tags.append(T_BYTES8)
            pay.append(n)
        else:
            tags.append(T_BYTES32)
            pay += _pack_I(n)
        pay += b
    elif t is _dt.datetime:
        _encode_datetime(v, tags, pay)
    else:
        _encode_other(v, tags, pay, strs, memo)


def _encode_datetime(v: _dt.datetime, tags: bytearray, pay: bytearray) -> None:
    aware = v.tzinfo is not None
    if aware:
        v = v.astimezone(_UTC).replace(tzinfo=None)
    delta = v - _EPOCH
    us = (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
    tags.append(T_DATETIME)
    pay += _pack_qB(us, 1 if aware else 0)


def _encode_other(v, tags: bytearray, pay: bytearray, strs: list, memo: dict) -> None:
    """Subclasses of the supported types are stored as their base type."""
    if isinstance(v, bool):
        tags.append(T_TRUE if v else T_FALSE)
    elif isinstance(v, int):
        _encode(int(v), tags, pay, strs, memo)
    elif isinstance(v, float):
        _encode(float(v), tags, pay, strs, memo)
    elif isinstance(v, str):
        _encode(str(v), tags, pay, strs, memo)
    elif isinstance(v, (bytes, bytearray)):
        _encode(bytes(v), tags, pay, strs, memo)
    elif isinstance(v, _dt.datetime):
        _encode_datetime(v, tags, pay)
    elif isinstance(v, (dict, list, tuple)):
        # The original object owns the back-reference slot.
        oid = id(v)
        if oid in memo:
            tags.append(T_REF)
            pay += _pack_I(memo[oid])
            return
        memo[oid] = len(memo)
        if isinstance(v, dict):
            items = list(v.items())
            if not items:
                tags.append(T_DICT8)
                pay += _pack_BH(0, 0)
                strs.append("")
                return
            _dict_header(dict.fromkeys(k for k, _x in items), tags, pay, strs)
            for k, x in items:
                try:
                    _encode(x, tags, pay, strs, memo)
                except _CloneFailure as exc:
                    exc.path.append(f"[{k!r}]")
                    raise
        else:
            items = list(v)
            n = len(items)
            if n < 256:
                tags.append(T_LIST8)
                pay.append(n)
            else:
                tags.append(T_LIST32)
                pay += _pack_I(n)
            for i, x in enumerate(items):
                try:
                    _encode(x, tags, pay, strs, memo)
                except _CloneFailure as exc:
                    exc.path.append(f"[{i}]")
                    raise
    else:
        raise _CloneFailure(f"{type(v).__module__}.{type(v).__qualname__} objects cannot be stored")


def _encode_general(value) -> bytes:
    tags = bytearray()
    pay = bytearray()
    strs: list = []
    _encode(value, tags, pay, strs, {})
    return (_HEADER.pack(FORMAT_VERSION, len(tags), len(pay)) + tags + pay
            + "".join(strs).encode("utf-8", "surrogatepass"))


# -- general decoder ---------------------------------------------------------------------

def _decode_general(data: bytes, tpos: int, tend: int, pend: int, text: str):
    """Decode with an explicit stack; every count and length is checked against
    what remains before anything is allocated."""
    tlen = len(text)
    sp = 0                      # position in text
    ppos = tend                 # position in the payload section
    containers: list = []
    stack: list = []
    # The frame being filled: items are appended to `vals`; a dict frame has
    # `target` (the dict, created first so references can point at it) and
    # `keys`, and is filled from vals when complete.
    vals: list = []
    ap = vals.append
    target = keys = None
    i, n = 0, 1
    root = vals
    t_str8, t_int8, t_float, t_int64 = T_STR8, T_INT8, T_FLOAT, T_INT64
    t_dict8, t_dict32, t_list8, t_list32 = T_DICT8, T_DICT32, T_LIST8, T_LIST32
    t_none, t_true, t_false = T_NONE, T_TRUE, T_FALSE
    unpack_d, unpack_q = _unpack_d, _unpack_q
    while True:
        if i == n:
            if target is not None:
                target.update(zip(keys, vals))
            if not stack:
                break
            vals, ap, target, keys, i, n = stack.pop()
            continue
        tag = data[tpos]
        tpos += 1
        i += 1
        if tag == t_str8:
            m = data[ppos]
            ppos += 1
            ap(text[sp:sp + m])
            sp += m
        elif tag == t_int8:
            ap(data[ppos] - 128)
            ppos += 1
        elif tag == t_float:
            ap(unpack_d(data, ppos)[0])
            ppos += 8
        elif tag == t_int64:
            ap(unpack_q(data, ppos)[0])
            ppos += 8
        elif tag == t_dict8 or tag == t_dict32:
            if tag == t_dict8:
                m, klen = _unpack_BH(data, ppos)
                ppos += 3
                sep = "\x00"
            else:
                m, klen, sepcode = _unpack_III(data, ppos)
                ppos += 12
                if sepcode > _MAX_CODE_POINT:
                    raise _bad("bad key separator")
                sep = chr(sepcode)
            if m > tend - tpos or klen > tlen - sp:
                raise _bad("dict larger than the data")
            v = {}
            containers.append(v)
            ap(v)
            child_keys = text[sp:sp + klen].split(sep) if m else ()
            sp += klen
            if m:
                if len(child_keys) != m:
                    raise _bad("dict key count mismatch")
                stack.append((vals, ap, target, keys, i, n))
                vals = []
                ap = vals.append
                target, keys, i, n = v, child_keys, 0, m
        elif tag == t_list8 or tag == t_list32:
            if tag == t_list8:
                m = data[ppos]
                ppos += 1
            else:
                m = _unpack_I(data, ppos)[0]
                ppos += 4
            if m > tend - tpos:
                raise _bad("list longer than the data")
            v = []
            containers.append(v)
            ap(v)
            if m:
                stack.append((vals, ap, target, keys, i, n))
                vals = v
                ap = v.append
                target, keys, i, n = None, None, 0, m
        elif tag == t_none:
            ap(None)
        elif tag == t_true:
            ap(True)
        elif tag == t_false:
            ap(False)
        elif tag == T_STR32:
            m = _unpack_I(data, ppos)[0]
            ppos += 4
            if m > tlen - sp:
                raise _bad("string longer than the data")
            ap(text[sp:sp + m])
            sp += m
        elif tag == T_BYTES8 or tag == T_BYTES32:
            if tag == T_BYTES8:
                m = data[ppos]
                ppos += 1
            else:
                m = _unpack_I(data, ppos)[0]
                ppos += 4
            if m > pend - ppos:
                raise _bad("bytes longer than the data")
            ap(data[ppos:ppos + m])
            ppos += m
        elif tag == T_BIGINT:
            m = _unpack_I(data, ppos)[0]
            ppos += 4
            if m == 0 or m > pend - ppos:
                raise _bad("bad integer length")
            ap(int.from_bytes(data[ppos:ppos + m], "little", signed=True))
            ppos += m
        elif tag == T_DATETIME:
            us, flag = _unpack_qB(data, ppos)
            ppos += 9
            if flag > 1:
                raise _bad(f"bad datetime flag {flag}")
            try:
                v = _EPOCH + _dt.timedelta(microseconds=us)
            except OverflowError:
                raise _bad(f"datetime {us} us out of range") from None
            ap(v.replace(tzinfo=_UTC) if flag else v)
        elif tag == T_REF:
            m = _unpack_I(data, ppos)[0]
            ppos += 4
            if m >= len(containers):
                raise _bad(f"back-reference {m} to a container not yet seen")
            ap(containers[m])
        else:
            raise _bad(f"unknown tag 0x{tag:02x}")
    if tpos != tend:
        raise _bad("tag count mismatch")
    if ppos != pend:
        raise _bad("payload length mismatch")
    if sp != tlen:
        raise _bad("string lengths do not match the strings section")
    return root[0]


# -- shape-specialized code for flat dicts ------------------------------------------------
#
# A dict whose values are all str / int / float / None / bool has a fixed tag
# sequence and a fixed-size payload, so one struct.Struct packs or unpacks the
# whole header + tags + payload.  The functions are generated from a tag (or
# type) sequence over a fixed alphabet -- never from value data -- compiled
# once, and cached (boundedly).

_FLAT_MAX = 48              # values per dict handled by specialized code
_PLAN_CACHE_MAX = 512
_decoders: dict[bytes, object] = {}
_encoders: dict[tuple, object] = {}        # key tuple -> encoder (most recent shape)
_encoders_by_sig: dict[tuple, object] = {}  # (key tuple, type tuple) -> encoder or None

# tag -> (struct code or "", expression building the value from payload item `a`)
_DEC_PARTS = {
    T_STR8: ("B", None), T_STR32: ("I", None),
    T_INT8: ("B", "{a} - 128"), T_INT64: ("q", "{a}"), T_FLOAT: ("d", "{a}"),
    T_NONE: ("", "None"), T_TRUE: ("", "True"), T_FALSE: ("", "False"),
}


def _decoder_for(head: bytes):
    """A decoder specialized for values whose header and tags are *head*
    (``data[:9 + ntags]``) when that describes a flat dict, else None."""
    if len(head) < _HEADER_SIZE + 2:
        return None
    version, ntags, plen = _HEADER.unpack_from(head, 0)
    tags = head[_HEADER_SIZE:]
    n = ntags - 1
    if (version != FORMAT_VERSION or len(tags) != ntags or n < 1 or n > _FLAT_MAX
            or tags[0] != T_DICT8 or any(t not in _DEC_PARTS for t in tags[1:])):
        return None                      # not cached: nested values take the general path
    fmt = "<BH"
    names = ["count", "klen"]
    lines = []
    exprs = []
    for j, t in enumerate(tags[1:]):
        code, expr = _DEC_PARTS[t]
        if code:
            fmt += code
            names.append(f"a{j}")
        if expr is None:                      # a string: slice the text
            lines.append(f"    v{j} = text[sp:sp + a{j}]; sp += a{j}")
            exprs.append(f"v{j}")
        else:
            exprs.append(expr.format(a=f"a{j}"))
    if struct.calcsize(fmt) != plen:
        fn = None
    else:
        tend = _HEADER_SIZE + ntags
        keys = ", ".join(f"k{j}" for j in range(n))
        src = "\n".join([
            "def decode_flat(data):",
            f"    text = data[{tend + plen}:].decode('utf-8', 'surrogatepass')",
            f"    {', '.join(names)}, = _S.unpack_from(data, {tend})",
            f"    if count != {n}:",
            "        raise _bad('dict count mismatch')",
            f"    {keys}, = text[:klen].split('\\x00')",
            "    sp = klen",
            *lines,
            "    if sp != len(text):",
            "        raise _bad('string lengths do not match the strings section')",
            "    return {" + ", ".join(f"k{j}: {e}" for j, e in enumerate(exprs)) + "}",
        ])
        namespace = {"_S": struct.Struct(fmt), "_bad": _bad}
        exec(compile(src, f"<jsrt.store.codec decoder {tags.decode('ascii')}>", "exec"),
             namespace)
        fn = namespace["decode_flat"]
    if len(_decoders) >= _PLAN_CACHE_MAX:
        _decoders.clear()
    _decoders[head] = fn
    return fn


# type -> (tag, struct code, argument expression); bool's tag depends on the value.
_ENC_PARTS = {
    str: (T_STR32, "I", "len(v{j})"),
    int: (T_INT64, "q", "v{j}"),
    float: (T_FLOAT, "d", "v{j}"),
    type(None): (T_NONE, "", None),
    bool: (None, "", None),
}


def _encoder_for(keys: tuple, types: tuple):
    """An encoder specialized for flat dicts with exactly these keys (in this
    order) and values of these exact types.  The generated function returns
    None when a dict does not fit (another value type, an int beyond 64 bits)."""
    n = len(keys)
    joined = "\x00".join(k for k in keys if type(k) is str)
    if (n < 1 or n > _FLAT_MAX or len(types) != n or any(t not in _ENC_PARTS for t in types)
            or any(type(k) is not str for k in keys) or joined.count("\x00") != n - 1
            or len(joined) > 65535):
        return None
    fmt = f"<BII{n + 1}sBH"
    args = []
    checks = [f"type(v{j}) is {t.__name__ if t is not type(None) else 'NoneType'}"
              for j, t in enumerate(types)]
    strs = ["KEYS"]
    tag_parts = [bytes([T_DICT8])]
    dynamic_tags = False
    for j, t in enumerate(types):
        tag, code, arg = _ENC_PARTS[t]
        if t is bool:
            dynamic_tags = True
            tag_parts.append(f"(b'T' if v{j} else b'F')")
        else:
            tag_parts.append(bytes([tag]))
        if code:
            fmt += code
            args.append(arg.format(j=j))
        if t is int:
            checks.append(f"-0x8000000000000000 <= v{j} <= 0x7fffffffffffffff")
        if t is str:
            strs.append(f"v{j}")
    payload = struct.calcsize("<" + fmt[fmt.index("s") + 1:])
    if dynamic_tags:
        tag_expr = " + ".join(p if isinstance(p, str) else repr(p) for p in tag_parts)
    else:
        tag_expr = repr(b"".join(tag_parts))
    values = ", ".join(f"v{j}" for j in range(n))
    src = "\n".join([
        "def encode_flat(d):",
        f"    {values}, = d.values()",
        f"    if not ({' and '.join(checks)}):",
        "        return None",
        f"    return _S.pack({FORMAT_VERSION}, {n + 1}, {payload}, {tag_expr}, {n}, {len(joined)}"
        + "".join(f", {a}" for a in args) + ")"
        + f" + ''.join(({', '.join(strs)},)).encode('utf-8', 'surrogatepass')",
    ])
    namespace = {"_S": struct.Struct(fmt), "KEYS": joined, "NoneType": type(None)}
    exec(compile(src, "<jsrt.store.codec encoder>", "exec"), namespace)
    return namespace["encode_flat"]


def _encode_flat(value: dict):
    """Encode a flat dict with shape-specialized code, or return None."""
    keys = tuple(value)
    fn = _encoders.get(keys)
    if fn is not None:
        data = fn(value)
        if data is not None:
            return data
    # First sight of these keys, or other value types than last time.
    types = tuple(map(type, value.values()))
    sig = (keys, types)
    fn = _encoders_by_sig.get(sig, _MISS)
    if fn is _MISS:
        fn = _encoder_for(keys, types)
        if len(_encoders_by_sig) >= _PLAN_CACHE_MAX:
            _encoders_by_sig.clear()
            _encoders.clear()
        _encoders_by_sig[sig] = fn
    if fn is None:
        return None
    _encoders[keys] = fn            # the most recent shape for these keys goes first
    return fn(value)


_MISS = object()


def _decode(data: bytes):
    if len(data) > _HEADER_SIZE and data[_HEADER_SIZE] == T_DICT8:
        head = data[:_HEADER_SIZE + data[1]]
        flat = _decoders.get(head, _MISS)
        if flat is _MISS:
            flat = _decoder_for(head)
        if flat is not None:
            return flat(data)
    size = len(data)
    if size < _HEADER_SIZE + 1:
        raise _bad("too short")
    version, ntags, plen = _HEADER.unpack_from(data, 0)
    if version != FORMAT_VERSION:
        raise _bad(f"unknown format version {version} (this codec reads version {FORMAT_VERSION})")
    tend = _HEADER_SIZE + ntags
    pend = tend + plen
    if pend > size or ntags == 0:
        raise _bad("sections longer than the data")
    text = data[pend:].decode("utf-8", "surrogatepass") if pend < size else ""
    return _decode_general(data, _HEADER_SIZE, tend, pend, text)


class PythonValueCodec(ValueCodec):
    """Stores Python data: None, bool, int (any size), float, str (lone
    surrogates allowed), bytes, list (tuples become lists), dict with str keys,
    datetime, with shared references and cycles preserved.

    Subclasses of these types are stored as the base type.  Anything else raises
    :class:`DataCloneError` naming the type and where it sat (``value['a'][2]``).
    """

    name = "python"

    __slots__ = ()

    def encode(self, value) -> bytes:
        if type(value) is dict:
            # Flat dicts: one lookup by the key tuple finds specialized code.
            flat = _encoders.get(tuple(value))
            if flat is not None:
                data = flat(value)
                if data is not None:
                    return data
            data = _encode_flat(value)
            if data is not None:
                return data
        try:
            return _encode_general(value)
        except _CloneFailure as exc:
            raise DataCloneError(f"cannot store {_path_text(exc.path)}: {exc.why}") from None
        except RecursionError:
            raise DataCloneError("cannot store value: it is nested too deeply") from None

    def decode(self, data):
        if type(data) is not bytes:
            data = bytes(data)
        try:
            # Flat dicts: one dict lookup finds the code specialized for their shape.
            flat = _decoders.get(data[:9 + data[1]])
            if flat is not None:
                return flat(data)
            return _decode(data)
        except DataCloneError:
            raise
        except (IndexError, ValueError, struct.error, OverflowError, TypeError) as exc:
            raise _bad(f"{type(exc).__name__}: {exc}") from None

    # -- key paths ---------------------------------------------------------

    def evaluate_key_path(self, value, path):
        """https://w3c.github.io/IndexedDB/#evaluate-a-key-path-on-a-value"""
        # 1. A list key path: evaluate each item; any failure fails the whole.
        if type(path) is not str:
            result = []
            for item in path:
                v = self.evaluate_key_path(value, item)
                if v is MISSING:
                    return MISSING
                result.append(v)
            return result
        # 2. The empty key path is the value itself.
        if path == "":
            return value
        # 3-4. Walk the identifiers.
        for identifier in path.split("."):
            if identifier == "length" and isinstance(value, str):
                # A String's length is its number of UTF-16 code units.
                value = len(value.encode("utf-16-le", "surrogatepass")) // 2
            elif identifier == "length" and isinstance(value, (list, tuple)):
                value = len(value)
            elif isinstance(value, dict):
                value = value.get(identifier, MISSING)
                if value is MISSING:
                    return MISSING
            else:
                return MISSING
        return value

    def compile_key_path(self, path):
        if isinstance(path, str) and path and "." not in path and path != "length":
            evaluate = self.evaluate_key_path

            def single(value, _name=path, _missing=MISSING):
                if type(value) is dict:
                    return value.get(_name, _missing)
                return evaluate(value, _name)
            return single
        return super().compile_key_path(path)

    def can_inject_key(self, value, path: str) -> bool:
        """https://w3c.github.io/IndexedDB/#check-that-a-key-could-be-injected-into-a-value"""
        identifiers = path.split(".")
        identifiers.pop()
        for identifier in identifiers:
            if not isinstance(value, dict):
                return False
            if identifier not in value:
                return True
            value = value[identifier]
        return isinstance(value, dict)

    def inject_key(self, value, path: str, key) -> None:
        """https://w3c.github.io/IndexedDB/#inject-a-key-into-a-value-using-a-key-path"""
        identifiers = path.split(".")
        last = identifiers.pop()
        for identifier in identifiers:
            if identifier not in value:
                value[identifier] = {}
            value = value[identifier]
        if not isinstance(value, dict):   # guaranteed by can_inject_key
            raise DataError(f"cannot inject a key at {path!r}")
        value[last] = self.key_to_value(key)


#: Codec name -> zero-argument factory (``jsrt store`` uses it to decode values).
CODECS: dict[str, object] = {"python": PythonValueCodec}


def register_codec(name: str, factory) -> None:
    """Make a codec available by name (the JS structured-clone codec registers here)."""
    CODECS[name] = factory


def codec_by_name(name: str):
    """An instance of the codec registered as *name*, or None."""
    factory = CODECS.get(name)
    return factory() if factory is not None else None
