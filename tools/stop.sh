#!/usr/bin/env bash
# npm stop: stops the services a detached `npm start` left running (SIGTERM: they drain), then Kafka.
set -uo pipefail
cd "$(dirname "$0")/.."
for pidfile in .run/*.pid; do
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  kill -TERM "$pid" 2>/dev/null && echo "$(basename "$pidfile" .pid): stopping"
done
for pidfile in .run/*.pid; do
  [ -f "$pidfile" ] || continue
  for _ in $(seq 1 100); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.25; done
  rm -f "$pidfile"
done
[ "${1:-}" = "--keep-kafka" ] || bash tools/kafka/stop.sh
