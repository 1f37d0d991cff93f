/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-store.h: one store's database: workshops, sessions, customers,
 * registrations */
#pragma once

#include <gio/gio.h>

#include "atelier-customer.h"
#include "atelier-registration.h"
#include "atelier-session.h"
#include "atelier-workshop.h"

G_BEGIN_DECLS

#define ATELIER_STORE_ERROR (atelier_store_error_quark ())

typedef enum
{
  ATELIER_STORE_ERROR_FAILED,
  ATELIER_STORE_ERROR_OPEN,       /* the file cannot be opened as a store */
  ATELIER_STORE_ERROR_TOO_NEW,    /* written by a newer Atelier */
  ATELIER_STORE_ERROR_NOT_FOUND,  /* no row with that id */
  ATELIER_STORE_ERROR_INVALID,    /* a value the store's rules refuse */
  ATELIER_STORE_ERROR_DUPLICATE,  /* the same thing twice where once is allowed */
  ATELIER_STORE_ERROR_IN_USE,     /* still referred to by other rows */
  ATELIER_STORE_ERROR_BUSY,       /* another process held the file too long */
  ATELIER_STORE_ERROR_NOT_EMPTY,  /* demo data asked for on a store in use */
  ATELIER_STORE_ERROR_DAMAGED,    /* the file is a store, but damaged: never written to */
  ATELIER_STORE_ERROR_EMPTY_FILE, /* an existing empty file: a store lost, or a new one? */
  ATELIER_STORE_ERROR_READ_ONLY,  /* a change asked of a store opened read-only */
  ATELIER_STORE_ERROR_OFFLINE,    /* the store's server cannot be reached */
} AtelierStoreError;

typedef enum
{
  ATELIER_STORE_OPEN_DEFAULT = 0,
  /* Make a new store in an existing empty file, once the user said so. */
  ATELIER_STORE_OPEN_INIT_EMPTY_FILE = 1 << 0,
  /* Never write, as when the file or its folder cannot be written. */
  ATELIER_STORE_OPEN_READ_ONLY = 1 << 1,
} AtelierStoreOpenFlags;

/* The schema version this build writes; see atelier-schema.c. */
int atelier_store_schema_version (void);

#define ATELIER_TYPE_STORE (atelier_store_get_type ())
G_DECLARE_FINAL_TYPE (AtelierStore, atelier_store, ATELIER, STORE, GObject)

GQuark               atelier_store_error_quark       (void);
char                *atelier_store_dup_default_path  (void);
AtelierStore        *atelier_store_open              (const char           *path,
                                                      GError              **error);
AtelierStore        *atelier_store_open_full         (const char           *path,
                                                      AtelierStoreOpenFlags flags,
                                                      GError              **error);
gboolean             atelier_store_location_is_server (const char          *location);
AtelierStore        *atelier_store_open_with_password (const char          *location,
                                                       AtelierStoreOpenFlags flags,
                                                       const char          *password,
                                                       GError             **error);
gboolean             atelier_store_is_read_only      (AtelierStore         *self);
gboolean             atelier_store_is_on_server      (AtelierStore         *self);
const char          *atelier_store_get_path          (AtelierStore         *self);
gboolean             atelier_store_is_empty          (AtelierStore         *self,
                                                      GError              **error);

gboolean             atelier_store_add_workshop      (AtelierStore         *self,
                                                      AtelierWorkshop      *workshop,
                                                      GError              **error);
AtelierWorkshop     *atelier_store_get_workshop      (AtelierStore         *self,
                                                      gint64                id,
                                                      GError              **error);
gboolean             atelier_store_update_workshop   (AtelierStore         *self,
                                                      AtelierWorkshop      *workshop,
                                                      GError              **error);
gboolean             atelier_store_delete_workshop   (AtelierStore         *self,
                                                      gint64                id,
                                                      GError              **error);
GListModel          *atelier_store_list_workshops    (AtelierStore         *self,
                                                      GError              **error);

gboolean             atelier_store_add_session       (AtelierStore         *self,
                                                      AtelierSession       *session,
                                                      GError              **error);
AtelierSession      *atelier_store_get_session       (AtelierStore         *self,
                                                      gint64                id,
                                                      GError              **error);
gboolean             atelier_store_update_session    (AtelierStore         *self,
                                                      AtelierSession       *session,
                                                      GError              **error);
gboolean             atelier_store_delete_session    (AtelierStore         *self,
                                                      gint64                id,
                                                      GError              **error);
GListModel          *atelier_store_list_sessions     (AtelierStore         *self,
                                                      GDateTime            *from,
                                                      GDateTime            *to,
                                                      GError              **error);

gboolean             atelier_store_add_customer      (AtelierStore         *self,
                                                      AtelierCustomer      *customer,
                                                      GError              **error);
AtelierCustomer     *atelier_store_get_customer      (AtelierStore         *self,
                                                      gint64                id,
                                                      GError              **error);
gboolean             atelier_store_update_customer   (AtelierStore         *self,
                                                      AtelierCustomer      *customer,
                                                      GError              **error);
gboolean             atelier_store_delete_customer   (AtelierStore         *self,
                                                      gint64                id,
                                                      GError              **error);
GListModel          *atelier_store_list_customers    (AtelierStore         *self,
                                                      GError              **error);

gboolean             atelier_store_add_registration    (AtelierStore         *self,
                                                        AtelierRegistration  *registration,
                                                        GError              **error);
AtelierRegistration *atelier_store_get_registration    (AtelierStore         *self,
                                                        gint64                id,
                                                        GError              **error);
gboolean             atelier_store_update_registration (AtelierStore         *self,
                                                        AtelierRegistration  *registration,
                                                        GError              **error);
gboolean             atelier_store_delete_registration (AtelierStore         *self,
                                                        gint64                id,
                                                        GError              **error);
GListModel          *atelier_store_list_registrations  (AtelierStore         *self,
                                                        gint64                session_id,
                                                        GError              **error);

G_END_DECLS
