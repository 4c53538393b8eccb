/* The C API as a table (see api.h). Order: the header's. */
#include "api.h"

const api_function api_functions[] = {
    /* Version */
    {"sspr_version", "1.0", A_STR, {{0}}},
    {"sspr_catalog_version", "1.0", A_STR, {{0}}},
    /* Types */
    {"sspr_kind_name", "1.0", A_STR, {{A_KIND, "kind"}}},
    {"sspr_severity_name", "1.0", A_STR, {{A_SEVERITY, "severity"}}},
    /* The catalogue */
    {"sspr_count", "1.0", A_SIZE, {{0}}},
    {"sspr_at", "1.0", A_ENTRY, {{A_SIZE, "i"}}},
    {"sspr_by_id", "1.0", A_ENTRY, {{A_STR, "id"}}},
    {"sspr_by_name", "1.0", A_ENTRY, {{A_STR, "name"}}},
    {"sspr_by_code",
     "1.0",
     A_SIZE,
     {{A_STR, "source"}, {A_U32, "code"}, {A_ENTRY_OUT, "out"}, {A_SIZE, "cap"}}},
    {"sspr_by_hresult", "1.0", A_SIZE, {{A_U32, "hresult"}, {A_ENTRY_OUT, "out"}, {A_SIZE, "cap"}}},
    {"sspr_lookup", "1.0", A_SIZE, {{A_STR, "query"}, {A_ENTRY_OUT, "out"}, {A_SIZE, "cap"}}},
    /* Entry accessors */
    {"sspr_entry_id", "1.0", A_STR, {{A_ENTRY, "e"}}},
    {"sspr_entry_kind", "1.0", A_KIND, {{A_ENTRY, "e"}}},
    {"sspr_entry_source", "1.0", A_STR, {{A_ENTRY, "e"}}},
    {"sspr_entry_code", "1.0", A_I64, {{A_ENTRY, "e"}}},
    {"sspr_entry_name", "1.0", A_STR, {{A_ENTRY, "e"}}},
    {"sspr_entry_title", "1.0", A_STR, {{A_ENTRY, "e"}}},
    {"sspr_entry_summary", "1.0", A_STR, {{A_ENTRY, "e"}}},
    {"sspr_entry_severity", "1.0", A_SEVERITY, {{A_ENTRY, "e"}}},
    {"sspr_entry_area", "1.0", A_STR, {{A_ENTRY, "e"}}},
    {"sspr_entry_section", "1.0", A_STR, {{A_ENTRY, "e"}}},
    {"sspr_entry_origin", "1.0", A_STR, {{A_ENTRY, "e"}}},
    {"sspr_entry_order", "1.0", A_INT, {{A_ENTRY, "e"}}},
    {"sspr_entry_alias_count", "1.0", A_SIZE, {{A_ENTRY, "e"}}},
    {"sspr_entry_alias", "1.0", A_STR, {{A_ENTRY, "e"}, {A_SIZE, "i"}}},
    {"sspr_entry_hresult_count", "1.0", A_SIZE, {{A_ENTRY, "e"}}},
    {"sspr_entry_hresult", "1.0", A_U32, {{A_ENTRY, "e"}, {A_SIZE, "i"}}},
    {"sspr_entry_message_count", "1.0", A_SIZE, {{A_ENTRY, "e"}}},
    {"sspr_entry_message", "1.0", A_STR, {{A_ENTRY, "e"}, {A_SIZE, "i"}}},
    {"sspr_entry_cause_count", "1.0", A_SIZE, {{A_ENTRY, "e"}}},
    {"sspr_entry_cause", "1.0", A_STR, {{A_ENTRY, "e"}, {A_SIZE, "i"}}},
    {"sspr_entry_step_count", "1.0", A_SIZE, {{A_ENTRY, "e"}}},
    {"sspr_entry_step", "1.0", A_STR, {{A_ENTRY, "e"}, {A_SIZE, "i"}}},
    {"sspr_entry_procedure_count", "1.0", A_SIZE, {{A_ENTRY, "e"}}},
    {"sspr_entry_procedure", "1.0", A_ENTRY, {{A_ENTRY, "e"}, {A_SIZE, "i"}}},
    {"sspr_entry_related_count", "1.0", A_SIZE, {{A_ENTRY, "e"}}},
    {"sspr_entry_related", "1.0", A_ENTRY, {{A_ENTRY, "e"}, {A_SIZE, "i"}}},
    {"sspr_entry_mention_count", "1.0", A_SIZE, {{A_ENTRY, "e"}}},
    {"sspr_entry_mention",
     "1.0",
     A_INT,
     {{A_ENTRY, "e"},
      {A_SIZE, "i"},
      {A_STR_OUT, "source"},
      {A_I64_OUT, "code"},
      {A_U32_OUT, "hresult"}}},
    {"sspr_entry_fact_count", "1.0", A_SIZE, {{A_ENTRY, "e"}}},
    {"sspr_entry_fact", "1.0", A_FACT, {{A_ENTRY, "e"}, {A_SIZE, "i"}}},
    {"sspr_entry_fact_by_key", "1.0", A_FACT, {{A_ENTRY, "e"}, {A_STR, "key"}}},
    /* Fact accessors */
    {"sspr_fact_key", "1.0", A_STR, {{A_FACT, "f"}}},
    {"sspr_fact_text", "1.0", A_STR, {{A_FACT, "f"}}},
    {"sspr_fact_unit", "1.0", A_STR, {{A_FACT, "f"}}},
    {"sspr_fact_is_number", "1.0", A_INT, {{A_FACT, "f"}}},
    {"sspr_fact_min", "1.0", A_DOUBLE, {{A_FACT, "f"}}},
    {"sspr_fact_max", "1.0", A_DOUBLE, {{A_FACT, "f"}}},
    {"sspr_fact_string", "1.0", A_STR, {{A_FACT, "f"}}},
    {"sspr_fact_origin", "1.0", A_STR, {{A_FACT, "f"}}},
    {"sspr_fact_supersedes", "1.0", A_FACT, {{A_FACT, "f"}}},
    {"sspr_fact_url", "1.1", A_STR, {{A_FACT, "f"}}},
    {"sspr_fact_date", "1.1", A_STR, {{A_FACT, "f"}}},
    /* References */
    {"sspr_entry_ref_count", "1.1", A_SIZE, {{A_ENTRY, "e"}}},
    {"sspr_entry_ref", "1.1", A_REF, {{A_ENTRY, "e"}, {A_SIZE, "i"}}},
    {"sspr_ref_url", "1.1", A_STR, {{A_REF, "r"}}},
    {"sspr_ref_date", "1.1", A_STR, {{A_REF, "r"}}},
    {"sspr_ref_title", "1.1", A_STR, {{A_REF, "r"}}},
    /* HRESULT decoding */
    {"sspr_hresult_parse", "1.0", A_INT, {{A_STR, "text"}, {A_U32_OUT, "hresult"}}},
    {"sspr_hresult_severity", "1.0", A_UINT, {{A_U32, "hresult"}}},
    {"sspr_hresult_facility", "1.0", A_UINT, {{A_U32, "hresult"}}},
    {"sspr_hresult_code", "1.0", A_UINT, {{A_U32, "hresult"}}},
    {"sspr_hresult_from_win32", "1.0", A_U32, {{A_U32, "error"}}},
    {"sspr_facility_name", "1.0", A_STR, {{A_UINT, "facility"}}},
    {"sspr_win32_error_name", "1.0", A_STR, {{A_U32, "code"}}},
    {"sspr_win32_error_message", "1.0", A_STR, {{A_U32, "code"}}},
    /* Search */
    {"sspr_search", "1.0", A_SIZE, {{A_STR, "text"}, {A_HIT_OUT, "out"}, {A_SIZE, "cap"}}},
    /* Confidence */
    {"sspr_confidence_name", "1.1", A_STR, {{A_CONFIDENCE, "c"}}},
    {"sspr_lookup_results",
     "1.1",
     A_SIZE,
     {{A_STR, "query"}, {A_RESULT_OUT, "out"}, {A_SIZE, "cap"}}},
    {"sspr_search_results",
     "1.1",
     A_SIZE,
     {{A_STR, "text"}, {A_RESULT_OUT, "out"}, {A_SIZE, "cap"}}},
    {"sspr_confidence_of", "1.1", A_CONFIDENCE, {{A_ENTRY, "e"}, {A_STR, "text"}, {A_SIZE, "len"}}},
    /* Scanning */
    {"sspr_scan_init",
     "1.0",
     A_VOID,
     {{A_SCANNER, "scanner"}, {A_SCAN_FN, "on_match"}, {A_CTX, "ctx"}}},
    {"sspr_scan_feed", "1.0", A_VOID, {{A_SCANNER, "scanner"}, {A_BYTES, "data"}, {A_SIZE, "len"}}},
    {"sspr_scan_finish", "1.0", A_VOID, {{A_SCANNER, "scanner"}}},
    /* Records */
    {"sspr_record_text", "1.1", A_STR, {{A_RECORD, "r"}, {A_FIELD, "field"}}},
    {"sspr_record_number", "1.1", A_I64, {{A_RECORD, "r"}, {A_FIELD, "field"}}},
    {"sspr_record_line", "1.1", A_U64, {{A_RECORD, "r"}}},
    {"sspr_record_hresult_count", "1.1", A_SIZE, {{A_RECORD, "r"}}},
    {"sspr_record_hresult", "1.1", A_U32, {{A_RECORD, "r"}, {A_SIZE, "i"}}},
    {"sspr_record_entry_count", "1.1", A_SIZE, {{A_RECORD, "r"}}},
    {"sspr_record_entry", "1.1", A_ENTRY, {{A_RECORD, "r"}, {A_SIZE, "i"}}},
    {"sspr_record_confidence", "1.1", A_CONFIDENCE, {{A_RECORD, "r"}, {A_SIZE, "i"}}},
    {"sspr_record_last_line", "1.1", A_U64, {{A_RECORD, "r"}}},
    {"sspr_scan_init_records",
     "1.1",
     A_VOID,
     {{A_SCANNER, "scanner"}, {A_RECORD_FN, "on_record"}, {A_CTX, "ctx"}}},
    /* Binary .evtx */
    {"sspr_evtx_is", "1.1", A_INT, {{A_BYTES, "data"}, {A_SIZE, "len"}}},
    {"sspr_scan_evtx",
     "1.1",
     A_INT,
     {{A_SCANNER, "scanner"},
      {A_BYTES, "data"},
      {A_SIZE, "len"},
      {A_READ_FN, "read"},
      {A_CTX, "read_ctx"},
      {A_STATS, "stats"}}},
};
const size_t api_function_count = sizeof api_functions / sizeof *api_functions;

