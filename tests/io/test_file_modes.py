"""Files the app writes get the permissions of an ordinary save: umask for new, kept on overwrite."""

import os
import stat

import pytest

from llmcost_gui.io.atomic import atomic_path, current_umask


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield
    os.umask(old)


def _write(path, text=b"x"):
    with atomic_path(path) as tmp:
        tmp.write_bytes(text)


def test_umask_is_read_without_changing_it(umask_027):
    assert current_umask() == 0o027
    assert current_umask() == 0o027


def test_new_file_follows_the_umask(tmp_path, umask_027):
    _write(tmp_path / "new.xlsx")
    assert _mode(tmp_path / "new.xlsx") == 0o640  # 0666 less 027, not mkstemp's 0600


def test_new_file_is_readable_by_others_under_022(tmp_path):
    old = os.umask(0o022)
    try:
        _write(tmp_path / "shared.xlsx")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "shared.xlsx") == 0o644


def test_overwritten_file_keeps_its_mode(tmp_path, umask_027):
    target = tmp_path / "budget.xlsx"
    target.write_bytes(b"old")
    os.chmod(target, 0o664)
    _write(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == 0o664
    assert [p.name for p in tmp_path.iterdir()] == ["budget.xlsx"]
