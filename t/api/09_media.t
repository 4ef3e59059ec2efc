# Every media type of SPEC section 3: XML and forms in, XML out, Accept
# negotiation, errors in the negotiated format. Contacts 221..229.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

my $xsi = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"';

# ---- XML in ----------------------------------------------------------------
my $res = call(PUT => '/api/v1/Contact/221/ImageInfo', type => 'application/xml; charset=utf-8',
               body => qq(<?xml version="1.0" encoding="utf-8"?><BlobEntity $xsi>)
                     . '<BlobId>0</BlobId><BlobSize>10</BlobSize><Description>Caf&#233; &amp; tea</Description>'
                     . '<ExtraInfo></ExtraInfo><IsEncrypted>false</IsEncrypted><IsZipped>true</IsZipped>'
                     . '<MimeType>image/png</MimeType><OriginalSize>12</OriginalSize>'
                     . '<CreatedDate i:nil="true"/><CreatedBy i:nil="true"/><ConceptualType>PHOTO</ConceptualType>'
                     . '</BlobEntity>');
is($res->code, 200, 'PUT application/xml creates the picture');
my $row = picture_of(221);
is(join('|', @$row{qw(blobsize description extrainfo iszipped mimetype originalsize conceptualtype)}),
   "10|Caf\xc3\xa9 & tea||1|image/png|12|PHOTO", 'stored from XML');
is($res->header('Content-Type'), 'application/json; charset=utf-8', 'answered in JSON (no Accept)');

$res = call(PUT => '/api/v1/Contact/221/ImageInfo', type => 'text/xml',
            body => '<x:Anything xmlns:x="urn:other"><x:description>any root</x:description></x:Anything>');
is($res->code . '|' . picture_of(221)->{description}, '200|any root', 'text/xml, any root name and namespace');

my $before = snapshot(221);
for my $c (['<!DOCTYPE BlobEntity><BlobEntity><Description>x</Description></BlobEntity>', qr/DOCTYPE or entity declaration is refused/, 'a DOCTYPE'],
           ['<?xml version="1.0"?><!DOCTYPE b [<!ENTITY e "boom">]><b><Description>&e;</Description></b>', qr/DOCTYPE or entity declaration is refused/, 'an entity declaration'],
           ['<b><Description>x</b>', qr/not well-formed XML/, 'malformed XML'],
           ['<b><BlobSize>big</BlobSize></b>', qr/^BlobSize must be an integer from 0 to 2147483647, not "big"\.$/, 'a bad value'],
           ['<b><Description>a</Description><DESCRIPTION>b</DESCRIPTION></b>', qr/given more than once/, 'a property twice']) {
    $res = call(PUT => '/api/v1/Contact/221/ImageInfo', type => 'application/xml', body => $c->[0]);
    error_ok($res, 400, 'SoValidationException', $c->[1], "XML: $c->[2]");
    is(snapshot(221), $before, "XML: $c->[2]: nothing changed");
}

# ---- XML out ---------------------------------------------------------------
$res = call(GET => '/api/v1/Contact/221/ImageInfo', headers => { Accept => 'application/xml' });
is($res->code, 200, 'GET with Accept: application/xml');
is($res->header('Content-Type'), 'application/xml; charset=utf-8', 'labelled XML, UTF-8');
like($res->content, qr{^<\?xml version="1\.0" encoding="utf-8"\?><BlobEntity \Q$xsi\E><BlobId>\d+</BlobId><BlobSize>0</BlobSize><Description>any root</Description><ExtraInfo></ExtraInfo><IsEncrypted>false</IsEncrypted><IsZipped>false</IsZipped><MimeType></MimeType><OriginalSize>0</OriginalSize><CreatedDate>[0-9T:.-]+Z</CreatedDate><UpdatedDate>[0-9T:.-]+Z</UpdatedDate><CreatedBy><AssociateId>1</AssociateId><Name>tje0</Name>.*</CreatedBy><UpdatedBy>.*</UpdatedBy><ConceptualType></ConceptualType><TableRight><Mask>FULL</Mask><Reason></Reason></TableRight><FieldProperties><BlobId><FieldRight><Mask>Read, UIHintReadOnly</Mask><Reason></Reason></FieldRight><FieldType>System.Int32</FieldType><FieldLength>4</FieldLength></BlobId>.*</FieldProperties></BlobEntity>$}s,
     'the XML entity: elements in SPEC order, empty strings as empty elements, nested rights');
$res = call(GET => '/api/v1/Contact/222/ImageInfo', headers => { Accept => 'text/xml' });
like($res->content, qr{<BlobId>0</BlobId>.*<CreatedBy i:nil="true"/><UpdatedBy i:nil="true"/>}s,
     'null associates as i:nil="true" (text/xml, default entity)');
is($res->header('Content-Type'), 'text/xml; charset=utf-8', 'labelled text/xml');

# An XML response, sent back as an XML PUT body, changes nothing.
my $xml = call(GET => '/api/v1/Contact/221/ImageInfo', headers => { Accept => 'application/xml' })->content;
$before = picture_of(221);
$res = call(PUT => '/api/v1/Contact/221/ImageInfo', type => 'application/xml', body => $xml);
$row = picture_of(221);
is($res->code, 200, 'an XML response is a valid XML body');
is(join('|', @$row{qw(description blobsize iszipped)}), join('|', @$before{qw(description blobsize iszipped)}),
   'and round-trips the writable fields');

