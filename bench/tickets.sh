#!/usr/bin/env bash
# Complaint tickets at provincial volume (issue: tickets). Starts the packaged backend like households.sh (shared
# bench/backend.sh; BENCH_DATA_DIR=/path keeps the data directory, so the province and the tickets are generated
# once), then:
#  1. tops the ticket table up to $TICKETS (default 1,000,000) synthetic tickets with steps (bench/sql/tickets.sql:
#     psql, insert … select generate_series) and prints how the open tickets spread over the townships;
#  2. picks by SQL up to 100 townships with 200–2,000 open tickets (a TOWNSHIP_CADRE account is added for each, as the
#     synthetic data has village cadres only) and 100 village cadres of those townships, logs them in through
#     /auth/dev/login and writes the request files (GET /api/tickets?view=todo and view=all, limit 20);
#  3. EXPLAIN ANALYZE of TicketService's TODO and ALL statements (the text is taken from TicketService.java) for the
#     busiest picked township and village, with the plan the pool would use after five executions (generic) too;
#  4. for each scenario wrk -t2 -c<concurrency> with bench/wrk/paths.lua: WARMUP seconds unmeasured, then <seconds>
#     as fast as it goes, then <seconds> offered at half the rate reached (RATE, Poisson arrivals);
#  5. ticket statistics (GET /api/tickets/stats) of the province, a city, a county and a township, five times each;
#  6. ticket creation: POST /api/external/tickets by a platform of the province (bench/wrk/push.lua, a new number per
#     request) as fast as <concurrency> connections go, then pgbench writing the same rows (bench/sql/ticket-push.sql).
# Each run leaves its pushes and pgbench rows (about 130,000 registered tickets); RESET=1 removes them first.
# Usage: bench/tickets.sh [size=province] [concurrency=200] [seconds=20]
#        (after ./mvnw -B -q -o -pl backend -am -DskipTests package; apt-get install -y wrk postgresql-contrib)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-province}
CONC=${2:-200}
SECS=${3:-20}
WARMUP=${WARMUP:-10}
TICKETS=${TICKETS:-1000000}
SKIP_PREPARE=1
. bench/backend.sh
URL="http://127.0.0.1:$PORT"
TODAY=$(TZ=Asia/Shanghai date +%F)

# ---- 1. tickets ----
if [ -n "${RESET:-}" ]; then
  echo "RESET: removing the tickets earlier runs pushed (bench/sql/tickets-reset.sql)"
  psql -f bench/sql/tickets-reset.sql
fi
have=$(psql -c "select count(*) from ticket where ticket_no like 'TB%'")
if [ "$have" -lt "$TICKETS" ]; then
  t0=$(date +%s.%N)
  psql -v n=$((TICKETS - have)) -f bench/sql/tickets.sql
  t1=$(date +%s.%N)
  echo "generated $((TICKETS - have)) tickets with their steps in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s"
fi
echo "tickets: $(psql -c 'select count(*) from ticket'), steps: $(psql -c 'select count(*) from ticket_event'), table + indexes: $(psql -c "select pg_size_pretty(pg_total_relation_size('ticket'))")"
psql -F ' ' -c "select status, count(*) from ticket group by 1 order by 2 desc" | sed 's/^/  /'
echo "open tickets (registered, handling, replied) per accepting township: min / p10 / median / p90 / max, townships with 200–2,000:"
psql -F ' / ' -c "with o as (select accept_region, count(*) n from ticket where status in ('REGISTERED', 'HANDLING', 'REPLIED') group by 1)
  select min(n), percentile_disc(0.1) within group (order by n), percentile_disc(0.5) within group (order by n),
         percentile_disc(0.9) within group (order by n), max(n), count(*) filter (where n between 200 and 2000) || ' of ' || count(*) from o" | sed 's/^/  /'

# ---- 2. accounts, tokens and request files ----
psql -c "drop table if exists bench_unit;
  create table bench_unit as
    select township from (select accept_region as township, count(*) n from ticket
                           where status in ('REGISTERED', 'HANDLING', 'REPLIED') group by 1) o
     where n between 200 and 2000 order by md5(township) limit 100;
  insert into account (name, region_code, role, position, request_key)
    select '压测乡镇干部', township, 'TOWNSHIP_CADRE', '镇乡村振兴办', 'bench:township:' || township from bench_unit
    on conflict (request_key) do nothing;"
TOWNSHIP_IDS=$(psql -c "select a.id from account a join bench_unit u on a.request_key = 'bench:township:' || u.township order by a.id")
VILLAGE_IDS=$(psql -c "select id from (select distinct on (substr(a.region_code, 1, 9)) a.id, a.region_code from account a
    join bench_unit u on a.region_code >= u.township and a.region_code < substr(u.township, 1, 9) || '999'
   where a.role = 'VILLAGE_CADRE' and a.status = 'ACTIVE' order by substr(a.region_code, 1, 9), md5(a.region_code)) v order by id")
