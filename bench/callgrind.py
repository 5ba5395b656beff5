# SPDX-License-Identifier: BSD-2-Clause
"""Run a command under callgrind and read its profile: total instructions,
self instructions and call counts per function (the format is valgrind's
documented callgrind profile format; names may be compressed as "(id)")."""
import os
import re
import subprocess
import tempfile

_NAME = re.compile(r'^\((\d+)\)(?: (.*))?$')


class Profile:
    def __init__(self, total, self_ir, calls):
        self.total = total          # instructions in the measured section
        self.self_ir = self_ir      # function -> instructions in its own code
        self.calls = calls          # function -> times called

    def top(self, k):
        return sorted(self.self_ir.items(), key=lambda kv: -kv[1])[:k]


def _parse(path):
    names, self_ir, calls = {}, {}, {}
    total, fn, callee, in_call = 0, None, None, False

    def name(spec):
        m = _NAME.match(spec.strip())
        if not m:
            return spec.strip()
        if m.group(2) is not None:
            names[m.group(1)] = m.group(2)
        return names.get(m.group(1), spec)

    with open(path) as f:
        for line in f:
            if line.startswith('fn='):
                fn = name(line[3:])
            elif line.startswith('cfn='):
                callee = name(line[4:])
            elif line.startswith('calls='):
                calls[callee] = calls.get(callee, 0) + int(line[6:].split()[0])
                in_call = True
            elif line.startswith('totals:') or line.startswith('summary:'):
                total = int(line.split()[1])
            elif line[:1] in '0123456789+-*':
                if in_call:             # inclusive cost of the call above
                    in_call = False
                elif fn is not None:
                    self_ir[fn] = self_ir.get(fn, 0) + int(line.split()[-1])
    return Profile(total, self_ir, calls)


def run(cmd):
    """Run cmd under callgrind (setup uninstrumented: the benchmark starts
    instrumentation itself); return (stdout, Profile)."""
    fd, out = tempfile.mkstemp(prefix='callgrind.', suffix='.out')
    os.close(fd)
    try:
        p = subprocess.run(['valgrind', '--tool=callgrind', '--instr-atstart=no',
                            '--callgrind-out-file=' + out] + cmd,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
        if p.returncode:
            raise RuntimeError('%s failed under callgrind:\n%s' %
                               (' '.join(cmd), p.stderr[-2000:]))
        return p.stdout, _parse(out)
    finally:
        os.unlink(out)