const api_function api_callbacks[] = {
    {"sspr_scan_fn", NULL, A_VOID, {{A_CTX, "ctx"}, {A_ENTRY, "entry"}, {A_U64, "line"}}},
    {"sspr_record_fn", NULL, A_VOID, {{A_CTX, "ctx"}, {A_RECORD, "record"}}},
    {"sspr_read_fn", NULL, A_I64, {{A_CTX, "ctx"}, {A_BUFFER, "buf"}, {A_SIZE, "len"}}},
};
const size_t api_callback_count = sizeof api_callbacks / sizeof *api_callbacks;

const api_struct api_structs[] = {
    {"sspr_hit", {{A_ENTRY, "entry"}, {A_DOUBLE, "score"}}},
    {"sspr_result", {{A_ENTRY, "entry"}, {A_DOUBLE, "score"}, {A_CONFIDENCE, "confidence"}}},
};
const size_t api_struct_count = sizeof api_structs / sizeof *api_structs;

const char *api_c_type(api_type t)
{
    static const char *const names[A_TYPES] = {
        [A_VOID] = "void",
        [A_STR] = "const char *",
        [A_SIZE] = "size_t",
        [A_INT] = "int",
        [A_UINT] = "unsigned",
        [A_U32] = "uint32_t",
        [A_I64] = "int64_t",
        [A_U64] = "uint64_t",
        [A_DOUBLE] = "double",
        [A_KIND] = "sspr_kind",
        [A_SEVERITY] = "sspr_severity",
        [A_CONFIDENCE] = "sspr_confidence",
        [A_FIELD] = "sspr_record_field",
        [A_ENTRY] = "const sspr_entry *",
        [A_FACT] = "const sspr_fact *",
        [A_REF] = "const sspr_ref *",
        [A_RECORD] = "const sspr_record *",
        [A_ENTRY_OUT] = "const sspr_entry **",
        [A_HIT_OUT] = "sspr_hit *",
        [A_RESULT_OUT] = "sspr_result *",
        [A_STR_OUT] = "const char **",
        [A_I64_OUT] = "int64_t *",
        [A_U32_OUT] = "uint32_t *",
        [A_SCANNER] = "sspr_scanner *",
        [A_SCAN_FN] = "sspr_scan_fn",
        [A_RECORD_FN] = "sspr_record_fn",
        [A_READ_FN] = "sspr_read_fn",
        [A_CTX] = "void *",
        [A_BYTES] = "const void *",
        [A_BUFFER] = "void *",
        [A_STATS] = "sspr_evtx_stats *",
    };
    return t < A_TYPES ? names[t] : "?";
}

const api_function *api_callback_of(api_type t)
{
    switch (t) {
    case A_SCAN_FN: return &api_callbacks[0];
    case A_RECORD_FN: return &api_callbacks[1];
    case A_READ_FN: return &api_callbacks[2];
    default: return NULL;
    }
}
