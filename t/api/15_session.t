# The module's sessions: lock and statement timeouts end a blocked write with
# a 503 instead of a hung worker; every name is pinned to the schema, so
# objects earlier on the role's search_path change nothing; and the module
# runs READ COMMITTED whatever the role's default isolation.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use POSIX ();
use Time::HiRes qw(sleep time);

plan tests => 26;

my $json = 'application/json';

# New sessions for the module: its pooled connections are ended and
# replaced on their next use.
sub reconnect_module {
    db()->do(q{SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'soi-tests%'});
    sleep 0.2;
}

# ---- lock_timeout (SoImageInfoLockTimeout, 2 s by default) -----------------------------
my $holder = db_session(AutoCommit => 0);
$holder->do('SELECT 1 FROM contact WHERE contact_id = 116 FOR UPDATE');
my $before = snapshot(116);
my $t = time;
my $res = call(PUT => '/api/v1/Contact/116/ImageInfo', type => $json, body => '{"Description":"blocked"}');
my $took = time - $t;
error_ok($res, 503, 'SoDatabaseUnavailableException', qr/did not answer in time/, 'a write blocked by a lock');
ok($took > 1.5 && $took < 5, sprintf('it gave up after the lock timeout (%.1f s)', $took));
is($res->header('Retry-After'), '5', 'with Retry-After');
is(call(GET => '/api/v1/Contact/116/ImageInfo')->code, 200, 'a read meanwhile is not blocked');
is(snapshot(116), $before, 'nothing changed');
$holder->rollback;
$res = call(PUT => '/api/v1/Contact/116/ImageInfo', type => $json, body => '{"Description":"free"}');
is($res->code . '|' . picture_of(116)->{description}, '200|free', 'once the lock is gone the write goes through');

# ---- statement_timeout (SoImageInfoStatementTimeout 1s, no lock timeout) -----------------
Apache::TestRequest::module('soi_slow');
$holder->do('SELECT 1 FROM contact WHERE contact_id = 116 FOR UPDATE');
$before = snapshot(116);
$t = time;
$res = call(PUT => '/api/v1/Contact/116/ImageInfo', type => $json, body => '{"Description":"slow"}');
$took = time - $t;
error_ok($res, 503, 'SoDatabaseUnavailableException', qr/did not answer in time/, 'a statement past its timeout');
ok($took > 0.7 && $took < 4, sprintf('ended by the statement timeout (%.1f s)', $took));
is(snapshot(116), $before, 'nothing changed');
$holder->rollback;
$res = call(PUT => '/api/v1/Contact/116/ImageInfo', type => $json, body => '{"Description":"fast again"}');
is($res->code, 200, 'the same worker and connection serve the next write');
Apache::TestRequest::module('default');

# ---- the schema is pinned --------------------------------------------------------------------
# A schema first on the role's search_path with look-alike tables: a user
# "tje0" with another password, every contact deleted, no links, no
# pictures, no audit, and no rights.
db()->do($_) for (
    q{CREATE SCHEMA evil},
    q{CREATE TABLE evil.associate (LIKE public.associate INCLUDING DEFAULTS)},
    q{INSERT INTO evil.associate SELECT * FROM public.associate},
    q{CREATE TABLE evil.contact (LIKE public.contact INCLUDING DEFAULTS)},
    q{INSERT INTO evil.contact SELECT * FROM public.contact},
    q{UPDATE evil.contact SET deleted = 1},
    q{CREATE TABLE evil.binaryobjectlink (LIKE public.binaryobjectlink INCLUDING DEFAULTS)},
    q{CREATE TABLE evil.binaryobject (LIKE public.binaryobject INCLUDING DEFAULTS)},
    q{CREATE TABLE evil.soi_audit (LIKE public.soi_audit INCLUDING DEFAULTS)},
    q{CREATE FUNCTION evil.soi_principal_rights(integer, bigint, bigint, integer) RETURNS integer LANGUAGE sql
        AS 'SELECT 0'},
);
db()->do(q{UPDATE evil.associate SET password_hash = ? WHERE name = 'tje0'}, undef,
         crypt('Evil1', '$6$evilsaltevilsalt$'));
db()->do(q{ALTER ROLE CURRENT_USER SET search_path = evil, public});
reconnect_module();
# The main server's sessions start with a search_path of their own (see
# t/conf/extra.conf.in); this one has the role's.
Apache::TestRequest::module('soi_role');
is(call(GET => '/api/v1/Contact/117/ImageInfo', auth => ['tje0', 'Evil1'])->code, 401,
   'a look-alike associate earlier on the search_path cannot log in');
$res = call(GET => '/api/v1/Contact/117/ImageInfo');
is($res->code . '|' . (json($res->content) || {})->{BlobId}, '200|717', 'the real one reads the real picture');
$res = call(PUT => '/api/v1/Contact/117/ImageInfo', type => $json, body => '{"Description":"pinned"}');
is($res->code . '|' . picture_of(117)->{description}, '200|pinned', 'and writes the real tables');
$res = call(PUT => '/api/v1/Contact/311/ImageInfo', type => $json, body => '{"Description":"new, pinned"}');
is($res->code . '|' . (picture_of(311) || {})->{description}, '200|new, pinned', 'creating links the real tables');
is(db()->selectrow_array('SELECT (SELECT count(*) FROM evil.binaryobjectlink) + (SELECT count(*) FROM evil.binaryobject)
                                 + (SELECT count(*) FROM evil.soi_audit)'), 0, 'nothing landed in the look-alikes');
Apache::TestRequest::module('default');
db()->do(q{ALTER ROLE CURRENT_USER RESET search_path});
db()->do(q{DROP SCHEMA evil CASCADE});
reconnect_module();

# ---- READ COMMITTED, whatever the role's default ----------------------------------------------
# Writes of one contact's picture queued behind its lock: under
# SERIALIZABLE the ones that waited would fail (or, creating, find no
# picture and collide on the link's unique index).
db()->do(q{ALTER ROLE CURRENT_USER SET default_transaction_isolation = 'serializable'});
reconnect_module();
my $N = 6;
for my $target (['a first picture', 312], ['one picture', 118]) {
    my ($what, $contact) = @$target;
    my @kids;
    $holder->do('SELECT 1 FROM contact WHERE contact_id = ? FOR UPDATE', undef, $contact);
    for my $i (1 .. $N) {
        my $pid = fork // die "fork: $!";
        if (!$pid) {
            my $r = call(PUT => "/api/v1/Contact/$contact/ImageInfo", type => $json,
                         body => qq({"Description":"writer $i"}));
            POSIX::_exit($r->code == 200 ? 0 : 1);
        }
        push @kids, $pid;
    }
    lock_waiters('soi-tests', $N);
    $holder->rollback;
    my $ok = 0;
    for (@kids) { waitpid $_, 0; $ok++ if $? == 0 }
    is($ok, $N, "$what: $N concurrent writes, every one 200");
    is(scalar @{ links_of($contact) }, 1, "$what: one picture");
}
db()->do(q{ALTER ROLE CURRENT_USER RESET default_transaction_isolation});
reconnect_module();
is(call(GET => '/api/v1/Contact/118/ImageInfo')->code, 200, 'the module reconnects after its sessions ended');
