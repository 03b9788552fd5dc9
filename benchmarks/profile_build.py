"""Profile one strict build of this site on the synthetic corpus, to see where the time goes.

    .venv/bin/python -m benchmarks.profile_build 1000            # prints the top entries
    .venv/bin/python -m benchmarks.profile_build 1000 out.prof   # and keeps the profile

Generates N synthetic briefs in a temporary folder, makes our project next to them (as the
benchmark does), runs `python -m cProfile -m mkdocs build --strict` on it, and prints the
entries with the largest cumulative and own times. The temporary folder is removed.
"""

from __future__ import annotations

import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import bench, corpus  # noqa: E402


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 1000
    work = Path(tempfile.mkdtemp(prefix=f"lb-profile-{n}-"))
    try:
        data = corpus.generate(work / "corpus", n)
        project = bench.make_project(work / "ours", data)
        output = Path(argv[1]).resolve() if len(argv) > 1 else work / "build.prof"
        command = [
            bench.PYTHON,
            "-m",
            "cProfile",
            "-o",
            str(output),
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(work / "site"),
        ]
        print(f"profiling a strict build of {n} synthetic briefs ...", flush=True)
        result = subprocess.run(command, cwd=project, env=bench.child_env(), capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stdout[-3000:], result.stderr[-3000:])
            return 1
        stats = pstats.Stats(str(output))
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
