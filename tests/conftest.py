"""Shared fixtures: where the repository and the read-only development data (../shared) are."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_DIR.parent / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO_DIR


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository; tests that need it are skipped where it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared (development data) is not available")
    return SHARED_DIR


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright, one per test module (never a downloaded browser)."""
    from webdata import launch_chromium, skip_without_chromium
    skip_without_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = launch_chromium(pw)
        yield b
        b.close()


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline (tidings.nlp.parse.load_nlp caches it), shared by the test files."""
    from tidings.nlp.parse import load_nlp
    from tidings.settings import Settings

    return load_nlp(Settings())


@pytest.fixture(scope="session")
def resolver():
    """The actors layer over the shipped knowledge base."""
    from tidings.actors import ActorResolver, load_kb
    return ActorResolver(load_kb())


@pytest.fixture(scope="session")
def coder():
    """The event coder with its default CAMEO dictionaries (test files with toy dictionaries
    define their own)."""
    from tidings.coding import EventCoder
    return EventCoder()
