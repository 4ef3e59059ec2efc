# Bytes that are not UTF-8 wherever the module reads text: the path, the
# header values it reads, JSON strings and names (ignored members too),
# XML text, names and attributes, form fields and patches. The module
# checks the bytes itself (strictly: no overlong forms, no surrogates, no
# code points past U+10FFFF), and every message it writes about them must
# itself be valid UTF-8 JSON.
package SoiHostile::Utf8;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $II = '/api/v1/Contact/950/ImageInfo';
my $GET = "GET $II HTTP/1.1\r\n$H$A";

sub put {
    my ($type, $body) = @_;
    return "PUT $II HTTP/1.1\r\n$H${A}Content-Type: $type\r\nContent-Length: " . length($body) . "\r\n\r\n$body";
}
sub patch {
    my ($type, $body) = @_;
    return "PATCH $II HTTP/1.1\r\n$H${A}Content-Type: $type\r\nContent-Length: " . length($body) . "\r\n\r\n$body";
}
sub chunked {
    my ($type, @pieces) = @_;
    return "PUT $II HTTP/1.1\r\n$H${A}Content-Type: $type\r\nTransfer-Encoding: chunked\r\n\r\n"
        . join('', map { sprintf('%x', length) . "\r\n$_\r\n" } @pieces) . "0\r\n\r\n";
}
my $json = 'application/json';
my $xml = 'application/xml';
my $form = 'application/x-www-form-urlencoded';
my $utf8 = qr/not valid UTF-8|not UTF-8|holds text/;

# The ways of not being UTF-8.
my %bad = (
    'a lone 0xFF' => "\xff",
    'a lone continuation byte' => "\x80",
    'an overlong slash' => "\xc0\xaf",
    'an overlong NUL' => "\xc0\x80",
    'an overlong three-byte form' => "\xe0\x80\xaf",
    'an encoded surrogate' => "\xed\xa0\x80",
    'a code point past U+10FFFF' => "\xf4\x90\x80\x80",
    'a five-byte form' => "\xf8\x88\x80\x80\x80",
    'a sequence cut short' => "\xe2\x82",
    'Latin-1' => "Bj\xf6rk",
);
my @bad = sort keys %bad;

