#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""make bench: run every benchmark natively (wall time) and under callgrind
(instructions in the measured section only), compare the workloads that
move or clear memory with their floors (same run, interleaved), measure
code size and boot time, write bench/results.md, bench/results.csv,
bench/floors.csv, bench/ops-vs-n.svg and bench/floors.svg, and print the
table.

    bench/run.py --bin BUILD/bench/memblock-bench --obj BUILD/bench [--quick]
                 [--report-only | --sizes-only]

The measurements are kept in BUILD/bench/measured.json; --report-only
rewrites the report from them without measuring again. --sizes-only
measures code size alone and rewrites only that table of results.md.
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
         ('alloc-zero', 1000, 1000), ('remove-split', 16, 16),
         ('free-bu', 1000, 1000),
         ('page-floor', 64, 64), ('free-all', 64, 64),
         ('free-all-count', 64, 64)])
QUICK = ([('add', n, n) for n in (128, 1000, 10000)] +
         [('add-sorted', n, n) for n in (128, 1000, 10000)] +
         [('reserve', n, n) for n in (128, 1000, 10000)] +
         [('alloc-td', 20000, 20000), ('alloc-bu', 20000, 2000),
          ('alloc-small', 100, 100), ('alloc-small-frag', 100, 100),
          ('alloc-zero', 1000, 1000), ('remove-split', 16, 16),
          ('free-bu', 1000, 1000),
          ('page-floor', 8, 8), ('free-all', 8, 8),
          ('free-all-count', 8, 8)])

# Workloads with a floor (bench/regions.c, bench/alloc_zero.c): each is
# measured with every memory routine set (bench/memops.c) beside its floor
# run with the same set, and beside the floor run with the fastest routines
# on the machine (the C library's).
FLOOR_PAIRS = ([('add', 'add-floor', n) for n in (128, 1000, 10000, 50000)] +
               [('reserve', 'reserve-floor', n) for n in (128, 1000, 10000, 50000)] +
               [('alloc-zero', 'alloc-zero-floor', n) for n in (100, 1000, 4000)])
QUICK_PAIRS = ([('add', 'add-floor', n) for n in (128, 1000, 10000)] +
               [('reserve', 'reserve-floor', n) for n in (128, 1000, 10000)] +
               [('alloc-zero', 'alloc-zero-floor', n) for n in (100, 1000)])
# Interleaved native rounds per comparison (workload and floors back to
# back): the wall-time ratio is that of the fastest run of each, the one
# least disturbed by the rest of a shared machine (noise only adds time).
ROUNDS = 9
BEST = 'libc'

RESULT = re.compile(r'^RESULT bench=(\S+) n=(\d+) ops=(\d+) wall_ns=(\d+)')


def result_line(out):
    for line in out.splitlines():
        m = RESULT.match(line)
        if m:
            return int(m.group(3)), int(m.group(4))
    raise RuntimeError('no RESULT line in:\n' + out)


def native(binary, name, n, memops='default'):
    """One native run: (ops, wall ns of the measured section)."""
    env = dict(os.environ, BENCH_MEMOPS=memops)
    p = subprocess.run([binary, name, str(n)], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, env=env)
    if p.returncode:
        raise RuntimeError('%s %s %d failed:\n%s' % (binary, name, n, p.stderr))
    return result_line(p.stdout)


# The routines' own code: the library's defaults, the C library's
# (__memmove_avx_unaligned_erms, __memset_avx2_unaligned_erms...), the
# x86-64 kernel's, and the benchmark's one-call dispatcher.
def is_move(fn):
    return 'memmove' in fn or 'memcpy' in fn


def is_set(fn):
    return 'memset' in fn


def run_bench(binary, name, n, cg_n, memops='default'):
    ops, wall = native(binary, name, n, memops)
    os.environ['BENCH_MEMOPS'] = memops
    try:
        out, prof = callgrind.run([binary, name, str(cg_n)])
    finally:
        del os.environ['BENCH_MEMOPS']
    cg_ops, _ = result_line(out)
    sum_if = lambda pred: sum(ir for fn, ir in prof.self_ir.items()  # noqa: E731
                              if pred(fn)) / cg_ops
    floor = re.search(r'FLOOR bench=\S+ bytes_per_op=([\d.]+)', out)
    return {
        'bench': name, 'n': n, 'cg_n': cg_n, 'ops': ops, 'cg_ops': cg_ops,
        'memops': memops,
        'ns_per_op': wall / ops,
        'ir_per_op': prof.total / cg_ops,
        'memmove_per_op': sum_if(is_move),
        'memset_per_op': sum_if(is_set),
        'memmove_calls_per_op': prof.calls.get('memblock_env_memmove', 0) / cg_ops,
        'mirror_per_op': per_fn(prof, 'memblock_has_mirror', cg_ops),
        'top': [(fn, ir / cg_ops) for fn, ir in prof.top(6)],
        'accounted': sum(prof.self_ir.values()) / max(prof.total, 1),
        'floor_bytes': float(floor.group(1)) if floor else None,
    }


