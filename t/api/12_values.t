# Values at the edges, alike in every media type: integers beyond 64 bits
# and signs, text that is not UTF-8, stored text XML cannot carry. Contact 42
# (picture 630) and contacts 241..260.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use JSON::PP ();

my $P42 = '/api/v1/Contact/42/ImageInfo';
my $xsi = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"';
my $two64p1 = '18446744073709551617';      # 2^64 + 1: wrapped modulo 2^64 it is 1
my $two64p630 = '18446744073709552246';    # 2^64 + 630: wrapped it is BlobId 630

# ---- integers beyond 64 bits never wrap onto a valid value ------------------------
# [what, Content-Type, body, property]
my @too_big = (
    ['JSON BlobSize 2^64+1', 'application/json', qq({"BlobId":630,"BlobSize":$two64p1,"Description":"wrapped"}),
     'BlobSize'],
    ['JSON BlobId 2^64+630', 'application/json', qq({"BlobId":$two64p630,"Description":"wrapped"}), 'BlobId'],
    ['XML BlobSize 2^64+1', 'application/xml',
     qq(<BlobEntity $xsi><BlobId>630</BlobId><BlobSize>$two64p1</BlobSize><Description>wrapped</Description></BlobEntity>),
     'BlobSize'],
    ['XML BlobId 2^64+630', 'application/xml',
     qq(<BlobEntity $xsi><BlobId>$two64p630</BlobId><Description>wrapped</Description></BlobEntity>), 'BlobId'],
    ['form BlobSize 2^64+1', 'application/x-www-form-urlencoded', "BlobId=630&BlobSize=$two64p1&Description=wrapped",
     'BlobSize'],
    ['form BlobId 2^64+630', 'application/x-www-form-urlencoded', "BlobId=$two64p630&Description=wrapped", 'BlobId'],
    # One sign rule everywhere: JSON cannot have '+', so nothing else takes it.
    ['XML BlobSize +5', 'application/xml', '<BlobEntity><BlobSize>+5</BlobSize></BlobEntity>', 'BlobSize'],
    ['form BlobSize %2B5', 'application/x-www-form-urlencoded', 'BlobSize=%2B5', 'BlobSize'],
);
for my $c (@too_big) {
    my ($what, $type, $body, $prop) = @$c;
    my $before = snapshot(42);
    my $res = call(PUT => $P42, type => $type, body => $body);
    error_ok($res, 400, 'SoValidationException', qr/^\Q$prop\E must be an integer/, $what);
    is(snapshot(42), $before, "$what: the database is unchanged");
}

