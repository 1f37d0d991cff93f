/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-import.h: customers from another system's CSV export */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_IMPORT_ERROR (atelier_import_error_quark ())

/* How many of the file's first rows an import keeps for a preview: the
 * others are read again when it runs, never held all at once. */
#define ATELIER_IMPORT_PREVIEW_ROWS 100

typedef enum
{
  ATELIER_IMPORT_ERROR_REJECTED,   /* some rows are refused: nothing was imported */
  ATELIER_IMPORT_ERROR_NO_MAPPING, /* no column is matched to a field */
} AtelierImportError;

/* What a column of the file holds. */
typedef enum
{
  ATELIER_IMPORT_FIELD_NONE,        /* ignored */
  ATELIER_IMPORT_FIELD_GIVEN_NAME,
  ATELIER_IMPORT_FIELD_FAMILY_NAME,
  ATELIER_IMPORT_FIELD_FULL_NAME,   /* "Zoé Martin": given name first */
  ATELIER_IMPORT_FIELD_EMAIL,
  ATELIER_IMPORT_FIELD_PHONE,
  ATELIER_IMPORT_FIELD_LANGUAGE,
  ATELIER_IMPORT_FIELD_INTERESTS,   /* tags, separated by , ; or | */
  ATELIER_IMPORT_FIELD_NOTE,
  ATELIER_IMPORT_FIELD_NEEDS,
  ATELIER_IMPORT_FIELD_CONSENT,     /* yes/no, true/false, oui/non, 1/0 */
  ATELIER_IMPORT_FIELD_CONSENT_AT,
  ATELIER_IMPORT_FIELD_CONSENT_WORDING,
  ATELIER_IMPORT_FIELD_FIRST_CAME,
  ATELIER_IMPORT_FIELD_CREATED_AT,
  ATELIER_IMPORT_FIELD_LAST_SEEN_AT,
  ATELIER_IMPORT_N_FIELDS
} AtelierImportField;

typedef enum
{
  ATELIER_IMPORT_CREATED,
  ATELIER_IMPORT_UPDATED,
  ATELIER_IMPORT_REJECTED,
} AtelierImportOutcome;

typedef struct
{
  guint                 line;         /* where the row starts in the file, from 1 */
  AtelierImportOutcome  outcome;
  gint64                customer_id;  /* 0 when rejected, or in a dry run's creations */
  char                 *label;        /* the name or e-mail, to recognise the row */
  char                 *reason;       /* why it was rejected, or NULL */
} AtelierImportEntry;

typedef struct
{
  GPtrArray *entries;     /* AtelierImportEntry, in file order */
  guint      n_created;
  guint      n_updated;
  guint      n_rejected;
  gboolean   dry_run;
  gboolean   applied;     /* written to the store */
} AtelierImportReport;

void        atelier_import_report_free (AtelierImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtelierImportReport, atelier_import_report_free)

const char         *atelier_import_field_to_string (AtelierImportField field);
AtelierImportField  atelier_import_field_from_string (const char     *nick);
const char         *atelier_import_field_get_label (AtelierImportField field);
AtelierImportField  atelier_import_field_guess     (const char        *header);

#define ATELIER_TYPE_CUSTOMER_IMPORT (atelier_customer_import_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomerImport, atelier_customer_import, ATELIER, CUSTOMER_IMPORT, GObject)

GQuark                 atelier_import_error_quark              (void);

AtelierCustomerImport *atelier_customer_import_new             (GBytes                 *contents,
                                                                GError                **error);
AtelierCustomerImport *atelier_customer_import_new_for_path    (const char             *path,
                                                                GError                **error);
char                   atelier_customer_import_get_separator   (AtelierCustomerImport  *self);
const char            *atelier_customer_import_get_encoding    (AtelierCustomerImport  *self);
guint                  atelier_customer_import_get_n_columns   (AtelierCustomerImport  *self);
const char            *atelier_customer_import_get_header      (AtelierCustomerImport  *self,
                                                                guint                   column);
guint                  atelier_customer_import_get_n_rows      (AtelierCustomerImport  *self);
guint                  atelier_customer_import_get_n_preview_rows (AtelierCustomerImport *self);
const char            *atelier_customer_import_get_value       (AtelierCustomerImport  *self,
                                                                guint                   row,
                                                                guint                   column);
guint                  atelier_customer_import_get_line        (AtelierCustomerImport  *self,
                                                                guint                   row);
AtelierImportField     atelier_customer_import_get_field       (AtelierCustomerImport  *self,
                                                                guint                   column);
void                   atelier_customer_import_set_field       (AtelierCustomerImport  *self,
                                                                guint                   column,
                                                                AtelierImportField      field);
void                   atelier_customer_import_set_consent_wording (AtelierCustomerImport *self,
                                                                const char             *wording);
gboolean               atelier_customer_import_run             (AtelierCustomerImport  *self,
                                                                AtelierStore           *store,
                                                                gboolean                dry_run,
                                                                AtelierImportReport   **report,
                                                                GError                **error);

G_END_DECLS
