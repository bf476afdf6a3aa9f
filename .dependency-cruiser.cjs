/** Layer rules of ARCHITECTURE.md, checked on every `npm test`: functions → app → domain. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing but zod and itself (no SDKs, no axios, no Node I/O).',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { pathNot: ['^src/domain', 'node_modules/zod', '^node:crypto$', '^crypto$'] },
    },
    {
      name: 'app-uses-ports-not-adapters',
      comment: 'Use cases depend on ports they own and on the domain, never on an adapter or SDK.',
      severity: 'error',
      from: { path: '^src/app' },
      to: { path: ['^src/adapters', '^src/functions', '^src/local', 'node_modules/@azure', 'node_modules/axios'] },
    },
    {
      name: 'adapters-do-not-reach-up',
      comment: 'Adapters implement ports; they do not call functions or the local runtime.',
      severity: 'error',
      from: { path: '^src/adapters' },
      to: { path: ['^src/functions', '^src/local'] },
    },
    {
      name: 'nothing-deployed-uses-local',
      comment: 'src/local is the local runtime and simulators; it is never deployed.',
      severity: 'error',
      from: { path: '^src/(domain|app|adapters|functions)' },
      to: { path: '^src/local' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
