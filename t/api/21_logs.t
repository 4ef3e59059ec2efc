# What an access log and the debug log can show: %u is the associate's
# name, notes name the associate id, the scheme, the application, the
# database time and the outcome (LogFormat "soi" of t/conf/extra.conf.in);
# LogLevel soimageinfo:debug has one line per statement with its duration,
# and no token or password in either log. Contact 521.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;

my $access = 't/logs/soi_access_log';
my $errors = 't/logs/error_log';

# The lines the requests since $mark added, once httpd has written them
# (the access log is written after the response).
sub lines_since {
    my ($mark, $want) = @_;
    for (1 .. 50) {
        my @l = split /\n/, log_since($access, $mark);
        return @l if @l >= $want;
        select(undef, undef, undef, 0.05);
    }
    return split /\n/, log_since($access, $mark);
}

my ($ticket) = db()->selectrow_array(q{SELECT token FROM soi_issue_ticket(1, 'SOTicket', '1 hour'::interval)});
my ($app) = db()->selectrow_array(q{SELECT token FROM soi_register_app('Log Viewer')});
my ($app_id) = db()->selectrow_array(q{SELECT app_id FROM soi_app WHERE name = 'Log Viewer'});

my $mark = log_mark($access);
my $emark = log_mark($errors);
# One at a time, each after the line of the one before: under prefork
# each may be served by another process, and one that logs a moment late
# would put its line after the next one's.
my @res;
for my $req (
    [PUT => '/api/v1/Contact/521/ImageInfo', type => 'application/json', body => '{"Description":"logged"}'],
    [GET => '/api/v1/Contact/521/ImageInfo', auth => "SOTicket $ticket", headers => { 'SO-AppToken' => $app }],
    [GET => '/api/v1/Contact/199/ImageInfo', auth => ['reader', 'Reader1']],
    [GET => '/api/v1/Contact/521/ImageInfo', auth => ['tje0', 'wrong-password']],
    [GET => '/api/v1/Contact/521/ImageInfo', auth => undef],
) {
    push @res, call(@$req);
    lines_since($mark, scalar @res);
}
is(join(',', map { $_->code } @res), '200,200,404,401,401', 'five requests answered');
my @lines = lines_since($mark, 5);
is(scalar(@lines), 5, 'five access log lines') or diag(join("\n", @lines));
my @f = map { [split /\|/, $_, -1] } @lines;

is_deeply([@{ $f[0] }[0, 1, 2, 3, 5, 6]], ['tje0', '1', 'Basic', '-', 'ok', '200'],
          'a Basic PUT: %u, the associate id, the scheme, no application, outcome ok');
like($f[0][4], qr/^[1-9]\d*$/, 'and the database time in microseconds');
is_deeply([@{ $f[1] }[0, 1, 2, 3, 5]], ['tje0', '1', 'SOTicket', 'Log Viewer', 'ok'],
          'a ticket with an application token: the application\'s name');
is_deeply([@{ $f[2] }[0, 1, 2, 5, 6]], ['reader', '2', 'Basic', 'MSG_NO_CONTACT', '404'],
          'a 404: the outcome is the message id');
is_deeply([@{ $f[3] }[0, 1, 5, 6]], ['-', '-', 'MSG_AUTH_REFUSED', '401'], 'a wrong password: nobody, refused');
is_deeply([@{ $f[4] }[0, 1, 4, 5, 6]], ['-', '-', '0', 'MSG_AUTH_REQUIRED', '401'],
          'no credentials: no database time at all');

my $elog = log_since($errors, $emark);
like($elog, qr/SOI0110: statement soi_put took \d+ us/, 'debug: the PUT\'s statement and its duration');
like($elog, qr/SOI0110: statement soi_get took \d+ us/, 'debug: the GET\'s');
like($elog, qr/SOI0110: statement soi_ticket took \d+ us/, 'debug: the ticket\'s lookup');
my $both = $elog . log_since($access, $mark);
ok(index($both, $ticket) < 0 && index($both, $app) < 0 && index($both, 'wrong-password') < 0
       && index($both, 'Tje0') < 0, 'no token or password in either log');

done_testing();
