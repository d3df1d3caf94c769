import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DestinationPolicy, destinationOptions } from '../../src/webhooks/destinations.js';
import { type FakeDns, startFakeDns } from '../helpers/fake-dns.js';

/**
 * The SSRF rules, as a module: no database and no connection is involved. Host names resolve through a
 * fake DNS server on loopback, the way WEBHOOK_DNS_SERVERS points at a split-horizon one.
 */
describe('Webhook destinations', () => {
  let dns: FakeDns;
  const policy = (options: { allowedNetworks?: string[]; allowHttp?: boolean } = {}) =>
    new DestinationPolicy({
      allowedNetworks: options.allowedNetworks ?? [],
      allowHttp: options.allowHttp ?? false,
      dnsServers: [dns.server],
    });

  beforeAll(async () => {
    dns = await startFakeDns({
      'internal.example.test': ['10.1.2.3'],
      'public.example.test': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
      'mixed.example.test': ['93.184.215.14', '169.254.169.254'],
      'metadata.example.test': ['169.254.169.254'],
      'six.example.test': ['fd12:3456::7'],
    });
  });
  afterAll(() => dns.close());

  test.each([
    ['https://127.0.0.1/hook', '127.0.0.1 is a loopback address: webhooks are never delivered there'],
    ['https://127.8.9.10/hook', '127.8.9.10 is a loopback address'],
    ['https://[::1]/hook', '::1 is a loopback address'],
    ['https://0x7f.1/hook', '127.0.0.1 is a loopback address'],
    ['https://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1 (127.0.0.1) is a loopback address'],
    ['https://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
    ['https://[fe80::1]/hook', 'fe80::1 is a link-local address'],
    ['https://0.0.0.0/hook', '0.0.0.0 is an unspecified address'],
    ['https://[::]/hook', ':: is an unspecified address'],
    ['https://255.255.255.255/hook', '255.255.255.255 is the broadcast address'],
    ['https://224.0.0.251/hook', '224.0.0.251 is a multicast address'],
    ['https://[ff02::1]/hook', 'ff02::1 is a multicast address'],
    ['https://192.0.2.10/hook', '192.0.2.10 is a reserved or special-purpose address'],
    ['https://[64:ff9b::7f00:1]/hook', '64:ff9b::7f00:1 is a reserved or special-purpose address'],
    ['https://[::127.0.0.1]/hook', '::7f00:1 is a reserved IPv6 address'],
  ])('When the URL is %s, then it is refused at registration and at delivery', async (url, reason) => {
    // Allowing every private network changes nothing for these.
    const everything = policy({ allowedNetworks: ['0.0.0.0/0', '::/0'] });

    const refusal = await everything.refusal(url);
    const resolved = await everything.resolve(new URL(url));

    expect(refusal).toContain(reason);
    expect(resolved).toEqual({ ok: false, reason: refusal });
  });

  test.each([
    ['https://10.1.2.3/hook', '10.1.2.3 is a private address outside WEBHOOK_ALLOWED_NETWORKS', '10.0.0.0/8'],
    ['https://172.20.0.5/hook', '172.20.0.5 is a private address', '172.16.0.0/12'],
    ['https://192.168.1.20/hook', '192.168.1.20 is a private address', '192.168.1.0/24'],
    ['https://100.64.3.4/hook', '100.64.3.4 is a shared (carrier-grade NAT) address', '100.64.0.0/10'],
    ['https://[fd00:1::5]/hook', 'fd00:1::5 is a unique local address', 'fd00:1::/64'],
    ['https://[::ffff:10.1.2.3]/hook', '::ffff:a01:203 (10.1.2.3) is a private address', '10.1.2.0/24'],
  ])('When the URL is %s, then it is refused unless its network is allowed', async (url, reason, cidr) => {
    const elsewhere = policy({ allowedNetworks: ['10.99.0.0/16', 'fd99::/16'] });
    const allowing = policy({ allowedNetworks: ['10.99.0.0/16', cidr] });

    expect(await elsewhere.refusal(url)).toContain(reason);
    expect(await elsewhere.resolve(new URL(url))).toEqual({
      ok: false,
      reason: expect.stringContaining(reason),
    });
    expect(await allowing.refusal(url)).toBeUndefined();
    expect(await allowing.resolve(new URL(url))).toEqual({
      ok: true,
      address: new URL(url).hostname.replace(/^\[|\]$/g, ''),
      family: url.includes('[') ? 6 : 4,
    });
  });

  test('When the URL is a public address, then it is accepted and delivered to as is', async () => {
    expect(await policy().refusal('https://93.184.215.14:8443/hooks?x=1')).toBeUndefined();
    expect(await policy().resolve(new URL('https://[2606:4700::1111]/'))).toEqual({
      ok: true,
      address: '2606:4700::1111',
      family: 6,
    });
  });

  test('When a name resolves to a private address outside the allowed networks, then it is refused at registration and at delivery', async () => {
    const url = 'https://internal.example.test/hooks';

    expect(await policy().refusal(url)).toBe(
      'internal.example.test resolves to 10.1.2.3, a private address outside WEBHOOK_ALLOWED_NETWORKS',
    );
    expect(await policy().resolve(new URL(url))).toEqual({
      ok: false,
      reason:
        'internal.example.test resolves to 10.1.2.3, a private address outside WEBHOOK_ALLOWED_NETWORKS',
    });
    expect(dns.queries).toContain('A internal.example.test');
  });

  test('When a name resolves to a private address inside the allowed networks, then delivery goes to that address', async () => {
    const allowing = policy({ allowedNetworks: ['10.1.0.0/16', 'fd12:3456::/32'] });

    expect(await allowing.refusal('https://internal.example.test/')).toBeUndefined();
    expect(await allowing.resolve(new URL('https://internal.example.test/'))).toEqual({
      ok: true,
      address: '10.1.2.3',
      family: 4,
    });
    expect(await allowing.resolve(new URL('https://six.example.test/'))).toEqual({
      ok: true,
      address: 'fd12:3456::7',
      family: 6,
    });
  });

  test('When a name resolves to several addresses and one is refused, then the name is refused', async () => {
    expect(await policy().refusal('https://mixed.example.test/')).toBe(
      'mixed.example.test resolves to 169.254.169.254, a link-local address (where cloud metadata services answer): webhooks are never delivered there',
    );
    expect(await policy().resolve(new URL('https://mixed.example.test/'))).toMatchObject({ ok: false });
    expect(await policy().resolve(new URL('https://public.example.test/'))).toEqual({
      ok: true,
      address: '93.184.215.14',
      family: 4,
    });
  });

  test('When a name does not resolve yet, then it is accepted at registration and refused at delivery until it does', async () => {
    const url = 'https://later.example.test/hooks';

    expect(await policy().refusal(url)).toBeUndefined();
    expect(await policy().resolve(new URL(url))).toEqual({
      ok: false,
      reason: 'later.example.test does not resolve',
    });
    dns.set('later.example.test', ['169.254.169.254']);
    expect(await policy().resolve(new URL(url))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('later.example.test resolves to 169.254.169.254, a link-local address'),
    });
  });

  test('When no DNS servers are configured, then the system resolver (and /etc/hosts) decides: localhost is refused', async () => {
    const system = new DestinationPolicy({ allowedNetworks: ['0.0.0.0/0', '::/0'], allowHttp: true });

    expect(await system.refusal('http://localhost:8080/hooks')).toMatch(
      /^localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
    );
  });

  test('When the URL is http, then it is refused unless http is allowed', async () => {
    const url = 'http://93.184.215.14/hooks';

    expect(await policy().refusal(url)).toBe(
      'webhook URLs must use https (http is accepted only with WEBHOOK_ALLOW_HTTP)',
    );
    expect(await policy().resolve(new URL(url))).toMatchObject({ ok: false });
    expect(await policy({ allowHttp: true }).refusal(url)).toBeUndefined();
    expect(await policy({ allowHttp: true }).resolve(new URL(url))).toMatchObject({ ok: true });
  });

  test.each([
    ['https://user:pass@93.184.215.14/hooks', 'webhook URLs must not carry a user name or password'],
    ['https://user@public.example.test/hooks', 'webhook URLs must not carry a user name or password'],
    ['https://public.example.test/hooks#part', 'webhook URLs must not carry a fragment (#…)'],
    ['https://public.example.test/hooks#', 'webhook URLs must not carry a fragment (#…)'],
    ['ftp://public.example.test/hooks', 'webhook URLs must use https, not ftp'],
    ['/hooks', 'this is not an absolute URL'],
    ['https://', 'this is not an absolute URL'],
  ])('When the URL is %s, then it is refused: %s', async (url, reason) => {
    expect(await policy({ allowHttp: true }).refusal(url)).toBe(reason);
  });

  test('When WEBHOOK_DNS_SERVERS is set, then the policy resolves with those servers; a bad entry is a configuration error', () => {
    const config = loadConfig({
      WEBHOOK_DNS_SERVERS: '10.0.0.2, 10.0.0.3:5353,[fd00::2]:53',
      WEBHOOK_ALLOW_HTTP: 'true',
    });

    expect(destinationOptions(config)).toEqual({
      allowedNetworks: [],
      allowHttp: true,
      dnsServers: ['10.0.0.2', '10.0.0.3:5353', '[fd00::2]:53'],
    });
    expect(destinationOptions(loadConfig({})).dnsServers).toBeUndefined();
    for (const bad of ['dns.example.test', '10.0.0.2:99999', '10.0.0.2:', 'fd00::2:53:x', '[10.0.0.2]:53']) {
      expect(() => loadConfig({ WEBHOOK_DNS_SERVERS: bad })).toThrow(
        `WEBHOOK_DNS_SERVERS ${bad} is not an address`,
      );
    }
  });
});
