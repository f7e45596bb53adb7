"""jsrt.runtime.regexp: JS regular expressions (ECMA-262 §22.2 + Annex B) on ``regex``.

Strings are UTF-16 code units, as everywhere in jsrt. Each table row runs on both engines (the
``regex`` translation when the pattern allows it, and the backtracking VM), and a differential
test runs every pattern of this file through node once and compares matches, groups and indices.
"""

import json
import shutil
import subprocess

import pytest

from jsrt.runtime.regexp import CompiledPattern, RegExpSyntaxError, compile_pattern

PAIR = "\ud83d\ude00"  # U+1F600 as its surrogate pair

# (pattern, flags, subject, start index, expected): expected is None (no match) or
# (match index, [whole match, group 1, ...]) with None for a group that did not participate.
EXEC_CASES = [
    # . and line terminators
    (".", "", "\n\r\u2028\u2029a", 0, (4, ["a"])),
    (".", "", "\x85", 0, (0, ["\x85"])),
    (".", "s", "\n", 0, (0, ["\n"])),
    (".", "", PAIR, 0, (0, ["\ud83d"])),
    (".", "u", PAIR, 0, (0, [PAIR])),
    ("^.$", "u", PAIR, 0, (0, [PAIR])),
    ("^.$", "", PAIR, 0, None),
    ("^..$", "", PAIR, 0, (0, [PAIR])),
    # ^ and $
    ("a$", "", "a\n", 0, None),
    ("a$", "m", "a\n", 0, (0, ["a"])),
    ("a$", "m", "a\u2028b", 0, (0, ["a"])),
    ("a$", "m", "a\x85", 0, None),
    ("^b", "m", "a\rb", 0, (2, ["b"])),
    ("^b", "m", "a\x0bb", 0, None),
    ("^a", "", "ba", 1, None),
    ("^a", "m", "b\na", 1, (2, ["a"])),
    ("$", "", "ab", 0, (2, [""])),
    ("^$", "", "", 0, (0, [""])),
    # \d \w \b \s are ASCII / JS WhiteSpace
    ("\\d", "", "\u0663", 0, None),
    ("\\d+", "u", "x\u0663123", 0, (2, ["123"])),
    ("\\w", "", "\u00e9", 0, None),
    ("\\w", "i", "\u017f", 0, None),
    ("\\w", "iu", "\u017f", 0, (0, ["\u017f"])),
    ("\\w", "iu", "\u212a", 0, (0, ["\u212a"])),
    ("\\W", "iu", "\u017f", 0, None),
    ("\\W", "iu", "S", 0, None),
    ("\\W", "i", "\u017f", 0, (0, ["\u017f"])),
    ("[^\\W]", "iu", "\u017f", 0, (0, ["\u017f"])),
    ("\\b", "iu", "\u017f", 0, (0, [""])),
    ("\\b", "i", "\u017f", 0, None),
    ("a\\b", "", "a\u00e9", 0, (0, ["a"])),
    ("\\B", "", "ab", 0, (1, [""])),
    ("\\s", "", "\ufeff", 0, (0, ["\ufeff"])),
    ("\\s", "", "\u00a0", 0, (0, ["\u00a0"])),
    ("\\s", "", "\u2029", 0, (0, ["\u2029"])),
    ("\\s", "", "\u180e\x85", 0, None),
    ("\\s+", "", "a \t\x0b\x0c\u3000\u205fb", 0, (1, [" \t\x0b\x0c\u3000\u205f"])),
    ("\\S", "", "\u3000a", 0, (1, ["a"])),
    # classes
    ("[^]", "", "\n", 0, (0, ["\n"])),
    ("[]", "", "a", 0, None),
    ("a[]*b", "", "ab", 0, (0, ["ab"])),
    ("[^]*", "u", "a" + PAIR, 0, (0, ["a" + PAIR])),
    ("[\\b]", "", "\b", 0, (0, ["\b"])),
    ("[\\d-z]+", "", "1-z", 0, (0, ["1-z"])),
    ("[z-\\d]+", "", "1-z", 0, (0, ["1-z"])),
    ("[\\u0041-\\u0043]+", "", "ABCD", 0, (0, ["ABC"])),
    ("[\\x41-\\x43]+", "", "ABCD", 0, (0, ["ABC"])),
    ("[\\0]", "", "\0", 0, (0, ["\0"])),
    ("[\\101]", "", "A", 0, (0, ["A"])),
    ("[\\8]", "", "8", 0, (0, ["8"])),
    ("[\\cA]", "", "\x01", 0, (0, ["\x01"])),
    ("[\\c_]", "", "\x1f", 0, (0, ["\x1f"])),
    ("[\\c1]", "", "\x11", 0, (0, ["\x11"])),
    ("[\\c]+", "", "c\\", 0, (0, ["c\\"])),
    ("[\\-a]+", "u", "-a", 0, (0, ["-a"])),
    ("[a-]+", "", "a-", 0, (0, ["a-"])),
    ("[--0]+", "", "-./0", 0, (0, ["-./0"])),
    ("[" + PAIR + "]", "u", PAIR, 0, (0, [PAIR])),
    ("[" + PAIR + "]", "", PAIR, 0, (0, ["\ud83d"])),
    ("[\\ud83d\\ude00]", "u", PAIR, 0, (0, [PAIR])),
    ("[^\\ud83d]", "u", PAIR, 0, (0, [PAIR])),
    ("[\\u{1F600}-\\u{1F64F}]", "u", "\ud83d\ude03", 0, (0, ["\ud83d\ude03"])),
    ("[^a]", "i", "A", 0, None),
    ("[a-z]+", "i", "xABCx", 0, (0, ["xABCx"])),
    # \p{...} with u; without u, \p is an identity escape
    ("\\p{Lu}", "u", "aB", 0, (1, ["B"])),
    ("\\p{Script=Greek}+", "u", "a\u03b1\u03b2", 0, (1, ["\u03b1\u03b2"])),
    ("\\p{scx=Grek}", "u", "\u03b1", 0, (0, ["\u03b1"])),
    ("\\P{L}", "u", "ab1", 0, (2, ["1"])),
    ("[\\p{L}\\d]+", "u", "-a1-", 0, (1, ["a1"])),
    ("[^\\p{L}]", "u", "ab-", 0, (2, ["-"])),
    ("\\p{Lu}", "iu", "a", 0, (0, ["a"])),
    ("\\p{L}", "", "p{L}", 0, (0, ["p{L}"])),
    ("\\p{General_Category=Decimal_Number}", "u", "x\u0663", 0, (1, ["\u0663"])),
    ("\\p{ASCII_Hex_Digit}+", "u", "xAF09g", 0, (1, ["AF09"])),
    ("\\p{Any}", "u", PAIR, 0, (0, [PAIR])),
    # character escapes, Annex B forms
    ("\\0", "", "\0", 0, (0, ["\0"])),
    ("\\x41", "", "A", 0, (0, ["A"])),
    ("\\x4", "", "x4", 0, (0, ["x4"])),
    ("\\u0041", "", "A", 0, (0, ["A"])),
    ("\\u004", "", "u004", 0, (0, ["u004"])),
    ("\\u{41}", "u", "A", 0, (0, ["A"])),
    ("\\u{2}", "", "uu", 0, (0, ["uu"])),
    ("\\u{1F600}", "u", "x" + PAIR, 0, (1, [PAIR])),
    ("\\cJ", "", "\n", 0, (0, ["\n"])),
    ("\\cj", "", "\n", 0, (0, ["\n"])),
    ("\\c1", "", "\\c1", 0, (0, ["\\c1"])),
    ("\\c", "", "\\c", 0, (0, ["\\c"])),
    ("\\/", "", "/", 0, (0, ["/"])),
    ("\\/", "u", "/", 0, (0, ["/"])),
    ("\\a", "", "a", 0, (0, ["a"])),
    ("\\1", "", "\x01", 0, (0, ["\x01"])),
    ("\\01", "", "\x01", 0, (0, ["\x01"])),
    ("\\08", "", "\x008", 0, (0, ["\x008"])),
    ("\\377", "", "\xff", 0, (0, ["\xff"])),
    ("\\400", "", "\x200", 0, (0, ["\x200"])),
    ("\\8", "", "8", 0, (0, ["8"])),
    ("\\10", "", "\x08", 0, (0, ["\x08"])),
    ("(a)\\10", "", "a\x08", 0, (0, ["a\x08", "a"])),
    ("(a)\\2", "", "a\x02", 0, (0, ["a\x02", "a"])),
    ("\\k<a>", "", "k<a>", 0, (0, ["k<a>"])),
    ("a{", "", "a{", 0, (0, ["a{"])),
    ("a{,2}", "", "a{,2}", 0, (0, ["a{,2}"])),
    ("x{1}{", "", "x{", 0, (0, ["x{"])),
    ("]", "", "]", 0, (0, ["]"])),
    ("}", "", "}", 0, (0, ["}"])),
    ("\\ud83d\\ude00", "u", PAIR, 0, (0, [PAIR])),
    ("\\ud83d", "u", PAIR, 0, None),
    ("\\ude00", "u", PAIR, 0, None),
    ("\\ud83d", "", PAIR, 0, (0, ["\ud83d"])),
    ("\\ude00", "u", "x\ude00", 0, (1, ["\ude00"])),
    # lone surrogates in subjects
    ("\\ud800", "", "a\ud800", 0, (1, ["\ud800"])),
    ("\ud800", "", "a\ud800", 0, (1, ["\ud800"])),
    ("\ud83d", "u", PAIR + "\ud83d", 0, (2, ["\ud83d"])),
    ("\ud83d", "", PAIR, 0, (0, ["\ud83d"])),
    ("[\\ud800-\\udbff]", "u", "\ud800\udc00\ud800", 0, (2, ["\ud800"])),
    (".", "u", "\udc00\ud800", 0, (0, ["\udc00"])),
    (".+", "u", "\ud800\ud800\udc00", 0, (0, ["\ud800\ud800\udc00"])),
    # u: indices are UTF-16 units; a start inside a surrogate pair starts at the pair
    ("b", "u", PAIR + "b", 0, (2, ["b"])),
    ("(?:)", "u", PAIR, 1, (0, [""])),
    (".", "u", PAIR, 1, (0, [PAIR])),
    ("\\udc00", "u", "\ud83d\udc00", 1, None),
    ("$", "u", PAIR, 1, (2, [""])),
    # backreferences
    ("(a)\\1", "", "aa", 0, (0, ["aa", "a"])),
    ("\\1(a)", "", "a", 0, (0, ["a", "a"])),
    ("(a)|\\1b", "", "b", 0, (0, ["b", None])),
    ("(?:(a)|b)\\1", "", "b", 0, (0, ["b", None])),
    ("(a\\1)", "", "aa", 0, (0, ["a", "a"])),
    ("(?!(a))\\1b", "", "b", 0, (0, ["b", None])),
    ("(?<x>a)\\k<x>", "", "aa", 0, (0, ["aa", "a"])),
    ("\\k<x>(?<x>a)", "", "a", 0, (0, ["a", "a"])),
    ("(a)\\1", "i", "aA", 0, (0, ["aA", "a"])),
    ("(\\u017f)\\1", "i", "\u017fs", 0, None),
    ("(\\u017f)\\1", "iu", "\u017fs", 0, (0, ["\u017fs", "\u017f"])),
    ("(k)\\1", "i", "k\u212a", 0, None),
    ("(k)\\1", "iu", "k\u212a", 0, (0, ["k\u212a", "k"])),
    ("(\u00df)\\1", "i", "\u00df\u1e9e", 0, None),
    ("(\u00df)\\1", "iu", "\u00df\u1e9e", 0, (0, ["\u00df\u1e9e", "\u00df"])),
    ("(I)\\1", "i", "I\u0131", 0, None),
    ("(\\w+)\\s\\1", "i", "Hello HELLO", 0, (0, ["Hello HELLO", "Hello"])),
    ("(" + PAIR + ")\\1", "u", PAIR * 2, 0, (0, [PAIR * 2, PAIR])),
    # case-insensitive matching uses JS Canonicalize
    ("\\u212a", "i", "k", 0, None),
    ("\\u212a", "iu", "k", 0, (0, ["k"])),
    ("k", "iu", "\u212a", 0, (0, ["\u212a"])),
    ("s", "i", "\u017f", 0, None),
    ("s", "iu", "\u017f", 0, (0, ["\u017f"])),
    ("\u00df", "i", "\u1e9e", 0, None),
    ("\u00df", "iu", "\u1e9e", 0, (0, ["\u1e9e"])),
    ("\u03c3", "i", "\u03c2\u03a3", 0, (0, ["\u03c2"])),
    ("\u0390", "iu", "\u1fd3", 0, (0, ["\u1fd3"])),
    ("\u0390", "i", "\u1fd3", 0, None),
    ("i", "i", "\u0130\u0131", 0, None),
    ("\u00e9", "i", "\u00c9", 0, (0, ["\u00c9"])),
    ("\\ud801\\udc00", "i", "\ud801\udc28", 0, None),
    ("\\u{10400}", "iu", "\ud801\udc28", 0, (0, ["\ud801\udc28"])),
    # captures are reset at the start of every iteration of a quantified group
    ("((a)|b)+", "", "ab", 0, (0, ["ab", "b", None])),
    ("(z)((a+)?(b+)?(c))*", "", "zaacbbbcac", 0,
     (0, ["zaacbbbcac", "z", "ac", "a", None, "c"])),
    ("(?:(a)|b)*", "", "ab", 0, (0, ["ab", None])),
    ("(?:(a)|(b))+", "", "ab", 0, (0, ["ab", None, "b"])),
    ("(?:\\1(a))+", "", "aa", 0, (0, ["aa", "a"])),
    ("(?:(a)|b\\1)+", "", "ab", 0, (0, ["ab", None])),
    ("(?:(a)b)+", "", "abab", 0, (0, ["abab", "a"])),
    ("(a)+", "", "aaa", 0, (0, ["aaa", "a"])),
    # an optional iteration that matches the empty string fails (empty check)
    ("(a*)*", "", "b", 0, (0, ["", None])),
    ("(a*)+", "", "b", 0, (0, ["", ""])),
    ("(?:|a)*", "", "aaa", 0, (0, ["aaa"])),
    ("(?:a|)*", "", "aa", 0, (0, ["aa"])),
    ("(a|)*b", "", "b", 0, (0, ["b", None])),
    ("(a?){2,}", "", "a", 0, (0, ["a", ""])),
    ("(?=(a))*", "", "a", 0, (0, ["", None])),
    ("(?=(a))+", "", "a", 0, (0, ["", "a"])),
    ("(?:a()|){2}", "", "a", 0, (0, ["a", None])),
    ("(?:a*)*b", "", "aab", 0, (0, ["aab"])),
    ("(?:a*?)*?b", "", "aab", 0, (0, ["aab"])),
    # quantifiers
    ("a{2,3}", "", "aaaa", 0, (0, ["aaa"])),
    ("a{2,3}?", "", "aaaa", 0, (0, ["aa"])),
    ("a{2}", "", "a", 0, None),
    ("a{2,}", "", "aaaaa", 0, (0, ["aaaaa"])),
    ("a??b", "", "ab", 0, (0, ["ab"])),
    ("a*?$", "", "aaa", 0, (0, ["aaa"])),
    ("a+?", "", "aaa", 0, (0, ["a"])),
    ("a{0}", "", "a", 0, (0, [""])),
    ("(a){0}", "", "a", 0, (0, ["", None])),
    ("a{99999999999}", "", "aaa", 0, None),
    ("a{0,99999999999}", "", "aaa", 0, (0, ["aaa"])),
    ("(?:ab){2}", "", "ababab", 0, (0, ["abab"])),
    # lookahead / lookbehind
    ("(?=(a+))a*b\\1", "", "baaabac", 0, (3, ["aba", "a"])),
    ("(?!(a))b", "", "b", 0, (0, ["b", None])),
    ("(?<=\\$)\\d+", "", "cost $42", 0, (6, ["42"])),
    ("(?<!\\$)\\b\\d+", "", "$4 5", 0, (3, ["5"])),
    ("(?<=(\\d+)(\\d+))$", "", "1053", 0, (4, ["", "1", "053"])),
    ("(?<=(\\d+?)(\\d+?))$", "", "1053", 0, (4, ["", "5", "3"])),
    ("(?<=\\1(a))b", "", "aab", 0, (2, ["b", "a"])),
    ("(?<=(a)\\1)b", "", "aab", 0, (2, ["b", "a"])),
    ("(?<=^|,)\\w+", "", "ab,cd", 1, (3, ["cd"])),
    ("(?<=a)", "", "ba", 0, (2, [""])),
    ("(?<!a)b", "", "abb", 0, (2, ["b"])),
    ("(?<=" + PAIR + ")x", "u", PAIR + "x", 0, (2, ["x"])),
    ("(?<=.)x", "u", PAIR + "x", 0, (2, ["x"])),
    ("(?<=(?:(a)|b)+)c", "", "abc", 0, (2, ["c", "a"])),
    ("(?=a)*", "", "a", 0, (0, [""])),
    # named groups
    ("(?<year>\\d{4})-(?<month>\\d{2})", "", "on 2020-12", 0, (3, ["2020-12", "2020", "12"])),
    ("(?<$>a)(?<_b>b)?", "", "a", 0, (0, ["a", "a", None])),
    ("(?<\\u0041>x)", "", "x", 0, (0, ["x", "x"])),
    ("(?<\\u{1d453}>x)\\k<\\u{1d453}>", "", "xx", 0, (0, ["xx", "x"])),
    # sticky (flag y): the match must start at the index
    ("b", "y", "ab", 0, None),
    ("b", "y", "ab", 1, (1, ["b"])),
    ("a|b", "y", "xb", 1, (1, ["b"])),
    # alternation order and greediness follow the JS backtracking order
    ("a|ab", "", "ab", 0, (0, ["a"])),
    ("(a|ab)(c|bcd)(d*)", "", "abcd", 0, (0, ["abcd", "a", "bcd", ""])),
    ("((a)|(b))*?c", "", "abc", 0, (0, ["abc", "b", None, "b"])),
]


