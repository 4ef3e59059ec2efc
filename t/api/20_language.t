# Language, culture and time zone (SPEC §6): SO-Language over
# Accept-Language, multi-language values chosen per request and stored as
# given, Reason references resolved from soi_resource, messages in en, sv,
# nb and de, SO-Culture and SO-TimeZone checked, and Vary, Content-Language
# and ETag that keep caches right. Contacts 501..512.
use strict;
use warnings FATAL => 'all';
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use Encode qw(decode encode);
use JSON::PP ();

my $ML = 'NO:"Leverandør";US:"Supplier";SE:"Leverantör"';
my $P = '/api/v1/Contact/501/ImageInfo';

sub put_json {
    my ($path, %fields) = @_;
    return call(PUT => $path, type => 'application/json',
                body => encode('UTF-8', JSON::PP->new->canonical->encode({ BlobId => 0, %fields })));
}
sub got {
    my ($headers, %o) = @_;
    my $res = call(GET => $o{path} // $P, headers => $headers, exists $o{auth} ? (auth => $o{auth}) : ());
    my $e = $res->code == 200 ? ju($res->content) : undef;
    return ($res, $e);
}
sub ju { my ($text) = @_; return eval { JSON::PP->new->utf8->decode($text) } }
sub vary_lang { my ($res) = @_; return (($res->header('Vary') // '') =~ /Accept-Language,\s*SO-Language/) ? 1 : 0 }
sub stored { my ($c, $col) = @_; my $p = picture_of($c); return decode('UTF-8', $p->{$col} // '') }

# ---- a multi-language value is stored as given --------------------------------------
my $res = put_json($P, Description => $ML, ExtraInfo => 'plain text');
is($res->code, 200, 'PUT of a multi-language Description: 200');
is(stored(501, 'description'), $ML, 'the database holds the value as sent');
is(ju($res->content)->{Description}, $ML, 'with no language header, the reply shows it raw');
ok(vary_lang($res), 'and says the bytes vary with the language headers');
ok(!defined $res->header('Content-Language'), 'no Content-Language for a raw value');

# ---- the choice -----------------------------------------------------------------------
my %etag;
for my $c (
    # [what, headers, Description, Content-Language]
    ['no header', {}, $ML, undef],
    ['Accept-Language: en', { 'Accept-Language' => 'en' }, 'Supplier', 'en'],
    ['Accept-Language: sv', { 'Accept-Language' => 'sv' }, 'Leverantör', 'sv'],
    ['Accept-Language: nb-NO', { 'Accept-Language' => 'nb-NO' }, 'Leverandør', 'nb'],
    ['Accept-Language: nn', { 'Accept-Language' => 'nn' }, 'Leverandør', 'nb'],
    ['Accept-Language: no', { 'Accept-Language' => 'no' }, 'Leverandør', 'nb'],
    ['q-values: sv beats de and en', { 'Accept-Language' => 'de;q=0.5, en;q=0.8, sv;q=0.9' }, 'Leverantör', 'sv'],
    ['q=0 excludes', { 'Accept-Language' => 'sv;q=0, nb' }, 'Leverandør', 'nb'],
    ['a language without a part: the next one', { 'Accept-Language' => 'da, sv;q=0.5' }, 'Leverantör', 'sv'],
    ['no listed language has a part: English', { 'Accept-Language' => 'fi, da' }, 'Supplier', 'en'],
    ['* takes the default language', { 'Accept-Language' => '*' }, 'Supplier', 'en'],
    ['SO-Language overrides Accept-Language', { 'SO-Language' => 'nb-no', 'Accept-Language' => 'en' }, 'Leverandør',
     'nb'],
    ['SO-Language x: no translation', { 'SO-Language' => 'x', 'Accept-Language' => 'en' }, $ML, undef],
    ['SO-Language *: no translation', { 'SO-Language' => '*', 'Accept-Language' => 'en' }, $ML, undef],
    ['a malformed SO-Language is ignored', { 'SO-Language' => 'sv;;q=2', 'Accept-Language' => 'en' }, 'Supplier',
     'en'],
    ['a malformed Accept-Language is ignored', { 'Accept-Language' => 'sv;q=abc' }, $ML, undef],
    ['an Accept-Language of 65 elements is ignored', { 'Accept-Language' => join(',', ('sv') x 65) }, $ML, undef],
) {
    my ($what, $h, $want, $lang) = @$c;
    my ($r, $e) = got($h);
    is($r->code, 200, "$what: 200");
    is($e && $e->{Description}, $want, "$what: Description");
    is($e && $e->{ExtraInfo}, 'plain text', "$what: a plain value stays as it is");
    is($r->header('Content-Language'), $lang, "$what: Content-Language " . ($lang // 'none'));
    ok(vary_lang($r), "$what: Vary names the language headers");
    $etag{$want} //= $r->header('ETag');
    is($r->header('ETag'), $etag{$want}, "$what: the same bytes have the same ETag");
}
is(scalar(keys %etag), 4, 'four representations, four ETags');
{
    my ($r) = got({ 'Accept-Language' => 'sv', 'If-None-Match' => $etag{'Leverantör'} });
    is($r->code, 304, 'If-None-Match with the Swedish ETag, asked in Swedish: 304');
    ok(vary_lang($r), 'the 304 carries the same Vary');
    ($r) = got({ 'Accept-Language' => 'en', 'If-None-Match' => $etag{'Leverantör'} });
    is($r->code, 200, 'the Swedish ETag, asked in English: 200');
}

# Regions: en-GB prefers GB, then US; en prefers US.
$res = put_json('/api/v1/Contact/502/ImageInfo', Description => 'GB:"colour";US:"color"',
                ExtraInfo => 'US:"say \"hi\" \\\\ bye";NO:"hei"');
is($res->code, 200, 'PUT with GB and US parts, and escapes');
for my $c (['en-GB', 'colour', 'say "hi" \\ bye'], ['en', 'color', 'say "hi" \\ bye'], ['en-US', 'color', undef],
           ['nb', 'color', 'hei']) {
    my ($tag, $d, $x) = @$c;
    my ($r, $e) = got({ 'Accept-Language' => $tag }, path => '/api/v1/Contact/502/ImageInfo');
    is($e->{Description}, $d, "Accept-Language: $tag: Description $d");
    is($e->{ExtraInfo}, $x, "Accept-Language: $tag: ExtraInfo, unescaped") if defined $x;
}

# Not multi-language: shown as stored whatever is asked, and nothing varies.
for my $plain ('NO:"only one part"', 'Leverandør', 'NO:"open;US:"x"', 'NOR:"x";US:"y"') {
    $res = put_json('/api/v1/Contact/503/ImageInfo', Description => $plain);
    my ($r, $e) = got({ 'Accept-Language' => 'nb' }, path => '/api/v1/Contact/503/ImageInfo');
    is($e->{Description}, $plain, "plain value $plain: as stored");
    ok(!vary_lang($r) && !defined $r->header('Content-Language'), "plain value $plain: no language Vary");
}
{
    my ($r1) = got({}, path => '/api/v1/Contact/503/ImageInfo');
    my ($r2) = got({ 'Accept-Language' => 'de' }, path => '/api/v1/Contact/503/ImageInfo');
    is($r2->header('ETag'), $r1->header('ETag'), 'nothing translated: the ETag does not change with the language');
}

# Patches apply to the stored value, never to a translation.
$res = call(PATCH => $P, type => 'application/merge-patch+json', body => '{"ExtraInfo":"patched"}',
            headers => { 'Accept-Language' => 'en' });
is($res->code, 200, 'merge patch asked in English: 200');
is(ju($res->content)->{Description}, 'Supplier', 'its reply is in English');
is(stored(501, 'description'), $ML, 'the stored Description is still every language');
is(stored(501, 'extrainfo'), 'patched', 'and the patch applied');

# ---- Reason: resource references ----------------------------------------------------------
{
    my @r = (auth => ['reader', 'Reader1']);
    my ($r, $e) = got({}, path => '/api/v1/Contact/501/ImageInfo', @r);
    is($e->{TableRight}{Reason}, '[SR_SOI_TABLE_RIGHTS]', 'reader, no language: TableRight.Reason is the reference');
    is($e->{FieldProperties}{Description}{FieldRight}{Reason}, '[SR_SOI_FIELD_NO_UPDATE]',
       'a writable field the reader cannot write: the reference');
    is($e->{FieldProperties}{BlobId}{FieldRight}{Reason}, '', 'a field the server sets: no reason');
    ok(vary_lang($r), 'references vary with the language');
    ($r, $e) = got({ 'Accept-Language' => 'sv' }, path => '/api/v1/Contact/501/ImageInfo', @r);
    is($e->{TableRight}{Reason}, 'Dina rättigheter omfattar inte alla åtgärder på kontaktbilder.',
       'reader in Swedish: the text of soi_resource');
    is($e->{FieldProperties}{ExtraInfo}{FieldRight}{Reason}, 'För att ändra en bild krävs rättigheten Update.',
       'and the field reason');
    is($r->header('Content-Language'), 'sv', 'Content-Language sv');
    ($r, $e) = got({ 'Accept-Language' => 'fr' }, path => '/api/v1/Contact/501/ImageInfo', @r);
    is($e->{TableRight}{Reason}, 'Your rights do not include every operation on contact pictures.',
       'a language soi_resource lacks: the default language');
    ($r, $e) = got({ 'Accept-Language' => 'de' }, path => '/api/v1/Contact/501/ImageInfo', auth => ['updater', 'Updater1']);
    is($e->{TableRight}{Reason}, 'Ihre Rechte umfassen nicht alle Aktionen an Kontaktbildern.',
       'updater in German: the table reason');
    is($e->{FieldProperties}{Description}{FieldRight}{Reason}, '', 'updater: fields it can write have no reason');
    ($r, $e) = got({ 'Accept-Language' => 'de' }, path => '/api/v1/Contact/501/ImageInfo');
    is($e->{TableRight}{Reason}, '', 'every right: no reason');
}

# ---- messages -------------------------------------------------------------------------------
for my $c (
    # [what, path, headers, message, Content-Language]
    ['the seed\'s request in Swedish, for a contact that is not there', '/api/v1/Contact/199/ImageInfo',
     { 'Accept-Language' => 'sv' }, qr/^Kontakten 199 /, 'sv'],
    ['German', '/api/v1/Contact/199/ImageInfo', { 'Accept-Language' => 'de' }, qr/^Der Kontakt 199 |^Kontakt 199 /, 'de'],
    ['Norwegian (no)', '/api/v1/Contact/199/ImageInfo', { 'Accept-Language' => 'no' }, qr/^Kontakt(?:en)? 199 /, 'nb'],
    ['no header: English', '/api/v1/Contact/199/ImageInfo', {}, qr/^Contact 199 does not exist or is deleted\.$/, 'en'],
    ['a language without messages: English', '/api/v1/Contact/199/ImageInfo', { 'Accept-Language' => 'fr, da' },
     qr/^Contact 199 does not exist/, 'en'],
    ['SO-Language over Accept-Language', '/api/v1/Contact/199/ImageInfo',
     { 'SO-Language' => 'de-AT', 'Accept-Language' => 'sv' }, qr/199/, 'de'],
    ['SoImageInfoLanguage sv, no header', '/swedish/v1/Contact/199/ImageInfo', {}, qr/^Kontakten 199 /, 'sv'],
    ['SoImageInfoLanguage sv, German asked', '/swedish/v1/Contact/199/ImageInfo', { 'Accept-Language' => 'de' },
     qr/199/, 'de'],
) {
    my ($what, $path, $h, $like, $lang) = @$c;
    my $r = call(GET => $path, headers => $h);
    error_ok($r, 404, 'SoNotFoundException', $like, $what);
    is($r->header('Content-Language'), $lang, "$what: Content-Language $lang");
    ok(vary_lang($r), "$what: Vary names the language headers");
}
{
    my $r = call(GET => '/api/v1/Contact/501/ImageInfo', headers => { 'Accept-Language' => 'sv' },
                 auth => ['tje0', 'wrong']);
    is($r->code, 401, 'a refused login in Swedish: 401');
    unlike(ju($r->content)->{ErrorMessage}, qr/password is wrong/, 'and not in English');
    $r = call(PUT => $P, type => 'application/json', body => '{"BlobSize":"x"}',
              headers => { 'Accept-Language' => 'de', Accept => 'application/xml' });
    is($r->code, 400, 'a validation error in German, as XML: 400');
    like($r->content, qr{<ErrorMessage>BlobSize .*</ErrorMessage>}s, 'the property name stays as it is');
    is($r->header('Content-Language'), 'de', 'Content-Language de');
}

{
    my $before = snapshot(510);
    my $r = call(PUT => '/api/v1/Contact/510/Image', type => 'image/png', body => "GIF89a\x01\x00\x01\x00",
                 headers => { 'Accept-Language' => 'sv' });
    my $m = ju($r->content) ? ju($r->content)->{ErrorMessage} : '';
    is($r->code, 400, 'bytes that are not what the type says, in Swedish: 400');
    like($m, qr/^Innehållet är inte av typen image\/png: .*\(detta är image\/gif\)\.$/,
         'the embedded phrase is Swedish too');
    is(snapshot(510), $before, 'and nothing is stored');
}

# ---- SO-Culture and SO-TimeZone --------------------------------------------------------------
for my $c (['SO-Culture' => 'sv'], ['SO-Culture' => 'nb-NO'], ['SO-Culture' => 'zh-Hant-TW'],
           ['SO-Culture' => 'es-419'], ['SO-TimeZone' => 'NO'], ['SO-TimeZone' => '261'], ['SO-TimeZone' => 'us-ny'],
           ['SO-TimeZone' => 'US-NY, includeTZOffset'], ['SO-TimeZone' => 'UTC,includetzoffset']) {
    my ($h, $v) = @$c;
    my ($r, $e) = got({ $h => $v });
    is($r->code, 200, "$h: $v is accepted");
    like($e->{UpdatedDate}, qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/, "$h: $v: UpdatedDate stays UTC, tagged Z");
    ok(!(($r->header('Vary') // '') =~ /\Q$h\E/i), "$h: $v: nothing varies with it");
}
for my $c (['SO-Culture', 'sv-', qr/^The SO-Culture header "sv-" is not a culture code/],
           ['SO-Culture', '12', qr/SO-Culture/], ['SO-Culture', 'english', qr/SO-Culture/],
           ['SO-TimeZone', 'Europe/Oslo', qr/^The SO-TimeZone header "Europe\/Oslo" names no time zone/],
           ['SO-TimeZone', '99999', qr/SO-TimeZone/], ['SO-TimeZone', 'NO, includeTZOffset, x', qr/SO-TimeZone/]) {
    my ($h, $v, $like) = @$c;
    my $before = snapshot(501);
    my $r = call(PUT => $P, type => 'application/json', body => '{"Description":"not written"}', headers => { $h => $v });
    error_ok($r, 400, 'SoValidationException', $like, "PUT with $h: $v");
    is(snapshot(501), $before, "PUT with $h: $v: the database is unchanged");
}
{
    my $r = call(GET => $P, headers => { 'SO-TimeZone' => 'Mars', 'Accept-Language' => 'sv' });
    error_ok($r, 400, 'SoValidationException', qr/SO-TimeZone.*"Mars"/, 'an unknown zone, in Swedish');
    unlike(ju($r->content)->{ErrorMessage}, qr/names no time zone known here/, 'the message is translated');
}

done_testing();
