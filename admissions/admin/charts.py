"""Bar charts for the admissions report, drawn on the server as SVG: no script, no
library. Each chart sits beside a table holding the same numbers, which stays the
accessible source of truth."""

from django.utils.translation import gettext as _

LABEL_WIDTH = 150  # the labels' column, right-aligned against the bars
BAR_AREA = 300  # the longest bar
ROW_HEIGHT = 24
PADDING = 8
WIDTH = LABEL_WIDTH + BAR_AREA + 110  # room for the value after the longest bar


def horizontal_bars(chart_id, title, items):
    """A horizontal bar chart of `items`, (label, value, text) each: bars scaled to the
    biggest value, `text` written after the bar. A hidden value (None) gets no bar and
    reads "hidden", as in the table. Returns what _bar_chart.html draws, with a text
    alternative ("desc") that names every bar and its value."""
    hidden = _("hidden")
    biggest = max((value for _label, value, _text in items if value), default=0)
    rows = []
    for index, (label, value, text) in enumerate(items):
        top = PADDING + index * ROW_HEIGHT
        length = round(BAR_AREA * value / biggest) if value and biggest else 0
        rows.append(
            {
                "label": label,
                "text": hidden if value is None else text,
                "bar_y": top + 4,
                "text_y": top + 17,
                "length": length,
                "value_x": LABEL_WIDTH + length + 6,
            }
        )
    return {
        "id": chart_id,
        "title": title,
        "desc": "; ".join(f"{row['label']}: {row['text']}" for row in rows),
        "rows": rows,
        "width": WIDTH,
        "height": 2 * PADDING + len(rows) * ROW_HEIGHT,
        "bar_x": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
    }
