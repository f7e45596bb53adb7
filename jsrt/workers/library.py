"""Building library snapshots for pools: run library sources in a RealmBuilder and compile
the realm, with a deterministic clock while the libraries initialise.

RealmBuilder realms make ``Date.now()`` throw (a snapshot must not capture a value that
differs between runs), yet some libraries read the clock while they initialise (lodash
does, through ``shortOut``).  ``clock_shim=True`` (the default) first installs a
``Date.now`` that asks the real one and answers 0 where it is forbidden: in the builder
it returns 0; in every realm instantiated from the snapshot it is the real clock.
"""

import os

__all__ = ["build_snapshot", "CLOCK_SHIM"]

CLOCK_SHIM = """\
(function () {
  var realNow = Date.now;
  Object.defineProperty(Date, 'now', { writable: true, configurable: true, enumerable: false,
    value: function now() { try { return realNow(); } catch (e) { return 0; } } });
})();
"""


def build_snapshot(*sources, clock_shim=True, key=None):
    """Compile a snapshot from library sources: each a (filename, text) pair, a path, or
    source text.  Returns a RealmSnapshot; ``arguments`` are the completion values.
    A source that throws raises jsrt.JSError (a half-initialised library is no use)."""
    from ..snapshot import RealmBuilder, RealmSnapshot
    from ..errors import JSError
    b = RealmBuilder()
    if clock_shim:
        b.eval_script(CLOCK_SHIM, "<clock-shim>")
    values = []
    for src in sources:
        if isinstance(src, tuple):
            filename, text = src
        elif isinstance(src, os.PathLike) or (isinstance(src, str) and "\n" not in src
                                               and os.path.exists(src)):
            filename = os.fspath(src)
            with open(filename, encoding="utf-8") as f:
                text = f.read()
        else:
            filename, text = "<library>", src
        v = b.eval_script(text, filename)
        if v._threw:
            from ..runtime import ops, executor
            msg = executor.run(lambda: ops.safe_describe_error(v._value))
            raise JSError("Error", "%s threw while building the snapshot: %s" % (filename, msg))
        values.append(v)
    return RealmSnapshot.compile(b, values, key=key)
