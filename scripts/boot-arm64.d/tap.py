# SPDX-License-Identifier: BSD-2-Clause
"""TAP output for the boot runner; quiet instances judge without printing."""


class Tap:
    def __init__(self, quiet=False):
        self.n = 0
        self.failed = 0
        self.quiet = quiet

    def ok(self, cond, desc):
        self.n += 1
        if not cond:
            self.failed += 1
        if not self.quiet:
            print(f"{'' if cond else 'not '}ok {self.n} - {desc}")
        return cond

    def diag(self, msg):
        if self.quiet:
            return
        for line in str(msg).splitlines():
            print(f"# {line}")

    def done(self):
        print(f"1..{self.n}")
