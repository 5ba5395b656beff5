# SPDX-License-Identifier: BSD-2-Clause
"""Running QEMU virt: command lines, DTB dumps and overlays, U-Boot's prompt."""
import os
import re
import select
import subprocess
import time

from devtree import dtc, run
from virt import RAW_DTB_ADDR, TIMEOUT, UBOOT_BIN

SRCTREE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OVERLAYS = os.path.join(SRCTREE, "tests", "boot", "arm64")


def qemu_cmd(case, image, machine_extra="", dtb=None, initrd=None):
    machine = case.get("machine", "virt") + machine_extra
    cmd = ["qemu-system-aarch64", "-M", machine, "-cpu", "cortex-a57",
           "-m", case["mem"], "-nographic", "-no-reboot"]
    if case.get("semihosting", True):
        cmd += ["-semihosting"]
    if case.get("append"):
        cmd += ["-append", case["append"]]
    cmd += case.get("extra", [])
    if case.get("uboot"):
        # U-Boot's first boot target, qfw, loads -kernel/-initrd over
        # fw_cfg and runs booti with its own (edited) copy of the DTB.
        cmd += ["-bios", UBOOT_BIN]
    cmd += ["-kernel", image]
    if initrd:
        cmd += ["-initrd", initrd]
    if dtb and case.get("raw") and not machine_extra:
        cmd += ["-device", f"loader,file={dtb},addr={RAW_DTB_ADDR:#x},force-raw=on"]
    elif dtb and not case.get("raw"):
        cmd += ["-dtb", dtb]
    return cmd


# What to type at U-Boot's prompt to boot a raw DTB loaded at RAW_DTB_ADDR.
RAW_BOOT = ["qfw load ${kernel_addr_r} ${ramdisk_addr_r}",
            f"booti ${{kernel_addr_r}} - {RAW_DTB_ADDR:#x}"]


AUTOBOOT = "Hit any key to stop autoboot"


class AutobootRaced(Exception):
    """U-Boot's countdown ran out before the key typed to stop it arrived
    (a loaded host): the boot is retried, it is not a failure."""


def run_console(cmd, commands=None, until=None, settle=3, timeout=TIMEOUT):
    """Run QEMU, reading its console as it comes. With @commands (a list,
    possibly empty), U-Boot is driven: its autoboot is stopped and each
    command is typed at a prompt; every step waits for output, never for
    time. With @until (a regex), once a console line matches it QEMU is
    watched for @settle more seconds and then killed: that is how a boot
    that must hang or stay silent is judged (a slow host can only make it
    look more silent, never fail it). @timeout only catches a hang.
    Returns (output, exit status, or None when QEMU was killed)."""
    script = []
    if commands is not None:
        script = [(AUTOBOOT, "\r")] + [("=> ", c + "\r") for c in commands]
    pattern = re.compile(until, re.M) if until else None
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    out, pos, step = b"", 0, 0
    hang = time.monotonic() + timeout
    quiet_until = None
    try:
        while True:
            now = time.monotonic()
            if now >= hang or (quiet_until is not None and now >= quiet_until):
                break
            ready, _, _ = select.select([p.stdout], [], [], 0.2)
            if not ready:
                continue
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                return out.decode(errors="replace"), p.wait()
            out += chunk
            while step < len(script):
                i = out.find(script[step][0].encode(), pos)
                if i < 0:
                    break
                pos = i + len(script[step][0])
                p.stdin.write(script[step][1].encode())
                p.stdin.flush()
                step += 1
            if step == 1 and len(script) > 1 and autoboot_won(out, pos):
                raise AutobootRaced()
            if pattern and quiet_until is None and \
                    pattern.search(out.decode(errors="replace").replace("\r", "")):
                quiet_until = time.monotonic() + settle
    finally:
        if p.poll() is None:
            p.kill()
        p.wait()
    return out.decode(errors="replace"), None


def autoboot_won(out, pos):
    """After the countdown line, a stopped autoboot prints the prompt; any
    other line means U-Boot went on booting by itself."""
    nl = out.find(b"\n", pos)
    if nl < 0:
        return False
    rest = out[nl + 1:].lstrip(b"\r\n")
    return len(rest) >= 3 and not rest.startswith(b"=> ")


def run_uboot_prompt(cmd, commands, until=None, attempts=5):
    """run_console() driving U-Boot, retried when its autoboot wins the
    race with the key that stops it."""
    for _ in range(attempts - 1):
        try:
            return run_console(cmd, commands, until)
        except AutobootRaced:
            pass
    return run_console(cmd, commands, until)


def dump_dtb(case, image, out, dtb=None, initrd=None, cmd_fn=qemu_cmd):
    """The device tree QEMU hands the kernel for these options (@cmd_fn
    builds the QEMU command line: another machine's runner passes its own)."""
    if os.path.exists(out):
        os.remove(out)
    r = run(cmd_fn(case, image, ",dumpdtb=" + out, dtb, initrd), timeout=TIMEOUT)
    if not os.path.exists(out):
        raise RuntimeError(f"QEMU did not dump its DTB: {r.stderr.strip()}")
    return out


def make_custom_dtb(case, image, work, initrd, cmd_fn=qemu_cmd, overlays=OVERLAYS):
    """QEMU's own tree plus the case's overlay (from @overlays), compiled
    to a DTB."""
    base = dump_dtb(case, image, os.path.join(work, "qemu.dtb"), None, initrd, cmd_fn)
    text = dtc(["-I", "dtb", "-O", "dts", base])
    with open(os.path.join(overlays, case["overlay"])) as f:
        overlay = f.read()
    rsv = [l for l in overlay.splitlines() if l.startswith("/memreserve/")]
    rest = [l for l in overlay.splitlines() if not l.startswith("/memreserve/")]
    head, sep, body = text.partition("/dts-v1/;\n")
    if not sep:
        raise RuntimeError("decompiled DTB has no /dts-v1/ header")
    src = os.path.join(work, "custom.dts")
    with open(src, "w") as f:
        f.write(head + sep + "\n".join(rsv) + "\n" + body + "\n" +
                "\n".join(rest) + "\n")
    out = os.path.join(work, "custom.dtb")
    dtc(["-I", "dts", "-O", "dtb", "-o", out, src])
    return out
