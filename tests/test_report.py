"""`paiwu report`: the reviewer's document, read back as a reader's tools read it — the HTML parsed
into its structure, the Markdown as text, the PDF through pypdf."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from paiwu.cli.main import main
from paiwu.engine.evaluate import Evaluator
from paiwu.facts import fact_schema
from paiwu.policies.conditions import Compare, FactRef, parse_condition
from paiwu.reports.context import build_report
from paiwu.reports.render import render_html
from paiwu.reports.words import condition_words, leaf_words, show

from .conftest import EXAMPLES, example

SEVERAL = EXAMPLES / "xuzhou-ineligible-several.yaml"
VOID = {"meta", "br", "wbr", "input", "img", "link", "hr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def all_text(self) -> str:
        return "".join(self.text) + "".join(c.all_text() for c in self.children)

    def find_all(self, tag: str, **attrs: str) -> list[Node]:
        found = [self] if self.tag == tag and all(attrs[k] in self.attrs.get(k, "").split() for k in attrs) else []
        for child in self.children:
            found += child.find_all(tag, **attrs)
        return found

    def by_id(self, ident: str) -> Node:
        for node in self.walk():
            if node.attrs.get("id") == ident:
                return node
        raise KeyError(ident)

    def walk(self) -> list[Node]:
        return [self] + [n for c in self.children for n in c.walk()]


class TreeBuilder(HTMLParser):
    """A small DOM from html.parser; it also fails on any tag left open or closed out of turn."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].text.append(data)


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed tags"
    return builder.root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def several_html(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Node]:
    out = tmp_path_factory.mktemp("report") / "report.html"
    code, _, err = run("report", str(SEVERAL), "-o", str(out))
    assert code == 0, err
    assert "html report, ineligible" in err
    html = out.read_text(encoding="utf-8")
    return html, parse(html)


def test_html_report_has_every_section_in_reading_order(several_html: tuple[str, Node]) -> None:
    html, doc = several_html
    sections = [s.attrs.get("id") for s in doc.find_all("section")]
    assert sections == [
        "decision",
        "facts",
        "findings",
        "missing",
        "remedies",
        "interpretations",
        "checked",
        "reproduce",
    ]
    decision = doc.by_id("decision")
    assert "Ineligible" in decision.all_text() and "不得交易" in decision.all_text()
    assert "2024-05-20" in decision.all_text()
    assert "<title>paiwu report · XZ-2024-0211 · Ineligible · 不得交易</title>" in html


def test_each_finding_cites_its_clause_verbatim_in_both_languages(
    evaluator: Evaluator, several_html: tuple[str, Node]
) -> None:
    _, doc = several_html
    decision = evaluator.decide(example(SEVERAL.name))
    articles = doc.by_id("findings").find_all("article", **{"class": "finding"})
    assert len(articles) == len(decision.findings) == 4
    for article, finding in zip(articles, decision.findings, strict=True):
        text = article.all_text()
        assert finding.rule_id in text
        for citation in finding.citations:
            (table,) = [t for t in article.find_all("table") if t.attrs.get("data-clause") == citation.clause_id]
            zh = table.find_all("td", **{"class": "zh"})[0].all_text()
            en = table.find_all("td", **{"class": "en"})[0].all_text()
            assert citation.text_zh in zh and citation.text_en in en  # verbatim, not paraphrased
            assert citation.cite_zh in table.all_text() and citation.cite_en in table.all_text()
        assert finding.message.zh in text and finding.message.en in text
        for path, value in finding.facts_used.items():
            assert f"{path} = {show(value)}" in text  # every fact used is shown with its value


def test_finding_explains_why_in_words_from_the_condition_tree(several_html: tuple[str, Node]) -> None:
    _, doc = several_html
    rating = next(a for a in doc.find_all("article") if "seller-credit-red-or-black" in a.all_text())
    outline = rating.find_all("ul", **{"class": "outline"})[0]
    lines = [li.all_text() for li in outline.find_all("li")]
    assert any("seller.credit_rating is one of red, black" in x and "seller.credit_rating = red" in x for x in lines)
    assert all("met · 成立" in x for x in lines)
    tasks = next(a for a in doc.find_all("article") if "seller-tasks-unfinished" in a.all_text())
    assert any("not met · 不成立" in li.all_text() for li in tasks.find_all("li"))


def test_remedies_are_listed_with_the_rules_they_set_aside(several_html: tuple[str, Node]) -> None:
    _, doc = several_html
    remedies = doc.by_id("remedies").find_all("ol", **{"class": "remedies"})[0]
    items = [li for li in remedies.children if li.tag == "li"]
    assert len(items) == 3
    first = items[0].all_text()
    assert "seller.credit_rating is not one of red, black" in first
    assert "seller.credit_rating: red → green (blue, yellow also work)" in first
    assert "xuzhou-2015/art-16/item-3#seller-credit-red-or-black" in first


def test_report_is_self_contained(several_html: tuple[str, Node]) -> None:
    html, doc = several_html
    assert not doc.find_all("link") and not doc.find_all("script") and not doc.find_all("img")
    for node in doc.walk():
        for name in ("src", "href"):
            assert not node.attrs.get(name, "#").lstrip().startswith(("http", "//", "file:")), node.attrs
            if name == "href" and name in node.attrs:
                assert node.attrs[name].startswith("#")
    assert "@import" not in html and "url(" not in html
    assert len(doc.find_all("style")) == 1


