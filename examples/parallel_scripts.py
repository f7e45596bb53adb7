"""Many JavaScript scripts across a worker pool: a progress bar, then a results table.

    python examples/parallel_scripts.py [-j WORKERS] [-n SCRIPTS] [--quick]

Each script is an independent little program (a sieve, a sort, string building, JSON
round trips, a recursive function, a regex scan ...) with its own parameters.  Every
script runs in a fresh realm on one of the pool's worker processes; its console
output and completion value come back with its timings.  ``--quick`` (or
JSRT_EXAMPLES_QUICK=1) runs a small batch, as the tests do.
"""

import argparse
import os
import sys
import time

from jsrt.workers import WorkerPool

KINDS = {
    "sieve": """
        const n = {n} * 200;
        const comp = new Uint8Array(n + 1); let count = 0;
        for (let i = 2; i <= n; i++) {{
            if (!comp[i]) {{ count++; for (let j = i * i; j <= n; j += i) comp[j] = 1; }}
        }}
        console.log('primes below', n, '=', count);
        count
    """,
    "sort": """
        let x = {n} * 7919 % 10007; const a = [];
        for (let i = 0; i < {n} * 40; i++) {{ x = (x * 48271) % 2147483647; a.push(x % 1000); }}
        a.sort((p, q) => p - q);
        console.log('sorted', a.length, 'numbers');
        a[0] + ':' + a[a.length >> 1] + ':' + a[a.length - 1]
    """,
    "strings": """
        const words = [];
        for (let i = 0; i < {n} * 10; i++) words.push(('w' + i).repeat(1 + i % 3));
        const s = words.join(' ');
        console.log('built a string of', s.length, 'chars');
        s.split(' ').filter(w => w.length > 4).length
    """,
    "json": """
        const data = [];
        for (let i = 0; i < {n} * 5; i++) data.push({{ id: i, tags: ['a', 'b', String(i % 7)], ok: i % 2 === 0 }});
        let text = JSON.stringify(data), back;
        for (let r = 0; r < 3; r++) {{ back = JSON.parse(text); text = JSON.stringify(back); }}
        console.log('json', text.length, 'bytes');
        back.filter(d => d.ok).length
    """,
    "fib": """
        function fib(k) {{ return k < 2 ? k : fib(k - 1) + fib(k - 2); }}
        const k = 12 + {n} % 8;
        console.log('fib of', k);
        fib(k)
    """,
    "regex": """
        const lines = [];
        for (let i = 0; i < {n} * 10; i++) lines.push('user' + i + '@example' + (i % 5) + '.com some text ' + i);
        const re = /([a-z0-9]+)@example([0-9])\\.com/;
        const hits = lines.map(l => re.exec(l)).filter(m => m && m[2] === '3');
        console.log('matched', hits.length, 'of', lines.length);
        hits.length
    """,
}


def make_scripts(count, size):
    kinds = list(KINDS)
    out = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        n = size + (i * 37) % size
        out.append(("%02d-%s.js" % (i, kind), KINDS[kind].format(n=n)))
    return out


def progress(done, total, width=30, stream=sys.stderr):
    filled = int(width * done / total) if total else width
    stream.write("\r[%s%s] %3d/%d" % ("#" * filled, "." * (width - filled), done, total))
    if done == total:
        stream.write("\n")
    stream.flush()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-j", "--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-n", "--scripts", type=int, default=48)
    ap.add_argument("--size", type=int, default=60, help="work per script")
    ap.add_argument("--quick", action="store_true", help="a small batch (what the tests run)")
    args = ap.parse_args(argv)
    if args.quick or os.environ.get("JSRT_EXAMPLES_QUICK"):
        args.scripts, args.size, args.workers = 12, 10, min(args.workers, 2)
    scripts = make_scripts(args.scripts, args.size)

    t_start = time.perf_counter()
    with WorkerPool(workers=args.workers) as pool:
        pool.wait_ready(300)
        print("pool of %d workers ready in %.2f s" % (args.workers, time.perf_counter() - t_start))
        t0 = time.perf_counter()
        futs = [pool.submit(src, filename=name, name=name, timeout=120) for name, src in scripts]
        done = 0
        progress(0, len(futs))
        import concurrent.futures
        for _ in concurrent.futures.as_completed(futs):
            done += 1
            progress(done, len(futs))
        wall = time.perf_counter() - t0
        rows = []
        for (name, _), f in zip(scripts, futs):
            try:
                r = f.result()
                rows.append((name, r.worker, r.timings["run"], repr(r.value),
                             r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""))
            except Exception as e:
                rows.append((name, getattr(e, "worker", "-"), 0.0, "%s: %s"
                             % (type(e).__name__, e), ""))
        stats = pool.stats()

    print()
    print("%-14s %-6s %10s  %-22s %s" % ("script", "worker", "run", "result", "last output"))
    print("%s %s %s  %s %s" % ("-" * 14, "-" * 6, "-" * 10, "-" * 22, "-" * 30))
    for name, worker, run, value, last in rows:
        print("%-14s %-6s %8.1f ms  %-22s %s" % (name, worker, run * 1000, value[:22], last[:40]))
    busy = sum(r[2] for r in rows)
    print()
    print("%d scripts on %d workers: %.2f s wall, %.2f s of JS (%.1fx parallelism), "
          "%d tasks done" % (len(rows), args.workers, wall, busy, busy / wall if wall else 0,
                             stats.get("done", 0)))
    failed = [r for r in rows if r[2] == 0.0 and ":" in r[3]]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
