"""PythonValueCodec: round trips, shared references, safety on arbitrary bytes."""

from __future__ import annotations

import datetime as dt
import math
import random
import struct
from collections import OrderedDict
from enum import IntEnum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jsrt.store import MISSING, DataCloneError, PythonValueCodec
from jsrt.store import codec as codec_mod

C = PythonValueCodec()


def same(a, b) -> bool:
    """Structural equality that treats NaN as equal to NaN and checks types."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return a == b


texts = st.text(alphabet=st.characters(blacklist_categories=()), max_size=12)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-(2 ** 70), 2 ** 70),
    st.floats(allow_nan=True), texts, st.binary(max_size=12),
    st.sampled_from(["x" * 300, "😀" * 256, b"\x00" * 300]),
    st.datetimes(min_value=dt.datetime(1, 1, 2)),
    st.datetimes(min_value=dt.datetime(1, 1, 2)).map(lambda d: d.replace(tzinfo=dt.timezone.utc)),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=6),
                               st.dictionaries(texts, children, max_size=6)),
    max_leaves=20)


@settings(max_examples=150, deadline=None)
@given(values)
def test_round_trip(value):
    assert same(C.decode(C.encode(value)), value)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(max_size=10), st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10),
    st.sampled_from(["y" * 400])), max_size=60))
def test_flat_dicts_round_trip_through_both_paths(d):
    data = C.encode(d)
    assert same(C.decode(data), d)
    general = codec_mod._encode_general(d)
    assert same(C.decode(general), d)


def test_shared_references_and_cycles_survive():
    shared = [1, 2]
    inner = {"x": shared}
    value = {"a": shared, "b": shared, "c": inner, "d": [inner, inner]}
    value["self"] = value
    shared.append(value)
    out = C.decode(C.encode(value))
    assert out["a"] is out["b"]
    assert out["self"] is out
    assert out["c"] is out["d"][0] is out["d"][1]
    assert out["c"]["x"] is out["a"]
    assert out["a"][2] is out


def test_tuples_become_lists_and_subclasses_become_base_types():
    class Color(IntEnum):
        RED = 300

    class MyStr(str):
        pass

    value = (1, OrderedDict(b=2, a=(3,)), Color.RED, MyStr("s"), bytearray(b"x"), memoryview(b"y"))
    out = C.decode(C.encode(value))
    assert out == [1, {"b": 2, "a": [3]}, 300, "s", b"x", b"y"]
    assert type(out[2]) is int and type(out[3]) is str and type(out[1]) is dict


def test_strings_keep_lone_surrogates_and_astral_characters():
    value = {"lone": "a\ud800b", "pair": "\ud83d\ude00", "astral": "\U0001F600", "nul": "\x00"}
    out = C.decode(C.encode(value))
    assert out == value
    assert len(out["pair"]) == 2 and len(out["astral"]) == 1


def test_dict_keys_with_separator_characters():
    value = {"a\x00b": 1, "\x00": 2, "": 3, "\x01": {"\x00\x01": 4}}
    assert C.decode(C.encode(value)) == value


def test_big_containers_and_ints():
    value = {"l": list(range(1000)), "d": {str(i): i for i in range(300)},
             "big": -(2 ** 200), "s": "x" * 70000, "k" * 70000: 1}
    assert C.decode(C.encode(value)) == value


def test_datetimes_keep_naive_or_utc():
    naive = dt.datetime(2001, 2, 3, 4, 5, 6, 7)
    aware = dt.datetime(2001, 2, 3, 4, 5, 6, 7, tzinfo=dt.timezone(dt.timedelta(hours=-3)))
    out = C.decode(C.encode([naive, aware]))
    assert out[0] == naive and out[0].tzinfo is None
    assert out[1] == aware and out[1].tzinfo == dt.timezone.utc


@pytest.mark.parametrize("value, where", [
    ({"a": [1, object()]}, "value['a'][1]"),
    ([{1: 2}], "dict key 1"),
    ({"f": lambda: 0}, "value['f']"),
    ({"s": {1, 2}}, "set"),
])
def test_unsupported_values_raise_data_clone_error_naming_the_spot(value, where):
    with pytest.raises(DataCloneError) as info:
        C.encode(value)
    assert where in str(info.value)
    assert info.value.name == "DataCloneError"


def test_too_deep_to_encode_is_a_data_clone_error():
    value = []
    for _ in range(100_000):
        value = [value]
    with pytest.raises(DataCloneError, match="nested too deeply"):
        C.encode(value)


def _nested_list_bytes(depth: int) -> bytes:
    tags = bytes([codec_mod.T_LIST8]) * depth + bytes([codec_mod.T_NONE])
    payload = bytes([1]) * depth
    return struct.pack("<BII", 1, len(tags), len(payload)) + tags + payload


def test_decoder_uses_no_recursion():
    out = C.decode(_nested_list_bytes(50_000))
    depth = 0
    while out is not None:
        out = out[0]
        depth += 1
    assert depth == 50_000


def test_decoder_rejects_counts_larger_than_the_data():
    huge_list = struct.pack("<BII", 1, 1, 5) + bytes([codec_mod.T_LIST32]) + struct.pack("<I", 2 ** 31) + b"\x00"
    with pytest.raises(DataCloneError):
        C.decode(huge_list)
    huge_str = struct.pack("<BII", 1, 1, 4) + bytes([codec_mod.T_STR32]) + struct.pack("<I", 2 ** 31)
    with pytest.raises(DataCloneError):
        C.decode(huge_str)
    with pytest.raises(DataCloneError, match="format version"):
        C.decode(b"\x07" + C.encode(1)[1:])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64))
def test_arbitrary_bytes_only_raise_data_clone_error(data):
    try:
        C.decode(data)
    except DataCloneError:
        pass


def test_mutated_encodings_only_raise_data_clone_error():
    rng = random.Random(1234)
    samples = [C.encode(v) for v in (
        {"id": 1, "name": "x", "tags": ["a", "b"], "nested": {"d": dt.datetime(2020, 1, 1)}},
        {"id": 1, "name": "n", "score": 1.5, "ok": True, "none": None},
        [1, -1, 2 ** 40, 2 ** 80, b"\x00" * 300, "s" * 300, {}], "plain")]
    for _ in range(4000):
        data = bytearray(rng.choice(samples))
        for _flip in range(rng.randint(1, 3)):
            op = rng.random()
            i = rng.randrange(len(data))
            if op < 0.5:
                data[i] = rng.randrange(256)
            elif op < 0.75:
                del data[i:]
                if not data:
                    break
            else:
                data.insert(i, rng.randrange(256))
        try:
            C.decode(bytes(data))
        except DataCloneError:
            pass


def test_evaluate_key_path():
    value = {"a": {"b": 5}, "s": "\U0001F600x", "l": [1, 2, 3], "length": 9}
    ev = C.evaluate_key_path
    assert ev(value, "a.b") == 5
    assert ev(value, "") is value
    assert ev(value, "s.length") == 3        # UTF-16 code units
    assert ev(value, "l.length") == 3
    assert ev(value, "length") == 9
    assert ev("abc", "length") == 3
    assert ev(value, "a.c") is MISSING
    assert ev(value, "a.b.c") is MISSING
    assert ev(value, ["a.b", "l.length"]) == [5, 3]
    assert ev(value, ["a.b", "zz"]) is MISSING
    single = C.compile_key_path("a")
    assert single(value) == {"b": 5} and single(3) is MISSING and single({}) is MISSING


def test_inject_key():
    assert C.can_inject_key({}, "a.b.id")
    assert C.can_inject_key({"a": {}}, "a.id")
    assert not C.can_inject_key({"a": 1}, "a.b.id")
    assert not C.can_inject_key({"a": {"b": 123}}, "a.b.id")
    assert not C.can_inject_key(123, "id")
    v = {"name": "n"}
    C.inject_key(v, "a.b.id", 1.0)
    assert v == {"name": "n", "a": {"b": {"id": 1.0}}}
