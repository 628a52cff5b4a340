"""Starting the layout check (``kiosk.layout_check``) in a process of its own and reading
its answer: for ``package build``, which waits for it with a progress bar, and for the
live preview, which starts one after each good build and stops it when the next save
comes. Its own process keeps Qt's start, windows and messages out of the caller's, and a
crash of it out of the preview."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from kiosk.config import KioskConfig
from kiosk.errors import KioskError


class LayoutCheckStoppedError(KioskError):
    """The check was stopped before it finished (a newer save replaced it)."""


class LayoutCheck:
    """One layout check of a built package, running from the moment it is made."""

    def __init__(
        self,
        package: Path,
        manifest: Path,
        media: Mapping[str, Path],
        config: KioskConfig,
        background: bool = False,
    ) -> None:
        request = {
            "package": str(package),
            "manifest": str(manifest),
            "media": {sha: str(path) for sha, path in media.items()},
            "config": config.model_dump(mode="json", include={"display", "accessibility"}),
            # Behind the editor's own work (the preview's window) when in the background.
            "background": background,
        }
        self._stopped = False
        # What the check says on stderr (Qt's messages), for a reason if it fails; closed
        # by wait(), not here.
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 - it outlives this method
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "kiosk.layout_check"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._errors,
                env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                text=True,
                encoding="utf-8",
            )
        except OSError as error:
            self._errors.close()
            raise KioskError(f"the layout could not be checked: {error.strerror}") from error
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(json.dumps(request))
            self._process.stdin.close()
        except OSError:
            pass  # it ended already; wait() says why

    def wait(self, progress: Callable[[int, int], None] | None = None) -> list[str]:
        """The check's warnings once it is done. Raises ``LayoutCheckStoppedError`` if it
        was stopped, ``KioskError`` if it could not run."""
        assert self._process.stdout is not None
        warnings: list[str] | None = None
        error = ""
        for line in self._process.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if "done" in message and progress is not None:
                progress(int(message["done"]), int(message["of"]))
            warnings = message.get("warnings", warnings)
            error = message.get("error", error)
        self._process.stdout.close()
        code = self._process.wait()
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        self._errors.close()
        if self._stopped:
            raise LayoutCheckStoppedError("the layout check was stopped")
        if warnings is None or code != 0:
            reason = error or (said[-1] if said else f"it ended with code {code}")
            raise KioskError(f"the layout could not be checked: {reason}")
        return [str(warning) for warning in warnings]

    def stop(self) -> None:
        """Stop it now; ``wait`` then raises ``LayoutCheckStoppedError``."""
        self._stopped = True
        if self._process.poll() is None:
            self._process.kill()
