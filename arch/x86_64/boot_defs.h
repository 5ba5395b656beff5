/* SPDX-License-Identifier: BSD-2-Clause */
/* Constants shared by the entry code (head.S) and C. */
#ifndef X86_BOOT_DEFS_H
#define X86_BOOT_DEFS_H

/* How we were entered (boot_protocol). */
#define BOOT_PROTO_PVH		1
#define BOOT_PROTO_MB2		2

/* Identity-mapped by head.S: [0, BOOT_MAP_GIB GiB). */
#define BOOT_MAP_GIB		4

#define BOOT_STACK_SIZE		16384

#endif
