/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A small TAP harness for host tests. Each test case is one TAP test
 * point; CHECK*() failures inside it are printed as diagnostics and make it
 * "not ok". Every case starts from a pristine memblock (test_reset()).
 */
#ifndef TESTS_TAP_H
#define TESTS_TAP_H

#include <stdbool.h>
#include <stddef.h>

struct test_case {
	const char *name;
	void (*fn)(void);
};

#define TEST_CASE(fn)	{ #fn, fn }
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Run @n cases, print TAP, return the process exit status. */
int tap_main(const struct test_case *cases, size_t n);
#define TAP_MAIN(cases)							\
	int main(void) { return tap_main(cases, ARRAY_SIZE(cases)); }

void tap_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Number of failures recorded in the current case so far. */
int tap_failures(void);

#define CHECK(cond)							\
	do {								\
		if (!(cond))						\
			tap_fail(__FILE__, __LINE__, "CHECK(%s)", #cond); \
	} while (0)

#define CHECK_EQ(a, b)							\
	do {								\
		unsigned long long a_ = (unsigned long long)(a);	\
		unsigned long long b_ = (unsigned long long)(b);	\
		if (a_ != b_)						\
			tap_fail(__FILE__, __LINE__,			\
				 "%s == %s: got %#llx, want %#llx",	\
				 #a, #b, a_, b_);			\
	} while (0)

#define CHECK_INT(a, b)							\
	do {								\
		long long a_ = (long long)(a), b_ = (long long)(b);	\
		if (a_ != b_)						\
			tap_fail(__FILE__, __LINE__,			\
				 "%s == %s: got %lld, want %lld",	\
				 #a, #b, a_, b_);			\
	} while (0)

#define CHECK_STR(a, b)							\
	do {								\
		const char *a_ = (a), *b_ = (b);			\
		if (!a_ || !b_ || strcmp(a_, b_))			\
			tap_fail(__FILE__, __LINE__,			\
				 "%s == %s:\n#   got  \"%s\"\n#   want \"%s\"", \
				 #a, #b, a_ ? a_ : "(null)",		\
				 b_ ? b_ : "(null)");			\
	} while (0)

#endif
