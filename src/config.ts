/**
 * The app's settings, read and validated once (zod). Trigger options refer to setting names
 * ('%EXTRACT_SCHEDULE%', connection: 'ServiceBusConnection'); everything else reads AppConfig.
 */
export type { AppConfig } from './config/appConfig.js';
export { ConfigError } from './config/configError.js';
export { loadConfig } from './config/loadConfig.js';
export { describeConfig } from './config/describeConfig.js';
export { SETTING_NAMES, SECRET_SETTING_NAMES, SETTING_DEFAULTS } from './config/envSchema.js';
export type { SettingName } from './config/envSchema.js';
