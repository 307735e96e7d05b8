// Bundles src/cli/main.ts into dist/: Node then loads a few modules instead of ~1,200 SDK files.
// ES modules with code splitting, so that what a command does not use (the SDK, help pages,
// skeletons, aws-iam's own commands) sits in chunks that are loaded only by `import()`.
//
//   node tools/build.mjs            build (what `npm test` and a clone's first run do)
//   node tools/build.mjs --clean    build, then delete what earlier builds left in dist/ (prepack)
import { readdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Paths are the repository's, whatever the working directory (bin/aws-iam may build from anywhere).
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

// dist/ is not emptied first: tests running the binary meanwhile must never find it missing.
const result = await build({
  metafile: true,
  absWorkingDir: root,
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

if (process.argv.includes('--clean')) {
  // Chunk names carry content hashes, so every change leaves old chunks behind: the package
  // must carry only what this build wrote.
  const written = new Set(Object.keys(result.metafile.outputs).map((file) => basename(file)));
  for (const file of readdirSync(dist)) if (!written.has(file)) rmSync(`${dist}/${file}`, { recursive: true });
}
