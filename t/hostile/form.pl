# Broken application/x-www-form-urlencoded bodies on PUT ImageInfo:
# broken percent escapes, names without values, empty names, names twice,
# values of the wrong type, too long, with NUL, and forms that are other
# formats. Unknown names are ignored, so every body here breaks a rule.
package SoiHostile::Form;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $II = '/api/v1/Contact/950/ImageInfo';
sub put {
    my ($body, $type) = @_;
    return "PUT $II HTTP/1.1\r\n$H${A}Content-Type: " . ($type // 'application/x-www-form-urlencoded')
        . "\r\nContent-Length: " . length($body) . "\r\n\r\n$body";
}

[
    { name => 'a percent sign at the end', status => 400, raw => put('Description=abc%') },
    { name => 'a percent and one digit', status => 400, raw => put('Description=abc%4') },
    { name => 'a percent and no hex', status => 400, raw => put('Description=%zz') },
    { name => 'a percent in the name', status => 400, raw => put('Descr%ption=x') },
    { name => 'a %u escape', status => 400, raw => put('Description=%u0041') },
    { name => 'an encoded NUL', status => 400, like => qr/U\+0000/, raw => put('Description=a%00b') },
    { name => 'an encoded ESC', status => 400, like => qr/control character/, raw => put('ExtraInfo=%1B[31m') },
    { name => '255 characters', status => 400, like => qr/at most 254/, raw => put('Description=' . ('d' x 255)) },
    { name => '255 characters percent-encoded', status => 400, like => qr/at most 254/, raw => put('Description=' . ('%C3%A6' x 255)) },
    { name => 'a boolean yes', status => 400, like => qr/IsZipped/, raw => put('IsZipped=yes') },
    { name => 'a boolean 1', status => 400, like => qr/IsEncrypted/, raw => put('IsEncrypted=1') },
    { name => 'a boolean empty', status => 400, raw => put('IsZipped=') },
    { name => 'a size empty', status => 400, raw => put('BlobSize=') },
    { name => 'a size with letters', status => 400, raw => put('OriginalSize=12abc') },
    { name => 'a bad date', status => 400, like => qr/CreatedDate/, raw => put('CreatedDate=yesterday') },
    { name => 'a February 30th', status => 400, raw => put('UpdatedDate=2021-02-30T00:00:00Z') },
    { name => 'a name given twice apart', status => 400, raw => put('Description=a&ExtraInfo=b&DESCRIPTION=c') },
    { name => '5000 pairs of one unknown name', status => 400, raw => put(join('&', ('x=1') x 5000)) },
    { name => 'BlobId of another picture', status => 409, raw => put('BlobId=630') },
    { name => 'BlobId not a number', status => 400, raw => put('BlobId=six') },
    { name => 'BlobSize past int32', status => 400, raw => put('BlobSize=99999999999') },
    { name => 'an empty body', status => 400, like => qr/body is empty/, raw => put('') },
    { name => 'charset latin1', status => 415, raw => put('Description=x', 'application/x-www-form-urlencoded; charset=latin1') },
    { name => 'a form of 70000 bytes', status => 413, raw => put('Description=x&Pad=' . ('p' x 70000)) },
    { name => 'a form at /small of 700 bytes', status => 413,
      raw => "PUT /small/v1/Contact/950/ImageInfo HTTP/1.1\r\n$H${A}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 700\r\n\r\n" . ('a' x 700) },
    { name => 'a JSON object as a value, bad escape', status => 400, raw => put('Description={"a":"%"}') },
    { name => 'an 8-bit name and value', status => 400, raw => put("\xe9t\xe9=\xe9t\xe9") },
    { name => 'a JSON Patch sent as a form', status => 400, raw => put('[{"op":"add","path":"%ZZ"}]') },
    { name => 'XSRF_TOKEN with an unknown cookie', status => 401,
      raw => "PUT $II HTTP/1.1\r\n${H}Cookie: SOTICKET=7T:nosuchticket\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 23\r\n\r\nXSRF_TOKEN=x&BlobSize=1" },
]
