"""The structured-clone binary format: header, the one table of tags, sections.

Layout (all integers little-endian)::

    magic      2 bytes  C1 0E           (0xC1 never starts UTF-8 text or a pickle)
    version    1 byte   FORMAT_VERSION
    flags      1 byte   bit 0: the text is UTF-16LE (else Latin-1)
                        bit 1: a transfer section follows the text
    counts     LEN structure bytes, LEN numbers, LEN strings, LEN text bytes,
               LEN separator (a code unit that occurs in no string)
    structure  the items, depth first: one item (the root); containers are
               followed by their items
    numbers    8 bytes per Number (IEEE-754 doubles), in the order the structure
               uses them
    text       every string, in the order the structure uses them, joined by the
               separator (so one split gives them all back)
    transfer   (flag bit 1) LEN count, then per transferred ArrayBuffer:
               1 byte resizable, LEN byte length, [LEN max byte length], the bytes

LEN is one byte below 0xFE, or 0xFE + u32, or 0xFF + u64.  Strings are sequences
of UTF-16 code units (lone surrogates allowed).

NUMBER and STRING items are a bare tag byte (their value is the next number / next
string), and so are TRUE, FALSE, NULL, UNDEFINED and HOLE: a run of such leaves is
a run of tag bytes, which both codecs handle in bulk.

Object ids: every item whose tag is in :data:`OBJECT_TAGS` gets the next id when
it starts (so containers get theirs before their items, and a view's buffer gets
its id before the view); ``REF id`` refers back to it.  This is the "memory" of
HTML's StructuredSerializeInternal, made explicit in the bytes.

Shapes: an OBJECT item names its keys with a shape, a list of property keys; a
shape is written once and referred to by index afterwards, and each key string
is written once and referred to by index afterwards.  ``SHAPE`` below is LEN k:
k = 0 is the empty shape; odd k refers to shape (k >> 1); even k > 0 starts a new
shape of (k >> 1) keys, each a LEN j: j = 0 is a new key (the next string),
j > 0 is key (j - 1).

Python values share the format (``jsrt.clone.serialize_python``): ``INT`` and
``PYDATETIME`` exist for them; the JS decoder reads them as Number and Date.
"""

import re
import struct

from .errors import CloneDecodeError

__all__ = ["MAGIC", "FORMAT_VERSION", "TAGS", "TAG_DOCS", "OBJECT_TAGS", "ERROR_NAMES",
           "FLAG_UTF16", "FLAG_TRANSFER", "len_bytes", "read_len",
           "encode_strings", "decode_strings", "parse", "Sections", "build",
           "split_surrogates", "join_surrogates"]

MAGIC = b"\xc1\x0e"
FORMAT_VERSION = 1
FLAG_UTF16 = 1
FLAG_TRANSFER = 2
_KNOWN_FLAGS = FLAG_UTF16 | FLAG_TRANSFER

# The one table of tags: (name, byte, payload after the tag byte).
TAG_TABLE = (
    # primitives
    ("UNDEFINED", "_", ""),
    ("NULL", "0", ""),
    ("FALSE", "F", ""),
    ("TRUE", "T", ""),
    ("NUMBER", "N", "(the next number)"),
    ("INT", "I", "8-byte signed integer (a Python int; JS reads a Number)"),
    ("BIGINT", "Z", "LEN n, n bytes two's complement"),
    ("STRING", "S", "(the next string)"),
    # objects: each gets the next object id
    ("OBJECT", "O", "SHAPE; then one item per key (ABSENT: a property deleted meanwhile)"),
    ("ARRAY", "A", "LEN length, LEN n dense, SHAPE extra keys; then n elements "
                   "(HOLE allowed), then one item per extra key"),
    ("NUMBER_ARRAY", "a", "LEN n (the next n numbers): a dense Array of n Numbers, "
                          "no holes, no other properties"),
    ("STRING_ARRAY", "t", "LEN n (the next n strings): a dense Array of n Strings, "
                          "no holes, no other properties"),
    ("MAP", "M", "LEN n; then n key/value item pairs"),
    ("SET", "E", "LEN n; then n items"),
    ("BOOLEAN_OBJECT", "b", "1 byte 0/1"),
    ("NUMBER_OBJECT", "n", "8-byte double"),
    ("BIGINT_OBJECT", "z", "as BIGINT"),
    ("STRING_OBJECT", "s", "(the next string)"),
    ("DATE", "D", "8-byte double time value (ms since the epoch)"),
    ("PYDATETIME", "d", "8-byte signed microseconds since the epoch, 1 byte: 1 = aware (UTC)"),
    ("REGEXP", "r", "(the next two strings: source, flags)"),
    ("ARRAY_BUFFER", "B", "LEN n, n bytes"),
    ("RESIZABLE_ARRAY_BUFFER", "Q", "LEN n, LEN max byte length, n bytes"),
    ("TYPED_ARRAY", "V", "1 byte element type, buffer item (ARRAY_BUFFER, "
                         "RESIZABLE_ARRAY_BUFFER, REF or TRANSFER), LEN byte offset, "
                         "1 byte 1 = length-tracking, else LEN length"),
    ("DATA_VIEW", "W", "buffer item, LEN byte offset, 1 byte 1 = length-tracking, "
                       "else LEN byte length"),
    ("ERROR", "e", "1 byte name index, 1 byte: 1 has message, 2 has stack "
                   "(then the next string for each)"),
    ("DOM_EXCEPTION", "x", "(the next two strings: name, message)"),
    ("REALM_SNAPSHOT", "P", "LEN n, n bytes: RealmSnapshot.to_bytes() (signed)"),
    # not objects
    ("REF", "R", "LEN object id"),
    ("TRANSFER", "X", "LEN index in the transfer list"),
    ("HOLE", "h", "an array element that does not exist"),
    ("ABSENT", "~", "a property listed when serializing began but deleted before it was read"),
)

