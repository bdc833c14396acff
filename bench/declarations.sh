#!/usr/bin/env bash
# Risk declarations under load (issue: identification chain): starts the packaged backend like households.sh,
# then POST /api/cases/declarations with wrk (bench/wrk/declare.lua: unbound farmers x villages, a fresh
# Idempotency-Key per request) first as fast as it goes at <concurrency> connections, then offered at half that
# rate, then pgbench writing the same rows (bench/sql/declare.sql: case + two events in one transaction) on the
# same database; prints the ratio API / pgbench and checks that every answered request made exactly one case.
# Usage: bench/declarations.sh [size=demo] [concurrency=200] [seconds=20]   (after ./mvnw -B -pl backend -am -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-demo}
CONC=${2:-200}
SECS=${3:-20}
WARMUP=${WARMUP:-5}
PREPARE_OPTS=-Ddeclarants=1000
. bench/backend.sh
URL="http://127.0.0.1:$PORT"
# 1,000 farmers x 470 villages = 470,000 distinct declarations; each run starts at its own offset in that grid
# (warm-up 0, full speed 60,000, half speed 300,000), room for 12,000 declarations/s over 20 s.
declare_run() { # run-id offset [rate]
  BENCH_DIR=$REQ THREADS=2 CONNS=$CONC RUN="$1" OFFSET="$2" RATE="${3:-}" \
    wrk -t2 -c"$CONC" -d"${SECS}s" --timeout 10s -s bench/wrk/declare.lua "$URL" | tee -a "$OUT" | grep RESULT
}
before=$(psql -c "select count(*) from identification_case")
BENCH_DIR=$REQ THREADS=2 CONNS=$CONC RUN="warm-$$" OFFSET=0 wrk -t2 -c"$CONC" -d"${WARMUP}s" -s bench/wrk/declare.lua "$URL" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare_run "max-$$" 60000
MAX=$(grep 'RESULT scenario=declare ' "$OUT" | grep -o 'rps=[0-9.]*' | cut -d= -f2)
HALF=$(awk -v m="$MAX" 'BEGIN{printf "%d", m/2}')
declare_run "half-$$" 300000 "$HALF"
after=$(psql -c "select count(*) from identification_case")
answered=$(grep -o 'requests=[0-9]*' "$OUT" | cut -d= -f2 | awk '{s += $1} END {print s}')
echo "cases written during the measured runs and the warm-up: $((after - before)) (measured requests: $answered)"

psql -c "drop table if exists bench_declarant;
  create table bench_declarant as
    select row_number() over (order by id)::int as n, id from account where role = 'FARMER' and wechat_openid like 'o-decl-%';
  create unique index on bench_declarant (n); analyze bench_declarant;"
ND=$(psql -c 'select count(*) from bench_declarant')
FREE=$(psql -c "select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int - count(*) - 5 from pg_stat_activity")
PGC=$(( CONC < FREE ? CONC : FREE ))
echo "pgbench declare ($PGC clients, $ND declarants):"
"$PGBENCH" "${PSQL_ARGS[@]}" -n -c "$PGC" -j 2 -T "$SECS" -M prepared -D ndeclarants="$ND" -f bench/sql/declare.sql 2>&1 \
  | tee "$OUT.pgbench" | grep -e 'number of transactions actually' -e 'latency average' -e 'tps' -e 'failed' -e 'error' -e 'aborted' | head -5 || true
# The pgbench rows stay (case_event is append-only); their request_key starts with "pgbench:".
psql -c "drop table bench_declarant"
TPS=$(grep -o 'tps = [0-9.]*' "$OUT.pgbench" | head -1 | grep -o '[0-9.]*$')
echo
echo "| run | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | pgbench tps | API / pgbench |"
echo "|---|---|---|---|---|---|---|---|---|"
grep RESULT "$OUT" | while read -r line; do
  f() { echo "$line" | grep -o "$1=[0-9.]*" | cut -d= -f2; }
  name=$(echo "$line" | grep -o 'scenario=[^ ]*' | cut -d= -f2)
  echo "| $name | $(f rps) | $(f p50) | $(f p95) | $(f p99) | $(f errors) | $(f non2xx) | ${TPS:-—} | $(awk -v a="$(f rps)" -v b="${TPS:-0}" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "—" }') |"
done
