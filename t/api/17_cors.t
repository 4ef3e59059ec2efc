# CORS (SoImageInfoCORSOrigin): preflights from listed origins are granted
# with a 204 and the Access-Control-Allow-* headers; every actual response to
# a listed origin, errors included, names that origin with credentials; an
# unlisted or missing Origin gets none of it, only Vary: Origin; a location
# without the directive sends no CORS header at all. Contacts 261..270.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

my $A = 'https://crm.example.com';
my $B = 'http://localhost:8080';
my $X = 'https://evil.example.net';
my $json = 'application/json';
my $allow = 'GET, HEAD, PUT, PATCH, OPTIONS';
my $allow_headers = 'Authorization, Content-Type, Accept, Accept-Language, X-XSRF-TOKEN, SO-AppToken, SO-Language, '
    . 'SO-Culture, SO-TimeZone, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since';
my $expose = 'ETag, Last-Modified, Retry-After, WWW-Authenticate, Allow';

# What a response says about CORS: every Access-Control-* header and Vary,
# each with all its values (a header sent twice shows as "a | b").
my @seen;
sub cors_of {
    my ($res) = @_;
    push @seen, $res;
    my %h;
    for my $name ($res->headers->header_field_names) {
        next unless $name =~ /^(access-control-|vary$)/i;
        $h{lc $name} = join(' | ', $res->headers->header($name));
    }
    return \%h;
}

# The headers each kind of answer must carry, exactly.
sub granted_preflight {
    my ($origin) = @_;
    return { 'access-control-allow-origin' => $origin, 'access-control-allow-methods' => $allow,
             'access-control-allow-headers' => $allow_headers, 'access-control-allow-credentials' => 'true',
             'access-control-max-age' => '600', vary => 'Accept,Origin' };
}
sub allowed {
    my ($origin) = @_;
    return { 'access-control-allow-origin' => $origin, 'access-control-allow-credentials' => 'true',
             'access-control-expose-headers' => $expose, vary => 'Accept,Origin' };
}
my $vary_only = { vary => 'Accept,Origin' };
my $no_cors = { vary => 'Accept' };

sub preflight {
    my ($path, $origin, $method, $headers) = @_;
    my %h = ('Access-Control-Request-Method' => $method);
    $h{Origin} = $origin if defined $origin;
    $h{'Access-Control-Request-Headers'} = $headers if defined $headers;
    return call(OPTIONS => $path, auth => undef, headers => \%h);
}

