"""QR codes for links, drawn at run time from the package's URL (segno), as SVG data URLs
that QML's Image shows at any size without blurring."""

from __future__ import annotations

import io
from urllib.parse import quote

import segno


def qr_svg_data_url(text: str, dark: str = "#14213d", light: str = "#ffffff") -> str:
    """A ``data:`` URL of an SVG QR code for ``text`` (error correction M, quiet zone 2)."""
    code = segno.make_qr(text, error="m")
    buffer = io.BytesIO()
    code.save(
        buffer, kind="svg", border=2, dark=dark, light=light, xmldecl=False, svgns=True, scale=1
    )
    return "data:image/svg+xml;charset=utf-8," + quote(buffer.getvalue().decode("utf-8"))
