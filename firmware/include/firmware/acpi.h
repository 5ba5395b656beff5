/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Just enough ACPI to find the NUMA layout: the RSDP, the RSDT or XSDT,
 * any table by signature, the SRAT's memory affinity entries and its
 * proximity domains in Linux's node id order. Tables
 * are reached through a caller-supplied mapper, so the same code runs on a
 * kernel's identity map and on host test fixtures; every length and
 * checksum is verified before a byte past the header is read.
 */
#ifndef FIRMWARE_ACPI_H
#define FIRMWARE_ACPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <firmware/errno.h>

#define ACPI_RSDP_V1_SIZE	20
#define ACPI_RSDP_V2_SIZE	36
#define ACPI_SDT_HEADER_SIZE	36
/* Sanity bound on a table's declared length. */
#define ACPI_TABLE_MAX		(1u << 20)

/*
 * Returns a pointer to [pa, pa + len) of physical memory, or NULL when that
 * range cannot be read.
 */
typedef const void *(*acpi_map_fn)(void *ctx, uint64_t pa, uint64_t len);

struct acpi_mapper {
	acpi_map_fn map;
	void *ctx;
};

/* One enabled SRAT memory affinity entry. */
struct acpi_mem_affinity {
	uint64_t base, size;
	uint32_t pxm;		/* proximity domain */
	bool hotplug;
	bool nonvolatile;
};

/**
 * acpi_checksum_ok - check that bytes sum to zero modulo 256
 * @p: the bytes
 * @len: how many
 *
 * Return: true when the sum is zero (always for @len == 0).
 */
bool acpi_checksum_ok(const void *p, size_t len);

/**
 * acpi_rsdp_valid - validate a Root System Description Pointer
 * @rsdp: the candidate structure
 * @len: bytes readable at @rsdp
 *
 * Checks the signature, the ACPI 1.0 checksum and, for revision 2 and
 * later, the length and extended checksum.
 *
 * Return: 0; -EINVAL for NULL or @len below what the revision needs;
 * -ENOENT for a wrong signature; -EBADMSG for a bad checksum or length.
 */
int acpi_rsdp_valid(const void *rsdp, size_t len);

/**
 * acpi_rsdp_scan - search BIOS memory for the RSDP, as ACPI prescribes
 * @m: mapper for physical memory
 * @ebda: start of the EBDA (its first KiB is searched), 0 to skip it
 * @out: receives the RSDP's physical address
 *
 * Searches 16-byte boundaries of the EBDA's first KiB, then of
 * 0xE0000-0xFFFFF, for a valid RSDP.
 *
 * Return: 0; -EINVAL for NULL arguments; -ENOENT when none is found.
 */
int acpi_rsdp_scan(const struct acpi_mapper *m, uint64_t ebda, uint64_t *out);

/**
 * acpi_find_table - find a table by signature through the RSDP
 * @m: mapper for physical memory
 * @rsdp_pa: physical address of the RSDP
 * @sig: four-character signature, e.g. "SRAT"
 * @out: receives the table (mapped for its whole declared length)
 * @out_len: receives that length
 *
 * Uses the XSDT when the RSDP has one (revision 2+), else the RSDT. The
 * root table and the table found must have valid checksums; a table with a
 * bad checksum is skipped, as are entries that cannot be mapped.
 *
 * Return: 0; -EINVAL for NULL arguments; the RSDP's error from
 * acpi_rsdp_valid(); -EBADMSG for an unmappable or corrupt root table;
 * -ENOENT when no valid table has @sig.
 */
int acpi_find_table(const struct acpi_mapper *m, uint64_t rsdp_pa,
		    const char *sig, const void **out, uint32_t *out_len);

/**
 * acpi_srat_memory - list the enabled memory affinity entries of a SRAT
 * @srat: the table (header included), e.g. from acpi_find_table()
 * @len: its length
 * @out: array receiving the entries
 * @max: capacity of @out
 * @nr: receives the number of entries stored
 *
 * Disabled entries and other entry types (processors, ...) are skipped.
 * For SRAT revision 1 only the low 8 bits of the proximity domain count.
 *
 * Return: 0; -EINVAL for NULL arguments; -ENOENT when @srat is not a
 * SRAT; -EBADMSG for a bad checksum, a length that disagrees with the
 * header, or an entry that is truncated or shorter than its type requires;
 * -ENOSPC when more than @max entries are enabled.
 */
