"""Date objects (ECMA-262 21.4) and the Annex B additions (B.2.3).

https://tc39.es/ecma262/#sec-date-objects

A Date is a :class:`JSDateObject` whose ``tv`` slot is its [[DateValue]]: a
Python float of milliseconds since the epoch, or NaN.  The calendar and time
zone arithmetic, ``Date.parse`` and every string format live in the pure module
:mod:`jsrt.runtime.dates`; this module is the JS face of it: argument
conversion in the order the specification fixes, the "present argument" rules
of the setters, this-value checks and registration.

Realms built for snapshots (``realm.restricted``, the RealmBuilder kind) have
no clock: ``Date.now()``, ``new Date()`` and ``Date()`` throw a TypeError there
(:func:`current_time`), as the Realm Snapshot proposal requires.

Sections cited are those of ECMA-262 2025.
"""

import math
import time

from ..runtime.values import undefined, null, SYM_TO_PRIMITIVE
from ..runtime.objects import JSObject, JSDateObject, W, C
from ..runtime.errors import STATE, throw_type_error, throw_range_error
from ..runtime import ops
from ..runtime import dates
from ._common import (define_methods, make_constructor, make_native, proto_from_ctor,
                      string_option)

SPEC = "https://tc39.es/ecma262/#sec-"
NaN = math.nan

_isfinite = math.isfinite
to_number = ops.to_number

local_time = dates.local_time
utc = dates.utc
make_time = dates.make_time
make_day = dates.make_day
make_date = dates.make_date
time_clip = dates.time_clip
day = dates.day
time_within_day = dates.time_within_day
year_from_time = dates.year_from_time
month_from_time = dates.month_from_time
date_from_time = dates.date_from_time
hour_from_time = dates.hour_from_time
min_from_time = dates.min_from_time
sec_from_time = dates.sec_from_time
ms_from_time = dates.ms_from_time
week_day = dates.week_day

#: Each message once (house style rule 4); worded as V8 words them.
MSG_NOT_A_DATE = "this is not a Date object."
MSG_INCOMPATIBLE = "Method Date.prototype.%s called on incompatible receiver %s"
MSG_RESTRICTED = "Date.now() is not allowed in a RealmBuilder realm"
MSG_INVALID_TIME = "Invalid time value"
MSG_INVALID_HINT = "Invalid hint: %s"
MSG_TO_PRIMITIVE_NON_OBJECT = "Date.prototype [ @@toPrimitive ] called on non-object"


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def current_time():
    """The host's current time value (21.4.2.1 step 1, 21.4.3.1): whole
    milliseconds since the epoch, as a Number.

    A restricted realm (RealmBuilder) has no clock: TypeError.  This is the one
    place ``Date.now()``, ``new Date()`` and ``Date()`` read the time.
    """
    realm = STATE.realm
    if realm is not None and realm.restricted:
        hook = (getattr(realm, "restricted_hooks", None) or {}).get("now")
        if hook is not None:
            return float(math.floor(float(hook())))   # RealmBuilder(hooks={"now": fn})
        throw_type_error(MSG_RESTRICTED)
    return float(math.floor(time.time() * 1000.0))


def _incompatible(method, v):
    # V8 renders the receiver as in "#<Object>", "1", "s", "undefined".
    throw_type_error(MSG_INCOMPATIBLE % (method, v if type(v) is str else ops.describe(v)))


def this_time_value(v, method=None):
    """thisTimeValue ( value ) (21.4.4), https://tc39.es/ecma262/#sec-thistimevalue

    V8 words the TypeError differently for the getters (``method`` None) and
    for the other methods."""
    if isinstance(v, JSDateObject):
        return v.tv
    if method is None:
        throw_type_error(MSG_NOT_A_DATE)
    _incompatible(method, v)


def _this_date(v, method):
    """RequireInternalSlot(dateObject, [[DateValue]]) for the setters."""
    if isinstance(v, JSDateObject):
        return v
    _incompatible(method, v)


def _arg_number(args, i, default):
    """``ToNumber(args[i])`` when argument i is present, else ``default``."""
    if len(args) > i:
        v = args[i]
        return v if type(v) is float else to_number(v)
    return default


# ---------------------------------------------------------------------------
# The Date constructor (21.4.2) and its properties (21.4.3)
# ---------------------------------------------------------------------------

def date_call(this, *args):
    """Date ( ...values ) called as a function (21.4.2.1 step 1).

    https://tc39.es/ecma262/#sec-date-constructor

    With NewTarget undefined the arguments are ignored and the result is
    ToDateString(now).
    """
    return dates.to_string(current_time())


