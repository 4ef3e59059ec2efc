# Two or three requests sent at once on one connection. `statuses` lists
# the answers expected, in order; `requests` how many requests were sent.
# A refusal without a body keeps the connection, so every request is
# answered; after a refusal whose body was not read (401, 405, 413, 415)
# or any 400, the connection is closed after that one answer, and what
# follows on it (here often a request smuggled into the refused body) is
# never answered. One response per request, never one for a request hidden
# in a body. `methods` names the HEAD requests (their answers have no
# body); `httpd` the answers httpd gives itself, by index, with the reason.
package SoiHostile::Pipelined;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $II = '/api/v1/Contact/950/ImageInfo';
my $GONE = "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H$A\r\n";    # 404
sub cl {
    my ($head, $body) = @_;
    return $head . 'Content-Length: ' . length($body) . "\r\n\r\n$body";
}

[
    { name => 'three refusals without bodies', statuses => [404, 405, 406], requests => 3,
      raw => $GONE . "DELETE $II HTTP/1.1\r\n$H$A\r\n" . "GET $II HTTP/1.1\r\n$H${A}Accept: text/plain\r\n\r\n" },
    { name => 'two 401s and a 404', statuses => [401, 401, 404], requests => 3,
      raw => "GET $II HTTP/1.1\r\n$H\r\n" . "GET $II HTTP/1.1\r\n${H}Authorization: Basic dGplMDp3cm9uZw==\r\n\r\n" . $GONE },
    { name => 'HEAD, GET, then a bad id', statuses => [404, 404, 400], requests => 3, methods => [qw(HEAD GET HEAD)],
      raw => "HEAD /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H$A\r\n" . $GONE . "HEAD /api/v1/Contact/0/Image HTTP/1.1\r\n$H$A\r\n" },
    { name => 'a 416, a 404 and a 405', statuses => [416, 404, 405], requests => 3,
      raw => "GET /api/v1/Contact/990/Image HTTP/1.1\r\n$H${A}Range: bytes=100-\r\n\r\n"
        . "GET /api/v1/Contact/951/Image HTTP/1.1\r\n$H$A\r\n" . "PATCH /api/v1/Contact/950/Image HTTP/1.1\r\n$H$A\r\n" },
    { name => 'a 415 whose body hides a request', statuses => [415], requests => 2,
      raw => cl("PUT $II HTTP/1.1\r\n$H${A}Content-Type: text/plain\r\n", $GONE) . $GONE },
    { name => 'a 401 whose body hides a request', statuses => [401], requests => 2,
      raw => cl("PUT $II HTTP/1.1\r\n${H}Content-Type: application/json\r\n", $GONE) . $GONE },
    { name => 'a 405 whose body hides a request', statuses => [405], requests => 2,
      raw => cl("POST $II HTTP/1.1\r\n$H${A}Content-Type: application/json\r\n", $GONE) },
    { name => 'a 413 whose body hides two requests', statuses => [413], requests => 3,
      raw => cl("PUT /small/v1/Contact/950/ImageInfo HTTP/1.1\r\n$H${A}Content-Type: application/json\r\n", $GONE x 12) . $GONE },
    { name => 'a 400 for bad JSON, then a GET', statuses => [400], requests => 2,
      raw => cl("PUT $II HTTP/1.1\r\n$H${A}Content-Type: application/json\r\n", '{"BlobSize":"x"}') . $GONE },
    { name => 'a 404 with a broken chunked body, then a GET', statuses => [404], requests => 2,
      raw => "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H${A}Transfer-Encoding: chunked\r\n\r\nzz\r\n" . $GONE },
    { name => 'a broken chunk, then a GET', statuses => [400], requests => 2,
      raw => "PUT $II HTTP/1.1\r\n$H${A}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":xx\r\n" . $GONE },
    { name => 'Content-Length and chunked: a request after the last chunk', statuses => [400], requests => 2,
      raw => "PUT $II HTTP/1.1\r\n$H${A}Content-Type: application/json\r\nContent-Length: 60\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" . $GONE },
    { name => 'chunked with a request inside the data', statuses => [400], requests => 2,
      raw => "PUT $II HTTP/1.1\r\n$H${A}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        . sprintf('%x', length $GONE) . "\r\n$GONE\r\n0\r\n\r\n" . $GONE },
    { name => 'a failed JSON Patch test keeps the connection', statuses => [409, 404], requests => 2,
      raw => cl("PATCH $II HTTP/1.1\r\n$H${A}Content-Type: application/json-patch+json\r\n", '[{"op":"test","path":"/Description","value":"no"}]') . $GONE },
    { name => 'a 412 keeps the connection', statuses => [412, 404, 406], requests => 3,
      raw => cl("PUT /api/v1/Contact/990/ImageInfo HTTP/1.1\r\n$H${A}If-Match: \"nope\"\r\nContent-Type: application/json\r\n", '{"BlobSize":100}')
        . $GONE . "GET $II HTTP/1.1\r\n$H${A}Accept: image/gif\r\n\r\n" },
    { name => 'Connection: close on the first', statuses => [404], requests => 2,
      raw => "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H${A}Connection: close\r\n\r\n" . $GONE },
    { name => 'a request line of garbage after a 404', statuses => [404, 400], requests => 3,
      httpd => { 1 => 'request-line-syntax' },
      raw => $GONE . "GARBAGE\x01\x02\r\n\r\n" . $GONE },
    { name => 'an oversized field on the second', statuses => [404, 400], requests => 3, httpd => { 1 => 'field-size' },
      raw => $GONE . "GET $II HTTP/1.1\r\n$H${A}X-Big: " . ('b' x 9000) . "\r\n\r\n" . $GONE },
]
