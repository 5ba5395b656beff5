# SPDX-License-Identifier: BSD-2-Clause
#
# The memblock library for CMake builds (the counterpart of Makefile.memblock;
# meson.build beside it does the same for Meson):
#
#   include(path/to/memblock/src/memblock.cmake)
#   add_library(memblock STATIC ${MEMBLOCK_SOURCES})
#   target_include_directories(memblock PUBLIC ${MEMBLOCK_INCLUDE_DIRS})
#   target_compile_options(memblock PRIVATE ${MEMBLOCK_COMPILE_OPTIONS})
#
# Put the directory holding your own memblock_env.h, if you have one, before
# MEMBLOCK_INCLUDE_DIRS (target_include_directories(... BEFORE ...)).
# MEMBLOCK_COMPILE_OPTIONS are the flags the library needs, for GCC and Clang
# alike (Makefile.memblock says why each one); optimisation, warnings and
# target flags are yours.

set(MEMBLOCK_SOURCES
	${CMAKE_CURRENT_LIST_DIR}/memblock.c
	${CMAKE_CURRENT_LIST_DIR}/region.c
	${CMAKE_CURRENT_LIST_DIR}/resize.c
	${CMAKE_CURRENT_LIST_DIR}/edit.c
	${CMAKE_CURRENT_LIST_DIR}/stage.c
	${CMAKE_CURRENT_LIST_DIR}/flags.c
	${CMAKE_CURRENT_LIST_DIR}/query.c
	${CMAKE_CURRENT_LIST_DIR}/iterate.c
	${CMAKE_CURRENT_LIST_DIR}/limit.c
	${CMAKE_CURRENT_LIST_DIR}/find.c
	${CMAKE_CURRENT_LIST_DIR}/alloc.c
	${CMAKE_CURRENT_LIST_DIR}/free_all.c
	${CMAKE_CURRENT_LIST_DIR}/dump.c
	${CMAKE_CURRENT_LIST_DIR}/cmdline.c
	${CMAKE_CURRENT_LIST_DIR}/printf.c
	${CMAKE_CURRENT_LIST_DIR}/log.c
	${CMAKE_CURRENT_LIST_DIR}/string.c
	${CMAKE_CURRENT_LIST_DIR}/env_default.c
)
set(MEMBLOCK_INCLUDE_DIRS ${CMAKE_CURRENT_LIST_DIR}/../include)
set(MEMBLOCK_COMPILE_OPTIONS -std=gnu11 -ffreestanding -fno-stack-protector)
