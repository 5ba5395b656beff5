/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86 parts of setup_arch() that are not e820 parsing: the low-memory
 * reservations every PC kernel makes before it allocates, and mem=. Shared
 * by the x86-64 demo kernel (arch/x86_64/setup.c) and the host simulator
 * (tools/sim), so that both run the same code.
 */
#ifndef FIRMWARE_X86_MEMORY_H
#define FIRMWARE_X86_MEMORY_H

#include <stdint.h>

/* Without a plausible BDA value, the BIOS area starts here (640 KiB - 4 KiB). */
#define X86_LOWMEM_CAP		0x9f000ULL
/* EBDA or conventional-memory values below this are bogus and ignored. */
#define X86_EBDA_FLOOR		0x20000ULL
/* Reserved from address 0 whatever the map says (Linux's "reservelow"). */
#define X86_RESERVE_LOW		0x10000ULL

/**
 * x86_bios_area_start - where the BIOS-owned area below 1 MiB starts
 * @ebda: the EBDA's address (the BDA word at 0x40e, shifted left by 4), 0
 *	if unknown
 * @lowmem: the end of conventional memory (the BDA word at 0x413, in KiB,
 *	shifted left by 10), 0 if unknown
 *
 * The lower of @ebda, @lowmem and X86_LOWMEM_CAP, ignoring values below
 * X86_EBDA_FLOOR, rounded down to 4 KiB. Everything from there to 1 MiB
 * belongs to the firmware, even where the e820 map forgets to say so.
 *
 * Return: the start address.
 */
uint64_t x86_bios_area_start(uint64_t ebda, uint64_t lowmem);

/**
 * x86_reserve_low - reserve the memory below 1 MiB a PC kernel must not use
 * @bios_start: start of the BIOS area, from x86_bios_area_start()
 *
 * Reserves the first X86_RESERVE_LOW bytes (page 0 holds the real-mode IVT
 * and BDA, and BIOSes are known to scribble over the rest) and
 * [@bios_start, 1 MiB). Call it before describing memory.
 *
 * Return: 0, -EINVAL when @bios_start is above 1 MiB, or the error
 * memblock_reserve() returned.
 */
int x86_reserve_low(uint64_t bios_start);

/**
 * x86_apply_mem_limit - apply "mem=SIZE" from the command line
 * @cmdline: the command line, NULL for none
 *
 * SIZE has memblock_memparse() syntax; the last mem= wins. The limit is applied with
 * memblock_enforce_memory_limit() and logged ("mem=0x...: limiting
 * memory"); a value of zero or not a number is logged and ignored.
 *
 * Return: the limit applied, 0 if none.
 */
uint64_t x86_apply_mem_limit(const char *cmdline);

#endif /* FIRMWARE_X86_MEMORY_H */
