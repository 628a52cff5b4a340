"""Installing a content package: stage, verify, extract, switch atomically, keep one back.

The same code serves the command line (``package install``, ``package rollback``) and the
kiosk's own discovery of USB sticks. Every step can fail (a stick pulled out, a full disk,
damaged bytes, an untrusted signature, a power cut) and none leaves the active content
changed: the switch is one atomic rename of a small pointer file, made only after the new
package and its media are complete on disk.

Layout of the data directory::

    packages/<id>-<version>-<digest>.kpkg   installed packages (the active and the previous)
    staging/*.part                          copies in progress (removed at start-up)
    media/                                  media by SHA-256 (see media_store.py)
    active.json                             {"active": NAME, "previous": NAME | null}
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kiosk.content.package import (
    ContentPackage,
    DamagedMediaError,
    MediaItem,
    check_package_file,
)
from kiosk.content.signing import SignatureStanding, TrustedKey, signature_standing
from kiosk.errors import KioskError, PackageError
from kiosk.files import (
    NotARegularFileError,
    fsync_directory,
    open_regular_file,
    write_atomically,
    writing_behind,
)
from kiosk.install.media_store import MediaStore
from kiosk.notices import Notice, notice
from kiosk.paths import DataPaths
from kiosk.safe_text import printable

if TYPE_CHECKING:
    from kiosk.content.verify import VerificationReport

log = logging.getLogger(__name__)

COPY_BLOCK = 1024 * 1024
# Kept free beyond what an install needs, so the kiosk's log and visitor numbers still fit.
ROOM_TO_SPARE = 100 * 10**6


class InstallError(KioskError):
    """An install did not happen; the message says why, for staff."""


class PackageStillChangingError(InstallError):
    """The package file changed while it was copied: something (a copy, Syncthing, a
    network share) is still writing it. Not a failure of the package: it is tried again
    once it stays the same."""


class ApprovalReason(StrEnum):
    """Why a valid package waits for staff."""

    NOT_TRUSTED = "not_trusted"  # unsigned, or signed by a key this kiosk does not trust
    NOT_NEWER = "not_newer"  # not newer than the content shown now


class NeedsStaffApproval(InstallError):  # noqa: N818 - a decision, not a failure
    """The package is valid but unsigned, untrusted or not newer: staff must approve it.
    It says which package (its title by language, for the screen that asks) and why."""

    def __init__(
        self, package_id: str, version: str, title: Mapping[str, str], reason: ApprovalReason
    ) -> None:
        why = (
            "it is not signed by a trusted key"
            if reason is ApprovalReason.NOT_TRUSTED
            else "it is not newer than the content shown now"
        )
        super().__init__(f"{package_id} {version} needs staff approval: {why}")
        self.package_id, self.version, self.reason = package_id, version, reason
        self.title = dict(title)

    def fields(self) -> tuple[str, str, dict[str, str], str]:
        """What makes it again in another process: ``NeedsStaffApproval(*fields)``."""
        return self.package_id, self.version, self.title, self.reason.value


@dataclass(frozen=True)
class InstallResult:
    """What an install did."""

    package_id: str
    version: str
    path: Path
    signed_by: str | None
    replaced: str | None


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def open_package_file(source: Path) -> BinaryIO:
    """Open a package offered on a stick or in a drop folder: a regular file only. A
    symbolic link, a device (an endless one would fill the disk), a pipe (which would hang
    the read) or a folder is refused with a plain reason."""
    try:
        return open_regular_file(source, follow_links=False)
    except FileNotFoundError as error:
        raise InstallError(f"{source}: no such file") from error
    except NotARegularFileError as error:
        raise InstallError(
            f"{source.name} is not a package file ({error.strerror} by that name)"
        ) from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InstallError(
                f"{source.name} is a symbolic link: only a package file itself is read"
            ) from error
        raise InstallError(_plain(error, "opening the package")) from error


def _plain(error: OSError, doing: str) -> str:
    """An OS error in words staff understand."""
    if error.errno == errno.ENOSPC:
        return f"the kiosk's disk is full while {doing}"
    if error.errno in (errno.EIO, errno.ENODEV, errno.ENOENT, errno.ENXIO):
        return f"the USB stick was removed or could not be read while {doing}"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the kiosk may not write its data folder while {doing}"
    return f"{error.strerror or error} while {doing}"


class Installer:
    """Installs packages into one kiosk's data directory."""

    def __init__(self, data_dir: Path, trusted_keys: list[TrustedKey] | None = None) -> None:
        self.data_dir = data_dir
        self.paths = DataPaths(data_dir)
        self.packages_dir = self.paths.packages
        self.staging_dir = self.paths.staging
        self.media = MediaStore(self.paths.media)
        self.trusted_keys = trusted_keys or []

    # -- the pointer

    def _read_pointer(self) -> dict[str, str | None]:
        try:
            data = json.loads(self.paths.pointer.read_text())
        except (OSError, ValueError):
            return {"active": None, "previous": None}
        return {"active": data.get("active"), "previous": data.get("previous")}

    def _write_pointer(self, active: str | None, previous: str | None) -> None:
        """Replace the pointer atomically: write, fsync, rename, fsync the folder."""
        pointer = json.dumps({"active": active, "previous": previous}).encode()
        write_atomically(self.paths.pointer, pointer, mode=0o644)

    def installed(self) -> tuple[Path | None, Path | None]:
        """(active, previous) package files as the pointer names them."""
        pointer = self._read_pointer()
        return tuple(  # type: ignore[return-value]
            self.packages_dir / name if name else None
            for name in (pointer["active"], pointer["previous"])
        )

    def package_to_show(self) -> Path | None:
        """The package to show at start: the active one if it opens, else the previous one,
        else None (the built-in demo). A cheap check; the full one runs in the background."""
        for candidate in self.installed():
            if candidate is None:
                continue
            try:
                check_package_file(candidate).close()
                with ContentPackage.open(candidate) as package:
                    missing = [m for m in package.content.media.values() if not self.media.has(m)]
                    forged = self._signature_is_forged(package)
            except PackageError as error:
                log.error(
                    "installed package unusable, falling back: %s",
                    error,
                    extra=notice(Notice.CONTENT_DAMAGED),
                )
                continue
            if forged:
                log.error(
                    "installed package %s: its signature is not valid, falling back",
                    candidate.name,
                    extra=notice(Notice.CONTENT_DAMAGED),
                )
                continue
            if missing:
                log.error(
                    "installed package %s lacks %d media files (first: %s), falling back",
                    candidate.name,
                    len(missing),
                    missing[0].name,
                    extra=notice(Notice.CONTENT_DAMAGED),
                )
                continue
            return candidate
        return None

    def verify_installed(self, path: Path) -> list[str]:
        """The full check of an installed package (every byte); its problems, if any.
        A package found damaged stops being the active one: the one before it takes its
        place, so the next start, or switch, shows sound content."""
        try:
            # Installed packages are kept without their media bytes: the package's own
            # rows are checked here, the unpacked media against their SHA-256 below.
            report = _verify_package(path)
            problems = report.problems
            if not problems:
                with ContentPackage.open(path) as package:
                    if self._signature_is_forged(package):
                        problems.append("its signature is not valid")
                    for item in package.content.media.values():
                        try:
                            self.media.check(item)
                        except DamagedMediaError as error:
                            problems.append(str(error))
        except PackageError as error:
            problems = [str(error)]
        if problems:
            if self._read_pointer()["active"] == path.name:
                log.error(
                    "the active package is damaged (%s); the previous one takes over",
                    "; ".join(problems[:3]),
                    extra=notice(Notice.CONTENT_DAMAGED),
                )
            self.set_aside(path)
        return problems

    def _signature_is_forged(self, package: ContentPackage) -> bool:
        """A trusted key's name on a signature it did not make. Installing never keeps such
        a package, so one found installed was changed on this kiosk's disk."""
        content = package.content
        standing = signature_standing(
            self.trusted_keys, content.key_id, content.signature, content.manifest_digest
        )
        return standing is SignatureStanding.NOT_VALID

    def set_aside(self, path: Path) -> None:
        """Stop showing ``path``: the other installed package (or the demo) takes its place,
        and ``path`` is no longer kept."""
        pointer = self._read_pointer()
        if pointer["active"] == path.name:
            self._write_pointer(pointer["previous"], None)
        elif pointer["previous"] == path.name:
            self._write_pointer(pointer["active"], None)
        else:
            return
        self._remove_old_packages()

    def recover(self) -> None:
        """Remove what an interrupted install left behind (power cut, crash): staged
        copies, a half-written pointer, a package file the pointer never came to name."""
        for leftover in self.staging_dir.glob("*.part") if self.staging_dir.is_dir() else ():
            leftover.unlink(missing_ok=True)
        for leftover in self.data_dir.glob(".active.*.part") if self.data_dir.is_dir() else ():
            leftover.unlink(missing_ok=True)
        if self.packages_dir.is_dir():
            self._remove_old_packages()

    # -- install and roll back

    def install(
        self,
        source: Path,
        *,
        approved: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> InstallResult:
        """Install ``source``. ``approved``: staff accepted an unsigned, untrusted or older
        package. Raises ``InstallError`` (``NeedsStaffApproval`` for those) and then leaves
        the active content exactly as it was."""
        self.recover()
        staged = self._stage(source, progress)
        try:
            return self._install_staged(staged, approved)
        finally:
            staged.unlink(missing_ok=True)

    def _stage(self, source: Path, progress: Callable[[int, int], None] | None) -> Path:
        """Copy ``source`` into the staging folder; only a regular file is read (never a
        link, device or pipe), and never more than the size it had when opened."""
        file = open_package_file(source)
        try:
            before = os.fstat(file.fileno())
            total = before.st_size
            self.staging_dir.mkdir(parents=True, exist_ok=True)
            self._check_room_for(total)
            fd, name = tempfile.mkstemp(suffix=".part", dir=self.staging_dir)
        except OSError as error:
            file.close()
            raise InstallError(_plain(error, "preparing the copy")) from error
        except InstallError:
            file.close()
            raise
        staged = Path(name)
        done = 0
        try:
            # Reading block n + 1 (from the stick) overlaps writing block n (to the disk).
            with file, os.fdopen(fd, "wb") as out:
                with writing_behind(out) as write:
                    for block in self._read_blocks(file, total):
                        write(block)
                        done += len(block)
                        if progress:
                            progress(done, total)
                grew = bool(file.read(1))
                after = os.fstat(file.fileno())
                # No fsync: the staged copy is scratch. What is kept (the media, the
                # package without them) is written and flushed from it; the copy itself
                # is deleted, usually before the kernel ever writes it out.
                out.flush()
        except OSError as error:
            staged.unlink(missing_ok=True)
            raise InstallError(_plain(error, "copying the package")) from error
        # Another writer: longer now, or written to (a new modification time) as it was read.
        changed = (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns)
        if grew or changed:
            staged.unlink(missing_ok=True)
            raise PackageStillChangingError(
                "the package changed while it was copied: something is still writing it; "
                "the kiosk tries again once it stays the same"
            )
        if done != total:
            staged.unlink(missing_ok=True)
            raise InstallError(
                "the package changed or was cut short while it was copied "
                "(was the USB stick removed?)"
            )
        return staged

    def _read_blocks(self, file: BinaryIO, total: int) -> Iterator[bytes]:
        """The first ``total`` bytes of ``file``, a block at a time."""
        done = 0
        while done < total and (block := file.read(min(COPY_BLOCK, total - done))):
            done += len(block)
            yield block

    def _check_room_for(self, size: int) -> None:
        # The staged copy and the unpacked media are on disk together for a moment.
        free = shutil.disk_usage(self.staging_dir).free
        if 2 * size + ROOM_TO_SPARE > free:
            raise InstallError(
                f"the kiosk's disk has {free // 10**6} MB free; this package needs about "
                f"{(2 * size + ROOM_TO_SPARE) // 10**6} MB to install"
            )

    def _install_staged(self, staged: Path, approved: bool) -> InstallResult:
        try:
            report = _verify_package(staged)  # media: checked as extracted
        except PackageError as error:
            raise InstallError(str(error).replace(str(staged), "the package")) from error
        if not report.ok:
            raise InstallError("the package is damaged: " + "; ".join(report.problems[:3]))
        try:
            package = ContentPackage.open(staged)
        except PackageError as error:
            raise InstallError(str(error).replace(str(staged), "the package")) from error
        with package:
            content = package.content
            standing = signature_standing(
                self.trusted_keys, content.key_id, content.signature, content.manifest_digest
            )
            if standing is SignatureStanding.NOT_VALID:
                # A trusted key's name on a signature it did not make: the package was
                # changed after it was signed. No PIN makes that content the office's.
                raise InstallError(f"the package's signature is not valid ({standing.words})")
            trusted = standing is SignatureStanding.SIGNED
            active, _previous = self.installed()
            older = self._not_newer(content.package_id, content.version, active)
            if not approved and (not trusted or older):
                raise NeedsStaffApproval(
                    content.package_id,
                    content.version,
                    content.title.values,
                    ApprovalReason.NOT_TRUSTED if not trusted else ApprovalReason.NOT_NEWER,
                )
            new = [item for item in content.media.values() if not self.media.has(item)]
            try:
                self.media.extract_all(package, verify=True)
                self._check_media_can_be_shown(content.media.values())
            except (DamagedMediaError, InstallError, OSError) as error:
                # Media unpacked for this package only go again: the data folder is as it was.
                for item in new:
                    self.media.path_for(item).unlink(missing_ok=True)
                if isinstance(error, DamagedMediaError):
                    raise InstallError(f"the package is damaged: {error}") from error
                if isinstance(error, OSError):
                    raise InstallError(_plain(error, "unpacking the media")) from error
                raise
            name = f"{content.package_id}-{content.version}-{content.manifest_digest[:12]}.kpkg"
        target = self.packages_dir / name
        kept = self.staging_dir / f"{name}.part"
        try:
            self.packages_dir.mkdir(parents=True, exist_ok=True)
            # The package is kept without its media bytes: they are in the media store now.
            # The copy is written from the kiosk's own schema, then checked again as kept.
            from kiosk.content.structure import write_installed_copy  # see _verify_package

            write_installed_copy(staged, kept)
            self._check_kept_copy(kept, content.manifest_digest, trusted)
            os.replace(kept, target)
            fsync_directory(self.packages_dir)
            active_name = active.name if active and active.name != name else None
            self._write_pointer(name, active_name or self._read_pointer()["previous"])
        except (OSError, sqlite3.Error, InstallError) as error:
            kept.unlink(missing_ok=True)
            if isinstance(error, InstallError):
                raise
            if isinstance(error, sqlite3.Error):
                raise InstallError(f"could not keep the package: {error}") from error
            raise InstallError(_plain(error, "switching to the new content")) from error
        self._remove_old_packages()
        return InstallResult(
            content.package_id,
            content.version,
            target,
            content.key_id if trusted else None,
            active.name if active else None,
        )

    def _check_media_can_be_shown(self, items: Iterable[MediaItem]) -> None:
        """Each media file, probed as the builder probes it: a package made without the
        builder may hold a picture a pixel wide and a million high, or a 16K video."""
        from kiosk.content.media_probe import UnreadableMediaError, probe  # PyAV, Pillow

        for item in items:
            try:
                facts = probe(item.kind, self.media.path_for(item))
            except UnreadableMediaError as error:
                raise InstallError(
                    f"the package's {item.kind} {printable(item.name)} cannot be shown: {error}"
                ) from error
            except KeyError as error:
                raise InstallError(f"the package has media of an unknown kind: {error}") from error
            if facts.mime_type != item.mime_type:
                raise InstallError(
                    f"the package's {item.kind} {printable(item.name)} is not what it claims "
                    f"({facts.mime_type}, not {printable(item.mime_type)})"
                )

    def _check_kept_copy(self, kept: Path, digest: str, trusted: bool) -> None:
        """What is on disk is what was checked (and signed): the copy's structure and its
        digest, computed afresh, and its signature."""
        report = _verify_package(kept)
        with ContentPackage.open(kept) as copy:
            facts = copy.content
        if not report.ok or facts.manifest_digest != digest:
            raise InstallError(
                "the kept copy differs from the package: " + "; ".join(report.problems[:3])
            )
        standing = signature_standing(self.trusted_keys, facts.key_id, facts.signature, digest)
        if trusted and standing is not SignatureStanding.SIGNED:
            raise InstallError("the kept copy's signature does not hold")

    def _not_newer(self, package_id: str, version: str, active: Path | None) -> bool:
        if active is None:
            return False
        try:
            with ContentPackage.open(active) as current:
                if current.content.package_id != package_id:
                    return False
                return _version_key(version) <= _version_key(current.content.version)
        except PackageError:
            return False

    def rollback(self) -> Path:
        """Show the previous package again (and keep the current one as previous)."""
        pointer = self._read_pointer()
        if not pointer["previous"]:
            raise InstallError("there is no previous content to go back to")
        if not (self.packages_dir / pointer["previous"]).is_file():
            raise InstallError("the previous content is no longer on this kiosk")
        try:
            self._write_pointer(pointer["previous"], pointer["active"])
        except OSError as error:
            raise InstallError(_plain(error, "going back")) from error
        return self.packages_dir / str(pointer["previous"])

    def _remove_old_packages(self) -> None:
        """Keep the active and previous package files; remove the rest. (A kiosk still
        showing a removed one keeps reading it: the file lives on while it is open.)"""
        keep = {name for name in self._read_pointer().values() if name}
        for path in self.packages_dir.glob("*.kpkg"):
            if path.name not in keep:
                path.unlink(missing_ok=True)

    def remove_unused_media(self, in_use: set[str]) -> int:
        """Remove media that neither the active nor the previous package needs, nor
        ``in_use`` (what the screen shows now); how many files went. Run by the kiosk when
        it starts or switches content, never under a visitor's feet."""
        needed = set(in_use)
        for name in (n for n in self._read_pointer().values() if n):
            with (
                contextlib.suppress(PackageError),
                ContentPackage.open(self.packages_dir / name) as package,
            ):
                needed.update(package.content.media)
        return self.media.remove_all_but(needed)


def _verify_package(path: Path) -> VerificationReport:
    """``verify_package`` without media bytes. It and the copy's writer need SQLAlchemy,
    whose import costs more than the kiosk's first frame: they are imported when an
    install or a check runs, never on the way to the show."""
    from kiosk.content.verify import verify_package

    return verify_package(path, media=False)
