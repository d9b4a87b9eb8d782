"""Judge each page against its goal, print the table and write the JSON results file."""

import json
import os
import platform
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench.instance import Step
from bench.queries import QueryCount
from bench.spec import Page, Prepared
from bench.wrk import WrkResult

DRIFT_WARNING = 0.10  # spread of the ceiling runs, relative to their mean


@dataclass(frozen=True)
class Ceiling:
    """Every run of the hello-world app in this bench."""

    runs: list[WrkResult]

    def mean(self, figure: str) -> float:
        """The mean of one WrkResult figure over all runs."""
        return sum(getattr(run, figure) for run in self.runs) / len(self.runs)

    @property
    def drift(self) -> float:
        """Spread of the runs' req/s relative to their mean; large means a noisy machine."""
        rates = [run.requests_per_second for run in self.runs]
        mean = self.mean("requests_per_second")
        return (max(rates) - min(rates)) / mean if mean else 0.0

    def to_json(self) -> dict:
        """Plain-dict form for the results file."""
        return {
            "requests_per_second": self.mean("requests_per_second"),
            "p50_ms": self.mean("p50_ms"),
            "p99_ms": self.mean("p99_ms"),
            "server_cpu_ms_per_request": self.mean("server_cpu_ms"),
            "drift": self.drift,
            "runs": [run.to_json() for run in self.runs],
        }


@dataclass
class PageResult:
    """One page's load figures, query count and verdict."""

    page: Page
    prepared: Prepared
    load: WrkResult
    query: QueryCount
    reference: float  # req/s of the ceiling runs around this page
    cpu_reference: float  # server CPU ms per request of the ceiling, over all its runs
    growth: QueryCount | None = None
    ratio: float = 0.0

    @property
    def cpu_ratio(self) -> float:
        """Ceiling CPU per request over this page's: the ratio an idle machine would show."""
        cpu = self.load.server_cpu_ms
        return self.cpu_reference / cpu if cpu else 0.0

    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Whether the page met every check."""
        return not self.problems

    def judge(self) -> None:
        """Compute the ratio to the ceiling and list every missed check."""
        self.ratio = self.load.requests_per_second / self.reference if self.reference else 0.0
        load, page = self.load, self.page
        if self.ratio < page.goal:
            self.problems.append(f"ratio {self.ratio:.2f} below goal {page.goal:.2f}")
        if load.non_2xx_3xx:
            self.problems.append(f"{load.non_2xx_3xx} non-2xx/3xx responses under load")
        errors = {k: v for k, v in load.socket_errors.items() if v}
        if errors:
            self.problems.append(f"socket errors {errors}")
        if self.query.status != page.expect_status:
            self.problems.append(f"answered {self.query.status}, expected {page.expect_status}")
        if self.growth is not None and self.growth.queries != self.query.queries:
            self.problems.append(
                f"queries grow with data: {self.growth.queries} vs {self.query.queries}"
            )

    def to_json(self) -> dict:
        """Plain-dict form for the results file (the Cookie header is not written)."""
        return {
            "name": self.page.name,
            "method": self.page.method,
            "path": self.prepared.path,
            "goal": self.page.goal,
            "expect_status": self.page.expect_status,
            "requests_per_second": self.load.requests_per_second,
            "p50_ms": self.load.p50_ms,
            "p99_ms": self.load.p99_ms,
            "ratio": self.ratio,
            "ceiling_requests_per_second": self.reference,
            "server_cpu_ms_per_request": self.load.server_cpu_ms,
            "cpu_ratio": self.cpu_ratio,
            "queries": self.query.queries,
            "passed": self.passed,
            "problems": self.problems,
            "load": self.load.to_json(),
            "query": self.query.to_json(),
            "growth_query": self.growth.to_json() if self.growth else None,
        }


HEADER = ("page", "req/s", "p50 ms", "p99 ms", "cpu ms", "ceiling", "ratio", "cpu ratio",
          "queries", "goal", "result")  # fmt: skip
WIDTHS = (22, 7, 7, 7, 6, 7, 5, 9, 7, 4, 6)


def row(cells: tuple[str, ...]) -> str:
    """One table line: first column left-aligned, the rest right-aligned."""
    first, *rest = cells
    right = "".join(f"{c:>{w + 1}}" for c, w in zip(rest, WIDTHS[1:], strict=True))
    return f"{first[: WIDTHS[0]]:<{WIDTHS[0]}}" + right


def page_row(r: PageResult) -> str:
    """A page's table line; a * after the query count marks counts that varied."""
    queries = f"{r.query.queries}{'' if r.query.stable else '*'}"
    load = r.load
    figures = (
        f"{load.requests_per_second:.0f}",
        f"{load.p50_ms:.1f}",
        f"{load.p99_ms:.1f}",
        f"{load.server_cpu_ms:.2f}",
    )
    verdict = "pass" if r.passed else "FAIL"
    judged = (
        f"{r.reference:.0f}",
        f"{r.ratio:.2f}",
        f"{r.cpu_ratio:.2f}",
        queries,
        f"{r.page.goal:.2f}",
        verdict,
    )
    return row((r.page.name, *figures, *judged))


def table(ceiling: Ceiling, results: list[PageResult]) -> str:
    """The human-readable summary table: the ceiling's means, then every page."""
    names = ("requests_per_second", "p50_ms", "p99_ms", "server_cpu_ms")
    rate, p50, p99, cpu = (ceiling.mean(name) for name in names)
    cells = ("ceiling (hello world)", f"{rate:.0f}", f"{p50:.1f}", f"{p99:.1f}", f"{cpu:.2f}")
    first = row((*cells, "", "1.00", "1.00", "-", "-", "-"))
    rule = "-" * (sum(WIDTHS) + len(WIDTHS) - 1)
    return "\n".join([row(HEADER), rule, first, *(page_row(r) for r in results)])


def notes(ceiling: Ceiling, results: list[PageResult]) -> list[str]:
    """Problems and warnings worth printing below the table."""
    lines = [f"{r.page.name}: {problem}" for r in results for problem in r.problems]
    lines += [
        f"{r.page.name}: query count varies between identical requests {r.query.counts}"
        for r in results
        if not r.query.stable
    ]
    if ceiling.drift > DRIFT_WARNING:
        rates = ", ".join(f"{run.requests_per_second:.0f}" for run in ceiling.runs)
        lines.append(
            f"warning: ceiling runs spread {ceiling.drift:.0%} ({rates} req/s); "
            "the machine is busy or noisy, ratios are less reliable"
        )
    return lines


def document(
    settings: dict,
    steps: list[Step],
    ceiling: Ceiling,
    results: list[PageResult],
    growth: dict | None,
) -> dict:
    """Everything measured, as the JSON results document."""
    return {
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "scale": settings["scale"],
        "machine": {
            "cores": os.cpu_count(),
            "platform": platform.platform(),
            "python": sys.version.split()[0],
        },
        "settings": settings,
        "database": [step.to_json() for step in steps],
        "ceiling": ceiling.to_json(),
        "pages": [r.to_json() for r in results],
        "growth": growth,
        "passed": all(r.passed for r in results),
    }


def write(path: Path, doc: dict) -> None:
    """Write the results document, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=2) + "\n")
