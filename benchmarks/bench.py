"""The build benchmark: this site against a plain-Material baseline on a synthetic corpus.

Run from the project folder as `make bench`, `.venv/bin/python -m benchmarks.bench` or
`python benchmarks/bench.py`; choose the corpus sizes with N (default N=10,100,1000), e.g.
`make bench N=10000`. RUNS sets the builds per project (at least 3; one above N=1000).

For each N it generates the corpus in a temporary folder, makes this site's project (mkdocs.yml,
docs/, macros/, overrides/ and CONTRIBUTING.md next to the generated data/) and the baseline
project (up to N=1000), builds each RUNS times, alternating, and measures wall time, the child's
peak memory, page and search index sizes, `make check`'s time, how long `mkdocs serve` takes to
show an edit (N=100) and a one-brief preview does (N=100 and 1000), and (at N>=1000) what each
site's search downloads and how long it takes in headless Chromium, for three queries. It writes
benchmarks/results.json and benchmarks/RESULTS.md, then checks the targets in README.md and
reports each as met or not met. Times are never asserted: it exits 0 whenever it ran.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"

if __package__ in (None, ""):  # run as `python benchmarks/bench.py`
    if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]])
    sys.path.insert(0, str(ROOT))

from benchmarks import baseline, corpus  # noqa: E402

PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))
SITE_PARTS = ("mkdocs.yml", "docs", "macros", "overrides", "CONTRIBUTING.md")
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "RESULTS.md"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
KB = 1024
MIB = 1024 * 1024
HAND_SECTION = "## What was changed to meet the budgets"
HAND_PLACEHOLDER = "_Filled in by hand after an optimisation: what changed, and the numbers before and after._"
EDIT_MARKERS = ["quokkaone", "quokkatwo", "quokkathree"]  # words the serve benchmark writes in
# Plain Material with every page in its nav grows with N squared (about 40 s at N=1000, hours at
# N=10,000): above this size only our build is measured, against the per-brief cost at N=1000.
BASELINE_MAX = 1000
# Above this size each project is built once: a build of 10,000 briefs takes minutes.
ONE_RUN_ABOVE = 1000
GIB = 1024 * MIB
STARTED = time.monotonic()


def say(message: str) -> None:
    elapsed = int(time.monotonic() - STARTED)
    print(f"[{elapsed // 60:02d}:{elapsed % 60:02d}] {message}", flush=True)


def child_env() -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("LB_PREVIEW_DRAFTS", None)  # build what `make build` publishes
    return env


# --- Projects --------------------------------------------------------------------------------


def make_project(destination: Path, data: Path) -> Path:
    """This site's code and pages next to another data/ folder (the tests make their fixture sites so too)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    shutil.copytree(data, destination / "data")
    return destination


# --- Measuring one build ----------------------------------------------------------------------


def run_measured(command: list[str], cwd: Path, log: Path) -> tuple[float, float, int]:
    """Run `command`; return wall seconds, the child's peak RSS in MiB, and its exit code."""
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=child_env(), stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode  # ru_maxrss is in KiB on Linux


def site_sizes(site: Path, brief_ids: list[str]) -> dict:
    html = [p.stat().st_size for p in site.rglob("*.html")]
    briefs = [
        (site / "briefs" / f"{i}.html").stat().st_size for i in brief_ids if (site / "briefs" / f"{i}.html").exists()
    ]
    # The search index on disk: Pagefind's folder (fragments, index chunks, its scripts) or
    # Material's one JSON file.
    index = [p for p in (site / "pagefind").rglob("*") if p.is_file()] or [site / "search" / "search_index.json"]
    return {
        "html_bytes": sum(html),
        "html_pages": len(html),
        "median_brief_page_bytes": statistics.median(briefs) if briefs else None,
        "brief_pages": len(briefs),
        "search_index_bytes": sum(p.stat().st_size for p in index) if index[0].exists() else None,
        "search_index_files": len(index) if index[0].exists() else 0,
    }


PAGEFIND_LINE = re.compile(
    r"Pagefind indexed (\d+) pages in ([\d.]+) s; peak memory: Pagefind (\d+) MiB, the pages (\d+) MiB"
)


