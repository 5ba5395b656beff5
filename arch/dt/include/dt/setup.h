/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree kernels' setup_arch() core (arch/dt/setup.c) and what
 * it asks of each architecture: its asm/setup.h names the boot record
 * DT_BOOT, with the members dtb (the DTB's physical address), dtb_err
 * (0 when usable) and dt (the opened tree), and asm/sections.h the
 * image's bounds (_text, _end) and stacks.
 */
#ifndef DT_SETUP_H
#define DT_SETUP_H

#include <stdbool.h>
#include <linux/memblock.h>
#include <firmware/fdt_memblock.h>

/* What the device-tree scan found, filled by dt_setup_memblock(). */
extern struct dt_scan_result dt_kernel_scan;

/**
 * dt_report_dtb - log where DT_BOOT's tree is, or why it is unusable
 */
void dt_report_dtb(void);

/**
 * dt_setup_memblock - describe memory to memblock from DT_BOOT's tree
 * @alloc_limit: memblock's first allocation limit: the top of the memory
 *	the architecture's early tables map
 * @selftest: the architecture's failure injection, called with the
 *	command line before memblock is touched
 *
 * Reads /chosen first (the command line, kept in a static buffer), then
 * runs the firmware library's dt_memblock_setup() with the image
 * ([_text, _end)) to reserve and arrays allowed to grow, and reports what
 * the scan found. Panics without a usable tree or memory.
 *
 * Return: the command line (never NULL).
 */
char *dt_setup_memblock(phys_addr_t alloc_limit, void (*selftest)(const char *cmdline));

/**
 * dt_cmdline_word - is @word one of the command line's words?
 * @cmdline: the command line (NULL: empty)
 * @word: a bare word, such as "no4lvl"
 *
 * Return: true when a blank-separated word of @cmdline is exactly @word.
 */
bool dt_cmdline_word(const char *cmdline, const char *word);

#endif /* DT_SETUP_H */
