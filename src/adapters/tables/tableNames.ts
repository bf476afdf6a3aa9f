export const TABLE_NAMES = { cursors: 'Cursors', orderState: 'OrderState', records: 'IntegrationRecords', recordIndex: 'IntegrationRecordIndex' } as const;
