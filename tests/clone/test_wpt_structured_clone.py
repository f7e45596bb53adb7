"""WPT's structured-clone battery, run with the real testharness.js (see wpt_harness.py).

Every test that needs none of Blob, File, FileList, ImageData, ImageBitmap, MessagePort or
SharedArrayBuffer must pass.  The ReadableStream subclass test reports PRECONDITION_FAILED
by its own design ("ReadableStream isn't transferable": an optional feature).
"""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import wpt_harness  # noqa: E402

OPTIONAL = wpt_harness.OPTIONAL


@pytest.mark.skipif(not os.path.isdir(wpt_harness.SC), reason="no WPT data in ../shared")
def test_structured_clone_battery(capsys):
    results, done, log = wpt_harness.run_battery()
    assert done, "testharness never completed:\n" + log[-2000:]
    applicable = [r for r in results if wpt_harness.needs(r[0]) is None and r[0] not in OPTIONAL]
    passed = [r for r in applicable if r[1] == "PASS"]
    failed = [r for r in applicable if r[1] != "PASS"]
    with capsys.disabled():
        print("\nWPT structured-clone battery: %d of %d applicable tests pass "
              "(%d tests, %d need Blob/File/FileList/ImageData/ImageBitmap/MessagePort/"
              "SharedArrayBuffer, %d optional)"
              % (len(passed), len(applicable), len(results),
                 sum(1 for r in results if wpt_harness.needs(r[0]) is not None),
                 len(OPTIONAL)))
    assert len(results) >= 130, "the battery did not register all its tests"
    assert not failed, "\n".join("%s: %s %s" % r for r in failed)
    opt = [r for r in results if r[0] in OPTIONAL]
    assert all(r[1] in ("PASS", "PRECONDITION_FAILED") for r in opt), opt


def test_bigint_literal_rewrite():
    f = wpt_harness.rewrite_bigint_literals
    assert f("x = -12n + 0n;") == 'x = -BigInt("12") + BigInt("0");'
    assert f("s = '0n'; // 1n\n t = `a ${3n} 4n`;") == \
        "s = '0n'; // 1n\n t = `a ${BigInt(\"3\")} 4n`;"
    assert f("a.b1n; x1n; 0x1fn") == 'a.b1n; x1n; BigInt("0x1f")'
