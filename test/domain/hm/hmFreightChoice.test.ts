import { describe, expect, it } from 'vitest';
import { mapStatusEvent } from '../../../src/domain/hm/hmPayloadMapper.js';
import { anOrder } from '../../support/orderBuilder.js';
import { options, owed, stateOf, thrownBy } from './mapperFixtures.js';

const created = (freightTypeCode: string | null) =>
  mapStatusEvent(owed('CREATED'), stateOf(anOrder({ freightTypeCode })), options());

describe('delivery method and mode (Tipos de Frete > H&M Delivery Method / Mode)', () => {
  it('reads them from HM_MAPPINGS.freightTypes by the trimmed freight type code', () => {
    expect(created(' SEDEX ').order.delivery).toMatchObject({ deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'EXPRESS' });
  });

  it('fails with MAPPING_MISSING_FREIGHT_TYPE in the contract wording when the code is not mapped', () => {
    const error = thrownBy(() => created('SEDEX10'));
    expect(error.code).toBe('MAPPING_MISSING_FREIGHT_TYPE');
    expect(error.message).toBe(
      'freight type "SEDEX10" has no H&M Delivery Method/Mode (Logística > Estoque > Cadastros > Tipos de Frete, or HM_MAPPINGS.freightTypes)',
    );
  });

  it('fails with MAPPING_MISSING_FREIGHT_TYPE when the order has no freight type at all', () => {
    const error = thrownBy(() => created(null));
    expect(error.code).toBe('MAPPING_MISSING_FREIGHT_TYPE');
    expect(error.message).toContain('has no freight type (cod_tipo_frete)');
    expect(error.message).toContain('HM_MAPPINGS.freightTypes');
  });

  it('does not take an Object.prototype member for a mapping', () => {
    expect(thrownBy(() => created('toString')).code).toBe('MAPPING_MISSING_FREIGHT_TYPE');
  });
});
