# XML that attacks the parser: DOCTYPEs, internal and external entities,
# billion laughs, parameter entities, undefined entity references, bad
# character references, namespace and attribute floods, broken structure.
# A DOCTYPE is refused before expat sees it; everything else must fail as
# not well-formed or as a bad BlobEntity, and nothing is fetched.
package SoiHostile::XmlBombs;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $II = '/api/v1/Contact/950/ImageInfo';

sub req {
    my ($type, $body, $accept) = @_;
    return "PUT $II HTTP/1.1\r\n$H$A" . ($accept ? "Accept: $accept\r\n" : '') . "Content-Type: $type\r\nContent-Length: "
        . length($body) . "\r\n\r\n$body";
}
my $xml = 'application/xml';
my $doctype = qr/DOCTYPE/;
my $lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    . join('', map { "<!ENTITY lol$_ \"" . ("&lol" . ($_ == 1 ? '' : $_ - 1) . ";") x 10 . '">' } 1 .. 9)
    . ']><BlobEntity><Description>&lol9;</Description></BlobEntity>';

[
    { name => 'a DOCTYPE alone', status => 400, like => $doctype, raw => req($xml, '<!DOCTYPE BlobEntity><BlobEntity/>') },
    { name => 'a DOCTYPE, XML asked for', status => 400, like => $doctype, xml => 1,
      raw => req($xml, '<!DOCTYPE BlobEntity><BlobEntity/>', 'application/xml') },
    { name => 'an internal entity', status => 400, like => $doctype,
      raw => req($xml, '<!DOCTYPE b [<!ENTITY e "x">]><BlobEntity><Description>&e;</Description></BlobEntity>') },
    { name => 'billion laughs', status => 400, like => $doctype, raw => req($xml, $lol) },
    { name => 'billion laughs on text/xml, XML asked for', status => 400, like => $doctype, xml => 1,
      raw => req('text/xml', $lol, 'text/xml') },
    { name => 'quadratic blowup', status => 400, like => $doctype,
      raw => req($xml, '<!DOCTYPE b [<!ENTITY a "' . ('a' x 20000) . '">]><BlobEntity><Description>' . ('&a;' x 2000) . '</Description></BlobEntity>') },
    { name => 'an external entity (file)', status => 400, like => $doctype,
      raw => req($xml, '<?xml version="1.0"?><!DOCTYPE b [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><BlobEntity><Description>&xxe;</Description></BlobEntity>') },
    { name => 'an external entity (http)', status => 400, like => $doctype,
      raw => req($xml, '<!DOCTYPE b [<!ENTITY xxe SYSTEM "http://127.0.0.1:1/x">]><BlobEntity><ExtraInfo>&xxe;</ExtraInfo></BlobEntity>') },
    { name => 'an external DTD', status => 400, like => $doctype,
      raw => req($xml, '<!DOCTYPE BlobEntity SYSTEM "http://127.0.0.1:1/x.dtd"><BlobEntity/>') },
    { name => 'a public DTD', status => 400, like => $doctype,
      raw => req($xml, '<!DOCTYPE BlobEntity PUBLIC "-//X//DTD X//EN" "file:///dev/random"><BlobEntity/>') },
    { name => 'parameter entities', status => 400, like => $doctype,
      raw => req($xml, '<!DOCTYPE b [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><BlobEntity/>') },
    { name => 'a DOCTYPE in lower case', status => 400, raw => req($xml, '<!doctype BlobEntity><BlobEntity/>') },
    { name => 'a DOCTYPE after a comment and spaces', status => 400, like => $doctype,
      raw => req($xml, "<?xml version=\"1.0\"?>\n<!-- c -->\n  <!DOCTYPE b [<!ENTITY e \"x\">]><BlobEntity/>") },
    { name => 'a DOCTYPE after the root', status => 400, raw => req($xml, '<BlobEntity/><!DOCTYPE b>') },
    { name => 'a DOCTYPE inside the root', status => 400, raw => req($xml, '<BlobEntity><!DOCTYPE b></BlobEntity>') },
    { name => 'an ENTITY declaration without DOCTYPE', status => 400, raw => req($xml, '<!ENTITY e "x"><BlobEntity/>') },
    { name => 'an undefined entity', status => 400, raw => req($xml, '<BlobEntity><Description>&undefined;</Description></BlobEntity>') },
    { name => 'a character reference to NUL', status => 400, raw => req($xml, '<BlobEntity><Description>&#0;</Description></BlobEntity>') },
    { name => 'a character reference to a surrogate', status => 400,
      raw => req($xml, '<BlobEntity><Description>&#xD800;</Description></BlobEntity>') },
    { name => 'a character reference past U+10FFFF', status => 400,
      raw => req($xml, '<BlobEntity><Description>&#x110000;</Description></BlobEntity>') },
    { name => 'a character reference of 100 digits', status => 400,
      raw => req($xml, '<BlobEntity><Description>&#' . ('9' x 100) . ';</Description></BlobEntity>') },
    { name => 'a character reference to a control character', status => 400,
      raw => req($xml, '<BlobEntity><Description>&#x1B;</Description></BlobEntity>') },
    { name => 'an XInclude of /etc/passwd, BlobSize bad', status => 400,
      raw => req($xml, '<BlobEntity xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/><BlobSize>x</BlobSize></BlobEntity>') },
    { name => 'an xml-stylesheet, BlobSize bad', status => 400,
      raw => req($xml, '<?xml-stylesheet href="http://127.0.0.1:1/s.xsl"?><BlobEntity><BlobSize>-1</BlobSize></BlobEntity>') },
    { name => 'a namespace flood on the root', status => 400,
      raw => req($xml, '<BlobEntity ' . join(' ', map { "xmlns:n$_=\"urn:n$_\"" } 1 .. 2000) . '><BlobSize>x</BlobSize></BlobEntity>') },
    { name => 'a default namespace redeclared 3000 times', status => 400,
      raw => req($xml, '<BlobEntity>' . ('<x xmlns="urn:a">' x 3000) . '</BlobEntity>') },
    { name => 'one prefix bound twice', status => 400, raw => req($xml, '<BlobEntity xmlns:a="urn:a" xmlns:a="urn:b"/>') },
    { name => 'an unbound prefix', status => 400, raw => req($xml, '<BlobEntity><q:Description>x</q:Description></BlobEntity>') },
    { name => 'the xmlns prefix rebound, BlobSize bad', status => 400, raw => req($xml, '<BlobEntity xmlns:xmlns="urn:x"><BlobSize>x</BlobSize></BlobEntity>') },
    { name => 'an attribute flood', status => 400,
      raw => req($xml, '<BlobEntity ' . join(' ', map { "a$_=\"v\"" } 1 .. 4000) . '><BlobSize>x</BlobSize></BlobEntity>') },
    { name => 'an attribute twice', status => 400, raw => req($xml, '<BlobEntity a="1" a="2"/>') },
    { name => 'an attribute of 60000 bytes', status => 400,
      raw => req($xml, '<BlobEntity a="' . ('v' x 60000) . '"><BlobSize>x</BlobSize></BlobEntity>') },
    { name => 'i:nil bound wrongly on a size', status => 400,
      raw => req($xml, '<BlobEntity xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><BlobSize i:nil="true"/></BlobEntity>') },
    { name => '5000 unknown children and a bad size', status => 400,
      raw => req($xml, '<BlobEntity>' . ('<x/>' x 5000) . '<BlobSize>z</BlobSize></BlobEntity>') },
    { name => 'mismatched tags', status => 400, raw => req($xml, '<BlobEntity><Description>x</ExtraInfo></BlobEntity>') },
    { name => 'two roots', status => 400, raw => req($xml, '<BlobEntity/><BlobEntity/>') },
    { name => 'text at the top level', status => 400, raw => req($xml, 'text<BlobEntity/>') },
    { name => 'unclosed root', status => 400, raw => req($xml, '<BlobEntity><Description>x</Description>') },
    { name => 'an XML declaration not first', status => 400, raw => req($xml, ' <?xml version="1.0"?><BlobEntity/>') },
    { name => 'XML version 2.0, BlobSize bad', status => 400, raw => req($xml, '<?xml version="2.0"?><BlobEntity><BlobSize>1e1</BlobSize></BlobEntity>') },
    { name => 'declared UTF-16, sent as UTF-8', status => 400, raw => req($xml, '<?xml version="1.0" encoding="UTF-16"?><BlobEntity/>') },
    { name => 'declared EBCDIC', status => 400, raw => req($xml, '<?xml version="1.0" encoding="IBM037"?><BlobEntity/>') },
    { name => 'declared ISO-8859-1 after 300 spaces', status => 400, like => qr/XML declaration/,
      raw => req($xml, '<?xml version="1.0"' . (' ' x 300) . 'encoding="ISO-8859-1"?><BlobEntity><Description>' . "\xc3\xa9" . '</Description></BlobEntity>') },
    { name => 'declared ISO-8859-1 after a BOM and 240 tabs', status => 400, like => qr/XML declaration/,
      raw => req('text/xml', "\xef\xbb\xbf<?xml version='1.0'" . ("\t" x 240) . " encoding='ISO-8859-1'?><BlobEntity><ExtraInfo>\xc3\xa9</ExtraInfo></BlobEntity>") },
    { name => 'a declaration of 300 spaces never closed', status => 400,
      raw => req($xml, '<?xml version="1.0"' . (' ' x 300) . '<BlobEntity/>') },
    { name => 'a DOCTYPE split into one-byte chunks', status => 400, like => $doctype,
      raw => "PUT $II HTTP/1.1\r\n$H${A}Content-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n"
        . join('', map { "1\r\n$_\r\n" } split //, $lol) . "0\r\n\r\n" },
    { name => 'a NUL byte', status => 400, raw => req($xml, "<BlobEntity>\0</BlobEntity>") },
    { name => 'a CDATA section never closed', status => 400, raw => req($xml, '<BlobEntity><Description><![CDATA[x</Description></BlobEntity>') },
    { name => 'a comment with --', status => 400, raw => req($xml, '<BlobEntity><!-- a -- b --></BlobEntity>') },
    { name => 'an element name starting with a digit', status => 400, raw => req($xml, '<BlobEntity><1Description/></BlobEntity>') },
]