def _run(pattern, flags, subject, index, engine):
    match = compile_pattern(pattern, flags, engine=engine).exec(subject, index)
    return None if match is None else (match.start, match.groups)


@pytest.mark.parametrize("engine", ["auto", "vm"])
@pytest.mark.parametrize("pattern,flags,subject,index,expected", EXEC_CASES)
def test_exec(pattern, flags, subject, index, expected, engine):
    assert _run(pattern, flags, subject, index, engine) == expected


# (pattern, flags, V8's message after "Invalid regular expression: /pattern/flags: ")
SYNTAX_ERRORS = [
    ("(", "", "Unterminated group"),
    (")", "", "Unmatched ')'"),
    ("a**", "", "Nothing to repeat"),
    ("a{1,2}{3}", "", "Nothing to repeat"),
    ("{1}", "", "Nothing to repeat"),
    ("*", "", "Nothing to repeat"),
    ("a|?", "", "Nothing to repeat"),
    ("^*", "", "Nothing to repeat"),
    ("\\b+", "", "Nothing to repeat"),
    ("[b-a]", "", "Range out of order in character class"),
    ("x{2,1}", "", "numbers out of order in {} quantifier"),
    ("x{2147483648,2147483647}", "", "numbers out of order in {} quantifier"),
    ("\\", "", "\\ at end of pattern"),
    ("[\\", "", "\\ at end of pattern"),
    ("[", "", "Unterminated character class"),
    ("[a", "u", "Unterminated character class"),
    ("(?", "", "Invalid group"),
    ("(?x)", "", "Invalid group"),
    ("(?<", "", "Invalid capture group name"),
    ("(?<1a>x)", "", "Invalid capture group name"),
    ("(?<a>", "", "Unterminated group"),
    ("(?<a>x)(?<a>y)", "", "Duplicate capture group name"),
    ("\\k<b>(?<a>x)", "", "Invalid named capture referenced"),
    ("(?<a>x)\\k", "", "Invalid named reference"),
    ("(?<a>x)\\k<a", "", "Invalid capture group name"),
    ("(?<a>x)[\\k]", "", "Invalid escape"),
    ("\\k<a>", "u", "Invalid named capture referenced"),
    ("(?<=a)*", "", "Invalid quantifier"),
    ("(?<!a)+", "", "Invalid quantifier"),
    ("(?=a)*", "u", "Invalid quantifier"),
    ("\\u{110000}", "u", "Invalid Unicode escape"),
    ("\\u12", "u", "Invalid Unicode escape"),
    ("\\c", "u", "Invalid Unicode escape"),
    ("\\p{Foo}", "u", "Invalid property name"),
    ("\\p{ascii}", "u", "Invalid property name"),
    ("\\p{Script=Foo}", "u", "Invalid property name"),
    ("\\p{sc}", "u", "Invalid property name"),
    ("\\p{L", "u", "Invalid property name"),
    ("\\p", "u", "Invalid property name"),
    ("\\1", "u", "Invalid escape"),
    ("(a)\\2", "u", "Invalid escape"),
    ("\\00", "u", "Invalid decimal escape"),
    ("[\\d-a]", "u", "Invalid character class"),
    ("[a-\\w]", "u", "Invalid character class"),
    ("\\-", "u", "Invalid escape"),
    ("\\q", "u", "Invalid escape"),
    ("\\x1", "u", "Invalid escape"),
    ("]", "u", "Lone quantifier brackets"),
    ("}", "u", "Lone quantifier brackets"),
    ("{", "u", "Lone quantifier brackets"),
    ("a{", "u", "Incomplete quantifier"),
    ("a{1,", "u", "Incomplete quantifier"),
    ("[\\1]", "u", "Invalid class escape"),
]


