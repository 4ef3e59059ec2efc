package SoiTest;
# Helpers for the Apache::Test suite: requests with full control over
# headers and body, the database as it is after each request, and the
# property order of a JSON body.
use strict;
use warnings;

use Apache::Test ();
use Test::More ();
use Apache::TestRequest ();
use DBI;
use Exporter 'import';
use HTTP::Request;
use JSON::PP ();
use MIME::Base64 qw(encode_base64);
use Time::HiRes ();
use POSIX ();

our @EXPORT = qw(call basic db picture_of blob_row links_of json top_keys entity_body seed_body
                 error_ok snapshot pg_ctl iso associate_json chunks raw_exchange db_session status_lines
                 raw_request pg_log log_mark log_since lock_waiters open_to request_bytes entity_request
                 read_reply processes connections_on_one_process);

# Every property of a response, in SPEC order.
our @ORDER = qw(BlobId BlobSize Description ExtraInfo IsEncrypted IsZipped MimeType OriginalSize
                CreatedDate UpdatedDate CreatedBy UpdatedBy ConceptualType TableRight FieldProperties);

sub basic {
    my ($user, $pass) = @_;
    return 'Basic ' . encode_base64("$user:$pass", '');
}

# call(METHOD, PATH, body => ..., type => ..., auth => [user, pass] | 'raw header' | undef,
#      headers => {...})
# Authenticates as tje0 unless told otherwise (auth => undef sends none).
sub call {
    my ($method, $path, %o) = @_;
    my $req = HTTP::Request->new($method => 'http://' . Apache::TestRequest::hostport() . $path);
    my $auth = exists $o{auth} ? $o{auth} : ['tje0', 'Tje0'];
    $req->header(Authorization => ref $auth ? basic(@$auth) : $auth) if defined $auth;
    $req->header('Content-Type' => $o{type}) if defined $o{type};
    my %h = %{ $o{headers} || {} };
    $req->header($_ => $h{$_}) for keys %h;
    if (defined $o{body}) {
        if (ref $o{body} eq 'CODE') {
            $req->content($o{body}); # LWP sends a code ref chunked
        } else {
            $req->content($o{body});
            $req->header('Content-Length' => length $o{body});
        }
    }
    my $ua = Apache::TestRequest::user_agent(reset => 1, keep_alive => 0, requests_redirectable => 0);
    $ua->timeout(30);
    return $ua->request($req);
}

# A connection of its own to the test database (AutoCommit unless told).
sub db_session {
    my (%o) = @_;
    my $ci = $ENV{SOI_TEST_CONNINFO} or die "SOI_TEST_CONNINFO is not set";
    my %kv = $ci =~ /(\w+)=(\S+)/g;
    my $dsn = 'dbi:Pg:' . join(';', map { "$_=$kv{$_}" } grep { $_ ne 'user' } sort keys %kv);
    return DBI->connect($dsn, $kv{user} // '', '', { RaiseError => 1, AutoCommit => $o{AutoCommit} // 1,
                                                     PrintError => 0, pg_enable_utf8 => 0 });
}

my $dbh;
sub db {
    return $dbh if $dbh && $dbh->ping;
    $dbh = db_session();
    return $dbh;
}

# The contact's picture: the binaryobject row linked as its ContactImage, or undef.
sub picture_of {
    my ($contact) = @_;
    return db()->selectrow_hashref(q{
        SELECT b.*, floor(extract(epoch FROM b.registered) * 1000000)::bigint AS registered_us,
               floor(extract(epoch FROM b.updated) * 1000000)::bigint AS updated_us
          FROM binaryobjectlink l JOIN binaryobject b USING (binaryobject_id)
         WHERE l.ownertable = 5 AND l.ownerrecord = ? AND l.linktype = 17}, undef, $contact);
}

sub blob_row {
    my ($id) = @_;
    return db()->selectrow_hashref('SELECT * FROM binaryobject WHERE binaryobject_id = ?', undef, $id);
}

sub links_of {
    my ($contact) = @_;
    return db()->selectall_arrayref(
        'SELECT * FROM binaryobjectlink WHERE ownertable = 5 AND ownerrecord = ? ORDER BY binaryobjectlink_id',
        { Slice => {} }, $contact);
}