[
    # -- JSON: every way, in a writable string ---------------------------------
    (map { +{ name => "JSON Description: $_", status => 400, like => $utf8,
              raw => put($json, qq({"Description":"x$bad{$_}y"})) } } @bad),
    # -- JSON: in other places ---------------------------------------------------
    { name => 'JSON MimeType at the end of the body', status => 400, like => $utf8,
      raw => put($json, qq({"MimeType":"\xff"})) },
    { name => 'JSON in an unknown member', status => 400, like => $utf8,
      raw => put($json, qq({"Colour":"\xc3\x28"})) },
    { name => 'JSON in a member name', status => 400, like => $utf8,
      raw => put($json, qq({"Desc\xffription":"x"})) },
    { name => 'JSON in CreatedBy, ignored', status => 400, like => $utf8,
      raw => put($json, qq({"CreatedBy":{"Name":"\xed\xbf\xbf"}})) },
    { name => 'JSON in an array of an unknown member', status => 400, like => $utf8,
      raw => put($json, qq({"x":[1,"\xf0\x8f\xbf\xbf"]})) },
    { name => 'JSON in TableRight, ignored', status => 400, like => $utf8,
      raw => put($json, qq({"TableRight":{"Mask":"FULL\xfe"}})) },
    { name => 'JSON in a date', status => 400, like => qr/CreatedDate/,
      raw => put($json, qq({"CreatedDate":"2020-01-01T00:00:00\xffZ"})) },
    { name => 'JSON bytes outside strings', status => 400, raw => put($json, qq({"Description":"x"\xff})) },
    { name => 'JSON with a UTF-16 BOM', status => 400, raw => put($json, qq(\xff\xfe{\0}\0)) },
    { name => 'JSON lone high surrogate escape', status => 400, like => qr/unpaired surrogate/,
      raw => put($json, '{"Description":"\ud800"}') },
    { name => 'JSON lone low surrogate escape', status => 400, like => qr/unpaired surrogate/,
      raw => put($json, '{"ExtraInfo":"\udc00"}') },
    { name => 'JSON high surrogate escape then a letter', status => 400, like => qr/unpaired surrogate/,
      raw => put($json, '{"ConceptualType":"\ud800\u0041"}') },
    { name => 'JSON two high surrogate escapes', status => 400, like => qr/unpaired surrogate/,
      raw => put($json, '{"MimeType":"\udbff\udbff"}') },
    { name => 'JSON on text/json', status => 400, like => $utf8,
      raw => put('text/json', qq({"Description":"\xc1\xbf"})) },
    # -- patches ---------------------------------------------------------------
    { name => 'merge patch value', status => 400, like => $utf8,
      raw => patch('application/merge-patch+json', qq({"Description":"\xff"})) },
    { name => 'merge patch name', status => 400, raw => patch('application/merge-patch+json', qq({"\xffDescription":"x"})) },
    { name => 'JSON Patch value', status => 400, like => $utf8,
      raw => patch('application/json-patch+json', qq([{"op":"replace","path":"/Description","value":"\xe0\x80\x80"}])) },
    { name => 'JSON Patch path', status => 400,
      raw => patch('application/json-patch+json', qq([{"op":"replace","path":"/Descr\xffiption","value":"x"}])) },
    { name => 'JSON Patch op', status => 400, raw => patch('application/json-patch+json', qq([{"op":"repl\xc0\xafce","path":"/Description","value":"x"}])) },
    # -- XML -------------------------------------------------------------------
    (map { +{ name => "XML Description: $_", status => 400,
              raw => put($xml, "<BlobEntity><Description>x$bad{$_}y</Description></BlobEntity>") } }
     grep { $_ ne 'Latin-1' } @bad),
    { name => 'XML in an attribute', status => 400,
      raw => put($xml, qq(<BlobEntity a="\xff"><Description>x</Description></BlobEntity>)) },
    { name => 'XML in an element name', status => 400,
      raw => put($xml, "<BlobEntity><Desc\xffription>x</Desc\xffription></BlobEntity>") },
    { name => 'XML in a comment', status => 400, raw => put($xml, "<BlobEntity><!-- \xff --></BlobEntity>") },
    { name => 'XML in CDATA', status => 400, raw => put($xml, "<BlobEntity><Description><![CDATA[\xed\xa0\x80]]></Description></BlobEntity>") },
    { name => 'XML in a processing instruction', status => 400, raw => put($xml, "<?pi \xfe?><BlobEntity/>") },
    { name => 'XML declared as ISO-8859-1', status => 400,
      raw => put($xml, qq(<?xml version="1.0" encoding="ISO-8859-1"?><BlobEntity><Description>Bj\xf6rk</Description></BlobEntity>)) },
    { name => 'XML in UTF-16 with a BOM', status => 400,
      raw => put($xml, "\xff\xfe" . join('', map { "$_\0" } split //, '<BlobEntity/>')) },
    { name => 'XML on text/xml', status => 400, raw => put('text/xml', "<BlobEntity><MimeType>\x80</MimeType></BlobEntity>") },
    # -- forms -----------------------------------------------------------------
    { name => 'form value percent-encoded 0xFF', status => 400, like => $utf8, raw => put($form, 'Description=%FF') },
    { name => 'form value overlong', status => 400, like => $utf8, raw => put($form, 'ExtraInfo=%C0%AF') },
    { name => 'form value surrogate', status => 400, like => $utf8, raw => put($form, 'MimeType=%ED%A0%80') },
    { name => 'form value raw 0xFF', status => 400, raw => put($form, "Description=\xff") },
    { name => 'form name', status => 400, raw => put($form, 'Desc%FFription=x') },
    # -- split between chunks: the checks keep their state from one piece to the next
    { name => 'JSON, a sequence split between chunks', status => 400, like => $utf8,
      raw => chunked($json, '{"Description":"a', "\xc3", "\x28", '"}') },
    { name => 'JSON, an overlong form byte by byte', status => 400, like => $utf8,
      raw => chunked($json, '{"ExtraInfo":"', "\xe0", "\x80", "\xaf", '"}') },
    { name => 'XML, a sequence split between chunks', status => 400,
      raw => chunked($xml, '<BlobEntity><Description>a', "\xed", "\xa0\x80", '</Description></BlobEntity>') },
    { name => 'form, a percent escape split between chunks', status => 400, like => $utf8,
      raw => chunked($form, 'Description=%C', '3%2', '8') },
    # -- the path --------------------------------------------------------------
    { name => 'path: id percent-encoded 0xFF', status => 400, like => qr/contact id/,
      raw => "GET /api/v1/Contact/9%FF50/ImageInfo HTTP/1.1\r\n$H$A\r\n" },
    { name => 'path: id overlong digit', status => 400, like => qr/contact id/,
      raw => "GET /api/v1/Contact/%C0%B9%C0%B5%C0%B0/ImageInfo HTTP/1.1\r\n$H$A\r\n" },
    { name => 'path: resource with a surrogate', status => 404,
      raw => "GET /api/v1/Contact/950/Image%ED%A0%80Info HTTP/1.1\r\n$H$A\r\n" },
    { name => 'path: raw 0xFF in the request line', status => 400, like => qr/contact id/,
      raw => "GET /api/v1/Contact/9\xff50/ImageInfo HTTP/1.1\r\n$H$A\r\n" },
    # -- header values the module reads -----------------------------------------
    { name => 'Content-Type parameter', status => 400,
      raw => "PUT $II HTTP/1.1\r\n$H${A}Content-Type: application/json; x=\xff\r\nContent-Length: 2\r\n\r\n{}" },
    { name => 'Content-Type charset', status => 415, like => qr/charset/,
      raw => "PUT $II HTTP/1.1\r\n$H${A}Content-Type: application/json; charset=\"utf-8\xff\"\r\nContent-Length: 2\r\n\r\n{}" },
    { name => 'Accept', status => 406, raw => "$GET" . "Accept: image/\xffpng, text/plain\r\n\r\n" },
    { name => 'Accept, nothing readable, on a missing contact', status => 404,
      raw => "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H${A}Accept: image/\xffpng, te\xc0\xafxt/plain\r\n\r\n" },
    { name => 'Accept-Language, on a missing contact', status => 404,
      raw => "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H${A}Accept-Language: sv\xff\r\n\r\n" },
    { name => 'SO-Language, on a bad id', status => 400,
      raw => "GET /api/v1/Contact/x/ImageInfo HTTP/1.1\r\n$H${A}SO-Language: \xc3\xa5\xff\r\n\r\n" },
    { name => 'SO-Culture', status => 400, like => qr/SO-Culture/, raw => "$GET" . "SO-Culture: sv-\xff\r\n\r\n" },
    { name => 'SO-TimeZone', status => 400, like => qr/SO-TimeZone/, raw => "$GET" . "SO-TimeZone: N\xd8\r\n\r\n" },
    { name => 'If-None-Match', status => 400, like => qr/If-None-Match/,
      raw => "$GET" . "If-None-Match: \xff\xfe\r\n\r\n" },
    { name => 'Basic credentials, password', status => 401, raw => "GET $II HTTP/1.1\r\n${H}Authorization: Basic dGplMDr/\r\n\r\n" },
    { name => 'Basic credentials, user', status => 401, raw => "GET $II HTTP/1.1\r\n${H}Authorization: Basic wK86VGplMA==\r\n\r\n" },
    { name => 'Basic credentials raw', status => 401, raw => "GET $II HTTP/1.1\r\n${H}Authorization: Basic \xff\xfe\r\n\r\n" },
    { name => 'scheme name', status => 401, raw => "GET $II HTTP/1.1\r\n${H}Authorization: B\xe4sic dGplMDpUamUw\r\n\r\n" },
    { name => 'SOTicket token', status => 401, raw => "GET $II HTTP/1.1\r\n${H}Authorization: SOTicket 7T:\xc3\xa9\xff\r\n\r\n" },
    { name => 'cookie', status => 401, raw => "GET $II HTTP/1.1\r\n${H}Cookie: SOTICKET=7T:\xff\xfe\r\n\r\n" },
    { name => 'SO-AppToken', status => 401, raw => "$GET" . "SO-AppToken: \xed\xa0\x80\r\n\r\n" },
    { name => 'Range, on a missing picture', status => 404,
      raw => "GET /api/v1/Contact/951/Image HTTP/1.1\r\n$H${A}Range: bytes=\xff-\r\n\r\n" },
]
