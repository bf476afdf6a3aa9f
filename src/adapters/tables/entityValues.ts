/**
 * Plain JS numbers reach the service untyped and come back as Int32 or Double depending on size;
 * ERP trans_ids may outgrow Int32, so they are stored as explicit Int64 (read back as bigint).
 */
export function int64(value: number): { type: 'Int64'; value: string } {
  return { type: 'Int64', value: String(value) };
}

