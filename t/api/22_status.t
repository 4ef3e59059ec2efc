# The status page (SetHandler soimageinfo-status) and the module's section
# of server-status: pool, login cache, requests by status and scheme and the
# database's time, summed over the processes and per process; ?auto as
# "Key: value" lines. Contacts 531..532.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

sub auto {
    my ($path) = @_;
    my $res = call(GET => ($path // '/soi-status') . '?auto', auth => undef);
    my %k;
    for (split /\n/, $res->content) {
        $k{$1} = $2 if /^(\w+): (.*)$/ && $1 ne 'SoImageInfoProcess';
    }
    my @procs = $res->content =~ /^SoImageInfoProcess: (\S+)/mg;
    return ($res, \%k, \@procs);
}

my ($res, $before, $procs) = auto();
is($res->code, 200, 'the status page answers 200');
like($res->header('Content-Type'), qr{^text/plain}, '?auto is plain text');
ok(@$procs >= 2 && $procs->[0] eq 'all' && (grep { /^\d+$/ } @$procs), 'the sum, then each process by pid')
    or diag($res->content);
ok($before->{SoImageInfoProcesses} >= 1, 'at least one process');
ok($before->{SoImageInfoPoolSize} >= 1, 'the pool size');
for my $k (qw(SoImageInfoPoolOpen SoImageInfoPoolInUse SoImageInfoPoolIdle SoImageInfoPoolWaits
              SoImageInfoPoolJoined SoImageInfoPoolTimeouts SoImageInfoConnectionsRebuilt SoImageInfoLoginCacheEntries
              SoImageInfoLoginCacheHitRate SoImageInfoRequests SoImageInfoStatus200 SoImageInfoStatusOther
              SoImageInfoSchemeBasic SoImageInfoSchemeNone SoImageInfoDatabaseMicrosecondsP99)) {
    like($before->{$k} // '', qr/^>?[\d.]+$/, "$k is a number");
}

my @codes = map { $_->code } (
    call(PUT => '/api/v1/Contact/531/ImageInfo', type => 'application/json', body => '{"Description":"counted"}'),
    call(GET => '/api/v1/Contact/531/ImageInfo'),
    call(GET => '/api/v1/Contact/199/ImageInfo'),
    call(GET => '/api/v1/Contact/531/ImageInfo', auth => undef),
);
is(join(',', @codes), '200,200,404,401', 'four requests');
my (undef, $after) = auto();
my %d = map { $_ => ($after->{$_} // 0) - ($before->{$_} // 0) } keys %$after;
is($d{SoImageInfoRequests}, 4, 'four more requests counted');
is($d{SoImageInfoStatus200}, 2, 'two more 200s');
is($d{SoImageInfoStatus404}, 1, 'one more 404');
is($d{SoImageInfoStatus401}, 1, 'one more 401');
is($d{SoImageInfoSchemeBasic}, 3, 'three by Basic');
is($d{SoImageInfoSchemeNone}, 1, 'one without a scheme');
ok($d{SoImageInfoLoginCacheHits} + $d{SoImageInfoLoginCacheMisses} >= 3, 'the login cache was asked');
is($after->{SoImageInfoPoolInUse}, 0, 'no connection in use between requests');
ok($after->{SoImageInfoPoolOpen} >= 1, 'connections are open');
is($after->{SoImageInfoPoolOpen}, $after->{SoImageInfoPoolIdle}, 'and all of them idle');
like($after->{SoImageInfoDatabaseMicrosecondsP50}, qr/^[1-9]\d*$/, 'a median database time');

# HTML, and the section of server-status.
$res = call(GET => '/soi-status', auth => undef);
like($res->header('Content-Type'), qr{^text/html}, 'without ?auto: HTML');
like($res->content, qr{<h2>mod_soimageinfo</h2>.*<tr><td>all</td>}s, 'a table with the sum');
my (undef, $ss) = auto('/server-status');
ok(defined $ss->{SoImageInfoRequests} && $ss->{SoImageInfoRequests} >= $after->{SoImageInfoRequests},
   'server-status?auto has the module\'s counters');
$res = call(GET => '/server-status', auth => undef);
like($res->content, qr{<h2>mod_soimageinfo</h2>}, 'and server-status its section');
$res = call(POST => '/soi-status', auth => undef, type => 'text/plain', body => 'x');
is($res->code, 405, 'the status page is read-only');

done_testing();
