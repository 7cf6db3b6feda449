#!/usr/bin/env node
// Thin launcher: the compiled entry does the work. Kept as plain JS so the bin exists before a build.
import('../dist/main.js').catch((error) => {
  process.stderr.write(`gauzy-mcp: cannot start (${error && error.message ? error.message : error}). Run "npm run setup" first.\n`);
  process.exit(1);
});
