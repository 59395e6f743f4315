// CPU time per process from /proc (user + system), so a step's table can say which process burnt
// the cores: the services' Node processes, the Kafka broker, PostgreSQL (all its backends), Redis.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICKS_PER_SECOND = 100;

function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime (fields 14-17 of the whole line): children that exited count too.
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function rssMbOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

function pidsNamed(command: string): number[] {
  try {
    return execFileSync('pgrep', ['-x', command], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The processes worth watching: each service process of npm start, the broker, PostgreSQL, Redis. */
export function watchedProcesses(root: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const run = join(root, '.run');
  if (existsSync(run)) {
    for (const file of readdirSync(run).filter((f) => f.endsWith('.child-pid')).sort()) {
      out.set(file.replace(/\.child-pid$/, ''), [Number(readFileSync(join(run, file), 'utf8'))]);
    }
  }
  const kafkaPid = join(root, '.kafka', 'kafka.pid');
  if (existsSync(kafkaPid)) out.set('kafka', [Number(readFileSync(kafkaPid, 'utf8'))]);
  out.set('postgres', pidsNamed('postgres'));
  out.set('redis', pidsNamed('redis-server'));
  return out;
}

export interface CpuSample {
  at: number;
  seconds: Map<string, number>;
}

export function sampleCpu(processes: Map<string, number[]>): CpuSample {
  const seconds = new Map<string, number>();
  for (const [name, pids] of processes) seconds.set(name, pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0));
  seconds.set('bench (load generator)', process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6);
  return { at: Date.now(), seconds };
}

/** Cores used per process between two samples (1.0 = one core busy all the time). */
export function coresBetween(a: CpuSample, b: CpuSample): Map<string, number> {
  const wall = (b.at - a.at) / 1000;
  const out = new Map<string, number>();
  for (const [name, s] of b.seconds) out.set(name, Math.round(((s - (a.seconds.get(name) ?? 0)) / wall) * 100) / 100);
  return out;
}

export function memoryMb(processes: Map<string, number[]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, pids] of processes) out.set(name, pids.reduce((sum, pid) => sum + rssMbOf(pid), 0));
  return out;
}
