"""canonical_request and the engine's request hash take a shortcut (orjson's sorted-key text) where
it writes exactly canonical_json's text, and canonical_json itself elsewhere: neither the logged
request nor its hash may depend on which way was taken."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from paiwu.engine.evaluate import hash_of_canonical, request_hash
from paiwu.facts import canonical_json, canonical_request, load_request, request_data, validate_request

from .conftest import EXAMPLES

BASE = load_request((EXAMPLES / "xuzhou-eligible.yaml").read_text(encoding="utf-8")).model_dump(
    mode="json", exclude_none=True
)

tonnes = st.one_of(
    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 1e-05, 0.0001, 0.00001234, 1e-10, 5e-324, 123456789.0, 1e9, 2.5, 0.1]),
    st.integers(0, 10**9),
)
text = st.text(st.characters(), min_size=1, max_size=40).filter(lambda s: s.strip() == s and s.strip())


@settings(max_examples=400, deadline=None)
@given(quantity=tonnes, eia=tonnes, price=tonnes, buyer=text, venue=text)
def test_the_canonical_text_and_hash_are_the_standard_encoders(
    quantity: float, eia: float, price: float, buyer: str, venue: str
) -> None:
    data: dict[str, Any] = {**BASE, "trade": {**BASE["trade"], "quantity_t_per_year": quantity}}
    data["trade"]["price_cny_per_t"] = price
    data["buyer"] = {**BASE["buyer"], "name": buyer, "project": {**BASE["buyer"]["project"]}}
    data["buyer"]["project"]["eia_quantity_t_per_year"] = eia
    data["trade"]["venue"] = {**BASE["trade"].get("venue", {}), "name": venue}
    try:
        request = validate_request(data)
    except Exception:
        return
    try:
        canonical = canonical_json(request_data(request))  # the reference: the standard encoder
    except ValueError:
        return
    assert canonical_request(request) == canonical
    try:
        expected = hash_of_canonical(canonical)
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8, no hash either way
        return
    assert request_hash(request) == expected
