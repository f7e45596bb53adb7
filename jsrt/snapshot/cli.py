"""``jsrt snapshot build`` and ``jsrt snapshot info``."""

import os
import sys
import time


def cmd_build(args):
    from . import RealmBuilder, RealmSnapshot
    from ..errors import SnapshotError
    builder = RealmBuilder()
    values = []
    for path in args.files:
        try:
            with open(path, encoding="utf-8") as f:
                src = f.read()
        except OSError as e:
            sys.stderr.write("jsrt snapshot build: cannot read %s: %s\n" % (path, e.strerror))
            return 2
        v = builder.eval_script(src, path)
        if v._threw:
            from ..runtime import ops, executor
            msg = executor.run(lambda: ops.safe_describe_error(v._value))
            sys.stderr.write("jsrt snapshot build: %s threw: %s\n" % (path, msg))
            if not args.keep_errors:
                return 1
        values.append(v)
    try:
        snap = RealmSnapshot.compile(builder, values)
    except SnapshotError as e:
        sys.stderr.write("jsrt snapshot build: %s\n" % e)
        return 1
    data = snap.to_bytes()
    tmp = args.output + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, args.output)
    sys.stdout.write("wrote %s: %d bytes, sha256 %s\n" % (args.output, len(data), snap.sha256))
    return 0


def cmd_info(args):
    from . import RealmSnapshot
    from ..errors import SnapshotError
    from .format import engine_tag
    try:
        with open(args.file, "rb") as f:
            data = f.read()
        snap = RealmSnapshot.from_bytes(data)
    except OSError as e:
        sys.stderr.write("jsrt snapshot info: cannot read %s: %s\n" % (args.file, e.strerror))
        return 2
    except SnapshotError as e:
        sys.stderr.write("jsrt snapshot info: %s: %s\n" % (args.file, e))
        return 1
    meta = snap.meta
    out = sys.stdout
    out.write("file        %s\n" % args.file)
    out.write("size        %d bytes\n" % len(data))
    out.write("sha256      %s\n" % snap.sha256)
    out.write("engine tag  %s%s\n" % (snap.engine_tag,
                                      "" if snap.engine_tag == engine_tag() else "  (foreign: will replay sources)"))
    created = meta.get("created")
    if created:
        out.write("created     %s\n" % time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(created)))
    counts = meta.get("counts", {})
    out.write("objects     %s\n" % counts.get("objects", "?"))
    out.write("functions   %s\n" % counts.get("functions", "?"))
    out.write("values      %d\n" % len(meta.get("origins", [])))
    out.write("sources     %d\n" % len(meta.get("sources", [])))
    for kind, text, filename in meta.get("sources", []):
        label = filename or ("<%s>" % kind)
        out.write("  %-8s %-40s %d chars\n" % (kind, label, len(text)))
    return 0


def add_subcommands(sub):
    p = sub.add_parser("snapshot", help="build and inspect realm snapshots")
    ss = p.add_subparsers(dest="snapshot_command")
    b = ss.add_parser("build", help="evaluate FILEs in a RealmBuilder and write a snapshot")
    b.add_argument("-o", "--output", required=True, help="the snapshot file to write")
    b.add_argument("--keep-errors", action="store_true",
                   help="record a file's thrown error as its value instead of failing")
    b.add_argument("files", nargs="+", metavar="FILE")
    b.set_defaults(func=cmd_build)
    i = ss.add_parser("info", help="show a snapshot's size, engine tag, sources and counts")
    i.add_argument("file")
    i.set_defaults(func=cmd_info)

    def usage(args):
        p.print_help()
        return 2
    p.set_defaults(func=usage)
