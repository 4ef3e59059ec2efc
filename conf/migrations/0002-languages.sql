-- mod_soimageinfo schema migration 2: from version 1 (the first release,
-- which has no soi_schema_version table) to version 2. Adds the resource
-- texts of Reason fields (soi_resource) and the version record. Run it as
-- the schema's owner; running it again changes nothing:
--     psql -v ON_ERROR_STOP=1 -d crm -f 0002-languages.sql

BEGIN;
SET LOCAL search_path = public;

CREATE TABLE IF NOT EXISTS soi_schema_version (
    version integer NOT NULL CHECK (version > 0),
    single  boolean PRIMARY KEY DEFAULT true CHECK (single)
);
-- A database already past this migration is left at its version.
INSERT INTO soi_schema_version (version) VALUES (1) ON CONFLICT (single) DO NOTHING;

CREATE TABLE IF NOT EXISTS soi_resource (
    resource_id text NOT NULL CHECK (resource_id ~ '^SR_[A-Z0-9_]+$'),
    language    text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
    text        text NOT NULL,
    PRIMARY KEY (resource_id, language)
);
INSERT INTO soi_resource (resource_id, language, text) VALUES
    ('SR_SOI_TABLE_RIGHTS', 'en', 'Your rights do not include every operation on contact pictures.'),
    ('SR_SOI_TABLE_RIGHTS', 'sv', 'Dina rättigheter omfattar inte alla åtgärder på kontaktbilder.'),
    ('SR_SOI_TABLE_RIGHTS', 'nb', 'Rettighetene dine omfatter ikke alle handlinger på kontaktbilder.'),
    ('SR_SOI_TABLE_RIGHTS', 'de', 'Ihre Rechte umfassen nicht alle Aktionen an Kontaktbildern.'),
    ('SR_SOI_FIELD_NO_UPDATE', 'en', 'Changing a picture needs the Update right.'),
    ('SR_SOI_FIELD_NO_UPDATE', 'sv', 'För att ändra en bild krävs rättigheten Update.'),
    ('SR_SOI_FIELD_NO_UPDATE', 'nb', 'Å endre et bilde krever rettigheten Update.'),
    ('SR_SOI_FIELD_NO_UPDATE', 'de', 'Zum Ändern eines Bildes ist das Recht Update nötig.')
ON CONFLICT (resource_id, language) DO NOTHING;

UPDATE soi_schema_version SET version = 2 WHERE version < 2;
COMMIT;
