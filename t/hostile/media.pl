# Every media type the module reads or writes, with a body that is wrong
# for it, and types it does not take on the route: application/json,
# text/json, application/xml, text/xml, forms, multipart/form-data, JSON
# Patch, merge patch, image/png, image/jpeg, image/gif, image/tiff, and
# the parameters of Content-Type. Contact 950 has no picture; contact 990
# has a PNG picture of 100 bytes (made by the test before the replay).
package SoiHostile::Media;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0

sub req {
    my ($method, $path, $type, $body, $accept) = @_;
    return "$method $path HTTP/1.1\r\n$H$A" . (defined $type ? "Content-Type: $type\r\n" : '')
        . (defined $accept ? "Accept: $accept\r\n" : '') . 'Content-Length: ' . length($body) . "\r\n\r\n$body";
}
my $II = '/api/v1/Contact/950/ImageInfo';
my $IM = '/api/v1/Contact/950/Image';
my $PNG = "\x89PNG\r\n\x1a\n";
my $unsupported = qr/is not accepted here/;
my $notjson = qr/not valid JSON/;
my $notxml = qr/not well-formed XML/;
my $magic = qr/bytes/;

[
    # -- JSON ------------------------------------------------------------------
    { name => 'JSON not JSON', status => 400, like => $notjson, raw => req(PUT => $II, 'application/json', 'not json') },
    { name => 'JSON an open brace', status => 400, like => $notjson, raw => req(PUT => $II, 'application/json', '{') },
    { name => 'JSON an array', status => 400, like => qr/must be a JSON object/, raw => req(PUT => $II, 'application/json', '[]') },
    { name => 'JSON null', status => 400, like => qr/must be a JSON object/, raw => req(PUT => $II, 'application/json', 'null') },
    { name => 'JSON a string', status => 400, like => qr/must be a JSON object/, raw => req(PUT => $II, 'application/json', '"{}"') },
    { name => 'JSON two objects', status => 400, like => $notjson, raw => req(PUT => $II, 'application/json', '{}{}') },
    { name => 'JSON with a UTF-8 BOM', status => 400, raw => req(PUT => $II, 'application/json', "\xef\xbb\xbf{}") },
    { name => 'JSON with a comment', status => 400, raw => req(PUT => $II, 'application/json', '{/* c */}') },
    { name => 'JSON with a trailing comma', status => 400, raw => req(PUT => $II, 'application/json', '{"Description":"x",}') },
    { name => 'JSON single-quoted', status => 400, raw => req(PUT => $II, 'application/json', "{'Description':'x'}") },
    { name => 'JSON an XML body', status => 400, like => $notjson, raw => req(PUT => $II, 'application/json', '<BlobEntity/>') },
    { name => 'JSON a form body', status => 400, like => $notjson, raw => req(PUT => $II, 'application/json', 'Description=x') },
    { name => 'JSON empty', status => 400, like => qr/body is empty/, raw => req(PUT => $II, 'application/json', '') },
    { name => 'JSON only spaces', status => 400, raw => req(PUT => $II, 'application/json', '    ') },
    { name => 'JSON a PNG', status => 400, raw => req(PUT => $II, 'application/json', $PNG . 'IHDR') },
    { name => 'text/json cut short', status => 400, like => $notjson, raw => req(PUT => $II, 'text/json', '{"Description":"x"') },
    { name => 'text/json wrong types', status => 400, raw => req(PUT => $II, 'text/json', '{"IsZipped":1,"IsEncrypted":"true"}') },
    { name => 'JSON, XML asked for', status => 400, xml => 1, like => $notjson, raw => req(PUT => $II, 'application/json', '{', 'application/xml') },
    { name => 'JSON on PATCH', status => 415, like => $unsupported, raw => req(PATCH => $II, 'application/json', '{}') },
    { name => 'text/json on PATCH', status => 415, raw => req(PATCH => $II, 'text/json', '{"Description":"x"}') },
    # -- XML -------------------------------------------------------------------
    { name => 'XML not XML', status => 400, like => $notxml, raw => req(PUT => $II, 'application/xml', 'not xml') },
    { name => 'XML an open element', status => 400, raw => req(PUT => $II, 'application/xml', '<BlobEntity>') },
    { name => 'XML a JSON body', status => 400, raw => req(PUT => $II, 'application/xml', '{"Description":"x"}') },
    { name => 'XML empty', status => 400, like => qr/body is empty/, raw => req(PUT => $II, 'application/xml', '') },
    { name => 'XML a wrong type', status => 400, raw => req(PUT => $II, 'application/xml', '<BlobEntity><IsZipped>yes</IsZipped></BlobEntity>') },
    { name => 'XML an object for a string', status => 400,
      raw => req(PUT => $II, 'application/xml', '<BlobEntity><Description><x>1</x></Description></BlobEntity>') },
    { name => 'text/xml cut short', status => 400, raw => req(PUT => $II, 'text/xml', '<BlobEntity><Description>x</Descr') },
    { name => 'text/xml, text/xml asked for', status => 400, xml => 1, raw => req(PUT => $II, 'text/xml', '<a></b>', 'text/xml') },
    { name => 'XML on PATCH', status => 415, raw => req(PATCH => $II, 'application/xml', '<BlobEntity/>') },
    { name => 'text/xml on PATCH', status => 415, raw => req(PATCH => $II, 'text/xml', '<BlobEntity/>') },
    # -- forms -----------------------------------------------------------------
    { name => 'form a JSON body with an escape cut short', status => 400,
      raw => req(PUT => $II, 'application/x-www-form-urlencoded', '{"Description":"%E2%82"}') },
    { name => 'form on PATCH', status => 415, raw => req(PATCH => $II, 'application/x-www-form-urlencoded', 'Description=x') },
    { name => 'form on the picture', status => 415, raw => req(PUT => $IM, 'application/x-www-form-urlencoded', 'picture=x') },
    # -- patches ---------------------------------------------------------------
    { name => 'JSON Patch an object', status => 400, raw => req(PATCH => $II, 'application/json-patch+json', '{}') },
    { name => 'JSON Patch without op', status => 400, raw => req(PATCH => $II, 'application/json-patch+json', '[{"path":"/Description"}]') },
    { name => 'JSON Patch an unknown op', status => 400,
      raw => req(PATCH => $II, 'application/json-patch+json', '[{"op":"explode","path":"/Description"}]') },
    { name => 'JSON Patch add without a path', status => 400, raw => req(PATCH => $II, 'application/json-patch+json', '[{"op":"add","value":1}]') },
    { name => 'JSON Patch add without a value', status => 400,
      raw => req(PATCH => $II, 'application/json-patch+json', '[{"op":"add","path":"/Description"}]') },
    { name => 'JSON Patch move without from', status => 400,
      raw => req(PATCH => $II, 'application/json-patch+json', '[{"op":"move","path":"/Description"}]') },
    { name => 'JSON Patch a server-set path', status => 400,
      raw => req(PATCH => $II, 'application/json-patch+json', '[{"op":"replace","path":"/CreatedDate","value":null}]') },
    { name => 'JSON Patch into an object', status => 400,
      raw => req(PATCH => $II, 'application/json-patch+json', '[{"op":"replace","path":"/CreatedBy/Name","value":"x"}]') },
    { name => 'JSON Patch an array of numbers', status => 400, raw => req(PATCH => $II, 'application/json-patch+json', '[1,2,3]') },
    { name => 'JSON Patch a failed test', status => 409,
      raw => req(PATCH => $II, 'application/json-patch+json', '[{"op":"test","path":"/Description","value":"nope"}]') },
    { name => 'JSON Patch empty', status => 400, raw => req(PATCH => $II, 'application/json-patch+json', '') },
    { name => 'JSON Patch by PUT, an object', status => 400, raw => req(PUT => $II, 'application/json-patch+json', '{"Description":"x"}') },
    { name => 'merge patch an array', status => 400, raw => req(PATCH => $II, 'application/merge-patch+json', '[]') },
    { name => 'merge patch a number', status => 400, raw => req(PATCH => $II, 'application/merge-patch+json', '5') },
    { name => 'merge patch BlobId', status => 400, raw => req(PATCH => $II, 'application/merge-patch+json', '{"BlobId":1}') },
    { name => 'merge patch an unknown member', status => 400, like => qr/not a property/,
      raw => req(PATCH => $II, 'application/merge-patch+json', '{"Colour":"red"}') },
    { name => 'merge patch by PUT, cut short', status => 400, raw => req(PUT => $II, 'application/merge-patch+json', '{"Description":') },
    { name => 'merge patch, merge patch asked for', status => 400, raw => req(PATCH => $II, 'application/merge-patch+json', '{', 'application/merge-patch+json') },
    # -- types not taken -------------------------------------------------------
    { name => 'multipart on ImageInfo', status => 415, like => $unsupported,
      raw => req(PUT => $II, 'multipart/form-data; boundary=x', "--x\r\n\r\n{}\r\n--x--\r\n") },
    { name => 'image/png on ImageInfo', status => 415, like => $unsupported, raw => req(PUT => $II, 'image/png', $PNG) },
    { name => 'JSON on the picture', status => 415, like => $unsupported, raw => req(PUT => $IM, 'application/json', '{}') },
    { name => 'XML on the picture by POST', status => 415, raw => req(POST => $IM, 'application/xml', '<BlobEntity/>') },
    { name => 'JSON Patch on the picture', status => 415, raw => req(PUT => $IM, 'application/json-patch+json', '[]') },
    { name => 'image/svg+xml', status => 415, raw => req(PUT => $IM, 'image/svg+xml', '<svg/>') },
    { name => 'image/webp', status => 415, raw => req(PUT => $IM, 'image/webp', 'RIFF0000WEBP') },
    { name => 'image/*', status => 415, raw => req(PUT => $IM, 'image/*', $PNG) },
    { name => 'application/octet-stream', status => 415, raw => req(PUT => $IM, 'application/octet-stream', $PNG) },
    { name => 'text/plain', status => 415, raw => req(PUT => $II, 'text/plain', '{}') },
    { name => 'no Content-Type, ImageInfo', status => 415, like => qr/no Content-Type/, raw => req(PUT => $II, undef, '{}') },
    { name => 'no Content-Type, picture', status => 415, like => qr/no Content-Type/, raw => req(PUT => $IM, undef, $PNG) },
    # -- Content-Type parameters -----------------------------------------------
    { name => 'charset latin1', status => 415, like => qr/charset/, raw => req(PUT => $II, 'application/json; charset=latin1', '{}') },
    { name => 'charset utf-16 quoted', status => 415, raw => req(PUT => $II, 'application/json; charset="utf-16"', '{}') },
    { name => 'charset twice, second latin1', status => 415, raw => req(PUT => $II, 'application/json; charset=utf-8; charset=latin1', '{}') },
    { name => 'charset on a picture', status => 415, raw => req(PUT => $IM, 'image/png; charset=ascii', $PNG) },
    { name => 'a parameter without a value', status => 400, like => qr/not a media type/, raw => req(PUT => $II, 'application/json; charset', '{}') },
    { name => 'a parameter without a name', status => 400, raw => req(PUT => $II, 'application/json; =utf-8', '{}') },
    { name => 'no subtype', status => 400, raw => req(PUT => $II, 'application/', '{}') },
    { name => 'no slash', status => 400, raw => req(PUT => $II, 'json', '{}') },
    { name => 'a quoted parameter never closed', status => 400, raw => req(PUT => $II, 'application/json; x="open', '{}') },
    { name => 'a comma list', status => 400, raw => req(PUT => $IM, 'image/png, image/gif', $PNG) },
    # -- pictures whose bytes are not what they claim ----------------------------
    { name => 'PNG, JPEG bytes', status => 400, like => $magic, raw => req(PUT => $IM, 'image/png', "\xff\xd8\xff\xe0JFIF") },
    { name => 'PNG, seven bytes of the signature', status => 400, like => $magic, raw => req(PUT => $IM, 'image/png', substr($PNG, 0, 7)) },
    { name => 'PNG, the signature with one byte wrong', status => 400, raw => req(PUT => $IM, 'image/png', "\x89PNG\r\n\x1a\x0b" . ('x' x 20)) },
    { name => 'PNG empty', status => 400, raw => req(PUT => $IM, 'image/png', '') },
    { name => 'JPEG, text', status => 400, like => $magic, raw => req(PUT => $IM, 'image/jpeg', 'hello, world') },
    { name => 'JPEG, two bytes', status => 400, raw => req(PUT => $IM, 'image/jpeg', "\xff\xd8") },
    { name => 'GIF, GIF88a', status => 400, raw => req(POST => $IM, 'image/gif', 'GIF88a' . ('x' x 10)) },
    { name => 'GIF, PNG bytes', status => 400, raw => req(POST => $IM, 'image/gif', $PNG) },
    { name => 'TIFF, three bytes', status => 400, raw => req(PUT => $IM, 'image/tiff', 'II*') },
    { name => 'TIFF, mixed byte orders', status => 400, raw => req(PUT => $IM, 'image/tiff', "IM\0*") },
    { name => 'JPEG to a missing contact', status => 404, raw => req(PUT => '/api/v1/Contact/5000/Image', 'image/jpeg', "\xff\xd8\xff\xe0") },
    { name => 'a picture past SoImageInfoMaxImage', status => 413,
      raw => req(PUT => '/smallimage/v1/Contact/950/Image', 'image/png', $PNG . ('x' x 1000)) },
    # -- BlobSize against the stored bytes (contact 990) -------------------------
    { name => 'ImageInfo BlobSize not the bytes length', status => 400,
      raw => req(PUT => '/api/v1/Contact/990/ImageInfo', 'application/json', '{"BlobSize":99}') },
    { name => 'merge patch BlobSize not the bytes length', status => 400,
      raw => req(PATCH => '/api/v1/Contact/990/ImageInfo', 'application/merge-patch+json', '{"BlobSize":101}') },
    { name => 'ImageInfo BlobId of another picture (990)', status => 409,
      raw => req(PUT => '/api/v1/Contact/990/ImageInfo', 'application/json', '{"BlobId":630}') },
]
