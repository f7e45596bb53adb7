"""The ``jsrt`` command: run scripts, a REPL, conformance runs, snapshots, the store, the pool."""

import argparse
import os
import sys

from . import __version__


def _print_syntax_error(err, source_lines=None):
    """file:line:col, the offending line and a caret, then the message (like node)."""
    out = sys.stderr
    fn = err.filename or "<anonymous>"
    line = err.line or 0
    col = err.column or 0
    out.write("%s:%s:%s\n" % (fn, line, col))
    text = None
    if source_lines is not None and 0 < line <= len(source_lines):
        text = source_lines[line - 1]
    if text is not None:
        out.write(text + "\n")
        out.write(" " * max(col - 1, 0) + "^\n\n")
    out.write("SyntaxError: %s\n" % err.message)


def _report_uncaught(err):
    from .errors import JSError
    if isinstance(err, JSError):
        stack = err.stack or ("%s: %s" % (err.name, err.message))
        first, _, rest = stack.partition("\n")
        sys.stderr.write("Uncaught %s\n" % first)
        if rest:
            sys.stderr.write(rest + "\n")
    else:
        sys.stderr.write("Uncaught %s\n" % err)


class CLIError(Exception):
    """A problem with the command's input (printed as ``jsrt: ...``, exit status 2)."""


def _make_realm(args):
    import jsrt
    if getattr(args, "snapshot", None):
        from .snapshot import RealmSnapshot
        from .errors import SnapshotError
        try:
            with open(args.snapshot, "rb") as f:
                snap = RealmSnapshot.from_bytes(f.read())
            realm = RealmSnapshot.instantiate(snap, host=True)
        except OSError as e:
            raise CLIError("cannot read snapshot %s: %s" % (args.snapshot, e.strerror))
        except SnapshotError as e:
            raise CLIError("cannot load snapshot %s: %s" % (args.snapshot, e))
    else:
        realm = jsrt.Realm()
    return realm


def cmd_run(args):
    import jsrt
    from .errors import JSError, TimeoutError
    realm = _make_realm(args)
    argv = list(args.args or [])
    if args.eval is not None or args.print is not None:
        source = args.eval if args.eval is not None else args.print
        filename = "[eval]"
        if args.file:
            argv.insert(0, args.file)   # with -e/-p every positional is an argument
    else:
        if not args.file:
            sys.stderr.write("jsrt run: a FILE, -e CODE or -p EXPR is required\n")
            return 2
        filename = args.file
        try:
            with open(args.file, encoding="utf-8") as f:
                source = f.read()
        except OSError as e:
            sys.stderr.write("jsrt: cannot read %s: %s\n" % (args.file, e.strerror))
            return 2
        if source.startswith("#!"):
            source = "//" + source[2:]
    from .runtime.objects import JSObject
    # node's process.argv: the runtime, the script's path (none with -e/-p), the arguments
    _install_process(realm, argv if filename == "[eval]" else [filename] + argv)
    code = 0
    try:
        value = realm.eval_raw(source, filename, timeout=args.timeout)
        if args.print is not None:
            from .builtins import console as con
            from .realm import from_utf16
            from .runtime import executor
            text = executor.run(lambda: con.inspect(value) if not isinstance(value, str) else value)
            sys.stdout.write(from_utf16(text) + "\n")
        realm.run(timeout=args.timeout)
    except JSError as e:
        if e.phase == "parse":
            _print_syntax_error(e, source.splitlines())
        else:
            _report_uncaught(e)
        code = 1
    except TimeoutError as e:
        sys.stderr.write("jsrt: %s\n" % e)
        code = 124
    if realm.uncaught_errors or realm.unhandled_rejections:
        code = 1
    exit_code = getattr(realm, "exit_code", None)
    if exit_code is not None:
        code = exit_code
    return code


def _install_process(realm, argv):
    """A small ``process`` object: argv, env, exit, platform (for scripts written for node)."""
    from .runtime import executor
    from .runtime.values import undefined
    from .runtime.objects import W, C

    def setup():
        from .runtime.errors import STATE
        prev = STATE.realm
        STATE.realm = realm
        try:
            from .realm import to_js
            proc = to_js(realm, {"argv": ["jsrt"] + list(argv), "platform": sys.platform,
                                 "env": dict(os.environ), "version": "v" + __version__})

            def _exit(this, code=undefined, *rest):
                realm.exit_code = int(code) if isinstance(code, float) else 0
                from .runtime.errors import ScriptTimeout
                realm.active_timers.clear()
                raise SystemExit(realm.exit_code)
            from .builtins._common import make_native
            from .realm import HostCallable
            proc._store("exit", make_native(realm, "exit", _exit, 1), W | C)
            realm.global_object._store("process", proc, W | C)
        finally:
            STATE.realm = prev
    executor.run(setup)


def cmd_repl(args):
    from .repl import run_repl
    return run_repl()


def build_parser():
    p = argparse.ArgumentParser(prog="jsrt", description="A JavaScript runtime in Python.")
    p.add_argument("--version", action="version", version="jsrt " + __version__)
    sub = p.add_subparsers(dest="command")

    r = sub.add_parser("run", help="run a classic script (or -e CODE / -p EXPR)")
    r.add_argument("file", nargs="?", help="the script to run")
    r.add_argument("args", nargs=argparse.REMAINDER, help="arguments (process.argv)")
    r.add_argument("-e", "--eval", metavar="CODE", help="evaluate CODE")
    r.add_argument("-p", "--print", metavar="EXPR", help="evaluate EXPR and print the result")
    r.add_argument("--snapshot", metavar="SNAP", help="start from a realm snapshot")
    r.add_argument("--timeout", type=float, default=None, help="stop after SECONDS")
    r.set_defaults(func=cmd_run)

    rp = sub.add_parser("repl", help="interactive read-eval-print loop")
    rp.set_defaults(func=cmd_repl)

    for modname, attr in (("jsrt.conformance.test262", "add_subcommand"),
                          ("jsrt.snapshot.cli", "add_subcommands"),
                          ("jsrt.store.cli", "add_subcommands"),
                          ("jsrt.workers.cli", "add_subcommands")):
        try:
            import importlib
            mod = importlib.import_module(modname)
        except ImportError:
            continue
        fn = getattr(mod, attr, None)
        if fn is not None:
            fn(sub)
    return p


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        if argv is None and sys.stdin.isatty():
            return cmd_repl(args)
        parser.print_help()
        return 0
    try:
        return args.func(args) or 0
    except CLIError as e:
        sys.stderr.write("jsrt: %s\n" % e)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
