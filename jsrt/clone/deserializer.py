"""StructuredDeserialize / StructuredDeserializeWithTransfer (HTML 2.7.6-2.7.7) into a
realm, reading the binary format of :mod:`jsrt.clone.format`.

https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize

Safe on any bytes: one loop with an explicit stack (no recursion); every length is
checked against the bytes that remain before anything is allocated (an Array's
length beyond its elements makes a sparse array, never a list of holes larger than
what the input paid for); malformed input raises :class:`CloneDecodeError` (a
DataCloneError) and nothing else.  Objects are created in the order the serializer
numbered them, so back-references (``REF id``) resolve to the same objects, cycles
included.
"""

import math
import struct

from ..runtime.values import undefined, null, HOLE, JSBigInt
from ..runtime.objects import (JSObject, JSArray, JSPrimitiveObject, JSStringObject,
                               JSErrorObject, JSDateObject, Desc, W, C, array_index)
from ..runtime.errors import JSThrow
from ..builtins.typedarray import (JSArrayBuffer, JSTypedArray, JSDataView, KINDS,
                                   MAX_BYTE_LENGTH)
from .errors import DataCloneError, CloneDecodeError
from .format import TAGS, ERROR_NAMES, parse_header, read_len

__all__ = ["deserialize_js"]

_unpack_d = struct.Struct("<d").unpack_from
_unpack_q = struct.Struct("<q").unpack_from
_unpack_qb = struct.Struct("<qB").unpack_from

T = TAGS
T_NUMBER, T_STRING, T_OBJECT, T_REF = T["NUMBER"], T["STRING"], T["OBJECT"], T["REF"]
T_TRUE, T_FALSE, T_NULL, T_UNDEFINED = T["TRUE"], T["FALSE"], T["NULL"], T["UNDEFINED"]
T_ARRAY, T_MAP, T_SET, T_HOLE, T_ABSENT = T["ARRAY"], T["MAP"], T["SET"], T["HOLE"], T["ABSENT"]
T_INT, T_BIGINT = T["INT"], T["BIGINT"]
T_NUMBER_ARRAY, T_DATE = T["NUMBER_ARRAY"], T["DATE"]

# Container kinds on the stack.
K_ROOT, K_OBJ, K_ARR, K_MAP, K_SET = range(5)


class _Absent:
    """A property deleted during serialization: skipped here."""
    __slots__ = ()


ABSENT = _Absent()
_MAX_ARRAY_LENGTH = 4294967295


def time_clip(t):
    """TimeClip (21.4.1.31)."""
    if t != t or t in (math.inf, -math.inf) or abs(t) > 8.64e15:
        return math.nan
    return float(int(t)) + 0.0


def deserialize_js(realm, data, transferred=None):
    """Deserialize bytes into ``realm``; ``transferred``: out-of-band transfer holders
    [(bytearray, max_len)] from :func:`serialize_js` in the same process."""
    if type(data) is not bytes:
        try:
            data = bytes(data)
        except Exception:
            raise DataCloneError("deserialize() needs bytes, not %s" % type(data).__name__) \
                from None
    try:
        s0, s1, text, in_band = parse_header(data, MAX_BYTE_LENGTH)
        holders = in_band
        if transferred:
            if in_band:
                raise CloneDecodeError("transfer data both in band and out of band")
            holders = transferred
        # StructuredDeserializeWithTransfer step 3: the transferred buffers first.
        abp = realm.intrinsics["%ArrayBuffer.prototype%"]
        buffers = [JSArrayBuffer(abp, d, m) for d, m in holders]
        return _decode(realm, data[s0:s1], text, buffers)
    except DataCloneError:
        raise
    except (IndexError, struct.error, ValueError, OverflowError, UnicodeError, MemoryError,
            KeyError, RecursionError) as e:
        raise CloneDecodeError("malformed data (%s: %s)" % (type(e).__name__, e)) from None
    except JSThrow as e:
        raise CloneDecodeError("malformed data (%s)" % e) from None
    except Exception as e:  # a bug; still a DataCloneError for the caller
        raise CloneDecodeError("internal error: %s: %s" % (type(e).__name__, e)) from None


