// SPDX-License-Identifier: BSD-2-Clause
/*
 * COM1 console and leaving QEMU: isa-debug-exit turns a write of v into the
 * exit status (v << 1) | 1, so both outcomes are odd and non-zero, unlike a
 * triple fault under -no-reboot, which exits with 0. The UEFI application
 * (efi/efi.mk) shares it, on the COM1 the firmware set up.
 */
#include <kernel/kernel.h>
#include "x86.h"

#define COM1		0x3f8
#define DEBUG_EXIT	0xf4
#define EXIT_PASS	0x10	/* QEMU exits with 33 */
#define EXIT_FAIL	0x11	/* QEMU exits with 35 */

void serial_init(void)
{
	outb(COM1 + 1, 0x00);	/* no interrupts */
	outb(COM1 + 3, 0x80);	/* DLAB: set the divisor */
	outb(COM1 + 0, 0x01);	/* 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03);	/* 8N1 */
	outb(COM1 + 2, 0xc7);	/* FIFO on, cleared */
	outb(COM1 + 4, 0x03);	/* DTR, RTS */
}

static void serial_putc(char c)
{
	/* Bounded wait: a missing UART must not hang the kernel. */
	for (int spin = 0; spin < 100000 && !(inb(COM1 + 5) & 0x20); spin++)
		;
	outb(COM1, (uint8_t)c);
}

void arch_console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		serial_putc(s[i]);
}

void arch_exit(bool ok)
{
	outl(DEBUG_EXIT, ok ? EXIT_PASS : EXIT_FAIL);
	/* No debug-exit device (real hardware): stop here. */
	for (;;)
		__asm__ volatile("cli; hlt");
}
