import type { LdNode } from '../http/jsonld.js';
import type { ItemV1, ItemV2 } from './items.schemas.js';

/** A catalogue item as a schema.org Product with its Offer: in stock while active, else discontinued. */
export function itemLd(item: ItemV1 | ItemV2): LdNode {
  return {
    '@id': item.url,
    '@type': 'Product',
    sku: item.sku,
    name: item.name,
    ...(item.description === null ? {} : { description: item.description }),
    offers: {
      '@type': 'Offer',
      price: item.unit_price,
      priceCurrency: item.currency,
      availability: item.active ? 'InStock' : 'Discontinued',
    },
    dateCreated: item.created_at,
    dateModified: item.updated_at,
  };
}
