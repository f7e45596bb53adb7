"""toLocaleString with ECMA-402 options, en-US: Number (currency, percent, digit options)
and Date (components, hour cycles, date/time styles, time zones and their names), and the
Intl objects built on the same formatting (NumberFormat, DateTimeFormat, Collator,
PluralRules); localeCompare's sensitivity and numeric options.

Each row is a script and the output node 20 prints for it (found by differential testing
against node; see tests/js/test_fast_paths.py for the pattern).
"""

import pytest

from jshelpers import node_available, run_js, run_node

CASES = [
    ("console.log((1234.567).toLocaleString('en-US', {style: 'currency', currency: 'USD'}), (-0.5).toLocaleString('en-US', {style: 'currency', currency: 'EUR'}), (1234.5).toLocaleString('en-US', {style: 'currency', currency: 'JPY'}), (3).toLocaleString('en-US', {style: 'currency', currency: 'gbp'}))",
     '$1,234.57 -€0.50 ¥1,235 £3.00\n'),
    ("console.log(escape((3).toLocaleString('en-US', {style: 'currency', currency: 'USD', currencyDisplay: 'code'})), (3).toLocaleString('en-US', {style: 'currency', currency: 'USD', currencyDisplay: 'name'}), escape((3).toLocaleString('en-US', {style: 'currency', currency: 'CHF'})), (-3).toLocaleString('en-US', {style: 'currency', currency: 'USD', currencySign: 'accounting'}), (3).toLocaleString('en-US', {style: 'currency', currency: 'CAD'}))",
     'USD%A03.00 3.00 US dollars CHF%A03.00 ($3.00) CA$3.00\n'),
    ("console.log((0.256).toLocaleString('en-US', {style: 'percent'}), (0.2567).toLocaleString('en-US', {style: 'percent', minimumFractionDigits: 1}), (-12.345).toLocaleString('en-US', {style: 'percent'}), (12.5).toLocaleString('en-US', {style: 'currency', currency: 'USD', minimumFractionDigits: 0}), (1.005).toLocaleString('en-US', {style: 'currency', currency: 'USD'}))",
     '26% 25.7% -1,235% $12.5 $1.01\n'),
    ("console.log((5).toLocaleString('en-US', {minimumIntegerDigits: 2}), (1234.5).toLocaleString('en-US', {maximumSignificantDigits: 3}), (0.00012345).toLocaleString('en-US', {maximumSignificantDigits: 2}), (1.5).toLocaleString('en-US', {minimumSignificantDigits: 3}), NaN.toLocaleString('en-US', {style: 'currency', currency: 'USD'}), (-0).toLocaleString('en-US', {style: 'currency', currency: 'USD'}))",
     '05 1,230 0.00012 1.50 $NaN -$0.00\n'),
    ("function t(f){ try { console.log(f()) } catch (e) { console.log(e.constructor.name, e.message) } } t(function(){ return (1).toLocaleString('en-US', {style: 'currency'}) }); t(function(){ return (1).toLocaleString('en-US', {style: 'bogus'}) }); t(function(){ return (1).toLocaleString('en-US', {style: 'currency', currency: 'US'}) }); t(function(){ return (1).toLocaleString('x') }); t(function(){ return (1).toLocaleString(null) }); t(function(){ return (1234).toLocaleString(['en-US']) })",
     'TypeError Currency code is required with currency style.\nRangeError Value bogus out of range for Number.prototype.toLocaleString options property style\nRangeError Invalid currency code : US\nRangeError Incorrect locale information provided\nTypeError Cannot convert undefined or null to object\n1,234\n'),
    ("console.log([1234.5, 2, null].toLocaleString('en-US', {style: 'currency', currency: 'USD'}), new Float64Array([1.5, 1000]).toLocaleString(undefined, {minimumFractionDigits: 2}))",
     '$1,234.50,$2.00, 1.50,1,000.00\n'),
    ("var d = new Date(Date.UTC(2020, 0, 5, 15, 4, 9, 7)); [{year: 'numeric', month: 'long', day: 'numeric'}, {year: 'numeric', month: 'short', day: 'numeric'}, {year: 'numeric', month: '2-digit', day: '2-digit'}, {weekday: 'long', year: 'numeric', month: 'long', day: 'numeric'}, {weekday: 'short'}, {month: 'long'}, {month: 'short', year: 'numeric'}, {month: 'numeric', day: 'numeric'}].forEach(function(o){ o.timeZone = 'UTC'; console.log(d.toLocaleDateString('en-US', o), '|', d.toLocaleString('en-US', o), '|', d.toLocaleTimeString('en-US', o)) })",
     'January 5, 2020 | January 5, 2020 | January 5, 2020 at 3:04:09 PM\nJan 5, 2020 | Jan 5, 2020 | Jan 5, 2020, 3:04:09 PM\n01/05/2020 | 01/05/2020 | 01/05/2020, 3:04:09 PM\nSunday, January 5, 2020 | Sunday, January 5, 2020 | Sunday, January 5, 2020 at 3:04:09 PM\nSun | Sun | Sun 3:04:09 PM\nJanuary | January | January at 3:04:09 PM\nJan 2020 | Jan 2020 | Jan 2020, 3:04:09 PM\n1/5 | 1/5 | 1/5, 3:04:09 PM\n'),
    ("var d = new Date(Date.UTC(2020, 6, 5, 3, 4, 9, 7)); [{hour: '2-digit', minute: '2-digit'}, {hour: 'numeric', minute: '2-digit', hour12: false}, {hour: 'numeric', hour12: true}, {hourCycle: 'h23', hour: 'numeric', minute: 'numeric'}, {hourCycle: 'h11', hour: 'numeric'}, {minute: '2-digit', second: '2-digit'}, {second: 'numeric', fractionalSecondDigits: 3}, {weekday: 'short', hour: 'numeric', minute: 'numeric'}].forEach(function(o){ o.timeZone = 'UTC'; console.log(d.toLocaleTimeString('en-US', o), '|', d.toLocaleString('en-US', o)) })",
     '03:04 AM | 03:04 AM\n03:04 | 03:04\n3 AM | 3 AM\n03:04 | 03:04\n3 AM | 3 AM\n04:09 | 04:09\n9.007 | 9.007\nSun 3:04 AM | Sun 3:04 AM\n'),
    ("var d = new Date(Date.UTC(2020, 0, 5, 15, 4, 9)); ['full', 'long', 'medium', 'short'].forEach(function(s){ console.log(d.toLocaleString('en-US', {dateStyle: s, timeZone: 'UTC'}), '|', d.toLocaleString('en-US', {timeStyle: s, timeZone: 'UTC'}), '|', d.toLocaleString('en-US', {dateStyle: s, timeStyle: 'short', timeZone: 'UTC'})) })",
     'Sunday, January 5, 2020 | 3:04:09 PM Coordinated Universal Time | Sunday, January 5, 2020 at 3:04 PM\nJanuary 5, 2020 | 3:04:09 PM UTC | January 5, 2020 at 3:04 PM\nJan 5, 2020 | 3:04:09 PM | Jan 5, 2020, 3:04 PM\n1/5/20 | 3:04 PM | 1/5/20, 3:04 PM\n'),
    ("var d = new Date(Date.UTC(2020, 6, 5, 3, 4, 9)); ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'UTC', 'Etc/GMT+5'].forEach(function(z){ console.log(z, d.toLocaleString('en-US', {timeZone: z, timeZoneName: 'short'})) }); console.log(d.toLocaleString('en-US', {timeZone: 'America/New_York', timeZoneName: 'long'}))",
     'America/New_York 7/4/2020, 11:04:09 PM EDT\nAmerica/Los_Angeles 7/4/2020, 8:04:09 PM PDT\nEurope/London 7/5/2020, 4:04:09 AM GMT+1\nEurope/Berlin 7/5/2020, 5:04:09 AM GMT+2\nAsia/Kolkata 7/5/2020, 8:34:09 AM GMT+5:30\nAsia/Tokyo 7/5/2020, 12:04:09 PM GMT+9\nUTC 7/5/2020, 3:04:09 AM UTC\nEtc/GMT+5 7/4/2020, 10:04:09 PM GMT-5\n7/4/2020, 11:04:09 PM Eastern Daylight Time\n'),
    ("var d = new Date(0); function t(f){ try { console.log(f()) } catch (e) { console.log(e.constructor.name, e.message) } } t(function(){ return d.toLocaleString('en-US', {timeZone: 'Bogus/Zone'}) }); t(function(){ return d.toLocaleDateString('en-US', {timeStyle: 'short'}) }); t(function(){ return d.toLocaleTimeString('en-US', {dateStyle: 'short'}) }); t(function(){ return d.toLocaleString('en-US', {dateStyle: 'long', year: 'numeric'}) }); t(function(){ return d.toLocaleString('en-US', {month: 'bogus'}) }); t(function(){ return new Date(NaN).toLocaleDateString('en-US', {month: 'long'}) })",
     "RangeError Invalid time zone specified: Bogus/Zone\nTypeError Invalid option : timeStyle\nTypeError Invalid option : dateStyle\nTypeError Can't set option year when dateStyle is used\nRangeError Value bogus out of range for Date.prototype.toLocaleString options property month\nInvalid Date\n"),
    ("var nf = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD'}); console.log(nf.format(1234.5), nf.format(-3), [1, 2.5].map(nf.format), Intl.NumberFormat().format(1234567.891), new Intl.NumberFormat().format(BigInt(12345)), nf.format === nf.format, nf.format.length, nf.format.name === '')",
     "$1,234.50 -$3.00 [ '$1.00', '$2.50' ] 1,234,567.891 12,345 true 1 true\n"),
    ("var nf = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD'}); console.log(JSON.stringify(nf.formatToParts(-1234.5)), JSON.stringify(new Intl.NumberFormat('en-US', {style: 'percent'}).formatToParts(0.25)))",
     '[{"type":"minusSign","value":"-"},{"type":"currency","value":"$"},{"type":"integer","value":"1"},{"type":"group","value":","},{"type":"integer","value":"234"},{"type":"decimal","value":"."},{"type":"fraction","value":"50"}] [{"type":"integer","value":"25"},{"type":"percentSign","value":"%"}]\n'),
    ("console.log(new Intl.NumberFormat('en-US', {style: 'currency', currency: 'EUR'}).resolvedOptions(), new Intl.NumberFormat().resolvedOptions())",
     "{\n  locale: 'en-US',\n  numberingSystem: 'latn',\n  style: 'currency',\n  currency: 'EUR',\n  currencyDisplay: 'symbol',\n  currencySign: 'standard',\n  minimumIntegerDigits: 1,\n  minimumFractionDigits: 2,\n  maximumFractionDigits: 2,\n  useGrouping: 'auto',\n  notation: 'standard',\n  signDisplay: 'auto',\n  roundingMode: 'halfExpand',\n  roundingIncrement: 1,\n  trailingZeroDisplay: 'auto',\n  roundingPriority: 'auto'\n} {\n  locale: 'en-US',\n  numberingSystem: 'latn',\n  style: 'decimal',\n  minimumIntegerDigits: 1,\n  minimumFractionDigits: 0,\n  maximumFractionDigits: 3,\n  useGrouping: 'auto',\n  notation: 'standard',\n  signDisplay: 'auto',\n  roundingMode: 'halfExpand',\n  roundingIncrement: 1,\n  trailingZeroDisplay: 'auto',\n  roundingPriority: 'auto'\n}\n"),
    ("var d = new Date(Date.UTC(2020, 0, 5, 15, 4, 9)); var dtf = new Intl.DateTimeFormat('en-US', {timeZone: 'UTC'}); console.log(dtf.format(d), new Intl.DateTimeFormat('en-US', {dateStyle: 'medium', timeZone: 'UTC'}).format(d), new Intl.DateTimeFormat('en-US', {year: 'numeric', month: 'long', timeZone: 'America/New_York'}).format(d), Intl.DateTimeFormat('en', {hour: 'numeric', timeZone: 'UTC'}).format(0), [d].map(dtf.format))",
     "1/5/2020 Jan 5, 2020 January 2020 12 AM [ '1/5/2020' ]\n"),
    ("console.log(new Intl.DateTimeFormat('en-US', {timeZone: 'UTC'}).resolvedOptions(), new Intl.DateTimeFormat('en-US', {hour: 'numeric', minute: 'numeric', timeZone: 'Asia/Tokyo'}).resolvedOptions())",
     "{\n  locale: 'en-US',\n  calendar: 'gregory',\n  numberingSystem: 'latn',\n  timeZone: 'UTC',\n  year: 'numeric',\n  month: 'numeric',\n  day: 'numeric'\n} {\n  locale: 'en-US',\n  calendar: 'gregory',\n  numberingSystem: 'latn',\n  timeZone: 'Asia/Tokyo',\n  hourCycle: 'h12',\n  hour12: true,\n  hour: 'numeric',\n  minute: '2-digit'\n}\n"),
    ("console.log(['b', 'a', 'C', 'ä'].sort(new Intl.Collator().compare), ['item10', 'item9', 'item1'].sort(new Intl.Collator(undefined, {numeric: true}).compare), new Intl.Collator().compare('a', 'b'))",
     "[ 'a', 'ä', 'b', 'C' ] [ 'item1', 'item9', 'item10' ] -1\n"),
    ("var pr = new Intl.PluralRules('en-US'); console.log(pr.select(0), pr.select(1), pr.select(2), pr.select(-1), pr.select(1.5)); var po = new Intl.PluralRules('en-US', {type: 'ordinal'}); console.log([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(function(n){ return po.select(n) }).join())",
     'other one other one other\none,two,few,other,other,other,other,one,two,few,one,other\n'),
    ("console.log(Intl.getCanonicalLocales(['EN-us', 'de-de']), Intl.NumberFormat.supportedLocalesOf(['en-US', 'fr']), Object.prototype.toString.call(Intl), String(new Intl.NumberFormat()), Intl.NumberFormat.length, Intl.NumberFormat.name)",
     "[ 'en-US', 'de-DE' ] [ 'en-US', 'fr' ] [object Intl] [object Intl.NumberFormat] 0 NumberFormat\n"),
    ("function t(f){ try { f() } catch (e) { console.log(e.constructor.name, e.message) } } t(function(){ new Intl.DateTimeFormat('en-US', {timeZone: 'Nope/Zone'}) }); t(function(){ Intl.PluralRules() }); t(function(){ new Intl.NumberFormat('en-US', {style: 'currency'}) }); t(function(){ new Intl.DateTimeFormat().format(NaN) }); t(function(){ Intl.DateTimeFormat.prototype.format }); t(function(){ Intl.NumberFormat.prototype.resolvedOptions.call(1) })",
     "RangeError Invalid time zone specified: Nope/Zone\nTypeError Constructor Intl.PluralRules requires 'new'\nTypeError Currency code is required with currency style.\nRangeError Invalid time value\nTypeError Method UnwrapDateTimeFormat called on incompatible receiver #<DateTimeFormat>\nTypeError Method Intl.NumberFormat.prototype.resolvedOptions called on incompatible receiver 1\n"),
    ("var pairs = [['a', 'A'], ['a', 'á'], ['a', 'b'], ['résumé', 'RESUME'], ['item10', 'item9'], ['a1b', 'a01b'], ['Straße', 'strasse'], ['2', '10']]; ['base', 'accent', 'case', 'variant'].forEach(function(s){ console.log(s, pairs.map(function(p){ return p[0].localeCompare(p[1], undefined, {sensitivity: s}) }).join(' ')) }); console.log(pairs.map(function(p){ return p[0].localeCompare(p[1], 'en', {numeric: true}) }).join(' '))",
     'base 0 0 -1 0 -1 1 0 1\naccent 0 -1 -1 1 -1 1 1 1\ncase -1 0 -1 -1 -1 1 1 1\nvariant -1 -1 -1 1 -1 1 1 1\n-1 -1 -1 1 1 0 1 -1\n'),
    ("console.log(['file10.txt', 'file2.txt', 'File1.txt', 'file1.txt'].sort(new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'}).compare), new Intl.Collator('en', {sensitivity: 'accent'}).resolvedOptions()); try { 'a'.localeCompare('b', undefined, {sensitivity: 'bogus'}) } catch (e) { console.log(e.constructor.name, e.message) }",
     "[ 'File1.txt', 'file1.txt', 'file2.txt', 'file10.txt' ] {\n  locale: 'en',\n  usage: 'sort',\n  sensitivity: 'accent',\n  ignorePunctuation: false,\n  collation: 'default',\n  numeric: false,\n  caseFirst: 'false'\n}\nRangeError Value bogus out of range for String.prototype.localeCompare options property sensitivity\n"),
]


@pytest.mark.parametrize("src,expected", CASES)
def test_locale_formatting(src, expected):
    assert run_js(src) == expected


@pytest.mark.node
@pytest.mark.skipif(not node_available(), reason="node is not installed")
@pytest.mark.parametrize("src,expected", CASES)
def test_rows_match_node(src, expected):
    assert run_node(src) == expected
