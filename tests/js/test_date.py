"""Date (ECMA-262 21.4, Annex B.2.3): JS snippets and the output node prints for them.

CASES were each checked against node 20 (with TZ=UTC, which the host default is for these
tests: they pin the zone with ``dates.set_timezone``).  SPEC_CASES are where V8 departs from
the current specification and jsrt follows the specification (test262 checks these).
The differential test runs a larger script through jsrt and node in several time zones.
"""

import os
import shutil
import subprocess

import pytest

import jsrt
from jsrt.realm import from_utf16
from jsrt.runtime import dates

from jshelpers import run_js


@pytest.fixture(autouse=True)
def utc_zone():
    dates.set_timezone("UTC")
    yield
    dates.set_timezone(None)


def run(src):
    return from_utf16(run_js(src))


CASES = [
    ('console.log(typeof Date(), typeof new Date(), Date.length, Date.name, Date.prototype.constructor === Date)',
     'string object 7 Date true\n'),
    ('console.log(Object.prototype.toString.call(Date.prototype), typeof Date.prototype.getTime)',
     '[object Object] function\n'),
    ('console.log(new Date(0).toISOString(), new Date(-1).toISOString(), new Date(8.64e15).toISOString())',
     '1970-01-01T00:00:00.000Z 1969-12-31T23:59:59.999Z +275760-09-13T00:00:00.000Z\n'),
    ('console.log(String(new Date(8.64e15 + 1)), new Date(NaN).getTime(), new Date(Infinity).getTime())',
     'Invalid Date NaN NaN\n'),
    ('console.log(new Date(2020, 0).toISOString(), new Date(2020, 11, 31, 23, 59, 59, 999).toISOString())',
     '2020-01-01T00:00:00.000Z 2020-12-31T23:59:59.999Z\n'),
    ('console.log(new Date(99, 0).getFullYear(), new Date(100, 0).getFullYear(), new Date(0, 0).getFullYear(), new Date(-1, 0).getFullYear())',
     '1999 100 1900 -1\n'),
    ('console.log(new Date(2019, 13, 35).toISOString(), new Date(2020, -1, 0).toISOString())',
     '2020-03-06T00:00:00.000Z 2019-11-30T00:00:00.000Z\n'),
    ('console.log(new Date(2020, 0, 1, 0, 0, 0, 0.9).getMilliseconds(), new Date(2020, NaN).getTime())',
     '0 NaN\n'),
    ("console.log(new Date('2020-02-29T12:00:00Z').getTime(), new Date('2020-02-29').getTime())",
     '1582977600000 1582934400000\n'),
    ('console.log(new Date(new Date(42)).getTime(), new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime())',
     '42 1 0 NaN\n'),
    ("var d = new Date(1e12); var o = {valueOf(){ return 5 }, toString(){ return '1970' }}; "
     'console.log(new Date(o).getTime(), new Date(d).getTime())',
     '5 1000000000000\n'),
    ("var o = {[Symbol.toPrimitive](h){ return h === 'default' ? '2001-01-01T00:00:00Z' : 0 }}; "
     'console.log(new Date(o).getTime())',
     '978307200000\n'),
    ('var log = []; function v(n, x){ return {valueOf(){ log.push(n); return x }} }; '
     "var d = new Date(v('y', 2000), v('m', 1), v('d', 2), v('h', 3), v('mi', 4), v('s', 5), v('ms', 6)); "
     'console.log(log.join(), d.toISOString())',
     'y,m,d,h,mi,s,ms 2000-02-02T03:04:05.006Z\n'),
    ('console.log(new Date(1.9).getTime(), new Date(-1.9).getTime(), Object.is(new Date(-0).getTime(), 0))',
     '1 -1 true\n'),
    ('class D extends Date { constructor(){ super(2000, 0); '
     'this.x = 1 } y(){ return this.getFullYear() } }; var d = new D(); '
     'console.log(d.y(), d.x, d instanceof Date, Object.getPrototypeOf(d) === D.prototype)',
     '2000 1 true true\n'),
    ('try { Date.prototype.getTime.call({}) } catch (e) { console.log(e.name, e.message) }',
     'TypeError this is not a Date object.\n'),
    ("try { Date.prototype.setTime.call({}, 1) } catch (e) { console.log(e.name, e.message) }; "
     "try { Date.prototype.toString.call('s') } catch (e) { console.log(e.message) }",
     'TypeError Method Date.prototype.setTime called on incompatible receiver #<Object>\n'
     'Method Date.prototype.toString called on incompatible receiver s\n'),
    ('console.log(Date.UTC(), Date.UTC(2020), Date.UTC(2020, 1), Date.UTC(99, 11, 31), Date.UTC(2020, 1, 29, 12, 30, 15, 250))',
     'NaN 1577836800000 1580515200000 946598400000 1582979415250\n'),
    ('console.log(Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1), Date.UTC.length, Date.parse.length, Date.now.length)',
     '8640000000000000 NaN 7 1 0\n'),
    ('console.log(typeof Date.now(), Date.now() > 1.5e12, Number.isInteger(Date.now()))',
     'number true true\n'),
    ("['2020-01-01', '2020-01-01T10:20:30Z', '2020-01-01T10:20:30.123+02:00', '+002020-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', 'Tue, 01 Jan 2019 00:00:00 GMT', 'Jan 1, 2019 UTC', '2019/01/02 UTC', 'nonsense', '', '2020-13-01', '2020-02-30T00:00:00Z', '-000000-01-01T00:00:00Z', 'Thu Jan 01 1970 00:00:00 GMT+0100'].forEach(function (s) { console.log(JSON.stringify(s), Date.parse(s)) })",
     '"2020-01-01" 1577836800000\n"2020-01-01T10:20:30Z" 1577874030000\n"2020-01-01T10:20:30.123+02:00" 1577866830123\n"+002020-01-01T00:00:00Z" 1577836800000\n"-000001-01-01T00:00:00Z" -62198755200000\n"Tue, 01 Jan 2019 00:00:00 GMT" 1546300800000\n"Jan 1, 2019 UTC" 1546300800000\n"2019/01/02 UTC" 1546387200000\n"nonsense" NaN\n"" NaN\n"2020-13-01" NaN\n"2020-02-30T00:00:00Z" 1583020800000\n"-000000-01-01T00:00:00Z" NaN\n"Thu Jan 01 1970 00:00:00 GMT+0100" -3600000\n'),
    ('var d = new Date(2021, 5, 15, 8, 9, 10, 11); '
     'console.log(Date.parse(d.toString()) === d.getTime() - 11, Date.parse(d.toUTCString()) === d.getTime() - 11, Date.parse(d.toISOString()) === d.getTime())',
     'true true true\n'),
    ('var d = new Date(Date.UTC(2020, 1, 29, 13, 14, 15, 16)); '
     'console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds())',
     '2020 1 29 6 13 14 15 16\n'),
    ('var d = new Date(2020, 1, 29, 13, 14, 15, 16); '
     'console.log(d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(), d.getYear(), d.getTimezoneOffset())',
     '2020 1 29 6 13 14 15 16 120 0\n'),
    ('var d = new Date(NaN); '
     'console.log(d.getFullYear(), d.getUTCDay(), d.getTimezoneOffset(), d.getYear(), d.valueOf(), d.getTime())',
     'NaN NaN NaN NaN NaN NaN\n'),
    ('var d = new Date(-62198755200000); '
     'console.log(d.getUTCFullYear(), d.toISOString(), d.toUTCString())',
     '-1 -000001-01-01T00:00:00.000Z Fri, 01 Jan -0001 00:00:00 GMT\n'),
    ('var d = new Date(-8.64e15); '
     'console.log(d.toISOString(), d.getUTCFullYear(), d.getUTCDay())',
     '-271821-04-20T00:00:00.000Z -271821 2\n'),
    ('var d = new Date(2020, 0, 31); console.log(d.setMonth(1), d.getMonth(), d.getDate())',
     '1583107200000 2 2\n'),
    ('var d = new Date(2020, 0, 1); '
     'console.log(d.setDate(0), d.toDateString(), d.setDate(400), d.toDateString())',
     '1577750400000 Tue Dec 31 2019 1609632000000 Sun Jan 03 2021\n'),
    ('var d = new Date(2020, 0, 1, 10); '
     'console.log(d.setHours(25, 61, 61, 1001), d.toISOString())',
     '1577930522001 2020-01-02T02:02:02.001Z\n'),
    ('var d = new Date(2020, 0, 1, 10); '
     'console.log(d.setMinutes(-1), d.setSeconds(3600), d.setMilliseconds(-1), d.toISOString())',
     '1577872740000 1577876340000 1577876339999 2020-01-01T10:58:59.999Z\n'),
    ('var d = new Date(2020, 0, 1); d.setHours(5); console.log(d.getHours(), d.getMinutes()); '
     'd.setHours(6, 7); console.log(d.getMinutes(), d.getSeconds()); d.setHours(1, 2, 3); '
     'console.log(d.getSeconds()); d.setHours(1, 2, 3, 4); console.log(d.getMilliseconds())',
     '5 0\n7 0\n3\n4\n'),
    ('var d = new Date(2020, 0, 1); '
     'console.log(d.setHours(), d.setHours(undefined), d.getTime())',
     'NaN NaN NaN\n'),
    ('var d = new Date(2020, 0, 1); console.log(d.setMinutes(1, undefined), d.getTime())',
     'NaN NaN\n'),
    ('var d = new Date(NaN); console.log(d.setFullYear(2020), d.toISOString()); '
     'var e = new Date(NaN); console.log(e.setUTCFullYear(2021, 5), e.toISOString())',
     '1577836800000 2020-01-01T00:00:00.000Z\n1622505600000 2021-06-01T00:00:00.000Z\n'),
    ('var d = new Date(NaN); '
     'console.log(d.setMonth(1), d.setDate(1), d.setHours(1), d.setMinutes(1), d.setSeconds(1), d.setMilliseconds(1), d.setUTCHours(1), d.setUTCMonth(1))',
     'NaN NaN NaN NaN NaN NaN NaN NaN\n'),
    ('var d = new Date(0); '
     'console.log(d.setUTCFullYear(2000, 1, 29), d.setUTCMonth(0, 31), d.setUTCDate(15), d.setUTCHours(23, 59, 59, 999), d.setUTCMinutes(0, 0, 0), d.setUTCSeconds(30, 500), d.setUTCMilliseconds(1), d.toISOString())',
     '951782400000 949276800000 947894400000 947980799999 947977200000 947977230500 947977230001 2000-01-15T23:00:30.001Z\n'),
    ('var d = new Date(0); '
     "console.log(d.setTime(1.7), d.setTime('12'), d.setTime(8.64e15 + 1), d.setTime(), d.getTime())",
     '1 12 NaN NaN NaN\n'),
    ('var d = new Date(0); console.log(d.setFullYear(275760, 8, 14), d.getTime())',
     'NaN NaN\n'),
    ('var d = new Date(2000, 0, 1); '
     'console.log(d.setYear(99), d.getFullYear(), d.setYear(2001), d.getFullYear(), d.setYear(NaN), d.getTime())',
     '915148800000 1999 978307200000 2001 NaN NaN\n'),
    ('var d = new Date(NaN); '
     'console.log(d.setYear(95), d.getFullYear(), d.getMonth(), d.getDate())',
     '788918400000 1995 0 1\n'),
    ('var log = []; var d = new Date(2020, 0, 1); '
     'function v(n, x){ return {valueOf(){ log.push(n); return x }} }; '
     "d.setHours(v('h', 1), v('m', 2), v('s', 3), v('ms', 4)); "
     "d.setUTCMonth(v('M', 5), v('D', 6)); "
     "d.setFullYear(v('Y', 1999), v('M2', 1), v('D2', 2)); "
     'console.log(log.join(), d.toISOString())',
     'h,m,s,ms,M,D,Y,M2,D2 1999-02-02T01:02:03.004Z\n'),
    ('var d = new Date(Date.UTC(2019, 0, 1, 2, 3, 4, 5)); console.log(d.toString()); '
     'console.log(d.toDateString()); console.log(d.toTimeString()); '
     'console.log(d.toUTCString()); console.log(d.toISOString())',
     'Tue Jan 01 2019 02:03:04 GMT+0000 (Coordinated Universal Time)\nTue Jan 01 2019\n02:03:04 GMT+0000 (Coordinated Universal Time)\nTue, 01 Jan 2019 02:03:04 GMT\n2019-01-01T02:03:04.005Z\n'),
    ('var d = new Date(Date.UTC(2019, 0, 1, 15, 3, 4)); console.log(d.toLocaleString()); '
     'console.log(d.toLocaleDateString()); console.log(d.toLocaleTimeString())',
     '1/1/2019, 3:03:04 PM\n1/1/2019\n3:03:04 PM\n'),
    ('var d = new Date(Date.UTC(2019, 0, 1, 0, 3, 4)); '
     "console.log(d.toLocaleString(), '|', d.toLocaleTimeString('en-US'))",
     '1/1/2019, 12:03:04 AM | 12:03:04 AM\n'),
    ('var d = new Date(NaN); '
     'console.log(d.toString(), d.toDateString(), d.toTimeString(), d.toUTCString(), d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString(), String(d))',
     'Invalid Date Invalid Date Invalid Date Invalid Date Invalid Date Invalid Date Invalid Date Invalid Date\n'),
    ('try { new Date(NaN).toISOString() } catch (e) { console.log(e.name, e.message) }',
     'RangeError Invalid time value\n'),
    ('console.log(new Date(Date.UTC(-1, 0)).toISOString(), new Date(Date.UTC(10000, 0)).toISOString(), new Date(Date.UTC(-1, 0)).toUTCString(), new Date(Date.UTC(-1, 0)).toString())',
     '-000001-01-01T00:00:00.000Z +010000-01-01T00:00:00.000Z Fri, 01 Jan -0001 00:00:00 GMT Fri Jan 01 -0001 00:00:00 GMT+0000 (Coordinated Universal Time)\n'),
    ('console.log(new Date(Date.UTC(12, 0)).toISOString(), new Date(Date.UTC(2012, 0)).setUTCFullYear(12), new Date(-2e14).toString())',
     '1912-01-01T00:00:00.000Z -61788528000000 Fri Apr 02 -4368 04:26:40 GMT+0000 (Coordinated Universal Time)\n'),
    ('console.log(Date.prototype.toGMTString === Date.prototype.toUTCString, Date.prototype.toGMTString.name)',
     'true toUTCString\n'),
    ('console.log(JSON.stringify(new Date(0)), JSON.stringify({a: new Date(NaN)}), new Date(0).toJSON())',
     '"1970-01-01T00:00:00.000Z" {"a":null} 1970-01-01T00:00:00.000Z\n'),
    ("var o = {toISOString(){ return 'iso!' }, valueOf(){ return 1 }}; "
     'console.log(Date.prototype.toJSON.call(o)); '
     "var p = {valueOf(){ return Infinity }, toISOString(){ return 'x' }}; "
     'console.log(Date.prototype.toJSON.call(p))',
     'iso!\nnull\n'),
    ('try { Date.prototype.toJSON.call({valueOf(){ return 1 }}) } catch (e) { console.log(e.name) } try { Date.prototype.toJSON.call(null) } catch (e) { console.log(e.name) }',
     'TypeError\nTypeError\n'),
    ('var d = new Date(0); '
     'console.log(typeof (d + 1), d - 1, d * 1, `${d}` === d.toString(), d == d.toString(), d < 1)',
     'string -1 0 true true true\n'),
    ('var f = Date.prototype[Symbol.toPrimitive]; var d = new Date(5); '
     "console.log(f.call(d, 'number'), f.call(d, 'string') === d.toString(), f.call(d, 'default') === d.toString(), f.name, f.length)",
     '5 true true [Symbol.toPrimitive] 1\n'),
    ('var f = Date.prototype[Symbol.toPrimitive]; '
     "['x', undefined, 1, null].forEach(function(h){ try { f.call(new Date(0), h) } catch (e) { console.log(e.name, e.message) } }); "
     "try { f.call(1, 'number') } catch (e) { console.log(e.name) }",
     'TypeError Invalid hint: x\nTypeError Invalid hint: undefined\nTypeError Invalid hint: 1\nTypeError Invalid hint: null\nTypeError\n'),
    ('var f = Date.prototype[Symbol.toPrimitive]; '
     "console.log(f.call({toString(){ return 's' }, valueOf(){ return 2 }}, 'default'), f.call({toString(){ return 's' }, valueOf(){ return 2 }}, 'number'))",
     's 2\n'),
    ('var d = Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive); '
     'console.log(d.writable, d.enumerable, d.configurable)',
     'false false true\n'),
    ('var names = Object.getOwnPropertyNames(Date.prototype).sort(); '
     'console.log(names.length, names.join())',
     '47 constructor,getDate,getDay,getFullYear,getHours,getMilliseconds,getMinutes,getMonth,getSeconds,getTime,getTimezoneOffset,getUTCDate,getUTCDay,getUTCFullYear,getUTCHours,getUTCMilliseconds,getUTCMinutes,getUTCMonth,getUTCSeconds,getYear,setDate,setFullYear,setHours,setMilliseconds,setMinutes,setMonth,setSeconds,setTime,setUTCDate,setUTCFullYear,setUTCHours,setUTCMilliseconds,setUTCMinutes,setUTCMonth,setUTCSeconds,setYear,toDateString,toGMTString,toISOString,toJSON,toLocaleDateString,toLocaleString,toLocaleTimeString,toString,toTimeString,toUTCString,valueOf\n'),
    ("console.log(['setFullYear','setHours','setMinutes','setMonth','setSeconds','setUTCHours','toJSON','toLocaleString','getYear','setYear','UTC'].map(function(n){ return (Date.prototype[n] || Date[n]).length }).join())",
     '3,4,3,2,2,4,1,0,0,1,7\n'),
    ("var d = Object.getOwnPropertyDescriptor(Date, 'prototype'); "
     'console.log(d.writable, d.enumerable, d.configurable); '
     "var m = Object.getOwnPropertyDescriptor(Date.prototype, 'getTime'); "
     'console.log(m.writable, m.enumerable, m.configurable)',
     'false false false\ntrue false true\n'),
    ('console.log(Object.prototype.toString.call(new Date(0)), new Date(0) instanceof Date, typeof Date.prototype.valueOf.call(new Date(3)))',
     '[object Date] true number\n'),
]

