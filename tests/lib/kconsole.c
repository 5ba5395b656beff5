// SPDX-License-Identifier: BSD-2-Clause
/*
 * The demo kernels' console for host tests of kernel/mm: the real
 * kernel/printk.c and kernel/ktap.c run on top of these two arch hooks.
 * Output is captured line by line so tests can check it, and the TAP lines
 * are counted. TEST_VERBOSE=1 echoes the console; a failed kernel check is
 * always shown.
 */
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
	ktap_reset();
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
	bool failed = !strncmp(partial, "not ok ", 7);

	partial[partial_len] = '\0';
	if (failed || !strncmp(partial, "ok ", 3))
		test_ktap_count++;
	test_ktap_failed += failed;
	if (getenv("TEST_VERBOSE"))
		printf("# kernel: %s\n", partial);
	else if (failed)
		printf("#   kernel: %s\n", partial);
	if (test_console_lines < TEST_CONSOLE_LINES)
		memcpy(test_console[test_console_lines++], partial,
		       partial_len + 1);
	partial_len = 0;
}

void arch_console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			end_line();
		else if (s[i] != '\r' && partial_len + 1 < sizeof(partial))
			partial[partial_len++] = s[i];
	}
}

/* A kernel panic() ends here: hand it to the test's panic capture. */
void arch_exit(bool ok)
{
	memblock_env_panic(ok ? "kernel exit: success" : "kernel exit: failure");
}