int acpi_srat_memory(const void *srat, uint32_t len,
		     struct acpi_mem_affinity *out, unsigned int max,
		     unsigned int *nr);

/*
 * The processor-type SRAT entries whose proximity domains Linux's
 * acpi_numa_init() numbers before the memory ones, as bits 1 << type.
 * Which of them an architecture maps to a node is its own
 * acpi_numa_*_affinity_init()'s choice: x86 the Local APIC, x2APIC and
 * Generic Initiator entries, arm64 the GICC and Generic Initiator ones,
 * riscv the RINTC ones (Linux 6.12); the others are stubs there.
 */
#define ACPI_SRAT_LAPIC		(1u << 0)	/* Processor Local APIC/SAPIC */
#define ACPI_SRAT_X2APIC	(1u << 2)	/* Processor Local x2APIC */
#define ACPI_SRAT_GICC		(1u << 3)	/* GICC */
#define ACPI_SRAT_GI		(1u << 5)	/* Generic Initiator */
#define ACPI_SRAT_RINTC		(1u << 7)	/* RISC-V INTC */
#define ACPI_SRAT_CPUS_X86	(ACPI_SRAT_LAPIC | ACPI_SRAT_X2APIC | ACPI_SRAT_GI)
#define ACPI_SRAT_CPUS_ARM64	(ACPI_SRAT_GICC | ACPI_SRAT_GI)
#define ACPI_SRAT_CPUS_RISCV	ACPI_SRAT_RINTC
#define ACPI_SRAT_CPUS_ALL	(ACPI_SRAT_CPUS_X86 | ACPI_SRAT_CPUS_ARM64 | \
				 ACPI_SRAT_CPUS_RISCV)

/**
 * acpi_srat_nodes - a SRAT's proximity domains in Linux's node id order
 * @srat: the table (header included), e.g. from acpi_find_table()
 * @len: its length
 * @cpu_types: the processor-type entries that count, ACPI_SRAT_CPUS_X86,
 *	ACPI_SRAT_CPUS_ARM64, ACPI_SRAT_CPUS_RISCV or another mask of the
 *	ACPI_SRAT_* bits above (0: memory entries only)
 * @node_pxm: array receiving, for node id 0, 1, ..., its proximity domain
 * @max: capacity of @node_pxm
 * @nr_nodes: receives the number of node ids
 * @nr_cpu_nodes: receives how many of them (the first ones) came from
 *	processor-type entries; may be NULL
 *
 * As Linux's acpi_numa_init() hands out node ids (acpi_map_pxm_to_node()):
 * first one pass, in table order, over the enabled entries of the types
 * in @cpu_types (flags bit 0; a Local APIC entry's domain is bits 7:0,
 * and for SRAT revision 2 and later bits 31:8 from its three high bytes;
 * the other types have a 32-bit domain), then over the enabled memory
 * affinity entries (acpi_srat_memory()'s rules). Each domain not met
 * before gets the next id, so a domain with processors and no memory is a
 * node too. Entries of other types are skipped.
 *
 * An entry of a counted type shorter than its structure (a Local APIC
 * entry not exactly 16 bytes, x2APIC below 24, GICC below 18, Generic
 * Initiator below 32, RINTC below 20) makes Linux drop the whole SRAT
 * (bad_srat()), as does a malformed table: -EBADMSG. (Linux reads a
 * short Generic Initiator entry regardless; it is refused here rather
 * than read past its end.) Not modelled: Linux's x86 also skips an
 * x2APIC entry whose APIC id its APIC driver cannot use, and refuses a
 * domain of 256 or more (MAX_PXM_DOMAINS).
 *
 * Return: 0; -EINVAL for NULL arguments (but @nr_cpu_nodes) or a bit of
 * @cpu_types outside ACPI_SRAT_CPUS_ALL; -ENOENT when @srat is not a
 * SRAT; -EBADMSG as above (bad checksum, a length that disagrees with the
 * header, an entry truncated or shorter than its type requires); -ENOSPC
 * when there are more than @max domains. On error nothing is written.
 */
