"""Imported first by a child process that drives a third-party client: it may reach this machine's loopback
addresses and nothing else, and may start no process (no Java, no downloader). A breach ends the process at once
with exit status 3 and the reason on stderr, so no library can catch it and carry on."""

from __future__ import annotations

import ipaddress
import os
import sys

REFUSED = 3
PROCESS_EVENTS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                  "os.forkpty", "pty.spawn"}


def _local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None or host in ("localhost", "localhost.", ""):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse(reason: str) -> None:
    sys.stderr.write(f"guard: refused {reason}\n")
    sys.stderr.flush()
    os._exit(REFUSED)


def _hook(event: str, args: tuple) -> None:
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple) and not _local(address[0]):
            _refuse(f"a connection to {address!r}")
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        if not _local(args[0]):
            _refuse(f"a name lookup of {args[0]!r}")
    elif event in PROCESS_EVENTS:
        _refuse(f"starting a process ({event}: {args[0]!r})")


sys.addaudithook(_hook)