def per_fn(prof, fn, ops):
    return prof.self_ir.get(fn, 0) / ops


def compare(binary, work, floor, n, memops, cache):
    """A workload with hook set @memops beside its floor with the same set
    and with the best one: instruction ratios from callgrind, wall-time
    ratios of the fastest of ROUNDS interleaved native runs each."""
    def cg(name, m):
        key = (name, n, m)
        if key not in cache:
            cache[key] = run_bench(binary, name, n, n, m)
        return cache[key]
    w, f, fb = cg(work, memops), cg(floor, memops), cg(floor, BEST)
    tw, tf, tb = [], [], []
    for _ in range(ROUNDS):
        ops, t = native(binary, work, n, memops)
        tw.append(t / ops)
        ops, t = native(binary, floor, n, memops)
        tf.append(t / ops)
        ops, t = native(binary, floor, n, BEST)
        tb.append(t / ops)
    return {
        'work': work, 'floor': floor, 'n': n, 'memops': memops,
        'ir_work': w['ir_per_op'], 'ir_floor': f['ir_per_op'],
        'ir_floor_best': fb['ir_per_op'],
        'ir_ratio': w['ir_per_op'] / f['ir_per_op'],
        'ir_ratio_best': w['ir_per_op'] / fb['ir_per_op'],
        'wall_ratio': min(tw) / min(tf), 'wall_ratio_best': min(tw) / min(tb),
        'bytes_per_op': f['floor_bytes'],
        'ns_work': w['ns_per_op'], 'ns_floor': f['ns_per_op'],
    }


def handoff_wall(binary, n):
    """free-all against page-floor, interleaved: fastest against fastest."""
    tw, tf = [], []
    for _ in range(ROUNDS):
        ops, t = native(binary, 'free-all', n)
        tw.append(t / ops)
        ops, t = native(binary, 'page-floor', n)
        tf.append(t / ops)
    return min(tw) / min(tf)


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
    ap.add_argument('--bin')
    ap.add_argument('--obj', required=True)
    ap.add_argument('--quick', action='store_true')
    ap.add_argument('--report-only', action='store_true')
    ap.add_argument('--sizes-only', action='store_true')
    args = ap.parse_args()
    if args.sizes_only:
        # Code size alone (no valgrind, no QEMU): only that table of
        # bench/results.md is rewritten.
        sizes = measure_sizes(args)
        report.refresh_sizes(os.path.join(HERE, 'results.md'), sizes,
                             source_version())
        print('\n'.join(report.size_table(sizes)))
        return
    if not args.bin:
        ap.error('--bin is required')
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
    print(report.write(dest, m))
    print('\nWritten: %s' % ', '.join(
        os.path.relpath(os.path.join(dest, f)) for f in
        ('results.md', 'results.csv', 'floors.csv', 'ops-vs-n.svg',
         'floors.svg')))


def measure_sizes(args):
    print('  SIZE    libmemblock.a', file=sys.stderr, flush=True)
    return [(arch, opt, code_size.measure(ROOT, args.obj, arch, opt))
            for arch in code_size.ARCHES for opt in ('-O2', '-Os')]


def measure(args):
    load = os.getloadavg()[0]
    listed = subprocess.run([args.bin, 'list'], stdout=subprocess.PIPE,
                            text=True, check=True).stdout
    available = dict(line.split('\t', 1) for line in listed.splitlines())
    rows, cache = [], {}
    for name, n, cg_n in (QUICK if args.quick else FULL):
        if name not in available:
            continue
        print('  BENCH   %s N=%d' % (name, n), file=sys.stderr, flush=True)
        rows.append(run_bench(args.bin, name, n, cg_n))
        if n == cg_n:
            cache[(name, n, 'default')] = rows[-1]

    memops = [m for m in ('default', 'libc', 'x86')
              if subprocess.run([args.bin, 'list'], env=dict(
                  os.environ, BENCH_MEMOPS=m), stdout=subprocess.DEVNULL,
                  stderr=subprocess.DEVNULL).returncode == 0]
    floors = []
    for work, floor, n in (QUICK_PAIRS if args.quick else FLOOR_PAIRS):
        for m in memops:
            print('  FLOOR   %s N=%d %s' % (work, n, m), file=sys.stderr,
                  flush=True)
            floors.append(compare(args.bin, work, floor, n, m, cache))
    handoff = None
    if 'free-all' in available:
        print('  FLOOR   free-all', file=sys.stderr, flush=True)
        handoff = handoff_wall(args.bin, 8 if args.quick else 64)

    sizes = measure_sizes(args)
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
    env['memops'] = memops
    return {'rows': rows, 'sizes': sizes, 'boots': boots, 'env': env,
            'floors': floors, 'handoff_wall': handoff}


if __name__ == '__main__':
    main()
