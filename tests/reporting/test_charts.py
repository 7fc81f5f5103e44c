"""The server-rendered SVG charts (``reporting.charts``)."""

from __future__ import annotations

import re

import pytest

from reporting.charts import BAR_COLOUR, TEXT_COLOUR, bar_chart_svg
from reporting.suppression import SMALL


def test_bar_chart_is_an_accessible_svg_without_style_attributes():
    svg = str(
        bar_chart_svg(
            [("Hulp <gegeven>", 12), ("Geen contact", SMALL), ("Afgewezen", 0)], chart_id="x", title="Uitkomsten"
        )
    )
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert 'aria-labelledby="x-caption"' in svg
    assert '<title id="x-title">Uitkomsten</title>' in svg
    assert "style" not in svg
    assert "<script" not in svg
    assert "Hulp &lt;gegeven&gt;" in svg  # labels are escaped
    assert "Hulp <gegeven>" not in svg
    assert "Geen contact: &lt;5" in svg  # the description holds every value
    # One bar: the 12. Neither "<5" nor 0 gets one.
    bars = re.findall(r'<rect [^>]*width="(\d+)"', svg)
    assert len(bars) == 1
    assert f'fill="{BAR_COLOUR}"' in svg and f'fill="{TEXT_COLOUR}"' in svg


def test_bar_lengths_follow_the_values():
    svg = str(bar_chart_svg([("a", 10), ("b", 5), ("c", 1)], chart_id="y", title="t"))
    widths = [int(w) for w in re.findall(r'<rect [^>]*width="(\d+)"', svg)]
    assert widths[0] == 2 * widths[1]
    assert widths[2] >= 2  # one still shows


def test_bar_chart_refuses_negative_values():
    with pytest.raises(ValueError):
        bar_chart_svg([("a", -1)], chart_id="z", title="t")


@pytest.mark.parametrize(
    ("colour", "minimum"),
    [(BAR_COLOUR, 3.0), (TEXT_COLOUR, 4.5)],
)
def test_chart_colours_contrast_with_white(colour, minimum):
    from tests.browser.helpers import contrast_ratio

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    assert contrast_ratio(f"rgb({red}, {green}, {blue})", "rgb(255, 255, 255)") >= minimum
