"""The compiled-code cache: a unit compiled before (same source, same engine)
is loaded from disk instead of parsed and compiled again.

Entries are the marshalled CompiledUnit signed with the installation's
snapshot key; nothing is unmarshalled unless its MAC verifies. The storage
is a small interface (``get(key) -> bytes | None``, ``put(key, data)``) that
jsrt.store's LRU-bounded ``code_cache`` implements; set ``JSRT_CODE_CACHE=0``
to disable, or ``JSRT_CACHE_DIR`` to move it.
"""

import hashlib
import hmac
import marshal
import os
import threading

_MAC = 32
_state = {"backend": None, "tried": False}
_lock = threading.Lock()


def cache_dir():
    d = os.environ.get("JSRT_CACHE_DIR")
    if d:
        return d
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "jsrt")


def enabled():
    return os.environ.get("JSRT_CODE_CACHE", "1") not in ("0", "false", "no", "off")


def set_backend(backend):
    """Use ``backend`` (an object with get/put) as the code cache; None disables it."""
    with _lock:
        _state["backend"] = backend
        _state["tried"] = True


def backend():
    if not enabled():
        return None
    if not _state["tried"]:
        with _lock:
            if not _state["tried"]:
                _state["tried"] = True
                try:
                    from ..store import open as open_store
                    st = open_store(os.path.join(cache_dir(), "store"))
                    _state["backend"] = st.code_cache
                except Exception:
                    _state["backend"] = None
    return _state["backend"]


def _cache_key(unit_key):
    from ..snapshot.format import engine_tag
    return hashlib.sha256(("code\0%s\0%s" % (engine_tag(), unit_key)).encode()).digest()


def _key():
    from ..snapshot.format import load_key
    return load_key()


def load(unit_key):
    """The cached CompiledUnit for unit_key, or None."""
    be = backend()
    if be is None:
        return None
    try:
        data = be.get(_cache_key(unit_key))
    except Exception:
        return None
    if data is None or len(data) <= _MAC:
        return None
    data = bytes(data)
    body, mac = data[:-_MAC], data[-_MAC:]
    if not hmac.compare_digest(mac, hmac.new(_key(), body, hashlib.sha256).digest()):
        return None
    try:
        items = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None
    from . import CompiledUnit
    (key, source, filename, code, var_names, lex, funcs, metas, strict, kind, minfo) = items
    if key != unit_key:
        return None
    return CompiledUnit(key, source, filename, code, list(var_names), [tuple(x) for x in lex],
                        list(funcs), metas, strict, kind, minfo)


def save(u):
    be = backend()
    if be is None:
        return
    try:
        body = marshal.dumps((u.key, u.source, u.filename, u.code, tuple(u.var_names),
                              tuple(tuple(x) for x in u.lex_decls), tuple(u.func_names), u.metas,
                              u.strict, u.kind, u.module_info))
    except ValueError:
        return          # too deeply nested to marshal: simply not cached
    mac = hmac.new(_key(), body, hashlib.sha256).digest()
    try:
        be.put(_cache_key(u.key), body + mac)
    except Exception:
        pass
