# The hostile corpus: every request of t/hostile/*.pl (malformed framing,
# headers, paths, bodies, credentials; each file's head says what it
# holds) sent on a connection of its own over a raw socket, and those of
# t/hostile/pipelined.pl two or three to a connection. For each: exactly
# one final response per request answered (the status lines are counted
# until the server closes the connection), the status the corpus names
# (4xx; a 2xx only where the corpus says why), and, when the module
# answered, the SPEC's error body in JSON, or in XML where XML was
# negotiated; when httpd's core answered, that it did (%HTTPD below says
# why it does). The database, every table and sequence, is the same after
# each group and after the whole replay as before it.
#
# The client sends each request whole and then shuts its side down
# (SHUT_WR): the server meets the end of the input where a request is cut
# short, answers, and closes, so that counting never waits for a keep-alive
# time-out.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use Digest::SHA qw(sha256_hex);
use Encode ();
use File::Basename qw(dirname);
use File::Spec ();
use IO::Select;
use IO::Socket::INET;
use JSON::PP ();
use Time::HiRes ();

# Requests that httpd answers itself, before the module's handler runs (or
# where it never runs): the corpus names the reason by its key.
my %HTTPD = (
    'content-length' => 'a Content-Length that is not one decimal number (twice, a list, signed, hex, exponent, '
        . 'beyond 64 bits, empty) is refused by ap_read_request while it reads the header section',
    'field-size' => 'a header line past LimitRequestFieldSize (8190 bytes) is refused while the header section is read',
    'field-count' => 'more than LimitRequestFields (100) header fields are refused while the header section is read',
    'field-syntax' => 'a header line that breaks the field grammar (a control character, no colon, a space before '
        . 'the colon, an empty name, a fold before the first field, LF alone as line end) is refused under '
        . 'HttpProtocolOptions Strict while the header section is read',
    'request-line' => 'a request line past LimitRequestLine (8190 bytes) is a 414 before anything else is read',
    'request-line-syntax' => 'a request line that is not "method SP target SP HTTP/x.y" (tabs, two spaces, a '
        . 'lower-case version, a control character in the method, a space in the path) is refused under '
        . 'HttpProtocolOptions Strict',
    'request-target' => 'a target httpd cannot map to a path (above the root, a fragment, a broken percent escape, '
        . '"*" for a method other than OPTIONS, an authority or another scheme, no leading slash) is refused '
        . 'before the translate_name hooks run',
    'encoded-path' => '%00 or an encoded "/" in the path is refused by ap_unescape_url (AllowEncodedSlashes Off) '
        . 'with a 404 before the handler runs',
    'outside-mount' => 'a path outside every <Location> with SetHandler soimageinfo (Location paths are '
        . 'case-sensitive: /API is not /api) goes to httpd\'s default handler, which finds no file',
    'host' => 'HTTP/1.1 without Host, with Host twice, or with a Host that is no host name is refused by ap_read_request',
    'expect' => 'an Expect other than 100-continue is a 417 from ap_read_request',
    'other-auth' => 'at /apacheauth, mod_auth_basic (AuthType Basic, Require valid-user) checks the credentials '
        . 'before the handler runs and answers a refusal itself: its 401, or a 400 when it then finds the '
        . 'framing of the request body broken',
    'connect' => 'CONNECT to an authority is refused with a 405 by httpd\'s core when no module (mod_proxy) '
        . 'serves it: it names no path a handler could serve',
);

my %ERROR_TYPE = (400 => 'SoValidationException', 401 => 'SoAuthenticationException', 403 => 'SoAccessDeniedException',
                  404 => 'SoNotFoundException', 405 => 'SoMethodNotAllowedException', 406 => 'SoNotAcceptableException',
                  409 => 'SoConflictException', 412 => 'SoPreconditionFailedException',
                  413 => 'SoRequestTooLargeException', 415 => 'SoUnsupportedMediaTypeException',
                  416 => 'SoRangeNotSatisfiableException');

