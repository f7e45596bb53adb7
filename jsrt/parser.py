"""The esprima front end: source text -> ESTree, with JS SyntaxErrors."""

import sys

__all__ = ["parse_script", "parse_module", "JSSyntaxError"]

if "esprima" not in sys.modules:
    # esprima.character precomputes Unicode tables for seconds at import; ours is lazy
    from . import _esprima_character
    sys.modules.setdefault("esprima.character", _esprima_character)


class JSSyntaxError(Exception):
    """A parse (early) error: becomes a JS SyntaxError in the realm."""

    def __init__(self, message, filename=None, line=None, column=None, source_line=None):
        Exception.__init__(self, message)
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        self.source_line = source_line

    def __str__(self):
        where = "%s:%s:%s" % (self.filename or "<anonymous>", self.line, self.column)
        return "%s: %s" % (where, self.message)


_OPTIONS = {"range": True, "loc": True}


def _test_regexp(self, pattern, flags):
    """Early errors for regular expression literals with JS's own pattern grammar
    (esprima's default check compiles them with Python's `re`, which rejects
    valid JS such as ``[^]``)."""
    from .runtime.regexp import compile_pattern, RegExpSyntaxError
    try:
        return compile_pattern(pattern, flags)
    except RegExpSyntaxError:
        from esprima.messages import Messages
        self.tolerateUnexpectedToken(Messages.InvalidRegExp)
    except RecursionError:
        from esprima.messages import Messages
        self.tolerateUnexpectedToken(Messages.InvalidRegExp)


_installed = []


def _install_regexp_check():
    if _installed:
        return
    from esprima import scanner
    if getattr(scanner.Scanner.testRegExp, "__name__", "") != "_test_regexp":
        scanner.Scanner.testRegExp = _test_regexp
    _installed.append(True)


def _parse(fn, source, filename):
    import esprima
    _install_regexp_check()
    try:
        return fn(source, _OPTIONS)
    except esprima.Error as e:
        line = getattr(e, "lineNumber", None)
        col = getattr(e, "column", None)
        msg = getattr(e, "description", None) or str(e)
        if msg.startswith("Line ") and ": " in msg:
            msg = msg.split(": ", 1)[1]
        src_line = None
        if line is not None:
            lines = source.splitlines()
            if 0 < line <= len(lines):
                src_line = lines[line - 1]
        raise JSSyntaxError(msg, filename, line, col, src_line) from None
    except RecursionError:
        raise JSSyntaxError("Maximum nesting depth exceeded while parsing", filename, 1, 1) from None


def _strict_script(source, options):
    """parseScript with the parser already in strict mode (strict eval code)."""
    from esprima.parser import Parser
    p = Parser(source, options=options)
    p.context.strict = True
    return p.parseScript()


def _script(source, options):
    import esprima
    return esprima.parseScript(source, options)


def _module(source, options):
    import esprima
    return esprima.parseModule(source, options)


def parse_script(source, filename=None, strict=False):
    """Parse a classic script (esprima is imported on first use: it is slow to import)."""
    return _parse(_strict_script if strict else _script, source, filename)


def parse_module(source, filename=None):
    return _parse(_module, source, filename)
