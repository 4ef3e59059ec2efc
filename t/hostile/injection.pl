# Header injection: CR, LF, NUL and other controls inside field values,
# obs-fold (a line starting with a space continues the one before; httpd
# joins them, so folded values reach the module as one), CR LF smuggled
# in percent-encoded form into the path and echoed in the message, and
# request lines and field names that are not the grammar. Bare control
# characters and broken lines are refused by httpd while it reads the
# header section. Nothing of what was sent may appear as a header of the
# response (the test checks that no X-Injected header comes back).
package SoiHostile::Injection;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $II = '/api/v1/Contact/950/ImageInfo';
my $GONE = "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H$A";    # authenticated, a contact that does not exist

sub put {
    my ($headers, $body) = @_;
    return "PUT $II HTTP/1.1\r\n$H$A$headers" . "Content-Length: " . length($body) . "\r\n\r\n$body";
}

[
    # -- control characters in values: httpd -----------------------------------
    { name => 'a bare CR in a value', status => 400, httpd => 'field-syntax', raw => "$GONE" . "X-CR: a\rX-Injected: 1\r\n\r\n" },
    { name => 'a bare LF starting a field without a colon', status => 400, httpd => 'field-syntax',
      raw => "$GONE" . "X-LF: a\nX Injected\r\n\r\n" },
    { name => 'a NUL in a value', status => 400, httpd => 'field-syntax', raw => "$GONE" . "X-NUL: a\0X-Injected: 1\r\n\r\n" },
    { name => 'a NUL in Content-Type', status => 400, httpd => 'field-syntax',
      raw => put("Content-Type: application/json\0text/plain\r\n", '{}') },
    { name => 'a DEL in a value', status => 400, httpd => 'field-syntax', raw => "$GONE" . "X-DEL: a\x7fb\r\n\r\n" },
    { name => 'an ESC in Authorization', status => 400, httpd => 'field-syntax',
      raw => "GET $II HTTP/1.1\r\n${H}Authorization: Basic \x1b[31mdGplMDpUamUw\r\n\r\n" },
    { name => 'a NUL in a field name', status => 400, httpd => 'field-syntax', raw => "$GONE" . "X\0Injected: 1\r\n\r\n" },
    { name => 'a space before the colon', status => 400, httpd => 'field-syntax', raw => "$GONE" . "Content-Type : text/plain\r\n\r\n" },
    { name => 'an empty field name', status => 400, httpd => 'field-syntax', raw => "$GONE" . ": x\r\n\r\n" },
    { name => 'a field name with parentheses', status => 400, httpd => 'field-syntax', raw => "$GONE" . "X(y): 1\r\n\r\n" },
    { name => 'a field without a colon', status => 400, httpd => 'field-syntax', raw => "$GONE" . "X-Injected\r\n\r\n" },
    { name => 'a fold before the first field', status => 400, httpd => 'field-syntax',
      raw => "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n X-Injected: 1\r\n$H$A\r\n" },
    { name => 'LF alone as the line end throughout', status => 400, httpd => 'field-syntax',
      raw => "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\n${H}X-A: a\nX-B: b\n\n" },
    # -- the request line: httpd -----------------------------------------------
    { name => 'tabs between the parts of the request line', status => 400, httpd => 'request-line-syntax',
      raw => "GET\t/api/v1/Contact/0/ImageInfo\tHTTP/1.1\r\n$H\r\n" },
    { name => 'two spaces after the method', status => 400, httpd => 'request-line-syntax',
      raw => "GET  /api/v1/Contact/0/ImageInfo HTTP/1.1\r\n$H\r\n" },
    { name => 'a space after the version', status => 400, httpd => 'request-line-syntax',
      raw => "GET /api/v1/Contact/0/ImageInfo HTTP/1.1 \r\n$H\r\n" },
    { name => 'the version in lower case', status => 400, httpd => 'request-line-syntax',
      raw => "GET /api/v1/Contact/0/ImageInfo http/1.1\r\n$H\r\n" },
    { name => 'a CR inside the method', status => 400, httpd => 'request-line-syntax', raw => "DEL\rETE $II HTTP/1.1\r\n$H\r\n" },
    { name => 'a method with a slash', status => 400, httpd => 'request-line-syntax', raw => "G/ET $II HTTP/1.1\r\n$H\r\n" },
    { name => 'a request line split by CR LF', status => 400, httpd => 'request-line-syntax', raw => "GET\r\n $II HTTP/1.1\r\n$H\r\n" },
    # -- obs-fold: httpd joins the lines, the module reads the value ------------
    { name => 'a folded Content-Type with a charset', status => 415, like => qr/charset "latin1"/,
      raw => put("Content-Type: application/json;\r\n charset=latin1\r\n", '{}') },
    { name => 'a folded Content-Type splitting the subtype', status => 400, like => qr/not a media type/,
      raw => put("Content-Type: text/pl\r\n ain\r\n", '{}') },
    { name => 'a folded Authorization with a field inside', status => 401,
      raw => "GET $II HTTP/1.1\r\n${H}Authorization: Basic dGplMDpUamUw\r\n X-Injected: 1\r\n\r\n" },
    { name => 'a folded SO-Language with Set-Cookie inside', status => 404,
      raw => "$GONE" . "SO-Language: sv\r\n\tSet-Cookie: x=1\r\n\r\n" },
    { name => 'a folded Accept allowing nothing', status => 406,
      raw => "GET $II HTTP/1.1\r\n$H${A}Accept: text/plain,\r\n image/png\r\n\r\n" },
    { name => 'a folded If-Match', status => 400, like => qr/If-Match/,
      raw => put("If-Match: \"a\",\r\n b\r\nContent-Type: application/json\r\n", '{"Description":"x"}') },
    { name => 'a folded SO-TimeZone', status => 400, like => qr/SO-TimeZone/,
      raw => "GET $II HTTP/1.1\r\n$H${A}SO-TimeZone: NO\r\n X-Injected: 1\r\n\r\n" },
    { name => 'many folds in one field', status => 400, like => qr/SO-Culture/,
      raw => "GET $II HTTP/1.1\r\n$H${A}SO-Culture: sv" . ("\r\n x" x 200) . "\r\n\r\n" },
    # -- encoded CR LF echoed by the module -------------------------------------
    { name => 'CR LF encoded in the contact id', status => 400, like => qr/contact id/,
      raw => "GET /api/v1/Contact/95%0d%0aX-Injected:%201/ImageInfo HTTP/1.1\r\n$H$A\r\n" },
    { name => 'CR LF encoded in the resource', status => 404,
      raw => "GET /api/v1/Contact/950/ImageInfo%0d%0aX-Injected:%201 HTTP/1.1\r\n$H$A\r\n" },
    { name => 'CR LF encoded in the method quoted by the 405', status => 405, like => qr/X%0D%0AInjected is not served/,
      raw => "X%0D%0AInjected $II HTTP/1.1\r\n$H$A\r\n" },
    { name => 'a quoted Content-Type broken by CR LF', status => 400, httpd => 'field-syntax',
      raw => put("Content-Type: application/json; x=\"a\\\r\n\"\r\n", '{}') },
    { name => 'XSRF header with encoded CR LF, unknown cookie', status => 401,
      raw => "PUT $II HTTP/1.1\r\n${H}Cookie: SOTICKET=7T:x\r\nX-XSRF-TOKEN: a%0d%0aX-Injected: 1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" },
    { name => 'Accept quoting CR LF', status => 406, raw => "GET $II HTTP/1.1\r\n$H${A}Accept: text/plain; x=\"%0d%0aX-Injected: 1\"\r\n\r\n" },
    { name => 'JSON text with CR LF and a header', status => 400,
      raw => put("Content-Type: application/json\r\n", qq({"Description":"a\r\nX-Injected: 1","BlobSize":-1})) },
    { name => 'a form value with encoded CR LF', status => 400,
      raw => put("Content-Type: application/x-www-form-urlencoded\r\n", 'Description=a%0D%0AX-Injected:%201&BlobSize=x') },
]
