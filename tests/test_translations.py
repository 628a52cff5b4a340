"""The UI's own words have a Korean translation, every one of them, where the QML is now."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_qml_string_is_translated_into_korean(tmp_path: Path) -> None:
    """lupdate over today's QML adds nothing and leaves nothing unfinished: a string that
    is new, changed or moved to another file has its translation in kiosk_ko.ts."""
    ts = tmp_path / "kiosk_ko.ts"
    shutil.copy(REPO / "ui" / "i18n" / "kiosk_ko.ts", ts)
    qml = sorted(str(path) for path in (REPO / "ui").rglob("*.qml"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([lupdate, "-silent", *qml, "-ts", str(ts)], check=True, timeout=120)
    untranslated = [
        message.findtext("source")
        for message in ElementTree.parse(ts).getroot().iter("message")
        if (message.find("translation") is not None)
        and message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert untranslated == [], "run tools/update_translations.py, then translate these"
