#!/usr/bin/env bash
# npm run bench [-- --quick]: the throughput figures (tools/bench/bench.cli.ts). Starts the system on its
# usual ports with a database, topic prefix and Redis prefix of its own (bekasi_bench, bench., bench),
# fresh each run, so the demo's data is never touched; a running demo system is stopped first.
# Before it: IKP's month recompute and routing's decision/retraining speed (routing only without --quick).
# `npm run bench:import` and `npm run bench:poll` measure the import and the LAPOR! poller alone.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run/logs
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bekasi_bench}"
export KAFKA_TOPIC_PREFIX="${BENCH_TOPIC_PREFIX:-bench.}"
export REDIS_PREFIX="${BENCH_REDIS_PREFIX:-bench}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
export INTAKE_RATE_LIMIT=1000000
export LAPOR_SIM_RATE=0
export DEMO_SEED=true

bash tools/kafka/start.sh >/dev/null
if ls .run/*.pid >/dev/null 2>&1; then
  echo "bench: stopping the running system first (it uses the same ports)"
  bash tools/stop.sh --keep-kafka >/dev/null
fi
node tools/run.js tools/bench/bench-workspace.cli.ts reset
quick=false
for arg in "$@"; do [ "$arg" = "--quick" ] && quick=true; done
# The services' own speed figures first; the throughput run below ends the output with its JSON line.
if $quick; then
  echo "== IKP: recompute a month from the facts of 100,000 tickets (--quick; the full run uses 1,000,000)"
  node tools/run.js apps/ikp/src/cli/recompute-benchmark.ts 100000 1
else
  echo "== IKP: recompute a month from the facts of 1,000,000 tickets (target: under 10 s)"
  node tools/run.js apps/ikp/src/cli/recompute-benchmark.ts 1000000 3
  echo "== routing: decision latency with 100 units, retraining on 20,000 examples in a worker thread"
  node tools/run.js apps/routing/src/cli/routing-benchmark.ts
fi
bash tools/start.sh --detach > .run/logs/bench-start.log 2>&1 || { tail -20 .run/logs/bench-start.log; exit 1; }
status=0
node tools/run.js tools/bench/bench.cli.ts "$@" || status=$?
bash tools/stop.sh --keep-kafka >/dev/null
exit $status