# Everything the database holds about a contact's pictures, as one string:
# compare before and after a refused request.
sub snapshot {
    my ($contact) = @_;
    my $rows = db()->selectall_arrayref(q{
        SELECT l.*, b.* FROM binaryobjectlink l JOIN binaryobject b USING (binaryobject_id)
         WHERE l.ownertable = 5 AND l.ownerrecord = ? ORDER BY l.binaryobjectlink_id}, { Slice => {} }, $contact);
    my $count = db()->selectrow_array('SELECT count(*) FROM binaryobject');
    return JSON::PP->new->canonical->encode([$rows, $count]);
}

sub json {
    my ($text) = @_;
    return eval { JSON::PP->new->decode($text) };
}

# The property names of the top-level object, in document order.
sub top_keys {
    my ($text) = @_;
    my @keys;
    my ($depth, $in_string, $escape, $buf, $expect_key) = (0, 0, 0, '', 0);
    for my $c (split //, $text) {
        if ($in_string) {
            if ($escape) { $escape = 0; $buf .= $c; next }
            if ($c eq '\\') { $escape = 1; next }
            if ($c eq '"') { $in_string = 0; push @keys, $buf if $expect_key == 2; $expect_key = 0; next }
            $buf .= $c;
            next;
        }
        if ($c eq '"') { $in_string = 1; $buf = ''; $expect_key = 2 if $expect_key == 1; next }
        if ($c eq '{' || $c eq '[') { $depth++; $expect_key = ($c eq '{' && $depth == 1) ? 1 : 0; next }
        if ($c eq '}' || $c eq ']') { $depth--; next }
        if ($c eq ',' && $depth == 1) { $expect_key = 1; next }
    }
    return @keys;
}

# A JSON body from a hash, keys in the given order.
sub entity_body {
    my (@pairs) = @_;
    my $js = JSON::PP->new->allow_nonref;
    my @parts;
    while (my ($k, $v) = splice @pairs, 0, 2) {
        push @parts, $js->encode($k) . ':' . (ref $v eq 'SCALAR' ? $$v : $js->encode($v));
    }
    return '{' . join(',', @parts) . '}';
}

# The seed's sample request body, verbatim.
sub seed_body {
    return <<'JSON';
{
  "BlobId": 630,
  "BlobSize": 442,
  "Description": "Innovative encompassing project",
  "ExtraInfo": "sed",
  "IsEncrypted": false,
  "IsZipped": false,
  "MimeType": "cumque",
  "OriginalSize": 732,
  "CreatedDate": "2020-03-20T02:49:50.7296616+01:00",
  "UpdatedDate": "1995-10-27T02:49:50.7296616+02:00",
  "CreatedBy": null,
  "UpdatedBy": null,
  "ConceptualType": "nesciunt"
}
JSON
}

