# Through pgbouncer in transaction pooling mode (SoImageInfoStatements
# Unnamed): two server connections are shared by every connection of every
# httpd process, so a named prepared statement or a session setting would
# meet a server that never saw it. Each route works, parallel writers all
# land, the timeouts go with each transaction and stay out of the shared
# sessions.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use DBI;
use Time::HiRes qw(time);

plan tests => 25;

my $json = 'application/json';
Apache::TestRequest::module('soi_bouncer');
my $pg_mark = log_mark(pg_log());

# A client of the bouncer, as the module is: simple statements only.
sub bouncer_db {
    my %kv = $ENV{SOI_TEST_BOUNCER} =~ /(\w+)=(\S+)/g;
    my $dsn = 'dbi:Pg:' . join(';', map { "$_=$kv{$_}" } grep { $_ ne 'user' } sort keys %kv);
    return DBI->connect($dsn, $kv{user}, '', { RaiseError => 1, PrintError => 0, AutoCommit => 1,
                                                pg_server_prepare => 0 });
}

# ---- every route --------------------------------------------------------------------------
my $res = call(PUT => '/api/v1/Contact/901/ImageInfo', type => $json,
               body => '{"Description":"through the bouncer","MimeType":"image/png"}');
is($res->code, 200, 'PUT ImageInfo creates a picture');
my $row = picture_of(901) || {};
is("$row->{description}|$row->{mimetype}", 'through the bouncer|image/png', 'and the row is in the database');
my $blob = (json($res->content) || {})->{BlobId} // 0;
is($blob, $row->{binaryobject_id}, 'the reply names it');

$res = call(GET => '/api/v1/Contact/901/ImageInfo');
is($res->code . '|' . ((json($res->content) || {})->{Description} // ''), '200|through the bouncer',
   'GET ImageInfo reads it back');

$res = call(PATCH => '/api/v1/Contact/901/ImageInfo', type => 'application/merge-patch+json',
            body => '{"ExtraInfo":"patched"}');
is($res->code, 200, 'PATCH: a read-modify-write in one transaction, on one server');
$row = picture_of(901) || {};
is("$row->{description}|$row->{extrainfo}", 'through the bouncer|patched', 'the patch applied to the stored row');

my $png = "\x89PNG\r\n\x1a\n" . join('', map { chr } 0 .. 255) x 40;
$res = call(PUT => '/api/v1/Contact/901/Image', type => 'image/png', body => $png);
is($res->code, 200, 'PUT Image: the bytes as one binary parameter');
ok((picture_of(901) || {})->{binarydata} eq $png, 'every byte stored');
$res = call(GET => '/api/v1/Contact/901/Image');
ok($res->code == 200 && $res->content eq $png, 'GET Image: every byte back, in binary format');
$res = call(DELETE => '/api/v1/Contact/901/Image');
is($res->code, 204, 'DELETE Image');
ok(!defined((picture_of(901) || {})->{binarydata}), 'the bytes are gone');

is(call(GET => '/api/v1/Contact/901/ImageInfo', auth => ['tje0', 'wrong'])->code, 401,
   'a wrong password is refused (the login statement runs through the bouncer)');
is(call(GET => '/api/v1/Contact/199/ImageInfo')->code, 404, 'a deleted contact is a 404');

# ---- parallel writers share two server connections ----------------------------------------
# 8 clients at once, 15 writes each, each to contacts of its own.
my @kids;
for my $k (0 .. 7) {
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        my $bad = 0;
        for my $i (1 .. 15) {
            my $c = 910 + $k * 3 + $i % 3;
            my $r = call(PUT => "/api/v1/Contact/$c/ImageInfo", type => $json,
                         body => qq({"Description":"writer $k write $i"}));
            $bad++ unless $r->code == 200 || $r->code == 201;
        }
        POSIX::_exit($bad > 255 ? 255 : $bad);
    }
    push @kids, $pid;
}
my $failed = 0;
for (@kids) { waitpid($_, 0); $failed += $? >> 8 }
is($failed, 0, '120 parallel writes through the bouncer all succeeded');
my $last = db()->selectall_arrayref(q{
    SELECT l.ownerrecord, b.description FROM binaryobjectlink l JOIN binaryobject b USING (binaryobject_id)
     WHERE l.ownertable = 5 AND l.linktype = 17 AND l.ownerrecord BETWEEN 910 AND 933 ORDER BY 1});
is(scalar @$last, 24, 'one picture for each of the 24 contacts');
my @wrong = grep { my ($c, $d) = @$_; my $k = int(($c - 910) / 3); my $r = ($c - 910) % 3;
                   $d ne "writer $k write " . (15 - (15 - $r) % 3) } @$last;
is(scalar @wrong, 0, "each holds its writer's last write");
is(db()->selectrow_array(q{SELECT count(*) FROM pg_stat_activity
                            WHERE backend_type = 'client backend' AND application_name = 'soi-tests-bouncer'}) <= 2,
   1, 'no more than the two server connections of the bouncer reached PostgreSQL');

# ---- the timeouts go with each transaction ------------------------------------------------
my $holder = db_session(AutoCommit => 0);
$holder->do('SELECT 1 FROM contact WHERE contact_id = 902 FOR UPDATE');
my $t = time;
$res = call(PUT => '/api/v1/Contact/902/ImageInfo', type => $json, body => '{"Description":"blocked"}');
my $took = time - $t;
is($res->code, 503, 'a write blocked by a lock gets a 503');
ok($took > 1.5 && $took < 5, sprintf('after the lock timeout of 2 s (%.1f s), set for its own transaction', $took));
$holder->rollback;
ok(!picture_of(902), 'nothing was written');
$res = call(PATCH => '/api/v1/Contact/902/ImageInfo', type => 'application/merge-patch+json',
            body => '{"Description":"patched, after the lock"}');
is($res->code, 200, 'once the lock is gone a PATCH creates it');
is((picture_of(902) || {})->{description}, 'patched, after the lock', 'in the database');

# The server connections the module used keep the server's own settings:
# nothing of the module's session leaks to the bouncer's other clients.
my $bdb = bouncer_db();
my %seen;
for (1 .. 6) {
    $seen{ $bdb->selectrow_array('SHOW lock_timeout') . '/' . $bdb->selectrow_array('SHOW statement_timeout') }++;
}
is(join(',', sort keys %seen), '0/0', "the bouncer's shared sessions still have no timeouts of the module's");
my ($app) = $bdb->selectrow_array('SHOW application_name');
isnt($app // '', '', 'a client of the bouncer (its own application_name is tracked)');
$bdb->disconnect;

# ---- PostgreSQL's log, since this file began, says nothing went wrong --------------------
my $log = log_since(pg_log(), $pg_mark);
unlike($log, qr/prepared statement "soi_/, 'no named statement of the module ever reached a server');
