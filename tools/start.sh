#!/usr/bin/env bash
# npm start: the whole system with its demo data on this machine, without Docker.
# Starts the Kafka broker, creates the topics, starts every service in tools/services.json
# (each migrates its schema and seeds demo data at boot) and waits until each answers /health/ready.
# Runs in the foreground: Ctrl-C (or SIGTERM) stops the services. `npm start -- --detach` returns
# once everything is ready; `npm stop` stops a detached system.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/node/ensure-runtime.sh
root="$(pwd)"
mkdir -p .run/logs
detach=false
[ "${1:-}" = "--detach" ] && detach=true

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bekasi_lapor}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export DEMO_SEED="${DEMO_SEED:-true}"
export TIME_SCALE="${TIME_SCALE:-1}"
# One real instant for every service, so a scaled business clock reads the same in all of them.
export CLOCK_REAL_EPOCH="${CLOCK_REAL_EPOCH:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
[ -d node_modules ] || npm install --no-audit --no-fund --loglevel=error
port_open 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
port_open 6379 || { echo "Redis is not reachable on 127.0.0.1:6379" >&2; exit 1; }

bash tools/kafka/start.sh
node tools/run.js libs/shared/messaging/src/cli/create-topics.cli.ts

mapfile -t services < <(node -e 'for (const s of require("./tools/services.json").services) console.log([s.name, s.entry, s.port].join(" "))')

stop_all() {
  for line in "${services[@]}"; do
    read -r name _ _ <<<"$line"
    pidfile=".run/$name.pid"
    [ -f "$pidfile" ] && kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
  done
  for line in "${services[@]}"; do
    read -r name _ _ <<<"$line"
    pidfile=".run/$name.pid"
    if [ -f "$pidfile" ]; then
      for _ in $(seq 1 40); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.25; done
      rm -f "$pidfile"
    fi
  done
}

for line in "${services[@]}"; do
  read -r name entry port <<<"$line"
  pidfile=".run/$name.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "$name: already running (pid $(cat "$pidfile"))"; continue
  fi
  PORT="$port" nohup node tools/run.js "$entry" >> ".run/logs/$name.log" 2>&1 &
  echo $! > "$pidfile"
  echo "$name: starting on :$port (log .run/logs/$name.log)"
done

for line in "${services[@]}"; do
  read -r name entry port <<<"$line"
  ready=false
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=true; break; fi
    kill -0 "$(cat ".run/$name.pid")" 2>/dev/null || break
    sleep 0.5
  done
  if ! $ready; then
    echo "$name did not become ready; last log lines:" >&2
    tail -20 ".run/logs/$name.log" >&2
    stop_all
    exit 1
  fi
  echo "$name: ready at http://127.0.0.1:$port (API docs /docs, health /health/ready, metrics /metrics)"
done

echo "all ${#services[@]} services ready; Kafka on $KAFKA_BROKERS"
if $detach; then exit 0; fi
trap 'echo; echo "stopping..."; stop_all; exit 0' INT TERM
echo "press Ctrl-C to stop"
while true; do sleep 3600 & wait $!; done
