# Broken chunked framing (RFC 9112 section 7.1). Bodies go to PUT
# ImageInfo of contact 950 (no picture), authenticated as tje0, as JSON.
# The chunk data is {"Description":"abc (0x13 bytes), JSON cut short, so
# that even a framing httpd let through could never be stored: the decoder
# refuses it when the body ends. httpd's HTTP_IN filter parses the framing
# while the module reads, so the module answers (SoImageInfo's guard filter
# turns httpd's error into the SPEC's body).
package SoiHostile::Chunked;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $J = "Content-Type: application/json\r\n";
my $TE = "Transfer-Encoding: chunked\r\n";
my $PUT = "PUT /api/v1/Contact/950/ImageInfo HTTP/1.1\r\n$H$A$J";
my $D = '{"Description":"abc';    # 0x13 bytes
my $framing = qr/framing \(Content-Length or chunked encoding\) is malformed/;
my $unread = qr/could not be read: the client stopped sending/;
my $json = qr/not valid JSON/;

[
    # -- chunk sizes ---------------------------------------------------------
    { name => 'size not hex', status => 400, like => $framing, raw => "$PUT$TE\r\nzz\r\n$D\r\n0\r\n\r\n" },
    { name => 'size empty', status => 400, like => $framing, raw => "$PUT$TE\r\n\r\n$D\r\n0\r\n\r\n" },
    { name => 'size negative', status => 400, like => $framing, raw => "$PUT$TE\r\n-13\r\n$D\r\n0\r\n\r\n" },
    { name => 'size with a plus sign', status => 400, like => $framing, raw => "$PUT$TE\r\n+13\r\n$D\r\n0\r\n\r\n" },
    { name => 'size with 0x', status => 400, like => $framing, raw => "$PUT$TE\r\n0x13\r\n$D\r\n0\r\n\r\n" },
    { name => 'size with a space inside', status => 400, like => $framing, raw => "$PUT$TE\r\n1 3\r\n$D\r\n0\r\n\r\n" },
    { name => 'size in decimal letters', status => 400, like => $framing, raw => "$PUT$TE\r\nnineteen\r\n$D\r\n0\r\n\r\n" },
    { name => 'size overflowing 64 bits', status => 413, raw => "$PUT$TE\r\nffffffffffffffffffff\r\n$D\r\n0\r\n\r\n" },
    { name => 'size of 17 hex digits', status => 413, raw => "$PUT$TE\r\n10000000000000013\r\n$D\r\n0\r\n\r\n" },
    { name => 'size 2^63-1, body short', status => 400, raw => "$PUT$TE\r\n7fffffffffffffff\r\n$D\r\n0\r\n\r\n" },
    { name => 'size past LimitRequestBody', status => 413, like => qr/larger than the 500 bytes/,
      raw => "PUT /tight/v1/Contact/950/ImageInfo HTTP/1.1\r\n$H$A$J$TE\r\nfffff\r\n$D" . ('x' x 600) . "\r\n0\r\n\r\n" },
    { name => 'size past SoImageInfoMaxBody', status => 413, like => qr/larger than the 600 bytes/,
      raw => "PUT /small/v1/Contact/950/ImageInfo HTTP/1.1\r\n$H$A$J$TE\r\n300\r\n" . ('x' x 768) . "\r\n300\r\n"
        . ('x' x 768) . "\r\n0\r\n\r\n" },
    { name => 'leading zeros', status => 400, like => $json,
      raw => "$PUT$TE\r\n" . ('0' x 40) . "13\r\n$D\r\n0\r\n\r\n" },
    { name => 'size larger than the data', status => 400, raw => "$PUT$TE\r\nff\r\n$D\r\n0\r\n\r\n" },
    { name => 'size smaller than the data', status => 400, like => $framing, raw => "$PUT$TE\r\n1\r\n$D\r\n0\r\n\r\n" },
    { name => 'size zero first, data after', status => 400, raw => "$PUT$TE\r\n0\r\n\r\n13\r\n$D\r\n0\r\n\r\n" },
    # -- line ends -------------------------------------------------------------
    { name => 'no CRLF after the data', status => 400, like => $framing, raw => "$PUT$TE\r\n13\r\n${D}0\r\n\r\n" },
    { name => 'LF alone after the size', status => 400, like => $framing, raw => "$PUT$TE\r\n13\n$D\r\n0\r\n\r\n" },
    { name => 'LF alone everywhere', status => 400, like => $framing, raw => "$PUT$TE\r\n13\n$D\n0\n\n" },
    { name => 'CR alone everywhere', status => 400, like => $framing, raw => "$PUT$TE\r\n13\r$D\r0\r\r" },
    { name => 'LF CR after the data', status => 400, like => $framing, raw => "$PUT$TE\r\n13\r\n$D\n\r0\r\n\r\n" },
    { name => 'data then garbage, no CRLF', status => 400, like => $framing, raw => "$PUT$TE\r\n13\r\n${D}xyz\r\n0\r\n\r\n" },
    # -- chunk extensions ------------------------------------------------------
    { name => 'extension with NUL', status => 400, like => $framing, raw => "$PUT$TE\r\n13;\0\r\n$D\r\n0\r\n\r\n" },
    { name => 'extension with a bare CR', status => 400, like => $framing, raw => "$PUT$TE\r\n13;a\rb\r\n$D\r\n0\r\n\r\n" },
    { name => 'extension quoted, unterminated', status => 400,
      raw => "$PUT$TE\r\n13;name=\"open\r\n$D\r\n0\r\n\r\n" },
    { name => 'extension of semicolons', status => 400, raw => "$PUT$TE\r\n13;;;;\r\n$D\r\n0\r\n\r\n" },
    { name => 'extension after a space', status => 400, raw => "$PUT$TE\r\n13 ;ext\r\n$D\r\n0\r\n\r\n" },
    { name => 'extension of 10000 bytes', status => 413, like => qr/chunk-size line of its chunked encoding is too long/, raw => "$PUT$TE\r\n13;" . ('e' x 10000) . "\r\n$D\r\n0\r\n\r\n" },
    { name => 'extensions on every chunk', status => 400, like => $json,
      raw => "$PUT$TE\r\n13;a=b;c=\"d\"\r\n$D\r\n0;e=f\r\n\r\n" },
    { name => 'extension of 8-bit bytes', status => 400, raw => "$PUT$TE\r\n13;\xff\xfe=\xc0\r\n$D\r\n0\r\n\r\n" },
    # -- trailers --------------------------------------------------------------
    { name => 'a trailer field', status => 400, like => $json, raw => "$PUT$TE\r\n13\r\n$D\r\n0\r\nX-Trailer: a\r\n\r\n" },
    { name => 'a trailer without a colon', status => 400, raw => "$PUT$TE\r\n13\r\n$D\r\n0\r\nBad Trailer\r\n\r\n" },
    { name => 'a trailer of 10000 bytes', status => 400,
      raw => "$PUT$TE\r\n13\r\n$D\r\n0\r\nX-Big: " . ('t' x 10000) . "\r\n\r\n" },
    { name => '200 trailer fields', status => 400,
      raw => "$PUT$TE\r\n13\r\n$D\r\n0\r\n" . join('', map { "X-T$_: v\r\n" } 1 .. 200) . "\r\n" },
    { name => 'Content-Length as a trailer', status => 400, raw => "$PUT$TE\r\n13\r\n$D\r\n0\r\nContent-Length: 5\r\n\r\n" },
    { name => 'Transfer-Encoding as a trailer', status => 400,
      raw => "$PUT$TE\r\n13\r\n$D\r\n0\r\nTransfer-Encoding: chunked\r\n\r\n" },
    { name => 'a folded trailer', status => 400, raw => "$PUT$TE\r\n13\r\n$D\r\n0\r\nX-Fold: a\r\n b\r\n\r\n" },
    { name => 'a trailer cut short', status => 400, raw => "$PUT$TE\r\n13\r\n$D\r\n0\r\nX-Trailer: a" },
    # -- ends ------------------------------------------------------------------
    { name => 'no last chunk', status => 400, like => $unread, raw => "$PUT$TE\r\n13\r\n$D\r\n" },
    { name => 'no CRLF after the last chunk', status => 400, raw => "$PUT$TE\r\n13\r\n$D\r\n0\r\n" },
    { name => 'data cut short', status => 400, like => $unread, raw => "$PUT$TE\r\n13\r\n$D" },
    { name => 'nothing after the headers', status => 400, like => $unread, raw => "$PUT$TE\r\n" },
    # -- codings and lengths together ------------------------------------------
    { name => 'chunked spelt Chunked, bad size', status => 400, like => $framing,
      raw => "${PUT}Transfer-Encoding: Chunked\r\n\r\nzz\r\n" },
    { name => 'chunked twice', status => 400, raw => "$PUT$TE$TE\r\n13\r\n$D\r\n0\r\n\r\n" },
    { name => 'gzip, chunked', status => 400, raw => "${PUT}Transfer-Encoding: gzip, chunked\r\n\r\n13\r\n$D\r\n0\r\n\r\n" },
    { name => 'chunked and Content-Length 0', status => 400, like => $json,
      raw => "$PUT${TE}Content-Length: 0\r\n\r\n13\r\n$D\r\n0\r\n\r\n" },
    { name => 'Content-Length before chunked', status => 400, like => $json,
      raw => "${PUT}Content-Length: 3\r\n$TE\r\n13\r\n$D\r\n0\r\n\r\n" },
    { name => 'chunked, one byte per chunk, broken at the end', status => 400, like => $framing,
      raw => "$PUT$TE\r\n" . join('', map { "1\r\n$_\r\n" } split //, $D) . "1\r\nxx\r\n0\r\n\r\n" },
    # -- other routes ----------------------------------------------------------
    { name => 'picture, broken chunk', status => 400, like => $framing,
      raw => "PUT /api/v1/Contact/950/Image HTTP/1.1\r\n$H${A}Content-Type: image/png\r\n$TE\r\n8\r\n\x89PNG\r\n\x1a\nzz\r\n" },
    { name => 'picture by POST, size overflow', status => 413,
      raw => "POST /api/v1/Contact/950/Image HTTP/1.1\r\n$H${A}Content-Type: image/gif\r\n$TE\r\nfffffffffffffffffffff\r\nGIF89a\r\n0\r\n\r\n" },
    { name => 'merge patch, broken chunk', status => 400, like => $framing,
      raw => "PATCH /api/v1/Contact/950/ImageInfo HTTP/1.1\r\n$H${A}Content-Type: application/merge-patch+json\r\n$TE\r\n2\r\n{}xx\r\n0\r\n\r\n" },
    { name => 'unauthenticated, broken chunk', status => 401,
      raw => "PUT /api/v1/Contact/950/ImageInfo HTTP/1.1\r\n$H$J$TE\r\nzz\r\n" },
    { name => 'GET of an unknown contact with a broken chunked body', status => 404,
      raw => "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H$A$TE\r\nzz\r\n" },
]
