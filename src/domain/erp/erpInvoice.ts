/**
 * The ERP writes 0 (or nothing) in an invoice number field until the invoice is issued; an invoice
 * that is not issued is no invoice at all (a return is only sent once its invoice exists).
 */
const ONLY_ZEROS = /^0+$/;

/** The invoice number when one was issued, else null (absent, blank or zero). */
export function issuedInvoiceNumber(number: string | null): string | null {
  return number === null || ONLY_ZEROS.test(number) ? null : number;
}
