// Integration tests talk to the real Kafka, PostgreSQL and Redis. Fail fast, with the fix, when one
// of them is not there instead of letting every test time out.
const net = require('node:net');

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

module.exports = async function globalSetup() {
  const kafka = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',')[0].split(':');
  const checks = [
    ['Kafka', kafka[0], Number(kafka[1]), 'npm run kafka:start'],
    ['PostgreSQL', process.env.PGHOST || '127.0.0.1', Number(process.env.PGPORT || 5432), 'start the local PostgreSQL'],
    ['Redis', process.env.REDIS_HOST || '127.0.0.1', Number(process.env.REDIS_PORT || 6379), 'start the local Redis'],
  ];
  const missing = [];
  for (const [name, host, port, fix] of checks) {
    if (!(await reachable(host, port))) missing.push(`${name} at ${host}:${port} (${fix})`);
  }
  if (missing.length) throw new Error(`integration tests need: ${missing.join('; ')}`);
};
