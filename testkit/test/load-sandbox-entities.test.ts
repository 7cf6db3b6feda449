import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { defineEntity, sandboxEntity } from '@gauzy-mcp/core';
import { installedSandboxEntities, loadSandboxEntities } from '../src/index.js';

const gadget = defineEntity({ name: 'gadget', gauzyClass: 'Equipment', noun: 'gadget', plural: 'gadgets', path: '/api/equipment', operations: ['findById'], scope: 'organization', fields: {} });
const gadgetsSandbox = [sandboxEntity(gadget, { defaults: () => ({ name: null }) })];

test('loadSandboxEntities: the ./sandbox export of each pack that has one; a pack without one teaches nothing; another failure is thrown', async () => {
  const notExported = Object.assign(new Error('no ./sandbox'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  const imported: string[] = [];
  const found = await loadSandboxEntities(['third-party-pack', 'pack-without-sandbox'], async (specifier) => {
    imported.push(specifier);
    if (specifier === 'third-party-pack/sandbox') return { gadgetsSandbox, helper: () => 1, words: ['not', 'entities'] };
    throw notExported;
  });
  assert.deepEqual(imported, ['third-party-pack/sandbox', 'pack-without-sandbox/sandbox']);
  assert.deepEqual(found, gadgetsSandbox);
  await assert.rejects(loadSandboxEntities(['broken-pack'], async () => { throw new SyntaxError('Unexpected token'); }), /Unexpected token/);
});

test('installedSandboxEntities: the packs installed in a node_modules that export ./sandbox, read from their files', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'gauzy-sandbox-entities-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const pack = join(root, 'node_modules', '@acme', 'gauzy-pack');
  mkdirSync(pack, { recursive: true });
  writeFileSync(join(pack, 'package.json'), JSON.stringify({ name: '@acme/gauzy-pack', type: 'module', exports: { '.': './index.js', './sandbox': { import: './sandbox.js' } } }));
  // Structurally a SandboxEntity list (recognised without the core's classes, as another copy's would be).
  writeFileSync(join(pack, 'sandbox.js'), `export const acmeSandbox = [{ entity: ${JSON.stringify({ ...gadget, kind: 'gauzy-entity' })}, hooks: {} }];\n`);
  const other = join(root, 'node_modules', 'unrelated');
  mkdirSync(other, { recursive: true });
  writeFileSync(join(other, 'package.json'), JSON.stringify({ name: 'unrelated', exports: { '.': './index.js' } }));
  const found = await installedSandboxEntities([root]);
  assert.deepEqual(found.map((entry) => entry.entity.name), ['gadget']);
});
