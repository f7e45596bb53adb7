"""IndexedDB keys: validation, comparison and an order-preserving byte encoding.

Spec: https://w3c.github.io/IndexedDB/#key-construct (keys, comparing keys),
https://w3c.github.io/IndexedDB/#convert-value-to-key and
https://w3c.github.io/IndexedDB/#key-path-construct (valid key paths).

Python keys
    ``int`` / ``float`` (numbers; ``int`` is converted to ``float``; ``bool`` is *not*
    a key), ``str`` (strings), ``bytes`` / ``bytearray`` / ``memoryview``
    (binary), ``datetime.datetime`` (dates; a naive datetime is UTC; stored as
    milliseconds since the epoch), and ``list`` / ``tuple`` of keys (arrays).

Strings compare by UTF-16 code unit.  The JS engine keeps strings as ``str`` of
UTF-16 code units (an astral character is a surrogate pair), Python users pass
ordinary ``str``; both are converted with ``encode('utf-16-be', 'surrogatepass')``
so the two forms of the same text encode and compare identically.

The encoding (:func:`encode_key`) makes LMDB's bytewise order equal to
IndexedDB's key order, in the manner of Firefox's IndexedDB key encoding:

* one type tag byte from :data:`KEY_TAGS` (number < date < string < binary < array);
* number / date: the IEEE-754 double, big-endian, with the sign bit flipped for
  positive values and all bits inverted for negative values (``-0`` is encoded
  as ``+0``);
* string: each UTF-16 code unit ``c`` as 1 byte ``c + 1`` (c < 0x7F), 2 bytes
  ``0x80 | (c - 0x7F) >> 8, (c - 0x7F) & 0xFF`` (c < 0x407F) or 3 bytes
  ``0xC0, c >> 8, c & 0xFF``; then a ``0x00`` terminator.  A unit's first byte is
  never zero, so the terminator sorts below every continuation;
* binary: the bytes with ``0x00`` escaped as ``0x00 0xFF``, then a ``0x00``
  terminator (what follows a terminator is a tag or a terminator, both < 0xFF);
* array: each element's encoding, then a ``0x00`` terminator (so a prefix sorts
  first).

:func:`cmp` is a separate reference comparator written from the spec, so tests
can check ``sign(cmp(a, b)) == sign(encode(a) <=> encode(b))``.
"""

from __future__ import annotations

import datetime as _dt
import math
import struct

from .errors import DataError, KeyPathSyntaxError

__all__ = [
    "KEY_TYPES", "KEY_TAGS", "encode_key", "decode_key", "to_key", "cmp",
    "is_valid_key", "key_repr", "validate_key_path", "key_path_repr",
    "date_to_ms", "ms_to_date", "MAX_KEY_DEPTH", "MAX_KEY_BYTES", "check_key_size",
]

# The one table of key types: (IndexedDB type name, tag byte), in IndexedDB's
# order (https://w3c.github.io/IndexedDB/#compare-two-keys step 3).
KEY_TYPES: tuple[tuple[str, int], ...] = (
    ("number", 0x10),
    ("date", 0x20),
    ("string", 0x30),
    ("binary", 0x40),
    ("array", 0x50),
)
KEY_TAGS: dict[str, int] = dict(KEY_TYPES)
_RANK: dict[str, int] = {name: i for i, (name, _tag) in enumerate(KEY_TYPES)}

TAG_NUMBER = KEY_TAGS["number"]
TAG_DATE = KEY_TAGS["date"]
TAG_STRING = KEY_TAGS["string"]
TAG_BINARY = KEY_TAGS["binary"]
TAG_ARRAY = KEY_TAGS["array"]
TERMINATOR = 0x00

#: LMDB's key size limit; an encoded key (or index key, or primary key in an
#: index) longer than this cannot be stored or looked up.
MAX_KEY_BYTES = 511

#: Arrays nested deeper than this are rejected (LMDB keys are at most 511
#: bytes anyway, and every nesting level costs two bytes).
MAX_KEY_DEPTH = 256

_EPOCH = _dt.datetime(1970, 1, 1)
_UTC = _dt.timezone.utc

