"""The test262 conformance runner.

Follows the suite's INTERPRETING.md: the YAML frontmatter between ``/*---`` and ``---*/`` says
which harness files to evaluate first (``assert.js``, ``sta.js``, ``doneprintHandle.js`` for
``async``, then ``includes``), in which modes to run (non-strict and strict by default;
``onlyStrict``, ``noStrict``, ``raw``, ``module``), and what outcome to expect (``negative``:
phase and error constructor name; ``async``: ``print('Test262:AsyncTestComplete')``).  Every run
gets a fresh realm with the host globals of :mod:`jsrt.conformance.host262`.

Tests run in a pool of worker processes (``ProcessPoolExecutor``, forkserver or spawn), in
chunks.  A watchdog in the parent reads each worker's current test from shared memory and kills
a worker whose test exceeds the timeout (the test is then a ``timeout``); the tests a broken pool
was running are retried one at a time, and a test that brings its worker down twice is a
``crash``.

Command line (also ``python -m jsrt.conformance.test262``)::

    jsrt test262 [PATHS...] [-j N] [--json OUT] [--suite DIR] [--timeout S]
                 [--failures] [--all-features] [--list-skipped]

PATHS are files or directories relative to the suite's ``test/`` (``built-ins/Array``,
``language/expressions/class``); ``@FILE`` reads one path per line (``#`` starts a comment).
"""

from __future__ import annotations

import argparse
import collections
import importlib
import inspect
import json
import multiprocessing
import os
import re
import signal
import sys
import time
import warnings
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

__all__ = [
    "ES2017_FEATURES",
    "ENGINE_EXTRA_FEATURES",
    "Metadata",
    "MetadataError",
    "Negative",
    "Result",
    "Summary",
    "TestCase",
    "add_subcommand",
    "discover",
    "find_suite",
    "format_report",
    "load_tests",
    "main",
    "modes_for",
    "parse_frontmatter",
    "parse_yaml",
    "run_tests",
    "select_sample",
    "skip_reason",
]

# --------------------------------------------------------------------------------------------
# Vocabulary

PASSED = "passed"
FAILED = "failed"
SKIPPED = "skipped"
TIMEOUT = "timeout"
CRASH = "crash"
#: Statuses that count as failures in the ``N passed, M failed, K skipped`` line.
FAILING = frozenset({FAILED, TIMEOUT, CRASH})

NON_STRICT = "non-strict"
STRICT = "strict"
MODULE = "module"
_MODE_CODES = {NON_STRICT: 0.0, STRICT: 1.0, MODULE: 2.0}
_MODE_NAMES = {v: k for k, v in _MODE_CODES.items()}

SKIP_FEATURE = "newer feature"
SKIP_MODULE = "module"
SKIP_CAN_BLOCK = "CanBlockIsTrue"
SKIP_AGENT = "agent/SharedArrayBuffer"
SKIP_HTMLDDA = "IsHTMLDDA"
SKIP_SYNTAX = "syntax unsupported by parser"
SKIP_INTL = "intl402"

STRICT_PREFIX = '"use strict";\n'
ASYNC_COMPLETE = "Test262:AsyncTestComplete"
ASYNC_FAILURE = "Test262:AsyncTestFailure:"
DEFAULT_TIMEOUT = 10.0

#: Feature names from the suite's ``features.txt`` that ES2017 or an earlier edition defines
#: (plus the harness-only ``cross-realm`` and legacy ``caller``).  Tests that use any other
#: feature are skipped as "newer feature" unless ``--all-features`` is given.
ES2017_FEATURES = frozenset(
    {
        # ES5 and legacy behaviour the suite tags
        "caller",
        "cross-realm",
        # ES2015
        "ArrayBuffer",
        "Array.prototype.values",
        "arrow-function",
        "class",
        "computed-property-names",
        "const",
        "DataView",
        "DataView.prototype.getFloat32",
        "DataView.prototype.getFloat64",
        "DataView.prototype.getInt16",
        "DataView.prototype.getInt32",
        "DataView.prototype.getInt8",
        "DataView.prototype.getUint16",
        "DataView.prototype.getUint32",
        "DataView.prototype.setUint8",
        "default-parameters",
        "destructuring-assignment",
        "destructuring-binding",
        "Float32Array",
        "Float64Array",
        "for-of",
        "generators",
        "Int8Array",
        "Int16Array",
        "Int32Array",
        "let",
        "Map",
        "new.target",
        "Object.is",
        "Promise",
        "Proxy",
        "Reflect",
        "Reflect.construct",
        "Reflect.set",
        "Reflect.setPrototypeOf",
        "rest-parameters",
        "Set",
        "String.fromCodePoint",
        "String.prototype.endsWith",
        "String.prototype.includes",
        "super",
        "Symbol",
        "Symbol.hasInstance",
        "Symbol.isConcatSpreadable",
        "Symbol.iterator",
        "Symbol.match",
        "Symbol.replace",
        "Symbol.search",
        "Symbol.species",
        "Symbol.split",
        "Symbol.toPrimitive",
        "Symbol.toStringTag",
        "Symbol.unscopables",
        "tail-call-optimization",
        "template",
        "TypedArray",
        "Uint8Array",
        "Uint16Array",
        "Uint32Array",
        "Uint8ClampedArray",
        "WeakMap",
        "WeakSet",
        "__proto__",
        # ES2016
        "Array.prototype.includes",
        "exponentiation",
        "u180e",
        # ES2017
        "async-functions",
        "Atomics",
        "SharedArrayBuffer",
        "proxy-missing-checks",
        "__getter__",
        "__setter__",
    }
)

#: ES2018 features that DESIGN.md commits the engine to (esprima parses them), run by default.
ENGINE_EXTRA_FEATURES = frozenset({"object-rest", "object-spread"})

#: Features that need the agent API (``$262.agent``), which this host does not provide.
AGENT_FEATURES = frozenset({"SharedArrayBuffer", "Atomics"})

DEFAULT_FEATURES = ES2017_FEATURES | ENGINE_EXTRA_FEATURES


# --------------------------------------------------------------------------------------------
# Frontmatter: a YAML subset sufficient for test262


class MetadataError(ValueError):
    """The frontmatter of a test file cannot be read."""


