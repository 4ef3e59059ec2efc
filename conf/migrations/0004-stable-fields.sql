-- mod_soimageinfo schema migration 4: from version 3 to version 4.
-- soi_writable_fields, which every write calls for its audit row, is
-- declared STABLE, as the jsonb_build_object in it is. Declared IMMUTABLE,
-- PostgreSQL could not inline it (a function's body may not be less
-- immutable than the function) and ran it as a function of its own, its
-- body parsed again on every call: about 30 % of what a PUT costs
-- PostgreSQL. No table changes, and no function answers otherwise.
-- Run it as the schema's owner, after migration 3; running it again
-- changes nothing:
--     psql -v ON_ERROR_STOP=1 -d crm -f 0004-stable-fields.sql

BEGIN;
SET LOCAL search_path = public;

-- Not before migration 3.
DO $$
BEGIN
    -- Two statements: PL/pgSQL plans the second only when it runs, and a
    -- version 1 schema has no soi_schema_version to plan it against.
    IF to_regclass('soi_schema_version') IS NOT NULL THEN
        IF (SELECT version FROM soi_schema_version) >= 3 THEN
            RETURN;
        END IF;
    END IF;
    RAISE EXCEPTION 'this database''s schema is older than version 3: run the migrations up to 0003 first';
END
$$;

ALTER FUNCTION soi_writable_fields(integer, text, text, boolean, boolean, text, integer, text) STABLE;

UPDATE soi_schema_version SET version = 4 WHERE version < 4;

COMMIT;
