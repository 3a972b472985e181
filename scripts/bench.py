"""Benchmark: documents per second and peak memory of the batch function and the flow.

Generates N realistic pages of about 10 KB into a temporary directory (each
one a seed page's header and trailing boilerplate around paragraphs drawn
from all seed pages, shuffled and lightly varied, so no two are the same),
then measures:

  (a) the bare batch function (pipeline.batch.process_batch) in one process;
  (b) the clean-corpus flow on all cores (a fresh clean/);
  (c) the same flow again with nothing changed.

The phases import a snapshot of ``pipeline/`` copied at the start: the
pipeline fingerprint hashes the code, so an edit to the working tree between
(b) and (c) would otherwise (rightly) make (c) clean everything again.

Each phase runs in its own Python process so its peak memory (RSS of the
process and all its children, sampled every 50 ms) is its own. (b) and (c)
call the flow in-process, as `pipeline run` does (flows.in_process_run:
no flow-run heartbeats), against one temporary Prefect server started once;
the figures are given without the server's start-up (a server that is
already up) and with it (what `pipeline run` in embedded mode pays once per
call). A deployment run also pays its worker's process start and Prefect's
heartbeat-thread join (up to 1 s, printed as the empty run with heartbeats).

    .venv/bin/python scripts/bench.py            # 2,000 documents, median of 3 runs
    .venv/bin/python scripts/bench.py --n 10000 --repeat 1  # memory must not grow with N
    .venv/bin/python scripts/bench.py --profile  # where (a) spends its time
    .venv/bin/python scripts/bench.py --stage-cost split_comment_threads  # what one stage adds

Targets on 2 cores (issue 3): (a) >= 100 docs/s; (b) >= 1.6 x (a);
(c) <= 10 % of (b)'s time; peak memory flat in N. Issue 4: the comment stage
adds < 10 % to the rest of the pipeline (``--stage-cost``: after the usual
phases, (a) with and (a) without the stage run side by side in two processes,
``--stage-pairs`` times, and their CPU times are compared; the stage's own CPU
time inside (a) is printed as a cross-check).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEEDS_RAW = REPO.parent / "shared" / "seeds" / "raw"
FALLBACK_RAW = REPO / "raw"
# A document of this many bytes is what the targets are stated for.
TARGET_DOC_BYTES = 10_000
# A trailer line with at least this many words is a reader comment, varied per page.
PARAGRAPH_MIN_WORDS = 25
SAMPLE_SECONDS = 0.05
TARGETS = {"a_docs_per_s": 100.0, "b_over_a": 1.6, "c_over_b": 0.10}


# --- corpus -----------------------------------------------------------------

def split_page(text: str) -> tuple[list[str], list[str], list[str]]:
    """A seed page as (header lines, article paragraphs, trailing lines).

    The pipeline itself says where the article is: its content blocks are the
    paragraphs, what comes before them the header (masthead, title, byline),
    what comes after the trailer (tags, share buttons, comment threads). Cut
    by paragraph length instead, seed 003's long reader comments joined the
    paragraph pool, and a "Leave a Reply" dropped mid-page turned the rest of
    a generated article into 5-8 KB "comments".
    """
    from pipeline.clean import clean_record
    from pipeline.model import Document
    from pipeline.sources import RawRecord

    doc = clean_record(RawRecord("seed.txt", "seed", data=text.encode("utf-8")))
    lines = text.split("\n")
    if not isinstance(doc, Document) or len(doc.text.split("\n")) != len(lines):
        return lines[:1], [line for line in lines[1:] if line.strip()], []
    # Block i is the i-th non-blank line (pipeline.blocks.split_blocks).
    line_of = [n for n, line in enumerate(doc.text.split("\n")) if line.strip()]
    content = [line_of[b.index] for b in doc.content]
    if not content:
        return lines[:1], [line for line in lines[1:] if line.strip()], []
    first, last = content[0], content[-1]
    return lines[:first], [lines[n] for n in content], lines[last + 1:]


def load_seed_pages(raw_dir: Path) -> list[tuple[list[str], list[str], list[str]]]:
    return [split_page(p.read_text(encoding="utf-8")) for p in sorted(raw_dir.glob("*.txt"))]


def vary(paragraph: str, rng: random.Random) -> str:
    """Swap two neighbouring sentences sometimes and tag a number, so pages differ byte-wise."""
    sentences = re.split(r"(?<=[.!?”])\s+", paragraph)
    if len(sentences) > 2 and rng.random() < 0.5:
        i = rng.randrange(len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    if rng.random() < 0.3:
        sentences.append(f"That was point {rng.randrange(1, 999)}.")
    return " ".join(sentences)


Page = tuple[list[str], list[str], list[str]]


def make_page(index: int, seeds: list[Page], pool: list[str]) -> str:
    """A seed's header and trailer around article paragraphs drawn from every seed.

    The trailer's long lines (reader comments) are varied too, so no two
    pages share a comment thread and no per-text memo can skip the scoring.
    """
    rng = random.Random(index)
    header, _, tail = seeds[index % len(seeds)]
    header = list(header) or ["Untitled"]
    header[0] = f"{header[0]} ({index})"
    tail = [vary(line, rng) if len(line.split()) >= PARAGRAPH_MIN_WORDS else line for line in tail]
    body: list[str] = []
    size = sum(len(b) for b in header + tail)
    while size < TARGET_DOC_BYTES:
        paragraph = vary(rng.choice(pool), rng)
        body.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n".join(header) + "\n\n" + "\n\n".join(body) + "\n\n" + "\n".join(tail) + "\n"


def generate(n: int, out_dir: Path, seed_dir: Path) -> int:
    """Write ``n`` pages into ``out_dir`` (streamed: one page in memory at a time); total bytes."""
    seeds = load_seed_pages(seed_dir)
    pool = [p for _, body, _ in seeds for p in body]
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        data = make_page(i, seeds, pool).encode("utf-8")
        (out_dir / f"{i // 1000:03d}" / f"page_{i:06d}.txt").parent.mkdir(exist_ok=True)
        (out_dir / f"{i // 1000:03d}" / f"page_{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


# --- measuring -----------------------------------------------------------------

class PeakRss:
    """Peak resident memory and CPU time of this process and all its descendants.

    Sampled in a thread every 50 ms. CPU seconds do not depend on what else
    the machine is running, so they show the flow's overhead even when
    wall-clock figures are noisy (a process that ends between two samples
    loses at most its last 50 ms).
    """

    def __init__(self) -> None:
        import psutil

        self._root = psutil.Process()
        self.peak = 0
        self._cpu: dict[int, float] = {}
        self._baseline: dict[int, float] = {}  # CPU already used by processes alive at the start
        for proc in [self._root, *self._root.children(recursive=True)]:
            try:
                times = proc.cpu_times()
                self._baseline[proc.pid] = times.user + times.system
            except psutil.Error:
                continue
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @property
    def cpu_seconds(self) -> float:
        return sum(used - self._baseline.get(pid, 0.0) for pid, used in self._cpu.items())

    def _sample(self) -> None:
        import psutil

        while True:
            total = 0
            try:
                procs = [self._root, *self._root.children(recursive=True)]
            except psutil.Error:
                procs = [self._root]
            for proc in procs:
                try:
                    with proc.oneshot():
                        total += proc.memory_info().rss
                        times = proc.cpu_times()
                        self._cpu[proc.pid] = times.user + times.system
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            if self._stop.wait(SAMPLE_SECONDS):
                return

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def phase_batch(raw: Path, clean: Path, batch_size: int | None, without: str | None = None,
                timed_stage: str | None = None) -> dict[str, Any]:
    """(a): every batch through process_batch, one after the other, in this process.

    ``without`` names a stage to leave out (``--stage-cost``): what the pipeline costs without it.
    ``timed_stage`` names one whose own CPU time is added up (``stage_cpu`` in the result).
    """
    import pipeline.stages
    from pipeline.batch import process_batch
    from pipeline.runner import plan_batches

    names = [stage.__name__ for stage in pipeline.stages.STAGES]
    for name in filter(None, (without, timed_stage)):
        if name not in names:
            raise SystemExit(f"--stage-cost: no stage {name!r}; the stages are {', '.join(names)}")
    if without:
        pipeline.stages.STAGES = tuple(s for s in pipeline.stages.STAGES if s.__name__ != without)
    stage_cpu = [0.0]
    if timed_stage:
        time_stage(timed_stage, stage_cpu)

    def work() -> tuple[int, int]:
        pages = records = 0
        for batch in plan_batches(raw, batch_size):
            result = process_batch(batch, raw, clean)
            pages += len(batch)
            records += len(result["written"]) + len(result["unchanged"]) + len(result["rejects"])
        return pages, records

    with PeakRss() as rss:
        started = time.process_time()
        seconds, (pages, records) = timed(work)
        own_cpu = time.process_time() - started
    # Rates count input pages in every phase; appended articles make more records than pages.
    return {"seconds": seconds, "docs": pages, "records": records, "peak_rss": rss.peak, "cpu": rss.cpu_seconds,
            "own_cpu": own_cpu, "stage_cpu": stage_cpu[0]}


def time_stage(name: str, total: list[float]) -> None:
    """Wrap the stage ``name`` (and its chunk form) so its CPU time adds up in ``total[0]``."""
    import pipeline.stages

    def timed_call(function: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args)
            finally:
                total[0] += time.process_time() - started
        return call

    stage = next(s for s in pipeline.stages.STAGES if s.__name__ == name)
    chunk = pipeline.stages.CHUNK_STAGES.pop(stage, None)
    wrapped = timed_call(stage)
    wrapped.__name__ = name
    pipeline.stages.STAGES = tuple(wrapped if s is stage else s for s in pipeline.stages.STAGES)
    if chunk is not None:
        pipeline.stages.CHUNK_STAGES[wrapped] = timed_call(chunk)


def phase_flows(raw: Path, clean: Path, batch_size: int | None, workers: int | None) -> dict[str, Any]:
    """(b) and (c): the flow twice against one temporary Prefect server."""
    from prefect.server.api.server import SubprocessASGIServer

    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    server = SubprocessASGIServer()
    server.start()
    server_seconds = time.perf_counter() - started
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        from pipeline.flows import clean_corpus, in_process_run
        from pipeline.parallel import start_forkserver
        from pipeline.runner import default_workers

        out: dict[str, Any] = {"server_seconds": server_seconds, "load_before": load_before}
        if (workers or default_workers()) > 1:
            start_forkserver()  # as `pipeline run` does before the flow
        for name in ("b", "c"):
            with PeakRss() as rss, in_process_run():
                seconds, summary = timed(lambda: clean_corpus(
                    raw_dir=str(raw), clean_dir=str(clean), batch_size=batch_size, workers=workers))
            out[name] = {"seconds": seconds, "docs": summary["discovered"],
                         "cleaned": summary["cleaned"], "unchanged": summary["unchanged"],
                         "rejected": summary["rejected"],
                         "rejected_by_reason": summary["rejected_by_reason"],
                         "batch_seconds": summary["batch_seconds"],
                         "peak_rss": rss.peak, "cpu": rss.cpu_seconds}
        out["load_after"] = os.getloadavg()[0]
        out["empty_flow_heartbeats_seconds"] = min(timed(empty_flow)[0] for _ in range(3))
        with in_process_run():
            out["empty_flow_seconds"] = min(timed(empty_flow)[0] for _ in range(3))
        return out
    finally:
        server.stop()


def snapshot_code(work: Path) -> Path:
    """Copy ``pipeline/`` into ``work/code`` (what the phases import), without caches."""
    import shutil

    target = work / "code"
    shutil.copytree(REPO / "pipeline", target / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return target


def empty_flow() -> None:
    """A flow that does nothing: Prefect's own fixed cost per flow run (create, states,
    and up to 1 s joining its heartbeat thread at the end), which (c) cannot go below."""
    from prefect import flow

    @flow(name="bench-empty", persist_result=False)
    def nothing() -> None:
        return None

    nothing()


def run_phase(args: list[str], code: Path) -> dict[str, Any]:
    """Run one phase in a fresh interpreter so its memory peak is its own."""
    return finish_phase(start_phase(args, code), args)


def start_phase(args: list[str], code: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING", PYTHONPATH=str(code))
    env.pop("PREFECT_API_URL", None)
    return subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=code)


def finish_phase(process: subprocess.Popen[str], args: list[str]) -> dict[str, Any]:
    out, err = process.communicate()
    if process.returncode != 0:
        sys.stderr.write(err[-4000:])
        raise SystemExit(f"phase {args[:2]} failed with status {process.returncode}")
    return json.loads(out.strip().splitlines()[-1])


def stage_cost_pairs(stage: str, pairs: int, common: list[str], code: Path) -> Iterator[tuple[dict[str, Any],
                                                                                          dict[str, Any]]]:
    """(a) with and without ``stage``, run at the same time in two processes, ``pairs`` times.

    Side by side, both halves of a pair meet the same state of the machine (its clock, the
    other tenants of the host); run one after the other they did not, and six sequential
    pairs of the same code ranged from 1 % to 36 %. Each pair starts the other one first.
    """
    for pair in range(pairs):
        with_args = ["--phase", "batch", "--run", str(100 + pair), "--time-stage", stage, *common]
        without_args = ["--phase", "batch", "--run", str(100 + pair), "--without", stage, *common]
        order = [with_args, without_args] if pair % 2 == 0 else [without_args, with_args]
        started = [(start_phase(args, code), args) for args in order]
        results = [finish_phase(process, args) for process, args in started]
        yield (results[0], results[1]) if pair % 2 == 0 else (results[1], results[0])


def profile_batch(raw: Path, clean: Path, batch_size: int | None, top: int = 25) -> None:
    """cProfile of (a) on the first few batches: where a document's time goes."""
    import cProfile
    import pstats

    from pipeline.batch import process_batch
    from pipeline.runner import plan_batches

    batches = plan_batches(raw, batch_size)[:4]
    process_batch(batches[0][:1], raw, clean)  # imports and caches outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    for batch in batches:
        process_batch(batch, raw, clean)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)


