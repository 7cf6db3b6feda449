// Lints the Dockerfile and compose.yaml, since images are not built where the tests run. The rules are the
// ones of hadolint that matter for this image (no hadolint binary comes from the npm registry) and this
// repository's own: what the image must be to run the host safely, checked against the repository's facts.
import { parse as parseYaml } from 'yaml';

/**
 * @typedef {{ keyword: string; args: string; flags: Record<string, string>; rest: string; json?: string[]; line: number }} Instruction
 * @typedef {{ image: string; name?: string; line: number; instructions: Instruction[] }} Stage
 * @typedef {{ globalArgs: Record<string, string>; stages: Stage[] }} ParsedDockerfile
 */

/**
 * Instructions with continuation lines joined and comments dropped, grouped by stage. Handles the shapes a
 * Dockerfile has (not heredocs, not a custom escape character).
 * @param {string} text
 * @returns {ParsedDockerfile}
 */
export function parseDockerfile(text) {
  /** @type {Array<{ text: string; line: number }>} */
  const logical = [];
  let current = '';
  let start = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) return;
    // A comment inside a continued instruction is dropped, as Docker does.
    if (current !== '' && line.startsWith('#')) return;
    if (current === '') start = index + 1;
    if (line.endsWith('\\')) current += `${line.slice(0, -1).trim()} `;
    else {
      logical.push({ text: `${current}${line}`.trim(), line: start });
      current = '';
    }
  });
  if (current !== '') logical.push({ text: current.trim(), line: start });

  /** @type {Record<string, string>} */
  const globalArgs = {};
  /** @type {Stage[]} */
  const stages = [];
  for (const { text: statement, line } of logical) {
    const [, word = '', args = ''] = /^(\S+)\s*([\s\S]*)$/.exec(statement) ?? [];
    const keyword = word.toUpperCase();
    const { flags, rest } = leadingFlags(args);
    /** @type {Instruction} */
    const instruction = { keyword, args, flags, rest, line };
    if (rest.startsWith('[')) {
      try {
        instruction.json = JSON.parse(rest);
      } catch {
        // Not JSON after all: the shell form.
      }
    }
    if (keyword === 'FROM') {
      const [image = '', as, name] = rest.split(/\s+/);
      stages.push({ image: substitute(image, globalArgs), ...(as?.toUpperCase() === 'AS' && name ? { name } : {}), line, instructions: [] });
    } else if (stages.length === 0 && keyword === 'ARG') {
      const [name = '', value = ''] = rest.split('=');
      globalArgs[name] = value;
    } else stages.at(-1)?.instructions.push(instruction);
  }
  return { globalArgs, stages };
}

/** `--from=build --chown=root:root src dest` → flags and what follows them. @param {string} args */
function leadingFlags(args) {
  /** @type {Record<string, string>} */
  const flags = {};
  let rest = args;
  for (;;) {
    const match = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!match) break;
    flags[match[1] ?? ''] = match[2] ?? '';
    rest = rest.slice(match[0].length);
  }
  return { flags, rest: rest.trim() };
}

/** @param {string} value @param {Record<string, string>} args */
function substitute(value, args) {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced, bare) => args[braced ?? bare] ?? whole);
}

/** `name:tag@sha256:…` → its parts. @param {string} image */
export function imageParts(image) {
  const [reference = '', digest] = image.split('@');
  const lastSlash = reference.lastIndexOf('/');
  const colon = reference.indexOf(':', lastSlash + 1);
  return { name: colon < 0 ? reference : reference.slice(0, colon), tag: colon < 0 ? undefined : reference.slice(colon + 1), digest };
}

/** Shell form or JSON form, as one command line. @param {Instruction} instruction */
const commandOf = (instruction) => (instruction.json ? instruction.json.join(' ') : instruction.rest);

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|PRIVATE|(^|_)KEY(S)?$|_KEY_)/i;
const ROOT_USER = /^(root|0)(:.*)?$/;

/**
 * @typedef {{
 *   pnpmVersion: string;
 *   nodeMajor: number;
 *   envNamesRead: ReadonlySet<string>;
 *   cliBin: string;
 *   cliFiles: readonly string[];
 *   exists: (path: string) => boolean;
 *   ignored: readonly string[];
 * }} RepositoryFacts
 */

