import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Counter, Histogram } from '../src/ops/metrics.js';

test('a series is named by its labels sorted, whatever order a caller gives them, with values escaped as Prometheus reads them', () => {
  const counter = new Counter('calls_total', 'Calls.');
  counter.inc({ tool: 'list_tasks', outcome: 'ok' });
  counter.inc({ outcome: 'ok', tool: 'list_tasks' }, 2);
  counter.inc({ tool: 'a\\b"c\nd', outcome: 'ok' });
  counter.inc();
  assert.equal(counter.value({ outcome: 'ok', tool: 'list_tasks' }), 3);
  assert.deepEqual(counter.render(), [
    '# HELP calls_total Calls.',
    '# TYPE calls_total counter',
    'calls_total{outcome="ok",tool="list_tasks"} 3',
    'calls_total{outcome="ok",tool="a\\\\b\\"c\\nd"} 1',
    'calls_total 1',
  ]);
  const histogram = new Histogram('latency_seconds', 'Latency.');
  histogram.observe(0.003, { route: '/mcp' });
  assert.ok(histogram.render().includes('latency_seconds_bucket{route="/mcp",le="0.005"} 1'), histogram.render().join('\n'));
});
