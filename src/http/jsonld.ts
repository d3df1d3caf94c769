import type { FastifyInstance, FastifyRequest, preSerializationHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { type TSchema, Type } from 'typebox';
import { absoluteUrl } from './urls.js';

export const JSON_LD = 'application/ld+json';
/** The ETag suffix of a JSON-LD representation (http/conditional.ts reads it back from If-Match). */
export const JSON_LD_TAG = '-ld';
const APPLICATION_JSON = 'application/json';

/** Where the API serves its own `@context`, so that no JSON-LD processor needs the internet. */
export const CONTEXT_PATH = '/api/contexts/orderly.jsonld';

/** A JSON-LD node as the mappers build it. */
export type LdNode = { '@id'?: string; '@type'?: string } & Record<string, unknown>;

/**
 * Turns a route's JSON representation (what its handler returns, v1 or v2) into its JSON-LD node. Pure:
 * it reads the representation and builds URLs through `request`.
 */
export type LdMapper = (representation: never, request: FastifyRequest) => LdNode;

/** Calls a mapper on a representation it was registered for (the route's own answer). */
const mapWith = (mapper: LdMapper, representation: unknown, request: FastifyRequest): LdNode =>
  (mapper as (representation: unknown, request: FastifyRequest) => LdNode)(representation, request);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's 200 answer is offered as JSON-LD too (`Accept: application/ld+json`), mapped by this. */
    jsonLd?: LdMapper;
  }
  interface FastifyRequest {
    /**
     * The ETag suffix of the representation chosen for this request ('' for plain JSON): two
     * representations of one version must not share an entity tag (RFC 9110 §8.8.3).
     */
    representationTag: string;
  }
}

/**
 * The vocabulary: schema.org for the business (Person, Order, OrderItem, Product, Offer,
 * PriceSpecification, the OrderStatus and ItemAvailability values) and Hydra for collections and their
 * pages (Collection, PartialCollectionView, member, totalItems, next, previous).
 */
export const ORDERLY_CONTEXT = {
  '@context': {
    '@version': 1.1,
    schema: 'https://schema.org/',
    hydra: 'http://www.w3.org/ns/hydra/core#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    Person: 'schema:Person',
    Order: 'schema:Order',
    OrderItem: 'schema:OrderItem',
    Product: 'schema:Product',
    Offer: 'schema:Offer',
    PriceSpecification: 'schema:PriceSpecification',
    OrderProcessing: 'schema:OrderProcessing',
    OrderDelivered: 'schema:OrderDelivered',
    OrderCancelled: 'schema:OrderCancelled',
    InStock: 'schema:InStock',
    Discontinued: 'schema:Discontinued',
    identifier: 'schema:identifier',
    name: 'schema:name',
    givenName: 'schema:givenName',
    familyName: 'schema:familyName',
    telephone: 'schema:telephone',
    description: 'schema:description',
    sku: 'schema:sku',
    dateCreated: { '@id': 'schema:dateCreated', '@type': 'xsd:dateTime' },
    dateModified: { '@id': 'schema:dateModified', '@type': 'xsd:dateTime' },
    orderNumber: 'schema:orderNumber',
    orderDate: { '@id': 'schema:orderDate', '@type': 'xsd:dateTime' },
    orderStatus: { '@id': 'schema:orderStatus', '@type': '@vocab' },
    customer: { '@id': 'schema:customer', '@type': '@id' },
    orderedItem: 'schema:orderedItem',
    orderQuantity: 'schema:orderQuantity',
    priceSpecification: 'schema:priceSpecification',
    totalPaymentDue: 'schema:totalPaymentDue',
    offers: 'schema:offers',
    availability: { '@id': 'schema:availability', '@type': '@vocab' },
    price: 'schema:price',
    priceCurrency: 'schema:priceCurrency',
    Collection: 'hydra:Collection',
    PartialCollectionView: 'hydra:PartialCollectionView',
    member: { '@id': 'hydra:member', '@container': '@set' },
    totalItems: 'hydra:totalItems',
    view: 'hydra:view',
    next: { '@id': 'hydra:next', '@type': '@id' },
    previous: { '@id': 'hydra:previous', '@type': '@id' },
  },
} as const;

