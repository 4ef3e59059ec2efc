# bench/lib.sh: what every benchmark script shares, sourced after it has set
# "me" (its name in messages). It checks the tools, makes the temporary
# directory and removes it (with whatever runs in it) on exit, starts the
# throwaway PostgreSQL and httpd, and reads the httpd processes' memory and CPU.
#
# Environment (all optional):
#   BENCH_MODULE    mod_soimageinfo.so to load             (default <repo>/.libs/mod_soimageinfo.so)
#   BENCH_KEEP=1    keep the temporary directory (logs, configs) for a post-mortem
#   BENCH_HTTPD, BENCH_HTTPD_MODULES   httpd binary and its module directory when apxs is absent

die() { echo "$me: error: $*" >&2; exit 1; }
note() { echo "$me: $*" >&2; }

# PostgreSQL refuses to run as root, and an httpd started by root would
# switch users; both must belong to whoever runs this.
if [ "$(id -u)" = 0 ]; then
    die "refusing to run as root; run as an unprivileged user, e.g.: runuser -u someuser -- $me"
fi

repo=$(cd "$(dirname "$0")/.." && pwd)
module_src=${BENCH_MODULE:-$repo/.libs/mod_soimageinfo.so}

# ---- prerequisites ---------------------------------------------------------
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found: $2"; }
need wrk "apt-get install wrk"
need psql "apt-get install postgresql-client"
need htpasswd "apt-get install apache2-utils"
need base64 "apt-get install coreutils"
need awk "apt-get install mawk"
need sort "apt-get install coreutils"

httpd=${BENCH_HTTPD:-}
httpd_modules=${BENCH_HTTPD_MODULES:-}
if command -v apxs >/dev/null 2>&1; then
    [ -n "$httpd" ] || httpd="$(apxs -q sbindir)/$(apxs -q TARGET)"
    [ -n "$httpd_modules" ] || httpd_modules=$(apxs -q LIBEXECDIR)
fi
[ -n "$httpd" ] || httpd=/usr/sbin/apache2
[ -n "$httpd_modules" ] || httpd_modules=/usr/lib/apache2/modules
[ -x "$httpd" ] || die "httpd binary $httpd not found: apt-get install apache2 apache2-dev (or set BENCH_HTTPD)"
# The MPM of every httpd a benchmark starts: event (httpd's default), or
# worker, whose thread keeps a keep-alive connection between its requests
# where event hands it to its listener thread and back.
bench_mpm=${BENCH_MPM:-event}
case $bench_mpm in event|worker) ;; *) die "BENCH_MPM must be event or worker, not \"$bench_mpm\"" ;; esac
for m in "mod_mpm_$bench_mpm.so" mod_authz_core.so; do
    [ -r "$httpd_modules/$m" ] \
        || die "$httpd_modules/$m not found: apt-get install apache2 (or set BENCH_HTTPD_MODULES)"
done

[ -x "$repo/scripts/pg-throwaway" ] || die "$repo/scripts/pg-throwaway is missing or not executable"
[ -r "$repo/conf/schema.sql" ] || die "$repo/conf/schema.sql is missing or not readable by $(id -un)"
[ -f "$module_src" ] \
    || die "module $module_src not found: build it (./autogen.sh && ./configure && make) or set BENCH_MODULE"
[ -r "$module_src" ] || die "module $module_src is not readable by $(id -un); copy it somewhere readable and set BENCH_MODULE"

cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)

