import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

// A command the docs tell people to run must exist as written: `npm run bench:host -w bench` once failed with
// "No workspaces found", and nothing noticed.
const root = new URL('../../', import.meta.url);
const scripts = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> }).scripts;

for (const doc of ['README.md', 'CONTRIBUTING.md', 'BENCHMARKS.md']) {
  test(`every npm run in ${doc} names a root script, without workspace flags`, () => {
    const text = readFileSync(new URL(doc, root), 'utf8');
    const commands = [...text.matchAll(/npm run (?:-s )?([\w:-]+)([^`\n|)]*)/g)];
    assert.ok(commands.length > 0, `${doc} names no npm run command`);
    for (const [whole, name, rest] of commands) {
      assert.ok(scripts[name!], `${doc}: "${whole.trim()}" names no script of the root package.json`);
      assert.doesNotMatch(rest!, /(^|\s)(-w|--workspace)\b/, `${doc}: "${whole.trim()}" uses a workspace flag; the root scripts are the documented commands`);
    }
  });

  test(`every script ${doc} runs with node is a file of the repository`, () => {
    const text = readFileSync(new URL(doc, root), 'utf8');
    // `node scripts/test.mjs …`, `node cli/bin/gauzy-mcp.js …`; absolute paths are the reader's own (/path/to/…).
    const paths = [...text.matchAll(/\bnode (?:--\S+ )*([\w.-][\w./-]*\.(?:mjs|cjs|js|ts))\b/g)].map((match) => match[1]!);
    assert.ok(paths.length > 0, `${doc} runs no script with node`);
    for (const path of paths) assert.ok(existsSync(new URL(path, root)), `${doc}: "node ${path}" names no file of the repository`);
  });
}
