import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { buildAuthServer, type AuthServer } from '@gauzy-mcp/auth';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp } from '@gauzy-mcp/core/internal';
import { startHost, type RunningHost } from '@gauzy-mcp/host';
import { Browser, createSandbox, freePort, installedSandboxEntities, type Sandbox } from '@gauzy-mcp/testkit';

const APP = fileURLToPath(new URL('../app.mjs', import.meta.url));


let sandbox: Sandbox;
let host: RunningHost;
let auth: AuthServer;
let issuer: string;
let app: ChildProcess | undefined;

before(async () => {
  // The host serves the packs installed beside it; they teach the sandbox their entities.
  const hostDir = fileURLToPath(new URL('..', import.meta.resolve('@gauzy-mcp/host')));
  sandbox = await createSandbox({ seed: 'demo', entities: await installedSandboxEntities([hostDir]) });
  const authPort = await freePort();
  issuer = `http://127.0.0.1:${authPort}`;
  host = await startHost({ input: { port: 0, gauzy: { baseUrl: sandbox.url, sandbox: true }, identity: { mode: 'oauth', issuer } }, env: {}, log: silentLogger });
  auth = await buildAuthServer({ issuer, resource: host.mcpUrl, vault: host.vault, kv: host.kv, gauzy: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), log: silentLogger });
  await auth.app.listen({ host: '127.0.0.1', port: authPort });
});

after(async () => {
  app?.kill('SIGTERM');
  await auth?.app.close();
  await host?.close();
  await sandbox?.close();
});

test('@fastify/oauth2 as a third-party client: the example app signs a user in through our server and calls the host as them', async () => {
  const port = await freePort();
  app = spawn(process.execPath, [APP], { env: { ...process.env, ISSUER: issuer, MCP_URL: host.mcpUrl, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  app.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    app!.stdout!.on('data', (chunk) => {
      const match = /READY (\S+)/.exec(String(chunk));
      if (match) resolve(match[1]!);
    });
    app!.once('exit', (code) => reject(new Error(`example app exited (${code}): ${stderr}`)));
  });

  const browser = new Browser();
  const signIn = await browser.go(`${url}/login`);
  assert.match(signIn.html, /Sign in with Ever Gauzy/);
  assert.match(signIn.html, /Example web app/);
  const user = sandbox.seed.users.employee;
  const consent = await browser.submit(signIn, { email: user.email, password: user.password });
  assert.match(consent.html, /Allow access\?/);
  assert.match(consent.html, /mcp\.read/);
  const result = await browser.submit(consent, {}, { decision: 'allow' });
  assert.equal(result.status, 200, result.html);
  assert.equal(new URL(result.url).pathname, '/callback');
  assert.match(result.html, /Your Gauzy tasks/);
  assert.doesNotMatch(result.html, /GMCP_ERR/, 'the tool ran as the signed-in employee');
  assert.match(result.html, /\d+ of \d+ tasks|No tasks found/);
});
