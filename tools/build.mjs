// Bundles src/cli/main.ts into dist/: Node then loads a few modules instead of ~1,200 SDK files.
// ES modules with code splitting, so that what a command does not use (the SDK, help pages,
// skeletons, aws-iam's own commands) sits in chunks that are loaded only by `import()`.
//
//   node tools/build.mjs            build (what `npm test` and a clone's first run do)
//   node tools/build.mjs --clean    build, then delete what earlier builds left in dist/ (prepack)
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, extname, resolve } from 'node:path';
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
// Fewer, bigger chunks. esbuild puts modules in one chunk when the same entry points reach
// them, and every `import()` target is an entry point: the modules a list call loads were
// spread over ~40 chunks by which lazy parts also use them, and Node's module loader costs about
// as much per file (resolving, reading, linking: ~20 ms for 24 files on Node 20) as compiling
// does. So each module that is imported lazily also imports, statically, the root of the graph
// that loads it: the CLI's entry (src/cli/main.ts), or for the SDK's lazy parts the module that
// loads the SDK (src/sdk/iam-client.ts). That root is already evaluated when such an import()
// runs (the one exception: `across` imports the STS and Organizations clients before its first
// IAM call, and now evaluates the IAM client's graph, which it loads anyway, a little earlier),
// so nothing is loaded that was not before; but every entry point now reaches the whole of the
// CLI's graph (one chunk), and the SDK's entry points the SDK's. A module the root itself
// reaches statically would close a cycle: it is left alone, unless only modules that run after
// the SDK's root import it lazily (the cycle then changes no order). Only the bundle sees these
// imports; src/ is unchanged.
const MAIN = 'src/cli/main.ts';
const SDK = 'src/sdk/iam-client.ts';
const sdkSide = (path) => path.startsWith('src/sdk/') || /\/node_modules\/(@aws-sdk|@smithy|@aws)\//.test(path);

/** For each module imported by import() (absolute path), the root it is to import. */
async function lazyRoots() {
  const { metafile } = await build({ ...common, entryPoints: [MAIN], splitting: true, write: false, outdir: 'dist' });
  const imports = Object.entries(metafile.inputs).flatMap(([from, input]) => input.imports.map((i) => ({ from, ...i })));
  const staticImports = new Map();
  for (const i of imports) if (i.kind !== 'dynamic-import') staticImports.set(i.from, [...(staticImports.get(i.from) ?? []), i.path]);
  const closure = (start) => {
    const seen = new Set([start]);
    for (const path of seen) for (const next of staticImports.get(path) ?? []) seen.add(next);
    return seen;
  };
  const reaches = { [MAIN]: closure(MAIN), [SDK]: closure(SDK) };
  const lazy = imports.filter((i) => i.kind === 'dynamic-import' && metafile.inputs[i.path]?.format === 'esm');
  const roots = new Map();
  for (const { from, path } of lazy) {
    // A module imported lazily from both sides belongs to the SDK's.
    if (roots.get(path) === SDK) continue;
    if ((sdkSide(from) || sdkSide(path)) && path !== SDK && !reaches[SDK].has(path)) roots.set(path, SDK);
    else if (!reaches[MAIN].has(path)) roots.set(path, MAIN);
  }
  // A module the SDK's root reaches, imported lazily only by modules that can run only once
  // that root has been evaluated (its graph and its lazy parts', none of the CLI's side).
  const graphOf = (owner) => [...roots].filter(([, r]) => r === owner).flatMap(([path]) => [...closure(path)]);
  const afterSdk = new Set([...reaches[SDK], ...graphOf(SDK)]);
  const cliSide = new Set([...reaches[MAIN], ...graphOf(MAIN)]);
  for (const { path } of lazy) {
    const importers = lazy.filter((i) => i.path === path).map((i) => i.from);
    if (reaches[SDK].has(path) && importers.every((from) => afterSdk.has(from) && !cliSide.has(from))) roots.set(path, SDK);
  }
  return new Map([...roots].map(([path, r]) => [resolve(root, path), r]));
}

function importRoots(roots) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return {
    name: 'import-roots',
    setup(b) {
      if (roots.size === 0) return;
      b.onLoad({ filter: new RegExp(`^(${[...roots.keys()].map(escape).join('|')})$`) }, (args) => ({
        // First, so that the root's graph is evaluated before this module's own imports.
        contents: `import ${JSON.stringify(resolve(root, roots.get(args.path)))};\n${readFileSync(args.path, 'utf8')}`,
        loader: extname(args.path) === '.ts' ? 'ts' : 'js',
        resolveDir: dirname(args.path),
      }));
    },
  };
}

const roots = await lazyRoots();
const results = await Promise.all([
  build({ ...common, entryPoints: { 'aws-iam': MAIN }, splitting: true, plugins: [...common.plugins, importRoots(roots)] }),
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
