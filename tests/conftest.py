"""Shared fixtures: the real models and knowledge base, loaded once per test session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.ingest import read_articles
from diplograph.model import Article
from diplograph.pipeline import Resources, extract_articles, load_resources

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="session")
def resources() -> Resources:
    return load_resources()


def load_articles(paths: list[Path]) -> list[Article]:
    return [a for a in read_articles(paths) if isinstance(a, Article)]


@pytest.fixture(scope="session")
def seed_results(resources):
    """The seeds with their feed metadata (publication dates)."""
    return {
        r.clean.article.doc_id: r
        for r in extract_articles(load_articles([EXAMPLES / "seeds.jsonl"]), resources)
    }


@pytest.fixture(scope="session")
def seed_results_no_metadata(resources):
    """The raw .txt seeds: no publication date, no title."""
    paths = sorted(EXAMPLES.glob("*.txt"))
    return {r.clean.article.doc_id: r for r in extract_articles(load_articles(paths), resources)}


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The real console entry point in a child process, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "diplograph.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )
