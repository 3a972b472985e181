"""The run summary as Prefect artifacts: a table of counts and a markdown note.

Building the artifacts is pure (dicts and strings from the summary that
:func:`pipeline.runner.merge_results` returns), so it is tested without a
server; :func:`publish_artifacts` is the thin part that talks to Prefect.

Keys are per deployment (``clean-corpus-nightly-counts``), so the runs of
one deployment form a history in the UI and in ``prefect artifact inspect``;
runs outside a deployment (the CLI, tests) use ``clean-corpus-local-*``.

>>> artifact_key_base("Nightly Run")
'clean-corpus-nightly-run'
>>> artifact_key_base(None)
'clean-corpus-local'
>>> summary = {"cleaned": 2, "unchanged": 1, "rejected": 1, "rejected_by_reason": {"empty": 1},
...            "removed_by_kind": {"boilerplate:share": 3}, "languages": {"en": 3}}
>>> [(row["section"], row["name"], row["count"]) for row in summary_table(summary)][2:4]
[('documents', 'rejected', 1), ('rejected', 'empty', 1)]
"""

from __future__ import annotations

import re
from typing import Any

KEY_PREFIX = "clean-corpus"
LOCAL_NAME = "local"
# Which summary dict goes into which table section, in display order.
TABLE_SECTIONS = (
    ("rejected", "rejected_by_reason"),
    ("removed", "removed_by_kind"),
    ("language", "languages"),
    ("flag", "flags"),
)


def artifact_key_base(deployment_name: str | None) -> str:
    """A valid artifact key prefix (lowercase letters, digits, dashes) for a deployment.

    >>> artifact_key_base("ad_hoc / v2")
    'clean-corpus-ad-hoc-v2'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", (deployment_name or "").lower()).strip("-")
    return f"{KEY_PREFIX}-{slug or LOCAL_NAME}"


def artifact_keys(deployment_name: str | None) -> dict[str, str]:
    """The two keys a run publishes under.

    >>> artifact_keys(None)
    {'table': 'clean-corpus-local-counts', 'markdown': 'clean-corpus-local-summary'}
    """
    base = artifact_key_base(deployment_name)
    return {"table": f"{base}-counts", "markdown": f"{base}-summary"}


def summary_table(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per count: documents cleaned/unchanged/rejected, then each breakdown."""
    rows = [{"section": "documents", "name": name, "count": int(summary.get(name, 0))}
            for name in ("cleaned", "unchanged", "rejected")]
    for section, field in TABLE_SECTIONS:
        for name, count in (summary.get(field) or {}).items():
            rows.append({"section": section, "name": name, "count": int(count)})
    return rows


def _inline(counts: dict[str, int] | None) -> str:
    return ", ".join(f"{name} {count}" for name, count in (counts or {}).items()) or "none"


def summary_markdown(summary: dict[str, Any]) -> str:
    """What a person wants after a run: how many, why rejected, and where the output is.

    >>> print(summary_markdown({"cleaned": 1, "unchanged": 0, "rejected": 0, "discovered": 1,
    ...                         "clean_dir": "/data/clean"}).splitlines()[0])
    # clean-corpus: 1 cleaned, 0 unchanged, 0 rejected
    """
    clean_dir, get = summary.get("clean_dir", "?"), summary.get
    lines = [
        f"# clean-corpus: {get('cleaned', 0)} cleaned, {get('unchanged', 0)} unchanged, "
        f"{get('rejected', 0)} rejected",
        "",
        f"- inputs discovered: {get('discovered', 0)} under `{get('raw_dir', '?')}`",
        f"- rejected by reason: {_inline(summary.get('rejected_by_reason'))}",
        f"- boilerplate removed by kind: {_inline(summary.get('removed_by_kind'))}",
        f"- languages: {_inline(summary.get('languages'))}",
        f"- flags: {_inline(summary.get('flags'))}",
        "",
        "## Output",
        "",
        f"- store: `{clean_dir}` ({get('documents_in_store', 0)} documents, latest versions "
        "indexed in `manifest.json`)",
        f"- rejects with reasons: `{clean_dir}/rejects.jsonl`",
        f"- this run's summary: `{summary.get('summary_path', '?')}`",
        f"- read it: `pipeline export --clean {clean_dir}` "
        f"or `pipeline.store.iter_latest({clean_dir!r})`",
        "",
        f"run `{summary.get('run_id', '?')}`, started {summary.get('started', '?')}, "
        f"finished {summary.get('finished', '?')}, batch time {summary.get('batch_seconds', 0)} s",
    ]
    return "\n".join(lines) + "\n"


def current_deployment_name() -> str | None:
    """The deployment this flow run belongs to, or None outside a deployment."""
    from prefect.runtime import deployment

    try:
        return deployment.name
    except Exception:  # noqa: BLE001 - no API or no run context: a local run
        return None


def publish_artifacts(summary: dict[str, Any],
                      deployment_name: str | None = None) -> dict[str, str]:
    """Create the table and markdown artifacts for this run; returns the keys used."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    keys = artifact_keys(deployment_name)
    headline = (f"{summary.get('cleaned', 0)} cleaned, {summary.get('unchanged', 0)} unchanged, "
                f"{summary.get('rejected', 0)} rejected")
    create_table_artifact(summary_table(summary), key=keys["table"],
                          description=f"clean-corpus counts: {headline}")
    create_markdown_artifact(summary_markdown(summary), key=keys["markdown"],
                             description=f"clean-corpus summary: {headline}")
    return keys
