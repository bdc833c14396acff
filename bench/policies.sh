#!/usr/bin/env bash
# Policies at provincial volume (issue: policies and 政策找人). Starts the packaged backend like households.sh
# (shared bench/backend.sh, BENCH_DATA_DIR=/path keeps the data directory so the 2,000,000-household province is
# generated once), then:
#  1. adds a cadre account for every city and county (the synthetic data has village cadres only) and publishes,
#     through the API, POLICIES_PER_COUNTY policies per county, 5 per city and 20 for the province, each with
#     conditions drawn from bench/policies.py (8 parallel senders); prints how long that took;
#  2. 政策找人 over the whole province: a province policy (a member aged 60 or more with a serious or chronic
#     illness, in a monitored household or a household below 1.5 times the threshold) evaluated by
#     GET /api/policies/{id}/matches?region=<province> five times, against the same condition written by hand in
#     SQL (psql, \timing) as the baseline;
#  3. "policies for me" (GET /api/me/policies) by the bound farmers Prepare.java makes, and policy search
#     (GET /api/policies?q=…) by those farmers and by the county and city cadres, under wrk -c<concurrency>:
#     WARMUP seconds unmeasured, then <seconds> as fast as it goes, then <seconds> offered at half that rate.
# RESET=1 first removes the policies earlier runs published.
# Usage: bench/policies.sh [size=province] [concurrency=100] [seconds=20]
#        (after ./mvnw -B -q -o -pl backend -am -DskipTests package; apt-get install -y wrk postgresql-contrib jq)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-province}
CONC=${2:-100}
SECS=${3:-20}
WARMUP=${WARMUP:-10}
PER_COUNTY=${POLICIES_PER_COUNTY:-10}
. bench/backend.sh
URL="http://127.0.0.1:$PORT"
login() { curl -sf -X POST "$URL/auth/dev/login" -H 'Content-Type: application/json' -d "{\"accountId\":$1}" | jq -r .accessToken; }

# ---- 1. publishers and policies ----
PROVINCE_CADRE=$(psql -c "select id from account where role = 'PROVINCE_CADRE' and status = 'ACTIVE' order by id limit 1")
PROVINCE=$(psql -c "select region_code from account where id = $PROVINCE_CADRE")
if [ -n "${RESET:-}" ]; then
  echo "RESET: removing the policies earlier runs published"
  psql -c "set session_replication_role = replica; -- the append-only guards: a benchmark's own rows only
    create temp table gone as select id from policy where title like '%（压测）' or title like '%（政策找人压测）';
    delete from policy_reach_event where policy_id in (select id from gone);
    delete from policy_reach where policy_id in (select id from gone);
    delete from policy_event where policy_id in (select id from gone);
    delete from policy_conditions where policy_id in (select id from gone);
    delete from policy where id in (select id from gone)"
fi
psql -c "insert into account (name, region_code, role, position, request_key)
    select '压测' || case level when 2 then '市级' else '县级' end || '干部', code,
           case level when 2 then 'CITY_CADRE' else 'COUNTY_CADRE' end, '乡村振兴局', 'bench:policy:' || code
      from region where level in (2, 3) and code like '${PROVINCE:0:2}%'
    on conflict (request_key) do nothing"
: >"$REQ/publishers.txt"
printf '%s\t%s\t%s\n' "$PROVINCE" "$(login "$PROVINCE_CADRE")" 20 >>"$REQ/publishers.txt"
psql -F ' ' -c "select a.id, a.region_code, r.level from account a join region r on r.code = a.region_code
   where a.request_key like 'bench:policy:%' order by a.region_code" | while read -r id code level; do
  printf '%s\t%s\t%s\n' "$code" "$(login "$id")" "$([ "$level" = 2 ] && echo 5 || echo "$PER_COUNTY")" >>"$REQ/publishers.txt"
done
have=$(psql -c "select count(*) from policy where title like '%（压测）'")
if [ "$have" -eq 0 ]; then
  t0=$(date +%s.%N)
  python3 bench/policies.py publish "$URL" "$REQ/publishers.txt"
  t1=$(date +%s.%N)
  echo "published $(psql -c "select count(*) from policy where title like '%（压测）'") policies in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s"
