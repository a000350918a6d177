"""Charts drawn as SVG by the portal itself: no scripts, no third-party hosts."""

from dataclasses import dataclass

from django.utils.formats import date_format

from .analytics import SURVIVAL_CHECKPOINTS, CohortRow

COLOURS = {1: "#0b5c8c", 2: "#1d6b35", 4: "#7a4a00"}


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    colour: str
    label: str


def survival_chart(cohorts: list[CohortRow], *, width: int = 720, height: int = 240) -> dict:
    """Grouped bars: for each cohort, the share alive after 1, 2 and 4 quarters."""
    left, bottom, top = 40, 40, 10
    plot_height = height - bottom - top
    group = (width - left) / max(len(cohorts), 1)
    bar_width = group / (len(SURVIVAL_CHECKPOINTS) + 1)
    bars, labels = [], []
    for index, cohort in enumerate(cohorts):
        x0 = left + index * group + bar_width / 2
        labels.append(
            {
                "x": x0 + bar_width * 1.5,
                "text": date_format(cohort.quarter, "Y")
                + f" Q{(cohort.quarter.month - 1) // 3 + 1}",
            }
        )
        for position, checkpoint in enumerate(SURVIVAL_CHECKPOINTS):
            share = cohort.surviving.get(checkpoint)
            if share is None:
                continue
            bar_height = plot_height * share
            bars.append(
                Bar(
                    x=round(x0 + position * bar_width, 1),
                    y=round(top + plot_height - bar_height, 1),
                    height=round(bar_height, 1),
                    colour=COLOURS[checkpoint],
                    label=f"{round(share * 100)} %",
                )
            )
    grid = [
        {"y": round(top + plot_height * (1 - share), 1), "label": f"{round(share * 100)} %"}
        for share in (0, 0.25, 0.5, 0.75, 1)
    ]
    return {
        "width": width,
        "height": height,
        "bar_width": round(bar_width * 0.9, 1),
        "bars": bars,
        "labels": labels,
        "grid": grid,
        "baseline": top + plot_height,
        "legend": [{"checkpoint": k, "colour": COLOURS[k]} for k in SURVIVAL_CHECKPOINTS],
    }
