import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  model: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

/** What ran the benchmark: figures are only comparable on the same kind of machine. */
export function describeMachine(): Machine {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) model = line.split(':')[1].trim();
  } catch {
    // Not Linux: os.cpus() already named the model.
  }
  return {
    cores: cpus().length,
    model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
