import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { composeProblems, dockerfileProblems, parseDockerfile } from '../container-lint.mjs';

// Images cannot be built where the tests run, so the Dockerfile and compose.yaml are linted against the
// repository's facts: the pinned pnpm, the Node the packages need, the variables the code reads, the CLI's bin.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const dockerfile = read('Dockerfile');
const compose = read('compose.yaml');
const dockerignore = read('.dockerignore')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

const root = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string> };
const cli = JSON.parse(read('cli/package.json')) as { bin: Record<string, string>; files: string[] };
const pnpmVersions = new Set(Object.values(root.scripts).flatMap((script) => [...script.matchAll(/\bpnpm@(\d[\w.-]*)/g)].map((match) => match[1]!)));

/** Every environment variable the code that runs in the image reads, from its sources (so a rename shows here). */
function envNamesRead(): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (entry.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b|\benv\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]|['"]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})['"]/g)) {
          names.add((match[1] ?? match[2] ?? match[3])!);
        }
      }
    }
  };
  for (const dir of ['host/src', 'cli/src', 'auth/src', 'core/src']) visit(join(ROOT, dir));
  return names;
}

const facts = {
  pnpmVersion: [...pnpmVersions][0]!,
  nodeMajor: Number(/(\d+)/.exec(root.engines.node)?.[1]),
  envNamesRead: envNamesRead(),
  cliBin: cli.bin['gauzy-mcp']!,
  cliFiles: cli.files,
  exists: (path: string) => existsSync(join(ROOT, path)),
  ignored: dockerignore,
};
const final = parseDockerfile(dockerfile).stages.at(-1)!;
const imageFacts = {
  ...facts,
  exposedPort: final.instructions.find((instruction) => instruction.keyword === 'EXPOSE')?.rest,
  imageHasHealthcheck: final.instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(instruction.rest)),
};

test('the repository pins one pnpm, names one Node major, and its code reads the variables the image sets', () => {
  assert.deepEqual([...pnpmVersions], ['12.21.0']);
  assert.equal(facts.nodeMajor, 20);
  for (const name of ['NODE_ENV', 'HOST', 'PORT', 'API_BASE_URL', 'REDIS_URL', 'GAUZY_MCP_STATE_KEY', 'GAUZY_MCP_OAUTH_ISSUER', 'GAUZY_MCP_DATA_DIR']) {
    assert.ok(facts.envNamesRead.has(name), `${name} is read somewhere in host, cli, auth or core`);
  }
  assert.ok(!facts.envNamesRead.has('GAUZY_MCP_NO_SUCH_VARIABLE'));
});

test('the Dockerfile: multi-stage, pinned, non-root, production, the deployed CLI only, a health check', () => {
  assert.deepEqual(dockerfileProblems(dockerfile, facts), []);
  const { stages } = parseDockerfile(dockerfile);
  assert.equal(stages.length, 2);
  assert.match(stages[0]!.image, /^node:20\.\d+\.\d+-bookworm-slim@sha256:[0-9a-f]{64}$/);
  assert.equal(stages[1]!.image, stages[0]!.image, 'one Node image, named once');
});

test('compose.yaml: the host and Redis, Redis healthy first, loopback ports, secrets from the environment', () => {
  assert.deepEqual(composeProblems(compose, imageFacts), []);
});

test('.dockerignore keeps what this machine installed and built, and secrets, out of the build', () => {
  for (const pattern of ['.git', '**/node_modules', '**/dist', '**/.env']) assert.ok(dockerignore.includes(pattern), pattern);
  // The build needs these, and the lockfile checks .pnpmfile.cjs's checksum.
  for (const needed of ['pnpm-lock.yaml', 'pnpm-workspace.yaml', '.pnpmfile.cjs', 'package.json', 'tsconfig.base.json']) assert.ok(!dockerignore.includes(needed), needed);
});

/** The file with `from` replaced by `to`, which must be there. */
function changed(text: string, from: string | RegExp, to: string): string {
  const result = text.replace(from, to);
  assert.notEqual(result, text, `the fixture edit found ${String(from)}`);
  return result;
}