def mb(n: int) -> str:
    return f"{n / 1e6:.0f} MB"


def median_runs(a_runs: list[dict[str, Any]],
                flow_runs: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The median run of each of (a), (b) and (c), with every run's time kept for the report.

    This machine has slow and fast spells, not only noise that adds time, so
    neither the fastest nor the slowest run is the code's cost; the median is.
    The ratios are the medians of the per-run ratios: (a) and the flows of one
    run are measured back to back, under the same spell. Peak memory is the
    largest seen in any run.
    """
    def median(runs: list[dict[str, Any]]) -> dict[str, Any]:
        return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]

    a = dict(median(a_runs), runs=[r["seconds"] for r in a_runs],
             peak_rss=max(r["peak_rss"] for r in a_runs))
    flows = dict(flow_runs[0])
    for name in ("b", "c"):
        flows[name] = dict(median([r[name] for r in flow_runs]), runs=[r[name]["seconds"] for r in flow_runs],
                           peak_rss=max(r[name]["peak_rss"] for r in flow_runs))
    for key in ("server_seconds", "empty_flow_seconds", "empty_flow_heartbeats_seconds"):
        flows[key] = statistics.median(r[key] for r in flow_runs)
    flows["b_over_a"] = statistics.median(ar["seconds"] / fr["b"]["seconds"]
                                          for ar, fr in zip(a_runs, flow_runs, strict=True))
    flows["c_over_b"] = statistics.median(fr["c"]["seconds"] / fr["b"]["seconds"] for fr in flow_runs)
    return a, flows


def report(n: int, total_bytes: int, a: dict[str, Any], flows: dict[str, Any]) -> Iterator[str]:
    b, c, server = flows["b"], flows["c"], flows["server_seconds"]
    a_rate = a["docs"] / a["seconds"]
    b_rate, b_rate_srv = b["docs"] / b["seconds"], b["docs"] / (b["seconds"] + server)
    c_ratio = c["seconds"] / b["seconds"]
    c_ratio_srv = (c["seconds"] + server) / (b["seconds"] + server)
    c_rate = c["docs"] / c["seconds"]
    yield f"corpus: {n} documents, {total_bytes / n / 1000:.1f} KB average, {os.cpu_count()} cores"
    yield (f"load average before/after: {flows.get('load_before', '?')} / "
           f"{flows.get('load_after', '?')} (above ~0.5, other work shares the cores)")
    yield (f"(a) batch function, 1 process : {a['seconds']:7.2f} s  {a_rate:7.1f} docs/s"
           f"  peak {mb(a['peak_rss'])}  ({a.get('records', '?')} records from {a['docs']} pages)")
    yield (f"(b) flow, all cores           : {b['seconds']:7.2f} s  {b_rate:7.1f} docs/s"
           f"  peak {mb(b['peak_rss'])}  ({b['cleaned']} cleaned, {b['rejected']} rejected"
           f" {b.get('rejected_by_reason') or ''})")
    yield (f"(c) flow re-run, no change    : {c['seconds']:7.2f} s  {c_rate:7.1f} docs/s"
           f"  peak {mb(c['peak_rss'])}  ({c['unchanged']} unchanged, {c['cleaned']} cleaned)")
    runs = "  ".join(f"{name} " + "/".join(f"{x:.2f}" for x in phase.get("runs", [])) for name, phase
                     in (("(a)", a), ("(b)", b), ("(c)", c)))
    yield f"every run, seconds (median used): {runs}"
    yield (f"CPU seconds (all processes)   : (a) {a['cpu']:.1f}   (b) {b['cpu']:.1f}"
           f" (batches alone {b['batch_seconds']:.1f})   (c) {c['cpu']:.1f}")
    yield (f"an empty Prefect flow run      : {flows['empty_flow_seconds']:7.2f} s"
           " (Prefect's fixed cost per run, included in (b) and (c))")
    heartbeats = flows.get("empty_flow_heartbeats_seconds", float("nan"))
    yield (f"  ... with heartbeats on       : {heartbeats:7.2f} s"
           " (a deployment run: Prefect joins its heartbeat thread, which sleeps in 1 s steps)")
    yield (f"temporary Prefect server start: {server:7.2f} s"
           " (paid once per `pipeline run`, not by deployment runs)")
    yield ""
    yield f"(a) {a_rate:.1f} docs/s            target >= {TARGETS['a_docs_per_s']:.0f}"
    b_over_a = flows.get("b_over_a", b_rate / a_rate)
    yield (f"(b)/(a) {b_over_a:.2f}x (with server start {b_rate_srv / a_rate:.2f}x)"
           f"   target >= {TARGETS['b_over_a']}")
    yield (f"(c)/(b) {flows.get('c_over_b', c_ratio):.1%} of the time (with server start {c_ratio_srv:.1%})"
           f"   target <= {TARGETS['c_over_b']:.0%}")


def stage_cost_report(stage: str, with_runs: list[dict[str, Any]],
                      without_runs: list[dict[str, Any]]) -> Iterator[str]:
    """What one stage adds to the rest of the pipeline, in CPU seconds of (a), run by run.

    CPU rather than wall time: both are one process, and CPU time is less moved by other
    work on the machine. The share is the median of the per-run ratios.
    """
    pairs = list(zip(with_runs, without_runs, strict=True))
    shares = [100 * (w["own_cpu"] - wo["own_cpu"]) / wo["own_cpu"] for w, wo in pairs]
    added = statistics.median(w["own_cpu"] - wo["own_cpu"] for w, wo in pairs)
    pages = with_runs[0]["docs"]
    inside = [100 * w["stage_cpu"] / (w["own_cpu"] - w["stage_cpu"]) for w in with_runs]
    yield ""
    yield (f"{stage}: adds {statistics.median(shares):.1f} % to the rest of (a) "
           f"({1000 * added / pages:.2f} ms of CPU a page; {len(pairs)} pairs run side by side, "
           "median); every pair: " + " / ".join(f"{share:.1f} %" for share in shares))
    yield (f"{stage}'s own CPU inside (a), timed in-process: {statistics.median(inside):.1f} % of the "
           "rest (every run: " + " / ".join(f"{share:.1f} %" for share in inside)
           + "; leaves out what the stage makes others do, e.g. writing comments.json)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="documents (default 2000)")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="documents per batch (default: the flow's automatic size)")
    parser.add_argument("--workers", type=int, default=None,
                        help="flow processes (default: all cores)")
    parser.add_argument("--seeds", type=Path,
                        default=SEEDS_RAW if SEEDS_RAW.is_dir() else FALLBACK_RAW)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--profile", action="store_true", help="profile (a) instead of timing")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each phase; the median counts (default 3)")
    parser.add_argument("--stage-cost", metavar="STAGE",
                        help="also run (a) without this stage (e.g. split_comment_threads) and report "
                             "how much the stage adds to the rest of the pipeline")
    parser.add_argument("--stage-pairs", type=int, default=6,
                        help="with --stage-cost: side-by-side pairs with and without the stage (default 6)")
    parser.add_argument("--phase", choices=["batch", "flows"], help=argparse.SUPPRESS)
    parser.add_argument("--without", help=argparse.SUPPRESS)
    parser.add_argument("--time-stage", help=argparse.SUPPRESS)
    parser.add_argument("--run", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.phase:  # child process: one measurement, JSON on the last line
        import pipeline

        assert Path(pipeline.__file__).parent == args.dir / "code" / "pipeline", pipeline.__file__
        raw = args.dir / "raw"
        if args.phase == "batch":
            clean = args.dir / f"clean-a{args.run}{'-without' if args.without else ''}"
            result = phase_batch(raw, clean, args.batch_size, args.without, args.time_stage)
        else:
            result = phase_flows(raw, args.dir / f"clean-b{args.run}", args.batch_size, args.workers)
        print(json.dumps(result))
        return 0

    work = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    print(f"generating {args.n} documents in {work} ...", flush=True)
    total = generate(args.n, work / "raw", args.seeds)
    if args.profile:
        profile_batch(work / "raw", work / "clean-p", args.batch_size)
        return 0
    common = ["--dir", str(work), "--n", str(args.n)]
    if args.batch_size:
        common += ["--batch-size", str(args.batch_size)]
    code = snapshot_code(work)
    workers = ["--workers", str(args.workers)] if args.workers else []
    a_runs: list[dict[str, Any]] = []
    flow_runs: list[dict[str, Any]] = []
    for run in range(args.repeat):  # interleaved, so a slow spell of the machine hits both
        print(f"run {run + 1}/{args.repeat}: (a) batch function in one process ...", flush=True)
        a_runs.append(run_phase(["--phase", "batch", "--run", str(run), *common], code))
        print(f"run {run + 1}/{args.repeat}: (b) and (c) flow on all cores, twice ...", flush=True)
        flow_runs.append(run_phase(["--phase", "flows", "--run", str(run), *common, *workers], code))
    pairs = []
    if args.stage_cost:
        for number, pair in enumerate(stage_cost_pairs(args.stage_cost, args.stage_pairs, common, code), 1):
            print(f"pair {number}/{args.stage_pairs}: (a) with and without {args.stage_cost}, side by side",
                  flush=True)
            pairs.append(pair)
    a, flows = median_runs(a_runs, flow_runs)
    print()
    for line in report(args.n, total, a, flows):
        print(line)
    if pairs:
        for line in stage_cost_report(args.stage_cost, [w for w, _ in pairs], [wo for _, wo in pairs]):
            print(line)
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
