"""The shape every report shares: a titled table of rows, and how its chart reads them.

A chart, its data table, its CSV export and the API all come from one ``Table``: the renderer plots
``chart_series()``, the page prints ``rows``, the CSV writes ``rows`` under ``columns``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False


@dataclass(frozen=True)
class ChartSpec:
    """How to read the rows as a chart.

    ``lines``: one line per distinct ``series`` value, ``x`` along the axis, ``values[0]`` up it.
    ``bars``: one group of horizontal bars per row labelled by ``label`` (joined columns), one bar per ``values``.
    """

    kind: str  # "lines" | "bars"
    values: tuple[str, ...]
    x: str = ""
    series: str = ""
    label: tuple[str, ...] = ()
    unit: str = ""


@dataclass
class Table:
    key: str
    title: str
    description: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    chart: ChartSpec
    notes: list[str] = field(default_factory=list)

    def cells(self) -> list[list[Any]]:
        return [[row.get(c.key) for c in self.columns] for row in self.rows]

    def chart_series(self) -> list[tuple[str, list[tuple[Any, float]]]]:
        """(series name, [(x or bar label, value), ...]) in the order the chart draws them."""
        spec = self.chart
        if spec.kind == "lines":
            series: dict[str, list[tuple[Any, float]]] = {}
            for row in self.rows:
                series.setdefault(str(row[spec.series]), []).append((row[spec.x], float(row[spec.values[0]])))
            return list(series.items())
        labels = [" · ".join(str(row[k]) for k in spec.label) for row in self.rows]
        by_column = {c.key: c.label for c in self.columns}
        return [
            (str(by_column[v]), [(label, float(row[v] or 0)) for label, row in zip(labels, self.rows, strict=True)])
            for v in spec.values
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": str(self.title),
            "columns": [{"key": c.key, "label": str(c.label)} for c in self.columns],
            "rows": [{c.key: _plain(row.get(c.key)) for c in self.columns} for row in self.rows],
        }


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
