import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { type Config, listSetting } from '../config.js';

export interface DestinationOptions {
  /** CIDRs of private networks that webhooks may be delivered to (WEBHOOK_ALLOWED_NETWORKS). */
  allowedNetworks: string[];
  /** Accept `http://` URLs (WEBHOOK_ALLOW_HTTP). */
  allowHttp: boolean;
  /** `ip` or `ip:port` (`[ip6]:port`) of DNS servers to resolve with instead of the system resolver. */
  dnsServers?: string[];
}

export type Resolved = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string };

/** The policy's options as the configuration sets them. */
export function destinationOptions(config: Config): DestinationOptions {
  const dnsServers = listSetting(config.WEBHOOK_DNS_SERVERS);
  return {
    allowedNetworks: listSetting(config.WEBHOOK_ALLOWED_NETWORKS),
    allowHttp: config.WEBHOOK_ALLOW_HTTP,
    dnsServers: dnsServers.length > 0 ? dnsServers : undefined,
  };
}

/** Ranges (ipaddr.js names) never delivered to, whatever WEBHOOK_ALLOWED_NETWORKS says, and how to name them. */
const NEVER: Record<string, string> = {
  loopback: 'a loopback address',
  linkLocal: 'a link-local address (where cloud metadata services answer)',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
};

/** Ranges that internal receivers live in: allowed only inside WEBHOOK_ALLOWED_NETWORKS. */
const PRIVATE: Record<string, string> = {
  private: 'a private address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  uniqueLocal: 'a unique local address',
};

const GLOBAL_UNICAST_6 = ipaddr.parseCIDR('2000::/3');

/** A host name's addresses, or why there are none. */
type Lookup = { addresses: string[] } | { failure: string };

/**
 * Where webhooks may go (the SSRF rules). A URL is checked at registration, and its host resolved again
 * at every delivery, since a name can change what it points to in between: the sender then connects to
 * the address checked here, never resolving the name a second time.
 */
export class DestinationPolicy {
  readonly #allowed: [ipaddr.IPv4 | ipaddr.IPv6, number][];
  readonly #allowHttp: boolean;
  readonly #lookup: (host: string) => Promise<Lookup>;

  constructor(options: DestinationOptions) {
    this.#allowed = options.allowedNetworks.map((cidr) => ipaddr.parseCIDR(cidr));
    this.#allowHttp = options.allowHttp;
    this.#lookup = options.dnsServers ? serverLookup(options.dnsServers) : systemLookup;
  }

