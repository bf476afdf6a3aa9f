/** The ERP row schemas' public API: raw ERP rows in, normalised domain values (or a row error) out. */
export { parseErpOrder, parseErpReturn } from './erpParse.js';
export type { ErpParseResult } from './erpParse.js';
export type { ErpRowIssue } from './erpRowIssues.js';
