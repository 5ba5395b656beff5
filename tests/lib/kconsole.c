// SPDX-License-Identifier: BSD-2-Clause
/*
 * The demo kernels' console and KTAP calls (<kernel/kernel.h>) for host
 * tests of kernel/mm: output is captured line by line so tests can check
 * it, and every ktap_ok() is counted. TEST_VERBOSE=1 echoes the console.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <kernel/kernel.h>
#include "harness.h"

char test_console[TEST_CONSOLE_LINES][TEST_CONSOLE_WIDTH];
int test_console_lines;
unsigned int test_ktap_count, test_ktap_failed;
static char partial[TEST_CONSOLE_WIDTH];
static size_t partial_len;

void test_kconsole_reset(void)
{
	test_console_lines = 0;
	test_ktap_count = test_ktap_failed = 0;
	partial_len = 0;
}

int test_console_find(const char *needle)
{
	for (int i = 0; i < test_console_lines; i++)
		if (strstr(test_console[i], needle))
			return i;
	return -1;
}

static void end_line(void)
{
	partial[partial_len] = '\0';
	if (getenv("TEST_VERBOSE"))
		printf("# kernel: %s\n", partial);
	if (test_console_lines < TEST_CONSOLE_LINES)
		memcpy(test_console[test_console_lines++], partial,
		       partial_len + 1);
	partial_len = 0;
}

void vprintk(const char *fmt, va_list ap)
{
	char buf[1024];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	for (const char *s = buf; *s; s++) {
		if (*s == '\n')
			end_line();
		else if (partial_len + 1 < sizeof(partial))
			partial[partial_len++] = *s;
	}
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
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	memblock_env_panic(msg);
}

bool ktap_ok(bool cond, const char *fmt, ...)
{
	va_list ap;

	test_ktap_count++;
	if (!cond)
		test_ktap_failed++;
	printk("%sok %u - ", cond ? "" : "not ", test_ktap_count);
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	/* A failed kernel check is shown even without TEST_VERBOSE. */
	if (!cond)
		printf("#   kernel: %s\n",
		       test_console[test_console_lines > 0 ? test_console_lines - 1 : 0]);
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
	if (!getenv("TEST_VERBOSE") && test_console_lines > 0)
		printf("#   kernel: %s\n", test_console[test_console_lines - 1]);
}

bool ktap_done(void)
{
	printk("1..%u\n", test_ktap_count);
	return test_ktap_failed == 0;
}
