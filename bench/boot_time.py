#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""QEMU boot to "buddy ready", wall time, for reference only (TCG, shared
machine). The hook for the demo kernels: once `make demo-x86_64` and
`make demo-arm64` exist, each is run once to build it and check that it
reaches "buddy ready", then run again and timed from the start of make to
that line (make finds everything up to date, so this is QEMU start-up and
boot; a kernel that never prints the line but exits successfully is timed
to its exit, and the row says so). Until a target exists its row says
"pending kernels".

    bench/boot_time.py [ARCH...]    prints "ARCH MS" or "ARCH pending ..."
"""
import os
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READY = 'buddy ready'
TIMEOUT = 300


def target_exists(target):
    return subprocess.run(['make', '-C', ROOT, '-n', target],
                          stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def run_until_ready(target):
    """Seconds from starting `make target` to the READY line, or to a
    successful exit when the kernel never prints it (then negated, so that
    the caller can say which it was); None on failure."""
    start = time.monotonic()
    p = subprocess.Popen(['make', '-C', ROOT, '-s', target],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         stdin=subprocess.DEVNULL, text=True,
                         start_new_session=True)
    found = None
    try:
        for line in p.stdout:
            if READY in line.lower():
                found = time.monotonic() - start
                break
            if time.monotonic() - start > TIMEOUT:
                break
        if found is None and p.wait(TIMEOUT) == 0:
            found = -(time.monotonic() - start)
    except subprocess.TimeoutExpired:
        pass
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
        p.wait()
    return found


def measure(arch):
    """(milliseconds, note) or (None, why)."""
    target = 'demo-' + arch
    if not target_exists(target):
        return None, 'pending kernels (no make target %s yet)' % target
    if run_until_ready(target) is None:
        return None, '%s failed' % target
    secs = run_until_ready(target)
    if secs is None:
        return None, '%s failed the second time' % target
    if secs < 0:
        return -secs * 1000.0, 'to QEMU exit: no "%s" line' % READY
    return secs * 1000.0, 'to "%s"' % READY


def main(argv):
    for arch in argv or ['x86_64', 'arm64']:
        ms, note = measure(arch)
        print(arch, '%.0f ms (%s)' % (ms, note) if ms is not None else note)


if __name__ == '__main__':
    main(sys.argv[1:])
