"""Shared fixtures.

``shared_dir``: ../shared (seed articles, gold, reference data).  Outside this workplace
it may be absent: the tests that need it skip with a reason -- except under CI
(``CI=true``), where its absence is a failure.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARTNERGRAPH_SHARED", REPO.parent / "shared"))
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def need_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing, and under CI the tests that read ../shared must run")
        pytest.skip(f"{path} not found (these tests read ../shared, present only in the workplace)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return need_shared("seeds")


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return need_shared("eval", "seeds_gold.jsonl")


@pytest.fixture(scope="session")
def score_script() -> Path:
    return need_shared("eval", "score.py")
