"""Pydantic models of check requests. Units are in the names: ``_t_per_year`` (tonnes a year),
``_cny_per_t`` (yuan a tonne), dates are ISO dates. Unknown fields and wrong types are refused."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

CheckKind = Literal["trade", "acquisition", "holding", "buyback", "allocation", "enterprise"]
# Checks of a proposed action say eligible / ineligible; checks of a state of affairs say
# compliant / non_compliant (with the same needs_review and not_applicable).
ACTION_KINDS: tuple[str, ...] = ("trade", "acquisition", "buyback")
STATE_KINDS: tuple[str, ...] = ("holding", "allocation", "enterprise")

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
AcquisitionMethod = Literal["trade", "paid_allocation", "free_allocation", "other"]
TradeStage = Literal["proposed", "completed"]
BuybackEventKind = Literal[
    "closure",
    "bankruptcy",
    "relocation_out",
    "suspension",
    "production_change",
]
BuybackCause = Literal["structural_adjustment", "technical_progress", "environmental_violation", "other"]

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


def _spellings(codes: Any, table: dict[str, str]) -> WithJsonSchema:
    """The JSON schema of a code that a request may also write as an alias: the codes, then the
    aliases, so that the request's JSON schema (the API's) takes the spellings the model takes.
    (The model also forgives other letter case and spaces around, which the schema does not list.)"""
    return WithJsonSchema({"type": "string", "enum": list(dict.fromkeys([*get_args(codes), *table]))}, "validation")


def _iso_date_only(value: Any) -> Any:
    # a date is written YYYY-MM-DD: a bare number (0 -> 1970-01-01) is refused, not guessed
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


def _no_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("a number, not true/false")
    return value


# The constraints come before the converters: pydantic then checks them in its core, as part of the
# type (a converter placed first would leave them to Python validators, four calls a number).
Day = Annotated[dt.date, BeforeValidator(_iso_date_only)]
City = Annotated[str, Field(min_length=1, max_length=100), _alias(_CITY_ALIASES)]
Rating = Annotated[CreditRating, _alias(_RATING_ALIASES), _spellings(CreditRating, _RATING_ALIASES)]
PollutantCode = Annotated[Pollutant, _alias(_POLLUTANT_ALIASES), _spellings(Pollutant, _POLLUTANT_ALIASES)]
Tonnes = Annotated[float, Field(ge=0, le=1e9, allow_inf_nan=False), BeforeValidator(_no_bool)]
Yuan = Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False), BeforeValidator(_no_bool)]
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
    construction_started: bool | None = None
    construction_started_on: Day | None = None
    commissioned: bool | None = Field(None, description="the project has been put into operation (投运)")
    permit_documents_complete: bool | None = Field(
        None,
        description="contract, completion acceptance (or trial-production approval) and payment receipt presented",
    )


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
    # conduct (Xuzhou Arts. 24-25)
    key_polluter: bool | None = Field(None, description="a key pollutant-discharging unit (重点排污单位)")
    measures_emissions_accurately: bool | None = None
    reports_emissions_to_epb: bool | None = None
    monitoring_networked: bool | None = Field(None, description="automatic monitoring networked with the EPB")
    monitoring_stable_and_valid: bool | None = Field(None, description="monitoring runs stably, data true and valid")
    emissions_t_per_year: Tonnes | None = Field(None, description="actual emissions of the pollutant")
    rights_held_t_per_year: Tonnes | None = Field(None, description="emission rights held for the pollutant")
    fraud_in_trading: bool | None = Field(None, description="found to have falsified anything in trading")


class Holding(Facts):
    """The rights the seller offers: how and when they were obtained, and what surplus they are."""

    pollutant: PollutantCode | None = None
    quantity_t_per_year: Tonnes | None = None
    acquired_by: AcquiredBy | None = None
    acquired_on: Day | None = None
    term_start: Day | None = Field(None, description="start of the five-year paid-use term")
    reverified_after_term: bool | None = None
    surplus_origin: SurplusOrigin | None = None
    surplus_verified: bool | None = Field(None, description="surplus checked and confirmed (核查确认)")
    confirmed_by_permit: bool | None = Field(None, description="confirmed in a discharge permit (排污许可证)")
    paid_use_contract_signed: bool | None = None
    paid_use_fee_paid: bool | None = None
    bought_for_project: bool | None = Field(None, description="bought for the holder's new/rebuilt/expanded project")
    base_price_cny_per_t_year: Yuan | None = Field(
        None, description="the base price (yuan per tonne-year) of the year the rights were bought"
    )
    market_price_cny_per_t: Yuan | None = Field(None, description="the market price of the rights, per tonne")
    pollutant_designated_by_city: bool | None = None


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
    stage: TradeStage = Field("proposed", description="a proposed trade, or one completed (Art. 7 price check)")
    date: Day | None = None
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
    base_price_cny_per_t: Yuan | None = Field(None, description="the base trading price (交易基准价) of the year")
    paid_use_price_cny_per_t: Yuan | None = Field(None, description="that year's paid-use price (有偿取得的价格)")
    conforms_total_control: bool | None = None
    conforms_industrial_policy: bool | None = None
    meets_environmental_access: bool | None = None


class TradeRequest(Facts):
    """A proposed transfer of emission rights from a seller to a buyer."""

    kind: Literal["trade"]
    id: Text | None = Field(None, description="the caller's reference for this request")
    as_of: Day | None = Field(None, description="evaluate as of this date (default: the trade date)")
    trade: Trade = Trade()
    seller: Party = Party()
    buyer: Party = Party()
    holding: Holding = Holding()


class Acquisition(Facts):
    """How a new, rebuilt or expanded project obtains its rights (Xuzhou Arts. 10, 14; Linyi parts 2, 4)."""

    date: Day | None = None
    method: AcquisitionMethod | None = None
    pollutant: PollutantCode | None = None
    pollutant_designated_by_city: bool | None = None
    quantity_t_per_year: Tonnes | None = None
    new_emissions: bool | None = Field(None, description="new emissions of the project (新增排污权)")
    mode: TradeMode | None = None
    demand_t_per_year: Tonnes | None = None
    supply_t_per_year: Tonnes | None = None
    venue: Venue | None = None
    contract_signed: bool | None = Field(None, description="emission-rights trading contract signed with the seller")
    fee_paid: bool | None = None


class AcquisitionRequest(Facts):
    """A project obtaining emission rights; `party` is the emitter whose project it is."""

    kind: Literal["acquisition"]
    id: Text | None = None
    as_of: Day | None = None
    party: Party = Party()
    acquisition: Acquisition = Acquisition()


class HoldingRequest(Facts):
    """Rights an emitter (`party`) holds, checked as of a date."""

    kind: Literal["holding"]
    id: Text | None = None
    as_of: Day | None = None
    party: Party = Party()
    holding: Holding = Holding()


class BuybackEvent(Facts):
    kind: BuybackEventKind | None = None
    cause: BuybackCause | None = None
    date: Day | None = None


class BuybackRequest(Facts):
    """An emitter closing, going bankrupt or moving away: are its rights bought back, and for how much?"""

    kind: Literal["buyback"]
    id: Text | None = None
    as_of: Day | None = None
    party: Party = Party()
    holding: Holding = Holding()
    event: BuybackEvent = BuybackEvent()


class AllocationShare(Facts):
    enterprise: Text
    quantity_t_per_year: Tonnes


class Allocation(Facts):
    """An allocation of rights by the authorities in one region (Xuzhou Arts. 8, 9, 11, 12; Linyi part 4)."""

    region: Text | None = None
    city: City | None = None
    pollutant: PollutantCode | None = None
    pollutant_designated_by_city: bool | None = None
    by_epb_with_jurisdiction: bool | None = Field(
        None, description="verified and allocated by the EPB with jurisdiction over the pollution sources"
    )
    region_target_t_per_year: Tonnes | None = Field(None, description="the region's total-control target")
    shares: list[AllocationShare] | None = None
    total_allocated_t_per_year: Tonnes | None = Field(None, description="sum of the rights allocated (or of shares)")
    initial: bool | None = Field(None, description="the initial allocation (初始分配)")
    reserve_t_per_year: Tonnes | None = Field(None, description="the government reserve kept back")
    publicity_start: Day | None = None
    publicity_end: Day | None = None
    permits_issued: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _total_from_shares(cls, data: Any) -> Any:
        if (
            isinstance(data, dict)
            and isinstance(data.get("shares"), list)
            and data.get("total_allocated_t_per_year") is None
        ):
            try:
                total = sum(float(share["quantity_t_per_year"]) for share in data["shares"])
            except (KeyError, TypeError, ValueError):
                return data  # the share models will name the bad field
            return {**data, "total_allocated_t_per_year": round(total, 6)}
        return data


class Review(Facts):
    """An emitter's request to review its verified rights (Xuzhou Art. 12)."""

    requested_on: Day | None = None
    received_on: Day | None = None
    decided_on: Day | None = None


