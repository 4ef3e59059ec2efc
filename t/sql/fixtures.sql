-- Fixture data for the Apache::Test suite (loaded after conf/schema.sql).
-- Each test file works on its own contacts, so files cannot disturb each other.

INSERT INTO associate (associate_id, name, password_hash, blob_rights, deleted, person_id, rank, tooltip, type,
                       group_idx, full_name, formal_name, ejuser_id, user_name) VALUES
    -- The seed's user: tje0 / Tje0, every right (bcrypt, cost 10).
    (1, 'tje0', '$2y$10$xujXegu0MUVaUw2ksTjzE.sb3aMtnVyxRPXx88SUQlszSxODuxbm.', 31, 0, 11, 3, 'Tje Zero (TZ)', 1,
     2, 'Tje Zero', 'Mr. Tje Zero', 0, 'tje0@example.com'),
    -- Select only (SHA-512-crypt).
    (2, 'reader', '$6$R3aderSalt$Y9Xp15dqLXzkmfrxjR88pCIHEPD1KLzMdOL5YdhRuSMFog.AlPl9jjr3gWkSllALG9Kjpyug7QoAR.C5LfsWm1',
     1, 0, 0, 0, '', 1, 0, 'Rita Reader', 'Ms. Reader', 0, ''),
    -- Select and Update (apr1).
    (3, 'updater', '$apr1$UrQVHVZc$HD6WxIPHH.KGm0hAAA2ff0', 3, 0, 0, 0, '', 1, 0, 'Ulf Updater', '', 0, ''),
    -- Select and Insert.
    (4, 'inserter', '$2y$04$S8o9YTks4bfBwOew6J8Puum4bFrRjxruNzje0CuEBZtD36VACQ14q', 5, 0, 0, 0, '', 1, 0, '', '', 0,
     ''),
    -- Every right, but deleted.
    (5, 'gone', '$2y$04$7Gmbyf6mUQgUCNVi1jwPc.FOe7.PLvddM90xw8PJ95BJvv0PCAhUS', 31, 1, 0, 0, '', 1, 0, '', '', 0, ''),
    -- No right at all.
    (6, 'norights', '$2y$04$GicIZMhIQlwU5eVUtGFwCuicqgKrqaRcJzF4QSmMvf2GnAuWQClnC', 0, 0, 0, 0, '', 1, 0, '', '', 0,
     '');

INSERT INTO contact (contact_id, name, deleted)
SELECT id, 'Contact ' || id, 0 FROM generate_series(1, 999) AS id;
UPDATE contact SET deleted = 1 WHERE contact_id IN (199, 299);

-- The seed's sample: contact 42's picture is blob 630.
INSERT INTO binaryobject (binaryobject_id, conceptualtype, mimetype, description, extrainfo, originalsize, blobsize,
                          iszipped, isencrypted, registered, registered_associate_id, updated, updated_associate_id,
                          updatedcount)
VALUES (630, 'PHOTO', 'image/png', 'Old description', 'old', 100, 90, true, true,
        '2019-01-02T03:04:05.123456Z', 2, '2019-01-02T03:04:05.123456Z', 2, 4);
INSERT INTO binaryobjectlink (binaryobject_id, ownertable, ownerrecord, linktype, rank)
VALUES (630, 5, 42, 17, 1);

-- Pictures of contacts 101..120 (blobs 701..720) and 201..220, 231..240
-- (blobs 801..820, 831..840).
INSERT INTO binaryobject (binaryobject_id, conceptualtype, mimetype, description, extrainfo, originalsize, blobsize,
                          registered, registered_associate_id, updated, updated_associate_id)
SELECT 600 + id, 'PHOTO', 'image/jpeg', 'Picture of ' || id, '', 1000, 1000,
       timestamptz '2020-05-06T07:08:09Z', 1, timestamptz '2020-05-06T07:08:09Z', 1
  FROM generate_series(101, 120) AS id
UNION ALL
SELECT 600 + id, 'PHOTO', 'image/jpeg', 'Picture of ' || id, '', 1000, 1000,
       timestamptz '2020-05-06T07:08:09Z', 1, timestamptz '2020-05-06T07:08:09Z', 1
  FROM (SELECT generate_series(201, 220) UNION ALL SELECT generate_series(231, 240)) AS ids (id);
INSERT INTO binaryobjectlink (binaryobject_id, ownertable, ownerrecord, linktype, rank)
SELECT 600 + id, 5, id, 17, 1 FROM generate_series(101, 120) AS id
UNION ALL
SELECT 600 + id, 5, id, 17, 1
  FROM (SELECT generate_series(201, 220) UNION ALL SELECT generate_series(231, 240)) AS ids (id);

-- A link of another kind on contact 130 (a person image on the contact's
-- record number): it is not the contact's picture.
INSERT INTO binaryobject (binaryobject_id, description) VALUES (930, 'not a contact picture');
INSERT INTO binaryobjectlink (binaryobject_id, ownertable, ownerrecord, linktype, rank) VALUES (930, 6, 130, 1, 1);

-- Keep generated ids clear of the fixed ones above.
SELECT setval(pg_get_serial_sequence('binaryobject', 'binaryobject_id'), 10000);
SELECT setval(pg_get_serial_sequence('binaryobjectlink', 'binaryobjectlink_id'), 10000);
SELECT setval(pg_get_serial_sequence('associate', 'associate_id'), 100);
SELECT setval(pg_get_serial_sequence('contact', 'contact_id'), 10000);