  /**
   * At registration: why this URL is refused, or undefined. A name that does not resolve (yet) is
   * accepted: it is checked again at every delivery.
   */
  async refusal(url: string): Promise<string | undefined> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'this is not an absolute URL';
    }
    const refused = this.#syntaxRefusal(parsed);
    if (refused) return refused;
    const host = hostOf(parsed);
    if (isIP(host)) return this.#addressRefusal(host);
    const found = await this.#lookup(host);
    if ('failure' in found) return undefined;
    return this.#namedRefusal(host, found.addresses);
  }

  /** At each delivery attempt: resolves the host once and returns the address to connect to, or why not. */
  async resolve(url: URL): Promise<Resolved> {
    const refused = this.#syntaxRefusal(url);
    if (refused) return { ok: false, reason: refused };
    const host = hostOf(url);
    let addresses = [host];
    if (!isIP(host)) {
      const found = await this.#lookup(host);
      if ('failure' in found) return { ok: false, reason: found.failure };
      const reason = this.#namedRefusal(host, found.addresses);
      if (reason) return { ok: false, reason };
      addresses = found.addresses;
    } else {
      const reason = this.#addressRefusal(host);
      if (reason) return { ok: false, reason };
    }
    // The resolver's own order (verbatim), as a client connecting by name would try them.
    const address = addresses[0] as string;
    return { ok: true, address, family: isIP(address) === 6 ? 6 : 4 };
  }

  /** What can be refused from the URL alone; settings can change, so deliveries check it again too. */
  #syntaxRefusal(url: URL): string | undefined {
    if (url.protocol === 'http:') {
      if (!this.#allowHttp)
        return 'webhook URLs must use https (http is accepted only with WEBHOOK_ALLOW_HTTP)';
    } else if (url.protocol !== 'https:') {
      return `webhook URLs must use https, not ${url.protocol.slice(0, -1)}`;
    }
    if (url.username || url.password) return 'webhook URLs must not carry a user name or password';
    // An empty fragment ("…#") leaves `hash` empty but is still part of the URL as written.
    if (url.hash || url.href.endsWith('#')) return 'webhook URLs must not carry a fragment (#…)';
    return undefined;
  }

  /** All of a name's addresses must pass: connecting picks one, so one refused address refuses the name. */
  #namedRefusal(host: string, addresses: string[]): string | undefined {
    for (const address of addresses) {
      const kind = this.#refusedKind(address);
      if (kind) return `${host} resolves to ${shown(address)}, ${kind}`;
    }
    return undefined;
  }

  #addressRefusal(address: string): string | undefined {
    const kind = this.#refusedKind(address);
    return kind ? `${shown(address)} is ${kind}` : undefined;
  }

  /** How a refused address is described (with why), or undefined for an address webhooks may go to. */
  #refusedKind(text: string): string | undefined {
    let address: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      address = ipaddr.process(text);
    } catch {
      return 'not an IP address';
    }
    // ipaddr.process has turned ::ffff:a.b.c.d into a.b.c.d, so it is judged as the IPv4 address it reaches.
    const range = address.range();
    if (range === 'unicast') {
      // IPv6 has public unicast only in 2000::/3; the rest (e.g. ::127.0.0.1, IPv4-compatible) is reserved.
      if (address.kind() === 'ipv4' || address.match(GLOBAL_UNICAST_6)) return undefined;
      return 'a reserved IPv6 address: webhooks are never delivered there';
    }
    const never = NEVER[range];
    if (never) return `${never}: webhooks are never delivered there`;
    const internal = PRIVATE[range];
    if (internal) {
      const allowed = this.#allowed.some(
        ([network, bits]) => network.kind() === address.kind() && address.match(network, bits),
      );
      return allowed ? undefined : `${internal} outside WEBHOOK_ALLOWED_NETWORKS`;
    }
    // Documentation, benchmarking, NAT64, 6to4, Teredo and the like: nothing a receiver should live on,
    // and some of them reach an embedded IPv4 address that could be loopback.
    return `a reserved or special-purpose address (${range}): webhooks are never delivered there`;
  }
}

/** An address as written, with the IPv4 address it stands for when it is IPv4-mapped. */
function shown(text: string): string {
  if (!ipaddr.isValid(text)) return text;
  const address = ipaddr.process(text);
  return address.kind() === 'ipv4' && isIP(text) === 6 ? `${text} (${address})` : text;
}

/** The URL's host as an address or name: without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** The system resolver (/etc/hosts, then DNS), as any other program on the host would resolve the name. */
async function systemLookup(host: string): Promise<Lookup> {
  try {
    const found = await dns.lookup(host, { all: true, verbatim: true });
    return { addresses: found.map((entry) => entry.address) };
  } catch (error) {
    return { failure: lookupFailure(host, error) };
  }
}

/** The configured DNS servers, asked for both families (split-horizon DNS that the host does not use). */
function serverLookup(servers: string[]): (host: string) => Promise<Lookup> {
  const resolver = new dns.Resolver();
  resolver.setServers(servers);
  return async (host) => {
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]);
    const addresses = [v4, v6].flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
    if (addresses.length > 0) return { addresses };
    const failed = [v4, v6].find(
      (result): result is PromiseRejectedResult =>
        result.status === 'rejected' && result.reason?.code !== 'ENODATA',
    );
    return { failure: lookupFailure(host, failed?.reason) };
  };
}

function lookupFailure(host: string, error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === undefined || code === 'ENOTFOUND' || code === 'ENODATA') return `${host} does not resolve`;
  return `${host} could not be resolved (${String(code)})`;
}
