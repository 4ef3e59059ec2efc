# Every refusal: the status, the SPEC's error body, and a database that is
# exactly as it was. Contact 201 has picture 801; contact 151 has none.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

my $json = 'application/json';
my $P = '/api/v1/Contact/201/ImageInfo';

# [what, method, path, options, status, ErrorType, message pattern]
my @cases = (
    ['letters as id', GET => '/api/v1/Contact/abc/ImageInfo', {}, 400, 'SoValidationException',
     qr/contact id in the path must be a whole number from 1 to 2147483647, not "abc"/],
    ['id 0', GET => '/api/v1/Contact/0/ImageInfo', {}, 400, 'SoValidationException', qr/not "0"/],
    ['id overflow', PUT => '/api/v1/Contact/2147483648/ImageInfo', { type => $json, body => '{}' }, 400,
     'SoValidationException', qr/not "2147483648"/],
    ['negative id', GET => '/api/v1/Contact/-201/ImageInfo', {}, 400, 'SoValidationException', qr/not "-201"/],
    ['empty id', GET => '/api/v1/Contact//ImageInfo', {}, 400, 'SoValidationException', qr/not ""/],
    ['missing id', GET => '/api/v1/Contact/ImageInfo', {}, 400, 'SoValidationException', qr/not ""/],
    ['unknown resource', GET => '/api/v1/Contact/201/Nope', {}, 404, 'SoNotFoundException', qr/No such resource/],
    ['unknown path', GET => '/api/v2/anything', {}, 404, 'SoNotFoundException', qr/No such resource/],
    ['the mount itself', GET => '/api', {}, 404, 'SoNotFoundException', qr/No such resource/],
    ['DELETE', DELETE => $P, {}, 405, 'SoMethodNotAllowedException', qr/DELETE is not served here/],
    ['POST', POST => $P, { type => $json, body => '{}' }, 405, 'SoMethodNotAllowedException',
     qr/answers GET, HEAD, PUT, PATCH, OPTIONS/],
    ['unknown contact GET', GET => '/api/v1/Contact/5000/ImageInfo', {}, 404, 'SoNotFoundException',
     qr/Contact 5000 does not exist or is deleted/],
    ['deleted contact GET', GET => '/api/v1/Contact/299/ImageInfo', {}, 404, 'SoNotFoundException',
     qr/Contact 299 does not exist/],
    ['deleted contact PUT', PUT => '/api/v1/Contact/199/ImageInfo', { type => $json, body => '{}' }, 404,
     'SoNotFoundException', qr/Contact 199 does not exist/],
    ['no Content-Type', PUT => $P, { body => '{}' }, 415, 'SoUnsupportedMediaTypeException',
     qr/no Content-Type; PUT takes application\/json, text\/json, application\/xml/],
    ['text/plain', PUT => $P, { type => 'text/plain', body => '{}' }, 415, 'SoUnsupportedMediaTypeException',
     qr/Content-Type "text\/plain" is not accepted/],
    ['latin-1 charset', PUT => $P, { type => 'application/json; charset=iso-8859-1', body => '{}' }, 415,
     'SoUnsupportedMediaTypeException', qr/charset "iso-8859-1" is not accepted/],
    ['malformed Content-Type', PUT => $P, { type => 'json', body => '{}' }, 400, 'SoValidationException',
     qr/not a media type/],
    ['empty body', PUT => $P, { type => $json, body => '' }, 400, 'SoValidationException', qr/body is empty/],
    ['not JSON', PUT => $P, { type => $json, body => '{"Description": nope}' }, 400, 'SoValidationException',
     qr/not valid JSON: .* near byte/],
    ['truncated JSON', PUT => $P, { type => $json, body => '{"Description":"x"' }, 400, 'SoValidationException',
     qr/not valid JSON/],
    ['trailing garbage', PUT => $P, { type => $json, body => '{} {}' }, 400, 'SoValidationException',
     qr/not valid JSON/],
    ['array body', PUT => $P, { type => $json, body => '[{"Description":"x"}]' }, 400, 'SoValidationException',
     qr/must be a JSON object/],
    ['string for an integer', PUT => $P, { type => $json, body => '{"BlobSize":"442"}' }, 400,
     'SoValidationException', qr/^BlobSize must be an integer from 0 to 2147483647, not a string\.$/],
    ['negative size', PUT => $P, { type => $json, body => '{"BlobSize":-1}' }, 400, 'SoValidationException',
     qr/^BlobSize must be an integer/],
    ['size beyond int32', PUT => $P, { type => $json, body => '{"OriginalSize":2147483648}' }, 400,
     'SoValidationException', qr/^OriginalSize must be an integer from 0 to 2147483647, not "2147483648"/],
    ['fractional size', PUT => $P, { type => $json, body => '{"OriginalSize":1.5}' }, 400, 'SoValidationException',
     qr/^OriginalSize must be an integer/],
    ['null size', PUT => $P, { type => $json, body => '{"OriginalSize":null}' }, 400, 'SoValidationException',
     qr/not null/],
    ['string for a boolean', PUT => $P, { type => $json, body => '{"IsZipped":"true"}' }, 400,
     'SoValidationException', qr/^IsZipped must be true or false, not a string/],
    ['number for a string', PUT => $P, { type => $json, body => '{"MimeType":5}' }, 400, 'SoValidationException',
     qr/^MimeType must be a string/],
    ['255 characters', PUT => $P, { type => $json, body => '{"Description":"' . ('d' x 255) . '"}' }, 400,
     'SoValidationException', qr/^Description has 255 characters; at most 254 are accepted/],
    ['overlong UTF-8', PUT => $P, { type => $json, body => qq({"ExtraInfo":"\xc0\xaf"}) }, 400,
     'SoValidationException', qr/invalid|not valid UTF-8/i],
    ['encoded surrogate', PUT => $P, { type => $json, body => qq({"ConceptualType":"\xed\xa0\x80"}) }, 400,
     'SoValidationException', qr/UTF-8/],
    ['lone surrogate escape', PUT => $P, { type => $json, body => '{"MimeType":"\ud800"}' }, 400,
     'SoValidationException', qr/^MimeType is not valid UTF-8: it holds an unpaired surrogate escape/],
    ['U+0000', PUT => $P, { type => $json, body => '{"Description":"a\u0000b"}' }, 400, 'SoValidationException',
     qr/^Description contains U\+0000/],
    ['control character', PUT => $P, { type => $json, body => '{"Description":"a\u0007"}' }, 400,
     'SoValidationException', qr/control character U\+0007/],
    ['bad date', PUT => $P, { type => $json, body => '{"CreatedDate":"last Tuesday"}' }, 400,
     'SoValidationException', qr/^CreatedDate must be an ISO 8601 date-time .*, not "last Tuesday"/],
    ['impossible date', PUT => $P, { type => $json, body => '{"UpdatedDate":"2021-02-29T00:00:00Z"}' }, 400,
     'SoValidationException', qr/^UpdatedDate must be an ISO 8601 date-time/],
    ['a property twice', PUT => $P, { type => $json, body => '{"Description":"a","DESCRIPTION":"b"}' }, 400,
     'SoValidationException', qr/^Description is given more than once/],
    ['too deep', PUT => $P, { type => $json, body => '{"x":' . ('[' x 16) . (']' x 16) . '}' }, 400,
     'SoValidationException', qr/deeper than 16 levels/],
    ['string for an Associate', PUT => $P, { type => $json, body => '{"CreatedBy":"tje0"}' }, 400,
     'SoValidationException', qr/^CreatedBy must be an Associate object or null/],
    ['another picture\'s BlobId', PUT => $P, { type => $json, body => '{"BlobId":630,"Description":"x"}' }, 409,
     'SoConflictException', qr/BlobId 630 is not the picture of contact 201, whose picture is BlobId 801/],
    ['BlobId on a contact without picture', PUT => '/api/v1/Contact/151/ImageInfo',
     { type => $json, body => '{"BlobId":801}' }, 409, 'SoConflictException',
     qr/contact 151, which has no picture yet; send BlobId 0/],
    ['SoImageInfoMaxBody with Content-Length', PUT => '/small/v1/Contact/201/ImageInfo',
     { type => $json, body => '{"Description":"' . ('s' x 700) . '"}' }, 413, 'SoRequestTooLargeException',
     qr/larger than the 600 bytes accepted here/],
    ['SoImageInfoMaxBody chunked', PUT => '/small/v1/Contact/201/ImageInfo',
     { type => $json, body => chunks('{"Description":"', 's' x 400, 's' x 300, '"}') }, 413,
     'SoRequestTooLargeException', qr/larger than the 600 bytes/],
    ['LimitRequestBody with Content-Length', PUT => '/tight/v1/Contact/201/ImageInfo',
     { type => $json, body => '{"Description":"' . ('t' x 600) . '"}' }, 413, 'SoRequestTooLargeException',
     qr/larger than the 500 bytes/],
    ['LimitRequestBody chunked', PUT => '/tight/v1/Contact/201/ImageInfo',
     { type => $json, body => chunks('{"Description":"', 't' x 300, 't' x 300, '"}') }, 413,
     'SoRequestTooLargeException', qr/larger than the 500 bytes/],
);

