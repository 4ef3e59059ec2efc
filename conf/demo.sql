-- Demo data for scripts/demo (load after schema.sql).
--
-- Users:    tje0 / Tje0        every right (the SuperOffice docs' sample user)
--           reader / Reader1   Select only
-- Contacts: 1..10; contact 5's picture is blob 630, as in the API's sample
--           request; the others have no picture yet.

INSERT INTO associate (associate_id, name, password_hash, blob_rights, full_name, formal_name, user_name) VALUES
    (1, 'tje0', '$2y$10$xujXegu0MUVaUw2ksTjzE.sb3aMtnVyxRPXx88SUQlszSxODuxbm.', 31, 'Tje Zero', 'Mr. Tje Zero',
     'tje0@example.com'),
    (2, 'reader', '$6$R3aderSalt$Y9Xp15dqLXzkmfrxjR88pCIHEPD1KLzMdOL5YdhRuSMFog.AlPl9jjr3gWkSllALG9Kjpyug7QoAR.C5LfsWm1',
     1, 'Rita Reader', 'Ms. Reader', '');

INSERT INTO contact (contact_id, name)
SELECT id, (ARRAY['Nordic Fjord AS', 'Berg & Dal', 'Acme Corp', 'Globex', 'SuperOffice Demo', 'Initech',
                  'Umbrella', 'Hooli', 'Vandelay Industries', 'Soylent'])[id]
  FROM generate_series(1, 10) AS id;

INSERT INTO binaryobject (binaryobject_id, conceptualtype, mimetype, description, extrainfo, originalsize, blobsize,
                          registered_associate_id, updated_associate_id)
VALUES (630, 'PHOTO', 'image/png', 'Company logo', '', 732, 442, 1, 1);
INSERT INTO binaryobjectlink (binaryobject_id, ownertable, ownerrecord, linktype, rank, registered_associate_id)
VALUES (630, 5, 5, 17, 1, 1);

SELECT setval(pg_get_serial_sequence('binaryobject', 'binaryobject_id'), 1000);
SELECT setval(pg_get_serial_sequence('binaryobjectlink', 'binaryobjectlink_id'), 1000);
SELECT setval(pg_get_serial_sequence('associate', 'associate_id'), 100);
SELECT setval(pg_get_serial_sequence('contact', 'contact_id'), 100);