# The picture of contact 990 that the corpus expects: 100 bytes of PNG.
my $PICTURE = "\x89PNG\r\n\x1a\n" . join('', map { chr } 0 .. 91);

# ---- the corpus ------------------------------------------------------------------
my $dir = File::Spec->rel2abs(dirname(__FILE__) . '/../hostile');
my (@groups, %count);
for my $file (sort glob("$dir/*.pl")) {
    my ($group) = $file =~ m{([^/]+)\.pl\z};
    my $cases = do $file;
    die "t/hostile/$group.pl: " . ($@ || $! || 'no list of requests') . "\n" unless ref $cases eq 'ARRAY';
    my %seen;
    for my $c (@$cases) {
        my $what = "t/hostile/$group.pl: " . ($c->{name} // '(no name)');
        die "$what: no name or no request\n" unless defined $c->{name} && defined $c->{raw} && length $c->{raw};
        die "$what: the name is used twice\n" if $seen{ $c->{name} }++;
        if ($c->{statuses}) {
            die "$what: fewer requests than answers\n" if ($c->{requests} // 0) < @{ $c->{statuses} };
            die "$what: a status that is not 4xx\n" if grep { $_ < 400 || $_ > 499 } @{ $c->{statuses} };
            die "$what: an httpd reason that is not in %HTTPD\n" if grep { !$HTTPD{$_} } values %{ $c->{httpd} // {} };
            next;
        }
        die "$what: the httpd reason \"$c->{httpd}\" is not in %HTTPD\n" if $c->{httpd} && !$HTTPD{ $c->{httpd} };
        die "$what: the status must be 4xx, or 2xx with the reason it is one\n"
            unless ($c->{status} >= 400 && $c->{status} <= 499 && !$c->{ok})
            || ($c->{ok} && $c->{status} >= 200 && $c->{status} <= 299);
    }
    push @groups, [$group, $cases];
    $count{$group} = @$cases;
}
my $requests = 0;
$requests += $_->{requests} // 1 for map { @{ $_->[1] } } @groups;
my $cases = 0;
$cases += $count{$_} for keys %count;

plan tests => 3 + 3 * $cases + @groups + 1;

note(join(', ', map { "$_ $count{$_}" } sort keys %count) . ": $cases cases, $requests requests");
cmp_ok($requests, '>=', 300, "the corpus holds at least 300 requests ($requests)");

# ---- what the corpus expects in the database ----------------------------------------
my $res = call(PUT => '/api/v1/Contact/990/Image', type => 'image/png', body => $PICTURE);
is($res->code, 200, 'contact 990 has the 100-byte picture the corpus expects');
for my $t (['7T:hostile-corpus-session', 'SOTicket', 'hostile-corpus-xsrf', '1 hour', 0],
           ['8A:hostile-corpus-bearer', 'Bearer', '', '1 hour', 0],
           ['7T:hostile-corpus-expired', 'SOTicket', '', '-1 hour', 0],
           ['7T:hostile-corpus-revoked', 'SOTicket', '', '1 hour', 1]) {
    my ($token, $scheme, $xsrf, $valid, $revoked) = @$t;
    db()->do(q{INSERT INTO soi_ticket (token_sha256, associate_id, scheme, xsrf_token, expires, revoked)
               VALUES (?, 1, ?, ?, now() + ?::interval, ?)
               ON CONFLICT (token_sha256) DO UPDATE SET expires = excluded.expires, revoked = excluded.revoked},
             undef, sha256_hex($token), $scheme, $xsrf eq '' ? '' : sha256_hex($xsrf), $valid, $revoked ? 1 : 0);
}
db()->do(q{INSERT INTO soi_app (token_sha256, name, revoked) VALUES (?, 'hostile corpus', true)
           ON CONFLICT (token_sha256) DO UPDATE SET revoked = true}, undef, sha256_hex('hostile-corpus-app'));

# Every table and sequence of the schema: each table as the MD5 of its
# rows in order, each sequence as its position, in one string.
sub checksum {
    my $dbh = db();
    my $rel = $dbh->selectall_arrayref(q{
        SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') ORDER BY c.relname});
    my @parts;
    for my $r (@$rel) {
        my ($name, $kind) = @$r;
        my $q = $dbh->quote_identifier(undef, 'public', $name);
        push @parts, "$name=" . ($kind eq 'S'
            ? join('/', $dbh->selectrow_array("SELECT last_value, is_called FROM $q"))
            : $dbh->selectrow_array("SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM $q t"));
    }
    return join(' ', @parts);
}
my $before = checksum();
like($before, qr/\bbinaryobject=[0-9a-f]{32} .*\bcontact=[0-9a-f]{32} .*\bsoi_audit=[0-9a-f]{32} .*\bsoi_ticket=[0-9a-f]{32}/,
     'the checksum covers binaryobject, binaryobjectlink, contact, associate, soi_audit, soi_ticket and the rest');

# ---- the exchange ----------------------------------------------------------------
# Sends the bytes, shuts the sending side, and reads until the server
# closes (or 15 s pass: a hang). Returns what came back and whether the
# server closed.
sub exchange {
    my ($bytes) = @_;
    local $SIG{PIPE} = 'IGNORE';
    my $sock = IO::Socket::INET->new(PeerAddr => Apache::TestRequest::hostport(), Timeout => 5) or die "connect: $!";
    # A server that answers before the request is whole stops reading it
    # (a write may then fail); what it has not read, its lingering close
    # drains.
    for (my $at = 0; $at < length $bytes;) {
        my $n = syswrite($sock, $bytes, 65536, $at);
        last unless $n;
        $at += $n;
    }
    shutdown($sock, 1);
    my ($out, $sel, $closed) = ('', IO::Select->new($sock), 0);
    my $until = Time::HiRes::time() + 15;
    while ((my $left = $until - Time::HiRes::time()) > 0) {
        last unless $sel->can_read($left);
        my $n = sysread($sock, my $buf, 65536);
        if (!$n) {
            $closed = 1;
            last;
        }
        $out .= $buf;
    }
    close $sock;
    return ($out, $closed);
}

# Splits what came back into responses, each {status, head, headers, body}
# (the answers to HEAD, 1xx, 204 and 304 have no body). Returns them and
# whatever is left that is no response.
sub responses {
    my ($raw, @heads) = @_;
    my ($final, @out) = (0);
    while ($raw =~ m{\A(HTTP/1\.[01] (\d{3})[^\r\n]*\r\n((?:[^\r\n]+\r\n)*)\r\n)}) {
        my ($head, $status, $fields) = ($1, $2, $3);
        my %h;
        for my $line (split /\r\n/, $fields) {
            my ($n, $v) = $line =~ /^([^:]+):\s*(.*)$/ or next;
            push @{ $h{ lc $n } }, $v;
        }
        substr($raw, 0, length $head) = '';
        my $body = '';
        if (!($status < 200 || $status == 204 || $status == 304 || ($heads[$final] // 0))) {
            if (defined $h{'content-length'}) {
                $body = substr($raw, 0, $h{'content-length'}[0], '');
            } elsif (($h{'transfer-encoding'}[0] // '') =~ /chunked/i) {
                while ($raw =~ s/\A([0-9a-fA-F]+)[^\r\n]*\r\n//) {
                    my $n = hex $1;
                    $body .= substr($raw, 0, $n, '');
                    $raw =~ s/\A\r\n//;
                    last if $n == 0;
                }
            } else {
                ($body, $raw) = ($raw, '');
            }
        }
        push @out, { status => $status, head => $head, headers => \%h, body => $body };
        $final++ if $status >= 200;
    }
    return (\@out, $raw);
}

sub header { my ($r, $name) = @_; return join(', ', @{ $r->{headers}{ lc $name } // [] }) }

# What is wrong with a response the module gave to case $c (a $method
# request): nothing, or the list of it.
sub module_answer {
    my ($r, $c, $method) = @_;
    my @bad;
    my $status = $r->{status};
    my $type = header($r, 'Content-Type');
    push @bad, "Content-Type \"$type\""
        unless $c->{xml} ? $type =~ m{^(?:application|text)/xml; charset=utf-8$}
                         : $type =~ m{^(?:(?:application|text)/json|application/(?:json-patch|merge-patch)\+json); charset=utf-8$};
    push @bad, 'no Content-Length' unless header($r, 'Content-Length') =~ /^\d+$/;
    push @bad, 'no Content-Language' unless header($r, 'Content-Language') =~ /^[a-z]{2}$/;
    push @bad, 'Content-Language ' . header($r, 'Content-Language') . ", not $c->{lang}"
        if $c->{lang} && header($r, 'Content-Language') ne $c->{lang};
    push @bad, 'no WWW-Authenticate with Basic' if $status == 401 && header($r, 'WWW-Authenticate') !~ /Basic realm="/;
    push @bad, 'no Allow' if $status == 405 && header($r, 'Allow') !~ /\bOPTIONS\z/;
    push @bad, 'no Content-Range' if $status == 416 && header($r, 'Content-Range') ne 'bytes */' . length $PICTURE;
    if ($method eq 'HEAD') {
        push @bad, 'a body after HEAD' if length $r->{body};
        return @bad;
    }
    my $body = $r->{body};
    push @bad, 'the body is not UTF-8' unless eval { Encode::decode('UTF-8', my $copy = $body, Encode::FB_CROAK); 1 };
    my ($etype, $message);
    if ($c->{xml}) {
        if ($body =~ m{\A<\?xml\ version="1\.0"\ encoding="utf-8"\?><Error\ xmlns:i="http://www\.w3\.org/2001/XMLSchema-instance">
                       <Error>true</Error><ErrorType>(\w+)</ErrorType><ErrorMessage>([^<>]*)</ErrorMessage>
                       <ErrorSource>mod_soimageinfo</ErrorSource></Error>\z}x) {
            ($etype, $message) = ($1, $2);
            push @bad, 'an unknown entity in the message' if $message =~ /&(?!(?:amp|lt|gt|quot|apos);)/;
            my %ent = (amp => '&', lt => '<', gt => '>', quot => '"', apos => "'");
            $message =~ s/&(amp|lt|gt|quot|apos);/$ent{$1}/g;
            $message = Encode::decode('UTF-8', $message);
        } else {
            push @bad, 'not the SPEC\'s XML error';
        }
    } else {
        my $e = eval { JSON::PP->new->utf8->decode($body) };
        if (ref $e eq 'HASH' && join(',', top_keys($body)) eq 'Error,ErrorType,ErrorMessage,ErrorSource'
            && JSON::PP::is_bool($e->{Error}) && $e->{Error} && ($e->{ErrorSource} // '') eq 'mod_soimageinfo') {
            ($etype, $message) = ($e->{ErrorType} // '', $e->{ErrorMessage} // '');
        } else {
            push @bad, 'not the SPEC\'s JSON error';
        }
    }
    if (defined $etype) {
        push @bad, "ErrorType $etype" if $etype ne ($ERROR_TYPE{$status} // '?');
        push @bad, 'an empty message' if $message eq '';
        push @bad, "the message \"$message\" is not $c->{like}" if $c->{like} && $message !~ $c->{like};
    }
    return @bad;
}

# Checks what came back on one connection: @expect holds [status, case,
# method, httpd reason or undef] for each request that is to be answered,
# in order; $sent is how many were sent. Three tests: the count of
# responses, their statuses, and who answered with what.
sub answered {
    my ($what, $raw, $closed, $sent, @expect) = @_;
    my ($resps, $rest) = responses($raw, map { $_->[2] eq 'HEAD' ? 1 : 0 } @expect);
    my @finals = grep { $_->{status} >= 200 } @$resps;
    my @interim = grep { $_->{status} < 200 } @$resps;
    my $continue = () = $expect[0][1]{raw} =~ /^Expect: 100-continue\r$/mgi;
    my @bad;
    push @bad, 'the server did not close the connection within 15 s' unless $closed;
    push @bad, 'bytes that are no response: ' . substr($rest, 0, 120) if length $rest;
    push @bad, scalar(status_lines($raw)) . ' status lines in the bytes, but ' . @$resps . ' responses'
        if status_lines($raw) != @$resps;
    push @bad, 'interim responses ' . join(',', map { $_->{status} } @interim) . ' unasked for'
        if grep({ $_->{status} != 100 } @interim) || @interim > $continue;
    push @bad, @finals . ' responses where ' . @expect . ' were expected' if @finals != @expect;
    # Fewer answers than requests only when the last answer closed the connection.
    push @bad, 'fewer answers than requests, and no "Connection: close"'
        if @finals < $sent && @finals && header($finals[-1], 'Connection') !~ /close/i;
    ok(!@bad, "$what: " . ($sent == 1 ? 'exactly one response' : @expect . " responses to $sent requests"))
        or diag(join("\n", @bad, substr($raw, 0, 600)));

    is(join(',', map { $_->{status} } @finals), join(',', map { $_->[0] } @expect),
       "$what: status " . join(', ', map { $_->[0] } @expect));

    @bad = ();
    for my $i (0 .. $#expect) {
        my $r = $finals[$i] or last;
        my (undef, $c, $method, $httpd) = @{ $expect[$i] };
        my $n = @expect > 1 ? "response $i: " : '';
        push @bad, "${n}a header smuggled in" if $r->{head} =~ /^(?:X-Injected|Set-Cookie):/mi;
        if ($c->{ok}) {
            push @bad, "${n}not the whole picture"
                unless $r->{status} == 200 && header($r, 'Content-Type') eq 'image/png' && $r->{body} eq $PICTURE;
        } elsif ($httpd) {
            push @bad, "${n}the module's answer, where httpd's was expected ($httpd)"
                if $r->{body} =~ /mod_soimageinfo/ || header($r, 'Content-Language') ne '';
            push @bad, "${n}not httpd's page" if $method ne 'HEAD' && header($r, 'Content-Type') !~ m{^text/html};
        } else {
            push @bad, map { "$n$_" } module_answer($r, $c, $method);
        }
    }
    my ($c, $httpd) = @{ $expect[0] }[1, 3];
    my $says = @expect > 1 ? 'each answer from the module (or httpd) as the corpus says'
        : $c->{ok} ? "a 2xx: $c->{ok}"
        : $httpd ? "answered by httpd itself: $HTTPD{$httpd}"
        : 'the SPEC\'s error body' . ($c->{xml} ? ' in XML' : '');
    ok(!@bad, "$what: $says") or diag(join("\n", @bad, substr($raw, 0, 600)));
}

sub method_of { my ($raw) = @_; return $raw =~ /\A([^ \r\n]*)/ ? $1 : '' }

# ---- the replay ------------------------------------------------------------------
my $start = Time::HiRes::time();
for my $g (@groups) {
    my ($group, $list) = @$g;
    my $t0 = Time::HiRes::time();
    for my $c (@$list) {
        my ($raw, $closed) = exchange($c->{raw});
        if ($c->{statuses}) {
            my @methods = @{ $c->{methods} // [] };
            my %httpd = %{ $c->{httpd} // {} };
            answered("$group: $c->{name}", $raw, $closed, $c->{requests},
                     map { [$c->{statuses}[$_], $c, $methods[$_] // 'GET', $httpd{$_}] } 0 .. $#{ $c->{statuses} });
        } else {
            answered("$group: $c->{name}", $raw, $closed, 1, [$c->{status}, $c, method_of($c->{raw}), $c->{httpd}]);
        }
    }
    is(checksum(), $before, sprintf('%s: the database is unchanged after its %d cases (%.1f s)', $group, scalar @$list,
                                    Time::HiRes::time() - $t0));
}
is(checksum(), $before, sprintf('the database is as it was after the whole replay of %d requests (%.1f s)', $requests,
                                Time::HiRes::time() - $start));
