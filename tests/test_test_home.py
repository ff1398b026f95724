"""The suite never touches the user's data folder and leaves no temporary folder behind (issue 9)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.conftest import TEST_HOME

ROOT = Path(__file__).resolve().parents[1]


def test_this_run_has_its_own_home() -> None:
    home = Path(os.environ["GCTS_HOME"])
    assert home == TEST_HOME
    assert home.is_dir()
    assert home.name.startswith("gcts-test-home-")
    assert home.parent == Path(tempfile.gettempdir())


def test_a_run_with_gcts_home_set_leaves_it_alone_and_cleans_up(tmp_path: Path) -> None:
    """A real (small) run of the web tests with a user's GCTS_HOME set: nothing is written there, and the
    run's own temporary home is gone when it ends."""
    user_home = tmp_path / "my-library"
    user_home.mkdir()
    (user_home / "gcts.sqlite3").write_bytes(b"the user's library")
    system_tmp = tmp_path / "tmp"
    system_tmp.mkdir()
    env = {**os.environ, "GCTS_HOME": str(user_home), "TMPDIR": str(system_tmp)}
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE"):  # as in a user's shell
        env.pop(name, None)
    done = _pytest(env, "tests/web/test_store.py", "-k", "round_trip")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
    assert sorted(p.name for p in user_home.iterdir()) == ["gcts.sqlite3"]
    assert (user_home / "gcts.sqlite3").read_bytes() == b"the user's library"
    assert not [p for p in system_tmp.iterdir() if p.name.startswith("gcts-test-home-")]


def test_settings_loaded_before_the_suite_chose_its_home_stop_the_run(tmp_path: Path) -> None:
    """With DJANGO_SETTINGS_MODULE in the environment pytest-django loads the settings before any conftest;
    the run then stops with a message instead of testing against the user's folder."""
    user_home = tmp_path / "my-library"
    env = {**os.environ, "GCTS_HOME": str(user_home), "DJANGO_SETTINGS_MODULE": "gcts.web.settings"}
    env.pop("DATABASE_URL", None)
    done = _pytest(env, "tests/test_model.py")
    assert done.returncode == 4
    assert f"the tests would use the data folder {user_home}: unset DJANGO_SETTINGS_MODULE" in done.stderr


def _pytest(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
