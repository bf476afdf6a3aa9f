import { IntegrationError } from '../errors.js';
import type { OrderLine } from '../order.js';
import type { HmMappings } from './hmMappings.js';
import { mappedValue } from './hmMappingLookup.js';

const WHERE_TO_FIX = 'Produtos e Serviços > Cadastros > Marcas (H&M Corporate Brand ID), or HM_MAPPINGS.brands';

/**
 * H&M's corporateBrandId of an order: the brand of its first line (`brandLines`, the lines as first
 * seen, so every status of the order carries the same brand). A line without a brand code takes
 * HM_MAPPINGS.defaultCorporateBrandId. Every line sent (`checkedLines`) must resolve too: a brand the
 * mappings do not know is a registration to fix, not something to guess. Throws MAPPING_MISSING_BRAND.
 */
export function corporateBrandId(brandLines: readonly OrderLine[], checkedLines: readonly OrderLine[], mappings: HmMappings): string {
  if (checkedLines !== brandLines) for (const line of checkedLines) lineBrandId(line, mappings);
  let first: string | null = null;
  for (const line of brandLines) {
    const id = lineBrandId(line, mappings);
    first ??= id;
  }
  return first ?? defaultBrandId('the order has no lines', mappings);
}

function lineBrandId(line: OrderLine, mappings: HmMappings): string {
  const code = line.brandCode?.trim() ?? '';
  if (code === '') return defaultBrandId(`product SKU "${line.sku}" (line ${line.lineNumber}) has no brand`, mappings);
  const id = mappedValue(mappings.brands, code);
  if (id === undefined) {
    throw new IntegrationError(
      'MAPPING_MISSING_BRAND',
      `brand "${code}" (product SKU "${line.sku}", line ${line.lineNumber}) has no H&M Corporate Brand ID (${WHERE_TO_FIX})`,
    );
  }
  return id;
}

function defaultBrandId(why: string, mappings: HmMappings): string {
  if (mappings.defaultCorporateBrandId !== undefined) return mappings.defaultCorporateBrandId;
  throw new IntegrationError(
    'MAPPING_MISSING_BRAND',
    `${why} and HM_MAPPINGS.defaultCorporateBrandId is not set (register the brand in ${WHERE_TO_FIX}, or set HM_MAPPINGS.defaultCorporateBrandId)`,
  );
}
