import { describe, expect, it } from 'vitest';
import { mapStatusEvent } from '../../../src/domain/hm/hmPayloadMapper.js';
import type { HmMappings } from '../../../src/domain/hm/hmMappings.js';
import type { OrderLine } from '../../../src/domain/order.js';
import { aLine, anOrder } from '../../support/orderBuilder.js';
import { options, owed, stateOf, thrownBy } from './mapperFixtures.js';

const WHERE = 'Produtos e Serviços > Cadastros > Marcas (H&M Corporate Brand ID), or HM_MAPPINGS.brands';
const mappings = (overrides: Partial<HmMappings> = {}): HmMappings => ({ ...options().mappings, ...overrides });
const brandOf = (lines: OrderLine[], m: HmMappings = mappings()) =>
  mapStatusEvent(owed('CREATED'), stateOf(anOrder({ lines })), options({ mappings: m })).order.corporateBrandId;

describe('corporateBrandId (Marcas > H&M Corporate Brand ID)', () => {
  it('is the mapped brand of the order first line', () => {
    expect(brandOf([aLine({ lineNumber: 1, brandCode: 'COS' }), aLine({ lineNumber: 2, brandCode: 'HM' })])).toBe('2');
  });

  it('uses defaultCorporateBrandId for a line without a brand code (null or blank)', () => {
    expect(brandOf([aLine({ brandCode: null })], mappings({ defaultCorporateBrandId: '7' }))).toBe('7');
    expect(brandOf([aLine({ brandCode: '   ' })], mappings({ defaultCorporateBrandId: '7' }))).toBe('7');
  });

  it('trims the brand code before looking it up', () => {
    expect(brandOf([aLine({ brandCode: ' COS ' })])).toBe('2');
  });

  it('fails with MAPPING_MISSING_BRAND for an unmapped brand on any line, naming it and where to fix it', () => {
    const error = thrownBy(() => brandOf([aLine({ lineNumber: 1 }), aLine({ lineNumber: 2, sku: 'SKU-X', brandCode: 'ARKET' })]));
    expect(error.code).toBe('MAPPING_MISSING_BRAND');
    expect(error.message).toBe(`brand "ARKET" (product SKU "SKU-X", line 2) has no H&M Corporate Brand ID (${WHERE})`);
  });

  it('does not take an Object.prototype member for a mapping', () => {
    expect(thrownBy(() => brandOf([aLine({ brandCode: 'constructor' })])).code).toBe('MAPPING_MISSING_BRAND');
  });

  it('fails with MAPPING_MISSING_BRAND when a line has no brand and there is no default', () => {
    const { defaultCorporateBrandId: _, ...noDefault } = mappings();
    const error = thrownBy(() => brandOf([aLine({ sku: 'SKU-1', brandCode: null })], noDefault));
    expect(error.code).toBe('MAPPING_MISSING_BRAND');
    expect(error.message).toContain('product SKU "SKU-1" (line 1) has no brand');
    expect(error.message).toContain('HM_MAPPINGS.defaultCorporateBrandId');
    expect(error.message).toContain(WHERE);
  });

  it('keeps the CREATED brand on SHIPPED even when partial picking removed the first line', () => {
    const created = [aLine({ lineNumber: 1, brandCode: 'COS' }), aLine({ lineNumber: 2, brandCode: 'HM' })];
    const order = anOrder({ lines: [created[1] as OrderLine], shippedAt: '2026-12-03T10:00:00.000-03:00' });
    const body = mapStatusEvent(owed('SHIPPED'), stateOf(order, { createdLines: created }), options());
    expect(body.order.corporateBrandId).toBe('2');
  });
});
