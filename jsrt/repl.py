"""``jsrt repl``: multi-line input, history, results printed the way node prints them."""

import os
import sys

PROMPT = "> "
CONTINUE = "... "


def _incomplete(err):
    msg = (err.message or "").lower()
    return "unexpected end of input" in msg or "unterminated template" in msg


def evaluate_line(realm, source):
    """Evaluate one REPL entry; returns (kind, text) with kind in result/error/incomplete."""
    from .errors import JSError
    from .builtins import console as con
    from .realm import from_utf16
    from .runtime import executor
    try:
        value = realm.eval_raw(source, "REPL")
    except JSError as e:
        if e.phase == "parse" and _incomplete(e):
            return "incomplete", ""
        if e.phase == "parse":
            return "error", "Uncaught SyntaxError: %s" % e.message
        return "error", "Uncaught " + (e.stack or "%s: %s" % (e.name, e.message))
    try:
        realm.run()
    except JSError as e:
        return "error", "Uncaught " + (e.stack or str(e))
    text = executor.run(lambda: con.inspect(value))
    return "result", from_utf16(text)


def run_repl(stdin=None, stdout=None):
    import jsrt
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    realm = jsrt.Realm()
    interactive = stdin.isatty()
    hist = os.path.join(os.path.expanduser("~"), ".jsrt_history")
    if interactive:
        try:
            import readline
            try:
                readline.read_history_file(hist)
            except OSError:
                pass
            readline.set_history_length(1000)
        except ImportError:
            readline = None
        stdout.write("Welcome to jsrt v%s.\nType \".exit\" or press Ctrl+D to leave.\n"
                     % jsrt.__version__)
    buf = []
    try:
        while True:
            prompt = CONTINUE if buf else PROMPT
            try:
                if interactive:
                    line = input(prompt)
                else:
                    stdout.write(prompt)
                    stdout.flush()
                    line = stdin.readline()
                    if not line:
                        break
                    line = line.rstrip("\n")
            except EOFError:
                break
            except KeyboardInterrupt:
                stdout.write("\n")
                buf = []
                continue
            if not buf and line.strip() == ".exit":
                break
            buf.append(line)
            kind, text = evaluate_line(realm, "\n".join(buf))
            if kind == "incomplete":
                continue
            buf = []
            if kind == "error":
                stdout.write(text + "\n")
            else:
                stdout.write(text + "\n")
            stdout.flush()
    finally:
        if interactive:
            try:
                import readline
                readline.write_history_file(hist)
            except Exception:
                pass
    stdout.write("\n" if interactive else "")
    return 0
