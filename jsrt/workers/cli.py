"""``jsrt pool run -j N [--snapshot S] FILES...``: run scripts in parallel on a worker pool,
print each script's output (in the order given) and a summary table."""

import os
import sys
import time


def _fmt_ms(s):
    return "%.1f ms" % (1000.0 * s) if s < 10 else "%.2f s" % s


def _short(text, n):
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n - 3] + "..."


def _load_snapshot(spec, store_path):
    """A snapshot file path, else a name or sha256 in the store."""
    if os.path.exists(spec):
        with open(spec, "rb") as f:
            return f.read(), None
    import jsrt.store
    st = jsrt.store.open(store_path, create=False) if store_path else jsrt.store.open()
    return spec, st


def cmd_pool_run(args):
    from ..errors import JSError, SnapshotError
    from . import WorkerPool
    sources = []
    for path in args.files:
        try:
            with open(path, encoding="utf-8") as f:
                src = f.read()
        except OSError as e:
            sys.stderr.write("jsrt pool run: cannot read %s: %s\n" % (path, e.strerror))
            return 2
        if src.startswith("#!"):
            src = "//" + src[2:]
        sources.append((path, src))
    snapshot = None
    store = None
    if args.snapshot:
        try:
            snapshot, store = _load_snapshot(args.snapshot, args.store)
        except Exception as e:
            sys.stderr.write("jsrt pool run: cannot open the snapshot %s: %s\n"
                             % (args.snapshot, e))
            return 2
    elif args.store:
        import jsrt.store
        store = jsrt.store.open(args.store)
    out = sys.stdout
    t0 = time.perf_counter()
    rows = []
    failed = 0
    try:
        pool = WorkerPool(workers=args.jobs, snapshot=snapshot, store=store,
                          timeout=args.timeout)
    except SnapshotError as e:
        sys.stderr.write("jsrt pool run: %s\n" % e)
        return 1
    with pool:
        futs = [pool.submit(src, filename=path, name=path) for path, src in sources]
        for (path, _), fut in zip(sources, futs):
            try:
                r = fut.result()
                ok, value, worker, timings = True, r.value, r.worker, r.timings
                stdout, stderr = r.stdout, r.stderr
                status = "ok"
            except BaseException as e:
                if isinstance(e, KeyboardInterrupt):
                    raise
                ok = False
                failed += 1
                stdout, stderr = getattr(e, "stdout", "") or "", getattr(e, "stderr", "") or ""
                worker, timings = getattr(e, "worker", None), getattr(e, "timings", None) or {}
                value = e
                status = type(e).__name__
            out.write("==> %s <==\n" % path)
            if stdout:
                out.write(stdout if stdout.endswith("\n") else stdout + "\n")
            if stderr:
                sys.stderr.write(stderr if stderr.endswith("\n") else stderr + "\n")
            if not ok:
                if isinstance(value, JSError):
                    stack = value.stack or str(value)
                    out.write("Uncaught %s\n" % stack)
                else:
                    out.write("%s: %s\n" % (type(value).__name__, value))
            out.flush()
            rows.append((path, status, worker, timings.get("total", 0.0),
                         repr(value) if ok else str(value)))
    wall = time.perf_counter() - t0
    wf = max([len(r[0]) for r in rows] + [6])
    out.write("\n%-*s  %-18s  %-6s  %10s  %s\n" % (wf, "script", "status", "worker", "time",
                                                  "result"))
    out.write("%s  %s  %s  %s  %s\n" % ("-" * wf, "-" * 18, "-" * 6, "-" * 10, "-" * 30))
    for path, status, worker, t, res in rows:
        out.write("%-*s  %-18s  %-6s  %10s  %s\n" % (wf, path, status,
                                                    "-" if worker is None else worker,
                                                    _fmt_ms(t), _short(res, 50)))
    out.write("\n%d scripts, %d ok, %d failed, %d workers, %s wall\n"
              % (len(rows), len(rows) - failed, failed, args.jobs, _fmt_ms(wall)))
    return 1 if failed else 0


def add_subcommands(subparsers):
    p = subparsers.add_parser("pool", help="run scripts on a worker pool")
    sub = p.add_subparsers(dest="pool_command")
    r = sub.add_parser("run", help="run FILES in parallel; print their output and a summary")
    r.add_argument("files", nargs="+", metavar="FILE", help="scripts to run")
    r.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                   help="worker processes (default: the core count)")
    r.add_argument("--snapshot", metavar="S",
                   help="start each script from snapshot S (a file, or a name/sha256 in the "
                        "store)")
    r.add_argument("--store", metavar="PATH", help="the jsrt store (default: $JSRT_HOME/store)")
    r.add_argument("--timeout", type=float, default=None, help="per-script timeout in seconds")
    r.set_defaults(func=cmd_pool_run)

    def no_sub(args):
        p.print_help()
        return 2
    p.set_defaults(func=no_sub)
