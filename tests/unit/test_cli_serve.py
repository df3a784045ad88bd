"""``rareinfo serve``: a busy port is one line and its own exit code; "Serving on" is true."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.cli.common import EXIT_PORT_BUSY
from rareinfo.cli.serve import port_problem


def _listening() -> socket.socket:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


def test_busy_port_is_one_line_and_exit_5_before_anything_else(tmp_path: Path) -> None:
    with _listening() as busy:
        port = busy.getsockname()[1]
        assert port_problem("127.0.0.1", port) is not None
        # No knowledge base there either: the port is reported first, and nothing is built.
        result = CliRunner().invoke(app, ["serve", "--port", str(port), "--database",
                                          f"sqlite:///{tmp_path}/none.sqlite"])
    assert result.exit_code == EXIT_PORT_BUSY == 5
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert f"port {port} on 127.0.0.1 is already in use" in lines[0]
    assert "--port" in lines[0] and "Serving" not in result.output


def test_free_port_and_bad_host() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        free = sock.getsockname()[1]
    assert port_problem("127.0.0.1", free) is None
    problem = port_problem("no-such-host.invalid", free)
    assert problem is not None and "cannot listen" in problem


def test_serving_on_is_printed_only_once_the_port_answers(mini_kb_url: str,
                                                           tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "rareinfo", "serve", "--port", str(port),
         "--database", mini_kb_url],
        env={**os.environ, "RAREINFO_USERDATA_URL": f"sqlite:///{tmp_path}/u.sqlite",
             "RAREINFO_WARM_DIAGNOSIS_MODEL": "0"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        seen: list[str] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            assert line, f"serve ended before serving: {''.join(seen)}"
            seen.append(line)
            if line.startswith("Serving on"):
                # The moment it says so, a connection is accepted (no retry here).
                with socket.create_connection(("127.0.0.1", port), timeout=2):
                    pass
                break
        assert any(line.startswith("Serving on") for line in seen), "".join(seen)
        assert sum(line.startswith("Serving on") for line in seen) == 1
    finally:
        process.terminate()
        process.wait(timeout=10)
