// The dependency rule from ENGINEERING.md, checked on every test run:
//   http → use-cases → domain, use-cases → storage, storage → domain types;
//   routes never touch storage; domain imports nothing outside itself;
//   web/citizen and web/staff never import each other; no import cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      comment:
        'domain is pure TypeScript: no other package of ours, no Node I/O, and of npm packages only the allow-list (its tests and their fast-check arbitraries may use more)',
      severity: 'error',
      from: { path: '^packages/domain/', pathNot: '\\.(test(-support)?|arbitraries)\\.ts$' },
      to: { pathNot: ['^packages/domain/', '^node_modules/(personnummer|typebox)/'] },
    },
    {
      name: 'contract-only-domain',
      severity: 'error',
      from: { path: '^packages/contract/' },
      to: { path: '^packages/(server|web)/' },
    },
    {
      name: 'routes-never-touch-storage',
      comment: 'http goes through use-cases; it may name storage types only',
      severity: 'error',
      from: { path: '^packages/server/src/http/' },
      to: { path: '^packages/server/src/storage/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'storage-below-use-cases',
      severity: 'error',
      from: { path: '^packages/server/src/storage/' },
      to: { path: '^packages/server/src/(http|use-cases|cli|jobs|identity)/' },
    },
    {
      name: 'use-cases-below-http',
      severity: 'error',
      from: { path: '^packages/server/src/use-cases/' },
      to: { path: '^packages/server/src/(http|cli)/' },
    },
    {
      name: 'test-helpers-only-in-tests',
      severity: 'error',
      from: { pathNot: ['\\.test\\.tsx?$', '^packages/server/src/testing/', '^test/', '^bench/'] },
      to: { path: '^packages/server/src/testing/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'citizen-and-staff-apart',
      severity: 'error',
      from: { path: '^packages/web/src/citizen/' },
      to: { path: '^packages/web/src/staff/' },
    },
    {
      name: 'staff-and-citizen-apart',
      severity: 'error',
      from: { path: '^packages/web/src/staff/' },
      to: { path: '^packages/web/src/citizen/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stay in the graph (not followed), so the rules see which packages a file uses.
    exclude: { path: ['^packages/[^/]+/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default', 'types'] },
  },
};
