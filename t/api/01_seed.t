# The seed's own sample request, verbatim: contact 42, whose picture is blob
# 630, updated by tje0 (password Tje0, every right).
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

plan tests => 44;

my $before = picture_of(42);
is($before->{binaryobject_id}, 630, 'contact 42 has picture 630 to begin with');
my $blobs_before = db()->selectrow_array('SELECT count(*) FROM binaryobject');

my $res = call(PUT => '/api/v1/Contact/42/ImageInfo',
               type => 'application/json; charset=utf-8',
               headers => { Accept => 'application/json; charset=utf-8', 'Accept-Language' => 'sv' },
               body => seed_body());
is($res->code, 200, 'the sample PUT answers 200');
is($res->header('Content-Type'), 'application/json; charset=utf-8', 'as UTF-8 JSON');
is($res->header('Content-Length'), length($res->content), 'with an exact Content-Length');
is_deeply([top_keys($res->content)], \@SoiTest::ORDER, 'the 15 properties, in order');

my $e = json($res->content);
my $after = picture_of(42);
is($e->{BlobId}, 630, 'BlobId');
is($e->{BlobSize}, 442, 'BlobSize');
is($e->{Description}, 'Innovative encompassing project', 'Description');
is($e->{ExtraInfo}, 'sed', 'ExtraInfo');
ok(JSON::PP::is_bool($e->{IsEncrypted}) && !$e->{IsEncrypted}, 'IsEncrypted false');
ok(JSON::PP::is_bool($e->{IsZipped}) && !$e->{IsZipped}, 'IsZipped false');
is($e->{MimeType}, 'cumque', 'MimeType');
is($e->{OriginalSize}, 732, 'OriginalSize');
is($e->{ConceptualType}, 'nesciunt', 'ConceptualType');
is($e->{CreatedDate}, '2019-01-02T03:04:05.1234560Z', 'CreatedDate is the stored creation time, not the body\'s');
like($e->{UpdatedDate}, qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}0Z$/, 'UpdatedDate with seven fraction digits and Z');
is($e->{UpdatedDate}, iso($after->{updated_us}), 'UpdatedDate is the time of this write');
is_deeply($e->{CreatedBy}, associate_json(2), 'CreatedBy is the creator (reader), a full Associate');
is_deeply($e->{UpdatedBy}, associate_json(1), 'UpdatedBy is the caller, tje0');
is_deeply($e->{TableRight}, { Mask => 'FULL', Reason => '' }, 'TableRight: FULL');
is_deeply([sort keys %{ $e->{FieldProperties} }], [sort grep { !/^(TableRight|FieldProperties)$/ } @SoiTest::ORDER],
          'FieldProperties has the 13 data properties');
is_deeply($e->{FieldProperties}{Description},
          { FieldRight => { Mask => 'Read, Write', Reason => '' }, FieldType => 'System.String', FieldLength => 254 },
          'FieldProperties.Description');
is_deeply($e->{FieldProperties}{BlobId},
          { FieldRight => { Mask => 'Read, UIHintReadOnly', Reason => '' }, FieldType => 'System.Int32',
            FieldLength => 4 }, 'FieldProperties.BlobId');
is_deeply($e->{FieldProperties}{OriginalSize}{FieldType}, 'System.UInt32', 'OriginalSize is a UInt32');
is_deeply($e->{FieldProperties}{UpdatedBy},
          { FieldRight => { Mask => 'Read, UIHintReadOnly', Reason => '' },
            FieldType => 'SuperOffice.CRM.Services.Associate', FieldLength => 4 }, 'FieldProperties.UpdatedBy');

# The database row.
is($after->{binaryobject_id}, 630, 'still blob 630');
is($after->{blobsize}, 442, 'stored blobsize');
is($after->{description}, 'Innovative encompassing project', 'stored description');
is($after->{extrainfo}, 'sed', 'stored extrainfo');
is($after->{isencrypted}, 0, 'stored isencrypted false');
is($after->{iszipped}, 0, 'stored iszipped false');
is($after->{mimetype}, 'cumque', 'stored mimetype');
is($after->{originalsize}, 732, 'stored originalsize');
is($after->{conceptualtype}, 'nesciunt', 'stored conceptualtype');
is($after->{registered_us}, $before->{registered_us}, 'registered untouched');
is($after->{registered_associate_id}, 2, 'registered_associate_id untouched');
is($after->{updated_associate_id}, 1, 'updated_associate_id is tje0');
is($after->{updatedcount}, $before->{updatedcount} + 1, 'updatedcount went up by one');
ok($after->{updated_us} > $before->{updated_us}, 'updated moved forward');
is(scalar @{ links_of(42) }, 1, 'still one link');
is(db()->selectrow_array('SELECT count(*) FROM binaryobject'), $blobs_before, 'no blob created');

# Reading it back gives the same bytes.
my $get = call(GET => '/api/v1/Contact/42/ImageInfo');
is($get->code, 200, 'GET answers 200');
is($get->content, $res->content, 'GET returns exactly what PUT returned');
my $head = call(HEAD => '/api/v1/Contact/42/ImageInfo');
is($head->code . '|' . $head->header('Content-Length') . '|' . length($head->content),
   '200|' . length($res->content) . '|0', 'HEAD: same length announced, no body');
