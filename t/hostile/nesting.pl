# Nesting far beyond the module's limit (16 levels; the entity needs 4):
# JSON arrays and objects, in known and unknown members and in patches,
# closed and unclosed, and XML elements. The bodies stay below
# SoImageInfoMaxBody (64 KiB at /api).
package SoiHostile::Nesting;
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
my $xml = 'application/xml';
my $deep = qr/deeper than 16 levels/;
my $arrays = sub { my ($n) = @_; ('[' x $n) . (']' x $n) };
my $objects = sub { my ($n) = @_; ('{"a":' x $n) . '1' . ('}' x $n) };

[
    { name => 'arrays 17 deep in an unknown member', status => 400, like => $deep,
      raw => req(PUT => $json, '{"x":' . $arrays->(16) . '}') },
    { name => 'arrays 100 deep', status => 400, like => $deep, raw => req(PUT => $json, '{"x":' . $arrays->(100) . '}') },
    { name => 'arrays 30000 deep', status => 400, like => $deep, raw => req(PUT => $json, '{"x":' . $arrays->(30000) . '}') },
    { name => 'arrays 60000 deep, never closed', status => 400, like => $deep, raw => req(PUT => $json, '{"x":' . ('[' x 60000)) },
    { name => 'the body itself an array 1000 deep', status => 400, raw => req(PUT => $json, $arrays->(1000)) },
    { name => 'objects 17 deep', status => 400, like => $deep, raw => req(PUT => $json, $objects->(17)) },
    { name => 'objects 5000 deep', status => 400, like => $deep, raw => req(PUT => $json, $objects->(5000)) },
    { name => 'objects 10000 deep, never closed', status => 400, like => $deep,
      raw => req(PUT => $json, '{"a":' x 10000) },
    { name => 'objects and arrays alternating 2000 deep', status => 400, like => $deep,
      raw => req(PUT => $json, '{"x":' . ('[{"a":' x 1000) . 'null' . ('}]' x 1000) . '}') },
    { name => 'deep inside CreatedBy', status => 400, like => $deep,
      raw => req(PUT => $json, '{"CreatedBy":' . $objects->(100) . '}') },
    { name => 'deep inside TableRight', status => 400, like => $deep,
      raw => req(PUT => $json, '{"TableRight":{"Mask":' . $arrays->(100) . '}}') },
    { name => 'deep inside FieldProperties', status => 400, like => $deep,
      raw => req(PUT => $json, '{"FieldProperties":' . $objects->(500) . '}') },
    { name => 'deep in a writable string property', status => 400,
      raw => req(PUT => $json, '{"Description":' . $arrays->(200) . '}') },
    { name => 'deep on text/json', status => 400, like => $deep, raw => req(PUT => 'text/json', '{"x":' . $arrays->(500) . '}') },
    { name => 'merge patch deep', status => 400,
      raw => req(PATCH => 'application/merge-patch+json', '{"Description":' . $objects->(300) . '}') },
    { name => 'merge patch deep in an unknown member', status => 400,
      raw => req(PATCH => 'application/merge-patch+json', '{"x":' . $arrays->(300) . '}') },
    { name => 'JSON Patch value deep', status => 400,
      raw => req(PATCH => 'application/json-patch+json', '[{"op":"add","path":"/Description","value":' . $arrays->(300) . '}]') },
    { name => 'JSON Patch operations deep', status => 400,
      raw => req(PATCH => 'application/json-patch+json', $arrays->(3000)) },
    { name => 'JSON Patch on PUT, deep', status => 400,
      raw => req(PUT => 'application/json-patch+json', '[' . $objects->(400) . ']') },
    { name => 'XML 17 deep', status => 400,
      raw => req(PUT => $xml, '<BlobEntity>' . ('<x>' x 16) . ('</x>' x 16) . '</BlobEntity>') },
    { name => 'XML 1000 deep', status => 400, raw => req(PUT => $xml, '<BlobEntity>' . ('<x>' x 1000) . ('</x>' x 1000) . '</BlobEntity>') },
    { name => 'XML 20000 deep, never closed', status => 400, raw => req(PUT => $xml, '<BlobEntity>' . ('<x>' x 20000)) },
    { name => 'XML deep inside CreatedBy', status => 400,
      raw => req(PUT => $xml, '<BlobEntity><CreatedBy>' . ('<Name>' x 200) . ('</Name>' x 200) . '</CreatedBy></BlobEntity>') },
    { name => 'XML deep with namespaces on every level', status => 400,
      raw => req(PUT => 'text/xml', '<BlobEntity>' . join('', map { "<p$_:x xmlns:p$_=\"urn:$_\">" } 1 .. 500)
                  . join('', map { "</p$_:x>" } reverse 1 .. 500) . '</BlobEntity>') },
]
