"""Run WPT's structured-clone battery in a jsrt realm with the real testharness.js.

Used by test_wpt_structured_clone.py; also runnable:  python tests/clone/wpt_harness.py

The files under ../shared/wpt are loaded unmodified, in the order WPT's
structured-clone.any.js names them.  Two things are added around them:

* a prelude: ``self`` (the global), the result hooks, and *test doubles* for three
  platform objects jsrt does not implement: ``Response`` and ``ReadableStream``, which
  the battery constructs only to check that the serializer rejects them (a Response
  must not serialize, a ReadableStream here is not transferable), and ``Blob``, which
  the battery file calls while it *loads* (``[func_Blob_basic()]``): without some Blob
  every test registered after that line would be lost.  The doubles are host objects
  marked as platform objects, which jsrt's serializer refuses like any
  non-serializable platform object; the Blob tests themselves are excluded.
* a source rewrite of BigInt literals (``12n`` -> ``BigInt("12")``): the engine's parser
  (esprima, ES2017) cannot read them.  Only numeric-literal tokens outside strings,
  comments and templates are rewritten; the semantics are the same.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
WPT = os.path.join(SHARED, "wpt")
SC = os.path.join(WPT, "html", "webappapis", "structured-clone")

# What each battery test needs beyond the engine (by its description); the rule:
# every test that needs none of these must pass.
EXCLUDED_FEATURES = ("Blob", "File", "FileList", "ImageData", "ImageBitmap", "MessagePort",
                     "SharedArrayBuffer")
NEEDS = {
    "An object whose interface is deleted from the global must still deserialize": "Blob",
    "A subclass instance will deserialize as its closest serializable superclass": "File",
    "A detached platform object cannot be transferred": "MessagePort",
    "Transferring a non-transferable platform object fails": "Blob",
    "An object whose interface is deleted from the global object must still be received":
        "MessagePort",
    "Growable SharedArrayBuffer": "SharedArrayBuffer",
}

# Reports PRECONDITION_FAILED by design when ReadableStream is not transferable (an
# optional feature, "OptionalFeatureUnsupportedError" in the test itself).
OPTIONAL = {"A subclass instance will be received as its closest transferable superclass"}

STATUS = {0: "PASS", 1: "FAIL", 2: "TIMEOUT", 3: "NOTRUN", 4: "PRECONDITION_FAILED"}

PRELUDE = r"""
var self = globalThis;
(function () {
  var make = __wpt_platform_object;
  function Response() { return make("Response", Response.prototype); }
  function ReadableStream() { return make("ReadableStream", ReadableStream.prototype); }
  function Blob() { return make("Blob", Blob.prototype); }
  Object.defineProperty(self, "Blob", {value: Blob, writable: true, configurable: true});
  Object.defineProperty(self, "Response", {value: Response, writable: true, configurable: true});
  Object.defineProperty(self, "ReadableStream",
                        {value: ReadableStream, writable: true, configurable: true});
})();
"""

HOOKS = r"""
add_result_callback(function (t) { __wpt_result(t.name, t.status, t.message || ""); });
add_completion_callback(function (tests, status) {
  __wpt_done(status.status, status.message || "");
});
"""

FILES = (
    os.path.join(WPT, "resources", "testharness.js"),
    os.path.join(WPT, "common", "sab.js"),
    os.path.join(SC, "structured-clone-battery-of-tests.js"),
    os.path.join(SC, "structured-clone-battery-of-tests-with-transferables.js"),
    os.path.join(SC, "structured-clone-battery-of-tests-harness.js"),
    os.path.join(SC, "structured-clone.any.js"),
)

_TOKEN = re.compile(r"""
    (?P<skip> //[^\n]* | /\*.*?\*/ | '(?:\\.|[^'\\\n])*' | "(?:\\.|[^"\\\n])*" )
  | (?P<tpl> ` )
  | (?P<big> (?<![\w$.])(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)n(?![\w$]) )
""", re.X | re.S)


def rewrite_bigint_literals(src):
    """``123n`` -> ``BigInt("123")`` outside strings, comments and template text."""
    out = []
    i = 0
    n = len(src)
    while i < n:
        m = _TOKEN.search(src, i)
        if m is None:
            out.append(src[i:])
            break
        out.append(src[i:m.start()])
        if m.group("skip") is not None:
            out.append(m.group())
            i = m.end()
        elif m.group("tpl") is not None:
            j = _template_end(src, m.end())
            # ${...} expressions inside templates are rewritten too
            out.append(_rewrite_template(src[m.start():j]))
            i = j
        else:
            lit = m.group()[:-1]
            out.append('BigInt("%s")' % lit)
            i = m.end()
    return "".join(out)


def _template_end(src, i):
    depth = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if depth == 0 and c == "`":
            return i + 1
        if c == "$" and src[i + 1:i + 2] == "{":
            depth += 1
            i += 2
            continue
        if c == "}" and depth:
            depth -= 1
        i += 1
    return n


def _rewrite_template(t):
    return re.sub(r"\$\{([^}]*)\}", lambda m: "${" + rewrite_bigint_literals(m.group(1)) + "}",
                  t)


def needs(description):
    """The excluded feature a test needs, or None."""
    if description in NEEDS:
        return NEEDS[description]
    for feat in ("FileList", "ImageData", "ImageBitmap", "MessagePort", "Blob", "File"):
        if re.search(r"\b%s\b" % feat, description):
            return feat
    return None


def run_battery(timeout=600):
    """Run the battery; return (results, completion) where results is a list of
    (name, status name, message)."""
    import jsrt
    from jsrt.runtime.objects import JSObject

    class PlatformObject(JSObject):
        """A test double: a platform object that is neither serializable nor transferable."""
        __slots__ = ("iface",)
        platform = True

        @property
        def cls(self):
            return self.iface

    results = []
    done = []
    out = []
    realm = jsrt.Realm(console=lambda stream, text: out.append(text))

    def platform_object(this, iface, proto, *rest):
        o = PlatformObject(proto)
        o.iface = iface
        return o

    def on_result(this, name, status, message, *rest):
        results.append((jsrt.realm.from_utf16(name), STATUS.get(int(status), str(status)),
                        jsrt.realm.from_utf16(message) if isinstance(message, str) else ""))

    def on_done(this, status, message, *rest):
        done.append((int(status), message))

    realm.expose("__wpt_platform_object", platform_object)
    realm.expose("__wpt_result", on_result)
    realm.expose("__wpt_done", on_done)
    realm.eval(PRELUDE, "wpt-prelude.js")
    for i, path in enumerate(FILES):
        with open(path, encoding="utf-8") as f:
            src = f.read()
        realm.eval(rewrite_bigint_literals(src), os.path.relpath(path, SHARED))
        if i == 0:
            realm.eval(HOOKS, "wpt-hooks.js")
    realm.run(timeout=timeout)
    return results, done, "".join(out)


def main():
    results, done, log = run_battery()
    counted = [r for r in results if needs(r[0]) is None and r[0] not in OPTIONAL]
    passed = sum(1 for r in counted if r[1] == "PASS")
    for name, status, message in results:
        need = needs(name)
        print("%-20s %-45s %s" % (status if need is None else "(%s) %s" % (need, status),
                                   name[:45], message[:100]))
    print("completion:", done)
    print("WPT structured-clone battery: %d of %d applicable tests pass "
          "(%d tests in all, %d need %s, %d optional)"
          % (passed, len(counted), len(results),
             sum(1 for r in results if needs(r[0]) is not None),
             "/".join(EXCLUDED_FEATURES), len(OPTIONAL)))


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    main()
