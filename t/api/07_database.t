# PostgreSQL restarted between two requests, then stopped and started: the
# first request after it is back succeeds; while it is down, 503.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

plan tests => 17;

my $json = 'application/json';
sub get_ok { my ($what) = @_; my $r = call(GET => '/api/v1/Contact/208/ImageInfo'); is($r->code, 200, $what); $r }

# Open connections in as many processes as answer.
get_ok('warm up');
call(GET => '/api/v1/Contact/208/ImageInfo') for 1 .. 10;

pg_ctl('restart');
get_ok('the first GET after a PostgreSQL restart succeeds');
my $res = call(PUT => '/api/v1/Contact/208/ImageInfo', type => $json, body => '{"Description":"after restart"}');
is($res->code, 200, 'and a PUT');
db()->disconnect;
is(picture_of(208)->{description}, 'after restart', 'which was stored');
# Every pooled connection of every process was cut: each is replaced.
my @codes = map { call(GET => '/api/v1/Contact/208/ImageInfo')->code } 1 .. 10;
is(join(',', @codes), join(',', (200) x 10), 'ten more GETs, whichever process serves them');

db()->disconnect;
pg_ctl('stop');
$res = call(GET => '/api/v1/Contact/208/ImageInfo');
error_ok($res, 503, 'SoDatabaseUnavailableException', qr/database is unavailable at the moment; try again later/,
         'GET while the database is down');
is($res->header('Retry-After'), '5', 'with Retry-After');
$res = call(PUT => '/api/v1/Contact/208/ImageInfo', type => $json, body => '{"Description":"while down"}');
is($res->code, 503, 'PUT while down: 503');
unlike($res->content, qr/host=|\/tmp|SQLSTATE|libpq/i, 'the client learns nothing of the setup');

pg_ctl('start');
get_ok('the first GET after PostgreSQL is back succeeds');
$res = call(PUT => '/api/v1/Contact/208/ImageInfo', type => $json, body => '{"Description":"back"}');
is($res->code, 200, 'and a PUT');
is(picture_of(208)->{description}, 'back', 'which was stored (the one sent while down was not)');
@codes = map { call(GET => '/api/v1/Contact/208/ImageInfo')->code } 1 .. 10;
is(join(',', @codes), join(',', (200) x 10), 'ten more GETs');

my $log = do { local (@ARGV, $/) = ('t/logs/error_log'); <> } // '';
like($log, qr/cannot connect to PostgreSQL with SoImageInfoDatabase "[^"]*": [^\n]*; check that the server is running/,
     'the error log says what to check');