int acpi_srat_nodes(const void *srat, uint32_t len, unsigned int cpu_types,
		    uint32_t *node_pxm, unsigned int max, unsigned int *nr_nodes,
		    unsigned int *nr_cpu_nodes);

/**
 * acpi_srat_memblock_nodes - give memblock.memory a SRAT's nodes
 * @mem: enabled memory affinity entries, from acpi_srat_memory()
 * @nr: number of entries
 * @node_pxm: node id -> proximity domain, e.g. from acpi_srat_nodes()
 * @nr_nodes: number of node ids in @node_pxm
 *
 * Each entry's range of memblock.memory gets the node whose domain is the
 * entry's (memblock_set_node()); hotpluggable entries are also marked
 * MEMBLOCK_HOTPLUG. Memory no entry covers keeps "no node". Entries
 * beyond what phys_addr_t can address are skipped. A node of @node_pxm
 * without an entry (processors only) sets no memory.
 *
 * Ranges of two different domains must not overlap: as in Linux, whose
 * NUMA init then fails and the machine runs without NUMA, the table is
 * refused (one error line logged through memblock_env_log() names both
 * ranges). Overlaps within one domain are accepted (Linux merges them).
 *
 * Return: 0; -EINVAL for NULL arguments (@mem may be NULL when @nr is 0,
 * @node_pxm when @nr_nodes is 0), a domain listed twice in @node_pxm, or
 * an entry whose domain @node_pxm lacks; -ENOSPC when @nr_nodes exceeds
 * MAX_NUMNODES; -EBADMSG when ranges of different domains overlap
 * (nothing is changed in these cases); or the first error memblock
 * returned.
 */
int acpi_srat_memblock_nodes(const struct acpi_mem_affinity *mem,
			     unsigned int nr, const uint32_t *node_pxm,
			     unsigned int nr_nodes);

/**
 * acpi_srat_memblock - give memblock.memory the nodes a SRAT describes
 * @mem: enabled memory affinity entries, from acpi_srat_memory()
 * @nr: number of entries
 * @node_pxm: array receiving, for each node id, its proximity domain
 * @max_nodes: capacity of @node_pxm
 * @nr_nodes: receives the number of node ids handed out
 *
 * Proximity domains become node ids 0, 1, ... in order of first
 * appearance in @mem. That is Linux's numbering only for a SRAT without
 * processor-type entries: Linux numbers the processors' domains first, so
 * for a whole table use acpi_srat_nodes() and acpi_srat_memblock_nodes()
 * (every boot path of this project does). Each entry's range of
 * memblock.memory gets its node (memblock_set_node()); hotpluggable
 * entries are also marked MEMBLOCK_HOTPLUG. Memory no entry covers keeps
 * "no node". Entries beyond what phys_addr_t can address are skipped.
 *
 * Ranges of two different domains must not overlap: as in Linux, whose
 * NUMA init then fails and the machine runs without NUMA, the table is
 * refused (one error line logged through memblock_env_log() names both
 * ranges). Overlaps within one domain are accepted (Linux merges them).
 *
 * Return: 0; -EINVAL for NULL arguments (@mem may be NULL when @nr is 0);
 * -EBADMSG when ranges of different domains overlap, and -ENOSPC when
 * there are more domains than @max_nodes or MAX_NUMNODES (nothing is
 * changed in either case: not memblock, @node_pxm nor @nr_nodes); or the
 * first error memblock returned.
 */
int acpi_srat_memblock(const struct acpi_mem_affinity *mem, unsigned int nr,
		       uint32_t *node_pxm, unsigned int max_nodes,
		       unsigned int *nr_nodes);

