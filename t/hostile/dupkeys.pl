# The same property twice, in any spelling: a 400, never "last wins", in
# JSON (known and unknown members, nested objects, patches), XML and forms.
package SoiHostile::DupKeys;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $II = '/api/v1/Contact/950/ImageInfo';

sub req {
    my ($method, $type, $body) = @_;
    return "$method $II HTTP/1.1\r\n$H${A}Content-Type: $type\r\nContent-Length: " . length($body) . "\r\n\r\n$body";
}
my $json = 'application/json';
my $twice = qr/is given more than once/;
my $form_twice = qr/gives "\w+" more than once/;

[
    { name => 'Description twice', status => 400, like => $twice, raw => req(PUT => $json, '{"Description":"a","Description":"b"}') },
    { name => 'Description in two spellings', status => 400, like => $twice,
      raw => req(PUT => $json, '{"Description":"a","dEsCrIpTiOn":"b"}') },
    { name => 'BlobId twice, second a conflict', status => 400, like => $twice, raw => req(PUT => $json, '{"BlobId":0,"BLOBID":630}') },
    { name => 'BlobSize twice, equal', status => 400, like => $twice, raw => req(PUT => $json, '{"BlobSize":1,"blobsize":1}') },
    { name => 'IsZipped three times', status => 400, like => $twice,
      raw => req(PUT => $json, '{"IsZipped":true,"IsZipped":false,"IsZipped":true}') },
    { name => 'MimeType twice, apart', status => 400, like => $twice,
      raw => req(PUT => $json, '{"MimeType":"a","Description":"x","ExtraInfo":"y","MIMETYPE":"b"}') },
    { name => 'a server-set property twice', status => 400, like => $twice,
      raw => req(PUT => $json, '{"CreatedDate":null,"CreatedDate":null}') },
    { name => 'CreatedBy twice', status => 400, like => $twice, raw => req(PUT => $json, '{"CreatedBy":null,"createdby":{}}') },
    { name => 'TableRight twice', status => 400, like => $twice, raw => req(PUT => $json, '{"TableRight":{},"TableRight":{}}') },
    { name => 'an escaped spelling of the same name', status => 400, like => $twice,
      raw => req(PUT => $json, '{"Description":"a","\u0044escription":"b"}') },
    { name => '1000 members of one known name', status => 400, like => $twice,
      raw => req(PUT => $json, '{' . join(',', map { '"ExtraInfo":""' } 1 .. 1000) . '}') },
    { name => 'twice inside CreatedBy and at the top', status => 400, like => $twice,
      raw => req(PUT => $json, '{"CreatedBy":{"Name":"a","Name":"b"},"Description":"","Description":""}') },
    { name => 'on text/json', status => 400, like => $twice, raw => req(PUT => 'text/json', '{"ExtraInfo":"","extrainfo":""}') },
    { name => 'merge patch', status => 400, like => $twice,
      raw => req(PATCH => 'application/merge-patch+json', '{"Description":"a","Description":"b"}') },
    { name => 'merge patch by PUT', status => 400, like => $twice,
      raw => req(PUT => 'application/merge-patch+json', '{"OriginalSize":1,"ORIGINALSIZE":2}') },
    { name => 'JSON Patch op twice', status => 400,
      raw => req(PATCH => 'application/json-patch+json', '[{"op":"add","op":"remove","path":"/Description","value":"x"}]') },
    { name => 'JSON Patch path twice', status => 400,
      raw => req(PATCH => 'application/json-patch+json', '[{"op":"replace","path":"/Description","path":"/ExtraInfo","value":"x"}]') },
    { name => 'JSON Patch value twice', status => 400,
      raw => req(PATCH => 'application/json-patch+json', '[{"op":"replace","path":"/Description","value":"x","value":"y"}]') },
    { name => 'XML Description twice', status => 400,
      raw => req(PUT => 'application/xml', '<BlobEntity><Description>a</Description><description>b</description></BlobEntity>') },
    { name => 'XML BlobId twice, in two namespaces', status => 400,
      raw => req(PUT => 'text/xml', '<BlobEntity xmlns:a="urn:a"><BlobId>0</BlobId><a:BlobId>0</a:BlobId></BlobEntity>') },
    { name => 'form Description twice', status => 400,
      like => $form_twice, raw => req(PUT => 'application/x-www-form-urlencoded', 'Description=a&description=b') },
    { name => 'form XSRF_TOKEN twice', status => 400,
      raw => req(PUT => 'application/x-www-form-urlencoded', 'XSRF_TOKEN=a&XSRF_TOKEN=b') },
    { name => 'form an unknown name twice', status => 400, like => $form_twice,
      raw => req(PUT => 'application/x-www-form-urlencoded', 'colour=1&colour=2') },
]
