# Broken multipart/form-data on PUT and POST of the picture (RFC 2046, RFC
# 7578): bad boundary parameters, bodies without the delimiter, without the
# close delimiter, broken part headers, too many parts, too much padding,
# huge part headers, parts whose type or bytes are wrong. Each is a 400
# (415 for a part type that is no picture, 413 past the picture limit), and
# nothing is stored.
package SoiHostile::Multipart;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $IM = '/api/v1/Contact/950/Image';
my $B = 'soiHostileBoundary';
my $PNG = "\x89PNG\r\n\x1a\n" . ('p' x 24);
my $disp = 'Content-Disposition: form-data; name="picture"; filename="me.png"';

sub req {
    my ($ctype, $body, $method, $path) = @_;
    return ($method // 'PUT') . ' ' . ($path // $IM) . " HTTP/1.1\r\n$H${A}Content-Type: $ctype\r\nContent-Length: "
        . length($body) . "\r\n\r\n$body";
}
sub mp { my ($b) = @_; return 'multipart/form-data; boundary=' . ($b // $B) }
# A well-formed form of one file part, to be broken in one place.
sub part { my ($headers, $content) = @_; return "--$B\r\n$headers\r\n\r\n$content\r\n" }
my $close = "--$B--\r\n";

[
    # -- the boundary parameter --------------------------------------------------
    { name => 'no boundary', status => 400, like => qr/no boundary/,
      raw => req('multipart/form-data', part($disp, $PNG) . $close) },
    { name => 'an empty boundary', status => 400, raw => req('multipart/form-data; boundary=""', "--\r\n\r\n$PNG\r\n----\r\n") },
    { name => 'a boundary of 71 characters', status => 400, like => qr/at most 70/,
      raw => req(mp('b' x 71), '--' . ('b' x 71) . "\r\n$disp\r\n\r\n$PNG\r\n--" . ('b' x 71) . "--\r\n") },
    { name => 'a boundary of 5000 characters', status => 400, raw => req(mp('b' x 5000), "--x\r\n") },
    { name => 'a boundary ending in a space', status => 400, raw => req('multipart/form-data; boundary="ab "', "--ab \r\n\r\nx\r\n--ab --\r\n") },
    { name => 'a boundary with a quote escape', status => 400, raw => req('multipart/form-data; boundary="a\\"b"', "--a\"b\r\n\r\nx\r\n--a\"b--\r\n") },
    { name => 'a boundary with 8-bit bytes', status => 400, raw => req("multipart/form-data; boundary=\"a\xffb\"", "--a\xffb\r\n\r\nx\r\n--a\xffb--\r\n") },
    { name => 'a boundary quoted, never closed', status => 400, raw => req('multipart/form-data; boundary="abc', "--abc\r\n") },
    { name => 'the boundary twice', status => 400, like => qr/more than once/,
      raw => req("multipart/form-data; boundary=$B; boundary=other", part($disp, $PNG) . $close) },
    { name => 'the boundary of another part of the body', status => 400, like => qr/no delimiter/,
      raw => req(mp('other'), part($disp, $PNG) . $close) },
    # -- delimiters --------------------------------------------------------------
    { name => 'no delimiter at all', status => 400, like => qr/no delimiter/, raw => req(mp(), $PNG) },
    { name => 'no close delimiter', status => 400, like => qr/without its close delimiter/, raw => req(mp(), part($disp, $PNG)) },
    { name => 'the close delimiter only', status => 400, like => qr/holds no part/, raw => req(mp(), $close) },
    { name => 'the close delimiter cut short', status => 400, raw => req(mp(), part($disp, $PNG) . "--$B-") },
    { name => 'a delimiter with no CRLF after it', status => 400, raw => req(mp(), "--$B$disp\r\n\r\n$PNG\r\n$close") },
    { name => 'a delimiter with LF alone', status => 400, raw => req(mp(), "--$B\n$disp\n\n$PNG\n--$B--\n") },
    { name => 'padding of 300 spaces after a delimiter', status => 400, like => qr/spaces or tabs/,
      raw => req(mp(), "--$B" . (' ' x 300) . "\r\n$disp\r\n\r\n$PNG\r\n$close") },
    { name => 'junk after a delimiter', status => 400, raw => req(mp(), "--${B}junk\r\n$disp\r\n\r\n$PNG\r\n$close") },
    { name => 'a preamble and nothing else', status => 400, raw => req(mp(), "This is the preamble.\r\n") },
    { name => '65 parts', status => 400, like => qr/more than 64 parts/,
      raw => req(mp(), join('', map { part(qq(Content-Disposition: form-data; name="f$_"), 'v') } 1 .. 65) . $close) },
    # -- part headers ------------------------------------------------------------
    { name => 'a part without headers, not a picture', status => 400, raw => req(mp(), "--$B\r\n\r\nnot a picture\r\n$close") },
    { name => 'a part header folded', status => 400, like => qr/folded/, raw => req(mp(), part("$disp\r\n continued", $PNG) . $close) },
    { name => 'a part header with a bare LF', status => 400, raw => req(mp(), part("Content-Type: image/png\nX: y\r\n$disp", $PNG) . $close) },
    { name => 'a part header without a colon', status => 400, raw => req(mp(), part("$disp\r\nNo colon here", $PNG) . $close) },
    { name => 'part headers of 9000 bytes', status => 400, like => qr/bytes of headers/,
      raw => req(mp(), part("$disp\r\nX-Pad: " . ('p' x 9000), $PNG) . $close) },
    { name => 'part headers of 40000 bytes in many lines', status => 400, like => qr/bytes of headers/,
      raw => req(mp(), part(join("\r\n", $disp, map { "X-Pad$_: " . ('p' x 70) } 1 .. 500), $PNG) . $close) },
    { name => 'a filename of 9000 bytes', status => 400,
      raw => req(mp(), part('Content-Disposition: form-data; name="picture"; filename="' . ('f' x 9000) . '"', $PNG) . $close) },
    { name => 'Content-Disposition twice', status => 400, like => qr/more than once/,
      raw => req(mp(), part("$disp\r\n$disp", $PNG) . $close) },
    { name => 'Content-Disposition attachment', status => 400, like => qr/form-data/,
      raw => req(mp(), part('Content-Disposition: attachment; filename="me.png"', $PNG) . $close) },
    { name => 'Content-Disposition unreadable', status => 400,
      raw => req(mp(), part('Content-Disposition: form-data; name="pic', $PNG) . $close) },
    { name => 'headers ending in the body', status => 400, like => qr/ends in the headers/, raw => req(mp(), "--$B\r\n$disp\r\nContent-Type: ima") },
    { name => 'a delimiter among the headers', status => 400, raw => req(mp(), "--$B\r\n$disp\r\n--$B\r\n\r\n$PNG\r\n$close") },
    { name => 'a part header with 8-bit bytes', status => 400, raw => req(mp(), part("$disp\r\nX-\xff: \xfe", 'x') . $close) },
    # -- the file part -----------------------------------------------------------
    { name => 'a text/plain file part', status => 415, raw => req(mp(), part("$disp\r\nContent-Type: text/plain", 'hello') . $close) },
    { name => 'a part type with a charset', status => 415, raw => req(mp(), part("$disp\r\nContent-Type: image/png; charset=latin1", $PNG) . $close) },
    { name => 'a malformed part type', status => 415, raw => req(mp(), part("$disp\r\nContent-Type: image", $PNG) . $close) },
    { name => 'a PNG part with JPEG bytes', status => 400, raw => req(mp(), part("$disp\r\nContent-Type: image/png", "\xff\xd8\xff\xe0") . $close) },
    { name => 'an octet-stream part that is no picture', status => 400,
      raw => req(mp(), part("$disp\r\nContent-Type: application/octet-stream", 'MZ executable') . $close) },
    { name => 'an empty file part', status => 400, like => qr/empty/, raw => req(mp(), part("$disp\r\nContent-Type: image/png", '') . $close) },
    { name => 'a nested multipart part', status => 415,
      raw => req(mp(), part("$disp\r\nContent-Type: multipart/mixed; boundary=inner", "--inner\r\n\r\n$PNG\r\n--inner--") . $close) },
    { name => 'a base64 part', status => 400,
      raw => req(mp(), part("$disp\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64", 'iVBORw0KGgo=') . $close) },
    { name => 'a part past SoImageInfoMaxImage', status => 413,
      raw => req(mp(), part("$disp\r\nContent-Type: image/png", $PNG . ('x' x 1200)) . $close, 'POST', '/smallimage/v1/Contact/950/Image') },
    # -- other mistakes ----------------------------------------------------------
    { name => 'form on POST, broken close', status => 400, raw => req(mp(), part($disp, $PNG) . "--$B-\r\n", 'POST') },
    { name => 'multipart/mixed', status => 415, raw => req("multipart/mixed; boundary=$B", part($disp, $PNG) . $close) },
    { name => 'multipart to a missing contact', status => 404, raw => req(mp(), part($disp, $PNG) . $close, 'PUT', '/api/v1/Contact/5000/Image') },
    { name => 'multipart chunked, framing broken', status => 400,
      raw => "POST $IM HTTP/1.1\r\n$H${A}Content-Type: " . mp() . "\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n--$B\r\npppppp\r\nzz\r\n" },
]
