"""JS exceptions as Python exceptions, and the runtime's current-realm pointer.

A JS ``throw v`` is ``raise JSThrow(v)``. Errors raised by the runtime itself
(a TypeError from a built-in, a ReferenceError from an unresolvable name) are
raised *pending*: the error object is created lazily, in the current realm,
only when JS code observes it (a ``catch`` clause) or it reaches the host.
"""

from .values import MISSING

__all__ = ["JSThrow", "ScriptTimeout", "ControlFlow", "BreakLabel", "ContinueLabel",
           "GeneratorReturn", "STATE", "throw_type_error", "throw_range_error",
           "throw_reference_error", "throw_syntax_error", "throw_error"]


class _State:
    """Process-wide interpreter state: the realm whose code is running."""
    __slots__ = ("realm", "deadline", "ticks")

    def __init__(self):
        self.realm = None
        self.deadline = None
        self.ticks = 0


STATE = _State()


class JSThrow(Exception):
    """A JS exception in flight; ``.value`` is the thrown JS value."""

    def __init__(self, value=MISSING, kind=None, message=None):
        Exception.__init__(self)
        self._value = value
        self.kind = kind
        self.msg = message

    @property
    def value(self):
        v = self._value
        if v is MISSING:
            realm = STATE.realm
            v = self._value = realm.make_error(self.kind, self.msg, tb=self.__traceback__)
        return v

    def __str__(self):
        if self._value is MISSING:
            return "%s: %s" % (self.kind, self.msg)
        from .ops import safe_describe_error
        return safe_describe_error(self._value)


class ScriptTimeout(BaseException):
    """Raised into running JS when its time budget is over; JS cannot catch it."""


class ControlFlow(BaseException):
    """Base of the exceptions that implement labeled jumps; JS cannot catch them."""
    __slots__ = ("label",)

    def __init__(self, label):
        self.label = label


class BreakLabel(ControlFlow):
    pass


class ContinueLabel(ControlFlow):
    pass


class GeneratorReturn(BaseException):
    """Thrown into a suspended generator by ``generator.return(v)``."""

    def __init__(self, value):
        BaseException.__init__(self)
        self.value = value


def throw_error(kind, message):
    raise JSThrow(kind=kind, message=message)


def throw_type_error(message):
    raise JSThrow(kind="TypeError", message=message)


def throw_range_error(message):
    raise JSThrow(kind="RangeError", message=message)


def throw_reference_error(message):
    raise JSThrow(kind="ReferenceError", message=message)


def throw_syntax_error(message):
    raise JSThrow(kind="SyntaxError", message=message)
