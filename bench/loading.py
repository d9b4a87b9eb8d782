"""Serve the app and hello world, then load ceiling and pages with wrk in a fixed schedule.

Ceiling schedule (`--ceiling`):

- `interleave` (default): ceiling, page 1, ceiling, page 2, ..., ceiling. Each page's ratio
  divides by the mean of the two ceiling runs around it. It costs one ceiling run per page,
  but a burst of background load (a test suite, a build) only skews the pages it overlaps,
  and skews their reference too, instead of shifting one global ceiling for every page.
- `bracket`: ceiling, every page, ceiling; every page divides by the mean of the two. Two
  ceiling runs in all; under a slow linear drift (thermal throttling) their mean is the
  ceiling at the middle of the page runs, but bursty load makes it unreliable.

Either way the spread of all ceiling runs is reported as drift, with a warning when large.
"""

from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path

from bench import servers, wrk
from bench.spec import USER_AGENT, Page, Prepared

HELLO = Prepared("GET", "/", {"User-Agent": USER_AGENT})
MODES = ("interleave", "bracket")


@dataclass(frozen=True)
class Plan:
    """How to load: wrk settings, unrecorded warm-up seconds, ceiling schedule."""

    load: wrk.Load
    warmup: int
    mode: str = "interleave"


@dataclass(frozen=True)
class Loaded:
    """Every ceiling run, and each page's wrk figures with its reference ceiling req/s."""

    ceiling_runs: list[wrk.WrkResult]
    pages: dict[str, tuple[wrk.WrkResult, float]]


def schedule(pages: list[Page], mode: str) -> list[list[Page]]:
    """The groups of pages loaded between two consecutive ceiling runs."""
    return [[page] for page in pages] if mode == "interleave" else [list(pages)]


def measure(
    server: servers.Server, label: str, prepared: Prepared, plan: Plan, scratch: Path, warm: bool
) -> wrk.WrkResult:
    """Optionally warm up unrecorded, then load the server for the full duration.

    The server's CPU time per request is read from /proc around the recorded run: unlike
    req/s it hardly moves when other processes compete for the cores.
    """
    script = scratch / f"{label.replace(' ', '_').replace('/', '_')}.lua"
    if warm and plan.warmup > 0:
        wrk.run(server.port, prepared, plan.load, script, duration=plan.warmup)
    cpu = servers.cpu_seconds(server)
    result = wrk.run(server.port, prepared, plan.load, script)
    used_ms = (servers.cpu_seconds(server) - cpu) * 1000
    result = replace(result, server_cpu_ms=used_ms / result.requests if result.requests else 0.0)
    print(
        f"  {label:<28} {result.requests_per_second:9.0f} req/s  p50 {result.p50_ms:.2f} ms"
        f"  p99 {result.p99_ms:.2f} ms  server CPU {result.server_cpu_ms:.2f} ms/request"
    )
    return result


def run_schedule(
    app: servers.Server,
    hello: servers.Server,
    groups: list[list[Page]],
    prepared: dict[str, Prepared],
    plan: Plan,
    scratch: Path,
) -> Loaded:
    """Ceiling, a group of pages, ceiling, ...; every page gets its two neighbouring runs."""
    runs = [measure(hello, "ceiling", HELLO, plan, scratch, warm=True)]
    pages = {}
    for group in groups:
        loaded = {
            p.name: measure(app, p.name, prepared[p.name], plan, scratch, True) for p in group
        }
        runs.append(measure(hello, "ceiling", HELLO, plan, scratch, warm=False))
        reference = (runs[-2].requests_per_second + runs[-1].requests_per_second) / 2
        pages.update({name: (result, reference) for name, result in loaded.items()})
    return Loaded(runs, pages)


def load_all(
    pages: list[Page],
    prepared: dict[str, Prepared],
    env: dict[str, str],
    plan: Plan,
    dirs: tuple[Path, Path, Path],
) -> Loaded:
    """Start both servers (repo, bin and scratch folders in dirs), load them, stop them."""
    repo, bin_dir, scratch = dirs
    with ExitStack() as stack:
        print("Starting gunicorn for the app and for hello world")
        app = stack.enter_context(servers.serve("app", "wsgi:app", env, repo, bin_dir, scratch))
        hello = stack.enter_context(
            servers.serve("hello", "bench.hello:app", env, repo, bin_dir, scratch)
        )
        load = plan.load
        print(
            f"Loading with wrk: {load.connections} connections, {load.threads} threads, "
            f"{load.duration}s per run after {plan.warmup}s warm-up, ceiling schedule {plan.mode}"
        )
        return run_schedule(app, hello, schedule(pages, plan.mode), prepared, plan, scratch)
