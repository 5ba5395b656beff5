# SPDX-License-Identifier: BSD-2-Clause
"""Host-side judgement of one boot: exit status, the kernel's TAP, and its
memblock dump against the device tree it was given."""
import re

from kernellog import Log
from tap import Tap
from virt import (EXIT_CRASH, EXIT_FAIL, EXIT_PASS, PAGE,
                  RAM_BASE, RAW_DTB_ADDR)


def merged(ranges):
    out = []
    for b, s in sorted(ranges):
        if s == 0:
            continue
        if out and b <= out[-1][0] + out[-1][1]:
            end = max(out[-1][0] + out[-1][1], b + s)
            out[-1] = (out[-1][0], end - out[-1][0])
        else:
            out.append((b, s))
    return out


def covered(regions, base, size):
    """Is [base, base + size) inside the union of (base, size, ...) regions?"""
    for b, s in merged([(r[0], r[1]) for r in regions]):
        if b <= base and base + size <= b + s:
            return True
    return False


def overlaps(regions, base, size):
    return any(r[0] < base + size and base < r[0] + r[1] for r in regions)


def hexr(b, s):
    return f"[{b:#x}-{b + s:#x})"


def expected_memory(dt, cmdline):
    ac, sc = dt.root_cells()
    usable = dt.pairs("/chosen", "linux,usable-memory-range", ac, sc)
    mem = []
    for b, s, _, _ in dt.memory():
        lo, hi = (b + PAGE - 1) & ~(PAGE - 1), (b + s) & ~(PAGE - 1)
        if usable:
            lo, hi = max(lo, usable[0][0]), min(hi, usable[0][0] + usable[0][1])
        if hi > lo:
            mem.append((lo, hi - lo))
    mem = merged(mem)
    m = re.search(r"(?:^|\s)mem=(\S+)", cmdline or "")
    if m:
        limit = parse_size(m.group(1)) & ~(PAGE - 1)
        out, left = [], limit
        for b, s in mem:
            if left <= 0:
                break
            out.append((b, min(s, left)))
            left -= min(s, left)
        mem = out
    return mem


def parse_size(s):
    m = re.match(r"(0x[0-9a-fA-F]+|\d+)([KMGkmg]?)", s)
    v = int(m.group(1), 0)
    return v << {"": 0, "k": 10, "m": 20, "g": 30}[m.group(2).lower()]


def image_header(image):
    """(text_offset, image_size) from the arm64 image header."""
    with open(image, "rb") as f:
        hdr = f.read(64)
    return (int.from_bytes(hdr[8:16], "little"), int.from_bytes(hdr[16:24], "little"))


