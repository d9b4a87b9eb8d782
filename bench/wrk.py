"""Run wrk with a generated Lua script and read its figures from a JSON line done() prints."""

import json
import re
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.spec import Prepared

MARKER = "BENCH_JSON "
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s*(\d+)")

# done() runs once in wrk's main thread after the run; latencies are in microseconds.
DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '%s{"requests":%.0f,"duration_us":%.0f,"bytes":%.0f,'
    .. '"connect":%.0f,"read":%.0f,"write":%.0f,"status":%.0f,"timeout":%.0f,'
    .. '"p50_us":%.3f,"p90_us":%.3f,"p99_us":%.3f,"mean_us":%.3f,"max_us":%.3f}\\n',
    MARKER, summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.mean, latency.max))
end
"""


@dataclass(frozen=True)
class WrkResult:
    """Throughput, latency and error counts of one wrk run."""

    requests: int
    seconds: float
    requests_per_second: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    non_2xx_3xx: int
    socket_errors: dict[str, int]
    server_cpu_ms: float = 0.0  # gunicorn CPU time per request, filled in by the caller

    def to_json(self) -> dict:
        """Plain-dict form for the results file."""
        return asdict(self)


def lua_string(text: str) -> str:
    """Quote text as a Lua string literal, escaping every byte outside printable ASCII."""
    out = []
    for byte in text.encode():
        char = chr(byte)
        printable = 32 <= byte < 127 and char not in '"\\'
        out.append(char if printable else f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def script(prepared: Prepared) -> str:
    """The Lua script that makes wrk send the prepared request and report JSON."""
    lines = [
        f"MARKER = {lua_string(MARKER)}",
        f"wrk.method = {lua_string(prepared.method)}",
        f"wrk.path = {lua_string(prepared.path)}",
    ]
    if prepared.body:
        lines.append(f"wrk.body = {lua_string(prepared.body)}")
    for name, value in prepared.headers.items():
        lines.append(f"wrk.headers[{lua_string(name)}] = {lua_string(value)}")
    return "\n".join(lines) + "\n" + DONE


def parse(stdout: str) -> WrkResult:
    """Read the JSON line printed by done(), cross-checked with wrk's own Non-2xx line."""
    line = next((ln for ln in stdout.splitlines() if ln.startswith(MARKER)), None)
    if line is None:
        raise RuntimeError(f"wrk printed no {MARKER.strip()} line:\n{stdout}")
    raw = json.loads(line.removeprefix(MARKER))
    text_count = _NON_2XX.search(stdout)
    seconds = raw["duration_us"] / 1e6
    return WrkResult(
        requests=int(raw["requests"]),
        seconds=seconds,
        requests_per_second=raw["requests"] / seconds if seconds else 0.0,
        p50_ms=raw["p50_us"] / 1000,
        p90_ms=raw["p90_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        mean_ms=raw["mean_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        non_2xx_3xx=max(int(raw["status"]), int(text_count.group(1)) if text_count else 0),
        socket_errors={k: int(raw[k]) for k in ("connect", "read", "write", "timeout")},
    )


@dataclass(frozen=True)
class Load:
    """How hard and how long wrk drives a server."""

    duration: int
    connections: int
    threads: int
    timeout: int = 5


def run(
    port: int, prepared: Prepared, load: Load, script_path: Path, duration: int | None = None
) -> WrkResult:
    """Load 127.0.0.1:port with the prepared request and return wrk's figures."""
    wrk = shutil.which("wrk") or "/usr/bin/wrk"
    script_path.write_text(script(prepared))
    seconds = load.duration if duration is None else duration
    command = [
        wrk,
        "--latency",
        "-t",
        str(load.threads),
        "-c",
        str(load.connections),
        "-d",
        f"{seconds}s",
        "--timeout",
        f"{load.timeout}s",
        "-s",
        str(script_path),
        f"http://127.0.0.1:{port}{prepared.path}",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return parse(done.stdout)
