"""Owner-only files and folders, and the start-up check that refuses wider permissions.

Everything under ``$EMM_DATA_DIR`` is created under a restrictive umask (0077: folders 0700,
files 0600) by the command line and by the local database process. :func:`check_data_dir`
walks the table ``files.yaml`` (which path holds what, and how open it may be) and raises
:class:`InsecurePermissions` naming the first path that is wider, with the command that fixes
it. A data directory of mode 0700 already keeps other local users out of everything below
it; the per-path rules are the second line when a folder is moved or shared by mistake.

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> _ = secure_mkdir(root / "audit")
>>> oct((root / "audit").stat().st_mode & 0o777)
'0o700'
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from emm.errors import EmmError
from emm.tables import load_table

UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600


class InsecurePermissions(EmmError, PermissionError):
    """A data path is readable or writable by other users; the message names it and the fix."""


class PathRule(BaseModel):
    path: str
    kind: Literal["dir", "file"]
    rule: Literal["private", "no_foreign_write"]
    holds: str


class PathRules(BaseModel):
    paths: list[PathRule]


def rules() -> list[PathRule]:
    return load_table("emm", "files.yaml", PathRules).paths


@contextlib.contextmanager
def restrictive_umask() -> Iterator[None]:
    """Create everything in the block owner-only; the previous umask comes back after it."""
    old = os.umask(UMASK)
    try:
        yield
    finally:
        os.umask(old)


def secure_mkdir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700; an existing folder is left as it is
    (the start-up check reports it when it is wider)."""
    if not path.is_dir():
        with restrictive_umask():
            path.mkdir(parents=True, exist_ok=True)
        path.chmod(DIR_MODE)
    return path


def write_private(path: Path, data: bytes, *, sync: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically as a 0600 file; a symlink in its place is refused.

    ``sync=False`` skips the fsync, for files that are only a quick-look copy of another."""
    secure_mkdir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def problem(path: Path, rule: str = "private") -> str | None:
    """Why ``path`` breaks ``rule``, or None when it does not (or does not exist)."""
    try:
        st = path.stat()  # follows a symlink: the target is what holds the data
    except FileNotFoundError:
        return None
    if st.st_uid != os.geteuid():
        return f"{path} belongs to user id {st.st_uid}, not to you ({os.geteuid()})"
    mode = stat.S_IMODE(st.st_mode)
    wanted = DIR_MODE if stat.S_ISDIR(st.st_mode) else FILE_MODE
    bad = mode & (0o077 if rule == "private" else 0o022)
    if bad:
        return (
            f"{path} has mode {mode:04o}: other users can "
            f"{'write' if bad & 0o022 else 'read'} it; fix with: chmod {wanted:o} {path}"
        )
    return None


def check_data_dir(data_dir: Path, extra: dict[Path, str] | None = None) -> None:
    """Refuse to run on a data directory that other users can read or write.

    ``extra`` adds paths outside the data directory (a cache elsewhere) with their rule.
    """
    for r in rules():
        found = problem(data_dir / r.path, r.rule)
        if found:
            raise InsecurePermissions(f"refusing to run: {found} ({r.holds})")
    for path, rule in (extra or {}).items():
        found = problem(path, rule)
        if found:
            raise InsecurePermissions(f"refusing to run: {found}")


def walk_problems(root: Path) -> list[str]:
    """Every file or folder under ``root`` that is open to other users (for tests and audits)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            if path.is_symlink():
                continue
            mode = stat.S_IMODE(path.lstat().st_mode)
            if mode & 0o077:
                found.append(f"{path.relative_to(root)} {mode:04o}")
    return found
