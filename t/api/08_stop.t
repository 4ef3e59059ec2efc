# An httpd child stopped while its request holds a database connection
# (blocked on a row lock this test holds) exits cleanly: no abort, no core,
# no half-written row, and the server goes on answering.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use POSIX ();
use Time::HiRes qw(sleep time);

plan tests => 7;

my $contact = 209;
my $before = picture_of($contact);
my $log_size = -s 't/logs/error_log';

# Hold the contact's row lock: a PUT will wait for it inside PostgreSQL.
my $holder = DBI->connect(db()->{Driver}{Name} eq 'Pg' ? 'dbi:Pg:' . join(';', map { "$_" } (
    do { my %kv = $ENV{SOI_TEST_CONNINFO} =~ /(\w+)=(\S+)/g; map { "$_=$kv{$_}" } grep { $_ ne 'user' } sort keys %kv }
)) : '', '', '', { RaiseError => 1, AutoCommit => 0 });
$holder->do('SELECT 1 FROM contact WHERE contact_id = ? FOR UPDATE', undef, $contact);

my $pid = fork // die "fork: $!";
if (!$pid) {
    my $res = call(PUT => "/api/v1/Contact/$contact/ImageInfo", type => 'application/json',
                   body => '{"Description":"written while stopping"}');
    POSIX::_exit($res->code == 200 ? 0 : 1);
}

# Wait until the PUT is blocked in PostgreSQL.
is(lock_waiters('soi-tests'), 1, 'the PUT waits on the row lock inside PostgreSQL');

# Stop every child of the running httpd (the parent starts new ones).
my $parent = do { local (@ARGV) = ('t/logs/httpd.pid'); my $p = <>; chomp $p; $p };
my @children = split ' ', `pgrep -P $parent`;
ok(@children > 0, 'httpd has children to stop');
kill 'TERM', @children;
sleep 0.5;
$holder->rollback;
$holder->disconnect;
waitpid($pid, 0);

# The server answers again, from new or surviving children.
my $ok = 0;
for (1 .. 40) {
    my $res = call(GET => "/api/v1/Contact/$contact/ImageInfo");
    $ok = $res->code == 200;
    last if $ok;
    sleep 0.25;
}
ok($ok, 'the server answers after its children were stopped');

my $after = picture_of($contact);
ok($after->{description} eq $before->{description}
       ? $after->{updatedcount} == $before->{updatedcount}
       : $after->{description} eq 'written while stopping' && $after->{updatedcount} == $before->{updatedcount} + 1,
   'the row is either untouched or wholly written');

my $log = do { local (@ARGV, $/) = ('t/logs/error_log'); my $all = <>; substr($all // '', $log_size // 0) };
unlike($log, qr/Assertion|exit signal (Aborted|Segmentation)|dumped core/, 'no child aborted or crashed');
ok(!-e 't/core' && !glob('t/core.*'), 'no core file');
my $res = call(PUT => "/api/v1/Contact/$contact/ImageInfo", type => 'application/json', body => '{"Description":"after"}');
is($res->code . '|' . picture_of($contact)->{description}, '200|after', 'and writes work');
