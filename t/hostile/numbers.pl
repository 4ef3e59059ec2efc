# Numbers out of range or out of form: BlobId, BlobSize and OriginalSize
# beyond int32 and 64 bits, 1e999, -0, 0x10, a leading +, fractions, in
# JSON, XML, forms and patches, and in the path's contact id. Integers are
# an optional "-" and digits; sizes are 0..2147483647; "-0" is 0, so it
# appears only where 0 is wrong too.
package SoiHostile::Numbers;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $II = '/api/v1/Contact/950/ImageInfo';

sub req {
    my ($method, $type, $body) = @_;
    return "$method $II HTTP/1.1\r\n$H${A}Content-Type: $type\r\nContent-Length: " . length($body) . "\r\n\r\n$body";
}
sub get { my ($id) = @_; return "GET /api/v1/Contact/$id/ImageInfo HTTP/1.1\r\n$H$A\r\n" }
my $json = 'application/json';
my $xml = 'application/xml';
my $form = 'application/x-www-form-urlencoded';
my $size = qr/must be an integer from 0 to 2147483647/;
my $id = qr/contact id in the path must be a whole number/;

[
    # -- JSON ------------------------------------------------------------------
    { name => 'BlobSize 2^31', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":2147483648}') },
    { name => 'OriginalSize 2^32', status => 400, like => $size, raw => req(PUT => $json, '{"OriginalSize":4294967296}') },
    { name => 'BlobSize 2^63', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":9223372036854775808}') },
    { name => 'BlobSize 2^64+1', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":18446744073709551617}') },
    { name => 'BlobSize of 400 digits', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":' . ('9' x 400) . '}') },
    { name => 'BlobSize -2^31-1', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":-2147483649}') },
    { name => 'BlobSize -1', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":-1}') },
    { name => 'BlobSize 1e999', status => 400, raw => req(PUT => $json, '{"BlobSize":1e999}') },
    { name => 'BlobSize -1e999', status => 400, raw => req(PUT => $json, '{"BlobSize":-1e999}') },
    { name => 'BlobSize 1e3', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":1e3}') },
    { name => 'BlobSize 1E+2', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":1E+2}') },
    { name => 'BlobSize 1.0', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":1.0}') },
    { name => 'BlobSize -0.0', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":-0.0}') },
    { name => 'BlobSize 4.9e-324', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":4.9e-324}') },
    { name => 'BlobSize 0x10', status => 400, like => qr/not valid JSON/, raw => req(PUT => $json, '{"BlobSize":0x10}') },
    { name => 'BlobSize +5', status => 400, like => qr/not valid JSON/, raw => req(PUT => $json, '{"BlobSize":+5}') },
    { name => 'BlobSize 05', status => 400, raw => req(PUT => $json, '{"BlobSize":05}') },
    { name => 'BlobSize .5', status => 400, like => qr/not valid JSON/, raw => req(PUT => $json, '{"BlobSize":.5}') },
    { name => 'BlobSize 5.', status => 400, raw => req(PUT => $json, '{"BlobSize":5.}') },
    { name => 'BlobSize NaN', status => 400, like => qr/not valid JSON/, raw => req(PUT => $json, '{"BlobSize":NaN}') },
    { name => 'BlobSize Infinity', status => 400, like => qr/not valid JSON/, raw => req(PUT => $json, '{"BlobSize":Infinity}') },
    { name => 'BlobSize -', status => 400, raw => req(PUT => $json, '{"BlobSize":-}') },
    { name => 'BlobSize as a string', status => 400, like => $size, raw => req(PUT => $json, '{"BlobSize":"5"}') },
    { name => 'BlobId 2^31', status => 400, raw => req(PUT => $json, '{"BlobId":2147483648}') },
    { name => 'BlobId beyond 64 bits', status => 400, raw => req(PUT => $json, '{"BlobId":99999999999999999999}') },
    { name => 'BlobId 1e2', status => 400, raw => req(PUT => $json, '{"BlobId":1e2}') },
    { name => 'BlobId -1', status => 409, like => qr/BlobId -1 is not the picture/, raw => req(PUT => $json, '{"BlobId":-1}') },
    { name => 'BlobId -2147483648', status => 409, raw => req(PUT => $json, '{"BlobId":-2147483648}') },
    { name => 'IsZipped -0', status => 400, like => qr/IsZipped must be true or false/, raw => req(PUT => $json, '{"IsZipped":-0}') },
    { name => 'Description -0', status => 400, like => qr/Description must be a string/, raw => req(PUT => $json, '{"Description":-0}') },
    { name => 'a huge number in an unknown member', status => 400,
      raw => req(PUT => $json, '{"x":1e999999999999,"BlobSize":-1}') },
    # -- XML -------------------------------------------------------------------
    { name => 'XML BlobSize +5', status => 400, like => $size, raw => req(PUT => $xml, '<BlobEntity><BlobSize>+5</BlobSize></BlobEntity>') },
    { name => 'XML BlobSize 0x10', status => 400, like => $size, raw => req(PUT => $xml, '<BlobEntity><BlobSize>0x10</BlobSize></BlobEntity>') },
    { name => 'XML BlobSize 1e999', status => 400, like => $size, raw => req(PUT => $xml, '<BlobEntity><BlobSize>1e999</BlobSize></BlobEntity>') },
    { name => 'XML OriginalSize 2^31', status => 400, like => $size,
      raw => req(PUT => $xml, '<BlobEntity><OriginalSize>2147483648</OriginalSize></BlobEntity>') },
    { name => 'XML BlobSize of 30 digits', status => 400, like => $size,
      raw => req(PUT => $xml, '<BlobEntity><BlobSize> ' . ('9' x 30) . ' </BlobSize></BlobEntity>') },
    { name => 'XML BlobSize -1', status => 400, like => $size, raw => req(PUT => $xml, '<BlobEntity><BlobSize>-1</BlobSize></BlobEntity>') },
    { name => 'XML BlobSize empty', status => 400, raw => req(PUT => $xml, '<BlobEntity><BlobSize></BlobSize></BlobEntity>') },
    { name => 'XML BlobSize 1.5', status => 400, like => $size, raw => req(PUT => $xml, '<BlobEntity><BlobSize>1.5</BlobSize></BlobEntity>') },
    { name => 'XML BlobId 2^31', status => 400, raw => req(PUT => $xml, '<BlobEntity><BlobId>2147483648</BlobId></BlobEntity>') },
    { name => 'XML BlobSize as a character reference', status => 400,
      raw => req(PUT => $xml, '<BlobEntity><BlobSize>&#x2B;1</BlobSize></BlobEntity>') },
    # -- forms -----------------------------------------------------------------
    { name => 'form BlobSize %2B5', status => 400, like => $size, raw => req(PUT => $form, 'BlobSize=%2B5') },
    { name => 'form BlobSize 2^31', status => 400, like => $size, raw => req(PUT => $form, 'BlobSize=2147483648') },
    { name => 'form OriginalSize 1e3', status => 400, like => $size, raw => req(PUT => $form, 'OriginalSize=1e3') },
    { name => 'form BlobSize 0x10', status => 400, like => $size, raw => req(PUT => $form, 'BlobSize=0x10') },
    { name => 'form BlobSize of 25 digits', status => 400, like => $size, raw => req(PUT => $form, 'BlobSize=' . ('1' x 25)) },
    { name => 'form BlobId -0 and a bad size', status => 400, like => $size, raw => req(PUT => $form, 'BlobId=-0&BlobSize=-5') },
    # -- patches ---------------------------------------------------------------
    { name => 'merge patch BlobSize 2^31', status => 400, like => $size,
      raw => req(PATCH => 'application/merge-patch+json', '{"BlobSize":2147483648}') },
    { name => 'merge patch OriginalSize 1e999', status => 400,
      raw => req(PATCH => 'application/merge-patch+json', '{"OriginalSize":1e999}') },
    { name => 'JSON Patch replace BlobSize -1', status => 400, like => $size,
      raw => req(PATCH => 'application/json-patch+json', '[{"op":"replace","path":"/BlobSize","value":-1}]') },
    { name => 'JSON Patch add OriginalSize 99999999999999999999', status => 400,
      raw => req(PATCH => 'application/json-patch+json', '[{"op":"add","path":"/OriginalSize","value":99999999999999999999}]') },
    { name => 'JSON Patch test BlobSize 1e999', status => 409,
      raw => req(PATCH => 'application/json-patch+json', '[{"op":"test","path":"/BlobSize","value":1e999}]') },
    { name => 'JSON Patch test BlobId -0.0e0 then a bad value', status => 400,
      raw => req(PATCH => 'application/json-patch+json', '[{"op":"test","path":"/BlobId","value":-0.0e0},{"op":"replace","path":"/BlobSize","value":1.5}]') },
    # -- the path --------------------------------------------------------------
    { name => 'id 2^31', status => 400, like => $id, raw => get('2147483648') },
    { name => 'id 2^32+1', status => 400, like => $id, raw => get('4294967297') },
    { name => 'id of 20 digits', status => 400, like => $id, raw => get('99999999999999999999') },
    { name => 'id -0', status => 400, like => $id, raw => get('-0') },
    { name => 'id +950', status => 400, like => $id, raw => get('+950') },
    { name => 'id 0x3B6', status => 400, like => $id, raw => get('0x3B6') },
    { name => 'id 9.5e2', status => 400, like => $id, raw => get('9.5e2') },
    { name => 'id 950.0', status => 400, like => $id, raw => get('950.0') },
    { name => 'id 0', status => 400, like => $id, raw => get('0') },
    { name => 'id of 11 digits with leading zeros', status => 400, like => $id, raw => get('00000000950') },
]