# Fast object creation: JSObject / JSArray without their Python __init__ (the decoder
# creates tens of thousands).  Used only while the slot layout is the one written here.
_NEW = object.__new__
_FAST_NEW = (set(JSObject.__slots__) == {"props", "flags", "proto", "extensible",
                                          "__weakref__"}
             and set(JSArray.__slots__) == {"arr", "alen", "len_writable"})

# Container kinds whose items may include ABSENT (filtered when they finish).
K_OBJ_ABSENT = 5
K_ARR_SIMPLE = 6        # length == dense count, no extra keys: arr is filled in place


def _decode(realm, sd, text, buffers):
    intr = realm.intrinsics
    obj_proto = intr["%Object.prototype%"]
    arr_proto = intr["%Array.prototype%"]
    date_proto = intr.get("%Date.prototype%")
    end = len(sd)
    tlen = len(text)
    sp = 0
    pos = 0
    objs = []
    keys = []
    shapes = []
    stack = []
    c_kind = K_ROOT
    c_obj = None
    c_vals = []
    c_aux = None
    it = iter(range(1))
    root_vals = c_vals
    app = c_vals.append
    objs_append = objs.append
    unpack_d = _unpack_d
    unpack = struct.unpack_from
    fast = _FAST_NEW
    new = _NEW
    t_obj = JSObject
    t_arr = JSArray
    JSMap = JSSet = None

    while True:
        for _ in it:
            tag = sd[pos]
            pos += 1
            if tag == T_NUMBER:
                app(unpack_d(sd, pos)[0])
                pos += 8
            elif tag == T_STRING:
                n = sd[pos]
                pos += 1
                if n >= 254:
                    n, pos = read_len(sd, pos - 1)
                e = sp + n
                if e > tlen:
                    raise CloneDecodeError("string longer than the strings section", pos)
                app(text[sp:e])
                sp = e
            elif tag == T_OBJECT:
                k = sd[pos]
                if k & 1 and k < 254:
                    ks = shapes[k >> 1]
                    pos += 1
                else:
                    ks, pos, sp = _read_shape(sd, pos, text, sp, keys, shapes)
                if fast:
                    o = new(t_obj)
                    o.flags = None
                    o.proto = obj_proto
                    o.extensible = True
                else:
                    o = JSObject(obj_proto)
                objs_append(o)
                if ks:
                    stack.append((c_kind, c_obj, c_vals, it, c_aux))
                    c_kind = K_OBJ
                    c_obj = o
                    c_vals = []
                    app = c_vals.append
                    it = iter(range(len(ks)))
                    c_aux = ks
                    break
                o.props = {}
                app(o)
            elif tag == T_REF:
                n = sd[pos]
                pos += 1
                if n >= 254:
                    n, pos = read_len(sd, pos - 1)
                if n >= len(objs):
                    raise CloneDecodeError("back-reference to object %d, which does not exist "
                                           "yet" % n, pos)
                app(objs[n])
            elif tag == T_TRUE:
                app(True)
            elif tag == T_FALSE:
                app(False)
            elif tag == T_NULL:
                app(null)
            elif tag == T_UNDEFINED:
                app(undefined)
            elif tag == T_ARRAY:
                length = sd[pos]
                pos += 1
                if length >= 254:
                    length, pos = read_len(sd, pos - 1)
                n = sd[pos]
                pos += 1
                if n >= 254:
                    n, pos = read_len(sd, pos - 1)
                if length > _MAX_ARRAY_LENGTH or n > length:
                    raise CloneDecodeError("bad array length %d (%d elements)" % (length, n),
                                           pos)
                if sd[pos] == 0:
                    ks = ()
                    pos += 1
                else:
                    ks, pos, sp = _read_shape(sd, pos, text, sp, keys, shapes)
                vals = []
                if fast:
                    a = new(t_arr)
                    a.props = {}
                    a.flags = None
                    a.proto = arr_proto
                    a.extensible = True
                    a.arr = vals
                    a.alen = 0
                    a.len_writable = True
                else:
                    a = JSArray(arr_proto, vals)
                objs_append(a)
                if n or ks:
                    stack.append((c_kind, c_obj, c_vals, it, c_aux))
                    c_kind = K_ARR_SIMPLE if (n == length and not ks) else K_ARR
                    c_obj = a
                    c_vals = vals
                    app = vals.append
                    it = iter(range(n + len(ks)))
                    c_aux = (n, length, ks)
                    break
                if length:
                    _finish_array(a, vals, (0, length, ()))
                app(a)
            elif tag == T_NUMBER_ARRAY:
                n = sd[pos]
                pos += 1
                if n >= 254:
                    n, pos = read_len(sd, pos - 1)
                if n > (end - pos) >> 3:
                    raise CloneDecodeError("number array longer than the data", pos)
                vals = list(unpack("<%dd" % n, sd, pos))
                pos += 8 * n
                if fast:
                    a = new(t_arr)
                    a.props = {}
                    a.flags = None
                    a.proto = arr_proto
                    a.extensible = True
                    a.arr = vals
                    a.alen = 0
                    a.len_writable = True
                else:
                    a = JSArray(arr_proto, vals)
                objs_append(a)
                app(a)
            elif tag == T_DATE:
                t = unpack_d(sd, pos)[0]
                pos += 8
                if t != t or not -8.64e15 <= t <= 8.64e15:
                    t = math.nan
                else:
                    t = float(int(t)) + 0.0
                if date_proto is None:
                    raise DataCloneError("Date is not available in this realm")
                o = JSDateObject(date_proto, t)
                objs_append(o)
                app(o)
            elif tag == T_HOLE:
                if (c_kind != K_ARR and c_kind != K_ARR_SIMPLE) or len(c_vals) >= c_aux[0]:
                    raise CloneDecodeError("a hole outside the elements of an array", pos)
                app(HOLE)
            elif tag == T_ABSENT:
                if c_kind == K_OBJ:
                    c_kind = K_OBJ_ABSENT
                elif c_kind == K_ARR_SIMPLE:
                    c_kind = K_ARR
                elif c_kind != K_OBJ_ABSENT and c_kind != K_ARR:
                    raise CloneDecodeError("an absent property outside an object", pos)
                app(ABSENT)
            elif tag == T_MAP or tag == T_SET:
                n = sd[pos]
                pos += 1
                if n >= 254:
                    n, pos = read_len(sd, pos - 1)
                if JSMap is None:
                    from ..builtins.collections import JSMap, JSSet
                if tag == T_MAP:
                    o = JSMap(_proto(intr, "%Map.prototype%", "Map"))
                    left = 2 * n
                    kind = K_MAP
                else:
                    o = JSSet(_proto(intr, "%Set.prototype%", "Set"))
                    left = n
                    kind = K_SET
                objs_append(o)
                if left:
                    stack.append((c_kind, c_obj, c_vals, it, c_aux))
                    c_kind = kind
                    c_obj = o
                    c_vals = []
                    app = c_vals.append
                    it = iter(range(left))
                    c_aux = None
                    break
                app(o)
            elif tag == T_INT:
                app(float(_unpack_q(sd, pos)[0]))
                pos += 8
            elif tag == T_BIGINT:
                v, pos = _read_bigint(sd, pos)
                app(JSBigInt(v))
            else:
                v, pos, sp = _decode_leaf(realm, intr, tag, sd, pos, text, sp, objs, buffers)
                app(v)
        else:
            # -- the container is complete: fill it (HTML StructuredDeserialize, "deep")
            if c_kind == K_OBJ:
                c_obj.props = dict(zip(c_aux, c_vals))
            elif c_kind == K_ARR_SIMPLE:
                pass                    # the elements went straight into arr
            elif c_kind == K_OBJ_ABSENT:
                c_obj.props = {k: v for k, v in zip(c_aux, c_vals) if v is not ABSENT}
            elif c_kind == K_ARR:
                _finish_array(c_obj, c_vals, c_aux)
            elif c_kind == K_MAP:
                ms = c_obj.map_set
                for i in range(0, len(c_vals), 2):
                    ms(c_vals[i], c_vals[i + 1])
            elif c_kind == K_SET:
                sa = c_obj.set_add
                for v in c_vals:
                    sa(v)
            else:
                break
            v = c_obj
            c_kind, c_obj, c_vals, it, c_aux = stack.pop()
            app = c_vals.append
            app(v)

    if pos != end:
        raise CloneDecodeError("%d bytes of structure left after the value" % (end - pos), pos)
    if sp != tlen:
        raise CloneDecodeError("%d code units of the strings section unused" % (tlen - sp))
    return root_vals[0]


