/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-schema-private.h: the numbered migrations of the store's file */
#pragma once

/* The one rule by which a customer is recognised from an e-mail address
 * (?1): the same address, whatever its case, of a customer not erased;
 * the oldest when there are several. Import and sign-ups both use it. */
#define ATELIER_CUSTOMER_MATCH_EMAIL \
  " WHERE email = ?1 COLLATE NOCASE AND erased_at IS NULL ORDER BY id LIMIT 1"

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Marks a file as an Atelier store ("ATLR"), so that another program's
 * SQLite database is never mistaken for one. */
#define ATELIER_SCHEMA_APPLICATION_ID 0x41544c52

/* How the customer search index cuts and folds words (schema step 8);
 * the search cuts what was typed with the same tokenizer. */
#define ATELIER_SCHEMA_SEARCH_TOKENIZE "unicode61 remove_diacritics 2"

int      atelier_schema_latest_version (void);

/* Runs every step above the file's PRAGMA user_version, each in its own
 * BEGIN IMMEDIATE transaction that also sets the new version. */
gboolean atelier_schema_migrate        (sqlite3  *db,
                                        int       from_version,
                                        GError  **error);
gboolean atelier_schema_migrate_to     (sqlite3  *db,
                                        int       from_version,
                                        int       to_version,
                                        GError  **error);

/* A bulk writer's own linking of the customers it inserts to their tags,
 * instead of the insert trigger's (schema step 5): the first statement
 * before its inserts, the second after them, in one transaction. */
extern const char atelier_schema_defer_tag_links[];
extern const char atelier_schema_link_deferred_tags[];

/* The same for the search index (schema step 9): the first statement
 * before the inserts, the second after them and before any update. */
extern const char atelier_schema_defer_search[];
extern const char atelier_schema_index_deferred_search[];

G_END_DECLS
