// SPDX-License-Identifier: BSD-2-Clause
/*
 * The arm64 UEFI demo's console and verdict (kernel/kernel.h's arch
 * hooks): the PL011 the device tree's stdout-path names, as the firmware
 * left it (enabled, mapped as device memory by its page tables), and the
 * exit through semihosting's SYS_EXIT, which QEMU (-semihosting) turns
 * into its exit status: 33 when every check passed, 35 otherwise, as the
 * x86-64 application reports through isa-debug-exit.
 */
#include <kernel/kernel.h>
#include "efi_app.h"

#define UART_DR		0x00	/* data register */
#define UART_FR		0x18	/* flag register */
#define UART_FR_TXFF	0x20	/* transmit FIFO full */

#define SYS_EXIT			0x18
#define ADP_STOPPED_APPLICATION_EXIT	0x20026

static volatile uint32_t *uart;

void efi_console_setup(uint64_t pl011_base)
{
	uart = (volatile uint32_t *)(uintptr_t)pl011_base;
}

void arch_console_write(const char *s, size_t n)
{
	if (!uart)
		return;
	for (size_t i = 0; i < n; i++) {
		/* Bounded wait: a stuck UART must not hang the application. */
		for (int spin = 0; spin < 100000 && (uart[UART_FR / 4] & UART_FR_TXFF); spin++)
			;
		uart[UART_DR / 4] = (uint8_t)s[i];
	}
}

void arch_exit(bool ok)
{
	/* On AArch64, SYS_EXIT takes the address of {reason, subcode}. */
	static volatile uint64_t block[2];
	register uint64_t x0 __asm__("x0") = SYS_EXIT;
	register uint64_t x1 __asm__("x1") = (uintptr_t)block;

	block[0] = ADP_STOPPED_APPLICATION_EXIT;
	block[1] = ok ? 33 : 35;
	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	/* No semihosting (the firmware's handler took the HLT): stop. */
	for (;;)
		__asm__ volatile("wfi");
}
