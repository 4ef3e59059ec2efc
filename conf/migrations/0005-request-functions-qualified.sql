-- mod_soimageinfo schema migration 5: from version 4 to version 5.
-- The PL/pgSQL functions that serve requests (PUT ImageInfo, the first
-- half of a read-modify-write, GET, PUT and DELETE Image) no longer set
-- their own search_path: they name every table, type and function with its
-- schema, as GET ImageInfo and the helpers have since migration 3. PostgreSQL 15
-- switches a function's own setting in and out on every call, and looks
-- every name up again after the switch: about a fifth of what a PUT costs
-- it with one client. No table changes, and no function answers otherwise.
-- Run it as the schema's owner, after migration 4; running it again
-- changes nothing:
--     psql -v ON_ERROR_STOP=1 -d crm -f 0005-request-functions-qualified.sql

BEGIN;
SET LOCAL search_path = public;

-- Not before migration 4.
DO $$
BEGIN
    -- Two statements: PL/pgSQL plans the second only when it runs, and a
    -- version 1 schema has no soi_schema_version to plan it against.
    IF to_regclass('soi_schema_version') IS NOT NULL THEN
        IF (SELECT version FROM soi_schema_version) >= 4 THEN
            RETURN;
        END IF;
    END IF;
    RAISE EXCEPTION 'this database''s schema is older than version 4: run the migrations up to 0004 first';
END
$$;

-- The first half of a read-modify-write (PATCH, a patch body on PUT, a
-- conditional PUT): inside the caller's transaction, locks the contact row
-- as soi_imageinfo_put does and returns the picture as it stands. The caller
-- then calls soi_imageinfo_put in the same transaction, or rolls back.
CREATE OR REPLACE FUNCTION soi_imageinfo_lock(p_contact_id integer, p_associate_id integer, p_version bigint,
                                              p_ticket bigint, p_app integer)
RETURNS SETOF soi_imageinfo LANGUAGE plpgsql AS $$
DECLARE
    v_rights integer := public.soi_principal_rights(p_associate_id, p_version, p_ticket, p_app);
    v_live   boolean;
    v_blob   integer;
BEGIN
    IF v_rights IS NULL THEN
        RETURN QUERY SELECT * FROM public.soi_imageinfo_row('stale', NULL, NULL);
        RETURN;
    END IF;
    SELECT live, picture INTO v_live, v_blob FROM public.soi_contact_locked(p_contact_id);
    RETURN QUERY SELECT * FROM public.soi_imageinfo_row(
                            CASE WHEN v_live THEN 'done' ELSE 'missing' END::public.soi_outcome, v_rights, v_blob);
END
$$;

-- PUT ImageInfo: replaces the writable fields of the contact's picture, or
-- creates the picture and its link, and records the change in soi_audit.
-- Runs as one transaction (autocommit) or inside the caller's. Times are
-- taken when the row is written, after any wait for the lock, so that each
-- write's UpdatedDate is later than the last.
CREATE OR REPLACE FUNCTION soi_imageinfo_put(
    p_contact_id integer, p_associate_id integer, p_version bigint, p_ticket bigint, p_app integer,
    p_blob_id integer, p_blobsize integer, p_description text, p_extrainfo text, p_isencrypted boolean,
    p_iszipped boolean, p_mimetype text, p_originalsize integer, p_conceptualtype text)
RETURNS SETOF soi_imageinfo LANGUAGE plpgsql AS $$
DECLARE
    v_rights integer := public.soi_principal_rights(p_associate_id, p_version, p_ticket, p_app);
    v_blob   integer;
    v_now    timestamptz;
    v_before jsonb;
    v_length integer;
    v_after  jsonb := public.soi_writable_fields(p_blobsize, p_description, p_extrainfo, p_isencrypted,
                                                 p_iszipped, p_mimetype, p_originalsize, p_conceptualtype);
