"""Writing lists of dictionaries as CSV (streamed) or XLSX, for every export of the portal.

Text that people typed may start like a spreadsheet formula (`=HYPERLINK(…)`, `+7…`, `@SUM`):
opened in Excel or LibreOffice it would run. Every writer here neutralises it (OWASP, «CSV
Injection»): in CSV such text gets a leading apostrophe, in XLSX it is stored as text, never as
a formula. Numbers, dates and decimals are written as they are."""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_safe(value: Any) -> Any:
    """A CSV cell that no spreadsheet will run."""
    return "'" + value if is_formula_like(value) else value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(records: Iterable[dict], columns: list[str]) -> Iterator[str]:
    writer = csv.DictWriter(_Echo(), fieldnames=columns)
    yield "\ufeff" + writer.writeheader()  # a BOM, so that Excel reads the Cyrillic right
    for record in records:
        yield writer.writerow({column: csv_safe(record[column]) for column in columns})


# Decimals are hours and roubles: shown with their quarters and kopecks, as on the pages.
DECIMAL_FORMAT = "#,##0.00"
INTEGER_FORMAT = "#,##0"


def xlsx_cell(sheet: WriteOnlyWorksheet, value: Any) -> Cell:
    """A cell of a write-only sheet; formula-like text stays text; numbers get a format."""
    cell = WriteOnlyCell(sheet, value=value)
    if is_formula_like(value):
        cell.data_type = "s"
    elif isinstance(value, Decimal | float):
        cell.number_format = DECIMAL_FORMAT
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = INTEGER_FORMAT
    return cell


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook for officials: its heading (the document's title and period)
    on the first row, the column names on the second, then the rows, and notes under them."""

    title: str
    heading: str
    columns: list[str]
    records: Iterable[dict]
    notes: tuple[str, ...] = ()


def _write(workbook: Workbook, sheet_data: Sheet, *, heading_rows: int) -> None:
    sheet = workbook.create_sheet(title=sheet_data.title[:31])
    sheet.freeze_panes = f"A{heading_rows + 2}"  # the heading and the header stay in view
    for number, column in enumerate(sheet_data.columns, 1):
        width = max(12, min(60, len(column) + 4))
        sheet.column_dimensions[get_column_letter(number)].width = width
    if heading_rows:
        heading = WriteOnlyCell(sheet, value=sheet_data.heading)
        heading.font = Font(bold=True, size=13)
        sheet.append([heading])
    header = []
    for column in sheet_data.columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for record in sheet_data.records:
        sheet.append([xlsx_cell(sheet, record[column]) for column in sheet_data.columns])
    for note in sheet_data.notes:
        sheet.append([])
        sheet.append([xlsx_cell(sheet, note)])


def xlsx_workbook(sheets: list[Sheet]) -> bytes:
    """A workbook of several sheets, each with its heading row."""
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        _write(workbook, sheet, heading_rows=1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(records: Iterable[dict], columns: list[str], *, title: str) -> bytes:
    """One sheet, the column names on its first row (exports of lists)."""
    workbook = Workbook(write_only=True)
    _write(workbook, Sheet(title, "", columns, records), heading_rows=0)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
