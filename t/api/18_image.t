# The picture itself: GET, PUT, POST and DELETE of /v1/Contact/{id}/Image.
# Pictures of every type are made here, with every byte value in them; each
# check looks at the status, the headers and the database.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

plan tests => 113;

my $all = join('', map { chr } 0 .. 255);
sub noise { my ($n) = @_; return join('', map { chr(int(rand(256))) } 1 .. $n) }
my %pic = (
    'image/png'  => "\x89PNG\r\n\x1a\n" . $all . noise(3000),
    'image/jpeg' => "\xff\xd8\xff\xe0" . $all . noise(2000),
    'image/gif'  => 'GIF89a' . $all . noise(1000),
    'image/tiff' => "II*\0" . $all . noise(500),
);
my $tiff_mm = "MM\0*" . $all;
sub stored { my ($c) = @_; return db()->selectrow_hashref(q{
    SELECT b.binaryobject_id, b.binarydata, b.mimetype, b.blobsize, b.originalsize, b.updated_associate_id
      FROM binaryobjectlink l JOIN binaryobject b USING (binaryobject_id)
     WHERE l.ownertable = 5 AND l.linktype = 17 AND l.ownerrecord = ?}, undef, $c) }
sub audits { my ($c) = @_; return db()->selectall_arrayref(
    'SELECT action, blob_id, before, after FROM soi_audit WHERE contact_id = ? ORDER BY audit_id', { Slice => {} }, $c) }
sub image { my ($c) = @_; return "/api/v1/Contact/$c/Image" }

# ---- storing: a first picture, then other types in its place ------------------------
my $res = call(PUT => image(321), type => 'image/png', body => $pic{'image/png'});
is($res->code, 200, 'PUT a PNG on a contact without a picture');
like($res->content, qr/^\d+$/, 'the reply is the BlobId, a bare JSON integer');
is($res->header('Content-Type'), 'application/json; charset=utf-8', 'as JSON');
my $blob = $res->content;
my $row = stored(321);
is($row->{binaryobject_id}, $blob, 'a picture and its link were made');
ok($row->{binarydata} eq $pic{'image/png'}, 'every byte stored as sent (' . length($pic{'image/png'}) . ' bytes, 0-255)');
is("$row->{mimetype}|$row->{blobsize}|$row->{originalsize}|$row->{updated_associate_id}",
   'image/png|' . length($pic{'image/png'}) . '|' . length($pic{'image/png'}) . '|1',
   'MimeType, BlobSize and OriginalSize set with it, by the caller');
