# Path tricks: dot segments (plain and percent-encoded), repeated and
# encoded slashes, %00, overlong and negative ids, trailing slashes, case
# variants, and forms of the request target that are not a path. httpd
# normalises the path first (merging "//", resolving "." and ".."), refuses
# %00 and an encoded "/" itself (404, AllowEncodedSlashes Off), and a
# target that climbs above the root or has a fragment (400); what is left
# reaches the module's router, which answers 400 for a bad id and 404 for
# anything that is no route. Paths that normalise to a valid route are
# sent with a method or contact that makes them fail.
package SoiHostile::Paths;
use strict;
use warnings;

my $H = "Host: localhost\r\n";
my $A = "Authorization: Basic dGplMDpUamUw\r\n";    # tje0:Tje0
sub get { my ($target) = @_; return "GET $target HTTP/1.1\r\n$H$A\r\n" }
my $route = qr/No such resource/;
my $id = qr/contact id in the path must be a whole number/;
my $gone = qr/Contact 5000 does not exist/;

[
    # -- dot segments ----------------------------------------------------------
    { name => '.. to another contact', status => 404, like => $gone, raw => get('/api/v1/Contact/950/ImageInfo/../../5000/ImageInfo') },
    { name => '.. above the root', status => 400, httpd => 'request-target', raw => get('/../../etc/passwd') },
    { name => '.. above the root via the mount', status => 400, httpd => 'request-target', raw => get('/api/../../api/v1/Contact/950/ImageInfo') },
    { name => '.. after ImageInfo', status => 404, like => $route, raw => get('/api/v1/Contact/950/ImageInfo/..') },
    { name => '. segments to a missing contact', status => 404, like => $gone, raw => get('/api/./v1/./Contact/./5000/./ImageInfo') },
    { name => '%2e%2e as the id', status => 404, like => $route, raw => get('/api/v1/Contact/%2e%2e/ImageInfo') },
    { name => '%2e%2e climbing', status => 404, raw => get('/api/v1/Contact/950/%2e%2e/%2e%2e/5000/ImageInfo') },
    { name => '%2E%2E upper case, back into the mount', status => 400, like => $id, raw => get('/api/%2E%2E/api/v1/Contact/0/ImageInfo') },
    { name => '.%2e mixed', status => 404, raw => get('/api/v1/Contact/950/.%2e/5000/Nope') },
    { name => '..%2f encoded slash', status => 404, httpd => 'encoded-path', raw => get('/api/v1/Contact/950/..%2f..%2f/ImageInfo') },
    { name => '%2f inside the id', status => 404, httpd => 'encoded-path', raw => get('/api/v1/Contact/950%2fImageInfo') },
    { name => '%5c backslash', status => 400, like => $id, raw => get('/api/v1/Contact/950%5c..%5c5000/ImageInfo') },
    { name => 'a raw backslash', status => 404, raw => get('/api/v1/Contact/950\\ImageInfo') },
    { name => 'overlong UTF-8 dots', status => 404, raw => get('/api/v1/Contact/%c0%ae%c0%ae/5000/ImageInfo') },
    # -- slashes ---------------------------------------------------------------
    { name => '// before the id, missing contact', status => 404, like => $gone, raw => get('/api//v1//Contact//5000//ImageInfo') },
    { name => 'an empty id', status => 400, like => $id, raw => get('/api/v1/Contact//ImageInfo') },
    { name => 'no id at all', status => 400, like => $id, raw => get('/api/v1/Contact/ImageInfo') },
    { name => 'a trailing slash, DELETE', status => 405, raw => "DELETE /api/v1/Contact/1/ImageInfo/ HTTP/1.1\r\n$H$A\r\n" },
    { name => 'a trailing slash, missing contact', status => 404, like => $gone, raw => get('/api/v1/Contact/5000/ImageInfo/') },
    { name => 'a trailing slash and a segment', status => 404, like => $route, raw => get('/api/v1/Contact/1/ImageInfo/x') },
    { name => 'ImageInfo twice', status => 404, like => $route, raw => get('/api/v1/Contact/950/ImageInfo/ImageInfo') },
    { name => '3000 segments', status => 404, like => $route, raw => get('/api/v1/Contact/950/' . ('a/' x 3000)) },
    # -- NUL and other encodings -----------------------------------------------
    { name => '%00 after the id', status => 404, httpd => 'encoded-path', raw => get('/api/v1/Contact/950%00/ImageInfo') },
    { name => '%00 as a segment', status => 404, httpd => 'encoded-path', raw => get('/api/v1/Contact/950/%00/ImageInfo') },
    { name => '%00 after ImageInfo', status => 404, httpd => 'encoded-path', raw => get('/api/v1/Contact/950/ImageInfo%00.json') },
    { name => 'a percent sign alone', status => 400, httpd => 'request-target', raw => get('/api/v1/Contact/95%/ImageInfo') },
    { name => 'a bad percent escape', status => 400, httpd => 'request-target', raw => get('/api/v1/Contact/%zz/ImageInfo') },
    { name => '%20 before the id', status => 400, like => $id, raw => get('/api/v1/Contact/%20950/ImageInfo') },
    { name => 'a raw space in the path', status => 400, httpd => 'request-line-syntax', raw => get('/api/v1/Contact/9 50/ImageInfo') },
    { name => 'a fragment', status => 400, httpd => 'request-target', raw => get('/api/v1/Contact/950/ImageInfo#x') },
    { name => 'a semicolon parameter', status => 404, like => $route, raw => get('/api/v1/Contact/950/ImageInfo;jsessionid=1') },
    { name => 'a semicolon in the id', status => 400, like => $id, raw => get('/api/v1/Contact/950;1/ImageInfo') },
    { name => 'a comma list of ids', status => 400, like => $id, raw => get('/api/v1/Contact/950,951/ImageInfo') },
    { name => 'an id encoded, then a sign', status => 400, like => $id, raw => get('/api/v1/Contact/%2D950/ImageInfo') },
    # -- ids -------------------------------------------------------------------
    { name => 'a negative id', status => 400, like => $id, raw => get('/api/v1/Contact/-1/ImageInfo') },
    { name => 'the most negative int32', status => 400, like => $id, raw => get('/api/v1/Contact/-2147483648/Image') },
    { name => 'an id of 5000 digits', status => 400, like => $id, raw => get('/api/v1/Contact/' . ('9' x 5000) . '/ImageInfo') },
    { name => 'an id of 20 zeros then 950', status => 400, like => $id, raw => get('/api/v1/Contact/' . ('0' x 20) . '950/ImageInfo') },
    { name => 'an id with letters', status => 400, like => $id, raw => get('/api/v1/Contact/95O/ImageInfo') },
    { name => 'an id in Arabic-Indic digits', status => 400, like => $id, raw => get('/api/v1/Contact/%D9%A9%D9%A5%D9%A0/ImageInfo') },
    { name => 'an id with fullwidth digits', status => 400, like => $id, raw => get('/api/v1/Contact/%EF%BC%99%EF%BC%95%EF%BC%90/Image') },
    # -- case variants ---------------------------------------------------------
    { name => 'every segment upper case, missing contact', status => 404, like => $gone, raw => get('/api/V1/CONTACT/5000/IMAGEINFO') },
    { name => 'mixed case, DELETE on ImageInfo', status => 405, raw => "DELETE /api/v1/cOnTaCt/950/iMaGeInFo HTTP/1.1\r\n$H$A\r\n" },
    { name => 'the mount in upper case', status => 404, httpd => 'outside-mount', raw => get('/API/v1/Contact/950/ImageInfo') },
    { name => 'the mount in mixed case', status => 404, httpd => 'outside-mount', raw => get('/Api/v1/Contact/950/Image') },
    { name => 'v2', status => 404, like => $route, raw => get('/api/v2/Contact/950/ImageInfo') },
    { name => 'Contacts', status => 404, like => $route, raw => get('/api/v1/Contacts/950/ImageInfo') },
    { name => 'Imageinfos', status => 404, like => $route, raw => get('/api/v1/Contact/950/Imageinfos') },
    { name => 'Imag', status => 404, like => $route, raw => get('/api/v1/Contact/950/Imag') },
    { name => 'Image/Info', status => 404, like => $route, raw => get('/api/v1/Contact/950/Image/Info') },
    { name => 'the mount alone with a slash', status => 404, like => $route, raw => get('/api/') },
    { name => 'the mount with a suffix', status => 404, httpd => 'outside-mount', raw => get('/apix/v1/Contact/950/ImageInfo') },
    # -- request-target forms --------------------------------------------------
    { name => 'absolute form with a bad id', status => 400, like => $id, raw => get('http://localhost/api/v1/Contact/0/ImageInfo') },
    { name => 'absolute form with another scheme', status => 400, httpd => 'request-target', raw => get('ftp://localhost/api/v1/Contact/0/ImageInfo') },
    { name => 'asterisk form for GET', status => 400, httpd => 'request-target', raw => get('*') },
    { name => 'a relative path', status => 400, httpd => 'request-target', raw => get('api/v1/Contact/950/ImageInfo') },
    { name => 'authority form for GET', status => 400, httpd => 'request-target', raw => get('localhost:80') },
]
