/* SPDX-License-Identifier: BSD-2-Clause */
/* What the riscv64 demo kernel learnt at boot, for its checks. */
#ifndef ASM_SETUP_H
#define ASM_SETUP_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/memblock.h>
#include <firmware/fdt_memblock.h>
#include <dt/setup.h>

/**
 * struct riscv64_boot - the boot registers and what they led to
 * @hartid: a0 at entry
 * @dtb: a1 at entry, the DTB's physical address
 * @dtb_err: 0, or why the DTB is unusable (FDTR error)
 * @dt: the opened DTB
 * @console_from_dt: the console is /chosen/stdout-path's
 * @test_dev: the SiFive test device's address, 0 if none
 * @sbi_version: SBI specification version (major << 24 | minor)
 * @kernel_pa: the image's physical address (where _text was loaded)
 */
struct riscv64_boot {
	uint64_t hartid;
	phys_addr_t dtb;
	int dtb_err;
	struct fdtr dt;
	bool console_from_dt;
	uint64_t test_dev;
	long sbi_version;
	uint64_t kernel_pa;
};

/* Filled before start_kernel(). */
extern struct riscv64_boot riscv64_boot;
/* The boot record by the name the DT kernels' shared checks use. */
#define DT_BOOT riscv64_boot

/**
 * riscv64_start_kernel - C entry from head.S
 * @a0: the boot hart's id
 * @a1: the DTB's physical address
 *
 * Opens the DTB, sets up console and exit, reports and calls
 * start_kernel(). Never returns.
 */
__attribute__((noreturn)) void riscv64_start_kernel(uint64_t a0, uint64_t a1);

/**
 * riscv64_selftest - failure injection from the command line
 * @cmdline: the kernel command line
 *
 * "riscv64.selftest=fault|pagefault|illegal|hang|panic" traps, hangs or panics;
 * absent, nothing happens; an unknown value is only reported.
 */
void riscv64_selftest(const char *cmdline);

/**
 * struct riscv64_regs - the trap frame head.S saves
 * @x: x1..x31 at their index; x[0] holds sepc (written back on return)
 */
struct riscv64_regs {
	uint64_t x[32];
};

/**
 * riscv64_trap - handle a trap
 * @scause: trap cause
 * @sepc: faulting pc
 * @stval: trap value (address or instruction)
 * @sstatus: status at the trap
 * @regs: the interrupted registers
 *
 * A load page fault of riscv64_probe_read() resumes it with its "faulted"
 * answer; anything else is reported and exits with the crash status.
 */
void riscv64_trap(uint64_t scause, uint64_t sepc, uint64_t stval,
		  uint64_t sstatus, struct riscv64_regs *regs);

#endif /* ASM_SETUP_H */