# ---- Preflights ------------------------------------------------------------
my @preflights = (
    # what, path, Origin, Access-Control-Request-Method, -Headers, status, headers
    ['PUT from a listed origin', '/cors/v1/Contact/265/ImageInfo', $A, 'PUT', 'authorization,content-type', 204,
     granted_preflight($A)],
    ['PATCH from the other listed origin', '/cors/v1/Contact/265/ImageInfo', $B, 'PATCH',
     'authorization,content-type,if-match', 204, granted_preflight($B)],
    ['GET with Authorization', '/cors/v1/Contact/265/ImageInfo', $A, 'GET', 'authorization', 204,
     granted_preflight($A)],
    ['HEAD, no headers asked for', '/cors/v1/Contact/265/ImageInfo', $A, 'HEAD', undef, 204, granted_preflight($A)],
    ['OPTIONS', '/cors/v1/Contact/265/ImageInfo', $A, 'OPTIONS', undef, 204, granted_preflight($A)],
    ['every header of the list, in lower case', '/cors/v1/Contact/265/ImageInfo', $A, 'PUT',
     lc(join(',', split /, /, $allow_headers)), 204, granted_preflight($A)],
    ['the list in any case and spacing', '/cors/v1/contact/265/imageinfo/', $A, 'PUT',
     ' Authorization ,SO-APPTOKEN,, x-xsrf-token ', 204, granted_preflight($A)],
    ['a header outside the list', '/cors/v1/Contact/265/ImageInfo', $A, 'PUT', 'authorization,x-custom', 200,
     $vary_only],
    ['Content-Language is not in the list', '/cors/v1/Contact/265/ImageInfo', $A, 'GET', 'content-language', 200,
     $vary_only],
    ['a method the route does not serve', '/cors/v1/Contact/265/ImageInfo', $A, 'DELETE', undef, 200, $vary_only],
    ['POST', '/cors/v1/Contact/265/ImageInfo', $A, 'POST', 'content-type', 200, $vary_only],
    ['a method in lower case ("patch" is not PATCH)', '/cors/v1/Contact/265/ImageInfo', $A, 'patch', undef, 200,
     $vary_only],
    ['an empty method', '/cors/v1/Contact/265/ImageInfo', $A, '', undef, 200, $vary_only],
    ['an unlisted origin', '/cors/v1/Contact/265/ImageInfo', $X, 'PUT', 'authorization', 200, $vary_only],
    ['an origin in upper case', '/cors/v1/Contact/265/ImageInfo', 'https://CRM.example.com', 'PUT', undef, 200,
     $vary_only],
    ['a scheme in upper case', '/cors/v1/Contact/265/ImageInfo', 'HTTPS://crm.example.com', 'PUT', undef, 200,
     $vary_only],
    ['an origin with a trailing slash', '/cors/v1/Contact/265/ImageInfo', "$A/", 'PUT', undef, 200, $vary_only],
    ['an origin with a path', '/cors/v1/Contact/265/ImageInfo', "$A/app", 'PUT', undef, 200, $vary_only],
    ['an origin with its default port', '/cors/v1/Contact/265/ImageInfo', "$A:443", 'PUT', undef, 200, $vary_only],
    ['the other scheme', '/cors/v1/Contact/265/ImageInfo', 'http://crm.example.com', 'PUT', undef, 200,
     $vary_only],
    ['a prefix of a listed origin', '/cors/v1/Contact/265/ImageInfo', 'https://crm.example.co', 'PUT', undef, 200,
     $vary_only],
    ['"null"', '/cors/v1/Contact/265/ImageInfo', 'null', 'PUT', undef, 200, $vary_only],
    ['two origins in one header', '/cors/v1/Contact/265/ImageInfo', "$A $B", 'PUT', undef, 200, $vary_only],
    ['no Origin', '/cors/v1/Contact/265/ImageInfo', undef, 'PUT', 'authorization', 200, $vary_only],
    ['a location without the directive', '/api/v1/Contact/265/ImageInfo', $A, 'PUT', 'authorization', 200,
     $no_cors],
    ['a path that is no route', '/cors/v1/Nothing', $A, 'PUT', undef, 404, $vary_only],
    ['a bad contact id', '/cors/v1/Contact/x/ImageInfo', $A, 'PUT', undef, 400, $vary_only],
    ['a nested location: its own origin', '/cors/v1/Contact/270/ImageInfo', 'https://other.example.org', 'PUT',
     'authorization', 204, granted_preflight('https://other.example.org')],
    ['a nested location: the outer list no longer applies', '/cors/v1/Contact/270/ImageInfo', $A, 'PUT',
     'authorization', 200, $vary_only],
);

# ---- Actual responses ------------------------------------------------------
# Per kind of caller: the base path, the Origin sent, the headers expected,
# a contact of its own (no picture yet: the PUT creates it), and what paths
# outside that contact's nested Location answer, when they differ.
my @callers = (
    ['a listed origin', '/cors', $A, allowed($A), 261],
    ['the other listed origin', '/cors', $B, allowed($B), 262],
    ['an unlisted origin', '/cors', $X, $vary_only, 263],
    ['no Origin', '/cors', undef, $vary_only, 264],
    ['"null"', '/cors', 'null', $vary_only, 267],
    ['a location without the directive', '/api', $A, $no_cors, 266],
    ['a nested location with its own list', '/cors', 'https://other.example.org', allowed('https://other.example.org'),
     270, $vary_only],
);
# what, method, path below the base ({c}: the caller's contact), options, status
my @requests = (
    ['200 PUT', PUT => '/v1/Contact/{c}/ImageInfo', { type => $json, body => '{"Description":"cors"}' }, 200],
    ['200 GET', GET => '/v1/Contact/{c}/ImageInfo', {}, 200],
    ['304 GET', GET => '/v1/Contact/{c}/ImageInfo', { etag => 1 }, 304],
    ['401', GET => '/v1/Contact/{c}/ImageInfo', { auth => undef }, 401],
    ['401, wrong password', PUT => '/v1/Contact/{c}/ImageInfo', { auth => ['tje0', 'wrong'], type => $json,
                                                                  body => '{}' }, 401],
    ['403', PUT => '/v1/Contact/{c}/ImageInfo', { auth => ['reader', 'Reader1'], type => $json, body => '{}' }, 403],
    ['404, no route', GET => '/v1/Nothing', {}, 404],
    ['404, deleted contact', GET => '/v1/Contact/299/ImageInfo', {}, 404],
    ['405', DELETE => '/v1/Contact/{c}/ImageInfo', {}, 405],
    ['406', GET => '/v1/Contact/{c}/ImageInfo', { headers => { Accept => 'image/png' } }, 406],
    ['413', PUT => '/v1/Contact/{c}/ImageInfo', { type => $json, body => '{"Description":"' . ('x' x 70000) . '"}' },
     413],
    ['415', PUT => '/v1/Contact/{c}/ImageInfo', { type => 'text/plain', body => 'x' }, 415],
    ['OPTIONS without a preflight', OPTIONS => '/v1/Contact/{c}/ImageInfo', { auth => undef }, 200],
);

