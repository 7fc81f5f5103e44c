"""Charts rendered on the server as inline SVG: no JavaScript, no style attributes.

A chart is a ``BarChart``: a horizontal bar per (label, value) pair. A value is a
whole number, or a marker such as ``"<5"`` (a small number that is not shown) or
the lazy "verborgen" (see ``reporting.suppression.suppress``): a marker gets no bar,
only its text.

Accessibility (WCAG 2.2 AA):

* the ``<svg>`` has ``role="img"``, a ``<title>``, and ``aria-labelledby`` that points
  at the caption of the figure it stands in (``<id>-caption``); its ``<desc>``
  lists every value, and templates always show the same data in a real
  ``<table>`` beside the chart (``reporting/dashboards/_chart.html``);
* each label stands above its bar, so long labels are never cut off;
* colours: bars ``BAR_COLOUR`` (5.9:1 on white, non-text contrast needs 3:1), text
  ``TEXT_COLOUR`` (17:1, text needs 4.5:1).

Content Security Policy: only SVG presentation attributes (``fill``, ``width``,
``font-size``, …), which are not ``style`` and need no ``'unsafe-inline'``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

Value = int | str | Promise  # a count, or a marker (``reporting.suppression.Shown``)

BAR_COLOUR = "#01689b"
TEXT_COLOUR = "#1a1a1a"
AXIS_COLOUR = "#595959"

# The viewBox; the SVG scales to its container (at most 40rem wide, see the
# dashboards' stylesheet), so text of 16 units reads at 12–20 px from phone to desktop.
WIDTH = 440
VALUE_SPACE = 70  # room right of the longest bar for its number
FONT_SIZE = 16
LABEL_HEIGHT = 21  # the label line above each bar
BAR_HEIGHT = 22
ROW_GAP = 12
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
PADDING = 4


def _number(value: Value) -> str:
    return str(value)


def bar_chart_svg(rows: Sequence[tuple[object, Value]], *, chart_id: str, title: str) -> SafeString:
    """The SVG of a horizontal bar chart; ``chart_id`` names the caption it is labelled by."""
    numbers = [value for _label, value in rows if isinstance(value, int) and not isinstance(value, bool)]
    if any(value < 0 for value in numbers):
        raise ValueError("A bar chart shows counts: no negative values.")
    largest = max(numbers, default=0)
    bar_space = WIDTH - VALUE_SPACE - PADDING
    height = max(len(rows), 1) * ROW_HEIGHT + PADDING

    parts = []
    for index, (label, value) in enumerate(rows):
        top = PADDING + index * ROW_HEIGHT
        label_y = top + LABEL_HEIGHT - 5
        bar_y = top + LABEL_HEIGHT
        text_y = bar_y + BAR_HEIGHT - 6
        parts.append(
            format_html(
                '<text x="{}" y="{}" fill="{}" font-size="{}">{}</text>',
                PADDING,
                label_y,
                TEXT_COLOUR,
                FONT_SIZE,
                label,
            )
        )
        number = value if isinstance(value, int) and not isinstance(value, bool) else None
        width = round(bar_space * number / largest) if number is not None and largest else 0
        if number is not None and number > 0:
            width = max(width, 2)  # one case still shows as a sliver
        if width:
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>',
                    PADDING,
                    bar_y,
                    width,
                    BAR_HEIGHT,
                    BAR_COLOUR,
                )
            )
        parts.append(
            format_html(
                '<text x="{}" y="{}" fill="{}" font-size="{}" font-weight="bold">{}</text>',
                PADDING + width + 6,
                text_y,
                TEXT_COLOUR,
                FONT_SIZE,
                _number(value),
            )
        )
    description = "; ".join(f"{label}: {_number(value)}" for label, value in rows) or _("Geen gegevens.")
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-caption" '
        'aria-describedby="{id}-desc" focusable="false" width="100%" viewBox="0 0 {width} {height}" '
        'preserveAspectRatio="xMinYMin meet" class="portal-chart__svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        '<line x1="{axis}" y1="{padding}" x2="{axis}" y2="{bottom}" stroke="{axis_colour}" stroke-width="1"></line>'
        "{bars}</svg>",
        id=chart_id,
        width=WIDTH,
        height=height,
        title=title,
        description=description,
        axis=PADDING,
        padding=PADDING,
        bottom=height - ROW_GAP,
        axis_colour=AXIS_COLOUR,
        bars=format_html_join("", "{}", ((part,) for part in parts)),
    )


@dataclass(frozen=True)
class BarChart:
    """A chart and the data of its table: ``reporting/dashboards/_chart.html`` shows both.

    ``table`` is the name for the CSV download (``?format=csv&table=<table>``).
    """

    chart_id: str
    table: str
    caption: str
    label_header: str
    value_header: str
    rows: tuple[tuple[object, Value], ...]
    total_label: str = ""
    total: Value | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def svg(self) -> SafeString:
        return bar_chart_svg(self.rows, chart_id=self.chart_id, title=self.caption)