def test_reproducibility_block(evaluator: Evaluator, several_html: tuple[str, Node]) -> None:
    _, doc = several_html
    decision = evaluator.decide(example(SEVERAL.name))
    text = doc.by_id("reproduce").all_text()
    assert decision.policy_version in text and decision.request_hash in text
    assert f"paiwu report {SEVERAL} --as-of 2024-05-20 -o " in text
    assert f"paiwu check {SEVERAL} --as-of 2024-05-20 --format json" in text


def test_missing_facts_become_a_checklist_to_request(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    code, _, _ = run("report", str(EXAMPLES / "xuzhou-needs-review.yaml"), "-o", str(out))
    assert code == 0
    doc = parse(out.read_text(encoding="utf-8"))
    items = doc.by_id("missing").find_all("li")
    paths = [li.find_all("code")[0].all_text() for li in items]
    assert paths == ["seller.credit_rating", "seller.other_legal_bar"]
    assert all(li.find_all("span", **{"class": "box"}) for li in items)
    assert "one of: green, blue, yellow, red, black" in items[0].all_text()


def test_not_applicable_report_says_why_no_remedy_is_proposed(tmp_path: Path) -> None:
    out = tmp_path / "early.html"
    code, _, _ = run("report", str(EXAMPLES / "xuzhou-before-in-force.yaml"), "-o", str(out))
    assert code == 0
    doc = parse(out.read_text(encoding="utf-8"))
    text = doc.by_id("remedies").all_text()
    assert "No change paiwu may propose" in text and "as_of" in text
    assert "Does not apply" in doc.by_id("findings").all_text()


def test_the_same_request_gives_the_same_report(evaluator: Evaluator) -> None:
    request = example(SEVERAL.name)
    first = render_html(build_report(evaluator, request, "r.yaml"))
    second = render_html(build_report(evaluator, request, "r.yaml"))
    assert first == second


def test_markdown_report(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    code, _, err = run("report", str(SEVERAL), "-o", str(out))  # the suffix chooses the format
    assert code == 0 and "markdown report" in err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# paiwu report: XZ-2024-0211")
    assert "**Decision · 结论: Ineligible · 不得交易**" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.split(" ")[1] for h in headings] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert "| 中文原文 · verbatim | English translation |" in text
    assert "（三）企业环境行为信用等级被评为红色或者黑色的；" in text
    assert "`seller.credit_rating: red → green (blue, yellow also work)`" in text
    code, stdout, _ = run("report", str(EXAMPLES / "xuzhou-needs-review.yaml"), "--format", "markdown")
    assert code == 0 and "- [ ] `seller.credit_rating`" in stdout


def _cjk_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    return "Noto Sans CJK" in listed


@pytest.mark.skipif(not _cjk_font(), reason="PDF test needs a CJK font: apt-get install fonts-noto-cjk (CI does)")
def test_pdf_report_reads_back_with_chinese_text(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "report.pdf"
    code, _, err = run("report", str(SEVERAL), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 3
    assert "Ineligible" in text and "不得交易" in text
    assert "企业环境行为信用等级被评为红色或者黑色" in "".join(text.split())  # the clause, in Chinese glyphs
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index, union-attr]
    }
    assert any("CJK" in f for f in fonts), fonts


def test_pdf_needs_a_file_and_bad_input_exits_2(tmp_path: Path) -> None:
    code, _, err = run("report", str(SEVERAL), "--format", "pdf")
    assert code == 2 and "needs a file" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: trade\ntrade: {date: yesterday}\n", encoding="utf-8")
    code, _, err = run("report", str(bad), "-o", str(tmp_path / "x.html"))
    assert code == 2 and "trade.date" in err
    assert not (tmp_path / "x.html").exists()


def test_conditions_in_words_come_from_the_tree() -> None:
    schema = fact_schema("trade")
    assert leaf_words(Compare("seller.credit_rating", "in", ("red", "black")), schema) == (
        "seller.credit_rating is one of red, black"
    )
    assert leaf_words(Compare("as_of", "lt", "2015-12-10"), schema) == "as_of is before 2015-12-10"
    assert (
        leaf_words(Compare("trade.quantity_t_per_year", "gt", 8.0), schema)
        == "trade.quantity_t_per_year is more than 8"
    )
    term = Compare("as_of", "gt", FactRef("holding.term_start", "plus_years", 5))
    assert leaf_words(term, schema) == "as_of is after holding.term_start + 5 years"
    assert leaf_words(Compare("holding.reverified_after_term", "ne", True), schema) == (
        "holding.reverified_after_term is false"
    )
    condition = parse_condition(
        {
            "all": [
                {"fact": "seller.kind", "eq": "enterprise"},
                {"any": [{"fact": "seller.reduction_tasks_completed", "eq": False}, {"missing": "seller.county"}]},
                {"not": {"fact": "trade.mode", "in": ["bidding", "auction"]}},
            ]
        }
    )
    assert condition_words(condition, schema) == (
        "seller.kind is enterprise and (seller.reduction_tasks_completed is false or seller.county is not stated)"
        " and trade.mode is not one of bidding, auction"
    )
