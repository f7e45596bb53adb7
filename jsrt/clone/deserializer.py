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

import functools
import gc
import itertools
import math
import operator
import struct

from ..runtime.values import undefined, null, HOLE, JSBigInt
from ..runtime.objects import (JSObject, JSArray, JSPrimitiveObject, JSStringObject,
                               JSErrorObject, JSDateObject, Desc, W, C, array_index)
from ..runtime.errors import JSThrow
from ..builtins.typedarray import (JSArrayBuffer, JSTypedArray, JSDataView, KINDS,
                                   MAX_BYTE_LENGTH)
from .errors import DataCloneError, CloneDecodeError
from .format import TAGS, ERROR_NAMES, parse, read_len

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
T_STRING_ARRAY = T["STRING_ARRAY"]

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
    gc_was = gc.isenabled() and len(data) > GC_PAUSE_BYTES
    if gc_was:
        gc.disable()            # no collections while creating thousands of objects
    try:
        sec = parse(data, MAX_BYTE_LENGTH)
        holders = sec.transfer
        if transferred:
            if holders:
                raise CloneDecodeError("transfer data both in band and out of band")
            holders = transferred
        # StructuredDeserializeWithTransfer step 3: the transferred buffers first.
        abp = realm.intrinsics["%ArrayBuffer.prototype%"]
        buffers = [JSArrayBuffer(abp, d, m) for d, m in holders]
        v = _decode(realm, sec, buffers)
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
    except JSThrow as e:
        raise CloneDecodeError("malformed data (%s)" % e) from None
    except Exception as e:  # a bug; still a DataCloneError for the caller
        raise CloneDecodeError("internal error: %s: %s" % (type(e).__name__, e)) from None
    finally:
        if gc_was:
            gc.enable()


#: Inputs larger than this decode with the cyclic GC paused (it would otherwise scan
#: the growing heap again and again while tens of thousands of objects are created).
GC_PAUSE_BYTES = 1 << 16

# Fast object creation: JSObject / JSArray without their Python __init__ (the decoder
# creates tens of thousands).  Used only while the slot layout is the one written here.
_NEW = object.__new__
#: Containers with at least this many items read their leading simple items in bulk.
BULK_MIN = 16

_FAST_NEW = (set(JSObject.__slots__) == {"props", "flags", "proto", "extensible",
                                          "__weakref__"}
             and set(JSArray.__slots__) == {"arr", "alen", "len_writable"})

_FAST_DATE = _FAST_NEW and JSDateObject.__slots__ == ("tv",)

# Container kinds whose items may include ABSENT (filtered when they finish).
K_OBJ_ABSENT = 5
K_ARR_SIMPLE = 6        # length == dense count, no extra keys: arr is filled in place


class _Stop:
    """What the getter table gives for a tag that is not a simple leaf."""
    __slots__ = ()


STOP = _Stop()
_call = operator.call
_islice = itertools.islice
_takewhile = itertools.takewhile
_not_stop = functools.partial(operator.is_not, STOP)
_STOP_GETTER = itertools.repeat(STOP).__next__


# -- decode plans -------------------------------------------------------------------
# A leaf-only object (or Array) is built by a small function made for its tag pattern,
# e.g. pattern b"NSS" -> ``lambda ks, N, S: {ks[0]: N(), ks[1]: S(), ks[2]: S()}``: one
# dict display instead of a loop.  The source is assembled from this fixed table of
# expressions only (never from keys or other data), and the cache is bounded.
_PLAN_EXPR = {T_NUMBER: "N()", T_STRING: "S()", T_TRUE: "True", T_FALSE: "False",
              T_NULL: "null", T_UNDEFINED: "undefined"}
_SIMPLE_TAGS = bytes([T_NUMBER, T_STRING, T_TRUE, T_FALSE, T_NULL, T_UNDEFINED])
_SIMPLE_TAGS_H = _SIMPLE_TAGS + bytes([T_HOLE])
_PLAN_NS = {"null": null, "undefined": undefined, "HOLE": HOLE, "__builtins__": {}}
PLAN_MAX_ITEMS = 48
PLAN_CACHE_MAX = 2048
_OBJ_PLANS = {}
_ARR_PLANS = {}