TAGS = {name: ord(ch) for name, ch, _ in TAG_TABLE}
TAG_DOCS = {ord(ch): (name, doc) for name, ch, doc in TAG_TABLE}
assert len(set(TAGS.values())) == len(TAG_TABLE)
OBJECT_TAGS = frozenset(TAGS[n] for n in (
    "OBJECT", "ARRAY", "NUMBER_ARRAY", "STRING_ARRAY", "MAP", "SET", "BOOLEAN_OBJECT", "NUMBER_OBJECT", "BIGINT_OBJECT",
    "STRING_OBJECT", "DATE", "PYDATETIME", "REGEXP", "ARRAY_BUFFER", "RESIZABLE_ARRAY_BUFFER",
    "TYPED_ARRAY", "DATA_VIEW", "ERROR", "DOM_EXCEPTION", "REALM_SNAPSHOT"))

#: The [[Name]] values an Error keeps (HTML: anything else becomes "Error").
ERROR_NAMES = ("Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError",
               "TypeError", "URIError")

# Typed array element types by index (the order of typedarray.KIND_TABLE).
TYPED_ARRAY_NAMES = ("Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
                     "Uint16Array", "Int32Array", "Uint32Array", "Float32Array",
                     "Float64Array", "BigInt64Array", "BigUint64Array")
TYPED_ARRAY_SIZES = (1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8)

_U32 = struct.Struct("<I")
_U64 = struct.Struct("<Q")
unpack_u32 = _U32.unpack_from
unpack_u64 = _U64.unpack_from

#: LEN encodings of 0..253, precomputed.
SMALL_LEN = tuple(bytes([i]) for i in range(254))


def len_bytes(n):
    """The LEN encoding of n."""
    if n < 254:
        return SMALL_LEN[n]
    if n < 1 << 32:
        return b"\xfe" + _U32.pack(n)
    return b"\xff" + _U64.pack(n)


def read_len(data, pos):
    """(LEN at pos, position after it)."""
    n = data[pos]
    if n < 254:
        return n, pos + 1
    if n == 254:
        return unpack_u32(data, pos + 1)[0], pos + 5
    return unpack_u64(data, pos + 1)[0], pos + 9


# ---------------------------------------------------------------------------
# Strings: UTF-16 code units <-> the strings section
# ---------------------------------------------------------------------------

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _split(m):
    c = ord(m.group()) - 0x10000
    return chr(0xD800 + (c >> 10)) + chr(0xDC00 + (c & 0x3FF))


def split_surrogates(s):
    """Text (code points) -> UTF-16 code units (astral characters as surrogate pairs)."""
    if s.isascii():
        return s
    return _ASTRAL.sub(_split, s)


def _join(m):
    g = m.group()
    return chr(0x10000 + ((ord(g[0]) - 0xD800) << 10) + (ord(g[1]) - 0xDC00))


def join_surrogates(s):
    """UTF-16 code units -> text: surrogate pairs become code points, lone ones stay."""
    if s.isascii():
        return s
    return _PAIR.sub(_join, s)


def encode_strings(joined):
    """(flags bit, bytes) for the concatenated code units of every string."""
    if joined.isascii():
        return 0, joined.encode("ascii")
    try:
        return 0, joined.encode("latin-1")
    except UnicodeEncodeError:
        return FLAG_UTF16, joined.encode("utf-16-le", "surrogatepass")


def decode_strings(raw, utf16):
    """The strings section -> one str of UTF-16 code units."""
    if not utf16:
        return raw.decode("latin-1")
    if len(raw) & 1:
        raise CloneDecodeError("the strings section has an odd number of bytes")
    text = raw.decode("utf-16-le", "surrogatepass")
    if len(text) != len(raw) >> 1:
        # Python joined valid surrogate pairs: split them again (code units).
        text = _ASTRAL.sub(_split, text)
    return text


# ---------------------------------------------------------------------------
# Header
# ---------------------------------------------------------------------------

def _separator(strs, joined_probe):
    """A code unit that occurs in no string (not a surrogate)."""
    for c in range(0, 0xD800):
        sep = chr(c)
        if sep not in joined_probe:
            return sep
    for c in range(0xE000, 0x10000):
        sep = chr(c)
        if sep not in joined_probe:
            return sep
    raise ValueError("no separator available")   # every BMP code unit used: impossible


