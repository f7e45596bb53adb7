"""The jsrt demo: JavaScript compiled to Python code, run from Python."""

import jsrt

SCRIPT = r"""
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
class Counter {
  constructor() { this.n = 0; }
  inc() { return ++this.n; }
}
const c = new Counter();
for (let i = 0; i < 3; i++) c.inc();
console.log("fib(20) =", fib(20), "counter =", c.n);
({ fib: fib(10), counter: c.n })
"""


def main():
    realm = jsrt.Realm()
    result = realm.eval(SCRIPT, "demo.js")
    print("completion value seen from Python:", result.to_python())


if __name__ == "__main__":
    main()