BEGIN
    IF v_rights IS NULL THEN
        RETURN QUERY SELECT * FROM public.soi_imageinfo_row('stale', NULL, NULL);
        RETURN;
    END IF;
    -- The lock of soi_contact_locked, then the picture with its fields as
    -- they were (for the audit; the row is locked through its contact) in
    -- one statement of its own: a fresh snapshot, so the picture a writer
    -- before this one created is seen.
    PERFORM 1 FROM public.contact WHERE contact_id = p_contact_id AND deleted = 0 FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT * FROM public.soi_imageinfo_row('missing', v_rights, NULL);
        RETURN;
    END IF;
    SELECT b.binaryobject_id,
           public.soi_writable_fields(b.blobsize, b.description, b.extrainfo, b.isencrypted, b.iszipped,
                                      b.mimetype, b.originalsize, b.conceptualtype),
           octet_length(b.binarydata)
      INTO v_blob, v_before, v_length
      FROM public.binaryobjectlink l JOIN public.binaryobject b USING (binaryobject_id)
     WHERE l.ownertable = public.soi_owner_contact() AND l.ownerrecord = p_contact_id
       AND l.linktype = public.soi_link_contact_image();
    v_now := clock_timestamp();

    IF v_blob IS NULL THEN
        IF v_rights & public.soi_right_insert() = 0 THEN
            RETURN QUERY SELECT * FROM public.soi_imageinfo_row('forbidden', v_rights, NULL);
        ELSIF p_blob_id <> 0 THEN
            RETURN QUERY SELECT * FROM public.soi_imageinfo_row('conflict', v_rights, NULL);
        ELSE
            INSERT INTO public.binaryobject (conceptualtype, mimetype, description, extrainfo, originalsize,
                                             blobsize, iszipped, isencrypted, registered, registered_associate_id,
                                             updated, updated_associate_id)
            VALUES (p_conceptualtype, p_mimetype, p_description, p_extrainfo, p_originalsize, p_blobsize,
                    p_iszipped, p_isencrypted, v_now, p_associate_id, v_now, p_associate_id)
            RETURNING binaryobject_id INTO v_blob;
            INSERT INTO public.binaryobjectlink (binaryobject_id, ownertable, ownerrecord, linktype, rank,
                                                 registered, registered_associate_id, updated, updated_associate_id)
            VALUES (v_blob, public.soi_owner_contact(), p_contact_id, public.soi_link_contact_image(), 1, v_now,
                    p_associate_id, v_now, p_associate_id);
            PERFORM public.soi_audit_write(v_now, p_associate_id, p_app, p_contact_id, v_blob, 'create', NULL,
                                           v_after);
            RETURN QUERY SELECT * FROM public.soi_imageinfo_row('created', v_rights, v_blob);
        END IF;
        RETURN;
    END IF;

    IF v_rights & public.soi_right_update() = 0 THEN
        RETURN QUERY SELECT * FROM public.soi_imageinfo_row('forbidden', v_rights, v_blob);
    ELSIF p_blob_id <> 0 AND p_blob_id <> v_blob THEN
        RETURN QUERY SELECT * FROM public.soi_imageinfo_row('conflict', v_rights, v_blob);
    ELSE
        -- Once the picture has bytes, BlobSize says how many.
        IF v_length IS NOT NULL AND v_length <> p_blobsize THEN
            RETURN QUERY SELECT * FROM public.soi_imageinfo_row('mismatch', v_rights, v_blob);
            RETURN;
        END IF;
        -- The update and its audit row in one statement.
        WITH u AS (
            UPDATE public.binaryobject
               SET conceptualtype = p_conceptualtype, mimetype = p_mimetype, description = p_description,
                   extrainfo = p_extrainfo, originalsize = p_originalsize, blobsize = p_blobsize,
                   iszipped = p_iszipped, isencrypted = p_isencrypted, updated = v_now,
                   updated_associate_id = p_associate_id, updatedcount = updatedcount + 1
             WHERE binaryobject_id = v_blob
            RETURNING binaryobject_id)
        INSERT INTO public.soi_audit (at, associate_id, app_name, contact_id, blob_id, action, before, after)
        SELECT v_now, p_associate_id, (SELECT name FROM public.soi_app WHERE app_id = p_app), p_contact_id,
               u.binaryobject_id, 'update', v_before, v_after
          FROM u;
        RETURN QUERY SELECT * FROM public.soi_imageinfo_row('done', v_rights, v_blob);
    END IF;
