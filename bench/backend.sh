# Shared by the load benchmarks (sourced, not run): checks the tools, starts the packaged backend (dev profile,
# -Ddixian.synthetic.size=$SIZE) on a fresh data directory (BENCH_DATA_DIR=/path reuses and keeps one), waits for
# the synthetic data, its COPY baseline and /q/health/ready, prepares the requests with bench/Prepare.java into
# $REQ (unless SKIP_PREPARE), and defines psql for the embedded PostgreSQL. The backend is always stopped on exit.
# Needs: SIZE. Sets: PID, PORT, DATA, LOG, OUT, REQ, PGPORT, PSQL_ARGS, PGBENCH.
PGBENCH=${PGBENCH:-$(command -v pgbench || echo /usr/bin/pgbench)}
JAR=backend/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -pl backend -am -DskipTests package" >&2; exit 1; }
[ -x "$PGBENCH" ] || { echo "pgbench not found (apt-get install -y postgresql-contrib)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk not found (apt-get install -y wrk)" >&2; exit 1; }
if [ -n "${BENCH_DATA_DIR:-}" ]; then DATA=$BENCH_DATA_DIR; mkdir -p "$DATA"; KEEP=1; else DATA=$(mktemp -d /tmp/dixian-bench-XXXX); KEEP=; fi
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
LOG="$DATA/backend-$(date +%Y%m%d-%H%M%S).log"
OUT=$(mktemp /tmp/dixian-bench-out-XXXX)
REQ=$(mktemp -d /tmp/dixian-bench-requests-XXXX)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$OUT" "$OUT".* "$REQ"
  [ -n "$KEEP" ] || rm -rf "$DATA"
}
trap cleanup EXIT
java ${JAVA_OPTS:-} -Dquarkus.profile=dev -Ddixian.data-dir="$DATA" -Dquarkus.http.port="$PORT" \
  -Ddixian.synthetic.size="$SIZE" -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
echo "size $SIZE, data $DATA, log $LOG, pid $PID"
until grep -q -e 'Synthetic data loaded' -e 'Synthetic data load failed' -e 'Synthetic data (.*) skipped' "$LOG"; do
  kill -0 "$PID" 2>/dev/null || { echo "backend died" >&2; tail -30 "$LOG" >&2; exit 1; }
  sleep 1
done
grep -q 'Synthetic data load failed' "$LOG" && { echo "synthetic load failed" >&2; grep -A5 'load failed' "$LOG" >&2; exit 1; }
grep -e 'Synthetic staff' -e 'Synthetic data loaded' -e 'Synthetic data (.*) skipped' "$LOG" | sed 's/^.*INFO/INFO/'
# The loader's COPY baseline runs after the load; wait for it so it does not compete with the measurement.
if grep -q 'Synthetic data loaded' "$LOG"; then
  for _ in $(seq 1 600); do grep -q -e 'Synthetic data baseline' -e 'baseline.*failed' "$LOG" && break; sleep 1; done
  grep -e 'Synthetic data baseline' "$LOG" | sed 's/^.*INFO/INFO/' || true
fi
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  kill -0 "$PID" 2>/dev/null || { echo "backend died" >&2; tail -30 "$LOG" >&2; exit 1; }
  sleep 0.5
done
PGPORT=$(grep -o 'Embedded PostgreSQL on 127.0.0.1:[0-9]*' "$LOG" | head -1 | grep -o '[0-9]*$')
PSQL_ARGS=(-h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)
export PGPASSWORD=${PGPASSWORD:-postgres}
psql() { PGOPTIONS="-c client_min_messages=warning" command psql "${PSQL_ARGS[@]}" -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }
echo "embedded PostgreSQL on port $PGPORT; households: $(psql -c 'select count(*) from household')"

# SKIP_PREPARE=1: the caller writes its own request files (bench/tickets.sh).
[ -n "${SKIP_PREPARE:-}" ] || java ${PREPARE_OPTS:-} bench/Prepare.java "http://127.0.0.1:$PORT" "$REQ"
