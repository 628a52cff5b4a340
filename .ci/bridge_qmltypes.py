"""Write QML type descriptions of the Kiosk.Bridge module into a folder, for qmllint.

    python .ci/bridge_qmltypes.py OUT        (OUT/Kiosk/Bridge/{qmldir,bridge.qmltypes})

pyside6-metaobjectdump reads the @QmlElement classes of kiosk/bridge/ and
pyside6-qmltyperegistrar turns what it read into a .qmltypes file. metaobjectdump drops
``constant=True`` (PySide6 6.11), which would make qmllint call every constant property
stale; it is put back here from the same sources.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
BRIDGE = ROOT / "kiosk" / "bridge"
BIN = Path(sys.executable).parent
# The Qt modules whose types the bridge's classes derive from or mention.
QT_MODULES = ("core", "gui", "qml", "quick", "multimedia")


def constant_properties(source: Path) -> dict[str, set[str]]:
    """Class name → names of its properties declared ``Property(..., constant=True)``."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ClassDef):
            continue
        for item in node.body:
            if isinstance(item, ast.FunctionDef):
                calls = [d for d in item.decorator_list if isinstance(d, ast.Call)]
                name = item.name
            elif isinstance(item, ast.Assign) and isinstance(item.value, ast.Call):
                calls = [item.value]
                name = item.targets[0].id if isinstance(item.targets[0], ast.Name) else ""
            else:
                continue
            for call in calls:
                if getattr(call.func, "id", "") != "Property":
                    continue
                if any(
                    k.arg == "constant" and getattr(k.value, "value", False) for k in call.keywords
                ):
                    found.setdefault(node.name, set()).add(name)
    return found


def main(out: Path) -> None:
    sources = sorted(BRIDGE.rglob("*.py"))
    dump = out / "bridge.json"
    listing = subprocess.run(
        [BIN / "pyside6-metaobjectdump", "-o", dump, *sources],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in listing.stdout.splitlines() + listing.stderr.splitlines():
        if not line.startswith("No classes found in"):
            print(line, file=sys.stderr)
    constants: dict[str, set[str]] = {}
    for source in sources:
        for cls, names in constant_properties(source).items():
            constants.setdefault(cls, set()).update(names)
    files = json.loads(dump.read_text(encoding="utf-8"))
    for entry in files:
        for cls in entry.get("classes", []):
            for prop in cls.get("properties", []):
                if prop["name"] in constants.get(cls["className"], ()):
                    prop["constant"] = True
    dump.write_text(json.dumps(files), encoding="utf-8")
    module = out / "Kiosk" / "Bridge"
    module.mkdir(parents=True, exist_ok=True)
    metatypes = Path(PySide6.__file__).parent / "Qt" / "metatypes"
    foreign = ",".join(str(metatypes / f"qt6{name}_metatypes.json") for name in QT_MODULES)
    subprocess.run(
        [
            BIN / "pyside6-qmltyperegistrar",
            "--generate-qmltypes",
            module / "bridge.qmltypes",
            "-o",
            out / "registrations.cpp",
            "--import-name",
            "Kiosk.Bridge",
            "--major-version",
            "1",
            "--minor-version",
            "0",
            f"--foreign-types={foreign}",
            dump,
        ],
        check=True,
    )
    # The bridge's types derive from QtQuick's (VideoFrameItem is a QQuickPaintedItem) and
    # hand QtMultimedia's (Headphones.device is a QAudioDevice).
    qmldir = [
        "module Kiosk.Bridge",
        "typeinfo bridge.qmltypes",
        "depends QtQuick",
        "depends QtMultimedia",
    ]
    (module / "qmldir").write_text("\n".join(qmldir) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
