"""Bring ui/i18n/*.ts up to date with the QML: every qsTr string of ui/, at its place.

    .venv/bin/python tools/update_translations.py

pyside6-lupdate files a string by the QML file it is in, so a string that moves to
another file (a page split out of a view) would lose its translation. Here a string that
lupdate marks unfinished takes the translation the same words already have anywhere in
the file, and strings the QML no longer has are dropped. What is still unfinished after
that is listed: translate it (Qt Linguist, or by hand) before committing;
tests/test_translations.py fails while any is left.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"


def known_translations(ts: Path) -> dict[str, str]:
    """Source words → their finished translation, from every context of ``ts``."""
    known: dict[str, str] = {}
    for message in ElementTree.parse(ts).getroot().iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or not translation.text:
            continue
        if translation.get("type") in (None, "obsolete", "vanished"):
            known.setdefault(source.text or "", translation.text)
    return known


def update(ts: Path) -> list[str]:
    """Update ``ts``; the source words still without a translation."""
    known = known_translations(ts)
    lupdate(ts)
    tree = ElementTree.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        for message in list(context.iter("message")):
            source, translation = message.find("source"), message.find("translation")
            if source is None or translation is None:
                continue
            kind = translation.get("type")
            if kind in ("obsolete", "vanished"):
                context.remove(message)
            elif kind == "unfinished":
                words = source.text or ""
                if words in known:
                    translation.text = known[words]
                    del translation.attrib["type"]
                else:
                    missing.append(words)
    for context in list(tree.getroot().iter("context")):
        if context.find("message") is None:
            tree.getroot().remove(context)
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    lupdate(ts)  # again, to write the file as lupdate does
    return missing


def lupdate(ts: Path) -> None:
    qml = sorted(str(path.relative_to(ROOT)) for path in UI.rglob("*.qml"))
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([tool, "-silent", *qml, "-ts", str(ts)], cwd=ROOT, check=True)


def main() -> int:
    left = 0
    for ts in sorted((UI / "i18n").glob("*.ts")):
        for words in update(ts):
            print(f"{ts.name}: not translated yet: {words}")
            left += 1
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main())