def date_construct(args, new_target):
    """new Date ( ...values ) (21.4.2.1 steps 2-7).

    https://tc39.es/ecma262/#sec-date-constructor
    """
    n = len(args)
    if n == 0:
        # 3. No arguments: the current time.
        dv = current_time()
    elif n == 1:
        value = args[0]
        # 4.a. A Date object: its time value, without calling any user code.
        if isinstance(value, JSDateObject):
            tv = value.tv
        else:
            # 4.b. ToPrimitive(value); a String is parsed as by Date.parse.
            v = ops.to_primitive(value)
            if type(v) is str:
                tv = dates.parse(v)
            else:
                tv = v if type(v) is float else to_number(v)
        # 4.c
        dv = time_clip(tv)
    else:
        # 5. Two or more arguments: local MakeDate, years 0-99 meaning 1900-1999.
        y = _arg_number(args, 0, NaN)
        m = _arg_number(args, 1, NaN)
        dt = _arg_number(args, 2, 1.0)
        h = _arg_number(args, 3, 0.0)
        mi = _arg_number(args, 4, 0.0)
        s = _arg_number(args, 5, 0.0)
        milli = _arg_number(args, 6, 0.0)
        yr = dates.make_full_year(y)
        final_date = make_date(make_day(yr, m, dt), make_time(h, mi, s, milli))
        dv = time_clip(utc(final_date))
    # 6. OrdinaryCreateFromConstructor, after the arguments were converted.
    return JSDateObject(proto_from_ctor(new_target, "%Date.prototype%"), dv)


def date_now(this, *args):
    """Date.now ( ) (21.4.3.1), https://tc39.es/ecma262/#sec-date.now"""
    return current_time()


def date_parse(this, string=undefined, *rest):
    """Date.parse ( string ) (21.4.3.2), https://tc39.es/ecma262/#sec-date.parse"""
    s = string if type(string) is str else ops.to_string(string)
    return dates.parse(s)


def date_utc(this, *args):
    """Date.UTC ( year [ , month [ , date [ , hours [ , minutes [ , seconds [ , ms ] ] ] ] ] ] )
    (21.4.3.4)

    https://tc39.es/ecma262/#sec-date.utc
    """
    y = _arg_number(args, 0, NaN)
    m = _arg_number(args, 1, 0.0)
    dt = _arg_number(args, 2, 1.0)
    h = _arg_number(args, 3, 0.0)
    mi = _arg_number(args, 4, 0.0)
    s = _arg_number(args, 5, 0.0)
    milli = _arg_number(args, 6, 0.0)
    yr = dates.make_full_year(y)
    return time_clip(make_date(make_day(yr, m, dt), make_time(h, mi, s, milli)))


# ---------------------------------------------------------------------------
# Getters (21.4.4.2 - 21.4.4.20, B.2.3.1)
# ---------------------------------------------------------------------------

def dp_get_date(this, *args):
    """Date.prototype.getDate ( ) (21.4.4.2).

    https://tc39.es/ecma262/#sec-date.prototype.getdate
    """
    t = this_time_value(this)
    return NaN if t != t else date_from_time(local_time(t))


def dp_get_day(this, *args):
    """Date.prototype.getDay ( ) (21.4.4.3).

    https://tc39.es/ecma262/#sec-date.prototype.getday
    """
    t = this_time_value(this)
    return NaN if t != t else week_day(local_time(t))


def dp_get_full_year(this, *args):
    """Date.prototype.getFullYear ( ) (21.4.4.4).

    https://tc39.es/ecma262/#sec-date.prototype.getfullyear
    """
    t = this_time_value(this)
    return NaN if t != t else year_from_time(local_time(t))


def dp_get_hours(this, *args):
    """Date.prototype.getHours ( ) (21.4.4.5).

    https://tc39.es/ecma262/#sec-date.prototype.gethours
    """
    t = this_time_value(this)
    return NaN if t != t else hour_from_time(local_time(t))


def dp_get_milliseconds(this, *args):
    """Date.prototype.getMilliseconds ( ) (21.4.4.6).

    https://tc39.es/ecma262/#sec-date.prototype.getmilliseconds
    """
    t = this_time_value(this)
    return NaN if t != t else ms_from_time(local_time(t))


