import { IntegrationError } from '../errors.js';
import type { OrderLine } from '../order.js';

/**
 * Which barcode is a line's EAN: HM_BARCODE_TYPE picks one of the typed barcodes (`barras[]`);
 * when it is unset, the line's default `barra` is used (the ERP parameter "Tipo de Código de Barras").
 */
export interface BarcodeRule {
  /** The configured type as written (for messages), null when unset. */
  readonly type: string | null;
  /** The same, trimmed and lower-cased once per payload (compared case-insensitively: ERP registrations vary). */
  readonly compareAs: string | null;
}

/** The rule for HM_BARCODE_TYPE (null or blank: use the line's default barcode). */
export function barcodeRule(barcodeType: string | null): BarcodeRule {
  const type = barcodeType?.trim() ?? '';
  return type === '' ? { type: null, compareAs: null } : { type, compareAs: type.toLowerCase() };
}

/** The line's EAN by the barcode rule, or null when it has none. */
export function findLineEan(line: OrderLine, rule: BarcodeRule): string | null {
  if (rule.compareAs === null) return nonBlank(line.barcode);
  for (const typed of line.barcodes) {
    if (typed.type.trim().toLowerCase() === rule.compareAs) {
      const code = nonBlank(typed.code);
      if (code !== null) return code;
    }
  }
  return null;
}

/** The line's EAN by the barcode rule; throws MAPPING_MISSING_BARCODE naming the SKU and where to register it. */
export function requireLineEan(line: OrderLine, rule: BarcodeRule): string {
  const ean = findLineEan(line, rule);
  if (ean === null) throw missingBarcode(`product SKU "${line.sku}" (line ${line.lineNumber})`, rule);
  return ean;
}

/** MAPPING_MISSING_BARCODE for `subject`, saying where barcodes are registered and which setting picks the type. */
export function missingBarcode(subject: string, rule: BarcodeRule): IntegrationError {
  const what = rule.type === null ? 'has no barcode' : `has no barcode of type "${rule.type}"`;
  return new IntegrationError(
    'MAPPING_MISSING_BARCODE',
    `${subject} ${what} (Produtos e Serviços > Cadastros > Códigos de Barras; type chosen by HM_BARCODE_TYPE)`,
  );
}

function nonBlank(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