def host_checks(tap, case, dt, log, initrd_size, image, ram_base=RAM_BASE, image_at=None):
    """@ram_base: where the machine's RAM starts (the header's text_offset
    is relative to it); arm64 virt's by default. @image_at: where the
    loader put the image, when not at @ram_base + text_offset."""
    text_offset, image_size = image_header(image)
    want = (ram_base + text_offset if image_at is None else image_at, image_size)
    tap.ok(log.kernel == want and covered(log.reserved, *want),
           f"dump: kernel image {hexr(*want)} (the loader's address, header's image_size) reserved")
    tap.ok(log.dtb is not None, "kernel reported the DTB address")
    got = merged([(r[0], r[1]) for r in log.memory])
    bootargs = dt.chosen("bootargs", "s") or ""
    want = expected_memory(dt, bootargs)
    if not tap.ok(got == want, "dump: memory is the DTB's memory" +
                  (" after mem=" if "mem=" in bootargs else "") +
                  (" capped to linux,usable-memory-range"
                   if dt.has("/chosen", "linux,usable-memory-range") else "")):
        tap.diag(f"dump {[hexr(*r) for r in got]}, DTB {[hexr(*r) for r in want]}")

    mem = dt.memory()
    bad, badhot = [], []
    for b, s, nid, flags in log.memory:
        node = [m for m in mem if m[0] <= b and b + s <= m[0] + m[1]]
        if not node or node[0][2] != nid:
            bad.append(f"{hexr(b, s)} node {nid}")
        if not node or node[0][3] != bool(flags & 1):
            badhot.append(f"{hexr(b, s)} flags {flags:#x}")
    if not tap.ok(not bad, f"dump: node ids follow numa-node-id "
                  f"({len(set(m[2] for m in mem if m[2] is not None))} node(s))"):
        tap.diag(", ".join(bad))
    if not tap.ok(not badhot, f"dump: hotplug flag (0x1) exactly on hotpluggable nodes "
                  f"({sum(1 for m in mem if m[3])} range(s))"):
        tap.diag(", ".join(badhot))

    if log.dtb:
        b, s = log.dtb
        tap.ok(covered(log.reserved, b, s), f"dump: DTB {hexr(b, s)} reserved")

    start = dt.chosen("linux,initrd-start")
    end = dt.chosen("linux,initrd-end")
    if initrd_size:
        ok = start is not None and end is not None
        if ok:
            s = int("".join(w.rjust(8, "0") for w in start.split()), 16)
            e = int("".join(w.rjust(8, "0") for w in end.split()), 16)
            lo, hi = s & ~(PAGE - 1), (e + PAGE - 1) & ~(PAGE - 1)
            tap.ok(e - s == initrd_size, f"initrd: /chosen range {hexr(s, e - s)} "
                   f"has the file's size ({initrd_size})")
            tap.ok(covered(log.reserved, lo, hi - lo), f"dump: initrd {hexr(lo, hi - lo)} reserved")
        else:
            tap.ok(False, "initrd: /chosen has linux,initrd-start and -end")

    for b, s in dt.memreserve():
        tap.ok(covered(log.reserved, b, s), f"dump: /memreserve/ {hexr(b, s)} reserved")

    for name, kind, ranges, props in dt.reserved_memory():
        if kind == "static":
            for b, s in ranges:
                if props["disabled"]:
                    tap.ok(not overlaps(log.reserved, b, s) and
                           not overlaps([r for r in log.memory if r[3] & 4], b, s),
                           f"dump: disabled {name} {hexr(b, s)} neither reserved nor NOMAP")
                elif props["no-map"]:
                    nomap = [r for r in log.memory if r[3] & 4]
                    tap.ok(covered(nomap, b, s) and not overlaps(log.reserved, b, s),
                           f"dump: no-map {name} {hexr(b, s)} NOMAP, not reserved")
                else:
                    tap.ok(covered(log.reserved, b, s), f"dump: {name} {hexr(b, s)} reserved")
            continue
        regions = [r for r in log.memory if r[3] & 4] if props["no-map"] else log.reserved
        windows = ranges or [(0, 1 << 64)]
        found = False
        for rb, rs, *_ in regions:
            for wb, ws in windows:
                lo = max(rb, wb)
                lo = (lo + props["align"] - 1) & ~(props["align"] - 1)
                if lo + props["size"] <= min(rb + rs, wb + ws):
                    found = True
        tap.ok(found, f"dump: dynamic {name} ({props['size']:#x} bytes) "
               f"{'NOMAP' if props['no-map'] else 'reserved'} inside its alloc-ranges")

    tap.ok(log.cmdline == bootargs,
           f"command line is /chosen/bootargs ({bootargs!r})")
    if "memblock=debug" in bootargs:
        tap.ok(any(l.startswith("memblock_reserve: [0x") for l in log.lines),
               "memblock=debug: memblock_reserve calls are logged")
    else:
        tap.ok(not any(l.startswith("memblock_reserve: [0x") for l in log.lines),
               "no memblock=debug: memblock calls are not logged")


def report(tap, name, out, status, elapsed, dt, case, image):
    log = Log(out)
    what = {None: "timeout", EXIT_FAIL: "70: a check failed",
            EXIT_CRASH: "67: exception"}.get(status, str(status))
    if not tap.ok(status == EXIT_PASS, f"{name}: QEMU exited with the pass status "
                  f"{EXIT_PASS} (got {what})"):
        tap.diag("serial output (last 40 lines):")
        tap.diag("\n".join(log.lines[-40:]))
    tap.diag(f"{name}: boot and checks in {elapsed:.2f}s (not judged)")
    complete = log.plan is not None and log.plan == len(log.tap) and log.plan > 0
    tap.ok(complete, f"{name}: kernel TAP plan complete "
           f"({len(log.tap)} results, plan {log.plan})")
    for ok, desc in log.tap:
        tap.ok(ok, "kernel: " + desc)
    el = case.get("el", 1)
    tap.ok(any(l.startswith(f"boot: entered at EL{el}, running at EL1") for l in log.lines),
           f"{name}: entered at EL{el}, runs at EL1")
    method = dt.get("/psci", "method", "s")
    tap.ok(f"boot: PSCI conduit {method}" in log.lines,
           f"{name}: PSCI conduit is /psci's method ({method})")
    image_at = None
    if case.get("uboot"):
        image_at = uboot_checks(tap, log, case.get("initrd"), case.get("raw"), image)
    host_checks(tap, name, dt, log, None if case.get("uboot") else case.get("initrd"),
                image, image_at=image_at)


