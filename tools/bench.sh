#!/usr/bin/env bash
# npm run bench: the speed targets, measured against the real broker and database (never in a unit test).
# Starts its own lapor-sim on a spare port for the poller benchmark and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/node/ensure-runtime.sh
mkdir -p .run/logs
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
rows="${BENCH_IMPORT_ROWS:-10000}"
reports="${BENCH_POLL_REPORTS:-10000}"
sim_port="${BENCH_SIM_PORT:-3190}"

bash tools/kafka/start.sh >/dev/null

echo "== import of a Laporan Ringkas export ($rows rows; target: under 60 s)"
node tools/run.js apps/intake/src/cli/import-benchmark.ts "$rows"

echo "== LAPOR! API poller against lapor-sim ($reports reports)"
PORT="$sim_port" LAPOR_SIM_INITIAL_REPORTS="$reports" LAPOR_SIM_RATE=0 \
  node tools/run.js apps/lapor-sim/src/main.ts > .run/logs/bench-lapor-sim.log 2>&1 &
sim=$!
trap 'kill -TERM $sim 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$sim_port/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
LAPOR_API_BASE_URL="http://127.0.0.1:$sim_port" node tools/run.js apps/intake/src/cli/poll-benchmark.ts 500
kill -TERM $sim 2>/dev/null || true

echo "== end to end: webhook → intake → Kafka → routing → desk ticket → sla clock (300 complaints at 20/s)"
# Uses the running system, or starts it (and stops it afterwards) on its usual ports and database.
started_here=false
if ! curl -fsS http://127.0.0.1:3000/health/ready >/dev/null 2>&1; then
  env -u DATABASE_URL bash tools/start.sh --detach >/dev/null
  started_here=true
fi
status=0
node tools/run.js tools/bench/e2e-latency.ts "${BENCH_E2E_COMPLAINTS:-300}" "${BENCH_E2E_RATE:-20}" || status=$?
$started_here && bash tools/stop.sh --keep-kafka >/dev/null
exit $status