/**
 * Every problem with the Dockerfile, as sentences naming the line.
 * @param {string} text
 * @param {RepositoryFacts} facts
 * @returns {string[]}
 */
export function dockerfileProblems(text, facts) {
  /** @type {string[]} */
  const problems = [];
  const { stages } = parseDockerfile(text);
  const say = (/** @type {number} */ line, /** @type {string} */ message) => problems.push(`Dockerfile:${line}: ${message}`);
  if (stages.length < 2) problems.push('Dockerfile: not multi-stage (a build stage and a runtime stage that copies only what runs)');
  const names = new Set();
  for (const stage of stages) {
    if (names.has(stage.image)) continue;
    const { name, tag, digest } = imageParts(stage.image);
    if (stage.image.includes('$')) say(stage.line, `FROM ${stage.image}: an ARG without a default`);
    else if (!tag && !digest) say(stage.line, `FROM ${stage.image}: untagged, so it is whatever "latest" is at build time`);
    else if (tag === 'latest') say(stage.line, `FROM ${stage.image}: ":latest" is not a pin`);
    if (name === 'node' || name.endsWith('/node')) {
      const major = Number(/^(\d+)/.exec(tag ?? '')?.[1]);
      if (major !== facts.nodeMajor) say(stage.line, `FROM ${stage.image}: Node ${tag ?? '?'}, but package.json's engines name Node ${facts.nodeMajor}`);
      if (!/slim|alpine|distroless/.test(tag ?? '')) say(stage.line, `FROM ${stage.image}: not a slim image`);
    }
    if (stage.name) {
      if (names.has(stage.name)) say(stage.line, `stage name "${stage.name}" used twice`);
      names.add(stage.name);
    }
  }

  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      const { keyword, line } = instruction;
      if (keyword === 'ADD') say(line, `ADD ${instruction.rest}: use COPY (ADD fetches URLs and unpacks archives)${/https?:\/\//.test(instruction.rest) ? '; never download into an image with ADD' : ''}`);
      if (keyword === 'MAINTAINER') say(line, 'MAINTAINER is deprecated: use a LABEL');
      if (keyword === 'WORKDIR' && !instruction.rest.startsWith('/')) say(line, `WORKDIR ${instruction.rest}: not absolute`);
      if (keyword === 'ENV' || keyword === 'ARG') {
        for (const name of assignedNames(instruction.rest, keyword)) {
          if (SECRET_NAME.test(name)) say(line, `${keyword} ${name}: a secret baked into the image (pass it at run time)`);
        }
      }
      if (keyword === 'RUN') problems.push(...runProblems(instruction, stage, facts).map((message) => `Dockerfile:${line}: ${message}`));
      if ((keyword === 'COPY' || keyword === 'ADD') && instruction.flags.from === undefined) {
        const parts = instruction.json ?? instruction.rest.split(/\s+/);
        for (const source of parts.slice(0, -1)) {
          if (!facts.exists(source)) say(line, `COPY ${source}: not in the repository`);
          else if (facts.ignored.includes(source.replace(/^\.\//, ''))) say(line, `COPY ${source}: excluded by .dockerignore`);
        }
      }
      if ((keyword === 'CMD' || keyword === 'ENTRYPOINT') && !instruction.json) say(line, `${keyword} in shell form: signals reach /bin/sh, not node (use the JSON form)`);
    }
  }

  const installsPnpm = stages.slice(0, -1).some((stage) => stage.instructions.some((instruction) => instruction.keyword === 'RUN' && /\bpnpm@\d/.test(commandOf(instruction))));
  if (!installsPnpm) problems.push(`Dockerfile: no build stage installs pnpm@${facts.pnpmVersion}, the version the repository pins`);
  const final = stages.at(-1);
  if (final) problems.push(...finalStageProblems(final, stages, facts));
  return problems;
}

/** The names an ENV or ARG line sets. @param {string} rest @param {string} keyword */
function assignedNames(rest, keyword) {
  if (keyword === 'ARG') return [rest.split('=')[0] ?? ''];
  // ENV a=1 b=2, or the legacy ENV a 1.
  if (!/^[\w.-]+=/.test(rest)) return [rest.split(/\s+/)[0] ?? ''];
  return [...rest.matchAll(/([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g)].map((match) => match[1] ?? '');
}

/**
 * @param {Instruction} instruction
 * @param {Stage} stage
 * @param {RepositoryFacts} facts
 */
function runProblems(instruction, stage, facts) {
  /** @type {string[]} */
  const problems = [];
  const command = commandOf(instruction);
  if (/(^|[;&|]\s*)sudo\s/.test(command)) problems.push('sudo in RUN: the build runs as root already; drop privileges with USER');
  if (/(^|[;&|]\s*)apt\s/.test(command)) problems.push('apt in RUN: use apt-get (apt has no stable interface for scripts)');
  if (/(^|[;&|]\s*)cd\s/.test(command)) problems.push('cd in RUN: use WORKDIR');
  if (/apt-get\s+install/.test(command)) {
    if (!/--no-install-recommends/.test(command)) problems.push('apt-get install without --no-install-recommends');
    if (!/\s-y\b|--yes/.test(command)) problems.push('apt-get install without -y');
    if (!/rm -rf \/var\/lib\/apt\/lists/.test(command)) problems.push('apt-get install without rm -rf /var/lib/apt/lists/* in the same RUN (the lists stay in the layer)');
  }
  const npmInstall = /\bnpm\s+(install|i|add)\b([^&;|]*)/.exec(command);
  if (npmInstall) {
    const packages = (npmInstall[2] ?? '').split(/\s+/).filter((word) => word && !word.startsWith('-'));
    for (const name of packages) if (!/^(@[^/]+\/)?[^@]+@\d+\.\d+\.\d+/.test(name)) problems.push(`npm install ${name}: not pinned to an exact version`);
    if (!/npm cache clean --force/.test(command)) problems.push('npm install without npm cache clean --force in the same RUN (the cache stays in the layer)');
  }
  for (const match of command.matchAll(/\bpnpm@(\d[\w.-]*)/g)) {
    if (match[1] !== facts.pnpmVersion) problems.push(`pnpm@${match[1]} in the build, but the repository pins pnpm@${facts.pnpmVersion}`);
  }
  // A pipe whose first command fails is a silent success without pipefail.
  if (/[^|]\|[^|]/.test(command) && !stage.instructions.some((other) => other.keyword === 'SHELL' && other.line < instruction.line && /pipefail/.test(commandOf(other)))) {
    problems.push('a pipe in RUN without SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it');
  }
  return problems;
}

/**
 * What the image that runs must be: non-root, production, only the deployed package, a health check, the CLI's bin.
 * @param {Stage} final
 * @param {Stage[]} stages
 * @param {RepositoryFacts} facts
 */
function finalStageProblems(final, stages, facts) {
  /** @type {string[]} */
  const problems = [];
  const say = (/** @type {string} */ message) => problems.push(`Dockerfile (final stage, line ${final.line}): ${message}`);
  const of = (/** @type {string} */ keyword) => final.instructions.filter((instruction) => instruction.keyword === keyword);
  const users = of('USER');
  const lastUser = users.at(-1);
  if (!lastUser) say('no USER: it would run as root');
  else if (ROOT_USER.test(lastUser.rest)) say(`USER ${lastUser.rest}: runs as root`);

  const env = Object.fromEntries(of('ENV').flatMap((instruction) => [...instruction.rest.matchAll(/([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g)].map((match) => [match[1], (match[2] ?? '').replace(/^"|"$/g, '')])));
  if (env.NODE_ENV !== 'production') say('ENV NODE_ENV=production is not set');
  for (const name of Object.keys(env)) if (!facts.envNamesRead.has(name)) say(`ENV ${name}: the code reads no such variable`);

  const exposed = of('EXPOSE').flatMap((instruction) => instruction.rest.split(/\s+/).map((port) => port.replace(/\/tcp$/, '')));
  if (exposed.length === 0) say('no EXPOSE');
  if (env.PORT && !exposed.includes(env.PORT)) say(`EXPOSE ${exposed.join(' ')} does not include PORT ${env.PORT}`);

  const health = of('HEALTHCHECK').at(-1);
  if (!health || /^NONE\b/i.test(health.rest)) say('no HEALTHCHECK');
  else {
    const check = health.rest.replace(/^CMD\s+/i, '');
    if (!/\/health\b/.test(check)) say('the HEALTHCHECK does not ask /health');
    if (/\b(curl|wget)\b/.test(check)) say('the HEALTHCHECK uses curl or wget, which a slim image lacks (use node)');
  }

  // Nothing of the build context, and nothing installed here: the deployed production folder only.
  const deployTargets = new Map(stages.slice(0, -1).flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === 'RUN').flatMap((instruction) => [...commandOf(instruction).matchAll(/\bdeploy\b[^&;|]*--prod\b[^&;|]*?\s(\/\S+)/g)].map((match) => [`${stage.name}:${match[1]}`, match[1]]))));
  /** @type {string | undefined} */
  let appDir;
  for (const copy of of('COPY')) {
    const parts = copy.json ?? copy.rest.split(/\s+/);
    const sources = parts.slice(0, -1);
    if (copy.flags.from === undefined) say(`COPY ${copy.rest}: copies from the build context into the runtime image (copy the deployed folder from the build stage)`);
    else for (const source of sources) {
      if (!deployTargets.has(`${copy.flags.from}:${source.replace(/\/$/, '')}`)) say(`COPY --from=${copy.flags.from} ${source}: not the folder a "deploy --prod" wrote in that stage (dev dependencies would come along)`);
      else appDir = (parts.at(-1) ?? '').replace(/\/$/, '');
    }
    if (copy.flags.chown === undefined) say(`COPY ${copy.rest}: no --chown (say who owns the app files)`);
  }
  if (deployTargets.size === 0) say('no build stage runs "pnpm deploy --prod <folder>"');
  for (const run of of('RUN')) if (/\b(npm|pnpm|yarn)\s+(install|i|add|ci)\b/.test(commandOf(run))) say(`RUN ${commandOf(run)}: installs packages in the runtime image`);

  const entrypoint = of('ENTRYPOINT').at(-1);
  if (!entrypoint?.json) say('no ENTRYPOINT in JSON form');
  else {
    const [program, script, command] = entrypoint.json;
    if (program !== 'node' || command !== 'serve') say(`ENTRYPOINT ${JSON.stringify(entrypoint.json)}: not node <the cli's bin> serve`);
    const workdir = of('WORKDIR').at(-1)?.rest;
    const base = appDir ?? workdir;
    const relative = script && base && script.startsWith(`${base}/`) ? script.slice(base.length + 1) : script?.replace(/^\.\//, '');
    if (relative !== facts.cliBin.replace(/^\.\//, '')) say(`ENTRYPOINT runs ${script}, but the cli's bin is ${facts.cliBin} (copied to ${base ?? '?'})`);
    else if (!facts.exists(`cli/${relative}`)) say(`ENTRYPOINT runs cli/${relative}, which does not exist`);
    else if (!facts.cliFiles.some((entry) => relative.startsWith(`${entry.replace(/^\.\//, '').replace(/\/$/, '')}/`))) say(`the cli's "files" do not publish ${relative}, so the deployed folder lacks it`);
  }
  return problems;
}

/**
 * @typedef {{ exposedPort?: string; imageHasHealthcheck: boolean }} ImageFacts
 */

/**
 * Every problem with compose.yaml.
 * @param {string} text
 * @param {RepositoryFacts & ImageFacts} facts
 * @returns {string[]}
 */
export function composeProblems(text, facts) {
  /** @type {string[]} */
  const problems = [];
  /** @type {any} */
  const compose = parseYaml(text);
  const services = compose?.services ?? {};
  const host = services.host;
  const redis = services.redis;
  if (!host) problems.push('compose.yaml: no "host" service');
  if (!redis) problems.push('compose.yaml: no "redis" service');

  for (const [name, service] of Object.entries(/** @type {Record<string, any>} */ (services))) {
    if (service.image) {
      const { tag, digest } = imageParts(String(service.image));
      if ((!tag && !digest) || tag === 'latest') problems.push(`compose.yaml: services.${name}.image ${service.image} is not pinned`);
    } else if (!service.build) problems.push(`compose.yaml: services.${name} has neither an image nor a build`);
    for (const port of service.ports ?? []) {
      const hostIp = typeof port === 'object' ? port.host_ip : /^(\[[^\]]+\]|[\d.]+):\d+:\d+/.exec(String(port))?.[1];
      if (hostIp !== '127.0.0.1') problems.push(`compose.yaml: services.${name}.ports "${typeof port === 'object' ? JSON.stringify(port) : port}" is published beyond loopback (bind 127.0.0.1)`);
    }
    for (const [variable, value] of Object.entries(environmentOf(service.environment))) {
      if (SECRET_NAME.test(variable) && !/^\$\{\w+(:?\?[^}]*)?\}$/.test(String(value ?? ''))) {
        problems.push(`compose.yaml: services.${name}.environment.${variable} must come from the operator's environment ("\${${variable}:?…}"), with no default`);
      }
      if (/[A-Za-z0-9+/]{40,}={0,2}|[0-9a-f]{64}/i.test(String(value ?? '').replace(/\$\{[^}]*\}/g, ''))) problems.push(`compose.yaml: services.${name}.environment.${variable} holds what looks like a key`);
    }
  }

  if (redis) {
    const test = redis.healthcheck?.test;
    if (!test || redis.healthcheck?.disable === true || (Array.isArray(test) && test[0] === 'NONE')) problems.push('compose.yaml: services.redis has no healthcheck');
    if (redis.ports) problems.push('compose.yaml: services.redis publishes a port; the host reaches it on the compose network');
  }
  if (host) {
    if (host.depends_on?.redis?.condition !== 'service_healthy') problems.push('compose.yaml: services.host.depends_on.redis.condition must be service_healthy (the host connects to Redis at start)');
    if (host.build) {
      const context = typeof host.build === 'string' ? host.build : host.build.context ?? '.';
      const dockerfile = typeof host.build === 'object' && host.build.dockerfile ? host.build.dockerfile : 'Dockerfile';
      if (context !== '.' || !facts.exists(dockerfile)) problems.push(`compose.yaml: services.host.build (${context}, ${dockerfile}) is not this repository's Dockerfile`);
    }
    if (host.healthcheck?.disable === true || (!host.healthcheck && !facts.imageHasHealthcheck)) problems.push('compose.yaml: services.host has no healthcheck');
    const env = environmentOf(host.environment);
    for (const variable of Object.keys(env)) if (!facts.envNamesRead.has(variable)) problems.push(`compose.yaml: services.host.environment.${variable}: the code reads no such variable`);
    const redisUrl = String(env.REDIS_URL ?? '');
    if (!redisUrl) problems.push('compose.yaml: services.host sets no REDIS_URL');
    else if (new URL(redisUrl).hostname !== 'redis') problems.push(`compose.yaml: REDIS_URL ${redisUrl} does not name the redis service`);
    if (!env.GAUZY_MCP_STATE_KEY) problems.push('compose.yaml: services.host sets no GAUZY_MCP_STATE_KEY (required with Redis: sessions are encrypted at rest)');
    const command = [host.command ?? []].flat().join(' ');
    if (!env.GAUZY_MCP_OAUTH_ISSUER && !/--auth-config|--config/.test(command)) problems.push('compose.yaml: services.host names no OAuth issuer, and the development identity refuses a non-loopback bind');
    for (const port of host.ports ?? []) {
      const target = typeof port === 'object' ? String(port.target) : String(port).split(':').at(-1);
      if (facts.exposedPort && target !== facts.exposedPort) problems.push(`compose.yaml: services.host publishes container port ${target}, but the image listens on ${facts.exposedPort}`);
    }
  }
  return problems;
}

/** A service's environment, from its map or list form. @param {unknown} environment @returns {Record<string, unknown>} */
function environmentOf(environment) {
  if (Array.isArray(environment)) return Object.fromEntries(environment.map((entry) => String(entry).split(/=(.*)/s).slice(0, 2)));
  return /** @type {Record<string, unknown>} */ (environment ?? {});
}
