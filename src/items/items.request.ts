import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../http/context.js';
import type { ActiveFilter, ItemInput, ItemsCtx } from './items.service.js';

// What both API versions read from a request for the catalogue: their item fields and filters are the
// same. A version's routes never import another's, so that one can be retired alone.

/** The context of a request that creates an item: new items default to DEFAULT_CURRENCY. */
export const itemsCtxOf = (request: FastifyRequest): ItemsCtx => ({
  ...ctxOf(request),
  defaultCurrency: request.server.defaultCurrency,
});

/** The writable fields of a body (v1's and v2's are the same), in domain terms (absent stays absent). */
export function itemInput(body: {
  sku?: string;
  name?: string;
  description?: string | null;
  unit_price?: string;
  currency?: string;
  active?: boolean;
}): Partial<ItemInput> {
  return {
    sku: body.sku,
    name: body.name,
    description: body.description,
    unitPrice: body.unit_price,
    currency: body.currency,
    active: body.active,
  };
}

/** `active` as a list query gives it → the domain's filter. */
export const activeFilters: Record<'true' | 'false' | 'all', ActiveFilter> = {
  true: true,
  false: false,
  all: 'all',
};

export const ADMINS_ONLY = 'Admins only: anyone else gets 403 `admin_only`.';
