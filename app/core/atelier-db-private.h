/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-db-private.h: what an engine implements behind atelier-db.h
 *
 * Only the engines (atelier-db-sqlite.c, atelier-db-pg.c) and
 * atelier-db.c include this. An engine embeds AtelierDb first in its own
 * connection struct and AtelierDbStmt first in its statement struct.
 */
#pragma once

#include "atelier-db.h"

G_BEGIN_DECLS

typedef struct
{
  AtelierDbKind   kind;

  void           (*close)            (AtelierDb      *db);
  /* A new statement; atelier-db.c caches it by its SQL text. */
  AtelierDbStmt *(*prepare)          (AtelierDb      *db,
                                      const char     *sql,
                                      GError        **error);
  void           (*stmt_free)        (AtelierDbStmt  *stmt);
  gboolean       (*exec)             (AtelierDb      *db,
                                      const char     *sql,
                                      GError        **error);
  gboolean       (*begin)            (AtelierDb      *db,
                                      GError        **error);
  gboolean       (*in_transaction)   (AtelierDb      *db);
  gint64         (*changes)          (AtelierDb      *db);
  guint          (*set_busy_timeout) (AtelierDb      *db,
                                      guint           milliseconds);

  void           (*bind_int64)       (AtelierDbStmt  *stmt,
                                      int             index,
                                      gint64          value);
  void           (*bind_double)      (AtelierDbStmt  *stmt,
                                      int             index,
                                      double          value);
  void           (*bind_text)        (AtelierDbStmt  *stmt,
                                      int             index,
                                      const char     *value);
  void           (*bind_null)        (AtelierDbStmt  *stmt,
                                      int             index);
  void           (*bind_blob)        (AtelierDbStmt  *stmt,
                                      int             index,
                                      GBytes         *value);
  AtelierDbStep  (*step)             (AtelierDbStmt  *stmt,
                                      GError        **error);
  /* Ends reading and clears the bindings. */
  void           (*reset)            (AtelierDbStmt  *stmt);
  int            (*column_count)     (AtelierDbStmt  *stmt);
  const char    *(*column_name)      (AtelierDbStmt  *stmt,
                                      int             column);
  gboolean       (*column_is_null)   (AtelierDbStmt  *stmt,
                                      int             column);
  gint64         (*column_int64)     (AtelierDbStmt  *stmt,
                                      int             column);
  double         (*column_double)    (AtelierDbStmt  *stmt,
                                      int             column);
  const char    *(*column_text)      (AtelierDbStmt  *stmt,
                                      int             column);
  GBytes        *(*column_blob)      (AtelierDbStmt  *stmt,
                                      int             column);
} AtelierDbEngineClass;

struct _AtelierDb
{
  const AtelierDbEngineClass *klass;
  GHashTable                 *statements;  /* SQL text -> AtelierDbStmt */
};

struct _AtelierDbStmt
{
  AtelierDb *db;
};

/* Called by an engine once its connection is made. */
void atelier_db_init (AtelierDb                  *db,
                      const AtelierDbEngineClass *klass);

G_END_DECLS
