/**
 * An invoice's money, computed as Gauzy's invoice form does (apps/gauzy/.../invoice-add.component.ts
 * calculateTotal), so what is sent agrees with the items:
 * - each item's total is quantity × price; the subtotal is their sum;
 * - tax, per item that applies tax: PERCENT = item total × tax / 100, FLAT = the tax value once per item;
 *   tax2 the same (SIMPLE calculation: on the item total, not on item + first tax);
 * - discount, per item that applies it: PERCENT = item total × discount / 100, FLAT = the value once per item;
 *   when the organization discounts after tax (Organization.discountAfterTax), a PERCENT discount is taken
 *   from subtotal + tax instead;
 * - total = subtotal − discount + tax, never below 0, rounded to cents.
 * One difference: the form resets the tax to 0 when no second tax type is chosen (its switch's default), which
 * drops the first tax; here a tax without a type adds nothing and the other tax still counts.
 */

export interface PricedItem {
  price: number;
  quantity: number;
  applyTax?: boolean | null;
  applyDiscount?: boolean | null;
}

export interface InvoiceTerms {
  discountValue?: number | null;
  discountType?: string | null;
  tax?: number | null;
  taxType?: string | null;
  tax2?: number | null;
  tax2Type?: string | null;
}

export interface InvoiceMoney {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

export const cents = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** quantity × price, to the cent. */
export const itemTotal = (item: Pick<PricedItem, 'price' | 'quantity'>) => cents(Number(item.price) * Number(item.quantity));

function part(type: string | null | undefined, value: number, base: number): number {
  if (type === 'PERCENT') return base * (value / 100);
  if (type === 'FLAT') return value;
  return 0;
}

/** Items are taxed and discounted unless they say `false` (null, as Gauzy stores an unset flag, counts as applying). */
export function invoiceMoney(items: readonly PricedItem[], terms: InvoiceTerms, discountAfterTax = false): InvoiceMoney {
  const tax1 = Math.max(0, Number(terms.tax ?? 0));
  const tax2 = Math.max(0, Number(terms.tax2 ?? 0));
  const discountValue = Math.max(0, Number(terms.discountValue ?? 0));
  let subtotal = 0;
  let tax = 0;
  let discount = 0;
  for (const item of items) {
    const total = itemTotal(item);
    subtotal += total;
    if (item.applyTax !== false) tax += part(terms.taxType, tax1, total) + part(terms.tax2Type, tax2, total);
    if (item.applyDiscount !== false && !(discountAfterTax && terms.discountType === 'PERCENT')) discount += part(terms.discountType, discountValue, total);
  }
  if (discountAfterTax && terms.discountType === 'PERCENT') discount = (subtotal + tax) * (discountValue / 100);
  const total = Math.max(0, subtotal - discount + tax);
  return { subtotal: cents(subtotal), discount: cents(discount), tax: cents(tax), total: cents(total) };
}
