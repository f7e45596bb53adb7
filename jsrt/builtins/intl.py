"""Intl (ECMA-402), the part programs reach for most, with en-US data only.

- ``Intl.NumberFormat``: ``format`` (a bound getter), ``formatToParts`` for the plain
  pieces, ``resolvedOptions``; the formatting is ``number.locale_number_format``'s, which
  ``Number.prototype.toLocaleString`` uses too (decimal, percent and currency styles,
  digit options, grouping).
- ``Intl.DateTimeFormat``: ``format``, ``resolvedOptions`` (its ``timeZone`` is the
  host's zone unless one is given); the patterns are ``dates.format_locale``'s, as for
  ``Date.prototype.toLocaleString``.
- ``Intl.Collator`` (``compare``, the approximation ``String.prototype.localeCompare``
  uses), ``Intl.PluralRules`` (English cardinal and ordinal rules),
  ``Intl.getCanonicalLocales`` and each constructor's ``supportedLocalesOf``.

Locales are validated and otherwise ignored: every formatter answers as "en-US" does.
"""

import math

from ..runtime.values import undefined, SYM_TO_STRING_TAG
from ..runtime.objects import JSObject, JSBoundFunction, JSDateObject, W, C
from ..runtime.errors import STATE, throw_type_error, throw_range_error
from ..runtime import ops, dates
from ._common import define_methods, define_getters, make_constructor, \
    make_native, proto_from_ctor
from .number import check_locales, locale_number_format, INF

LOCALE = "en-US"


class JSNumberFormat(JSObject):
    """An Intl.NumberFormat instance: [[NumberFormat]] resolved options, [[BoundFormat]]."""
    __slots__ = ("nf", "bound", "locale")
    cls = "Intl.NumberFormat"


class JSDateTimeFormat(JSObject):
    """An Intl.DateTimeFormat instance: the resolved options dict, [[BoundFormat]]."""
    __slots__ = ("opts", "bound", "locale")
    cls = "Intl.DateTimeFormat"


class JSCollator(JSObject):
    """An Intl.Collator instance ([[BoundCompare]])."""
    __slots__ = ("bound", "sensitivity", "numeric", "locale")
    cls = "Intl.Collator"


class JSPluralRules(JSObject):
    """An Intl.PluralRules instance ([[Type]] cardinal or ordinal)."""
    __slots__ = ("kind", "locale")
    cls = "Intl.PluralRules"


def _this(v, klass, method):
    if not isinstance(v, klass):
        throw_type_error("Method %s called on incompatible receiver %s"
                         % (method, ops.no_side_effects_to_string(v)))
    return v


def _bind(realm, fn, target, length):
    """A bound function of the native ``fn`` with ``target`` as this (name "")."""
    native = make_native(realm, "", fn, length)
    b = JSBoundFunction(realm.intrinsics["%Function.prototype%"], native, target, ())
    b.props["length"] = float(length)
    b.props["name"] = ""
    b.flags = {"length": C, "name": C}
    return b


def _new_object(props):
    o = JSObject(STATE.realm.intrinsics["%Object.prototype%"])
    for k, v in props:
        if v is not None:
            o._store(k, v)
    return o


# ---------------------------------------------------------------------------
# Intl.NumberFormat (15)
# ---------------------------------------------------------------------------

def number_format_call(this, locales=undefined, options=undefined, *rest):
    """Intl.NumberFormat ( [ locales [ , options ] ] ) (15.1.1), called as a function."""
    return number_format_construct((locales, options), None)


def number_format_construct(args, new_target):
    """new Intl.NumberFormat ( [ locales [ , options ] ] ) (15.1.1)."""
    locales = args[0] if args else undefined
    options = args[1] if len(args) > 1 else undefined
    o = JSNumberFormat(proto_from_ctor(new_target, "%Intl.NumberFormat.prototype%"))
    o.nf = locale_number_format(locales, options)
    o.bound = None
    o.locale = _resolved_locale(locales)
    return o


def _to_intl_number(v):
    """ToIntlMathematicalValue, for Numbers (BigInts format through their float)."""
    if type(v) is float:
        return v
    p = ops.to_primitive(v, "number")
    if type(p).__name__ == "JSBigInt":
        return float(p.v)
    return ops.to_number(p)


def _nf_format_impl(this, value=undefined, *rest):
    return this.nf.format(_to_intl_number(value))


def nf_format(this, *args):
    """get Intl.NumberFormat.prototype.format (15.3.3): a bound format function."""
    nf = _this(this, JSNumberFormat, "UnwrapNumberFormat")
    if nf.bound is None:
        nf.bound = _bind(STATE.realm, _nf_format_impl, nf, 1)
    return nf.bound


