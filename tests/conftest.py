from __future__ import annotations

from pathlib import Path

import pytest

from paiwu.engine.evaluate import Evaluator, default_evaluator
from paiwu.facts import Request, load_request

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def evaluator() -> Evaluator:
    return default_evaluator()


def example(name: str) -> Request:
    path = EXAMPLES / name
    return load_request(path.read_text(encoding="utf-8"), str(path))  # type: ignore[return-value]
