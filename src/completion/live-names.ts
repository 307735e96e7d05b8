/**
 * Live resource names for an option (RESOURCE_OPTIONS), fetched the way a real command fetches:
 * settings and sender from openSession (same credentials chain, endpoint rules and retries),
 * bodies shaped by shapeResponse from the operation table. Pages are followed while IAM says
 * there are more; the caller bounds the whole fetch with a deadline.
 */
import type { Io } from '../cli/io.js';
import { toGlobalOptions } from '../cli/global-options.js';
import { openSession } from '../cli/session.js';
import { operations } from '../model/operations.js';
import { shapeResponse } from '../response/shape-response.js';
import type { Value, ValueMap } from '../value/value.js';
import type { LineSettings } from './candidates.js';
import type { NameSource } from './resource-options.js';

/** The largest page IAM serves; fewer round trips before the deadline. */
const PAGE_SIZE = 1000;

export type FetchNames = (sources: readonly NameSource[], settings: LineSettings) => Promise<string[]>;

export function liveNameFetcher(io: Io): FetchNames {
  return async (sources, line) => {
    const globals = lineGlobals(line);
    const { send, settings } = await openSession(globals, io, await io.loadSharedFiles());
    const names: string[] = [];
    for (const source of sources) {
      const operation = operations.find((op) => op.name === source.operation);
      if (!operation) throw new Error(`no operation ${source.operation}`);
      const pageable = operation.input.some((m) => m.name === 'MaxItems');
      let marker: string | undefined;
      do {
        const params: ValueMap = new Map();
        if (pageable) params.set('MaxItems', PAGE_SIZE);
        if (marker !== undefined) params.set('Marker', marker);
        const body = await send(operation.name, params);
        const result = shapeResponse(body, operation.name, operation.output, { timestampFormat: settings.timestampFormat });
        names.push(...namesIn(result.get(source.list), source.name));
        marker = result.get('IsTruncated') === true ? (result.get('Marker') as string | undefined) : undefined;
      } while (marker !== undefined);
    }
    return names;
  };
}

/** The line's settings as the global options a command would have parsed. */
export const lineGlobals = (line: LineSettings) =>
  toGlobalOptions(new Map<string, unknown>(Object.entries(line).filter(([, v]) => v !== undefined)));

function namesIn(list: Value | undefined, member: string): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((element) => {
    const name = element instanceof Map ? element.get(member) : undefined;
    return typeof name === 'string' ? [name] : [];
  });
}
