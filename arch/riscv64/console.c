// SPDX-License-Identifier: BSD-2-Clause
/*
 * The console: the ns16550a UART named by /chosen/stdout-path (OpenSBI
 * has already programmed it), or else the SBI legacy console_putchar.
 * Until it is known, output is kept in a small buffer and flushed once it
 * is. The UART is reached at IO_BASE + its address (riscv64_ioremap()).
 */
#include <kernel/kernel.h>
#include <firmware/fdt_memblock.h>
#include <dt/console.h>
#include <asm/console.h>
#include <asm/mmu.h>
#include <asm/sbi.h>

/* 16550 registers (byte-wide, reg-shift 0 as in QEMU virt) and bits. */
#define UART_THR	0
#define UART_LSR	5
#define UART_LSR_THRE	0x20

static uintptr_t uart;		/* mapped address, 0: the SBI console */
static uint64_t uart_pa;
static bool ready;

static void uart_putc(char c)
{
	volatile uint8_t *base = (volatile uint8_t *)uart;

	while (!(base[UART_LSR] & UART_LSR_THRE))
		;
	base[UART_THR] = (uint8_t)c;
}

void arch_console_write(const char *s, size_t n)
{
	if (!ready) {
		dt_console_hold(s, n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (uart)
			uart_putc(s[i]);
		else
			sbi_call(SBI_EXT_LEGACY_PUTCHAR, 0, (unsigned char)s[i], 0);
	}
}

uint64_t riscv64_console_base(void)
{
	return uart ? uart_pa : 0;
}

bool riscv64_console_setup(const struct fdtr *dt)
{
	struct dt_console con;
	const char *why = dt_console_find(dt, "ns16550a", &con);
	bool from_dt;

	if (!why && !riscv64_ioremap(con.base, UART_LSR + 1))
		why = "the UART is beyond the early map";
	from_dt = !why;
	uart_pa = con.base;
	uart = from_dt ? (uintptr_t)RISCV64_IO_BASE + (uintptr_t)con.base : 0;
	ready = true;
	dt_console_release();
	if (from_dt)
		printk("console: ns16550a at %#llx (from /chosen/stdout-path)\n",
		       (unsigned long long)uart_pa);
	else
		printk("console: SBI console_putchar (fallback: %s)\n", why);
	return from_dt;
}
