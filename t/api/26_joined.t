# Reads joined in one round trip, through HTTP. With the one pooled
# connection of a process held (a PUT blocked on a row lock this test
# holds), GETs of other contacts on that process wait for it; once the lock
# goes, the first GET to get the connection sends the others with its own,
# and each gets its own contact's picture. Under prefork a process serves
# one request at a time and nothing waits. Contacts 980..983.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use HTTP::Response;
use Time::HiRes qw(sleep);

my $json = 'application/json';
my $threaded = (Apache::Test::config()->{server}{mpm} // '') ne 'prefork';
my ($held, @read) = (980, 981 .. 983);

for my $c ($held, @read) {
    my $res = call(PUT => "/api/v1/Contact/$c/ImageInfo", type => $json, body => qq({"Description":"joined $c"}));
    die "contact $c: no picture to start with (" . $res->code . ')' unless $res->code =~ /^20[01]$/;
}
my %before = map { $_ => snapshot($_) } $held, @read;
my %blob = map { $_ => picture_of($_)->{binaryobject_id} } @read;

if ($threaded) {
    my ($pid, $mine, $all) = connections_on_one_process('soi_join', 1 + @read, "/api/v1/Contact/$held/ImageInfo");
    ok($pid, 1 + @read . ' keep-alive connections on one process');
    $pid or die 'no process with enough connections of soi_join';
    my ($holder, @gets) = @$mine;

    my $lock = db_session(AutoCommit => 0);
    $lock->do('SELECT 1 FROM contact WHERE contact_id = ? FOR UPDATE', undef, $held);
    print $holder entity_request(PUT => "/api/v1/Contact/$held/ImageInfo", $json, '{"Description":"after the lock"}');
    is(lock_waiters('soi-tests-join'), 1, 'a PUT waits on the row lock, holding the only connection of its process');

    my $p = processes();
    print { $gets[$_] } request_bytes(GET => "/api/v1/Contact/$read[$_]/ImageInfo") for 0 .. $#gets;
    my $now;
    for (1 .. 100) {
        $now = processes();
        last if $now->{$pid}{waits} >= $p->{$pid}{waits} + @gets;
        sleep 0.05;
    }
    is($now->{$pid}{waits} - $p->{$pid}{waits}, scalar @gets, scalar @gets . ' GETs of that process wait for it');
    $lock->rollback;

    my $res = read_reply($holder, 10) || HTTP::Response->new(599, 'no answer within 10 s');
    is($res->code . '|' . picture_of($held)->{description}, '200|after the lock', 'the PUT completes once the lock goes');
    my @got;
    for my $i (0 .. $#gets) {
        my $r = read_reply($gets[$i], 10) || HTTP::Response->new(599, 'no answer within 10 s');
        my $body = json($r->content) || {};
        push @got, join '|', $r->code, $body->{BlobId} // '', $body->{Description} // '';
    }
    is(join(',', @got), join(',', map { "200|$blob{$_}|joined $_" } @read),
       'each GET answered with its own contact\'s picture');
    my $after = processes();
    is($after->{$pid}{joined} - $p->{$pid}{joined}, @gets - 1,
       'the first GET to get the connection sent the other ' . (@gets - 1) . ' with its own');
    is($after->{$pid}{timeouts} - $p->{$pid}{timeouts}, 0, 'none of them gave up');
    close $_ for @$all;
} else {
    my $p = processes();
    my @got = map { my $r = call(GET => "/api/v1/Contact/$_/ImageInfo"); $r->code . '|' . (json($r->content) || {})->{BlobId} } @read;
    is(join(',', @got), join(',', map { "200|$blob{$_}" } @read), 'prefork: each GET answered');
    my $after = processes();
    is($after->{all}{joined} - $p->{all}{joined}, 0, 'prefork: one request per process at a time, nothing joined');
    my $res = call(PUT => "/api/v1/Contact/$held/ImageInfo", type => $json, body => '{"Description":"after the lock"}');
    is($res->code . '|' . picture_of($held)->{description}, '200|after the lock', 'prefork: the PUT');
}
is(join('', map { snapshot($_) } @read), join('', map { $before{$_} } @read), 'the GETs changed nothing');
isnt(snapshot($held), $before{$held}, 'the PUT changed its contact');

done_testing();
