# One request, one answer: bodies that httpd itself refuses (broken
# chunking, over its limit) get exactly one response, the SPEC's error
# body, and change nothing; so do refusals made before the body is read.
# Everything here is read from a raw socket, so that a second response or
# an HTML page after ours cannot hide.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

plan tests => 50;

my $auth = ['Authorization', basic('tje0', 'Tje0')];
my $json = ['Content-Type', 'application/json'];
my $chunked = ['Transfer-Encoding', 'chunked'];

# The status lines, the first response's body and what follows it.
sub one_answer {
    my ($raw, $status, $type, $like, $what) = @_;
    my @statuses = status_lines($raw);
    is(scalar @statuses, 1, "$what: exactly one status line") or diag($raw);
    is($statuses[0] // '', $status, "$what: status $status");
    my ($head, $rest) = split /\r\n\r\n/, $raw, 2;
    $rest //= '';
    my ($length) = ($head // '') =~ /^Content-Length: (\d+)/mi;
    my $body = defined $length ? substr($rest, 0, $length) : $rest;
    my $after = defined $length ? substr($rest, $length) : '';
    my $e = json($body) || {};
    is(($e->{ErrorType} // '') . '|' . ($e->{ErrorSource} // ''), "$type|mod_soimageinfo", "$what: the SPEC's error body");
    like($e->{ErrorMessage} // '', $like, "$what: the message says why");
    is($after, '', "$what: nothing after the response");
    unlike($raw, qr/<html|<!DOCTYPE/i, "$what: no HTML page of httpd's");
    return $head // '';
}

# ---- A chunk's data not followed by CRLF: httpd refuses the body ------------
my $contact = 110;
my $before = snapshot($contact);
my $raw = raw_request(PUT => "/api/v1/Contact/$contact/ImageInfo", [$auth, $json, $chunked],
                      "13\r\n{\"Description\":\"abc" . "\"}\r\n0\r\n\r\n");
my $head = one_answer($raw, 400, 'SoValidationException', qr/framing .* is malformed/, 'broken chunk');
like($head, qr/^Connection: close/mi, 'broken chunk: the connection is closed');
is(snapshot($contact), $before, 'broken chunk: the picture is unchanged');

# The same broken chunk after a whole, valid entity in an earlier chunk.
$raw = raw_request(PUT => "/api/v1/Contact/$contact/ImageInfo", [$auth, $json, $chunked],
                   "f\r\n{\"Description\":\r\n" . "5\r\n\"abc\"xx\r\n1\r\n}\r\n0\r\n\r\n");
one_answer($raw, 400, 'SoValidationException', qr/framing .* is malformed/, 'broken chunk mid-body');
is(snapshot($contact), $before, 'broken chunk mid-body: the picture is unchanged');

# A chunked body past LimitRequestBody (500 bytes at /tight).
$raw = raw_exchange("PUT /tight/v1/Contact/$contact/ImageInfo HTTP/1.1\r\nHost: x\r\nAuthorization: $auth->[1]\r\n"
                    . "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    . sprintf("%x\r\n", 600) . '{"Description":"' . ('x' x 582) . "\"}\r\n0\r\n\r\n", 5);
one_answer($raw, 413, 'SoRequestTooLargeException', qr/larger than the 500 bytes/, 'chunked past LimitRequestBody');
is(snapshot($contact), $before, 'chunked past LimitRequestBody: the picture is unchanged');

# ---- Refused before the body is read, with a body that cannot be read -------
for my $c (['no credentials', [$json, $chunked], 401, 'SoAuthenticationException', qr/Authentication is required/],
           ['no right to write', [['Authorization', basic('reader', 'Reader1')], $json, $chunked], 403,
            'SoAccessDeniedException', qr/needs the Update right/],
           ['a type not accepted', [$auth, ['Content-Type', 'text/plain'], $chunked], 415,
            'SoUnsupportedMediaTypeException', qr/"text\/plain" is not accepted/]) {
    my ($what, $headers, $status, $type, $like) = @$c;
    $raw = raw_request(PUT => "/api/v1/Contact/$contact/ImageInfo", $headers,
                       "13\r\n{\"Description\":\"abc" . "\"}\r\n0\r\n\r\n");
    $head = one_answer($raw, $status, $type, $like, "$what, broken chunk");
    like($head, qr/^Connection: close/mi, "$what, broken chunk: the unread body closes the connection");
    # Over httpd's limit as well as broken.
    $raw = raw_exchange("PUT /tight/v1/Contact/$contact/ImageInfo HTTP/1.1\r\nHost: x\r\n"
                        . join('', map { "$_->[0]: $_->[1]\r\n" } @$headers) . "\r\n"
                        . sprintf("%x\r\n", 900) . ('y' x 900) . "zz\r\n0\r\n\r\n", 5);
    is(scalar(status_lines($raw)) . '|' . ((status_lines($raw))[0] // ''), "1|$status",
       "$what, over the limit: one response, status $status");
}
is(snapshot($contact), $before, 'refusals before the body: the picture is unchanged');

# A refusal without a body keeps the connection: a second request follows.
$raw = raw_exchange("GET /api/v1/Contact/$contact/ImageInfo HTTP/1.1\r\nHost: x\r\n\r\n"
                    . "GET /api/v1/Contact/$contact/ImageInfo HTTP/1.1\r\nHost: x\r\nAuthorization: $auth->[1]\r\n"
                    . "Connection: close\r\n\r\n", 5);
is(join(',', status_lines($raw)), '401,200', 'a refusal without a body keeps the connection for the next request') or diag($raw);

# ---- 405 quotes the method -------------------------------------------------------
my $method = 'X-' . ('A' x 60);
$raw = raw_request($method => "/api/v1/Contact/$contact/ImageInfo", [$auth, ["Connection", "close"]]);
my ($body) = $raw =~ /\r\n\r\n(.*)\z/s;
my $e = json($body // '') || {};
is((status_lines($raw))[0] // '', 405, 'an unknown method: 405');
like($e->{ErrorMessage} // '', qr/^The method X-A{18}\.\.\. is not served here; this resource answers GET, HEAD, PUT, PATCH, OPTIONS\.$/,
     'the method is quoted, cut short');
