#!/usr/bin/env bash
# Synthetic data load rate: starts the packaged backend on a fresh data directory with
# -Ddixian.synthetic.size=<size>, waits for the loader's report and prints it (households/s, members/s and
# the ratio to a plain COPY of the same rows), then stops the backend.
# Usage: bench/generate.sh [size=province] [timeout-seconds=3600]   (after ./mvnw -B -pl backend -am -DskipTests package)
# KEEP_DATA=1 keeps the data directory (printed) for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-province}
TIMEOUT=${2:-3600}
JAR=backend/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -pl backend -am -DskipTests package" >&2; exit 1; }
DATA=$(mktemp -d /tmp/dixian-synthetic-XXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
LOG="$DATA/backend.log"
java ${JAVA_OPTS:-} -Dquarkus.profile=dev -Ddixian.data-dir="$DATA" -Dquarkus.http.port="$PORT" \
  -Ddixian.synthetic.size="$SIZE" -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; [ -n "${KEEP_DATA:-}" ] || rm -rf "$DATA"; }
trap cleanup EXIT
echo "size $SIZE, data $DATA, log $LOG, pid $PID"
deadline=$(( $(date +%s) + TIMEOUT ))
until grep -q -e 'Synthetic data baseline' -e 'Synthetic data load failed' -e 'Synthetic data (.*) skipped' "$LOG"; do
  kill -0 "$PID" 2>/dev/null || { echo "backend died" >&2; tail -30 "$LOG" >&2; exit 1; }
  [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out after ${TIMEOUT}s" >&2; grep 'Synthetic data' "$LOG" | tail -3 >&2; exit 1; }
  sleep 2
done
grep -e 'Synthetic data' -e 'started in' "$LOG" | grep -v ' of .* households$' || true
echo "database size: $(du -sh "$DATA/postgres" | cut -f1)"
