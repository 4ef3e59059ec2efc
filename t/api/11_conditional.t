# Validators and conditional requests: a strong ETag that changes with every
# write, Last-Modified from UpdatedDate; If-None-Match / If-Modified-Since
# give 304 on GET; If-Match / If-Unmodified-Since give 412 on writes, with
# nothing changed. Contacts 236..240, 164..166.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use HTTP::Date qw(time2str str2time);

my $json = 'application/json';
my $P = '/api/v1/Contact/236/ImageInfo';

my $get = call(GET => $P);
my $tag = $get->header('ETag');
like($tag, qr/^"[A-Za-z0-9_-]{22}"$/, 'GET carries a strong ETag');
my $lm = $get->header('Last-Modified');
my $row = picture_of(236);
is(str2time($lm), int($row->{updated_us} / 1_000_000), 'Last-Modified is UpdatedDate, to the second');
is($get->header('Cache-Control'), 'private, no-cache', 'Cache-Control: private, no-cache');
is(call(GET => $P)->header('ETag'), $tag, 'the same tag for the same state');
isnt(call(GET => $P, headers => { Accept => 'application/xml' })->header('ETag'), $tag,
     'another tag for the XML representation');
isnt(call(GET => $P, auth => ['reader', 'Reader1'])->header('ETag'), $tag,
     'another for a caller with other rights (TableRight differs)');
is(call(GET => '/api/v1/Contact/164/ImageInfo')->header('ETag'), undef, 'no ETag for the default entity');
is(call(GET => '/api/v1/Contact/164/ImageInfo')->header('Last-Modified'), undef, 'nor Last-Modified');

# ---- GET: 304 ---------------------------------------------------------------------------
my $res = call(GET => $P, headers => { 'If-None-Match' => $tag });
is($res->code, 304, 'If-None-Match with the current tag: 304');
is($res->content, '', 'without a body');
is($res->header('ETag'), $tag, 'with the tag');
is(call(GET => $P, headers => { 'If-None-Match' => "\"other\", W/$tag" })->code, 304, 'weak comparison, in a list');
is(call(GET => $P, headers => { 'If-None-Match' => '"other"' })->code, 200, 'another tag: 200');
is(call(HEAD => $P, headers => { 'If-None-Match' => $tag })->code, 304, 'HEAD too');
is(call(GET => $P, headers => { 'If-Modified-Since' => $lm })->code, 304, 'If-Modified-Since the Last-Modified: 304');
is(call(GET => $P, headers => { 'If-Modified-Since' => time2str(str2time($lm) - 1) })->code, 200,
   'a second earlier: 200');
is(call(GET => $P, headers => { 'If-None-Match' => '"other"', 'If-Modified-Since' => $lm })->code, 200,
   'If-Modified-Since is ignored beside If-None-Match');

# ---- writes: 412 with nothing changed ------------------------------------------------------
my $before = snapshot(236);
for my $c ([{ 'If-Match' => '"stale"' }, 'If-Match with another tag'],
           [{ 'If-Match' => "W/$tag" }, 'If-Match with the weak form of the tag'],
           [{ 'If-Unmodified-Since' => time2str(str2time($lm) - 10) }, 'If-Unmodified-Since before the last change'],
           [{ 'If-None-Match' => '*' }, 'If-None-Match: * where a picture exists']) {
    $res = call(PUT => $P, type => $json, body => '{"Description":"conditional"}', headers => $c->[0]);
    error_ok($res, 412, 'SoPreconditionFailedException', qr/not in the state the request's preconditions .* expect; nothing was changed/,
             "PUT, $c->[1]");
    is(snapshot(236), $before, "PUT, $c->[1]: nothing changed");
}
$res = call(PATCH => $P, type => 'application/merge-patch+json', body => '{"Description":"x"}',
            headers => { 'If-Match' => '"stale"' });
is($res->code, 412, 'PATCH with a stale If-Match: 412');
is(snapshot(236), $before, 'nothing changed');
$res = call(PUT => $P, type => $json, body => '{}', headers => { 'If-Match' => 'unquoted' });
error_ok($res, 400, 'SoValidationException', qr/If-Match header "unquoted" is not "\*" or a list of entity tags/,
         'a malformed If-Match');

# ---- writes that meet their conditions -----------------------------------------------------------
$res = call(PUT => $P, type => $json, body => '{"Description":"matched"}', headers => { 'If-Match' => $tag });
is($res->code, 200, 'PUT with the current tag: 200');
my $tag2 = $res->header('ETag');
like($tag2, qr/^"[A-Za-z0-9_-]{22}"$/, 'the PUT reply carries the new tag');
isnt($tag2, $tag, 'a new one');
is(call(GET => $P)->header('ETag'), $tag2, 'the one a GET now gives');
ok($res->header('Last-Modified'), 'and Last-Modified');
is(picture_of(236)->{description}, 'matched', 'written');

# The same values again still change the tag: every write does.
$res = call(PUT => $P, type => $json, body => '{"Description":"matched"}', headers => { 'If-Match' => $tag2 });
is($res->code, 200, 'the same body again, with the current tag');
isnt($res->header('ETag'), $tag2, 'changes the tag');
my $tag3 = $res->header('ETag');

$res = call(PATCH => $P, type => 'application/json-patch+json',
            body => '[{"op":"replace","path":"/ExtraInfo","value":"x"}]', headers => { 'If-Match' => "\"nope\", $tag3" });
is($res->code, 200, 'PATCH with a list holding the current tag');
$res = call(PUT => $P, type => $json, body => '{"Description":"star"}', headers => { 'If-Match' => '*' });
is($res->code . '|' . picture_of(236)->{description}, '200|star', 'If-Match: * where a picture exists');
$res = call(PUT => $P, type => $json, body => '{"Description":"since"}',
            headers => { 'If-Unmodified-Since' => time2str(time + 60) });
is($res->code . '|' . picture_of(236)->{description}, '200|since', 'If-Unmodified-Since in the future');

# ---- creating ----------------------------------------------------------------------------------
$res = call(PUT => '/api/v1/Contact/165/ImageInfo', type => $json, body => '{"Description":"x"}',
            headers => { 'If-Match' => '*' });
is($res->code, 412, 'If-Match: * where no picture exists: 412');
is(picture_of(165), undef, 'nothing created');
$res = call(PUT => '/api/v1/Contact/165/ImageInfo', type => $json, body => '{"Description":"only once"}',
            headers => { 'If-None-Match' => '*' });
is($res->code . '|' . picture_of(165)->{description}, '200|only once', 'If-None-Match: * creates');
$res = call(PUT => '/api/v1/Contact/165/ImageInfo', type => $json, body => '{"Description":"twice?"}',
            headers => { 'If-None-Match' => '*' });
is($res->code . '|' . picture_of(165)->{description}, '412|only once', 'but only once');

# ---- a conditional PUT of XML answers in XML, the tag of that XML -------------------------------
$get = call(GET => $P, headers => { Accept => 'application/xml' });
$res = call(PUT => $P, type => 'application/xml', body => '<b><Description>xml</Description></b>',
            headers => { Accept => 'application/xml', 'If-Match' => $get->header('ETag') });
is($res->code, 200, 'If-Match with the XML tag on an XML exchange');
is(call(GET => $P, headers => { Accept => 'application/xml' })->header('ETag'), $res->header('ETag'),
   'and the tag it returns is the XML one');

done_testing();