@pytest.mark.parametrize("pattern,flags,message", SYNTAX_ERRORS)
def test_syntax_errors(pattern, flags, message):
    with pytest.raises(RegExpSyntaxError) as info:
        compile_pattern(pattern, flags)
    assert str(info.value) == f"Invalid regular expression: /{pattern}/{flags}: {message}"


@pytest.mark.parametrize("flags", ["gg", "x", "v", "uv", "gimsuyy", "G"])
def test_invalid_flags(flags):
    with pytest.raises(RegExpSyntaxError) as info:
        compile_pattern("a", flags)
    assert str(info.value) == f"Invalid flags supplied to RegExp constructor '{flags}'"


def test_flags_are_canonical_in_messages_and_attributes():
    pattern = compile_pattern("a", "yusmigd")
    assert pattern.flags == "dgimsuy"
    assert (pattern.global_, pattern.ignore_case, pattern.multiline, pattern.dot_all,
            pattern.unicode, pattern.sticky, pattern.has_indices) == (True,) * 7
    with pytest.raises(RegExpSyntaxError, match=r"^Invalid regular expression: /\(/gimsuy: "):
        compile_pattern("(", "yusmig")


def test_named_groups_and_match_object():
    pattern = compile_pattern("(?<year>\\d{4})-(?<month>\\d{2})(x)?(?<day>-\\d\\d)?", "")
    assert pattern.group_count == 4
    assert pattern.group_names == ("year", "month", "day")
    assert pattern.group_index == {"year": 1, "month": 2, "day": 4}
    match = pattern.exec("on 2020-12!", 0)
    assert (match.start, match.end) == (3, 10)
    assert match.groups == ["2020-12", "2020", "12", None, None]
    assert match.named == {"year": "2020", "month": "12", "day": None}
    assert list(match.named) == ["year", "month", "day"]
    assert match.group_names == ("year", "month", "day")
    assert match.spans == [(3, 10), (3, 7), (8, 10), None, None]
    assert compile_pattern("(a)", "").exec("a").named is None


