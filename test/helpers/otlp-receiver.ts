import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as an OpenTelemetry collector receives it, its attributes and its resource's as plain values. */
export interface ReceivedSpan {
  scope: string;
  name: string;
  /** 1 internal, 2 server, 3 client (OTLP's SpanKind). */
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpTraces {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: {
      scope: { name: string };
      spans?: {
        name: string;
        kind: number;
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        attributes?: OtlpAttribute[];
      }[];
    }[];
  }[];
}

const plain = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(
    attributes.map(({ key, value }) => [
      key,
      value.stringValue ??
        (value.intValue === undefined ? undefined : Number(value.intValue)) ??
        value.doubleValue ??
        value.boolValue,
    ]),
  );

/**
 * An OTLP/HTTP receiver on loopback that keeps every span it is sent, for servers started with
 * `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/json` (the SDK's JSON encoding: no protobuf to decode).
 */
export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      bodies.push(body);
      if (request.url === '/v1/traces') {
        const traces = JSON.parse(body) as OtlpTraces;
        for (const { resource, scopeSpans = [] } of traces.resourceSpans ?? []) {
          for (const { scope, spans: sent = [] } of scopeSpans) {
            for (const span of sent) {
              spans.push({
                scope: scope.name,
                name: span.name,
                kind: span.kind,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                attributes: plain(span.attributes),
                resource: plain(resource?.attributes),
              });
            }
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans: () => [...spans],
    /** Everything it was sent, as text: to look for what must never leave the process. */
    received: () => bodies.join('\n'),
    /** Waits until `find` returns something from the spans received so far (10 s at most). */
    async waitFor<T>(find: (spans: ReceivedSpan[]) => T | undefined, what: string): Promise<T> {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = find(spans);
        if (found !== undefined && found !== false) return found;
        if (Date.now() > deadline) {
          const seen = spans.map((span) => `${span.scope}: ${span.name}`).join('\n');
          throw new Error(`No ${what} received; received:\n${seen}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
