# Who may do what: Basic credentials in three hash formats, refusals with
# challenges, rights per operation, and logins that change while cached.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

plan tests => 101;

my $json = 'application/json';
# One challenge per accepted scheme (LWP joins them with ", ").
my $realm = 'Basic realm="SuperOffice Username or Ticket", SOTicket, Bearer';

sub sha512 { my ($pw) = @_; return crypt($pw, '$6$' . join('', map { ('a'..'z')[rand 26] } 1 .. 16) . '$') }

# ---- refusals ------------------------------------------------------------
my $before = snapshot(203);
for my $c (['no Authorization header', undef, qr/Authentication is required/],
           ['wrong password', ['tje0', 'tje0'], qr/user name or password is wrong/],
           ['unknown user', ['nobody', 'Tje0'], qr/user name or password is wrong/],
           ['deleted associate', ['gone', 'Gone1'], qr/user name or password is wrong/],
           ['not base64', 'Basic !!!not-base64!!!', qr/base64 encoding of user:password/],
           ['no colon', 'Basic dGplMA==', qr/base64 encoding of user:password/],
           ['an unknown ticket', 'SOTicket 7T:abc', qr/SOTicket token is unknown, expired or revoked/],
           ['an unknown scheme', 'Negotiate abc', qr/scheme is not accepted here; use Basic, SOTicket, Bearer or Cookie/]) {
    my ($what, $auth, $like) = @$c;
    my $res = call(PUT => '/api/v1/Contact/203/ImageInfo', auth => $auth, type => $json,
                   body => '{"Description":"should not land"}');
    error_ok($res, 401, 'SoAuthenticationException', $like, $what);
    is($res->header('WWW-Authenticate'), $realm, "$what: the challenges");
    is(snapshot(203), $before, "$what: nothing changed");
}
my $res = call(GET => '/api/v1/Contact/203/ImageInfo', auth => undef);
is($res->code, 401, 'GET without credentials: 401 too');

# ---- the three hash formats ------------------------------------------------
for my $c (['tje0', 'Tje0', 'bcrypt'], ['reader', 'Reader1', 'SHA-512-crypt'], ['updater', 'Updater1', 'apr1']) {
    $res = call(GET => '/api/v1/Contact/203/ImageInfo', auth => [$c->[0], $c->[1]]);
    is($res->code, 200, "$c->[2] password of $c->[0] verifies");
}

# ---- rights per operation --------------------------------------------------
$res = call(PUT => '/api/v1/Contact/203/ImageInfo', auth => ['reader', 'Reader1'], type => $json,
            body => '{"Description":"reader was here"}');
error_ok($res, 403, 'SoAccessDeniedException',
         qr/Changing a picture needs the Update right \(Insert to create one\); this associate holds: Select\./,
         'reader PUT');
is(snapshot(203), $before, 'reader PUT: nothing changed');

$res = call(GET => '/api/v1/Contact/203/ImageInfo', auth => ['norights', 'None1']);
error_ok($res, 403, 'SoAccessDeniedException', qr/Reading a picture needs the Select right; this associate holds: None/,
         'GET without Select');

$res = call(PUT => '/api/v1/Contact/203/ImageInfo', auth => ['updater', 'Updater1'], type => $json,
            body => '{"Description":"by updater"}');
is($res->code, 200, 'updater may update an existing picture');
my $row = picture_of(203);
is("$row->{description}|$row->{updated_associate_id}|$row->{registered_associate_id}", 'by updater|3|1',
   'stored, UpdatedBy updater, CreatedBy unchanged');
is(json($res->content)->{UpdatedBy}{Name}, 'updater', 'the reply names updater');

my $blobs = db()->selectrow_array('SELECT count(*) FROM binaryobject');
$res = call(PUT => '/api/v1/Contact/152/ImageInfo', auth => ['updater', 'Updater1'], type => $json,
            body => '{"Description":"create?"}');
error_ok($res, 403, 'SoAccessDeniedException', qr/Creating a picture needs the Insert right; this associate holds: Select, Update/,
         'updater creating');
is(picture_of(152), undef, 'updater creating: no picture');
is(db()->selectrow_array('SELECT count(*) FROM binaryobject'), $blobs, 'updater creating: no blob');

