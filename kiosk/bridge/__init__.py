"""The QObjects, models and properties that QML sees.

This is the only package that imports Qt Quick-facing modules. Each object adapts one
core service; QML talks to nothing else, and never opens files or databases.
"""

QML_IMPORT_NAME = "Kiosk.Bridge"
QML_IMPORT_MAJOR_VERSION = 1