def dp_get_minutes(this, *args):
    """Date.prototype.getMinutes ( ) (21.4.4.7).

    https://tc39.es/ecma262/#sec-date.prototype.getminutes
    """
    t = this_time_value(this)
    return NaN if t != t else min_from_time(local_time(t))


def dp_get_month(this, *args):
    """Date.prototype.getMonth ( ) (21.4.4.8).

    https://tc39.es/ecma262/#sec-date.prototype.getmonth
    """
    t = this_time_value(this)
    return NaN if t != t else month_from_time(local_time(t))


def dp_get_seconds(this, *args):
    """Date.prototype.getSeconds ( ) (21.4.4.9).

    https://tc39.es/ecma262/#sec-date.prototype.getseconds
    """
    t = this_time_value(this)
    return NaN if t != t else sec_from_time(local_time(t))


def dp_get_time(this, *args):
    """Date.prototype.getTime ( ) (21.4.4.10).

    https://tc39.es/ecma262/#sec-date.prototype.gettime
    """
    return this_time_value(this)


def dp_get_timezone_offset(this, *args):
    """Date.prototype.getTimezoneOffset ( ) (21.4.4.11).

    https://tc39.es/ecma262/#sec-date.prototype.gettimezoneoffset
    """
    t = this_time_value(this)
    return NaN if t != t else dates.timezone_offset(t)


def dp_get_utc_date(this, *args):
    """Date.prototype.getUTCDate ( ) (21.4.4.12).

    https://tc39.es/ecma262/#sec-date.prototype.getutcdate
    """
    t = this_time_value(this)
    return NaN if t != t else date_from_time(t)


def dp_get_utc_day(this, *args):
    """Date.prototype.getUTCDay ( ) (21.4.4.13).

    https://tc39.es/ecma262/#sec-date.prototype.getutcday
    """
    t = this_time_value(this)
    return NaN if t != t else week_day(t)


def dp_get_utc_full_year(this, *args):
    """Date.prototype.getUTCFullYear ( ) (21.4.4.14).

    https://tc39.es/ecma262/#sec-date.prototype.getutcfullyear
    """
    t = this_time_value(this)
    return NaN if t != t else year_from_time(t)


def dp_get_utc_hours(this, *args):
    """Date.prototype.getUTCHours ( ) (21.4.4.15).

    https://tc39.es/ecma262/#sec-date.prototype.getutchours
    """
    t = this_time_value(this)
    return NaN if t != t else hour_from_time(t)


def dp_get_utc_milliseconds(this, *args):
    """Date.prototype.getUTCMilliseconds ( ) (21.4.4.16).

    https://tc39.es/ecma262/#sec-date.prototype.getutcmilliseconds
    """
    t = this_time_value(this)
    return NaN if t != t else ms_from_time(t)


def dp_get_utc_minutes(this, *args):
    """Date.prototype.getUTCMinutes ( ) (21.4.4.17).

    https://tc39.es/ecma262/#sec-date.prototype.getutcminutes
    """
    t = this_time_value(this)
    return NaN if t != t else min_from_time(t)


def dp_get_utc_month(this, *args):
    """Date.prototype.getUTCMonth ( ) (21.4.4.18).

    https://tc39.es/ecma262/#sec-date.prototype.getutcmonth
    """
    t = this_time_value(this)
    return NaN if t != t else month_from_time(t)


def dp_get_utc_seconds(this, *args):
    """Date.prototype.getUTCSeconds ( ) (21.4.4.19).

    https://tc39.es/ecma262/#sec-date.prototype.getutcseconds
    """
    t = this_time_value(this)
    return NaN if t != t else sec_from_time(t)


def dp_get_year(this, *args):
    """Date.prototype.getYear ( ) (B.2.3.1).

    https://tc39.es/ecma262/#sec-date.prototype.getyear
    """
    t = this_time_value(this, "getYear")
    return NaN if t != t else year_from_time(local_time(t)) - 1900.0


# ---------------------------------------------------------------------------
# Setters (21.4.4.20 - 21.4.4.34, B.2.3.2)
#
# Every setter reads [[DateValue]] first, then converts its arguments in order
# (each ToNumber may run user code), and only then looks at NaN: the order the
# test262 "arg-coercion-order" tests check.  An argument is "present" when it
# was passed at all, even as undefined.
# ---------------------------------------------------------------------------

def _store(d, local, new_date):
    """Steps shared by the setters: ``u = TimeClip(UTC(newDate))`` (or the
    TimeClip alone for the UTC variants), stored and returned."""
    u = time_clip(utc(new_date) if local else new_date)
    d.tv = u
    return u


