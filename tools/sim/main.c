// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock-sim: what memory a kernel sees, from the firmware's tables.
 *
 * It links the library (src/) and the firmware glue (firmware/) exactly as
 * the demo kernels do, but for the host: physical memory is a sparse host
 * mapping (physmem.c), memblock's log goes to stdout. See --help.
 */
#include <stdlib.h>
#include <string.h>
#include "sim.h"

static struct sim_opts opts;
const char *sim_step = "setup";

/* The program's text, to recognise a caller address in a debug line. */
extern const char __executable_start[], etext[];

/*
 * memblock=debug lines end with the caller's address (Linux prints the
 * symbol). A host address says nothing and changes from run to run, so
 * the simulator prints the step it was running instead.
 */
void memblock_env_log(int level, const char *line)
{
	const char *sp = strrchr(line, ' ');
	unsigned long long ip;
	char *end;

	(void)level;
	if (memblock_debug && sp && sp[1] == '0' && sp[2] == 'x') {
		ip = strtoull(sp + 1, &end, 16);
		if (!*end && ip >= (uintptr_t)__executable_start &&
		    ip < (uintptr_t)etext) {
			printf("%.*s %s\n", (int)(sp - line), line, sim_step);
			return;
		}
	}
	printf("%s\n", line);
}

void memblock_env_panic(const char *msg)
{
	fflush(stdout);
	sim_err("kernel panic during %s: %s", sim_step, msg);
	exit(SIM_EXIT_PANIC);
}

phys_addr_t memblock_env_kernel_end(void)
{
	return opts.have_kernel ?
		(phys_addr_t)(opts.kernel_base + opts.kernel_size) : 0;
}

void memblock_env_free_pages(unsigned long pfn, unsigned int order)
{
	(void)pfn;
	(void)order;
}

int main(int argc, char **argv)
{
	static struct sim_e820 e820;
	static struct sim_efi efi;
	struct sim_state st = { 0 };
	char title[512];
	int ret;

	if (sizeof(phys_addr_t) < 8) {
		sim_err("built with a 32-bit phys_addr_t; the simulator needs 64 bits");
		return SIM_EXIT_USAGE;
	}
	if (sim_parse_args(argc, argv, &opts))
		return SIM_EXIT_USAGE;

	snprintf(title, sizeof(title), "memblock-sim %s %s%s%s%s%s",
		 opts.e820_file ? "--e820" : opts.dtb_file ? "--dtb" : "--efi",
		 opts.e820_file ? opts.e820_file : opts.dtb_file ? opts.dtb_file
								 : opts.efi_file,
		 opts.efi_file && opts.dtb_file ? " --efi " : "",
		 opts.efi_file && opts.dtb_file ? opts.efi_file : "",
		 opts.cmdline ? " --cmdline " : "", opts.cmdline ? opts.cmdline : "");
	st.title = title;
	if (opts.efi_file) {
		if (sim_efi_read(opts.efi_file, &efi))
			return SIM_EXIT_INPUT;
		efi.map.map_phys = opts.have_efi_addr ? opts.efi_addr
						      : EFI_MAP_PHYS_NONE;
	}
	if (opts.dtb_file)
		ret = sim_run_dt(&opts, opts.efi_file ? &efi : NULL, &st);
	else if (opts.e820_file || opts.efi_file)
		ret = (opts.e820_file && sim_e820_read(opts.e820_file, &e820)) ?
		      SIM_EXIT_INPUT :
		      sim_run_x86(&opts, &e820, opts.efi_file ? &efi : NULL, &st);
	else
		ret = SIM_EXIT_USAGE;
	if (ret)
		return ret;

	if (opts.ops_file) {
		ret = sim_run_ops(opts.ops_file);
		if (ret)
			return ret;
	}
	if (!opts.quiet_dump) {
		printf("\n");
		sim_step = "dump";
		memblock_dump_all();
	}
	sim_summary(&st);
	if (opts.svg_file && sim_svg(opts.svg_file, &st))
		return SIM_EXIT_INPUT;
	return fflush(stdout) ? SIM_EXIT_INPUT : SIM_EXIT_OK;
}
