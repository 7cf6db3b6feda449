import { pluginPackagesFromEnv } from '../plugin-list.js';
import { EarlyStdio } from './early-stdio.js';
import { readEarlyAnswers, startCacheDir, startCacheKey, type EarlyAnswers } from './start-cache.js';

/** stdio's early start: stdin held from the first moment, and what the last start with this key answered. */
export interface EarlyStart {
  front: EarlyStdio;
  /** Where this start's answers are kept (both undefined when they are not: the cache is off or cannot be keyed). */
  cache?: { dir: string; key: string };
  /** The answers read for this key, if any. */
  answers?: EarlyAnswers;
}

/**
 * Takes stdin before anything heavy is imported. Only against a Gauzy named by the environment: the bundled
 * sandbox listens on a new port each start, which the server's instructions name, so its answers never repeat.
 */
export function beginEarlyStart(env: NodeJS.ProcessEnv): EarlyStart {
  const dir = env.API_BASE_URL || env.GAUZY_API_BASE_URL ? startCacheDir(env) : undefined;
  const key = dir ? startCacheKey(env, pluginPackagesFromEnv(env)) : undefined;
  const cache = dir && key ? { dir, key } : undefined;
  const answers = cache ? readEarlyAnswers(cache.dir, cache.key) : undefined;
  return { front: new EarlyStdio(answers), cache, answers };
}
