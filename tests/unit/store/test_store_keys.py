"""Keys: validation, the reference comparator and the order-preserving encoding."""

from __future__ import annotations

import datetime as dt
import functools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jsrt.store import DataError, KeyPathSyntaxError, cmp, decode_key, encode_key
from jsrt.store.keys import KEY_TAGS, KEY_TYPES, is_valid_key, to_key, validate_key_path


def sign(x: int) -> int:
    return (x > 0) - (x < 0)


def bytes_cmp(a: bytes, b: bytes) -> int:
    return (a > b) - (a < b)


# -- strategies --------------------------------------------------------------------------

code_unit_strings = st.lists(st.integers(0, 0xFFFF), max_size=8).map(
    lambda units: "".join(map(chr, units)))          # JS-style: may hold lone surrogates
python_strings = st.text(max_size=8)                   # real text, astral characters included
numbers = st.one_of(st.floats(allow_nan=False), st.integers(-(2 ** 60), 2 ** 60),
                    st.sampled_from([0.0, -0.0, math.inf, -math.inf, 5e-324, -5e-324]))
dates = st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30))
binaries = st.one_of(st.binary(max_size=8), st.sampled_from([b"", b"\x00", b"\x00\x00",
                                                            b"\x00\xff", b"\xff"]))
leaves = st.one_of(numbers, code_unit_strings, python_strings, binaries, dates)
keys = st.recursive(leaves, lambda children: st.lists(children, max_size=4), max_leaves=12)


# -- properties -----------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(keys, keys)
def test_encoding_order_matches_reference_cmp(a, b):
    assert sign(cmp(a, b)) == bytes_cmp(encode_key(a), encode_key(b))


@settings(max_examples=150, deadline=None)
@given(keys)
def test_decode_encode_round_trip(k):
    enc = encode_key(k)
    back = decode_key(enc)
    assert cmp(back, k) == 0
    assert encode_key(back) == enc


@settings(max_examples=60, deadline=None)
@given(st.lists(keys, max_size=10))
def test_sorting_by_encoding_is_sorting_by_cmp(items):
    by_cmp = sorted(items, key=functools.cmp_to_key(cmp))
    by_bytes = sorted(items, key=encode_key)
    assert [encode_key(k) for k in by_cmp] == [encode_key(k) for k in by_bytes]


@settings(max_examples=150, deadline=None)
@given(python_strings)
def test_python_and_code_unit_forms_encode_alike(s):
    units = s.encode("utf-16-le", "surrogatepass")
    js_form = "".join(chr(int.from_bytes(units[i:i + 2], "little")) for i in range(0, len(units), 2))
    assert encode_key(js_form) == encode_key(s)
    assert cmp(js_form, s) == 0
    assert decode_key(encode_key(s)) == s
    assert decode_key(encode_key(s), code_units=True) == js_form


# -- ordering facts from the spec and WPT -------------------------------------------------------

def test_type_order_number_date_string_binary_array():
    ordered = [-math.inf, 0, math.inf, dt.datetime(1970, 1, 1), dt.datetime(2030, 1, 1),
               "", "a", b"", b"\x00", [], [0]]
    for a, b in zip(ordered, ordered[1:]):
        assert cmp(a, b) == -1
        assert encode_key(a) < encode_key(b)
    assert [name for name, _tag in KEY_TYPES] == ["number", "date", "string", "binary", "array"]
    assert sorted(KEY_TAGS.values()) == [tag for _name, tag in KEY_TYPES]


def test_negative_zero_equals_zero():
    assert cmp(-0.0, 0) == 0
    assert encode_key(-0.0) == encode_key(0) == encode_key(0.0)


def test_utf16_code_unit_order():
    # U+1D11E is the pair D834 DD1E, so it sorts before U+FFFD.
    assert cmp("\U0001D11E", "\uFFFD") == -1
    assert encode_key("\U0001D11E") < encode_key("\uFFFD")
    assert cmp("\ud834\udd1e", "\U0001D11E") == 0


def test_arrays_compare_elementwise_then_by_length():
    assert cmp([1, 2], [1, 2, 0]) == -1
    assert cmp([1, 3], [1, 2, 0]) == 1
    assert cmp([[0]], [0, 0]) == 1
    assert encode_key([1, 2]) < encode_key([1, 2, 0])


def test_binary_compares_unsigned():
    assert cmp(b"\xff", b"\x00") == 1
    assert cmp(b"\xff\xfe", b"\xff\xfd\xfe") == 1
    assert cmp(bytearray(b"a"), memoryview(b"a")) == 0


def test_ints_become_floats_and_bool_is_not_a_key():
    assert to_key(3) == 3.0 and type(to_key(3)) is float
    assert decode_key(encode_key(3)) == 3.0
    with pytest.raises(DataError, match="booleans are not keys"):
        encode_key(True)
    assert not is_valid_key(False)


def test_dates_are_utc_milliseconds():
    naive = dt.datetime(2021, 5, 6, 7, 8, 9, 123000)
    aware = naive.replace(tzinfo=dt.timezone.utc).astimezone(dt.timezone(dt.timedelta(hours=5)))
    assert encode_key(naive) == encode_key(aware)
    assert decode_key(encode_key(aware)) == naive
    assert decode_key(encode_key(dt.datetime(1970, 1, 1)), date_factory=lambda ms: ms) == 0.0


@pytest.mark.parametrize("bad, why", [
    (math.nan, "NaN is not a valid key"),
    (None, "None"),
    (True, "booleans"),
    ({}, "dict is not a key type"),
    ({1: 2}, "dict is not a key type"),
    (object(), "object is not a key type"),
    ({1, 2}, "set is not a key type"),
    ([1, math.nan], "NaN"),
    ([[], [], [[{}]]], "dict"),
    (dt.date(2020, 1, 1), "datetime.date"),
    (10 ** 400, "too large"),
])
def test_invalid_keys_raise_data_error_saying_why(bad, why):
    with pytest.raises(DataError, match=why):
        encode_key(bad)
    with pytest.raises(DataError):
        cmp(bad, 1)
    with pytest.raises(DataError):
        cmp(1, bad)


def test_cyclic_arrays_are_invalid_but_shared_ones_are_fine():
    a = []
    a.append(a)
    with pytest.raises(DataError, match="arrays containing themselves"):
        encode_key(a)
    b = [1]
    b.append([b])
    with pytest.raises(DataError, match="containing themselves"):
        to_key(b)
    shared = [1]
    assert decode_key(encode_key([shared, shared])) == [[1.0], [1.0]]


def test_malformed_key_bytes_raise_data_error():
    for bad in (b"", b"\x99", b"\x10\x00", b"\x30abc", b"\x50\x10", encode_key(1) + b"x"):
        with pytest.raises(DataError):
            decode_key(bad)


@pytest.mark.parametrize("path", ["", "a", "a.b", "my.køi", "public.key$ya", "true.$", "_",
                                  "delete.a7", "p.p.p.p", ["a"], ["a", "b.c"], [""]])
def test_valid_key_paths(path):
    assert validate_key_path(path) == path


@pytest.mark.parametrize("path", ["j a", ".yo", "yo,lo", [], ["array with space"],
                                  ["multi_array", ["a", "b"]], "3m", "my.1337", "..yo", "y..o",
                                  "y.o.", "y.o..", "m.*", '"m"', "m%", "m/", "m/a", "m&", "m!",
                                  "*", "*.*", "^m", "/m/", 5, {"a": 1}])
def test_invalid_key_paths_raise_syntax_error(path):
    with pytest.raises(KeyPathSyntaxError) as info:
        validate_key_path(path)
    assert info.value.name == "SyntaxError"
