/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Internal interfaces shared by the library's source files. Nothing here is
 * part of the public API.
 */
#ifndef MEMBLOCK_INTERNAL_H
#define MEMBLOCK_INTERNAL_H

#include <stdarg.h>
#include <linux/memblock.h>

#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define _RET_IP_	((unsigned long)__builtin_return_address(0))

#define mb_min(a, b)	((a) < (b) ? (a) : (b))
#define mb_max(a, b)	((a) > (b) ? (a) : (b))

/* ---- freestanding helpers (string.c, printf.c, log.c) ---- */
/* Every move and clear goes through the environment's hooks (memblock_env.h). */
#define __memblock_memmove	memblock_env_memmove
#define __memblock_memset	memblock_env_memset
size_t __memblock_strlen(const char *s);
int __memblock_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int __memblock_snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
void __memblock_log(int level, const char *fmt, ...) __printf(2, 3);

#define mb_err(...)	__memblock_log(MEMBLOCK_LOG_ERR, __VA_ARGS__)
#define mb_warn(...)	__memblock_log(MEMBLOCK_LOG_WARN, __VA_ARGS__)
#define mb_info(...)	__memblock_log(MEMBLOCK_LOG_INFO, __VA_ARGS__)
#define memblock_dbg(...)						\
	do {								\
		if (memblock_debug)					\
			__memblock_log(MEMBLOCK_LOG_INFO, __VA_ARGS__);		\
	} while (0)

/* ---- region arrays (region.c) ---- */

/* Number of real regions: an empty type's dummy entry does not count. */
static inline unsigned long type_nr(const struct memblock_type *t)
{
	return t->regions[0].size ? t->cnt : 0;
}

/*
 * Region copies and initialisations field by field: a struct assignment or
 * compound literal may become a memcpy()/memset() call (GCC at -Os on
 * RISC-V, Clang at -O0), which freestanding code cannot count on.
 */
static inline void rgn_copy(struct memblock_region *dst,
			    const struct memblock_region *src)
{
	dst->base = src->base;
	dst->size = src->size;
	dst->flags = src->flags;
	dst->nid = src->nid;
}

static inline void rgn_init(struct memblock_region *r, phys_addr_t base,
			    phys_addr_t size, enum memblock_flags flags, int nid)
{
	r->base = base;
	r->size = size;
	r->flags = flags;
	r->nid = nid;
}

static inline phys_addr_t rgn_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Clamp *size so that base + *size does not wrap; returns the new size. */
static inline phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	if (*size > PHYS_ADDR_MAX - base)
		*size = PHYS_ADDR_MAX - base;
	return *size;
}

static inline bool is_power_of_2(phys_addr_t x)
{
	return x && !(x & (x - 1));
}

/* First index in [lo, nr) whose region ends above @addr (nr if none). */
unsigned long __memblock_rgn_first_end_after(const struct memblock_type *t,
				  unsigned long lo, unsigned long nr,
				  phys_addr_t addr);
/* First index in [lo, nr) whose region starts at or above @addr. */
unsigned long __memblock_rgn_first_base_from(const struct memblock_type *t,
				  unsigned long lo, unsigned long nr,
				  phys_addr_t addr);
/* Index of the region containing @addr, or -1. */
long __memblock_rgn_find(const struct memblock_type *t, phys_addr_t addr);

int memblock_add_range(struct memblock_type *type, phys_addr_t base,
		       phys_addr_t size, int nid, enum memblock_flags flags);
int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
			  phys_addr_t size);

/*
 * Change applied to every region inside a range by memblock_update_range().
 * Flags in @set are set, flags in @clear cleared; @nid is stored when
 * @set_nid is true.
 */
struct rgn_update {
	enum memblock_flags set;
	enum memblock_flags clear;
	bool set_nid;
	int nid;
};
int memblock_update_range(struct memblock_type *type, phys_addr_t base,
			  phys_addr_t size, const struct rgn_update *upd);
int memblock_isolate_range(struct memblock_type *type, phys_addr_t base,
			   phys_addr_t size, int *start_rgn, int *end_rgn);
/* Merge compatible neighbours among regions [lo, hi), closing the hole. */
void __memblock_rgn_merge_window(struct memblock_type *type, unsigned long lo,
		      unsigned long hi);
/* Keep the first @n regions of @type (n == 0: the empty dummy). */
void __memblock_rgn_set_count(struct memblock_type *type, unsigned long n);

/* ---- growth (resize.c) ---- */
int memblock_grow(struct memblock_type *type, unsigned long need,
		  phys_addr_t avoid_base, phys_addr_t avoid_size);
bool memblock_is_static_array(const struct memblock_region *regions);

/* ---- search (find.c) ---- */
bool memblock_should_skip_region(const struct memblock_type *type,
				 const struct memblock_region *m, int nid,
				 int flags);

bool memblock_has_mirror(void);

/* ---- nodes (memblock.c) ---- */
/* Map a node id from the API to the stored value; -1 when invalid. */
int memblock_canonical_nid(int nid);

#endif /* MEMBLOCK_INTERNAL_H */
