import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger, redact } from '../src/log.js';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjEyMzQ1Njc4OTAifQ.c2lnbmF0dXJlc2lnbmF0dXJl';

test('secrets are redacted by key and token-looking strings by shape', () => {
  const value = redact({ password: 'hunter2', refresh_token: 'r', nested: { Authorization: `Bearer ${jwt}`, note: `token ${jwt} leaked` }, ok: 'visible' }) as Record<string, any>;
  assert.equal(value.password, '[redacted]');
  assert.equal(value.refresh_token, '[redacted]');
  assert.equal(value.nested.Authorization, '[redacted]');
  assert.equal(value.nested.note, 'token [redacted-jwt] leaked');
  assert.equal(value.ok, 'visible');
});

test('the logger writes JSON lines to its sink (stderr by default), never the secret', () => {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', sink: (line) => lines.push(line) });
  log.child({ tool: 'login' }).info('signing in', { email: 'a@b.c', password: 'hunter2', error: new Error(`bad ${jwt}`) });
  assert.equal(lines.length, 1);
  const record = JSON.parse(lines[0]!);
  assert.equal(record.tool, 'login');
  assert.equal(record.password, '[redacted]');
  assert.ok(!lines[0]!.includes('hunter2') && !lines[0]!.includes(jwt));
});

test('levels below the threshold are dropped', () => {
  const lines: string[] = [];
  const log = createLogger({ level: 'warn', sink: (line) => lines.push(line) });
  log.info('quiet');
  log.warn('loud');
  assert.equal(lines.length, 1);
});
