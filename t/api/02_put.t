# PUT semantics: create on first PUT, replace every writable field, what the
# server sets itself, names and routes without regard to case; GET and HEAD.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

plan tests => 60;

my $json = 'application/json';

# ---- a contact without a picture: GET gives the default entity ----------
is(picture_of(150), undef, 'contact 150 has no picture');
my $res = call(GET => '/api/v1/Contact/150/ImageInfo');
is($res->code, 200, 'GET on a picture-less contact answers 200');
my $e = json($res->content);
is_deeply([top_keys($res->content)], \@SoiTest::ORDER, 'the default entity has every property');
is_deeply([@$e{qw(BlobId BlobSize Description ExtraInfo MimeType OriginalSize ConceptualType)}],
          [0, 0, '', '', '', 0, ''], 'zeros and empty strings');
ok(!$e->{IsEncrypted} && !$e->{IsZipped}, 'false booleans');
is("$e->{CreatedDate}|$e->{UpdatedDate}", '0001-01-01T00:00:00.0000000Z|0001-01-01T00:00:00.0000000Z',
   'dates at 0001-01-01');
ok(!defined $e->{CreatedBy} && !defined $e->{UpdatedBy}, 'null associates');
is($res->header('ETag'), undef, 'no ETag without a picture');

# ---- first PUT creates blob + link ---------------------------------------
my $blobs = db()->selectrow_array('SELECT count(*) FROM binaryobject');
$res = call(PUT => '/api/v1/Contact/150/ImageInfo', type => $json,
            body => entity_body(Description => 'First', MimeType => 'image/png', BlobSize => 10, OriginalSize => 12,
                                IsZipped => \'true', ConceptualType => 'PHOTO'));
is($res->code, 200, 'the first PUT answers 200 (created)');
$e = json($res->content);
my $row = picture_of(150);
ok($row, 'the contact now has a picture');
is($e->{BlobId}, $row->{binaryobject_id}, 'the reply carries the new BlobId');
ok($row->{binaryobject_id} > 10000, 'a freshly generated id');
is(db()->selectrow_array('SELECT count(*) FROM binaryobject'), $blobs + 1, 'exactly one blob created');
my $links = links_of(150);
is(scalar @$links, 1, 'exactly one link');
is(join(',', @{ $links->[0] }{qw(ownertable ownerrecord linktype rank)}), '5,150,17,1',
   'linked as ownertable 5, linktype 17 (ContactImage), rank 1');
is($links->[0]{registered_associate_id}, 1, 'the link records its creator');
is(join('|', @$row{qw(description mimetype blobsize originalsize iszipped isencrypted conceptualtype extrainfo)}),
   'First|image/png|10|12|1|0|PHOTO|', 'stored fields');
is("$row->{registered_associate_id}|$row->{updated_associate_id}|$row->{updatedcount}", '1|1|0',
   'created and updated by tje0, count 0');
is($e->{CreatedDate}, iso($row->{registered_us}), 'CreatedDate is the creation time');
is($e->{CreatedDate}, $e->{UpdatedDate}, 'UpdatedDate equals it on creation');
is_deeply($e->{CreatedBy}, associate_json(1), 'CreatedBy tje0');

# ---- a second PUT replaces every writable field --------------------------
my $id = $row->{binaryobject_id};
$res = call(PUT => '/api/v1/Contact/150/ImageInfo', type => $json,
            body => entity_body(BlobId => $id, Description => 'Second'));
is($res->code, 200, 'PUT with the matching BlobId answers 200');
$row = picture_of(150);
is(join('|', @$row{qw(binaryobject_id description mimetype blobsize originalsize iszipped conceptualtype)}),
   "$id|Second||0|0|0|", 'absent writable fields took their defaults');
is($row->{updatedcount}, 1, 'updatedcount 1');
is(scalar @{ links_of(150) }, 1, 'still one link');
is(db()->selectrow_array('SELECT count(*) FROM binaryobject'), $blobs + 1, 'no second blob');

# BlobId absent or 0 means "the contact's picture".
$res = call(PUT => '/api/v1/Contact/150/ImageInfo', type => $json, body => entity_body(BlobId => 0, ExtraInfo => 'x'));
is($res->code . '|' . picture_of(150)->{extrainfo}, '200|x', 'BlobId 0 updates the picture');

# ---- server-set fields in a body are checked, then ignored ----------------
my $before = picture_of(150);
$res = call(PUT => '/api/v1/Contact/150/ImageInfo', type => $json,
            body => entity_body(CreatedDate => '1999-01-01T00:00:00Z', UpdatedDate => undef,
                                CreatedBy => { AssociateId => 6, Name => 'someone else' },
                                UpdatedBy => undef, TableRight => { Mask => 'None' },
                                FieldProperties => { BlobId => {} }, Description => 'Third'));
is($res->code, 200, 'server-set and response-only properties are accepted');
$row = picture_of(150);
is($row->{registered_us}, $before->{registered_us}, 'CreatedDate from the body ignored');
is($row->{registered_associate_id}, 1, 'CreatedBy from the body ignored');
is($row->{updated_associate_id}, 1, 'UpdatedBy is the caller');
is(json($res->content)->{TableRight}{Mask}, 'FULL', 'TableRight is the caller\'s');