def test_group_names_are_utf16():
    pattern = compile_pattern("(?<\\u{1d453}>x)", "u")
    assert pattern.group_names == ("\ud835\udc53",)
    assert compile_pattern("(?<\ud835\udc53>x)", "").exec("x").named == {"\ud835\udc53": "x"}


def test_spans_are_utf16_with_u():
    match = compile_pattern("(.)(b)", "u").exec("a" + PAIR + "b" + PAIR + "b", 1)
    assert match.groups == [PAIR + "b", PAIR, "b"]
    assert (match.start, match.end) == (1, 4)
    assert match.spans == [(1, 4), (1, 3), (3, 4)]
    # The same subject again (a /gu loop): the converted subject is reused.
    match = compile_pattern("(.)(b)", "u").exec("a" + PAIR + "b" + PAIR + "b", 4)
    assert match.spans == [(4, 7), (4, 6), (6, 7)]


def test_sticky_argument_and_match_at():
    pattern = compile_pattern("b", "g")
    assert pattern.exec("ab", 0).start == 1
    assert pattern.exec("ab", 0, sticky=True) is None
    assert pattern.match_at("ab", 1).start == 1
    assert compile_pattern("b", "y").exec("ab", 0, sticky=False).start == 1
    assert pattern.exec("ab", 3) is None
    assert pattern.exec("ab", 2) is None


