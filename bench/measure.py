"""Runs one command and prints its wall time and peak memory as one JSON line.

Usage: /usr/bin/python3 bench/measure.py COMMAND [ARG...]

Prints {"seconds": <wall float>, "maxRssKiB": <int>, "exitCode": <int>} on stdout and
exits with the command's exit code. The command's own stdout goes to stderr, so stdout
carries only the JSON line. The peak is the largest resident set of any descendant
(getrusage RUSAGE_CHILDREN, in KiB on Linux). This process is made a child subreaper,
so a descendant its parent never waited for (the Pagefind binary under Node's API) is
waited for here, and counted.
Negative exit codes mean the command was killed by that signal.
"""
import ctypes
import json
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36

if len(sys.argv) < 2:
    sys.exit("Usage: /usr/bin/python3 bench/measure.py COMMAND [ARG...] (runs COMMAND and prints its wall time and peak memory)")

ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
start = time.perf_counter()
completed = subprocess.run(sys.argv[1:], stdout=sys.stderr, check=False)
seconds = time.perf_counter() - start
# Orphaned descendants: waited for (a few seconds at most), so that their peak counts.
deadline = time.monotonic() + 5
while time.monotonic() < deadline:
    try:
        pid, _status = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        break
    if pid == 0:
        time.sleep(0.02)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": round(seconds, 4), "maxRssKiB": peak, "exitCode": completed.returncode}), flush=True)
sys.exit(completed.returncode if completed.returncode >= 0 else 128 - completed.returncode)
