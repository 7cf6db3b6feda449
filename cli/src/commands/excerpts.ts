import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * Code excerpts for the guides, copied from the repository's sources so they cannot drift: a block named
 * `excerpt:<path>#<name>[,<name>…]` holds the top-level statements that declare (or call) each name, with
 * the comments just above them. `default` is the `export default` statement.
 */
export const EXCERPT_PREFIX = 'excerpt:';

const START = (name: string) =>
  name === 'default' ? /^export default\b/ : new RegExp(`^(?:export )?(?:(?:const|let|class|interface|type|enum) ${name}\\b|(?:async )?function\\*? ${name}\\b)|^${name}\\(`);

/** The statement at top level that declares or calls `name`, with its leading comments. */
export function topLevelStatement(source: string, name: string, where = 'the source'): string {
  const lines = source.split('\n');
  const starts = lines.flatMap((line, index) => (START(name).test(line) ? [index] : []));
  if (starts.length !== 1) throw new Error(`${where}: ${starts.length === 0 ? 'no' : 'more than one'} top-level statement for "${name}"`);
  const start = starts[0]!;
  let first = start;
  while (first > 0 && /^(\/\/|\/\*\*|\s\*)/.test(lines[first - 1]!)) first--;
  // A statement that does not end on its first line ends at the first closing line back at column 0.
  let last = start;
  if (!/;\s*$/.test(lines[start]!)) {
    while (last < lines.length - 1 && !/^[)\]}]/.test(lines[last]!)) last++;
    if (!/^[)\]}]/.test(lines[last]!)) throw new Error(`${where}: the statement for "${name}" never closes at column 0`);
  }
  return lines.slice(first, last + 1).join('\n');
}

/** The fenced code block an `excerpt:` block holds. */
export function renderExcerpt(root: string, block: string): string {
  const reference = block.slice(EXCERPT_PREFIX.length);
  const hash = reference.indexOf('#');
  if (!block.startsWith(EXCERPT_PREFIX) || hash < 0) throw new Error(`"${block}" is not ${EXCERPT_PREFIX}<path>#<name>`);
  const path = reference.slice(0, hash);
  const source = readFileSync(join(root, path), 'utf8');
  const statements = reference
    .slice(hash + 1)
    .split(',')
    .map((name) => topLevelStatement(source, name, path));
  return ['```' + extname(path).slice(1), `// ${path}`, statements.join('\n\n'), '```'].join('\n');
}
