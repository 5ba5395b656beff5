// SPDX-License-Identifier: BSD-2-Clause
/* Console output for the demo kernels. */
#include <kernel/kernel.h>

void vprintk(const char *fmt, va_list ap)
{
	char buf[256];
	int n = __memblock_vsnprintf(buf, sizeof(buf), fmt, ap);
	size_t len = n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1;
	size_t start = 0;

	for (size_t i = 0; i < len; i++) {
		if (buf[i] != '\n')
			continue;
		arch_console_write(buf + start, i - start);
		arch_console_write("\r\n", 2);
		start = i + 1;
	}
	arch_console_write(buf + start, len - start);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	printk("Kernel panic - not syncing: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	arch_exit(false);
}