# ---- temporary directory and cleanup ---------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/soi-bench.XXXXXX")
# The PostgreSQL socket lives in here; Unix socket paths are limited to ~107 bytes.
if [ ${#tmp} -gt 70 ]; then
    rmdir "$tmp"
    tmp=$(mktemp -d /tmp/soi-bench.XXXXXX)
fi
pgdir=$tmp/pg
child=        # the load generator in progress, so that an interrupt can end it

# httpd instances. A script runs one httpd, whose files are $tmp/httpd.conf,
# $tmp/httpd.pid, $tmp/error_log and $tmp/run, unless it runs more at once:
# httpd_use NAME makes NAME (files in $tmp/NAME/) the instance that
# httpd_conf_head, start_httpd, stop_httpd, httpd_parent, httpd_pids and
# check_error_log act on, and httpd_use "" goes back to the first. Two
# instances must not share a pidfile, an error log or a runtime directory
# (mutexes and shared memory live there).
httpd_use() {
    httpd_instance=$1
    httpd_dir=$tmp${1:+/$1}
    httpd_conf=$httpd_dir/httpd.conf
    httpd_pidfile=$httpd_dir/httpd.pid
    httpd_error_log=$httpd_dir/error_log
    httpd_run=$httpd_dir/run
}
httpd_use ""
httpd_started=()   # the instances start_httpd started, for cleanup

httpd_parent() { [ -s "$httpd_pidfile" ] && cat "$httpd_pidfile"; }

# Stops our httpd (the instance in use), if it runs, by the pid in its own pidfile.
stop_httpd() {
    local pid
    pid=$(httpd_parent) || return 0
    if kill -0 "$pid" 2>/dev/null; then
        "$httpd" -f "$httpd_conf" -k stop >/dev/null 2>&1 || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        if kill -0 "$pid" 2>/dev/null; then
            note "httpd (pid $pid) did not stop; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$httpd_pidfile"
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    set +e
    if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
        kill -TERM "$child" 2>/dev/null
        wait "$child" 2>/dev/null
    fi
    local i
    for i in "${httpd_started[@]}"; do httpd_use "$i"; stop_httpd; done
    if [ -f "$tmp/bouncer/pgbouncer.pid" ]; then
        "$repo/scripts/pgbouncer-throwaway" stop "$tmp/bouncer" >/dev/null 2>&1 || note "could not stop pgbouncer"
    fi
    if [ -f "$pgdir/data/postmaster.pid" ]; then
        "$repo/scripts/pg-throwaway" stop "$pgdir" >/dev/null 2>&1 || note "could not stop PostgreSQL in $pgdir"
    fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then
        note "kept $tmp"
    else
        rm -rf "$tmp"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'note "interrupted"; exit 130' INT
trap 'note "terminated"; exit 143' TERM

# Runs a load generator in the background and waits for it, so that the
# traps above fire at once on Ctrl-C and can end it by its pid. If $sampler
# names a function, it is called every $sample_every seconds meanwhile.
sampler=
sample_every=1
run_child() {
    local out=$1
    shift
    "$@" >"$out" 2>&1 &
    child=$!
    local st=0
    if [ -n "$sampler" ]; then
        while kill -0 "$child" 2>/dev/null; do "$sampler"; sleep "$sample_every"; done
    fi
    wait "$child" || st=$?
    child=
    return $st
}

# ---- PostgreSQL --------------------------------------------------------------
# start_pg [postgresql.conf line...]: a throwaway server with the schema
# loaded; sets conninfo, pg_socket_dir, pg_user and pg_version.
start_pg() {
    note "starting a throwaway PostgreSQL in $pgdir ($*)"
    conninfo=$("$repo/scripts/pg-throwaway" start "$pgdir" "$@") \
        || die "scripts/pg-throwaway could not start PostgreSQL (see above)"
    pg_socket_dir=$pgdir
    pg_user=$(id -un)
    pg_version=$(sql -At -c "SHOW server_version")
    sql -f "$repo/conf/schema.sql" >/dev/null
}
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$conninfo" "$@"; }

# The benchmark's associate, with every right. htpasswd makes the same kind of
# bcrypt ($2y$) hash a CRM administrator would store; the password itself is
# throwaway. Sets bench_user, bench_password, password_hash.
make_password() {
    bench_user=bench
    bench_password="bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
    password_hash=$(htpasswd -nbB "$bench_user" "$bench_password" | head -n 1 | cut -d: -f2-)
    case $password_hash in '$2y$'*) ;; *) die "htpasswd -nbB did not produce a \$2y\$ hash: $password_hash";; esac
}
basic_authorization() { echo "Basic $(printf '%s:%s' "$bench_user" "$bench_password" | base64 -w0)"; }

# ---- httpd --------------------------------------------------------------------
# httpd_conf_head PORT THREADS: the part of httpd.conf every benchmark shares:
# one child (one login cache, one connection pool, and a process count that
# never changes during the run, so that its RSS can be compared), THREADS
# worker threads, unlimited keep-alive.
httpd_conf_head() {
    cat <<EOF
# Generated by $me.
ServerRoot "$tmp"
ServerName 127.0.0.1
Listen 127.0.0.1:$1
PidFile "$httpd_pidfile"
ErrorLog "$httpd_error_log"
LogLevel notice
DefaultRuntimeDir "$httpd_run"
Mutex file:$httpd_run default
DocumentRoot "$tmp/htdocs"

LoadModule mpm_${bench_mpm}_module "$httpd_modules/mod_mpm_$bench_mpm.so"
LoadModule authz_core_module "$httpd_modules/mod_authz_core.so"
LoadModule soimageinfo_module "$tmp/mod_soimageinfo.so"

StartServers 1
ServerLimit 1
ThreadLimit $2
ThreadsPerChild $2
MaxRequestWorkers $2
MinSpareThreads 1
MaxSpareThreads $(($2 * 2))
MaxConnectionsPerChild 0

KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 15
EOF
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_httpd [WRITER]: starts httpd (the instance in use) with the
# configuration that WRITER PORT (a function of the caller's, by default
# write_httpd_conf) writes to $httpd_conf; sets port. httpd detaches before
# it binds, so "-k start" succeeding says little: wait until the port
# answers, and try another port if it was taken meanwhile.
start_httpd() {
    local writer=${1:-write_httpd_conf}
    # A copy of the module in our own directory: readable whatever the
    # source's permissions, and safe from a concurrent rebuild. Copied once:
    # overwriting it would change the file under an httpd that has it mapped.
    [ -f "$tmp/mod_soimageinfo.so" ] || cp "$module_src" "$tmp/mod_soimageinfo.so"
    mkdir -p "$httpd_run" "$tmp/htdocs"
    local attempt p pid out=$httpd_dir/httpd.start.out i known=
    for i in "${httpd_started[@]}"; do
        if [ "$i" = "$httpd_instance" ]; then known=1; fi
    done
    [ -n "$known" ] || httpd_started+=("$httpd_instance")
    port=
    for attempt in 1 2 3 4 5 6 7 8; do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        port_in_use "$p" && continue
        "$writer" "$p"
        : >"$httpd_error_log"
        # The port can be taken after the check, also by a client's
        # ephemeral port: then httpd may fail at once, or after detaching.
        if ! "$httpd" -f "$httpd_conf" -k start >"$out" 2>&1; then
            if grep -q "Address already in use" "$out" "$httpd_error_log" 2>/dev/null; then
                note "port $p was taken; trying another"
                continue
            fi
            cat "$out" "$httpd_error_log" >&2
            die "httpd${httpd_instance:+ $httpd_instance} did not start (see above)"
        fi
        for _ in $(seq 50); do
            pid=$(httpd_parent || true)
            if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && port_in_use "$p"; then port=$p; break; fi
            grep -q "Address already in use" "$httpd_error_log" "$out" 2>/dev/null && break
            sleep 0.2
        done
        [ -n "$port" ] && break
        if grep -q "Address already in use" "$httpd_error_log" "$out" 2>/dev/null; then
            note "port $p was taken; trying another"
            rm -f "$httpd_pidfile"
            continue
        fi
        cat "$out" "$httpd_error_log" >&2
        die "httpd${httpd_instance:+ $httpd_instance} did not come up on 127.0.0.1:$p within 10 s (error_log above)"
    done
    [ -n "$port" ] || die "found no free port for httpd${httpd_instance:+ $httpd_instance} after 8 attempts"
    note "httpd${httpd_instance:+ $httpd_instance} ($bench_mpm MPM) listening on 127.0.0.1:$port"
}

# child_pids PID: the processes whose parent is PID.
child_pids() {
    local parent=$1 f rest
    for f in /proc/[0-9]*/stat; do
        # Field 4 of stat is the parent pid; the name in field 2 may hold spaces
        # but not ") ", so cut after it.
        rest=$(cat "$f" 2>/dev/null) || continue
        rest=${rest##*) }
        set -- $rest
        [ "${2:-}" = "$parent" ] && { f=${f#/proc/}; echo "${f%/stat}"; }
    done
    return 0
}
# The httpd processes: the parent and its children.
httpd_pids() {
    local parent
    parent=$(httpd_parent) || return 0
    echo "$parent"
    child_pids "$parent"
}
rss_kib() { # summed VmRSS in KiB of the given pids
    local total=0 pid v
    for pid in "$@"; do
        v=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
        total=$((total + ${v:-0}))
    done
    echo "$total"
}
cpu_ticks() { # summed user+system clock ticks of the given pids
    local total=0 pid rest
    for pid in "$@"; do
        rest=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
        rest=${rest##*) }
        set -- $rest
        total=$((total + ${12} + ${13}))
    done
    echo "$total"
}
# The PostgreSQL server's postmaster and its children (the backends among them).
pg_postmaster() { head -n 1 "$pgdir/data/postmaster.pid" 2>/dev/null || die "PostgreSQL in $pgdir is not running"; }
pg_children() { child_pids "$(pg_postmaster)"; }
# pg_ticks: PostgreSQL's clock ticks so far: the postmaster's own, those of
# its children it has reaped (cutime, cstime: pgbench's backends end with
# its run), and those of its live children (the pooled connections).
pg_ticks() {
    local pm rest
    pm=$(pg_postmaster)
    rest=$(cat "/proc/$pm/stat" 2>/dev/null) || die "PostgreSQL in $pgdir is not running"
    rest=${rest##*) }
    set -- $rest
    echo $((${12} + ${13} + ${14} + ${15} + $(cpu_ticks $(child_pids "$pm"))))
}
# machine_ticks: the clock ticks of all cores so far, busy and in all
# (/proc/stat: user, nice, system, irq and softirq are busy; idle, iowait
# and steal, the time the hypervisor gave the core to another machine, are
# not).
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit }' /proc/stat; }
# cpu_figures NAME REQUESTS PG-BEFORE "MACHINE-BEFORE": NAME_pg_us and
# NAME_all_us, the CPU per request of PostgreSQL and of the whole machine
# since the readings given, and NAME_busy, the share of the cores busy.
cpu_figures() {
    local name=$1 n=$2 pg0=$3 busy0 all0 busy1 all1
    read -r busy0 all0 <<<"$4"
    read -r busy1 all1 <<<"$(machine_ticks)"
    awk -v n="$n" -v hz="$(getconf CLK_TCK)" -v pg=$(($(pg_ticks) - pg0)) -v busy=$((busy1 - busy0)) -v all=$((all1 - all0)) -v s="$name" \
        'BEGIN { printf "%s_pg_us=%.1f\n%s_all_us=%.1f\n%s_busy=%.1f\n", s, pg / hz * 1e6 / n, s, busy / hz * 1e6 / n, s, all ? 100 * busy / all : 0 }'
}

# A crash or an error logged by the module makes a run worthless, even if
# every response the client saw was a 2xx.
check_error_log() {
    if grep -Eq ':(error|crit|alert|emerg)\]|exit signal' "$httpd_error_log"; then
        echo "---- httpd error_log ($httpd_error_log) ----" >&2
        grep -E ':(error|crit|alert|emerg|warn)\]|exit signal' "$httpd_error_log" | tail -n 40 >&2
        die "httpd logged errors or a crashed child during the run (lines above)"
    fi
}

# ---- verdicts ----------------------------------------------------------------
# The fault, soak and security scripts judge with verdicts: each an OK or a
# FAIL line, all printed at the end, and the script fails if any failed.
verdicts=()
verdicts_failed=0
verdict() { # verdict OK|FAIL text
    verdicts+=("$1  $2")
    [ "$1" = OK ] || verdicts_failed=1
}
# verdict_error_log TEXT: OK (saying TEXT) when httpd's error log (of the
# instance in use) shows no crashed child and no error; else a FAIL, with
# the last such lines printed.
verdict_error_log() {
    if grep -q 'exit signal' "$httpd_error_log"; then
        verdict FAIL "httpd: a child crashed ($(grep -c 'exit signal' "$httpd_error_log") 'exit signal' lines in error_log)"
    elif grep -Eq ':(error|crit|alert|emerg)\]' "$httpd_error_log"; then
        grep -E ':(error|crit|alert|emerg)\]' "$httpd_error_log" | tail -n 10
        verdict FAIL "httpd: errors in error_log (last lines above)"
    else
        verdict OK "$1"
    fi
}
verdicts_end() { # prints every verdict; exits 1 if any failed
    echo "---- verdicts ----"
    printf '%s\n' "${verdicts[@]}"
    exit "$verdicts_failed"
}

# ---- wrk ---------------------------------------------------------------------
# wrk scripts end with wrk_done_lua: one "BENCH key=value ..." line that
# wrk_field reads back. Without a response() callback only wrk's own count of
# statuses >= 400 is known; with one (warm-ups), every status outside 2xx is
# counted by status, with a sample body.
wrk_done_lua() {
    cat <<'EOF'
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("tid", #threads)
end

function done(summary, latency, requests)
    local bad, codes, sample = 0, {}, ""
    for _, t in ipairs(threads) do
        bad = bad + (t:get("bad") or 0)
        for status, n in pairs(t:get("codes") or {}) do codes[status] = (codes[status] or 0) + n end
        if sample == "" then sample = t:get("sample") or "" end
    end
    local e = summary.errors
    if e.status > bad then bad = e.status end
    local list = {}
    for status, n in pairs(codes) do table.insert(list, status .. "x" .. n) end
    io.write(string.format("BENCH requests=%d duration_us=%d bytes=%d p50_us=%d p99_us=%d non2xx=%d "
        .. "connect=%d read=%d write=%d timeout=%d codes=%s\n",
        summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99), bad,
        e.connect, e.read, e.write, e.timeout, table.concat(list, ",")))
    if sample ~= "" then io.write("BENCHSAMPLE " .. string.gsub(sample, "\n", " ") .. "\n") end
end
EOF
}
wrk_check_lua() {
    cat <<'EOF'

function response(status, headers, body)
    if status < 200 or status > 299 then
        bad = bad + 1
        codes[status] = (codes[status] or 0) + 1
        if sample == "" then sample = status .. " " .. string.sub(body or "", 1, 300) end
    end
end
EOF
}

wrk_field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" "$2" | head -n 1; }

# run_wrk SECONDS CONNECTIONS SCRIPT OUT: runs wrk and fails loudly on
# anything but 2xx responses and on socket errors.
run_wrk() {
    local secs=$1 conns=$2 script=$3 out=$4 st=0
    run_child "$out" wrk -t"$load_threads" -c"$conns" -d"${secs}s" --timeout 30s --latency \
        -s "$script" "http://127.0.0.1:$port" || st=$?
    if [ $st != 0 ] || ! grep -q '^BENCH ' "$out"; then
        cat "$out" >&2
        die "wrk failed (exit status $st)"
    fi
    local non2xx sockerr
    non2xx=$(wrk_field non2xx "$out")
    sockerr=$(($(wrk_field connect "$out") + $(wrk_field read "$out") + $(wrk_field write "$out") + $(wrk_field timeout "$out")))
    if [ "$non2xx" != 0 ] || [ "$sockerr" != 0 ]; then
        cat "$out" >&2
        echo "---- httpd error_log (last 30 lines) ----" >&2
        tail -n 30 "$httpd_error_log" >&2
        die "the module answered $non2xx non-2xx response(s) (status x count: $(wrk_field codes "$out")) and wrk saw $sockerr socket error(s); the numbers are void"
    fi
}

# Before each measured run the database starts from the same state: no dead
# rows left over, statistics fresh, nothing dirty waiting for a checkpoint.
settle() { sql -c "VACUUM ANALYZE" -c "CHECKPOINT"; }
