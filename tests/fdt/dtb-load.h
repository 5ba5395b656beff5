/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Loading the test DTBs that tests/fdt.mk compiles into $(O)/fdt/. The
 * unit suites run without arguments, so the directory is found from the
 * program's own path ($(O)/host/<variant>/unit/<suite>), or taken from
 * $FDT_DTB_DIR. Blobs are copied into buffers of exactly their size, so
 * that AddressSanitizer catches any read past the end.
 */
#ifndef TESTS_FDT_DTB_LOAD_H
#define TESTS_FDT_DTB_LOAD_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline const char *dtb_dir(void)
{
	static char dir[PATH_MAX + 8];
	char exe[PATH_MAX];
	ssize_t n;

	if (dir[0])
		return dir;
	if (getenv("FDT_DTB_DIR")) {
		snprintf(dir, sizeof(dir), "%s", getenv("FDT_DTB_DIR"));
		return dir;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < 0) {
		perror("readlink /proc/self/exe");
		abort();
	}
	exe[n] = '\0';
	/* $(O)/host/<variant>/unit/<suite> -> $(O) */
	for (int i = 0; i < 4; i++) {
		char *slash = strrchr(exe, '/');

		if (slash)
			*slash = '\0';
	}
	snprintf(dir, sizeof(dir), "%s/fdt", exe);
	return dir;
}

/* Load $(O)/fdt/<name>.dtb into an exactly sized malloc()ed buffer. */
static inline void *dtb_load(const char *name, size_t *size)
{
	char path[PATH_MAX + 64];
	FILE *f;
	long n;
	void *buf;

	snprintf(path, sizeof(path), "%s/%s.dtb", dtb_dir(), name);
	f = fopen(path, "rb");
	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) <= 0 ||
	    fseek(f, 0, SEEK_SET)) {
		fprintf(stderr, "cannot read %s (build it with make; or set FDT_DTB_DIR)\n",
			path);
		abort();
	}
	buf = malloc((size_t)n);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		abort();
	fclose(f);
	*size = (size_t)n;
	return buf;
}

#endif
