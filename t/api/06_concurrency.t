# Concurrent writers: twenty first PUTs on a contact without a picture make
# exactly one picture; twenty updates of one picture all land, serialized.
use strict;
use warnings FATAL => 'all';
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use SoiTest;
use POSIX ();

plan tests => 12;

my $N = 20;

# Runs $N PUTs at once (released together through a pipe) and returns
# [status, BlobId] per request.
sub stampede {
    my ($contact) = @_;
    pipe(my $gate_r, my $gate_w) or die;
    pipe(my $out_r, my $out_w) or die;
    my @kids;
    for my $i (1 .. $N) {
        my $pid = fork // die "fork: $!";
        if (!$pid) {
            close $gate_w;
            close $out_r;
            sysread($gate_r, my $x, 1); # blocks until the parent closes the gate
            my $res = call(PUT => "/api/v1/Contact/$contact/ImageInfo", type => 'application/json',
                           body => qq({"Description":"writer $i","OriginalSize":$i}));
            my $id = (json($res->content) || {})->{BlobId} // 'none';
            syswrite($out_w, sprintf("%d %s\n", $res->code, $id));
            POSIX::_exit(0);
        }
        push @kids, $pid;
    }
    close $gate_r;
    close $out_w;
    close $gate_w; # go
    my @lines = <$out_r>;
    waitpid($_, 0) for @kids;
    return [map { [split ' '] } @lines];
}

my $blobs = db()->selectrow_array('SELECT count(*) FROM binaryobject');
is(picture_of(160), undef, 'contact 160 starts without a picture');
my $r = stampede(160);
is(scalar @$r, $N, "$N answers");
is(scalar(grep { $_->[0] == 200 } @$r), $N, 'every one of them 200');
my %ids = map { $_->[1] => 1 } @$r;
is(scalar keys %ids, 1, 'all name the same BlobId');
is(scalar @{ links_of(160) }, 1, 'exactly one link');
is(db()->selectrow_array('SELECT count(*) FROM binaryobject'), $blobs + 1, 'exactly one blob');
my $row = picture_of(160);
is($row->{binaryobject_id}, (keys %ids)[0], 'and it is the one they named');
is($row->{updatedcount}, $N - 1, 'one creation and the rest updates');

my $before = picture_of(207);
$r = stampede(207);
is(scalar(grep { $_->[0] == 200 } @$r), $N, "$N concurrent updates: all 200");
$row = picture_of(207);
is($row->{updatedcount}, $before->{updatedcount} + $N, 'none lost');
like($row->{description}, qr/^writer \d+$/, 'the last one stands');
is($row->{originalsize}, ($row->{description} =~ /(\d+)/)[0], 'whole: no mix of two writers');
