# SPDX-License-Identifier: BSD-2-Clause
"""The benchmark report: results.md (tables, targets, where the
instructions go), results.csv (the numbers) and ops-vs-n.svg (gnuplot)."""
import math
import os
import subprocess

ADD_TARGET = 40000          # instructions per add/reserve at N = 50,000
ALLOC_TARGET = 3000         # instructions per 4 KiB allocation, 1,000 holes
HANDOFF_TARGET = 1.05       # hand-off / page-array write
INSERT_FLOOR_TARGET = 1.2   # random-order insert at N = 50,000 / best memmove floor
ZERO_FLOOR_TARGET = 1.1     # zeroed allocation / best memset floor
CORE_TARGET = 10 * 1024     # core .text at -O2 on x86-64
EDITS = ('add', 'add-sorted', 'reserve')
SMALL = ('remove-split', 'free-bu')
ALLOCS = ('alloc-td', 'alloc-bu', 'alloc-small', 'alloc-small-frag',
          'alloc-zero')
ROUTINES = {
    'default': 'library default (portable loops)',
    'libc': 'C library (best on this machine)',
    'x86': 'x86-64 kernel (rep movsb/stosb, AVX2/SSE2 backward)',
}


def num(x, digits=0):
    return '{:,.{}f}'.format(x, digits)