def build(structure, nums, strs, transfer=None):
    """Assemble the bytes from the structure, the numbers (floats), the strings (str of
    code units) and an optional transfer list of (bytearray, max_len or None)."""
    n = len(strs)
    if n:
        joined = "\x00".join(strs)
        if joined.count("\x00") != n - 1:
            sep = _separator(strs, "".join(strs))
            joined = sep.join(strs)
        else:
            sep = "\x00"
    else:
        joined = ""
        sep = "\x00"
    flags, text = encode_strings(joined)
    if transfer:
        flags |= FLAG_TRANSFER
    parts = [MAGIC, bytes([FORMAT_VERSION, flags]), len_bytes(len(structure)),
             len_bytes(len(nums)), len_bytes(n), len_bytes(len(text)), len_bytes(ord(sep)),
             structure, struct.pack("<%dd" % len(nums), *nums), text]
    if transfer:
        parts.append(len_bytes(len(transfer)))
        for data, max_len in transfer:
            if max_len is None:
                parts.append(b"\x00")
                parts.append(len_bytes(len(data)))
            else:
                parts.append(b"\x01")
                parts.append(len_bytes(len(data)))
                parts.append(len_bytes(max_len))
            parts.append(bytes(data))
    return b"".join(parts)


class Sections:
    """The parsed sections of clone bytes: the structure, iterators over the numbers
    and the strings, and the transfer entries.  ``check_done()`` verifies that every
    number and string was used."""
    __slots__ = ("structure", "numbers", "strings", "text", "transfer", "n_numbers",
                 "n_strings")

    def check_done(self):
        if next(self.numbers, None) is not None:
            raise CloneDecodeError("unused numbers at the end of the numbers section")
        if next(self.strings, None) is not None:
            raise CloneDecodeError("unused strings at the end of the strings section")


def parse(data, max_byte_length, text_map=None):
    """Check the header and split the sections (see the module docstring).

    ``text_map`` (optional) is applied to each string (the Python decoder joins
    surrogate pairs with it)."""
    size = len(data)
    if size < 8:
        raise CloneDecodeError("%d bytes are too few for structured-clone data" % size)
    if data[0:2] != MAGIC:
        raise CloneDecodeError("not structured-clone data (bad magic %r)" % bytes(data[0:2]))
    if data[2] != FORMAT_VERSION:
        raise CloneDecodeError("unsupported format version %d (this jsrt reads version %d)"
                               % (data[2], FORMAT_VERSION))
    flags = data[3]
    if flags & ~_KNOWN_FLAGS:
        raise CloneDecodeError("unknown flags 0x%02x" % flags)
    slen, pos = read_len(data, 4)
    ncount, pos = read_len(data, pos)
    scount, pos = read_len(data, pos)
    tbytes, pos = read_len(data, pos)
    sep, pos = read_len(data, pos)
    s0 = pos
    n0 = s0 + slen
    t0 = n0 + 8 * ncount
    t1 = t0 + tbytes
    if t1 > size:
        raise CloneDecodeError("the sections are longer than the data (%d > %d bytes)"
                               % (t1, size))
    if sep > 0xFFFF or 0xD800 <= sep < 0xE000:
        raise CloneDecodeError("bad string separator %d" % sep)
    sec = Sections()
    sec.structure = data[s0:n0]
    nums = struct.unpack_from("<%dd" % ncount, data, n0) if ncount else ()
    sec.numbers = iter(nums)
    sec.n_numbers = ncount
    text = decode_strings(data[t0:t1], flags & FLAG_UTF16)
    if scount:
        if scount > len(text) + 1:
            raise CloneDecodeError("%d strings cannot fit in %d code units" % (scount, len(text)))
        parts = text.split(chr(sep))
        if len(parts) != scount:
            raise CloneDecodeError("the text holds %d strings, not %d" % (len(parts), scount))
    else:
        if text:
            raise CloneDecodeError("text without strings")
        parts = []
    strings = iter(parts)
    if text_map is not None and not text.isascii():
        strings = map(text_map, parts)
    sec.strings = strings
    sec.n_strings = scount
    sec.text = text
    transfer = []
    pos = t1
    if flags & FLAG_TRANSFER:
        count, pos = read_len(data, pos)
        if count > size - pos:
            raise CloneDecodeError("transfer count %d larger than the data" % count)
        for _ in range(count):
            kind = data[pos]
            n, pos = read_len(data, pos + 1)
            max_len = None
            if kind == 1:
                max_len, pos = read_len(data, pos)
                if max_len > max_byte_length or n > max_len:
                    raise CloneDecodeError("bad resizable ArrayBuffer lengths %d / %d"
                                           % (n, max_len))
            elif kind != 0:
                raise CloneDecodeError("bad transfer entry kind %d" % kind)
            if n > size - pos:
                raise CloneDecodeError("transferred ArrayBuffer longer than the data")
            transfer.append((bytearray(data[pos:pos + n]), max_len))
            pos += n
    if pos != size:
        raise CloneDecodeError("%d bytes of trailing data" % (size - pos) if pos < size
                               else "truncated data")
    sec.transfer = transfer
    return sec
