import type { LdNode } from '../http/jsonld.js';
import type { CustomerV1, CustomerV2 } from './customers.schemas.js';

/** A customer (v1 or v2) as a schema.org Person, identified by its URL; its code is its `identifier`. */
export function customerLd(customer: CustomerV1 | CustomerV2): LdNode {
  return {
    '@id': customer.url,
    '@type': 'Person',
    identifier: customer.code,
    givenName: customer.first_name,
    familyName: customer.second_name,
    telephone: customer.phone,
    dateCreated: customer.created_at,
    dateModified: customer.updated_at,
  };
}
