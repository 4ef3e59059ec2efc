# JSON Patch and merge patch, on PATCH and on PUT: applied to the stored
# entity (or the default one) under the row lock. Contacts 231..239, 161..163.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use POSIX ();

my $jp = 'application/json-patch+json';
my $mp = 'application/merge-patch+json';

# ---- JSON Patch on PATCH ------------------------------------------------------------
my $before = picture_of(231);
my $res = call(PATCH => '/api/v1/Contact/231/ImageInfo', type => $jp,
               body => '[{"op":"test","path":"/Description","value":"Picture of 231"},'
                     . '{"op":"replace","path":"description","value":"patched"},'
                     . '{"op":"add","path":"/ExtraInfo","value":"added"},'
                     . '{"op":"copy","from":"/BlobSize","path":"/OriginalSize"},'
                     . '{"op":"remove","path":"/MimeType"}]');
is($res->code, 200, 'PATCH with a JSON Patch');
my $row = picture_of(231);
is(join('|', @$row{qw(description extrainfo originalsize mimetype conceptualtype blobsize)}),
   'patched|added|1000||PHOTO|1000', 'applied to the stored picture; the rest kept');
is($row->{updatedcount}, $before->{updatedcount} + 1, 'one write');
is(json($res->content)->{Description}, 'patched', 'the reply is the new entity');
is($row->{binaryobject_id}, $before->{binaryobject_id}, 'same picture');

$before = snapshot(231);
for my $c (['[{"op":"test","path":"/Description","value":"nope"},{"op":"replace","path":"/ExtraInfo","value":"x"}]',
            409, 'SoConflictException', qr/^Operation 1 of the JSON Patch \(test\) failed: Description does not hold the value given; nothing was changed\.$/, 'a failed test'],
           ['[{"op":"replace","path":"/UpdatedDate","value":"2020-01-01"}]', 400, 'SoValidationException',
            qr/names UpdatedDate, which cannot be changed/, 'a server-set path'],
           ['[{"op":"replace","path":"/Colour","value":"red"}]', 400, 'SoValidationException',
            qr/names "\/Colour", which is not a property of BlobEntity/, 'an unknown path'],
           ['[{"op":"replace","path":"/BlobId","value":5}]', 400, 'SoValidationException',
            qr/names BlobId, which cannot be changed/, 'the key'],
           ['[{"op":"replace","path":"/BlobSize","value":-5}]', 400, 'SoValidationException',
            qr/BlobSize must be an integer from 0 to 2147483647/, 'a bad value'],
           ['[{"op":"jump","path":"/BlobSize"}]', 400, 'SoValidationException', qr/the ops are add, remove/, 'an unknown op'],
           ['{"op":"replace"}', 400, 'SoValidationException', qr/A JSON Patch is an array of operations/, 'not an array']) {
    $res = call(PATCH => '/api/v1/Contact/231/ImageInfo', type => $jp, body => $c->[0]);
    error_ok($res, $c->[1], $c->[2], $c->[3], "JSON Patch: $c->[4]");
    is(snapshot(231), $before, "JSON Patch: $c->[4]: nothing changed");
}

# ---- merge patch -----------------------------------------------------------------------
$res = call(PATCH => '/api/v1/Contact/232/ImageInfo', type => $mp,
            body => '{"Description":"merged","BlobSize":null,"IsZipped":true}');
is($res->code, 200, 'PATCH with a merge patch');
$row = picture_of(232);
is(join('|', @$row{qw(description blobsize iszipped mimetype originalsize)}), 'merged|0|1|image/jpeg|1000',
   'null reset BlobSize; untouched members kept');
$before = snapshot(232);
for my $c (['{"Colour":"red"}', qr/names "Colour", which is not a property of BlobEntity/, 'an unknown member'],
           ['{"CreatedDate":null}', qr/names CreatedDate, which cannot be changed/, 'a server-set member'],
           ['["Description"]', qr/must be a JSON object/, 'not an object']) {
    $res = call(PATCH => '/api/v1/Contact/232/ImageInfo', type => $mp, body => $c->[0]);
    error_ok($res, 400, 'SoValidationException', $c->[1], "merge patch: $c->[2]");
    is(snapshot(232), $before, "merge patch: $c->[2]: nothing changed");
}

