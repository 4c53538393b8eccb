/* catalog/schema.json: the catalogue's JSON Schema (draft 2020-12), for
 * editors and independent validators, written from schema.def (through the
 * field tables of fields.c) so that it never drifts from what the generator
 * reads. The generator checks more than a JSON Schema can say (unique ids and
 * names, references that resolve, the rules tying fields together); the
 * schema says which keys exist, their types and their closed sets of names. */
#include "emit.h"
#include "fields.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *ref(const char *def)
{
    char path[64];
    snprintf(path, sizeof path, "#/$defs/%s", def);
    return json_pack("{s:s}", "$ref", path);
}

/* The schema of one value of type t. */
static json_t *type_schema(int t)
{
    switch (t) {
    case T_ID:
    case T_REF: return ref("id");
    case T_TEXT: return ref("text");
    case T_TITLE: {
        json_t *s = ref("text");
        json_object_set_new(s, "maxLength", json_integer(80));
        return s;
    }
    case T_FACTKEY: return ref("factKey");
    case T_KIND: return ref("kind");
    case T_SEVERITY: return ref("severity");
    case T_SOURCE: return ref("source");
    case T_AREA: return ref("area");
    case T_ORIGIN: return ref("origin");
    case T_CODE:
        return json_pack("{s:s, s:i, s:I}", "type", "integer", "minimum", 0, "maximum",
                         (json_int_t)4294967295LL);
    case T_ORDER:
        return json_pack("{s:s, s:i, s:i}", "type", "integer", "minimum", 1, "maximum", 99);
    case T_HRESULT: return ref("hresult");
    case T_NUMBER: return json_pack("{s:s}", "type", "number");
    case T_VALUE: return json_pack("{s:[{s:s}, o]}", "oneOf", "type", "number", ref("text"));
    case T_URL: return ref("url");
    case T_DATE: return ref("date");
    case T_MENTION: return ref("mention");
    case T_FACT: return ref("fact");
    case T_REFERENCE: return ref("reference");
    default: return ref("entry");
    }
}

static json_t *field_schema(const field *f)
{
    json_t *s = type_schema(f->type);
    if (f->shape == S_LIST)
        s = json_pack("{s:s, s:o}", "type", "array", "items", s);
    if (f->presence == P_NULLABLE)
        s = json_pack("{s:[o, {s:s}]}", "anyOf", s, "type", "null");
    json_object_set_new(s, "description", json_string(f->doc));
    return s;
}

/* An object of kind k: its properties, required keys, nothing else. */
static json_t *object_schema(const object_kind *k, const char *description)
{
    json_t *props = json_object(), *required = json_array();
    for (size_t i = 0; i < k->n; i++) {
        json_object_set_new(props, k->fields[i].key, field_schema(&k->fields[i]));
        if (k->fields[i].presence != P_OPTIONAL)
            json_array_append_new(required, json_string(k->fields[i].key));
    }
    return json_pack("{s:s, s:s, s:b, s:o, s:o}", "description", description, "type", "object",
                     "additionalProperties", 0, "required", required, "properties", props);
}

static json_t *names_enum(const sspr__name_set *set)
{
    json_t *v = json_array();
    for (unsigned i = 1; i <= set->count; i++)
        json_array_append_new(v, json_string(set->names[i]));
    return json_pack("{s:s, s:o}", "type", "string", "enum", v);
}

int emit_json_schema(const m_catalog *cat, const char *path)
{
    (void)cat; /* the schema is the same for every catalogue */
    json_t *defs = json_object();
    json_object_set_new(defs, "text",
                        json_pack("{s:s, s:s, s:i, s:s}", "description",
                                  "Non-empty text without control characters (tab excepted).",
                                  "type", "string", "minLength", 1, "pattern",
                                  "^[^\\u0000-\\u0008\\u000a-\\u001f\\u007f]+$"));
    json_object_set_new(defs, "id",
                        json_pack("{s:s, s:s, s:s}", "description",
                                  "Stable identifier: never renamed, never reused once released.",
                                  "type", "string", "pattern", "^[a-z0-9][a-z0-9-]{0,62}$"));
    json_object_set_new(
        defs, "factKey",
        json_pack("{s:s, s:s}", "type", "string", "pattern", "^[a-z][a-z0-9_]{0,62}$"));
    json_object_set_new(defs, "hresult",
                        json_pack("{s:s, s:s}", "type", "string", "pattern", "^0x[0-9A-Fa-f]{8}$"));
    json_object_set_new(defs, "url",
                        json_pack("{s:s, s:s}", "type", "string", "pattern", "^https://[^ \\t]+$"));
    json_object_set_new(defs, "date",
                        json_pack("{s:s, s:s}", "type", "string", "pattern",
                                  "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"));
    const struct {
        const char *name;
        const sspr__name_set *set;
    } sets[] = {{"kind", &sspr__kinds},
                {"severity", &sspr__severities},
                {"source", &sspr__sources},
                {"area", &sspr__areas},
                {"origin", &sspr__origins}};
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
        json_object_set_new(defs, sets[i].name, names_enum(sets[i].set));

    json_t *fact = object_schema(&fact_kind, "A number or literal value a source states: "
                                             "value (number or string), or min and max.");
    json_object_set_new(fact, "oneOf",
                        json_pack("[{s:[s], s:{s:[{s:[s]}, {s:[s]}]}}, {s:[s, s], s:{s:[s]}}]",
                                  "required", "value", "not", "anyOf", "required", "min",
                                  "required", "max", "required", "min", "max", "not", "required",
                                  "value"));
    json_object_set_new(defs, "fact", fact);
    json_t *mention = object_schema(&mention_kind, "A code or HRESULT an entry's text quotes.");
    json_object_set_new(
        mention, "anyOf",
        json_pack("[{s:[s]}, {s:[s, s]}]", "required", "hresult", "required", "source", "code"));
    json_object_set_new(defs, "mention", mention);
    json_object_set_new(defs, "reference",
                        object_schema(&reference_kind, "A page or post an entry comes from."));
    json_object_set_new(defs, "entry", object_schema(&entry_kind, "One catalogue entry."));

    json_t *root = object_schema(
        &file_kind, "One file of the catalogue. The catalogue is the set of files passed to the "
                    "generator (gen/sspr-gen); exactly one of them carries the catalogue version. "
                    "The generator enforces everything here and more (unique ids, names, keys; "
                    "references that resolve; the rules that tie fields together). Written from "
                    "src/common/schema.def by sspr-gen --emit json-schema: do not edit.");
    json_t *doc =
        json_pack("{s:s, s:s, s:s}", "$schema", "https://json-schema.org/draft/2020-12/schema",
                  "$id", "https://libsspr-errors.invalid/catalog/schema.json", "title",
                  "libsspr-errors catalogue file");
    json_object_update(doc, root);
    json_object_set_new(doc, "$defs", defs);
    json_decref(root);

    FILE *f = emit_open(path);
    int bad = !f;
    if (f) {
        char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
        bad = !text;
        if (text) {
            fputs(text, f);
            fputc('\n', f);
            free(text);
        }
        bad |= emit_close(f, path) != 0;
    }
    json_decref(doc);
    return bad ? -1 : 0;
}
