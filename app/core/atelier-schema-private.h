/* atelier-schema-private.h: the numbered migrations of the store's file */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Marks a file as an Atelier store ("ATLR"), so that another program's
 * SQLite database is never mistaken for one. */
#define ATELIER_SCHEMA_APPLICATION_ID 0x41544c52

int      atelier_schema_latest_version (void);

/* Runs every step above the file's PRAGMA user_version, each in its own
 * BEGIN IMMEDIATE transaction that also sets the new version. */
gboolean atelier_schema_migrate        (sqlite3  *db,
                                        int       from_version,
                                        GError  **error);

G_END_DECLS