login() { curl -sf -X POST "$URL/auth/dev/login" -H 'Content-Type: application/json' -d "{\"accountId\":$1}" | jq -r .accessToken; }
write_requests() { # scenario view ids...
  local scenario=$1 view=$2; shift 2
  : >"$REQ/$scenario.txt"
  for id in "$@"; do
    printf '/api/tickets?view=%s&limit=20\t%s\n' "$view" "$(login "$id")" >>"$REQ/$scenario.txt"
  done
}
tokens() {
  # shellcheck disable=SC2086
  write_requests inbox-township todo $TOWNSHIP_IDS
  # shellcheck disable=SC2086
  write_requests all-township all $TOWNSHIP_IDS
  # shellcheck disable=SC2086
  write_requests inbox-village todo $VILLAGE_IDS
  # shellcheck disable=SC2086
  write_requests all-village all $VILLAGE_IDS
}
tokens
echo "cadres: $(wc -l <"$REQ/inbox-township.txt") townships, $(wc -l <"$REQ/inbox-village.txt") villages"
psql -F ' / ' -c "with t as (select township from bench_unit),
  todo as (select t.township, (select count(*) from ticket x where (x.status = 'REGISTERED' and x.accept_region = t.township)
              or (x.status = 'HANDLING' and x.handler_region = t.township)
              or (x.status = 'REPLIED' and x.accept_region = t.township and x.rate_from <= '$TODAY')) n from t)
  select 'township todo lists: min ' || min(n) || ', median ' || percentile_disc(0.5) within group (order by n) || ', max ' || max(n) from todo"