def _number_parts(nf, x):
    """The pieces of a formatted number: minusSign, currency, integer, group, decimal,
    fraction, percentSign, literal, nan, infinity."""
    text = nf.format(x)
    parts = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c.isdigit():
            j = i
            while j < n and text[j].isdigit():
                j += 1
            seen_decimal = any(p[0] == "decimal" for p in parts)
            parts.append(("fraction" if seen_decimal else "integer", text[i:j]))
            i = j
            continue
        if c == "-":
            parts.append(("minusSign", c))
        elif c == ",":
            parts.append(("group", c))
        elif c == ".":
            parts.append(("decimal", c))
        elif c == "%":
            parts.append(("percentSign", c))
        elif c in "()\xa0 ":
            parts.append(("literal", c))
        elif text.startswith("NaN", i):
            parts.append(("nan", "NaN"))
            i += 3
            continue
        elif c == "\u221e":
            parts.append(("infinity", c))
        else:
            j = i
            while j < n and not text[j].isdigit() and text[j] not in "-,.%()\xa0 ":
                j += 1
            parts.append(("currency", text[i:j]))
            i = j
            continue
        i += 1
    return parts


def nf_format_to_parts(this, value=undefined, *rest):
    """Intl.NumberFormat.prototype.formatToParts ( x ) (15.3.4)."""
    nf = _this(this, JSNumberFormat, "Intl.NumberFormat.prototype.formatToParts")
    return ops.create_array_from_list([_new_object((("type", t), ("value", v)))
                              for t, v in _number_parts(nf.nf, _to_intl_number(value))])


def nf_resolved_options(this, *args):
    """Intl.NumberFormat.prototype.resolvedOptions ( ) (15.3.5)."""
    nfo = _this(this, JSNumberFormat, "Intl.NumberFormat.prototype.resolvedOptions")
    f = nfo.nf
    cur = f.style == "currency"
    sig = f.max_sd is not None
    return _new_object((
        ("locale", nfo.locale), ("numberingSystem", "latn"), ("style", f.style),
        ("currency", f.currency if cur else None),
        ("currencyDisplay", f.display if cur else None),
        ("currencySign", ("accounting" if f.accounting else "standard") if cur else None),
        ("minimumIntegerDigits", float(f.min_int)),
        ("minimumFractionDigits", None if sig else float(f.min_fd)),
        ("maximumFractionDigits", None if sig else float(f.max_fd)),
        ("minimumSignificantDigits", float(f.min_sd) if sig else None),
        ("maximumSignificantDigits", float(f.max_sd) if sig else None),
        ("useGrouping", "auto" if f.grouping else False), ("notation", "standard"),
        ("signDisplay", "auto"), ("roundingMode", "halfExpand"), ("roundingIncrement", 1.0),
        ("trailingZeroDisplay", "auto"), ("roundingPriority", "auto")))


# ---------------------------------------------------------------------------
# Intl.DateTimeFormat (11)
# ---------------------------------------------------------------------------

def date_time_format_call(this, locales=undefined, options=undefined, *rest):
    """Intl.DateTimeFormat ( [ locales [ , options ] ] ) (11.1.1), called as a function."""
    return date_time_format_construct((locales, options), None)


def date_time_format_construct(args, new_target):
    """new Intl.DateTimeFormat ( [ locales [ , options ] ] ) (11.1.1): the options read
    as for toLocaleString with required "any" and defaults "date"."""
    from .date import _locale_options
    locales = args[0] if args else undefined
    options = args[1] if len(args) > 1 else undefined
    o = JSDateTimeFormat(proto_from_ctor(new_target, "%Intl.DateTimeFormat.prototype%"))
    o.opts = _locale_options(locales, options, "any", "date", "Intl.DateTimeFormat")
    o.bound = None
    o.locale = _resolved_locale(locales)
    return o


def _date_value(date):
    if date is undefined:
        from .date import current_time
        return current_time()
    if isinstance(date, JSDateObject):
        return date.tv
    return ops.to_number(date)


def _dtf_format_impl(this, date=undefined, *rest):
    t = _date_value(date)
    if t != t or t in (INF, -INF):
        throw_range_error("Invalid time value")
    return dates.format_locale(t, this.opts)


def dtf_format(this, *args):
    """get Intl.DateTimeFormat.prototype.format (11.3.3): a bound format function."""
    dtf = _this(this, JSDateTimeFormat, "UnwrapDateTimeFormat")
    if dtf.bound is None:
        dtf.bound = _bind(STATE.realm, _dtf_format_impl, dtf, 1)
    return dtf.bound


