"""`make bench`: seed a database, serve the app and a hello-world ceiling, load both with wrk.

    python -m bench.run --scale 1 --duration 10 --connections 16 --threads 2 \\
        --out bench/results/latest.json
"""

import argparse
import os
import secrets
import shutil
import signal
import sys
import tempfile
import traceback
from pathlib import Path

from bench import instance, loading, queries, report, wrk
from bench.pages import PAGES
from bench.queries import QueryCount
from bench.spec import Page, Prepared

REPO = Path(__file__).resolve().parent.parent


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
    parser.add_argument(
        "--ceiling",
        choices=loading.MODES,
        default="interleave",
        help="ceiling runs between every page (interleave) or only first and last (bracket)",
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


def growth_counts(
    pages: list[Page], args: argparse.Namespace, scratch: Path, secret: str
) -> tuple[int, dict[str, QueryCount]]:
    """Seed a second database at another scale and count every page's queries there."""
    scale = args.growth_scale or (3 if args.scale == 1 else 1)
    env = instance.bench_env(scratch / f"instance-scale-{scale}", secret, args.workers)
    seed("growth-check", scale, env)
    return scale, {name: count for name, (_, count) in count_pages(pages, env).items()}


def judge(
    pages: list[Page],
    counted: dict[str, tuple[Prepared, QueryCount]],
    loaded: loading.Loaded,
    other: dict[str, QueryCount],
) -> tuple[report.Ceiling, list[report.PageResult]]:
    """Combine query counts and load figures into judged page results."""
    ceiling = report.Ceiling(loaded.ceiling_runs)
    cpu = ceiling.mean("server_cpu_ms")
    results = []
    for page in pages:
        request, count = counted[page.name]
        load, reference = loaded.pages[page.name]
        result = report.PageResult(page, request, load, count, reference, cpu, other.get(page.name))
        result.judge()
        results.append(result)
    return ceiling, results


def settings(args: argparse.Namespace, load_start: float) -> dict:
    """The run's settings, for the results file."""
    keys = ("scale", "duration", "warmup", "connections", "threads", "ceiling", "growth_scale")
    return {key: getattr(args, key) for key in keys} | {
        "workers": args.workers or "gunicorn.conf.py default",
        "load_average_at_start": load_start,
    }


def bench(args: argparse.Namespace, pages: list[Page], scratch: Path) -> dict:
    """The whole run; returns the results document."""
    load_start = os.getloadavg()[0]
    if load_start > 1:
        print(f"warning: the machine is already busy (load average {load_start:.1f})")
    secret = secrets.token_hex(32)
    env = instance.bench_env(scratch / "instance", secret, args.workers)
    steps = seed("bench", args.scale, env)
    counted = count_pages(pages, env)
    growth_scale, other = (
        growth_counts(pages, args, scratch, secret) if args.check_growth else (None, {})
    )
    load = wrk.Load(args.duration, args.connections, args.threads)
    plan = loading.Plan(load, args.warmup, args.ceiling)
    prepared = {name: request for name, (request, _) in counted.items()}
    loaded = loading.load_all(pages, prepared, env, plan, (REPO, bin_dir(), scratch))
    ceiling, results = judge(pages, counted, loaded, other)
    print()
    print(report.table(ceiling, results))
    for line in report.notes(ceiling, results):
        print(line)
    growth = {"scale": growth_scale} if args.check_growth else None
    return report.document(settings(args, load_start), steps, ceiling, results, growth)


def on_sigterm(_signum: int, _frame: object) -> None:
    """Turn SIGTERM into SystemExit so servers are stopped on the way out."""
    raise SystemExit(143)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 if every page met its goal, 1 if not, 2 if the bench broke."""
    args = parse_args(argv)
    pages = select(args.pages)
    sys.stdout.reconfigure(line_buffering=True)  # progress shows at once under make
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
        print("FAILED: some pages missed a check (see above)", file=sys.stderr)
    return 0 if doc["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
