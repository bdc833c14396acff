#!/usr/bin/env bash
# The identification chain walked through under load (issue: identification chain): starts the packaged backend
# like households.sh, but with a public notice of 0 working days so a case can go from opening to county approval
# at once; picks <households> households of the demo township (410225101000) without an open case, each with a
# village cadre account of its village; bench/Chain.java walks them (open, visit, village review, close notice,
# township, county) with <concurrency> chains at once and prints chains/s and latencies; then checks that every
# walked household is MONITORED and has its national-sync message queued.
# Usage: bench/chain.sh [size=demo] [concurrency=16] [households=2000]   (after ./mvnw -B -pl backend -am -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-demo}
CONC=${2:-16}
N=${3:-2000}
export JAVA_OPTS="${JAVA_OPTS:-} -Ddixian.cases.limits.public-notice=0"
PREPARE_OPTS="-Dfarmers=1 -Ddeclarants=1"
. bench/backend.sh
URL="http://127.0.0.1:$PORT"
LIST="$REQ/chain-households.txt"
psql -c "select h.id, (select a.id from account a where a.role = 'VILLAGE_CADRE' and a.region_code = h.region_code
                         order by a.id limit 1)
           from household h
          where h.region_code >= '410225101000' and h.region_code < '410225102000' and h.category <> 'MONITORED'
            and exists (select 1 from account a where a.role = 'VILLAGE_CADRE' and a.region_code = h.region_code)
            and not exists (select 1 from identification_case c where c.household_id = h.id and c.open)
          order by h.id limit $N" | tr '|' ' ' > "$LIST"
echo "households to walk: $(wc -l < "$LIST")"
before=$(psql -c "select count(*) from outbox where topic = 'national.sync'")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/Chain.java "$URL" "$LIST" "$CONC" | tee "$OUT"
after=$(psql -c "select count(*) from outbox where topic = 'national.sync'")
IDS=$(cut -d' ' -f1 "$LIST" | paste -sd, -)
monitored=$(psql -c "select count(*) from household where id = any('{$IDS}'::bigint[]) and category = 'MONITORED'")
echo "national-sync messages queued during the run: $((after - before)); walked households now MONITORED: $monitored"
