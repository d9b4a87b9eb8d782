"""Start gunicorn the way `make run` does, on a free 127.0.0.1 port, and always stop it."""

import http.client
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 20.0


@dataclass(frozen=True)
class Server:
    """A running gunicorn master serving one WSGI app."""

    name: str
    port: int
    process: subprocess.Popen
    log: Path


def free_port() -> int:
    """Ask the kernel for a port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def answers(port: int) -> bool:
    """Whether something answers HTTP on 127.0.0.1:port (any status counts)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=2)
    try:
        connection.request("GET", "/")
        connection.getresponse().read()
        return True
    except OSError:
        return False
    finally:
        connection.close()


def cpu_seconds(server: Server) -> float:
    """User + system CPU time used so far by the gunicorn master and its live workers."""
    master, ticks = server.process.pid, 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if master in (int(stat.parent.name), int(fields[1])):  # the master or its child
                ticks += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def log_tail(path: Path, lines: int = 60) -> str:
    """The last lines of a server log, for error messages."""
    with suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return ""


def wait_until_up(server: Server) -> None:
    """Block until the server answers; fail early if gunicorn exits."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"{server.name}: gunicorn exited with {server.process.returncode}"
                f"\n{log_tail(server.log)}"
            )
        if answers(server.port):
            return
        time.sleep(0.2)
    raise RuntimeError(
        f"{server.name}: no answer on port {server.port} after {START_TIMEOUT}s"
        f"\n{log_tail(server.log)}"
    )


def stop(server: Server) -> None:
    """SIGTERM the master (graceful); SIGKILL its process group, workers too, if it lingers."""
    process = server.process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def serve(
    name: str,
    wsgi_app: str,
    env: dict[str, str],
    repo: Path,
    bin_dir: Path,
    log_dir: Path,
    config: str = "gunicorn.conf.py",
) -> Iterator[Server]:
    """Serve wsgi_app with `gunicorn -c gunicorn.conf.py` from the repo root until exit."""
    port = free_port()
    bind = f"{HOST}:{port}"
    log = log_dir / f"gunicorn-{name}.log"
    # Own control socket per server: two masters (app, hello) or a developer's `make run`
    # would otherwise fight over the default ~/.gunicorn/gunicorn.ctl.
    control = log_dir / f"gunicorn-{name}.ctl"
    command = [
        str(bin_dir / "gunicorn"),
        "-c",
        config,
        "--bind",
        bind,
        "--control-socket",
        str(control),
        wsgi_app,
    ]
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=repo,
            env={**env, "CIVICAPP_BIND": bind},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(name, port, process, log)
    try:
        wait_until_up(server)
        yield server
    finally:
        stop(server)
