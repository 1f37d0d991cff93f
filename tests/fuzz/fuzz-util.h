/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-util.h: what the fuzz targets share */
#pragma once

#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);

/* The input as a NUL-terminated string, cut at its first NUL: what a
 * text field or a command line would hand the core. */
static inline char *
fuzz_dup_text (const uint8_t *data,
               size_t         size)
{
  return g_strndup ((const char *) data, size);
}

/* A failed check is a crash the fuzzer keeps, with the input. */
#define FUZZ_CHECK(condition)                                              \
  G_STMT_START {                                                           \
    if (!(condition))                                                      \
      {                                                                    \
        g_printerr ("%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
        abort ();                                                          \
      }                                                                    \
  } G_STMT_END
