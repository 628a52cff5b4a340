"""The preview's memory of media files: unchanged files are not read again, and a file
that changes while or after it is read is known to be out of date."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from kiosk.content.media_memo import FileChangedError, MediaMemo


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_unchanged_file_is_hashed_once_and_a_saved_one_again(tmp_path: Path) -> None:
    picture = tmp_path / "a.jpg"
    picture.write_bytes(b"first")
    memo, reads = MediaMemo(), []

    def counted(path: Path) -> str:
        reads.append(path)
        return digest(path)

    assert memo.sha256(picture, counted) == memo.sha256(picture, counted)
    assert len(reads) == 1
    picture.write_bytes(b"second, longer")
    assert memo.changed_since_read([picture]) == [picture]
    assert memo.sha256(picture, counted) == digest(picture) and len(reads) == 2
    assert memo.changed_since_read([picture]) == []


def test_a_file_written_while_it_is_read_is_no_digest(tmp_path: Path) -> None:
    picture = tmp_path / "a.jpg"
    picture.write_bytes(b"half")

    def read_while_saved(path: Path) -> str:
        value = digest(path)
        with path.open("ab") as more:
            more.write(b" and the rest")
        os.utime(path, ns=(1, 2))
        return value

    with pytest.raises(FileChangedError):
        MediaMemo().sha256(picture, read_while_saved)
