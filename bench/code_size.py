# SPDX-License-Identifier: BSD-2-Clause
"""Code size of libmemblock.a: the library built for each architecture at
-O2 and -Os with the project's own build (make ARCH=... OPT_CFLAGS=... lib),
measured with size -t (the archive's totals)."""
import subprocess

SIZE_TOOL = {'x86_64': 'size', 'arm64': 'aarch64-linux-gnu-size'}


def measure(root, objdir, arch, opt):
    """{'text': .., 'data': .., 'bss': ..} in bytes."""
    out = '%s/size/%s%s' % (objdir, arch, opt)
    subprocess.run(['make', '-C', root, '-s', 'ARCH=' + arch, 'O=' + out,
                    'OPT_CFLAGS=' + opt, 'lib'], check=True,
                   stdout=subprocess.DEVNULL)
    p = subprocess.run([SIZE_TOOL[arch], '-t', out + '/libmemblock.a'],
                       check=True, stdout=subprocess.PIPE, text=True)
    for line in p.stdout.splitlines():
        if line.rstrip().endswith('(TOTALS)'):
            text, data, bss = (int(x) for x in line.split()[:3])
            return {'text': text, 'data': data, 'bss': bss}
    raise RuntimeError('no totals in size output:\n' + p.stdout)
