# Every route with every method: GET, HEAD, PUT, POST, PATCH, DELETE and
# OPTIONS on ImageInfo and Image, and methods no route serves. A method
# the route does not serve is a 405 with Allow; the ones it serves are
# sent here in ways that fail (no credentials, a contact that does not
# exist, a bad id, a bad body), so that nothing is written. Contact 990
# has a picture; 950 has none.
package SoiHostile::Methods;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $II = '/api/v1/Contact/950/ImageInfo';
my $IM = '/api/v1/Contact/950/Image';
my $not = qr/is not served here/;

sub bare { my ($method, $path, $extra) = @_; return "$method $path HTTP/1.1\r\n$H$A" . ($extra // '') . "\r\n" }
sub body {
    my ($method, $path, $type, $body) = @_;
    return "$method $path HTTP/1.1\r\n$H${A}Content-Type: $type\r\nContent-Length: " . length($body) . "\r\n\r\n$body";
}

[
    # -- ImageInfo ---------------------------------------------------------------
    { name => 'ImageInfo GET, unknown contact', status => 404, raw => bare(GET => '/api/v1/Contact/5000/ImageInfo') },
    { name => 'ImageInfo GET, deleted contact', status => 404, raw => bare(GET => '/api/v1/Contact/299/ImageInfo') },
    { name => 'ImageInfo GET, no credentials', status => 401, raw => "GET $II HTTP/1.1\r\n$H\r\n" },
    { name => 'ImageInfo GET with a body, unknown contact', status => 404,
      raw => "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H${A}Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" },
    { name => 'ImageInfo HEAD, unknown contact', status => 404, raw => bare(HEAD => '/api/v1/Contact/5000/ImageInfo') },
    { name => 'ImageInfo HEAD, bad id', status => 400, raw => bare(HEAD => '/api/v1/Contact/x/ImageInfo') },
    { name => 'ImageInfo HEAD, no credentials', status => 401, raw => "HEAD $II HTTP/1.1\r\n$H\r\n" },
    { name => 'ImageInfo PUT, unknown contact', status => 404, raw => body(PUT => '/api/v1/Contact/5000/ImageInfo', 'application/json', '{}') },
    { name => 'ImageInfo PUT, deleted contact', status => 404, raw => body(PUT => '/api/v1/Contact/199/ImageInfo', 'application/json', '{}') },
    { name => 'ImageInfo PUT, no body', status => 400, raw => "PUT $II HTTP/1.1\r\n$H${A}Content-Type: application/json\r\n\r\n" },
    { name => 'ImageInfo PUT, reader without Update', status => 403,
      raw => "PUT $II HTTP/1.1\r\n${H}Authorization: Basic cmVhZGVyOlJlYWRlcjE=\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" },
    { name => 'ImageInfo POST', status => 405, like => $not, raw => body(POST => $II, 'application/json', '{}') },
    { name => 'ImageInfo POST, no credentials', status => 405, raw => "POST $II HTTP/1.1\r\n${H}Content-Length: 0\r\n\r\n" },
    { name => 'ImageInfo PATCH, unknown contact', status => 404,
      raw => body(PATCH => '/api/v1/Contact/5000/ImageInfo', 'application/merge-patch+json', '{}') },
    { name => 'ImageInfo PATCH, no Content-Type', status => 415, raw => "PATCH $II HTTP/1.1\r\n$H${A}Content-Length: 2\r\n\r\n{}" },
    { name => 'ImageInfo DELETE', status => 405, like => $not, raw => bare(DELETE => $II) },
    { name => 'ImageInfo DELETE with a body', status => 405, raw => body(DELETE => $II, 'application/json', '{}') },
    { name => 'ImageInfo OPTIONS, bad id', status => 400, raw => bare(OPTIONS => '/api/v1/Contact/0/ImageInfo') },
    { name => 'ImageInfo OPTIONS, no route', status => 404, raw => bare(OPTIONS => '/api/v1/Contact/950/ImageInfoX') },
    # -- Image -------------------------------------------------------------------
    { name => 'Image GET, no picture', status => 404, like => qr/no picture|has no/i, raw => bare(GET => $IM) },
    { name => 'Image GET, unknown contact', status => 404, raw => bare(GET => '/api/v1/Contact/5000/Image') },
    { name => 'Image GET, no credentials', status => 401, raw => "GET /api/v1/Contact/990/Image HTTP/1.1\r\n$H\r\n" },
    { name => 'Image GET, reader with a wrong password', status => 401,
      raw => "GET /api/v1/Contact/990/Image HTTP/1.1\r\n${H}Authorization: Basic cmVhZGVyOndyb25n\r\n\r\n" },
    { name => 'Image HEAD, no picture', status => 404, raw => bare(HEAD => $IM) },
    { name => 'Image HEAD, bad id', status => 400, raw => bare(HEAD => '/api/v1/Contact/-5/Image') },
    { name => 'Image PUT, no credentials', status => 401,
      raw => "PUT $IM HTTP/1.1\r\n${H}Content-Type: image/png\r\nContent-Length: 8\r\n\r\n\x89PNG\r\n\x1a\n" },
    { name => 'Image PUT, reader without rights', status => 403,
      raw => "PUT $IM HTTP/1.1\r\n${H}Authorization: Basic cmVhZGVyOlJlYWRlcjE=\r\nContent-Type: image/png\r\nContent-Length: 8\r\n\r\n\x89PNG\r\n\x1a\n" },
    { name => 'Image PUT, unknown contact', status => 404, raw => body(PUT => '/api/v1/Contact/5000/Image', 'image/gif', 'GIF89a') },
    { name => 'Image POST, bad id', status => 400, raw => body(POST => '/api/v1/Contact/abc/Image', 'image/gif', 'GIF89a') },
    { name => 'Image POST, empty', status => 400, raw => body(POST => $IM, 'image/gif', '') },
    { name => 'Image PATCH', status => 405, like => $not, raw => body(PATCH => $IM, 'application/merge-patch+json', '{}') },
    { name => 'Image DELETE, unknown contact', status => 404, raw => bare(DELETE => '/api/v1/Contact/5000/Image') },
    { name => 'Image DELETE, no credentials', status => 401, raw => "DELETE /api/v1/Contact/990/Image HTTP/1.1\r\n$H\r\n" },
    { name => 'Image DELETE, reader without Delete', status => 403,
      raw => "DELETE /api/v1/Contact/990/Image HTTP/1.1\r\n${H}Authorization: Basic cmVhZGVyOlJlYWRlcjE=\r\n\r\n" },
    { name => 'Image DELETE, updater without Delete', status => 403,
      raw => "DELETE /api/v1/Contact/990/Image HTTP/1.1\r\n${H}Authorization: Basic dXBkYXRlcjpVcGRhdGVyMQ==\r\n\r\n" },
    { name => 'Image OPTIONS, no route', status => 404, raw => bare(OPTIONS => '/api/v1/Contact/950/Images') },
    { name => 'Image OPTIONS, overflowing id', status => 400, raw => bare(OPTIONS => '/api/v1/Contact/99999999999/Image') },
    # -- methods no route serves -------------------------------------------------
    (map { +{ name => "ImageInfo $_", status => 405, like => $not, raw => bare($_ => $II) } }
     qw(PROPFIND PROPPATCH MKCOL COPY MOVE LOCK UNLOCK SEARCH REPORT BREW FOO)),
    (map { +{ name => "Image $_", status => 405, like => $not, raw => bare($_ => $IM) } } qw(PROPFIND LINK UNLINK PURGE)),
    { name => 'TRACE', status => 405, raw => bare(TRACE => $II) },
    { name => 'TRACE with a body', status => 405, raw => body(TRACE => $II, 'application/json', '{}') },
    { name => 'lower-case get', status => 405, raw => bare(get => $II) },
    { name => 'lower-case put with a body', status => 405, raw => body(put => $II, 'application/json', '{}') },
    { name => 'Put in mixed case', status => 405, raw => body(Put => $IM, 'image/png', "\x89PNG\r\n\x1a\n") },
    { name => 'a method of 4000 letters', status => 405, raw => bare(('M' x 4000) => $II) },
    { name => 'M-SEARCH', status => 405, raw => bare('M-SEARCH' => $IM) },
    { name => 'a method of punctuation', status => 405, raw => bare(q{!#$%&'*+-.^_`|~} => $II) },
    { name => 'CONNECT', status => 405, httpd => 'connect', raw => "CONNECT localhost:80 HTTP/1.1\r\n$H$A\r\n" },
    { name => 'CONNECT to the route', status => 400, httpd => 'request-target', raw => bare(CONNECT => $II) },
    { name => 'PRI on the route', status => 405, like => $not, raw => bare(PRI => $II) },
    { name => 'the HTTP/2 connection preface', status => 400, httpd => 'request-target', raw => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" },
]
