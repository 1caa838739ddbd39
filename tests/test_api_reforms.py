"""What-if decisions under a named reform over the API, beside the baseline."""

from __future__ import annotations

import warnings
from pathlib import Path

from paiwu.api.app import ApiSettings, create_app
from paiwu.facts.load import load_request
from paiwu.store import open_log

ROOT = Path(__file__).resolve().parent.parent

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_a_request_under_a_named_reform_beside_the_baseline(tmp_path: Path) -> None:
    log = open_log(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        app = create_app(ApiSettings(reform_dir=ROOT / "reforms"), log=log)
        client = TestClient(app)
        assert "three-year-term" in client.get("/v1/reforms").json()["reforms"]
        body = load_request((ROOT / "examples/xuzhou-eligible.yaml").read_text(encoding="utf-8")).model_dump(
            mode="json", exclude_none=True
        )
        answer = client.post("/v1/reforms/three-year-term/decisions/trade?as_of=2025-02-01", json=body)
        assert answer.status_code == 200, answer.text
        data = answer.json()
        assert data["baseline"]["status"] == "eligible" and data["reformed"]["status"] == "needs_review"
        assert data["changed"] and data["findings_added"] == ["xuzhou-2015/art-13/para-1#term-expired"]
        assert data["baseline"]["policy_version"] != data["reformed"]["policy_version"]
        missing = client.post("/v1/reforms/no-such-reform/decisions/trade", json=body)
        assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/problem+json")
        bad = client.post("/v1/reforms/three-year-term/decisions/trade", json={"kind": "trade", "colour": "red"})
        assert bad.status_code == 422
    finally:
        log.close()
