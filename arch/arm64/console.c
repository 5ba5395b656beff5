// SPDX-License-Identifier: BSD-2-Clause
/*
 * The console: a PL011 UART named by /chosen/stdout-path. Until it is
 * known, output is kept in a small buffer and flushed once it is. It is
 * reached through head.S's early window (PAGE_OFFSET + pa, Device memory
 * in the first GiB; a UART elsewhere waits for the fixmap), then through
 * the fixmap page paging_init() gives it.
 */
#include <kernel/kernel.h>
#include <firmware/fdt_memblock.h>
#include <dt/console.h>
#include <asm/console.h>
#include <asm/memory.h>

/* PL011 registers and bits. */
#define UARTDR		0x00
#define UARTFR		0x18
#define UARTCR		0x30
#define UARTFR_TXFF	(1u << 5)
#define UARTCR_UARTEN	(1u << 0)
#define UARTCR_TXE	(1u << 8)

static uintptr_t uart;		/* its virtual address, 0 while not mapped */
static uint64_t uart_pa;

static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(uintptr_t addr, uint32_t val)
{
	*(volatile uint32_t *)addr = val;
}

static void pl011_putc(char c)
{
	while (mmio_read32(uart + UARTFR) & UARTFR_TXFF)
		;
	mmio_write32(uart + UARTDR, (unsigned char)c);
}

void arch_console_write(const char *s, size_t n)
{
	if (!uart) {
		dt_console_hold(s, n);
		return;
	}
	for (size_t i = 0; i < n; i++)
		pl011_putc(s[i]);
}

uint64_t arm64_console_base(void)
{
	return uart_pa;
}

void arm64_console_remap(uintptr_t va)
{
	bool flush = !uart;

	uart = va;
	if (flush)
		dt_console_release();
}

bool arm64_console_setup(const struct fdtr *dt)
{
	struct dt_console con;
	const char *why = dt_console_find(dt, "arm,pl011", &con);
	bool from_dt = !why;
	uint64_t base = from_dt ? con.base : PL011_FALLBACK_BASE;

	uart_pa = base;
	if (base >= EARLY_DEVICE_TOP || base + PAGE_SIZE > EARLY_DEVICE_TOP)
		return from_dt;		/* not in the early window: wait for the fixmap */
	uart = (uintptr_t)(PAGE_OFFSET + base);
	if ((mmio_read32(uart + UARTCR) & (UARTCR_UARTEN | UARTCR_TXE)) !=
	    (UARTCR_UARTEN | UARTCR_TXE))
		mmio_write32(uart + UARTCR, mmio_read32(uart + UARTCR) |
			     UARTCR_UARTEN | UARTCR_TXE);
	dt_console_release();
	if (from_dt)
		printk("console: pl011 at %#llx (from /chosen/stdout-path)\n",
		       (unsigned long long)base);
	else
		printk("console: pl011 at %#llx (fallback: %s)\n",
		       (unsigned long long)base, why);
	return from_dt;
}