def negative(tap, name, out, status, elapsed, dt, case, image, report_fn=None):
    """A boot that must fail: the expected status and log line, and the
    normal checks (run quietly, by @report_fn: arm64's report() by
    default) must reject it."""
    log = Log(out)
    want = case["expect"]
    tap.ok(status == want, f"{name}: QEMU exit status {status} is the expected {want}")
    if not tap.ok(any(re.search(case["expect_log"], l) for l in log.lines),
                  f"{name}: the log matches /{case['expect_log']}/"):
        tap.diag("\n".join(log.lines[-20:]))
    if case.get("expect_silent"):
        tap.ok(not any(l.startswith(("console: ", "boot: ")) for l in log.lines),
               f"{name}: the kernel printed nothing")
    if case.get("expect_not_ok"):
        bad = [d for ok, d in log.tap if not ok]
        if not tap.ok(bad and all(re.search(case["expect_not_ok"], d) for d in bad),
                      f"{name}: the only failed kernel checks match "
                      f"/{case['expect_not_ok']}/ ({len(bad)} failed)"):
            tap.diag("\n".join(bad))
    judge = Tap(quiet=True)
    (report_fn or report)(judge, name, out, status, elapsed, dt, {}, image)
    tap.ok(judge.failed > 0, f"{name}: the normal checks reject this boot "
           f"({judge.failed} of {judge.n} fail)")


def uboot_image_moved(tap, log, text, image):
    """booti moved the image to a 2 MiB boundary + text_offset (header flag
    bit 3), elsewhere than QEMU's -kernel, and the kernel runs from there.
    Returns that address (None if U-Boot does not say)."""
    text_offset, _ = image_header(image)
    m = re.search(r"Moving Image from 0x[0-9a-f]+ to 0x([0-9a-f]+)", text)
    at = int(m.group(1), 16) if m else None
    tap.ok(at is not None and at % (2 << 20) == text_offset and log.kernel is not None and
           log.kernel[0] == at and at != RAM_BASE + text_offset,
           f"u-boot: booti moved the image to {hex(at) if at else '?'} (2 MiB boundary + "
           f"text_offset, not where QEMU's -kernel puts it) and the kernel runs from there")
    return at


def uboot_checks(tap, log, initrd_size, raw, image=None):
    """U-Boot loaded the kernel over fw_cfg (its qfw boot target) and ran
    booti, relocating the image (header flag bit 3: any 2 MiB boundary +
    text_offset), the DTB and the initrd: check the kernel got those.
    With @image (an arm64 Image: riscv64's boots pass none), also where
    booti put it, which is returned (None: not checked or not said)."""
    text = "\n".join(log.lines)
    tap.ok(re.search(r"^U-Boot 20\d\d", text, re.M) and "Starting kernel" in text,
           "u-boot: booted through U-Boot's booti")
    if image is None:
        at = None
    else:
        at = uboot_image_moved(tap, log, text, image)
    m = re.search(r"Loading Device Tree to 0*([0-9a-f]+)", text)
    got = log.dtb[0] if log.dtb else None
    tap.ok(m is not None and got == int(m.group(1), 16),
           f"u-boot: kernel x0 is U-Boot's relocated DTB ({m.group(1) if m else '?'})")
    if raw:
        tap.ok(f"Flattened Device Tree blob at {RAW_DTB_ADDR:x}" in text,
               f"u-boot: booti took the raw DTB at {RAW_DTB_ADDR:#x}")
    if not initrd_size:
        return at
    m = re.search(r"Loading Ramdisk to 0*([0-9a-f]+), end 0*([0-9a-f]+)", text)
    k = re.search(r"^setup: initrd \[(0x[0-9a-f]+)-(0x[0-9a-f]+)\)", text, re.M)
    if not tap.ok(m is not None and k is not None, "u-boot: initrd loaded and found by the kernel"):
        return at
    s, e = int(m.group(1), 16), int(m.group(2), 16)
    tap.ok((int(k.group(1), 16), int(k.group(2), 16)) == (s, e) and e - s == initrd_size,
           f"u-boot: kernel's initrd {hexr(s, e - s)} is U-Boot's, {initrd_size} bytes")
    lo, hi = s & ~(PAGE - 1), (e + PAGE - 1) & ~(PAGE - 1)
    tap.ok(covered(log.reserved, lo, hi - lo), f"dump: initrd {hexr(lo, hi - lo)} reserved")
    return at