plan tests => 5 * @cases + 14;

my $before = snapshot(201);
my $before151 = snapshot(151);
for my $c (@cases) {
    my ($what, $method, $path, $opt, $status, $type, $like) = @$c;
    my $res = call($method => $path, %$opt);
    error_ok($res, $status, $type, $like, $what);
    is(snapshot(201) . snapshot(151), $before . $before151, "$what: nothing changed in the database");
}

# 405 names what is served; 401 challenges; 503 is tested elsewhere.
my $res = call(DELETE => $P);
is($res->header('Allow'), 'GET, HEAD, PUT, PATCH, OPTIONS', '405 carries Allow');

# The limits are exact: 600 bytes pass where 601 do not.
my $body600 = '{"Description":"e","Padding":"' . ('p' x (600 - 32)) . '"}';
is(length $body600, 600, 'a body of exactly 600 bytes');
$res = call(PUT => '/small/v1/Contact/202/ImageInfo', type => $json, body => $body600);
is($res->code, 200, 'is accepted under SoImageInfoMaxBody 600');
is(picture_of(202)->{updatedcount}, 1, 'and stored');
$res = call(PUT => '/small/v1/Contact/202/ImageInfo', type => $json, body => chunks(substr($body600, 0, 300),
                                                                                 substr($body600, 300)));
