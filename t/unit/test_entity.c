/* The field table and soi_entity_assign: the rules every codec shares. */
#include <apr_general.h>
#include <string.h>

#include "core/soi_entity.h"
#include "core/soi_time.h"
#include "tap.h"

static apr_pool_t *p;

static soi_error *assign(soi_entity *e, const char *name, soi_input_kind kind, const char *text)
{
    const soi_field *f = soi_field_find(name, strlen(name));
    return soi_entity_assign(e, f, kind, text, strlen(text), p);
}

static int status(soi_error *err)
{
    return err ? err->status : 0;
}

int main(void)
{
    soi_entity e;
    soi_error *err;
    char longer[600];

    apr_initialize();
    apr_pool_create(&p, NULL);

    /* The table: order, names, types. */
    static const char *const order[] = {"BlobId",    "BlobSize",  "Description",    "ExtraInfo",   "IsEncrypted",
                                        "IsZipped",  "MimeType",  "OriginalSize",   "CreatedDate", "UpdatedDate",
                                        "CreatedBy", "UpdatedBy", "ConceptualType", "TableRight",  "FieldProperties"};
    for (int i = 0; i < SOI_F_COUNT; i++)
        is_str(soi_fields[i].name, order[i], "field %d is %s", i, order[i]);
    ok(soi_field_find("blobid", 6) == &soi_fields[SOI_F_BLOBID], "lookup ignores case");
    ok(soi_field_find("DESCRIPTION", 11) == &soi_fields[SOI_F_DESCRIPTION], "upper case too");
    ok(soi_field_find("Descriptio", 10) == NULL, "prefixes are unknown");
    ok(soi_field_find("Colour", 6) == NULL, "unknown names are unknown");

    /* The writable names that messages list are the table's. */
    {
        char want[200] = "";
        int count = 0, total = 0;
        for (int i = 0; i < SOI_F_COUNT; i++)
            total += (soi_fields[i].flags & SOI_WRITABLE) != 0;
        for (int i = 0; i < SOI_F_COUNT; i++) {
            if (!(soi_fields[i].flags & SOI_WRITABLE))
                continue;
            if (count++)
                strcat(want, count == total ? " and " : ", ");
            strcat(want, soi_fields[i].name);
        }
        is_str(soi_field_writable_names(), want, "the writable properties, as messages name them");
    }

    /* Masks, derived independently from the flag names. */
    static const char *const names[] = {"Select", "Update", "Insert", "Delete", "Filtering"};
    for (int m = 0; m < 32; m++) {
        char want[80] = "";
        if (m == 31)
            strcpy(want, "FULL");
        else if (m == 0)
            strcpy(want, "None");
        for (int b = 0; m != 31 && b < 5; b++) {
            if (m & (1 << b)) {
                if (*want)
                    strcat(want, ", ");
                strcat(want, names[b]);
            }
        }
        is_str(soi_table_right_mask(m), want, "TableRight mask %d", m);
    }
    is_str(soi_table_right_mask(31 | 64), "FULL", "bits beyond Filtering are ignored");
    is_str(soi_field_right_mask(&soi_fields[SOI_F_DESCRIPTION], SOI_RIGHT_ALL), "Read, Write", "writable, may update");
    is_str(soi_field_right_mask(&soi_fields[SOI_F_DESCRIPTION], SOI_RIGHT_SELECT), "Read", "writable, read only");
    is_str(soi_field_right_mask(&soi_fields[SOI_F_BLOBID], SOI_RIGHT_ALL), "Read, UIHintReadOnly", "BlobId");
    is_str(soi_field_right_mask(&soi_fields[SOI_F_UPDATEDDATE], SOI_RIGHT_ALL), "Read, UIHintReadOnly",
           "server-set field");

    /* Defaults. */
    soi_entity_init_default(&e);
    ok(e.v[SOI_F_BLOBID].num == 0 && strcmp(e.v[SOI_F_MIMETYPE].str, "") == 0 && e.v[SOI_F_ISZIPPED].num == 0,
       "default entity: 0, \"\", false");
    ok(e.v[SOI_F_CREATEDDATE].num == SOI_TIME_MIN && e.v[SOI_F_CREATEDBY].assoc == NULL,
       "default entity: 0001-01-01 and null associates");

    /* Integers. */
    memset(&e, 0, sizeof(e));
    ok(!assign(&e, "BlobSize", SOI_IN_NUMBER, "442") && e.v[SOI_F_BLOBSIZE].num == 442, "size from a JSON number");
    is_int(status(assign(&e, "BlobSize", SOI_IN_NUMBER, "1")), 400, "a property given twice is refused");
    is_str(msg_of(assign(&e, "blobsize", SOI_IN_NUMBER, "1")), "BlobSize is given more than once.",
           "whatever the spelling, with the canonical name");
    is_int(status(assign(&e, "OriginalSize", SOI_IN_NUMBER, "-1")), 400, "negative size refused");
    is_int(status(assign(&e, "OriginalSize", SOI_IN_NUMBER, "2147483648")), 400, "size above int32 refused");
    is_int(status(assign(&e, "OriginalSize", SOI_IN_NUMBER, "1.5")), 400, "fraction refused");
    is_int(status(assign(&e, "OriginalSize", SOI_IN_NUMBER, "1e3")), 400, "exponent refused");
    is_int(status(assign(&e, "OriginalSize", SOI_IN_STRING, "12")), 400, "a string is the wrong type");
    err = assign(&e, "OriginalSize", SOI_IN_NULL, "null");
    is_str(err ? msg_of(err) : NULL, "OriginalSize must be an integer from 0 to 2147483647, not null.",
           "null for an integer is refused, naming the property");
    ok(!assign(&e, "OriginalSize", SOI_IN_TEXT, " 2147483647 ") && e.v[SOI_F_ORIGINALSIZE].num == 2147483647,
       "text form (XML, forms) with spaces");
    ok(!assign(&e, "BlobId", SOI_IN_NUMBER, "-5") && e.v[SOI_F_BLOBID].num == -5, "BlobId is any int32");

    /* Booleans. */
    ok(!assign(&e, "IsZipped", SOI_IN_BOOL, "true") && e.v[SOI_F_ISZIPPED].num == 1, "JSON true");
    ok(!assign(&e, "IsEncrypted", SOI_IN_TEXT, "False") && e.v[SOI_F_ISENCRYPTED].num == 0, "text False");
    memset(&e, 0, sizeof(e));
    is_int(status(assign(&e, "IsZipped", SOI_IN_NUMBER, "1")), 400, "1 is not a JSON boolean");
    is_int(status(assign(&e, "IsZipped", SOI_IN_TEXT, "yes")), 400, "yes is not a boolean");
    is_int(status(assign(&e, "IsZipped", SOI_IN_NULL, "null")), 400, "null is not a boolean");

    /* Strings. */
    memset(&e, 0, sizeof(e));
    memset(longer, 'x', 254);
    longer[254] = '\0';
    ok(!assign(&e, "Description", SOI_IN_STRING, longer) && e.v[SOI_F_DESCRIPTION].len == 254, "254 characters");
    longer[254] = 'x';
    longer[255] = '\0';
    err = assign(&e, "ExtraInfo", SOI_IN_STRING, longer);
    is_str(err ? msg_of(err) : NULL, "ExtraInfo has 255 characters; at most 254 are accepted.", "255 refused");
    {
        /* 254 two-byte characters are 508 bytes but 254 characters. */
        char wide[509];
        for (int i = 0; i < 254; i++)
            memcpy(wide + 2 * i, "\xc3\xa6", 2);
        wide[508] = '\0';
        ok(!assign(&e, "MimeType", SOI_IN_STRING, wide), "254 characters in 508 bytes are accepted");
    }
    is_int(status(assign(&e, "ConceptualType", SOI_IN_STRING, "\xc0\xaf")), 400, "overlong UTF-8 refused");
    ok(!(e.present & SOI_BIT(SOI_F_CONCEPTUALTYPE)), "a refused value leaves the field absent");
    {
        soi_entity z = {0};
        const soi_field *f = &soi_fields[SOI_F_CONCEPTUALTYPE];
        err = soi_entity_assign(&z, f, SOI_IN_STRING, "a\0b", 3, p);
        is_str(err ? msg_of(err) : NULL, "ConceptualType contains U+0000, which is not accepted in text.",
               "U+0000 refused, naming the field");
    }
    memset(&e, 0, sizeof(e));
    ok(!assign(&e, "Description", SOI_IN_NULL, "null") && (e.null & SOI_BIT(SOI_F_DESCRIPTION)),
       "null string is recorded as null");
    is_int(status(assign(&e, "ExtraInfo", SOI_IN_NUMBER, "5")), 400, "a number is not a string");

    /* Dates: checked, then ignored. */
    memset(&e, 0, sizeof(e));
    ok(!assign(&e, "CreatedDate", SOI_IN_STRING, "2020-03-20T02:49:50.7296616+01:00"), "date accepted");
    ok(!assign(&e, "UpdatedDate", SOI_IN_NULL, "null"), "null date accepted");
    is_int(status(assign(&e, "createddate", SOI_IN_STRING, "x")), 400, "but not twice");
    memset(&e, 0, sizeof(e));
    err = assign(&e, "CreatedDate", SOI_IN_STRING, "2020-02-30");
    ok(err && strstr(msg_of(err), "CreatedDate must be an ISO 8601 date-time"), "impossible date refused");
    is_int(status(assign(&e, "UpdatedDate", SOI_IN_NUMBER, "0")), 400, "number for date refused");

    /* Associates and response-only objects. */
    memset(&e, 0, sizeof(e));
    ok(!assign(&e, "CreatedBy", SOI_IN_OBJECT, ""), "Associate object accepted");
    ok(!assign(&e, "UpdatedBy", SOI_IN_NULL, "null"), "null associate accepted");
    ok(!assign(&e, "TableRight", SOI_IN_OBJECT, ""), "TableRight object accepted (ignored)");
    is_int(status(assign(&e, "FieldProperties", SOI_IN_STRING, "x")), 400, "FieldProperties must be an object");
    memset(&e, 0, sizeof(e));
    is_int(status(assign(&e, "CreatedBy", SOI_IN_ARRAY, "")), 400, "array for associate refused");

    /* PUT completion. */
    memset(&e, 0, sizeof(e));
    assign(&e, "Description", SOI_IN_STRING, "kept");
    assign(&e, "ExtraInfo", SOI_IN_NULL, "null");
    assign(&e, "CreatedDate", SOI_IN_STRING, "2020-01-01");
    soi_entity_fill_for_put(&e);
    is_str(e.v[SOI_F_DESCRIPTION].str, "kept", "given field kept");
    is_str(e.v[SOI_F_EXTRAINFO].str, "", "null string becomes \"\"");
    is_str(e.v[SOI_F_MIMETYPE].str, "", "absent string becomes \"\"");
    ok(e.v[SOI_F_BLOBSIZE].num == 0 && e.v[SOI_F_ISZIPPED].num == 0, "absent numbers and booleans become 0/false");
    ok(!(e.present & SOI_BIT(SOI_F_CREATEDDATE)), "server-set fields dropped");
    ok(e.v[SOI_F_BLOBID].num == 0, "absent BlobId is 0");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
