import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { HOST_ENV_OVERRIDES, hostConfigSchema } from '@gauzy-mcp/host';

// docs/CLIENTS.md is what a user pastes into a client: each config must parse, use the key that client reads, point
// at files that exist, and name the URL and env the host and the CLI really use.
const ROOT = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/CLIENTS.md', ROOT), 'utf8');
const sections = doc.split(/^## /m).slice(1).map((section) => ({ title: section.slice(0, section.indexOf('\n')).trim(), body: section }));
const blocks = (body: string, lang: string) => [...body.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);

test('every JSON config parses, and each client gets its own key (VS Code: servers; the others: mcpServers)', () => {
  assert.deepEqual(sections.map((section) => section.title), ['Claude Desktop', 'Claude Code', 'Cursor', 'VS Code', 'ChatGPT (connectors)']);
  let configs = 0;
  for (const { title, body } of sections) {
    for (const block of blocks(body, 'json')) {
      const config = JSON.parse(block) as Record<string, Record<string, Record<string, unknown>>>;
      const key = title === 'VS Code' ? 'servers' : 'mcpServers';
      assert.deepEqual(Object.keys(config), [key], `${title}: ${block}`);
      const server = config[key]!.gauzy!;
      assert.ok(server, `${title}: the server is named gauzy`);
      if (title === 'VS Code') assert.ok(server.type === 'http' || server.type === 'stdio', `${title}: VS Code needs a type`);
      configs++;
    }
  }
  assert.ok(configs >= 6);
});

test('the URLs are the demo host\'s, the paths exist in the repository, and the env names are the ones read', () => {
  const defaults = hostConfigSchema.parse({});
  const demoUrl = `http://${defaults.host}:${defaults.port}/mcp`;
  const urls = [...doc.matchAll(/https?:\/\/127\.0\.0\.1[^\s"`)]*/g)].map((match) => match[0]);
  assert.ok(urls.length > 5);
  for (const url of urls) assert.ok(url === demoUrl || url.startsWith(`${demoUrl}/x/`) || url.startsWith('http://127.0.0.1:3001/mcp/x/'), `unexpected URL ${url}`);
  for (const [, path] of doc.matchAll(/\/path\/to\/gauzy-mcp\/([\w./-]+)/g)) assert.ok(existsSync(new URL(path!, ROOT)), `${path} does not exist`);
  const read = new Set(HOST_ENV_OVERRIDES.flatMap((override) => override.names));
  for (const [, name] of doc.matchAll(/\b(API_BASE_URL|GAUZY_[A-Z_]+)=/g)) assert.ok(read.has(name!), `${name} is not read by the config`);
  for (const block of blocks(doc, 'sh')) assert.match(block, /^claude mcp add /m);
  assert.match(readFileSync(new URL('README.md', ROOT), 'utf8'), /docs\/CLIENTS\.md/, 'the README links the client docs');
});
