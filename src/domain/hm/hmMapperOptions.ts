import type { HmMappings } from './hmMappings.js';

/** What the mapper needs from the settings: HM_MAPPINGS, HM_ITEM_DISCOUNT_TYPE and HM_BARCODE_TYPE. */
export interface MapperOptions {
  mappings: HmMappings;
  /** `type` written on every line discount. */
  itemDiscountType: string;
  /** The typed barcode sent as EAN; null: the line's default barcode. */
  barcodeType: string | null;
}
