// SPDX-License-Identifier: BSD-2-Clause
/*
 * The x86-64 memblock demo as a UEFI application (PE32+, built with Clang
 * and lld-link, no gnu-efi): it takes the firmware's memory map, leaves
 * boot services (retrying when the map changed under it, as the
 * specification requires), prints the map as Linux's efi=debug does, finds
 * the SRAT through the configuration table's ACPI RSDP, runs
 * efi_x86_memblock_setup() (firmware/efi_x86.c) and checks the result, in
 * TAP on COM1. QEMU's isa-debug-exit reports the verdict: 33 when every
 * check passed.
 */
#include <stdarg.h>
#include <linux/memblock.h>
#include <firmware/acpi.h>
#include <firmware/efi_setup.h>
#include <firmware/x86_memory.h>
#include "efi_exit.h"

int mb_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#define COM1		0x3f8
#define EXIT_PORT	0xf4

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* COM1 as the firmware left it: wait for room, then send. */
static void putc_serial(char c)
{
	for (int i = 0; i < 100000 && !(inb(COM1 + 5) & 0x20); i++)
		;
	outb(COM1, (uint8_t)c);
}

static void puts_serial(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			putc_serial('\r');
		putc_serial(*s);
	}
}

static void __attribute__((format(printf, 1, 2))) print(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	mb_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	puts_serial(line);
}

static unsigned int checks, failed;

static void check(bool ok, const char *what)
{
	checks++;
	failed += !ok;
	print("%sok %u - %s\n", ok ? "" : "not ", checks, what);
}

static void __attribute__((noreturn)) leave(void)
{
	print("1..%u\n", checks);
	outb(EXIT_PORT, failed ? 0x11 : 0x10);	/* QEMU exits with 35 or 33 */
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* memblock's hooks: log to COM1, panic ends the run. */
void memblock_env_log(int level, const char *line)
{
	(void)level;
	puts_serial(line);
	puts_serial("\n");
}

void memblock_env_panic(const char *msg)
{
	print("# panic: %s\n", msg);
	failed++;
	leave();
}

/* The PE image: lld-link's __ImageBase and the header's SizeOfImage. */
extern const unsigned char __ImageBase[];

static uint64_t image_size(void)
{
	uint32_t pe = *(const uint32_t *)(__ImageBase + 0x3c);

	/* PE signature (4), COFF header (20), SizeOfImage at optional + 56. */
	return *(const uint32_t *)(__ImageBase + pe + 4 + 20 + 56);
}

phys_addr_t memblock_env_kernel_end(void)
{
	return (phys_addr_t)(uintptr_t)__ImageBase + image_size();
}

void memblock_env_free_pages(unsigned long pfn, unsigned int order)
{
	(void)pfn;
	(void)order;
}

/* Linux's efi=debug attribute columns. */
static void print_desc(uint32_t i, const struct efi_memory_desc *md)
{
	static const struct { const char *n; uint64_t bit; } cols[] = {
		{ "RUN", EFI_MEMORY_RUNTIME }, { "MR", EFI_MEMORY_MORE_RELIABLE },
		{ "CC", EFI_MEMORY_CPU_CRYPTO }, { "SP", EFI_MEMORY_SP },
		{ "NV", EFI_MEMORY_NV }, { "XP", EFI_MEMORY_XP },
		{ "RP", EFI_MEMORY_RP }, { "WP", EFI_MEMORY_WP },
		{ "RO", EFI_MEMORY_RO }, { "UCE", EFI_MEMORY_UCE },
		{ "WB", EFI_MEMORY_WB }, { "WT", EFI_MEMORY_WT },
		{ "WC", EFI_MEMORY_WC }, { "UC", EFI_MEMORY_UC },
	};
	char attr[64];
	size_t n = 0;

	for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++) {
		const char *c = md->attribute & cols[k].bit ? cols[k].n : "";
		size_t w = cols[k].n[2] ? 3 : 2, len = 0;

		if (k)
			attr[n++] = '|';
		while (c[len])
			attr[n++] = c[len++];
		while (len++ < w)
			attr[n++] = ' ';
	}
	attr[n] = '\0';
	print("efi: mem%02u: [%-12s|%s] range=[0x%016llx-0x%016llx] (%lluMB)\n",
	      i, efi_md_type_name(md->type), attr,
	      (unsigned long long)md->phys_start,
	      (unsigned long long)(efi_md_end(md) - 1),
	      (unsigned long long)(md->num_pages >> 8));
}

