"""Shared test helpers: where ../shared lives, and skipping cleanly when it is absent."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared not present (reference data lives beside the repo)")
    return SHARED


@pytest.fixture
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not present")
    return seeds
