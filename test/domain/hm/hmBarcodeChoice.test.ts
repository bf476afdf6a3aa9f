import { describe, expect, it } from 'vitest';
import { mapStatusEvent } from '../../../src/domain/hm/hmPayloadMapper.js';
import { aLine, anOrder } from '../../support/orderBuilder.js';
import { options, owed, stateOf, thrownBy } from './mapperFixtures.js';

const oneLine = (line: Parameters<typeof aLine>[0]) => stateOf(anOrder({ lines: [aLine(line)] }));
const eanOf = (state: ReturnType<typeof oneLine>, barcodeType: string | null) =>
  mapStatusEvent(owed('CREATED'), state, options({ barcodeType })).order.lines[0]?.ean;

describe('line EAN: which barcode is sent (HM_BARCODE_TYPE)', () => {
  it('sends the typed barcode of HM_BARCODE_TYPE when it is set', () => {
    const state = oneLine({ barcode: '111', barcodes: [{ type: 'DUN14', code: '222' }, { type: 'EAN13', code: '333' }] });
    expect(eanOf(state, 'EAN13')).toBe('333');
  });

  it('compares barcode types trimmed and case-insensitively', () => {
    const state = oneLine({ barcodes: [{ type: ' ean13 ', code: ' 7890000000017 ' }] });
    expect(eanOf(state, 'EAN13 ')).toBe('7890000000017');
  });

  it('sends the line default barcode (barra) when HM_BARCODE_TYPE is unset or blank', () => {
    const state = oneLine({ barcode: '7890000000024', barcodes: [{ type: 'EAN13', code: '333' }] });
    expect(eanOf(state, null)).toBe('7890000000024');
    expect(eanOf(state, '  ')).toBe('7890000000024');
  });

  it('skips a blank code of the right type and takes the next one of that type', () => {
    const state = oneLine({ barcodes: [{ type: 'EAN13', code: ' ' }, { type: 'EAN13', code: '444' }] });
    expect(eanOf(state, 'EAN13')).toBe('444');
  });

  it('fails with MAPPING_MISSING_BARCODE naming the SKU, the line, the type and where to register it', () => {
    const state = oneLine({ sku: 'SKU-9', lineNumber: 3, barcode: '111', barcodes: [{ type: 'DUN14', code: '222' }] });
    const error = thrownBy(() => mapStatusEvent(owed('CREATED'), state, options({ barcodeType: 'EAN13' })));
    expect(error.code).toBe('MAPPING_MISSING_BARCODE');
    expect(error.message).toBe(
      'product SKU "SKU-9" (line 3) has no barcode of type "EAN13" (Produtos e Serviços > Cadastros > Códigos de Barras; type chosen by HM_BARCODE_TYPE)',
    );
  });

  it('fails with "has no barcode" when HM_BARCODE_TYPE is unset and the line has no default barcode', () => {
    const state = oneLine({ sku: 'SKU-1', barcode: '  ', barcodes: [{ type: 'EAN13', code: '333' }] });
    const error = thrownBy(() => mapStatusEvent(owed('CREATED'), state, options({ barcodeType: null })));
    expect(error.code).toBe('MAPPING_MISSING_BARCODE');
    expect(error.message).toBe(
      'product SKU "SKU-1" (line 1) has no barcode (Produtos e Serviços > Cadastros > Códigos de Barras; type chosen by HM_BARCODE_TYPE)',
    );
  });
});
