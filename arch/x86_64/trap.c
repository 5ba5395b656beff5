// SPDX-License-Identifier: BSD-2-Clause
/*
 * An IDT with one gate, the page fault (vector 14): the boot checks read
 * memory that must not be mapped and expect the fault (pf_entry.S); any other
 * page fault is a bug, reported before the machine stops. Other vectors
 * stay absent (a fault there ends in a triple fault: QEMU's status 0, a
 * failure for the boot tests).
 */
#include <kernel/kernel.h>
#include "x86.h"

#define PF_VECTOR	14
#define GATE_INTR	0x8e		/* present, DPL 0, 64-bit interrupt gate */

struct gate {
	uint16_t off_lo, sel;
	uint8_t ist, type;
	uint16_t off_mid;
	uint32_t off_hi, zero;
} __attribute__((packed));

static struct gate idt[PF_VECTOR + 1] __attribute__((aligned(16)));
uint64_t x86_probe_cr2;

void x86_pf_entry(void);
__attribute__((noreturn)) void x86_fault(uint64_t cr2, uint64_t rip, uint64_t err);

void x86_fault(uint64_t cr2, uint64_t rip, uint64_t err)
{
	panic("page fault at %#llx (rip %#llx, error %#llx)", (unsigned long long)cr2,
	      (unsigned long long)rip, (unsigned long long)err);
}

void x86_trap_init(void)
{
	uint64_t h = (uint64_t)(uintptr_t)x86_pf_entry;
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) desc = { sizeof(idt) - 1, (uint64_t)(uintptr_t)idt };

	idt[PF_VECTOR] = (struct gate){
		.off_lo = (uint16_t)h, .sel = 0x08, .type = GATE_INTR,
		.off_mid = (uint16_t)(h >> 16), .off_hi = (uint32_t)(h >> 32),
	};
	__asm__ volatile("lidt %0" : : "m"(desc));
}
