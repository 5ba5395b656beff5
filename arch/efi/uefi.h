/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The few UEFI boot-time interfaces the demo's UEFI applications
 * (arch/x86_64/efi/, arch/arm64/efi/) use, written from the UEFI
 * specification (chapter 4, "EFI System Table"; chapter 7, "Services -
 * Boot Services"; section 2.3, "Calling Conventions"). Tables are laid
 * out member by member as the specification lists them; the services the
 * applications do not call are plain pointers that keep the offsets
 * right. Calls use the platform's UEFI convention (EFIAPI): Microsoft x64
 * on x86-64, the standard AAPCS64 on AArch64.
 */
#ifndef EFI_UEFI_H
#define EFI_UEFI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__)
#define EFIAPI	__attribute__((ms_abi))
#else
#define EFIAPI
#endif

typedef uint64_t efi_status_t;
typedef void *efi_handle_t;

#define EFI_SUCCESS		0
#define EFI_ERR			(1ULL << 63)
#define EFI_INVALID_PARAMETER	(EFI_ERR | 2)
#define EFI_BUFFER_TOO_SMALL	(EFI_ERR | 5)

/* EFI_ALLOCATE_TYPE for AllocatePages(). */
#define EFI_ALLOCATE_ANY_PAGES	0

struct efi_table_header {
	uint64_t signature;
	uint32_t revision;
	uint32_t header_size;
	uint32_t crc32;
	uint32_t reserved;
};

struct efi_guid;

struct efi_boot_services {
	struct efi_table_header hdr;
	void *raise_tpl;
	void *restore_tpl;
	efi_status_t (EFIAPI *allocate_pages)(uint32_t type, uint32_t mem_type,
					      uint64_t pages, uint64_t *addr);
	void *free_pages;
	efi_status_t (EFIAPI *get_memory_map)(uint64_t *map_size, void *map,
					      uint64_t *map_key,
					      uint64_t *desc_size,
					      uint32_t *desc_version);
	void *allocate_pool;
	void *free_pool;
	void *create_event;
	void *set_timer;
	void *wait_for_event;
	void *signal_event;
	void *close_event;
	void *check_event;
	void *install_protocol_interface;
	void *reinstall_protocol_interface;
	void *uninstall_protocol_interface;
	efi_status_t (EFIAPI *handle_protocol)(efi_handle_t handle,
					       const struct efi_guid *protocol,
					       void **interface);
	void *reserved;
	void *register_protocol_notify;
	void *locate_handle;
	void *locate_device_path;
	void *install_configuration_table;
	void *load_image;
	void *start_image;
	void *exit;
	void *unload_image;
	efi_status_t (EFIAPI *exit_boot_services)(efi_handle_t image,
						  uint64_t map_key);
};

/* EFI_GUID, and an entry of the system table's configuration table. */
struct efi_guid {
	uint32_t data1;
	uint16_t data2, data3;
	uint8_t data4[8];
};

/*
 * EFI_LOADED_IMAGE_PROTOCOL (chapter 9, "Protocols - EFI Loaded Image"),
 * on the image handle: LoadOptions is what the loader passed the image
 * (the UEFI shell: the command line that started it, as UCS-2 text; a
 * boot option: its OptionalData, which need not be text).
 */
#define EFI_LOADED_IMAGE_PROTOCOL_GUID \
	{ 0x5b1b31a1, 0x9562, 0x11d2, \
	  { 0x8e, 0x3f, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b } }

struct efi_loaded_image {
	uint32_t revision;
	efi_handle_t parent_handle;
	void *system_table;
	efi_handle_t device_handle;
	void *file_path;
	void *reserved;
	uint32_t load_options_size;	/* bytes */
	void *load_options;
	void *image_base;
	uint64_t image_size;
	uint32_t image_code_type, image_data_type;
	void *unload;
};

struct efi_configuration_table {
	struct efi_guid vendor_guid;
	void *vendor_table;
};

/* EFI_ACPI_20_TABLE_GUID: the ACPI 2.0+ RSDP. */
#define EFI_ACPI_20_TABLE_GUID \
	{ 0x8868e871, 0xe4f1, 0x11d3, \
	  { 0xbc, 0x22, 0x00, 0x80, 0xc7, 0x3c, 0x88, 0x81 } }

/* EFI_DTB_TABLE_GUID: the flattened device tree the firmware hands on. */
#define EFI_DTB_TABLE_GUID \
	{ 0xb1b621d5, 0xf19c, 0x41a5, \
	  { 0x83, 0x0b, 0xd9, 0x15, 0x2c, 0x69, 0xaa, 0xe0 } }

struct efi_system_table {
	struct efi_table_header hdr;
	uint16_t *firmware_vendor;
	uint32_t firmware_revision;
	efi_handle_t console_in_handle;
	void *con_in;
	efi_handle_t console_out_handle;
	void *con_out;
	efi_handle_t standard_error_handle;
	void *std_err;
	void *runtime_services;
	struct efi_boot_services *boot_services;
	uint64_t number_of_table_entries;
	struct efi_configuration_table *configuration_table;
};

/*
 * The configuration table entry with vendor GUID @guid (efi_config.c):
 * its table's address, or 0 when the firmware installed none.
 */
uint64_t efi_config_table(const struct efi_system_table *st,
			  const struct efi_guid *guid);

#endif
