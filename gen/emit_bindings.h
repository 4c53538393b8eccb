/* Language bindings: the constants each binding ships (event codes per source,
 * HRESULTs, entry ids), rendered from the catalogue. Lookups themselves stay in
 * the C library; these files only name numbers. */
#ifndef SSPR_GEN_EMIT_BINDINGS_H
#define SSPR_GEN_EMIT_BINDINGS_H

#include "model.h"

/* bindings/python/sspr_errors/_codes.py: one enum.IntEnum per event source. */
int emit_python_codes(const m_catalog *cat, const char *path);
/* bindings/rust/src/codes.rs: one newtype with associated consts per event source. */
int emit_rust_codes(const m_catalog *cat, const char *path);

/* bindings/go/codes.go: one uint32 type with constants per event source. */
int emit_go_codes(const m_catalog *cat, const char *path);
/* bindings/csharp/src/Codes.g.cs: one enum per event source. */
int emit_csharp_codes(const m_catalog *cat, const char *path);
/* bindings/java/src/sspr/errors/Codes.java: one class of int constants per source. */
int emit_java_codes(const m_catalog *cat, const char *path);

#endif
