"""Python values in the structured-clone format (one codec for the store and the JS side).

``serialize_python(value)`` writes None, bool, int (any size), float, str, bytes /
bytearray / memoryview, list / tuple, dict (str keys), datetime, set / frozenset and
array.array, plus the small records below, with shared references and cycles kept;
``deserialize_python(data)`` reads any structured-clone bytes back into Python
values (JS-only kinds become the records below).  Both are iterative (any depth),
and the decoder is as safe on hostile bytes as the JS one.

Mapping (Python -> tag -> JS):  None -> NULL -> null; int -> INT (or BIGINT beyond
64 bits) -> Number (BigInt); float -> NUMBER; str -> STRING (astral characters as
surrogate pairs); bytes -> ARRAY_BUFFER; list/tuple -> ARRAY; dict -> OBJECT;
datetime -> PYDATETIME -> Date; set -> SET; array.array -> TYPED_ARRAY;
``jsrt.undefined`` -> UNDEFINED.  Reading JS data: Date -> aware UTC datetime (an
invalid Date -> None), Map -> dict (or a list of (key, value) pairs when a key is
unhashable), Set -> set (or list), wrapper objects -> their primitive, typed arrays
-> array.array, DataView -> bytes, RegExp -> :class:`RegExpValue`, Error /
DOMException -> :class:`ErrorValue`, RealmSnapshot -> the RealmSnapshot.

Python strings that contain surrogate code points next to each other do not
survive (the format stores UTF-16 code units, where such a pair is a character).
"""

import array as _array
import datetime as _dt
import gc
import itertools
import math
import operator
import re
import struct
from collections import namedtuple

from .errors import DataCloneError, CloneDecodeError, UnserializableError, MESSAGES, \
    format_path
from .format import (TAGS, ERROR_NAMES, TYPED_ARRAY_NAMES, TYPED_ARRAY_SIZES,
                     len_bytes, read_len, build, parse, split_surrogates, join_surrogates)

__all__ = ["serialize_python", "deserialize_python", "RegExpValue", "ErrorValue"]

RegExpValue = namedtuple("RegExpValue", "source flags")
ErrorValue = namedtuple("ErrorValue", "name message stack")

_MAX_BYTE_LENGTH = 1 << 31
_pack_num = struct.Struct("<Bd").pack
_pack_d = struct.Struct("<d").pack
_pack_q = struct.Struct("<q").pack
_pack_qb = struct.Struct("<qB").pack
_unpack_d = struct.Struct("<d").unpack_from
_unpack_q = struct.Struct("<q").unpack_from
_unpack_qb = struct.Struct("<qB").unpack_from

_B = {name: bytes([tag]) for name, tag in TAGS.items()}
T = TAGS
T_NUMBER = T["NUMBER"]
_SMALL_INTS = {i: _B["INT"] + _pack_q(i) for i in range(-128, 256)}
_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1
_EPOCH = _dt.datetime(1970, 1, 1)
_UTC = _dt.timezone.utc
_ARRAY_KIND = {"b": 0, "B": 1, "h": 3, "H": 4, "i": 5, "I": 6, "f": 7, "d": 8, "q": 9,
               "Q": 10}
_KIND_CODE = tuple(
    c if _array.array(c).itemsize == size else {"i": "l", "I": "L", "q": "l", "Q": "L"}[c]
    for c, size in zip(("b", "B", "B", "h", "H", "i", "I", "f", "d", "q", "Q"),
                       TYPED_ARRAY_SIZES))
for _c, _k in list(_ARRAY_KIND.items()):
    if _array.array(_c).itemsize != TYPED_ARRAY_SIZES[_k]:
        del _ARRAY_KIND[_c]
if _array.array("l").itemsize == 8:
    _ARRAY_KIND.setdefault("l", 9)
    _ARRAY_KIND.setdefault("L", 10)
del _c, _k


def _undefined():
    from ..runtime.values import undefined
    return undefined


# ---------------------------------------------------------------------------
# Encoder
# ---------------------------------------------------------------------------