def _proto(intr, key, what):
    p = intr.get(key)
    if p is None:
        raise DataCloneError("%s is not available in this realm" % what)
    return p


def _read_shape(sd, pos, text, sp, keys, shapes):
    """Read SHAPE: (keys tuple, pos, sp)."""
    k, pos = read_len(sd, pos)
    if k == 0:
        return (), pos, sp
    if k & 1:
        i = k >> 1
        if i >= len(shapes):
            raise CloneDecodeError("reference to shape %d, which does not exist yet" % i, pos)
        return shapes[i], pos, sp
    count = k >> 1
    if count > len(sd) - pos:
        raise CloneDecodeError("shape of %d keys larger than the data" % count, pos)
    out = []
    tlen = len(text)
    for _ in range(count):
        j, pos = read_len(sd, pos)
        if j & 1:
            i = j >> 1
            if i >= len(keys):
                raise CloneDecodeError("reference to key %d, which does not exist yet" % i, pos)
            out.append(keys[i])
        else:
            m = j >> 1
            if m > tlen - sp:
                raise CloneDecodeError("key longer than the strings section", pos)
            key = text[sp:sp + m]
            sp += m
            keys.append(key)
            out.append(key)
    ks = tuple(out)
    shapes.append(ks)
    return ks, pos, sp