def _obj_plan(pattern):
    """The plan for an object whose values have these tags, or False."""
    plan = _OBJ_PLANS.get(pattern)
    if plan is not None:
        return plan
    if len(_OBJ_PLANS) >= PLAN_CACHE_MAX:
        return False            # cache full: the generic loop (never compile per object)
    exprs = [_PLAN_EXPR.get(t) for t in pattern]
    if None in exprs:
        return False
    else:
        src = "def plan(ks, N, S):\n    return {%s}\n" % ", ".join(
            "ks[%d]: %s" % (i, e) for i, e in enumerate(exprs))
        ns = dict(_PLAN_NS)
        exec(compile(src, "<clone plan>", "exec"), ns)
        plan = ns["plan"]
    if len(_OBJ_PLANS) < PLAN_CACHE_MAX:
        _OBJ_PLANS[pattern] = plan
    return plan


def _arr_plan(pattern):
    """The plan for an Array whose elements have these tags (holes allowed), or False."""
    plan = _ARR_PLANS.get(pattern)
    if plan is not None:
        return plan
    if len(_ARR_PLANS) >= PLAN_CACHE_MAX:
        return False
    exprs = [_PLAN_EXPR.get(t) if t != T_HOLE else "HOLE" for t in pattern]
    if None in exprs:
        return False
    else:
        src = "def plan(N, S):\n    return [%s]\n" % ", ".join(exprs)
        ns = dict(_PLAN_NS)
        exec(compile(src, "<clone plan>", "exec"), ns)
        plan = ns["plan"]
    if len(_ARR_PLANS) < PLAN_CACHE_MAX:
        _ARR_PLANS[pattern] = plan
    return plan


def _getters(sec, holes):
    """tag byte -> a zero-argument C-level callable giving that simple leaf's value, or
    STOP for any other tag (without consuming anything)."""
    table = [_STOP_GETTER] * 256
    table[T_NUMBER] = sec.numbers.__next__
    table[T_STRING] = sec.strings.__next__
    table[T_TRUE] = itertools.repeat(True).__next__
    table[T_FALSE] = itertools.repeat(False).__next__
    table[T_NULL] = itertools.repeat(null).__next__
    table[T_UNDEFINED] = itertools.repeat(undefined).__next__
    if holes:
        table[T_HOLE] = itertools.repeat(HOLE).__next__
    return table.__getitem__


