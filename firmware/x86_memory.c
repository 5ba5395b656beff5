// SPDX-License-Identifier: BSD-2-Clause
/* Low-memory reservations and mem= for x86, as the x86-64 kernel makes them. */
#include <stdarg.h>
#include <firmware/errno.h>
#include <firmware/x86_memory.h>
#include <linux/memblock.h>

#define SZ_1M	0x100000ULL

/* The library's formatter (src/printf.c). */
int __memblock_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

static __attribute__((format(printf, 1, 2))) void x86_log(const char *fmt, ...)
{
	char line[128];
	va_list ap;

	va_start(ap, fmt);
	__memblock_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	memblock_env_log(MEMBLOCK_LOG_INFO, line);
}

uint64_t x86_bios_area_start(uint64_t ebda, uint64_t lowmem)
{
	uint64_t start = X86_LOWMEM_CAP;

	if (lowmem >= X86_EBDA_FLOOR && lowmem < start)
		start = lowmem;
	if (ebda >= X86_EBDA_FLOOR && ebda < start)
		start = ebda;
	return start & ~0xfffULL;
}

int x86_reserve_low(uint64_t bios_start)
{
	int err;

	if (bios_start > SZ_1M)
		return -EINVAL;
	err = memblock_reserve(0, (phys_addr_t)X86_RESERVE_LOW);
	if (!err && bios_start < SZ_1M)
		err = memblock_reserve((phys_addr_t)bios_start,
				       (phys_addr_t)(SZ_1M - bios_start));
	return err;
}

uint64_t x86_apply_mem_limit(const char *cmdline)
{
	const char *val;
	char *end;
	size_t len;
	unsigned long long limit;

	if (!memblock_cmdline_find(cmdline, "mem", &val, &len))
		return 0;
	limit = memblock_memparse(val, &end);
	if (end != val + len || !limit) {
		x86_log("mem=%.*s: not a size, ignored", (int)len, val);
		return 0;
	}
	x86_log("mem=%#llx: limiting memory", limit);
	memblock_enforce_memory_limit((phys_addr_t)limit);
	return limit;
}
