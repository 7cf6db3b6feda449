/**
 * The part of npm's semver range grammar a plugin's `kernel` field needs: exact versions, `^`, `~`,
 * x-ranges (`1.x`, `1.2`, `*`), comparators (`>=`, `>`, `<=`, `<`, `=`), space-separated comparators
 * (all must hold) and `||` (either side). Written here rather than depending on `semver` because the
 * kernel checks one field with it; pre-release tags order below their release and are otherwise compared
 * as strings.
 */

interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

type Comparator = { op: '>=' | '<' | '>' | '<=' | '='; version: Version };

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;
const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?$/;
const COMPARATOR = /^(\^|~|>=|<=|>|<|=)?(.*)$/;

export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4] ?? '' };
}

function compare(a: Version, b: Version): number {
  const numeric = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (numeric !== 0) return Math.sign(numeric);
  if (a.prerelease === b.prerelease) return 0;
  if (!a.prerelease) return 1;
  if (!b.prerelease) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

const version = (major: number, minor = 0, patch = 0, prerelease = ''): Version => ({ major, minor, patch, prerelease });

/** One comparator term (`^1.2`, `>=1.0.0`, `1.x`) as the bounds it means; undefined when it is not one. */
function comparators(term: string): Comparator[] | undefined {
  const [, operator = '', rest = ''] = COMPARATOR.exec(term)!;
  const match = PARTIAL.exec(rest);
  if (!match) return undefined;
  const parts = [match[1], match[2], match[3]].map((part) => (part === undefined || /^[xX*]$/.test(part) ? undefined : Number(part)));
  // A wildcard must not be followed by a number ("1.x.3").
  if (parts.some((part, index) => part !== undefined && parts.slice(0, index).includes(undefined))) return undefined;
  const [major, minor, patch] = parts;
  const prerelease = match[4] ?? '';
  if (prerelease && patch === undefined) return undefined;
  if (major === undefined) return operator === '<' || operator === '>' ? [{ op: '<', version: version(0, 0, 0, '0') }] : [];
  const lower = version(major, minor ?? 0, patch ?? 0, prerelease);
  // The first version above everything the partial version names ("1.2" -> 1.3.0).
  const above = minor === undefined ? version(major + 1) : patch === undefined ? version(major, minor + 1) : undefined;
  switch (operator) {
    case '^': {
      const upper = major > 0 || minor === undefined ? version(major + 1) : minor > 0 || patch === undefined ? version(0, minor + 1) : version(0, 0, patch! + 1);
      return [{ op: '>=', version: lower }, { op: '<', version: upper }];
    }
    case '~':
      return [{ op: '>=', version: lower }, { op: '<', version: minor === undefined ? version(major + 1) : version(major, minor + 1) }];
    case '>=':
      return [{ op: '>=', version: lower }];
    case '>':
      return above ? [{ op: '>=', version: above }] : [{ op: '>', version: lower }];
    case '<':
      return [{ op: '<', version: lower }];
    case '<=':
      return above ? [{ op: '<', version: above }] : [{ op: '<=', version: lower }];
    default:
      return above ? [{ op: '>=', version: lower }, { op: '<', version: above }] : [{ op: '=', version: lower }];
  }
}

/** The range as alternatives of comparator sets; undefined when it is not a range this grammar reads. */
function parseRange(range: string): Comparator[][] | undefined {
  if (typeof range !== 'string' || range.trim() === '') return undefined;
  const alternatives: Comparator[][] = [];
  for (const alternative of range.split('||')) {
    // `>= 1.0.0` is one comparator: join an operator written apart from its version.
    const terms = alternative.trim().replace(/(\^|~|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
    if (terms.length === 0) return undefined;
    const set: Comparator[] = [];
    for (const term of terms) {
      const parsed = comparators(term);
      if (!parsed) return undefined;
      set.push(...parsed);
    }
    alternatives.push(set);
  }
  return alternatives;
}

export function isValidRange(range: string): boolean {
  return parseRange(range) !== undefined;
}

/** Whether `versionText` is in `range`; false for a range or version that does not parse. */
export function satisfies(versionText: string, range: string): boolean {
  const target = parseVersion(versionText);
  const alternatives = parseRange(range);
  if (!target || !alternatives) return false;
  const holds = ({ op, version: bound }: Comparator) => {
    const order = compare(target, bound);
    return op === '>=' ? order >= 0 : op === '>' ? order > 0 : op === '<' ? order < 0 : op === '<=' ? order <= 0 : order === 0;
  };
  return alternatives.some((set) => set.every(holds));
}