_pack_d = struct.Struct(">d").pack
#: tag + the double -(x + 0.0): for x >= 0 (and -0) that *is* x's bits with the
#: sign bit set, i.e. the encoding of a non-negative number in one call.
pack_nonnegative = struct.Struct(">Bd").pack
_unpack_d = struct.Struct(">d").unpack
_unpack_d_from = struct.Struct(">d").unpack_from

# ASCII fast path for strings: code unit c < 0x7F is the single byte c + 1.
_INVERT = bytes(255 - i for i in range(256))
_PLUS1 = bytes(range(1, 129)) + bytes(range(128, 256))   # only 0x00..0x7E used
_MINUS1 = bytes([0]) + bytes(range(0, 255))               # inverse on 0x01..0x7F
_NUMBER_HEAD = bytes([TAG_NUMBER])
_STRING_HEAD = bytes([TAG_STRING])
_BINARY_HEAD = bytes([TAG_BINARY])
_ARRAY_HEAD = bytes([TAG_ARRAY])
_TERM = bytes([TERMINATOR])
_EMPTY_ARRAY = _ARRAY_HEAD + _TERM


# --------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------

def key_repr(value, limit: int = 80) -> str:
    """A short JS-flavoured rendering of a key (or of a would-be key) for messages."""
    try:
        text = _repr(value, 0)
    except Exception:  # pragma: no cover - repr of exotic objects
        text = object.__repr__(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def _repr(value, depth: int) -> str:
    if depth > 8:
        return "..."
    t = type(value)
    if t is float:
        if value != value:
            return "NaN"
        if value in (math.inf, -math.inf):
            return "Infinity" if value > 0 else "-Infinity"
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value)) if value or math.copysign(1, value) > 0 else "-0"
        return repr(value)
    if t is int:
        return str(value)
    if t is str:
        return repr(value)
    if isinstance(value, _dt.datetime):
        return f"Date({value.isoformat()})"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_repr(v, depth + 1) for v in value[:20]) + (
            ", ..." if len(value) > 20 else "") + "]"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "binary " + repr(bytes(value[:32]))
    return repr(value)


def _invalid(value, why: str) -> DataError:
    return DataError(f"{key_repr(value)} is not a valid key: {why}")


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

