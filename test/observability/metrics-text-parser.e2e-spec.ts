import { Counter, Histogram, Registry } from 'prom-client';
import { parsePrometheusText, sampleSum } from '../support/prometheus-text.js';

describe('the Prometheus text-format reader the metrics tests use', () => {
  it('reads families, types, help, labels with escapes, values and timestamps', () => {
    const families = parsePrometheusText(
      [
        '# HELP lk_requests_total Requests \\\\ answered',
        '# TYPE lk_requests_total counter',
        'lk_requests_total{route="/v1/a/:id",method="GET",note="say \\"hi\\"\\nbye \\\\ x"} 3',
        'lk_requests_total{route="unmatched",method="POST"} 1.5e2 1700000000000',
        '# a comment',
        '',
        'lk_up 1',
        'lk_nan NaN',
        'lk_nan_too Nan',
      ].join('\n'),
    );
    const requests = families.get('lk_requests_total')!;
    expect(requests).toMatchObject({ type: 'counter', help: 'Requests \\ answered' });
    expect(requests.samples).toEqual([
      { name: 'lk_requests_total', labels: { route: '/v1/a/:id', method: 'GET', note: 'say "hi"\nbye \\ x' }, value: 3 },
      { name: 'lk_requests_total', labels: { route: 'unmatched', method: 'POST' }, value: 150 },
    ]);
    expect(families.get('lk_up')).toMatchObject({ type: 'untyped', samples: [{ value: 1 }] });
    expect(Number.isNaN(families.get('lk_nan')!.samples[0].value)).toBe(true);
    expect(Number.isNaN(families.get('lk_nan_too')!.samples[0].value)).toBe(true);
    expect(sampleSum(families, 'lk_requests_total')).toBe(153);
    expect(sampleSum(families, 'lk_requests_total', { method: 'GET' })).toBe(3);
    expect(sampleSum(families, 'lk_absent_total')).toBe(0);
  });

  it('groups a histogram’s _bucket, _sum and _count samples under the family, as prom-client writes them', async () => {
    const registry = new Registry();
    new Counter({ name: 'lk_c_total', help: 'c', labelNames: ['x'], registers: [registry] }).inc({ x: 'a"b' }, 2);
    new Histogram({ name: 'lk_h_seconds', help: 'h', buckets: [0.1, 1], registers: [registry] }).observe(0.5);
    const families = parsePrometheusText(await registry.metrics());
    expect([...families.keys()].sort()).toEqual(['lk_c_total', 'lk_h_seconds']);
    expect(families.get('lk_c_total')!.samples).toEqual([{ name: 'lk_c_total', labels: { x: 'a"b' }, value: 2 }]);
    const histogram = families.get('lk_h_seconds')!;
    expect(histogram.type).toBe('histogram');
    expect(histogram.samples.map((s) => [s.name, s.labels.le ?? '', s.value])).toEqual([
      ['lk_h_seconds_bucket', '0.1', 0],
      ['lk_h_seconds_bucket', '1', 1],
      ['lk_h_seconds_bucket', '+Inf', 1],
      ['lk_h_seconds_sum', '', 0.5],
      ['lk_h_seconds_count', '', 1],
    ]);
  });

  it('refuses lines that are not in the format', () => {
    for (const line of ['{x="1"} 2', 'lk_a{x=1} 2', 'lk_a{x="1} 2', 'lk_a one', 'lk_a 1 2 3', 'lk_a{x="1",x="2"} 1'])
      expect(() => parsePrometheusText(line)).toThrow();
  });
});
