/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reading the Multiboot2 boot information a loader such as GRUB hands to
 * the kernel: the memory map (e820 types), the command line and the ACPI
 * RSDP copy. Every tag is checked against the declared sizes first.
 */
#ifndef FIRMWARE_MULTIBOOT2_H
#define FIRMWARE_MULTIBOOT2_H

#include <stdint.h>
#include <firmware/e820.h>

/* Value of %eax when a Multiboot2 loader enters the kernel. */
#define MB2_BOOTLOADER_MAGIC	0x36d76289

#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1
#define MB2_TAG_MODULE		3
#define MB2_TAG_MMAP		6
#define MB2_TAG_ACPI_OLD	14
#define MB2_TAG_ACPI_NEW	15

/* Largest boot information accepted: a sanity bound, not a protocol one. */
#define MB2_INFO_MAX		(1u << 20)

/* Modules remembered by mb2_parse(); more is an error, not a truncation. */
#define MB2_MAX_MODULES		8

/* A module the loader placed in memory: [start, end), and its string. */
struct mb2_module {
	uint32_t start, end;
	const char *cmdline;
};

/* What the kernel uses from the boot information. */
struct mb2_info {
	uint32_t total_size;	/* bytes of boot information, to reserve */
	const char *cmdline;	/* NULL when there is no command line tag */
	const void *rsdp;	/* copy of the RSDP inside the information */
	uint32_t rsdp_size;	/* 0 when there is no ACPI tag */
	uint32_t mmap_entries;	/* memory map entries added to the table */
	struct mb2_module modules[MB2_MAX_MODULES];
	uint32_t nr_modules;
};

/**
 * mb2_parse - read Multiboot2 boot information
 * @mbi: the boot information (8-byte aligned, as the protocol requires)
 * @magic: the value the loader left in %eax
 * @e820: receives the memory map entries (appended, not sanitized)
 * @info: receives the command line, the RSDP copy and the total size
 *
 * The ACPI 2.0+ tag is preferred over the 1.0 one when both are present.
 * Modules live outside the information: callers reserve them too.
 *
 * The whole information is checked before anything is written: on error
 * @e820 and @info are left exactly as they were.
 *
 * Return: 0; -EINVAL for a NULL argument, a wrong @magic, a misaligned
 * @mbi, an @e820 whose count is above E820_MAX_ENTRIES or a total size
 * below 16 or above MB2_INFO_MAX; -EBADMSG for a tag
 * that does not fit in the total size, a missing end tag, a command line
 * without its NUL, a memory map with entries smaller than 24 bytes or a
 * module tag that is short, unterminated or ends before it starts; -ENOENT
 * when there is no memory map tag; -ENOSPC when @e820 fills up or there
 * are more than MB2_MAX_MODULES modules.
 */
int mb2_parse(const void *mbi, uint32_t magic, struct e820_table *e820,
	      struct mb2_info *info);

#endif
