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


_SPACE = " \t\r\n\u2028\u2029\v\f\xa0\ufeff"


def skip_space(src, i):
    """The index of the next token at or after ``i`` (past whitespace and comments)."""
    n = len(src)
    while i < n:
        if src[i] in _SPACE:
            i += 1
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif src.startswith("//", i):
            while i < n and src[i] not in "\r\n\u2028\u2029":
                i += 1
        else:
            break
    return i


def _fixed_class_element(parse_class_element):
    """esprima's parseClassElement forgets that ``async [key]() {}`` has a computed key
    (it returns computed=False with the key expression as the name).  Such an element's
    text is ``static``? ``async`` then ``[``: read from the source where it starts."""
    def parseClassElement(self, hasConstructor):
        src = self.scanner.source
        i = self.lookahead.start
        node = parse_class_element(self, hasConstructor)
        v = getattr(node, "value", None)
        if v is not None and getattr(v, "isAsync", False) and not node.computed:
            i = skip_space(src, i)
            if src.startswith("static", i) and node.static:
                i = skip_space(src, i + 6)
            if src.startswith("async", i) and src.startswith("[", skip_space(src, i + 5)):
                node.computed = True
        return node
    parseClassElement.jsrt_fixed = True
    return parseClassElement


def _parse_exponentiation(self):
    """ExponentiationExpression (13.6): ``UpdateExpression ** ExponentiationExpression``.
    esprima refuses any unary operand before ``**``; the grammar only refuses an
    unparenthesized one (``-2 ** 2``), so ``(-2) ** 0.5`` is valid."""
    from esprima.nodes import BinaryExpression
    from esprima.syntax import Syntax
    from esprima.token import Token
    first = self.lookahead
    base = self.inheritCoverGrammar(self.parseUnaryExpression)
    if not self.match("**"):
        return base
    if base.type is Syntax.UnaryExpression and not (
            first.type is Token.Punctuator and first.value == "("):
        return base         # the caller reports the unexpected `**`
    self.nextToken()
    self.context.isAssignmentTarget = False
    self.context.isBindingElement = False
    exponent = self.isolateCoverGrammar(self.parseExponentiationExpression)
    return self.finalize(self.startNode(first), BinaryExpression("**", base, exponent))


_parse_exponentiation.jsrt_fixed = True

_installed = []


def _install_regexp_check():
    """Install jsrt's fixes into esprima's parser (once)."""
    if _installed:
        return
    from esprima import scanner, parser
    if getattr(scanner.Scanner.testRegExp, "__name__", "") != "_test_regexp":
        scanner.Scanner.testRegExp = _test_regexp
    if not getattr(parser.Parser.parseExponentiationExpression, "jsrt_fixed", False):
        parser.Parser.parseExponentiationExpression = _parse_exponentiation
    if not getattr(parser.Parser.parseClassElement, "jsrt_fixed", False):
        parser.Parser.parseClassElement = _fixed_class_element(parser.Parser.parseClassElement)
    _installed.append(True)


# esprima's wording -> V8's, where they differ only in words.
_V8_MESSAGES = {
    "Unexpected token ILLEGAL": "Invalid or unexpected token",
    "Variable name may not be eval or arguments in strict mode":
        "Unexpected eval or arguments in strict mode",
    "Function name may not be eval or arguments in strict mode":
        "Unexpected eval or arguments in strict mode",
    "Catch variable may not be eval or arguments in strict mode":
        "Unexpected eval or arguments in strict mode",
    "Assignment to eval or arguments is not allowed in strict mode":
        "Unexpected eval or arguments in strict mode",
    "Postfix increment/decrement may not have eval or arguments operand in strict mode":
        "Unexpected eval or arguments in strict mode",
    "Prefix increment/decrement may not have eval or arguments operand in strict mode":
        "Unexpected eval or arguments in strict mode",
    "Parameter name eval or arguments is not allowed in strict mode":
        "Unexpected eval or arguments in strict mode",
    "Use of future reserved word in strict mode": "Unexpected strict mode reserved word",
    "Strict mode function may not have duplicate parameter names":
        "Duplicate parameter name not allowed in this context",
    "Getter must not have any formal parameters": "Getter must not have any formal parameters.",
    "Setter must have exactly one formal parameter": "Setter must have exactly one formal parameter.",
    "Illegal continue statement": "Illegal continue statement: no surrounding iteration statement",
    "Classes may not have static property named prototype":
        "Classes may not have a static property named 'prototype'",
    "Invalid left-hand side in for-in": "Invalid left-hand side in for-loop",
    "Octal literals are not allowed in template strings.":
        "Octal escape sequences are not allowed in template strings.",
}

_IDENT_RE = None


def v8_syntax_message(msg, source, index):
    """A SyntaxError message from esprima reworded as V8 words it (node prints V8's):
    quoted tokens ("Unexpected token '}'"), the identifier named, and V8's phrases."""
    global _IDENT_RE
    word = None
    if type(index) is int and 0 <= index < len(source):
        if _IDENT_RE is None:
            import re
            _IDENT_RE = re.compile(r"[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*")
        m = _IDENT_RE.match(source, index)
        word = m.group(0) if m else None
    if msg == "Unexpected token ILLEGAL" and type(index) is int and index >= len(source):
        return "Unexpected end of input"            # an unterminated template or comment
    if msg == "Unexpected token (" and type(index) is int \
            and source[:index].rstrip().endswith("function"):
        return "Function statements require a function name"
    if msg == "Unexpected identifier" and word:
        return "Unexpected reserved word" if word == "await" else "Unexpected identifier '%s'" % word
    if msg == "Unexpected token" and word:
        if word == "import":
            return "Cannot use import statement outside a module"
        return "Unexpected token '%s'" % word
    if msg.startswith("Unexpected token ") and msg != "Unexpected token ILLEGAL":
        tok = msg[len("Unexpected token "):]
        if tok and " " not in tok and not tok.startswith("'"):
            return "Unexpected token '%s'" % tok
    return _V8_MESSAGES.get(msg, msg)


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
        msg = v8_syntax_message(msg, source, getattr(e, "index", None))
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
