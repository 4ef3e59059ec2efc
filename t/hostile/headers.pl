# Huge and repeated header fields. httpd reads the header section before
# any module runs: a line past LimitRequestFieldSize (8190 bytes), more
# than LimitRequestFields (100) fields, or a Content-Length that is not one
# valid number is refused by httpd itself. Everything below those limits
# reaches the module, which must read repeated fields (httpd joins them
# with ", ") as the malformed values they are.
package SoiHostile::Headers;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $J = "Content-Type: application/json\r\n";
my $II = '/api/v1/Contact/950/ImageInfo';
my $GET = "GET $II HTTP/1.1\r\n$H$A";
my $PUT = "PUT $II HTTP/1.1\r\n$H$A";
my $B = '{"IsZipped":"no"}';    # 17 bytes, never storable
my $D = '{"Description":"abc';    # 19 bytes, JSON cut short
my $big = 'a' x 8200;

[
    # -- Content-Length --------------------------------------------------------
    { name => 'Content-Length twice, same value', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length: 17\r\nContent-Length: 17\r\n\r\n$B" },
    { name => 'Content-Length twice, conflicting', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length: 17\r\nContent-Length: 5\r\n\r\n$B" },
    { name => 'Content-Length list in one field', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length: 17, 17\r\n\r\n$B" },
    { name => 'Content-Length not a number', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length: seventeen\r\n\r\n$B" },
    { name => 'Content-Length negative', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length: -17\r\n\r\n$B" },
    { name => 'Content-Length with a plus sign', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length: +17\r\n\r\n$B" },
    { name => 'Content-Length in hex', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length: 0x11\r\n\r\n$B" },
    { name => 'Content-Length in exponent form', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length: 1.7e1\r\n\r\n$B" },
    { name => 'Content-Length beyond 64 bits', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length: 99999999999999999999999\r\n\r\n$B" },
    { name => 'Content-Length empty', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length:\r\n\r\n$B" },
    { name => 'Content-Length with a trailing letter', status => 400, httpd => 'content-length',
      raw => "$PUT${J}Content-Length: 17x\r\n\r\n$B" },
    { name => 'Content-Length past the limit, body unsent', status => 413, like => qr/larger than the 65536 bytes/,
      raw => "$PUT${J}Content-Length: 9223372036854775807\r\n\r\n$B" },
    { name => 'Content-Length past SoImageInfoMaxBody', status => 413, like => qr/larger than the 600 bytes/,
      raw => "PUT /small/v1/Contact/950/ImageInfo HTTP/1.1\r\n$H$A${J}Content-Length: 601\r\n\r\n$B" },
    { name => 'Content-Length longer than the body', status => 400, like => qr/could not be read/,
      raw => "$PUT${J}Content-Length: 1000\r\n\r\n$D" },
    { name => 'Content-Length shorter than the body', status => 400, like => qr/not valid JSON/,
      raw => "$PUT${J}Content-Length: 18\r\n\r\n$D" },
    { name => 'Content-Length 0 with a body', status => 400, like => qr/body is empty/,
      raw => "$PUT${J}Content-Length: 0\r\n\r\n$B" },
    # -- Content-Type ----------------------------------------------------------
    { name => 'Content-Type twice, same', status => 400, like => qr/not a media type/,
      raw => "$PUT$J$J" . "Content-Length: 17\r\n\r\n$B" },
    { name => 'Content-Type twice, JSON and XML', status => 400, like => qr/not a media type/,
      raw => "$PUT${J}Content-Type: application/xml\r\nContent-Length: 17\r\n\r\n$B" },
    { name => 'Content-Type empty', status => 400, like => qr/not a media type/,
      raw => "${PUT}Content-Type:\r\nContent-Length: 17\r\n\r\n$B" },
    { name => 'Content-Type of 8000 bytes', status => 400, like => qr/not a media type/,
      raw => "${PUT}Content-Type: application/json; " . ('p' x 8000) . "\r\nContent-Length: 17\r\n\r\n$B" },
    { name => 'Content-Type with 1000 parameters', status => 415, like => qr/charset "latin1" is not accepted/,
      raw => "${PUT}Content-Type: application/json" . join('', map { "; p$_=v" } 1 .. 1000) . "; charset=latin1\r\nContent-Length: 17\r\n\r\n$B" },
    { name => 'Content-Type past the field limit', status => 400, httpd => 'field-size',
      raw => "${PUT}Content-Type: application/json; x=$big\r\nContent-Length: 17\r\n\r\n$B" },
    # -- Authorization ---------------------------------------------------------
    { name => 'Authorization twice, both valid', status => 401,
      raw => "GET $II HTTP/1.1\r\n$H$A$A\r\n" },
    { name => 'Authorization twice, Basic and Bearer', status => 401,
      raw => "GET $II HTTP/1.1\r\n$H${A}Authorization: Bearer 8A:abc\r\n\r\n" },
    { name => 'Authorization twice, one empty', status => 401,
      raw => "GET $II HTTP/1.1\r\n$H${A}Authorization:\r\n\r\n" },
    { name => 'Authorization of 8000 bytes', status => 401,
      raw => "GET $II HTTP/1.1\r\n${H}Authorization: Bearer " . ('A' x 8000) . "\r\n\r\n" },
    { name => 'Authorization past the field limit', status => 400, httpd => 'field-size',
      raw => "GET $II HTTP/1.1\r\n${H}Authorization: Basic $big\r\n\r\n" },
    { name => 'Authorization 20 times', status => 401, raw => "GET $II HTTP/1.1\r\n$H" . ($A x 20) . "\r\n" },
    # -- other fields past the limits -----------------------------------------
    { name => 'a field of 8200 bytes', status => 400, httpd => 'field-size', raw => "$GET" . "X-Big: $big\r\n\r\n" },
    { name => 'a field name of 8200 bytes', status => 400, httpd => 'field-size', raw => "$GET" . "X$big: 1\r\n\r\n" },
    { name => 'Accept past the field limit', status => 400, httpd => 'field-size', raw => "$GET" . "Accept: text/$big\r\n\r\n" },
    { name => 'Cookie past the field limit', status => 400, httpd => 'field-size',
      raw => "GET $II HTTP/1.1\r\n${H}Cookie: SOTICKET=$big\r\n\r\n" },
    { name => 'SO-Language past the field limit', status => 400, httpd => 'field-size',
      raw => "$GET" . "SO-Language: $big\r\n\r\n" },
    { name => 'If-Match past the field limit', status => 400, httpd => 'field-size',
      raw => "${PUT}If-Match: \"$big\"\r\n$J" . "Content-Length: 17\r\n\r\n$B" },
    { name => '101 fields', status => 400, httpd => 'field-count',
      raw => "$GET" . join('', map { "X-F$_: y\r\n" } 1 .. 99) . "\r\n" },
    { name => '1000 fields', status => 400, httpd => 'field-count',
      raw => "$GET" . join('', map { "X-F$_: y\r\n" } 1 .. 1000) . "\r\n" },
    { name => 'request line past LimitRequestLine', status => 414, httpd => 'request-line',
      raw => "GET /api/v1/Contact/950/ImageInfo?$big HTTP/1.1\r\n$H$A\r\n" },
    # -- just below the limits: the module reads them --------------------------
    { name => 'Accept of 8100 bytes allowing nothing', status => 406, like => qr/Accept/,
      raw => "$GET" . "Accept: " . join(', ', ('text/plain') x 675) . "\r\n\r\n" },
    { name => '90 fields of 8000 bytes', status => 404,
      raw => "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H$A" . join('', map { "X-Pad$_: " . ('p' x 8000) . "\r\n" } 1 .. 90) . "\r\n" },
    { name => 'Accept 95 times, none acceptable', status => 406,
      raw => "$GET" . ("Accept: image/png\r\n" x 95) . "\r\n" },
    { name => 'SO-Culture twice', status => 400, like => qr/culture/i,
      raw => "$GET" . "SO-Culture: sv\r\nSO-Culture: nb-NO\r\n\r\n" },
    { name => 'SO-TimeZone twice', status => 400, raw => "$GET" . "SO-TimeZone: NO\r\nSO-TimeZone: US-NY\r\n\r\n" },
    { name => 'If-Match twice, malformed together', status => 400, like => qr/If-Match/,
      raw => "${PUT}If-Match: abc\r\nIf-Match: \"x\r\n$J" . "Content-Length: 19\r\n\r\n{\"Description\":\"x\"}" },
    { name => 'X-XSRF-TOKEN of 8000 bytes with an unknown cookie', status => 401,
      raw => "$PUT" =~ s/\Q$A\E//r . "Cookie: SOTICKET=7T:unknown\r\nX-XSRF-TOKEN: " . ('x' x 8000) . "\r\n$J" . "Content-Length: 17\r\n\r\n$B" },
    { name => 'SO-AppToken of 8000 bytes', status => 401,
      raw => "$GET" . "SO-AppToken: " . ('t' x 8000) . "\r\n\r\n" },
    # -- Host and Expect -------------------------------------------------------
    { name => 'no Host', status => 400, httpd => 'host', raw => "GET $II HTTP/1.1\r\n$A\r\n" },
    { name => 'Host twice', status => 400, httpd => 'host', raw => "GET $II HTTP/1.1\r\n$H$H$A\r\n" },
    { name => 'Host with a path', status => 400, httpd => 'host', raw => "GET $II HTTP/1.1\r\nHost: local/host\r\n$A\r\n" },
    { name => 'Expect of another kind', status => 417, httpd => 'expect',
      raw => "$PUT${J}Expect: 200-ok\r\nContent-Length: 17\r\n\r\n$B" },
    { name => 'Expect 100-continue, JSON that is not', status => 400, like => qr/not valid JSON/,
      raw => "$PUT${J}Expect: 100-continue\r\nContent-Length: 19\r\n\r\n$D" },
    { name => 'Expect 100-continue, a DOCTYPE', status => 400, like => qr/DOCTYPE/,
      raw => "${PUT}Content-Type: application/xml\r\nExpect: 100-continue\r\nContent-Length: 21\r\n\r\n<!DOCTYPE a><a></a>\r\n" },
    { name => 'Expect 100-continue twice', status => 417, httpd => 'expect',
      raw => "$PUT${J}Expect: 100-continue\r\nExpect: 100-continue\r\nContent-Length: 19\r\n\r\n$D" },
    # -- HTTP/1.0 ----------------------------------------------------------------
    { name => 'HTTP/1.0 without Host, a bad id', status => 400, like => qr/contact id/,
      raw => "GET /api/v1/Contact/-1/ImageInfo HTTP/1.0\r\n$A\r\n" },
    { name => 'HTTP/1.0 with a broken chunked body', status => 400, like => qr/framing/,
      raw => "PUT $II HTTP/1.0\r\n$A${J}Transfer-Encoding: chunked\r\n\r\nzz\r\n" },
    { name => 'HTTP/1.0 keep-alive, then a body cut short', status => 400, like => qr/could not be read/,
      raw => "PUT $II HTTP/1.0\r\n$A${J}Connection: keep-alive\r\nContent-Length: 100\r\n\r\n$D" },
    # -- Content-Encoding (the module reads bodies as sent) -------------------------
    { name => 'Content-Encoding gzip, gzip bytes', status => 400, like => qr/not valid JSON/,
      raw => "$PUT${J}Content-Encoding: gzip\r\nContent-Length: 20\r\n\r\n\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xab\xae\x05\x00\x43\xbf\xa6\xa3\x02\x00" },
    { name => 'Expect 100-continue, refused type', status => 415,
      raw => "${PUT}Content-Type: text/plain\r\nExpect: 100-continue\r\nContent-Length: 17\r\n\r\n$B" },
]