END
$$;

-- GET Image: the bytes of the contact's picture (data NULL when it has none).
CREATE OR REPLACE FUNCTION soi_image_get(p_contact_id integer, p_associate_id integer, p_version bigint,
                                         p_ticket bigint, p_app integer)
RETURNS SETOF soi_image LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_rights integer := public.soi_principal_rights(p_associate_id, p_version, p_ticket, p_app);
BEGIN
    IF v_rights IS NULL THEN
        RETURN QUERY SELECT 'stale'::public.soi_outcome, NULL::integer, NULL::integer, NULL::text, NULL::bigint,
                            NULL::integer, NULL::bytea;
    ELSIF v_rights & public.soi_right_select() = 0 THEN
        RETURN QUERY SELECT 'forbidden'::public.soi_outcome, v_rights, NULL::integer, NULL::text, NULL::bigint,
                            NULL::integer, NULL::bytea;
    ELSIF NOT EXISTS (SELECT 1 FROM public.contact WHERE contact_id = p_contact_id AND deleted = 0) THEN
        RETURN QUERY SELECT 'missing'::public.soi_outcome, v_rights, NULL::integer, NULL::text, NULL::bigint,
                            NULL::integer, NULL::bytea;
    ELSE
        RETURN QUERY
            SELECT 'done'::public.soi_outcome, v_rights, b.binaryobject_id, b.mimetype::text,
                   floor(extract(epoch FROM b.updated) * 1000000)::bigint, b.updatedcount, b.binarydata
              FROM (VALUES (1)) AS one (x)
              LEFT JOIN public.binaryobject b ON b.binaryobject_id = public.soi_contact_picture(p_contact_id);
    END IF;
END
$$;

-- PUT or POST Image: stores the bytes as the contact's picture, with their
-- type and length as MimeType, BlobSize and OriginalSize, creating the
-- picture and its link when there is none (Insert right) or replacing the
-- bytes of the one there is (Update right, same BlobId); audited as "image".
CREATE OR REPLACE FUNCTION soi_image_put(p_contact_id integer, p_associate_id integer, p_version bigint,
                                         p_ticket bigint, p_app integer, p_mimetype text, p_data bytea)
RETURNS SETOF soi_image LANGUAGE plpgsql AS $$
DECLARE
    v_rights integer := public.soi_principal_rights(p_associate_id, p_version, p_ticket, p_app);
    v_live   boolean;
    v_blob   integer;
    v_now    timestamptz;
    v_length integer := octet_length(p_data);
    v_before jsonb;
    v_outcome public.soi_outcome;
