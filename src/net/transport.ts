/**
 * The built-in client: one GET over node:https whose every address is checked where it is used.
 * Host names are resolved by a custom `lookup` on the request, so the check applies to the very
 * addresses the socket connects to (no gap for DNS rebinding between a check and the connect);
 * IP-literal hosts, which skip `lookup`, are checked before the request; and the socket's remote
 * address is checked again once connected.
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { request } from 'node:https';
import { isIP, type Socket } from 'node:net';
import { bareAddress, blockedAddressReason } from './address-policy.js';
import { FetchError } from '../errors.js';
import type { FetchInit, FetchResponseLike } from '../types.js';

/** How the built-in client resolves and trusts. Production uses `SYSTEM_TRANSPORT`; tests swap in their own. */
export interface Transport {
  /** Every address a host name resolves to. */
  resolve(hostname: string): Promise<LookupAddress[]>;
  /** Exact addresses let through the block list anyway (tests only: the local server). */
  exemptAddresses: readonly string[];
  /** Extra trusted CA certificate, PEM (tests only: the local server's self-signed certificate). */
  ca?: string;
}

/** The system resolver, the public-address rule without exceptions, and the system's trusted CAs. */
export const SYSTEM_TRANSPORT: Transport = Object.freeze({
  resolve: (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true }),
  exemptAddresses: Object.freeze([]) as readonly string[],
});

/** Why the address is refused under this transport, or `undefined`. */
export function refusedAddress(address: string, transport: Transport): string | undefined {
  if (transport.exemptAddresses.includes(bareAddress(address))) return undefined;
  return blockedAddressReason(address);
}

function addressError(url: string, address: string, reason: string): FetchError {
  return new FetchError('address', url, `the host's address is ${reason}`, {
    allowed: 'public unicast addresses only',
    received: address,
  });
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for the request that resolves through the transport and refuses if any answer is blocked. */
function checkedLookup(url: string, transport: Transport) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    transport.resolve(hostname).then(
      (answers) => {
        for (const a of answers) {
          const reason = refusedAddress(a.address, transport);
          if (reason) return callback(addressError(url, a.address, reason), []);
        }
        const wanted = answers.filter((a) => !options.family || a.family === options.family);
        const first = wanted[0];
        if (!first) {
          const err: NodeJS.ErrnoException = new Error(`No address found for "${hostname}"`);
          err.code = 'ENOTFOUND';
          return callback(err, []);
        }
        if (options.all) return callback(null, wanted);
        return callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, []),
    );
  };
}

/** One GET with the built-in client. Redirects are returned, not followed. */
export function transportRequest(transport: Transport, url: URL, init: FetchInit): Promise<FetchResponseLike> {
  const href = url.href;
  const host = bareAddress(url.hostname);
  if (isIP(host)) {
    const reason = refusedAddress(host, transport);
    if (reason) return Promise.reject(addressError(href, host, reason));
  }
  return new Promise((resolve, reject) => {
    const req = request({
      protocol: 'https:',
      hostname: host,
      port: url.port || 443,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: init.headers,
      agent: false,
      lookup: checkedLookup(href, transport),
      signal: init.signal,
      ...(transport.ca ? { ca: transport.ca } : {}),
    });
    req.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        const remote = socket.remoteAddress ?? '';
        const reason = refusedAddress(remote, transport);
        if (reason) req.destroy(addressError(href, remote, reason));
      });
    });
    req.once('error', reject);
    req.once('response', (res) => {
      resolve({
        status: res.statusCode ?? 0,
        headers: {
          get(name: string) {
            const value = res.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : (value ?? null);
          },
        },
        body: res,
      });
    });
    req.end();
  });
}
