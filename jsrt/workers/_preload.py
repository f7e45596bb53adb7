"""Imported by the fork server before it forks workers (jsrt.workers.transport): the
engine, every built-in family, the snapshot, clone and store codecs and the worker
itself, so a new worker starts with all of it imported (and the engine tag computed, the
parser and compiler warmed up).  Importing starts no thread."""

import importlib

import jsrt                                   # noqa: F401  (esprima, compiler, runtime)
import jsrt.snapshot                          # noqa: F401
import jsrt.snapshot.heap                     # noqa: F401
import jsrt.clone                             # noqa: F401
import jsrt.clone.serializer                  # noqa: F401
import jsrt.clone.deserializer                # noqa: F401
import jsrt.store                             # noqa: F401
import jsrt.modules                           # noqa: F401
from jsrt.builtins import FAMILIES

for _name, _host in FAMILIES + (("worker_api", True),):
    try:
        importlib.import_module("jsrt.builtins." + _name)
    except ImportError:
        pass

import jsrt.workers.worker                    # noqa: F401,E402
from jsrt.snapshot.format import engine_tag  # noqa: E402

engine_tag()    # hashes jsrt's source once here, not in every new worker
import jsrt.workers.runner                    # noqa: F401,E402
from jsrt.compiler import compile_script      # noqa: E402

# esprima's modules (and jsrt's fixes to its parser) load on the first parse, and the code
# generator's lazily built tables on the first compile: a worker's first task should not
# pay for them (about 7 ms of a new worker's first result).
compile_script("var _warm = [1].map(function (a) { return a + 1 }); _warm", "<jsrt preload>")
