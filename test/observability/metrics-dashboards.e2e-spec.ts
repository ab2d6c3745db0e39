import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parser } from '@prometheus-io/lezer-promql';
import { load } from 'js-yaml';
import { parsePrometheusText } from '../support/prometheus-text.js';
import { TestStack } from '../support/test-stack.js';

interface Rule {
  alert?: string;
  expr?: unknown;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  targets?: Array<{ refId: string; expr: string }>;
}

/** Names Prometheus itself makes up for each target, not exposed by /metrics. */
const SYNTHETIC = new Set(['up']);
const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count'];

const dashboard = JSON.parse(readFileSync('deploy/grafana/latchkey.json', 'utf8')) as {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: Array<{ name: string }> };
};
const rules = (
  load(readFileSync('deploy/prometheus/alerts.yml', 'utf8')) as { groups: Array<{ name: string; rules: Rule[] }> }
).groups.flatMap((group) => group.rules);
const dashboardExpressions = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
const ruleExpressions = rules.map((rule) => String(rule.expr));

/** The metric names an expression selects; throws where the PromQL grammar finds an error. */
function metricNames(expression: string): string[] {
  const names: string[] = [];
  const errors: number[] = [];
  parser.parse(expression).iterate({
    enter(node) {
      if (node.type.isError) errors.push(node.from);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') names.push(expression.slice(node.from, node.to));
    },
  });
  if (errors.length > 0) throw new Error(`PromQL error at ${errors.join(', ')} in: ${expression}`);
  return names;
}

describe('metrics: the Grafana dashboard and the alert rules', () => {
  it('the dashboard has what Grafana requires: uid, title, schemaVersion, panels with unique ids, targets with refId and expr', () => {
    expect(dashboard.uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
    expect(dashboard.title).toBe('Latchkey');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.templating.list.map((variable) => variable.name)).toContain('datasource');
    expect(new Set(dashboard.panels.map((panel) => panel.id)).size).toBe(dashboard.panels.length);
    const graphs = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(graphs.length).toBeGreaterThanOrEqual(12);
    for (const panel of graphs) {
      expect(panel).toMatchObject({ title: expect.any(String), gridPos: { h: expect.any(Number), w: expect.any(Number) } });
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      expect(panel.targets!.length).toBeGreaterThan(0);
      for (const target of panel.targets!)
        expect(target).toMatchObject({ refId: expect.stringMatching(/^[A-Z]$/), expr: expect.any(String) });
    }
  });

  it('every alert rule has a name, an expression, a severity and a summary', () => {
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules) {
      expect(rule.alert).toMatch(/^Latchkey[A-Za-z0-9]+$/);
      expect(typeof rule.expr).toBe('string');
      expect(['warning', 'critical']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary).toEqual(expect.any(String));
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
    }
    const names = rules.map((rule) => rule.alert);
    expect(new Set(names).size).toBe(names.length);
    // What should wake someone, per docs/operations.md.
    for (const wanted of [
      'OutboxGrowing',
      'OutboxStuck',
      'MailFailing',
      'RedisFallbackSustained',
      'Http5xx',
      'WorkerDown',
      'SsfReceiverFailing',
    ])
      expect(names).toContain(`Latchkey${wanted}`);
  });

  it('every expression is valid PromQL (the Prometheus project’s own grammar), and a broken one is caught', () => {
    for (const expression of [...dashboardExpressions, ...ruleExpressions]) expect(() => metricNames(expression)).not.toThrow();
    expect(() => metricNames('sum(rate(latchkey_http_requests_total[5m])')).toThrow(/PromQL error/);
    expect(() => metricNames('latchkey_sign_ins_total{outcome=}')).toThrow(/PromQL error/);
  });

  describe('against a running API and worker', () => {
    let stack: TestStack;
    let exposed: Set<string>;
    let histograms: Set<string>;

    beforeAll(async () => {
      stack = await TestStack.start();
      const { port } = (stack.worker as NestFastifyApplication).getHttpServer().address() as AddressInfo;
      const api = parsePrometheusText((await stack.http().get('/metrics').expect(200)).text);
      const worker = parsePrometheusText(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
      const families = [...api.values(), ...worker.values()];
      exposed = new Set(families.map((family) => family.name));
      histograms = new Set(families.filter((family) => family.type === 'histogram').map((family) => family.name));
    });
    afterAll(() => stack?.close());

    const isExposed = (name: string) =>
      SYNTHETIC.has(name) ||
      exposed.has(name) ||
      HISTOGRAM_SUFFIXES.some((suffix) => name.endsWith(suffix) && histograms.has(name.slice(0, -suffix.length)));

    it('uses only metric names that /metrics of the API or the worker exposes', () => {
      const used = new Set([...dashboardExpressions, ...ruleExpressions].flatMap(metricNames));
      expect(used.size).toBeGreaterThan(10);
      expect([...used].filter((name) => !isExposed(name))).toEqual([]);
      expect(isExposed('latchkey_sign_ins_totl')).toBe(false);
    });

    it('docs/operations.md lists every metric of its own that Latchkey exposes', () => {
      const operations = readFileSync('docs/operations.md', 'utf8');
      const own = [...exposed].filter((name) => !/^latchkey_(process_|nodejs_)/.test(name));
      expect(own.length).toBeGreaterThan(15);
      expect(own.filter((name) => !operations.includes(`\`${name}\``))).toEqual([]);
    });
  });
});
