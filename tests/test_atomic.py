"""atomic_write: whole or nothing, only ever replacing a regular file, keeping owner and mode, never the umask."""

from __future__ import annotations

import errno
import os
import pickle
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from supercomplaint.io import WriteError, atomic_write
from supercomplaint.problems import SupercomplaintError

ROOT = os.geteuid() == 0


def _litter(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".sc-tmp", ".tmp")))


def _refused(path: Path | str, code: str) -> WriteError:
    with pytest.raises(WriteError) as caught:
        atomic_write(path, b"new")
    assert caught.value.problems[0].code == code
    return caught.value


@pytest.fixture
def no_umask(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if anything calls os.umask: setting it, even for a moment, is visible to every thread."""

    def forbidden(mask: int) -> int:
        raise AssertionError("os.umask was called")

    monkeypatch.setattr(os, "umask", forbidden)


# --------------------------------------------------------------------------------------------------
# Whole or nothing
# --------------------------------------------------------------------------------------------------


def test_writes_a_new_file_and_replaces_an_old_one(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    atomic_write(target, b"first")
    atomic_write(target, bytearray(b"second"))
    atomic_write(str(target), memoryview(b"third"))
    assert target.read_bytes() == b"third"
    assert _litter(tmp_path) == []


def test_a_relative_name_is_written_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    atomic_write("out.json", b"x")
    assert (tmp_path / "out.json").read_bytes() == b"x"


def test_a_long_name_still_gets_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / ("é" * 120 + ".json")  # 245 bytes: with a prefix and suffix, too long unless shortened
    atomic_write(target, b"x")
    assert target.read_bytes() == b"x"


def test_data_that_is_not_bytes_is_a_type_error_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        atomic_write(target, "text")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert _litter(tmp_path) == []


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_a_failure_leaves_the_old_file_and_no_temporary_file(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    number = errno.ENOSPC if where != "replace" else errno.EIO

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(os, where, fail)
    error = _refused(target, "disk-full" if number == errno.ENOSPC else "write-failed")
    assert error.errno == number
    assert target.read_bytes() == b"old"
    assert _litter(tmp_path) == []


def test_an_interrupt_while_writing_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert _litter(tmp_path) == []


def test_a_partial_write_is_continued(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.write

    def trickle(fd: int, data: Any) -> int:
        return real(fd, bytes(data)[:3])

    monkeypatch.setattr(os, "write", trickle)
    atomic_write(tmp_path / "out.json", b"0123456789")
    assert (tmp_path / "out.json").read_bytes() == b"0123456789"


def test_two_writers_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    texts = [bytes([65 + i]) * 200_000 for i in range(4)]

    def write(data: bytes) -> None:
        for _ in range(5):
            atomic_write(target, data)

    threads = [threading.Thread(target=write, args=(t,)) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_bytes() in texts
    assert _litter(tmp_path) == []


# --------------------------------------------------------------------------------------------------
# Only a regular file is replaced
# --------------------------------------------------------------------------------------------------


def test_a_symbolic_link_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    error = _refused(link, "not-a-regular-file")
    assert "symbolic link" in str(error)
    assert link.is_symlink()
    assert real.read_bytes() == b"old"


def test_a_dangling_symbolic_link_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "nowhere.json")
    _refused(link, "not-a-regular-file")
    assert not (tmp_path / "nowhere.json").exists()


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert "FIFO" in str(_refused(fifo, "not-a-regular-file"))
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert "socket" in str(_refused(path, "not-a-regular-file"))
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


@pytest.mark.parametrize("name", ["/dev/null", "/dev/full", "/dev/zero", "/dev/stdout", "/proc/self/fd/1"])
def test_special_files_are_never_replaced_even_by_root(name: str) -> None:
    if not os.path.lexists(name):
        pytest.skip(f"{name} does not exist here")
    before = os.lstat(name)
    _refused(name, "not-a-regular-file")
    after = os.lstat(name)
    assert (stat.S_IFMT(after.st_mode), after.st_ino) == (stat.S_IFMT(before.st_mode), before.st_ino)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    assert "folder" in str(_refused(folder, "not-a-regular-file"))
    _refused(str(folder) + "/", "not-a-regular-file")
    _refused(str(tmp_path / "new") + "/", "not-a-regular-file")
    assert not (tmp_path / "new").exists()


def test_a_missing_folder_is_said_plainly(tmp_path: Path) -> None:
    error = _refused(tmp_path / "missing" / "out.json", "folder-missing")
    missing = tmp_path / "missing"
    assert str(error) == f"cannot write {missing / 'out.json'}: the folder '{missing}' does not exist"
    (tmp_path / "file").write_bytes(b"")
    _refused(tmp_path / "file" / "out.json", "folder-missing")


@pytest.mark.skipif(ROOT, reason="root may write anywhere")
def test_a_read_only_folder_and_a_read_only_file_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "out.json").write_bytes(b"old")
    folder.chmod(0o555)
    try:
        _refused(folder / "out.json", "permission-denied")
        _refused(folder / "new.json", "permission-denied")
    finally:
        folder.chmod(0o755)
    locked = tmp_path / "locked.json"
    locked.write_bytes(b"old")
    locked.chmod(0o444)
    _refused(locked, "permission-denied")
    assert locked.read_bytes() == b"old"


def test_a_read_only_file_system_is_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: Any, **kwargs: Any) -> int:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "open", read_only)
    assert "read-only" in str(_refused(tmp_path / "out.json", "permission-denied"))


# --------------------------------------------------------------------------------------------------
# Mode, owner, umask
# --------------------------------------------------------------------------------------------------


def test_a_new_file_has_the_mode_the_umask_gives(tmp_path: Path, no_umask: None) -> None:
    probe = tmp_path / "probe"
    os.close(os.open(probe, os.O_CREAT | os.O_WRONLY, 0o666))  # what the system gives any new file
    atomic_write(tmp_path / "out.json", b"x")
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == stat.S_IMODE(probe.stat().st_mode)


def test_a_new_file_under_a_strict_umask(tmp_path: Path) -> None:
    target = str(tmp_path / "out.json")
    script = f"import os; os.umask(0o077); from supercomplaint.io import atomic_write; atomic_write({target!r}, b'')"
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o600


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755, 0o444 if ROOT else 0o644, 0o2750, 0o4755, 0o6770, 0o1777])
def test_a_replaced_file_keeps_its_mode(mode: int, tmp_path: Path, no_umask: None) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(mode)
    expected = stat.S_IMODE(target.stat().st_mode)  # what the system allowed (setgid needs the group)
    atomic_write(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == expected
    assert target.read_bytes() == b"new"


@pytest.mark.skipif(not ROOT, reason="only root can give a file to someone else")
def test_a_replaced_file_keeps_its_owner_and_group(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    os.chown(target, 12345, 23456)
    target.chmod(0o6750)
    atomic_write(target, b"new")
    found = target.stat()
    assert (found.st_uid, found.st_gid, stat.S_IMODE(found.st_mode)) == (12345, 23456, 0o6750)


@pytest.mark.skipif(not ROOT, reason="needs a file owned by someone else")
def test_setuid_and_setgid_are_dropped_when_the_owner_cannot_be_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    os.chown(target, 12345, 23456)
    target.chmod(0o6755)

    def refuse(*args: Any) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", refuse)
    atomic_write(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_the_text_is_never_readable_by_others_while_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "secret.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    modes: list[int] = []
    real = os.fsync

    def spy(fd: int) -> None:
        modes.append(stat.S_IMODE(os.fstat(fd).st_mode))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    atomic_write(target, b"new")
    assert modes
    assert all(mode & 0o077 == 0 for mode in modes)


# --------------------------------------------------------------------------------------------------
# Temporary files left by a killed writer
# --------------------------------------------------------------------------------------------------


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_stale_temporary_files_of_the_same_target_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    stale_new = tmp_path / ".out.json.0123456789abcdef.sc-tmp"
    stale_old = tmp_path / ".out.json.abc_1234.tmp"  # left by earlier versions (tempfile.mkstemp)
    fresh = tmp_path / ".out.json.fedcba9876543210.sc-tmp"  # perhaps a writer at work right now
    other = tmp_path / ".other.json.0123456789abcdef.sc-tmp"  # another target's
    mine = tmp_path / ".out.json.backup.tmp"  # not a name the writer makes
    for path in (stale_new, stale_old, fresh, other, mine):
        path.write_bytes(b"left")
    for path in (stale_new, stale_old, other, mine):
        _age(path, 3600)
    link = tmp_path / ".out.json.1111111111111111.sc-tmp"
    link.symlink_to(mine)
    _age(link, 3600)
    atomic_write(target, b"x")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert stale_new.name not in left
    assert stale_old.name not in left
    assert {fresh.name, other.name, mine.name, link.name, "out.json"} <= set(left)


def test_a_killed_writer_leaves_a_temporary_file_the_next_write_removes(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    script = textwrap.dedent(
        f"""
        import os, time
        from supercomplaint.io import atomic_write
        os.fsync = lambda fd: time.sleep(60)
        atomic_write({str(target)!r}, b"x" * 5_000_000)
        """
    )
    writer = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while not [p for p in _litter(tmp_path) if (tmp_path / p).stat().st_size == 5_000_000]:
            assert time.monotonic() < deadline, "the writer never got to the middle of its write"
            assert writer.poll() is None, "the writer ended before it could be killed"
            time.sleep(0.05)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=60)
    assert target.read_bytes() == b"old"
    (left,) = _litter(tmp_path)
    atomic_write(target, b"new")  # the temporary file is fresh: a writer could still be at work
    assert _litter(tmp_path) == [left]
    _age(tmp_path / left, 3600)
    atomic_write(target, b"newer")
    assert _litter(tmp_path) == []
    assert target.read_bytes() == b"newer"


# --------------------------------------------------------------------------------------------------
# The error
# --------------------------------------------------------------------------------------------------


def test_write_error_is_a_library_error_and_an_os_error(tmp_path: Path) -> None:
    error = _refused(tmp_path / "missing" / "out.json", "folder-missing")
    assert isinstance(error, SupercomplaintError)
    assert isinstance(error, OSError)
    assert error.errno == errno.ENOENT
    assert error.filename == str(tmp_path / "missing" / "out.json")
    assert "\n" not in str(error)
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.problems) == (WriteError, str(error), error.problems)
