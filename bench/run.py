#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""make bench: run every benchmark natively (wall time) and under callgrind
(instructions in the measured section only), measure code size and boot
time, write bench/results.md, bench/results.csv and bench/ops-vs-n.svg,
and print the table.

    bench/run.py --bin BUILD/bench/memblock-bench --obj BUILD/bench [--quick]
                 [--report-only]

The measurements are kept in BUILD/bench/measured.json; --report-only
rewrites the report from them without measuring again.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import boot_time   # noqa: E402
import callgrind   # noqa: E402
import code_size   # noqa: E402
import report      # noqa: E402

# (benchmark, N natively, N under callgrind). Only alloc-bu differs: each
# of its calls moves the whole "reserved" array twice (see results.md), so
# 200,000 calls would take minutes under callgrind; its cost per call is
# the same for every call, and 20,000 of them are counted.
FULL = ([('add', n, n) for n in (128, 1000, 10000, 50000)] +
        [('add-sorted', n, n) for n in (128, 1000, 10000, 50000)] +
        [('reserve', n, n) for n in (128, 1000, 10000, 50000)] +
        [('alloc-td', 200000, 200000), ('alloc-bu', 200000, 20000),
         ('alloc-small', 100, 100), ('alloc-small-frag', 100, 100),
         ('page-floor', 64, 64), ('free-all', 64, 64),
         ('free-all-count', 64, 64)])
QUICK = ([('add', n, n) for n in (128, 1000, 10000)] +
         [('add-sorted', n, n) for n in (128, 1000, 10000)] +
         [('reserve', n, n) for n in (128, 1000, 10000)] +
         [('alloc-td', 20000, 20000), ('alloc-bu', 20000, 2000),
          ('alloc-small', 100, 100), ('alloc-small-frag', 100, 100),
          ('page-floor', 8, 8), ('free-all', 8, 8),
          ('free-all-count', 8, 8)])

RESULT = re.compile(r'^RESULT bench=(\S+) n=(\d+) ops=(\d+) wall_ns=(\d+)')


def result_line(out):
    for line in out.splitlines():
        m = RESULT.match(line)
        if m:
            return int(m.group(3)), int(m.group(4))
    raise RuntimeError('no RESULT line in:\n' + out)


def run_bench(binary, name, n, cg_n):
    p = subprocess.run([binary, name, str(n)], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if p.returncode:
        raise RuntimeError('%s %s %d failed:\n%s' % (binary, name, n, p.stderr))
    ops, wall = result_line(p.stdout)
    out, prof = callgrind.run([binary, name, str(cg_n)])
    cg_ops, _ = result_line(out)
    per = lambda fn: prof.self_ir.get(fn, 0) / cg_ops  # noqa: E731
    return {
        'bench': name, 'n': n, 'cg_n': cg_n, 'ops': ops, 'cg_ops': cg_ops,
        'ns_per_op': wall / ops,
        'ir_per_op': prof.total / cg_ops,
        'memmove_per_op': per('__memblock_memmove'),
        'memmove_calls_per_op': prof.calls.get('__memblock_memmove', 0) / cg_ops,
        'mirror_per_op': per('memblock_has_mirror'),
        'top': [(fn, ir / cg_ops) for fn, ir in prof.top(6)],
        'accounted': sum(prof.self_ir.values()) / max(prof.total, 1),
    }


def source_version():
    def git(*args):
        return subprocess.run(['git', '-C', ROOT] + list(args),
                              stdout=subprocess.PIPE, text=True).stdout.strip()
    rev = git('rev-parse', '--short', 'HEAD') or 'unknown'
    dirty = git('status', '--porcelain', '--', 'src', 'include')
    return rev + ('+local changes' if dirty else '')


def tool_version(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    return p.stdout.splitlines()[0] if p.stdout else '?'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--obj', required=True)
    ap.add_argument('--quick', action='store_true')
    ap.add_argument('--report-only', action='store_true')
    args = ap.parse_args()
    saved = os.path.join(args.obj, 'measured%s.json' %
                         ('-quick' if args.quick else ''))
    if args.report_only:
        with open(saved) as f:
            m = json.load(f)
    else:
        m = measure(args)
        with open(saved, 'w') as f:
            json.dump(m, f, indent=1)
    dest = os.path.join(args.obj, 'quick') if args.quick else HERE
    os.makedirs(dest, exist_ok=True)
    print(report.write(dest, m['rows'], m['sizes'], m['boots'], m['env']))
    print('\nWritten: %s' % ', '.join(
        os.path.relpath(os.path.join(dest, f)) for f in
        ('results.md', 'results.csv', 'ops-vs-n.svg')))


def measure(args):
    load = os.getloadavg()[0]
    listed = subprocess.run([args.bin, 'list'], stdout=subprocess.PIPE,
                            text=True, check=True).stdout
    available = dict(line.split('\t', 1) for line in listed.splitlines())
    rows = []
    for name, n, cg_n in (QUICK if args.quick else FULL):
        if name not in available:
            continue
        print('  BENCH   %s N=%d' % (name, n), file=sys.stderr, flush=True)
        rows.append(run_bench(args.bin, name, n, cg_n))

    print('  SIZE    libmemblock.a', file=sys.stderr, flush=True)
    sizes = [(arch, opt, code_size.measure(ROOT, args.obj, arch, opt))
             for arch in ('x86_64', 'arm64') for opt in ('-O2', '-Os')]
    print('  BOOT    demo-x86_64, demo-arm64', file=sys.stderr, flush=True)
    boots = [(arch,) + boot_time.measure(arch) for arch in ('x86_64', 'arm64')]

    env = {
        'source': source_version(),
        'gcc': tool_version(['gcc', '--version']),
        'valgrind': tool_version(['valgrind', '--version']),
        'quick': args.quick,
        'load': '%.1f at start, %.1f at end (%d CPUs)' % (
            load, os.getloadavg()[0], os.cpu_count()),
        'handoff': 'free-all' in available,
        'descriptions': available,
    }
    return {'rows': rows, 'sizes': sizes, 'boots': boots, 'env': env}


if __name__ == '__main__':
    main()