/**
 * struct acpi_srat_numa - where acpi_srat_numa_init() puts what it found
 * @mem: the caller's array for the SRAT's enabled memory affinity entries
 * @nid: the caller's array for the node of each of them (-1: none); as
 *	long as @mem
 * @max_mem: capacity of @mem and @nid
 * @node_pxm: the caller's array for node id -> proximity domain
 * @max_nodes: its capacity
 * @nr_mem: set to the number of entries in @mem (0 when the table could
 *	not be read)
 * @nr_nodes: set to the number of nodes, memoryless ones (processors
 *	only) included; 0 when the SRAT was refused
 * @nr_cpu_nodes: set to how many of them, the first ones, got their id
 *	from a processor-type entry; 0 when the SRAT was refused
 *
 * The caller sets the first five fields, acpi_srat_numa_init() the rest.
 */
struct acpi_srat_numa {
	struct acpi_mem_affinity *mem;
	int *nid;
	unsigned int max_mem;
	uint32_t *node_pxm;
	unsigned int max_nodes;
	unsigned int nr_mem;
	unsigned int nr_nodes;
	unsigned int nr_cpu_nodes;
};

/**
 * acpi_srat_numa_init - a SRAT's nodes, numbered as Linux does, to memblock
 * @srat: the table (header included), e.g. from acpi_find_table()
 * @len: its length
 * @cpu_types: the architecture's processor-type entries, as for
 *	acpi_srat_nodes(): ACPI_SRAT_CPUS_X86, ACPI_SRAT_CPUS_ARM64 or
 *	ACPI_SRAT_CPUS_RISCV
 * @out: the caller's arrays and their capacities in; the findings out
 *
 * The whole "SRAT to memblock nodes" step of Linux's acpi_numa_init() and
 * NUMA memblock setup, the one every boot path of this project runs (the
 * x86 sequence, the arm64 UEFI application, memblock-sim): the enabled
 * memory affinity entries (acpi_srat_memory()), the proximity domains in
 * Linux's node id order, the processor-type entries of @cpu_types first
 * (acpi_srat_nodes()), then each entry's range of memblock.memory set to
 * its node and, when hotpluggable, marked MEMBLOCK_HOTPLUG
 * (acpi_srat_memblock_nodes()); @out->nid[i] is then the node of
 * @out->mem[i].
 *
 * A SRAT that cannot be used leaves the machine without nodes, as Linux
 * does: the error is returned, memblock is left as it was (but for
 * memblock's own failure midway, below), @out->nr_nodes and
 * @out->nr_cpu_nodes are 0, every @out->nid is -1, and @out->nr_mem is
 * the entries listed (0 when the table itself is unreadable, so that
 * nothing half-read is reported).
 *
 * Return: 0; -EINVAL for a NULL @srat or @out, a NULL array in @out, or
 * a bad @cpu_types (nothing is written then, not even @out); else
 * acpi_srat_memory()'s errors (-ENOENT not a SRAT; -EBADMSG malformed;
 * -ENOSPC more than @out->max_mem enabled memory entries),
 * acpi_srat_nodes()'s (-EBADMSG a processor entry too short; -ENOSPC
 * more than @out->max_nodes domains) and acpi_srat_memblock_nodes()'s
 * (-ENOSPC more than MAX_NUMNODES nodes; -EBADMSG ranges of two domains
 * overlap), all with memblock unchanged; or memblock's first error
 * (-ENOMEM: the memory array is full and may not grow), which may leave
 * the nodes of the entries before it set.
 */
int acpi_srat_numa_init(const void *srat, uint32_t len, unsigned int cpu_types,
			struct acpi_srat_numa *out);

/**
 * acpi_srat_numa_log - log what acpi_srat_numa_init() found
 * @n: its @out, after the call
 * @err: what it returned
 *
 * Logs, through memblock_env_log() at MEMBLOCK_LOG_INFO, one line per node
 * numbered from a processor entry ("ACPI: SRAT: Node 0 PXM 1
 * (processors)"), one per memory entry with its node ("ACPI: SRAT: Node 0
 * PXM 1 [mem 0x...-0x...]", " hotplug" when hotpluggable, node -1 when
 * none), and, when @err is not 0, "ACPI: SRAT: cannot assign nodes (@err)".
 * Every boot path logs the same lines, which memblock-sim's agreement
 * tests compare.
 *
 * Return: nothing. A NULL @n, or one whose counts exceed its capacities,
 * logs nothing.
 */
void acpi_srat_numa_log(const struct acpi_srat_numa *n, int err);

#endif