# ---- 3. plans ----
java_sql() { # NAME FILE: the text block of 'private static final String NAME = """' … '""";'
  awk -v name="$1" '$0 ~ "String " name " = \"\"\"" {on=1; next} on && /^ *""";/ {exit} on {print}' "$2"
}
SERVICE=backend/src/main/java/org/dixian/ticket/TicketService.java
BUSY_TOWNSHIP=$(psql -c "select u.township from bench_unit u order by (select count(*) from ticket x where x.status = 'HANDLING' and x.handler_region = u.township) desc limit 1")
BUSY_VILLAGE=$(psql -c "select a.region_code from account a where a.id in ($(echo $VILLAGE_IDS | tr ' ' ','))
   order by (select count(*) from ticket x where x.status = 'HANDLING' and x.handler_region = a.region_code) desc limit 1")
plans() { # unit
  local unit=$1 from to
  read -r from to < <(psql -F ' ' -c "select rpad(substr('$unit', 1, case when '$unit' like '%000' then 9 else 12 end), 12, '0'),
      rpad((substr('$unit', 1, case when '$unit' like '%000' then 9 else 12 end)::bigint + 1)::text, 12, '0')")
  echo "-- $unit: todo (custom plan, then generic), all (custom, then generic)"
  psql <<SQL | grep -e 'Execution Time' -e 'Planning Time' -e 'Scan' -e 'Sort' -e 'Limit' -e 'Bitmap' | sed 's/^/  /'
prepare todo as $(java_sql TODO "$SERVICE");
prepare allq as $(java_sql ALL "$SERVICE");
explain (analyze, buffers off) execute todo('$unit', '$from', '$to', '$TODAY', null, false, null, 21);
set plan_cache_mode = force_generic_plan;
explain (analyze, buffers off) execute todo('$unit', '$from', '$to', '$TODAY', null, false, null, 21);
reset plan_cache_mode;
explain (analyze, buffers off) execute allq('$from', '$to', null, false, '$TODAY', null, $( [ "${unit: -3}" = 000 ] && echo true || echo false ), '$unit', 21);
set plan_cache_mode = force_generic_plan;
explain (analyze, buffers off) execute allq('$from', '$to', null, false, '$TODAY', null, $( [ "${unit: -3}" = 000 ] && echo true || echo false ), '$unit', 21);
SQL
}
plans "$BUSY_TOWNSHIP"
plans "$BUSY_VILLAGE"

# ---- 4. the inbox under load ----
run() { # scenario: warm-up, as fast as CONC connections go, then offered at half that rate (Poisson arrivals)
  SCENARIO=$1 BENCH_DIR=$REQ wrk -t2 -c"$CONC" -d"${WARMUP}s" --timeout 10s -s bench/wrk/paths.lua "$URL" >/dev/null
  SCENARIO=$1 BENCH_DIR=$REQ wrk -t2 -c"$CONC" -d"${SECS}s" --timeout 10s -s bench/wrk/paths.lua "$URL" | tee -a "$OUT" | grep RESULT
  local half
  half=$(grep "scenario=$1 " "$OUT" | tail -1 | grep -o 'rps=[0-9.]*' | cut -d= -f2 | awk '{printf "%d", $1 / 2}')
  SCENARIO=$1 BENCH_DIR=$REQ RATE=$half CONNS=$CONC wrk -t2 -c"$CONC" -d"${SECS}s" --timeout 10s -s bench/wrk/paths.lua "$URL" \
    | tee -a "$OUT" | grep RESULT
}
# The JIT needs more than one scenario's warm-up after a start.
SCENARIO=inbox-township BENCH_DIR=$REQ wrk -t2 -c"$CONC" -d30s --timeout 10s -s bench/wrk/paths.lua "$URL" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for s in inbox-township all-township inbox-village all-village; do run "$s"; done

# ---- 5. statistics ----
PROVINCE_CADRE=$(psql -c "select id from account where role = 'PROVINCE_CADRE' and status = 'ACTIVE' order by id limit 1")
STATS_TOKEN=$(login "$PROVINCE_CADRE")
BUSY_COUNTY=$(echo "$BUSY_TOWNSHIP" | cut -c1-6)000000
BUSY_CITY=$(echo "$BUSY_TOWNSHIP" | cut -c1-4)00000000
echo "statistics (GET /api/tickets/stats, province cadre, five calls each): region, tickets, ms per call"
for region in 410000000000 "$BUSY_CITY" "$BUSY_COUNTY" "$BUSY_TOWNSHIP"; do
  times=""
  for _ in 1 2 3 4 5; do
    times="$times $(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $STATS_TOKEN" "$URL/api/tickets/stats?region=$region" | awk '{printf "%.0f", $1 * 1000}')"
  done
  echo "  $region $(curl -sf -H "Authorization: Bearer $STATS_TOKEN" "$URL/api/tickets/stats?region=$region" | jq .total.received) ms:$times"
done
curl -sf -o /dev/null -w "  export of the province: %{http_code}, %{size_download} bytes, %{time_total} s\n" \
  -H "Authorization: Bearer $STATS_TOKEN" "$URL/api/tickets/stats/export?region=410000000000"

# ---- 6. ticket creation ----
MANAGER=$(psql -c "select id from account where role = 'ACCOUNT_MANAGER' and region_code = '410000000000' and status = 'ACTIVE' order by id limit 1")
SECRET_JSON=$(curl -sf -X POST "$URL/api/clients" -H "Authorization: Bearer $(login "$MANAGER")" -H 'Content-Type: application/json' \
  -d '{"name":"压测 12345 平台","regionCode":"410000000000","scopes":["tickets:push"]}')
CLIENT_ID=$(echo "$SECRET_JSON" | jq -r .client.clientId)
curl -sf -X POST "$URL/auth/token" -d grant_type=client_credentials -d "client_id=$CLIENT_ID" \
  -d "client_secret=$(echo "$SECRET_JSON" | jq -r .clientSecret)" | jq -r .access_token >"$REQ/push-token.txt"
psql -c "select code from region where level = 5 and code like '41%' order by md5(code) limit 2000" >"$REQ/villages.txt"
before=$(psql -c "select count(*) from ticket where client_id = '$CLIENT_ID'")
BENCH_DIR=$REQ RUN="warm-$$" wrk -t2 -c"$CONC" -d"${WARMUP}s" --timeout 10s -s bench/wrk/push.lua "$URL" >/dev/null
BENCH_DIR=$REQ RUN="push-$$" wrk -t2 -c"$CONC" -d"${SECS}s" --timeout 10s -s bench/wrk/push.lua "$URL" | tee -a "$OUT" | grep RESULT
after=$(psql -c "select count(*) from ticket where client_id = '$CLIENT_ID'")
answered=$(grep 'scenario=push' "$OUT" | grep -o 'requests=[0-9]*' | cut -d= -f2)
echo "tickets pushed during the warm-up and the run: $((after - before)) (measured requests: $answered)"
psql -c "drop table if exists bench_push_village;
  create table bench_push_village as select row_number() over (order by md5(code))::int as n, code from region
   where level = 5 and code like '41%';
  create unique index on bench_push_village (n); analyze bench_push_village;"
NV=$(psql -c 'select count(*) from bench_push_village')
FREE=$(psql -c "select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int - count(*) - 5 from pg_stat_activity")
PGC=$(( CONC < FREE ? CONC : FREE ))
echo "pgbench ticket-push ($PGC clients):"
"$PGBENCH" "${PSQL_ARGS[@]}" -n -c "$PGC" -j 2 -T "$SECS" -M prepared -D nvillages="$NV" -f bench/sql/ticket-push.sql 2>&1 \
  | tee "$OUT.pgbench" | grep -e 'number of transactions actually' -e 'latency average' -e 'tps' -e 'failed' -e 'error' -e 'aborted' | head -5 || true
psql -c "drop table bench_push_village; drop table bench_unit"
TPS=$(grep -o 'tps = [0-9.]*' "$OUT.pgbench" | head -1 | grep -o '[0-9.]*$' || true)

echo
echo "| scenario | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | non-2xx |"
echo "|---|---|---|---|---|---|---|---|"
grep RESULT "$OUT" | while read -r line; do
  f() { echo "$line" | grep -o "$1=[0-9.]*" | cut -d= -f2; }
  echo "| $(echo "$line" | grep -o 'scenario=[^ ]*' | cut -d= -f2) | $(f rps) | $(f p50) | $(f p95) | $(f p99) | $(f max) | $(f errors) | $(f non2xx) |"
done
PUSH=$(grep 'scenario=push' "$OUT" | grep -o 'rps=[0-9.]*' | cut -d= -f2)
echo "push: $PUSH req/s; pgbench $TPS tps; API / pgbench $(awk -v a="$PUSH" -v b="${TPS:-0}" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "—" }')"