def date_to_ms(value: _dt.datetime) -> float:
    """Milliseconds since 1970-01-01T00:00:00Z; a naive datetime is taken as UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(_UTC).replace(tzinfo=None)
    delta = value - _EPOCH
    return ((delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds) / 1000.0


def ms_to_date(ms: float) -> _dt.datetime:
    """Inverse of :func:`date_to_ms`: a naive UTC ``datetime``."""
    try:
        return _EPOCH + _dt.timedelta(microseconds=round(ms * 1000.0))
    except (OverflowError, ValueError):
        raise DataError(f"date key {ms!r} ms is outside the range of datetime.datetime") from None


# --------------------------------------------------------------------------
# Conversion (validation)
# --------------------------------------------------------------------------

def to_key(value):
    """Convert a Python value to a normalized key or raise :class:`DataError`.

    https://w3c.github.io/IndexedDB/#convert-value-to-key.  Numbers become
    ``float`` (``-0`` stays ``-0.0`` here; it compares and encodes equal to 0),
    binary becomes ``bytes``, tuples become lists.  Arrays that contain
    themselves (directly or not) are rejected.
    """
    return _to_key(value, [], 0)


def _to_key(value, ancestors: list, depth: int):
    t = type(value)
    if t is float:
        if value != value:
            raise DataError("NaN is not a valid key")
        return value
    if t is str:
        return value
    if t is int:
        try:
            return float(value)
        except OverflowError:
            raise _invalid(value, "the integer is too large for a double") from None
    if t is bool:
        raise _invalid(value, "booleans are not keys")
    if value is None:
        raise DataError("None (null/undefined) is not a valid key")
    if isinstance(value, (list, tuple)):
        # Spec step "If seen contains input, then return invalid": we track the
        # arrays on the current path, so shared (non-cyclic) sub-arrays are allowed.
        for a in ancestors:
            if a is value:
                raise DataError(
                    "arrays containing themselves are not valid keys "
                    f"(found a cycle in {key_repr(ancestors[0])})")
        if depth >= MAX_KEY_DEPTH:
            raise DataError(f"array keys nested more than {MAX_KEY_DEPTH} levels deep "
                            "are not supported")
        ancestors.append(value)
        try:
            return [_to_key(v, ancestors, depth + 1) for v in value]
        finally:
            ancestors.pop()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, memoryview):
        return value.tobytes()
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, float):
        return _to_key(float(value), ancestors, depth)
    if isinstance(value, int) and not isinstance(value, bool):
        return _to_key(int(value), ancestors, depth)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, _dt.date):
        raise _invalid(value, "a datetime.date is not a key; use datetime.datetime")
    raise _invalid(value, f"{t.__name__} is not a key type "
                          "(keys are numbers, strings, datetimes, bytes and lists of keys)")


def is_valid_key(value) -> bool:
    """True if :func:`to_key` would accept *value*."""
    try:
        _to_key(value, [], 0)
    except DataError:
        return False
    return True


# --------------------------------------------------------------------------
# Encoding
# --------------------------------------------------------------------------

def _encode_number(tag: int, f: float) -> bytes:
    """Tag + the double with its sign bit flipped (x >= 0, -0 as +0) or all its
    bits inverted (x < 0)."""
    if f >= 0:
        return pack_nonnegative(tag, -(f + 0.0))
    if f < 0:
        return bytes((tag,)) + _pack_d(f).translate(_INVERT)
    raise DataError("NaN is not a valid key")


def _encode_string_body(s: str) -> bytes:
    if s.isascii() and "\x7f" not in s:
        return s.encode("ascii").translate(_PLUS1)
    raw = s.encode("utf-16-be", "surrogatepass")
    out = bytearray()
    append = out.append
    for i in range(0, len(raw), 2):
        c = (raw[i] << 8) | raw[i + 1]
        if c < 0x7F:
            append(c + 1)
        elif c < 0x407F:
            d = c - 0x7F
            append(0x80 | (d >> 8))
            append(d & 0xFF)
        else:
            append(0xC0)
            append(c >> 8)
            append(c & 0xFF)
    return bytes(out)


def check_key_size(enc: bytes, value=None, what: str = "key") -> bytes:
    """Return *enc*, or raise DataError if it exceeds :data:`MAX_KEY_BYTES`."""
    if len(enc) > MAX_KEY_BYTES:
        shown = key_repr(value) if value is not None else key_repr(decode_key(enc))
        raise DataError(f"{what} {shown} is too long: it encodes to {len(enc)} bytes and the "
                        f"store (LMDB) supports at most {MAX_KEY_BYTES}")
    return enc


def encode_key(value) -> bytes:
    """Validate *value* as a key and return its order-preserving encoding.

    Raises :class:`DataError` (with the key and the reason) for invalid keys.
    """
    t = type(value)
    if t is float or t is int:
        try:
            if value >= 0:
                return pack_nonnegative(TAG_NUMBER, -(value + 0.0))
            if value < 0:
                return _NUMBER_HEAD + _pack_d(value).translate(_INVERT)
        except (OverflowError, struct.error):
            raise _invalid(value, "the integer is too large for a double") from None
        raise DataError("NaN is not a valid key")
    if t is str:
        if value.isascii() and "\x7f" not in value:
            return _STRING_HEAD + value.encode("ascii").translate(_PLUS1) + _TERM
        return _STRING_HEAD + _encode_string_body(value) + _TERM
    out = bytearray()
    _encode_into(value, out, [], 0)
    return bytes(out)


def _encode_into(value, out: bytearray, ancestors: list, depth: int) -> None:
    t = type(value)
    if t is float or t is int:
        out += encode_key(value)
    elif t is str:
        out += _STRING_HEAD
        out += _encode_string_body(value)
        out += _TERM
    elif t is list or t is tuple:
        for a in ancestors:
            if a is value:
                raise DataError(
                    "arrays containing themselves are not valid keys "
                    f"(found a cycle in {key_repr(ancestors[0])})")
        if depth >= MAX_KEY_DEPTH:
            raise DataError(f"array keys nested more than {MAX_KEY_DEPTH} levels deep "
                            "are not supported")
        ancestors.append(value)
        out += _ARRAY_HEAD
        for item in value:
            _encode_into(item, out, ancestors, depth + 1)
        out += _TERM
        ancestors.pop()
    elif t is bytes or t is bytearray or t is memoryview:
        data = value.tobytes() if t is memoryview else bytes(value)
        out += _BINARY_HEAD
        out += data.replace(b"\x00", b"\x00\xff")
        out += _TERM
    elif isinstance(value, _dt.datetime):
        out += _encode_number(TAG_DATE, date_to_ms(value))
    else:
        # bool, None, subclasses and everything else: normalize (or raise) first.
        key = _to_key(value, ancestors, depth)
        if type(key) is type(value) and key is value:  # pragma: no cover - defensive
            raise _invalid(value, "unsupported key type")
        _encode_into(key, out, ancestors, depth)


# --------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------

def decode_key(data: bytes, *, code_units: bool = False, date_factory=None):
    """Decode bytes produced by :func:`encode_key` back into a Python key.

    Numbers come back as ``float``, dates as naive UTC ``datetime`` (or
    ``date_factory(ms)``), binary as ``bytes``, arrays as ``list``.  Strings are
    ordinary ``str`` (surrogate pairs joined); with ``code_units=True`` they are
    ``str`` of UTF-16 code units, as the JS engine keeps them.
    Malformed input raises :class:`DataError`.
    """
    data = bytes(data)
    try:
        value, pos = _decode_at(data, 0, code_units, date_factory or ms_to_date, 0)
    except (IndexError, struct.error, ValueError) as exc:
        if isinstance(exc, DataError):
            raise
        raise DataError(f"malformed key bytes {data[:40]!r}") from None
    if pos != len(data):
        raise DataError(f"malformed key bytes {data[:40]!r}: trailing data")
    return value


def _decode_string(data: bytes, pos: int, code_units: bool):
    end = data.index(0, pos)
    chunk = data[pos:end]
    if chunk.isascii():
        return chunk.translate(_MINUS1).decode("ascii"), end + 1
    units = []
    append = units.append
    while True:
        b = data[pos]
        if b == 0:
            pos += 1
            break
        if b < 0x80:
            append(b - 1)
            pos += 1
        elif b < 0xC0:
            append((((b & 0x3F) << 8) | data[pos + 1]) + 0x7F)
            pos += 2
        elif b == 0xC0:
            append((data[pos + 1] << 8) | data[pos + 2])
            pos += 3
        else:
            raise DataError(f"malformed string key byte 0x{b:02x}")
    if code_units:
        return "".join(map(chr, units)), pos
    raw = struct.pack(f">{len(units)}H", *units)
    return raw.decode("utf-16-be", "surrogatepass"), pos


def _decode_binary(data: bytes, pos: int):
    i = data.index(0, pos)
    n = len(data)
    while i + 1 < n and data[i + 1] == 0xFF:
        i = data.index(0, i + 2)
    return data[pos:i].replace(b"\x00\xff", b"\x00"), i + 1


def _decode_double(data: bytes, pos: int) -> float:
    if data[pos] & 0x80:                    # was >= 0: the bits of -x
        return -_unpack_d_from(data, pos)[0]
    return _unpack_d(data[pos:pos + 8].translate(_INVERT))[0]


def _decode_at(data: bytes, pos: int, code_units: bool, date_factory, depth: int):
    tag = data[pos]
    pos += 1
    if tag == TAG_NUMBER:
        if pos + 8 > len(data):
            raise DataError("malformed number key: truncated")
        return _decode_double(data, pos), pos + 8
    if tag == TAG_STRING:
        return _decode_string(data, pos, code_units)
    if tag == TAG_ARRAY:
        if depth >= MAX_KEY_DEPTH:
            raise DataError("malformed key: arrays nested too deeply")
        items = []
        while data[pos] != TERMINATOR:
            item, pos = _decode_at(data, pos, code_units, date_factory, depth + 1)
            items.append(item)
        return items, pos + 1
    if tag == TAG_BINARY:
        return _decode_binary(data, pos)
    if tag == TAG_DATE:
        if pos + 8 > len(data):
            raise DataError("malformed date key: truncated")
        return date_factory(_decode_double(data, pos)), pos + 8
    raise DataError(f"malformed key: unknown type tag 0x{tag:02x}")


# --------------------------------------------------------------------------
# Reference comparison (https://w3c.github.io/IndexedDB/#compare-two-keys)
# --------------------------------------------------------------------------

def _key_type(key) -> str:
    t = type(key)
    if t is float:
        return "number"
    if t is str:
        return "string"
    if t is list:
        return "array"
    if t is bytes:
        return "binary"
    return "date"


def _code_units(s: str) -> tuple:
    raw = s.encode("utf-16-be", "surrogatepass")
    return struct.unpack(f">{len(raw) // 2}H", raw)


def _compare(a, b) -> int:
    # 1-3. Compare the types: number < date < string < binary < array.
    ta, tb = _key_type(a), _key_type(b)
    if ta != tb:
        return -1 if _RANK[ta] < _RANK[tb] else 1
    # 4. Same type: compare values.
    if ta == "number":
        return (a > b) - (a < b)
    if ta == "date":
        ma, mb = date_to_ms(a), date_to_ms(b)
        return (ma > mb) - (ma < mb)
    if ta == "string":
        # Strings compare as sequences of UTF-16 code units.
        ua, ub = _code_units(a), _code_units(b)
        return (ua > ub) - (ua < ub)
    if ta == "binary":
        # Unsigned octets, element by element, then length.
        return (a > b) - (a < b)
    # Arrays: element by element, then length (a prefix sorts first).
    for x, y in zip(a, b):
        c = _compare(x, y)
        if c:
            return c
    return (len(a) > len(b)) - (len(a) < len(b))


def cmp(first, second) -> int:
    """``indexedDB.cmp(first, second)``: -1, 0 or 1.

    https://w3c.github.io/IndexedDB/#dom-idbfactory-cmp -- both arguments are
    converted to keys first (:class:`DataError` if either is invalid).
    """
    return _compare(to_key(first), to_key(second))


# --------------------------------------------------------------------------
# Key paths (https://w3c.github.io/IndexedDB/#key-path-construct)
# --------------------------------------------------------------------------

_ID_EXTRA_START = frozenset("$_")
_ID_EXTRA_PART = frozenset("$_\u200c\u200d")


def _is_identifier_name(name: str) -> bool:
    """ECMAScript IdentifierName (ID_Start/ID_Continue, ``$``, ``_``, ZWNJ, ZWJ)."""
    if not name:
        return False
    try:   # a JS string may carry an astral character as a surrogate pair
        name = name.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        return False
    first = name[0]
    if not (first in _ID_EXTRA_START or first.isidentifier()):
        return False
    for ch in name[1:]:
        if not (ch in _ID_EXTRA_PART or ("a" + ch).isidentifier()):
            return False
    return True


def _is_valid_string_key_path(path: str) -> bool:
    if path == "":
        return True
    return all(_is_identifier_name(part) for part in path.split("."))


def validate_key_path(path):
    """Return *path* normalized (``None``, ``str`` or ``list[str]``).

    Raises :class:`KeyPathSyntaxError` (``.name == "SyntaxError"``) for anything
    that is not a valid key path: a string that is empty or identifiers joined by
    dots, or a non-empty list of such strings.
    """
    if path is None:
        return None
    if isinstance(path, str):
        if _is_valid_string_key_path(path):
            return str(path)
        raise KeyPathSyntaxError(f"{path!r} is not a valid key path "
                                 "(expected '' or identifiers separated by '.')")
    if isinstance(path, (list, tuple)):
        if not path:
            raise KeyPathSyntaxError("an empty list is not a valid key path")
        out = []
        for item in path:
            if not isinstance(item, str) or not _is_valid_string_key_path(item):
                raise KeyPathSyntaxError(f"{item!r} in {list(path)!r} is not a valid key path")
            out.append(str(item))
        return out
    raise KeyPathSyntaxError(f"{path!r} is not a valid key path (expected a str or a list of str)")


def key_path_repr(path) -> str:
    """Render a key path for messages: ``'a.b'`` or ``['a', 'b']``."""
    return repr(path) if isinstance(path, str) else repr(list(path))