def _decode(realm, sec, buffers):
    intr = realm.intrinsics
    obj_proto = intr["%Object.prototype%"]
    arr_proto = intr["%Array.prototype%"]
    date_proto = intr.get("%Date.prototype%")
    sd = sec.structure
    mv = memoryview(sd)         # bulk runs iterate slices of it without copying
    end = len(sd)
    num_it = sec.numbers
    num_next = num_it.__next__
    str_it = sec.strings
    str_next = str_it.__next__
    gi = _getters(sec, False)
    gi_arr = _getters(sec, True)
    call = _call
    takewhile = _takewhile
    not_stop = _not_stop
    pos = 0
    objs = []
    keys = []
    shapes = []
    stack = []
    c_kind = K_ROOT
    c_obj = None
    c_vals = []
    c_aux = None
    left = 1
    root_vals = c_vals
    app = c_vals.append
    objs_append = objs.append
    unpack = struct.unpack_from
    fast = _FAST_NEW
    new = _NEW
    t_obj = JSObject
    t_arr = JSArray
    t_date = JSDateObject
    fast_date = _FAST_DATE
    obj_plans = _OBJ_PLANS
    arr_plans = _ARR_PLANS
    try:
        from ..builtins.collections import JSMap, JSSet
    except ImportError:
        JSMap = JSSet = None
    map_proto = intr.get("%Map.prototype%")
    if map_proto is None:
        JSMap = None

    def leaf_prefix(p, n, ga, holes):
        """Read up to n leaf items at p -- simple leaves, number and string arrays,
        Dates, back-references, objects with a known shape of simple values -- and stop
        before anything else.  Returns (items read, new position)."""
        k = 0
        while k < n:
            t2 = sd[p]
            if t2 == T_NUMBER:
                ga(num_next())
                p += 1
            elif t2 == T_STRING:
                ga(str_next())
                p += 1
            elif t2 == T_OBJECT:
                kk = sd[p + 1]
                if not kk & 1 or kk >= 254:
                    break
                ks2 = shapes[kk >> 1]
                n2 = len(ks2)
                if not n2 or n2 > PLAN_MAX_ITEMS:
                    break
                pat = sd[p + 2:p + 2 + n2]
                plan = obj_plans.get(pat)
                if plan is None:
                    if len(pat) != n2 or pat.translate(None, _SIMPLE_TAGS):
                        break
                    plan = _obj_plan(pat)
                if not plan:
                    break
                if fast:
                    o2 = new(t_obj)
                    o2.flags = None
                    o2.proto = obj_proto
                    o2.extensible = True
                else:
                    o2 = JSObject(obj_proto)
                objs_append(o2)
                o2.props = plan(ks2, num_next, str_next)
                ga(o2)
                p += 2 + n2
            elif t2 == T_TRUE:
                ga(True)
                p += 1
            elif t2 == T_FALSE:
                ga(False)
                p += 1
            elif t2 == T_NULL:
                ga(null)
                p += 1
            elif t2 == T_UNDEFINED:
                ga(undefined)
                p += 1
            elif t2 == T_HOLE and holes:
                ga(HOLE)
                p += 1
            elif t2 == T_REF:
                m2 = sd[p + 1]
                if m2 >= 254 or m2 >= len(objs):
                    break
                ga(objs[m2])
                p += 2
            elif t2 == T_NUMBER_ARRAY or t2 == T_STRING_ARRAY:
                m2 = sd[p + 1]
                if m2 >= 254:
                    break
                vals2 = list(_islice(num_it if t2 == T_NUMBER_ARRAY else str_it, m2))
                if len(vals2) != m2:
                    break           # the main loop reports it
                if fast:
                    a2 = new(t_arr)
                    a2.props = {}
                    a2.flags = None
                    a2.proto = arr_proto
                    a2.extensible = True
                    a2.arr = vals2
                    a2.alen = 0
                    a2.len_writable = True
                else:
                    a2 = JSArray(arr_proto, vals2)
                objs_append(a2)
                ga(a2)
                p += 2
            elif t2 == T_MAP and JSMap is not None:
                # a small Map of simple keys and values, built right here
                m2 = sd[p + 1]
                if not m2 or m2 > 8:
                    break
                pat = sd[p + 2:p + 2 + 2 * m2]
                if len(pat) != 2 * m2 or pat.translate(None, _SIMPLE_TAGS):
                    break
                plan = arr_plans.get(pat)
                if plan is None:
                    plan = _arr_plan(pat)
                if not plan:
                    break
                items = plan(num_next, str_next)
                o2 = JSMap(map_proto)
                objs_append(o2)
                ms = o2.map_set
                for j in range(0, 2 * m2, 2):
                    ms(items[j], items[j + 1])
                ga(o2)
                p += 2 + 2 * m2
            elif t2 == T_DATE and fast_date:
                tv = unpack("<d", sd, p + 1)[0]
                if tv != tv or not -8.64e15 <= tv <= 8.64e15:
                    tv = math.nan
                else:
                    tv = float(int(tv)) + 0.0
                o2 = new(t_date)
                o2.props = {}
                o2.flags = None
                o2.proto = date_proto
                o2.extensible = True
                o2.tv = tv
                objs_append(o2)
                ga(o2)
                p += 9
            else:
                break
            k += 1
        return k, p

    while True:
        while left:
            tag = sd[pos]
            pos += 1
            left -= 1
            if tag == T_NUMBER:
                app(num_next())
            elif tag == T_STRING:
                app(str_next())
            elif tag == T_OBJECT:
                k = sd[pos]
                if k & 1 and k < 254:
                    ks = shapes[k >> 1]
                    pos += 1
                elif k == 0:
                    ks = ()
                    pos += 1
                else:
                    ks, pos = _read_shape(sd, pos, str_next, keys, shapes)
                if fast:
                    o = new(t_obj)
                    o.flags = None
                    o.proto = obj_proto
                    o.extensible = True
                else:
                    o = JSObject(obj_proto)
                objs_append(o)
                n = len(ks)
                if not n:
                    o.props = {}
                    app(o)
                    continue
                if n <= PLAN_MAX_ITEMS:
                    pat = sd[pos:pos + n]
                    plan = obj_plans.get(pat)
                    if plan is None:
                        # only all-simple patterns get (and are cached with) a plan
                        plan = _obj_plan(pat) if (len(pat) == n and not pat.translate(
                            None, _SIMPLE_TAGS)) else False
                    if plan:
                        o.props = plan(ks, num_next, str_next)
                        pos += n
                        app(o)
                        continue
                # the leaf values at the start: in bulk when there are many
                if n >= BULK_MIN:
                    got = list(takewhile(not_stop, map(call, map(gi, mv[pos:pos + n]))))
                    pos += len(got)
                else:
                    got = []
                    k, pos = leaf_prefix(pos, n, got.append, False)
                if len(got) == n:
                    o.props = dict(zip(ks, got))        # all simple: no frame
                    app(o)
                    continue
                stack.append((c_kind, c_obj, c_vals, left, c_aux))
                c_kind = K_OBJ
                c_obj = o
                c_vals = got
                app = got.append
                left = n - len(got)
                c_aux = ks
            elif tag == T_TRUE:
                app(True)
            elif tag == T_FALSE:
                app(False)
            elif tag == T_NULL:
                app(null)
            elif tag == T_UNDEFINED:
                app(undefined)
            elif tag == T_REF:
                n = sd[pos]
                pos += 1
                if n >= 254:
                    n, pos = read_len(sd, pos - 1)
                if n >= len(objs):
                    raise CloneDecodeError("back-reference to object %d, which does not exist "
                                           "yet" % n, pos)
                app(objs[n])
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
                    ks, pos = _read_shape(sd, pos, str_next, keys, shapes)
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
                    simple = n == length and not ks
                    if simple and n <= PLAN_MAX_ITEMS:
                        pat = sd[pos:pos + n]
                        plan = arr_plans.get(pat)
                        if plan is None:
                            plan = _arr_plan(pat) if (len(pat) == n and not pat.translate(
                                None, _SIMPLE_TAGS_H)) else False
                        if plan:
                            a.arr = plan(num_next, str_next)
                            pos += n
                            app(a)
                            continue
                    # the leaf elements at the start: in bulk when there are many
                    if n >= BULK_MIN:
                        vals += takewhile(not_stop, map(call, map(gi_arr, mv[pos:pos + n])))
                        pos += len(vals)
                    else:
                        k, pos = leaf_prefix(pos, n, vals.append, True)
                    if simple and len(vals) == n:
                        app(a)
                        continue
                    stack.append((c_kind, c_obj, c_vals, left, c_aux))
                    c_kind = K_ARR_SIMPLE if simple else K_ARR
                    c_obj = a
                    c_vals = vals
                    app = vals.append
                    left = n + len(ks) - len(vals)
                    c_aux = (n, length, ks)
                    continue
                if length:
                    _finish_array(a, vals, (0, length, ()))
                app(a)
            elif tag == T_NUMBER_ARRAY:
                n = sd[pos]
                pos += 1
                if n >= 254:
                    n, pos = read_len(sd, pos - 1)
                vals = list(_islice(num_it, n))
                if len(vals) != n:
                    raise CloneDecodeError("number array longer than the numbers section", pos)
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
            elif tag == T_STRING_ARRAY:
                n = sd[pos]
                pos += 1
                if n >= 254:
                    n, pos = read_len(sd, pos - 1)
                vals = list(_islice(str_it, n))
                if len(vals) != n:
                    raise CloneDecodeError("string array longer than the strings section", pos)
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
                t = unpack("<d", sd, pos)[0]
                pos += 8
                if t != t or not -8.64e15 <= t <= 8.64e15:
                    t = math.nan
                else:
                    t = float(int(t)) + 0.0
                if date_proto is None:
                    raise DataCloneError("Date is not available in this realm")
                if fast_date:
                    o = new(t_date)
                    o.props = {}
                    o.flags = None
                    o.proto = date_proto
                    o.extensible = True
                    o.tv = t
                else:
                    o = JSDateObject(date_proto, t)
                objs_append(o)
                app(o)
            elif tag == T_HOLE:
                if c_kind == K_ARR_SIMPLE or (c_kind == K_ARR and len(c_vals) < c_aux[0]):
                    app(HOLE)
                else:
                    raise CloneDecodeError("a hole outside the elements of an array", pos)
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
                if tag == T_MAP:
                    o = JSMap(_proto(intr, "%Map.prototype%", "Map"))
                    cnt = 2 * n
                    kind = K_MAP
                else:
                    o = JSSet(_proto(intr, "%Set.prototype%", "Set"))
                    cnt = n
                    kind = K_SET
                objs_append(o)
                if cnt:
                    got = []
                    if cnt < BULK_MIN:
                        k, pos = leaf_prefix(pos, cnt, got.append, False)
                        if len(got) == cnt:
                            if kind == K_MAP:
                                ms = o.map_set
                                for i in range(0, cnt, 2):
                                    ms(got[i], got[i + 1])
                            else:
                                for v in got:
                                    o.set_add(v)
                            app(o)
                            continue
                    stack.append((c_kind, c_obj, c_vals, left, c_aux))
                    c_kind = kind
                    c_obj = o
                    c_vals = got
                    app = got.append
                    left = cnt - len(got)
                    c_aux = None
                    continue
                app(o)
            elif tag == T_INT:
                app(float(_unpack_q(sd, pos)[0]))
                pos += 8
            elif tag == T_BIGINT:
                v, pos = _read_bigint(sd, pos)
                app(JSBigInt(v))
            else:
                v, pos = _decode_leaf(realm, intr, tag, sd, pos, num_next, str_next, objs,
                                      buffers)
                app(v)
        # -- the container is complete: fill it (HTML StructuredDeserialize, "deep")
        if c_kind == K_OBJ:
            c_obj.props = dict(zip(c_aux, c_vals))
        elif c_kind == K_ARR_SIMPLE:
            pass                        # the elements went straight into arr
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
        c_kind, c_obj, c_vals, left, c_aux = stack.pop()
        app = c_vals.append
        app(v)

    if pos != end:
        raise CloneDecodeError("%d bytes of structure left after the value" % (end - pos), pos)
    return root_vals[0]


