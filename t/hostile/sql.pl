# SQL-looking strings where the module takes text: the path, credentials,
# tokens, cookies, headers and the body's fields. Values reach PostgreSQL
# only as parameters; each request here is refused for another reason as
# well (or for this one), and the database is compared after the replay:
# no table is dropped, no row touched.
package SoiHostile::Sql;
use strict;
use warnings;
use MIME::Base64 qw(encode_base64);

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $II = '/api/v1/Contact/950/ImageInfo';
my $S = q{'; DROP TABLE contact; --};
my $U = q{%27;%20DROP%20TABLE%20contact;%20--};
my $S2 = q{image/png'); DROP TABLE soi_audit; --};
sub basic { return 'Authorization: Basic ' . encode_base64($_[0], '') . "\r\n" }

sub put {
    my ($type, $body, $path) = @_;
    return 'PUT ' . ($path // $II) . " HTTP/1.1\r\n$H${A}Content-Type: $type\r\nContent-Length: " . length($body) . "\r\n\r\n$body";
}
sub patch {
    my ($type, $body) = @_;
    return "PATCH $II HTTP/1.1\r\n$H${A}Content-Type: $type\r\nContent-Length: " . length($body) . "\r\n\r\n$body";
}
my $conflict = qr/BlobId 630 is not the picture of contact 950/;

[
    # -- the path --------------------------------------------------------------
    { name => 'in the contact id', status => 400, like => qr/contact id/, raw => "GET /api/v1/Contact/950$U/ImageInfo HTTP/1.1\r\n$H$A\r\n" },
    { name => 'as the contact id', status => 400, like => qr/contact id/, raw => "GET /api/v1/Contact/$U/ImageInfo HTTP/1.1\r\n$H$A\r\n" },
    { name => 'id OR 1=1', status => 400, raw => "GET /api/v1/Contact/1%20OR%201=1/ImageInfo HTTP/1.1\r\n$H$A\r\n" },
    { name => 'in the resource', status => 404, raw => "GET /api/v1/Contact/950/ImageInfo$U HTTP/1.1\r\n$H$A\r\n" },
    { name => 'in the version segment', status => 404, raw => "GET /api/v1$U/Contact/950/ImageInfo HTTP/1.1\r\n$H$A\r\n" },
    { name => 'in the id of a PUT', status => 400, raw => put('application/json', '{}', "/api/v1/Contact/950;DROP%20TABLE%20binaryobject/ImageInfo") },
    { name => 'in the id of a DELETE', status => 400, raw => "DELETE /api/v1/Contact/950%20OR%20true/Image HTTP/1.1\r\n$H$A\r\n" },
    # -- credentials and tokens ------------------------------------------------
    { name => 'Basic user', status => 401, raw => "GET $II HTTP/1.1\r\n$H" . basic("admin' OR '1'='1:x") . "\r\n" },
    { name => 'Basic user with a comment', status => 401, raw => "GET $II HTTP/1.1\r\n$H" . basic("tje0'--:anything") . "\r\n" },
    { name => 'Basic password', status => 401, raw => "GET $II HTTP/1.1\r\n$H" . basic("tje0:' OR '1'='1") . "\r\n" },
    { name => 'Basic user with a semicolon', status => 401, raw => "GET $II HTTP/1.1\r\n$H" . basic("x$S:y") . "\r\n" },
    { name => 'SOTicket token', status => 401, raw => "GET $II HTTP/1.1\r\n${H}Authorization: SOTicket 7T:$S\r\n\r\n" },
    { name => 'SOTicket token of allowed characters', status => 401,
      raw => "GET $II HTTP/1.1\r\n${H}Authorization: SOTicket 7T:x'+OR+'1'='1\r\n\r\n" },
    { name => 'Bearer token', status => 401, raw => "GET $II HTTP/1.1\r\n${H}Authorization: Bearer 8A:1=1--\r\n\r\n" },
    { name => 'the SOTICKET cookie', status => 401, raw => "GET $II HTTP/1.1\r\n${H}Cookie: SOTICKET=' OR 1=1--\r\n\r\n" },
    { name => 'the SOTICKET cookie quoted', status => 401, raw => "GET $II HTTP/1.1\r\n${H}Cookie: SOTICKET=\"$S\"\r\n\r\n" },
    { name => 'SO-AppToken', status => 401, raw => "GET $II HTTP/1.1\r\n$H${A}SO-AppToken: $S\r\n\r\n" },
    { name => 'SO-AppToken of allowed characters', status => 401, raw => "GET $II HTTP/1.1\r\n$H${A}SO-AppToken: x'OR'1'='1\r\n\r\n" },
    # -- headers ---------------------------------------------------------------
    { name => 'SO-TimeZone', status => 400, like => qr/SO-TimeZone/, raw => "GET $II HTTP/1.1\r\n$H${A}SO-TimeZone: $S\r\n\r\n" },
    { name => 'SO-TimeZone as an id', status => 400, like => qr/SO-TimeZone/, raw => "GET $II HTTP/1.1\r\n$H${A}SO-TimeZone: 1; DELETE FROM contact\r\n\r\n" },
    { name => 'SO-Culture', status => 400, like => qr/SO-Culture/, raw => "GET $II HTTP/1.1\r\n$H${A}SO-Culture: $S\r\n\r\n" },
    { name => 'SO-Language, on a missing contact', status => 404,
      raw => "GET /api/v1/Contact/5000/ImageInfo HTTP/1.1\r\n$H${A}SO-Language: $S\r\n\r\n" },
    { name => 'Accept', status => 406, raw => "GET $II HTTP/1.1\r\n$H${A}Accept: text/plain, text/$S\r\n\r\n" },
    { name => 'If-None-Match', status => 400, like => qr/If-None-Match/, raw => "GET $II HTTP/1.1\r\n$H${A}If-None-Match: $S\r\n\r\n" },
    { name => 'If-Match', status => 400, like => qr/If-Match/,
      raw => "PUT $II HTTP/1.1\r\n$H${A}If-Match: $S\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" },
    { name => 'Content-Type parameter', status => 415, raw => put("application/json; charset=\"$S\"", '{}') },
    { name => 'Range on a missing picture', status => 404,
      raw => "GET /api/v1/Contact/951/Image HTTP/1.1\r\n$H${A}Range: bytes=0-1; DROP TABLE contact\r\n\r\n" },
    # -- the body: each reaches the database as a parameter and is refused there
    { name => 'JSON Description, BlobId of another picture', status => 409, like => $conflict,
      raw => put('application/json', qq({"BlobId":630,"Description":"$S"})) },
    { name => 'JSON every string, BlobId of another picture', status => 409, like => $conflict,
      raw => put('application/json', qq({"BlobId":630,"Description":"$S","ExtraInfo":"'; DELETE FROM binaryobject; --","MimeType":"$S2","ConceptualType":"\\u0027; TRUNCATE associate; --"})) },
    { name => 'JSON Description too long', status => 400, like => qr/at most 254/,
      raw => put('application/json', '{"Description":"' . ($S x 11) . '"}') },
    { name => 'JSON name', status => 400, raw => put('application/json', qq({"$S":1,"BlobSize":"x"})) },
    { name => 'XML Description, BlobId of another picture', status => 409, like => $conflict,
      raw => put('application/xml', "<BlobEntity><BlobId>630</BlobId><Description>&apos;; DROP TABLE contact; --</Description></BlobEntity>") },
    { name => 'XML element name', status => 400,
      raw => put('application/xml', "<BlobEntity><DROP_TABLE_contact>1</DROP_TABLE_contact><BlobSize>'</BlobSize></BlobEntity>") },
    { name => 'form Description, BlobId of another picture', status => 409, like => $conflict,
      raw => put('application/x-www-form-urlencoded', "BlobId=630&Description=$U") },
    { name => 'merge patch member name', status => 400, like => qr/not a property/,
      raw => patch('application/merge-patch+json', qq({"Description = ''; DROP TABLE contact; --":1})) },
    { name => 'JSON Patch path', status => 400, raw => patch('application/json-patch+json', qq([{"op":"remove","path":"/Description$S"}])) },
    { name => 'JSON Patch test that fails', status => 409,
      raw => patch('application/json-patch+json', qq([{"op":"replace","path":"/Description","value":"$S"},{"op":"test","path":"/Description","value":"x"}])) },
    { name => 'picture bytes that are SQL', status => 400,
      raw => "PUT /api/v1/Contact/950/Image HTTP/1.1\r\n$H${A}Content-Type: image/png\r\nContent-Length: " . length($S) . "\r\n\r\n$S" },
]