fi
echo "policies: $(psql -c 'select count(*) from policy'), published: $(psql -c "select count(*) from policy where status = 'PUBLISHED'")"

# ---- 2. 政策找人 over the province ----
PTOKEN=$(sed -n 1p "$REQ/publishers.txt" | cut -f2)
POLICY=$(python3 bench/policies.py province-policy "$URL" "$PTOKEN")
echo "政策找人, policy $POLICY over $PROVINCE (5 calls, ms each; eligible / receiving / not reached):"
times=""
for _ in 1 2 3 4 5; do
  times="$times $(curl -sf -o "$REQ/matches.json" -w '%{time_total}' -H "Authorization: Bearer $PTOKEN" \
    "$URL/api/policies/$POLICY/matches?region=$PROVINCE&limit=20" | awk '{printf "%.0f", $1 * 1000}')"
done
echo "  API ms:$times; $(jq -r '"\(.eligible) / \(.receiving) / \(.notReached)"' "$REQ/matches.json")"
YEAR=$(psql -c "select max(year) from household_income")
echo "  baseline: the same condition by hand in SQL (psql, 3 runs; threshold from the backend's default):"
THRESHOLD=$(python3 bench/policies.py threshold)
for _ in 1 2 3; do
  psql -c '\timing on' -c "select count(*) from household h
     where not h.deleted
       and (h.category = 'MONITORED' or exists (select 1 from household_income i where i.household_id = h.id and i.year = $YEAR
                                                 and i.per_capita_net < 1.5 * $THRESHOLD))
       and exists (select 1 from member m where m.household_id = h.id and not m.removed
                    and m.birth_date <= (current_date - interval '60 years') and m.health in ('SERIOUS', 'CHRONIC'))" \
    | tr '\n' ' ' | sed 's/^/    /'; echo
done

# ---- 3. policies for me and search under load ----
cut -f2 "$REQ/window.txt" | sort -u | sed 's|^|/api/me/policies\t|' >"$REQ/forme.txt"
python3 bench/policies.py search-requests "$REQ/window.txt" "$REQ/publishers.txt" >"$REQ/search.txt"
echo "requests: $(wc -l <"$REQ/forme.txt") farmers for 'policies for me', $(wc -l <"$REQ/search.txt") searches"
run() { # scenario
  SCENARIO=$1 BENCH_DIR=$REQ wrk -t2 -c"$CONC" -d"${WARMUP}s" --timeout 10s -s bench/wrk/paths.lua "$URL" >/dev/null
  SCENARIO=$1 BENCH_DIR=$REQ wrk -t2 -c"$CONC" -d"${SECS}s" --timeout 10s -s bench/wrk/paths.lua "$URL" | tee -a "$OUT" | grep RESULT
  local half
  half=$(grep "scenario=$1 " "$OUT" | tail -1 | grep -o 'rps=[0-9.]*' | cut -d= -f2 | awk '{printf "%d", $1 / 2}')
  SCENARIO=$1 BENCH_DIR=$REQ RATE=$half CONNS=$CONC wrk -t2 -c"$CONC" -d"${SECS}s" --timeout 10s -s bench/wrk/paths.lua "$URL" \
    | tee -a "$OUT" | grep RESULT
}
SCENARIO=search BENCH_DIR=$REQ wrk -t2 -c"$CONC" -d20s --timeout 10s -s bench/wrk/paths.lua "$URL" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run forme
run search
echo
echo "| scenario | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | non-2xx |"
echo "|---|---|---|---|---|---|---|---|"
grep RESULT "$OUT" | while read -r line; do
  f() { echo "$line" | grep -o "$1=[0-9.]*" | cut -d= -f2; }
  echo "| $(echo "$line" | grep -o 'scenario=[^ ]*' | cut -d= -f2) | $(f rps) | $(f p50) | $(f p95) | $(f p99) | $(f max) | $(f errors) | $(f non2xx) |"
done
