"""The engine benchmark workloads: each is a JS program and an equivalent
hand-written Python program computing the same result.

Each JS program defines ``run()`` returning a checksum; each Python function
returns the same checksum, so every timed run is also a correctness check.
"""

FIB_JS = """
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function run() { return fib(27); }
"""


def fib_py():
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    return fib(27)


SIEVE_JS = """
function run() {
  var n = 1000000, flags = new Array(n + 1), count = 0;
  for (var i = 0; i <= n; i++) flags[i] = true;
  for (var p = 2; p * p <= n; p++) {
    if (flags[p]) { for (var m = p * p; m <= n; m += p) flags[m] = false; }
  }
  for (var k = 2; k <= n; k++) if (flags[k]) count++;
  return count;
}
"""


def sieve_py():
    n = 1000000
    flags = [True] * (n + 1)
    p = 2
    while p * p <= n:
        if flags[p]:
            for m in range(p * p, n + 1, p):
                flags[m] = False
        p += 1
    return sum(1 for k in range(2, n + 1) if flags[k])


MANDEL_JS = """
function run() {
  var w = 120, h = 80, maxIter = 60, inside = 0;
  for (var y = 0; y < h; y++) {
    for (var x = 0; x < w; x++) {
      var cr = (x / w) * 3.0 - 2.0, ci = (y / h) * 2.0 - 1.0;
      var zr = 0.0, zi = 0.0, i = 0;
      while (i < maxIter && zr * zr + zi * zi <= 4.0) {
        var t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        i++;
      }
      if (i === maxIter) inside++;
    }
  }
  return inside;
}
"""


def mandel_py():
    w, h, max_iter, inside = 120, 80, 60, 0
    for y in range(h):
        for x in range(w):
            cr = (x / w) * 3.0 - 2.0
            ci = (y / h) * 2.0 - 1.0
            zr = zi = 0.0
            i = 0
            while i < max_iter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                i += 1
            if i == max_iter:
                inside += 1
    return inside


OBJECTS_JS = """
function run() {
  var items = [];
  for (var i = 0; i < 100000; i++) items.push({ id: i, x: i % 7, y: i % 13 });
  var s = 0;
  for (var j = 0; j < items.length; j++) { var o = items[j]; s += o.x * 2 + o.y; }
  return s;
}
"""


def objects_py():
    items = []
    for i in range(100000):
        items.append({"id": i, "x": i % 7, "y": i % 13})
    s = 0
    for o in items:
        s += o["x"] * 2 + o["y"]
    return s


SORT_JS = """
function run() {
  var a = [], seed = 12345;
  for (var i = 0; i < 100000; i++) { seed = (seed * 1103515245 + 12345) % 2147483648; a.push(seed % 100000); }
  a.sort(function (x, y) { return x - y; });
  return a[0] + a[50000] + a[99999];
}
"""


def sort_py():
    import functools
    a = []
    seed = 12345.0
    for _ in range(100000):
        seed = (seed * 1103515245.0 + 12345.0) % 2147483648.0   # doubles, as in JS
        a.append(seed % 100000.0)
    a.sort(key=functools.cmp_to_key(lambda x, y: x - y))
    return a[0] + a[50000] + a[99999]


STRING_JS = """
function run() {
  var s = '';
  for (var i = 0; i < 100000; i++) s += 'x' + (i % 10);
  return s.length;
}
"""


def string_py():
    s = ""
    for i in range(100000):
        s += "x" + str(i % 10)
    return len(s)