# ---- names without regard to case; unknown properties ignored -------------
$res = call(PUT => '/api/v1/Contact/150/ImageInfo', type => 'text/json',
            body => '{"description":"lower","MIMETYPE":"UPPER","IsZipped":true,"Colour":{"r":[1,2]},'
                  . '"unknown":"\u00e6"}');
is($res->code, 200, 'text/json with odd spellings answers 200');
$row = picture_of(150);
is(join('|', @$row{qw(description mimetype iszipped)}), 'lower|UPPER|1', 'applied whatever their case');

# ---- 254 characters, counted in characters -------------------------------
require Encode;
my $ae = "\x{e6}" x 254;
$res = call(PUT => '/api/v1/Contact/150/ImageInfo', type => $json,
            body => '{"Description":"' . Encode::encode('UTF-8', $ae) . '","ExtraInfo":"'
                  . ('\u00f8' x 254) . '"}');
is($res->code, 200, '254 two-byte characters (508 bytes) are accepted');
$row = picture_of(150);
is(length(Encode::decode('UTF-8', $row->{description})), 254, 'stored as 254 characters');
is(Encode::decode('UTF-8', $row->{extrainfo}), "\x{f8}" x 254, 'escaped characters stored decoded');
is(Encode::decode('UTF-8', json($res->content)->{Description} // ''), $ae, 'and returned intact');

# ---- a supplementary character and JSON escapes round-trip ----------------
$res = call(PUT => '/api/v1/Contact/150/ImageInfo', type => $json,
            body => '{"Description":"\ud83d\ude00 \"q\" \\\\ \t","MimeType":"a/b"}');
is($res->code, 200, 'escapes and a surrogate pair');
is(picture_of(150)->{description}, "\xf0\x9f\x98\x80 \"q\" \\ \t", 'stored as UTF-8');
like($res->content, qr/"Description":"\xf0\x9f\x98\x80 \\"q\\" \\\\ \\t"/, 'written back escaped where JSON needs it');

# ---- route spellings -----------------------------------------------------
for my $path ('/api/v1/contact/150/imageinfo', '/api/V1/CONTACT/150/Imageinfo', '/api/v1/Contact/150/ImageInfo/',
              '/api/v1/Contact/0150/ImageInfo') {
    $res = call(GET => $path);
    is($res->code . '|' . (json($res->content) || {})->{BlobId}, "200|$id", "GET $path");
}
$res = call(PUT => '/api/v1/contact/150/IMAGEINFO/', type => $json, body => '{"Description":"via odd route"}');
is($res->code . '|' . picture_of(150)->{description}, '200|via odd route', 'PUT on an odd spelling');

# ---- rights shown to a reader ---------------------------------------------
$res = call(GET => '/api/v1/Contact/150/ImageInfo', auth => ['reader', 'Reader1']);
$e = json($res->content);
is($res->code, 200, 'reader may GET');
is($e->{TableRight}{Mask}, 'Select', 'reader: TableRight Select');
is($e->{FieldProperties}{Description}{FieldRight}{Mask}, 'Read', 'reader: writable fields are Read');
is($e->{FieldProperties}{CreatedDate}{FieldRight}{Mask}, 'Read, UIHintReadOnly', 'reader: server fields');
$res = call(GET => '/api/v1/Contact/150/ImageInfo', auth => ['updater', 'Updater1']);
is(json($res->content)->{TableRight}{Mask}, 'Select, Update', 'updater: Select, Update');

# ---- HEAD and OPTIONS ----------------------------------------------------
$res = call(HEAD => '/api/v1/Contact/150/ImageInfo');
is($res->code, 200, 'HEAD answers 200');
is($res->content, '', 'without a body');
ok($res->header('Content-Length') > 1000, 'but with the GET body\'s length');
$res = call(OPTIONS => '/api/v1/Contact/150/ImageInfo', auth => undef);
is($res->code, 200, 'OPTIONS answers 200 without credentials');
is($res->header('Allow'), 'GET, HEAD, PUT, PATCH, OPTIONS', 'and lists the methods');

# ---- the updated date moves, the created date stays -----------------------
my $first = json(call(GET => '/api/v1/Contact/150/ImageInfo')->content);
select undef, undef, undef, 0.01;
$res = call(PUT => '/api/v1/Contact/150/ImageInfo', type => $json, body => '{"Description":"later"}');
$e = json($res->content);
is($e->{CreatedDate}, $first->{CreatedDate}, 'CreatedDate unchanged by an update');
ok($e->{UpdatedDate} gt $first->{UpdatedDate}, 'UpdatedDate moved forward');

# ---- another contact's picture is untouched throughout --------------------
is(picture_of(101)->{description}, 'Picture of 101', 'contact 101 untouched');
is(picture_of(102)->{updatedcount}, 0, 'contact 102 untouched');
