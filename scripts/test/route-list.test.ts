import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const script = fileURLToPath(new URL('../gen-route-list.mjs', import.meta.url));

test("the kernel's route list is generated from the current route table", () => {
  assert.doesNotThrow(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' }), 'run node scripts/gen-route-list.mjs');
});
