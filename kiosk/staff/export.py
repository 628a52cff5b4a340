"""Taking the numbers home: the stats as CSV and the recent log, onto a USB stick.

The staff panel's Export page and ``gyeonggi-kiosk stats export --with-log`` both end here.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from kiosk.analytics.log import log_path
from kiosk.analytics.stats import export_csv
from kiosk.errors import KioskError
from kiosk.files import fsync_directory, fsync_file
from kiosk.staff.kiosk_log import log_file


def export_for_staff(
    data_dir: Path, destination: Path, today: date | None = None, kiosk_name: str = ""
) -> list[Path]:
    """Write events.csv, daily_summary.csv, today_summary.csv, export.json and
    kiosk-log.txt into a new folder on ``destination`` (named by the kiosk and the time);
    the files, flushed to the stick."""
    name = f"{kiosk_name}-" if kiosk_name else ""
    folder = destination / f"gyeonggi-kiosk-{name}{datetime.now():%Y%m%d-%H%M%S}"
    written = export_csv(log_path(data_dir), folder, today or date.today(), kiosk_name)
    log = log_file(data_dir)
    try:
        if log.is_file():
            copy = folder / "kiosk-log.txt"
            shutil.copyfile(log, copy)
            written.append(copy)
        for path in written:
            fsync_file(path)
        fsync_directory(folder)
    except OSError as error:
        raise KioskError(f"cannot write to {destination}: {error.strerror or error}") from error
    return written
