# Bad Accept, Accept-Language, SO-Language, SO-Culture, SO-TimeZone,
# If-Match, If-None-Match, If-Unmodified-Since and Range headers. A language
# header that breaks RFC 9110's grammar is ignored (never a 400), so those
# go with a request that fails for another reason, and the message must
# then come in the default language (English, checked by the test through
# Content-Language). Contact 990 has a picture of 100 bytes; 950 has none.
# Range values that RFC 9110 section 14.2 tells a server to ignore (an
# unknown unit, a syntactically invalid range set) get the whole picture:
# those few are 200s, each marked with the reason, and the test checks the
# bytes.
package SoiHostile::Negotiation;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
my $II = '/api/v1/Contact/950/ImageInfo';
my $GONE = '/api/v1/Contact/5000/ImageInfo';
my $PIC = '/api/v1/Contact/990/Image';
sub get { my ($path, $headers) = @_; return "GET $path HTTP/1.1\r\n$H$A$headers\r\n" }
sub put {
    my ($path, $headers, $body) = @_;
    $body //= '{"Description":"x"}';
    return "PUT $path HTTP/1.1\r\n$H$A${headers}Content-Type: application/json\r\nContent-Length: " . length($body) . "\r\n\r\n$body";
}
my $none = qr/None of the media types in Accept/;
my $pre = qr/preconditions/;
my $ignored = 'RFC 9110 section 14.2: a Range a server cannot parse, or in a unit it does not know, is ignored; the whole picture is the answer';