# A JSON Patch test of 2^64+630 does not match BlobId 630.
{
    my $before = snapshot(42);
    my $res = call(PATCH => $P42, type => 'application/json-patch+json',
                   body => qq([{"op":"test","path":"/BlobId","value":$two64p630},)
                         . '{"op":"replace","path":"/Description","value":"wrapped"}]');
    error_ok($res, 409, 'SoConflictException',
             qr/^Operation 1 of the JSON Patch \(test\) failed: BlobId does not hold the value given/,
             'JSON Patch test of BlobId 2^64+630');
    is(snapshot(42), $before, 'JSON Patch test of BlobId 2^64+630: nothing changed');
}

# The limits themselves, and the rules as every codec reads them.
for my $c (['JSON, int32 max', 'application/json', '{"BlobSize":2147483647,"OriginalSize":-0}', '2147483647|0'],
           ['XML, -0 and leading zeros', 'application/xml',
            '<BlobEntity><BlobSize> -0 </BlobSize><OriginalSize>0002147483647</OriginalSize></BlobEntity>',
            '0|2147483647'],
           ['form, a raw + is a space', 'application/x-www-form-urlencoded', 'BlobSize=+5&OriginalSize=-0', '5|0']) {
    my ($what, $type, $body, $want) = @$c;
    my $res = call(PUT => '/api/v1/Contact/243/ImageInfo', type => $type, body => $body);
    my $row = picture_of(243) || {};
    is($res->code . '|' . join('|', map { $_ // '' } @$row{qw(blobsize originalsize)}), "200|$want", "$what: stored");
}

# ---- text that is not UTF-8 is a 400 naming the property --------------------------
# Contact 241 gets a picture first; every refusal below leaves it as it is.
is(call(PUT => '/api/v1/Contact/241/ImageInfo', type => 'application/json',
        body => '{"Description":"Before","MimeType":"image/png"}')->code, 200, 'contact 241 has a picture');
my $P241 = '/api/v1/Contact/241/ImageInfo';
# [what, bytes, as the message shows them]
my @not_utf8 = (['a byte that is never UTF-8', "\xff", 'FF'], ['a truncated sequence', "\xe2\x82", 'E2'],
                ['an overlong form', "\xc0\xaf", 'C0'], ['an encoded surrogate', "\xed\xa0\x80", 'D800']);
# [media type, body for a Description holding $b]
my @codecs = (
    ['application/json', sub { qq({"MimeType":"image/png","Description":"a$_[0]b","BlobSize":1}) }],
    ['application/xml',
     sub { qq(<?xml version="1.0" encoding="utf-8"?><BlobEntity $xsi><MimeType>image/png</MimeType>)
           . qq(<Description>a$_[0]b</Description><BlobSize>1</BlobSize></BlobEntity>) }],
    ['application/x-www-form-urlencoded',
     sub { 'MimeType=image%2Fpng&Description=a' . join('', map { sprintf '%%%02X', ord } split //, $_[0]) . 'b&BlobSize=1' }],
);
for my $codec (@codecs) {
    my ($type, $body) = @$codec;
    for my $c (@not_utf8) {
        my ($what, $bytes, $near) = @$c;
        my $before = snapshot(241);
        my $res = call(PUT => $P241, type => $type, body => $body->($bytes));
        error_ok($res, 400, 'SoValidationException', qr/^Description is not valid UTF-8 \(near 0x$near\)/,
                 "$type, $what in Description");
        is(snapshot(241), $before, "$type, $what in Description: the database is unchanged");
    }
}
# Ignored text must be text too; a JSON Patch names the operation and member.
for my $c (['JSON, an unknown property', 'application/json', qq({"Description":"x","Colour":["\xff"]}),
            qr/^"Colour" holds text that is not valid UTF-8 \(near 0xFF\)/],
           ['JSON, a property name', 'application/json', qq({"Description":"x","Col\xc0\xafour":1}),
            qr/^A property name is not valid UTF-8 \(near 0xC0\)/],
           ['JSON Patch, a value', 'application/json-patch+json',
            qq([{"op":"replace","path":"/Description","value":"\xed\xa0\x80"}]),
            qr/^Operation 1 of the JSON Patch: "value" is not valid UTF-8 \(near 0xD800\)/],
           ['JSON Patch, a path', 'application/json-patch+json',
            qq([{"op":"remove","path":"/ExtraInfo"},{"op":"remove","path":"/Descr\xe2\x82iption"}]),
            qr/^Operation 2 of the JSON Patch: "path" is not valid UTF-8 \(near 0xE2\)/],
           ['merge patch, a value', 'application/merge-patch+json', qq({"Description":"\xff"}),
            qr/^Description is not valid UTF-8 \(near 0xFF\)/],
           ['XML, an unknown element', 'application/xml',
            qq(<BlobEntity><Description>x</Description><Colour><Deep>\xe2\x82</Deep></Colour></BlobEntity>),
            qr/^"Colour" holds text that is not valid UTF-8 \(near 0xE2\)/],
           ['XML, an attribute', 'text/xml', qq(<BlobEntity><description note="\xc0\xaf">x</description></BlobEntity>),
            qr/^Description holds text that is not valid UTF-8 \(near 0xC0\)/],
           ['form, Description=%FF', 'application/x-www-form-urlencoded', 'Description=%FF',
            qr/^Description is not valid UTF-8 \(near 0xFF\)/],
           ['form, a raw byte', 'application/x-www-form-urlencoded', "MimeType=a/b&Description=\xed\xa0\x80",
            qr/^Description is not valid UTF-8 \(near 0xD800\)/],
           ['form, an unknown field', 'application/x-www-form-urlencoded', 'Description=x&Colour=%C0%AF',
            qr/^"Colour" holds text that is not valid UTF-8 \(near 0xC0\)/],
           ['XML, a Latin-1 declaration', 'application/xml',
            qq(<?xml version="1.0" encoding="ISO-8859-1"?><BlobEntity><Description>caf\xe9</Description></BlobEntity>),
            qr/^The XML declaration names the encoding "ISO-8859-1"; send XML as UTF-8/],
           ['XML, an element name', 'application/xml', qq(<BlobEntity><Descr\xffiption>x</Descr\xffiption></BlobEntity>),
            qr/^A property name is not valid UTF-8 \(near 0xFF\)/]) {
    my ($what, $type, $body, $like) = @$c;
    my $before = snapshot(241);
    my $res = call(($type =~ /patch/ ? 'PATCH' : 'PUT') => $P241, type => $type, body => $body);
    error_ok($res, 400, 'SoValidationException', $like, $what);
    is(snapshot(241), $before, "$what: the database is unchanged");
}

# ---- what the database holds and XML cannot carry ------------------------------
# Bodies cannot store C0 controls, but the database can hold them: XML 1.0
# cannot carry them at all (not even as &#x1;), so they are written as U+FFFD;
# JSON escapes them, so JSON gives them back exactly.
is(call(PUT => '/api/v1/Contact/242/ImageInfo', type => 'application/json', body => '{"Description":"x"}')->code,
   200, 'contact 242 has a picture');
my $stored = "a\x01b\x1bc\rd";
is(db()->do(q{UPDATE binaryobject SET description = ?, extrainfo = ? WHERE binaryobject_id = ?}, undef, $stored,
            "\x0b\x0c\x1f\t\n", picture_of(242)->{binaryobject_id}), 1, 'controls written straight into the database');
{
    my $res = call(GET => '/api/v1/Contact/242/ImageInfo', headers => { Accept => 'application/xml' });
    is($res->code, 200, 'GET in XML');
    my $xml = $res->content;
    unlike($xml, qr/[\x00-\x08\x0b\x0c\x0e-\x1f]/, 'the XML body holds no control byte XML cannot carry');
    like($xml, qr{<Description>a\xef\xbf\xbdb\xef\xbf\xbdc&#13;d</Description>},
         'each control is U+FFFD (EF BF BD); CR is a reference that survives line-end normalisation');
    like($xml, qr{<ExtraInfo>\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\t\n</ExtraInfo>}, 'tab and LF are kept as they are');
    is($res->header('Content-Length'), length $xml, 'and Content-Length counts the replacement bytes');

    $res = call(GET => '/api/v1/Contact/242/ImageInfo', headers => { Accept => 'application/json' });
    is($res->code, 200, 'GET in JSON');
    like($res->content, qr/"Description":"a\\u0001b\\u001bc\\rd"/, 'the controls are escaped');
    unlike($res->content, qr/[\x00-\x1f]/, 'no raw control byte in the JSON body');
    my $e = JSON::PP->new->decode($res->content);
    is($e->{Description}, $stored, 'the JSON body decodes back to the stored string');
    is($e->{ExtraInfo}, "\x0b\x0c\x1f\t\n", 'every control, tab and LF included');
}

done_testing();
