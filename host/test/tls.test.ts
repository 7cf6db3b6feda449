import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningHost } from '../src/index.js';
import { createSandbox, INITIALIZE, startTestHost, type Sandbox } from './helpers.js';

/** One HTTPS request that trusts only `ca`, optionally capped at a TLS version, answering status and body. */
function httpsPost(url: string, body: unknown, options: { ca: Buffer; maxVersion?: 'TLSv1.2' | 'TLSv1.3' }): Promise<{ status: number; text: string; protocol: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const outgoing = request(url, { method: 'POST', ca: options.ca, maxVersion: options.maxVersion, headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'content-length': Buffer.byteLength(payload) } }, (response) => {
      let text = '';
      const protocol = (response.socket as import('node:tls').TLSSocket).getProtocol() ?? '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text, protocol }));
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

describe('the host serves HTTPS when given a certificate', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  let dir: string;
  let ca: Buffer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gauzy-mcp-tls-'));
    // A self-signed certificate for 127.0.0.1, made here so no key material lives in the repository.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    ca = readFileSync(join(dir, 'cert.pem'));
    sandbox = await createSandbox({ seed: 'demo' });
    host = await startTestHost(sandbox, {}, { env: { GAUZY_MCP_TLS_CERT_FILE: join(dir, 'cert.pem'), GAUZY_MCP_TLS_KEY_FILE: join(dir, 'key.pem') } });
  });
  after(async () => {
    await host?.close();
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the URL is https, and an MCP session opens over TLS 1.3 with the certificate verified', async () => {
    assert.match(host.mcpUrl, /^https:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const answer = await httpsPost(host.mcpUrl, INITIALIZE('2025-06-18'), { ca });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.protocol, 'TLSv1.3');
    assert.equal(JSON.parse(answer.text).result.serverInfo.name, 'gauzy-mcp');
  });

  test('a client that offers at most TLS 1.2 is refused', async () => {
    await assert.rejects(httpsPost(host.mcpUrl, INITIALIZE('2025-06-18'), { ca, maxVersion: 'TLSv1.2' }), /protocol version|alert|handshake|ssl/i);
  });

  test('a certificate file that cannot be read stops start-up, naming the key and the path', async () => {
    await assert.rejects(startTestHost(sandbox, {}, { env: { GAUZY_MCP_TLS_CERT_FILE: join(dir, 'missing.pem'), GAUZY_MCP_TLS_KEY_FILE: join(dir, 'key.pem') } }), /tls\.certFile: cannot read .*missing\.pem \(ENOENT\)/);
  });
});
