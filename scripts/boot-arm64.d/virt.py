# SPDX-License-Identifier: BSD-2-Clause
"""What the boot runner knows about QEMU virt, U-Boot and the kernel's
exit protocol (arch/arm64/include/asm/exit.h)."""

UBOOT_BIN = "/usr/lib/u-boot/qemu_arm64/u-boot.bin"
# Where "raw" cases load their DTB (-device loader), for U-Boot's booti.
RAW_DTB_ADDR = 0x4f000000
RAM_BASE = 0x40000000   # QEMU virt's RAM, where the image header is relative to
PAGE = 4096

EXIT_PASS, EXIT_FAIL, EXIT_CRASH = 79, 70, 67
# Only a hang detector: a normal boot takes a second or two, but a loaded
# CI machine running TCG can be very slow, and speed is not judged here
# (that is "make bench"'s business).
TIMEOUT = 600
