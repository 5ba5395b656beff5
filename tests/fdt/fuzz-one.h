/* SPDX-License-Identifier: BSD-2-Clause */
/* The FDT reader's fuzzing entry point (tests/fdt/fuzz-one.c). */
#ifndef TESTS_FDT_FUZZ_ONE_H
#define TESTS_FDT_FUZZ_ONE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Run every reader function over @data (@size bytes, read nowhere else).
 * Always returns 0, as libFuzzer expects.
 */
int fdt_fuzz_one(const uint8_t *data, size_t size);

#endif
