import { IntegrationError } from '../errors.js';
import type { Order } from '../order.js';
import type { HmMappings } from './hmMappings.js';
import { mappedValue } from './hmMappingLookup.js';

const WHERE_TO_FIX = 'Logística > Estoque > Cadastros > Tipos de Frete, or HM_MAPPINGS.freightTypes';

/** H&M's Delivery Method/Mode of the order's freight type (`cod_tipo_frete`); throws MAPPING_MISSING_FREIGHT_TYPE. */
export function deliveryMethodAndMode(order: Order, mappings: HmMappings): { deliveryMethod: string; deliveryMode: string } {
  const code = order.freightTypeCode?.trim() ?? '';
  if (code === '') {
    throw new IntegrationError(
      'MAPPING_MISSING_FREIGHT_TYPE',
      `order "${order.orderNumber}" has no freight type (cod_tipo_frete), so no H&M Delivery Method/Mode (set the freight type on the order in the ERP; mappings in ${WHERE_TO_FIX})`,
    );
  }
  const mapped = mappedValue(mappings.freightTypes, code);
  if (mapped === undefined) {
    throw new IntegrationError('MAPPING_MISSING_FREIGHT_TYPE', `freight type "${code}" has no H&M Delivery Method/Mode (${WHERE_TO_FIX})`);
  }
  return mapped;
}
