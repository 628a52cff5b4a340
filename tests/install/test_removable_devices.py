"""Only a stick or a drive plugged in from outside counts as a USB stick: the kernel's
account of the mounted device (sysfs) decides, not only where it is mounted."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.install.discovery import is_removable_device


def fake_sysfs(root: Path, name: str, device_path: str, removable: str | None) -> Path:
    """/sys/class/block/<name> leading to a partition of a disk at ``device_path``."""
    disk = root / "devices" / device_path
    partition = disk / name
    partition.mkdir(parents=True)
    (partition / "partition").write_text("1\n")
    if removable is not None:
        (disk / "removable").write_text(f"{removable}\n")
    block = root / "class" / "block"
    block.mkdir(parents=True, exist_ok=True)
    (block / name).symlink_to(partition)
    return block


@pytest.mark.parametrize(
    ("device_path", "removable", "counts"),
    [
        # A USB stick (many say "not removable"; the bus says it is from outside).
        ("pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb", "0", True),
        # A card in a reader the kernel calls removable.
        ("pci0000:00/0000:00:1d.0/host7/target7:0:0/7:0:0:0/block/sdc", "1", True),
        # The PC's own disk, mounted read-only under /mnt: not a stick.
        ("pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda", "0", False),
        # A disk that says nothing.
        ("pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0/block/sdd", None, False),
    ],
    ids=["usb-stick", "removable-card", "internal-disk", "unknown"],
)
def test_the_kernel_says_what_is_a_stick(
    tmp_path: Path, device_path: str, removable: str | None, counts: bool
) -> None:
    name = Path(device_path).name + "1"
    block = fake_sysfs(tmp_path, name, device_path, removable)
    assert is_removable_device(f"/dev/{name}", block) is counts


@pytest.mark.parametrize("device", ["tmpfs", "//server/share", "/dev/", "/dev/loop0", "overlay"])
def test_what_is_no_block_device_of_its_own_is_no_stick(tmp_path: Path, device: str) -> None:
    (tmp_path / "class" / "block").mkdir(parents=True)
    assert not is_removable_device(device, tmp_path / "class" / "block")
