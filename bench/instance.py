"""Build a fresh bench database in its own instance folder, timing each CLI step."""

import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Step:
    """One timed `flask` command of the database build."""

    command: str
    seconds: float

    def to_json(self) -> dict:
        """Plain-dict form for the results file."""
        return asdict(self)


def bench_env(instance: Path, secret: str, workers: int | None = None) -> dict[str, str]:
    """The environment of every bench process: own instance folder, secret, no rate limits.

    DATABASE_URL is dropped so the bench never seeds a database it did not create.
    """
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        CIVICAPP_INSTANCE_PATH=str(instance),
        CIVICAPP_SECRET_KEY=secret,
        CIVICAPP_RATELIMIT_ENABLED="false",
    )
    if workers:
        env["CIVICAPP_WORKERS"] = str(workers)
    return env


def build_commands(scale: int) -> list[list[str]]:
    """The CLI steps that turn an empty instance folder into a seeded database."""
    return [["db", "upgrade"], ["municipalities", "load"], ["demo", "seed", "--scale", str(scale)]]


def run_step(args: list[str], env: dict[str, str], repo: Path, bin_dir: Path) -> Step:
    """Run `flask --app wsgi <args>` from the repo root; raise with its output on failure."""
    started = time.perf_counter()
    done = subprocess.run(
        [str(bin_dir / "flask"), "--app", "wsgi", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        output = "\n".join((done.stdout + done.stderr).strip().splitlines()[-40:])
        raise RuntimeError(
            f"`flask --app wsgi {' '.join(args)}` failed ({done.returncode}):\n{output}"
        )
    return Step(" ".join(args), seconds)


def build(
    scale: int, env: dict[str, str], repo: Path, bin_dir: Path, echo: Callable[[str], None] = print
) -> list[Step]:
    """Create the instance folder and run every build step, printing each one's time."""
    Path(env["CIVICAPP_INSTANCE_PATH"]).mkdir(parents=True, exist_ok=True)
    steps = []
    for args in build_commands(scale):
        step = run_step(args, env, repo, bin_dir)
        echo(f"  flask {step.command:<28} {step.seconds:7.2f} s")
        steps.append(step)
    return steps
