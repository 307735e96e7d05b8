/**
 * Where requests go. The SDK's endpoint rules for each service pick the URL from the region,
 * its partition (aws, aws-cn, aws-us-gov, the ISO ones) and the FIPS and dual-stack settings,
 * as botocore's rules do; a configured endpoint URL replaces them. What is checked here is what
 * botocore checks when it creates a client, before any credential is looked up: a region must
 * be a host label, and a configured URL must name a host.
 */
import { CliError } from '../errors/cli-error.js';
import { isIPv6 } from 'node:net';
import { REFUSED_IAM_VARIANTS } from './endpoint-variants.generated.js';

/** botocore `validate_region_name`: a DNS label, not all digits (the empty text passes). */
const HOST_LABEL = /^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)$/;

export function checkRegion(region: string | undefined): void {
  if (region !== undefined && !HOST_LABEL.test(region)) {
    throw new CliError('general', `Provided region_name '${region}' doesn't match a supported format.`);
  }
}

/** Characters botocore refuses anywhere in an endpoint URL (urlsplit would silently drop them). */
const UNSAFE = /[\t\r\n]/;
const DNS_NAME = /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i;
/** RFC 6874 zone identifier after an IPv6 address: `%25` or `%`, then unreserved or %XX. */
const ZONE_ID = /^(?:%25|%)(?:[A-Za-z0-9._!-]|%[a-fA-F0-9]{2})+$/;

/** The URL scheme of a configured endpoint (`http://x`), checked with the top-level options. */
export function checkEndpointScheme(endpointUrl: string): void {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(endpointUrl)) {
    throw new CliError(
      'param-validation',
      `Bad value for --endpoint-url "${endpointUrl}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
    );
  }
}

/** botocore's endpoint check: a host name of DNS labels, or a bracketed IPv6 address. */
export function checkEndpointUrl(endpointUrl: string): void {
  const host = urlsplitHostname(endpointUrl);
  if (UNSAFE.test(endpointUrl) || host === undefined || !(isDnsName(host) || isIpv6Host(host))) {
    throw new CliError('general', `Invalid endpoint: ${endpointUrl}`);
  }
}

const isDnsName = (host: string): boolean => host.length <= 255 && DNS_NAME.test(host.endsWith('.') ? host.slice(0, -1) : host);

function isIpv6Host(host: string): boolean {
  const zone = host.indexOf('%');
  const address = zone < 0 ? host : host.slice(0, zone);
  return isIPv6(address) && (zone < 0 || ZONE_ID.test(host.slice(zone)));
}

/**
 * Python's `urlsplit(url).hostname`: the network location after `//` (up to `/`, `?` or `#`),
 * without user info and port, brackets removed, lower-cased; undefined when empty. Unbalanced
 * brackets are the ValueError `Invalid IPv6 URL`.
 */
function urlsplitHostname(url: string): string | undefined {
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(url);
  const rest = scheme ? url.slice(scheme[0].length) : url;
  if (!rest.startsWith('//')) return undefined;
  const netloc = rest.slice(2).split(/[/?#]/, 1)[0];
  if (netloc.includes('[') !== netloc.includes(']')) throw new CliError('general', 'Invalid IPv6 URL');
  const hostPort = netloc.slice(netloc.lastIndexOf('@') + 1);
  const bracketed = /^\[([^\]]*)\]/.exec(hostPort);
  const host = bracketed ? bracketed[1] : hostPort.split(':', 1)[0];
  return host === '' ? undefined : host.toLowerCase();
}

/** The URL of a request as the SDK is about to send it, as the CLI names it in its messages. */
export function requestUrlOf(request: { protocol?: string; hostname?: string; port?: number; path?: string }): string {
  const port = request.port === undefined ? '' : `:${request.port}`;
  return `${request.protocol ?? 'https:'}//${request.hostname ?? ''}${port}${request.path || '/'}`;
}

/**
 * botocore's older endpoint data, which it still consults when it creates a client, has no
 * dual-stack IAM in some partitions: it then refuses before any request, with or without a
 * configured endpoint, even where the newer rules would name a URL.
 */
export function checkEndpointVariant(region: string | undefined, fips: boolean, dualstack: boolean): void {
  if (!fips && !dualstack) return;
  const name = region || 'us-east-1';
  const refused = REFUSED_IAM_VARIANTS.find(
    (v) => v.fips === fips && v.dualstack === dualstack && (v.regions.includes(name) || new RegExp(v.regionRegex).test(name)),
  );
  if (refused) {
    const tags = [dualstack && `'dualstack'`, fips && `'fips'`].filter(Boolean).join(', ');
    throw new CliError('general', `Unable to construct a modeled endpoint with the following variant(s) [${tags}]:`);
  }
}
