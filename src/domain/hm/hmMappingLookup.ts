/**
 * Reads one entry of an HM_MAPPINGS record. `Object.hasOwn` rather than `record[key]`: an ERP code
 * such as "constructor" must not find Object.prototype's member and pass for a mapping.
 */
export function mappedValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
