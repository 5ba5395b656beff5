// SPDX-License-Identifier: BSD-2-Clause
/*
 * Where memblock is in the boot (memblock_stage), and the guard every call
 * that changes memblock passes first: no re-entry from a hook, nothing the
 * current stage forbids.
 *
 * Hooks (memblock_env_log(), memblock_env_free_pages()) are only called
 * while struct memblock is consistent, but the call that runs them is not
 * finished: a nested change would interleave with it (the same block handed
 * out twice, an edit of an array being walked). So from inside a hook,
 * reading is allowed and changing is refused with -EBUSY and one log line.
 * A line logged from inside the log hook is dropped, which keeps the log
 * hook from ever recursing.
 */
#include "internal.h"

enum memblock_stage memblock_stage __initdata_memblock;

unsigned int __memblock_hook_depth;	/* hooks running now */
bool __memblock_in_log;		/* one of them is memblock_env_log() */

/* The refusal bit (MB_REFUSE_*) of each stage: 0 for an unknown one. */
static unsigned int stage_refusal(enum memblock_stage stage)
{
	switch (stage) {
	case MEMBLOCK_STAGE_EARLY:
		return MB_REFUSE_EARLY;
	case MEMBLOCK_STAGE_FREED:
		return MB_REFUSE_FREED;
	case MEMBLOCK_STAGE_DISCARDED:
		return MB_REFUSE_DISCARDED;
	}
	return 0;
}

/* Out of line: the guard's fast path is two tests (every allocation). */
static mb_cold int refuse_call(const char *func, unsigned int refuse)
{
	bool busy = __memblock_hook_depth;

	/* One line: "<func>: <why>: refused (-EBUSY or -EPERM)". */
	mb_err("%s: %s: refused (%s)", func,
	       busy ? "called from a memblock hook" :
	       refuse & MB_REFUSE_DISCARDED ? "memblock was discarded" :
	       refuse & MB_REFUSE_FREED ?
	       "not allowed after memblock_free_all()" :
	       "called before memblock_free_all()",
	       busy ? "-EBUSY" : "-EPERM");
	return busy ? -EBUSY : -EPERM;
}

int __memblock_enter(const char *func, unsigned int refuse)
{
	refuse &= stage_refusal(memblock_stage);
	if (!__memblock_hook_depth && !refuse)
		return 0;
	return refuse_call(func, refuse);
}
