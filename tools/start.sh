#!/usr/bin/env bash
# npm start: the whole system with its demo data on this machine, without Docker.
# Starts the Kafka broker, creates the topics, starts every service in tools/services.json
# (each migrates its schema and seeds demo data at boot) and waits until each answers /health/ready.
# Services run grouped in a few Node processes (LAYOUT=small, the default; LAYOUT=each: one process per
# service); each process is supervised (tools/supervise.js) and restarted when it dies. REPLICAS=2 starts
# a second copy of every process without lapor-sim, gateway or intake (ports +10), in the same consumer groups.
# Runs in the foreground: Ctrl-C (or SIGTERM) stops the services. `npm start -- --detach` returns
# once everything is ready; `npm stop` stops a detached system.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/node/ensure-runtime.sh
root="$(pwd)"
mkdir -p .run/logs
node tools/dev-keys.js  # development keys in .run/keys/ on first run (docs/security.md)
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
npm run -s web:build  # the web UI the gateway serves (apps/web/dist)
port_open 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
port_open 6379 || { echo "Redis is not reachable on 127.0.0.1:6379" >&2; exit 1; }

bash tools/kafka/start.sh
node tools/run.js libs/shared/messaging/src/cli/create-topics.cli.ts
# Development keys (token signing, channel secrets), created once under .run/keys.
[ -f tools/dev-keys.js ] && node tools/dev-keys.js

layout="${LAYOUT:-small}"
replicas="${REPLICAS:-1}"
# One line per process: NAME PORT_OFFSET SERVICE...
mapfile -t processes < <(LAYOUT="$layout" REPLICAS="$replicas" node -e '
  const { services, layouts } = require("./tools/services.json");
  const groups = layouts[process.env.LAYOUT];
  if (!groups) { console.error(`unknown LAYOUT ${process.env.LAYOUT}: ${Object.keys(layouts).join(", ")}`); process.exit(2); }
  for (const g of groups) console.log([g.name, 0, ...g.services].join(" "));
  for (let r = 2; r <= Number(process.env.REPLICAS); r++)
    for (const g of groups) if (!g.services.some((s) => ["lapor-sim", "gateway", "intake"].includes(s))) console.log([`${g.name}-${r}`, 10 * (r - 1), ...g.services].join(" "));
')
# One line per service instance to wait for: NAME PORT
mapfile -t services < <(for line in "${processes[@]}"; do
  read -r _ offset names <<<"$line"
  for name in $names; do node -e 'const s = require("./tools/services.json").services.find((s) => s.name === process.argv[1]); console.log(s.name, s.port + Number(process.argv[2]))' "$name" "$offset"; done
done)

stop_all() {
  for line in "${processes[@]}"; do
    read -r name _ <<<"$line"
    pidfile=".run/$name.pid"
    [ -f "$pidfile" ] && kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
  done
  for line in "${processes[@]}"; do
    read -r name _ <<<"$line"
    pidfile=".run/$name.pid"
    if [ -f "$pidfile" ]; then
      for _ in $(seq 1 100); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.25; done
      rm -f "$pidfile"
    fi
  done
}

for line in "${processes[@]}"; do
  read -r name offset names <<<"$line"
  pidfile=".run/$name.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "$name: already running (pid $(cat "$pidfile"))"; continue
  fi
  # shellcheck disable=SC2086
  # SERVICE_NODE_ARGS: extra node flags for the service processes (e.g. --cpu-prof --cpu-prof-dir=DIR for a profile).
  PORT_OFFSET="$offset" nohup node tools/supervise.js "$name" -- node ${SERVICE_NODE_ARGS:-} tools/run.js tools/combined/run-together.ts $names >> ".run/logs/$name.log" 2>&1 &
  echo $! > "$pidfile"
  echo "$name: starting $names (log .run/logs/$name.log)"
done

for line in "${services[@]}"; do
  read -r name port <<<"$line"
  ready=false
  for _ in $(seq 1 480); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=true; break; fi
    # A supervisor that gave up (the configuration is refused) will not bring it up.
    gone=false
    for pidfile in .run/*.pid; do kill -0 "$(cat "$pidfile")" 2>/dev/null || gone=true; done
    $gone && break
    sleep 0.5
  done
  if ! $ready; then
    echo "$name did not become ready on :$port; last log lines:" >&2
    for f in .run/logs/*.log; do tail -5 "$f" >&2; done
    stop_all
    exit 1
  fi
  echo "$name: ready at http://127.0.0.1:$port (API docs /docs, health /health/ready, metrics /metrics)"
done

echo "all ${#services[@]} services ready in ${#processes[@]} processes (LAYOUT=$layout, REPLICAS=$replicas); Kafka on $KAFKA_BROKERS"
if $detach; then exit 0; fi
trap 'echo; echo "stopping..."; stop_all; exit 0' INT TERM
echo "press Ctrl-C to stop"
while true; do sleep 3600 & wait $!; done
