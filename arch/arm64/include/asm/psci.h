/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * PSCI calls through the conduit the DTB's /psci node names ("hvc" or
 * "smc"), with the SMC Calling Convention's register use.
 */
#ifndef ASM_PSCI_H
#define ASM_PSCI_H

#include <stdint.h>

struct fdtr;

#define PSCI_0_2_FN_PSCI_VERSION	0x84000000u
#define PSCI_0_2_FN_SYSTEM_OFF		0x84000008u

enum psci_conduit {
	PSCI_CONDUIT_NONE,
	PSCI_CONDUIT_HVC,
	PSCI_CONDUIT_SMC,
};

/**
 * psci_setup - read the conduit from the DTB's /psci node
 * @dt: the opened DTB (NULL: no PSCI)
 *
 * Uses dt_get_psci(). The function ids used here are PSCI 0.2's, which
 * every "arm,psci-0.2" or later node supports.
 *
 * Return: the conduit chosen (PSCI_CONDUIT_NONE when unusable).
 */
enum psci_conduit psci_setup(const struct fdtr *dt);

/**
 * psci_conduit_name - the conduit psci_setup() chose, for messages
 *
 * Return: "hvc", "smc" or "none".
 */
const char *psci_conduit_name(void);

/**
 * psci_call - issue a PSCI function call
 * @fn: function id
 * @a1: first argument
 * @a2: second argument
 * @a3: third argument
 *
 * Return: x0 after the call; -1 (NOT_SUPPORTED) when there is no conduit.
 */
int64_t psci_call(uint32_t fn, uint64_t a1, uint64_t a2, uint64_t a3);

#endif /* ASM_PSCI_H */
