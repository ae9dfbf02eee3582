"""Charts as inline SVG drawn by matplotlib on the server, readable without colour and without scripts.

Each series has its own marker and dash (lines) or hatch (bars) besides its colour, and values are written on
the chart, so it reads in greyscale and in print. The SVG is rewritten for the page's Content-Security-Policy
(no ``style`` attributes or elements: presentation attributes instead), its ids are made unique on the page,
and text is left as text (the browser shapes Arabic and uses the page's font). Rendering costs ~0.2 s a
chart, so a drawn chart is cached by the exact data it shows.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from editorial.reports.tables import Table

SVG_NS, XLINK_NS = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# Okabe–Ito colours (distinguishable with colour-blindness), each paired with a marker, a dash and a hatch.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
DASHES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1, 1, 1)), (0, (1, 3)), (0, (8, 2)), (0, (3, 1, 1, 1)))
HATCHES = ("///", "...", "xx", "\\\\\\", "++", "oo")
CACHE_SECONDS = 24 * 3600
# CSS properties matplotlib writes in style="" that SVG also accepts as attributes.
_PRESENTATION = {
    "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-linejoin", "stroke-linecap",
    "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "font-size", "font-weight",
    "font-style", "text-anchor", "clip-path",
}


def chart_svg(table: Table, *, rtl: bool) -> SafeString:
    """The chart for ``table`` as inline SVG (empty when the table has no rows)."""
    series = table.chart_series()
    if not table.rows:
        return mark_safe("")
    key = "reports:svg:" + hashlib.sha256(
        json.dumps([table.key, str(table.title), table.chart.kind, table.chart.unit, rtl, series],
                   default=str, ensure_ascii=False).encode()
    ).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = _render(table, series, rtl=rtl)
        cache.set(key, svg, CACHE_SECONDS)
    return mark_safe(svg)


def _figure(width: float, height: float):
    import matplotlib

    matplotlib.use("svg", force=False)
    matplotlib.rcParams.update({
        "svg.fonttype": "none", "svg.hashsalt": "editorial-reports", "font.size": 10,
        "axes.spines.top": False, "axes.spines.right": False, "hatch.linewidth": 0.8,
    })
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _render(table: Table, series, *, rtl: bool) -> str:
    if table.chart.kind == "lines":
        fig = _lines(series, table, rtl=rtl)
    else:
        fig = _bars(series, table, rtl=rtl)
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return _for_the_page(buf.getvalue(), prefix=f"chart-{table.key}", title=str(table.title))


def _lines(series, table: Table, *, rtl: bool):
    fig = _figure(7.6, 3.6)
    ax = fig.add_subplot()
    xs = sorted({x for _name, points in series for x, _v in points})
    index = {x: i for i, x in enumerate(xs)}
    for i, (name, points) in enumerate(series):
        n = i % len(COLOURS)
        px = [index[x] for x, _v in points]
        py = [v for _x, v in points]
        ax.plot(px, py, color=COLOURS[n], marker=MARKERS[n], linestyle=DASHES[n], linewidth=1.6, markersize=6,
                label=name)
        # The series name at its last point: the line is identified without the legend or colour.
        ax.annotate(name, (px[-1], py[-1]), textcoords="offset points", xytext=(-6 if rtl else 6, 0),
                    ha="right" if rtl else "left", va="center", fontsize=8)
    ax.set_xticks(range(len(xs)), [x.strftime("%m-%d") if hasattr(x, "strftime") else str(x) for x in xs])
    ax.tick_params(axis="x", labelsize=8, rotation=45 if len(xs) > 10 else 0)
    ax.set_ylabel(table.chart.unit)
    ax.set_ylim(bottom=0)
    ax.margins(x=0.12)
    ax.grid(axis="y", linewidth=0.4, color="#bbbbbb")
    if rtl:  # time runs from right to left in an Arabic page; the value axis sits on the right
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
        ax.spines["right"].set_visible(True)
        ax.spines["left"].set_visible(False)
    ax.legend(loc="upper left" if rtl else "upper right", fontsize=8, frameon=False, ncols=min(4, len(series)))
    return fig


def _bars(series, table: Table, *, rtl: bool):
    labels = [label for label, _v in series[0][1]]
    height = 0.9 + 0.32 * len(labels) * max(1, len(series))
    fig = _figure(7.6, min(height, 14))
    ax = fig.add_subplot()
    thickness = 0.8 / len(series)
    for i, (name, points) in enumerate(series):
        n = i % len(COLOURS)
        ys = [j + (i - (len(series) - 1) / 2) * thickness for j in range(len(points))]
        bars = ax.barh(ys, [v for _l, v in points], height=thickness, color=COLOURS[n], alpha=0.55,
                       hatch=HATCHES[i % len(HATCHES)], edgecolor="#222222", linewidth=0.6, label=name)
        ax.bar_label(bars, fmt="{:g}", padding=3, fontsize=8)
    ax.set_yticks(range(len(labels)), [_short(label) for label in labels])
    ax.invert_yaxis()  # first row on top, as in the table
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel(table.chart.unit)
    ax.margins(x=0.15)
    ax.grid(axis="x", linewidth=0.4, color="#bbbbbb")
    if rtl:  # bars grow from right to left; their labels on the right
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.spines["right"].set_visible(True)
        ax.spines["left"].set_visible(False)
    if len(series) > 1:
        ax.legend(loc="lower left" if rtl else "lower right", fontsize=8, frameon=False)
    return fig


def _short(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


_DECL = re.compile(r"\s*([\w-]+)\s*:\s*([^;]+)")
_REF = re.compile(r"#([\w-]+)")


def _for_the_page(svg: str, *, prefix: str, title: str) -> str:
    """Inline-ready SVG: no style attributes or elements (CSP), unique ids, scalable, labelled."""
    root = ET.fromstring(svg)
    for parent in root.iter():
        for child in list(parent):
            if child.tag in (f"{{{SVG_NS}}}metadata", f"{{{SVG_NS}}}style"):
                parent.remove(child)
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for el in root.iter():
        style = el.attrib.pop("style", None)
        if style:
            for prop, value in _DECL.findall(style):
                if prop in _PRESENTATION:
                    el.set(prop, value.strip())
        if el.get("id"):
            el.set("id", f"{prefix}-{el.get('id')}")
        for attr, value in list(el.attrib.items()):
            if attr != "id" and "#" in value:
                el.set(attr, _REF.sub(lambda m: f"#{prefix}-{m.group(1)}" if m.group(1) in ids else m.group(0),
                                      value))
    # What the removed <style> said, as inherited attributes on the root.
    # matplotlib placed every label for left-to-right anchoring; an Arabic page would flip start and end.
    root.set("direction", "ltr")
    root.set("stroke-linejoin", "round")
    root.set("stroke-linecap", "butt")
    for attr in ("width", "height"):
        root.attrib.pop(attr, None)
    root.set("class", "chart")
    root.set("role", "img")
    root.set("aria-label", title)
    root.set("focusable", "false")
    return ET.tostring(root, encoding="unicode")
