/* SPDX-License-Identifier: BSD-2-Clause */
/* What the arm64 demo kernel learnt at boot, for its checks. */
#ifndef ASM_SETUP_H
#define ASM_SETUP_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/memblock.h>
#include <firmware/fdt_memblock.h>
#include <dt/setup.h>

/**
 * struct arm64_boot - boot state kept by arm64_start_kernel()
 * @regs: x0-x3 at entry (x0 = DTB address, x1-x3 must be 0)
 * @entry_el: exception level the loader entered at (1 or 2)
 * @dtb: physical address of the DTB
 * @dtb_err: fdtr_init()/fdtr_check_full() result (0 = usable)
 * @dt: the opened DTB (valid when @dtb_err is 0)
 * @console_from_dt: the console came from /chosen/stdout-path
 */
struct arm64_boot {
	uint64_t regs[4];
	unsigned int entry_el;
	phys_addr_t dtb;
	int dtb_err;
	struct fdtr dt;
	bool console_from_dt;
};

/* Filled before start_kernel(). */
extern struct arm64_boot arm64_boot;
/* The boot record by the name the DT kernels' shared checks use. */
#define DT_BOOT arm64_boot

/**
 * arm64_start_kernel - C entry, called by head.S at EL1 with a stack
 * @x0: x0 at entry, the DTB's physical address
 * @x1: x1 at entry (0 by the boot protocol)
 * @x2: x2 at entry (0)
 * @x3: x3 at entry (0)
 * @el: the exception level the loader entered at
 *
 * Opens the DTB, sets up the console and PSCI, then calls start_kernel().
 */
__attribute__((noreturn)) void arm64_start_kernel(uint64_t x0, uint64_t x1,
						  uint64_t x2, uint64_t x3,
						  uint64_t el);

/**
 * arm64_selftest - inject a failure for the runner's negative tests
 * @cmdline: the kernel command line
 *
 * "arm64.selftest=fault" reads an address no machine has (a data abort),
 * "=fp" runs an FP/SIMD instruction (trapped: FPEN is 0), "=hang" waits
 * forever, "=panic" panics. Without the option, nothing.
 */
void arm64_selftest(const char *cmdline);

/**
 * arm64_exception - handle an exception taken to EL1 (head.S's vectors)
 * @vector: index of the vector taken (0-15)
 * @esr: ESR_EL1
 * @elr: ELR_EL1
 * @far: FAR_EL1
 * @spsr: SPSR_EL1
 *
 * A data abort of arm64_probe_read() is expected: recorded, and resumed.
 * Anything else is reported and stops the machine (crash status).
 *
 * Return: the address to resume at (ELR_EL1), for the expected abort.
 */
uint64_t arm64_exception(uint64_t vector, uint64_t esr, uint64_t elr,
			 uint64_t far, uint64_t spsr);

#endif /* ASM_SETUP_H */
