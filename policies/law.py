"""The law corpus: both instruments as ordered, bilingual clauses with stable ids and citations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from paiwu.yamlsafe import YamlError, line_at, load_file

LAW_DIR = Path(__file__).resolve().parent / "law"
Role = Literal["operative", "definition", "organisational", "declaratory", "procedure"]
ROLES: tuple[str, ...] = ("operative", "definition", "organisational", "declaratory", "procedure")
ID_PATTERN = re.compile(r"^[a-z]+-\d{4}(/[a-z]+(-\d+)?)+$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InstrumentMeta(_Strict):
    id: str
    source: str
    title_zh: str
    title_en: str
    cite_zh: str
    cite_en: str
    in_force_from: date


class EntryData(_Strict):
    id: str
    kind: Literal["clause", "heading"] = "clause"
    title_zh: str | None = None
    title_en: str | None = None
    role: Role | None = None
    reason: str | None = None
    zh: str
    en: str

    @model_validator(mode="after")
    def _clause_fields(self) -> EntryData:
        if not ID_PATTERN.match(self.id):
            raise ValueError(f"malformed clause id '{self.id}'")
        if self.kind == "clause":
            missing = [f for f in ("title_zh", "title_en", "role") if getattr(self, f) is None]
            if missing:
                raise ValueError(f"clause {self.id} lacks {', '.join(missing)}")
            if self.role != "operative" and not self.reason:
                raise ValueError(f"non-operative clause {self.id} needs a one-line reason")
        return self


class CorpusFile(_Strict):
    instrument: InstrumentMeta
    entries: list[EntryData]


@dataclass(frozen=True)
class Clause:
    """One clause (article, paragraph, item, part, section) or heading of an instrument."""

    id: str
    instrument: str
    kind: str
    parent: str | None
    zh: str
    en: str
    title_zh: str
    title_en: str
    role: str
    reason: str | None
    order: int
    line: int | None
    children: tuple[str, ...] = field(default=())

    @property
    def is_clause(self) -> bool:
        return self.kind == "clause"


@dataclass(frozen=True)
class Instrument:
    meta: InstrumentMeta
    path: Path
    clauses: dict[str, Clause]

    @property
    def id(self) -> str:
        return self.meta.id

    def ordered(self) -> list[Clause]:
        return sorted(self.clauses.values(), key=lambda c: c.order)


class Corpus:
    """Both instruments, indexed by clause id."""

    def __init__(self, instruments: list[Instrument]) -> None:
        self.instruments = {i.id: i for i in instruments}
        self.clauses: dict[str, Clause] = {}
        for instrument in instruments:
            self.clauses.update(instrument.clauses)

    def get(self, clause_id: str) -> Clause:
        return self.clauses[clause_id]

    def instrument_of(self, clause_id: str) -> Instrument:
        return self.instruments[clause_id.split("/", 1)[0]]

    def full_text(self, clause_id: str, lang: Literal["zh", "en"]) -> str:
        """The clause's own text followed by the texts of its children, in order."""
        clause = self.clauses[clause_id]
        parts = [clause.zh if lang == "zh" else clause.en]
        parts.extend(self.full_text(child, lang) for child in clause.children)
        joiner = "" if lang == "zh" else " "
        return joiner.join(p for p in parts if p)

    def cite(self, clause_id: str, lang: Literal["zh", "en"]) -> str:
        instrument = self.instrument_of(clause_id)
        locator = locate(clause_id, lang)
        if lang == "zh":
            return f"{instrument.meta.cite_zh}{locator}"
        return f"{instrument.meta.cite_en}, {locator}" if locator else instrument.meta.cite_en


class CorpusError(ValueError):
    pass


_ZH_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """Chinese numerals as statutes write them (1..99): 十六, 二十一, 三十."""
    if n < 10:
        return _ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _ZH_DIGITS[tens]
    return f"{head}十{_ZH_DIGITS[ones] if ones else ''}"


def locate(clause_id: str, lang: Literal["zh", "en"]) -> str:
    """The pinpoint part of a citation: 第十六条第（三）项 / Art. 16(3)."""
    segments = clause_id.split("/")[1:]
    zh: list[str] = []
    en: list[str] = []
    for segment in segments:
        name, _, number = segment.partition("-")
        n = int(number) if number else 0
        if name == "art":
            zh.append(f"第{zh_number(n)}条")
            en.append(f"Art. {n}")
        elif name == "part":
            zh.append(f"第{zh_number(n)}部分")
            en.append(f"Part {n}")
        elif name == "sec":
            zh.append(f"第（{zh_number(n)}）项")
            en.append(f"({n})")
        elif name == "item":
            zh.append(f"第（{zh_number(n)}）项" if segments[0].startswith("art") else f"第{n}目")
            en.append(f"({n})")
        elif name == "para":
            zh.append(f"第{zh_number(n)}款" if segments[0].startswith("art") else f"第{zh_number(n)}段")
            en.append(f", para. {n}")
        else:
            labels = {
                "preamble": ("序言", "preamble"),
                "final": ("结尾段", "final provision"),
                "notice": ("印发通知", "covering notice"),
                "title": ("标题", "title"),
                "header": ("文头", "heading"),
                "signature": ("落款", "signature"),
                "chapter": (f"第{zh_number(n)}章", f"Chapter {n}"),
            }
            z, e = labels.get(name, (segment, segment))
            zh.append(z)
            en.append(e)
    return "".join(zh) if lang == "zh" else "".join(en).replace(") (", ")(")


def _parent_id(clause_id: str, known: dict[str, Clause]) -> str | None:
    parts = clause_id.split("/")
    while len(parts) > 2:
        parts = parts[:-1]
        candidate = "/".join(parts)
        if candidate in known:
            return candidate
    return None


def load_instrument(path: Path) -> Instrument:
    raw = load_file(path)
    try:
        data = CorpusFile.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        line = line_at(raw, tuple(first["loc"]))
        where = ".".join(str(p) for p in first["loc"])
        raise YamlError(f"{where}: {first['msg']}", str(path), line) from None
    clauses: dict[str, Clause] = {}
    children: dict[str, list[str]] = {}
    entries = raw["entries"]
    for order, entry in enumerate(data.entries):
        if entry.id in clauses:
            raise YamlError(f"duplicate clause id '{entry.id}'", str(path), line_at(entries, (order,)))
        if not entry.id.startswith(data.instrument.id + "/"):
            raise YamlError(f"clause id '{entry.id}' is outside {data.instrument.id}", str(path))
        parent = _parent_id(entry.id, clauses)
        clauses[entry.id] = Clause(
            id=entry.id,
            instrument=data.instrument.id,
            kind=entry.kind,
            parent=parent,
            zh=entry.zh,
            en=entry.en,
            title_zh=entry.title_zh or entry.zh,
            title_en=entry.title_en or entry.en,
            role=entry.role or "declaratory",
            reason=entry.reason,
            order=order,
            line=line_at(entries, (order,)),
        )
        if parent:
            children.setdefault(parent, []).append(entry.id)
    for parent_id, kids in children.items():
        old = clauses[parent_id]
        clauses[parent_id] = Clause(**{**old.__dict__, "children": tuple(kids)})
    return Instrument(meta=data.instrument, path=path, clauses=clauses)


@cache
def load_corpus(law_dir: Path = LAW_DIR) -> Corpus:
    """Both instruments of ``policies/law/``; cached per process."""
    return Corpus([load_instrument(p) for p in sorted(law_dir.glob("*.yaml"))])
