import { describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.js';
import { blockedAddressReason } from '../src/net/address-policy.js';
import { fetchOptions } from '../src/net/fetch-options.js';
import { allowHostsRule, DEFAULT_ALLOW_HOSTS, isHostAllowed } from '../src/net/host-allowlist.js';
import { hydrateOptions, hydrateRule } from '../src/net/hydrate-options.js';
import { checkOptions, Place } from '../src/shared/check.js';

const checkFetchOptions = (options: unknown) => checkOptions(fetchOptions, options);
const checkHydrateOptions = (options: unknown) => checkOptions(hydrateOptions, options);
const resolveHydrateOption = (value: unknown) => hydrateRule.check(value, new Place('option', 'hydrate'));
const checkAllowHosts = (value: unknown) => allowHostsRule.check(value, new Place('option', 'allowHosts'));

describe('blockedAddressReason', () => {
  const cases: Array<{ name: string; input: string; expected: string | undefined }> = [
    { name: 'public IPv4', input: '151.101.1.69', expected: undefined },
    { name: 'public IPv6', input: '2606:4700::6810:84e5', expected: undefined },
    { name: 'IPv4-mapped public', input: '::ffff:151.101.1.69', expected: undefined },
    { name: 'NAT64 of a public IPv4', input: '64:ff9b::9765:145', expected: undefined },
    { name: 'loopback', input: '127.0.0.1', expected: 'loopback' },
    { name: 'loopback, anywhere in 127/8', input: '127.255.0.9', expected: 'loopback' },
    { name: 'IPv6 loopback', input: '::1', expected: 'loopback' },
    { name: 'IPv6 loopback in URL brackets', input: '[::1]', expected: 'loopback' },
    { name: 'unspecified IPv4', input: '0.0.0.0', expected: 'unspecified ("this network")' },
    { name: 'unspecified IPv6', input: '::', expected: 'unspecified' },
    { name: 'private 10/8', input: '10.0.0.1', expected: 'private' },
    { name: 'private 172.16/12', input: '172.31.255.254', expected: 'private' },
    { name: 'just outside 172.16/12', input: '172.32.0.1', expected: undefined },
    { name: 'private 192.168/16', input: '192.168.1.1', expected: 'private' },
    { name: 'CGNAT (and Alibaba metadata)', input: '100.100.100.200', expected: 'carrier-grade NAT' },
    { name: 'AWS/GCP/Azure metadata', input: '169.254.169.254', expected: 'link-local (cloud metadata)' },
    { name: 'metadata, IPv4-mapped dotted', input: '::ffff:169.254.169.254', expected: 'link-local (cloud metadata)' },
    { name: 'metadata, IPv4-mapped hex', input: '::ffff:a9fe:a9fe', expected: 'link-local (cloud metadata)' },
    { name: 'metadata through NAT64', input: '64:ff9b::a9fe:a9fe', expected: 'link-local (cloud metadata)' },
    { name: 'private through 6to4', input: '2002:a00:1::1', expected: 'private' },
    { name: 'loopback, IPv4-mapped', input: '::ffff:127.0.0.1', expected: 'loopback' },
    { name: 'loopback, IPv4-compatible', input: '::127.0.0.1', expected: 'IPv4-compatible (deprecated)' },
    { name: 'AWS IPv6 metadata (ULA)', input: 'fd00:ec2::254', expected: 'unique local (private)' },
    { name: 'IPv6 link-local with zone', input: 'fe80::1%eth0', expected: 'link-local' },
    { name: 'IPv4 multicast', input: '239.255.255.250', expected: 'multicast' },
    { name: 'IPv6 multicast', input: 'ff02::1', expected: 'multicast' },
    { name: 'broadcast', input: '255.255.255.255', expected: 'reserved or broadcast' },
    { name: 'documentation', input: '2001:db8::1', expected: 'documentation' },
    { name: 'Teredo', input: '2001:0:4136:e378:8000:63bf:3fff:fdd2', expected: 'IETF protocol assignments (Teredo included)' },
    { name: 'a host name is not an address', input: 'localhost', expected: 'not an IP address' },
  ];
  for (const { name, input, expected } of cases) test(name, () => expect(blockedAddressReason(input)).toBe(expected));
});

describe('host allowlist', () => {
  const defaults = checkAllowHosts(undefined);
  const custom = checkAllowHosts(['*.example.com', 'localhost:8443', '[::1]:9000', 'Pbs.Twimg.com']);
  const cases: Array<{ name: string; input: string; rules: typeof defaults; expected: boolean }> = [
    { name: 'avatar CDN on 443', input: 'https://pbs.twimg.com/profile_images/1/a.jpg', rules: defaults, expected: true },
    { name: 'explicit :443', input: 'https://pbs.twimg.com:443/x.jpg', rules: defaults, expected: true },
    { name: 'other port refused', input: 'https://pbs.twimg.com:8443/x.jpg', rules: defaults, expected: false },
    { name: 'syndication API', input: 'https://cdn.syndication.twimg.com/tweet-result?id=1', rules: defaults, expected: true },
    { name: 'look-alike suffix refused', input: 'https://pbs.twimg.com.evil.example/x', rules: defaults, expected: false },
    { name: 'trailing dot is the same host', input: 'https://pbs.twimg.com./x', rules: defaults, expected: true },
    { name: 'other host refused', input: 'https://evil.example/x', rules: defaults, expected: false },
    { name: 'wildcard matches a subdomain', input: 'https://img.example.com/x', rules: custom, expected: true },
    { name: 'wildcard does not match the apex', input: 'https://example.com/x', rules: custom, expected: false },
    { name: 'entry with port', input: 'https://localhost:8443/x', rules: custom, expected: true },
    { name: 'entry with port, other port', input: 'https://localhost/x', rules: custom, expected: false },
    { name: 'IPv6 literal entry', input: 'https://[::1]:9000/x', rules: custom, expected: true },
    { name: 'entries are case-insensitive', input: 'https://PBS.twimg.com/x', rules: custom, expected: true },
  ];
  for (const { name, input, rules, expected } of cases) test(name, () => expect(isHostAllowed(new URL(input), rules)).toBe(expected));

  test('the defaults are the networks image and API hosts', () => {
    expect(DEFAULT_ALLOW_HOSTS).toEqual(['cdn.syndication.twimg.com', 'pbs.twimg.com', 'abs.twimg.com', 'cdn.bsky.app']);
  });
});

describe('option validation', () => {
  const cases: Array<{ name: string; run: () => unknown; expected: string }> = [
    {
      name: 'negative timeout',
      run: () => checkFetchOptions({ timeoutMs: -1 }),
      expected: 'Invalid value for option "timeoutMs". Allowed: an integer from 1 to 120000. Received: -1.',
    },
    {
      name: 'NaN byte cap',
      run: () => checkFetchOptions({ maxBytes: Number.NaN }),
      expected: 'Invalid value for option "maxBytes". Allowed: an integer from 1 to 104857600. Received: NaN.',
    },
    {
      name: 'redirect cap as a string',
      run: () => checkFetchOptions({ maxRedirects: '3' }),
      expected: 'Invalid value for option "maxRedirects". Allowed: an integer from 0 to 10. Received: "3".',
    },
    {
      name: 'allowlist entry with a scheme',
      run: () => checkFetchOptions({ allowHosts: ['https://pbs.twimg.com'] }),
      expected:
        'Invalid value for option "allowHosts[0]". Allowed: an array of host names such as "pbs.twimg.com", "*.example.com" or "localhost:8443". Received: "https://pbs.twimg.com".',
    },
    {
      name: 'unknown key',
      run: () => checkFetchOptions({ followRedirects: true }),
      expected:
        'Unknown option "followRedirects". Allowed: "fetch", "allowHosts", "timeoutMs", "maxBytes", "maxPixels", "maxRedirects", "signal", "expect". Received: "followRedirects".',
    },
    {
      name: '__proto__ key',
      run: () => checkFetchOptions(JSON.parse('{"__proto__": {"polluted": true}}')),
      expected:
        'Unknown option "__proto__". Allowed: "fetch", "allowHosts", "timeoutMs", "maxBytes", "maxPixels", "maxRedirects", "signal", "expect". Received: "__proto__".',
    },
    {
      name: 'fetch that is not a function',
      run: () => checkHydrateOptions({ fetch: 'https://proxy' }),
      expected: 'Invalid value for option "fetch". Allowed: a function (url, init) => Promise<Response>. Received: "https://proxy".',
    },
    {
      name: 'http apiUrl',
      run: () => checkHydrateOptions({ apiUrl: 'http://cdn.syndication.twimg.com/tweet-result' }),
      expected: 'Invalid value for option "apiUrl". Allowed: an https URL. Received: "http://cdn.syndication.twimg.com/tweet-r…".',
    },
    {
      name: 'render option hydrate with a bad value, named hydrate.timeoutMs',
      run: () => resolveHydrateOption({ timeoutMs: 0 }),
      expected: 'Invalid value for option "hydrate.timeoutMs". Allowed: an integer from 1 to 120000. Received: 0.',
    },
    {
      name: 'render option hydrate: a string',
      run: () => resolveHydrateOption('yes'),
      expected: 'Invalid value for option "hydrate". Allowed: true, false or a plain object of hydrate options. Received: "yes".',
    },
    {
      name: 'render option hydrate with an unknown key',
      run: () => resolveHydrateOption({ proxy: 'x' }),
      expected:
        'Unknown key "proxy" in option "hydrate". Allowed: "fetch", "allowHosts", "timeoutMs", "maxBytes", "maxPixels", "maxRedirects", "signal", "apiUrl", "media". Received: "proxy".',
    },
  ];
  for (const { name, run, expected } of cases) {
    test(name, () => {
      expect(run).toThrow(InputError);
      expect(run).toThrow(expected);
    });
  }

  test('hydrate: false and absent keep the network off; true gives the defaults', () => {
    expect(resolveHydrateOption(undefined)).toBeUndefined();
    expect(resolveHydrateOption(false)).toBeUndefined();
    const on = resolveHydrateOption(true);
    expect(on && { ...on, allowHosts: on.allowHosts.map((r) => r.host) }).toEqual({
      fetch: undefined,
      signal: undefined,
      allowHosts: [...DEFAULT_ALLOW_HOSTS],
      timeoutMs: 5000,
      maxBytes: 5_242_880,
      maxPixels: 16_777_216,
      maxRedirects: 3,
      apiUrl: 'https://cdn.syndication.twimg.com/tweet-result',
      media: true,
    });
  });
});
