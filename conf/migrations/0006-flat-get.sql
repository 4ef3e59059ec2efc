-- mod_soimageinfo schema migration 6: from version 5 to version 6.
-- GET ImageInfo costs PostgreSQL less: its function is one flat chain of
-- joins, where it had a lateral join of a second chain, and it checks a
-- ticket or an application through two PL/pgSQL helpers that run only when
-- the request has one, where it had two subqueries that the executor
-- started on every call. The picture's columns are one view that
-- soi_imageinfo_row and soi_imageinfo_get share, and soi_principal_rights
-- uses the same helpers. No table changes, and no function answers
-- otherwise. Run it as the schema's owner, after migration 5; running it
-- again changes nothing:
--     psql -v ON_ERROR_STOP=1 -d crm -f 0006-flat-get.sql

BEGIN;
SET LOCAL search_path = public;

-- Not before migration 5.
DO $$
BEGIN
    -- Two statements: PL/pgSQL plans the second only when it runs, and a
    -- version 1 schema has no soi_schema_version to plan it against.
    IF to_regclass('soi_schema_version') IS NOT NULL THEN
        IF (SELECT version FROM soi_schema_version) >= 5 THEN
            RETURN;
        END IF;
    END IF;
    RAISE EXCEPTION 'this database''s schema is older than version 5: run the migrations up to 0005 first';
END
$$;

CREATE OR REPLACE VIEW soi_imageinfo_picture AS
    SELECT b.binaryobject_id AS blob_id, b.blobsize, b.description::text AS description,
           b.extrainfo::text AS extrainfo, b.isencrypted, b.iszipped, b.mimetype::text AS mimetype, b.originalsize,
           floor(extract(epoch FROM b.registered) * 1000000)::bigint AS registered_us,
           floor(extract(epoch FROM b.updated) * 1000000)::bigint AS updated_us,
           b.conceptualtype::text AS conceptualtype, b.updatedcount, octet_length(b.binarydata) AS data_length,
           c.associate_id AS cb_associate_id, c.name AS cb_name, c.person_id AS cb_person_id, c.rank AS cb_rank,
           c.tooltip AS cb_tooltip, c.type AS cb_type, c.group_idx AS cb_group_idx, c.full_name AS cb_full_name,
           c.formal_name AS cb_formal_name, c.deleted AS cb_deleted, c.ejuser_id AS cb_ejuser_id,
           c.user_name AS cb_user_name,
           u.associate_id AS ub_associate_id, u.name AS ub_name, u.person_id AS ub_person_id, u.rank AS ub_rank,
           u.tooltip AS ub_tooltip, u.type AS ub_type, u.group_idx AS ub_group_idx, u.full_name AS ub_full_name,
           u.formal_name AS ub_formal_name, u.deleted AS ub_deleted, u.ejuser_id AS ub_ejuser_id,
           u.user_name AS ub_user_name
      FROM public.binaryobject b
      LEFT JOIN public.associate c ON c.associate_id = b.registered_associate_id
      LEFT JOIN public.associate u ON u.associate_id = b.updated_associate_id;

CREATE OR REPLACE FUNCTION soi_imageinfo_row(p_outcome soi_outcome, p_rights integer, p_blob_id integer)
RETURNS SETOF soi_imageinfo LANGUAGE sql STABLE AS $$
    SELECT p_outcome, p_rights, v.*
      FROM (VALUES (1)) AS one (x)
      LEFT JOIN public.soi_imageinfo_picture v ON v.blob_id = p_blob_id
$$;

CREATE OR REPLACE FUNCTION soi_ticket_live(p_ticket bigint, p_associate_id integer)
RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT FROM public.soi_ticket
                    WHERE ticket_id = p_ticket AND associate_id = p_associate_id AND NOT revoked
                      AND expires > now());
END
$$;

CREATE OR REPLACE FUNCTION soi_app_live(p_app integer)
RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT FROM public.soi_app WHERE app_id = p_app AND NOT revoked);
END
$$;

CREATE OR REPLACE FUNCTION soi_principal_rights(p_associate_id integer, p_version bigint, p_ticket bigint, p_app integer)
RETURNS integer LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_rights integer;
BEGIN
    SELECT blob_rights INTO v_rights FROM public.associate
     WHERE associate_id = p_associate_id AND cred_version = p_version AND deleted = 0;
    -- One condition without a subquery, so PL/pgSQL evaluates it as a
    -- simple expression, calling each helper only when there is something
    -- to check.
    IF v_rights IS NOT NULL AND ((p_ticket <> 0 AND NOT public.soi_ticket_live(p_ticket, p_associate_id))
                                 OR (p_app <> 0 AND NOT public.soi_app_live(p_app))) THEN
        v_rights := NULL;
    END IF;
    RETURN v_rights;
END
$$;

CREATE OR REPLACE FUNCTION soi_imageinfo_get(p_contact_id integer, p_associate_id integer, p_version bigint, p_ticket bigint,
                                  p_app integer)
RETURNS SETOF soi_imageinfo LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN a.blob_rights IS NULL THEN 'stale'
                WHEN a.blob_rights & public.soi_right_select() = 0 THEN 'forbidden'
                WHEN k.contact_id IS NULL THEN 'missing'
                ELSE 'done' END::public.soi_outcome,
           a.blob_rights, v.*
      FROM (VALUES (1)) AS one (x)
      LEFT JOIN public.associate a
             ON a.associate_id = p_associate_id AND a.cred_version = p_version AND a.deleted = 0
            AND (p_ticket = 0 OR public.soi_ticket_live(p_ticket, p_associate_id))
            AND (p_app = 0 OR public.soi_app_live(p_app))
      LEFT JOIN public.contact k
             ON a.blob_rights & public.soi_right_select() <> 0 AND k.contact_id = p_contact_id AND k.deleted = 0
      LEFT JOIN public.binaryobjectlink l
             ON l.ownertable = public.soi_owner_contact() AND l.ownerrecord = k.contact_id
            AND l.linktype = public.soi_link_contact_image()
      LEFT JOIN public.soi_imageinfo_picture v ON v.blob_id = l.binaryobject_id
$$;

UPDATE soi_schema_version SET version = 6 WHERE version < 6;

COMMIT;