SPEC_CASES = [
    # 21.4.4.22 setHours: every present argument is converted before the NaN check
    # (V8 stops after the first one).
    ("var d = new Date(NaN); var called = 0; "
     "console.log(d.setHours({valueOf(){ called++; return 1 }}, {valueOf(){ called++; return 1 }}), called)",
     "NaN 2\n"),
    # 21.4.4.23 setMilliseconds: [[DateValue]] is read before ToNumber(ms) (V8 reads it after).
    ("var d = new Date(0); var r = d.setMilliseconds({valueOf(){ d.setTime(NaN); return 5 }}); "
     "console.log(r, d.getTime())",
     "5 5\n"),
]

# node with TZ=America/New_York printed these lines.
NEW_YORK_SOURCE = """\
var d = new Date(2021, 2, 14, 2, 30);
console.log(d.toString(), d.getHours(), d.getTimezoneOffset());
var e = new Date(2021, 10, 7, 1, 30);
console.log(e.toString(), e.toISOString());
var s = new Date(Date.UTC(2021, 6, 1, 12));
console.log(s.toString(), s.getHours(), s.getTimezoneOffset(), s.toLocaleString(), s.toTimeString());
var w = new Date(Date.UTC(2021, 0, 1, 3));
console.log(w.getDate(), w.getDay(), w.toDateString(), w.getYear());
w.setHours(48); console.log(w.toISOString());
w.setMonth(6); console.log(w.toISOString(), w.getTimezoneOffset());
console.log(new Date('2021-07-01T00:00:00').toISOString(), new Date('2021-07-01').toISOString(),
            Date.parse('Jul 1 2021 10:00'));
console.log(new Date(1800, 0, 1).toString(), new Date(1800, 0, 1).getTimezoneOffset());
"""
NEW_YORK_OUTPUT = """\
Sun Mar 14 2021 03:30:00 GMT-0400 (Eastern Daylight Time) 3 240
Sun Nov 07 2021 01:30:00 GMT-0400 (Eastern Daylight Time) 2021-11-07T05:30:00.000Z
Thu Jul 01 2021 08:00:00 GMT-0400 (Eastern Daylight Time) 8 240 7/1/2021, 8:00:00 AM 08:00:00 GMT-0400 (Eastern Daylight Time)
31 4 Thu Dec 31 2020 120
2021-01-02T05:00:00.000Z
2021-07-02T04:00:00.000Z 240
2021-07-01T04:00:00.000Z 2021-07-01T00:00:00.000Z 1625148000000
Wed Jan 01 1800 00:00:00 GMT-0456 (Eastern Standard Time) 296
"""


