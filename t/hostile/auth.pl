# Bad credentials: malformed Basic base64, unknown schemes, schemes without
# their credentials, huge tokens, tokens with characters a token cannot
# have, unknown, expired and revoked tickets, bad cookies, bad SO-AppToken,
# and cookie sessions whose writes lack the XSRF value. Each refused login
# is a 401 with the challenges (the test checks WWW-Authenticate), whatever
# the route or method; a missing or wrong XSRF value is a 403; a refused
# write never reads its body. /basiconly accepts Basic alone; /apptoken
# requires SO-AppToken with tickets; at /apacheauth mod_auth_basic checks
# the credentials against httpd's own password file before the module runs.
#
# The test makes these rows before the replay (tokens are stored as their
# SHA-256): the SOTicket "7T:hostile-corpus-session" of tje0 with the XSRF
# value "hostile-corpus-xsrf", the Bearer token "8A:hostile-corpus-bearer",
# the expired SOTicket "7T:hostile-corpus-expired", the revoked SOTicket
# "7T:hostile-corpus-revoked", and the revoked application token
# "hostile-corpus-app".
package SoiHostile::Auth;
use strict;
use warnings;
use MIME::Base64 qw(encode_base64);

my $H = "Host: localhost\r\n";
my $II = '/api/v1/Contact/950/ImageInfo';
sub get { my ($auth, $path) = @_; return 'GET ' . ($path // $II) . " HTTP/1.1\r\n$H$auth\r\n" }
sub basic { return get('Authorization: Basic ' . encode_base64($_[0], '') . "\r\n", $_[1]) }
sub put {
    my ($auth, $type, $body) = @_;
    return "PUT $II HTTP/1.1\r\n$H${auth}Content-Type: $type\r\nContent-Length: " . length($body) . "\r\n\r\n$body";
}
my $required = qr/Authentication is required/;
my $SESSION = "Cookie: SOTICKET=7T:hostile-corpus-session\r\n";
my $xsrf = qr/XSRF/;

[
    # -- Basic -------------------------------------------------------------------
    { name => 'no credentials', status => 401, like => $required, raw => get('') },
    { name => 'Basic without credentials', status => 401, raw => get("Authorization: Basic\r\n") },
    { name => 'Basic and spaces', status => 401, raw => get("Authorization: Basic    \r\n") },
    { name => 'Basic of one padding too many', status => 401, raw => get("Authorization: Basic dGplMDpUamUw=\r\n") },
    { name => 'Basic not a multiple of four', status => 401, raw => get("Authorization: Basic dGplMDpUamU\r\n") },
    { name => 'Basic of padding only', status => 401, raw => get("Authorization: Basic ====\r\n") },
    { name => 'Basic padding inside', status => 401, raw => get("Authorization: Basic dGpl=DpUamUw\r\n") },
    { name => 'Basic of punctuation', status => 401, raw => get("Authorization: Basic !!!!\r\n") },
    { name => 'Basic in base64url', status => 401, raw => get("Authorization: Basic dGplMDpU-_Uw\r\n") },
    { name => 'Basic with a space inside', status => 401, raw => get("Authorization: Basic dGplMDp UamUw\r\n") },
    { name => 'Basic with a tab inside', status => 401, raw => get("Authorization: Basic dGplMDp\tUamUw\r\n") },
    { name => 'Basic twice in one field', status => 401, raw => get("Authorization: Basic dGplMDpUamUw Basic dGplMDpUamUw\r\n") },
    { name => 'Basic without a colon', status => 401, raw => basic('tje0') },
    { name => 'Basic with an empty user', status => 401, raw => basic(':Tje0') },
    { name => 'Basic with a wrong password', status => 401, raw => basic('tje0:wrong') },
    { name => 'Basic with the password in upper case', status => 401, raw => basic('tje0:TJE0') },
    { name => 'Basic with a NUL after the password', status => 401, raw => basic("tje0:Tje0\0") },
    { name => 'Basic with a NUL in the user', status => 401, raw => basic("tje0\0x:Tje0") },
    { name => 'Basic with ESC in the user', status => 401, raw => basic("tj\x1be0:Tje0") },
    { name => 'Basic with CR LF in the user', status => 401, raw => basic("tje0\r\nX-Injected: 1:Tje0") },
    { name => 'Basic with DEL in the user', status => 401, raw => basic("tje0\x7f:Tje0") },
    { name => 'Basic of a deleted associate', status => 401, raw => basic('gone:Gone1') },
    { name => 'Basic of an unknown user', status => 401, raw => basic('nobody:x') },
    { name => 'Basic user in another case', status => 401, raw => basic('TJE0:Tje0') },
    { name => 'Basic with a space before the user', status => 401, raw => basic(' tje0:Tje0') },
    { name => 'Basic of 6000 bytes', status => 401, raw => basic('tje0:' . ('x' x 4500)) },
    { name => 'Basic user of 4000 characters', status => 401, raw => basic(('u' x 4000) . ':x') },
    { name => 'Basic on a PUT, body never read', status => 401,
      raw => put("Authorization: Basic dGplMDp3cm9uZw==\r\n", 'application/json', '{"Description":"x"}') },
    { name => 'Basic on a picture DELETE', status => 401,
      raw => "DELETE /api/v1/Contact/990/Image HTTP/1.1\r\n${H}Authorization: Basic dGplMDp3cm9uZw==\r\n\r\n" },
    # -- schemes -----------------------------------------------------------------
    { name => 'an unknown scheme', status => 401, raw => get("Authorization: Digest username=\"tje0\", response=\"x\"\r\n") },
    { name => 'Negotiate', status => 401, raw => get("Authorization: Negotiate YIIB\r\n") },
    { name => 'NTLM', status => 401, raw => get("Authorization: NTLM TlRMTVNTUAABAAAA\r\n") },
    { name => 'a scheme alone', status => 401, raw => get("Authorization: Bearer\r\n") },
    { name => 'an empty Authorization', status => 401, raw => get("Authorization:\r\n") },
    { name => 'a scheme with a comma', status => 401, raw => get("Authorization: Basic, dGplMDpUamUw\r\n") },
    { name => 'the credentials without a scheme', status => 401, raw => get("Authorization: dGplMDpUamUw\r\n") },
    { name => 'Bearer where Basic alone is accepted', status => 401,
      raw => get("Authorization: Bearer 8A:abc\r\n", '/basiconly/v1/Contact/950/ImageInfo') },
    # -- tokens ------------------------------------------------------------------
    { name => 'SOTicket unknown', status => 401, raw => get("Authorization: SOTicket 7T:bm90LWEtdGlja2V0\r\n") },
    { name => 'SOTicket with angle brackets', status => 401, raw => get("Authorization: SOTicket 7T:<script>\r\n") },
    { name => 'SOTicket with a quote', status => 401, raw => get("Authorization: SOTicket \"7T:abc\"\r\n") },
    { name => 'SOTicket of 513 characters', status => 401, raw => get('Authorization: SOTicket 7T:' . ('a' x 510) . "\r\n") },
    { name => 'SOTicket of 8000 characters', status => 401, raw => get('Authorization: SOTicket ' . ('a' x 8000) . "\r\n") },
    { name => 'SOTicket with a comma list', status => 401, raw => get("Authorization: SOTicket 7T:a, 7T:b\r\n") },
    { name => 'Bearer unknown', status => 401, raw => get("Authorization: Bearer 8A:nosuchtoken\r\n") },
    { name => 'Bearer of 600 characters', status => 401, raw => get('Authorization: Bearer ' . ('B' x 600) . "\r\n") },
    { name => 'Bearer a JWT', status => 401,
      raw => get("Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0amUwIn0.\r\n") },
    { name => 'Bearer in lower case, unknown', status => 401, raw => get("Authorization: bearer 8A:x\r\n") },
    # -- cookies -----------------------------------------------------------------
    { name => 'SOTICKET empty', status => 401, raw => get("Cookie: SOTICKET=\r\n") },
    { name => 'SOTICKET unknown', status => 401, raw => get("Cookie: SOTICKET=7T:unknown\r\n") },
    { name => 'SOTICKET quoted, never closed', status => 401, raw => get("Cookie: SOTICKET=\"7T:abc\r\n") },
    { name => 'SOTICKET twice, both unknown', status => 401, raw => get("Cookie: SOTICKET=7T:a; SOTICKET=7T:b\r\n") },
    { name => 'SOTICKET in lower case', status => 401, raw => get("Cookie: soticket=7T:abc\r\n") },
    { name => 'a cookie of semicolons', status => 401, raw => get("Cookie: ;;;;;;\r\n") },
    { name => 'a cookie without =', status => 401, raw => get("Cookie: SOTICKET\r\n") },
    { name => 'a cookie of 8000 bytes', status => 401, raw => get('Cookie: SOTICKET=' . ('c' x 8000) . "\r\n") },
    { name => '300 cookies', status => 401, raw => get('Cookie: ' . join('; ', map { "c$_=v" } 1 .. 300) . "\r\n") },
    { name => 'the XSRF-TOKEN cookie alone', status => 401, raw => get("Cookie: XSRF-TOKEN=abc\r\n") },
    { name => 'Cookie twice, both unknown', status => 401, raw => get("Cookie: SOTICKET=7T:a\r\nCookie: SOTICKET=7T:b\r\n") },
    { name => 'an unknown cookie on a PUT', status => 401,
      raw => put("Cookie: SOTICKET=7T:unknown\r\nX-XSRF-TOKEN: abc\r\n", 'application/json', '{}') },
    # -- tickets of the database ---------------------------------------------------
    { name => 'an expired SOTicket', status => 401, raw => get("Authorization: SOTicket 7T:hostile-corpus-expired\r\n") },
    { name => 'a revoked SOTicket', status => 401, raw => get("Authorization: SOTicket 7T:hostile-corpus-revoked\r\n") },
    { name => 'an expired ticket as a cookie', status => 401, raw => get("Cookie: SOTICKET=7T:hostile-corpus-expired\r\n") },
    { name => 'a SOTicket token sent as Bearer', status => 401, raw => get("Authorization: Bearer 7T:hostile-corpus-session\r\n") },
    { name => 'a Bearer token sent as SOTicket', status => 401, raw => get("Authorization: SOTicket 8A:hostile-corpus-bearer\r\n") },
    { name => 'a Bearer token as the session cookie', status => 401, raw => get("Cookie: SOTICKET=8A:hostile-corpus-bearer\r\n") },
    { name => 'the session token with a byte more', status => 401, raw => get("Authorization: SOTicket 7T:hostile-corpus-session=\r\n") },
    { name => 'the session token in another case', status => 401, raw => get("Authorization: SOTicket 7t:HOSTILE-corpus-session\r\n") },
    { name => 'a ticket without SO-AppToken where it is required', status => 401,
      raw => get("Authorization: SOTicket 7T:hostile-corpus-session\r\n", '/apptoken/v1/Contact/950/ImageInfo') },
    { name => 'a ticket with a revoked SO-AppToken where it is required', status => 401,
      raw => get("Authorization: Bearer 8A:hostile-corpus-bearer\r\nSO-AppToken: hostile-corpus-app\r\n", '/apptoken/v1/Contact/950/ImageInfo') },
    # -- the cookie session's XSRF value ---------------------------------------------
    { name => 'a session PUT without X-XSRF-TOKEN', status => 403, like => $xsrf, raw => put($SESSION, 'application/json', '{}') },
    { name => 'a session PUT with a wrong X-XSRF-TOKEN', status => 403, like => $xsrf,
      raw => put("${SESSION}X-XSRF-TOKEN: hostile-corpus-xsrg\r\n", 'application/json', '{}') },
    { name => 'a session PUT with the XSRF value and a byte more', status => 403,
      raw => put("${SESSION}X-XSRF-TOKEN: hostile-corpus-xsrfx\r\n", 'application/json', '{"x":1}') },
    { name => 'a session PUT with the XSRF value cut short', status => 403,
      raw => put("${SESSION}X-XSRF-TOKEN: hostile-corpus-xsr\r\n", 'application/json', '{}') },
    { name => 'a session PUT with X-XSRF-TOKEN twice', status => 403,
      raw => put("${SESSION}X-XSRF-TOKEN: hostile-corpus-xsrf\r\nX-XSRF-TOKEN: hostile-corpus-xsrf\r\n", 'application/json', '{}') },
    { name => 'a session PUT with an X-XSRF-TOKEN of 8000 bytes', status => 403,
      raw => put("${SESSION}X-XSRF-TOKEN: " . ('x' x 8000) . "\r\n", 'application/json', '{}') },
    { name => 'a session PUT with an empty X-XSRF-TOKEN', status => 403, raw => put("${SESSION}X-XSRF-TOKEN:\r\n", 'application/json', '{}') },
    { name => 'a session PUT with the XSRF-TOKEN cookie only', status => 403,
      raw => put("Cookie: SOTICKET=7T:hostile-corpus-session; XSRF-TOKEN=hostile-corpus-xsrf\r\n", 'application/json', '{}') },
    { name => 'a session form with a wrong XSRF_TOKEN', status => 403,
      raw => put($SESSION, 'application/x-www-form-urlencoded', 'XSRF_TOKEN=wrong&Description=x') },
    { name => 'a session form with XSRF_TOKEN twice', status => 400,
      raw => put($SESSION, 'application/x-www-form-urlencoded', 'XSRF_TOKEN=hostile-corpus-xsrf&xsrf_token=hostile-corpus-xsrf') },
    { name => 'a session form with a NUL in XSRF_TOKEN', status => 400,
      raw => put($SESSION, 'application/x-www-form-urlencoded', 'XSRF_TOKEN=hostile-corpus-xsrf%00&Description=x') },
    { name => 'a session merge patch without XSRF', status => 403,
      raw => "PATCH $II HTTP/1.1\r\n$H${SESSION}Content-Type: application/merge-patch+json\r\nContent-Length: 2\r\n\r\n{}" },
    { name => 'a session picture PUT without XSRF', status => 403,
      raw => "PUT /api/v1/Contact/950/Image HTTP/1.1\r\n$H${SESSION}Content-Type: image/png\r\nContent-Length: 8\r\n\r\n\x89PNG\r\n\x1a\n" },
    { name => 'a session picture DELETE without XSRF', status => 403,
      raw => "DELETE /api/v1/Contact/990/Image HTTP/1.1\r\n$H$SESSION\r\n" },
    { name => 'a session DELETE with the XSRF value in a query string', status => 403,
      raw => "DELETE /api/v1/Contact/990/Image?XSRF_TOKEN=hostile-corpus-xsrf HTTP/1.1\r\n$H$SESSION\r\n" },
    # -- users of another Apache module (/apacheauth: mod_auth_basic) --------------
    { name => 'apacheauth: no credentials', status => 401, httpd => 'other-auth',
      raw => get('', '/apacheauth/v1/Contact/950/ImageInfo') },
    { name => 'apacheauth: the associate\'s password, not the file\'s', status => 401, httpd => 'other-auth',
      raw => basic('tje0:Tje0', '/apacheauth/v1/Contact/950/ImageInfo') },
    { name => 'apacheauth: Basic of punctuation', status => 401, httpd => 'other-auth',
      raw => get("Authorization: Basic !!!!\r\n", '/apacheauth/v1/Contact/0/ImageInfo') },
    { name => 'apacheauth: no credentials, a broken chunked body', status => 400, httpd => 'other-auth',
      raw => "PUT /apacheauth/v1/Contact/950/ImageInfo HTTP/1.1\r\n${H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" },
    { name => 'apacheauth: a user who is no associate', status => 403,
      raw => basic('outsider:Outsider1', '/apacheauth/v1/Contact/950/ImageInfo') },
    { name => 'apacheauth: a broken chunked body', status => 400, like => qr/framing/,
      raw => "PUT /apacheauth/v1/Contact/950/ImageInfo HTTP/1.1\r\n${H}Authorization: Basic " . encode_base64('tje0:ApachePw1', '')
        . "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" },
    { name => 'apacheauth: a bad size', status => 400, like => qr/BlobSize/,
      raw => "PUT /apacheauth/v1/Contact/950/ImageInfo HTTP/1.1\r\n${H}Authorization: Basic " . encode_base64('tje0:ApachePw1', '')
        . "\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"BlobSize\":-1}" },
    # -- SO-AppToken ---------------------------------------------------------------
    { name => 'SO-AppToken revoked', status => 401, raw => get("Authorization: Basic dGplMDpUamUw\r\nSO-AppToken: hostile-corpus-app\r\n") },
    { name => 'SO-AppToken unknown', status => 401, raw => get("Authorization: Basic dGplMDpUamUw\r\nSO-AppToken: nosuchapp\r\n") },
    { name => 'SO-AppToken empty', status => 401, raw => get("Authorization: Basic dGplMDpUamUw\r\nSO-AppToken:\r\n") },
    { name => 'SO-AppToken twice', status => 401, raw => get("Authorization: Basic dGplMDpUamUw\r\nSO-AppToken: a\r\nSO-AppToken: b\r\n") },
    { name => 'SO-AppToken of 513 characters', status => 401, raw => get("Authorization: Basic dGplMDpUamUw\r\nSO-AppToken: " . ('a' x 513) . "\r\n") },
    { name => 'a ticket where an app token is required', status => 401,
      raw => get("Authorization: SOTicket 7T:abc\r\n", '/apptoken/v1/Contact/950/ImageInfo') },
]
