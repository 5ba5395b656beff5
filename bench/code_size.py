# SPDX-License-Identifier: BSD-2-Clause
"""Code size of libmemblock.a: the library built for each architecture at
-O2 and -Os with the project's own build (make ARCH=... OPT_CFLAGS=... lib),
measured with size -A on each archive member: the .text sections (code
only; Berkeley size's "text" also counts .rodata and .eh_frame). "core" is the allocator alone;
"helpers" are the freestanding printf, logging, memory/string routines,
command-line parser and dump (printf.o log.o string.o cmdline.o dump.o)."""
import subprocess

ARCHES = ('x86_64', 'arm64', 'riscv64')
SIZE_TOOL = {'x86_64': 'size', 'arm64': 'aarch64-linux-gnu-size',
             'riscv64': 'riscv64-linux-gnu-size'}
HELPERS = ('printf.o', 'log.o', 'string.o', 'cmdline.o', 'dump.o')


def measure(root, objdir, arch, opt):
    """{'text', 'data', 'bss', 'rodata', 'core_text', 'string_text'}, bytes."""
    out = '%s/size/%s%s' % (objdir, arch, opt)
    subprocess.run(['make', '-C', root, '-s', 'ARCH=' + arch, 'O=' + out,
                    'OPT_CFLAGS=' + opt, 'lib'], check=True,
                   stdout=subprocess.DEVNULL)
    p = subprocess.run([SIZE_TOOL[arch], '-A', out + '/libmemblock.a'],
                       check=True, stdout=subprocess.PIPE, text=True)
    res = {'text': 0, 'data': 0, 'bss': 0, 'rodata': 0, 'core_text': 0,
           'string_text': 0}
    member = None
    for line in p.stdout.splitlines():
        f = line.split()
        if line.endswith('):') and '(ex ' in line:
            member = f[0]
            continue
        if len(f) != 3 or not f[1].isdigit():
            continue
        sec, size = f[0], int(f[1])
        if sec == '.text' or sec.startswith('.text.'):
            res['text'] += size
            if member not in HELPERS:
                res['core_text'] += size
            if member == 'string.o':
                res['string_text'] += size
        elif sec == '.data' or sec.startswith('.data.') or sec.startswith('.sdata'):
            res['data'] += size
        elif sec == '.bss' or sec.startswith('.bss.') or sec.startswith('.sbss'):
            res['bss'] += size
        elif sec.startswith('.rodata') or sec.startswith('.srodata'):
            res['rodata'] += size
    if not res['text']:
        raise RuntimeError('no .text in size output:\n' + p.stdout)
    return res
