"""Put on PYTHONPATH by tests/test_faults.py: with KILL_AT_RENAME=n, the process sends itself SIGKILL
just before its n-th rename (`os.rename`/`os.replace`, seen through Python's audit hook), so a
publish can be interrupted at each of its renames by a real signal."""

import os
import signal
import sys

_AT = int(os.environ.get("KILL_AT_RENAME", "0"))
_seen = 0


def _kill_at_rename(event: str, _args: tuple) -> None:
    global _seen
    if event == "os.rename":
        _seen += 1
        if _seen == _AT:
            os.kill(os.getpid(), signal.SIGKILL)


if _AT:
    sys.addaudithook(_kill_at_rename)
