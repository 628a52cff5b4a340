"""How the kiosk's Syncthing folders stand, asked of Syncthing's REST API, for ``doctor``:
for each drop folder and the report folder that Syncthing shares, its kind (a drop folder
should only receive, so the kiosk never sends changes back), whether it is up to date or
how far its sync has come, its errors, and how many of its devices are connected.

Syncthing is asked only on this PC's own address (``syncthing.url``), with its API key.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

TIMEOUT_S = 3.0
KINDS = {"receiveonly": "receive only", "sendonly": "send only", "sendreceive": "send and receive"}


@dataclass(frozen=True)
class FolderState:
    """One folder as staff need to know it: ``outcome`` is ok, note or problem."""

    outcome: Literal["ok", "note", "problem"]
    path: Path
    detail: str


class SyncthingUnreachableError(Exception):
    """Syncthing did not answer, or not as Syncthing."""


class SyncthingApi:
    """The few REST calls doctor makes."""

    def __init__(self, url: str, api_key: str) -> None:
        self._url = url.rstrip("/")
        self._key = api_key

    def get(self, path: str, **query: str) -> Any:
        address = f"{self._url}{path}"
        if query:
            address += "?" + urllib.parse.urlencode(query)
        request = urllib.request.Request(address, headers={"X-API-Key": self._key})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:
                return json.loads(answer.read())
        except urllib.error.HTTPError as error:
            if error.code in (401, 403):
                raise SyncthingUnreachableError(
                    f"Syncthing at {self._url} refused the API key (syncthing.api_key)"
                ) from error
            raise SyncthingUnreachableError(
                f"Syncthing at {self._url} answered {error.code}"
            ) from error
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            raise SyncthingUnreachableError(
                f"Syncthing does not answer at {self._url} ({reason}): is it running?"
            ) from error


def folder_states(
    api: SyncthingApi, drop_folders: list[Path], report_folder: Path | None
) -> list[FolderState]:
    """The state of each drop folder and the report folder that Syncthing shares; a
    folder Syncthing does not share is a note. Raises ``SyncthingUnreachableError``."""
    folders = api.get("/rest/config/folders")
    connected = {
        device for device, link in api.get("/rest/system/connections")["connections"].items()
        if link.get("connected")
    }  # fmt: skip
    by_path = {_resolved(Path(folder["path"])): folder for folder in folders}
    wanted = [(path, "receiveonly") for path in drop_folders]
    if report_folder is not None:
        wanted.append((report_folder, "sendonly"))
    states = []
    for path, kind in wanted:
        folder = by_path.get(_resolved(path))
        if folder is None:
            states.append(FolderState("note", path, "not a Syncthing folder"))
            continue
        states.append(_state(api, path, folder, kind, connected))
    return states


def _state(
    api: SyncthingApi, path: Path, folder: dict[str, Any], kind: str, connected: set[str]
) -> FolderState:
    status = api.get("/rest/db/status", folder=folder["id"])
    peers = [device["deviceID"] for device in folder.get("devices", [])]
    # The folder lists this PC's own device too, which is never "connected".
    others = [device for device in peers if device in connected]
    shared = max(0, len(peers) - 1)
    name = f"{folder.get('label') or folder['id']} ({KINDS.get(folder['type'], folder['type'])})"
    devices = f"{len(others)} of {shared} devices connected"
    errors = int(status.get("errors", 0)) + int(status.get("pullErrors", 0))
    state = str(status.get("state", ""))
    if folder.get("paused"):
        return FolderState("problem", path, f"{name}: paused in Syncthing; {devices}")
    if state == "error" or errors:
        message = status.get("error") or f"{errors} files could not be synced"
        return FolderState("problem", path, f"{name}: {message}; {devices}")
    if folder["type"] != kind and not (kind == "sendonly" and folder["type"] == "sendreceive"):
        wanted = KINDS[kind]
        return FolderState(
            "problem", path,
            f"{name}: should be {wanted} (Syncthing: Edit folder > Advanced > Folder Type)",
        )  # fmt: skip
    if shared and not others:
        return FolderState("problem", path, f"{name}: no device connected of {shared}")
    need = int(status.get("needBytes", 0))
    whole = int(status.get("globalBytes", 0))
    if need or state in ("syncing", "sync-preparing"):
        done = 100 * (whole - need) / whole if whole else 0
        return FolderState("note", path, f"{name}: syncing, {done:.0f} % here; {devices}")
    return FolderState("ok", path, f"{name}: up to date ({state or 'idle'}); {devices}")


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except OSError:
        return path