/** What a list answers in JSON, in either version: its rows and the links to its neighbours. */
interface ListRepresentation {
  results: unknown[];
  next: string | null;
  previous: string | null;
  count?: number;
}

/**
 * A list as a Hydra collection: its members mapped by `member`, its page as a PartialCollectionView with
 * the same next and previous links as the JSON answer, and `totalItems` when the list counted.
 */
export function collectionLd(member: LdMapper): LdMapper {
  return ((list: ListRepresentation, request: FastifyRequest): LdNode => {
    const page = absoluteUrl(request, request.url);
    const url = new URL(page);
    for (const key of ['limit', 'offset', 'cursor', 'count']) url.searchParams.delete(key);
    return {
      '@id': url.toString(),
      '@type': 'Collection',
      ...(list.count === undefined ? {} : { totalItems: list.count }),
      member: list.results.map((row) => mapWith(member, row, request)),
      view: {
        '@id': page,
        '@type': 'PartialCollectionView',
        ...(list.next ? { next: list.next } : {}),
        ...(list.previous ? { previous: list.previous } : {}),
      },
    };
  }) as LdMapper;
}

/** A JSON-LD answer, as documented: the shapes are schema.org's and Hydra's, described in prose. */
const LdDocument = Type.Object(
  {
    '@context': Type.String({ format: 'uri', description: `The API's own context: ${CONTEXT_PATH}.` }),
    '@id': Type.String({ format: 'uri' }),
    '@type': Type.String({ maxLength: 40 }),
  },
  {
    additionalProperties: true,
    title: 'JSON-LD document',
    description:
      'The same resource with schema.org terms (a customer is a `Person`, an order an `Order`, an item a ' +
      '`Product`; lists are Hydra `Collection`s with a `PartialCollectionView`), compacted against ' +
      `the context served at \`${CONTEXT_PATH}\`.`,
  },
);

/**
 * JSON-LD on request (`Accept: application/ld+json`) for the routes with `config.jsonLd`: their 200
 * answer is documented with both media types, the handler returns its usual representation, and this
 * plugin maps it before serialisation. The negotiation plugin chooses (`representationTag`) before the
 * handler runs, so that a 304 compares the ETag of the representation asked for. Register before any route.
 */
export const jsonLdPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('representationTag', '');

    app.addHook('onRoute', (route) => {
      const mapper = route.config?.jsonLd;
      if (!mapper) return;
      // On these routes only, and as a callback: no other route pays for it.
      const toLd: preSerializationHookHandler = (request, reply, payload, done) => {
        if (request.representationTag === '' || reply.statusCode !== 200) return done(null, payload);
        reply.type(`${JSON_LD}; charset=utf-8`);
        done(null, { '@context': absoluteUrl(request, CONTEXT_PATH), ...mapWith(mapper, payload, request) });
      };
      route.preSerialization = [toLd, ...[route.preSerialization ?? []].flat()];
      const response = (route.schema?.response ?? {}) as Record<string, TSchema>;
      const ok = response[200];
      if (!ok) return;
      route.schema = {
        ...route.schema,
        response: {
          ...response,
          200: {
            description: (ok as { description?: string }).description ?? 'OK',
            content: { [APPLICATION_JSON]: { schema: ok }, [JSON_LD]: { schema: LdDocument } },
          },
        },
      };
    });

    app.get(CONTEXT_PATH, { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type(`${JSON_LD}; charset=utf-8`)
        .header('cache-control', 'public, max-age=86400')
        .send(ORDERLY_CONTEXT),
    );
  },
  { name: 'json-ld' },
);
