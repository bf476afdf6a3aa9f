/**
 * Thrown by loadConfig with every problem found, so that one deployment fixes them all. Messages name
 * the setting and what is expected; they never contain a secret's value.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Same code as IntegrationError's, for logs and alerts that group by code. */
  readonly code = 'CONFIG_INVALID';

  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration, ${problems.length} problem${problems.length === 1 ? '' : 's'} ` +
        `(fix the app settings: local.settings.json locally, the Function App's configuration in Azure):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
}
