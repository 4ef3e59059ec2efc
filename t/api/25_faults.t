# Faults a client or a busy pool bring. With the one pooled connection of a
# process held (a write blocked on a row lock this test holds), the
# process's other requests get the 503 within the acquire timeout instead
# of a hung worker, and everything is served again once the lock goes. A
# client that goes away half-way through its body (Content-Length, chunked,
# a picture), directly and behind pgbouncer, changes nothing, leaves no
# connection held and no transaction open, and the server answers the next
# request. Contacts 960..963, 970..971.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use HTTP::Response;
use IO::Select;
use IO::Socket::INET;
use Socket qw(SHUT_WR);
use Time::HiRes qw(sleep time);

my $json = 'application/json';
my $threaded = (Apache::Test::config()->{server}{mpm} // '') ne 'prefork';
my $error_log = 't/logs/error_log';
my $access_log = 't/logs/soi_access_log';
my $log_mark = log_mark($error_log);

# ---- helpers ------------------------------------------------------------------------------

# The status page once the module has answered $n more requests than
# $before counted (an aborted request is answered too, to nobody), or after
# 5 s.
sub settled {
    my ($before, $n) = @_;
    my $p;
    for (1 .. 100) {
        $p = processes();
        last if $p->{all}{requests} >= $before->{all}{requests} + $n;
        sleep 0.05;
    }
    return $p;
}

sub pool_is_idle {
    my ($p, $what) = @_;
    is("busy $p->{all}{busy}, idle " . ($p->{all}{idle} == $p->{all}{open} ? 'all' : $p->{all}{idle})
       . " of $p->{all}{open}", "busy 0, idle all of $p->{all}{open}",
       "$what: no connection held, every open one idle");
}

sub audit_state {
    return join '/', db()->selectrow_array('SELECT count(*), coalesce(max(audit_id), 0) FROM soi_audit');
}

# Sessions inside a transaction with nothing running: what a request that
# never finished would leave.
sub open_transactions {
    my ($app) = @_;
    return db()->selectrow_array(q{SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'
                                    AND pid <> pg_backend_pid() AND application_name = ?}, undef, $app);
}

my $png = "\x89PNG\r\n\x1a\n" . join('', map { chr } 0 .. 255) x 160;

# A contact with a picture, with bytes or without.
sub give_picture {
    my ($contact, $bytes) = @_;
    my $res = call(PUT => "/api/v1/Contact/$contact/ImageInfo", type => $json, body => qq({"Description":"kept $contact"}));
    my $img = $bytes ? call(PUT => "/api/v1/Contact/$contact/Image", type => 'image/png', body => $png) : $res;
    die "contact $contact: no picture to start with (" . $res->code . '/' . $img->code . ')'
        unless $res->code =~ /^20[01]$/ && $img->code == 200;
}

# ---- 1. the pool exhausted ----------------------------------------------------------------

my ($held, $free) = (960, 961);
give_picture($_) for $held, $free;
my %before = (held => snapshot($held), free => snapshot($free), audit => audit_state());
my $lock = db_session(AutoCommit => 0);
my $write = '{"Description":"written once the lock went"}';

# Waits for the PUT of the holder to block on the row lock in PostgreSQL.
sub blocked_writes { return lock_waiters('soi-tests-faults') }

if ($threaded) {
    # Each process has a pool of its own: the requests that must find it
    # exhausted go on keep-alive connections of the holder's process.
    my ($pid, $mine, $all) = connections_on_one_process('soi_faults', 3, "/api/v1/Contact/$held/ImageInfo");
    ok($pid, 'three keep-alive connections on one process');
    $pid or die 'no process with three connections of soi_faults';
    my ($holder, $get, $put) = @$mine;

    $lock->do('SELECT 1 FROM contact WHERE contact_id = ? FOR UPDATE', undef, $held);
    print $holder entity_request(PUT => "/api/v1/Contact/$held/ImageInfo", $json, $write);
    is(blocked_writes(), 1, 'the PUT waits on the row lock, holding the only connection of its process');
    my $p = processes();
    is("$p->{$pid}{busy}/$p->{all}{busy}", '1/1', 'the status page shows it held, in that process');

    my $pool_mark = log_mark($error_log);
    my @probes = (['a GET', $get, request_bytes(GET => "/api/v1/Contact/$held/ImageInfo")],
                  ['a PUT of a contact nobody locks', $put,
                   entity_request(PUT => "/api/v1/Contact/$free/ImageInfo", $json, '{"Description":"not now"}')]);
    # Both at once: each waits its second in the pool's queue.
    my $t = time;
    print { $_->[1] } $_->[2] for @probes;
    for (@probes) {
        my ($what, $sock) = @$_;
        my $res = read_reply($sock, 15) || HTTP::Response->new(599, 'no answer within 15 s');
        my $took = time - $t;
        error_ok($res, 503, 'SoDatabaseUnavailableException', qr/database is unavailable/, "$what, the pool exhausted");
        is($res->header('Retry-After') // '', '5', "$what: with Retry-After");
        # SoImageInfoPool 0 1 1s: a second of waiting, and well short of the
        # lock, which this test holds until both have answered.
        ok($took > 0.9 && $took < 4, sprintf("$what: answered after the acquire timeout of 1 s (%.2f s)", $took));
    }
    my $after = processes();
    is(join('/', map { $after->{$pid}{$_} - $p->{$pid}{$_} } qw(waits timeouts)), '2/2',
       'the process counted two waits, both given up');
    like(log_since($error_log, $pool_mark), qr/all connections of SoImageInfoPool are in use and none came free/,
         'the error log says the pool was exhausted');
    is(snapshot($held) . snapshot($free) . audit_state(), $before{held} . $before{free} . $before{audit},
       'nothing changed in the database');

    $lock->rollback;
    my $res = read_reply($holder, 10) || HTTP::Response->new(599, 'no answer within 10 s');
    is($res->code . '|' . picture_of($held)->{description}, '200|written once the lock went',
       'the blocked PUT completes once the lock goes') or diag($res->as_string);
    # httpd closes a connection after a 503: the holder's, kept alive after
    # its 200, is the one left on that process.
    print $holder request_bytes(GET => "/api/v1/Contact/$held/ImageInfo");
    $res = read_reply($holder, 5) || HTTP::Response->new(599, 'no answer');
    is($res->code . '|' . ((json($res->content) || {})->{Description} // ''), '200|written once the lock went',
       'the next GET of that process is served');
    print $holder entity_request(PUT => "/api/v1/Contact/$free/ImageInfo", $json, '{"Description":"now"}');
    $res = read_reply($holder, 5) || HTTP::Response->new(599, 'no answer');
    is($res->code . '|' . picture_of($free)->{description}, '200|now', 'and so is the next PUT');
    close $_ for @$all;
} else {
    # Under prefork a process serves one request at a time, so its pool is
    # never wanted twice: while one process waits on the lock, others
    # serve the GET and the PUT.
    $lock->do('SELECT 1 FROM contact WHERE contact_id = ? FOR UPDATE', undef, $held);
    my $holder = open_to('soi_faults');
    print $holder entity_request(PUT => "/api/v1/Contact/$held/ImageInfo", $json, $write);
    is(blocked_writes(), 1, 'the PUT waits on the row lock, holding the only connection of its process');
    Apache::TestRequest::module('soi_faults');
    my $res = call(GET => "/api/v1/Contact/$held/ImageInfo");
    is($res->code, 200, 'prefork: another process serves a GET meanwhile');
    $res = call(PUT => "/api/v1/Contact/$free/ImageInfo", type => $json, body => '{"Description":"now"}');
    is($res->code . '|' . picture_of($free)->{description}, '200|now', 'prefork: and a PUT of a contact nobody locks');
    Apache::TestRequest::module('default');
    my ($audits) = split m{/}, $before{audit};
    is(snapshot($held) . '|' . (split m{/}, audit_state())[0], "$before{held}|" . ($audits + 1),
       'only the PUT of the free contact changed the database');
    $lock->rollback;
    $res = read_reply($holder, 10) || HTTP::Response->new(599, 'no answer within 10 s');
    is($res->code . '|' . picture_of($held)->{description}, '200|written once the lock went',
       'the blocked PUT completes once the lock goes');
    close $holder;
}
pool_is_idle(processes(), 'after the lock');
is(open_transactions('soi-tests-faults'), 0, 'no transaction left open');

# ---- 2. and 3. a client gone half-way through its body -----------------------------------

# Each cut: the request's head and the first bytes of its body (how many:
# the last element), then the socket closed.
# What arrived of an entity is a whole entity, padded with the white space
# JSON allows up to its announced length: a module that took the part for
# the whole would write it. Half a picture is a picture too (its type shows
# in its first bytes).
my $padding = ' ' x 64;
sub cuts {
    my ($kept, $none) = @_;
    my $entity = '{"Description":"a body cut short","ExtraInfo":"cut","BlobSize":' . length($png) . '}';
    my $new = '{"Description":"a body cut short","ExtraInfo":"cut"}';
    my $patch = '{"Description":"a patch cut short","ExtraInfo":"cut"}';
    return (
        ['Content-Length, cut after the entity, before its end', $kept,
         entity_request(PUT => "/api/v1/Contact/$kept/ImageInfo", $json, $entity . $padding), length($entity) + 10],
        ['chunked, cut inside the second chunk, a contact without a picture', $none,
         request_bytes(PUT => "/api/v1/Contact/$none/ImageInfo", ["Content-Type: $json", 'Transfer-Encoding: chunked'],
                       sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", length $new, $new, length $padding, $padding)),
         length(sprintf("%x\r\n%s\r\n%x\r\n", length $new, $new, length $padding)) + 10],
        ['a merge patch (the read-modify-write), cut after the patch', $kept,
         entity_request(PATCH => "/api/v1/Contact/$kept/ImageInfo", 'application/merge-patch+json', $patch . $padding),
         length($patch) + 10],
        ['PUT Image, half the picture', $kept,
         entity_request(PUT => "/api/v1/Contact/$kept/Image", 'image/png', $png), length($png) / 2],
        ['PUT Image, half the picture, a contact without one', $none,
         entity_request(PUT => "/api/v1/Contact/$none/Image", 'image/png', $png), length($png) / 2],
    );
}

sub disconnects {
    my ($vhost, $kept, $none, $app) = @_;
    give_picture($kept, 'with bytes');
    my %start = (kept => snapshot($kept), none => snapshot($none), audit => audit_state());
    ok(!picture_of($none), "$vhost: contact $none has no picture");
    my $mark = log_mark($error_log);
    my $access_mark = log_mark($access_log);
    my @cuts = cuts($kept, $none);
    for (@cuts) {
        my ($what, $contact, $bytes, $sent) = @$_;
        my $cut = index($bytes, "\r\n\r\n") + 4 + $sent;
        my $before = processes();
        my $sock = open_to($vhost);
        print $sock substr($bytes, 0, $cut);
        # Long enough for the module to have read the head and to wait for
        # the rest.
        sleep 0.1;
        close $sock;
        my $p = settled($before, 1);
        is($p->{all}{requests} - $before->{all}{requests}, 1, "$vhost, $what: the module ended the request");
        pool_is_idle($p, "$vhost, $what");
        is(snapshot($kept) . snapshot($none) . audit_state(), $start{kept} . $start{none} . $start{audit},
           "$vhost, $what: the pictures, their bytes and soi_audit unchanged");
        is(open_transactions($app), 0, "$vhost, $what: no transaction left open in PostgreSQL");
        Apache::TestRequest::module($vhost);
        my $res = call(GET => "/api/v1/Contact/$contact/ImageInfo");
        Apache::TestRequest::module('default');
        is($res->code . '|' . ((json($res->content) || {})->{BlobId} // 'none'),
           '200|' . ($contact == $none ? 0 : picture_of($kept)->{binaryobject_id}),
           "$vhost, $what: the next request is answered") or diag($res->as_string);
    }
    ok(!picture_of($none), "$vhost: still no picture for contact $none");

    # A client that stops sending but still listens hears why.
    my $entity = '{"Description":"never all of it","BlobSize":' . length($png) . '}';
    my $bytes = entity_request(PUT => "/api/v1/Contact/$kept/ImageInfo", $json, $entity . $padding);
    my $sock = open_to($vhost);
    print $sock substr($bytes, 0, index($bytes, "\r\n\r\n") + 4 + length($entity) + 10);
    shutdown $sock, SHUT_WR;
    my $res = read_reply($sock, 5) || HTTP::Response->new(599, 'no answer within 5 s');
    close $sock;
    error_ok($res, 400, 'SoValidationException', qr/could not be read: the client stopped sending/,
             "$vhost, a client that stops sending half-way");
    is(snapshot($kept) . audit_state(), $start{kept} . $start{audit}, "$vhost, stopped half-way: nothing changed");

    # A client gone while its whole patch waits on a row lock inside the
    # module's transaction: the module does not look at the client while
    # PostgreSQL works, so the patch, whole, is committed and answered to
    # nobody (a write whose answer was cut off may have committed), and the
    # transaction ends.
    my $lock = db_session(AutoCommit => 0);
    $lock->do('SELECT 1 FROM contact WHERE contact_id = ? FOR UPDATE', undef, $kept);
    my $before = processes();
    $sock = open_to($vhost);
    print $sock entity_request(PATCH => "/api/v1/Contact/$kept/ImageInfo", 'application/merge-patch+json',
                               '{"Description":"patched for a client gone"}');
    is(lock_waiters($app), 1, "$vhost: a patch waits on the row lock inside its transaction");
    close $sock;
    sleep 0.1;
    $lock->rollback;
    my $p = settled($before, 1);
    is($p->{all}{requests} - $before->{all}{requests}, 1, "$vhost, its client gone: the module ended the request");
    pool_is_idle($p, "$vhost, its client gone while in a transaction");
    is(open_transactions($app), 0, "$vhost, its client gone: no transaction left open in PostgreSQL");
    my ($audits) = split m{/}, $start{audit};
    is(picture_of($kept)->{description} . '|' . (split m{/}, audit_state())[0],
       "patched for a client gone|" . ($audits + 1), "$vhost, its client gone: the whole patch written, audited once");

    my $log = log_since($error_log, $mark);
    my @aborts = $log =~ /SOI0301: reading the request body failed/g;
    is(scalar @aborts, @cuts + 1, "$vhost: the error log has the module's debug line for each client gone");
    my @unread = log_since($access_log, $access_mark) =~ /\|MSG_BODY_UNREAD\|400\|/g;
    is(scalar @unread, @cuts + 1, "$vhost: the access log has each as a 400, MSG_BODY_UNREAD");
    my @worse = grep { /\[\w+:(warn|error|crit|alert|emerg)\]/ || /exit signal|dumped core/ } split /\n/, $log;
    is(join("\n", @worse), '', "$vhost: and nothing worse, no crash");
    Apache::TestRequest::module($vhost);
    $res = call(PATCH => "/api/v1/Contact/$kept/ImageInfo", type => 'application/merge-patch+json',
                body => '{"Description":"whole"}');
    Apache::TestRequest::module('default');
    is($res->code . '|' . picture_of($kept)->{description}, '200|whole', "$vhost: a whole write goes through after")
        or diag($res->as_string);
}

disconnects('soi_faults', 962, 963, 'soi-tests-faults');
# Behind pgbouncer (transaction pooling, SoImageInfoStatements Unnamed):
# a half-read body must not leave a server connection of the bouncer inside
# a transaction.
disconnects('soi_bouncer', 970, 971, 'soi-tests-bouncer');

my $log = log_since($error_log, $log_mark);
unlike($log, qr/exit signal|dumped core|Assertion/, 'no child crashed in this file');

done_testing();
