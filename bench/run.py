"""`make bench`: seed a database, serve the app and a hello-world ceiling, load both with wrk.

    python -m bench.run --scale 1 --duration 10 --connections 16 --threads 2 \\
        --out bench/results/latest.json
"""

import argparse
import secrets
import shutil
import signal
import sys
import tempfile
import traceback
from contextlib import ExitStack
from pathlib import Path

from bench import instance, queries, report, servers, wrk
from bench.pages import PAGES
from bench.queries import QueryCount
from bench.spec import USER_AGENT, Page, Prepared

REPO = Path(__file__).resolve().parent.parent
HELLO = Prepared("GET", "/", {"User-Agent": USER_AGENT})


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=1, help="demo seed scale (default 1)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per run")
    parser.add_argument("--warmup", type=int, default=2, help="unrecorded seconds before each run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="CIVICAPP_WORKERS for both servers (default: gunicorn.conf.py's)",
    )
    parser.add_argument("--pages", default="", help="comma-separated page names (default all)")
    parser.add_argument("--out", type=Path, default=Path("bench/results/latest.json"))
    parser.add_argument(
        "--check-growth",
        action="store_true",
        help="also seed a second database and flag query counts that change",
    )
    parser.add_argument(
        "--growth-scale",
        type=int,
        default=None,
        help="scale of the second database (default 1, or 3 when --scale is 1)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (db, logs)")
    return parser.parse_args(argv)


def bin_dir() -> Path:
    """Where flask and gunicorn live: the repo's .venv, else beside this Python."""
    venv = REPO / ".venv" / "bin"
    return venv if (venv / "gunicorn").exists() else Path(sys.executable).parent


def select(names: str) -> list[Page]:
    """The pages named on the command line, in PAGES order (all when none named)."""
    wanted = {n.strip() for n in names.split(",") if n.strip()}
    unknown = wanted - {p.name for p in PAGES}
    if unknown:
        raise SystemExit(f"unknown pages: {', '.join(sorted(unknown))}")
    return [p for p in PAGES if not wanted or p.name in wanted]


def seed(label: str, scale: int, env: dict[str, str]) -> list[instance.Step]:
    """Build one database, announcing it."""
    print(f"Building {label} database at scale {scale} in {env['CIVICAPP_INSTANCE_PATH']}")
    return instance.build(scale, env, REPO, bin_dir())


def count_pages(pages: list[Page], env: dict[str, str]) -> dict[str, tuple[Prepared, QueryCount]]:
    """Prepare every page's request and count its queries against the database in env."""
    with queries.bench_app(env) as app:
        return queries.prepare_and_count(app, pages)


def measure(
    server: servers.Server,
    label: str,
    prepared: Prepared,
    load: wrk.Load,
    scratch: Path,
    warmup: int,
) -> wrk.WrkResult:
    """Warm the server up unrecorded, then load it for the full duration."""
    script = scratch / f"{label.replace(' ', '_').replace('/', '_')}.lua"
    if warmup > 0:
        wrk.run(server.port, prepared, load, script, duration=warmup)
    result = wrk.run(server.port, prepared, load, script)
    print(
        f"  {label:<28} {result.requests_per_second:9.0f} req/s  p50 {result.p50_ms:.2f} ms"
        f"  p99 {result.p99_ms:.2f} ms"
    )
    return result


def load_all(
    pages: list[Page],
    prepared: dict[str, Prepared],
    env: dict[str, str],
    args: argparse.Namespace,
    scratch: Path,
) -> tuple[report.Ceiling, dict]:
    """Serve app and hello world; load the ceiling, every page, then the ceiling again.

    The ceiling is measured before and after the pages and averaged, rather than interleaved
    with every page: it costs two runs instead of one per page, and under a slow linear drift
    (thermal throttling, background load) the mean of the two equals the ceiling at the middle
    of the page runs. The drift between the two is reported; a large one flags a noisy machine.
    """
    load = wrk.Load(args.duration, args.connections, args.threads)
    with ExitStack() as stack:
        print("Starting gunicorn for the app and for hello world")
        app = stack.enter_context(servers.serve("app", "wsgi:app", env, REPO, bin_dir(), scratch))
        hello = stack.enter_context(
            servers.serve("hello", "bench.hello:app", env, REPO, bin_dir(), scratch)
        )
        print(
            f"Loading with wrk: {args.connections} connections, {args.threads} threads, "
            f"{args.duration}s per run after {args.warmup}s warm-up"
        )
        before = measure(hello, "ceiling (before)", HELLO, load, scratch, args.warmup)
        results = {
            p.name: measure(app, p.name, prepared[p.name], load, scratch, args.warmup)
            for p in pages
        }
        after = measure(hello, "ceiling (after)", HELLO, load, scratch, args.warmup)
    return report.Ceiling(before, after), results


def growth_counts(
    pages: list[Page], args: argparse.Namespace, scratch: Path, secret: str
) -> tuple[int, dict[str, QueryCount]]:
    """Seed a second database at another scale and count every page's queries there."""
    scale = args.growth_scale or (3 if args.scale == 1 else 1)
    env = instance.bench_env(scratch / f"instance-scale-{scale}", secret, args.workers)
    seed("growth-check", scale, env)
    return scale, {name: count for name, (_, count) in count_pages(pages, env).items()}


def bench(args: argparse.Namespace, pages: list[Page], scratch: Path) -> dict:
    """The whole run; returns the results document."""
    secret = secrets.token_hex(32)
    env = instance.bench_env(scratch / "instance", secret, args.workers)
    steps = seed("bench", args.scale, env)
    counted = count_pages(pages, env)
    growth_scale, other = (
        growth_counts(pages, args, scratch, secret) if args.check_growth else (None, {})
    )
    ceiling, loads = load_all(pages, {n: p for n, (p, _) in counted.items()}, env, args, scratch)
    results = [
        report.PageResult(
            p, counted[p.name][0], loads[p.name], counted[p.name][1], growth=other.get(p.name)
        )
        for p in pages
    ]
    for result in results:
        result.judge(ceiling)
    print()
    print(report.table(ceiling, results))
    for line in report.notes(ceiling, results):
        print(line)
    settings = {
        "scale": args.scale,
        "duration": args.duration,
        "warmup": args.warmup,
        "connections": args.connections,
        "threads": args.threads,
        "workers": args.workers or "gunicorn.conf.py default",
    }
    growth = {"scale": growth_scale} if args.check_growth else None
    return report.document(settings, steps, ceiling, results, growth)


def on_sigterm(_signum: int, _frame: object) -> None:
    """Turn SIGTERM into SystemExit so servers are stopped on the way out."""
    raise SystemExit(143)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 if every page met its goal, 1 if not, 2 if the bench broke."""
    args = parse_args(argv)
    pages = select(args.pages)
    signal.signal(signal.SIGTERM, on_sigterm)
    scratch = Path(tempfile.mkdtemp(prefix="civicapp-bench-"))
    try:
        doc = bench(args, pages, scratch)
    except (RuntimeError, OSError) as error:
        print(f"bench failed: {error}", file=sys.stderr)
        return 2
    except Exception:  # a broken setup hook or app: still exit 2, not "pages failed"
        traceback.print_exc()
        return 2
    finally:
        if args.keep:
            print(f"Kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    report.write(args.out, doc)
    print(f"Wrote {args.out}")
    if not doc["passed"]:
        print("FAILED: some pages missed their goal", file=sys.stderr)
    return 0 if doc["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
