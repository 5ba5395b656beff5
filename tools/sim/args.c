// SPDX-License-Identifier: BSD-2-Clause
/* memblock-sim's command line. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <firmware/x86_memory.h>
#include "sim.h"

static const char usage[] =
"usage: memblock-sim (--e820 FILE | --dtb FILE | --efi FILE [--dtb FILE]) [options]\n"
"\n"
"Runs the firmware glue the demo kernels run on the host and shows what\n"
"memblock holds afterwards: the findings, the memblock=debug dump and a\n"
"summary (usable, reserved, free, per node).\n"
"\n"
"Input (one of --e820, --dtb, --efi; or --efi with --dtb):\n"
"  --e820 FILE        an x86 e820 map as text, run through x86_memblock_setup()\n"
"                     (firmware/x86_setup.c) as the x86-64 kernel runs it: the\n"
"                     limit, the low 64 KiB and the BIOS area, the image,\n"
"                     sanitize, mem=/memmap=, page 0, memory, resizing,\n"
"                     physmem, SRAT. Lines are\n"
"                     kernel log lines\n"
"                       [    0.000000] BIOS-e820: [mem 0x0-0x9fbff] usable\n"
"                     (end inclusive, timestamp optional, types as Linux prints\n"
"                     them: usable, reserved, ACPI data, ACPI NVS, unusable,\n"
"                     persistent (type N), soft reserved, type N), or\n"
"                       START END TYPE   or   START +SIZE TYPE\n"
"                     (END exclusive; numbers decimal or 0x hex with an optional\n"
"                     K/M/G/T/P suffix; TYPE a name above, ram, acpi, nvs, pmem,\n"
"                     pram, soft-reserved, or a number; '#' starts a comment).\n"
"                     In a file with BIOS-e820: lines, other lines are skipped.\n"
"  --dtb FILE         a flattened device tree, run through dt_memblock_setup()\n"
"                     (firmware/dt_setup.c) as the arm64 kernel runs it: the\n"
"                     limit, /chosen, memory nodes, mem=, the kernel image, the\n"
"                     DT's reservations, resizing\n"
"  --efi FILE         a UEFI memory map as text, laid out as GetMemoryMap()\n"
"                     returns it (48-byte descriptors, version 1). Alone: the\n"
"                     x86-64 EFI path, efi_x86_memblock_setup()\n"
"                     (firmware/efi_x86.c): EFI -> e820 as Linux converts it,\n"
"                     then the --e820 sequence, MORE_RELIABLE -> mirror (with\n"
"                     --cmdline kernelcore=mirror, as Linux 6.12). With\n"
"                     --dtb: the arm64 EFI path, efi_dt_memblock_setup()\n"
"                     (firmware/efi_arm64.c): the map replaces the DT's\n"
"                     memory nodes (not write-back or runtime -> NOMAP), the\n"
"                     rest of the DT applies, then the nodes: the DT memory\n"
"                     nodes' numa-node-id, or with --srat the SRAT's (an\n"
"                     ACPI boot: --dtb is then the empty tree Linux's EFI\n"
"                     stub makes). Lines are Linux's efi=debug\n"
"                     lines\n"
"                       efi: mem07: [Conventional|   |  |  |  |  |  |  |  |  |   |WB|WT|WC|UC] range=[0x100000-0x7fffff] (7MB)\n"
"                     (end inclusive; in a file with such lines other lines\n"
"                     are skipped), or a table\n"
"                       TYPE PHYS PAGES ATTR\n"
"                     (TYPE a number or an efi=debug name, '-' for blanks:\n"
"                     conventional, boot-data, runtime-code, ...; ATTR a\n"
"                     number or names joined by '|': WB|WT|WC|UC|RUN|MR|SP)\n"
"\n"
"Options:\n"
"  --cmdline STRING   kernel command line (mem=SIZE, memblock=debug); for a DTB\n"
"                     it replaces /chosen bootargs\n"
"  --kernel BASE+SIZE reserve a kernel image there (default: none)\n"
"  --reserve BASE+SIZE  x86: a boot structure the loader handed over (its\n"
"                     information block, a module), reserved with the image;\n"
"                     DTB: memory the kernel owns before the sequence (the\n"
"                     arm64 UEFI application's stack, page tables), reserved\n"
"                     first; up to 16\n"
"  --srat FILE        x86 (--e820, --efi) and arm64 UEFI (--efi --dtb): an ACPI\n"
"                     SRAT table (binary, as in /sys/firmware/acpi/tables/\n"
"                     SRAT): memory gets its nodes (firmware/srat_numa.c),\n"
"                     as the kernel's NUMA setup\n"
"  --limit ADDR|none  the kernel's mapped window, which becomes memblock's\n"
"                     allocation limit before anything is added (default:\n"
"                     x86 4G, the x86-64 kernel's early map; DTB none:\n"
"                     the arm64 kernel's early window depends on where the\n"
"                     image and the DTB lie, 2G on QEMU virt). Where each\n"
"                     region array that grew landed is shown against it\n"
"  --no-resize        do not let the arrays grow (default: they may, once\n"
"                     memory is described and everything is reserved)\n"
"  --efi-addr ADDR    where the EFI map lies in memory, reserved (default:\n"
"                     not reserved)\n"
"  --dtb-addr ADDR    where the DTB lies in memory, reserved for its size\n"
"                     (default: not reserved)\n"
"  --bios-start ADDR  x86: start of the BIOS area below 1 MiB (default 0x9f000,\n"
"                     what the kernel uses when the BDA says nothing lower)\n"
"  --ops FILE         replay memblock operations after setup, one per line,\n"
"                     printing each result (see below)\n"
"  --svg FILE         draw the physical memory map\n"
"  --no-dump          leave out the memblock=debug dump\n"
"  -h, --help         this text\n"
"\n"
"Operations (numbers as above; '#' starts a comment):\n"
"  add BASE SIZE [nid=N]      remove BASE SIZE        reserve BASE SIZE\n"
"  free BASE SIZE             mark_nomap BASE SIZE    clear_nomap BASE SIZE\n"
"  mark_hotplug BASE SIZE     clear_hotplug BASE SIZE mark_mirror BASE SIZE\n"
"  set_node BASE SIZE NID     allow_resize\n"
"  alloc SIZE [align=A] [nid=N] [min=ADDR] [max=ADDR] [exact]\n"
"                             memblock_alloc_try_nid (exact: _exact_nid_raw);\n"
"                             align defaults to 4K, as for phys_alloc\n"
"  phys_alloc SIZE [align=A]  phys_alloc_range SIZE ALIGN START END\n"
"  bottom_up on|off           limit ADDR|max          mem_limit SIZE\n"
"  cap BASE SIZE              trim ALIGN              dump\n"
"  expect free|reserved|memory SIZE    (fails the run unless equal)\n"
"\n"
"Exit status: 0 done, 1 bad input (with the file and line or offset),\n"
"2 bad usage, 3 the simulated kernel panicked, memblock wrote past the\n"
"simulator's host-backed memory, or an expect failed.\n";

static bool parse_addr(const char *opt, const char *s, uint64_t *v)
{
	const char *end;

	if (!sim_parse_u64(s, &end, v) || *end) {
		sim_err("%s: not a number: \"%s\"", opt, s);
		return false;
	}
	return true;
}

int sim_parse_args(int argc, char **argv, struct sim_opts *o)
{
	static const struct option longopts[] = {
		{ "e820", required_argument, NULL, 'e' },
		{ "dtb", required_argument, NULL, 'd' },
		{ "efi", required_argument, NULL, 'E' },
		{ "efi-addr", required_argument, NULL, 'A' },
		{ "cmdline", required_argument, NULL, 'c' },
		{ "kernel", required_argument, NULL, 'k' },
		{ "dtb-addr", required_argument, NULL, 'a' },
		{ "bios-start", required_argument, NULL, 'b' },
		{ "ops", required_argument, NULL, 'o' },
		{ "srat", required_argument, NULL, 'r' },
		{ "svg", required_argument, NULL, 's' },
		{ "no-dump", no_argument, NULL, 'n' },
		{ "limit", required_argument, NULL, 'l' },
		{ "reserve", required_argument, NULL, 'v' },
		{ "no-resize", no_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool have_limit = false;
	const char *end;
	int c;

	memset(o, 0, sizeof(*o));
	o->bios_start = X86_LOWMEM_CAP;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'e': o->e820_file = optarg; break;
		case 'd': o->dtb_file = optarg; break;
		case 'E': o->efi_file = optarg; break;
		case 'A':
			if (!parse_addr("--efi-addr", optarg, &o->efi_addr))
				return -1;
			o->have_efi_addr = true;
			break;
		case 'c': o->cmdline = optarg; break;
		case 'o': o->ops_file = optarg; break;
		case 'r': o->srat_file = optarg; break;
		case 's': o->svg_file = optarg; break;
		case 'n': o->quiet_dump = true; break;
		case 'R': o->no_resize = true; break;
		case 'v': {
			struct x86_boot_range *r = &o->ranges[o->nr_ranges];

			if (o->nr_ranges == SIM_MAX_RANGES) {
				sim_err("--reserve: more than %u ranges", SIM_MAX_RANGES);
				return -1;
			}
			if (!sim_parse_u64(optarg, &end, &r->base) || *end != '+' ||
			    !sim_parse_u64(end + 1, &end, &r->size) || *end || !r->size) {
				sim_err("--reserve: expected BASE+SIZE, got \"%s\"", optarg);
				return -1;
			}
			r->what = "--reserve";
			o->nr_ranges++;
			break;
		}
		case 'l':
			have_limit = true;
			if (!strcmp(optarg, "none")) {
				o->limit = SIM_LIMIT_NONE;
			} else if (!parse_addr("--limit", optarg, &o->limit)) {
				return -1;
			} else if (!o->limit) {
				sim_err("--limit: 0 leaves no memory to allocate from");
				return -1;
			}
			break;
		case 'h':
			fputs(usage, stdout);
			exit(SIM_EXIT_OK);
		case 'k':
			if (!sim_parse_u64(optarg, &end, &o->kernel_base) ||
			    *end != '+' ||
			    !sim_parse_u64(end + 1, &end, &o->kernel_size) ||
			    *end || !o->kernel_size) {
				sim_err("--kernel: expected BASE+SIZE, got \"%s\"", optarg);
				return -1;
			}
			o->have_kernel = true;
			break;
		case 'a':
			if (!parse_addr("--dtb-addr", optarg, &o->dtb_addr))
				return -1;
			o->have_dtb_addr = true;
			break;
		case 'b':
			if (!parse_addr("--bios-start", optarg, &o->bios_start))
				return -1;
			if (o->bios_start > 0x100000) {
				sim_err("--bios-start: 0x%llx is above 1 MiB",
					(unsigned long long)o->bios_start);
				return -1;
			}
			break;
		case '?':
		default:
			sim_err("%s: unknown option or missing argument (try --help)",
				argv[optind - 1]);
			return -1;
		}
	}
	if (optind < argc) {
		sim_err("unexpected argument \"%s\" (try --help)", argv[optind]);
		return -1;
	}
	if ((o->e820_file && (o->dtb_file || o->efi_file)) ||
	    (!o->e820_file && !o->dtb_file && !o->efi_file)) {
		sim_err("give one input: --e820 FILE, --dtb FILE or --efi FILE (with --dtb for arm64) (try --help)");
		return -1;
	}
	if (o->have_efi_addr && !o->efi_file) {
		sim_err("--efi-addr goes with --efi");
		return -1;
	}
	if (o->dtb_file && o->bios_start != X86_LOWMEM_CAP) {
		sim_err("--bios-start goes with --e820 or --efi alone (x86)");
		return -1;
	}
	if (o->dtb_file && !o->efi_file && o->srat_file) {
		sim_err("--srat goes with --e820 or --efi (x86), or --efi with --dtb (arm64)");
		return -1;
	}
	if (!o->dtb_file && o->have_dtb_addr) {
		sim_err("--dtb-addr goes with --dtb");
		return -1;
	}
	if (!have_limit)
		o->limit = o->dtb_file ? SIM_LIMIT_NONE : SIM_LIMIT_X86;
	return 0;
}
