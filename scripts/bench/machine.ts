/** The machine a benchmark ran on, so figures can be compared across runs. */
import os from 'node:os';

export interface MachineInfo {
  cores: number;
  memory_gb: number;
  cpu_model: string;
  platform: string;
  node: string;
  neo4j: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  load_average_at_start: number;
}

export function describeMachine(neo4jVersion: string): MachineInfo {
  return {
    cores: os.cpus().length,
    memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    cpu_model: os.cpus()[0]?.model.trim() ?? 'unknown',
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    neo4j: neo4jVersion,
    load_average_at_start: round(os.loadavg()[0] ?? 0),
  };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
