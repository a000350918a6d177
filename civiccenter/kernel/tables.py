"""Writing lists of dictionaries as CSV (streamed) or XLSX, for every export of the portal."""

import csv
import io
from collections.abc import Iterable, Iterator

from openpyxl import Workbook


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(records: Iterable[dict], columns: list[str]) -> Iterator[str]:
    writer = csv.DictWriter(_Echo(), fieldnames=columns)
    yield "\ufeff" + writer.writeheader()  # a BOM, so that Excel reads the Cyrillic right
    for record in records:
        yield writer.writerow(record)


def xlsx_bytes(records: Iterable[dict], columns: list[str], *, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(columns)
    for record in records:
        sheet.append([record[column] for column in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