is($res->code, 200, 'also chunked');
$res = call(PUT => '/small/v1/Contact/202/ImageInfo', type => $json, body => $body600 . ' ');
is($res->code, 413, '601 bytes are not');
is(picture_of(202)->{updatedcount}, 2, 'and did not write');

# A refusal before the body is read does not make the client upload it:
# no "100 Continue" precedes the 415.
my $raw = raw_exchange("PUT $P HTTP/1.1\r\nHost: localhost\r\nAuthorization: " . basic('tje0', 'Tje0')
                     . "\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n", 10, qr/\r\n\r\n.*\}/s);
like($raw, qr{^HTTP/1\.1 415 }, 'Expect: 100-continue with a refused type gets the 415 at once');
unlike($raw, qr{100 Continue}, 'without inviting the upload');
$raw = raw_exchange("PUT $P HTTP/1.1\r\nHost: localhost\r\nAuthorization: " . basic('tje0', 'wrong')
                  . "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n", 10, qr/\r\n\r\n.*\}/s);
like($raw, qr{^HTTP/1\.1 401 }, 'likewise a 401');

# A well-formed request on the same keep-alive connection after a refusal
# (httpd itself closes after any 400, so a 404 it is).
$raw = raw_exchange("GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                  . basic('tje0', 'Tje0') . "\r\n\r\n"
                  . "GET /api/v1/Contact/201/ImageInfo HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                  . basic('tje0', 'Tje0') . "\r\nConnection: close\r\n\r\n", 10);
like($raw, qr{^HTTP/1\.1 404 .*HTTP/1\.1 200 }s, 'the connection survives a 404 (keep-alive)');

# The error log got no server errors from any of this.
my $log = do { local (@ARGV, $/) = ('t/logs/error_log'); <> } // '';
unlike($log, qr/\[soimageinfo:(error|crit|alert|emerg)\]/, 'no server-side error was logged');
is(snapshot(201), $before, 'contact 201 is exactly as it was');
is(snapshot(151), $before151, 'contact 151 still has no picture');
