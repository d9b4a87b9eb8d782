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

DRIFT_WARNING = 0.10  # ceiling before vs after, relative to their mean


@dataclass(frozen=True)
class Ceiling:
    """The hello-world app's figures, measured before and after the pages."""

    before: WrkResult
    after: WrkResult

    @property
    def requests_per_second(self) -> float:
        """Mean of the two runs: the reference every page's ratio divides by."""
        return (self.before.requests_per_second + self.after.requests_per_second) / 2

    @property
    def drift(self) -> float:
        """Relative change between the two runs; large drift means a noisy machine."""
        before, after = self.before.requests_per_second, self.after.requests_per_second
        return abs(before - after) / self.requests_per_second if self.requests_per_second else 0.0

    def to_json(self) -> dict:
        """Plain-dict form for the results file."""
        return {
            "requests_per_second": self.requests_per_second,
            "drift": self.drift,
            "p50_ms": (self.before.p50_ms + self.after.p50_ms) / 2,
            "p99_ms": (self.before.p99_ms + self.after.p99_ms) / 2,
            "before": self.before.to_json(),
            "after": self.after.to_json(),
        }


@dataclass
class PageResult:
    """One page's load figures, query count and verdict."""

    page: Page
    prepared: Prepared
    load: WrkResult
    query: QueryCount
    ratio: float = 0.0
    growth: QueryCount | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Whether the page met every check."""
        return not self.problems

    def judge(self, ceiling: Ceiling) -> None:
        """Compute the ratio to the ceiling and list every missed check."""
        self.ratio = self.load.requests_per_second / ceiling.requests_per_second
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
            "queries": self.query.queries,
            "passed": self.passed,
            "problems": self.problems,
            "load": self.load.to_json(),
            "query": self.query.to_json(),
            "growth_query": self.growth.to_json() if self.growth else None,
        }


HEADER = ("page", "req/s", "p50 ms", "p99 ms", "ratio", "queries", "goal", "result")
WIDTHS = (28, 9, 8, 8, 6, 8, 6, 6)


def row(cells: tuple[str, ...]) -> str:
    """One table line: first column left-aligned, the rest right-aligned."""
    first, *rest = cells
    return f"{first:<{WIDTHS[0]}}" + "".join(
        f"{c:>{w + 1}}" for c, w in zip(rest, WIDTHS[1:], strict=True)
    )


def table(ceiling: Ceiling, results: list[PageResult]) -> str:
    """The human-readable summary table, ceiling first."""
    lines = [
        row(HEADER),
        "-" * (sum(WIDTHS) + len(WIDTHS) - 1),
        row(
            (
                "ceiling (hello world)",
                f"{ceiling.requests_per_second:.0f}",
                f"{ceiling.to_json()['p50_ms']:.2f}",
                f"{ceiling.to_json()['p99_ms']:.2f}",
                "1.00",
                "-",
                "-",
                "-",
            )
        ),
    ]
    for r in results:
        queries = str(r.query.queries) + ("" if r.query.stable else "*")
        lines.append(
            row(
                (
                    r.page.name[: WIDTHS[0]],
                    f"{r.load.requests_per_second:.0f}",
                    f"{r.load.p50_ms:.2f}",
                    f"{r.load.p99_ms:.2f}",
                    f"{r.ratio:.2f}",
                    queries,
                    f"{r.page.goal:.2f}",
                    "pass" if r.passed else "FAIL",
                )
            )
        )
    return "\n".join(lines)


def notes(ceiling: Ceiling, results: list[PageResult]) -> list[str]:
    """Problems and warnings worth printing below the table."""
    lines = [f"{r.page.name}: {problem}" for r in results for problem in r.problems]
    lines += [
        f"{r.page.name}: query count varies between identical requests {r.query.counts}"
        for r in results
        if not r.query.stable
    ]
    if ceiling.drift > DRIFT_WARNING:
        lines.append(
            f"warning: ceiling drifted {ceiling.drift:.0%} between before and after "
            f"({ceiling.before.requests_per_second:.0f} -> "
            f"{ceiling.after.requests_per_second:.0f} req/s); the machine is noisy"
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
