/**
 * The hosts a download may reach. An entry is a host name ("pbs.twimg.com"), a wildcard for its
 * subdomains ("*.twimg.com", not the apex), or an IP literal ("127.0.0.1", "[::1]"), each optionally
 * with a port ("localhost:8443"); without a port only 443 is allowed.
 */
import { array, convert, optional, type Rule } from '../shared/check.js';

/** Hosts allowed by default: the Twitter syndication API and the Twitter and Bluesky image CDNs. */
export const DEFAULT_ALLOW_HOSTS: readonly string[] = Object.freeze([
  'cdn.syndication.twimg.com',
  'pbs.twimg.com',
  'abs.twimg.com',
  'cdn.bsky.app',
]);

const ENTRY = /^(\*\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;

/** One parsed allowlist entry. */
export interface HostRule {
  /** Host name or bracketed IPv6 literal, lower case. */
  host: string;
  /** Subdomains of `host` (not `host` itself). */
  wildcard: boolean;
  /** The one port allowed. */
  port: string;
}

const ALLOWED = 'an array of host names such as "pbs.twimg.com", "*.example.com" or "localhost:8443"';

function parseEntry(entry: string): HostRule | undefined {
  const m = ENTRY.exec(entry.toLowerCase());
  const port = m?.[3] ?? '443';
  if (!m?.[2] || Number(port) < 1 || Number(port) > 65535) return undefined;
  return { host: m[2], wildcard: Boolean(m[1]), port };
}

const entryRule = convert(ALLOWED, (value, _at, fail) => {
  const rule = typeof value === 'string' ? parseEntry(value) : undefined;
  if (!rule) throw fail();
  return rule;
});

/** The `allowHosts` option, parsed; not given, the defaults. */
export const allowHostsRule: Rule<HostRule[]> = optional(array(entryRule, ALLOWED), () =>
  DEFAULT_ALLOW_HOSTS.map((h) => parseEntry(h) as HostRule),
);

/** Whether the URL's host and port are on the list. */
export function isHostAllowed(url: URL, rules: readonly HostRule[]): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const port = url.port || '443';
  return rules.some((rule) => {
    if (rule.port !== port) return false;
    return rule.wildcard ? host.endsWith(`.${rule.host}`) : host === rule.host;
  });
}

/** The list as people wrote it, for error messages. */
export function describeAllowHosts(rules: readonly HostRule[]): string {
  if (rules.length === 0) return 'no hosts (the allowlist is empty)';
  return rules.map((r) => `${r.wildcard ? '*.' : ''}${r.host}${r.port === '443' ? '' : `:${r.port}`}`).join(', ');
}