@pytest.mark.parametrize("src,expected", CASES)
def test_date_output(src, expected):
    assert run(src) == expected


@pytest.mark.parametrize("src,expected", SPEC_CASES)
def test_date_spec_order(src, expected):
    assert run(src) == expected


def test_local_time_zone():
    dates.set_timezone("America/New_York")
    assert run(NEW_YORK_SOURCE) == NEW_YORK_OUTPUT


def test_now_is_current_time():
    import time
    before = int(time.time() * 1000)
    out = run("var a = Date.now(), b = new Date().getTime(); console.log(a, b, Date())")
    a, b = (int(x) for x in out.split()[:2])
    after = int(time.time() * 1000)
    assert before <= a <= b <= after


RESTRICTED = [
    "Date.now()",
    "new Date()",
    "Date()",
    "Date(1, 2)",
    "Reflect.construct(Date, [])",
]


@pytest.mark.parametrize("expr", RESTRICTED)
def test_restricted_realm_has_no_clock(expr):
    if expr.startswith("Reflect") and not _has_reflect():
        pytest.skip("Reflect is not available")
    r = jsrt.Realm(host=False, restricted=True)
    src = ("var out; try { %s; out = 'no error' } catch (e) { out = e.name + ': ' + e.message } out"
           % expr)
    assert r.eval(src) == "TypeError: Date.now() is not allowed in a RealmBuilder realm"


