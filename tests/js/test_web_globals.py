"""Web platform globals of ordinary realms: atob / btoa (HTML 8.3, forgiving-base64),
with DOMException errors.  Each row is a script and the output node prints for it."""

from jshelpers import node_table_tests

CASES = [
    ("console.log(btoa('hello'), btoa(''), btoa('\\xff\\x00a'), atob('aGVsbG8='), atob(' aGVs bG8 '),"
     " atob('aGVsbG8'), JSON.stringify(atob('/wBh')), atob(btoa('\\xe9t\\xe9')) === '\\xe9t\\xe9')",
     'aGVsbG8=  /wBh hello hello hello "ÿ\\u0000a" true\n'),
    ("for (const bad of ['\\u20ac', '\\u0100']) { try { btoa(bad) } catch (e) {"
     " console.log(e instanceof DOMException, e.name, e.message, e.code) } }",
     "true InvalidCharacterError Invalid character 5\n" * 2),
    ("for (const bad of ['a', 'ab=c', '****', 'abc==', 'YQ===']) { try { console.log(atob(bad)) }"
     " catch (e) { console.log(bad, e.name, e.message) } }",
     "a InvalidCharacterError The string to be decoded is not correctly encoded.\n"
     "ab=c InvalidCharacterError Invalid character\n**** InvalidCharacterError Invalid character\n"
     "abc== InvalidCharacterError Invalid character\nYQ=== InvalidCharacterError Invalid character\n"),
    ("console.log(atob('YQ'), atob('YR'), typeof atob, atob.length, btoa.name, btoa(1234),"
     " atob(null) === atob('null'))", "a a function 1 btoa MTIzNA== true\n"),
]

test_web_globals, test_rows_match_node = node_table_tests(CASES)
