/* SPDX-License-Identifier: BSD-2-Clause */
/* Calls into the SBI firmware (OpenSBI) below the riscv64 demo kernel. */
#ifndef ASM_SBI_H
#define ASM_SBI_H

#include <stdint.h>

/* Extension ids (SBI specification v1.0, v2.0). */
#define SBI_EXT_BASE			0x10
#define SBI_EXT_SRST			0x53525354	/* "SRST" */
#define SBI_EXT_DBCN			0x4442434e	/* "DBCN" */
#define SBI_EXT_LEGACY_PUTCHAR		0x01

#define SBI_BASE_GET_SPEC_VERSION	0
#define SBI_BASE_PROBE_EXT		3
#define SBI_SRST_RESET			0
#define SBI_SRST_SHUTDOWN		0
#define SBI_DBCN_WRITE_BYTE		2

/**
 * struct sbiret - what an SBI call returns
 * @error: 0 or a negative SBI error code
 * @value: the call's result
 */
struct sbiret {
	long error;
	long value;
};

/**
 * sbi_call - one ecall into the SBI firmware
 * @ext: extension id (a7)
 * @fid: function id (a6)
 * @a0: first argument
 * @a1: second argument
 *
 * Return: the firmware's error and value. No bad input: an unknown
 * extension or function returns SBI_ERR_NOT_SUPPORTED (-2) in @error.
 */
struct sbiret sbi_call(long ext, long fid, long a0, long a1);

#endif /* ASM_SBI_H */