def test_compile_cache():
    assert compile_pattern("a+b", "g") is compile_pattern("a+b", "g")
    assert compile_pattern("a+b", "g") is not compile_pattern("a+b", "i")
    assert isinstance(compile_pattern("a+b", "g"), CompiledPattern)


def test_translation_is_used_for_ordinary_patterns():
    for source, flags in [("(\\d+)-(\\d+)", ""), ("^\\s*([\\w.]+)@(\\w+)\\.com$", "i"),
                          ("(a|b)+", ""), ("(?:(\\d+),)*", ""), ("(?<=\\$)\\d+(?!\\.)", "u"),
                          ("(a+)*", ""), ("(?:a|)*", ""), ("(\\w)\\1", "i"), ("\\p{L}+", "u")]:
        pattern = compile_pattern(source, flags)
        assert pattern.backend == "regex", (source, pattern.vm_reason)
        assert pattern.translated


def test_vm_is_used_where_regex_differs():
    for source in ["((a)|b)+", "(?:\\1(a))+", "(a*)*", "(?:|a)*", "(?=(a))*"]:
        pattern = compile_pattern(source, "")
        assert pattern.backend == "vm" and pattern.vm_reason, source


def test_case_insensitive_backreference_guard():
    # ``regex`` would call U+017F and "s" equal in a backreference; JS without u does not.
    pattern = compile_pattern("(s)\\1", "i")
    assert pattern.backend == "regex"
    assert pattern.exec("sS").groups == ["sS", "s"]
    assert pattern.exec("s\u017f") is None
    assert compile_pattern("(s)\\1", "iu").exec("s\u017f").groups == ["s\u017f", "s"]


