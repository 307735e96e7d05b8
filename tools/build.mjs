// Bundles src/cli/main.ts into dist/: Node then loads a few modules instead of ~1,200 SDK files.
// ES modules with code splitting, so that what a command does not use (the SDK, help pages,
// skeletons, aws-iam's own commands) sits in chunks that are loaded only by `import()`.
import { build } from 'esbuild';

// dist/ is not emptied first: tests running the binary meanwhile must never find it missing.
await build({
  entryPoints: { 'aws-iam': 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  platform: 'node',
  // The SDK's ES module builds, not its CommonJS ones: only ES modules can be tree-shaken, and
  // aws-iam sends 40 of IAM's ~170 commands (src/sdk/commands.ts).
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Some SDK dependencies are CommonJS and call require(): give the ES modules one.
  banner: { js: "import { createRequire as __awsIamRequire } from 'node:module'; const require = __awsIamRequire(import.meta.url);" },
});