def test_restricted_realm_other_dates_work():
    r = jsrt.Realm(host=False, restricted=True)
    src = ("[new Date(0).toISOString(), Date.UTC(2000, 0), Date.parse('2000-01-01'), "
           "new Date(2000, 0, 1).getFullYear()].join()")
    assert r.eval(src) == "1970-01-01T00:00:00.000Z,946684800000,946684800000,2000"


def _has_reflect():
    return jsrt.Realm(host=False).eval("typeof Reflect") == "object"


DIFFERENTIAL_SCRIPT = """
var out = [];
function p() { out.push(Array.prototype.join.call(arguments, ' ')); }
var seed = 12345;
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
var times = [0, -1, 1, 8.64e15, -8.64e15, 951782400000, 1583020800000, -62135596800000, 253402300799999];
for (var i = 0; i < 120; i++) times.push(Math.floor((rnd() - 0.3) * 6e12));
for (var i = 0; i < 40; i++) times.push(Math.floor((rnd() - 0.5) * 1.6e16));
times.forEach(function (t) {
  var d = new Date(t);
  p(t, d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(),
    d.getSeconds(), d.getMilliseconds(), d.getTimezoneOffset(), d.getYear());
  p(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(),
    d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  p(d.toString()); p(d.toUTCString()); p(d.toDateString(), '|', d.toTimeString());
  p(d.toLocaleString(), '|', d.toLocaleDateString(), '|', d.toLocaleTimeString());
  p(isFinite(d) ? d.toISOString() : 'invalid', JSON.stringify(d));
  p(Date.parse(d.toString()), Date.parse(d.toUTCString()), isFinite(d) ? Date.parse(d.toISOString()) : NaN);
  var e = new Date(d.getTime());
  p(e.setMonth(e.getMonth() + 7), e.setDate(0), e.setHours(-5, 70), e.setFullYear(e.getFullYear() - 3, 1, 29));
  p(e.setUTCMonth(3, 31), e.setUTCHours(25), e.setMinutes(59, 59, 999), e.setSeconds(-1), e.setMilliseconds(1e6));
  p(new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()).getTime());
});
for (var y = -3; y < 130; y += 7) {
  p(y, new Date(y, 0).getTime(), Date.UTC(y, 11, 31), new Date(y, 5, 15, 12).toString());
}
['2000-01-01', '2000-01-01T00:00', '2000-01-01T00:00Z', '2000-01-01T00:00:00.5+05:30', '+020000-01-01T00:00:00Z',
 'Sat, 01 Jan 2000 00:00:00 GMT', 'Jan 2 2000', '2 January 2000 10:00 PM', '1/2/2000', '2000/1/2 3:04:05',
 'Sat Jan 01 2000 00:00:00 GMT+0100 (CET)', 'Thu, 01 Jan 1970 00:00:00 GMT+0130', '2000-1-2', 'x 2000',
 '2000-01-01T24:00:00Z', '2000-01-01T23:60:00Z', '12:00 2000-01-01', 'Tuesday, 4 Feb 2003 12:00:00 EST',
 '2003-02-04 12:00:00 PST', 'Mon Feb 03 2003', '20 Mar 2021 10:11:12 +0000', '2021-03-20T10:11:12.123456Z'
].forEach(function (s) { p(JSON.stringify(s), Date.parse(s), new Date(s).getTime()); });
console.log(out.join('\\n'));
"""

ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("zone", ZONES)
def test_differential_against_node(zone):
    env = dict(os.environ, TZ=zone)
    p = subprocess.run(["node", "-e", DIFFERENTIAL_SCRIPT], capture_output=True, text=True,
                       timeout=120, env=env)
    assert p.returncode == 0, p.stderr
    dates.set_timezone(zone)
    got = run(DIFFERENTIAL_SCRIPT)
    assert got.splitlines() == p.stdout.splitlines()
