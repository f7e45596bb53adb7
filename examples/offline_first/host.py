"""The host side of the offline-first example, in pool workers and in the master:
Cache Storage over jsrt.store and a simulated network with an origin server.

Database "sw" in the store (IndexedDB semantics on LMDB), shared by all processes:

- ``caches``:  cache name -> {"created": time}
- ``entries``: [cache name, url] -> {"status", "body", "headers"}
- ``network``: "state" -> "online" | "offline"; "deployed" -> the origin's app version
"""

import time

DB_NAME = "sw"


def upgrade(db, tx, old, new):
    db.create_object_store("caches")
    db.create_object_store("entries")
    db.create_object_store("network")


def open_db(st):
    return st.open_database(DB_NAME, 1, upgrade)


def set_network(db, state=None, deployed=None):
    with db.transaction(["network"], "readwrite") as tx:
        net = tx.object_store("network")
        if state is not None:
            net.put(state, "state")
        if deployed is not None:
            net.put(deployed, "deployed")


def origin(url, version):
    """What the origin server answers for ``url`` when ``version`` is deployed."""
    pages = {
        "/": "<!doctype html><title>Notes</title><p>Notes app shell %s" % version,
        "/index.html": "<!doctype html><title>Notes</title><p>Notes app shell %s" % version,
        "/app.js": "console.log('notes app %s');" % version,
        "/style.css": "body { font-family: sans-serif } /* %s */" % version,
        "/data.json": '{"notes": 3, "version": "%s"}' % version,
    }
    if url not in pages:
        return {"status": 404, "body": "not found", "headers": {}}
    return {"status": 200, "body": pages[url], "headers": {"x-served-by": "origin"}}


def _cache_range(name):
    from jsrt.store import KeyRange
    return KeyRange.bound([name], [name, []])


OPS = {}


def op(fn):
    OPS[fn.__name__] = fn
    return fn


@op
def cachesOpen(db, name):
    with db.transaction(["caches"], "readwrite") as tx:
        s = tx.object_store("caches")
        if s.get(name) is None:
            s.put({"created": time.time()}, name)
    return None


@op
def cachesKeys(db):
    with db.transaction(["caches"]) as tx:
        return tx.object_store("caches").get_all_keys()


@op
def cachesDelete(db, name):
    with db.transaction(["caches", "entries"], "readwrite") as tx:
        existed = tx.object_store("caches").get(name) is not None
        tx.object_store("caches").delete(name)
        tx.object_store("entries").delete(_cache_range(name))
    return existed


@op
def cachesMatch(db, url):
    with db.transaction(["caches", "entries"]) as tx:
        for name in tx.object_store("caches").get_all_keys():
            hit = tx.object_store("entries").get([name, url])
            if hit is not None:
                return hit
    return None


@op
def cacheMatch(db, name, url):
    with db.transaction(["entries"]) as tx:
        return tx.object_store("entries").get([name, url])


@op
def cachePut(db, name, url, response):
    with db.transaction(["entries"], "readwrite") as tx:
        tx.object_store("entries").put(response, [name, url])
    return None


@op
def cacheDelete(db, name, url):
    with db.transaction(["entries"], "readwrite") as tx:
        s = tx.object_store("entries")
        existed = s.get([name, url]) is not None
        s.delete([name, url])
    return existed


@op
def cacheKeys(db, name):
    with db.transaction(["entries"]) as tx:
        return [k[1] for k in tx.object_store("entries").get_all_keys(_cache_range(name))]


@op
def fetch(db, url):
    with db.transaction(["network"]) as tx:
        net = tx.object_store("network")
        state = net.get("state", "online")
        version = net.get("deployed", "v1")
    if state != "online":
        return None
    return origin(url, version)


def make_realm_setup(store_path):
    """The pool's realm_setup: installs ``__sw(op, ...args)`` in every new realm."""
    def setup(realm):
        import jsrt.store
        from jsrt.clone import serialize, deserialize, serialize_python, deserialize_python
        state = setup.__dict__
        if "db" not in state:
            state["db"] = open_db(jsrt.store.open(store_path))
        db = state["db"]

        def sw(this, name=None, *args):
            py = deserialize_python(serialize(realm, list(args))) if args else []
            fn = OPS.get(deserialize_python(serialize(realm, name)))
            if fn is None:
                raise ValueError("unknown __sw operation %r" % (name,))
            return deserialize(realm, serialize_python(fn(db, *py)))
        realm.expose("__sw", sw)
    return setup
