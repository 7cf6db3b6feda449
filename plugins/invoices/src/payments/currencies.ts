import { z } from 'zod';
import { CURRENCY_CODES } from '../invoices/currencies.js';

const KNOWN = new Set(CURRENCY_CODES);

/**
 * A currency code Gauzy accepts (CreatePaymentDTO's IsEnum(CurrenciesEnum); the invoices half keeps the
 * list). Checked in a refinement without a pattern: the model is told "ISO 4217" once per field, and a wrong
 * code is refused naming the field.
 */
export const currencyCode = () =>
  z
    .string()
    .refine((code) => KNOWN.has(code), "must be one of Gauzy's ISO 4217 currency codes, in capitals, e.g. USD or EUR")
    .describe('ISO 4217, e.g. USD');

export { CURRENCY_CODES };
