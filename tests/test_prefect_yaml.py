"""prefect.yaml points at things that exist (issue 3, point 5).

Every entrypoint named in the file is imported from the repository root, its
parameters must be ones the flow takes, the scheduled deployment has a valid
cron, and the working directory the workers get is the repository.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from prefect import Flow
from prefect.client.schemas.schedules import CronSchedule

REPO = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
DEPLOYMENTS = {d["name"]: d for d in CONFIG["deployments"]}


def load_entrypoint(entrypoint: str) -> Any:
    """What a worker does with ``path/to/file.py:function``, relative to the repo root."""
    path, _, name = entrypoint.partition(":")
    file = REPO / path
    assert file.is_file(), f"entrypoint file {path} does not exist"
    spec = importlib.util.spec_from_file_location(f"_entrypoint_{file.stem}", file)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)


@pytest.mark.parametrize("name", sorted(DEPLOYMENTS))
def test_every_entrypoint_imports_as_the_clean_corpus_flow(name: str) -> None:
    deployment = DEPLOYMENTS[name]
    flow = load_entrypoint(deployment["entrypoint"])
    assert isinstance(flow, Flow) and flow.name == "clean-corpus"
    accepted = set(inspect.signature(flow.fn).parameters)
    assert set(deployment.get("parameters", {})) <= accepted
    assert deployment["work_pool"]["name"] == "cleaning-pool"
    assert deployment["concurrency_limit"] == 1


def test_the_scheduled_deployment_has_a_valid_cron_and_repo_relative_defaults() -> None:
    scheduled = [d for d in DEPLOYMENTS.values() if d.get("schedules")]
    assert [d["name"] for d in scheduled] == ["nightly"]
    [schedule] = scheduled[0]["schedules"]
    CronSchedule(cron=schedule["cron"], timezone=schedule.get("timezone"))  # raises when invalid
    assert schedule.get("active", True)
    assert scheduled[0]["parameters"]["raw_dir"] == "raw"
    assert scheduled[0]["parameters"]["clean_dir"] == "clean"
    assert (REPO / "raw").is_dir()


def test_the_ad_hoc_deployment_has_no_schedule() -> None:
    assert not DEPLOYMENTS["ad-hoc"].get("schedules")


def test_workers_are_sent_to_the_repository_captured_at_deploy_time() -> None:
    [build] = CONFIG["build"]
    step = build["prefect.deployments.steps.run_shell_script"]
    assert step["script"].strip() == "pwd"
    [pull] = CONFIG["pull"]
    directory = pull["prefect.deployments.steps.set_working_directory"]["directory"]
    assert re.fullmatch(r"\{\{\s*" + re.escape(step["id"]) + r"\.stdout\s*\}\}", directory)


def test_the_readme_names_what_prefect_yaml_defines() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section: schedule (issue 3) -->")[1].split("<!-- /section: schedule -->")[0]
    assert "work-pool create cleaning-pool --type process" in section
    for name in DEPLOYMENTS:
        assert f"clean-corpus/{name}" in section