def _set_date(this, args, local):
    """setDate / setUTCDate ( date ) (21.4.4.20, 21.4.4.28).

    https://tc39.es/ecma262/#sec-date.prototype.setdate
    """
    d = _this_date(this, 'setDate' if local else 'setUTCDate')
    t = d.tv
    dt = _arg_number(args, 0, NaN)
    if t != t:
        return NaN
    if local:
        t = local_time(t)
    new_date = make_date(make_day(year_from_time(t), month_from_time(t), dt), time_within_day(t))
    return _store(d, local, new_date)


def _set_full_year(this, args, local):
    """setFullYear / setUTCFullYear ( year [ , month [ , date ] ] ) (21.4.4.21, 21.4.4.29).

    https://tc39.es/ecma262/#sec-date.prototype.setfullyear
    """
    d = _this_date(this, 'setFullYear' if local else 'setUTCFullYear')
    t = d.tv
    y = _arg_number(args, 0, NaN)
    # If t is NaN, set t to +0; otherwise (local) set t to LocalTime(t).
    if t != t:
        t = 0.0
    elif local:
        t = local_time(t)
    m = _arg_number(args, 1, None)
    if m is None:
        m = month_from_time(t)
    dt = _arg_number(args, 2, None)
    if dt is None:
        dt = date_from_time(t)
    new_date = make_date(make_day(y, m, dt), time_within_day(t))
    return _store(d, local, new_date)


def _set_hours(this, args, local):
    """setHours / setUTCHours ( hour [ , min [ , sec [ , ms ] ] ] ) (21.4.4.22, 21.4.4.30).

    https://tc39.es/ecma262/#sec-date.prototype.sethours
    """
    d = _this_date(this, 'setHours' if local else 'setUTCHours')
    t = d.tv
    h = _arg_number(args, 0, NaN)
    m = _arg_number(args, 1, None)
    s = _arg_number(args, 2, None)
    milli = _arg_number(args, 3, None)
    if t != t:
        return NaN
    if local:
        t = local_time(t)
    if m is None:
        m = min_from_time(t)
    if s is None:
        s = sec_from_time(t)
    if milli is None:
        milli = ms_from_time(t)
    new_date = make_date(day(t), make_time(h, m, s, milli))
    return _store(d, local, new_date)


def _set_milliseconds(this, args, local):
    """setMilliseconds / setUTCMilliseconds ( ms ) (21.4.4.23, 21.4.4.31).

    https://tc39.es/ecma262/#sec-date.prototype.setmilliseconds
    """
    d = _this_date(this, 'setMilliseconds' if local else 'setUTCMilliseconds')
    t = d.tv
    ms = _arg_number(args, 0, NaN)
    if t != t:
        return NaN
    if local:
        t = local_time(t)
    time_ = make_time(hour_from_time(t), min_from_time(t), sec_from_time(t), ms)
    return _store(d, local, make_date(day(t), time_))


def _set_minutes(this, args, local):
    """setMinutes / setUTCMinutes ( min [ , sec [ , ms ] ] ) (21.4.4.24, 21.4.4.32).

    https://tc39.es/ecma262/#sec-date.prototype.setminutes
    """
    d = _this_date(this, 'setMinutes' if local else 'setUTCMinutes')
    t = d.tv
    m = _arg_number(args, 0, NaN)
    s = _arg_number(args, 1, None)
    milli = _arg_number(args, 2, None)
    if t != t:
        return NaN
    if local:
        t = local_time(t)
    if s is None:
        s = sec_from_time(t)
    if milli is None:
        milli = ms_from_time(t)
    new_date = make_date(day(t), make_time(hour_from_time(t), m, s, milli))
    return _store(d, local, new_date)


def _set_month(this, args, local):
    """setMonth / setUTCMonth ( month [ , date ] ) (21.4.4.25, 21.4.4.33).

    https://tc39.es/ecma262/#sec-date.prototype.setmonth
    """
    d = _this_date(this, 'setMonth' if local else 'setUTCMonth')
    t = d.tv
    m = _arg_number(args, 0, NaN)
    dt = _arg_number(args, 1, None)
    if t != t:
        return NaN
    if local:
        t = local_time(t)
    if dt is None:
        dt = date_from_time(t)
    new_date = make_date(make_day(year_from_time(t), m, dt), time_within_day(t))
    return _store(d, local, new_date)


