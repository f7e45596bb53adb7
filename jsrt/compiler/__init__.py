"""Compile JS source into CompiledUnits of Python code objects (see codegen.py)."""

import gc
import ast
import hashlib
import sys
import threading
from types import CodeType

from ..parser import parse_script, parse_module, JSSyntaxError
from ..runtime.executor import on_roomy_stack
from .scope import Analyzer
from .codegen import CodeGen, CompileError, to_utf16

__all__ = ["CompiledUnit", "compile_script", "JSSyntaxError", "unit_registry"]

ENGINE_TAG = None
#: sources shorter than this are compiled every time (cheaper than a cache write)
CACHE_MIN_SOURCE = 4096


class CompiledUnit:
    """One compiled script: its code objects and what GlobalDeclarationInstantiation needs.

    ``code`` is the code object of the script function; ``metas`` the FuncMeta
    tuples of its functions (index = meta[6]).
    """
    __slots__ = ("key", "source", "filename", "code", "var_names", "lex_decls", "func_names",
                 "metas", "strict", "kind", "module_info", "__weakref__")

    def __init__(self, key, source, filename, code, var_names, lex_decls, func_names, metas,
                 strict, kind, module_info=None):
        self.key = key
        self.source = source
        self.filename = filename
        self.code = code
        self.var_names = var_names
        self.lex_decls = lex_decls
        self.func_names = func_names
        self.metas = metas
        self.strict = strict
        self.kind = kind
        self.module_info = module_info


#: key -> CompiledUnit for every unit compiled or loaded in this process.
unit_registry = {}
#: id(code object) -> (FuncMeta of the JS function it belongs to, or None for script code)
code_meta = {}
#: id(code object) -> (unit key, index in the unit's code list); unit key -> [code objects]
#: Keyed by identity: hashing a code object hashes every code object nested in it (its
#: constants), so code-keyed dicts made registering lodash cost 58 ms.  ``unit_codes``
#: keeps every registered code object alive, so no id is reused while it is a key.
code_index = {}
unit_codes = {}


def register_code(unit):
    """Index every code object of a unit: by the JS function it implements (for
    stacks) and by position (so snapshots can name a function's code)."""
    codes = []
    todo = [(unit.code, None)]
    while todo:
        code, meta = todo.pop()
        n = code.co_name
        if n.startswith("_F") and n[2:].isdigit():
            i = int(n[2:])
            if i < len(unit.metas):
                meta = unit.metas[i]
        code_meta[id(code)] = meta
        code_index[id(code)] = (unit.key, len(codes))
        codes.append(code)
        todo.extend(reversed([(c, meta) for c in code.co_consts if type(c) is CodeType]))
    unit_codes[unit.key] = codes


def add_unit(u):
    """Register a unit loaded from elsewhere (a snapshot, the code cache)."""
    with _lock:
        have = unit_registry.get(u.key)
        if have is not None:
            return have
        unit_registry[u.key] = u
        register_code(u)
        return u
_lock = threading.Lock()


def unit_key(source, filename, kind, strict):
    h = hashlib.sha256()
    h.update(("%s\0%s\0%d\0" % (kind, filename or "", strict)).encode())
    h.update(source.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def compile_script(source, filename=None, strict=False, kind="script"):
    """Parse and compile a classic script (cached per process by source hash)."""
    key = unit_key(source, filename, kind, strict)
    u = unit_registry.get(key)
    if u is not None:
        return u
    # The front end allocates a node graph (ESTree, then Python AST) that lives until the
    # unit is built: cyclic GC passes over it find nothing and cost a third of the time
    # of a large library's compile.  Collection resumes afterwards, with nothing to catch
    # up on: the graph has no reference cycles left (Analyzer.release) and is already freed.
    if not gc.isenabled():
        return _compile_on_stack(source, filename, strict, kind, key)
    gc.disable()
    try:
        return _compile_on_stack(source, filename, strict, kind, key)
    finally:
        gc.enable()


#: sources at least this long are compiled on a data stack chunk of their own
ROOMY_STACK_MIN_SOURCE = 4096


def _compile_on_stack(source, filename, strict, kind, key):
    """_compile(), for a large source above a data stack chunk of its own
    (executor.on_roomy_stack).  The parser and the code generator are deeply recursive:
    where one of CPython's 16 KB frame chunks ends inside the depth range they keep going
    up and down through, every crossing maps and unmaps a chunk (lodash: 230,000 times,
    its compile up to 2.5x slower), and whether it does depends only on the caller's
    depth."""
    if len(source) < ROOMY_STACK_MIN_SOURCE:
        return _compile(source, filename, strict, kind, key)
    return on_roomy_stack(_compile, source, filename, strict, kind, key)


def _compile(source, filename, strict, kind, key):
    cacheable = len(source) >= CACHE_MIN_SOURCE and kind in ("script", "module")
    if cacheable:
        from . import cache
        u = cache.load(key)
        if u is not None:
            return add_unit(u)
    prog = parse_module(source, filename) if kind == "module" else parse_script(source, filename, strict)
    an = Analyzer()
    try:
        fi = an.analyze_program(prog, kind="script" if kind == "script" else kind, strict=strict)
    except RecursionError:
        raise JSSyntaxError("Maximum nesting depth exceeded", filename, 1, 0) from None
    except CompileError as e:
        node = e.node
        line = node.loc.start.line if node is not None else 1
        col = node.loc.start.column if node is not None else 0
        raise JSSyntaxError(str(e), filename, line, col) from None
    gen = CodeGen(source, filename or "<anonymous>", key, an, kind=kind)
    try:
        mod, var_names, lex, funcs = gen.compile_program(prog)
    except CompileError as e:
        node = e.node
        line = node.loc.start.line if node is not None else 1
        col = node.loc.start.column if node is not None else 0
        raise JSSyntaxError(str(e), filename, line, col) from None
    except RecursionError:
        raise JSSyntaxError("Maximum nesting depth exceeded", filename, 1, 0) from None
    an.release()
    try:
        modcode = compile(mod, filename or "<anonymous>", "exec")
    except (RecursionError, MemoryError):
        raise JSSyntaxError("Maximum nesting depth exceeded", filename, 1, 0) from None
    except SyntaxError as e:
        raise JSSyntaxError("cannot compile: %s" % e.msg, filename, e.lineno, e.offset) from None
    code = None
    for c in modcode.co_consts:
        if hasattr(c, "co_name") and c.co_name == "__script__":
            code = c
    u = CompiledUnit(key, source, filename or "<anonymous>", code, var_names, lex, funcs,
                     tuple(gen.metas), fi.strict, kind, getattr(gen, "module_info", None))
    with _lock:
        unit_registry[key] = u
        register_code(u)
    if cacheable:
        from . import cache
        cache.save(u)
    return u


def compile_module(source, filename=None):
    """Parse and compile an ES module (strict; cached like scripts)."""
    return compile_script(source, filename, strict=True, kind="module")


def debug_source(source, filename=None, kind="script"):
    """The generated Python source of a script (for debugging the compiler)."""
    prog = parse_module(source, filename) if kind == "module" else parse_script(source, filename)
    an = Analyzer()
    an.analyze_program(prog, kind=kind)
    gen = CodeGen(source, filename or "<anonymous>", "debug", an, kind=kind)
    mod, *_ = gen.compile_program(prog)
    return ast.unparse(mod)