def test_timeout():
    with pytest.raises(TimeoutError):
        compile_pattern("(?:a|a)+b", "").exec("a" * 40, timeout=0.05)
    with pytest.raises(TimeoutError):
        compile_pattern("(a+)+b", "", engine="vm").exec("a" * 40, timeout=0.05)


def test_deep_nesting_and_large_patterns():
    assert compile_pattern("(" * 200 + "a" + ")" * 200, "").exec("a").groups[200] == "a"
    # Too deep for the ``regex`` parser under the default recursion limit: the VM runs it.
    # (On jsrt's JS thread, or after it raised the limit, ``regex`` may take it instead.)
    deep = compile_pattern("(?:" * 240 + "a" + ")*" * 240 + "b", "")
    assert deep.backend in ("vm", "regex")
    assert deep.exec("xb").groups == ["b"]
    assert compile_pattern("(?:" * 240 + "a" + ")*" * 240 + "b", "", engine="vm").exec("xb").groups == ["b"]
    with pytest.raises(RegExpSyntaxError):
        compile_pattern("(" * 5000 + ")" * 5000, "")
    with pytest.raises(RegExpSyntaxError):
        compile_pattern("(" * 5000, "")
    many = compile_pattern("|".join("w%dx" % i for i in range(1000)), "")
    assert many.exec("xx w999x w1x").groups == ["w999x"]


def test_huge_repeat_counts_do_not_blow_up():
    # ``regex`` unrolls required repetitions; large ones run on the VM's counters instead.
    for source in ["a{1000000000}", "(?:ab){4294967294}", "(?:a{1000}){1000}",
                   "((a){1000000}){1000000}", "a{4294967295,}", "(?:a|b){30000,}"]:
        pattern = compile_pattern(source, "")
        assert pattern.backend == "vm"
        assert pattern.exec("a" * 100 + "b" * 10) is None
    assert compile_pattern("a{3,99999999999}", "").exec("baaaa").groups == ["aaaa"]
    assert compile_pattern(".{3}", "").backend == "regex"


def test_vm_handles_long_subjects():
    subject = "ab" * 5000
    match = compile_pattern("((a)|b)+", "").exec(subject)
    assert (match.start, match.end) == (0, 10000)
    assert match.groups[1:] == ["b", None]
    match = compile_pattern(".*?(b)$", "", engine="vm").exec(subject)
    assert match.groups[1] == "b"


