# SPDX-License-Identifier: BSD-2-Clause
"""What the boot runner knows about QEMU virt, U-Boot and the kernel's
exit protocol (arch/arm64/include/asm/exit.h)."""

UBOOT_BIN = "/usr/lib/u-boot/qemu_arm64/u-boot.bin"
# Where "raw" cases load their DTB (-device loader), for U-Boot's booti.
RAW_DTB_ADDR = 0x4f000000
RAM_BASE = 0x40000000   # QEMU virt's RAM, where the image header is relative to
PAGE = 4096

EXIT_PASS, EXIT_FAIL, EXIT_CRASH = 79, 70, 67
TIMEOUT = 30            # seconds per boot; a normal boot takes well under 1
BOOT_TIME_LIMIT = 10    # a boot slower than this is reported as a failure
