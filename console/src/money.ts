import Big from 'big.js';

/** A price as the API accepts it: a decimal string, at most 10 digits before the point and 2 after. */
const PRICE = /^(0|[1-9][0-9]{0,9})(\.[0-9]{1,2})?$/;

/**
 * quantity × unit price, exactly (decimal arithmetic, never binary floats) with 2 decimals as the API
 * writes totals; undefined while either is not a number yet.
 */
export function orderTotal(quantity: string, unitPrice: string): string | undefined {
  if (!/^[0-9]{1,7}$/.test(quantity.trim()) || !PRICE.test(unitPrice.trim())) return undefined;
  return new Big(unitPrice.trim()).times(quantity.trim()).toFixed(2);
}