def _proto(intr, key, what):
    p = intr.get(key)
    if p is None:
        raise DataCloneError("%s is not available in this realm" % what)
    return p


def _read_shape(sd, pos, str_next, keys, shapes):
    """Read SHAPE: (keys tuple, pos)."""
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
        j = sd[pos]
        pos += 1
        if j >= 254:
            j, pos = read_len(sd, pos - 1)
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


def _decode_leaf(realm, intr, tag, sd, pos, num_next, str_next, objs, buffers):
    """Every other tag: (value, pos)."""
    if tag == T["DATE"]:
        o = JSDateObject(_proto(intr, "%Date.prototype%", "Date"), time_clip(_unpack_d(sd, pos)[0]))
        objs.append(o)
        return o, pos + 8
    if tag == T["PYDATETIME"]:
        us, aware = _unpack_qb(sd, pos)
        if aware > 1:
            raise CloneDecodeError("bad datetime flag %d" % aware, pos)
        o = JSDateObject(_proto(intr, "%Date.prototype%", "Date"), time_clip(float(us // 1000)))
        objs.append(o)
        return o, pos + 9
    if tag == T["STRING_OBJECT"]:
        o = JSStringObject(intr["%String.prototype%"], str_next())
        objs.append(o)
        return o, pos
    if tag == T["NUMBER_OBJECT"]:
        o = JSPrimitiveObject(intr["%Number.prototype%"], _unpack_d(sd, pos)[0])
        objs.append(o)
        return o, pos + 8
    if tag == T["BOOLEAN_OBJECT"]:
        b = sd[pos]
        if b > 1:
            raise CloneDecodeError("bad Boolean object value %d" % b, pos)
        o = JSPrimitiveObject(intr["%Boolean.prototype%"], b == 1)
        objs.append(o)
        return o, pos + 1
    if tag == T["BIGINT_OBJECT"]:
        n, pos = _read_bigint(sd, pos)
        o = JSPrimitiveObject(intr["%BigInt.prototype%"], JSBigInt(n))
        objs.append(o)
        return o, pos
    if tag == T["REGEXP"]:
        source = str_next()
        flags = str_next()
        try:
            o = realm.make_regexp(source, flags)
        except JSThrow as e:
            raise CloneDecodeError("invalid RegExp /%s/%s: %s" % (source[:40], flags, e)) \
                from None
        objs.append(o)
        return o, pos
    if tag in (T["ARRAY_BUFFER"], T["RESIZABLE_ARRAY_BUFFER"]):
        b, pos = _read_buffer(intr, tag, sd, pos)
        objs.append(b)
        return b, pos
    if tag == T["TYPED_ARRAY"] or tag == T["DATA_VIEW"]:
        return _read_view(intr, tag, sd, pos, objs, buffers)
    if tag == T["ERROR"]:
        idx = sd[pos]
        flags = sd[pos + 1]
        pos += 2
        if idx >= len(ERROR_NAMES) or flags > 3:
            raise CloneDecodeError("bad Error record (%d, %d)" % (idx, flags), pos)
        name = ERROR_NAMES[idx]
        o = JSErrorObject(intr["%" + name + ".prototype%"])
        if flags & 1:
            o._store("message", str_next(), W | C)
        if flags & 2:
            o._store("stack", str_next(), W | C)
        objs.append(o)
        return o, pos
    if tag == T["DOM_EXCEPTION"]:
        name = str_next()
        msg = str_next()
        from ..builtins.webapi import JSDOMException
        o = JSDOMException(_proto(intr, "%DOMException.prototype%", "DOMException"), msg, name)
        objs.append(o)
        return o, pos
    if tag == T["REALM_SNAPSHOT"]:
        n, pos = read_len(sd, pos)
        if n > len(sd) - pos:
            raise CloneDecodeError("RealmSnapshot longer than the data", pos)
        o = _snapshot_to_js(realm, bytes(sd[pos:pos + n]))
        objs.append(o)
        return o, pos + n
    if tag == T["TRANSFER"]:
        i, pos = read_len(sd, pos)
        if i >= len(buffers):
            raise CloneDecodeError("transfer index %d out of range" % i, pos)
        return buffers[i], pos
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
