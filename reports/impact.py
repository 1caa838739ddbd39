"""The reform impact report as one self-contained HTML page (inline CSS and SVG charts, no network)."""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup, escape

STATUS_COLOURS = {
    "eligible": "#2e7d32",
    "compliant": "#2e7d32",
    "needs_review": "#f9a825",
    "ineligible": "#c62828",
    "non_compliant": "#c62828",
    "not_applicable": "#78909c",
}


def _bars(rows: list[tuple[str, int]], width: int = 560, colour: str = "#1565c0") -> str:
    """A horizontal bar chart as inline SVG."""
    if not rows:
        return "<p>—</p>"
    top = max(n for _, n in rows) or 1
    height = 22 * len(rows) + 6
    parts = [f'<svg role="img" width="{width + 300}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, n) in enumerate(rows):
        y = 4 + 22 * i
        w = max(2, round(width * n / top))
        parts.append(f'<text x="0" y="{y + 14}" font-size="12">{escape(label)}</text>')
        parts.append(f'<rect x="290" y="{y}" width="{w}" height="16" fill="{colour}"/>')
        parts.append(f'<text x="{296 + w}" y="{y + 13}" font-size="12">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_impact_html(data: dict[str, Any], reform: dict[str, Any]) -> str:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("paiwu.reports", "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )
    changed = [(f"{t['from']} → {t['to']}", t["cases"]) for t in data["transitions"] if t["from"] != t["to"]]
    return env.get_template("impact.html.j2").render(
        data=data,
        reform=reform,
        colours=STATUS_COLOURS,
        transition_chart=_markup(_bars(changed, colour="#6a1b9a")),
        clause_chart=_markup(_bars(list(data["clauses"].items())[:20])),
    )


def _markup(svg: str) -> Any:
    return Markup(svg)
