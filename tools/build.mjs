// Bundles src/cli/main.ts into dist/: Node then loads a few modules instead of ~1,200 SDK files.
// ES modules with code splitting, so that what a command does not use (the SDK, help pages,
// skeletons, aws-iam's own commands) sits in chunks that are loaded only by `import()`.
//
//   node tools/build.mjs            build (what `npm test` and a clone's first run do)
//   node tools/build.mjs --clean    build, then delete what earlier builds left in dist/ (prepack)
import { readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Paths are the repository's, whatever the working directory (bin/aws-iam may build from anywhere).
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

// Node's modules are taken with require(), not import: an import builds an ES module facade,
// which reads every export, and on Node 24 reading `http`'s lazy WebSocket/EventSource getters
// loads all of undici (~10 ms of a list call). require() hands over the module object as is.
const builtins = new RegExp(`^(node:)?(${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`);
const requireBuiltins = {
  name: 'require-builtins',
  setup(b) {
    b.onResolve({ filter: builtins }, (args) =>
      args.kind === 'require-call' ? { path: args.path, external: true } : { path: args.path, namespace: 'builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

// dist/ is not emptied first: tests running the binary meanwhile must never find it missing.
const common = {
  absWorkingDir: root,
  metafile: true,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  // The SDK's ES module builds, not its CommonJS ones: only ES modules can be tree-shaken, and
  // aws-iam sends 40 of IAM's ~170 commands (src/sdk/commands.ts).
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [requireBuiltins],
  // Some SDK dependencies are CommonJS and call require(), and the shims above do: the only
  // modules left outside the bundle are Node's, so the ES modules get a require() of built-ins
  // alone. Not createRequire(import.meta.url): that builds a CommonJS loader per chunk (a list
  // call loads ~40 chunks; 1–6 ms in all).
  banner: {
    js: "const require = (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); })();",
  },
};
const results = await Promise.all([
  build({ ...common, entryPoints: { 'aws-iam': 'src/cli/main.ts' }, splitting: true }),
  // bin/aws-iam loads this before the bundle (src/cli/compile-cache.ts): one file of its own,
  // sharing no chunk with the bundle, so that nothing else is compiled before the cache is on.
  build({ ...common, entryPoints: { 'compile-cache': 'src/cli/compile-cache.ts' }, splitting: false }),
]);

if (process.argv.includes('--clean')) {
  // Chunk names carry content hashes, so every change leaves old chunks behind: the package
  // must carry only what this build wrote.
  const written = new Set(results.flatMap((r) => Object.keys(r.metafile.outputs).map((file) => basename(file))));
  for (const file of readdirSync(dist)) if (!written.has(file)) rmSync(`${dist}/${file}`, { recursive: true });
}
