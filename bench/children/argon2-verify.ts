import { type Algorithm, hash as argon2Hash, verify } from '@node-rs/argon2';
import { performance } from 'node:perf_hooks';

/**
 * The ceiling of sign-in throughput: argon2id verifies and nothing else, with the same
 * parameters, concurrency and thread pool (UV_THREADPOOL_SIZE) as the API it is compared with,
 * and the same library (@node-rs/argon2).
 */
const ARGON2ID = 2 as Algorithm;
const memoryCost = Number(process.env.ARGON2_MEMORY_KIB ?? 19456);
const timeCost = Number(process.env.ARGON2_TIME_COST ?? 2);
const parallelism = Number(process.env.ARGON2_PARALLELISM ?? 1);
const concurrency = Number(process.env.CONCURRENCY ?? 8);
const durationMs = Number(process.env.DURATION_MS ?? 5_000);
const password = process.env.BENCH_PASSWORD ?? 'Kx7#mQ2$vR9!pL4&wT6*zN8@bF5^hJ';

const hash = await argon2Hash(password, { algorithm: ARGON2ID, memoryCost, timeCost, parallelism });
let verifies = 0;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const deadline = started + durationMs;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline) {
      if (!(await verify(hash, password))) throw new Error('argon2 verify failed');
      verifies += 1;
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(
  JSON.stringify({ verifies, seconds, perSecond: verifies / seconds, cpuMsPerVerify: (cpu.user + cpu.system) / 1000 / verifies }),
);