def _zone_name(zone):
    key = zone.key if zone is not None else dates.timezone_key()
    if key is None or key in ("Etc/UTC", "Etc/UCT", "UCT", "Universal", "Etc/Universal",
                              "Zulu", "Etc/Zulu", "Etc/GMT", "GMT"):
        return "UTC"
    return key


def dtf_resolved_options(this, *args):
    """Intl.DateTimeFormat.prototype.resolvedOptions ( ) (11.3.7)."""
    dtf = _this(this, JSDateTimeFormat, "UnwrapDateTimeFormat")
    o = dtf.opts
    hc = o["hc"] if (o["hour"] or o["time_style"]) else None
    props = [("locale", dtf.locale), ("calendar", "gregory"), ("numberingSystem", "latn"),
             ("timeZone", _zone_name(o["zone"]))]
    if hc is not None:
        props += [("hourCycle", hc), ("hour12", hc in ("h11", "h12"))]
    for name in ("weekday", "era", "year", "month", "day", "dayPeriod", "hour", "minute",
                 "second"):
        v = o[name]
        if v is not None and name in ("hour", "minute", "second") and o["hour"] \
                and name != "hour" and o["minute"]:
            v = "2-digit"
        props.append((name, v))
    if o["fsd"]:
        props.append(("fractionalSecondDigits", float(o["fsd"])))
    props.append(("timeZoneName", o["tzname"]))
    props.append(("dateStyle", o["date_style"]))
    props.append(("timeStyle", o["time_style"]))
    return _new_object(props)


# ---------------------------------------------------------------------------
# Intl.Collator (10) and Intl.PluralRules (16)
# ---------------------------------------------------------------------------

def collator_call(this, locales=undefined, options=undefined, *rest):
    """Intl.Collator ( [ locales [ , options ] ] ) (10.1.1), called as a function."""
    return collator_construct((locales, options), None)


def collator_construct(args, new_target):
    """new Intl.Collator ( [ locales [ , options ] ] ) (10.1.1)."""
    locales = args[0] if args else undefined
    options = args[1] if len(args) > 1 else undefined
    if locales is not undefined:
        check_locales(locales)
    o = JSCollator(proto_from_ctor(new_target, "%Intl.Collator.prototype%"))
    from .string import collator_options
    o.bound = None
    o.sensitivity, o.numeric = collator_options(options)
    o.locale = _resolved_locale(locales)
    return o


def _collator_compare_impl(this, x=undefined, y=undefined, *rest):
    from .string import locale_compare
    return float(locale_compare(ops.to_string(x), ops.to_string(y), this.sensitivity,
                                this.numeric))


def collator_compare(this, *args):
    """get Intl.Collator.prototype.compare (10.3.3): a bound compare function."""
    c = _this(this, JSCollator, "get Intl.Collator.prototype.compare")
    if c.bound is None:
        c.bound = _bind(STATE.realm, _collator_compare_impl, c, 2)
    return c.bound


def collator_resolved_options(this, *args):
    """Intl.Collator.prototype.resolvedOptions ( ) (10.3.4)."""
    c = _this(this, JSCollator, "Intl.Collator.prototype.resolvedOptions")
    return _new_object((("locale", c.locale), ("usage", "sort"), ("sensitivity", c.sensitivity),
                        ("ignorePunctuation", False), ("collation", "default"),
                        ("numeric", c.numeric), ("caseFirst", "false")))


def plural_rules_call(this, *args):
    throw_type_error("Constructor Intl.PluralRules requires 'new'")


def plural_rules_construct(args, new_target):
    """new Intl.PluralRules ( [ locales [ , options ] ] ) (16.1.1)."""
    locales = args[0] if args else undefined
    options = args[1] if len(args) > 1 else undefined
    if locales is not undefined:
        check_locales(locales)
    o = JSPluralRules(proto_from_ctor(new_target, "%Intl.PluralRules.prototype%"))
    o.kind = "cardinal"
    o.locale = _resolved_locale(locales)
    if options is not undefined:
        opts = ops.to_object(options)
        t = opts.get("type", opts)
        if t is not undefined:
            t = ops.to_string(t)
            if t not in ("cardinal", "ordinal"):
                throw_range_error("Value %s out of range for Intl.PluralRules options property "
                                  "type" % t)
            o.kind = t
    return o