def _read_bigint(sd, pos):
    n, pos = read_len(sd, pos)
    if n > len(sd) - pos:
        raise CloneDecodeError("BigInt longer than the data", pos)
    return int.from_bytes(sd[pos:pos + n], "little", signed=True), pos + n


def _read_string(sd, pos, text, sp):
    n, pos = read_len(sd, pos)
    if n > len(text) - sp:
        raise CloneDecodeError("string longer than the strings section", pos)
    return text[sp:sp + n], pos, sp + n


def _finish_array(a, vals, aux):
    """Fill a deserialized Array: dense elements, length, other properties."""
    n, length, ks = aux
    dense = vals[:n] if len(vals) != n else list(vals)
    if ABSENT in dense:
        dense = [HOLE if v is ABSENT else v for v in dense]
    a.arr = dense
    if length > n:
        if length - n <= max(n, 16):
            dense.extend([HOLE] * (length - n))
        else:
            # Sparse: never allocate more than the input paid for.
            a.to_sparse()
            a.alen = length
    if ks:
        for key, v in zip(ks, vals[n:]):
            if v is ABSENT:
                continue
            if key == "length" or (key[:1].isdigit() and array_index(key) >= 0):
                try:
                    ok = a.define_own_property(key, Desc(value=v, writable=True,
                                                         enumerable=True, configurable=True))
                except JSThrow:
                    ok = False
                if not ok:
                    raise CloneDecodeError("cannot define array property %r" % key)
            else:
                a.props[key] = v


