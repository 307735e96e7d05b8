// `node --import ./trace-dist-loads.mjs bin/aws-iam ...` prints "LOAD <file>" on stderr for every
// module of dist/ that the command resolves, so a test can see which chunks a path pulls in.
// The hooks run on their own thread: the line is written synchronously, or a command that
// exits right after answering could lose it.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.includes('/dist/')) writeSync(2, 'LOAD ' + resolved.url.split('/dist/')[1] + '\\n');
  return resolved;
}`),
);
