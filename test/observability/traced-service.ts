import { ServiceProcess } from '../support/service-process.js';

/** Starts a built app as production does (with the tracing preload), plus the test's probe of what OpenTelemetry it loaded. */
export function runWithPreload(app: 'api' | 'worker', env: Record<string, string>): ServiceProcess {
  return ServiceProcess.run(`dist/apps/${app}/src/main.js`, env, [
    '--require',
    './test/observability/fixtures/telemetry-probe.cjs',
    '--import',
    `./dist/apps/${app}/src/instrument.js`,
  ]);
}

/** What the probe reports: how many SDK or instrumentation files are loaded, and what is registered with the API. */
export async function probe(service: ServiceProcess): Promise<{ sdkFiles: number; registered: string[] }> {
  const before = service.log.length;
  service.child.kill('SIGWINCH');
  await service.waitForLog(/telemetry-probe \{.*\}/);
  const line = /telemetry-probe (\{.*\})/.exec(service.log.slice(before));
  return JSON.parse(String(line?.[1]));
}