describe('the lint finds what it is for', () => {
  const dockerCases: Array<[string, string | RegExp, string, RegExp]> = [
    ['an unpinned base image', /ARG NODE_IMAGE=\S+/, 'ARG NODE_IMAGE=node:latest', /":latest" is not a pin/],
    ['an untagged base image', /ARG NODE_IMAGE=\S+/, 'ARG NODE_IMAGE=node', /untagged/],
    ['another Node major', 'node:20.19.5-bookworm-slim', 'node:22.11.0-bookworm-slim', /Node 22\.11\.0-bookworm-slim, but package\.json's engines name Node 20/],
    ['a single stage', /FROM \$\{NODE_IMAGE\} AS runtime[\s\S]*$/, '', /not multi-stage/],
    ['root at run time', 'USER node', 'USER root', /USER root: runs as root/],
    ['no USER', /^USER node\n/m, '', /no USER: it would run as root/],
    ['the build tree copied into the runtime image', 'COPY --from=build --chown=root:root /opt/gauzy-mcp /app', 'COPY --from=build --chown=root:root /src /app', /not the folder a "deploy --prod" wrote/],
    ['build-context files in the runtime image', /^USER node$/m, 'COPY --chown=node:node . /app\nUSER node', /copies from the build context into the runtime image/],
    ['a COPY without --chown', '--chown=root:root ', '', /no --chown/],
    ['no health check', /HEALTHCHECK[^\n]*\\\n[^\n]*\n/, '', /no HEALTHCHECK/],
    ['curl in the health check', /CMD \["node", "-e", [^\n]*\]/, 'CMD curl -f http://127.0.0.1:3001/health', /uses curl or wget/],
    ['another pnpm', 'pnpm@12.21.0', 'pnpm@9.15.0', /pnpm@9\.15\.0 in the build, but the repository pins pnpm@12\.21\.0/],
    ['no pinned pnpm', 'npm install --global pnpm@12.21.0 && npm cache clean --force', 'corepack enable', /no build stage installs pnpm@12\.21\.0/],
    ['an npm cache left in a layer', ' && npm cache clean --force', '', /npm install without npm cache clean --force/],
    ['an unpinned npm install', 'pnpm@12.21.0', 'pnpm', /npm install pnpm: not pinned/],
    ['apt lists left in a layer', /^RUN pnpm fetch$/m, 'RUN apt-get update && apt-get install -y curl\nRUN pnpm fetch', /--no-install-recommends[\s\S]*\/var\/lib\/apt\/lists/],
    ['a secret in ENV', 'PORT=3001 \\', 'PORT=3001 GAUZY_MCP_STATE_KEY=c2VjcmV0 \\', /ENV GAUZY_MCP_STATE_KEY: a secret baked into the image/],
    ['an ADD of a URL', /^RUN pnpm fetch$/m, 'ADD https://example.com/tool.tgz /tmp/\nRUN pnpm fetch', /use COPY[\s\S]*never download/],
    ['a missing COPY source', 'COPY pnpm-lock.yaml', 'COPY pnpm-lock.json', /COPY pnpm-lock\.json: not in the repository/],
    ['a pipe without pipefail', /^SHELL .*\n/m, '', /Dockerfile:\d+: a pipe in RUN without SHELL/],
    ['an entrypoint that is not the bin', '/app/bin/gauzy-mcp.js', '/app/dist/main.js', /ENTRYPOINT runs \/app\/dist\/main\.js, but the cli's bin is \.\/bin\/gauzy-mcp\.js/],
    ['a shell-form entrypoint', 'ENTRYPOINT ["node", "/app/bin/gauzy-mcp.js", "serve"]', 'ENTRYPOINT node /app/bin/gauzy-mcp.js serve', /ENTRYPOINT in shell form/],
    ['development mode', 'NODE_ENV=production', 'NODE_ENV=development', /ENV NODE_ENV=production is not set/],
    ['a variable nothing reads', 'GAUZY_MCP_DATA_DIR=/data', 'GAUZY_MCP_DATA_DIRECTORY=/data', /ENV GAUZY_MCP_DATA_DIRECTORY: the code reads no such variable/],
  ];
  // The pipe case needs a pipe to find.
  const withPipe = changed(dockerfile, 'RUN pnpm fetch', 'RUN pnpm fetch | tee /tmp/fetch.log');
  for (const [what, from, to, expected] of dockerCases) {
    test(`Dockerfile: ${what}`, () => {
      const problems = dockerfileProblems(changed(what === 'a pipe without pipefail' ? withPipe : dockerfile, from, to), facts);
      assert.match(problems.join('\n'), expected, problems.join('\n') || 'no problem found');
    });
  }

  const composeCases: Array<[string, string | RegExp, string, RegExp]> = [
    ['a port published on every interface', '"127.0.0.1:3001:3001"', '"3001:3001"', /published beyond loopback/],
    ['Redis not waited for', 'condition: service_healthy', 'condition: service_started', /depends_on\.redis\.condition must be service_healthy/],
    ['a committed secret', /GAUZY_MCP_STATE_KEY: \$\{[^\n]*\}/, 'GAUZY_MCP_STATE_KEY: 3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w=', /GAUZY_MCP_STATE_KEY must come from the operator's environment[\s\S]*looks like a key/],
    ['a default secret', /GAUZY_MCP_STATE_KEY: \$\{GAUZY_MCP_STATE_KEY:\?[^}]*\}/, 'GAUZY_MCP_STATE_KEY: ${GAUZY_MCP_STATE_KEY:-changeme}', /GAUZY_MCP_STATE_KEY must come from the operator's environment/],
    ['an unpinned Redis', /image: redis:\S+/, 'image: redis:latest', /services\.redis\.image redis:latest is not pinned/],
    ['Redis without a health check', /    healthcheck:\n      test: \["CMD", "redis-cli", "ping"\]\n(      \w+: \S+\n)*/, '', /services\.redis has no healthcheck/],
    ['a renamed variable', 'REDIS_URL: redis://redis:6379', 'GAUZY_MCP_REDIS_URL: redis://redis:6379', /GAUZY_MCP_REDIS_URL: the code reads no such variable[\s\S]*sets no REDIS_URL/],
    ['Redis elsewhere', 'redis://redis:6379', 'redis://127.0.0.1:6379', /does not name the redis service/],
    ['no OAuth issuer', /^      GAUZY_MCP_OAUTH_ISSUER: [^\n]*\n/m, '', /names no OAuth issuer/],
    ['no state key', /^      GAUZY_MCP_STATE_KEY: [^\n]*\n/m, '', /sets no GAUZY_MCP_STATE_KEY/],
    ['no host service', /^  host:\n/m, '  mcp:\n', /no "host" service/],
  ];
  for (const [what, from, to, expected] of composeCases) {
    test(`compose.yaml: ${what}`, () => {
      const problems = composeProblems(changed(compose, from, to), imageFacts);
      assert.match(problems.join('\n'), expected, problems.join('\n') || 'no problem found');
    });
  }
  test('compose.yaml: a host without a health check anywhere', () => {
    assert.match(composeProblems(compose, { ...imageFacts, imageHasHealthcheck: false }).join('\n'), /services\.host has no healthcheck/);
  });
});