class _PyEncoder:
    __slots__ = ("out", "nums", "strs", "memo", "keep", "next_id", "shapes", "shape_cache",
                 "keys", "undefined")

    def __init__(self):
        self.out = bytearray()
        self.nums = []
        self.strs = []
        self.memo = {}        # id(container) -> object id
        self.keep = []        # keeps memoized objects alive (ids stay unique)
        self.next_id = 0
        self.shapes = {}
        self.keys = {}
        self.undefined = _undefined()

    def _id(self, v):
        self.memo[id(v)] = self.next_id
        self.keep.append(v)
        self.next_id += 1

    def _str(self, s):
        self.out += _B["STRING"]
        self.strs.append(s if s.isascii() else split_surrogates(s))

    def _shape(self, keys):
        out = self.out
        if not keys:
            out += b"\x00"
            return
        idx = self.shapes.get(keys)
        if idx is not None:
            out += len_bytes(2 * idx + 1)
            return
        self.shapes[keys] = len(self.shapes)
        out += len_bytes(2 * len(keys))
        table = self.keys
        for k in keys:
            ki = table.get(k)
            if ki is None:
                table[k] = len(table)
                out += b"\x00"
                self.strs.append(k if k.isascii() else split_surrogates(k))
            else:
                out += len_bytes(ki + 1)

    def run(self, root):
        out = self.out
        strs = self.strs
        nums = self.nums
        emit = self._emit
        b_num = _B["NUMBER"]
        b_str = _B["STRING"]
        small = _SMALL_INTS
        stack = [[None, iter((root,)), None]]
        try:
            while stack:
                f = stack[-1]
                pushed = None
                for v in f[1]:
                    t = type(v)
                    if t is float:
                        out += b_num
                        nums.append(v)
                        continue
                    if t is str and v.isascii():
                        out += b_str
                        strs.append(v)
                        continue
                    if t is int and -128 <= v < 256:
                        out += small[v]
                        continue
                    f[2] = v
                    pushed = emit(v)
                    if pushed is not None:
                        break
                else:
                    stack.pop()
                    continue
                stack.append(pushed)
        except UnserializableError as e:
            e.path = _py_path(stack)
            e.args = ("cannot serialize %s: %s" % (e.path, e.what),)
            raise
        return bytes(out)

    def _emit(self, v):
        out = self.out
        t = type(v)
        if t is str:
            self._str(v)
        elif t is float:
            out += _B["NUMBER"]
            self.nums.append(v)
        elif t is bool:
            out += _B["TRUE"] if v else _B["FALSE"]
        elif t is int:
            if _INT64_MIN <= v <= _INT64_MAX:
                out += _B["INT"] + _pack_q(v)
            else:
                raw = v.to_bytes((v.bit_length() + 8) // 8, "little", signed=True)
                out += _B["BIGINT"] + len_bytes(len(raw)) + raw
        elif v is None:
            out += _B["NULL"]
        elif t is dict:
            return self._dict(v)
        elif t is list or t is tuple:
            return self._list(v)
        elif t is _dt.datetime:
            self._datetime(v)
        elif t is bytes or t is bytearray or t is memoryview:
            self._id(v)
            b = bytes(v)
            out += _B["ARRAY_BUFFER"] + len_bytes(len(b))
            out += b
        elif v is self.undefined:
            out += _B["UNDEFINED"]
        else:
            return self._other(v)
        return None

    def _datetime(self, v):
        self._id(v)
        aware = v.tzinfo is not None
        if aware:
            v = v.astimezone(_UTC).replace(tzinfo=None)
        d = v - _EPOCH
        us = (d.days * 86400 + d.seconds) * 1000000 + d.microseconds
        self.out += _B["PYDATETIME"] + _pack_qb(us, 1 if aware else 0)

    def _ref(self, v):
        m = self.memo.get(id(v))
        if m is None:
            return False
        self.out += _B["REF"] + len_bytes(m)
        return True

    def _dict(self, d):
        if self._ref(d):
            return None
        self._id(d)
        ks = tuple(d)
        for k in (() if ks in self.shapes else ks):       # known shapes were checked
            if type(k) is not str:
                if not all(isinstance(x, str) for x in ks):
                    bad = next(x for x in ks if not isinstance(x, str))
                    raise UnserializableError(MESSAGES["py_key"] % (bad, type(bad).__name__))
                ks = tuple(str(x) for x in ks)     # str subclasses are stored as str
                break
        self.out += _B["OBJECT"]
        self._shape(ks)
        if not ks:
            return None
        return [d, iter(list(d.values())), None]

    def _list(self, a):
        if self._ref(a):
            return None
        self._id(a)
        n = len(a)
        self.out += _B["ARRAY"] + len_bytes(n) + len_bytes(n) + b"\x00"
        if not n:
            return None
        return [a, iter(list(a)), None]

    def _other(self, v):
        out = self.out
        if isinstance(v, bool):
            out += _B["TRUE"] if v else _B["FALSE"]
        elif isinstance(v, int):
            return self._emit(int(v))
        elif isinstance(v, float):
            out += _B["NUMBER"]
            self.nums.append(float(v))
        elif isinstance(v, str):
            self._str(str(v))
        elif isinstance(v, (dict, list, tuple)):
            if self._ref(v):
                return None
            if isinstance(v, dict):
                plain = dict(v)
            else:
                plain = list(v)
            # the original object owns the id
            pushed = self._dict(plain) if isinstance(v, dict) else self._list(plain)
            self.memo[id(v)] = self.memo.pop(id(plain))
            self.keep.append(v)
            return pushed
        elif isinstance(v, (set, frozenset)):
            if self._ref(v):
                return None
            self._id(v)
            items = list(v)
            out += _B["SET"] + len_bytes(len(items))
            return [v, iter(items), None] if items else None
        elif isinstance(v, _dt.datetime):
            self._datetime(v)
        elif isinstance(v, (bytes, bytearray)):
            return self._emit(bytes(v))
        elif isinstance(v, _array.array):
            ki = _ARRAY_KIND.get(v.typecode)
            if ki is None:
                raise UnserializableError("array.array of type %r has no typed array "
                                          "counterpart" % v.typecode)
            if self._ref(v):
                return None
            raw = v.tobytes()
            out += _B["TYPED_ARRAY"] + bytes([ki])
            self.next_id += 1           # its ArrayBuffer gets an id first
            out += _B["ARRAY_BUFFER"] + len_bytes(len(raw))
            out += raw
            self._id(v)
            out += b"\x00\x00" + len_bytes(len(v))
        elif isinstance(v, RegExpValue):
            self._id(v)
            out += _B["REGEXP"]
            self.strs.append(split_surrogates(v.source))
            self.strs.append(v.flags)
        elif isinstance(v, ErrorValue):
            self._id(v)
            name = v.name if v.name in ERROR_NAMES else "Error"
            flags = (1 if v.message is not None else 0) | (2 if v.stack is not None else 0)
            out += _B["ERROR"] + bytes([ERROR_NAMES.index(name), flags])
            for s in (v.message, v.stack):
                if s is not None:
                    self.strs.append(split_surrogates(str(s)))
        elif type(v).__name__ == "RealmSnapshot" and hasattr(v, "to_bytes"):
            raw = v.to_bytes()
            self._id(v)
            out += _B["REALM_SNAPSHOT"] + len_bytes(len(raw))
            out += raw
        else:
            raise UnserializableError(MESSAGES["py_type"] % ("%s.%s" % (
                type(v).__module__, type(v).__qualname__)))
        return None


def _py_path(stack):
    parts = []
    for f in stack[1:]:
        c = f[0]
        cur = None
        # f[2] is the value being written; find its key in the container
        target = f[2]
        if isinstance(c, dict):
            for k, x in c.items():
                if x is target:
                    cur = k
                    break
        elif isinstance(c, (list, tuple)):
            for i, x in enumerate(c):
                if x is target:
                    cur = i
                    break
        else:
            cur = "<%s item>" % type(c).__name__
        if cur is not None:
            parts.append(cur)
    return format_path(parts, python=True)


def serialize_python(value):
    """Structured-clone bytes for a Python value (see the module docstring)."""
    enc = _PyEncoder()
    try:
        structure = enc.run(value)
    except RecursionError:
        raise DataCloneError("cannot serialize value: it is nested too deeply") from None
    return build(structure, enc.nums, enc.strs)


# ---------------------------------------------------------------------------
# Decoder
# ---------------------------------------------------------------------------

K_ROOT, K_DICT, K_LIST, K_MAP, K_SET = range(5)


class _Absent:
    __slots__ = ()


_ABSENT = _Absent()
_HOLE = _Absent()


def deserialize_python(data):
    """Python values for structured-clone bytes (see the module docstring)."""
    if type(data) is not bytes:
        try:
            data = bytes(data)
        except Exception:
            raise DataCloneError("deserialize_python() needs bytes, not %s"
                                 % type(data).__name__) from None
    gc_was = gc.isenabled() and len(data) > (1 << 16)
    if gc_was:
        gc.disable()
    try:
        sec = parse(data, _MAX_BYTE_LENGTH, join_surrogates)
        v = _decode(sec, [bytes(d) for d, m in sec.transfer])
        sec.check_done()
        return v
    except DataCloneError:
        raise
    except StopIteration:
        raise CloneDecodeError("the structure uses more numbers or strings than the data has") \
            from None
    except (IndexError, struct.error, ValueError, OverflowError, UnicodeError, MemoryError,
            KeyError, RecursionError) as e:
        raise CloneDecodeError("malformed data (%s: %s)" % (type(e).__name__, e)) from None
    except Exception as e:
        raise CloneDecodeError("internal error: %s: %s" % (type(e).__name__, e)) from None
    finally:
        if gc_was:
            gc.enable()


_SIMPLE_TAGS = bytes([T_NUMBER, T["STRING"], T["TRUE"], T["FALSE"], T["NULL"],
                      T["UNDEFINED"]])
_PY_EXPR = {T_NUMBER: "N()", T["STRING"]: "S()", T["TRUE"]: "True", T["FALSE"]: "False",
            T["NULL"]: "None", T["UNDEFINED"]: "undefined"}
_PY_PLANS = {}


def _py_plan(pattern):
    """A function building the dict for this all-simple tag pattern (fixed fragments only),
    or False once the cache is full (then the generic loop reads it)."""
    if len(_PY_PLANS) >= 2048:
        return False
    src = "def plan(ks, N, S):\n    return {%s}\n" % ", ".join(
        "ks[%d]: %s" % (i, _PY_EXPR[t]) for i, t in enumerate(pattern))
    ns = {"undefined": _undefined(), "__builtins__": {}}
    exec(compile(src, "<clone plan>", "exec"), ns)
    plan = ns["plan"]
    if len(_PY_PLANS) < 2048:
        _PY_PLANS[pattern] = plan
    return plan


_RUN = re.compile(b"[NSTF0_]+")
_RUN_ARR = re.compile(b"[NSTF0_h]+")


def _decode(sec, transferred):
    sd = sec.structure
    end = len(sd)
    num_it = sec.numbers
    num_next = num_it.__next__
    str_it = sec.strings
    str_next = str_it.__next__
    undefined = _undefined()
    table = [None] * 256
    table[T_NUMBER] = num_next
    table[T["STRING"]] = str_next
    table[T["TRUE"]] = itertools.repeat(True).__next__
    table[T["FALSE"]] = itertools.repeat(False).__next__
    table[T["NULL"]] = itertools.repeat(None).__next__
    table[T["UNDEFINED"]] = itertools.repeat(undefined).__next__
    table[T["HOLE"]] = itertools.repeat(_HOLE).__next__
    gi = table.__getitem__
    call = operator.call
    T_STR = T["STRING"]
    run = _RUN.match
    run_arr = _RUN_ARR.match
    pos = 0
    objs = []
    keys = []
    shapes = []
    stack = []
    c_kind, c_obj, c_vals, left, c_aux = K_ROOT, None, [], 1, None
    root_vals = c_vals
    while True:
        while left:
            tag = sd[pos]
            if tag == T_NUMBER:
                c_vals.append(num_next())
                pos += 1
                left -= 1
                continue
            if tag == T_STR:
                c_vals.append(str_next())
                pos += 1
                left -= 1
                continue
            if left < 4 or gi(tag) is None:
                m = None        # short or not simple: item by item
            elif c_kind == K_LIST and len(c_vals) < c_aux[0]:
                m = run_arr(sd, pos, pos + min(left, c_aux[0] - len(c_vals)))
            else:
                m = run(sd, pos, pos + left)
            if m is not None:
                e = m.end()
                k = e - pos
                got = list(map(call, map(gi, sd[pos:e])))
                if len(got) != k:
                    raise CloneDecodeError("the structure uses more numbers or strings than "
                                           "the data has", pos)
                c_vals += got
                pos = e
                left -= k
                if not left:
                    break
            tag = sd[pos]
            pos += 1
            left -= 1
            g = gi(tag)
            if g is not None and (tag != T["HOLE"] or (c_kind == K_LIST and
                                                       len(c_vals) < c_aux[0])):
                c_vals.append(g())
                continue
            if tag == T["INT"]:
                v = _unpack_q(sd, pos)[0]
                pos += 8
            elif tag == T["OBJECT"] or tag == T["ARRAY"]:
                if tag == T["ARRAY"]:
                    length, pos = read_len(sd, pos)
                    n, pos = read_len(sd, pos)
                    if length > 4294967295 or n > length:
                        raise CloneDecodeError("bad array length", pos)
                ks, pos = _read_shape(sd, pos, str_next, keys, shapes)
                if tag == T["OBJECT"]:
                    nk = len(ks)
                    if 0 < nk <= 48:
                        # a dict of simple values: built by a plan (see deserializer.py)
                        pat = sd[pos:pos + nk]
                        plan = _PY_PLANS.get(pat)
                        if plan is None and len(pat) == nk and not pat.translate(
                                None, _SIMPLE_TAGS):
                            plan = _py_plan(pat)
                        if plan:
                            o = plan(ks, num_next, str_next)
                            objs.append(o)
                            pos += nk
                            c_vals.append(o)
                            continue
                    o = {}
                    objs.append(o)
                    if ks:
                        stack.append((c_kind, c_obj, c_vals, left, c_aux))
                        c_kind, c_obj, c_vals, left, c_aux = K_DICT, o, [], len(ks), ks
                        continue
                else:
                    o = []
                    objs.append(o)
                    if n or ks or length:
                        stack.append((c_kind, c_obj, c_vals, left, c_aux))
                        c_kind, c_obj, c_vals, left, c_aux = K_LIST, o, [], n + len(ks), \
                            (n, length, ks)
                        continue
                v = o
            elif tag == T["REF"]:
                n, pos = read_len(sd, pos)
                if n >= len(objs):
                    raise CloneDecodeError("back-reference to object %d, which does not exist yet"
                                           % n, pos)
                v = objs[n]
            elif tag == T["HOLE"]:
                raise CloneDecodeError("a hole outside the elements of an array", pos)
            elif tag == T["ABSENT"]:
                if c_kind != K_DICT and c_kind != K_LIST:
                    raise CloneDecodeError("an absent property outside an object", pos)
                v = _ABSENT
            elif tag == T["MAP"] or tag == T["SET"]:
                n, pos = read_len(sd, pos)
                o = {} if tag == T["MAP"] else set()
                idx = len(objs)
                objs.append(o)
                cnt = 2 * n if tag == T["MAP"] else n
                if cnt:
                    stack.append((c_kind, c_obj, c_vals, left, c_aux))
                    c_kind, c_obj, c_vals, left, c_aux = (K_MAP if tag == T["MAP"] else K_SET,
                                                          o, [], cnt, idx)
                    continue
                v = o
            elif tag == T["BIGINT"]:
                v, pos = _read_bigint(sd, pos)
            elif tag == T["NUMBER_ARRAY"] or tag == T["STRING_ARRAY"]:
                n, pos = read_len(sd, pos)
                v = list(itertools.islice(num_it if tag == T["NUMBER_ARRAY"] else str_it, n))
                if len(v) != n:
                    raise CloneDecodeError("number array longer than the numbers section", pos)
                objs.append(v)
            else:
                v, pos = _leaf(tag, sd, pos, num_next, str_next, objs, transferred)
            c_vals.append(v)
        if c_kind == K_DICT:
            if _ABSENT in c_vals:
                c_obj.update((k, v) for k, v in zip(c_aux, c_vals) if v is not _ABSENT)
            else:
                c_obj.update(zip(c_aux, c_vals))
        elif c_kind == K_LIST:
            n, length, ks = c_aux
            dense = [undefined if v is _HOLE or v is _ABSENT else v for v in c_vals[:n]]
            if length > n:
                if length - n > max(n, 16):
                    raise CloneDecodeError("a sparse array of length %d cannot be a "
                                           "Python list" % length)
                dense.extend([undefined] * (length - n))
            c_obj.extend(dense)
        elif c_kind == K_MAP:
            pairs = [(c_vals[i], c_vals[i + 1]) for i in range(0, len(c_vals), 2)]
            try:
                c_obj.update(pairs)
            except TypeError:
                # an unhashable key: keep the entries as a list of pairs
                c_obj = pairs
                objs[c_aux] = pairs
        elif c_kind == K_SET:
            try:
                c_obj.update(c_vals)
            except TypeError:
                c_obj = list(c_vals)
                objs[c_aux] = c_obj
        else:
            break
        v = c_obj
        c_kind, c_obj, c_vals, left, c_aux = stack.pop()
        c_vals.append(v)
    if pos != end:
        raise CloneDecodeError("%d bytes of structure left after the value" % (end - pos), pos)
    return root_vals[0]


def _read_shape(sd, pos, str_next, keys, shapes):
    k, pos = read_len(sd, pos)
    if k == 0:
        return (), pos
    if k & 1:
        i = k >> 1
        if i >= len(shapes):
            raise CloneDecodeError("reference to shape %d, which does not exist yet" % i, pos)
        return shapes[i], pos
    count = k >> 1
    if count > len(sd) - pos:
        raise CloneDecodeError("shape of %d keys larger than the data" % count, pos)
    out = []
    for _ in range(count):
        j, pos = read_len(sd, pos)
        if j == 0:
            key = str_next()
            keys.append(key)
            out.append(key)
        else:
            if j > len(keys):
                raise CloneDecodeError("reference to key %d, which does not exist yet" % (j - 1),
                                       pos)
            out.append(keys[j - 1])
    ks = tuple(out)
    shapes.append(ks)
    return ks, pos


def _read_bigint(sd, pos):
    n, pos = read_len(sd, pos)
    if n > len(sd) - pos:
        raise CloneDecodeError("BigInt longer than the data", pos)
    return int.from_bytes(sd[pos:pos + n], "little", signed=True), pos + n


def _ms_to_datetime(ms):
    if ms != ms or ms in (math.inf, -math.inf) or abs(ms) > 8.64e15:
        return None
    try:
        return _EPOCH.replace(tzinfo=_UTC) + _dt.timedelta(milliseconds=int(ms))
    except OverflowError:
        return None


def _leaf(tag, sd, pos, num_next, str_next, objs, transferred):
    if tag == T["PYDATETIME"]:
        us, aware = _unpack_qb(sd, pos)
        if aware > 1:
            raise CloneDecodeError("bad datetime flag %d" % aware, pos)
        try:
            v = _EPOCH + _dt.timedelta(microseconds=us)
        except OverflowError:
            raise CloneDecodeError("datetime out of range", pos) from None
        if aware:
            v = v.replace(tzinfo=_UTC)
        objs.append(v)
        return v, pos + 9
    if tag == T["DATE"]:
        v = _ms_to_datetime(_unpack_d(sd, pos)[0])
        objs.append(v)
        return v, pos + 8
    if tag == T["STRING_OBJECT"]:
        v = str_next()
        objs.append(v)
        return v, pos
    if tag == T["NUMBER_OBJECT"]:
        v = _unpack_d(sd, pos)[0]
        objs.append(v)
        return v, pos + 8
    if tag == T["BOOLEAN_OBJECT"]:
        b = sd[pos]
        if b > 1:
            raise CloneDecodeError("bad Boolean object value %d" % b, pos)
        objs.append(b == 1)
        return b == 1, pos + 1
    if tag == T["BIGINT_OBJECT"]:
        v, pos = _read_bigint(sd, pos)
        objs.append(v)
        return v, pos
    if tag == T["REGEXP"]:
        src = str_next()
        flags = str_next()
        v = RegExpValue(src, flags)
        objs.append(v)
        return v, pos
    if tag in (T["ARRAY_BUFFER"], T["RESIZABLE_ARRAY_BUFFER"]):
        v, pos = _read_buffer(tag, sd, pos)
        objs.append(v)
        return v, pos
    if tag == T["TYPED_ARRAY"] or tag == T["DATA_VIEW"]:
        ki = None
        if tag == T["TYPED_ARRAY"]:
            ki = sd[pos]
            pos += 1
            if ki >= len(TYPED_ARRAY_NAMES):
                raise CloneDecodeError("unknown typed array type %d" % ki, pos)
        btag = sd[pos]
        pos += 1
        if btag in (T["ARRAY_BUFFER"], T["RESIZABLE_ARRAY_BUFFER"]):
            buf, pos = _read_buffer(btag, sd, pos)
            objs.append(buf)
        elif btag == T["REF"]:
            i, pos = read_len(sd, pos)
            if i >= len(objs) or type(objs[i]) is not bytes:
                raise CloneDecodeError("a view over something that is not an ArrayBuffer", pos)
            buf = objs[i]
        elif btag == T["TRANSFER"]:
            i, pos = read_len(sd, pos)
            if i >= len(transferred):
                raise CloneDecodeError("transfer index %d out of range" % i, pos)
            buf = transferred[i]
        else:
            raise CloneDecodeError("a view needs an ArrayBuffer", pos)
        offset, pos = read_len(sd, pos)
        flag = sd[pos]
        pos += 1
        size = TYPED_ARRAY_SIZES[ki] if ki is not None else 1
        if flag == 0:
            length, pos = read_len(sd, pos)
            nbytes = length * size
        elif flag == 1:
            nbytes = (len(buf) - offset) // size * size if offset <= len(buf) else -1
        else:
            raise CloneDecodeError("bad view flag %d" % flag, pos)
        if offset % size or nbytes < 0 or offset + nbytes > len(buf):
            raise CloneDecodeError("view out of the bounds of its ArrayBuffer", pos)
        window = buf[offset:offset + nbytes]
        if ki is None:
            v = window
        else:
            v = _array.array(_KIND_CODE[ki])
            v.frombytes(window)
        objs.append(v)
        return v, pos
    if tag == T["ERROR"]:
        idx = sd[pos]
        flags = sd[pos + 1]
        pos += 2
        if idx >= len(ERROR_NAMES) or flags > 3:
            raise CloneDecodeError("bad Error record", pos)
        msg = stack = None
        if flags & 1:
            msg = str_next()
        if flags & 2:
            stack = str_next()
        v = ErrorValue(ERROR_NAMES[idx], msg, stack)
        objs.append(v)
        return v, pos
    if tag == T["DOM_EXCEPTION"]:
        name = str_next()
        msg = str_next()
        v = ErrorValue(name, msg, None)
        objs.append(v)
        return v, pos
    if tag == T["REALM_SNAPSHOT"]:
        n, pos = read_len(sd, pos)
        if n > len(sd) - pos:
            raise CloneDecodeError("RealmSnapshot longer than the data", pos)
        try:
            from ..snapshot import RealmSnapshot
        except ImportError:
            raise DataCloneError("RealmSnapshot is not available in this jsrt") from None
        try:
            v = RealmSnapshot.from_bytes(bytes(sd[pos:pos + n]))
        except Exception as e:
            raise CloneDecodeError("RealmSnapshot bytes rejected: %s" % e) from None
        objs.append(v)
        return v, pos + n
    if tag == T["TRANSFER"]:
        i, pos = read_len(sd, pos)
        if i >= len(transferred):
            raise CloneDecodeError("transfer index %d out of range" % i, pos)
        return transferred[i], pos
    raise CloneDecodeError("unknown tag 0x%02x" % tag, pos - 1)


def _read_buffer(tag, sd, pos):
    n, pos = read_len(sd, pos)
    if tag == T["RESIZABLE_ARRAY_BUFFER"]:
        max_len, pos = read_len(sd, pos)
        if max_len > _MAX_BYTE_LENGTH or n > max_len:
            raise CloneDecodeError("bad resizable ArrayBuffer lengths", pos)
    if n > len(sd) - pos:
        raise CloneDecodeError("ArrayBuffer longer than the data", pos)
    return bytes(sd[pos:pos + n]), pos + n
