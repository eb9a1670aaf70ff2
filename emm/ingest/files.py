"""Opening a file a delivery lists: never through a symbolic link, never a special file,
never outside the delivery folder (the checks are made on what is opened, not on names)."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from emm.errors import EmmError

__all__ = ["DeliveryError", "open_listed"]


class DeliveryError(EmmError, RuntimeError):
    """The delivery as a whole cannot be processed (abort the stage; nothing half-done)."""


def _open_flags(directory: bool) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat refuses it right after.
    return flags | (getattr(os, "O_DIRECTORY", 0) if directory else os.O_NONBLOCK)


def open_listed(folder: Path, listed: str) -> BinaryIO:
    """Open the file ``listed`` (as the manifest names it) inside ``folder``, safely.

    Refused with :class:`DeliveryError`: an absolute path or one with ``..``; a path any of
    whose parts is a symbolic link (each part is opened with ``O_NOFOLLOW`` relative to the
    one before, so the check is on what is opened, not on a name that could change); anything
    but a regular file (checked with ``fstat`` on the opened descriptor).
    """
    parts = PurePosixPath(listed.replace("\\", "/")).parts
    if not parts or PurePosixPath(listed).is_absolute() or Path(listed).is_absolute():
        raise DeliveryError(f"{listed}: file paths must be relative to the delivery folder")
    if any(p in ("..", ".", "") for p in parts):
        raise DeliveryError(f"{listed}: file paths must stay inside the delivery folder")
    try:
        dir_fd = os.open(folder, _open_flags(directory=True))
    except OSError as exc:
        raise DeliveryError(f"{folder}: cannot open the delivery folder ({exc.strerror})") from None
    fd = -1
    try:
        for part in parts[:-1]:
            try:
                next_fd = os.open(part, _open_flags(directory=True), dir_fd=dir_fd)
            except OSError as exc:
                raise DeliveryError(
                    f"{listed}: '{part}' is not a folder inside the delivery "
                    f"(a symbolic link is refused) ({exc.strerror})"
                ) from None
            os.close(dir_fd)
            dir_fd = next_fd
        try:
            fd = os.open(parts[-1], _open_flags(directory=False), dir_fd=dir_fd)
        except FileNotFoundError:
            raise DeliveryError(f"{listed}: listed in the manifest but missing") from None
        except OSError as exc:
            raise DeliveryError(
                f"{listed}: cannot be opened as a regular file (a symbolic link is refused) "
                f"({exc.strerror})"
            ) from None
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DeliveryError(f"{listed}: not a regular file (special files are refused)")
        os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
        fd = -1
        return fh
    finally:
        if fd >= 0:
            os.close(fd)
        os.close(dir_fd)
