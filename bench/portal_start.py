"""How long `scripts/portal` takes to answer, first and second start, and `rareinfo search`.

    .venv/bin/python bench/portal_start.py [--data-dir DIR] [--runs 3] [--baseline CHECKOUT]

Everything runs as a newcomer's would: an empty home directory, no settings but
RAREINFO_DATA_DIR, the default knowledge base (built from the sources embedded in the
package). Without --data-dir a temporary directory is used and removed afterwards; with
it, a knowledge base already there is reused (the build from the bundle takes minutes) and
one that is not is built by the first start, which is then timed too.

Prints, per start: seconds until /healthz answers and until the first pages answer (the
home page, then a search results page), medians of --runs interleaved runs of:
  - `stored`: the second start as it is, loading the search index stored by the build;
  - `rebuilt`: the same with the stored index moved aside, so the process builds it from
    the snapshot's search entries, as every start did before indexes were stored (now in
    a thread: pages answer before searches do);
  - `baseline`: with --baseline, the `scripts/portal` of another checkout of rareinfo (for
    example the commit before this change), over the same knowledge base;
and the whole-process wall time of `rareinfo search marfan` for the same variants.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
DATABASE = "rareinfo.sqlite"
PAGES = ("/", "/search?q=marfan")
TIMEOUT = 1800.0  # seconds; a first start builds the knowledge base


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(data_dir: Path, home: Path) -> dict[str, str]:
    """The caller's environment without rareinfo settings, with an empty home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAREINFO_")}
    env.update(HOME=str(home), RAREINFO_DATA_DIR=str(data_dir))
    return env


def _start(checkout: Path, env: dict[str, str], log: Path) -> dict[str, float]:
    """Run the checkout's scripts/portal; seconds to /healthz and to each page; then stop."""
    port = _free_port()
    started = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen([str(checkout / "scripts" / "portal"), "--port", str(port)],
                                   env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        figures = {"healthz": _first_answer(f"http://127.0.0.1:{port}/healthz", started,
                                            process)}
        for page in PAGES:
            answer = httpx.get(f"http://127.0.0.1:{port}{page}", timeout=600)
            answer.raise_for_status()
            figures[page] = time.perf_counter() - started
        return figures
    finally:
        _stop(process)


def _first_answer(url: str, started: float, process: subprocess.Popen[bytes]) -> float:
    while time.perf_counter() - started < TIMEOUT:
        if process.poll() is not None:
            raise RuntimeError(f"the portal exited with code {process.returncode}")
        try:
            httpx.get(url, timeout=5).raise_for_status()
            return time.perf_counter() - started
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url} in {TIMEOUT:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the portal this benchmark started (its own process group), gently first."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _search(checkout: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([str(checkout / ".venv" / "bin" / "rareinfo"), "search", "marfan"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


@contextmanager
def _without_stored_index(data_dir: Path) -> Iterator[None]:
    """The stored search index moved aside (and what a process stores meanwhile dropped)."""
    stored = data_dir / f"{DATABASE}.search"
    aside = data_dir / f"{DATABASE}.search-aside"
    stored.rename(aside)
    try:
        yield
    finally:
        shutil.rmtree(stored, ignore_errors=True)
        aside.rename(stored)


@contextmanager
def _as_is() -> Iterator[None]:
    yield


def _report(name: str, runs: list[dict[str, float]]) -> None:
    parts = [f"{key} {statistics.median(run[key] for run in runs):6.1f} s"
             for key in runs[0]]
    print(f"  {name:9} " + "   ".join(parts), flush=True)


def main() -> None:
    """Time the first start (if it builds), then second starts and searches, interleaved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="reused if it holds a knowledge base")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    options = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="rareinfo-portal-start-"))
    data_dir = (options.data_dir or scratch / "data").resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    home = scratch / "home"
    home.mkdir()
    env = _environment(data_dir, home)
    try:
        if not (data_dir / DATABASE).is_file():
            print("first start (builds the knowledge base from the embedded bundle):",
                  flush=True)
            _report("first", [_start(REPO, env, scratch / "first.log")])
        if not (data_dir / f"{DATABASE}.search").is_dir():
            sys.exit(f"{data_dir} holds no stored search index: build it with this code")
        variants: list[tuple[str, Path, Callable[[], AbstractContextManager[None]]]] = [
            ("stored", REPO, _as_is),
            ("rebuilt", REPO, lambda: _without_stored_index(data_dir))]
        if options.baseline is not None:
            variants.append(("baseline", options.baseline.resolve(), _as_is))
        starts: dict[str, list[dict[str, float]]] = {name: [] for name, *_ in variants}
        searches: dict[str, list[dict[str, float]]] = {name: [] for name, *_ in variants}
        for run in range(options.runs):
            for name, checkout, context in variants:
                # Each in its own context: a `rebuilt` start stores the index it built.
                with context():
                    starts[name].append(_start(checkout, env, scratch / f"{name}{run}.log"))
                with context():
                    searches[name].append({"search marfan": _search(checkout, env)})
                print(f"run {run + 1} {name}: " + ", ".join(
                    f"{key} {value:.1f} s" for key, value in
                    {**starts[name][-1], **searches[name][-1]}.items()), flush=True)
        print(f"second start, seconds from launch (median of {options.runs}):")
        for name in starts:
            _report(name, starts[name])
        print("`rareinfo search marfan`, whole process:")
        for name in searches:
            _report(name, searches[name])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