def measured_what(r):
    if r['bench'] == 'add-sorted':
        return 'all %s ascending edits, array growth included' % num(r['n'])
    if r['bench'] in EDITS:
        return 'last %s of %s random-order edits' % (
            num(min(r['n'] // 4, 256)), num(r['n']))
    if r['bench'] in ALLOCS + SMALL:
        s = '%s calls' % num(r['n'])
        if r['cg_n'] != r['n']:
            s += ' (callgrind: the first %s)' % num(r['cg_n'])
        return s
    return '%s GiB map, %s pages' % (r['n'], num(r['ops']))


def ops_table(rows):
    out = ['| Benchmark | N | Measured | Instructions/op | of which memmove | '
           'memmove calls/op | of which memset | Rest/op | Wall ns/op |',
           '|---|--:|---|--:|--:|--:|--:|--:|--:|']
    for r in rows:
        if r['bench'] not in EDITS + ALLOCS + SMALL:
            continue
        out.append('| %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
            r['bench'], num(r['n']), measured_what(r), num(r['ir_per_op']),
            num(r['memmove_per_op']), num(r['memmove_calls_per_op'], 2),
            num(r.get('memset_per_op', 0)),
            num(r['ir_per_op'] - r['memmove_per_op'] - r.get('memset_per_op', 0)),
            num(r['ns_per_op'])))
    return out


def floor_table(floors):
    out = ['| Workload | N | Routine (library and floor) | Floor bytes/op | '
           'Instructions/op | Floor, same routine | Ratio | Floor, best '
           'routine | Ratio | Wall ratio, same routine | Wall ratio, best '
           'routine |', '|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|']
    for f in floors:
        out.append('| %s | %s | %s | %s | %s | %s | x%.3f | %s | x%.3f | '
                   'x%.3f | x%.3f |' % (
                       f['work'], num(f['n']), ROUTINES[f['memops']],
                       num(f['bytes_per_op'] or 0), num(f['ir_work']),
                       num(f['ir_floor']), f['ir_ratio'],
                       num(f['ir_floor_best']), f['ir_ratio_best'],
                       f['wall_ratio'], f['wall_ratio_best']))
    return out


def find_floor(floors, work, n, memops):
    for f in floors:
        if f['work'] == work and f['n'] == n and f['memops'] == memops:
            return f
    return None


def by(rows, bench, n=None):
    for r in rows:
        if r['bench'] == bench and (n is None or r['n'] == n):
            return r
    return None


def handoff_table(rows, env, wall=None):
    if not env['handoff']:
        return ['| Hand-off (memblock_free_all) | pending hand-off: src/free_all.c '
                'is not on this branch yet; the benchmark builds and runs as '
                'soon as it is |', '|---|---|']
    out = ['| Run | Pages | Instructions/page | Wall ns/page |',
           '|---|--:|--:|--:|']
    for name in ('page-floor', 'free-all', 'free-all-count'):
        r = by(rows, name)
        if r:
            out.append('| %s | %s | %s | %s |' % (
                name, num(r['ops']), num(r['ir_per_op'], 3),
                num(r['ns_per_op'], 2)))
    if wall is not None:
        out += ['', 'free-all / page-floor in wall time: x%.3f (the '
                'fastest of 9 interleaved native runs each).' % wall]
    return out


def size_table(sizes):
    out = ['| Architecture | Flags | .text core | .text with helpers | '
           'of which string.o | .rodata | .data | .bss |',
           '|---|---|--:|--:|--:|--:|--:|--:|']
    for arch, opt, s in sizes:
        out.append('| %s | %s | %s | %s | %s | %s | %s | %s |' % (
            arch, opt, num(s.get('core_text', 0)), num(s['text']),
            num(s.get('string_text', 0)), num(s.get('rodata', 0)),
            num(s['data']), num(s['bss'])))
    return out


def size_target_row(sizes):
    """The code-size row of the Targets table (empty without x86-64 -O2)."""
    for arch, opt, sz in sizes:
        if arch == 'x86_64' and opt == '-O2' and 'core_text' in sz:
            return ['| core .text at most %s bytes at -O2 on x86-64 | %s '
                    '(%s with helpers) | %s |' % (
                        num(CORE_TARGET), num(sz['core_text']),
                        num(sz['text']),
                        status(sz['core_text'] <= CORE_TARGET))]
    return []


def refresh_sizes(path, sizes, source):
    """Rewrite only the code-size table and its target row of an existing
    results.md (bench/run.py --sizes-only): the other sections keep the numbers of
    the run that wrote them, and the table says which source it measured."""
    with open(path) as f:
        lines = f.read().split('\n')
    head = lines.index('## Code size of libmemblock.a (bytes)')
    end = lines.index('## Boot')
    new = ['## Code size of libmemblock.a (bytes)', '',
           'Measured on its own (bench/run.py --sizes-only) from source '
           '%s; the other sections are from the runs they name.' % source, ''] + \
        size_table(sizes) + ['']
    lines[head:end] = new
    row = size_target_row(sizes)
    for i, line in enumerate(lines):
        if line.startswith('| core .text at most ') and row:
            lines[i] = row[0]
    with open(path, 'w') as f:
        f.write('\n'.join(lines))


def boot_table(boots):
    out = ['| Architecture | QEMU (TCG) boot to "buddy ready" |', '|---|---|']
    for arch, ms, note in boots:
        out.append('| %s | %s |' % (
            arch, '%s ms (%s)' % (num(ms), note) if ms is not None else note))
    return out


def status(ok):
    return 'met' if ok else '**MISSED**'


def targets(rows, env, floors=(), handoff_wall=None, sizes=()):
    out = ['| Target | Measured | Status |', '|---|---|---|']
    for bench in EDITS:
        pts = sorted((r for r in rows if r['bench'] == bench),
                     key=lambda r: r['n'])
        if len(pts) < 2:
            continue
        lo, hi = pts[0], pts[-1]
        rest = lambda r: r['ir_per_op'] - r['memmove_per_op']  # noqa: E731
        grow = rest(hi) / rest(lo)
        bound = math.log2(hi['n']) / math.log2(lo['n'])
        calls = max(r['memmove_calls_per_op'] for r in pts)
        out.append('| %s: cost outside memmove grows no faster than log n '
                   '(N %s to %s: at most x%.2f) | x%.2f (%s to %s '
                   'instructions) | %s |' % (
                       bench, num(lo['n']), num(hi['n']), bound, grow,
                       num(rest(lo)), num(rest(hi)), status(grow <= bound)))
        out.append('| %s: at most one memmove per operation | %.2f calls/op '
                   '(max over N) | %s |' % (bench, calls, status(calls <= 1.0)))
    r = by(rows, 'remove-split')
    if r:
        out.append('| remove-split: one memmove per remove that splits a region '
                   '(the design note\'s "one move per edit") | %.2f calls/op | '
                   '%s |' % (r['memmove_calls_per_op'],
                            status(r['memmove_calls_per_op'] <= 1.0)))
    r = by(rows, 'free-bu')
    if r:
        out.append('| free-bu: a free that trims a reservation moves nothing '
                   '| %.2f memmove calls/op | %s |' % (
                       r['memmove_calls_per_op'],
                       status(r['memmove_calls_per_op'] == 0)))
    for bench in ('add', 'reserve'):
        r = by(rows, bench, 50000)
        if not r:
            out.append('| %s at N = 50,000 under %s instructions | not '
                       'measured (quick run) | - |' % (bench, num(ADD_TARGET)))
            continue
        v = r['ir_per_op']
        out.append('| %s at N = 50,000 under %s instructions | %s (%s in '
                   'memmove) | %s |' % (
                       bench, num(ADD_TARGET), num(v), num(r['memmove_per_op']),
                       status(v < ADD_TARGET) if v < ADD_TARGET else
                       '**MISSED** by %s (x%.0f)' % (num(v - ADD_TARGET),
                                                     v / ADD_TARGET)))
    for bench in ('alloc-td', 'alloc-bu'):
        r = by(rows, bench)
        if not r:
            continue
        v = r['ir_per_op']
        out.append('| %s: 4 KiB allocation, 1,000 holes, under %s | %s | %s |'
                   % (bench, num(ALLOC_TARGET), num(v),
                      status(True) if v < ALLOC_TARGET else
                      '**MISSED** by %s (x%.0f)' % (num(v - ALLOC_TARGET),
                                                    v / ALLOC_TARGET)))
    for work, n, bound, what in (
            ('add', 50000, INSERT_FLOOR_TARGET, 'random-order add at N = 50,000'),
            ('reserve', 50000, INSERT_FLOOR_TARGET,
             'random-order reserve at N = 50,000'),
            ('alloc-zero', 1000, ZERO_FLOOR_TARGET,
             'zeroed 16 KiB allocation')):
        for m in env.get('memops', ()):
            f = find_floor(floors, work, n, m)
            if not f:
                continue
            worst = max(f['ir_ratio_best'], f['wall_ratio_best'])
            out.append('| %s, library using the %s, within x%.2f of the '
                       'best-routine floor | x%.3f instructions, x%.3f wall '
                       '(same-routine floor: x%.3f, x%.3f) | %s |' % (
                           what, ROUTINES[m], bound, f['ir_ratio_best'],
                           f['wall_ratio_best'], f['ir_ratio'],
                           f['wall_ratio'], status(worst <= bound)))
    floor, total = by(rows, 'page-floor'), by(rows, 'free-all')
    if floor and total:
        ratio = total['ir_per_op'] / floor['ir_per_op']
        worst = max(ratio, handoff_wall or 0)
        out.append('| hand-off at most x%.2f the page-array write | x%.3f '
                   '(%s vs %s instructions/page), x%s wall | %s |' % (
                       HANDOFF_TARGET, ratio, num(total['ir_per_op'], 3),
                       num(floor['ir_per_op'], 3),
                       '%.3f' % handoff_wall if handoff_wall else '?',
                       status(worst <= HANDOFF_TARGET)))
    elif not env['handoff']:
        out.append('| hand-off at most x%.2f the page-array write | pending '
                   'hand-off | - |' % HANDOFF_TARGET)
    out += size_target_row(sizes)
    return out


def breakdown(rows):
    out = []
    largest = {}
    for r in rows:
        if r['bench'] not in largest or r['n'] > largest[r['bench']]['n']:
            largest[r['bench']] = r
    for r in largest.values():
        funcs = ', '.join('%s %s' % (fn, num(ir, 3 if ir < 1 else
                                             1 if ir < 10 else 0))
                          for fn, ir in r['top'] if ir >= 0.0005)
        out.append('- **%s**, N = %s: %s instructions/op: %s' % (
            r['bench'], num(r['n']),
            num(r['ir_per_op'], 3 if r['ir_per_op'] < 10 else 1), funcs))
    return out


FLOORS_TEXT = '''\
Each workload that moves or clears memory is measured beside its floor:
the bytes the contiguous-array contract must move (every region above the
new one, shifted by one entry, for a random-order insert) or clear (the
16 KiB block of a zeroed allocation), moved or cleared by the same
routine the library uses in that run, and by the best routine on this
machine (the C library's memmove/memset, vector registers and rep
movsb/stosb: used here only as the reference, never by the library).
"Routine" is what memblock_env_memmove/memblock_env_memset are in that run
(bench/memops.c): the library's default loops (what a kernel gets by
plugging in nothing), the C library's, or the x86-64 demo kernel's
(arch/x86_64/memops.c). Ratios: instructions (callgrind) and wall time,
the ratio of the fastest of ''' + str(9) + ''' rounds of each, the runs
interleaved back to back (workload, same-routine floor, best floor) so
that every variant sees the same machine; the fastest run is the one
least disturbed by the other processes of a shared machine. Never
absolute times.'''

METHOD = '''\
How the numbers are taken:

- Instructions are valgrind callgrind's instruction counts (Ir) of the
  measured section only: each benchmark runs uninstrumented through its
  setup, then brackets the calls it measures with
  CALLGRIND_START_INSTRUMENTATION / CALLGRIND_ZERO_STATS and
  CALLGRIND_STOP_INSTRUMENTATION (bench/harness.c). They are exact and
  repeat run to run (fixed random seed). "of which memmove" and the
  breakdown are self costs per function from the same profile; "Rest" is
  everything else. Wall times come from a separate native run of the
  same binary on a shared 2-core machine: reference only.
- The library is built from src/ for the host the way a kernel builds it:
  gcc -O2, the library's freestanding and warning flags,
  -mgeneral-regs-only, no sanitizers (tools/bench.mk).
- add / reserve: N disjoint ranges, each alone in its own 1 MiB slot (no
  merging), in random order, with memblock_allow_resize(); add-sorted:
  the same ranges in ascending order, as firmware maps usually come, all
  N measured (so the array doublings from 128 entries are included). Measured: the
  last K = min(N/4, 256) edits, i.e. inserts at a uniformly random position
  into an array of 3N/4 to N regions. The first N - K ranges are added in
  ascending order, unmeasured: region arrays are canonical and grow by the
  same doublings whatever the insertion order, so the measured edits see
  exactly the array N - K random-order edits would have left.
- alloc-td / alloc-bu: memblock_phys_alloc(4 KiB, 4 KiB) on 62 GiB of RAM
  with 1,000 reserved 4 KiB holes, one every 60 MiB. Each allocation lands
  next to the previous one and merges with its reservation.
- alloc-small: 100 memblock_alloc() calls of 16 B to 4 KiB, zeroed,
  64-byte aligned, on a fresh q35-like map (the common case: "reserved"
  stays under the 128 static entries); alloc-small-frag: the same on 128
  RAM ranges.
- Hand-off: memblock_free_all() on a 64 GiB four-node map (bench/handoff.c).
  The floor is what any page allocator must do per page it receives:
  initialise its struct page (24 bytes here; clear PG_reserved and the
  refcount, as Linux's __free_pages_core() does), done by one loop over as
  many struct pages as memblock releases (page-floor). free-all runs
  memblock_free_all() with a hook that does the same per block, then marks
  the head page and pushes it on its order's free list; free-all-count
  with a hook that only counts (memblock's own share).
- alloc-zero: N memblock_alloc(16 KiB) calls, zeroed, on a fresh map, the
  memory written once in setup (no host page faults in either run).
- Code size: size -A of each member of libmemblock.a built by the
  project's Makefile (make ARCH=... OPT_CFLAGS=... lib), GCC: .text
  sections (code only), .rodata, .data, .bss; "core" leaves out the
  helpers printf.o, log.o, string.o, cmdline.o and dump.o. .bss is mostly
  the static region arrays (INIT_MEMBLOCK_REGIONS).
- Boot: bench/boot_time.py (reference only, TCG).
'''


def write_csv(path, rows):
    with open(path, 'w') as f:
        f.write('bench,n,measured_ops,instructions_per_op,memmove_per_op,'
                'memmove_calls_per_op,rest_per_op,wall_ns_per_op\n')
        for r in rows:
            f.write('%s,%d,%d,%.1f,%.1f,%.3f,%.1f,%.1f\n' % (
                r['bench'], r['n'], r['cg_ops'], r['ir_per_op'],
                r['memmove_per_op'], r['memmove_calls_per_op'],
                r['ir_per_op'] - r['memmove_per_op'], r['ns_per_op']))


def plot(dest, csv, rows):
    svg = os.path.join(dest, 'ops-vs-n.svg')
    adds = sorted((r for r in rows if r['bench'] == 'add'),
                  key=lambda r: r['n'])
    lin = lg = 0
    if adds:
        big = adds[-1]
        lin = big['ir_per_op'] / big['n']
        lg = (big['ir_per_op'] - big['memmove_per_op']) / math.log2(big['n'])
    subprocess.run(['gnuplot', '-e',
                    'csv="%s"; out="%s"; target=%d; lin=%g; lg=%g' %
                    (csv, svg, ADD_TARGET, lin, lg),
                    os.path.join(os.path.dirname(__file__), 'ops-vs-n.gp')],
                   check=True)
    return svg


SMALL_CASES = '''\
The edit path, instructions per call outside memmove/memset, before (the
full run of source a07f8c0) and after (this run). Of the 16-region cases
of the first report, remove-split and the frees after bottom-up
allocations (free-bu, added after ef662ed: no earlier figure) are in
make bench; the others (memblock_set_node(),
memblock_mark_nomap()) run the same window, plan and edit code.

| workload | before | after |
|---|--:|--:|
| add, N = 128 / 50,000 (random order) | 907 / 1,269 | 399 / 419 |
| add-sorted, N = 128 / 50,000 (appends, growth included) | 692 / 926 | 328 / 422 |
| reserve, N = 128 / 50,000 (random order) | 899 / 1,372 | 325 / 422 |
| alloc-td / alloc-bu, 4 KiB among 1,000 holes | 1,144 / 1,392 | 515 / 548 |
| alloc-small, 100 calls | 1,473 | 808 |
| alloc-zero, outside the 16 KiB memset | 857 | 441 |
| remove-split, 16 regions (with its memmove) | 651 | 515 |
| free-bu, 16 KiB blocks freed in allocation order | - | 404 |

Removed:

- The window of an edit was searched three times: by the plan's capacity
  count, by the edit, and sometimes by the merged "after" count (two
  binary searches each, about 810 instructions per add at N = 50,000).
  __memblock_rgn_window() now finds it once (a branch-light binary search
  for its first region, none when the range lies past the last region, a
  gallop from there for its end), counts what the edit inserts in the same
  pass, and the plan and the edit share it.
- An edit with room in its array and no grown array of memblock's in its
  range skips the plan altogether (about 95 instructions per edit).
- Add, isolate, flag and node changes, and the plan's merged count share
  one back-to-front rebuild walker; an add alone between incompatible
  neighbours opens its slot directly, with no rebuild and no merge pass.
- Allocation: every entry point is one call of one internal entry (the
  guard, the debug line, one test of the arguments, the fallback chain
  with one search and one reserve site); the search turns its node and
  flag filter into two masks once per search, walks memory in both
  directions with one loop, and skips its binary searches in the usual
  case (every region starts below the limit, or the first ends above the
  start). The debug lines, argument messages and refusals are cold.
- Calls, not work (the code-size pass of ef662ed, 5-29 instructions per
  edit or allocation): the type table and the static arrays are visible
  to every file, so finding a type's array or asking whether an array is
  a grown one is a load and a compare, not a call; the hook bracket is
  inline over two counters; the iterators set their memory filter up
  once per call instead of testing every region through a function.
- Tests that cannot apply (12ce74c, from 544 to 441 instructions per
  zeroed allocation, 456 to 406 per free): a reservation whose window
  holds no reservation skips the test for grown arrays in its range (they
  are always reserved: docs/design.md, "Ownership"); the stage guard's
  usual case is tested inline; the top-down search's usual index lookup
  is inline; a free cuts the live arrays out of its range without a call
  per type; the add path keeps no plan bookkeeping when it plans nothing.

What is left, and what it is for:

- The window search (a binary search: 70 instructions at 16 regions, 190
  at 50,000) and the edit itself (55-81): the O(log n) algorithm.
- The check that no grown array of memblock's lies in the edited range
  (__memblock_live_overlap, about 50: three arrays), made by a remove of
  memory and by a reservation whose window holds reservations (only
  there can an array be), and the stage guard: the ownership rules of
  docs/design.md ("Ownership") that let a failing call change nothing
  and keep memblock's own arrays out of callers' hands. Linux has no such
  step.
- Backward moves (opening a slot) with general-purpose registers only,
  as the default loops and the kernels' C code must: one 8-byte store
  per cycle, about 1.5x the time of the C library's vector memmove on
  the 580 KB tails at N = 50,000. The x86-64 demo kernel's hook moves
  backward with vector registers (their state is on in that kernel):
  32-byte AVX2 loads and aligned stores, 128 bytes per loop iteration,
  where CPUID and XCR0 allow them (on this machine), 16-byte SSE2
  otherwise. With AVX2 it moves as many bytes per instruction as the C
  library's memmove and counts fewer instructions (10 per 128 bytes:
  x0.84 of the best floor in the run that brought it in, against x2.01
  with the 16-byte SSE2 loop), in about its time (wall x1.00 in that
  run; the SSE2 loop's was x0.95-0.98: on the L2-resident 580 KB tails
  the 16-byte loop is a few per cent faster on this CPU, on L1-resident
  ones, 10-20 KB, the 32-byte loop about 1.5x faster). The path is
  chosen with CPUID, about 20 us in this virtual machine, once:
  bench/memops.c makes the choice before any measured section.
- Code size: the core's .text is 15,327 bytes at -O2 on x86-64 (15,233
  at ef662ed, before the 94 bytes of 12ce74c's inline tests; 15,910
  in the run of 5f258b9, 18,630 in that of a07f8c0). By concern, from nm
  per function: the O(log n) window edits 2.7 KB (region.c), the
  ownership plan 2.5 KB (resize.c, and its helpers in edit.c and
  region.c) plus about 1 KB of its steps inside the edit drivers, the
  limits and the hand-off, the edit drivers 1.5 KB, the entry points with
  their stage guard, debug lines and argument checks 1.7 KB, limits
  1.3 KB, the allocation search 1.1 KB, iterators 1.1 KB, the hand-off
  1.0 KB, the allocation families 1.0 KB, queries 0.9 KB, and 0.3 KB of
  16-byte function alignment. Of these, about 3.5 KB (the all-or-nothing
  ownership plan: Linux's counterpart, memblock_double_array(), is a
  fraction of it), 0.55 KB (stage refusals and the re-entry guard) and
  0.3 KB (argument validation with error codes) have no counterpart in
  Linux's memblock: without them the core would still be about 11 KB.
  What a boot calls once or a few times and the plan's steps, which run
  only when an array grows or moves, are cold and built for size. The
  pass of ef662ed (-677 bytes, no instruction added on any row above)
  made helpers only cold code reaches cold, shared one walker for "is
  this range all memory" between memblock_is_region_memory() and
  memblock_discard(), let __memblock_plan_prepare() switch the arrays
  itself, and let the flag calls reach the update path directly. Tried
  and dropped because they cost instructions on measured paths or bytes:
  one gap walk for both search directions (-113 bytes, +259 instructions
  per small allocation), one guard-and-trace helper for the
  add/reserve/free wrappers (-100 bytes, +5 per call), merging the two
  binary searches, a cold edit_begin() (-11 bytes, +1 to +3 per edit),
  one body for the four range forms (+25 bytes). Keeping the plan, 10 KB
  would leave about 6.5 KB for everything else, less than the 9.2 KB that
  issue 18 gives for Linux's memblock.o built the same way, which has no
  such plan.'''


def write_floors_csv(path, floors):
    with open(path, 'w') as f:
        f.write('workload,memops,n,floor_bytes_per_op,instructions_per_op,'
                'floor_instructions_per_op,best_floor_instructions_per_op,'
                'wall_ratio,wall_ratio_best\n')
        for r in floors:
            f.write('%s,%s,%d,%.1f,%.1f,%.1f,%.1f,%.4f,%.4f\n' % (
                r['work'], r['memops'], r['n'], r['bytes_per_op'] or 0,
                r['ir_work'], r['ir_floor'], r['ir_floor_best'],
                r['wall_ratio'], r['wall_ratio_best']))


def plot_floors(dest, csv):
    svg = os.path.join(dest, 'floors.svg')
    subprocess.run(['gnuplot', '-e', 'csv="%s"; out="%s"' % (csv, svg),
                    os.path.join(os.path.dirname(__file__), 'floors.gp')],
                   check=True)
    return svg


def write(dest, m):
    rows, sizes, boots, env = m['rows'], m['sizes'], m['boots'], m['env']
    floors, handoff_wall = m.get('floors', []), m.get('handoff_wall')
    csv = os.path.join(dest, 'results.csv')
    write_csv(csv, rows)
    plot(dest, csv, rows)
    fcsv = os.path.join(dest, 'floors.csv')
    write_floors_csv(fcsv, floors)
    if floors:
        plot_floors(dest, fcsv)
    lines = ['# memblock benchmarks', '',
             'Generated by `make bench`%s from source %s; %s; %s. '
             'Instruction counts are exact and repeatable; wall times are '
             'for reference only (load average %s).' % (
                 ' (BENCH_QUICK: smaller N)' if env['quick'] else '',
                 env['source'], env['gcc'], env['valgrind'],
                 env.get('load', 'unknown')), '',
             '## Operations', ''] + ops_table(rows) + [
             '', '## Floors', '', FLOORS_TEXT, ''] + floor_table(floors) + [
             '', '![cost per operation against N, beside the floors]'
             '(floors.svg)', '',
             '## Hand-off to the page allocator', ''] + \
        handoff_table(rows, env, handoff_wall) + [
             '', '## Code size of libmemblock.a (bytes)', ''] + \
        size_table(sizes) + ['', '## Boot', ''] + boot_table(boots) + [
             '', '## Targets', ''] + targets(rows, env, floors, handoff_wall,
                                             sizes) + [
             '', '## Small cases', '', SMALL_CASES,
             '', '## Where the instructions go', '',
             'Self instructions per operation of the costliest functions, '
             'at each benchmark\'s largest N:', ''] + breakdown(rows) + [
             '', '![instructions per operation against N](ops-vs-n.svg)', '',
             '## Method', '', METHOD]
    md = '\n'.join(lines)
    with open(os.path.join(dest, 'results.md'), 'w') as f:
        f.write(md)
    return md
