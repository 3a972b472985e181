"""Command line: ``pipeline run | show | export | toxicity``.

``run`` is the main job: it cleans every file under ``--raw`` into the
versioned store at ``--clean`` as a Prefect flow (Prefect's embedded mode
when no server is configured), shows a progress bar and ends with a summary.
Its exit status is 0 when every input became a document, 3 when some were
rejected (see the summary and ``clean/rejects.jsonl``), 1 on errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_ERROR, EXIT_REJECTS = 0, 1, 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as the shell reports `cat big | head`


def _parse_overrides(pairs: list[str]) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--set wants NAME=VALUE, got {pair!r}")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


def format_summary(summary: dict[str, Any]) -> str:
    lines = [
        f"documents: {summary.get('discovered', 0)} inputs -> {summary['cleaned']} cleaned (new versions), "
        f"{summary['unchanged']} unchanged, {summary['rejected']} rejected",
    ]
    if summary["rejected_by_reason"]:
        lines.append("rejected by reason: " + ", ".join(f"{k} {v}" for k, v in summary["rejected_by_reason"].items()))
    if summary["removed_by_kind"]:
        lines.append("removed blocks by kind: " + ", ".join(f"{k} {v}" for k, v in summary["removed_by_kind"].items()))
    if summary["languages"]:
        lines.append("languages: " + ", ".join(f"{k} {v}" for k, v in summary["languages"].items()))
    if summary.get("flags"):
        lines.append("flags: " + ", ".join(f"{k} {v}" for k, v in summary["flags"].items()))
    lines.append(f"output: {summary['clean_dir']} ({summary['documents_in_store']} documents); "
                 f"run summary {summary.get('summary_path', '')}")
    return "\n".join(lines)


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.store import StoreError

    overrides = _parse_overrides(args.set)
    raw, clean = Path(args.raw), Path(args.clean)
    if not raw.is_dir():
        print(f"error: raw directory {raw} does not exist", file=sys.stderr)
        return EXIT_ERROR
    try:
        summary = _run_with_progress(raw, clean, overrides, args)
    except StoreError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    print(format_summary(summary))
    return EXIT_REJECTS if summary["rejected"] else EXIT_OK


def _run_with_progress(raw: Path, clean: Path, overrides: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    from tqdm import tqdm

    from pipeline.runner import default_workers, run_local

    bar = tqdm(desc="cleaning", unit="doc", file=sys.stderr, disable=args.quiet)

    def advance(result: dict[str, Any]) -> None:
        bar.update(len(result["written"]) + len(result["unchanged"]) + len(result["rejects"]))

    workers = args.workers or default_workers()
    try:
        if workers > 1:
            from pipeline.parallel import start_forkserver

            start_forkserver()  # loads the models while Prefect (or the local runner) starts
        if args.engine == "prefect":  # the clean-corpus flow, in embedded mode unless a server is set
            from pipeline.flows import clean_corpus, in_process_run, reporting_progress

            with in_process_run(), reporting_progress(advance):
                return clean_corpus(raw_dir=str(raw), clean_dir=str(clean), batch_size=args.batch_size,
                                    workers=args.workers, overrides=overrides or None)
        return run_local(raw, clean, overrides or None, args.batch_size, workers, advance)
    finally:
        bar.close()


def cmd_show(args: argparse.Namespace) -> int:
    from pipeline.store import Store

    store = Store(Path(args.clean))
    try:
        record = store.get(args.id, args.version)
    except (KeyError, FileNotFoundError):
        print(f"error: no document {args.id!r} in {args.clean}", file=sys.stderr)
        return EXIT_ERROR
    meta = record["metadata"]
    print(f"id:       {record['id']}  (version {record['version']} of {len(store.version_numbers(record['id']))})")
    print(f"source:   {record['source']}")
    print(f"title:    {record['title']}")
    print(f"author:   {record['author']}")
    print(f"language: {record['language']} ({meta.get('language_probability')})")
    print(f"words:    {meta.get('words')}   flags: {', '.join(meta.get('flags', [])) or '-'}")
    print("\n" + record["text"] + "\n")
    print(f"removed blocks ({len(meta.get('removed', []))}):")
    for item in meta.get("removed", []):
        print(f"  block {item['block']:>3}  {item['kind']:<28} {item['rule']:<40} {item['words']:>4} words")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from pipeline.store import Store

    store = Store(Path(args.clean))
    out = sys.stdout
    for record in store.iter_latest():
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return EXIT_OK


def cmd_toxicity(args: argparse.Namespace) -> int:
    """Score JSON Lines on stdin (a ``text`` field each); see pipeline.comments.jsonl."""
    from pipeline.comments.jsonl import score_json_lines

    return score_json_lines(sys.stdin, sys.stdout, sys.stderr, args.threshold)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="clean every file under --raw into --clean")
    run.add_argument("--raw", default="raw", help="input directory (default: raw)")
    run.add_argument("--clean", default="clean", help="output store (default: clean)")
    run.add_argument("--batch-size", type=int, default=None,
                     help="documents per batch/task (default: about 8 batches per worker, 20-500 each)")
    run.add_argument("--workers", type=int, default=None, help="parallel processes (default: all cores)")
    run.add_argument("--engine", choices=["prefect", "local"], default="prefect",
                     help="prefect: run as the clean-corpus flow (default); local: no Prefect")
    run.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                     help="override a config setting, e.g. --set language_sample_chars=800")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.set_defaults(func=cmd_run)

    show = sub.add_parser("show", help="print a document's latest version and what was removed")
    show.add_argument("id", help="document id (or a unique prefix, or its source path)")
    show.add_argument("--clean", default="clean")
    show.add_argument("--version", type=int, default=None)
    show.set_defaults(func=cmd_show)

    export = sub.add_parser("export", help="latest version of every document as JSON Lines on stdout")
    export.add_argument("--clean", default="clean")
    export.set_defaults(func=cmd_export)

    tox = sub.add_parser("toxicity", help="score JSON Lines on stdin (field 'text') for toxicity")
    tox.add_argument("--threshold", type=float, default=None,
                     help="score at which a text is toxic (default: the model's operating threshold)")
    tox.set_defaults(func=cmd_toxicity)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        # The reader stopped early (`pipeline export | head`): nothing to report. Point
        # stdout at /dev/null so the interpreter's last flush does not raise again, and
        # exit as a process killed by SIGPIPE would.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