# Checks an error reply: status, the SPEC's body with its four properties in
# order, the ErrorType, and a message matching $like. Four tests.
sub error_ok {
    my ($res, $status, $type, $like, $what) = @_;
    my $body = json($res->content) || {};
    Test::More::is($res->code, $status, "$what: status $status");
    Test::More::is(join(',', top_keys($res->content)) . '|' . (JSON::PP::is_bool($body->{Error}) && $body->{Error}
                                                                ? 'true' : 'not true')
                   . '|' . ($body->{ErrorSource} // ''),
                   'Error,ErrorType,ErrorMessage,ErrorSource|true|mod_soimageinfo', "$what: the error body");
    Test::More::is($body->{ErrorType} // '', $type, "$what: $type");
    Test::More::like($body->{ErrorMessage} // '', $like, "$what: the message says why");
    return 4;
}

# A microsecond timestamp as the module writes dates.
sub iso {
    my ($us) = @_;
    my $s = int($us / 1_000_000);
    $s-- if $us < 0 && $us % 1_000_000;
    return POSIX::strftime('%Y-%m-%dT%H:%M:%S', gmtime $s) . sprintf('.%06d0Z', $us - $s * 1_000_000);
}

# The Associate object the module writes for an associate row.
sub associate_json {
    my ($id) = @_;
    my $a = db()->selectrow_hashref('SELECT * FROM associate WHERE associate_id = ?', undef, $id) or return undef;
    my @types = qw(Unknown InternalAssociate ResourceAssociate ExternalAssociate AnonymousAssociate SystemAssociate);
    return { AssociateId => $a->{associate_id}, Name => $a->{name}, PersonId => $a->{person_id},
             Rank => $a->{rank}, Tooltip => $a->{tooltip}, Type => $types[$a->{type}] // 'Unknown',
             GroupIdx => $a->{group_idx}, FullName => $a->{full_name}, FormalName => $a->{formal_name},
             Deleted => $a->{deleted} ? JSON::PP::true : JSON::PP::false, EjUserId => $a->{ejuser_id},
             UserName => $a->{user_name} };
}

# A body sent with chunked transfer coding, one chunk per piece.
sub chunks {
    my @pieces = @_;
    return sub { @pieces ? shift @pieces : '' };
}

# Sends raw bytes on a new connection and returns what comes back, reading
# until the server closes, $done matches, or $wait seconds pass.
sub raw_exchange {
    my ($bytes, $wait, $done) = @_;
    require IO::Socket::INET;
    require IO::Select;
    require Time::HiRes;
    my $sock = IO::Socket::INET->new(PeerAddr => Apache::TestRequest::hostport(), Timeout => 5) or die "connect: $!";
    print $sock $bytes;
    my ($out, $sel) = ('', IO::Select->new($sock));
    my $until = Time::HiRes::time() + $wait;
    while ((my $left = $until - Time::HiRes::time()) > 0) {
        last if $done && $out =~ $done;
        next unless $sel->can_read($left);
        my $n = sysread($sock, my $buf, 65536);
        last unless $n;
        $out .= $buf;
    }
    close $sock;
    return $out;
}

# How many responses a raw exchange holds: the status lines in it.
sub status_lines {
    my ($raw) = @_;
    # Not anchored: a second response may follow a body without a newline.
    my @lines = $raw =~ m{HTTP/1\.[01] (\d{3}) }g;
    return @lines;
}

# A raw HTTP/1.1 request with the given method, path, headers (array of
# [name, value]) and body bytes, sent on a new connection; returns all the
# server sent until it closed or $wait seconds passed.
sub raw_request {
    my ($method, $path, $headers, $body, $wait) = @_;
    my $req = "$method $path HTTP/1.1\r\nHost: " . Apache::TestRequest::hostport() . "\r\n";
    $req .= "$_->[0]: $_->[1]\r\n" for @$headers;
    return raw_exchange($req . "\r\n" . ($body // ''), $wait // 5);
}

# A log file from a mark on: log_since($file, log_mark($file)) after the
# fact holds what was written meanwhile. The logs: pg_log (PostgreSQL's),
# and t/logs/error_log and access_log (httpd's).
sub pg_log { return "$ENV{SOI_TEST_PGDIR}/postgresql.log" }

sub log_mark {
    my ($file) = @_;
    return -s $file // 0;
}

sub log_since {
    my ($file, $mark) = @_;
    open my $fh, '<', $file or return '';
    seek $fh, $mark, 0;
    local $/;
    return <$fh> // '';
}

# The sessions of application_name $app waiting on a lock in PostgreSQL,
# once there are at least $n (default 1) or after 5 s: how a test knows that
# the request it sent is blocked behind the row lock it holds.
sub lock_waiters {
    my ($app, $n) = @_;
    my $waiting = 0;
    for (1 .. 100) {
        $waiting = db()->selectrow_array(q{SELECT count(*) FROM pg_stat_activity
                                            WHERE application_name = ? AND wait_event_type = 'Lock'}, undef, $app);
        last if $waiting >= ($n // 1);
        Time::HiRes::sleep(0.05);
    }
    return $waiting;
}

sub pg_ctl {
    my ($action) = @_;
    my $dir = $ENV{SOI_TEST_PGDIR} or die "SOI_TEST_PGDIR is not set";
    system("$ENV{SOI_TEST_TOP}/scripts/pg-throwaway", $action, $dir) == 0
        or die "pg-throwaway $action failed";
}


# ---- keep-alive connections of chosen processes ------------------------------------------

# A connection to a virtual host of the suite's configuration.
my %hostport;
sub open_to {
    my ($vhost) = @_;
    $hostport{$vhost} //= do {
        local $Apache::TestRequest::Module = $vhost;
        Apache::TestRequest::hostport();
    };
    require IO::Socket::INET;
    my $sock = IO::Socket::INET->new(PeerAddr => $hostport{$vhost}, Timeout => 5)
        or die "cannot connect to $vhost at $hostport{$vhost}: $!";
    return $sock;
}

# The bytes of a request as tje0; $body may be given only in part.
sub request_bytes {
    my ($method, $path, $headers, $body) = @_;
    my $req = "$method $path HTTP/1.1\r\nHost: localhost\r\nAuthorization: " . basic('tje0', 'Tje0') . "\r\n";
    $req .= "$_\r\n" for @{ $headers // [] };
    return "$req\r\n" . ($body // '');
}

sub entity_request {
    my ($method, $path, $type, $body) = @_;
    return request_bytes($method, $path, ["Content-Type: $type", 'Content-Length: ' . length $body], $body);
}

# One reply from a connection kept open (read by its Content-Length), as an
# HTTP::Response; undef when none came within $wait seconds.
sub read_reply {
    my ($sock, $wait) = @_;
    require IO::Select;
    require HTTP::Response;
    my ($buf, $sel, $until) = ('', IO::Select->new($sock), Time::HiRes::time() + $wait);
    while (1) {
        if ($buf =~ m{\A(HTTP/1\.[01] (\d{3}) ([^\r]*)\r\n(.*?)\r\n\r\n)}s) {
            my ($head, $code, $reason, $fields) = ($1, $2, $3, $4);
            my @h = map { /^([^:]+):\s*(.*)$/ ? ($1, $2) : () } split /\r\n/, $fields;
            my %h = @h;
            my ($len) = map { $h{$_} } grep { lc eq 'content-length' } keys %h;
            return HTTP::Response->new($code, $reason, \@h, substr($buf, length $head, $len // 0))
                if length($buf) >= length($head) + ($len // 0);
        }
        my $left = $until - Time::HiRes::time();
        return undef if $left <= 0 || !$sel->can_read($left);
        sysread($sock, $buf, 65536, length $buf) or return undef;
    }
}

# The status page's lines per process: pid (or "all") => {busy, open, idle,
# waits, joined, timeouts, requests, ...}.
sub processes {
    my %p;
    for (call(GET => '/soi-status?auto', auth => undef)->content =~ /^SoImageInfoProcess: (.*)$/mg) {
        my ($pid, @kv) = split ' ';
        $p{$pid} = {@kv};
    }
    return \%p;
}

# $n keep-alive connections of $vhost that one process serves, each used
# once for a GET of $path: (its pid, those connections, every connection
# made). Which process a connection landed on shows on the status page (the
# process whose request count grew). The event MPM's maintenance (once a
# second) may stop a process it finds spare, closing its keep-alive
# connections: they are made once the processes have held still for over a
# second. The MPM may start processes meanwhile (five were seen in one
# run): up to 10n connections are made.
sub connections_on_one_process {
    my ($vhost, $n, $path) = @_;
    my ($set, $since) = ('', Time::HiRes::time());
    for (1 .. 100) {
        my $now = join ',', sort grep { $_ ne 'all' } keys %{ processes() };
        ($set, $since) = ($now, Time::HiRes::time()) if $now ne $set;
        last if Time::HiRes::time() - $since >= 1.1;
        Time::HiRes::sleep(0.1);
    }
    my (%on, @all);
    my $seen = processes();
    for (1 .. 10 * $n) {
        my $sock = open_to($vhost);
        push @all, $sock;
        print $sock request_bytes(GET => $path);
        my $res = read_reply($sock, 5);
        die "a GET of $vhost failed: " . ($res ? $res->status_line : 'no answer') unless $res && $res->code == 200;
        my $now = processes();
        my @grew = grep { $_ ne 'all' && $now->{$_}{requests} > ($seen->{$_}{requests} // 0) } keys %$now;
        $seen = $now;
        die 'no one process answered the GET: ' . join(',', @grew) unless @grew == 1;
        push @{ $on{ $grew[0] } }, $sock;
        return ($grew[0], $on{ $grew[0] }, \@all) if @{ $on{ $grew[0] } } == $n;
    }
    Test::More::diag('connections per process: ' . join(', ', map { "$_: " . scalar @{ $on{$_} } } sort keys %on));
    return (undef, [], \@all);
}

1;
