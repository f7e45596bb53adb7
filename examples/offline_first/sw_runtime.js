// A service-worker global scope in miniature, evaluated in the RealmBuilder together with
// the app's sw.js, so that the app snapshot holds the registered handlers.  Storage and
// network go through one host function, __sw(op, ...args), which pool workers install
// (see host.py): Cache Storage over jsrt.store, fetch over a simulated network.
(function (global) {
  'use strict';
  const listeners = {};
  global.self = global;
  global.addEventListener = function (type, fn) {
    (listeners[type] = listeners[type] || []).push(fn);
  };

  class ExtendableEvent {
    constructor(type) { this.type = type; this._promises = []; }
    waitUntil(p) { this._promises.push(Promise.resolve(p)); }
  }
  class FetchEvent extends ExtendableEvent {
    constructor(request) { super('fetch'); this.request = request; this._response = null; }
    respondWith(p) { this._response = Promise.resolve(p); }
  }
  class Request {
    constructor(url) { this.url = String(url); this.method = 'GET'; }
  }
  class Response {
    constructor(body, init) {
      init = init || {};
      this.body = body == null ? '' : String(body);
      this.status = init.status || 200;
      this.headers = Object.assign({}, init.headers || {});
      this.ok = this.status >= 200 && this.status < 300;
    }
    text() { return Promise.resolve(this.body); }
    clone() { return new Response(this.body, { status: this.status, headers: this.headers }); }
  }
  const urlOf = (r) => (typeof r === 'string' ? r : r.url);
  const asResponse = (r) => (r ? new Response(r.body, r) : undefined);

  class Cache {
    constructor(name) { this.name = name; }
    match(req) { return Promise.resolve(asResponse(__sw('cacheMatch', this.name, urlOf(req)))); }
    put(req, res) {
      __sw('cachePut', this.name, urlOf(req), { body: res.body, status: res.status, headers: res.headers });
      return Promise.resolve();
    }
    add(req) {
      return fetch(req).then((res) => {
        if (!res.ok) throw new TypeError('bad response ' + res.status + ' for ' + urlOf(req));
        return this.put(req, res);
      });
    }
    addAll(reqs) { return Promise.all(reqs.map((r) => this.add(r))).then(() => undefined); }
    delete(req) { return Promise.resolve(__sw('cacheDelete', this.name, urlOf(req))); }
    keys() { return Promise.resolve(__sw('cacheKeys', this.name).map((u) => new Request(u))); }
  }

  global.caches = {
    open(name) { __sw('cachesOpen', name); return Promise.resolve(new Cache(name)); },
    keys() { return Promise.resolve(__sw('cachesKeys')); },
    has(name) { return Promise.resolve(__sw('cachesKeys').indexOf(name) >= 0); },
    delete(name) { return Promise.resolve(__sw('cachesDelete', name)); },
    match(req) { return Promise.resolve(asResponse(__sw('cachesMatch', urlOf(req)))); },
  };

  global.fetch = function (req) {
    return new Promise((resolve, reject) => {
      const r = __sw('fetch', urlOf(req));
      if (r === null) reject(new TypeError('Failed to fetch ' + urlOf(req) + ': the network is offline'));
      else resolve(new Response(r.body, r));
    });
  };
  global.Request = Request;
  global.Response = Response;

  // Entry points for the pool: dispatch one lifecycle or fetch event, settle its promises.
  function extendable(type) {
    const ev = new ExtendableEvent(type);
    (listeners[type] || []).forEach((fn) => fn.call(global, ev));
    return Promise.all(ev._promises).then(() => type + ' done');
  }
  global.swInstall = () => extendable('install');
  global.swActivate = () => extendable('activate');
  global.swFetch = function (url) {
    const ev = new FetchEvent(new Request(url));
    (listeners.fetch || []).forEach((fn) => fn.call(global, ev));
    const p = ev._response || fetch(ev.request);
    return p.then((res) => ({ url: url, status: res.status, body: res.body,
                              source: res.headers['x-source'] || 'network', version: APP_VERSION }));
  };
})(globalThis);
