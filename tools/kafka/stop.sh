#!/usr/bin/env bash
# Stops the broker started by start.sh (SIGTERM, then waits for a clean shutdown).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
home="${KAFKA_HOME_DIR:-$root/.kafka}"
pidfile="$home/kafka.pid"
if [ ! -f "$pidfile" ] || ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "kafka: not running"; rm -f "$pidfile"; exit 0
fi
pid="$(cat "$pidfile")"
kill -TERM "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "kafka: stopped"; exit 0; }
  sleep 0.5
done
echo "kafka: still running after 30 s, killing" >&2
kill -KILL "$pid" 2>/dev/null || true
rm -f "$pidfile"
