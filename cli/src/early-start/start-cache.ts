import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// What `gauzy-mcp stdio` answered last time it started the same way, kept so that its next start can answer a
// client's `initialize` and `tools/list` before the kernel and the packs have loaded. Nothing here loads the kernel.

/** The answers a start can give before the kernel is up, as the kernel itself gave them (JSON texts of results). */
export interface EarlyAnswers {
  /** Each `initialize` result's text, by the protocol version the client asks for. */
  initialize: Record<string, string>;
  /** Each `tools/list` result's text, by the negotiated protocol version and then by cursor ('' for the first page). */
  toolsList: Record<string, Record<string, string>>;
}

interface CacheFile {
  format: typeof FORMAT;
  key: string;
  /** Distinct result texts (most versions list the same tools), referred to by index. */
  texts: string[];
  initialize: Record<string, number>;
  toolsList: Record<string, Record<string, number>>;
}

const FORMAT = 1;
/** Files kept in the cache directory: one per way of starting (a few configs per person). */
const KEEP_FILES = 8;
const FILE_PATTERN = /^stdio-[0-9a-f]{32}\.json$/;

/**
 * GAUZY_MCP_START_CACHE: the directory for these answers, or `off`. Default: `$XDG_CACHE_HOME/gauzy-mcp`,
 * else `~/.cache/gauzy-mcp`.
 */
export function startCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const given = env.GAUZY_MCP_START_CACHE?.trim();
  if (given && /^(off|false|0|no)$/i.test(given)) return undefined;
  if (given) return given;
  const base = env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache');
  return join(base, 'gauzy-mcp');
}

/**
 * What the answers depend on, hashed: the environment that configures the server (never the password), and the
 * exact files of the CLI, the kernel and every pack served (a rebuild or an upgrade changes a file's size, time or
 * version). Undefined when a package cannot be found this way; the start then simply waits for the kernel.
 */
export function startCacheKey(env: NodeJS.ProcessEnv, packages: readonly string[], resolve: (specifier: string) => string = defaultResolve): string | undefined {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT}\n`);
  for (const name of Object.keys(env).sort()) {
    if (!/^(GAUZY_|API_)/.test(name) || name === 'GAUZY_AUTH_PASSWORD' || name === 'GAUZY_MCP_START_CACHE') continue;
    hash.update(`env ${name}=${env[name]}\n`);
  }
  hash.update(`file ${fileFingerprint(fileURLToPath(import.meta.url))}\n`);
  try {
    for (const name of ['@gauzy-mcp/core', ...packages]) {
      const entry = fileURLToPath(resolve(name));
      hash.update(`package ${name} ${packageVersion(entry)} ${fileFingerprint(entry)}\n`);
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

export function readEarlyAnswers(dir: string, key: string): EarlyAnswers | undefined {
  let file: CacheFile;
  try {
    file = JSON.parse(readFileSync(cacheFile(dir, key), 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  if (!isCacheFile(file) || file.key !== key) return undefined;
  const text = (index: number) => file.texts[index];
  const initialize = mapValues(file.initialize, text);
  const toolsList = Object.fromEntries(Object.entries(file.toolsList).map(([version, pages]) => [version, mapValues(pages, text)]));
  if (!initialize || Object.values(toolsList).some((pages) => !pages)) return undefined;
  return { initialize, toolsList: toolsList as EarlyAnswers['toolsList'] };
}

/** Writes the answers for this key (readable by the user only), keeping the newest few files. */
export function writeEarlyAnswers(dir: string, key: string, answers: EarlyAnswers): void {
  const texts: string[] = [];
  const indexOf = (text: string) => {
    const at = texts.indexOf(text);
    return at >= 0 ? at : texts.push(text) - 1;
  };
  const file: CacheFile = {
    format: FORMAT,
    key,
    texts,
    initialize: Object.fromEntries(Object.entries(answers.initialize).map(([version, text]) => [version, indexOf(text)])),
    toolsList: Object.fromEntries(Object.entries(answers.toolsList).map(([version, pages]) => [version, Object.fromEntries(Object.entries(pages).map(([cursor, text]) => [cursor, indexOf(text)]))])),
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = cacheFile(dir, key);
  const partial = `${target}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(file), { mode: 0o600 });
  // A reader sees the old file or the new one, never half of one.
  renameSync(partial, target);
  pruneOldFiles(dir);
}

export function removeEarlyAnswers(dir: string, key: string): void {
  rmSync(cacheFile(dir, key), { force: true });
}

function cacheFile(dir: string, key: string): string {
  return join(dir, `stdio-${key.slice(0, 32)}.json`);
}

function pruneOldFiles(dir: string): void {
  const files = readdirSync(dir)
    .filter((name) => FILE_PATTERN.test(name))
    .map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of files.slice(KEEP_FILES)) rmSync(join(dir, name), { force: true });
}

function isCacheFile(value: unknown): value is CacheFile {
  const file = value as CacheFile;
  return (
    typeof file === 'object' && file !== null && file.format === FORMAT && typeof file.key === 'string' &&
    Array.isArray(file.texts) && file.texts.every((text) => typeof text === 'string') &&
    isIndexMap(file.initialize) && typeof file.toolsList === 'object' && file.toolsList !== null && Object.values(file.toolsList).every(isIndexMap)
  );
}

function isIndexMap(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((index) => Number.isInteger(index));
}

/** The record with each index replaced by its text; undefined when an index points nowhere. */
function mapValues(record: Record<string, number>, text: (index: number) => string | undefined): Record<string, string> | undefined {
  const mapped: Record<string, string> = {};
  for (const [name, index] of Object.entries(record)) {
    const value = text(index);
    if (value === undefined) return undefined;
    mapped[name] = value;
  }
  return mapped;
}

function fileFingerprint(path: string): string {
  const stat = statSync(path);
  return `${path} ${stat.size} ${stat.mtimeMs}`;
}

/** The version in the nearest package.json above a package's entry file. */
function packageVersion(entry: string): string {
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
    } catch {
      if (dirname(dir) === dir) return '';
    }
  }
}

function defaultResolve(specifier: string): string {
  // Synchronous since Node 20.6; where it is missing the key is undefined and nothing is cached.
  return import.meta.resolve(specifier);
}
