"""``stats merge --html``: the hall's report as one page to open in any browser, with
charts (pygal's SVG, drawn in the page: nothing fetched from elsewhere) of
sessions per day and per hour, corner visits and dwell, and languages, per kiosk."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

import pygal
from pygal.style import Style

from kiosk.analytics.hall import HALL, HallReport, hall_totals
from kiosk.analytics.stats import DaySummary

# The kiosk's own colours (ui/theme): ink, accent, and the demo's corner colours.
_STYLE = Style(
    background="transparent",
    plot_background="#ffffff",
    foreground="#14213d",
    foreground_strong="#14213d",
    foreground_subtle="#4a5468",
    colors=("#1f4fb4", "#d0502a", "#137a63", "#7a4cc2", "#c48a12", "#2f8fc7", "#a33d6c"),
    # Korean first: the office PC's own Korean font, whichever it has.
    font_family="'Noto Sans KR', 'Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo', "
    "sans-serif",
    guide_stroke_color="#e3e0d8",
    major_guide_stroke_color="#cfcbc0",
    guide_stroke_dasharray="0",
    major_guide_stroke_dasharray="0",
    opacity="0.9",
    opacity_hover="1",
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    title_font_size=18,
    value_font_size=12,
)


def _chart(kind: type[pygal.graph.graph.Graph], title: str, **options: object) -> pygal.Graph:
    settings: dict[str, object] = {
        "style": _STYLE,
        "title": title,
        "width": 960,
        "height": 420,
        "js": [],  # self-contained: no script fetched from the web
        "disable_xml_declaration": True,
        "legend_at_bottom": True,
        "print_values": False,
        # Counts: a few whole steps up the side, not tenths.
        "show_minor_y_labels": False,
        "min_scale": 4,
        "max_scale": 8,
    }
    return kind(**{**settings, **options})


def hall_page(report: HallReport, sources: list[str]) -> str:
    """The report as one HTML page."""
    charts = [
        _per_day(report),
        _per_hour(report),
        _per_corner(
            report,
            "Corner visits · 코너별 방문",
            lambda summary, corner: summary.corner_visits[corner],
        ),
        _per_corner(
            report,
            "Minutes spent in each corner · 코너별 체류 시간 (분)",
            lambda summary, corner: summary.corner_dwell_seconds[corner] / 60,
        ),
        _languages(report),
    ]
    totals = hall_totals(report)
    rows = "".join(
        f"<tr><td>{html.escape(kiosk)}</td><td>{totals[kiosk]}</td></tr>" for kiosk in report.kiosks
    )
    first, last = (report.days[0], report.days[-1]) if report.days else (None, None)
    span = f"{first} – {last}" if first else "no events"
    notes = "".join(f"<li>{html.escape(note)}</li>" for note in report.notes)
    made = datetime.now().strftime("%Y-%m-%d %H:%M")
    return f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>Visitors of the hall · 방문 현황</title>
<style>{_PAGE_STYLE}</style></head><body>
<h1>방문 현황 <span>Visitors of the hall</span></h1>
<p class="meta">{html.escape(span)} · {len(report.kiosks)} kiosks · made {made} from
{len(sources)} exports</p>
<table><tr><th>kiosk</th><th>sessions</th></tr>{rows}
<tr class="hall"><td>{HALL}</td><td>{sum(totals.values())}</td></tr></table>
{"".join(f"<figure>{chart}</figure>" for chart in charts)}
{f"<h2>Notes</h2><ul>{notes}</ul>" if notes else ""}
<h2>Exports</h2><ul>{"".join(f"<li>{html.escape(s)}</li>" for s in sources)}</ul>
</body></html>
"""


def _per_day(report: HallReport) -> str:
    chart = _chart(pygal.Bar, "Sessions per day · 일별 이용", x_title="day")
    chart.x_labels = [day.isoformat() for day in report.days]
    for kiosk in report.kiosks:
        chart.add(kiosk, [report.daily[(day, kiosk)].sessions for day in report.days])
    return str(chart.render(is_unicode=True))


def _per_hour(report: HallReport) -> str:
    hours = sorted(
        {hour for summary in report.daily.values() for hour in summary.sessions_per_hour}
    )
    chart = _chart(pygal.Bar, "Sessions per hour, all days · 시간대별 이용", x_title="hour")
    chart.x_labels = [f"{hour:02d}" for hour in hours]
    for kiosk in report.kiosks:
        counts = [
            sum(report.daily[(day, kiosk)].sessions_per_hour[hour] for day in report.days)
            for hour in hours
        ]
        chart.add(kiosk, counts)
    return str(chart.render(is_unicode=True))


def _per_corner(report: HallReport, title: str, value: Callable[[DaySummary, str], float]) -> str:
    """A bar per corner and kiosk: ``value`` of each day's summary, added up."""
    corners = report.corners()
    chart = _chart(pygal.Bar, title)
    chart.x_labels = corners
    for kiosk in report.kiosks:
        chart.add(
            kiosk,
            [
                round(sum(value(report.daily[(day, kiosk)], corner) for day in report.days), 1)
                for corner in corners
            ],
        )
    return str(chart.render(is_unicode=True))


def _languages(report: HallReport) -> str:
    languages = report.languages()
    chart = _chart(pygal.HorizontalStackedBar, "Languages, % of use · 언어별 이용 비율",
                   range=(0, 100), show_minor_y_labels=True)  # fmt: skip
    chart.x_labels = [*report.kiosks, HALL]
    for lang in languages:
        shares = []
        for kiosk in [*report.kiosks, HALL]:
            # As hall.csv counts them: every session uses Korean first, some switch.
            used = sum(report.daily[(day, kiosk)].language_sessions[lang] for day in report.days)
            uses = sum(
                sum(report.daily[(day, kiosk)].language_sessions.values()) for day in report.days
            )
            shares.append(round(100 * used / uses, 1) if uses else 0)
        chart.add(lang, shares)
    return str(chart.render(is_unicode=True))


_PAGE_STYLE = """
body { font-family: "Noto Sans KR", "Noto Sans CJK KR", sans-serif; margin: 2.5rem auto;
       max-width: 1000px; color: #14213d; background: #f6f4ef; padding: 0 1.5rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; } h1 span { color: #4a5468; font-weight: 400; }
h2 { font-size: 1.2rem; margin-top: 2.5rem; }
.meta { color: #4a5468; margin: 0 0 1.5rem; }
table { border-collapse: collapse; margin: 1rem 0 2rem; background: #fff; }
th, td { text-align: left; padding: .5rem 1.25rem; border-bottom: 1px solid #e3e0d8; }
tr.hall td { font-weight: 700; }
figure { margin: 0 0 2rem; background: #fff; padding: 1rem; border-radius: 12px; }
figure svg { width: 100%; height: auto; }
"""
