// SPDX-License-Identifier: BSD-2-Clause
/* The SBI calling convention: a7 = extension, a6 = function, a0-a5 args. */
#include <asm/sbi.h>

struct sbiret sbi_call(long ext, long fid, long a0, long a1)
{
	register long r0 __asm__("a0") = a0;
	register long r1 __asm__("a1") = a1;
	register long r6 __asm__("a6") = fid;
	register long r7 __asm__("a7") = ext;

	__asm__ volatile("ecall"
			 : "+r"(r0), "+r"(r1)
			 : "r"(r6), "r"(r7)
			 : "memory");
	return (struct sbiret){ .error = r0, .value = r1 };
}
