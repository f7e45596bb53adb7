"""IDBKeyRange: https://w3c.github.io/IndexedDB/#keyrange"""

from __future__ import annotations

from .errors import DataError
from .keys import MAX_KEY_BYTES, check_key_size, decode_key, encode_key, key_repr, to_key

__all__ = ["KeyRange", "to_key_range"]


class KeyRange:
    """A continuous interval of keys (``IDBKeyRange``).

    ``lower`` / ``upper`` are normalized keys (``None`` when unbounded);
    ``_lo`` / ``_hi`` are their encodings, compared bytewise by the store.
    """

    __slots__ = ("lower", "upper", "lower_open", "upper_open", "_lo", "_hi")

    def __init__(self, lower, upper, lower_open: bool = False, upper_open: bool = False,
                 *, _lo: bytes | None = None, _hi: bytes | None = None) -> None:
        self.lower = lower
        self.upper = upper
        self.lower_open = bool(lower_open)
        self.upper_open = bool(upper_open)
        self._lo = _lo
        self._hi = _hi

    # -- constructors (https://w3c.github.io/IndexedDB/#keyrange static methods) --

    @classmethod
    def only(cls, value) -> "KeyRange":
        """``IDBKeyRange.only(value)``: DataError if *value* is not a valid key."""
        key = to_key(value)
        enc = encode_key(key)
        return cls(key, key, False, False, _lo=enc, _hi=enc)

    @classmethod
    def lower_bound(cls, lower, open: bool = False) -> "KeyRange":
        """``IDBKeyRange.lowerBound(lower, open)``."""
        key = to_key(lower)
        return cls(key, None, open, True, _lo=encode_key(key))

    @classmethod
    def upper_bound(cls, upper, open: bool = False) -> "KeyRange":
        """``IDBKeyRange.upperBound(upper, open)``."""
        key = to_key(upper)
        return cls(None, key, True, open, _hi=encode_key(key))

    @classmethod
    def bound(cls, lower, upper, lower_open: bool = False, upper_open: bool = False) -> "KeyRange":
        """``IDBKeyRange.bound(lower, upper, lowerOpen, upperOpen)``.

        DataError if either bound is invalid, if lower > upper, or if they are
        equal and either side is open.
        """
        lo_key, hi_key = to_key(lower), to_key(upper)
        lo, hi = encode_key(lo_key), encode_key(hi_key)
        if lo > hi:
            raise DataError(f"the lower bound {key_repr(lower)} is greater than the "
                            f"upper bound {key_repr(upper)}")
        if lo == hi and (lower_open or upper_open):
            raise DataError(f"a range with equal bounds {key_repr(lower)} cannot be open")
        return cls(lo_key, hi_key, lower_open, upper_open, _lo=lo, _hi=hi)

    @classmethod
    def _from_encoded(cls, lo: bytes | None, hi: bytes | None, lower_open: bool = False,
                      upper_open: bool = False) -> "KeyRange":
        return cls(None if lo is None else decode_key(lo), None if hi is None else decode_key(hi),
                   lower_open if lo is not None else True, upper_open if hi is not None else True,
                   _lo=lo, _hi=hi)

    # -- queries ----------------------------------------------------------------

    def includes(self, key) -> bool:
        """``IDBKeyRange.includes(key)``:
        https://w3c.github.io/IndexedDB/#dom-idbkeyrange-includes"""
        return self._contains(encode_key(key))

    def _contains(self, enc: bytes) -> bool:
        lo, hi = self._lo, self._hi
        if lo is not None and (enc < lo or (self.lower_open and enc == lo)):
            return False
        if hi is not None and (enc > hi or (self.upper_open and enc == hi)):
            return False
        return True

    def __contains__(self, key) -> bool:
        return self.includes(key)

    def __eq__(self, other) -> bool:
        if not isinstance(other, KeyRange):
            return NotImplemented
        return (self._lo, self._hi, self.lower_open, self.upper_open) == (
            other._lo, other._hi, other.lower_open, other.upper_open)

    def __hash__(self) -> int:
        return hash((self._lo, self._hi, self.lower_open, self.upper_open))

    def __repr__(self) -> str:
        if self._lo is not None and self._lo == self._hi:
            return f"KeyRange.only({key_repr(self.lower)})"
        left = "(" if self.lower_open else "["
        right = ")" if self.upper_open else "]"
        lo = "-inf" if self._lo is None else key_repr(self.lower)
        hi = "+inf" if self._hi is None else key_repr(self.upper)
        return f"KeyRange{left}{lo}, {hi}{right}"


def to_key_range(value, null_disallowed: bool = False):
    """https://w3c.github.io/IndexedDB/#convert-a-value-to-a-key-range

    Returns ``(lo, lo_open, hi, hi_open)`` with encoded bounds (``None`` for
    unbounded), or ``None`` for "all keys".  ``None`` input is DataError when
    *null_disallowed*.
    """
    if isinstance(value, KeyRange):
        lo, hi = value._lo, value._hi
        if len(lo or b"") > MAX_KEY_BYTES or len(hi or b"") > MAX_KEY_BYTES:
            check_key_size(lo or b"", None, "the key range bound")
            check_key_size(hi or b"", None, "the key range bound")
        return lo, value.lower_open, hi, value.upper_open
    if value is None:
        if null_disallowed:
            raise DataError("a key or key range is required here (got None)")
        return None
    enc = encode_key(value)
    if len(enc) > MAX_KEY_BYTES:
        check_key_size(enc, value)
    return enc, False, enc, False
