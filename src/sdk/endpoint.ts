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
import { pyStringRepr } from '../value/python-repr.js';

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

/**
 * botocore's endpoint check: a host name of DNS labels, or a bracketed IPv6 address; then the
 * port as Python's `urlsplit(url).port` reads it (ASCII digits, at most 65535, or none).
 */
export function checkEndpointUrl(endpointUrl: string): void {
  const netloc = urlsplitNetloc(endpointUrl);
  const host = netloc === undefined ? undefined : hostOf(netloc);
  if (UNSAFE.test(endpointUrl) || host === undefined || !(isDnsName(host) || isIpv6Host(host))) {
    throw new CliError('general', `Invalid endpoint: ${endpointUrl}`);
  }
  const port = portOf(netloc!);
  if (port === undefined) return;
  if (!/^[0-9]+$/.test(port)) throw new CliError('general', `Port could not be cast to integer value as ${pyStringRepr(port)}`);
  if (Number(port) > 65535) throw new CliError('general', 'Port out of range 0-65535');
}

/** How botocore's HTTP layer writes a configured URL in its messages: the scheme lower-cased. */
export const normalizedEndpoint = (endpointUrl: string): string =>
  endpointUrl.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:/, (scheme) => scheme.toLowerCase());

const isDnsName = (host: string): boolean => host.length <= 255 && DNS_NAME.test(host.endsWith('.') ? host.slice(0, -1) : host);

function isIpv6Host(host: string): boolean {
  const zone = host.indexOf('%');
  const address = zone < 0 ? host : host.slice(0, zone);
  return isIPv6(address) && (zone < 0 || ZONE_ID.test(host.slice(zone)));
}

/**
 * Python's `urlsplit(url).netloc`: what follows `//`, up to `/`, `?` or `#`; undefined without
 * `//`. Unbalanced brackets are urlsplit's ValueError `Invalid IPv6 URL`.
 */
function urlsplitNetloc(url: string): string | undefined {
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(url);
  const rest = scheme ? url.slice(scheme[0].length) : url;
  if (!rest.startsWith('//')) return undefined;
  const netloc = rest.slice(2).split(/[/?#]/, 1)[0];
  if (netloc.includes('[') !== netloc.includes(']')) throw new CliError('general', 'Invalid IPv6 URL');
  return netloc;
}

/** `.hostname`: without user info and port, brackets removed, lower-cased; undefined when empty. */
function hostOf(netloc: string): string | undefined {
  const hostPort = netloc.slice(netloc.lastIndexOf('@') + 1);
  const bracketed = /^\[([^\]]*)\]/.exec(hostPort);
  const host = bracketed ? bracketed[1] : hostPort.split(':', 1)[0];
  return host === '' ? undefined : host.toLowerCase();
}

/** `.port`'s text: after the host's last `:`; undefined when there is none or it is empty. */
function portOf(netloc: string): string | undefined {
  const hostPort = netloc.slice(netloc.lastIndexOf('@') + 1);
  const afterHost = hostPort.startsWith('[') ? hostPort.slice(hostPort.indexOf(']') + 1) : hostPort;
  const colon = afterHost.indexOf(':');
  const port = colon < 0 ? '' : afterHost.slice(colon + 1);
  return port === '' ? undefined : port;
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

/** The HTTP client speaks HTTP and HTTPS only (urllib3's message, wrapped as botocore does). */
export function checkRequestScheme(request: { protocol?: string }): void {
  const scheme = (request.protocol ?? 'https:').replace(/:$/, '').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    throw new CliError('general', `An HTTP Client raised an unhandled exception: Not supported URL scheme ${scheme}`);
  }
}
