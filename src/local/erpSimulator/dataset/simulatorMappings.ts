import type { HmMappings } from '../../../domain/hm/hmMappings.js';
import { BRANDS, FREIGHT_TYPES, SIMULATOR_BARCODE_TYPE, VOUCHER_PAYMENT } from './catalog.js';

/**
 * The HM_MAPPINGS document the simulated ERP needs: every brand, every freight type but SEDEX10
 * (left out on purpose: that order must fail MAPPING_MISSING_FREIGHT_TYPE), the voucher payment type.
 */
export const simulatorMappings: HmMappings = {
  brands: Object.fromEntries(BRANDS.map((b) => [b.code, b.hmId])),
  freightTypes: Object.fromEntries(FREIGHT_TYPES.flatMap((f) => (f.hm ? [[f.code, f.hm]] : []))),
  voucherPaymentTypes: [VOUCHER_PAYMENT.code],
};

/** HM_BARCODE_TYPE for the simulated ERP: its lines all carry an EAN13 typed barcode. */
export const simulatorBarcodeType = SIMULATOR_BARCODE_TYPE;
