# SPDX-License-Identifier: BSD-2-Clause
"""The kernel's serial output: its TAP lines, memblock dump and boot facts."""
import re

DUMP_RE = re.compile(r"^ (memory|reserved)\[0x[0-9a-f]+\][ \t]\[(0x[0-9a-f]+)-(0x[0-9a-f]+)\], "
                     r"0x[0-9a-f]+ bytes(?: on node (\d+))? flags: (0x[0-9a-f]+)$")

TAP_RE = re.compile(r"^(not )?ok (\d+) - (.*)$")


class Log:
    def __init__(self, text):
        self.lines = [l.rstrip("\r") for l in text.splitlines()]
        self.memory, self.reserved = [], []
        self.tap, self.plan = [], None
        self.dtb = self.cmdline = self.kernel = None
        for l in self.lines:
            # Under memblock=debug the firmware sequence dumps too, before
            # the kernel's page tables: the last dump is the kernel's own.
            if l == "MEMBLOCK configuration:":
                self.memory, self.reserved = [], []
            m = DUMP_RE.match(l)
            if m:
                base, last = int(m.group(2), 16), int(m.group(3), 16)
                r = (base, last + 1 - base,
                     int(m.group(4)) if m.group(4) else None, int(m.group(5), 16))
                (self.memory if m.group(1) == "memory" else self.reserved).append(r)
                continue
            m = TAP_RE.match(l)
            if m:
                self.tap.append((m.group(1) is None, m.group(3)))
                continue
            m = re.match(r"^1\.\.(\d+)$", l)
            if m:
                self.plan = int(m.group(1))
            m = re.match(r"^boot: kernel image \[(0x[0-9a-f]+)-(0x[0-9a-f]+)\)", l)
            if m:
                self.kernel = (int(m.group(1), 16), int(m.group(2), 16) - int(m.group(1), 16))
            m = re.match(r"^boot: DTB at (0x[0-9a-f]+), (\d+) bytes", l)
            if m:
                self.dtb = (int(m.group(1), 16), int(m.group(2)))
            if l.startswith("command line: ") or l == "command line:":
                self.cmdline = l[len("command line: "):]