_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_KEY_LINE = re.compile(r"([A-Za-z_$][\w$.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _strip_comment(text: str) -> str:
    """Drop a trailing ``# comment`` from a plain (unquoted) value."""
    m = re.search(r"(^|[ \t])#", text)
    return text[: m.start()].rstrip() if m else text


def parse_yaml(text: str) -> dict[str, Any]:
    """Parse the YAML subset used by test262 frontmatter into a dict of str / list / dict.

    Supported: ``key: value`` mappings (nested by indentation), block scalars (``|`` and ``>``
    with chomping indicators), plain, single- and double-quoted scalars (multi-line too), flow
    sequences ``[a, b]`` and block sequences (``- a``).  Scalars stay strings (``es5id: 15.1``
    is ``"15.1"``); an empty value is None.
    """
    return _parse_mapping(_dedent(_LINE_SPLIT.split(text)))


def _dedent(lines: list[str]) -> list[str]:
    """Remove the indentation of the first content line (a root mapping may be indented)."""
    content = [ln for ln in lines if ln.strip() and not ln.strip().startswith("#")]
    if not content:
        return lines
    indent = _indent_of(content[0])
    if not indent:
        return lines
    prefix = content[0][:indent]
    out = []
    for ln in lines:
        if ln.startswith(prefix):
            out.append(ln[indent:])
        elif not ln.strip():
            out.append("")
        else:
            raise MetadataError(f"line less indented than the first key: {ln!r}")
    return out


def _parse_mapping(lines: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            i += 1
            continue
        if _indent_of(line):
            raise MetadataError(f"unexpected indentation: {line!r}")
        m = _KEY_LINE.fullmatch(line)
        if not m:
            raise MetadataError(f"expected 'key: value', got {line!r}")
        key, rest = m.group(1), m.group(2) or ""
        i += 1
        start = i
        while i < n and (not lines[i].strip() or _indent_of(lines[i])):
            i += 1
        result[key] = _parse_value(rest, lines[start:i], key)
    return result


def _parse_value(rest: str, block: list[str], key: str) -> Any:
    if rest[:1] in ("|", ">"):
        return _block_scalar(rest, block, key)
    if rest.startswith("["):
        return _flow_sequence(" ".join([rest] + [b.strip() for b in block]), key)
    if rest.startswith("{"):
        raise MetadataError(f"{key}: flow mappings are not supported")
    if rest[:1] in ('"', "'"):
        return _quoted(rest + "".join("\n" + b for b in block), key)[0]
    if rest:
        return _plain(rest, block)
    content = [b for b in block if b.strip() and not b.strip().startswith("#")]
    if not content:
        return None
    if content[0].strip() == "-" or content[0].strip().startswith("- "):
        return _block_sequence(block, key)
    return _parse_mapping(_dedent(block))


def _block_scalar(header: str, block: list[str], key: str) -> str:
    m = re.fullmatch(r"([|>])([+-]?)([1-9]?)([+-]?)(?:[ \t]+#.*)?", header)
    if not m:
        raise MetadataError(f"{key}: bad block scalar header {header!r}")
    style, chomp, explicit = m.group(1), m.group(2) or m.group(4), m.group(3)
    non_blank = [b for b in block if b.strip()]
    if explicit:
        indent = int(explicit)
    elif non_blank:
        indent = _indent_of(non_blank[0])
    else:
        indent = 0
    lines = []
    for b in block:
        if b.strip():
            if _indent_of(b) < indent:
                raise MetadataError(f"{key}: block scalar line less indented than the first")
            lines.append(b[indent:])
        else:
            lines.append(b[indent:] if len(b) > indent else "")
    # Trailing blank lines are subject to chomping, not content.
    trailing = 0
    while lines and not lines[-1].strip():
        lines.pop()
        trailing += 1
    if style == "|":
        body = "\n".join(lines)
    else:
        body = _fold_block(lines)
    if not lines:
        return "\n" * trailing if chomp == "+" else ""
    if chomp == "-":
        return body
    if chomp == "+":
        return body + "\n" * (trailing + 1)
    return body + "\n"


def _fold_block(lines: list[str]) -> str:
    """YAML folding for ``>``: line breaks between normal lines become spaces."""
    out: list[str] = []
    prev = None  # "normal" | "more" (more-indented lines keep their line breaks)
    blanks = 0
    for line in lines:
        if not line.strip():
            blanks += 1
            continue
        kind = "more" if line[:1] in (" ", "\t") else "normal"
        if prev is None:
            out.append("\n" * blanks)
        elif prev == "normal" and kind == "normal":
            out.append("\n" * blanks if blanks else " ")
        else:
            out.append("\n" * (blanks + 1))
        out.append(line)
        prev, blanks = kind, 0
    return "".join(out)


def _fold_lines(parts: list[str]) -> str:
    """Flow-scalar folding: one line break is a space, n+1 line breaks are n newlines."""
    out: list[str] = []
    blanks = 0
    for i, part in enumerate(parts):
        if i and not part:
            blanks += 1
            continue
        if i:
            out.append("\n" * blanks if blanks else " ")
        out.append(part)
        blanks = 0
    return "".join(out)


def _plain(first: str, block: list[str]) -> str:
    parts = [_strip_comment(first.strip())]
    for b in block:
        s = b.strip()
        if s.startswith("#"):
            continue
        parts.append(_strip_comment(s))
    while len(parts) > 1 and not parts[-1]:
        parts.pop()
    return _fold_lines(parts)


def _quoted(text: str, key: str) -> tuple[str, str]:
    """Read a quoted scalar at the start of *text*; return (value, text after it)."""
    quote = text[0]
    i, n = 1, len(text)
    chunks: list[str] = []
    buf: list[str] = []
    while True:
        if i >= n:
            raise MetadataError(f"{key}: unterminated {quote}-quoted string")
        c = text[i]
        if quote == "'" and c == "'":
            if text[i + 1 : i + 2] == "'":
                buf.append("'")
                i += 2
                continue
            break
        if quote == '"' and c == '"':
            break
        if quote == '"' and c == "\\":
            e = text[i + 1 : i + 2]
            if e == "\n":  # escaped line break: join without a space
                i += 2
                while i < n and text[i] in " \t":
                    i += 1
                continue
            if e in _ESCAPES:
                buf.append(_ESCAPES[e])
                i += 2
                continue
            width = {"x": 2, "u": 4, "U": 8}.get(e)
            if width:
                digits = text[i + 2 : i + 2 + width]
                if not re.fullmatch(r"[0-9A-Fa-f]{%d}" % width, digits):
                    raise MetadataError(f"{key}: bad escape \\{e}{digits}")
                buf.append(chr(int(digits, 16)))
                i += 2 + width
                continue
            raise MetadataError(f"{key}: unknown escape \\{e}")
        if c == "\n":
            chunks.append("".join(buf).rstrip(" \t"))
            buf = []
            i += 1
            while i < n and text[i] in " \t":
                i += 1
            continue
        buf.append(c)
        i += 1
    chunks.append("".join(buf))
    return _fold_lines(chunks), text[i + 1 :]


def _scalar(item: str, key: str) -> str:
    item = item.strip()
    if item[:1] in ('"', "'"):
        value, after = _quoted(item, key)
        if _strip_comment(after).strip():
            raise MetadataError(f"{key}: text after a quoted item: {after!r}")
        return value
    return _strip_comment(item)


def _flow_sequence(text: str, key: str) -> list[str]:
    items: list[str] = []
    rest = text.strip()[1:]
    while True:
        rest = rest.lstrip()
        if not rest:
            raise MetadataError(f"{key}: unterminated flow sequence")
        if rest[0] == "]":
            if _strip_comment(rest[1:]).strip():
                raise MetadataError(f"{key}: text after a flow sequence: {rest[1:]!r}")
            return items
        if rest[0] in ('"', "'"):
            value, rest = _quoted(rest, key)
        else:
            m = re.match(r"[^,\]]*", rest)
            value, rest = m.group(0).strip(), rest[m.end() :]
            if not value:
                raise MetadataError(f"{key}: empty item in a flow sequence")
        items.append(value)
        rest = rest.lstrip()
        if rest.startswith(","):
            rest = rest[1:]
        elif not rest.startswith("]"):
            raise MetadataError(f"{key}: expected ',' or ']' in a flow sequence")


def _block_sequence(block: list[str], key: str) -> list[str]:
    items = []
    for b in block:
        s = b.strip()
        if not s or s.startswith("#"):
            continue
        if s == "-":
            raise MetadataError(f"{key}: nested block sequences are not supported")
        if not s.startswith("- "):
            raise MetadataError(f"{key}: expected '- item', got {s!r}")
        items.append(_scalar(s[2:], key))
    return items


def parse_frontmatter(source: str) -> dict[str, Any] | None:
    """The YAML between ``/*---`` and ``---*/`` as a dict, or None when there is none."""
    start = source.find("/*---")
    if start < 0:
        return None
    end = source.find("---*/", start + 5)
    if end < 0:
        raise MetadataError("frontmatter opened with '/*---' is never closed with '---*/'")
    return parse_yaml(source[start + 5 : end])


@dataclass(frozen=True)
class Negative:
    phase: str  # "parse" | "resolution" | "runtime"
    type: str  # name of the expected error constructor


def _as_list(value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise MetadataError(f"{key}: expected a list of names, got {value!r}")


@dataclass(frozen=True)
class Metadata:
    """What INTERPRETING.md gives meaning to, read from a test's frontmatter."""

    description: str = ""
    info: str = ""
    includes: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    features: tuple[str, ...] = ()
    negative: Negative | None = None
    locale: tuple[str, ...] = ()
    esid: str | None = None
    es5id: str | None = None
    es6id: str | None = None

    @classmethod
    def from_source(cls, source: str) -> "Metadata":
        data = parse_frontmatter(source)
        return cls() if data is None else cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Metadata":
        negative = data.get("negative")
        if negative is not None:
            if not (
                isinstance(negative, dict)
                and isinstance(negative.get("phase"), str)
                and isinstance(negative.get("type"), str)
            ):
                raise MetadataError(f"negative: expected phase and type, got {negative!r}")
            if negative["phase"] not in ("parse", "resolution", "runtime"):
                raise MetadataError(f"negative: unknown phase {negative['phase']!r}")
            negative = Negative(negative["phase"], negative["type"])

        def text(key: str) -> str | None:
            value = data.get(key)
            return None if value is None else str(value)

        return cls(
            description=(text("description") or "").strip(),
            info=text("info") or "",
            includes=_as_list(data.get("includes"), "includes"),
            flags=frozenset(_as_list(data.get("flags"), "flags")),
            features=_as_list(data.get("features"), "features"),
            negative=negative,
            locale=_as_list(data.get("locale"), "locale"),
            esid=text("esid"),
            es5id=text("es5id"),
            es6id=text("es6id"),
        )

    @property
    def expects_parse_error(self) -> bool:
        n = self.negative
        return n is not None and n.phase == "parse" and n.type == "SyntaxError"


def modes_for(meta: Metadata) -> tuple[str, ...]:
    """The runs a test needs (INTERPRETING.md "Strict Mode" and the flags)."""
    if "module" in meta.flags:
        return (MODULE,)
    if "raw" in meta.flags or "noStrict" in meta.flags:
        return (NON_STRICT,)
    if "onlyStrict" in meta.flags:
        return (STRICT,)
    return (NON_STRICT, STRICT)


def harness_files(meta: Metadata) -> tuple[str, ...]:
    """Harness files to evaluate before the test, in order, without repeats."""
    if "raw" in meta.flags:
        return ()
    names = ["assert.js", "sta.js"]
    if "async" in meta.flags:
        names.append("doneprintHandle.js")
    names.extend(meta.includes)
    return tuple(dict.fromkeys(names))


def skip_reason(
    meta: Metadata,
    *,
    path: str = "",
    source: str = "",
    all_features: bool = False,
    has_modules: bool = False,
    features: Iterable[str] = (),
) -> tuple[str, str] | None:
    """(reason, detail) when the test must not run in this host, else None.

    *path* is relative to ``test/``.  The syntax check (esprima cannot read the test) happens
    later, in the worker.
    """
    if path.startswith(("intl402/", "staging/intl402/")):
        return SKIP_INTL, "the engine does not implement ECMA-402"
    if "module" in meta.flags and not has_modules:
        return SKIP_MODULE, "the engine has no module API (Realm.eval_module)"
    if "CanBlockIsTrue" in meta.flags:
        return SKIP_CAN_BLOCK, "the runner's agent cannot block"
    agent = sorted(AGENT_FEATURES.intersection(meta.features))
    if agent or "atomicsHelper.js" in meta.includes or "$262.agent" in source:
        return SKIP_AGENT, ", ".join(agent) or "$262.agent"
    if "IsHTMLDDA" in meta.features:
        return SKIP_HTMLDDA, "the host provides no $262.IsHTMLDDA"
    if not all_features:
        newer = [f for f in meta.features if f not in DEFAULT_FEATURES and f not in features]
        if newer:
            return SKIP_FEATURE, ", ".join(newer)
    return None


# --------------------------------------------------------------------------------------------
# Discovery


@dataclass(frozen=True)
class TestCase:
    """One test file: its path relative to ``test/`` and its metadata."""

    __test__ = False  # not a pytest class

    path: str
    meta: Metadata
    index: int = -1  # position in the run, for the watchdog

    @property
    def group(self) -> str:
        """The first two directory levels below ``test/`` (``built-ins/Array``)."""
        return _group_of(self.path)


def find_suite(suite: str | os.PathLike | None = None) -> Path:
    """The test262 checkout: *suite*, else ``$JSRT_TEST262``, else ``<repo>/../shared/test262``."""
    candidates = []
    if suite:
        candidates.append(Path(suite))
    elif os.environ.get("JSRT_TEST262"):
        candidates.append(Path(os.environ["JSRT_TEST262"]))
    else:
        repo = Path(__file__).resolve().parents[2]
        candidates.append(repo.parent / "shared" / "test262")
    for c in candidates:
        if (c / "test").is_dir() and (c / "harness").is_dir():
            return c.resolve()
    raise FileNotFoundError(
        f"no test262 suite at {candidates[0]} (it needs test/ and harness/); "
        "pass --suite DIR or set JSRT_TEST262"
    )


def _is_test_file(name: str) -> bool:
    return name.endswith(".js") and "_FIXTURE" not in name


def discover(suite: Path, paths: Iterable[str] = ()) -> list[str]:
    """Sorted test paths relative to ``test/`` for *paths* (files or directories).

    A path may be relative to ``test/`` (``built-ins/Array``), to the suite
    (``test/built-ins/Array``), absolute, or relative to the working directory.
    ``_FIXTURE`` files are never tests.
    """
    root = (suite / "test").resolve()
    paths = list(paths) or [""]
    found: set[str] = set()
    for p in paths:
        target = _resolve_path(suite, p)
        if target.is_dir():
            for dirpath, dirnames, filenames in os.walk(target):
                dirnames.sort()
                rel = Path(dirpath).relative_to(root).as_posix()
                for name in filenames:
                    if _is_test_file(name):
                        found.add(name if rel == "." else f"{rel}/{name}")
        elif target.is_file():
            if _is_test_file(target.name):
                found.add(target.relative_to(root).as_posix())
        else:
            raise FileNotFoundError(f"no test file or directory {p!r} under {root}")
    return sorted(found)


def _resolve_path(suite: Path, p: str) -> Path:
    root = (suite / "test").resolve()
    text = p.strip().replace("\\", "/")
    candidates = [Path(text)] if os.path.isabs(text) else [root / text, suite / text, Path(text)]
    for c in candidates:
        if c.exists():
            c = c.resolve()
            try:
                c.relative_to(root)
            except ValueError:
                continue
            return c
    return candidates[0]


def _read_source(path: Path) -> str:
    # newline="" keeps \r, \r\n, U+2028 exactly as in the file: line-terminator tests need it.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def load_tests(suite: Path, paths: Iterable[str] = ()) -> tuple[list[TestCase], list["Result"]]:
    """Discover and read tests; files whose frontmatter is unreadable become failures."""
    tests: list[TestCase] = []
    broken: list[Result] = []
    root = suite / "test"
    for rel in discover(suite, paths):
        try:
            source = _read_source(root / rel)
            meta = Metadata.from_source(source)
        except (MetadataError, UnicodeDecodeError, OSError) as exc:
            broken.append(Result(rel, FAILED, "", f"bad test file: {exc}"))
            continue
        tests.append(TestCase(rel, meta))
    return tests, broken



# --------------------------------------------------------------------------------------------
# Results


@dataclass
class Result:
    path: str  # relative to test/
    status: str  # passed | failed | skipped | timeout | crash
    mode: str = ""  # non-strict | strict | both | module (failing mode(s) for failures)
    message: str = ""  # error message, or skip detail
    reason: str = ""  # skip reason (one of the SKIP_* values)
    features: tuple[str, ...] = ()
    duration: float = 0.0

    def to_json(self) -> dict[str, Any]:
        d = {"path": self.path, "status": self.status, "mode": self.mode, "message": self.message}
        if self.reason:
            d["reason"] = self.reason
        if self.features:
            d["features"] = list(self.features)
        d["duration"] = round(self.duration, 4)
        return d


def _group_of(path: str) -> str:
    return "/".join(path.split("/")[:-1][:2]) or "."


@dataclass
class Summary:
    results: list[Result] = field(default_factory=list)
    elapsed: float = 0.0
    interrupted: bool = False  # Ctrl-C: results holds what finished
    not_run: int = 0

    def count(self, *statuses: str) -> int:
        return sum(1 for r in self.results if r.status in statuses)

    @property
    def passed(self) -> int:
        return self.count(PASSED)

    @property
    def failed(self) -> int:
        return self.count(*FAILING)

    @property
    def skipped(self) -> int:
        return self.count(SKIPPED)

    def by_status(self, status: str) -> list[Result]:
        return [r for r in self.results if r.status == status]

    def skip_reasons(self) -> collections.Counter:
        return collections.Counter(r.reason for r in self.results if r.status == SKIPPED)

    def table(self, key) -> dict[str, collections.Counter]:
        rows: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        for r in self.results:
            bucket = SKIPPED if r.status == SKIPPED else PASSED if r.status == PASSED else FAILED
            for k in key(r):
                rows[k][bucket] += 1
        return dict(sorted(rows.items(), key=lambda kv: kv[0].lower()))

    def by_directory(self) -> dict[str, collections.Counter]:
        return self.table(lambda r: [_group_of(r.path)])

    def by_feature(self) -> dict[str, collections.Counter]:
        return self.table(lambda r: r.features or ["(none)"])

    def to_json(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "failed": self.failed,
            "skipped": self.skipped,
            "timeouts": self.count(TIMEOUT),
            "crashes": self.count(CRASH),
            "elapsed": round(self.elapsed, 2),
            "interrupted": self.interrupted,
            "not_run": self.not_run,
            "skip_reasons": dict(self.skip_reasons()),
            "results": [r.to_json() for r in sorted(self.results, key=lambda r: r.path)],
        }


def _pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:5.1f}%" if whole else "    -"


def _format_table(
    title: str, rows: dict[str, collections.Counter], with_total: bool = True
) -> list[str]:
    width = max([len(title)] + [len(k) for k in rows]) + 2
    head = f"{title:<{width}}{'passed':>8}{'failed':>8}{'skipped':>9}{'total':>8}{'pass%':>8}"
    out = [head, "-" * len(head)]
    total = collections.Counter()
    for name, c in [*rows.items(), *([("total", None)] if with_total else [])]:
        if c is None:
            out.append("-" * len(head))
            c = total
        else:
            total.update(c)
        n = c[PASSED] + c[FAILED] + c[SKIPPED]
        out.append(
            f"{name:<{width}}{c[PASSED]:>8}{c[FAILED]:>8}{c[SKIPPED]:>9}{n:>8}"
            f"{_pct(c[PASSED], c[PASSED] + c[FAILED]):>8}"
        )
    return out


def format_report(
    summary: Summary,
    *,
    directories: bool = True,
    features: bool = True,
    failures: bool = False,
    list_skipped: bool = False,
) -> str:
    """The human-readable report; the counts line is always present, on a line of its own."""
    out: list[str] = []
    if directories and summary.results:
        out += _format_table("directory", summary.by_directory()) + [""]
    if features and summary.results:
        out += _format_table("feature", summary.by_feature(), False) + [""]
    if failures:
        failing = sorted((r for r in summary.results if r.status in FAILING), key=lambda r: r.path)
        if failing:
            out.append("Failures:")
            for r in failing:
                msg = r.message.replace("\n", "\n      ")
                out.append(f"  {r.path} [{r.status}, {r.mode}]\n      {msg}")
            out.append("")
    syntax = sorted((r for r in summary.results if r.reason == SKIP_SYNTAX), key=lambda r: r.path)
    if list_skipped and syntax:
        out.append(f"Skipped, {SKIP_SYNTAX} ({len(syntax)}):")
        out += [f"  {r.path}: {r.message}" for r in syntax]
        out.append("")
    reasons = summary.skip_reasons()
    if reasons:
        out.append(
            "skipped: " + ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        )
    run = summary.passed + summary.failed
    extra = []
    if summary.count(TIMEOUT):
        extra.append(f"{summary.count(TIMEOUT)} timeouts")
    if summary.count(CRASH):
        extra.append(f"{summary.count(CRASH)} crashes")
    out.append(
        f"pass rate {_pct(summary.passed, run).strip()} of {run} run"
        + (f"; failures include {', '.join(extra)}" if extra else "")
        + f"; {summary.elapsed:.1f}s"
    )
    if summary.interrupted:
        out.append(f"interrupted: {summary.not_run} tests did not run")
    out.append(f"{summary.passed} passed, {summary.failed} failed, {summary.skipped} skipped")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Running one test (in a worker process, or in-process with jobs=0)


def _accepts_kwarg(fn: Any, name: str) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == name or p.kind is p.VAR_KEYWORD for p in params)


def _is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or "timeout" in type(exc).__name__.lower()


def _describe(exc: BaseException) -> str:
    """One line for a JSError: ``name: message`` (with file:line:col for parse errors)."""
    text = str(exc)
    if text:
        return text
    name = getattr(exc, "name", None)
    message = getattr(exc, "message", None)
    if isinstance(name, str) and name:
        return f"{name}: {message}" if message else name
    return type(exc).__name__


class _SyntaxChecker:
    """Whether esprima (the engine's parser) can read a test and the harness files it needs."""

    def __init__(self, suite: Path):
        self.suite = suite
        self.harness: dict[str, str] = {}
        self.harness_problems: dict[str, str | None] = {}
        try:
            import esprima
        except ImportError:  # no parser, no check: the engine reports what it cannot read
            esprima = None
        self.esprima = esprima

    def harness_text(self, name: str) -> str:
        text = self.harness.get(name)
        if text is None:
            text = self.harness[name] = _read_source(self.suite / "harness" / name)
        return text

    def error(self, text: str, module: bool = False) -> str | None:
        """esprima's complaint about *text*, or None when it parses."""
        if self.esprima is None:
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if module:
                    self.esprima.parseModule(text)
                else:
                    self.esprima.parseScript(text)
        except Exception as exc:  # esprima's errors and its internal failures alike
            return str(exc) or type(exc).__name__
        return None

    def problem(self, meta: Metadata, source: str, modes: Sequence[str]) -> str | None:
        """Why the test is unreadable for esprima, if it is and no parse error is expected."""
        for name in harness_files(meta):
            if name not in self.harness_problems:
                try:
                    text = self.harness_text(name)
                except OSError:
                    self.harness_problems[name] = None  # reported as a failure when run
                    continue
                self.harness_problems[name] = self.error(text)
            if self.harness_problems[name]:
                return f"harness/{name}: {self.harness_problems[name]}"
        if meta.expects_parse_error:
            return None
        for mode in modes:
            err = self.error(STRICT_PREFIX + source if mode == STRICT else source, mode == MODULE)
            if err:
                return f"{mode}: {err}"
        return None


class _Runner:
    """Runs tests in this process: one per worker process, or the caller's for jobs=0."""

    # Slot layout in the shared array: pid, test index, mode code, start time (wall clock),
    # tests done, start CPU time of the process.
    SLOT = 6

    def __init__(
        self,
        suite: str,
        engine: str,
        timeout: float,
        slots=None,
        slot: int = -1,
        wall_timeout: float | None = None,
    ):
        self.suite = Path(suite)
        self.timeout = timeout
        # The engine's own (wall-clock) limit; the parent's watchdog enforces CPU time.
        self.wall_timeout = wall_timeout or timeout
        self.slots = slots
        self.base = slot * self.SLOT
        self.syntax = _SyntaxChecker(self.suite)
        self.engine = None
        self.engine_error = ""
        try:
            self.engine = importlib.import_module(engine)
            from jsrt.conformance import host262

            self.host262 = host262
            realm_cls = self.engine.Realm
            self.has_modules = hasattr(realm_cls, "eval_module")
            self.eval_timeout = _accepts_kwarg(realm_cls.eval, "timeout")
            self.run_timeout = _accepts_kwarg(realm_cls.run, "timeout")
            self.module_timeout = self.has_modules and _accepts_kwarg(
                realm_cls.eval_module, "timeout"
            )
            self.js_error = self.engine.JSError
        except Exception as exc:  # report it on every test rather than breaking the pool
            self.engine = None
            self.engine_error = f"cannot load the engine {engine!r}: {type(exc).__name__}: {exc}"
        if self.slots is not None:
            self.slots[self.base] = float(os.getpid())
            self.slots[self.base + 1] = -1.0

    # -- watchdog bookkeeping (shared memory read by the parent)

    def _mark(self, index: int, mode: str) -> None:
        if self.slots is not None:
            s, b = self.slots, self.base
            s[b + 1] = -1.0
            s[b + 2] = _MODE_CODES[mode]
            s[b + 3] = time.time()
            s[b + 5] = time.process_time()
            s[b + 1] = float(index)

    def _idle(self) -> None:
        if self.slots is not None:
            self.slots[self.base + 1] = -1.0
            self.slots[self.base + 4] += 1.0

    # -- running

    def run_test(self, test: TestCase) -> Result:
        started = time.perf_counter()
        meta = test.meta
        modes = modes_for(meta)
        result = Result(test.path, FAILED, "", "", features=meta.features)
        try:
            if self.engine is None:
                result.message = self.engine_error
                return result
            try:
                source = _read_source(self.suite / "test" / test.path)
            except (OSError, UnicodeDecodeError) as exc:
                result.message = f"cannot read the test: {exc}"
                return result
            if MODULE in modes and not self.has_modules:
                result.status, result.reason = SKIPPED, SKIP_MODULE
                return result
            self._mark(test.index, modes[0])
            problem = self.syntax.problem(meta, source, modes)
            if problem:
                result.status, result.reason, result.message = SKIPPED, SKIP_SYNTAX, problem
                result.mode = "both" if len(modes) > 1 else modes[0]
                return result
            runs = []
            for mode in modes:
                self._mark(test.index, mode)
                status, message = self._run_mode(test, source, mode)
                runs.append((mode, status, message))
                if status == TIMEOUT:
                    break
            bad = [r for r in runs if r[1] != PASSED]
            if not bad:
                result.status = PASSED
                result.mode = "both" if len(runs) > 1 else runs[0][0]
            else:
                result.status = TIMEOUT if any(r[1] == TIMEOUT for r in bad) else FAILED
                result.mode = "both" if len(bad) > 1 else bad[0][0]
                result.message = bad[0][2]
            return result
        finally:
            result.duration = time.perf_counter() - started
            self._idle()

    def _run_mode(self, test: TestCase, source: str, mode: str) -> tuple[str, str]:
        deadline = time.monotonic() + self.wall_timeout
        meta = test.meta
        engine = self.engine

        def budget() -> dict:
            return {"timeout": max(0.001, deadline - time.monotonic())}

        try:
            realm = engine.Realm()
            host = self.host262.install(realm, engine)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:
            status, message = self._internal(exc, mode)
            return status, f"host setup failed: {message}"
        try:
            for name in harness_files(meta):
                try:
                    text = self.syntax.harness_text(name)
                except OSError as exc:
                    return FAILED, f"missing harness file harness/{name}: {exc}"
                try:
                    kw = budget() if self.eval_timeout else {}
                    realm.eval(text, filename=f"harness/{name}", **kw)
                except self.js_error as exc:
                    return FAILED, f"error in harness/{name}: {_describe(exc)}"
            filename = f"test/{test.path}"
            error = None
            try:
                if mode == MODULE:
                    kw = budget() if self.module_timeout else {}
                    realm.eval_module(source, filename=str(self.suite / filename), **kw)
                else:
                    text = STRICT_PREFIX + source if mode == STRICT else source
                    kw = budget() if self.eval_timeout else {}
                    realm.eval(text, filename=filename, **kw)
                if "async" in meta.flags or mode == MODULE:
                    realm.run(**(budget() if self.run_timeout else {}))
            except self.js_error as exc:
                error = exc
            return self._judge(meta, realm, error, host.printed)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # the engine's own failures, timeouts included
            return self._internal(exc, mode)

    def _internal(self, exc: BaseException, mode: str) -> tuple[str, str]:
        if _is_timeout(exc):
            return TIMEOUT, f"timed out after {self.wall_timeout:g}s ({mode})"
        if isinstance(exc, RecursionError):
            return FAILED, "internal error: RecursionError (Python stack exhausted)"
        return FAILED, f"internal error: {type(exc).__name__}: {exc}"

    def _judge(self, meta: Metadata, realm, error, printed: list[str]) -> tuple[str, str]:
        negative = meta.negative
        if negative is not None:
            if error is None:
                return FAILED, f"expected {negative.type} in phase {negative.phase}, got no error"
            name = getattr(error, "name", None)
            if name != negative.type:
                probe = self.host262.constructor_name(
                    realm, getattr(error, "value", None), 5.0 if self.eval_timeout else None
                )
                name = probe or name
            phase = getattr(error, "phase", None)
            phase = {"link": "resolution", "linking": "resolution"}.get(phase, phase)
            if name != negative.type or phase != negative.phase:
                return FAILED, (
                    f"expected {negative.type} in phase {negative.phase}, "
                    f"got {name or 'a non-error'} in phase {phase}: {_describe(error)}"
                )
            return PASSED, ""
        if error is not None:
            return FAILED, _describe(error)
        if "async" in meta.flags:
            failures = [p for p in printed if p.startswith(ASYNC_FAILURE)]
            if failures:
                return FAILED, failures[0][len(ASYNC_FAILURE) :].strip()
            if ASYNC_COMPLETE not in printed:
                return FAILED, f"async test did not print {ASYNC_COMPLETE!r}"
        return PASSED, ""


_WORKER: _Runner | None = None


def _worker_init(suite, engine, timeout, wall_timeout, slots, counter, quiet) -> None:
    global _WORKER
    if quiet:  # tests print through console.*; keep the parent's terminal clean
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.close(devnull)
    warnings.simplefilter("ignore")
    with counter.get_lock():
        slot = counter.value
        counter.value += 1
    if slot * _Runner.SLOT >= len(slots):  # a replacement worker: no slot, no watchdog
        slots, slot = None, -1
    _WORKER = _Runner(suite, engine, timeout, slots, slot, wall_timeout)


def _run_chunk(tests: list[TestCase]) -> list[Result]:
    assert _WORKER is not None, "worker not initialised"
    results = []
    for t in tests:
        try:
            results.append(_WORKER.run_test(t))
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # a runner bug must not cost the chunk
            results.append(Result(t.path, FAILED, "", f"runner error: {type(exc).__name__}: "
                                  f"{exc}", features=t.meta.features))  # fmt: skip
    return results


# --------------------------------------------------------------------------------------------
# The parent: scheduling, watchdog, crash handling, progress


class Progress:
    """A progress bar on a TTY, otherwise a line every ~5% or 30 seconds."""

    def __init__(self, total: int, stream=None, enabled: bool = True):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and total > 0
        self.tty = self.enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.start = time.monotonic()
        self.last_line = 0.0
        self.last_done = 0
        self.last_draw = 0.0

    def update(self, done: int, passed: int, failed: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        done = min(done, self.total)
        elapsed = now - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (self.total - done) / rate if rate > 0 else 0.0
        frac = done / self.total
        if self.tty:
            if not force and now - self.last_draw < 0.2:
                return
            self.last_draw = now
            width = 30
            fill = int(frac * width)
            bar = "=" * fill + (">" if fill < width else "") + " " * max(0, width - fill - 1)
            self.stream.write(
                f"\r[{bar}] {done}/{self.total} {100 * frac:5.1f}%  "
                f"pass {passed} fail {failed}  {rate:5.1f}/s  eta {int(eta)}s \x1b[K"
            )
            self.stream.flush()
        else:
            step = max(1, self.total // 20)
            if force or done - self.last_done >= step or now - self.last_line >= 30:
                if done == self.last_done and not force:
                    return
                self.last_line, self.last_done = now, done
                self.stream.write(
                    f"test262: {done}/{self.total} ({100 * frac:.0f}%) "
                    f"pass {passed} fail {failed} {elapsed:.0f}s\n"
                )
                self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system, all threads) of process *pid* so far, where /proc has it."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLK_TCK
    except (OSError, IndexError, ValueError):
        return None


_CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_KILL = getattr(signal, "SIGKILL", signal.SIGTERM)


def _mp_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Scheduler:
    """Runs tests on a process pool; survives hangs (watchdog) and crashes (retry alone)."""

    GRACE = 5.0  # extra seconds for the engine's own timeout to fire first
    WALL_FACTOR = 10.0  # wall-clock backstop, in multiples of the CPU-time timeout

    def __init__(self, suite, tests, jobs, timeout, engine, progress, engine_timeout, quiet):
        self.suite = str(suite)
        self.tests = tests
        self.jobs = jobs
        self.timeout = timeout
        self.engine = engine
        self.progress = progress
        self.quiet = quiet
        # The timeout counts CPU time where /proc tells it, so that a loaded machine does not
        # turn slow tests into timeouts; wall-clock time then only has a generous backstop
        # (the engine's own timeout= is wall-clock).
        self.cpu_watch = _cpu_seconds(os.getpid()) is not None
        self.wall_timeout = timeout * self.WALL_FACTOR if self.cpu_watch else timeout
        self.wall_limit = self.wall_timeout + (self.GRACE if engine_timeout else 0.0)
        self.results: dict[int, Result] = {}
        self.crashes: collections.Counter = collections.Counter()
        self.passed = self.failed = 0

    def _record(self, result: Result, index: int) -> None:
        if index in self.results:
            return
        self.results[index] = result
        if result.status == PASSED:
            self.passed += 1
        elif result.status in FAILING:
            self.failed += 1

    def _chunks(self, indices: list[int], workers: int) -> list[list[TestCase]]:
        size = max(1, min(32, len(indices) // (workers * 8) or 1))
        return [
            [self.tests[i] for i in indices[k : k + size]] for k in range(0, len(indices), size)
        ]

    def _fail_all(self, indices, status, mode, message, duration=0.0) -> None:
        for i in indices:
            t = self.tests[i]
            self._record(Result(t.path, status, mode, message, "", t.meta.features, duration), i)

    def run(self) -> list[Result]:
        pending = [t.index for t in self.tests]
        suspects: list[int] = []  # were running when a pool broke: retried one at a time
        stalls = 0
        while pending or suspects:
            if pending:
                outcome = self._phase(self._chunks(pending, self.jobs), self.jobs)
            else:
                outcome = self._phase([[self.tests[i]] for i in suspects], 1)
            broken, in_progress, killed = outcome
            for i, (mode, message) in killed.items():
                self._fail_all([i], TIMEOUT, mode, message, self.timeout)
            if broken and not in_progress and not killed:
                stalls += 1  # the pool broke outside any test (e.g. at worker start-up)
                if stalls >= 3:
                    rest = [t.index for t in self.tests if t.index not in self.results]
                    self._fail_all(rest, CRASH, "", "the worker pool broke repeatedly "
                                   "outside any test")  # fmt: skip
                    break
            else:
                stalls = 0
            for i, mode in in_progress.items():
                if i in self.results or killed:  # killed: collateral of our own kill
                    continue
                self.crashes[i] += 1
                if self.crashes[i] >= 2:
                    self._fail_all([i], CRASH, mode, f"the worker process died running this "
                                   f"test ({mode}), twice")  # fmt: skip
                else:
                    suspects.append(i)
            suspects = sorted(set(i for i in suspects if i not in self.results))
            waiting = set(suspects)
            pending = [
                t.index
                for t in self.tests
                if t.index not in self.results and t.index not in waiting
            ]
        return [self.results[t.index] for t in self.tests]

    def _phase(self, chunks, workers):
        """Run *chunks* on a fresh pool until done or broken.

        Returns (broken, {index: mode} running when it broke, {index: (mode, message)} killed
        by the watchdog).  Results of finished chunks are recorded; the rest is left unresolved.
        """
        ctx = _mp_context()
        if ctx.get_start_method() == "forkserver":
            ctx.set_forkserver_preload([__name__, self.engine])
        slots = ctx.Array("d", [-1.0] * (_Runner.SLOT * workers), lock=False)
        counter = ctx.Value("i", 0)
        base_done = len(self.results)
        executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=_worker_init,
            initargs=(self.suite, self.engine, self.timeout, self.wall_timeout, slots, counter,
                      self.quiet),  # fmt: skip
        )
        futures = {executor.submit(_run_chunk, chunk): chunk for chunk in chunks}
        killed: dict[int, str] = {}
        broken = False
        try:
            waiting = set(futures)
            while waiting:
                done, waiting = wait(waiting, timeout=0.1, return_when=FIRST_COMPLETED)
                for f in done:
                    try:
                        results = f.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    except BaseException as exc:  # a bug in the runner itself: report, go on
                        msg = f"runner error: {type(exc).__name__}: {exc}"
                        self._fail_all([t.index for t in futures[f]], FAILED, "", msg)
                        continue
                    for t, r in zip(futures[f], results):
                        self._record(r, t.index)
                if broken:
                    break
                self._watchdog(slots, workers, killed)
                live = base_done + int(sum(slots[s * _Runner.SLOT + 4] for s in range(workers)))
                self.progress.update(max(live, len(self.results)), self.passed, self.failed)
            in_progress: dict[int, str] = {}
            if broken:
                for s in range(workers):
                    b = s * _Runner.SLOT
                    idx = int(slots[b + 1])
                    if idx >= 0 and idx not in killed:
                        in_progress[idx] = _MODE_NAMES.get(slots[b + 2], "?")
        except BaseException:  # Ctrl-C: do not wait for running tests
            for s in range(workers):
                pid = int(slots[s * _Runner.SLOT])
                if pid > 0:
                    try:
                        os.kill(pid, _KILL)
                    except OSError:
                        pass
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        executor.shutdown(wait=True, cancel_futures=True)
        self.progress.update(len(self.results), self.passed, self.failed)
        return broken, in_progress, killed

    def _watchdog(self, slots, workers, killed) -> None:
        now = time.time()
        for s in range(workers):
            b = s * _Runner.SLOT
            idx = slots[b + 1]
            pid = int(slots[b])
            if idx < 0 or pid <= 0 or int(idx) in killed:
                continue
            started, cpu_started = slots[b + 3], slots[b + 5]
            why = None
            if now - started > self.wall_limit:
                why = f"{now - started:.0f}s wall-clock"
            elif self.cpu_watch and now - started > self.timeout:
                cpu = _cpu_seconds(pid)
                if cpu is not None and cpu - cpu_started > self.timeout:
                    why = f"{self.timeout:g}s of CPU time"
            if why is None:
                continue
            # Re-read: the worker may have moved on between the two reads.
            if slots[b + 1] != idx or slots[b + 3] != started:
                continue
            try:
                os.kill(pid, _KILL)
            except OSError:
                continue
            mode = _MODE_NAMES.get(slots[b + 2], "?")
            killed[int(idx)] = (mode, f"timed out after {why} ({mode}); worker killed")


def _engine_has_modules(engine: str) -> tuple[bool, bool]:
    """(has eval_module, eval accepts timeout=) for the engine's Realm class."""
    mod = importlib.import_module(engine)
    realm = mod.Realm
    return hasattr(realm, "eval_module"), _accepts_kwarg(realm.eval, "timeout")


def run_tests(
    paths: Iterable[str] = (),
    *,
    suite: str | os.PathLike | None = None,
    jobs: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    all_features: bool = False,
    features: Iterable[str] = (),
    engine: str = "jsrt",
    progress: bool = False,
    quiet: bool = True,
) -> Summary:
    """Run test262 tests and return a :class:`Summary`.

    *paths* are relative to ``test/`` (default: all of it).  ``jobs=0`` runs in this process
    (no watchdog: a hang hangs the caller, a crash kills it); ``None`` uses every CPU.
    *engine* names a module that provides ``Realm`` and ``JSError`` (``jsrt``).
    """
    started = time.monotonic()
    suite_path = find_suite(suite)
    tests, results = load_tests(suite_path, paths)
    has_modules, engine_timeout = _engine_has_modules(engine)
    to_run: list[TestCase] = []
    for t in tests:
        why = skip_reason(
            t.meta, path=t.path, all_features=all_features, has_modules=has_modules,
            features=frozenset(features),
        )
        if why:
            results.append(
                Result(t.path, SKIPPED, "", why[1], reason=why[0], features=t.meta.features)
            )
        else:
            to_run.append(TestCase(t.path, t.meta, len(to_run)))
    bar = Progress(len(to_run), enabled=bool(progress))
    done: list[Result] = []
    interrupted = False
    if jobs is None:
        jobs = os.cpu_count() or 1
    try:
        if jobs <= 0:
            runner = _Runner(str(suite_path), engine, timeout)
            passed = failed = 0
            for n, t in enumerate(to_run, 1):
                r = runner.run_test(t)
                done.append(r)
                passed += r.status == PASSED
                failed += r.status in FAILING
                bar.update(n, passed, failed)
        elif to_run:
            scheduler = _Scheduler(
                suite_path, to_run, min(jobs, len(to_run)), timeout, engine, bar,
                engine_timeout, quiet,
            )  # fmt: skip
            try:
                done = scheduler.run()
            except KeyboardInterrupt:
                done = list(scheduler.results.values())
                raise
    except KeyboardInterrupt:  # report what ran
        interrupted = True
    finally:
        bar.close()
    results.extend(done)
    summary = Summary(sorted(results, key=lambda r: r.path), time.monotonic() - started)
    summary.not_run = len(to_run) - len(done)
    summary.interrupted = interrupted
    return summary



def select_sample(suite: str | os.PathLike | None = None, size: int = 400) -> list[str]:
    """A deterministic CI sample: every Nth runnable test of language/ and built-ins/.

    Leaves out typed arrays, ArrayBuffer, DataView, Atomics and SharedArrayBuffer, tests that
    would be skipped (newer features, modules, agents) and tests esprima cannot read.
    """
    suite_path = find_suite(suite)
    excluded_dirs = ("built-ins/TypedArray", "built-ins/ArrayBuffer", "built-ins/DataView",
                     "built-ins/Atomics", "built-ins/SharedArrayBuffer")  # fmt: skip
    excluded_features = {"TypedArray", "ArrayBuffer", "DataView", "resizable-arraybuffer"}
    tests, _ = load_tests(suite_path, ["language", "built-ins"])
    checker = _SyntaxChecker(suite_path)
    eligible = []
    for t in tests:
        if t.path.startswith(excluded_dirs) or excluded_features.intersection(t.meta.features):
            continue
        if any(h.startswith(("testTypedArray", "detachArrayBuffer")) for h in t.meta.includes):
            continue
        if skip_reason(t.meta, path=t.path, source=_read_source(suite_path / "test" / t.path)):
            continue
        eligible.append(t)
    step = max(1, len(eligible) // size)
    picked = []
    for start in range(0, len(eligible), step):
        # The first test at or after each step that esprima can read.
        for t in eligible[start : start + step]:
            source = _read_source(suite_path / "test" / t.path)
            if checker.problem(t.meta, source, modes_for(t.meta)) is None:
                picked.append(t.path)
                break
        if len(picked) == size:
            break
    return picked


# --------------------------------------------------------------------------------------------
# Command line


class _ArgumentParser(argparse.ArgumentParser):
    def convert_arg_line_to_args(self, arg_line: str) -> list[str]:
        line = arg_line.split("#", 1)[0].strip()
        return [line] if line else []


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="*", metavar="PATHS",
        help="test files or directories relative to the suite's test/ (default: all); "
        "@FILE reads one per line",
    )  # fmt: skip
    p.add_argument("-j", "--jobs", type=int, default=None,
                   help="worker processes (default: CPU count; 0 runs in this process)")
    p.add_argument("--json", metavar="OUT", help="write every result as JSON to OUT")
    p.add_argument("--suite", metavar="DIR",
                   help="test262 checkout (default: $JSRT_TEST262 or <repo>/../shared/test262)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"seconds per test run (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--failures", action="store_true", help="print failing tests with messages")
    p.add_argument("--all-features", action="store_true",
                   help="also run tests of features newer than ES2017")
    p.add_argument("--features", default="", metavar="F1,F2",
                   help="also run tests of these newer features (e.g. resizable-arraybuffer)")
    p.add_argument("--list-skipped", action="store_true",
                   help="list tests skipped because esprima cannot parse them")
    p.add_argument("--no-tables", action="store_true",
                   help="omit the per-directory and per-feature tables")
    p.add_argument("--engine", default="jsrt", help=argparse.SUPPRESS)  # tests use a fake engine


def _build_parser(prog: str = "jsrt test262") -> argparse.ArgumentParser:
    p = _ArgumentParser(
        prog=prog,
        description="Run the test262 conformance suite against jsrt.",
        fromfile_prefix_chars="@",
    )
    _add_arguments(p)
    return p


def run_from_args(args: argparse.Namespace) -> int:
    """Run with parsed arguments; the exit status (0: no failures, 1: failures, 2: error).

    Ctrl-C or SIGTERM stops the run and reports what finished (exit status 130).
    """
    previous = _term_as_interrupt()
    try:
        summary = run_tests(
            args.paths,
            suite=args.suite,
            jobs=args.jobs,
            timeout=args.timeout,
            all_features=args.all_features,
            features=[f for f in args.features.split(",") if f],
            engine=args.engine,
            progress=True,
        )
    except (FileNotFoundError, ImportError) as exc:
        print(f"jsrt test262: {exc}", file=sys.stderr)
        return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(summary.to_json(), f, indent=1, ensure_ascii=False)
            f.write("\n")
    print(
        format_report(
            summary,
            directories=not args.no_tables,
            features=not args.no_tables,
            failures=args.failures,
            list_skipped=args.list_skipped,
        )
    )
    if summary.interrupted:
        return 130
    return 1 if summary.failed else 0


def _term_as_interrupt():
    """Make SIGTERM (``timeout``, CI cancellation) stop the run like Ctrl-C; the old handler."""
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        return None

    def handler(signum, frame):
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, handler)


def add_subcommand(subparsers) -> argparse.ArgumentParser:
    """Register ``test262`` on the ``jsrt`` CLI; the parser's ``func`` runs it.

    In ``jsrt/cli.py``: ``sub = parser.add_subparsers(...)``; ``test262.add_subcommand(sub)``;
    then ``return args.func(args)``.  Create the top-level parser with
    ``fromfile_prefix_chars="@"`` for ``@FILE`` path lists.
    """
    p = subparsers.add_parser(
        "test262",
        help="run the test262 conformance suite",
        description="Run the test262 conformance suite against jsrt.",
        fromfile_prefix_chars="@",
    )
    p.convert_arg_line_to_args = _ArgumentParser.convert_arg_line_to_args.__get__(p)
    _add_arguments(p)
    p.set_defaults(func=run_from_args)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    return run_from_args(args)


if __name__ == "__main__":
    # Run the copy imported under the package name, so that what workers unpickle refers to
    # jsrt.conformance.test262; and keep multiprocessing from re-running this file as the
    # workers' __main__ (it would import a second copy and warn).
    __spec__ = None
    del __file__
    from jsrt.conformance.test262 import main as _main

    sys.exit(_main())