# ---- errors come in the negotiated format ----------------------------------------
$res = call(GET => '/api/v1/Contact/5000/ImageInfo', headers => { Accept => 'application/xml' });
is($res->code, 404, 'a 404 to an XML client');
is($res->header('Content-Type'), 'application/xml; charset=utf-8', 'is XML');
like($res->content, qr{^<\?xml version="1\.0" encoding="utf-8"\?><Error \Q$xsi\E><Error>true</Error><ErrorType>SoNotFoundException</ErrorType><ErrorMessage>Contact 5000 does not exist or is deleted\.</ErrorMessage><ErrorSource>mod_soimageinfo</ErrorSource></Error>$},
     'the XML error body');
$res = call(PUT => '/api/v1/Contact/221/ImageInfo', type => 'application/xml', body => '<b><Description>a &amp; b <</b>',
            headers => { Accept => 'text/xml' });
like($res->content, qr{<ErrorType>SoValidationException</ErrorType><ErrorMessage>The body is not well-formed XML: [^<]+</ErrorMessage>},
     'an XML client gets XML errors about its XML');

# ---- forms -------------------------------------------------------------------------
$res = call(PUT => '/api/v1/Contact/223/ImageInfo', type => 'application/x-www-form-urlencoded',
            body => 'Description=Form+%26+body&blobsize=42&ISZIPPED=true&MimeType=image%2Fjpeg&XSRF_TOKEN=abc');
is($res->code, 200, 'PUT application/x-www-form-urlencoded creates the picture');
$row = picture_of(223);
is(join('|', @$row{qw(description blobsize iszipped mimetype extrainfo)}), 'Form & body|42|1|image/jpeg|',
   'stored; XSRF_TOKEN is not a property');
$before = snapshot(223);
for my $c (['Description=a&DESCRIPTION=b', qr/The form gives "DESCRIPTION" more than once/, 'a repeated name'],
           ['Description=%E0%80', qr/malformed percent escape|not valid UTF-8/, 'a bad escape'],
           ['IsZipped=yes', qr/^IsZipped must be true or false, not "yes"\.$/, 'a bad boolean']) {
    $res = call(PUT => '/api/v1/Contact/223/ImageInfo', type => 'application/x-www-form-urlencoded', body => $c->[0]);
    error_ok($res, 400, 'SoValidationException', $c->[1], "form: $c->[2]");
    is(snapshot(223), $before, "form: $c->[2]: nothing changed");
}

# ---- Accept ---------------------------------------------------------------------------
for my $c (['application/json; charset=utf-8', 'application/json'],
           ['text/json', 'text/json'],
           ['application/xml;q=0.5, application/json;q=0.8', 'application/json'],
           ['application/json;q=0.5, text/xml', 'text/xml'],
           ['text/*', 'text/json'],
           ['*/*', 'application/json'],
           ['application/merge-patch+json', 'application/merge-patch+json'],
           ['application/json-patch+json', 'application/json-patch+json'],
           ['text/*;q=1, text/json;q=0', 'text/xml']) {
    $res = call(GET => '/api/v1/Contact/221/ImageInfo', headers => { Accept => $c->[0] });
    is($res->code . ' ' . $res->header('Content-Type'), "200 $c->[1]; charset=utf-8", "Accept: $c->[0]");
}
$res = call(GET => '/api/v1/Contact/221/ImageInfo', headers => { Accept => 'application/merge-patch+json' });
like($res->content, qr/^\{"BlobId":\d+,/, 'a patch type labels a JSON body');
is($res->header('Vary'), 'Accept', 'Vary: Accept');
$res = call(GET => '/api/v1/Contact/221/ImageInfo', headers => { Accept => 'text/html, image/png' });
error_ok($res, 406, 'SoNotAcceptableException', qr/can be produced; this resource answers application\/json, text\/json, application\/xml, text\/xml, application\/json-patch\+json or application\/merge-patch\+json\.$/,
         'nothing acceptable');
# A form can be read, never written: asking for one is a 406, not JSON
# labelled as a form.
$res = call(GET => '/api/v1/Contact/221/ImageInfo', headers => { Accept => 'application/x-www-form-urlencoded' });
error_ok($res, 406, 'SoNotAcceptableException', qr/"application\/x-www-form-urlencoded"\) can be produced; this resource answers application\/json, (?!.*x-www-form)/,
         'Accept: the form type');
is($res->header('Content-Type'), 'application/json; charset=utf-8', 'the 406 is JSON');
$before = snapshot(221);
$res = call(PUT => '/api/v1/Contact/221/ImageInfo', type => 'application/json', body => '{"Description":"406?"}',
            headers => { Accept => 'image/png' });
is($res->code, 406, 'a PUT whose reply cannot be written is refused');
is(snapshot(221), $before, 'before anything is written');

# ---- Content-Type charsets -----------------------------------------------------------
for my $t ('application/xml; charset=iso-8859-1', 'application/x-www-form-urlencoded; charset=windows-1252') {
    $res = call(PUT => '/api/v1/Contact/221/ImageInfo', type => $t, body => 'Description=x');
    error_ok($res, 415, 'SoUnsupportedMediaTypeException', qr/charset .* is not accepted/, $t);
}
is(snapshot(221), $before, 'nothing changed');

done_testing();
