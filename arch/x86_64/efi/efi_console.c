// SPDX-License-Identifier: BSD-2-Clause
/*
 * The UEFI demo's console and verdict: COM1 as the firmware left it,
 * printf through the library's formatter, TAP lines, memblock's log and
 * panic hooks, and the exit through QEMU's isa-debug-exit (33 when every
 * check passed, 35 otherwise).
 */
#include <stdarg.h>
#include "efi_app.h"

int __memblock_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

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

/* COM1 as the firmware left it: wait for room, then send. */
static void putc_serial(char c)
{
	for (int i = 0; i < 100000 && !(inb(COM1 + 5) & 0x20); i++)
		;
	outb(COM1, (uint8_t)c);
}

static void puts_serial(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			putc_serial('\r');
		putc_serial(*s);
	}
}

void efi_print(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	__memblock_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	puts_serial(line);
}

static unsigned int checks;
unsigned int efi_failed;

void efi_check(bool ok, const char *what)
{
	checks++;
	efi_failed += !ok;
	efi_print("%sok %u - %s\n", ok ? "" : "not ", checks, what);
}

void efi_leave(void)
{
	efi_print("1..%u\n", checks);
	outb(EXIT_PORT, efi_failed ? 0x11 : 0x10);	/* QEMU exits with 35 or 33 */
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* memblock's hooks: log to COM1, panic ends the run. */
void memblock_env_log(int level, const char *line)
{
	(void)level;
	puts_serial(line);
	puts_serial("\n");
}

void memblock_env_panic(const char *msg)
{
	efi_print("# panic: %s\n", msg);
	efi_failed++;
	efi_leave();
}
