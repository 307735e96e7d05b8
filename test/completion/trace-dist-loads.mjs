// `node --import ./trace-dist-loads.mjs bin/aws-iam ...` prints "LOAD <file>" on stderr for every
// module of dist/ that the command resolves, so a test can see which chunks a path pulls in.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.includes('/dist/')) process.stderr.write('LOAD ' + resolved.url.split('/dist/')[1] + '\\n');
  return resolved;
}`),
);