my $a = audits(321);
is(scalar(@$a) . '|' . $a->[0]{action} . '|' . ($a->[0]{before} // 'NULL'), '1|image|NULL', 'audited as image');

for my $type ('image/jpeg', 'image/gif', 'image/tiff') {
    $res = call(($type eq 'image/gif' ? 'POST' : 'PUT') => image(321), type => $type, body => $pic{$type});
    is($res->code . '|' . $res->content, "200|$blob", "$type replaces it and keeps the BlobId");
    $row = stored(321);
    ok($row->{binarydata} eq $pic{$type} && $row->{mimetype} eq $type, "$type stored with its type");
}
is(call(PUT => image(321), type => 'image/tiff', body => $tiff_mm)->code, 200, 'TIFF in both byte orders');
$a = audits(321);
is(scalar(@$a) . '|' . join(',', map { $_->{action} } @$a), '5|image,image,image,image,image', 'each write audited');
like($a->[-1]{before}, qr/"MimeType": "image\/tiff"/, 'with the fields before');
is(call(PUT => image(321), type => 'image/png', body => $pic{'image/png'})->code, 200, 'back to the PNG');

# A chunked upload.
my @pieces = unpack('(a700)*', $pic{'image/jpeg'});
$res = call(PUT => image(322), type => 'image/jpeg', body => chunks(@pieces));
is($res->code, 200, 'a chunked upload');
ok(stored(322)->{binarydata} eq $pic{'image/jpeg'}, 'stored whole, in ' . scalar(@pieces) . ' chunks');

# ---- reading ----------------------------------------------------------------------------
$res = call(GET => image(321));
is($res->code, 200, 'GET the picture');
ok($res->content eq $pic{'image/png'}, 'the very bytes');
is($res->header('Content-Type'), 'image/png', 'with its MimeType as Content-Type');
is($res->header('Content-Length'), length($pic{'image/png'}), 'and its length');
like($res->header('ETag') // '', qr/^"[A-Za-z0-9_-]{22}"$/, 'a strong ETag');
ok($res->header('Last-Modified'), 'Last-Modified');
is($res->header('Accept-Ranges'), 'bytes', 'ranges are served');
my ($etag, $lm) = ($res->header('ETag'), $res->header('Last-Modified'));
$res = call(GET => image(321), headers => { 'If-None-Match' => $etag });
is($res->code . '|' . length($res->content), '304|0', 'If-None-Match with its tag: 304, no body');
is($res->header('ETag'), $etag, 'with the tag');
$res = call(GET => image(321), headers => { 'If-Modified-Since' => $lm });
is($res->code, 304, 'If-Modified-Since: 304');
$res = call(GET => image(321), headers => { 'If-None-Match' => '"other"' });
is($res->code, 200, 'another tag: 200');
$res = call(HEAD => image(321));
is($res->code . '|' . length($res->content) . '|' . $res->header('Content-Length'), '200|0|' . length($pic{'image/png'}),
   'HEAD: the length, no bytes');
$res = call(GET => image(321), headers => { Accept => 'text/html' });
is($res->code, 200, 'Accept does not apply to stored bytes');

# Ranges, through httpd's byterange filter.
$res = call(GET => image(321), headers => { Range => 'bytes=0-9' });
is($res->code, 206, 'Range: 206');
ok($res->content eq substr($pic{'image/png'}, 0, 10), 'the first ten bytes');
is($res->header('Content-Range'), 'bytes 0-9/' . length($pic{'image/png'}), 'Content-Range');
$res = call(GET => image(321), headers => { Range => 'bytes=-5' });
ok($res->code == 206 && $res->content eq substr($pic{'image/png'}, -5), 'a suffix range');
$res = call(GET => image(321), headers => { Range => 'bytes=8-263' });
ok($res->code == 206 && $res->content eq $all, 'the 256 byte values, as a range');
$res = call(GET => image(321), headers => { Range => 'bytes=0-1,10-11' });
like($res->header('Content-Type') // '', qr{^multipart/byteranges}, 'two ranges: multipart/byteranges');
$res = call(GET => image(321), headers => { Range => 'bytes=99999-' });
error_ok($res, 416, 'SoRangeNotSatisfiableException', qr/^No part of the range "bytes=99999-" lies within the picture's \d+ bytes/,
         'a range past the end');
is($res->header('Content-Range'), 'bytes */' . length($pic{'image/png'}), 'with the length');
$res = call(GET => image(321), headers => { Range => 'bytes=9-1' });
is($res->code, 200, 'a malformed range is ignored');

# ---- refusals ------------------------------------------------------------------------------
my $before = snapshot(321);
my $count = db()->selectrow_array('SELECT count(*) FROM soi_audit');
$res = call(PUT => image(321), type => 'image/png', body => $pic{'image/gif'});
error_ok($res, 400, 'SoValidationException', qr/^The bytes are not image\/png: .*\(these are image\/gif\)/,
         'GIF bytes sent as PNG');
$res = call(PUT => image(321), type => 'image/jpeg', body => 'not a picture at all');
error_ok($res, 400, 'SoValidationException', qr/these are no picture this server takes/, 'bytes of no picture');
$res = call(PUT => image(321), type => 'image/webp', body => 'RIFF');
error_ok($res, 415, 'SoUnsupportedMediaTypeException', qr/PUT takes image\/png, image\/jpeg, image\/gif, image\/tiff or multipart\/form-data/,
         'a type it does not take');
is(call(PUT => image(321), body => $pic{'image/png'})->code, 415, 'no Content-Type');
$res = call(PUT => image(321), type => 'image/png', body => '');
error_ok($res, 400, 'SoValidationException', qr/^The request body is empty: send the picture's bytes/, 'an empty body');
$res = call(PUT => image(321), auth => ['reader', 'Reader1'], type => 'image/png', body => $pic{'image/png'});
error_ok($res, 403, 'SoAccessDeniedException', qr/needs the Update right \(Insert to create one\)/, 'a reader writing');
$res = call(PUT => image(321), auth => ['inserter', 'Inserter1'], type => 'image/png', body => $pic{'image/png'});
error_ok($res, 403, 'SoAccessDeniedException', qr/^Changing a picture needs the Update right/, 'Insert alone, replacing');
$res = call(PUT => image(323), auth => ['updater', 'Updater1'], type => 'image/png', body => $pic{'image/png'});
error_ok($res, 403, 'SoAccessDeniedException', qr/^Creating a picture needs the Insert right/, 'Update alone, creating');
ok(!stored(323), 'no picture made');
$res = call(PUT => '/smallimage/v1/Contact/321/Image', type => 'image/png', body => $pic{'image/png'});
error_ok($res, 413, 'SoRequestTooLargeException', qr/larger than the 1000 bytes/, 'over SoImageInfoMaxImage with Content-Length');
$res = call(PUT => '/smallimage/v1/Contact/321/Image', type => 'image/png', body => chunks(unpack('(a400)*', $pic{'image/png'})));
is($res->code, 413, 'and chunked');
is(call(PUT => image(5000), type => 'image/png', body => $pic{'image/png'})->code, 404, 'no such contact');
is(call(PUT => image(199), type => 'image/png', body => $pic{'image/png'})->code, 404, 'a deleted one');
is(snapshot(321) . '|' . db()->selectrow_array('SELECT count(*) FROM soi_audit'), "$before|$count",
   'none of it changed anything, or left an audit row');
$res = call(GET => image(323));
error_ok($res, 404, 'SoNotFoundException', qr/^Contact 323 has no picture bytes/, 'GET where there is no picture');
is(call(GET => image(219))->code, 404, 'GET of a picture that has no bytes (metadata only)');
is(call(GET => image(321), auth => ['norights', 'None1'])->code, 403, 'GET needs Select');

# ---- BlobSize and the bytes -------------------------------------------------------------------
my $len = length($pic{'image/png'});
$before = snapshot(321);
$res = call(PUT => '/api/v1/Contact/321/ImageInfo', type => 'application/json',
            body => '{"BlobSize":' . ($len + 1) . ',"Description":"size?"}');
error_ok($res, 400, 'SoValidationException', qr/^BlobSize @{[$len + 1]} is not the length of the picture's bytes, $len; send BlobSize $len/,
         'an ImageInfo BlobSize other than the bytes\' length');
is(snapshot(321), $before, 'nothing changed');
$res = call(PATCH => '/api/v1/Contact/321/ImageInfo', type => 'application/merge-patch+json', body => '{"BlobSize":1}');
is($res->code, 400, 'by PATCH neither');
$res = call(PUT => '/api/v1/Contact/321/ImageInfo', type => 'application/json',
            body => qq({"BlobSize":$len,"Description":"with its bytes","MimeType":"image/png"}));
is($res->code . '|' . json($res->content)->{Description}, '200|with its bytes', 'the right BlobSize is taken');
ok(stored(321)->{binarydata} eq $pic{'image/png'}, 'and the bytes stay');
is(call(PUT => '/api/v1/Contact/219/ImageInfo', type => 'application/json', body => '{"BlobSize":7}')->code, 200,
   'a picture without bytes takes any BlobSize, as before');

# ---- deleting -------------------------------------------------------------------------------------
$res = call(DELETE => image(321), auth => ['reader', 'Reader1']);
error_ok($res, 403, 'SoAccessDeniedException', qr/^Deleting a picture needs the Delete right; this associate holds: Select\./,
         'DELETE without the Delete right');
ok(stored(321), 'nothing deleted');
$res = call(DELETE => image(321));
is($res->code . '|' . length($res->content), '204|0', 'DELETE: 204, no body');
ok(!defined $res->header('Content-Length') || $res->header('Content-Length') == 0, 'no length to speak of');
ok(!stored(321) && !db()->selectrow_array('SELECT count(*) FROM binaryobject WHERE binaryobject_id = ?', undef, $blob),
   'link and blob are gone');
$a = audits(321);
is($a->[-1]{action} . '|' . $a->[-1]{blob_id} . '|' . ($a->[-1]{after} // 'NULL'), "delete|$blob|NULL", 'audited as delete');
like($a->[-1]{before}, qr/"Description": "with its bytes"/, 'with what was there');
$count = db()->selectrow_array('SELECT count(*) FROM soi_audit');
$res = call(DELETE => image(321));
is($res->code . '|' . db()->selectrow_array('SELECT count(*) FROM soi_audit'), "204|$count", 'again: 204, nothing audited');
is(call(GET => image(321))->code, 404, 'GET after it: 404');
$res = call(GET => '/api/v1/Contact/321/ImageInfo');
is($res->code . '|' . json($res->content)->{BlobId}, '200|0', 'and ImageInfo is the default entity again');
is(call(DELETE => image(5000))->code, 404, 'DELETE of no such contact');

# ---- methods -------------------------------------------------------------------------------------------
$res = call(PATCH => image(322), type => 'application/merge-patch+json', body => '{}');
is($res->code . '|' . $res->header('Allow'), '405|GET, HEAD, PUT, POST, DELETE, OPTIONS', 'PATCH is not served on Image');
$res = call(OPTIONS => image(322), auth => undef);
is($res->header('Allow'), 'GET, HEAD, PUT, POST, DELETE, OPTIONS', 'OPTIONS says what is');
