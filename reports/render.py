"""Render reports from the templates in ``reports/templates``: HTML, Markdown and PDF.

HTML is self-contained (the stylesheet is inlined, nothing is fetched) and is also what the PDF is
made of, by WeasyPrint, with a fetcher that refuses every URL so that a PDF can never depend on the
network either.
"""

from __future__ import annotations

import subprocess
from functools import cache
from typing import Any, NoReturn

import jinja2
import markupsafe

from paiwu import __version__

from .context import STATUS, Report
from .law import LawIndex
from .words import show, truth_words

FORMATS = ("html", "markdown", "pdf")
CJK_FONTS = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi")


def status_label(status: str) -> str:
    en, zh = STATUS.get(status, (status, status))
    return f"{en} · {zh}"


def _cell(text: Any) -> str:
    """Text that stays inside one Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", "<br>")


def _breakable(text: str) -> markupsafe.Markup:
    """A rule id that may wrap after '/' and '#' in a narrow column."""
    escaped = str(markupsafe.escape(text))
    return markupsafe.Markup(escaped.replace("/", "/<wbr>").replace("#", "#<wbr>"))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("paiwu.reports", "templates"),
        autoescape=jinja2.select_autoescape(["html.j2"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.globals.update(status_label=status_label, truth_words=truth_words)
    env.filters["cell"] = _cell
    env.filters["breakable"] = _breakable
    env.filters["shown"] = show
    return env


def render_html(report: Report) -> str:
    return environment().get_template("report.html.j2").render(r=report)


def render_markdown(report: Report) -> str:
    return environment().get_template("report.md.j2").render(r=report)


def render_law_html(index: LawIndex, policy_version: str) -> str:
    rule_count = len({v.rule.id for view in index.instruments for e in view.entries for v in e.rules})
    return (
        environment()
        .get_template("law.html.j2")
        .render(
            law=index,
            policy_version=policy_version,
            rule_count=rule_count,
            features=index.features.name if index.features else None,
            paiwu_version=__version__,
        )
    )


def _no_network(url: str, *_args: Any, **_kwargs: Any) -> NoReturn:
    raise ValueError(f"paiwu reports are self-contained; refusing to fetch {url}")


def html_to_pdf(html: str) -> bytes:
    import weasyprint  # imported here: Pango is loaded only when a PDF is asked for

    document = weasyprint.HTML(string=html, url_fetcher=_no_network)
    pdf: bytes = document.write_pdf()
    return pdf


def render_pdf(report: Report) -> bytes:
    return html_to_pdf(render_html(report))


def cjk_font_installed() -> bool:
    """Whether fontconfig knows a Chinese font (without one, PDFs show empty boxes for Chinese)."""
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return any(name.lower() in listed.stdout.lower() for name in CJK_FONTS)


def render(report: Report, fmt: str) -> str | bytes:
    if fmt == "html":
        return render_html(report)
    if fmt == "markdown":
        return render_markdown(report)
    if fmt == "pdf":
        return render_pdf(report)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
