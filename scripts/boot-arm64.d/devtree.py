# SPDX-License-Identifier: BSD-2-Clause
"""Device trees on the host: dtc, and reading a DTB with fdtget."""
import re
import subprocess


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, text=True, **kw)


def dtc(args):
    r = run(["dtc", "-q"] + args)
    if r.returncode:
        raise RuntimeError(f"dtc {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


class DeviceTree:
    """The parts of a DTB the checks need, read with dtc and fdtget."""

    def __init__(self, path):
        # QEMU edits its tree in place, leaving FDT_NOP tags that some
        # fdtget versions reject ("Unknown tag 0x00000004"): read a copy
        # rewritten by dtc instead.
        self.path = path + ".norm"
        dtc(["-I", "dtb", "-O", "dtb", "-o", self.path, path])
        self.dts = dtc(["-I", "dtb", "-O", "dts", path])

    def get(self, node, prop, fmt="x"):
        r = run(["fdtget", "-t", fmt, self.path, node, prop])
        return r.stdout.strip() if r.returncode == 0 else None

    def has(self, node, prop):
        r = run(["fdtget", "-p", self.path, node])
        return r.returncode == 0 and prop in r.stdout.split()

    def subnodes(self, node):
        r = run(["fdtget", "-l", self.path, node])
        return r.stdout.split() if r.returncode == 0 else []

    def cells(self, node, prop, n):
        v = self.get(node, prop)
        if v is None:
            return None
        words = [int(w, 16) for w in v.split()]
        out = []
        for i in range(0, len(words) - n + 1, n):
            val = 0
            for w in words[i:i + n]:
                val = val << 32 | w
            out.append(val)
        return out

    def pairs(self, node, prop, ac, sc):
        v = self.cells(node, prop, 1)
        if v is None:
            return []
        out = []
        for i in range(0, len(v), ac + sc):
            a = s = 0
            for w in v[i:i + ac]:
                a = a << 32 | w
            for w in v[i + ac:i + ac + sc]:
                s = s << 32 | w
            out.append((a, s))
        return out

    def root_cells(self, node="/"):
        ac = self.cells(node, "#address-cells", 1)
        sc = self.cells(node, "#size-cells", 1)
        return (ac[0] if ac else 2), (sc[0] if sc else 1)

    def memory(self):
        """[(base, size, nid, hotpluggable)] of the enabled memory nodes."""
        ac, sc = self.root_cells()
        out = []
        for n in self.subnodes("/"):
            path = "/" + n
            if self.get(path, "device_type", "s") != "memory":
                continue
            if self.get(path, "status", "s") not in (None, "okay", "ok"):
                continue
            prop = "linux,usable-memory" if self.has(path, "linux,usable-memory") else "reg"
            nid = self.cells(path, "numa-node-id", 1)
            hot = self.has(path, "hotpluggable")
            for base, size in self.pairs(path, prop, ac, sc):
                out.append((base, size, nid[0] if nid else None, hot))
        return out

    def memreserve(self):
        return [(int(a, 0), int(s, 0)) for a, s in
                re.findall(r"^/memreserve/\s+(\S+)\s+(\S+);", self.dts, re.M)]

    def reserved_memory(self):
        """[(name, kind, [(base, size)], props)], kind static|dynamic."""
        if "reserved-memory" not in self.subnodes("/"):
            return []
        ac, sc = self.root_cells("/reserved-memory")
        out = []
        for n in self.subnodes("/reserved-memory"):
            path = "/reserved-memory/" + n
            props = {
                "no-map": self.has(path, "no-map"),
                "disabled": self.get(path, "status", "s") not in (None, "okay", "ok"),
            }
            if self.has(path, "reg"):
                out.append((n, "static", self.pairs(path, "reg", ac, sc), props))
            else:
                props["size"] = self.cells(path, "size", sc)[0]
                al = self.cells(path, "alignment", ac)
                props["align"] = al[0] if al else 4096
                out.append((n, "dynamic", self.pairs(path, "alloc-ranges", ac, sc), props))
        return out

    def chosen(self, prop, fmt="x"):
        return self.get("/chosen", prop, fmt)
