"""Pydantic models of check requests. Units are in the names: ``_t_per_year`` (tonnes a year),
``_cny_per_t`` (yuan a tonne), dates are ISO dates. Unknown fields and wrong types are refused."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

CheckKind = Literal["trade"]

Pollutant = Literal["COD", "NH3-N", "SO2", "NOx", "TN", "TP", "VOCs", "PM"]
CreditRating = Literal["green", "blue", "yellow", "red", "black"]
OperatingStatus = Literal[
    "operating",
    "suspended",
    "shut_down",
    "closed",
    "banned_for_violation",
    "closed_for_violation",
    "bankrupt",
    "relocated_out",
]
AcquiredBy = Literal[
    "government_reserve",
    "government_buyback_or_recall",
    "government_forced_recall",
    "paid_allocation",
    "trade",
    "free_allocation",
    "other_lawful",
]
TradeMode = Literal["negotiated", "bidding", "auction"]
ProjectKind = Literal["new", "rebuilt", "expanded", "existing"]
PartyKind = Literal["enterprise", "government"]
SurplusOrigin = Literal["reduction_works", "other"]

_RATING_ALIASES = {
    "绿": "green", "绿色": "green", "蓝": "blue", "蓝色": "blue", "黄": "yellow",
    "黄色": "yellow", "红": "red", "红色": "red", "黑": "black", "黑色": "black",
}  # fmt: skip
_CITY_ALIASES = {
    "徐州": "xuzhou", "徐州市": "xuzhou", "xuzhou": "xuzhou",
    "临沂": "linyi", "临沂市": "linyi", "linyi": "linyi",
}  # fmt: skip
_POLLUTANT_ALIASES = {
    "化学需氧量": "COD", "cod": "COD", "氨氮": "NH3-N", "nh3-n": "NH3-N", "nh3n": "NH3-N",
    "二氧化硫": "SO2", "so2": "SO2", "氮氧化物": "NOx", "nox": "NOx",
}  # fmt: skip


def _alias(table: dict[str, str]) -> Any:
    def convert(value: Any) -> Any:
        if isinstance(value, str):
            key = value.strip()
            return table.get(key, table.get(key.lower(), key))
        return value

    return BeforeValidator(convert)


City = Annotated[str, _alias(_CITY_ALIASES), Field(min_length=1, max_length=100)]
Rating = Annotated[CreditRating, _alias(_RATING_ALIASES)]
PollutantCode = Annotated[Pollutant, _alias(_POLLUTANT_ALIASES)]
Tonnes = Annotated[float, Field(ge=0, le=1e9, allow_inf_nan=False)]
Yuan = Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False)]
Text = Annotated[str, Field(max_length=500)]


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Region(Facts):
    """The area where a party is located (Xuzhou Art. 17(1))."""

    key_pollution_rectification: bool | None = Field(
        None, description="listed for key pollution rectification at city level or above"
    )
    approval_restricted: bool | None = Field(None, description="under regional approval restriction (区域限批)")


class Project(Facts):
    """The buyer's construction project that needs the rights (Xuzhou Arts. 10, 14, 18)."""

    kind: ProjectKind | None = None
    eia_quantity_t_per_year: Tonnes | None = Field(None, description="quantity set by the EIA")
    applied_at_eia_stage: bool | None = None
    purchase_approved_by_city_epb: bool | None = None
    construction_started_on: dt.date | None = None


class Party(Facts):
    """A seller or buyer: an emitter (排污单位) or, for reserve sales, the government."""

    name: Text | None = None
    kind: PartyKind | None = None
    city: City | None = None
    county: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    industrial: bool | None = None
    operating_status: OperatingStatus | None = None
    credit_rating: Rating | None = None
    reduction_tasks_completed: bool | None = Field(None, description="government pollutant-reduction tasks")
    treatment_tasks_completed: bool | None = Field(None, description="EPB pollution-treatment tasks")
    other_legal_bar: bool | None = Field(None, description="any other legal bar to trading")
    in_2010_census: bool | None = None
    post_2010_project_increasing_emissions: bool | None = None
    region: Region | None = None
    project: Project | None = None


class Holding(Facts):
    """The rights the seller offers: how and when they were obtained, and what surplus they are."""

    pollutant: PollutantCode | None = None
    quantity_t_per_year: Tonnes | None = None
    acquired_by: AcquiredBy | None = None
    acquired_on: dt.date | None = None
    term_start: dt.date | None = Field(None, description="start of the five-year paid-use term")
    reverified_after_term: bool | None = None
    surplus_origin: SurplusOrigin | None = None
    surplus_verified: bool | None = Field(None, description="surplus checked and confirmed (核查确认)")


class Venue(Facts):
    name: Text | None = None
    qualified: bool | None = Field(
        None,
        description="set up with approval at provincial level or above, with property-rights trading qualification",
    )
    designated_platform: bool | None = Field(None, description="the city's emission-rights trading market")


class Consents(Facts):
    """The consents a cross-county trade needs (Xuzhou Art. 21)."""

    seller_county_epb: bool | None = None
    buyer_county_epb: bool | None = None
    city_epb: bool | None = None


class Trade(Facts):
    date: dt.date | None = None
    pollutant: PollutantCode | None = None
    pollutant_designated_by_city: bool | None = Field(
        None, description="another pollutant designated by the city EPB and approved by the city government"
    )
    quantity_t_per_year: Tonnes | None = None
    price_cny_per_t: Yuan | None = None
    mode: TradeMode | None = None
    demand_t_per_year: Tonnes | None = None
    supply_t_per_year: Tonnes | None = None
    venue: Venue | None = None
    consents: Consents | None = None
    seller_region_within_total_control: bool | None = None
    buyer_area_meets_quality_requirement: bool | None = None
    listing_approved: bool | None = Field(None, description="approved for listing (核准上市交易)")
    conforms_total_control: bool | None = None
    conforms_industrial_policy: bool | None = None
    meets_environmental_access: bool | None = None


class TradeRequest(Facts):
    """A proposed transfer of emission rights from a seller to a buyer."""

    kind: Literal["trade"]
    id: Text | None = Field(None, description="the caller's reference for this request")
    as_of: dt.date | None = Field(None, description="evaluate as of this date (default: the trade date)")
    trade: Trade = Trade()
    seller: Party = Party()
    buyer: Party = Party()
    holding: Holding = Holding()


Request = TradeRequest
REQUEST_MODELS: dict[str, type[Facts]] = {"trade": TradeRequest}


class RequestKindError(ValueError):
    pass


def parse_request(data: Any) -> Request:
    """Validate a decoded request document; raises pydantic.ValidationError naming the field."""
    return TradeRequest.model_validate(data)
