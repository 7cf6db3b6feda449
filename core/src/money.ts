import { z } from 'zod';

/**
 * Gauzy's CurrenciesEnum (@gauzy/contracts currency.model.ts): the codes its money DTOs' IsEnum accepts
 * (invoices, payments, expenses, income, equipment). Checked in a refinement rather than published as a JSON
 * enum: 285 codes would cost every conversation some 2 KB per field.
 */
const CODES = 'AFN AFA ALL ALK DZD ADP AOA AOK AON AOR ARA ARS ARM ARP ARL AMD AWG AUD ATS AZN AZM BSD BHD BDT BBD BYN BYB BYR BEF BEC BEL BZD BMD BTN BOB BOL BOV BOP BAM BAD BAN BWP BRC BRZ BRE BRR BRN BRB BRL GBP BND BGL BGN BGO BGM BUK BIF XPF KHR CAD CVE KYD XAF CLE CLP CLF CNX CNY COP COU KMF CDF CRC HRD HRK CUC CUP CYP CZK CSK DKK DJF DOP NLG XCD DDM ECS ECV EGP GQE ERN EEK ETB EUR XEU FKP FJD FIM FRF XFO XFU GMD GEK GEL DEM GHS GHC GIP GRD GTQ GWP GNF GNS GYD HTG HNL HKD HUF ISK ISJ INR IDR IRR IQD IEP ILS ILP ILR ITL JMD JPY JOD KZT KES KWD KGS LAK LVL LVR LBP LSL LRD LYD LTL LTT LUL LUC LUF MOP MKD MKN MGA MGF MWK MYR MVR MVP MLF MTL MTP MRO MUR MXV MXN MXP MDC MDL MCF MNT MAD MAF MZE MZN MZM MMK NAD NPR ANG TWD NZD NIO NIC NGN KPW NOK OMR PKR PAB PGK PYG PEI PEN PES PHP PLN PLZ PTE GWE QAR XRE RHD RON ROL RUB RUR RWF SVC WST SAR RSD CSD SCR SLL SGD SKK SIT SBD SOS ZAR ZAL KRH KRW KRO SSP SUR ESP ESA ESB LKR SHP SDD SDG SDP SRD SRG SZL SEK CHF SYP STD TJR TJS TZS THB TPE TOP TTD TND TRY TRL TMT TMM USD USN USS UGX UGS UAH UAK AED UYU UYP UYI UZS VUV VEF VEB VND VNN CHE CHW XOF YDD YER YUN YUD YUM YUR ZRN ZRZ ZMW ZMK ZWD ZWR ZWL';

export const GAUZY_CURRENCY_CODES: readonly string[] = CODES.split(' ');
const KNOWN = new Set(GAUZY_CURRENCY_CODES);

/** A currency code Gauzy accepts (USD, EUR, BGN...): one of its CurrenciesEnum, in capitals. */
export const currencyCode = () => z.string().refine((code) => KNOWN.has(code), "must be one of Gauzy's currency codes (ISO 4217 in capitals, e.g. USD)");

/** "12.50 USD": an amount to the cent with its currency. */
export const formatMoney = (amount: unknown, code: unknown): string => `${Number(amount ?? 0).toFixed(2)} ${String(code ?? '')}`.trim();

/** Amounts summed per currency, to the cent: money in different currencies is never added together. */
export function sumByCurrency(items: readonly Record<string, unknown>[], amountKey = 'amount', currencyKey = 'currency'): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const item of items) {
    const code = String(item[currencyKey] ?? '?');
    sums[code] = Math.round(((sums[code] ?? 0) + Number(item[amountKey] ?? 0)) * 100) / 100;
  }
  return sums;
}
