/**
 * A DNS server on 127.0.0.1 (UDP) answering A and AAAA queries from a map, as a split-horizon DNS server
 * would answer for internal names: pointed at with WEBHOOK_DNS_SERVERS (or DestinationOptions.dnsServers).
 * A name not in the map is NXDOMAIN; a name without addresses of the asked family has no answers (NODATA).
 * Only what node:dns sends is handled: one question, no compression in it (RFC 1035 §4).
 */
import { createSocket, type RemoteInfo } from 'node:dgram';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface FakeDns {
  /** `127.0.0.1:<port>`, as WEBHOOK_DNS_SERVERS takes it. */
  server: string;
  /** Adds or replaces a name's addresses (IPv4 and IPv6 mixed); an empty list makes it exist without any. */
  set(name: string, addresses: string[]): void;
  /** Every question asked, e.g. `A internal.example.test`. */
  queries: string[];
  close(): Promise<void>;
}

const TYPE_A = 1;
const TYPE_AAAA = 28;
const NXDOMAIN = 3;

export async function startFakeDns(records: Record<string, string[]> = {}): Promise<FakeDns> {
  const names = new Map(Object.entries(records).map(([name, addresses]) => [name.toLowerCase(), addresses]));
  const queries: string[] = [];
  const socket = createSocket('udp4');
  socket.on('message', (query: Buffer, peer: RemoteInfo) => {
    const question = parseQuestion(query);
    if (!question) return;
    queries.push(
      `${question.type === TYPE_AAAA ? 'AAAA' : question.type === TYPE_A ? 'A' : question.type} ${question.name}`,
    );
    const addresses = names.get(question.name.toLowerCase());
    const family = question.type === TYPE_A ? 'ipv4' : question.type === TYPE_AAAA ? 'ipv6' : undefined;
    const answers = (addresses ?? [])
      .map((address) => ipaddr.parse(address))
      .filter((address) => address.kind() === family)
      .map((address) => Buffer.from(address.toByteArray()));
    socket.send(answer(query, question, addresses ? 0 : NXDOMAIN, answers), peer.port, peer.address);
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return {
    server: `127.0.0.1:${(socket.address() as AddressInfo).port}`,
    set: (name, addresses) => void names.set(name.toLowerCase(), addresses),
    queries,
    close: async () => {
      const closed = once(socket, 'close');
      socket.close();
      await closed;
    },
  };
}

interface Question {
  name: string;
  type: number;
  /** Where the question section ends in the query. */
  end: number;
}

function parseQuestion(query: Buffer): Question | undefined {
  if (query.length < 12 || query.readUInt16BE(4) !== 1) return undefined;
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    const length = query[offset];
    if (length === undefined || length > 63) return undefined;
    offset += 1;
    if (length === 0) break;
    labels.push(query.toString('latin1', offset, offset + length));
    offset += length;
  }
  if (offset + 4 > query.length) return undefined;
  return { name: labels.join('.'), type: query.readUInt16BE(offset), end: offset + 4 };
}

function answer(query: Buffer, question: Question, rcode: number, addresses: Buffer[]): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // QR (a response), AA, the query's RD echoed, RA, and the response code.
  header.writeUInt16BE(0x8000 | 0x0400 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(addresses.length, 6);
  const records = addresses.map((rdata) => {
    const record = Buffer.alloc(12);
    record.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    record.writeUInt16BE(question.type, 2);
    record.writeUInt16BE(1, 4); // class IN
    record.writeUInt32BE(0, 6); // TTL 0: nothing to cache between tests
    record.writeUInt16BE(rdata.length, 10);
    return Buffer.concat([record, rdata]);
  });
  return Buffer.concat([header, query.subarray(12, question.end), ...records]);
}
