# Logins: the database is consulted only while SQL runs, every change of an
# associate takes effect on the next request, nothing secret reaches
# PostgreSQL's statement log, and a refusal takes as long whether or not
# the user name exists.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use IO::Socket::INET;
use List::Util qw(max min);
use MIME::Base64 qw(encode_base64);
use POSIX ();
use Time::HiRes qw(sleep time);

plan tests => 28;

my $json = 'application/json';
sub sha512 { my ($pw) = @_; return crypt($pw, '$6$' . join('', map { ('a'..'z')[rand 26] } 1 .. 16) . '$') }
sub many {
    my ($n, @req) = @_;
    my %codes;
    $codes{ call(@req)->code }++ for 1 .. $n;
    return join(',', map { "$_ x$codes{$_}" } sort keys %codes);
}

# ---- no connection is held during an upload ------------------------------------
# A keep-alive connection opened first stays with the process that took it
# (the only one, at the start), where the uploads then land too.
sub keepalive_get {
    my ($sock) = @_;
    print $sock "GET /api/v1/Contact/112/ImageInfo HTTP/1.1\r\nHost: x\r\nAuthorization: " . basic('tje0', 'Tje0')
        . "\r\n\r\n";
    my $head = '';
    while ($head !~ /\r\n\r\n/) { sysread($sock, my $c, 1) or last; $head .= $c }
    my ($len) = $head =~ /^Content-Length: (\d+)/mi;
    my $body = '';
    while (length $body < ($len // 0)) { sysread($sock, my $b, $len - length $body) or last; $body .= $b }
    return ($head =~ m{^HTTP/1\.1 (\d+)})[0] // 0;
}
my $keep = IO::Socket::INET->new(PeerAddr => Apache::TestRequest::hostport(), Timeout => 10) or die "connect: $!";
keepalive_get($keep);
# Forty uploads (as many as 8 per process, the default pool, and more) that
# stall after their headers, each by an associate no
# process has seen (so each looks its login up), authenticated and reading
# its body; a GET on another connection is answered at once.
my @slow;
for my $i (1 .. 40) {
    db()->do(q{INSERT INTO associate (associate_id, name, password_hash, blob_rights) VALUES (?, ?, ?, 31)},
             undef, 1000 + $i, "uploader$i", sha512("Up$i"));
    my $s = IO::Socket::INET->new(PeerAddr => Apache::TestRequest::hostport(), Timeout => 5) or die "connect: $!";
    print $s "PUT /api/v1/Contact/111/ImageInfo HTTP/1.1\r\nHost: x\r\nAuthorization: " . basic("uploader$i", "Up$i")
        . "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"Descr";
    push @slow, $s;
}
sleep 1;
my $t0 = time;
my $code = keepalive_get($keep);
my $took = time - $t0;
is($code, 200, 'a GET while forty uploads stall: 200');
ok($took < 2, sprintf('and within 2 s (%.2f s)', $took));
close $_ for @slow, $keep;
my $res;

# ---- a renamed associate ------------------------------------------------------------
db()->do(q{INSERT INTO associate (associate_id, name, password_hash, blob_rights) VALUES (60, 'mover', ?, 31)},
         undef, sha512('Mover1'));
is(many(30, GET => '/api/v1/Contact/112/ImageInfo', auth => ['mover', 'Mover1']), '200 x30',
   'a new associate logs in (every process remembers it now)');
db()->do(q{UPDATE associate SET name = 'moved' WHERE associate_id = 60});
is(many(30, GET => '/api/v1/Contact/112/ImageInfo', auth => ['mover', 'Mover1']), '401 x30',
   'renamed: the old name is refused at once, in every process');
is(many(5, GET => '/api/v1/Contact/112/ImageInfo', auth => ['moved', 'Mover1']), '200 x5', 'the new name works');

# ---- a right granted --------------------------------------------------------------------
db()->do(q{INSERT INTO associate (associate_id, name, password_hash, blob_rights) VALUES (61, 'grantee', ?, 1)},
         undef, sha512('Grantee1'));
is(many(30, GET => '/api/v1/Contact/113/ImageInfo', auth => ['grantee', 'Grantee1']), '200 x30', 'a reader logs in');
my $before = snapshot(113);
$res = call(PUT => '/api/v1/Contact/113/ImageInfo', auth => ['grantee', 'Grantee1'], type => $json,
            body => '{"Description":"not yet"}');
error_ok($res, 403, 'SoAccessDeniedException', qr/needs the Update right/, 'a reader writing');
is(snapshot(113), $before, 'a reader writing: nothing changed');
db()->do(q{UPDATE associate SET blob_rights = 7 WHERE associate_id = 61});
is(many(30, PUT => '/api/v1/Contact/113/ImageInfo', auth => ['grantee', 'Grantee1'], type => $json,
        body => '{"Description":"granted"}'), '200 x30', 'Update granted: every process lets it write at once');
is(picture_of(113)->{description} . '|' . picture_of(113)->{updated_associate_id}, 'granted|61', 'and it is written');

# ---- nothing secret in PostgreSQL's statement log ---------------------------------------
# (The associate is made first: this test's own INSERT would be logged.)
db()->do(q{INSERT INTO associate (associate_id, name, password_hash, blob_rights) VALUES (62, 'logged', ?, 31)},
         undef, sha512('Logged1'));
db()->do(q{ALTER SYSTEM SET log_min_duration_statement = 0});
db()->do(q{SELECT pg_reload_conf()});
sleep 0.5;
my $mark = log_mark(pg_log());
call(GET => '/api/v1/Contact/114/ImageInfo', auth => ['logged', 'Logged1']);
call(PUT => '/api/v1/Contact/114/ImageInfo', auth => ['logged', 'Logged1'], type => $json,
     body => '{"Description":"logged"}');
call(PATCH => '/api/v1/Contact/114/ImageInfo', auth => ['tje0', 'Tje0'], type => 'application/merge-patch+json',
     body => '{"ExtraInfo":"patched"}');
call(GET => '/api/v1/Contact/114/ImageInfo', auth => ['tje0', 'wrong']);
sleep 0.5;
db()->do(q{ALTER SYSTEM RESET log_min_duration_statement});
db()->do(q{SELECT pg_reload_conf()});
my $log = log_since(pg_log(), $mark);
like($log, qr/soi_imageinfo_put.*\n.*parameters: \$1 = '114'/, 'the statement log shows the calls and their parameters');
my $hashes = db()->selectcol_arrayref('SELECT password_hash FROM associate');
my @found = grep { index($log, $_) >= 0 } @$hashes, 'Logged1', 'Tje0';
is(scalar @found, 0, 'no password and no password hash among them') or diag("found: @found");

# ---- refusals take as long, known user or not ----------------------------------------------
# Fast hashes (apr1, SHA-512-crypt), bcrypt, and no user at all. Every
# process refuses a bcrypt user first: the first refusal measures the floor,
# and a slower verification (a loaded machine) raises it.
my @who = (['nobody-at-all', 'x'], ['updater', 'wrong'], ['reader', 'wrong'], ['tje0', 'wrong']);
my @kids;
call(GET => '/api/v1/Contact/114/ImageInfo', auth => ['tje0', 'warm-up']) for 1 .. 8;
my %times;
for my $round (1 .. 7) {
    for my $w (@who) {
        my $t = time;
        my $code = call(GET => '/api/v1/Contact/114/ImageInfo', auth => $w)->code;
        push @{ $times{ $w->[0] } }, time - $t;
        die "expected 401 for $w->[0], got $code" if $code != 401;
    }
}
my %median = map { my @s = sort { $a <=> $b } @{ $times{$_} }; ($_ => $s[3]) } keys %times;
my $spread = max(values %median) / min(values %median);
ok($spread < 1.5, sprintf('refusals take as long for every kind of user: medians %s (spread %.2f)',
                          join(', ', map { sprintf('%s %.0f ms', $_, 1000 * $median{$_}) } sort keys %median),
                          $spread));
ok(min(values %median) > 0.01, 'and none is quick');

# ---- 1,000 wrong logins in a row do not stall other clients ------------------------------
my $workers = 16;
@kids = ();
for my $k (1 .. $workers) {
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        my $bad = 0;
        for my $i (1 .. int(1000 / $workers) + ($k <= 1000 % $workers ? 1 : 0)) {
            my $auth = $i % 2 ? ["guess$k-$i", 'x'] : ['updater', "guess$i"];
            $bad++ if call(GET => '/api/v1/Contact/115/ImageInfo', auth => $auth)->code != 401;
        }
        POSIX::_exit($bad ? 1 : 0);
    }
    push @kids, $pid;
}
my (@lat, %exit);
my $flood_start = time;
while (keys %exit < @kids && time - $flood_start < 60) {
    my $t = time;
    my $code = call(GET => '/api/v1/Contact/115/ImageInfo')->code;
    push @lat, [time - $t, $code];
    sleep 0.2;
    for (@kids) { $exit{$_} = $? if !exists $exit{$_} && waitpid($_, POSIX::WNOHANG()) == $_ }
}
for (@kids) { next if exists $exit{$_}; waitpid $_, 0; $exit{$_} = $? }
my $failed = grep { $exit{$_} } @kids;
is($failed, 0, '1,000 wrong logins, every one refused');
ok(@lat >= 3, scalar(@lat) . ' requests of another client ran meanwhile');
is(scalar(grep { $_->[1] != 200 } @lat), 0, 'each answered 200');
ok(max(map { $_->[0] } @lat) < 1, sprintf('the slowest in %.0f ms', 1000 * max(map { $_->[0] } @lat)));

# ---- control characters in a user name; r->user only once verified --------------------------
my $elog = log_mark('t/logs/error_log');
$res = call(GET => '/api/v1/Contact/115/ImageInfo', auth => 'Basic ' . encode_base64("evil\r\nSOI0000: forged:x", ''));
error_ok($res, 401, 'SoAuthenticationException', qr/without control characters in the user name/,
         'CR LF in a user name');
my $elines = log_since('t/logs/error_log', $elog);
unlike($elines, qr/^SOI0000: forged/m, 'nothing forged in the error log');
call(GET => '/api/v1/Contact/115/ImageInfo?verified', auth => ['tje0', 'Tje0']);
call(GET => '/api/v1/Contact/115/ImageInfo?refused', auth => ['tje0', 'nope']);
sleep 0.3;
my $access = do { local (@ARGV, $/) = ('t/logs/access_log'); <> } // '';
like($access, qr/^\S+ \S+ tje0 \[[^\]]+\] "GET \/api\/v1\/Contact\/115\/ImageInfo\?verified /m,
     'the access log names a verified user');
like($access, qr/^\S+ \S+ - \[[^\]]+\] "GET \/api\/v1\/Contact\/115\/ImageInfo\?refused /m,
     'and no user for a refused login');