def _set_seconds(this, args, local):
    """setSeconds / setUTCSeconds ( sec [ , ms ] ) (21.4.4.26, 21.4.4.34).

    https://tc39.es/ecma262/#sec-date.prototype.setseconds
    """
    d = _this_date(this, 'setSeconds' if local else 'setUTCSeconds')
    t = d.tv
    s = _arg_number(args, 0, NaN)
    milli = _arg_number(args, 1, None)
    if t != t:
        return NaN
    if local:
        t = local_time(t)
    if milli is None:
        milli = ms_from_time(t)
    new_date = make_date(day(t), make_time(hour_from_time(t), min_from_time(t), s, milli))
    return _store(d, local, new_date)


def dp_set_date(this, *args):
    """Date.prototype.setDate ( date ) (21.4.4.20).

    https://tc39.es/ecma262/#sec-date.prototype.setdate
    """
    return _set_date(this, args, True)


def dp_set_full_year(this, *args):
    """Date.prototype.setFullYear ( year [ , month [ , date ] ] ) (21.4.4.21).

    https://tc39.es/ecma262/#sec-date.prototype.setfullyear
    """
    return _set_full_year(this, args, True)


def dp_set_hours(this, *args):
    """Date.prototype.setHours ( hour [ , min [ , sec [ , ms ] ] ] ) (21.4.4.22).

    https://tc39.es/ecma262/#sec-date.prototype.sethours
    """
    return _set_hours(this, args, True)


def dp_set_milliseconds(this, *args):
    """Date.prototype.setMilliseconds ( ms ) (21.4.4.23).

    https://tc39.es/ecma262/#sec-date.prototype.setmilliseconds
    """
    return _set_milliseconds(this, args, True)


def dp_set_minutes(this, *args):
    """Date.prototype.setMinutes ( min [ , sec [ , ms ] ] ) (21.4.4.24).

    https://tc39.es/ecma262/#sec-date.prototype.setminutes
    """
    return _set_minutes(this, args, True)


def dp_set_month(this, *args):
    """Date.prototype.setMonth ( month [ , date ] ) (21.4.4.25).

    https://tc39.es/ecma262/#sec-date.prototype.setmonth
    """
    return _set_month(this, args, True)


def dp_set_seconds(this, *args):
    """Date.prototype.setSeconds ( sec [ , ms ] ) (21.4.4.26).

    https://tc39.es/ecma262/#sec-date.prototype.setseconds
    """
    return _set_seconds(this, args, True)


def dp_set_time(this, time_=undefined, *rest):
    """Date.prototype.setTime ( time ) (21.4.4.27).

    https://tc39.es/ecma262/#sec-date.prototype.settime
    """
    d = _this_date(this, "setTime")
    t = time_ if type(time_) is float else to_number(time_)
    v = time_clip(t)
    d.tv = v
    return v


def dp_set_utc_date(this, *args):
    """Date.prototype.setUTCDate ( date ) (21.4.4.28).

    https://tc39.es/ecma262/#sec-date.prototype.setutcdate
    """
    return _set_date(this, args, False)


def dp_set_utc_full_year(this, *args):
    """Date.prototype.setUTCFullYear ( year [ , month [ , date ] ] ) (21.4.4.29).

    https://tc39.es/ecma262/#sec-date.prototype.setutcfullyear
    """
    return _set_full_year(this, args, False)


def dp_set_utc_hours(this, *args):
    """Date.prototype.setUTCHours ( hour [ , min [ , sec [ , ms ] ] ] ) (21.4.4.30).

    https://tc39.es/ecma262/#sec-date.prototype.setutchours
    """
    return _set_hours(this, args, False)


def dp_set_utc_milliseconds(this, *args):
    """Date.prototype.setUTCMilliseconds ( ms ) (21.4.4.31).

    https://tc39.es/ecma262/#sec-date.prototype.setutcmilliseconds
    """
    return _set_milliseconds(this, args, False)


def dp_set_utc_minutes(this, *args):
    """Date.prototype.setUTCMinutes ( min [ , sec [ , ms ] ] ) (21.4.4.32).

    https://tc39.es/ecma262/#sec-date.prototype.setutcminutes
    """
    return _set_minutes(this, args, False)


def dp_set_utc_month(this, *args):
    """Date.prototype.setUTCMonth ( month [ , date ] ) (21.4.4.33).

    https://tc39.es/ecma262/#sec-date.prototype.setutcmonth
    """
    return _set_month(this, args, False)


