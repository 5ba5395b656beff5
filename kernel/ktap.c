// SPDX-License-Identifier: BSD-2-Clause
/* TAP over the console, for the boot tests' host-side runner. */
#include <kernel/kernel.h>

static unsigned int ktap_count, ktap_failed;

bool ktap_ok(bool cond, const char *fmt, ...)
{
	va_list ap;

	ktap_count++;
	if (!cond)
		ktap_failed++;
	printk("%sok %u - ", cond ? "" : "not ", ktap_count);
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	return cond;
}

void ktap_diag(const char *fmt, ...)
{
	va_list ap;

	printk("# ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
}

void ktap_reset(void)
{
	ktap_count = ktap_failed = 0;
}

bool ktap_done(void)
{
	printk("1..%u\n", ktap_count);
	return ktap_failed == 0;
}
