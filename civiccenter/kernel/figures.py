"""One way to print each quantity, for pages, PDFs, spreadsheets and letters alike, so that a
figure reads the same everywhere (Russian style: a non-breaking space between thousands, a
comma before the fraction).

- Roubles keep their kopecks when there are any: «365 000», «1 500,50».
- Hours are counted in quarter hours and shown with no more decimals than they have:
  «2», «1,5», «2,25», «0,75».
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

KOPECK = Decimal("0.01")
QUARTER_HOUR = Decimal("0.25")


def _decimal(value: Decimal | int | float | str | None) -> Decimal:
    if value is None or value == "":
        return Decimal(0)
    return value if isinstance(value, Decimal) else Decimal(str(value))


def roubles(value: Decimal | int | float | str | None) -> str:
    amount = _decimal(value).quantize(KOPECK, rounding=ROUND_HALF_UP)
    places = 0 if amount == amount.to_integral_value() else 2
    return _grouped(amount, places)


def hours(value: Decimal | int | float | str | None) -> str:
    """Hours to the nearest quarter hour (what the log records exactly)."""
    amount = (_decimal(value) / QUARTER_HOUR).to_integral_value(ROUND_HALF_UP) * QUARTER_HOUR
    places = max(0, -amount.normalize().as_tuple().exponent)  # type: ignore[operator]
    return _grouped(amount, int(places))


def count(value: Decimal | int | None) -> str:
    """People, events, publications: whole numbers, grouped by thousands."""
    return _grouped(_decimal(value).to_integral_value(ROUND_HALF_UP), 0)


def _grouped(amount: Decimal, places: int) -> str:
    text = number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)
    return text.replace(" ", "\u00a0")