def dp_set_utc_seconds(this, *args):
    """Date.prototype.setUTCSeconds ( sec [ , ms ] ) (21.4.4.34).

    https://tc39.es/ecma262/#sec-date.prototype.setutcseconds
    """
    return _set_seconds(this, args, False)


def dp_set_year(this, year=undefined, *rest):
    """Date.prototype.setYear ( year ) (B.2.3.2).

    https://tc39.es/ecma262/#sec-date.prototype.setyear
    """
    d = _this_date(this, "setYear")
    t = d.tv
    y = year if type(year) is float else to_number(year)
    # 4. If t is NaN, set t to +0; otherwise, set t to LocalTime(t).
    t = 0.0 if t != t else local_time(t)
    # 5. Let yyyy be MakeFullYear(y).
    yyyy = dates.make_full_year(y)
    dd = make_day(yyyy, month_from_time(t), date_from_time(t))
    return _store(d, True, make_date(dd, time_within_day(t)))


# ---------------------------------------------------------------------------
# String conversions (21.4.4.35 - 21.4.4.45)
# ---------------------------------------------------------------------------

def dp_to_date_string(this, *args):
    """Date.prototype.toDateString ( ) (21.4.4.35).

    https://tc39.es/ecma262/#sec-date.prototype.todatestring
    """
    return dates.to_date_string(this_time_value(this, 'toDateString'))


def dp_to_iso_string(this, *args):
    """Date.prototype.toISOString ( ) (21.4.4.36).

    https://tc39.es/ecma262/#sec-date.prototype.toisostring
    """
    t = this_time_value(this, "toISOString")
    if not _isfinite(t):
        throw_range_error(MSG_INVALID_TIME)
    return dates.to_iso_string(t)


def dp_to_json(this, key=undefined, *rest):
    """Date.prototype.toJSON ( key ) (21.4.4.37): generic, through toISOString.

    https://tc39.es/ecma262/#sec-date.prototype.tojson
    """
    o = ops.to_object(this)
    tv = ops.to_primitive(o, "number")
    if type(tv) is float and not _isfinite(tv):
        return null
    return ops.invoke(o, "toISOString")


_COMPONENTS = (("weekday", ("narrow", "short", "long")), ("era", ("narrow", "short", "long")),
               ("year", ("2-digit", "numeric")),
               ("month", ("2-digit", "numeric", "narrow", "short", "long")),
               ("day", ("2-digit", "numeric")),
               ("dayPeriod", ("narrow", "short", "long")),
               ("hour", ("2-digit", "numeric")), ("minute", ("2-digit", "numeric")),
               ("second", ("2-digit", "numeric")))
_DATE_FIELDS = ("weekday", "year", "month", "day")
_TIME_FIELDS = ("dayPeriod", "hour", "minute", "second", "fsd")


def _locale_options(locales, options, required, defaults, method):
    """CreateDateTimeFormat's option reading (ECMA-402 11.1.2) with ToDateTimeOptions'
    ``required`` / ``defaults``, resolved for the en-US locale (others are checked
    and give en-US output)."""
    if locales is not undefined:
        from .number import check_locales
        check_locales(locales)
    r = {"weekday": None, "era": None, "year": None, "month": None, "day": None,
         "dayPeriod": None, "hour": None, "minute": None, "second": None, "fsd": None,
         "tzname": None, "hc": "h12", "date_style": None, "time_style": None, "zone": None}
    if options is not undefined:
        o = ops.to_object(options)
        owner = method if "." in method else "Date.prototype." + method
        if required == "date" and o.get("timeStyle", o) is not undefined:
            throw_type_error("Invalid option : timeStyle")
        if required == "time" and o.get("dateStyle", o) is not undefined:
            throw_type_error("Invalid option : dateStyle")
        h12 = o.get("hour12", o)
        hc = string_option(o, "hourCycle", ("h11", "h12", "h23", "h24"), None, owner)
        if h12 is not undefined:
            r["hc"] = "h12" if ops.to_boolean(h12) else "h24"
        elif hc is not None:
            r["hc"] = hc
        tz = o.get("timeZone", o)
        if tz is not undefined:
            tz = ops.to_string(tz)
            zone = dates.locale_time_zone(tz)
            if zone is None:
                throw_range_error("Invalid time zone specified: %s" % tz)
            r["zone"] = zone
        for name, allowed in _COMPONENTS:
            r[name] = string_option(o, name, allowed, None, owner)
        fsd = o.get("fractionalSecondDigits", o)
        if fsd is not undefined:
            n = ops.to_number(fsd)
            if n != n or n < 1 or n > 3:
                throw_range_error("fractionalSecondDigits value is out of range.")
            r["fsd"] = int(n)
        r["tzname"] = string_option(
            o, "timeZoneName",
            ("short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"),
            None, owner)
        string_option(o, "formatMatcher", ("basic", "best fit"), None, owner)
        styles = ("full", "long", "medium", "short")
        r["date_style"] = string_option(o, "dateStyle", styles, None, owner)
        r["time_style"] = string_option(o, "timeStyle", styles, None, owner)
        if r["date_style"] or r["time_style"]:
            for name in ("weekday", "era", "year", "month", "day", "dayPeriod", "hour", "minute",
                         "second", "fsd", "tzname"):
                if r[name] is not None:
                    shown = "fractionalSecondDigits" if name == "fsd" else \
                        "timeZoneName" if name == "tzname" else name
                    throw_type_error("Can't set option %s when %s is used"
                                     % (shown, "dateStyle" if r["date_style"] else "timeStyle"))
            return r
    fields = _DATE_FIELDS if required == "date" else _TIME_FIELDS if required == "time" \
        else _DATE_FIELDS + _TIME_FIELDS
    if all(r[name] is None for name in fields):
        if defaults in ("date", "all"):
            r["year"] = r["month"] = r["day"] = "numeric"
        if defaults in ("time", "all"):
            r["hour"] = r["minute"] = r["second"] = "numeric"
    if r["dayPeriod"] and not r["hour"]:
        r["hour"] = None
    return r


