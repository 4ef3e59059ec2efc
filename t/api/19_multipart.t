# Pictures uploaded as a browser's form does: PUT and POST of
# multipart/form-data to /v1/Contact/{id}/Image. The bodies are made here,
# with every byte value in the picture (also CR, LF and '-', which the
# delimiters are made of), sent with Content-Length and chunked with the
# delimiters split across chunks at every position; each check looks at the
# status, the body and the database.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use File::Temp ();

plan tests => 106;

my $all = join('', map { chr } 0 .. 255);
my $png = "\x89PNG\r\n\x1a\n" . $all . "\r\n--" . $all;
my $gif = 'GIF89a' . $all;
my $jpeg = "\xff\xd8\xff\xe0" . $all;
my $tiff = "MM\0*" . $all;
my $B = '----soiFormBoundary7MA4YWxkTrZu0gW';

# A form body: each part is [header lines, content]; the close delimiter ends it.
sub form {
    my ($boundary, @parts) = @_;
    return join('', map { "--$boundary\r\n" . join('', map { "$_\r\n" } @{ $_->[0] }) . "\r\n$_->[1]\r\n" } @parts)
        . "--$boundary--\r\n";
}
sub file_part {
    my ($type, $content, $name) = @_;
    return [[qq(Content-Disposition: form-data; name="picture"; filename="@{[$name // 'me.bin']}"),
             defined $type ? ("Content-Type: $type") : ()], $content];
}
sub field { my ($name, $value) = @_; return [[qq(Content-Disposition: form-data; name="$name")], $value] }
sub mp { my ($b) = @_; return 'multipart/form-data; boundary=' . ($b // $B) }
sub image { my ($c) = @_; return "/api/v1/Contact/$c/Image" }
sub stored { my ($c) = @_; return db()->selectrow_hashref(q{
    SELECT b.binaryobject_id, b.binarydata, b.mimetype, b.blobsize
      FROM binaryobjectlink l JOIN binaryobject b USING (binaryobject_id)
     WHERE l.ownertable = 5 AND l.linktype = 17 AND l.ownerrecord = ?}, undef, $c) }
sub audit_count { return db()->selectrow_array('SELECT count(*) FROM soi_audit') }

# ---- storing ---------------------------------------------------------------------------
my $res = call(PUT => image(340), type => mp(), body => form($B, file_part('image/png', $png, 'me.png')));
is($res->code, 200, 'PUT a form with a PNG file part');
like($res->content, qr/^\d+$/, 'the reply is the BlobId');
my $blob = $res->content;
my $row = stored(340);
ok($row && $row->{binarydata} eq $png, 'the file part\'s bytes stored as sent (' . length($png) . ' bytes, 0-255, CR LF "--" among them)');
is("$row->{binaryobject_id}|$row->{mimetype}|$row->{blobsize}", "$blob|image/png|" . length($png),
   'with its type and length');
is(db()->selectrow_array(q{SELECT action FROM soi_audit WHERE contact_id = 340 ORDER BY audit_id DESC LIMIT 1}),
   'image', 'audited');

$res = call(POST => image(340), type => mp(),
            body => form($B, field('description', 'me at the fair'), file_part('image/gif', $gif, 'me.gif'),
                         file_part('image/png', $png, 'second.png')));
is($res->code . '|' . $res->content, "200|$blob", 'POST: a field, then the file, then a second file; BlobId kept');
$row = stored(340);
ok($row->{binarydata} eq $gif && $row->{mimetype} eq 'image/gif', 'the first file part is the picture, not the field or the second');

$res = call(PUT => image(340), type => mp(), body => form($B, file_part(undef, $jpeg)));
ok($res->code == 200 && stored(340)->{binarydata} eq $jpeg && stored(340)->{mimetype} eq 'image/jpeg',
   'a file part without Content-Type: its type told by its bytes');
$res = call(PUT => image(340), type => mp(), body => form($B, file_part('application/octet-stream', $tiff)));
ok($res->code == 200 && stored(340)->{binarydata} eq $tiff && stored(340)->{mimetype} eq 'image/tiff',
   'application/octet-stream: its type told by its bytes');
$res = call(PUT => image(340), type => mp(), body => form($B, field('picture', $png)));
ok($res->code == 200 && stored(340)->{binarydata} eq $png, 'a form without a filename: its first part');

# Something that looks like the delimiter but is not is content.
my $lookalike = "\x89PNG\r\n\x1a\n\r\n--" . substr($B, 0, -1) . "X\r\n--$B" . "X" . $all;
$res = call(PUT => image(340), type => mp(), body => form($B, file_part('image/png', $lookalike)));
ok($res->code == 200 && stored(340)->{binarydata} eq $lookalike, 'near-delimiters inside the bytes stay bytes');

# A quoted boundary with characters a token cannot hold, preamble and epilogue.
my $qb = 'gc0p4Jq0M2Yt08jU534c0p=:?';
$res = call(PUT => image(341), type => qq(multipart/form-data; charset=utf-8; boundary="$qb"),
            body => "This is the preamble.\r\n" . form($qb, file_part('image/jpeg', $jpeg)) . "the epilogue");
ok($res->code == 200 && stored(341)->{binarydata} eq $jpeg, 'a quoted boundary, a preamble, an epilogue');

# ---- chunked, the delimiters split at every position ---------------------------------------
my $body = form($B, field('note', 'x'), file_part('image/png', $png));
my $at = index($body, "\r\n--$B--");
my $ok = 0;
my $n = 0;
for my $cut ($at - 1 .. $at + length($B) + 6) {
    $n++;
    $res = call(PUT => image(342), type => mp(), body => chunks(substr($body, 0, $cut), substr($body, $cut)));
    $ok++ if $res->code == 200 && stored(342)->{binarydata} eq $png;
}
is("$ok of $n", "$n of $n", 'chunked in two at every position of the close delimiter: stored whole each time');
my $first = index($body, "--$B\r\nContent-Disposition: form-data; name=\"picture\"");
($ok, $n) = (0, 0);
for my $cut ($first - 2 .. $first + length($B) + 4) {
    $n++;
    $res = call(PUT => image(342), type => mp(), body => chunks(substr($body, 0, $cut), substr($body, $cut)));
    $ok++ if $res->code == 200 && stored(342)->{binarydata} eq $png;
}
is("$ok of $n", "$n of $n", 'and at every position of the delimiter before the file part');
$res = call(PUT => image(343), type => mp(), body => chunks(unpack('(a1)*', $body)));
ok($res->code == 200 && stored(343)->{binarydata} eq $png, 'one byte per chunk (' . length($body) . ' chunks)');
$res = call(PUT => image(343), type => mp(), body => chunks(unpack('(a7)*', form($B, file_part('image/gif', $gif)))));
ok($res->code == 200 && stored(343)->{binarydata} eq $gif, 'seven bytes per chunk');

# The same body in one piece and in many gives the same row.
is(call(GET => image(343))->content, $gif, 'and GET gives back the very bytes');

# ---- refusals: a 4xx with the error body, and nothing written ------------------------------------
my @refused = (
    ['no boundary', 'multipart/form-data', form($B, file_part('image/png', $png)),
     400, 'SoValidationException', qr/^The multipart\/form-data Content-Type has no boundary parameter/],
    ['a boundary of 71 characters', mp('b' x 71), form('b' x 71, file_part('image/png', $png)),
     400, 'SoValidationException', qr/has 71 characters; at most 70/],
    ['no close delimiter', mp(), "--$B\r\nContent-Disposition: form-data; name=\"p\"; filename=\"a\"\r\n\r\n$png",
     400, 'SoValidationException', qr/ends without its close delimiter "--\Q$B\E--"/],
    ['no delimiter at all', mp(), $png,
     400, 'SoValidationException', qr/holds no delimiter line/],
    ['no part', mp(), "--$B--\r\n",
     400, 'SoValidationException', qr/holds no part/],
    ['a file part of text', mp(), form($B, file_part('text/plain', 'hello')),
     415, 'SoUnsupportedMediaTypeException', qr/^The file part of the multipart\/form-data body has the Content-Type "text\/plain"; a picture there is image\/png, image\/jpeg, image\/gif or image\/tiff/],
    ['a malformed part type', mp(), form($B, file_part('image/', $png)),
     415, 'SoUnsupportedMediaTypeException', qr/has the Content-Type "image\/"/],
    ['GIF bytes in a PNG part', mp(), form($B, file_part('image/png', $gif)),
     400, 'SoValidationException', qr/^The bytes are not image\/png: .*\(these are image\/gif\)/],
    ['octet-stream that is no picture', mp(), form($B, file_part('application/octet-stream', 'plain text')),
     400, 'SoValidationException', qr/^The bytes are no picture this server takes: a picture begins with the signature of image\/png/],
    ['an empty file part', mp(), form($B, file_part('image/png', '')),
     400, 'SoValidationException', qr/^The file part of the multipart\/form-data body is empty/],
    ['headers over 8192 bytes', mp(), form($B, [[qq(Content-Disposition: form-data; name="p"; filename="a"), 'X-Pad: ' . ('a' x 8200)], $png]),
     400, 'SoValidationException', qr/^Part 1 of the multipart\/form-data body has more than 8192 bytes of headers/],
    ['a header line with a bare LF', mp(), "--$B\r\nContent-Disposition: form-data; name=\"p\"\nX: y\r\n\r\n$png\r\n--$B--\r\n",
     400, 'SoValidationException', qr/^Part 1 of the multipart\/form-data body has a header line with a CR or LF of its own/],
    ['a disposition other than form-data', mp(), form($B, [['Content-Disposition: attachment; filename="a"'], $png]),
     400, 'SoValidationException', qr/has the Content-Disposition "attachment"/],
    ['Content-Type twice in the file part', mp(),
     form($B, [['Content-Disposition: form-data; name="p"; filename="a"', 'Content-Type: image/png', 'Content-Type: image/png'], $png]),
     400, 'SoValidationException', qr/gives the header Content-Type more than once/],
    ['65 parts', mp(), form($B, (map { field("f$_", 'v') } 1 .. 65), file_part('image/png', $png)),
     400, 'SoValidationException', qr/^The multipart\/form-data body has more than 64 parts/],
);
my $before = snapshot(344);
my $audits = audit_count();
for my $t (@refused) {
    my ($what, $type, $b, $status, $etype, $like) = @$t;
    error_ok(call(PUT => image(344), type => $type, body => $b), $status, $etype, $like, $what);
}
$res = call(PUT => image(344), type => mp(), body => chunks(unpack('(a3)*', form($B, file_part('image/png', $gif)))));
error_ok($res, 400, 'SoValidationException', qr/^The bytes are not image\/png/, 'chunked, and refused');
is(snapshot(344) . '|' . audit_count(), "$before|$audits", 'none of them wrote a picture or an audit row');

# The limits of /smallimage (SoImageInfoMaxImage 1000): the picture's, and
# the body's (the picture and 64 KiB for the rest of the form).
my $big = "\x89PNG\r\n\x1a\n" . ('p' x 1200);
my $small = "\x89PNG\r\n\x1a\n" . ('p' x 900);
$res = call(PUT => '/smallimage/v1/Contact/344/Image', type => mp(), body => form($B, file_part('image/png', $big)));
error_ok($res, 413, 'SoRequestTooLargeException', qr/^Part 1 of the multipart\/form-data body is larger than the 1000 bytes accepted here/,
         'a file part over SoImageInfoMaxImage');
$res = call(PUT => '/smallimage/v1/Contact/344/Image', type => mp(), body => chunks(unpack('(a100)*', form($B, file_part('image/png', $big)))));
is($res->code, 413, 'and chunked');
$res = call(PUT => '/smallimage/v1/Contact/344/Image', type => mp(),
            body => form($B, field('notes', 'n' x 70000), file_part('image/png', $small)));
error_ok($res, 413, 'SoRequestTooLargeException', qr/^The request body is larger than the 66536 bytes accepted here/,
         'a form over the picture and 64 KiB');
is(snapshot(344) . '|' . audit_count(), "$before|$audits", 'nothing written');
$res = call(PUT => '/smallimage/v1/Contact/344/Image', type => mp(),
            body => form($B, field('notes', 'n' x 60000), file_part('image/png', $small)));
ok($res->code == 200 && stored(344)->{binarydata} eq $small, 'a picture within the limit, with 60000 bytes of other fields');

# Who may: the same rights as for the bytes alone, before the body is read.
$res = call(PUT => image(345), auth => ['reader', 'Reader1'], type => mp(), body => form($B, file_part('image/png', $png)));
error_ok($res, 403, 'SoAccessDeniedException', qr/needs the Update right/, 'a reader sending a form');
ok(!stored(345), 'nothing stored');

# ---- one answer each, from a raw socket ---------------------------------------------------------------
my $h = Apache::TestRequest::hostport();
my $auth = basic('tje0', 'Tje0');
my $bad = "--$B\r\nContent-Disposition: form-data; name=\"p\"; filename=\"a\"\r\nX\r\n\r\n$png\r\n--$B--\r\n";
my $good = form($B, file_part('image/png', $png));
sub put_raw {
    my ($c, $b, $last) = @_;
    return "PUT /api/v1/Contact/$c/Image HTTP/1.1\r\nHost: $h\r\nAuthorization: $auth\r\nContent-Type: " . mp()
        . "\r\nContent-Length: " . length($b) . ($last ? "\r\nConnection: close" : '') . "\r\n\r\n$b";
}
my $raw = raw_exchange(put_raw(346, $good) . put_raw(348, $good, 1), 10);
is(join(',', status_lines($raw)), '200,200', 'two forms on one connection: two answers');
ok(stored(346) && stored(348) && stored(348)->{binarydata} eq $png, 'both stored: the first body ended where it should');
$raw = raw_exchange(put_raw(349, $good) . put_raw(349, $bad) . put_raw(350, $good, 1), 10);
is(join(',', status_lines($raw)), '200,400', 'a good form, a malformed one, a third: 200, 400, and the connection closed');
ok(!stored(350), 'the request after the refused body was not taken from inside it');
# A form refused in its middle, while the client is still sending: one
# answer, and the connection closed rather than the rest taken for a request.
my $half = substr($bad, 0, 200);
$raw = raw_exchange("PUT /api/v1/Contact/347/Image HTTP/1.1\r\nHost: $h\r\nAuthorization: $auth\r\nContent-Type: " . mp()
                    . "\r\nContent-Length: " . (length($bad) + 100000) . "\r\n\r\n$half", 5);
is(join(',', status_lines($raw)), '400', 'refused in the middle of its body: one answer');
ok(!stored(347), 'nothing stored');

# The form curl makes of -F, as the README shows it (curl types a .png file image/png).
my $dir = File::Temp::tempdir(CLEANUP => 1);
open my $fh, '>:raw', "$dir/me.png" or die "$dir/me.png: $!";
print $fh $png;
close $fh;
my $reply = qx(curl -s -u tje0:Tje0 -F picture=\@$dir/me.png -w ' %{http_code}' http://$h/api/v1/Contact/351/Image);
like($reply, qr/^\d+ 200$/, 'curl -F picture=@me.png: 200 and the BlobId');
ok(stored(351) && stored(351)->{binarydata} eq $png && stored(351)->{mimetype} eq 'image/png', 'stored byte for byte, as image/png');
