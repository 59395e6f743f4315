#!/usr/bin/env bash
# Starts a single-node Apache Kafka broker (KRaft, combined broker+controller) on 127.0.0.1.
# Jars come from Maven Central through tools/kafka/pom.xml; data and logs live in .kafka/ (git-ignored).
# Safe to run twice: a running broker is left alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
home="${KAFKA_HOME_DIR:-$root/.kafka}"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
mkdir -p "$home/logs" "$home/data"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -f "$home/kafka.pid" ] && kill -0 "$(cat "$home/kafka.pid")" 2>/dev/null && port_open "$port"; then
  echo "kafka: already running (pid $(cat "$home/kafka.pid")) on 127.0.0.1:$port"
  exit 0
fi
if port_open "$port"; then
  # Another checkout's broker (or an operator's) already serves this port: use it rather than fail.
  echo "kafka: a broker not started from this checkout already listens on 127.0.0.1:$port; using it"
  exit 0
fi

# Resolve the broker's jars once; Maven caches them in ~/.m2 for later runs.
if [ ! -f "$home/lib/.complete" ]; then
  echo "kafka: resolving broker jars from Maven Central"
  rm -rf "$home/lib"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$home/lib" -DincludeScope=runtime
  touch "$home/lib/.complete"
fi

cat > "$home/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$home/data
num.partitions=3
auto.create.topics.enable=false
delete.topic.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS

cat > "$home/log4j.properties" <<PROPS
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$home/logs/server.log
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=3
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.controller=INFO
PROPS

cp="$home/lib/*"
java_opts=(-Xms256m "-Xmx${KAFKA_HEAP:-768m}" -XX:+UseG1GC -Djava.awt.headless=true "-Dlog4j.configuration=file:$home/log4j.properties")

if [ ! -f "$home/data/meta.properties" ]; then
  cluster_id="$(java -cp "$cp" "${java_opts[@]}" kafka.tools.StorageTool random-uuid)"
  echo "kafka: formatting storage (cluster $cluster_id)"
  java -cp "$cp" "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$home/server.properties" > "$home/logs/format.log"
fi

nohup java -cp "$cp" "${java_opts[@]}" kafka.Kafka "$home/server.properties" > "$home/logs/stdout.log" 2>&1 &
echo $! > "$home/kafka.pid"

for _ in $(seq 1 120); do
  if ! kill -0 "$(cat "$home/kafka.pid")" 2>/dev/null; then
    echo "kafka: broker exited during start; see $home/logs/" >&2
    tail -20 "$home/logs/stdout.log" >&2 || true
    exit 1
  fi
  if port_open "$port" && grep -q "Kafka Server started" "$home/logs/server.log" 2>/dev/null; then
    echo "kafka: ready on 127.0.0.1:$port (pid $(cat "$home/kafka.pid"))"
    exit 0
  fi
  sleep 0.5
done
echo "kafka: not ready after 60 s; see $home/logs/server.log" >&2
exit 1