SCHED_JS = """
// A Richards-style task scheduler: tasks hand packets around through queues.
function Packet(link, id, kind) { this.link = link; this.id = id; this.kind = kind; this.a1 = 0; }
Packet.prototype.append = function (queue) {
  this.link = null;
  if (queue === null) return this;
  var p = queue;
  while (p.link !== null) p = p.link;
  p.link = this;
  return queue;
};
function Task(sched, id, pri, queue) {
  this.sched = sched; this.id = id; this.pri = pri; this.queue = queue; this.count = 0;
}
Task.prototype.take = function () {
  var p = this.queue;
  if (p === null) return null;
  this.queue = p.link;
  return p;
};
Task.prototype.run = function () {
  var p = this.take();
  if (p === null) return this.sched.idle(this);
  this.count++;
  p.a1 = (p.a1 + this.id) % 97;
  var next = this.sched.tasks[(this.id + p.a1) % this.sched.tasks.length];
  return this.sched.send(p, next);
};
function Scheduler() { this.tasks = []; this.holds = 0; this.sends = 0; }
Scheduler.prototype.add = function (t) { this.tasks.push(t); };
Scheduler.prototype.idle = function (t) { this.holds++; return null; };
Scheduler.prototype.send = function (p, t) { this.sends++; t.queue = p.append(t.queue); return t; };
Scheduler.prototype.schedule = function (rounds) {
  for (var r = 0; r < rounds; r++) {
    for (var i = 0; i < this.tasks.length; i++) this.tasks[i].run();
  }
  return this.sends * 7 + this.holds;
};
function run() {
  var s = new Scheduler();
  for (var i = 0; i < 10; i++) {
    var q = null;
    for (var j = 0; j < 3; j++) q = new Packet(null, j, i % 2).append(q);
    s.add(new Task(s, i, i % 4, q));
  }
  return s.schedule(4000);
}
"""


def sched_py():
    class Packet:
        __slots__ = ("link", "id", "kind", "a1")

        def __init__(self, link, id, kind):
            self.link = link
            self.id = id
            self.kind = kind
            self.a1 = 0

        def append(self, queue):
            self.link = None
            if queue is None:
                return self
            p = queue
            while p.link is not None:
                p = p.link
            p.link = self
            return queue

    class Task:
        __slots__ = ("sched", "id", "pri", "queue", "count")

        def __init__(self, sched, id, pri, queue):
            self.sched = sched
            self.id = id
            self.pri = pri
            self.queue = queue
            self.count = 0

        def take(self):
            p = self.queue
            if p is None:
                return None
            self.queue = p.link
            return p

        def run(self):
            p = self.take()
            if p is None:
                return self.sched.idle(self)
            self.count += 1
            p.a1 = (p.a1 + self.id) % 97
            nxt = self.sched.tasks[(self.id + p.a1) % len(self.sched.tasks)]
            return self.sched.send(p, nxt)

    class Scheduler:
        def __init__(self):
            self.tasks = []
            self.holds = 0
            self.sends = 0

        def add(self, t):
            self.tasks.append(t)

        def idle(self, t):
            self.holds += 1
            return None

        def send(self, p, t):
            self.sends += 1
            t.queue = p.append(t.queue)
            return t

        def schedule(self, rounds):
            for _ in range(rounds):
                for t in self.tasks:
                    t.run()
            return self.sends * 7 + self.holds

    s = Scheduler()
    for i in range(10):
        q = None
        for j in range(3):
            q = Packet(None, j, i % 2).append(q)
        s.add(Task(s, i, i % 4, q))
    return s.schedule(4000)


CLOSURES_JS = """
function run() {
  var xs = [];
  for (var i = 0; i < 100000; i++) xs.push(i);
  var k = 3;
  var ys = xs.map(function (x) { return x * k; })
             .filter(function (x) { return x % 2 === 0; });
  return ys.reduce(function (a, b) { return a + b; }, 0) % 1000003;
}
"""


def closures_py():
    xs = list(range(100000))
    k = 3
    ys = list(filter(lambda x: x % 2 == 0, map(lambda x: x * k, xs)))
    import functools
    return functools.reduce(lambda a, b: a + b, ys, 0) % 1000003


WORKLOADS = [
    ("fib(27)", FIB_JS, fib_py),
    ("sieve 1e6", SIEVE_JS, sieve_py),
    ("mandelbrot", MANDEL_JS, mandel_py),
    ("100k objects", OBJECTS_JS, objects_py),
    ("sort 100k cmp", SORT_JS, sort_py),
    ("string 100k", STRING_JS, string_py),
    ("scheduler (OO)", SCHED_JS, sched_py),
    ("closures map/filter", CLOSURES_JS, closures_py),
]
