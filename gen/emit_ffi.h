/* Each binding's declarations of the C functions, from the one table of the
 * C API (api.h), and the outputs that check that table. */
#ifndef SSPR_GEN_EMIT_FFI_H
#define SSPR_GEN_EMIT_FFI_H

#include "model.h"

/* A C program redeclaring every function with the header included. */
int emit_c_api(const m_catalog *cat, const char *path);
/* "name SSPR_ERRORS_x.y" per function, for the version-script test. */
int emit_api_list(const m_catalog *cat, const char *path);
/* bindings/python/sspr_errors/_ffi.py: ctypes prototypes. */
int emit_python_ffi(const m_catalog *cat, const char *path);
/* bindings/rust/src/sys.rs: the extern block and the types it uses. */
int emit_rust_ffi(const m_catalog *cat, const char *path);
/* bindings/go/ffi.go: one cgo stub per function. */
int emit_go_ffi(const m_catalog *cat, const char *path);
/* bindings/csharp/src/Native.g.cs: the [DllImport] class. */
int emit_csharp_ffi(const m_catalog *cat, const char *path);
/* bindings/java/src/sspr/errors/NativeLib.java: the JNA interface. */
int emit_java_ffi(const m_catalog *cat, const char *path);

#endif
