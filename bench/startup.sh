#!/usr/bin/env bash
# Cold start of the packaged backend with its embedded servers already initialised (data directory exists).
# Prints, per run, Quarkus's own "started in", the embedded PostgreSQL start, and the wall time from
# process launch to /q/health/ready = 200; then the medians.
# Usage: bench/startup.sh [runs=5]   (after ./mvnw -B install -DskipTests; JAVA_OPTS adds JVM flags)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAR=backend/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B install -DskipTests" >&2; exit 1; }
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
trap 'rm -rf "$DATA"' EXIT

start() {
  local log=$1 t0 t1
  t0=$(date +%s%N)
  java ${JAVA_OPTS:-} -Ddixian.synthetic.size=none -Dquarkus.profile=dev -Ddixian.data-dir="$DATA" -Dquarkus.http.port="$PORT" -jar "$JAR" >"$log" 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "backend died" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

echo "initialising the data directory (first start: initdb, migrations, regions, demo data)..."
first=$(start "$DATA/first.log")
echo "first start to ready: ${first} ms"
started=(); pg=(); ready=()
for i in $(seq 1 "$RUNS"); do
  w=$(start "$DATA/run$i.log")
  s=$(grep -o 'started in [0-9.]*s' "$DATA/run$i.log" | grep -o '[0-9.]*' | awk '{printf "%d", $1*1000}')
  p=$(grep -o 'Embedded PostgreSQL.*ready in [0-9]* ms' "$DATA/run$i.log" | grep -o 'in [0-9]* ms' | grep -o '[0-9]*')
  echo "run $i: quarkus started in ${s} ms, embedded PostgreSQL ${p} ms, launch→ready ${w} ms"
  started+=("$s"); pg+=("$p"); ready+=("$w")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median over $RUNS runs: quarkus started in $(median "${started[@]}") ms (of which embedded PostgreSQL $(median "${pg[@]}") ms); launch→ready $(median "${ready[@]}") ms"
