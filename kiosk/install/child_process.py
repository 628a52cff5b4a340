"""Running an install in a child process, for the kiosk while it shows.

The kiosk installs from a USB stick while visitors use the screen. In a child process a
crash in a damaged file's decoding ends the install, not the show; the install's memory
goes back to the system when it ends; and its Python code never takes the GIL from the
UI's (docs/decisions/0008, measured with tests/benchmarks/install_speed.py).

The child runs exactly ``Installer.install`` (the code behind ``package install``);
progress and the result or the error come back over a pipe.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from kiosk.content.signing import TrustedKey, public_line
from kiosk.errors import KioskError
from kiosk.install.installer import (
    ApprovalReason,
    Installer,
    InstallError,
    InstallResult,
    NeedsStaffApproval,
    PackageStillChangingError,
)

# Copying and hashing must not take CPU from the show.
CHILD_NICENESS = 10

_ERRORS: dict[str, type[KioskError]] = {
    "install": InstallError,
    "changing": PackageStillChangingError,
    "kiosk": KioskError,
}


def install_in_child_process(
    installer: Installer,
    source: Path,
    *,
    approved: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> InstallResult:
    """``installer.install(source, ...)`` in a fresh Python process. Raises what it would
    raise (``InstallError``, ``NeedsStaffApproval``, ``KioskError``), and ``KioskError``
    if the child stops without an answer."""
    keys = [public_line(key.public_key) for key in installer.trusted_keys]
    # "spawn": a fresh interpreter; forking a process that runs Qt threads is unsafe.
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child_main,
        args=(send, str(installer.data_dir), keys, str(source), approved),
        name="kiosk-package-install",
        daemon=True,
    )
    child.start()
    # Lowered from here, at once: a fresh interpreter importing the installer is half a
    # second of CPU, and at the show's priority it took frames from the GUI thread
    # (tests/benchmarks/install_speed.py under Xvfb: an 18 ms beat as an install began).
    _lower_priority(child.pid)
    send.close()  # the child holds the only sending end now: EOF means it is gone
    try:
        while True:
            try:
                message = receive.recv()
            except EOFError:
                break
            kind = message[0]
            if kind == "progress" and progress is not None:
                progress(message[1], message[2])
            elif kind == "done":
                return InstallResult(*message[1])
            elif kind == "error" and message[1] == "approval":
                package_id, version, title, reason = message[3]
                raise NeedsStaffApproval(package_id, version, title, ApprovalReason(reason))
            elif kind == "error":
                raise _ERRORS.get(message[1], KioskError)(message[2])
    finally:
        receive.close()
        child.join(timeout=30)
    raise KioskError(
        f"the installer stopped unexpectedly (exit code {child.exitcode}); "
        "the content shown is unchanged"
    )


def _lower_priority(pid: int | None) -> None:
    """``pid`` (0: this process) at CHILD_NICENESS. Nice, not SCHED_IDLE: the show comes
    first, but the install still finishes on a kiosk that is busy playing video all day."""
    if pid is None:
        return
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, pid, CHILD_NICENESS)


def _child_main(
    send: Connection, data_dir: str, keys: list[str], source: str, approved: bool
) -> None:
    _lower_priority(0)  # the parent did so already; this process's own word on it
    last = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // total if total else 100
        if percent != last[0]:  # a hundred messages at most
            last[0] = percent
            send.send(("progress", done, total))

    try:
        installer = Installer(Path(data_dir), [TrustedKey.parse(line) for line in keys])
        result = installer.install(Path(source), approved=approved, progress=progress)
    except NeedsStaffApproval as error:
        send.send(("error", "approval", str(error), error.fields()))
    except PackageStillChangingError as error:
        send.send(("error", "changing", str(error)))
    except InstallError as error:
        send.send(("error", "install", str(error)))
    except KioskError as error:
        send.send(("error", "kiosk", str(error)))
    except Exception as error:  # a supervision boundary: the parent reports it to staff
        traceback.print_exc()
        send.send(("error", "kiosk", f"unexpected error in the installer: {error}"))
    else:
        send.send(
            (
                "done",
                (result.package_id, result.version, result.path, result.signed_by, result.replaced),
            )
        )
    finally:
        send.close()