# ---- the patch types on PUT; other types on PATCH ------------------------------------------
$res = call(PUT => '/api/v1/Contact/233/ImageInfo', type => $mp, body => '{"ExtraInfo":"via PUT"}');
$row = picture_of(233);
is($res->code . '|' . $row->{extrainfo} . '|' . $row->{description}, '200|via PUT|Picture of 233',
   'PUT with a merge patch patches (keeps the rest)');
$res = call(PUT => '/api/v1/Contact/233/ImageInfo', type => $jp,
            body => '[{"op":"replace","path":"/MimeType","value":"image/gif"}]');
is($res->code . '|' . picture_of(233)->{mimetype}, '200|image/gif', 'PUT with a JSON Patch');
$before = snapshot(233);
for my $t ('application/json', 'application/xml', 'application/x-www-form-urlencoded') {
    $res = call(PATCH => '/api/v1/Contact/233/ImageInfo', type => $t, body => '{}');
    error_ok($res, 415, 'SoUnsupportedMediaTypeException',
             qr/PATCH takes application\/json-patch\+json or application\/merge-patch\+json/, "PATCH with $t");
}
is(snapshot(233), $before, 'nothing changed');

# ---- a contact without a picture: the patch applies to the default entity ------------------
is(picture_of(161), undef, 'contact 161 has no picture');
$res = call(PATCH => '/api/v1/Contact/161/ImageInfo', type => $mp, body => '{"Description":"born of a patch"}');
is($res->code, 200, 'PATCH creates the picture');
$row = picture_of(161);
is(join('|', @$row{qw(description blobsize mimetype)}), 'born of a patch|0|', 'from the default entity');
is(scalar @{ links_of(161) }, 1, 'with its link');
$res = call(PATCH => '/api/v1/Contact/162/ImageInfo', type => $jp,
            body => '[{"op":"test","path":"/BlobId","value":0},{"op":"replace","path":"/BlobSize","value":5}]');
is($res->code . '|' . (picture_of(162) || {})->{blobsize}, '200|5', 'a JSON Patch on the default entity (BlobId 0)');

# ---- rights ----------------------------------------------------------------------------------
$res = call(PATCH => '/api/v1/Contact/163/ImageInfo', type => $mp, body => '{"Description":"x"}',
            auth => ['updater', 'Updater1']);
error_ok($res, 403, 'SoAccessDeniedException', qr/^Creating a picture needs the Insert right/, 'PATCH creating without Insert');
is(picture_of(163), undef, 'nothing created');
$before = snapshot(234);
$res = call(PATCH => '/api/v1/Contact/234/ImageInfo', type => $mp, body => '{"Description":"x"}',
            auth => ['inserter', 'Inserter1']);
error_ok($res, 403, 'SoAccessDeniedException', qr/^Changing a picture needs the Update right/, 'PATCH updating without Update');
is(snapshot(234), $before, 'nothing changed');
$res = call(PATCH => '/api/v1/Contact/299/ImageInfo', type => $mp, body => '{"Description":"x"}');
is($res->code, 404, 'PATCH on a deleted contact: 404');

# ---- no write is lost between read and write ---------------------------------------------------
# Eight concurrent merge patches, each setting one property of contact 235:
# each reads, patches and writes the whole entity; without the row lock some
# would overwrite others' changes with what they had read.
my %set = (Description => '"d"', ExtraInfo => '"e"', MimeType => '"m"', ConceptualType => '"c"',
           BlobSize => 11, OriginalSize => 22, IsZipped => 'true', IsEncrypted => 'true');
pipe(my $gate_r, my $gate_w) or die;
my @kids;
for my $k (sort keys %set) {
    my $pid = fork // die;
    if (!$pid) {
        close $gate_w;
        sysread($gate_r, my $x, 1);
        my $r = call(PATCH => '/api/v1/Contact/235/ImageInfo', type => $mp, body => qq({"$k":$set{$k}}));
        POSIX::_exit($r->code == 200 ? 0 : 1);
    }
    push @kids, $pid;
}
close $gate_r;
close $gate_w;
my $fails = 0;
for (@kids) { waitpid($_, 0); $fails++ if $? }
is($fails, 0, 'eight concurrent PATCHes answer 200');
$row = picture_of(235);
is(join('|', @$row{qw(description extrainfo mimetype conceptualtype blobsize originalsize iszipped isencrypted)}),
   'd|e|m|c|11|22|1|1', 'every one of their changes is there');

done_testing();