def _decode_leaf(realm, intr, tag, sd, pos, text, sp, objs, buffers):
    """Every other tag: (value, pos, sp)."""
    if tag == T["DATE"]:
        o = JSDateObject(_proto(intr, "%Date.prototype%", "Date"), time_clip(_unpack_d(sd, pos)[0]))
        objs.append(o)
        return o, pos + 8, sp
    if tag == T["PYDATETIME"]:
        us, aware = _unpack_qb(sd, pos)
        if aware > 1:
            raise CloneDecodeError("bad datetime flag %d" % aware, pos)
        o = JSDateObject(_proto(intr, "%Date.prototype%", "Date"), time_clip(float(us // 1000)))
        objs.append(o)
        return o, pos + 9, sp
    if tag == T["STRING_OBJECT"]:
        s, pos, sp = _read_string(sd, pos, text, sp)
        o = JSStringObject(intr["%String.prototype%"], s)
        objs.append(o)
        return o, pos, sp
    if tag == T["NUMBER_OBJECT"]:
        o = JSPrimitiveObject(intr["%Number.prototype%"], _unpack_d(sd, pos)[0])
        objs.append(o)
        return o, pos + 8, sp
    if tag == T["BOOLEAN_OBJECT"]:
        b = sd[pos]
        if b > 1:
            raise CloneDecodeError("bad Boolean object value %d" % b, pos)
        o = JSPrimitiveObject(intr["%Boolean.prototype%"], b == 1)
        objs.append(o)
        return o, pos + 1, sp
    if tag == T["BIGINT_OBJECT"]:
        n, pos = _read_bigint(sd, pos)
        o = JSPrimitiveObject(intr["%BigInt.prototype%"], JSBigInt(n))
        objs.append(o)
        return o, pos, sp
    if tag == T["REGEXP"]:
        n, pos = read_len(sd, pos)
        m, pos = read_len(sd, pos)
        if n + m > len(text) - sp:
            raise CloneDecodeError("RegExp longer than the strings section", pos)
        source = text[sp:sp + n]
        flags = text[sp + n:sp + n + m]
        try:
            o = realm.make_regexp(source, flags)
        except JSThrow as e:
            raise CloneDecodeError("invalid RegExp /%s/%s: %s" % (source[:40], flags, e)) \
                from None
        objs.append(o)
        return o, pos, sp + n + m
    if tag in (T["ARRAY_BUFFER"], T["RESIZABLE_ARRAY_BUFFER"]):
        b, pos = _read_buffer(intr, tag, sd, pos)
        objs.append(b)
        return b, pos, sp
    if tag == T["TYPED_ARRAY"] or tag == T["DATA_VIEW"]:
        return _read_view(intr, tag, sd, pos, objs, buffers) + (sp,)
    if tag == T["ERROR"]:
        idx = sd[pos]
        flags = sd[pos + 1]
        pos += 2
        if idx >= len(ERROR_NAMES) or flags > 3:
            raise CloneDecodeError("bad Error record (%d, %d)" % (idx, flags), pos)
        name = ERROR_NAMES[idx]
        o = JSErrorObject(intr["%" + name + ".prototype%"])
        if flags & 1:
            msg, pos, sp = _read_string(sd, pos, text, sp)
            o._store("message", msg, W | C)
        if flags & 2:
            st, pos, sp = _read_string(sd, pos, text, sp)
            o._store("stack", st, W | C)
        objs.append(o)
        return o, pos, sp
    if tag == T["DOM_EXCEPTION"]:
        name, pos, sp = _read_string(sd, pos, text, sp)
        msg, pos, sp = _read_string(sd, pos, text, sp)
        from ..builtins.webapi import JSDOMException
        o = JSDOMException(_proto(intr, "%DOMException.prototype%", "DOMException"), msg, name)
        objs.append(o)
        return o, pos, sp
    if tag == T["REALM_SNAPSHOT"]:
        n, pos = read_len(sd, pos)
        if n > len(sd) - pos:
            raise CloneDecodeError("RealmSnapshot longer than the data", pos)
        o = _snapshot_to_js(realm, bytes(sd[pos:pos + n]))
        objs.append(o)
        return o, pos + n, sp
    if tag == T["TRANSFER"]:
        i, pos = read_len(sd, pos)
        if i >= len(buffers):
            raise CloneDecodeError("transfer index %d out of range" % i, pos)
        return buffers[i], pos, sp
    raise CloneDecodeError("unknown tag 0x%02x" % tag, pos - 1)


def _read_buffer(intr, tag, sd, pos):
    n, pos = read_len(sd, pos)
    max_len = None
    if tag == T["RESIZABLE_ARRAY_BUFFER"]:
        max_len, pos = read_len(sd, pos)
        if max_len > MAX_BYTE_LENGTH or n > max_len:
            raise CloneDecodeError("bad resizable ArrayBuffer lengths %d / %d" % (n, max_len),
                                   pos)
    if n > len(sd) - pos:
        raise CloneDecodeError("ArrayBuffer longer than the data", pos)
    b = JSArrayBuffer(intr["%ArrayBuffer.prototype%"], bytearray(sd[pos:pos + n]), max_len)
    return b, pos + n


def _read_view(intr, tag, sd, pos, objs, buffers):
    """TYPED_ARRAY / DATA_VIEW: the buffer item, then the view (checked against it)."""
    kind = None
    if tag == T["TYPED_ARRAY"]:
        ki = sd[pos]
        pos += 1
        if ki >= len(KINDS):
            raise CloneDecodeError("unknown typed array type %d" % ki, pos)
        kind = KINDS[ki]
    btag = sd[pos]
    pos += 1
    if btag == T["ARRAY_BUFFER"] or btag == T["RESIZABLE_ARRAY_BUFFER"]:
        buf, pos = _read_buffer(intr, btag, sd, pos)
        objs.append(buf)
    elif btag == T_REF:
        i, pos = read_len(sd, pos)
        if i >= len(objs) or not isinstance(objs[i], JSArrayBuffer):
            raise CloneDecodeError("a view over something that is not an ArrayBuffer", pos)
        buf = objs[i]
    elif btag == T["TRANSFER"]:
        i, pos = read_len(sd, pos)
        if i >= len(buffers):
            raise CloneDecodeError("transfer index %d out of range" % i, pos)
        buf = buffers[i]
    else:
        raise CloneDecodeError("a view needs an ArrayBuffer, not tag 0x%02x" % btag, pos)
    offset, pos = read_len(sd, pos)
    tracking = sd[pos]
    pos += 1
    length = None
    if tracking == 0:
        length, pos = read_len(sd, pos)
    elif tracking != 1:
        raise CloneDecodeError("bad view flag %d" % tracking, pos)
    blen = len(buf.data) if buf.data is not None else -1
    size = kind.size if kind is not None else 1
    if blen < 0 or offset % size or offset > blen or \
            (length is not None and offset + length * size > blen) or \
            (length is None and buf.max_len is None):
        raise CloneDecodeError("view out of the bounds of its ArrayBuffer", pos)
    if kind is not None:
        v = JSTypedArray(intr[kind.proto_key], kind, buf, offset, length)
    else:
        v = JSDataView(intr["%DataView.prototype%"], buf, offset, length)
    objs.append(v)
    return v, pos


def _snapshot_to_js(realm, raw):
    """A RealmSnapshot host object in realm for signed snapshot bytes."""
    try:
        import jsrt.snapshot as snapmod
        cls = getattr(snapmod, "RealmSnapshot")
    except (ImportError, AttributeError):
        raise DataCloneError("RealmSnapshot is not available in this jsrt") from None
    try:
        snap = cls.from_bytes(raw)
    except Exception as e:
        raise CloneDecodeError("RealmSnapshot bytes rejected: %s" % e) from None
    proto = realm.intrinsics.get("%RealmSnapshot.prototype%")
    try:
        from ..builtins.realms import JSRealmSnapshot
    except ImportError:
        JSRealmSnapshot = None
    if proto is None or JSRealmSnapshot is None:
        raise DataCloneError("RealmSnapshot is not available in this realm")
    return JSRealmSnapshot(proto, snap)
