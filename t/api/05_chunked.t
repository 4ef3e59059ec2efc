# Chunked request bodies, with tokens, escapes and UTF-8 sequences split
# across chunks.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

plan tests => 8;

my $res = call(PUT => '/api/v1/Contact/206/ImageInfo', type => 'application/json',
               body => chunks('{"Descr', 'iption":"chu', 'nked","BlobSi', 'ze":4', '42,"IsZipped":tr', 'ue,"Mime',
                              'Type":"image/p', 'ng"}'));
is($res->code, 200, 'a body split inside names, strings, numbers and literals');
my $row = picture_of(206);
is(join('|', @$row{qw(description blobsize iszipped mimetype)}), 'chunked|442|1|image/png', 'stored whole');
is(json($res->content)->{Description}, 'chunked', 'and answered');

$res = call(PUT => '/api/v1/Contact/206/ImageInfo', type => 'application/json',
            body => chunks('{"Description":"\u00', "e6 \xc3", "\xa6 \\ud83d", '\ude00"}'));
is($res->code, 200, 'split inside an escape, a UTF-8 sequence and a surrogate pair');
is(picture_of(206)->{description}, "\xc3\xa6 \xc3\xa6 \xf0\x9f\x98\x80", 'stored as the characters meant');

$res = call(PUT => '/api/v1/Contact/206/ImageInfo', type => 'application/json',
            body => chunks(split //, '{"Description":"one byte at a time","OriginalSize":7}'));
is($res->code . '|' . picture_of(206)->{originalsize}, '200|7', 'one byte per chunk');

my $before = snapshot(206);
$res = call(PUT => '/api/v1/Contact/206/ImageInfo', type => 'application/json',
            body => chunks('{"Description":"\ud8', '00"}'));
is($res->code, 400, 'an unpaired surrogate split across chunks is still caught');
is(snapshot(206), $before, 'and nothing changed');
