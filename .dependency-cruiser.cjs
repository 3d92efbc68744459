// Folder layering, checked by `npm run lint` (dependency-cruiser): every import between the
// folders of src/ (and activities/, workflows/) points one way. Modules are collapsed to their
// top folder, so a cycle is one between folders, whatever files carry it. Proven to fire by
// test/unit/lint/folder-cycles.test.ts on test/fixtures/folder-cycle/.
// Test code is left out: the contract peers in src/destinations/*/ are the contract suite's.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment: 'a folder imports another that (through any path) imports it back: move the shared piece down (src/base)',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^test/', 'contract-peer\\.ts$'] },
    collapse: '^(src/[^/]+|activities|workflows)/',
  },
};
