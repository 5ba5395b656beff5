/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree kernels' direct map: the code all three demo kernels
 * share (arch/common/include/common/directmap.h) and the one proof that
 * reads the tree.
 */
#ifndef DT_MAP_H
#define DT_MAP_H

#include <common/directmap.h>

/**
 * dt_map_checks - TAP: the shared proofs of the direct map (no page of a
 * NOMAP region mapped, the limit, 1 GiB pages, reads that must fault) and
 * that the tree's no-map reserved ranges made NOMAP regions
 */
void dt_map_checks(void);

#endif /* DT_MAP_H */