BEGIN
    IF v_rights IS NULL THEN
        RETURN QUERY SELECT 'stale'::public.soi_outcome, NULL::integer, NULL::integer, NULL::text, NULL::bigint,
                            NULL::integer, NULL::bytea;
        RETURN;
    END IF;
    SELECT live, picture INTO v_live, v_blob FROM public.soi_contact_locked(p_contact_id);
    IF NOT v_live THEN
        v_outcome := 'missing';
    ELSIF v_rights & (CASE WHEN v_blob IS NULL THEN public.soi_right_insert() ELSE public.soi_right_update() END)
          = 0 THEN
        v_outcome := 'forbidden';
    ELSIF v_blob IS NULL THEN
        v_now := clock_timestamp();
        INSERT INTO public.binaryobject (mimetype, originalsize, blobsize, binarydata, registered,
                                         registered_associate_id, updated, updated_associate_id)
        VALUES (p_mimetype, v_length, v_length, p_data, v_now, p_associate_id, v_now, p_associate_id)
        RETURNING binaryobject_id INTO v_blob;
        INSERT INTO public.binaryobjectlink (binaryobject_id, ownertable, ownerrecord, linktype, rank, registered,
                                             registered_associate_id, updated, updated_associate_id)
        VALUES (v_blob, public.soi_owner_contact(), p_contact_id, public.soi_link_contact_image(), 1, v_now,
                p_associate_id, v_now, p_associate_id);
        v_outcome := 'created';
    ELSE
        v_now := clock_timestamp();
        SELECT public.soi_writable_fields(blobsize, description, extrainfo, isencrypted, iszipped, mimetype,
                                          originalsize, conceptualtype)
          INTO v_before FROM public.binaryobject WHERE binaryobject_id = v_blob;
        UPDATE public.binaryobject
           SET binarydata = p_data, mimetype = p_mimetype, blobsize = v_length, originalsize = v_length,
               updated = v_now, updated_associate_id = p_associate_id, updatedcount = updatedcount + 1
         WHERE binaryobject_id = v_blob;
        v_outcome := 'done';
    END IF;
    IF v_outcome IN ('done', 'created') THEN
        PERFORM public.soi_audit_write(v_now, p_associate_id, p_app, p_contact_id, v_blob, 'image', v_before,
                                       (SELECT public.soi_writable_fields(blobsize, description, extrainfo,
                                                                          isencrypted, iszipped, mimetype,
                                                                          originalsize, conceptualtype)
                                          FROM public.binaryobject WHERE binaryobject_id = v_blob));
    END IF;
    RETURN QUERY SELECT v_outcome, v_rights, v_blob, p_mimetype, floor(extract(epoch FROM v_now) * 1000000)::bigint,
                        NULL::integer, NULL::bytea;
END
$$;

-- DELETE Image: removes the contact's picture, its link and its bytes
-- (Delete right); done also when there was none (and then nothing is
-- audited).
CREATE OR REPLACE FUNCTION soi_image_delete(p_contact_id integer, p_associate_id integer, p_version bigint,
                                            p_ticket bigint, p_app integer)
RETURNS SETOF soi_image LANGUAGE plpgsql AS $$
DECLARE
    v_rights integer := public.soi_principal_rights(p_associate_id, p_version, p_ticket, p_app);
    v_live   boolean;
    v_blob   integer;
    v_before jsonb;
    v_outcome public.soi_outcome := 'done';
BEGIN
    IF v_rights IS NULL THEN
        v_outcome := 'stale';
    ELSIF v_rights & public.soi_right_delete() = 0 THEN
        v_outcome := 'forbidden';
    ELSE
        SELECT live, picture INTO v_live, v_blob FROM public.soi_contact_locked(p_contact_id);
        IF NOT v_live THEN
            v_outcome := 'missing';
        ELSIF v_blob IS NOT NULL THEN
            SELECT public.soi_writable_fields(blobsize, description, extrainfo, isencrypted, iszipped, mimetype,
                                              originalsize, conceptualtype)
              INTO v_before FROM public.binaryobject WHERE binaryobject_id = v_blob;
            DELETE FROM public.binaryobjectlink
             WHERE ownertable = public.soi_owner_contact() AND ownerrecord = p_contact_id
               AND linktype = public.soi_link_contact_image();
            DELETE FROM public.binaryobject WHERE binaryobject_id = v_blob;
            PERFORM public.soi_audit_write(clock_timestamp(), p_associate_id, p_app, p_contact_id, v_blob,
                                           'delete', v_before, NULL);
        END IF;
    END IF;
    RETURN QUERY SELECT v_outcome, v_rights, v_blob, NULL::text, NULL::bigint, NULL::integer, NULL::bytea;
END
$$;

UPDATE soi_schema_version SET version = 5 WHERE version < 5;

COMMIT;