def plural_rules_select(this, n=undefined, *rest):
    """Intl.PluralRules.prototype.select ( value ) (16.3.3): English rules."""
    pr = _this(this, JSPluralRules, "Intl.PluralRules.prototype.select")
    x = ops.to_number(n)
    if x != x or x in (INF, -INF):
        return "other"
    x = abs(x)
    if pr.kind == "cardinal":
        return "one" if x == 1 else "other"
    if x != math.floor(x):
        return "other"
    i = int(x)
    if i % 10 == 1 and i % 100 != 11:
        return "one"
    if i % 10 == 2 and i % 100 != 12:
        return "two"
    if i % 10 == 3 and i % 100 != 13:
        return "few"
    return "other"


def plural_rules_resolved_options(this, *args):
    """Intl.PluralRules.prototype.resolvedOptions ( ) (16.3.4)."""
    pr = _this(this, JSPluralRules, "Intl.PluralRules.prototype.resolvedOptions")
    cats = ["one", "other"] if pr.kind == "cardinal" else ["few", "one", "other", "two"]
    return _new_object((("locale", pr.locale), ("type", pr.kind),
                        ("minimumIntegerDigits", 1.0), ("minimumFractionDigits", 0.0),
                        ("maximumFractionDigits", 3.0),
                        ("pluralCategories", ops.create_array_from_list(cats))))


# ---------------------------------------------------------------------------
# Intl, getCanonicalLocales, supportedLocalesOf
# ---------------------------------------------------------------------------

def _canonical_tag(tag):
    parts = tag.split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        if len(p) == 2 and p.isalpha():
            out.append(p.upper())
        elif len(p) == 4 and p.isalpha():
            out.append(p[0].upper() + p[1:].lower())
        else:
            out.append(p.lower())
    return "-".join(out)


def _locale_list(locales):
    """CanonicalizeLocaleList ( locales ) (9.2.1)."""
    if locales is undefined:
        return []
    check_locales(locales)
    if type(locales) is str:
        tags = [locales]
    else:
        o = ops.to_object(locales)
        n = ops.length_of_array_like(o)
        tags = []
        for i in range(n):
            k = str(i)
            if o.has_property(k):
                v = o.get(k, o)
                if type(v) is not str and not isinstance(v, JSObject):
                    throw_type_error("Language ID should be string or object.")
                tags.append(ops.to_string(v))
    seen = []
    for t in tags:
        c = _canonical_tag(t)
        if c not in seen:
            seen.append(c)
    return seen


def _resolved_locale(locales):
    """The [[Locale]] of a formatter: the first requested locale (canonicalized), as
    node with full ICU resolves it, else "en-US"; formatting is en-US either way."""
    tags = _locale_list(locales)
    return tags[0] if tags else LOCALE


def intl_get_canonical_locales(this, locales=undefined, *rest):
    """Intl.getCanonicalLocales ( locales ) (8.3.1)."""
    return ops.create_array_from_list(_locale_list(locales))


def supported_locales_of(this, locales=undefined, options=undefined, *rest):
    """Intl.X.supportedLocalesOf ( locales [ , options ] ): the requested locales,
    canonicalized, as node (with full ICU) answers; they format as en-US here."""
    return ops.create_array_from_list(_locale_list(locales))


def setup(realm):
    intr = realm.intrinsics
    op = intr["%Object.prototype%"]
    intl = JSObject(op)
    intr["%Intl%"] = intl
    intl._store(SYM_TO_STRING_TAG, "Intl", C)
    define_methods(realm, intl, [("getCanonicalLocales", intl_get_canonical_locales, 1)])
    for name, call, construct, length, getters, methods in (
        ("NumberFormat", number_format_call, number_format_construct, 0,
         [("format", nf_format, None)],
         [("formatToParts", nf_format_to_parts, 1), ("resolvedOptions", nf_resolved_options, 0)]),
        ("DateTimeFormat", date_time_format_call, date_time_format_construct, 0,
         [("format", dtf_format, None)], [("resolvedOptions", dtf_resolved_options, 0)]),
        ("Collator", collator_call, collator_construct, 0,
         [("compare", collator_compare, None)],
         [("resolvedOptions", collator_resolved_options, 0)]),
        ("PluralRules", plural_rules_call, plural_rules_construct, 0, [],
         [("select", plural_rules_select, 1),
          ("resolvedOptions", plural_rules_resolved_options, 0)]),
    ):
        proto = JSObject(op)
        key = "%%Intl.%s.prototype%%" % name
        ctor = make_constructor(realm, name, call, construct, length, proto, key)
        intr["%%Intl.%s%%" % name] = ctor
        define_methods(realm, ctor, [("supportedLocalesOf", supported_locales_of, 1)])
        define_getters(realm, proto, getters)
        define_methods(realm, proto, methods)
        proto._store(SYM_TO_STRING_TAG, "Intl." + name, C)
        intl._store(name, ctor, W | C)
    realm.global_object._store("Intl", intl, W | C)