[
    # -- Accept ------------------------------------------------------------------
    { name => 'Accept text/plain', status => 406, like => $none, raw => get($II, "Accept: text/plain\r\n") },
    { name => 'Accept the form type', status => 406, like => $none, raw => get($II, "Accept: application/x-www-form-urlencoded\r\n") },
    { name => 'Accept JSON with q=0', status => 406, raw => get($II, "Accept: application/json;q=0\r\n") },
    { name => 'Accept everything with q=0', status => 406, raw => get($II, "Accept: */*;q=0\r\n") },
    { name => 'Accept every type excluded', status => 406,
      raw => get($II, "Accept: application/*;q=0, text/*;q=0, */*;q=0.5, application/json;q=0, text/json;q=0, text/xml;q=0, application/xml;q=0, application/json-patch+json;q=0, application/merge-patch+json;q=0\r\n") },
    { name => 'Accept a picture type on ImageInfo', status => 406, raw => get($II, "Accept: image/png\r\n") },
    { name => 'Accept q=1.5 and text/html', status => 406, raw => get($II, "Accept: application/json;q=1.5, text/html\r\n") },
    { name => 'Accept */json', status => 406, raw => get($II, "Accept: */json, text/html\r\n") },
    { name => 'Accept 900 elements', status => 406, raw => get($II, 'Accept: ' . join(',', map { "a/b$_" } 1 .. 900) . "\r\n") },
    { name => 'Accept on a refused PUT', status => 406,
      raw => put($II, "Accept: text/html\r\n") },
    { name => 'Accept nothing readable, missing contact', status => 404, raw => get($GONE, "Accept: ;;;,,,;q=x\r\n") },
    { name => 'Accept XML, bad id', status => 400, xml => 1, raw => get('/api/v1/Contact/x/ImageInfo', "Accept: application/xml\r\n") },
    { name => 'Accept text/xml preferred, missing contact', status => 404, xml => 1,
      raw => get($GONE, "Accept: application/json;q=0.1, text/xml;q=0.9\r\n") },
    { name => 'Accept XML by wildcard, missing contact', status => 404, xml => 1,
      raw => get($GONE, "Accept: application/json;q=0, text/json;q=0, application/*\r\n") },
    # -- languages -----------------------------------------------------------------
    { name => 'Accept-Language 0xFF', status => 404, lang => 'en', raw => get($GONE, "Accept-Language: \xff\xfe\r\n") },
    { name => 'Accept-Language of semicolons', status => 404, lang => 'en', raw => get($GONE, "Accept-Language: ;;;\r\n") },
    { name => 'Accept-Language q=5', status => 404, lang => 'en', raw => get($GONE, "Accept-Language: sv;q=5\r\n") },
    { name => 'Accept-Language q with four decimals', status => 404, lang => 'en', raw => get($GONE, "Accept-Language: de;q=0.1234\r\n") },
    { name => 'Accept-Language 65 elements', status => 404, lang => 'en',
      raw => get($GONE, 'Accept-Language: ' . join(', ', ('sv') x 65) . "\r\n") },
    { name => 'Accept-Language of 4100 bytes', status => 404, lang => 'en',
      raw => get($GONE, 'Accept-Language: sv, ' . ('x' x 4090) . "\r\n") },
    { name => 'Accept-Language a tag of 9 letters', status => 404, lang => 'en', raw => get($GONE, "Accept-Language: abcdefghi\r\n") },
    { name => 'Accept-Language on a refused PUT', status => 400, lang => 'en',
      raw => put($II, "Accept-Language: nb;q=x, sv\r\n", '{"BlobSize":-1}') },
    { name => 'SO-Language 0xFF, Accept-Language broken too', status => 404, lang => 'en',
      raw => get($GONE, "SO-Language: \xff\r\nAccept-Language: ;q=1\r\n") },
    { name => 'SO-Language broken, Accept-Language German', status => 404, lang => 'de',
      raw => get($GONE, "SO-Language: sv;;q\r\nAccept-Language: de\r\n") },
    { name => 'SO-Language of 65 elements', status => 404, lang => 'en',
      raw => get($GONE, 'SO-Language: ' . join(',', ('nb') x 65) . "\r\n") },
    { name => 'SO-Language a quoted string', status => 404, lang => 'en', raw => get($GONE, "SO-Language: \"sv\"\r\n") },
    { name => 'SO-Language sv, a bad id of 8-bit bytes', status => 400, lang => 'sv',
      raw => get('/api/v1/Contact/%FF%FE/ImageInfo', "SO-Language: sv\r\n") },
    { name => 'Accept-Language nb, XML, a missing contact', status => 404, lang => 'nb', xml => 1,
      raw => get($GONE, "Accept-Language: nb-NO;q=0.9, *;q=0.1\r\nAccept: text/xml\r\n") },
    { name => 'SO-Language de over Accept-Language sv, a bad body', status => 400, lang => 'de',
      raw => put($II, "SO-Language: de\r\nAccept-Language: sv\r\n", '{"Description":"\xff"}') },
    { name => 'the Swedish mount, a language header of garbage', status => 404, lang => 'sv',
      raw => get('/swedish/v1/Contact/5000/ImageInfo', "Accept-Language: ;;;\r\n") },
    { name => 'the Swedish mount, SO-Language x', status => 404, lang => 'sv',
      raw => get('/swedish/v1/Contact/5000/ImageInfo', "SO-Language: x\r\n") },
    # -- culture and zone ------------------------------------------------------------
    { name => 'SO-Culture with an underscore and a long region', status => 400, like => qr/SO-Culture/, raw => get($II, "SO-Culture: en_USAAAAAAA\r\n") },
    { name => 'SO-Culture of 36 characters', status => 400, like => qr/SO-Culture/, raw => get($II, 'SO-Culture: en-' . ('a' x 33) . "\r\n") },
    { name => 'SO-Culture a single letter', status => 400, like => qr/SO-Culture/, raw => get($II, "SO-Culture: e\r\n") },
    { name => 'SO-Culture a number', status => 400, like => qr/SO-Culture/, raw => get($II, "SO-Culture: 1033\r\n") },
    { name => 'SO-Culture empty parts', status => 400, like => qr/SO-Culture/, raw => get($II, "SO-Culture: sv--SE\r\n") },
    { name => 'SO-Culture on a PUT', status => 400, like => qr/SO-Culture/, raw => put($II, "SO-Culture: ..\r\n") },
    { name => 'SO-TimeZone unknown', status => 400, like => qr/SO-TimeZone/, raw => get($II, "SO-TimeZone: Mars/Olympus\r\n") },
    { name => 'SO-TimeZone an unknown id', status => 400, like => qr/SO-TimeZone/, raw => get($II, "SO-TimeZone: 99999999999\r\n") },
    { name => 'SO-TimeZone a negative id', status => 400, like => qr/SO-TimeZone/, raw => get($II, "SO-TimeZone: -1\r\n") },
    { name => 'SO-TimeZone with a misspelt flag', status => 400, like => qr/SO-TimeZone/, raw => get($II, "SO-TimeZone: NO, includeTZOffsetX\r\n") },
    { name => 'SO-TimeZone the flag alone', status => 400, like => qr/SO-TimeZone/, raw => get($II, "SO-TimeZone: , includeTZOffset\r\n") },
    { name => 'SO-TimeZone empty elements', status => 400, like => qr/SO-TimeZone/, raw => get($II, "SO-TimeZone: NO,,\r\n") },
    { name => 'SO-TimeZone the flag twice', status => 400, like => qr/SO-TimeZone/,
      raw => get($II, "SO-TimeZone: NO, includeTZOffset, includeTZOffset\r\n") },
    { name => 'SO-TimeZone on a picture', status => 400, like => qr/SO-TimeZone/, raw => get($PIC, "SO-TimeZone: +01:00\r\n") },
    # -- preconditions ---------------------------------------------------------------
    { name => 'If-Match unquoted', status => 400, like => qr/If-Match/, raw => put($II, "If-Match: abc\r\n") },
    { name => 'If-Match never closed', status => 400, like => qr/If-Match/, raw => put($II, "If-Match: \"abc\r\n") },
    { name => 'If-Match W/ alone', status => 400, like => qr/If-Match/, raw => put($II, "If-Match: W/\r\n") },
    { name => 'If-Match a list of commas, no picture', status => 412, like => $pre, raw => put($II, "If-Match: ,,,,\r\n") },
    { name => 'If-Match * mixed with a tag, no picture', status => 412, like => $pre, raw => put($II, "If-Match: *, \"a\"\r\n") },
    { name => 'If-Match a tag then junk', status => 400, like => qr/If-Match/, raw => put($II, "If-Match: \"a\" junk\r\n") },
    { name => 'If-Match a weak tag, no picture', status => 412, like => $pre, raw => put($II, "If-Match: W/\"weak\"\r\n") },
    { name => 'If-Match *, no picture', status => 412, like => $pre, raw => put($II, "If-Match: *\r\n") },
    { name => 'If-Match 600 tags, no picture', status => 412, like => $pre,
      raw => put($II, 'If-Match: ' . join(', ', map { "\"t$_\"" } 1 .. 600) . "\r\n") },
    { name => 'If-Match a wrong tag on a picture', status => 412, like => $pre, raw => put('/api/v1/Contact/990/ImageInfo', "If-Match: \"nope\"\r\n") },
    { name => 'If-Match on a merge patch', status => 412, like => $pre,
      raw => "PATCH /api/v1/Contact/990/ImageInfo HTTP/1.1\r\n$H${A}If-Match: \"x\"\r\nContent-Type: application/merge-patch+json\r\nContent-Length: 2\r\n\r\n{}" },
    { name => 'If-None-Match * on a picture', status => 412, like => $pre, raw => put('/api/v1/Contact/990/ImageInfo', "If-None-Match: *\r\n") },
    { name => 'If-None-Match garbage on a PUT', status => 400, raw => put($II, "If-None-Match: garbage\r\n") },
    { name => 'If-Unmodified-Since 1994 on a picture', status => 412, like => $pre,
      raw => put('/api/v1/Contact/990/ImageInfo', "If-Unmodified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\n") },
    { name => 'If-Unmodified-Since the epoch on a picture', status => 412, like => $pre,
      raw => put('/api/v1/Contact/990/ImageInfo', "If-Unmodified-Since: Thu, 01 Jan 1970 00:00:00 GMT\r\n") },
    { name => 'If-Match a tag holding a tab', status => 400, like => qr/If-Match/, raw => put($II, "If-Match: \"a\tb\"\r\n") },
    { name => 'If-None-Match a tag holding a space', status => 400, like => qr/If-None-Match/, raw => get($II, "If-None-Match: \"a b\"\r\n") },
    { name => 'If-None-Match unquoted on GET', status => 400, like => qr/If-None-Match/, raw => get($II, "If-None-Match: garbage\r\n") },
    { name => 'If-None-Match a good tag then garbage', status => 400, raw => get($II, "If-None-Match: \"a\", garbage\r\n") },
    { name => 'If-None-Match W/ alone on a picture', status => 400, raw => get($PIC, "If-None-Match: W/\r\n") },
    { name => 'If-None-Match a tag never closed', status => 400, raw => get($II, "If-None-Match: W/\"abc\r\n") },
    # -- Range -----------------------------------------------------------------------
    { name => 'Range from the end of the picture', status => 416, like => qr/lies within/, raw => get($PIC, "Range: bytes=100-\r\n") },
    { name => 'Range beyond the picture', status => 416, raw => get($PIC, "Range: bytes=100-200\r\n") },
    { name => 'Range a suffix of 0 bytes', status => 416, raw => get($PIC, "Range: bytes=-0\r\n") },
    { name => 'Range three sets beyond', status => 416, raw => get($PIC, "Range: bytes=100-,200-,300-\r\n") },
    { name => 'Range 700 sets beyond', status => 416, raw => get($PIC, 'Range: bytes=' . join(',', map { "$_-$_" } 1000 .. 1699) . "\r\n") },
    { name => 'Range beyond, with If-Range', status => 416, raw => get($PIC, "Range: bytes=1000-\r\nIf-Range: \"x\"\r\n") },
    { name => 'Range beyond, as XML', status => 416, xml => 1, raw => get($PIC, "Range: bytes=500-\r\nAccept: text/xml\r\n") },
    { name => 'Range on a missing picture', status => 404, raw => get('/api/v1/Contact/951/Image', "Range: bytes=0-1\r\n") },
    { name => 'Range not bytes', status => 200, ok => $ignored, raw => get($PIC, "Range: lines=1-2\r\n") },
    { name => 'Range of letters', status => 200, ok => $ignored, raw => get($PIC, "Range: bytes=abc\r\n") },
    { name => 'Range reversed', status => 200, ok => $ignored, raw => get($PIC, "Range: bytes=5-1\r\n") },
    { name => 'Range first byte past 64 bits', status => 200, ok => $ignored, raw => get($PIC, "Range: bytes=99999999999999999999-\r\n") },
]
