// SPDX-License-Identifier: BSD-2-Clause
/* TAP output for host tests: one test point per case. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"

static int case_failures;

void tap_diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
}

void tap_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	/* Cap the noise from one broken case. */
	if (case_failures++ >= 20)
		return;
	printf("#   %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
}

int tap_failures(void)
{
	return case_failures;
}

int tap_main(const struct test_case *cases, size_t n)
{
	int failed = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("1..%zu\n", n);
	for (size_t i = 0; i < n; i++) {
		test_reset();
		case_failures = 0;
		cases[i].fn();
		if (case_failures)
			failed++;
		printf("%sok %zu - %s\n", case_failures ? "not " : "", i + 1,
		       cases[i].name);
	}
	test_reset();
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