def build(kind: str, project: Path, site: Path, logs: Path, run: int, brief_ids: list[str]) -> dict:
    command = [PYTHON, "-m", "mkdocs", "build", "--site-dir", str(site)]
    if kind == "ours":
        command.insert(4, "--strict")
    shutil.rmtree(site, ignore_errors=True)
    log = logs / f"{kind}-build-{run}.log"
    seconds, peak, code = run_measured(command, project, log)
    result = {"seconds": round(seconds, 3), "peak_mib": round(peak, 1), "exit_code": code}
    if code == 0:
        result.update(site_sizes(site, brief_ids))
        if found := PAGEFIND_LINE.search(log.read_text(errors="replace")):  # our build says what it spent
            result.update(
                pagefind_pages=int(found[1]),
                pagefind_s=float(found[2]),
                pagefind_peak_mib=int(found[3]),
                pages_peak_mib=int(found[4]),
            )
    else:
        result["error"] = log.read_text(errors="replace")[-3000:]
    return result


# --- make check, mkdocs serve ------------------------------------------------------------------


def measure_check(project: Path, data: Path, logs: Path) -> dict:
    times, codes = [], []
    for run in range(3):
        seconds, _, code = run_measured([PYTHON, "-m", "macros.check", str(data)], project, logs / f"check-{run}.log")
        times.append(round(seconds, 3))
        codes.append(code)
    return {"check_s": round(statistics.median(times), 3), "check_runs_s": times, "check_exit_codes": codes}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def wait_until(condition, timeout: float, interval: float = 0.1) -> float | None:
    """Poll `condition` every `interval` s; the seconds it took, or None on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if condition():
            return time.perf_counter() - start
        time.sleep(interval)
    return None


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def measure_serve_edit(project: Path, brief_id: str, logs: Path, *, preview: bool = False) -> dict:
    """Start `mkdocs serve`, then edit one word of a brief three times; seconds until each shows.

    `preview`: serve that brief alone, as `make serve BRIEF=<id>` does; the keys start `preview_`."""
    prefix = "preview_" if preview else ""
    env = {**child_env(), "LB_PREVIEW_BRIEF": brief_id} if preview else child_env()
    port = free_port()
    url = f"http://127.0.0.1:{port}/briefs/{brief_id}.html"
    path = project / "data" / "briefs" / f"{brief_id}.yml"
    original = path.read_text(encoding="utf-8")
    lead = corpus.INTRODUCTION_START.rsplit(" ", 1)[0]  # "This synthetic brief", then the word to change
    pattern = re.compile(re.escape(lead) + r"(\s+)([a-z]+)")
    word = pattern.search(original).group(2)
    log = (logs / f"{prefix}serve.log").open("w")
    server = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    result: dict = {}
    try:
        say(f"  serve: waiting for the first build of {url}")
        first = wait_until(lambda: word in fetch(url), timeout=1200, interval=0.5)
        result["serve_first_page_s"] = round(first, 2) if first is not None else None
        if first is None:
            result["serve_error"] = "the first build was not served within 20 minutes"
            return result
        times = []
        for marker in EDIT_MARKERS:
            time.sleep(1.0)  # let the server settle after the previous rebuild
            text = path.read_text(encoding="utf-8")
            path.write_text(pattern.sub(lambda m, marker=marker: f"{lead}{m[1]}{marker}", text, 1), encoding="utf-8")
            seconds = wait_until(lambda marker=marker: marker in fetch(url), timeout=600, interval=0.1)
            times.append(round(seconds, 2) if seconds is not None else None)
            say(f"  serve: edit shown after {times[-1]} s")
        measured = [t for t in times if t is not None]
        result["serve_edit_runs_s"] = times
        result["serve_edit_s"] = round(statistics.median(measured), 2) if measured else None
    finally:
        stop(server)
        log.close()
        path.write_text(original, encoding="utf-8")
    return {prefix + key: value for key, value in result.items()}


# --- Search in headless Chromium -------------------------------------------------------------------

# The two searches a built site can have: Pagefind's (our web build) and Material's (the
# baseline). Each: how to open it, where to type, and what a shown result is.
ENGINES = {
    "pagefind": {
        "open": "pagefind-modal-trigger button",
        "box": "pagefind-modal input[type=search]",
        "result": "pagefind-modal li.pf-result",
        "index": "/pagefind/",  # its scripts, styles, WebAssembly, index chunks and fragments
    },
    "material": {
        "open": None,
        "box": "input.md-search__input",
        "result": ".md-search-result__item",
        "index": "/search/",  # its worker and its whole index
    },
}
# Three queries every synthetic brief answers: two words, one word, and a phrase of three.
SEARCH_QUERIES = [corpus.SEARCH_QUERY, "thistle", "consultation pencil lantern"]

# Records, in the page, when the last key went down and when the first result became visible.
WATCH_SCRIPT = """
window.__lastKey = null; window.__firstResult = null;
document.addEventListener('keydown', () => { window.__lastKey = performance.now(); window.__keyWall = Date.now(); }, true);
(function poll() {
  const item = window.__lastKey !== null && document.querySelector(window.__resultSelector);
  if (item && item.getClientRects().length && getComputedStyle(item).visibility !== 'hidden') {
    window.__firstResult = performance.now(); window.__resultWall = Date.now(); return;
  }
  requestAnimationFrame(poll);
})();
"""


def serve_static(directory: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [PYTHON, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(directory)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until(lambda: _port_open(port), timeout=20, interval=0.05)
    return process, f"http://127.0.0.1:{port}"


def _port_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def engine_of(site: Path) -> str:
    return "pagefind" if (site / "pagefind").is_dir() else "material"


def measure_search(site: Path, queries: list[str], attempts: int = 3) -> dict:
    """Open the home page and type each query into the site's own search, as a reader would, in
    a fresh browser each time (nothing cached): the time from the last key to the first visible
    result, and the bytes of every response finished before it (medians of `attempts`)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"search_error": "playwright is not installed (make install-test)"}
    if not Path(CHROMIUM).exists():
        return {"search_error": f"no Chromium at {CHROMIUM}"}
    engine = ENGINES[engine_of(site)]
    server, base = serve_static(site)
    found: dict = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for query in queries:
                    runs = [_search_once(browser, base, engine, query) for _ in range(attempts)]
                    found[query] = {
                        "first_result_s": round(statistics.median(r["s"] for r in runs), 3),
                        "first_result_runs_s": [round(r["s"], 3) for r in runs],
                        "bytes_kb": kb(statistics.median(r["total"] for r in runs)),
                        "index_kb": kb(statistics.median(r["index"] for r in runs)),
                        "index_gzip_kb": kb(statistics.median(r["index_gzip"] for r in runs)),
                        "requests": statistics.median(r["requests"] for r in runs),
                        "results": runs[0]["results"],
                    }
            finally:
                browser.close()
    except Exception as error:  # a browser problem must not lose the build numbers
        return {
            "search_engine": engine_of(site),
            "search": found,
            "search_error": f"{type(error).__name__}: {error}"[:500],
        }
    finally:
        stop(server)
    return {"search_engine": engine_of(site), "search": found}


