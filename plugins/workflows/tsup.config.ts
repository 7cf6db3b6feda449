// Picked up by `tsup src/index.ts ...` (the package build script); points the dts step at a non-composite tsconfig.
export default { tsconfig: 'tsconfig.build.json' };