def test_astral_source_characters_are_accepted():
    # jsrt passes UTF-16, but a real astral character in the source means the same.
    assert compile_pattern("\U0001f600", "u").exec(PAIR).groups == [PAIR]


# ---------------------------------------------------------------------------------------------
# Differential test against node
# ---------------------------------------------------------------------------------------------

SUBJECTS = ["", "a", "ab", "aab", "abc", "abab", "aaa", "A", "aB", "Ab", "k", "K", "\u212a",
            "\u017f", "s", "S", "a\nb", "a\r\nb", "\u00e9\u00c9", "x" + PAIR + "y", "\ud83d",
            "\ude00\ud83d", "a b", "a1 b2", "2020-12-31", "<b>x</b>", "aaabbb", "abcabc",
            "foo.bar@baz.com", "\u03c3\u03c2\u03a3", "\u00df\u1e9e", "\x00\x01", "{}]",
            "zaacbbbcac", "$4.20", "1053"]

PATTERNS = [
    ("a", ""), ("a", "i"), ("a|b", ""), ("ab|a", ""), ("a*", ""), ("a+?", ""), ("a{2}", ""),
    ("a{1,2}?b", ""), ("(a)(b)?", ""), ("(a)|(b)", ""), ("((a)|b)+", ""), ("(a|b)*c", ""),
    ("(?:(a)|b)*", ""), ("(a*)*", ""), ("(a*)+", ""), ("(a?)*?b", ""), ("(?:a?b?)*", ""),
    ("(?:|a)*", ""), ("(a|)*b", ""), ("(z)((a+)?(b+)?(c))*", ""), ("(?:(a)|(b)|(c))+", ""),
    ("(?:\\1(a))+", ""), ("(?:(a)\\1)+", ""), ("(a)\\1*", ""), ("\\1(a)", ""), ("(a\\1)", ""),
    ("(?<n>a)\\k<n>", ""), ("(?<n>a)|\\k<n>b", ""), ("(\\w)\\1", "i"), ("(\\w)\\1", "iu"),
    ("(\\w+)\\W+\\1", "i"), (".", ""), (".", "s"), (".", "u"), (".+", "su"), ("^.", "m"),
    (".$", "m"), ("^$", ""), ("^", "m"), ("$", "m"), ("\\b", ""), ("\\B", ""), ("\\b\\w", "iu"),
    ("\\w+", ""), ("\\w", "iu"), ("\\W", "iu"), ("\\W", "i"), ("\\d+", ""), ("\\D", ""),
    ("\\s", ""), ("\\S+", ""), ("[^]", ""), ("[]", ""), ("[^a]", "i"), ("[a-z]+", "i"),
    ("[A-Z]", "i"), ("[\\w-]+", ""), ("[\\d-z]+", ""), ("[\\b]", ""), ("[\\c_\\c1]", ""),
    ("[\\s\\S]", "u"), ("[^\\s]", ""), ("\\u212a", "i"), ("\\u212a", "iu"), ("s", "iu"),
    ("\\u017f", "i"), ("\u00df", "iu"), ("\u00df", "i"), ("\u03c3+", "i"), ("\u00e9", "i"),
    ("k", "i"), ("[k]", "iu"), ("[^k]", "iu"), ("\\p{Lu}", "u"), ("\\p{Ll}", "iu"),
    ("\\p{Script=Greek}", "u"), ("\\P{L}+", "u"), ("[\\p{L}\\p{Nd}]+", "u"), ("\\p{L}", ""),
    ("\\ud83d", ""), ("\\ud83d", "u"), ("\\ude00", "u"), ("\\u{1F600}", "u"),
    ("\\ud83d\\ude00", "u"), ("[\\ud83d\\ude00]", ""), ("[\\ud83d\\ude00]", "u"),
    ("[^x]", "u"), ("[^x]", ""), ("\\0", ""), ("\\00", ""), ("\\1", ""), ("\\8", ""),
    ("\\x41", "i"), ("\\x4", ""), ("\\u{2}", ""), ("\\c", ""), ("\\cA", ""), ("\\c1", ""),
    ("\\k<a>", ""), ("a{", ""), ("{", ""), ("a{,2}", ""), ("]", ""), ("}", ""), ("\\/", ""),
    ("(?=a)", ""), ("(?!a).", ""), ("(?=(a+))a*b\\1", ""), ("(?=(a))*", ""), ("(?=(a))+", ""),
    ("(?!(a))\\1", ""), ("(?<=a)b", ""), ("(?<!a)b", ""), ("(?<=(a|b)+)c", ""),
    ("(?<=(\\d+)(\\d+))$", ""), ("(?<=\\1(a))b", ""), ("(?<=(a)\\1)b", ""),
    ("(?<=\\$)\\d+(\\.\\d+)?", ""), ("(?<=.)", "u"), ("(?<!^)\\B", ""), ("(?:a()|){2}", ""),
    ("(a?){2,}", ""), ("(?:a*?)*?b", ""), ("a*?$", ""), ("(a|ab)(c|bcd)(d*)", ""),
    ("((a)|(b))*?c", ""), ("(?<y>\\d{4})-(?<m>\\d\\d)", ""), ("<(\\w+)>.*?</\\1>", "i"),
    ("([^@]+)@(\\w+)\\.(\\w+)", ""), ("^(?:(\\w+)\\.)*\\w+@", ""), ("(\\d)(?:\\.(\\d+))?", ""),
    ("(?:(\\d)|(\\.))+", ""), ("(?:x|(\\d))*\\.", ""), ("(.)(?!\\1)", ""), ("\\$\\d", "y"),
    ("b", "y"), ("(?:)", "u"), ("(?:)", ""), ("x*", "u"), ("\\B", "u"), ("^", "u"),
    ("(", ""), ("a**", ""), ("[b-a]", ""), ("\\p{Foo}", "u"), ("(?<a>x)(?<a>y)", ""),
    ("\\k<b>(?<a>x)", ""), ("(?<=a)*", ""), ("a{2,1}", ""), ("\\u{110000}", "u"), ("\\1", "u"),
    ("[\\d-a]", "u"), ("}", "u"), ("a{", "u"), ("\\c", "u"), ("(?=a)*", "u"),
]


