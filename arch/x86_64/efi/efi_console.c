// SPDX-License-Identifier: BSD-2-Clause
/*
 * The UEFI demo's console and verdict (kernel/kernel.h's arch hooks):
 * COM1 as the firmware left it, and the exit through QEMU's
 * isa-debug-exit, which turns a write of v into the exit status
 * (v << 1) | 1: 33 when every check passed, 35 otherwise.
 */
#include <kernel/kernel.h>

#define COM1		0x3f8
#define EXIT_PORT	0xf4

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* COM1 as the firmware left it: wait (bounded) for room, then send. */
void arch_console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (int spin = 0; spin < 100000 && !(inb(COM1 + 5) & 0x20); spin++)
			;
		outb(COM1, (uint8_t)s[i]);
	}
}

void arch_exit(bool ok)
{
	outb(EXIT_PORT, ok ? 0x10 : 0x11);
	for (;;)
		__asm__ volatile("cli; hlt");
}
