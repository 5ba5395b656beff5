/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86 parts of setup_arch() that are not e820 parsing: the low-memory
 * reservations every PC kernel makes before it allocates, the BIOS-range
 * trim of the e820 map, and mem=/memmap=. Shared
 * by the x86-64 demo kernel (arch/x86_64/setup.c) and the host simulator
 * (tools/sim), so that both run the same code.
 */
#ifndef FIRMWARE_X86_MEMORY_H
#define FIRMWARE_X86_MEMORY_H

#include <stdint.h>
#include <firmware/e820.h>

/* Without a plausible BDA value, the BIOS area starts here (640 KiB - 4 KiB). */
#define X86_LOWMEM_CAP		0x9f000ULL
/* EBDA or conventional-memory values below this are bogus and ignored. */
#define X86_EBDA_FLOOR		0x20000ULL
/* Reserved from address 0 whatever the map says (Linux's "reservelow"). */
#define X86_RESERVE_LOW		0x10000ULL
/* The page the BIOS owns at 0, and the legacy hole [640 KiB, 1 MiB). */
#define X86_PAGE_0_SIZE		0x1000ULL
#define X86_BIOS_BEGIN		0xa0000ULL
#define X86_BIOS_END		0x100000ULL

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
 * x86_trim_bios_range - Linux's trim_bios_range() on the e820 map
 * @t: the map, sanitized
 *
 * Page 0 is the BIOS's (real-mode IVT, BDA) even where the map calls it
 * usable: its RAM becomes reserved ("e820: update [mem 0x00000000-
 * 0x00000fff] usable ==> reserved"), so memblock.memory starts at 0x1000.
 * RAM reported in the legacy BIOS hole [0xa0000, 1 MiB) is removed ("e820:
 * remove [mem 0x000a0000-0x000fffff] usable"). Both lines are logged at
 * MEMBLOCK_LOG_DEBUG in Linux's format, whether or not they change
 * anything (as Linux does); the map is sanitized again after.
 *
 * Return: 0, -EINVAL for a NULL or corrupt table, -ENOSPC when a split
 * does not fit E820_MAX_ENTRIES (the table is then as the failed step
 * left it: each step alone changes all or nothing).
 */
int x86_trim_bios_range(struct e820_table *t);

/**
 * x86_e820_cmdline - apply mem= and memmap= to the e820 map, as x86 Linux
 * @t: the map, sanitized (the firmware's)
 * @cmdline: the command line, NULL for none
 * @mem_limit: set to the lowest mem= address applied, 0 if none
 *
 * The parameters are applied in command-line order (a "--" word ends the
 * kernel's part), each as Linux 6.12's kernel-parameters.txt documents it:
 *
 *  - mem=nn[KMG]: an address limit. RAM above nn is removed from the map
 *    ("e820: remove [mem 0x...-0xfffffffffffffffe] usable"), other types
 *    stay. mem=0 or no number removes nothing; mem=nopentium is ignored
 *    (x86-32 only). Not the amount that memblock_enforce_memory_limit()
 *    keeps, which is mem='s meaning on arm64.
 *  - memmap=exactmap: the firmware's map is emptied; memmap= entries then
 *    describe all of memory.
 *  - memmap=nn[KMG]@ss[KMG]: [ss, ss + nn) is added as usable RAM;
 *    nn#ss as ACPI data, nn$ss as reserved, nn!ss as persistent memory
 *    (type 12).
 *  - memmap=nn[KMG]%ss[KMG]-old+new: in [ss, ss + nn), type old becomes
 *    new (-old alone: removed; +new alone: added as new).
 *  - memmap=nn[KMG] alone: as mem=nn.
 *  - several entries separated by commas, several memmap= words.
 *
 * As in Linux, an entry is applied as far as it was read before anything
 * it does not understand (memmap=1G@2Gx adds the range, then "not
 * understood" is logged); an entry with no leading number is ignored,
 * with a warning. When any mem= or memmap= was given, the map is
 * sanitized and printed as Linux prints it ("user-defined physical RAM
 * map:", then "user: [mem 0x...-0x...] TYPE" lines, MEMBLOCK_LOG_INFO).
 *
 * Return: 0; -EINVAL, nothing changed, for a NULL @t or @mem_limit or a
 * corrupt table; e820_sanitize()'s error when the edited map does not fit
 * (Linux panics: "Invalid user supplied memory map").
 */
int x86_e820_cmdline(struct e820_table *t, const char *cmdline,
		     uint64_t *mem_limit);

#endif /* FIRMWARE_X86_MEMORY_H */
