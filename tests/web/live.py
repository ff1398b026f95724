"""A real ``gcts serve`` in a subprocess, for the fault tests: its own data folder (and database), a free
port, killed with its job worker at the end (or with SIGKILL in the middle, as a power cut would)."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EDITOR = ("ed", "x-editor-1")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Live:
    """One server: its home, database URL (None: SQLite in the home), port and process."""

    home: Path
    database_url: str | None = None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in {"GCTS_JOBS", "DATABASE_URL"}}
        env["GCTS_HOME"] = str(self.home)
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def gcts(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-c", "from gcts.cli import main; main()", *args]
        return subprocess.run(
            command, env=self.env(), capture_output=True, timeout=timeout, check=False, cwd=ROOT
        )

    def start(self, *args: str) -> None:
        command = [
            sys.executable,
            "-c",
            "from gcts.cli import main; main()",
            "serve",
            "--port",
            str(self.port),
        ]
        self.process = subprocess.Popen(
            [*command, *args],
            env=self.env(),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=open(self.home.parent / f"serve-{self.port}.log", "ab"),  # noqa: SIM115
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, "the server stopped"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/actors", timeout=5):
                    return
            except OSError:
                time.sleep(0.5)
        raise TimeoutError("the server did not answer")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Stop the server and its job worker (the whole process group)."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        self.process.wait(30)
        time.sleep(0.5)  # the worker follows its server
        self.process = None

    def children(self) -> list[int]:
        """Process ids whose parent is the server (its job workers)."""
        assert self.process is not None
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                found.append(int(stat.parent.name))
        return found

    def request(
        self, method: str, path: str, *, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        token = base64.b64encode(":".join(EDITOR).encode()).decode()
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=body,
            method=method,
            headers={"Authorization": f"Basic {token}", **(headers or {})},
        )
        try:
            with urllib.request.urlopen(req, timeout=120) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"null")

    def upload(self, name: str, data: bytes) -> tuple[int, Any]:
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        return self.request(
            "POST",
            "/api/documents",
            body=body,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )

    def wait_job(self, job_id: str, timeout: float = 300) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, job = self.request("GET", f"/api/jobs/{job_id}")
            if status == 200 and job["state"] in {"done", "failed"}:
                return dict(job)
            time.sleep(0.5)
        raise TimeoutError(f"job {job_id} did not finish")


def create_editor(live: Live) -> None:
    code = (
        "from django.contrib.auth.models import Group, User;"
        f"u = User.objects.create_user({EDITOR[0]!r}, password={EDITOR[1]!r});"
        "u.groups.add(Group.objects.get(name='editor'))"
    )
    result = live.gcts("serve", "manage", "shell", "-c", code)
    assert result.returncode == 0, result.stderr.decode()


def gcts_json(symbol: str, text: str = "Decides to remain seized of the matter.") -> bytes:
    """A small gcts JSON document (sent as a text file), quick to read and annotate."""
    doc = {
        "schema": "gcts/1",
        "language": "en",
        "heading": {"symbol": symbol},
        "preamble": [{"part": "preamble", "index": 1, "text": "Recalling its resolutions,"}],
        "operative": [{"part": "operative", "index": 1, "number": 1, "text": text}],
    }
    return json.dumps(doc).encode()