def _pattern_cases():
    seen = set()
    cases = []

    def add(case):
        if case not in seen:
            seen.add(case)
            cases.append(case)

    for pattern, flags, subject, index, _ in EXEC_CASES:
        sticky = "y" in flags
        add((pattern, flags.replace("y", ""), subject, index, sticky))
    for pattern, flags in PATTERNS:
        sticky = "y" in flags
        for subject in SUBJECTS:
            for index in (0, 1) if len(subject) > 1 else (0,):
                add((pattern, flags.replace("y", ""), subject, index, sticky))
    return cases


_NODE_SCRIPT = r"""
const fs = require("fs");
const units = (s) => Array.from({length: s.length}, (_, i) => s.charCodeAt(i));
const text = (u) => String.fromCharCode(...u);
const cases = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = cases.map(([p, f, s, index, sticky]) => {
  let re;
  try {
    re = new RegExp(text(p), f + "d" + (sticky ? "y" : "g"));
  } catch (e) {
    return {error: units(e.message)};
  }
  re.lastIndex = index;
  const m = re.exec(text(s));
  if (m === null) return null;
  return {index: m.index, groups: Array.from(m, (g) => g === undefined ? null : units(g)),
          spans: Array.from(m.indices, (x) => x === undefined ? null : x)};
});
fs.writeFileSync(process.argv[3], JSON.stringify(out));
"""


def _units(text):
    return [ord(ch) for ch in text]


def _inside_pair(subject, index):
    return (0 < index < len(subject) and "\ud800" <= subject[index - 1] <= "\udbff"
            and "\udc00" <= subject[index] <= "\udfff")


@pytest.mark.node
@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_against_node(tmp_path):
    cases = _pattern_cases()
    assert len(cases) > 500
    script = tmp_path / "run.js"
    script.write_text(_NODE_SCRIPT)
    (tmp_path / "cases.json").write_text(json.dumps(
        [[_units(p), f, _units(s), index, sticky] for p, f, s, index, sticky in cases]))
    subprocess.run([shutil.which("node"), str(script), str(tmp_path / "cases.json"),
                    str(tmp_path / "out.json")], check=True, timeout=300)
    results = json.loads((tmp_path / "out.json").read_text())
    failures = []
    for (pattern, flags, subject, index, sticky), expected in zip(cases, results):
        full_flags = flags + "d" + ("y" if sticky else "g")
        if expected is not None and "error" in expected:
            message = "".join(map(chr, expected["error"]))
            try:
                compile_pattern(pattern, full_flags)
            except RegExpSyntaxError as exc:
                if str(exc) != message:
                    failures.append((pattern, flags, "message", str(exc), message))
            else:
                failures.append((pattern, flags, "no error", message))
            continue
        if (expected is not None and "u" in flags
                and _inside_pair(subject, expected["index"])):
            # V8 tries match positions inside surrogate pairs under /u; the spec
            # (AdvanceStringIndex) steps over pairs, as this module does.
            continue
        for engine in ("auto", "vm"):
            match = compile_pattern(pattern, full_flags, engine=engine).exec(subject, index)
            got = None
            if match is not None:
                got = {"index": match.start,
                       "groups": [None if g is None else _units(g) for g in match.groups],
                       "spans": [None if sp is None else list(sp) for sp in match.spans]}
            if got != expected:
                failures.append((pattern, flags, subject, index, sticky, engine, got, expected))
    assert not failures, f"{len(failures)} mismatches, first: {failures[:5]}"
