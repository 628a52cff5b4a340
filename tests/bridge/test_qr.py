"""The venue QR code is real: rendered, its modules are the code for the package's URL."""

from __future__ import annotations

from urllib.parse import unquote

import segno
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage

from kiosk.bridge.qr import qr_svg_data_url

URL = "https://www.regionsweek.kr"


def test_rendered_qr_matches_the_code_for_the_url(qapp) -> None:
    """Every module of the rendered SVG is dark exactly where the QR matrix says."""
    source = qr_svg_data_url(URL)
    header, payload = source.split(",", 1)
    assert header.startswith("data:image/svg+xml")
    expected = segno.make_qr(URL, error="m")
    side = expected.symbol_size(border=2)[0]
    image = QImage.fromData(QByteArray(unquote(payload).encode()), "SVG")
    assert not image.isNull()
    image = image.scaled(side * 10, side * 10)
    border = 2
    for row, bits in enumerate(expected.matrix):
        for column, bit in enumerate(bits):
            pixel = image.pixelColor((column + border) * 10 + 5, (row + border) * 10 + 5)
            assert (pixel.lightness() < 128) == bool(bit), (row, column)
