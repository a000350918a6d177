"""PDF documents with WeasyPrint and the portal's own fonts. The fetcher reads only the
portal's static files: a document can never load anything from another host."""

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

STATIC = Path(settings.BASE_DIR) / "static"


class StaticFilesOnly(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file", "data"})

    def fetch(self, url: str, headers: dict | None = None) -> Any:
        if url.startswith("file:"):
            path = Path(unquote(urlsplit(url).path)).resolve()
            if not path.is_relative_to(STATIC.resolve()):
                raise ValueError(f"PDFs read only the portal's static files: {url}")
        return super().fetch(url, headers)


def render_pdf(html: str) -> bytes:
    fetcher = StaticFilesOnly()
    # @font-face rules take effect only through a FontConfiguration shared by CSS and PDF.
    fonts = FontConfiguration()
    stylesheet = CSS(
        filename=str(STATIC / "css" / "pdf.css"), url_fetcher=fetcher, font_config=fonts
    )
    document = HTML(string=html, base_url=str(STATIC) + "/", url_fetcher=fetcher)
    return bytes(document.write_pdf(stylesheets=[stylesheet], font_config=fonts))