def _search_once(browser, base: str, engine: dict, query: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        finished: list = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.add_init_script(f"window.__resultSelector = {json.dumps(engine['result'])};" + WATCH_SCRIPT)
        page.goto(f"{base}/index.html", wait_until="load")
        if engine["open"]:
            page.locator(engine["open"]).first.click()
        box = page.locator(engine["box"])
        box.wait_for(state="visible", timeout=60_000)
        box.click()
        box.press_sequentially(query, delay=30)
        page.wait_for_function("window.__firstResult !== null", timeout=300_000)
        marks = page.evaluate("({key: window.__lastKey, result: window.__firstResult, wall: window.__resultWall})")
        before = [
            (request, _size(request))
            for request in list(finished)
            if request.timing["startTime"] + max(request.timing["responseEnd"], 0) <= marks["wall"] + 1
        ]
        searched = [(request, size) for request, size in before if engine["index"] in request.url]
        return {
            "s": (marks["result"] - marks["key"]) / 1000,
            "total": sum(size for _, size in before),
            "index": sum(size for _, size in searched),
            "index_gzip": sum(_gzipped(request) for request, _ in searched),
            "requests": len(before),
            "results": page.locator(engine["result"]).count(),
        }
    finally:
        context.close()


def _gzipped(request) -> int:
    """The bytes a response would take gzipped, as most web servers send scripts and data (the
    benchmark's server sends them as they are)."""
    try:
        response = request.response()
        return len(gzip.compress(response.body(), 6)) if response else 0
    except Exception:
        return 0


def _size(request) -> int:
    try:
        sizes = request.sizes()
        return int(sizes["responseBodySize"]) + int(sizes["responseHeadersSize"])
    except Exception:
        response = request.response()
        return int((response.headers if response else {}).get("content-length", 0))


# --- One corpus size ------------------------------------------------------------------------------


def median_of(runs: list[dict], key: str):
    values = [run[key] for run in runs if run.get(key) is not None]
    return statistics.median(values) if values else None


def ratio(a, b, digits: int = 3):
    return round(a / b, digits) if a is not None and b else None


def kb(value, digits: int = 1):
    return round(value / KB, digits) if value is not None else None


def bench(n: int, runs: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"lb-bench-{n}-"))
    logs = work / "logs"
    logs.mkdir()
    record: dict = {"n": n, "measured_at": datetime.now(UTC).isoformat(timespec="seconds")}
    try:
        say(f"N={n}: generating the corpus in {work}")
        data = corpus.generate(work / "corpus", n)
        brief_ids = corpus.brief_ids(data)
        text = corpus.text_bytes(data)
        ours = make_project(work / "ours", data)
        base = baseline.write(data, work / "baseline") if n <= BASELINE_MAX else None
        record.update(briefs=len(brief_ids), corpus_text_kb=kb(text), corpus_text_bytes=text)

        results: dict[str, list[dict]] = {"ours": [], "baseline": []}
        projects = [("ours", ours)] + ([("baseline", base)] if n <= BASELINE_MAX else [])
        runs = 1 if n > ONE_RUN_ABOVE else runs
        for run in range(1, runs + 1):
            for kind, project in projects:
                result = build(kind, project, work / f"{kind}-site", logs, run, brief_ids)
                results[kind].append(result)
                if result["exit_code"] == 0:
                    say(
                        f"N={n}: {kind:8} build {run}/{runs}: {result['seconds']:.2f} s, peak {result['peak_mib']:.0f} MiB"
                    )
                else:
                    say(
                        f"N={n}: {kind:8} build {run}/{runs} FAILED (exit {result['exit_code']}):\n{result['error'][-1500:]}"
                    )
        for kind in ("ours", "baseline"):
            record[f"{kind}_runs"] = results[kind]

        good = {kind: [r for r in results[kind] if r["exit_code"] == 0] for kind in results}
        ours_s, baseline_s = median_of(good["ours"], "seconds"), median_of(good["baseline"], "seconds")
        ours_index, base_index = (
            median_of(good["ours"], "search_index_bytes"),
            median_of(good["baseline"], "search_index_bytes"),
        )
        ours_page = median_of(good["ours"], "median_brief_page_bytes")
        base_page = median_of(good["baseline"], "median_brief_page_bytes")
        record.update(
            runs=runs,
            ours_s=round(ours_s, 3) if ours_s is not None else None,
            baseline_s=round(baseline_s, 3) if baseline_s is not None else None,
            ratio=ratio(ours_s, baseline_s),
            ours_ms_per_brief=round(1000 * ours_s / n, 2) if ours_s is not None else None,
            baseline_ms_per_brief=round(1000 * baseline_s / n, 2) if baseline_s is not None else None,
            ours_peak_mib=median_of(good["ours"], "peak_mib"),
            ours_pagefind_s=median_of(good["ours"], "pagefind_s"),
            ours_pagefind_peak_mib=median_of(good["ours"], "pagefind_peak_mib"),
            ours_pages_peak_mib=median_of(good["ours"], "pages_peak_mib"),
            baseline_peak_mib=median_of(good["baseline"], "peak_mib"),
            peak_ratio=ratio(median_of(good["ours"], "peak_mib"), median_of(good["baseline"], "peak_mib")),
            median_brief_page_kb=kb(ours_page),
            baseline_median_brief_page_kb=kb(base_page),
            page_ratio=ratio(ours_page, base_page),
            total_html_mb=round(median_of(good["ours"], "html_bytes") / MIB, 2) if good["ours"] else None,
            baseline_total_html_mb=round(median_of(good["baseline"], "html_bytes") / MIB, 2)
            if good["baseline"]
            else None,
            html_pages=median_of(good["ours"], "html_pages"),
            baseline_html_pages=median_of(good["baseline"], "html_pages"),
            search_index_kb=kb(ours_index),
            baseline_search_index_kb=kb(base_index),
            search_index_ratio=ratio(ours_index, base_index),
            search_index_to_text=ratio(ours_index, text),
            baseline_search_index_to_text=ratio(base_index, text),
            build_errors=sum(len(results[k]) - len(good[k]) for k in results),
        )

        say(f"N={n}: timing `make check` (python -m macros.check) three times")
        record.update(measure_check(ours, data, logs))
        say(f"N={n}: check {record['check_s']} s")

        if n == 100:
            say(f"N={n}: timing `mkdocs serve` showing an edit")
            record.update(measure_serve_edit(ours, brief_ids[0], logs))
            say(f"N={n}: serve edit {record.get('serve_edit_s')} s")
        if n in (100, 1000):
            say(f"N={n}: timing `make serve BRIEF=<id>` (a one-brief preview) showing an edit")
            record.update(measure_serve_edit(ours, brief_ids[0], logs, preview=True))
            say(f"N={n}: preview edit {record.get('preview_serve_edit_s')} s")

        if n >= 1000:
            if good["ours"] and results["ours"][-1]["exit_code"] == 0:
                say(f"N={n}: searching {SEARCH_QUERIES} in headless Chromium (our site)")
                record.update(measure_search(work / "ours-site", SEARCH_QUERIES))
                say(f"N={n}: {record.get('search_engine')}: {record.get('search')} {record.get('search_error', '')}")
            if good["baseline"] and results["baseline"][-1]["exit_code"] == 0:
                say(f"N={n}: the same searches on the baseline site")
                other = measure_search(work / "baseline-site", SEARCH_QUERIES)
                record.update({f"baseline_{key}": value for key, value in other.items()})
                say(f"N={n}: baseline: {record.get('baseline_search')} {record.get('baseline_search_error', '')}")
    except Exception as error:  # report what was measured, never lose the run
        record["error"] = f"{type(error).__name__}: {error}"
        say(f"N={n}: stopped by {record['error']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return record


# --- Budgets ------------------------------------------------------------------------------------------


def budgets(records: dict[int, dict]) -> list[dict]:
    """Each target in README.md: met, not met, or not measured, with the numbers."""
    rows = []

    def add(name: str, target: str, measured: str, ok: bool | None):
        rows.append(
            {
                "budget": name,
                "target": target,
                "measured": measured,
                "status": "not measured" if ok is None else ("met" if ok else "not met"),
            }
        )

    huge, big, mid = records.get(10000), records.get(1000), records.get(100)
    if big and big.get("ours_s") and big.get("baseline_s"):
        measured = f"{big['ours_s']:.1f} s vs {big['baseline_s']:.1f} s = {big['ratio']:.2f}x"
        add("(a) full build at N=1000", "ours <= 0.25 x plain Material", measured, big["ratio"] <= 0.25)
        add("(a') full build at N=1000, held", "ours <= 0.33 x plain Material", measured, big["ratio"] <= 0.33)
    else:
        add("(a) full build at N=1000", "ours <= 0.25 x plain Material", "N=1000 not run", None)
    for small, large in ((mid, big), (big, huge)):
        if small and large and small.get("ours_ms_per_brief") and large.get("ours_ms_per_brief"):
            per_small, per_large = small["ours_ms_per_brief"], large["ours_ms_per_brief"]
            add(
                f"(b) linear growth, N={small['n']} to N={large['n']}",
                f"ms per brief at {large['n']} <= 1.15 x at {small['n']}",
                f"{per_large:.1f} ms vs {per_small:.1f} ms = {per_large / per_small:.2f}x",
                per_large <= 1.15 * per_small,
            )
    if huge and huge.get("ours_peak_mib"):
        peak = huge["ours_peak_mib"]
        parts = ""
        if huge.get("ours_pagefind_peak_mib") is not None:
            parts = (
                f" (Pagefind {huge['ours_pagefind_peak_mib'] / 1024:.2f} GiB, "
                f"making the pages {huge['ours_pages_peak_mib'] / 1024:.2f} GiB)"
            )
        add("(c) peak memory at N=10,000", "<= 2 GiB", f"{peak / 1024:.2f} GiB{parts}", peak <= 2 * 1024)
    else:
        add("(c) build at N=10,000", "linear, peak memory <= 2 GiB", "run `make bench N=10000`", None)
    pages = [(n, r["median_brief_page_kb"]) for n, r in sorted(records.items()) if r.get("median_brief_page_kb")]
    add(
        "(d) median brief page",
        "< 40 KB at every N",
        ", ".join(f"N={n}: {v:.1f} KB" for n, v in pages) or "no build",
        all(v < 40 for _, v in pages) if pages else None,
    )
    for n, r in sorted(records.items()):
        for query, found in (r.get("search") or {}).items():
            if found.get("bytes_kb") is None:
                continue
            own = found.get("index_kb")
            add(
                f"(e) search at N={n}: bytes search downloads before '{query}' answers",
                "<= 300 KB",
                f"{_fmt(own, '.0f')} KB as sent by the benchmark's server ({_fmt(found.get('index_gzip_kb'), '.0f')} KB "
                f"gzipped); {found['bytes_kb']:.0f} KB with the page itself, {found.get('requests', '?')} requests",
                own is not None and own <= 300,
            )
            add(
                f"(f) search at N={n}: last key to first result for '{query}'",
                "<= 1 s",
                f"{found['first_result_s']:.2f} s",
                found["first_result_s"] <= 1,
            )
    if big and big.get("check_s") is not None:
        add("(g) make check at N=1000", "< 2 s", f"{big['check_s']:.2f} s", big["check_s"] < 2)
    else:
        add("(g) make check at N=1000", "< 2 s", "N=1000 not run", None)
    for n, r in sorted(records.items()):
        if r.get("preview_serve_edit_s") is not None:
            seconds = r["preview_serve_edit_s"]
            add(f"(h) `make serve BRIEF=` shows an edit, N={n}", "<= 2 s", f"{seconds:.1f} s", seconds <= 2)
    if mid and mid.get("serve_edit_s") is not None:
        add(
            "(i) `make serve` (everything) shows an edit, N=100",
            "< 3 s",
            f"{mid['serve_edit_s']:.1f} s",
            mid["serve_edit_s"] < 3,
        )
    return rows


# --- Report ---------------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = subprocess.run(
        [
            PYTHON,
            "-c",
            "import sys, importlib.metadata as m; print(sys.version.split()[0]); "
            "print(m.version('mkdocs')); print(m.version('mkdocs-material')); print(m.version('mkdocs-macros-plugin'))",
        ],
        capture_output=True,
        text=True,
    ).stdout.split()
    versions += ["?"] * (4 - len(versions))
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "os": platform.platform(),
        "python": versions[0],
        "mkdocs": versions[1],
        "material": versions[2],
        "macros_plugin": versions[3],
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _fmt(value, spec: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and spec:
        return format(value, spec)
    return str(value)


HAND_SECTIONS = {  # sections of RESULTS.md written by hand, kept across runs
    HAND_SECTION: HAND_PLACEHOLDER,
    "## Beyond one machine": "_Written by hand from the measured per-brief costs._",
}


def hand_section() -> str:
    """The hand-written sections of RESULTS.md, kept across runs."""
    text = RESULTS_MD.read_text(encoding="utf-8") if RESULTS_MD.exists() else ""
    kept = []
    for heading, placeholder in HAND_SECTIONS.items():
        start = text.find(heading + "\n")
        if start == -1:
            kept.append(f"{heading}\n\n{placeholder}\n")
            continue
        end = text.find("\n## ", start + len(heading))
        kept.append(text[start : end if end != -1 else len(text)].rstrip() + "\n")
    return "\n".join(kept)


def _measures(r: dict) -> list[str]:
    """The table of one N: each measure for ours and the baseline, and their ratio."""

    def f(key: str, spec: str = "") -> str:
        return _fmt(r.get(key), spec)

    def row(label: str, ours: str, base: str = "", ratio: str = "") -> str:
        return f"| {label} | {ours} | {base} | {ratio} |"

    def runs(kind: str) -> str:
        return ", ".join(_fmt(x.get("seconds"), ".1f") for x in r.get(f"{kind}_runs", []))

    lines = [
        row("measure", "ours", "baseline", "ours / baseline"),
        "| --- | ---: | ---: | ---: |",
        row("build wall time, median (s)", f("ours_s", ".2f"), f("baseline_s", ".2f"), f("ratio", ".2f")),
        row("build runs (s)", runs("ours"), runs("baseline")),
        row("time per brief (ms)", f("ours_ms_per_brief", ".1f"), f("baseline_ms_per_brief", ".1f")),
        row(
            "peak memory of the build (MiB)",
            f("ours_peak_mib", ".0f"),
            f("baseline_peak_mib", ".0f"),
            f("peak_ratio", ".2f"),
        ),
        row(
            "of which: Pagefind indexing (s) / peak memory of Pagefind, of the rest (MiB)",
            f"{f('ours_pagefind_s', '.1f')} / {f('ours_pagefind_peak_mib', '.0f')}, {f('ours_pages_peak_mib', '.0f')}",
        ),
        row(
            "median brief page (KB)",
            f("median_brief_page_kb", ".1f"),
            f("baseline_median_brief_page_kb", ".1f"),
            f("page_ratio", ".2f"),
        ),
        row(
            "HTML pages / total HTML (MB)",
            f"{f('html_pages')} / {f('total_html_mb', '.1f')}",
            f"{f('baseline_html_pages')} / {f('baseline_total_html_mb', '.1f')}",
        ),
        row(
            "search index (KB)",
            f("search_index_kb", ".0f"),
            f("baseline_search_index_kb", ".0f"),
            f("search_index_ratio", ".2f"),
        ),
        row(
            f"search index / corpus text ({f('corpus_text_kb', '.0f')} KB)",
            f("search_index_to_text", ".2f"),
            f("baseline_search_index_to_text", ".2f"),
        ),
        row("`make check` (s, median of 3)", f("check_s", ".2f")),
    ]
    for prefix, label in (("", "`mkdocs serve`"), ("preview_", "`make serve BRIEF=<id>`")):
        if f"{prefix}serve_edit_s" in r or f"{prefix}serve_error" in r:
            edits = ", ".join(_fmt(x) for x in r.get(f"{prefix}serve_edit_runs_s", []))
            shown = (
                f"{f(prefix + 'serve_edit_s', '.1f')} (runs {edits}; first page {f(prefix + 'serve_first_page_s')} s)"
            )
            lines.append(row(f"{label}: an edit shown (s, median of 3)", shown))
            if r.get(f"{prefix}serve_error"):
                lines.append(row(f"{label} error", r[f"{prefix}serve_error"]))
    ours_search, base_search = r.get("search") or {}, r.get("baseline_search") or {}
    engines = f"{r.get('search_engine', '?')} / {r.get('baseline_search_engine', '–')}"
    if ours_search or base_search:
        lines.append(row("search engine", r.get("search_engine", "–"), r.get("baseline_search_engine", "–")))
    for query in dict.fromkeys([*ours_search, *base_search]):
        mine, theirs = ours_search.get(query, {}), base_search.get(query, {})
        lines += [
            row(
                f"search '{query}': last key to first result (s)",
                _fmt(mine.get("first_result_s"), ".2f"),
                _fmt(theirs.get("first_result_s"), ".2f"),
                _fmt(ratio(mine.get("first_result_s"), theirs.get("first_result_s")), ".2f"),
            ),
            row(
                f"search '{query}': KB downloaded before it: all (search's own; gzipped; requests)",
                f"{_fmt(mine.get('bytes_kb'), '.0f')} ({_fmt(mine.get('index_kb'), '.0f')}; "
                f"{_fmt(mine.get('index_gzip_kb'), '.0f')}; {_fmt(mine.get('requests'))})",
                f"{_fmt(theirs.get('bytes_kb'), '.0f')} ({_fmt(theirs.get('index_kb'), '.0f')}; "
                f"{_fmt(theirs.get('index_gzip_kb'), '.0f')}; {_fmt(theirs.get('requests'))})",
                _fmt(ratio(mine.get("bytes_kb"), theirs.get("bytes_kb")), ".2f"),
            ),
        ]
    for key in ("search_error", "baseline_search_error"):
        if r.get(key):
            lines.append(row(key.replace("_", " ") + f" ({engines})", r[key]))
    return lines


def report(records: list[dict], rows: list[dict], host: dict, took_s: float) -> str:
    out = [
        "# Build benchmark results",
        "",
        "Written by `make bench` (`python -m benchmarks.bench`); see [README.md](README.md) for what is",
        "measured and why. Synthetic corpus only: no real brief is used.",
        "",
        "## Machine",
        "",
        f"- CPU: {host['cpu']}, {host['cores']} cores; memory {host['memory_gib']} GiB; {host['os']}",
        f"- Python {host['python']}, MkDocs {host['mkdocs']}, Material {host['material']}, "
        f"mkdocs-macros-plugin {host['macros_plugin']}",
        f"- Run on {host['date']}; the run took {took_s / 60:.1f} minutes.",
        "",
        "## Summary",
        "",
        "| N | ours s | baseline s | ratio | ours ms/brief | ours peak MiB | baseline peak MiB "
        "| median brief page KB (ours / baseline) | search index KB (ours / baseline) | corpus text KB | check s "
        "| serve edit s | preview edit s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in records:
        out.append(
            f"| {r['n']} | {_fmt(r.get('ours_s'), '.2f')} | {_fmt(r.get('baseline_s'), '.2f')} | {_fmt(r.get('ratio'), '.2f')} "
            f"| {_fmt(r.get('ours_ms_per_brief'), '.1f')} | {_fmt(r.get('ours_peak_mib'), '.0f')} "
            f"| {_fmt(r.get('baseline_peak_mib'), '.0f')} "
            f"| {_fmt(r.get('median_brief_page_kb'), '.1f')} / {_fmt(r.get('baseline_median_brief_page_kb'), '.1f')} "
            f"| {_fmt(r.get('search_index_kb'), '.0f')} / {_fmt(r.get('baseline_search_index_kb'), '.0f')} "
            f"| {_fmt(r.get('corpus_text_kb'), '.0f')} | {_fmt(r.get('check_s'), '.2f')} | {_fmt(r.get('serve_edit_s'), '.1f')} "
            f"| {_fmt(r.get('preview_serve_edit_s'), '.1f')} |"
        )
    for r in records:
        out += ["", f"## N = {r['n']}", ""]
        if r.get("measured_at"):
            out += [f"Measured {r['measured_at']}; {r.get('runs', '?')} builds of each project, alternating.", ""]
        if r.get("error"):
            out += [f"**The run stopped early:** {r['error']}", ""]
        out += _measures(r)
        if r.get("build_errors"):
            out += ["", f"**{r['build_errors']} build(s) failed**; see `results.json` for the log tail."]
    out += [
        "",
        "## Budgets",
        "",
        "| budget | target | measured | status |",
        "| --- | --- | --- | --- |",
    ]
    out += [f"| {row['budget']} | {row['target']} | {row['measured']} | **{row['status']}** |" for row in rows]
    out += [
        "",
        "## Method",
        "",
        "- `benchmarks/corpus.py` writes N synthetic briefs (three cases, about six strengths and eight",
        "  key messages each, two to four questions per key message, half by theme and half case by",
        "  case, years 2000-01 to 2099-00) and 25 synthetic themes into a temporary folder.",
        '- "ours" is this project\'s mkdocs.yml, docs/, macros/, overrides/ and CONTRIBUTING.md next to',
        '  that data/; "baseline" (`benchmarks/baseline.py`) is plain MkDocs + Material with the same',
        "  text, one Markdown page per brief and per theme, every brief and theme in `nav`, no macros,",
        "  no hooks, `use_directory_urls: false`, search on.",
        "- Each project is built with `python -m mkdocs build --site-dir ...` (ours with `--strict`),",
        "  alternating ours and baseline; the wall time and the child's peak RSS (from `os.wait4`) are",
        "  recorded per build and the median is reported. Sizes are read from the built site: all",
        "  `*.html`, `briefs/<id>.html` per brief, and `search/search_index.json`. KB = 1024 bytes.",
        "- Corpus text = UTF-8 bytes of every brief's title, introduction, case summaries, strength",
        "  titles, texts and points, key message titles, texts, questions and closings.",
        "- `make check` = `python -m macros.check <data>`, median of 3.",
        "- At N=100, `mkdocs serve` runs on our project; one word of a brief's introduction is changed",
        "  three times and the page is polled every 0.1 s until it shows the new word. At N=100 and",
        "  N=1000 the same is done with `LB_PREVIEW_BRIEF=<id>` (`make serve BRIEF=<id>`).",
        f"- Above N={BASELINE_MAX} only our site is built (once): the baseline, with every page in its nav,",
        "  grows with N squared. Linear growth compares our time per brief with the size below.",
        "- At N>=1000, each built site is served by `python -m http.server` and opened in headless",
        "  Chromium (Playwright) in a fresh context (nothing cached); the site's own search is opened",
        "  and each query typed 30 ms a key. The time from the last keystroke to the first visible",
        "  result is taken in the page; the bytes are those of every response finished before that",
        "  result, page and scripts included (median of 3). Our web build searches with Pagefind;",
        "  the baseline with Material's search. The search index size is what the site holds on disk",
        "  for search (Pagefind's folder; Material's search_index.json).",
        "- Wall-clock numbers vary with the machine's load; nothing here is asserted.",
        "",
        hand_section().rstrip(),
        "",
    ]
    return "\n".join(out)


def sizes_from_env() -> list[int]:
    raw = os.environ.get("N", "").strip() or "10,100,1000"
    return sorted({int(part) for part in raw.replace(" ", "").split(",") if part})


def main() -> int:
    sizes = sizes_from_env()
    runs = max(3, int(os.environ.get("RUNS", "3") or 3))
    say(f"benchmark: N={','.join(map(str, sizes))}, {runs} builds of each project per N, python {PYTHON}")
    fresh = [bench(n, runs) for n in sizes]

    kept = []
    if RESULTS_JSON.exists():  # keep earlier records for sizes not run this time
        try:
            kept = [r for r in json.loads(RESULTS_JSON.read_text()) if r.get("n") not in sizes]
        except (ValueError, AttributeError):
            kept = []
    records = sorted(kept + fresh, key=lambda r: r["n"])
    rows = budgets({r["n"]: r for r in records})
    took = time.monotonic() - STARTED
    RESULTS_JSON.write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")
    RESULTS_MD.write_text(report(records, rows, machine(), took), encoding="utf-8")

    say("budgets:")
    for row in rows:
        say(f"  {row['status']:>12}  {row['budget']}: {row['measured']} (target {row['target']})")
    say(f"wrote {RESULTS_JSON.relative_to(ROOT)} and {RESULTS_MD.relative_to(ROOT)} in {took / 60:.1f} minutes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