class AllocationRequest(Facts):
    kind: Literal["allocation"]
    id: Text | None = None
    as_of: Day | None = None
    allocation: Allocation = Allocation()
    review: Review | None = None


class EnterpriseRequest(Facts):
    """An emitter's continuing obligations (Xuzhou Arts. 6, 24, 25; Linyi part 4 sec 1)."""

    kind: Literal["enterprise"]
    id: Text | None = None
    as_of: Day | None = None
    party: Party = Party()


# The date a check is evaluated as of, when neither --as-of nor the request's `as_of` gives one.
EVENT_DATE: dict[str, str] = {"trade": "trade.date", "acquisition": "acquisition.date", "buyback": "event.date"}

Request = TradeRequest | AcquisitionRequest | HoldingRequest | BuybackRequest | AllocationRequest | EnterpriseRequest
REQUEST_MODELS: dict[str, type[Facts]] = {
    "trade": TradeRequest,
    "acquisition": AcquisitionRequest,
    "holding": HoldingRequest,
    "buyback": BuybackRequest,
    "allocation": AllocationRequest,
    "enterprise": EnterpriseRequest,
}


class RequestKindError(ValueError):
    pass


def parse_request(data: Any) -> Facts:
    """Validate a decoded request document; raises pydantic.ValidationError naming the field."""
    return REQUEST_MODELS[data["kind"]].model_validate(data)
