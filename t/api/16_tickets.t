# Tickets (SOTicket, Bearer), application tokens, users another httpd
# module authenticated, the rights they carry and the audit trail of every
# write. Each check looks at the status, the challenges and the database.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use POSIX ();
use Time::HiRes qw(sleep time);
use List::Util qw(max);

plan tests => 109;

my $json = 'application/json';
my @secrets;    # every token, XSRF value and password used: none may show up anywhere
my @responses;  # everything the module answered, to look for them

sub got { my ($res) = @_; push @responses, $res->as_string; return $res }
sub issue {
    my ($associate, $scheme, $lifetime) = @_;
    my ($token, $xsrf) = db()->selectrow_array(q{SELECT token, xsrf_token FROM soi_issue_ticket(?, ?, ?::interval)},
                                               undef, $associate, $scheme // 'SOTicket', $lifetime // '8 hours');
    push @secrets, grep { defined } $token, $xsrf;
    return wantarray ? ($token, $xsrf) : $token;
}
sub audits { my ($contact) = @_; return db()->selectall_arrayref(
    'SELECT * FROM soi_audit WHERE contact_id = ? ORDER BY audit_id', { Slice => {} }, $contact) }
sub many {
    my ($n, @req) = @_;
    my %codes;
    $codes{ got(call(@req))->code }++ for 1 .. $n;
    return join(',', map { "$_ x$codes{$_}" } sort keys %codes);
}
my $challenges = 'Basic realm="SuperOffice Username or Ticket", SOTicket, Bearer';

# ---- SOTicket and Bearer ---------------------------------------------------------
my ($ticket, $xsrf) = issue(1);
like($ticket, qr/^7T:[0-9a-f]{64}$/, 'an issued SOTicket token: 7T: and 256 bits of hex');
my $stored = db()->selectrow_hashref('SELECT * FROM soi_ticket WHERE ticket_id = (SELECT max(ticket_id) FROM soi_ticket)');
is($stored->{token_sha256}, sha256_hex_of($ticket), 'only its SHA-256 is stored');
is($stored->{xsrf_token}, sha256_hex_of($xsrf), 'and that of its XSRF value');
sub sha256_hex_of { require Digest::SHA; return Digest::SHA::sha256_hex($_[0]) }

my $res = got(call(GET => '/api/v1/Contact/212/ImageInfo', auth => "SOTicket $ticket"));
is($res->code, 200, 'GET with SOTicket');
is(json($res->content)->{TableRight}{Mask}, 'FULL', 'the ticket carries its associate\'s rights');
is(got(call(GET => '/api/v1/Contact/212/ImageInfo?by-ticket', auth => "soticket $ticket"))->code, 200,
   'the scheme name ignores case');
sleep 0.2;
my $access = do { local (@ARGV, $/) = ('t/logs/access_log'); <> } // '';
like($access, qr/^\S+ \S+ tje0 \[[^\]]+\] "GET \/api\/v1\/Contact\/212\/ImageInfo\?by-ticket /m,
     'the access log names the ticket\'s associate');
my $bearer = issue(1, 'Bearer');
like($bearer, qr/^8A:/, 'a Bearer token: 8A:');
is(got(call(GET => '/api/v1/Contact/212/ImageInfo', auth => "Bearer $bearer"))->code, 200, 'GET with Bearer');
$res = got(call(GET => '/api/v1/Contact/212/ImageInfo', auth => "Bearer $ticket"));
error_ok($res, 401, 'SoAuthenticationException', qr/^The Bearer token is unknown, expired or revoked/,
         'a SOTicket token sent as Bearer');
is(got(call(GET => '/api/v1/Contact/212/ImageInfo', auth => "SOTicket $bearer"))->code, 401,
   'and a Bearer token as SOTicket');
$res = got(call(GET => '/api/v1/Contact/212/ImageInfo', auth => 'SOTicket 7T:not a token'));
error_ok($res, 401, 'SoAuthenticationException', qr/^The SOTicket credentials must be a token such as 7T:/,
         'a malformed token');
is($res->header('WWW-Authenticate'), $challenges, 'with a challenge per accepted scheme');
is(got(call(GET => '/api/v1/Contact/212/ImageInfo', auth => 'SOTicket ' . ('a' x 513)))->code, 401,
   'a token longer than 512 characters is malformed');

