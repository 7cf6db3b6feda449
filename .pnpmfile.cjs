// pnpm hooks for this workspace. Only packing is changed; installs are untouched.
//
// The "gauzy-source" export condition points at src/*.ts, so the workspace runs and type-checks its own sources
// (node --conditions=gauzy-source; customConditions in tsconfig.base.json). src/ is not published: the packed
// manifest drops the condition, so a consumer that uses the same condition (a pack author who copied the
// convention) resolves to dist/ instead of a file that is not there. scripts/test/package-quality.test.ts checks it.
const SOURCE_CONDITION = 'gauzy-source';

/** The exports map (or a nested condition object) without the source condition. */
function withoutSourceCondition(value) {
  if (Array.isArray(value)) return value.map(withoutSourceCondition);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== SOURCE_CONDITION).map(([key, inner]) => [key, withoutSourceCondition(inner)]));
}

module.exports = {
  hooks: {
    beforePacking(manifest) {
      if (manifest.exports !== undefined) manifest.exports = withoutSourceCondition(manifest.exports);
      return manifest;
    },
  },
};