def dp_to_locale_date_string(this, locales=undefined, options=undefined, *rest):
    """Date.prototype.toLocaleDateString ( [ reserved1 [ , reserved2 ] ] ) (21.4.4.38)
    https://tc39.es/ecma262/#sec-date.prototype.tolocaledatestring

    en-US as node prints it ("1/31/2020"); ECMA-402's options are honoured
    (``dates.format_locale``)."""
    t = this_time_value(this, 'toLocaleDateString')
    if locales is undefined and options is undefined:
        return dates.to_locale_date_string(t)
    o = _locale_options(locales, options, "date", "date", "toLocaleDateString")
    return dates.format_locale(t, o)


def dp_to_locale_string(this, locales=undefined, options=undefined, *rest):
    """Date.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (21.4.4.39)
    https://tc39.es/ecma262/#sec-date.prototype.tolocalestring

    en-US as node prints it ("1/31/2020, 12:30:15 PM"); ECMA-402's options are
    honoured (``dates.format_locale``)."""
    t = this_time_value(this, 'toLocaleString')
    if locales is undefined and options is undefined:
        return dates.to_locale_string(t)
    o = _locale_options(locales, options, "any", "all", "toLocaleString")
    return dates.format_locale(t, o)


def dp_to_locale_time_string(this, locales=undefined, options=undefined, *rest):
    """Date.prototype.toLocaleTimeString ( [ reserved1 [ , reserved2 ] ] ) (21.4.4.40)
    https://tc39.es/ecma262/#sec-date.prototype.tolocaletimestring

    en-US as node prints it ("12:30:15 PM"); ECMA-402's options are honoured
    (``dates.format_locale``)."""
    t = this_time_value(this, 'toLocaleTimeString')
    if locales is undefined and options is undefined:
        return dates.to_locale_time_string(t)
    o = _locale_options(locales, options, "time", "time", "toLocaleTimeString")
    return dates.format_locale(t, o)


def dp_to_string(this, *args):
    """Date.prototype.toString ( ) (21.4.4.41): ToDateString(tv).

    https://tc39.es/ecma262/#sec-date.prototype.tostring
    """
    return dates.to_string(this_time_value(this, 'toString'))


def dp_to_time_string(this, *args):
    """Date.prototype.toTimeString ( ) (21.4.4.42).

    https://tc39.es/ecma262/#sec-date.prototype.totimestring
    """
    return dates.to_time_string(this_time_value(this, 'toTimeString'))


def dp_to_utc_string(this, *args):
    """Date.prototype.toUTCString ( ) (21.4.4.43); also toGMTString (B.2.3.3).

    https://tc39.es/ecma262/#sec-date.prototype.toutcstring
    """
    return dates.to_utc_string(this_time_value(this, 'toUTCString'))


def dp_value_of(this, *args):
    """Date.prototype.valueOf ( ) (21.4.4.44).

    https://tc39.es/ecma262/#sec-date.prototype.valueof
    """
    return this_time_value(this)


