"""Privacy as a tested property: an offline process that loaded the model and stayed alive
makes no network call, seen from outside the process (strace of the network system calls;
patching Python's socket module could not see the ONNX Runtime's native DNS lookups).

Needs ``strace`` (``apt-get install strace``; ``.ci/run`` installs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

STRACE = shutil.which("strace")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(STRACE is None, reason="needs strace (apt-get install strace)")]

#: Any attempt to reach another process or host: TCP/UDP, DNS, the name-service cache.
_ATTEMPT = re.compile(r"\b(connect|sendto|sendmsg|sendmmsg)\(")

_LONG_PROCESS = """
import sys, time
from click.testing import CliRunner
from kindscope.cli import cli
result = CliRunner().invoke(cli, ["score", "--text", "I feel rubbish today"])
print("cli", result.exit_code, flush=True)
from kindscope.signals import score_texts
print("api", score_texts(["nobody answered my post"]).num_rows, flush=True)
time.sleep(float(sys.argv[1]))
print("alive", sys.argv[1], flush=True)
"""


def _traced(tmp_path, code: str, *args: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    log = tmp_path / "network.log"
    result = subprocess.run(
        [STRACE, "-f", "-qq", "-e", "trace=network", "-o", str(log), sys.executable, "-c",
         code, *args], capture_output=True, text=True, timeout=900)
    lines = log.read_text().splitlines() if log.exists() else []
    return result, [line for line in lines if _ATTEMPT.search(line)]


def test_the_observer_sees_a_dns_lookup(tmp_path):
    """The check below can fail: a lookup of a name (even one that cannot resolve) shows."""
    code = ("import socket\ntry:\n    socket.getaddrinfo('kindscope-probe.invalid', 443)\n"
            "except OSError:\n    pass\n")
    result, attempts = _traced(tmp_path, code)
    assert result.returncode == 0, result.stderr[-2000:]
    assert attempts, "strace saw no network call from a process that looked a name up"


def test_a_process_that_loaded_the_model_stays_offline_for_60_seconds(tmp_path):
    """The CLI and the library API both load the model in one process, which then stays
    alive 60 s (ONNX Runtime's telemetry looked its collector up after ~15 s idle)."""
    result, attempts = _traced(tmp_path, _LONG_PROCESS, "60")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "cli 0" in result.stdout and "api 1" in result.stdout and "alive 60" in result.stdout
    assert not attempts, "network calls from an offline process:\n" + "\n".join(attempts[:10])


_CARE_PROCESS = """
from click.testing import CliRunner
from kindscope.cli import cli
runner = CliRunner()
for args in (["care", "--demo", "--json"], ["inbox", "--demo", "--json"],
             ["check", "I feel rubbish today", "--json"]):
    result = runner.invoke(cli, args)
    print(args[0], result.exit_code, flush=True)
"""


def test_care_inbox_and_check_make_no_network_call(tmp_path):
    """The care side (issue 13) reads other people's posts: it must never reach out."""
    result, attempts = _traced(tmp_path, _CARE_PROCESS)
    assert result.returncode == 0, result.stderr[-2000:]
    for command in ("care", "inbox", "check"):
        assert f"{command} 0" in result.stdout, result.stdout
    assert not attempts, "network calls from the care commands:\n" + "\n".join(attempts[:10])