# A write by ticket, and its audit row.
my $before = db()->selectrow_hashref('SELECT * FROM binaryobject WHERE binaryobject_id = 812');
$res = got(call(PUT => '/api/v1/Contact/212/ImageInfo', auth => "SOTicket $ticket", type => $json,
                body => '{"Description":"by ticket","BlobSize":5}'));
is($res->code . '|' . picture_of(212)->{description} . '|' . picture_of(212)->{updated_associate_id},
   '200|by ticket|1', 'PUT with SOTicket writes, as its associate');
my $rows = audits(212);
is(scalar @$rows, 1, 'one audit row');
is(join('|', map { $_ // 'NULL' } @{ $rows->[0] }{qw(associate_id app_name blob_id action)}), '1|NULL|812|update',
   'who, no application, which picture, what');
my ($bf, $af) = map { json($_) } @{ $rows->[0] }{qw(before after)};
is("$bf->{Description}|$bf->{BlobSize}|$af->{Description}|$af->{BlobSize}", "$before->{description}|$before->{blobsize}|by ticket|5",
   'the writable fields before and after');
is(join(',', sort keys %$af), 'BlobSize,ConceptualType,Description,ExtraInfo,IsEncrypted,IsZipped,MimeType,OriginalSize',
   'named as BlobEntity names them');

# A creation is audited too; refusals leave no trace.
$res = got(call(PUT => '/api/v1/Contact/121/ImageInfo', auth => "Bearer $bearer", type => $json,
                body => '{"Description":"new by bearer"}'));
$rows = audits(121);
is($res->code . '|' . scalar(@$rows) . '|' . ($rows->[0]{action} // '') . '|' . ($rows->[0]{before} // 'NULL'), '200|1|create|NULL',
   'a creation: one row, action create, nothing before');
my $reader = issue(2);
my $count = db()->selectrow_array('SELECT count(*) FROM soi_audit');
$before = snapshot(213);
$res = got(call(PUT => '/api/v1/Contact/213/ImageInfo', auth => "SOTicket $reader", type => $json,
                body => '{"Description":"reader"}'));
error_ok($res, 403, 'SoAccessDeniedException', qr/needs the Update right/, 'a reader\'s ticket writing');
is(got(call(GET => '/api/v1/Contact/213/ImageInfo', auth => "SOTicket $reader"))->code . '|'
   . json(got(call(GET => '/api/v1/Contact/213/ImageInfo', auth => "SOTicket $reader"))->content)->{TableRight}{Mask},
   '200|Select', 'it reads, and TableRight says Select');
$res = got(call(PUT => '/api/v1/Contact/213/ImageInfo', auth => "SOTicket $ticket", type => $json,
                headers => { 'If-Match' => '"nope"' }, body => '{"Description":"conditional"}'));
is($res->code, 412, 'a failed precondition');
$res = got(call(PUT => '/api/v1/Contact/213/ImageInfo', auth => "SOTicket $ticket", type => $json,
                body => '{"BlobId":1,"Description":"conflict"}'));
is($res->code, 409, 'a conflict');
is(snapshot(213) . '|' . db()->selectrow_array('SELECT count(*) FROM soi_audit'), "$before|$count",
   'no change and no audit row for any refusal');

# ---- revoked, expired, deleted: on the next request --------------------------------
my $short = issue(1, 'SOTicket', '3 seconds');
is(many(20, GET => '/api/v1/Contact/214/ImageInfo', auth => "SOTicket $short"), '200 x20',
   'a short-lived ticket works (every process has it now)');
my $revokable = issue(1);
is(many(20, GET => '/api/v1/Contact/214/ImageInfo', auth => "SOTicket $revokable"), '200 x20', 'so does another');
ok(db()->selectrow_array('SELECT soi_revoke_ticket(?)', undef, $revokable), 'revoked in SQL');
is(many(20, GET => '/api/v1/Contact/214/ImageInfo', auth => "SOTicket $revokable"), '401 x20',
   'a revoked ticket is refused at once, in every process');
$before = snapshot(214);
is(got(call(PUT => '/api/v1/Contact/214/ImageInfo', auth => "SOTicket $revokable", type => $json,
            body => '{"Description":"revoked"}'))->code . '|' . (snapshot(214) eq $before ? 'unchanged' : 'changed'),
   '401|unchanged', 'and cannot write');
sleep 3.2;
is(many(20, GET => '/api/v1/Contact/214/ImageInfo', auth => "SOTicket $short"), '401 x20',
   'an expired ticket is refused at once, in every process');
db()->do(q{INSERT INTO associate (associate_id, name, password_hash, blob_rights) VALUES (90, 'leaver', '', 31)});
my $leaver = issue(90);
is(many(20, GET => '/api/v1/Contact/214/ImageInfo', auth => "SOTicket $leaver"), '200 x20', 'a ticket of a new associate');
db()->do('UPDATE associate SET deleted = 1 WHERE associate_id = 90');
is(many(20, GET => '/api/v1/Contact/214/ImageInfo', auth => "SOTicket $leaver"), '401 x20',
   'its associate deleted: refused at once');
db()->do('UPDATE associate SET deleted = 0, blob_rights = 1 WHERE associate_id = 90');
is(many(10, GET => '/api/v1/Contact/214/ImageInfo', auth => "SOTicket $leaver"), '200 x10',
   'undeleted, with only Select');
is(got(call(PUT => '/api/v1/Contact/214/ImageInfo', auth => "SOTicket $leaver", type => $json,
            body => '{"Description":"x"}'))->code, 403, 'a right taken away shows at once through a ticket too');

# ---- application tokens --------------------------------------------------------------
my ($app) = db()->selectrow_array(q{SELECT token FROM soi_register_app('Partner Portal')});
push @secrets, $app;
like($app, qr/^[0-9a-f]{64}$/, 'an application token: 256 bits of hex');
$res = got(call(PUT => '/api/v1/Contact/215/ImageInfo', auth => "SOTicket $ticket", type => $json,
                headers => { 'SO-AppToken' => $app }, body => '{"Description":"through the portal"}'));
$rows = audits(215);
is($res->code . '|' . ($rows->[-1]{app_name} // 'NULL'), '200|Partner Portal', 'the application is recorded with the change');
$res = got(call(GET => '/api/v1/Contact/215/ImageInfo', auth => "SOTicket $ticket",
                headers => { 'SO-AppToken' => 'f' x 64 }));
error_ok($res, 401, 'SoAuthenticationException', qr/^The application token \(SO-AppToken\) is unknown or revoked/,
         'an unknown application token');
$res = got(call(GET => '/api/v1/Contact/215/ImageInfo', auth => "SOTicket $ticket",
                headers => { 'SO-AppToken' => 'bad token' }));
error_ok($res, 401, 'SoAuthenticationException', qr/^The SO-AppToken header must be a token/, 'a malformed one');
is(got(call(GET => '/api/v1/Contact/215/ImageInfo', auth => ['tje0', 'Tje0'], headers => { 'SO-AppToken' => $app }))->code,
   200, 'Basic with an application token');
ok(db()->selectrow_array('SELECT soi_revoke_app(?)', undef, $app), 'the application revoked in SQL');
is(many(10, GET => '/api/v1/Contact/215/ImageInfo', auth => "SOTicket $ticket", headers => { 'SO-AppToken' => $app }),
   '401 x10', 'a revoked application is refused at once');
my ($app2) = db()->selectrow_array(q{SELECT token FROM soi_register_app('Mobile')});
push @secrets, $app2;

# SoImageInfoAppToken Required.
$res = got(call(GET => '/apptoken/v1/Contact/215/ImageInfo', auth => "SOTicket $ticket"));
error_ok($res, 401, 'SoAuthenticationException', qr/requires an application token with SOTicket credentials/,
         'Required: a ticket without an application token');
is(got(call(GET => '/apptoken/v1/Contact/215/ImageInfo', auth => "Bearer $bearer"))->code, 401, 'a bearer token neither');
is(got(call(GET => '/apptoken/v1/Contact/215/ImageInfo', auth => "SOTicket $ticket",
            headers => { 'SO-AppToken' => $app2 }))->code, 200, 'with one: 200');
is(got(call(GET => '/apptoken/v1/Contact/215/ImageInfo'))->code, 200, 'Basic needs none (a person, not an app)');

# SoImageInfoAuth Basic.
$res = got(call(GET => '/basiconly/v1/Contact/215/ImageInfo', auth => "SOTicket $ticket"));
error_ok($res, 401, 'SoAuthenticationException', qr/scheme is not accepted here; use Basic\.$/, 'a ticket where only Basic is');
is($res->header('WWW-Authenticate'), 'Basic realm="SuperOffice Username or Ticket"', 'one challenge: Basic');

# ---- users another module authenticated (mod_auth_basic + mod_authn_file) ---------------
push @secrets, 'ApachePw1', 'Outsider1';
$res = got(call(PUT => '/apacheauth/v1/Contact/216/ImageInfo', auth => ['tje0', 'ApachePw1'], type => $json,
                body => '{"Description":"by apache user"}'));
is($res->code . '|' . picture_of(216)->{updated_associate_id}, '200|1',
   'an httpd user is the associate of that name (its httpd password, not the database\'s)');
is(got(call(GET => '/apacheauth/v1/Contact/216/ImageInfo', auth => ['tje0', 'Tje0']))->code, 401,
   'the database password means nothing there: httpd checks its own');
$res = got(call(GET => '/apacheauth/v1/Contact/216/ImageInfo', auth => ['outsider', 'Outsider1']));
error_ok($res, 403, 'SoAccessDeniedException', qr/^The user "outsider" that the server authenticated is not an active associate/,
         'an httpd user who is no associate');
is(got(call(GET => '/apacheauth/v1/Contact/216/ImageInfo', auth => ['gone', 'Gone1']))->code, 403,
   'nor is a deleted one');

# ---- cookie sessions: SOTICKET, and its XSRF value for anything unsafe ---------------------
my ($session, $sxsrf) = issue(1);
my $cookie = "SOTICKET=$session";
is(got(call(GET => '/api/v1/Contact/218/ImageInfo', auth => undef, headers => { Cookie => $cookie }))->code, 200,
   'a session cookie reads without its XSRF value');
$before = snapshot(218);
$res = got(call(PUT => '/api/v1/Contact/218/ImageInfo', auth => undef, type => $json, headers => { Cookie => $cookie },
                body => '{"Description":"no xsrf"}'));
error_ok($res, 403, 'SoAccessDeniedException', qr/^A cookie session must send its XSRF value/, 'a write without it');
$res = got(call(PUT => '/api/v1/Contact/218/ImageInfo', auth => undef, type => $json,
                headers => { Cookie => $cookie, 'X-XSRF-TOKEN' => 'f' x 64 }, body => '{"Description":"bad xsrf"}'));
is($res->code, 403, 'with a wrong one');
$res = got(call(PUT => '/api/v1/Contact/218/ImageInfo', auth => undef, type => $json,
                headers => { Cookie => "$cookie; XSRF-TOKEN=$sxsrf" }, body => '{"Description":"cookie only"}'));
is($res->code, 403, 'the XSRF-TOKEN cookie is no proof: a browser sends it by itself');
is(snapshot(218), $before, 'none of them changed anything');
$res = got(call(PUT => '/api/v1/Contact/218/ImageInfo', auth => undef, type => $json,
                headers => { Cookie => $cookie, 'X-XSRF-TOKEN' => $sxsrf }, body => '{"Description":"by session"}'));
is($res->code . '|' . picture_of(218)->{description}, '200|by session', 'with X-XSRF-TOKEN it writes');
$res = got(call(PUT => '/api/v1/Contact/218/ImageInfo', auth => undef, type => 'application/x-www-form-urlencoded',
                headers => { Cookie => $cookie }, body => "Description=by+form&XSRF_TOKEN=$sxsrf"));
is($res->code . '|' . picture_of(218)->{description}, '200|by form', 'a form may carry it as XSRF_TOKEN');
$before = snapshot(218);
$res = got(call(PUT => '/api/v1/Contact/218/ImageInfo', auth => undef, type => 'application/x-www-form-urlencoded',
                headers => { Cookie => $cookie }, body => 'Description=wrong+field&XSRF_TOKEN=abc'));
is($res->code, 403, 'a form with a wrong XSRF_TOKEN');
$res = got(call(PUT => '/api/v1/Contact/218/ImageInfo', auth => undef, type => 'application/x-www-form-urlencoded',
                headers => { Cookie => $cookie }, body => 'Description=no+field'));
is($res->code . '|' . (snapshot(218) eq $before ? 'unchanged' : 'changed'), '403|unchanged', 'a form without one');
is(got(call(PATCH => '/api/v1/Contact/218/ImageInfo', auth => undef, type => 'application/merge-patch+json',
            headers => { Cookie => $cookie }, body => '{"ExtraInfo":"x"}'))->code, 403, 'PATCH needs it too');
for my $c (["SOTICKET=\"$session\"", 'a quoted value'], ["a=1; SOTICKET=$session; b=2", 'among other cookies'],
           ["SOTICKET=7T:stale; SOTICKET=$session", 'a stale duplicate before the valid one']) {
    is(got(call(GET => '/api/v1/Contact/218/ImageInfo', auth => undef, headers => { Cookie => $c->[0] }))->code, 200,
       "the session cookie: $c->[1]");
}
$res = got(call(GET => '/api/v1/Contact/218/ImageInfo', auth => undef, headers => { Cookie => "SOTICKET=$bearer" }));
error_ok($res, 401, 'SoAuthenticationException', qr/^The session cookie SOTICKET holds no ticket that is valid/,
         'a Bearer token in the cookie');
is(got(call(GET => '/api/v1/Contact/218/ImageInfo', auth => ['tje0', 'wrong'], headers => { Cookie => $cookie }))->code,
   401, 'Authorization wins over the cookie');
db()->do(q{INSERT INTO soi_ticket (token_sha256, associate_id) VALUES (?, 1)}, undef, sha256_hex_of('7T:noxsrf'));
push @secrets, '7T:noxsrf';
is(got(call(PUT => '/api/v1/Contact/218/ImageInfo', auth => undef, type => $json,
            headers => { Cookie => 'SOTICKET=7T:noxsrf', 'X-XSRF-TOKEN' => '' }, body => '{"Description":"x"}'))->code,
   403, 'a session without an XSRF value can only read');
$res = got(call(GET => '/basiconly/v1/Contact/218/ImageInfo', auth => undef, headers => { Cookie => $cookie }));
error_ok($res, 401, 'SoAuthenticationException', qr/^Authentication is required; this resource accepts Basic\.$/,
         'where cookies are not accepted');

# ---- 1,000 wrong tickets in a row do not stall other clients ------------------------------
my $workers = 10;
my @kids;
for my $k (1 .. $workers) {
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        my $bad = 0;
        for my $i (1 .. 1000 / $workers) {
            $bad++ if call(GET => '/api/v1/Contact/217/ImageInfo', auth => sprintf('SOTicket 7T:%064x', $k * 100000 + $i))->code != 401;
        }
        POSIX::_exit($bad ? 1 : 0);
    }
    push @kids, $pid;
}
my (@lat, %exit);
my $start = time;
while (keys %exit < @kids && time - $start < 60) {
    my $t = time;
    push @lat, [time - $t, call(GET => '/api/v1/Contact/217/ImageInfo', auth => "SOTicket $ticket")->code];
    $lat[-1][0] = time - $t;
    sleep 0.1;
    for (@kids) { $exit{$_} = $? if !exists $exit{$_} && waitpid($_, POSIX::WNOHANG()) == $_ }
}
for (@kids) { next if exists $exit{$_}; waitpid $_, 0; $exit{$_} = $? }
is(scalar(grep { $exit{$_} } @kids), 0, '1,000 wrong tickets, every one refused');
is(scalar(grep { $_->[1] != 200 } @lat) . '|' . (@lat >= 2 ? 'some' : 'none'), '0|some',
   scalar(@lat) . ' requests of another client meanwhile, each 200');
ok(max(map { $_->[0] } @lat) < 1, sprintf('the slowest in %.0f ms', 1000 * max(map { $_->[0] } @lat)));

# ---- no secret anywhere ----------------------------------------------------------------------
my $log = do { local (@ARGV, $/) = ('t/logs/error_log'); <> } // '';
my @in_log = grep { index($log, $_) >= 0 } @secrets;
is(scalar @in_log, 0, scalar(@secrets) . ' tokens, XSRF values and passwords: none in the error log (LogLevel debug)')
    or diag("found: @in_log");
my $answers = join("\n", @responses);
my @in_answers = grep { index($answers, $_) >= 0 } @secrets;
is(scalar @in_answers, 0, 'and none in ' . scalar(@responses) . ' responses') or diag("found: @in_answers");
my @digests = map { sha256_hex_of($_) } @secrets;
is(scalar(grep { index($log, $_) >= 0 || index($answers, $_) >= 0 } @digests), 0, 'nor any of their digests');
my $hashes = db()->selectcol_arrayref(q{SELECT password_hash FROM associate WHERE password_hash <> ''});
is(scalar(grep { index($log, $_) >= 0 || index($answers, $_) >= 0 } @$hashes), 0,
   'nor any of ' . scalar(@$hashes) . ' password hashes');
