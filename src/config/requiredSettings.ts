/** Needed whatever HM_ENABLED says: changes are tracked from the ERP even while H&M is off. */
const ALWAYS_REQUIRED: Record<string, string> = {
  ERP_BASE_URL: 'the e-Millennium gateway URL, e.g. http://erp-host:6017',
  ERP_USERNAME: 'the ERP user the integration logs in as',
  ERP_PASSWORD: "that user's password (a Key Vault reference in Azure)",
};

/** Needed only to send: with HM_ENABLED=false nothing is sent, so none of these is read. */
const REQUIRED_WHEN_HM_ENABLED: Record<string, string> = {
  HM_API_URL: "the base URL of H&M's order API (http(s))",
  HM_CLIENT_ID: 'the Entra ID application (client) id',
  HM_CLIENT_SECRET: "that application's client secret (a Key Vault reference in Azure)",
  HM_SUBSCRIPTION_KEY: 'the API Management subscription key (a Key Vault reference in Azure)',
  HM_RESOURCE: 'the API resource; tokens are asked for "<HM_RESOURCE>/.default"',
  HM_TENANT_ID: 'the Entra tenant id',
  HM_ITEM_DISCOUNT_TYPE: 'the discount "type" written on every line discount',
  HM_MAPPINGS: 'the brands / freight types / voucher payment types mapping document (JSON text or a JSON file path)',
};

/** Connection pairs: a connection string (local) or the identity-based form (Azure), exactly one. */
const ONE_OF_PAIRS = [
  ['ServiceBusConnection', 'ServiceBusConnection__fullyQualifiedNamespace', 'the Service Bus namespace'],
  ['TableStorageConnection', 'TableStorageConnection__tableServiceUri', 'the Table Storage account'],
] as const;

/** A problem with one setting, before formatting. */
export interface SettingProblem {
  path: PropertyKey[];
  message: string;
}

/**
 * Every required setting that is unset, judged on presence in the raw settings (not on parsed values),
 * so that a malformed setting is reported as malformed, never also as missing.
 */
export function findMissingSettings(values: Readonly<Record<string, string>>): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const missing = (name: string, message: string) => problems.push({ path: [name], message });
  const isSet = (name: string) => values[name] !== undefined;

  for (const [name, meaning] of Object.entries(ALWAYS_REQUIRED)) {
    if (!isSet(name)) missing(name, `required: ${meaning}`);
  }
  // Unset means disabled (the default); a malformed HM_ENABLED counts as enabled here so that
  // everything else it needs is reported now too.
  const hmEnabled = values['HM_ENABLED'];
  if (hmEnabled !== undefined && hmEnabled.toLowerCase() !== 'false') {
    for (const [name, meaning] of Object.entries(REQUIRED_WHEN_HM_ENABLED)) {
      if (!isSet(name)) missing(name, `required when HM_ENABLED=true: ${meaning}`);
    }
  }
  for (const [connectionString, identityBased, what] of ONE_OF_PAIRS) {
    const hasString = isSet(connectionString);
    const hasIdentity = isSet(identityBased);
    if (!hasString && !hasIdentity) {
      missing(identityBased, `required: set ${identityBased} (managed identity, Azure) or ${connectionString} (a connection string, local use) for ${what}`);
    } else if (hasString && hasIdentity) {
      // Refused rather than guessed: the Functions host would take the connection string for the
      // trigger while a developer setting the identity form expects that one to be used.
      missing(connectionString, `set only one of ${connectionString} (connection string) and ${identityBased} (managed identity), not both`);
    }
  }
  return problems;
}
