/* The C API's functions as data: one table naming every public function with
 * its return type, its parameters and the version node of
 * src/lib/libsspr-errors.map that exports it, plus the callback types and the
 * structures the functions pass by value. The binding emitters (emit_ffi.c)
 * write each language's foreign-function declarations from it, so adding a C
 * function means adding one row here and regenerating.
 *
 * The table is checked against the library twice (tests/bindings): the c-api
 * output redeclares every function with the header included, so a type that
 * differs from the header's is a compile error, and links them all; api-list
 * is compared with the version script. */
#ifndef SSPR_GEN_API_H
#define SSPR_GEN_API_H

#include <stddef.h>

/* The types that cross the API, by meaning rather than by C spelling: a
 * binding maps a returned string (static, never freed) differently from one
 * it passes in, and an entry handle differently from a fact handle. */
typedef enum {
    A_VOID,
    A_STR,        /* const char *: UTF-8 text in, or static text out (may be NULL) */
    A_SIZE,       /* size_t */
    A_INT,        /* int */
    A_UINT,       /* unsigned */
    A_U32,        /* uint32_t */
    A_I64,        /* int64_t */
    A_U64,        /* uint64_t */
    A_DOUBLE,     /* double */
    A_KIND,       /* sspr_kind */
    A_SEVERITY,   /* sspr_severity */
    A_CONFIDENCE, /* sspr_confidence */
    A_FIELD,      /* sspr_record_field */
    A_ENTRY,      /* const sspr_entry * */
    A_FACT,       /* const sspr_fact * */
    A_REF,        /* const sspr_ref * */
    A_RECORD,     /* const sspr_record * (valid during a callback only) */
    A_ENTRY_OUT,  /* const sspr_entry **: an array the caller provides */
    A_HIT_OUT,    /* sspr_hit *: an array the caller provides */
    A_RESULT_OUT, /* sspr_result *: an array the caller provides */
    A_STR_OUT,    /* const char **: one value written back */
    A_I64_OUT,    /* int64_t * */
    A_U32_OUT,    /* uint32_t * */
    A_SCANNER,    /* sspr_scanner *: SSPR_SCANNER_SIZE bytes the caller provides */
    A_SCAN_FN,    /* sspr_scan_fn */
    A_RECORD_FN,  /* sspr_record_fn */
    A_READ_FN,    /* sspr_read_fn */
    A_CTX,        /* void *: the caller's context, handed back to a callback */
    A_BYTES,      /* const void *: input bytes */
    A_BUFFER,     /* void *: bytes a callback writes */
    A_STATS,      /* sspr_evtx_stats * */
    A_TYPES
} api_type;

enum { API_MAX_PARAMS = 6 };

typedef struct {
    api_type type;
    const char *name;
} api_param;

/* A function, or a callback type (since is then NULL). params ends at the
 * first member whose name is NULL. */
typedef struct {
    const char *name;
    const char *since; /* version node without the prefix: "1.0", "1.1" */
    api_type ret;
    api_param params[API_MAX_PARAMS + 1];
} api_function;

/* A structure passed by value in arrays (sspr_hit, sspr_result). */
typedef struct {
    const char *name;
    api_param fields[4];
} api_struct;

extern const api_function api_functions[];
extern const size_t api_function_count;
extern const api_function api_callbacks[]; /* sspr_scan_fn, sspr_record_fn, sspr_read_fn */
extern const size_t api_callback_count;
extern const api_struct api_structs[];
extern const size_t api_struct_count;

/* SSPR_SCANNER_SIZE: the header states it; c-api checks it. */
enum { API_SCANNER_SIZE = 8192 };

/* The C spelling of a type, e.g. "const sspr_entry **". */
const char *api_c_type(api_type t);

/* The callback that type t is (A_SCAN_FN, ...), or NULL. */
const api_function *api_callback_of(api_type t);

#endif
