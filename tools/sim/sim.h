/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock-sim: what memory a kernel sees, from the firmware's tables, on
 * the host. Shared declarations of its files:
 *
 *   main.c        the hooks memblock calls, the order of the steps
 *   args.c        the command line and --help
 *   e820_text.c   e820 tables as text (kernel log or "start end type")
 *   efi_text.c    UEFI memory maps as text (efi=debug lines or a table)
 *   glue_efi.c    the EFI map's descriptors and what is wrong with them
 *   glue_x86.c    e820 -> memblock as the x86-64 kernel does it
 *   glue_dt.c     DTB -> memblock as the arm64 kernel does it
 *   policy.c      the simulated kernel's policy, where grown arrays landed
 *   ops.c         replaying a list of memblock operations
 *   summary.c     usable, reserved, free, per node
 *   svg.c         the picture of the physical memory map
 *   physmem.c     host memory behind physical addresses
 *   util.c        files, numbers, messages
 */
#ifndef MEMBLOCK_SIM_H
#define MEMBLOCK_SIM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <linux/memblock.h>
#include <firmware/efi_setup.h>
#include <firmware/x86_setup.h>

/* Exit codes. */
#define SIM_EXIT_OK	0
#define SIM_EXIT_INPUT	1	/* bad input: a file, a line, an option */
#define SIM_EXIT_USAGE	2	/* bad command line */
#define SIM_EXIT_PANIC	3	/* the simulated kernel panicked */

#define SIM_MAX_RANGES	16

struct sim_opts {
	const char *e820_file;
	const char *dtb_file;
	const char *efi_file;		/* UEFI memory map; x86, or arm64 with --dtb */
	bool have_efi_addr;
	uint64_t efi_addr;		/* where the map lies (reserved) */
	const char *cmdline;		/* NULL: none (DT: /chosen bootargs) */
	const char *ops_file;
	const char *srat_file;		/* ACPI SRAT table, binary (x86; arm64 UEFI) */
	const char *svg_file;
	bool have_kernel;
	uint64_t kernel_base, kernel_size;
	bool have_dtb_addr;
	uint64_t dtb_addr;
	uint64_t bios_start;		/* x86: start of the BIOS area */
	uint64_t limit;			/* allocation limit: the mapped window */
	struct x86_boot_range ranges[SIM_MAX_RANGES];	/* --reserve */
	unsigned int nr_ranges;
	bool no_resize;			/* --no-resize: arrays may not grow */
	bool quiet_dump;		/* --no-dump */
};

/* The e820 table as read, with the line each entry came from. */
struct sim_e820 {
	struct e820_table fw;			/* as reported */
	unsigned int line[E820_MAX_ENTRIES];
	struct e820_table map;			/* after e820_sanitize() */
	bool have_map;
	unsigned int log_lines, simple_lines, skipped_lines, warnings;
};

/* A UEFI memory map as read, laid out at the firmware's stride. */
#define SIM_EFI_MAX		1024
#define SIM_EFI_DESC_SIZE	48	/* what OVMF and AAVMF report */
struct sim_efi_md {
	uint32_t type;
	uint64_t phys, pages, attr;
};
struct sim_efi {
	struct sim_efi_md md[SIM_EFI_MAX];
	unsigned int line[SIM_EFI_MAX];
	unsigned int nr, skipped_lines;
	bool log_form;
	unsigned char *buf;		/* the descriptors, SIM_EFI_DESC_SIZE each */
	struct efi_memmap map;		/* over buf */
};

/* What the glue found that the summary and the picture show. */
struct sim_state {
	const struct sim_e820 *e820;		/* NULL for a DTB */
	const char *title;			/* the picture's title */
	unsigned int warnings;
};

extern const char *sim_prog;
/* What the simulator is doing: shown as the caller in memblock=debug lines. */
extern const char *sim_step;

int sim_parse_args(int argc, char **argv, struct sim_opts *o);

/* util.c */
void sim_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *sim_read_file(const char *path, size_t *len);
/* Cut a trailing "#" comment (when @comment) and trailing blanks, in place. */
void sim_trim(char *s, bool comment);
bool sim_parse_u64(const char *s, const char **end, uint64_t *v);
char *sim_size_str(char *buf, size_t len, uint64_t size);

/* physmem.c */
void sim_phys_release(phys_addr_t pa, phys_addr_t size);
/* True, with *@pa set, when @va lies in simulated physical memory. */
bool sim_phys_of(const void *va, phys_addr_t *pa);

/* policy.c */
#define SIM_LIMIT_X86	(4ULL << 30)	/* the x86-64 kernel's early map */
#define SIM_LIMIT_NONE	((uint64_t)MEMBLOCK_ALLOC_ANYWHERE)	/* arm64: MMU off */
void sim_print_policy(const struct sim_opts *o);
/* Where each grown region array lies; counts one above the limit as bad. */
unsigned int sim_report_arrays(uint64_t limit);

int sim_e820_read(const char *path, struct sim_e820 *e);
int sim_efi_read(const char *path, struct sim_efi *e);
/* Linux's efi=debug attribute columns ("|   |  |...|WB|WT|WC|UC"). */
void sim_efi_format_attr(uint64_t attr, char *buf, size_t len);
/* Print the descriptors and what is wrong with them; returns the warnings. */
unsigned int sim_efi_print(const char *path, const struct sim_efi *e, bool x86);
/* @efi: NULL, or the UEFI map that replaces the e820 table / DT memory. */
int sim_run_x86(const struct sim_opts *o, struct sim_e820 *e,
		const struct sim_efi *efi, struct sim_state *st);
int sim_run_dt(const struct sim_opts *o, const struct sim_efi *efi,
	       struct sim_state *st);
int sim_run_ops(const char *path);
/*
 * srat.c: the --srat file, checked as a table before the simulated boot
 * (the kernel would fall back to no node; a simulation with a broken
 * input file should say so instead): its bytes (free()), or NULL after
 * an error message.
 */
char *sim_srat_read(const char *path, uint32_t *out_len);
/*
 * numa_efi.c: the arm64 UEFI path's nodes, after efi_dt_memblock_setup():
 * the SRAT's (--srat, an ACPI boot), else the DT memory nodes'
 * numa-node-id. Returns 0 or SIM_EXIT_INPUT.
 */
int sim_efi_dt_numa(const struct sim_opts *o, const struct fdtr *dt);
void sim_summary(const struct sim_state *st);
phys_addr_t sim_free_bytes(int nid);
int sim_svg(const char *path, const struct sim_state *st);

#endif