/*
 * After ExitBootServices() the firmware's page tables are still in use,
 * in boot-services memory the map calls free, and OVMF keeps them
 * read-only: run on an identity map of the low 4 GiB (2 MiB pages) in our
 * own .bss instead, which the image reservation covers.
 */
static uint64_t pml4[512] __attribute__((aligned(4096)));
static uint64_t pdpt[512] __attribute__((aligned(4096)));
static uint64_t pd[4][512] __attribute__((aligned(4096)));

#define PTE_P	0x1ULL
#define PTE_W	0x2ULL
#define PTE_PS	0x80ULL

static void own_page_tables(void)
{
	for (uint64_t g = 0; g < 4; g++) {
		for (uint64_t i = 0; i < 512; i++)
			pd[g][i] = ((g << 30) | (i << 21)) | PTE_P | PTE_W | PTE_PS;
		pdpt[g] = (uint64_t)(uintptr_t)pd[g] | PTE_P | PTE_W;
	}
	pml4[0] = (uint64_t)(uintptr_t)pdpt | PTE_P | PTE_W;
	__asm__ volatile("mov %0, %%cr3" : : "r"(pml4) : "memory");
}

struct desc_table_reg {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

/*
 * What the firmware left us running on and we keep using: the stack, and
 * the GDT and IDT (segment registers and exceptions refer to them). Each
 * is reserved as the whole descriptor it lies in.
 */
static unsigned int in_use(const struct efi_memmap *m, struct x86_boot_range *r)
{
	static const char *const what[] = { "stack", "GDT", "IDT" };
	struct desc_table_reg gdtr, idtr;
	uint64_t addr[3];
	unsigned int n = 0;

	__asm__ volatile("sgdt %0" : "=m"(gdtr));
	__asm__ volatile("sidt %0" : "=m"(idtr));
	addr[0] = (uint64_t)(uintptr_t)__builtin_frame_address(0);
	addr[1] = gdtr.base;
	addr[2] = idtr.base;
	for (unsigned int k = 0; k < 3; k++) {
		struct efi_memory_desc md;

		for (uint32_t i = 0; i < m->nr; i++) {
			efi_memmap_get(m, i, &md);
			if (efi_md_check(&md) == EFI_MD_OK &&
			    addr[k] >= md.phys_start && addr[k] - md.phys_start <
			    (md.num_pages << EFI_PAGE_SHIFT)) {
				r[n].base = md.phys_start;
				r[n].size = md.num_pages << EFI_PAGE_SHIFT;
				r[n].what = what[k];
				print("# %s at %#llx: reserving [%#llx-%#llx]\n", what[k],
				      (unsigned long long)addr[k],
				      (unsigned long long)r[n].base,
				      (unsigned long long)(r[n].base + r[n].size - 1));
				n++;
				break;
			}
		}
	}
	return n;
}

/* The ACPI 2.0 RSDP from the configuration table (0: none). */
static uint64_t find_rsdp(const struct efi_system_table *st)
{
	static const struct efi_guid acpi20 = EFI_ACPI_20_TABLE_GUID;

	for (uint64_t i = 0; i < st->number_of_table_entries; i++) {
		const struct efi_guid *g = &st->configuration_table[i].vendor_guid;
		bool same = g->data1 == acpi20.data1 && g->data2 == acpi20.data2 &&
			    g->data3 == acpi20.data3;

		for (int k = 0; same && k < 8; k++)
			same = g->data4[k] == acpi20.data4[k];
		if (same)
			return (uint64_t)(uintptr_t)st->configuration_table[i].vendor_table;
	}
	return 0;
}

/* Firmware tables below 4 GiB, through our identity map. */
static const void *identity_map(void *ctx, uint64_t pa, uint64_t len)
{
	(void)ctx;
	if (!pa || pa >= (4ULL << 30) || len > (4ULL << 30) - pa)
		return NULL;
	return (const void *)(uintptr_t)pa;
}

static struct efi_memmap map;
static struct e820_table e820;
static struct x86_setup_result res;
static struct efi_setup_result efi_res;

efi_status_t EFIAPI efi_main(efi_handle_t image, struct efi_system_table *st);

efi_status_t EFIAPI efi_main(efi_handle_t image, struct efi_system_table *st)
{
	struct fw_setup_policy policy = {
		/* OVMF identity-maps memory; allocate in the low 4 GiB. */
		.alloc_limit = (phys_addr_t)4 << 30,
		.allow_resize = true,
		.kernel_base = (phys_addr_t)(uintptr_t)__ImageBase,
		.kernel_size = (phys_addr_t)image_size(),
		.cmdline = "memblock=debug",
	};
	struct x86_setup_input in = { .e820 = &e820, .bios_start = X86_LOWMEM_CAP };
	struct efi_memory_desc md;
	struct x86_boot_range ranges[3];
	const struct acpi_mapper mapper = { identity_map, NULL };
	uint64_t rsdp;
	unsigned int retries = 0;
	uint64_t conv = 0;
	efi_status_t s;
	void *p;
	int err;

	rsdp = find_rsdp(st);
	print("memblock UEFI demo: image at %#llx, %#llx bytes\n",
	      (unsigned long long)policy.kernel_base,
	      (unsigned long long)policy.kernel_size);
	s = efi_exit_boot(image, st, &map, &retries);
	if (s) {
		print("# leaving boot services failed: status %#llx\n",
		      (unsigned long long)s);
		failed++;
		leave();
	}
	print("efi: ExitBootServices() after %u retries; %u descriptors of %llu bytes, version %u, at %#llx\n",
	      retries, map.nr, (unsigned long long)map.desc_size,
	      map.desc_version, (unsigned long long)map.map_phys);
	check(map.desc_size >= EFI_MEMORY_DESC_V1_SIZE && map.nr > 0,
	      "the firmware's memory map, at its own descriptor size");
	for (uint32_t i = 0; i < map.nr; i++) {
		efi_memmap_get(&map, i, &md);
		print_desc(i, &md);
		if (md.type == EFI_CONVENTIONAL_MEMORY)
			conv += md.num_pages << EFI_PAGE_SHIFT;
	}
	own_page_tables();
	in.ranges = ranges;
	in.nr_ranges = in_use(&map, ranges);
	/* NUMA: the SRAT through the configuration table's RSDP. */
	err = rsdp ? acpi_find_table(&mapper, rsdp, "SRAT", &in.srat, &in.srat_len)
		   : -ENOENT;
	print("# ACPI: RSDP %#llx from the EFI configuration table, SRAT: %s\n",
	      (unsigned long long)rsdp, err ? fw_strerror(err) : "found");
	err = efi_x86_memblock_setup(&policy, &map, &in, &res, &efi_res);
	print("# efi_x86_memblock_setup: %d (%s), %u e820 entries\n", err,
	      fw_strerror(err), efi_res.e820_entries);
	check(!err, "efi_x86_memblock_setup()");
	check(efi_res.check.empty + efi_res.check.misaligned +
	      efi_res.check.wrapping == 0, "every descriptor describes pages");
	print("NUMA: %u node(s)\n", res.nr_nodes);
	check(!res.srat_err, "the SRAT, if any, gave nodes");
	check(memblock_phys_mem_size() >= conv && conv > 0,
	      "memory holds at least all conventional memory");
	check(memblock_is_region_reserved((phys_addr_t)map.map_phys, map.map_size),
	      "the memory map is reserved");
	check(memblock_is_region_reserved(policy.kernel_base, policy.kernel_size),
	      "the image is reserved");
	p = memblock_alloc(1 << 20, 1 << 12);
	check(p && memblock_is_region_memory((phys_addr_t)(uintptr_t)p, 1 << 20) &&
	      (uintptr_t)p + (1 << 20) <= policy.alloc_limit,
	      "memblock_alloc() of 1 MiB lands in memory below the limit");
	memblock_dump_all();
	leave();
}