plan tests => 3 * @preflights + 2 * @callers * @requests + 3 * @callers + 8;

my $before = snapshot(265);
for my $p (@preflights) {
    my ($what, $path, $origin, $method, $headers, $status, $want) = @$p;
    $want = { %$want, vary => $want->{vary} =~ s/^Accept/Accept,Accept-Language,SO-Language/r } if $status >= 400;
    my $res = preflight($path, $origin, $method, $headers);
    is($res->code, $status, "preflight, $what: status $status");
    is_deeply(cors_of($res), $want, "preflight, $what: the CORS headers") or diag(explain(cors_of($res)));
    if ($status >= 400) {
        like($res->content, qr/"ErrorType"/, "preflight, $what: the error body");
    } else {
        is(($res->header('Allow') // '') . '|' . $res->content, "$allow|", "preflight, $what: Allow, no body");
    }
}
# On the wire: one answer, a 204 without a body or Content-Length.
my $raw = raw_request(OPTIONS => '/cors/v1/Contact/265/ImageInfo',
                      [['Origin', $A], ['Access-Control-Request-Method', 'PUT'], ['Connection', 'close']]);
is(join(',', status_lines($raw)), '204', 'a granted preflight: one response, 204') or diag($raw);
my ($head, $rest) = split /\r\n\r\n/, $raw, 2;
ok($head !~ /^Content-Length:/mi && ($rest // '') eq '', 'without Content-Length or body') or diag($raw);
is(snapshot(265), $before, 'preflights change nothing in the database');
is(picture_of(265), undef, 'and create no picture');

for my $c (@callers) {
    my ($who, $base, $origin, $want_here, $contact, $want_elsewhere) = @$c;
    my $etag;
    for my $r (@requests) {
        my ($what, $method, $path, $opt, $status) = @$r;
        my %o = %$opt;
        my $want = $path =~ s/\{c\}/$contact/ || !$want_elsewhere ? $want_here : $want_elsewhere;
        # An error's message is in a language: its Vary says so too.
        $want = { %$want, vary => $want->{vary} =~ s/^Accept/Accept,Accept-Language,SO-Language/r } if $status >= 400;
        my %h = %{ delete $o{headers} || {} };
        $h{Origin} = $origin if defined $origin;
        $h{'If-None-Match'} = $etag if delete $o{etag};
        my $res = call($method => "$base$path", %o, headers => \%h);
        is($res->code, $status, "$who, $what: status $status");
        is_deeply(cors_of($res), $want, "$who, $what: the CORS headers") or diag(explain(cors_of($res)));
        if ($what eq '200 GET') {
            $etag = $res->header('ETag');
            like($etag // '', qr/^"[\w-]{22}"$/, "$who: the GET has an ETag (for the script to read)");
        } elsif ($what eq '401') {
            like($res->header('WWW-Authenticate') // '', qr/^Basic /, "$who: the 401 challenges");
        } elsif ($what eq '405') {
            is($res->header('Allow') // '', $allow, "$who: the 405 says Allow");
        }
    }
}

# Never "*", never credentials without the very origin.
my ($stars, $lone) = (0, 0);
for my $res (@seen) {
    for my $name ($res->headers->header_field_names) {
        $stars++ if $name =~ /^access-control-/i && grep { /\*/ } $res->headers->header($name);
    }
    my $acao = $res->header('Access-Control-Allow-Origin');
    $lone++ if $res->header('Access-Control-Allow-Credentials')
        && !(defined $acao && $acao =~ m{^https?://[a-z0-9.-]+(:\d+)?$});
}
is($stars, 0, 'no response says "*" in an Access-Control-* header (' . scalar(@seen) . ' responses)');
is($lone, 0, 'credentials are allowed only together with one named origin');
ok((grep { picture_of($_) } 261 .. 264, 266, 267, 270) == 7, 'the PUTs created the pictures');
ok(!picture_of(268) && !picture_of(269), 'and nothing else');