$res = call(PUT => '/api/v1/Contact/153/ImageInfo', auth => ['inserter', 'Inserter1'], type => $json,
            body => '{"Description":"by inserter"}');
is($res->code, 200, 'inserter may create a picture');
is(picture_of(153)->{registered_associate_id}, 4, 'created by inserter');
is(json($res->content)->{FieldProperties}{Description}{FieldRight}{Mask}, 'Read',
   'inserter\'s fields are Read: it may not update');
my $b204 = snapshot(204);
$res = call(PUT => '/api/v1/Contact/204/ImageInfo', auth => ['inserter', 'Inserter1'], type => $json,
            body => '{"Description":"update?"}');
error_ok($res, 403, 'SoAccessDeniedException', qr/Changing a picture needs the Update right; this associate holds: Select, Insert/,
         'inserter updating');
is(snapshot(204), $b204, 'inserter updating: nothing changed');

# ---- logins that change while the module has them cached --------------------
db()->do(q{INSERT INTO associate (associate_id, name, password_hash, blob_rights) VALUES (50, 'temp', ?, 31)},
         undef, sha512('Temp1'));
$res = call(PUT => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp1'], type => $json,
            body => '{"Description":"temp 1"}');
is($res->code, 200, 'a new associate works at once');
# Warm every process's cache: the next requests may land anywhere.
call(GET => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp1']) for 1 .. 6;

db()->do('UPDATE associate SET blob_rights = 1 WHERE associate_id = 50');
my $b205 = snapshot(205);
$res = call(PUT => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp1'], type => $json,
            body => '{"Description":"after losing Update"}');
# Before the body (a process that never cached the old rights) or after it
# (one that did, where the database says no): a 403 either way.
error_ok($res, 403, 'SoAccessDeniedException', qr/needs the Update right.*; this associate holds: Select\./,
         'rights taken away take effect at once');
is(snapshot(205), $b205, 'rights taken away: nothing changed');
$res = call(GET => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp1']);
is(json($res->content)->{TableRight}{Mask}, 'Select', 'TableRight shows the new rights');

db()->do('UPDATE associate SET blob_rights = 31 WHERE associate_id = 50');
db()->do('UPDATE associate SET password_hash = ? WHERE associate_id = 50', undef, sha512('Temp2'));
$res = call(GET => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp1']);
error_ok($res, 401, 'SoAuthenticationException', qr/user name or password is wrong/, 'the old password after a change');
$res = call(PUT => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp1'], type => $json,
            body => '{"Description":"old password"}');
is($res->code, 401, 'the old password cannot write either');
is(snapshot(205), $b205, 'old password: nothing changed');
$res = call(PUT => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp2'], type => $json,
            body => '{"Description":"new password"}');
is($res->code . '|' . picture_of(205)->{description}, '200|new password', 'the new password works');
call(GET => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp2']) for 1 .. 6;

# Same password, new hash (a rehash): the cached login is checked again and
# the request still succeeds.
db()->do('UPDATE associate SET password_hash = ? WHERE associate_id = 50', undef, sha512('Temp2'));
$res = call(PUT => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp2'], type => $json,
            body => '{"Description":"after rehash"}');
is($res->code . '|' . picture_of(205)->{description}, '200|after rehash', 'a rehashed password still works');

db()->do('UPDATE associate SET deleted = 1 WHERE associate_id = 50');
$b205 = snapshot(205);
$res = call(PUT => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp2'], type => $json,
            body => '{"Description":"deleted meanwhile"}');
error_ok($res, 401, 'SoAuthenticationException', qr/not active/, 'an associate deleted while cached');
is(snapshot(205), $b205, 'deleted while cached: nothing changed');
$res = call(GET => '/api/v1/Contact/205/ImageInfo', auth => ['temp', 'Temp2']);
is($res->code, 401, 'and cannot read');

# The log names the user but never a password.
my $log = do { local (@ARGV, $/) = ('t/logs/error_log'); <> } // '';
like($log, qr/Basic authentication failed for user "nobody"/, 'failed logins are logged with the user');
unlike($log, qr/Tje0|Temp1|Temp2|Reader1|Gone1/, 'no password ever reaches the log');
