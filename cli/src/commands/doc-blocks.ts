/**
 * Generated blocks inside hand-written docs: the text between `<!-- BEGIN GENERATED: <name> -->` and
 * `<!-- END GENERATED: <name> -->` belongs to `gauzy-mcp docs --write`; everything around it is prose.
 */

const begin = (name: string) => `<!-- BEGIN GENERATED: ${name} (gauzy-mcp docs --write; do not edit by hand) -->`;
const end = (name: string) => `<!-- END GENERATED: ${name} -->`;

/** The names of the blocks a document holds, in order. */
export function blockNames(text: string): string[] {
  return [...text.matchAll(/<!-- BEGIN GENERATED: (\S+) \(/g)].map((match) => match[1]!);
}

/** `text` with block `name`'s content replaced by `content`; throws when the document has no such block. */
export function replaceBlock(text: string, name: string, content: string): string {
  const start = text.indexOf(begin(name));
  const stop = text.indexOf(end(name));
  if (start < 0 || stop < start) throw new Error(`no generated block "${name}": the document needs the lines\n${begin(name)}\n${end(name)}`);
  return `${text.slice(0, start)}${begin(name)}\n${content.replace(/\n*$/, '\n')}${text.slice(stop)}`;
}

