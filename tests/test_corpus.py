"""The law corpus is faithful to the source texts and complete."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from paiwu.policies.law import LAW_DIR, ROLES, load_corpus, locate, zh_number

SHARED_LAW = Path(__file__).resolve().parents[2] / "shared" / "law"


def letters_and_digits(text: str) -> str:
    """The wording of a text: whitespace and punctuation removed."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return load_corpus()


@pytest.mark.parametrize("instrument", ["xuzhou-2015", "linyi-2014"])
def test_every_clause_is_verbatim_and_together_they_cover_the_source(corpus, instrument: str) -> None:  # type: ignore[no-untyped-def]
    inst = corpus.instruments[instrument]
    source = letters_and_digits((LAW_DIR / inst.meta.source).read_text(encoding="utf-8"))
    for clause in inst.ordered():
        assert letters_and_digits(clause.zh) in source, clause.id
    assert "".join(letters_and_digits(c.zh) for c in inst.ordered()) == source


@pytest.mark.parametrize("name", ["xuzhou-2015.txt", "linyi-2014-128.txt"])
def test_shipped_source_is_the_shared_text(name: str) -> None:
    if not SHARED_LAW.is_dir():
        pytest.skip("../shared/law is not beside this checkout")
    assert (LAW_DIR / "source" / name).read_bytes() == (SHARED_LAW / name).read_bytes()


def test_xuzhou_has_31_articles_and_the_items_of_articles_15_16_17(corpus) -> None:  # type: ignore[no-untyped-def]
    ids = set(corpus.clauses)
    assert {f"xuzhou-2015/art-{n}" for n in range(1, 32)} <= ids
    assert not any(i.startswith("xuzhou-2015/art-32") for i in ids)
    assert [c for c in corpus.get("xuzhou-2015/art-15").children] == [
        f"xuzhou-2015/art-15/item-{k}" for k in range(1, 6)
    ]
    for article in (16, 17):
        assert corpus.get(f"xuzhou-2015/art-{article}").children == tuple(
            f"xuzhou-2015/art-{article}/item-{k}" for k in range(1, 5)
        )
    assert corpus.get("xuzhou-2015/art-16/item-3").zh == "（三）企业环境行为信用等级被评为红色或者黑色的；"


def test_linyi_structure(corpus) -> None:  # type: ignore[no-untyped-def]
    ids = set(corpus.clauses)
    assert {f"linyi-2014/part-{p}" for p in range(1, 6)} <= ids
    assert {"linyi-2014/preamble", "linyi-2014/final", "linyi-2014/part-4/sec-4/item-1"} <= ids
    assert "5%" in corpus.get("linyi-2014/part-4/sec-4/item-1").zh
    assert corpus.get("linyi-2014/part-4/sec-3").parent == "linyi-2014/part-4"


def test_every_clause_has_a_role_and_non_operative_ones_a_reason(corpus) -> None:  # type: ignore[no-untyped-def]
    for clause in corpus.clauses.values():
        if not clause.is_clause:
            continue
        assert clause.role in ROLES, clause.id
        assert clause.title_zh and clause.title_en and clause.en, clause.id
        if clause.role != "operative":
            assert clause.reason, clause.id


def test_citations_render_both_ways(corpus) -> None:  # type: ignore[no-untyped-def]
    assert (
        corpus.cite("xuzhou-2015/art-16/item-3", "zh")
        == "《徐州市主要污染物排污权有偿使用和交易管理办法（试行）》第十六条第（三）项"
    )
    assert corpus.cite("xuzhou-2015/art-16/item-3", "en") == "Xuzhou Measures (2015), Art. 16(3)"
    assert corpus.cite("xuzhou-2015/art-3/para-2", "en") == "Xuzhou Measures (2015), Art. 3, para. 2"
    assert corpus.cite("linyi-2014/part-4/sec-4/item-1", "en") == "Linyi Plan (2014), Part 4(4)(1)"
    assert locate("xuzhou-2015/art-21", "zh") == "第二十一条"


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (10, "十"), (16, "十六"), (20, "二十"), (31, "三十一")])
def test_chinese_numerals(n: int, text: str) -> None:
    assert zh_number(n) == text


def test_full_text_of_an_article_includes_its_items(corpus) -> None:  # type: ignore[no-untyped-def]
    text = corpus.full_text("xuzhou-2015/art-17", "zh")
    assert text.startswith("第十七条") and "（四）其他依法不能进行交易的" in text