def dp_to_primitive(this, hint=undefined, *rest):
    """Date.prototype [ @@toPrimitive ] ( hint ) (21.4.4.45).

    https://tc39.es/ecma262/#sec-date.prototype-@@toprimitive
    """
    if not isinstance(this, JSObject):
        throw_type_error(MSG_TO_PRIMITIVE_NON_OBJECT)
    if hint == "string" or hint == "default":
        try_first = "string"
    elif hint == "number":
        try_first = "number"
    else:
        throw_type_error(MSG_INVALID_HINT % ops.to_display_string(hint))
    return ops.ordinary_to_primitive(this, try_first)


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

STATIC_METHODS = (
    ("now", date_now, 0),
    ("parse", date_parse, 1),
    ("UTC", date_utc, 7),
)

PROTO_METHODS = (
    ("getDate", dp_get_date, 0),
    ("getDay", dp_get_day, 0),
    ("getFullYear", dp_get_full_year, 0),
    ("getHours", dp_get_hours, 0),
    ("getMilliseconds", dp_get_milliseconds, 0),
    ("getMinutes", dp_get_minutes, 0),
    ("getMonth", dp_get_month, 0),
    ("getSeconds", dp_get_seconds, 0),
    ("getTime", dp_get_time, 0),
    ("getTimezoneOffset", dp_get_timezone_offset, 0),
    ("getUTCDate", dp_get_utc_date, 0),
    ("getUTCDay", dp_get_utc_day, 0),
    ("getUTCFullYear", dp_get_utc_full_year, 0),
    ("getUTCHours", dp_get_utc_hours, 0),
    ("getUTCMilliseconds", dp_get_utc_milliseconds, 0),
    ("getUTCMinutes", dp_get_utc_minutes, 0),
    ("getUTCMonth", dp_get_utc_month, 0),
    ("getUTCSeconds", dp_get_utc_seconds, 0),
    ("getYear", dp_get_year, 0),
    ("setDate", dp_set_date, 1),
    ("setFullYear", dp_set_full_year, 3),
    ("setHours", dp_set_hours, 4),
    ("setMilliseconds", dp_set_milliseconds, 1),
    ("setMinutes", dp_set_minutes, 3),
    ("setMonth", dp_set_month, 2),
    ("setSeconds", dp_set_seconds, 2),
    ("setTime", dp_set_time, 1),
    ("setUTCDate", dp_set_utc_date, 1),
    ("setUTCFullYear", dp_set_utc_full_year, 3),
    ("setUTCHours", dp_set_utc_hours, 4),
    ("setUTCMilliseconds", dp_set_utc_milliseconds, 1),
    ("setUTCMinutes", dp_set_utc_minutes, 3),
    ("setUTCMonth", dp_set_utc_month, 2),
    ("setUTCSeconds", dp_set_utc_seconds, 2),
    ("setYear", dp_set_year, 1),
    ("toDateString", dp_to_date_string, 0),
    ("toISOString", dp_to_iso_string, 0),
    ("toJSON", dp_to_json, 1),
    ("toLocaleDateString", dp_to_locale_date_string, 0),
    ("toLocaleString", dp_to_locale_string, 0),
    ("toLocaleTimeString", dp_to_locale_time_string, 0),
    ("toString", dp_to_string, 0),
    ("toTimeString", dp_to_time_string, 0),
    ("toUTCString", dp_to_utc_string, 0),
    ("valueOf", dp_value_of, 0),
)


def setup(realm):
    intr = realm.intrinsics
    # 21.4.4: the Date prototype object is an ordinary object (not a Date).
    dp = JSObject(intr["%Object.prototype%"])
    ctor = make_constructor(realm, "Date", date_call, date_construct, 7, dp, "%Date.prototype%")
    intr["%Date%"] = ctor
    define_methods(realm, ctor, STATIC_METHODS)
    m = define_methods(realm, dp, PROTO_METHODS)
    # B.2.3.3: toGMTString is the same function object as toUTCString.
    dp._store("toGMTString", m["toUTCString"], W | C)
    intr["%Date.prototype.toUTCString%"] = m["toUTCString"]
    # 21.4.4.45: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }
    tp = make_native(realm, SYM_TO_PRIMITIVE, dp_to_primitive, 1)
    dp._store(SYM_TO_PRIMITIVE, tp, C)
    realm.global_object._store("Date", ctor, W | C)
