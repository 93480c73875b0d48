"""The PDF, made by WeasyPrint from the same HTML as the page (print stylesheet)."""


def render_pdf(html):
    from weasyprint import HTML

    # No base URL: the document carries its styles inline and fetches nothing.
    return HTML(string=html, base_url=None, url_fetcher=_no_fetch).write_pdf()


def _no_fetch(url, timeout=10, ssl_context=None):
    raise ValueError(f"The documentation fetches nothing ({url}).")
