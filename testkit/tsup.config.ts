// Picked up by `tsup src/index.ts ...` (the package build script); points the dts step at a non-composite tsconfig.
// `node:` prefixes stay: the conformance suite imports node:test, which has no unprefixed name.
export default { tsconfig: 'tsconfig.build.json', removeNodeProtocol: false };
