#!/usr/bin/env bash
# Household registry under load: starts the packaged backend (dev profile) with -Ddixian.synthetic.size=<size>,
# waits for the synthetic data and /q/health/ready, prepares the requests (bench/Prepare.java: logins, region
# list, household ids, 30 bound farmers), runs wrk (bench/wrk/paths.lua) for the scenarios floor, search, detail
# and window, then pgbench baselines (bench/sql/search.sql, detail.sql) against the same embedded PostgreSQL at
# the same concurrency, prints a summary table, and always stops the backend.
# Usage: bench/households.sh [size=demo] [concurrency=200] [seconds=20]
#   (after ./mvnw -B -pl backend -am -DskipTests package; needs wrk and pgbench: apt-get install -y wrk postgresql-contrib)
# BENCH_DATA_DIR=/path reuses (or creates and keeps) a data directory, so a province is generated only once.
# MAX_REQUESTS caps each scenario's requests (default: no cap, the duration bounds it); PGBENCH=path overrides
# /usr/bin/pgbench; WARMUP=seconds of unmeasured load before each scenario (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-demo}
CONC=${2:-200}
SECS=${3:-20}
WARMUP=${WARMUP:-5}
. bench/backend.sh
echo "concurrency $CONC, ${SECS}s per scenario"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for s in floor search detail window; do
  if [ ! -s "$REQ/$s.txt" ]; then echo "$s: no requests prepared, skipped"; continue; fi
  SCENARIO=$s BENCH_DIR=$REQ wrk -t2 -c"$CONC" -d"${WARMUP}s" -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" >/dev/null
  SCENARIO=$s BENCH_DIR=$REQ MAX_REQUESTS=${MAX_REQUESTS:-} wrk -t2 -c"$CONC" -d"${SECS}s" --timeout 10s \
    -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" | tee -a "$OUT" | grep RESULT
done
echo "load average after the API runs: $(cut -d' ' -f1-3 /proc/loadavg)"

# pgbench baselines on the same database, same concurrency, 2 pgbench threads.
psql -c "drop table if exists bench_region;
  create table bench_region as
    select row_number() over (order by code)::int as n, code as lo,
           rpad(lpad((p::bigint + 1)::text, length(p), '0'), 12, '0') as hi
      from (select code, case level when 4 then left(code, 9) else code end as p
              from region where code like '410225%' and level in (4, 5)) r;
  create unique index on bench_region (n); analyze bench_region;"
psql -c "drop table if exists bench_household;
  create table bench_household as
    select row_number() over (order by id)::int as n, id from household where region_code like '410225%' and not deleted;
  create unique index on bench_household (n); analyze bench_household;"
NREG=$(psql -c 'select count(*) from bench_region')
NIDS=$(psql -c 'select count(*) from bench_household')
# max_connections (200 in EmbeddedServers) minus the backend's pools and superuser slots bounds the clients.
FREE=$(psql -c "select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int - count(*) - 5 from pg_stat_activity")
PGC=$(( CONC < FREE ? CONC : FREE ))
[ "$PGC" -lt "$CONC" ] && echo "pgbench clients capped at $PGC (max_connections leaves $FREE free; the backend itself uses a pool of 40)"
pgb() { # name script vars...
  local name=$1 script=$2; shift 2
  "$PGBENCH" "${PSQL_ARGS[@]}" -n -c "$PGC" -j 2 -T "$SECS" -M prepared "$@" -f "$script" 2>&1 | tee "$OUT.$name" \
    | grep -e 'number of transactions actually' -e 'latency average' -e 'tps' -e 'failed' || true
}
echo "pgbench search ($NREG townships and villages):"
pgb search bench/sql/search.sql -D nregions="$NREG"
echo "pgbench detail ($NIDS households of 410225):"
pgb detail bench/sql/detail.sql -D nids="$NIDS"
psql -c 'drop table if exists bench_region; drop table if exists bench_household'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

field() { grep "RESULT scenario=$1 " "$OUT" | grep -o "$2=[0-9.]*" | cut -d= -f2; }
tps() { grep -o 'tps = [0-9.]*' "$OUT.$1" | head -1 | grep -o '[0-9.]*$' | xargs printf '%.1f' 2>/dev/null || true; }
lat() { grep -o 'latency average = [0-9.]*' "$OUT.$1" | grep -o '[0-9.]*$' | xargs printf '%.2f' 2>/dev/null || true; }
echo
echo "API at concurrency $CONC; pgbench at $PGC clients, 2 threads, ${SECS}s"
echo "| scenario | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | non-2xx | pgbench tps | pgbench avg ms | API / pgbench |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for s in floor search detail window; do
  if ! grep -q "RESULT scenario=$s " "$OUT"; then echo "| $s | skipped | | | | | | | | | |"; continue; fi
  t=; l=; r=
  if [ -f "$OUT.$s" ]; then t=$(tps "$s"); l=$(lat "$s"); fi
  if [ -n "$t" ]; then r=$(awk -v a="$(field "$s" rps)" -v b="$t" 'BEGIN{printf "%.2f", a/b}'); fi
  echo "| $s | $(field "$s" rps) | $(field "$s" p50) | $(field "$s" p95) | $(field "$s" p99) | $(field "$s" max) | $(field "$s" errors) | $(field "$s" non2xx) | ${t:-—} | ${l:-—} | ${r:-—} |"
done
rm -f "$OUT".*
