/**
 * The layers of quotecard, checked by `npm run lint` (dependency-cruiser).
 *
 *   article -> ingest -> extract -> cards -> render -> batch -> queue -> cli
 *
 * Each stage imports only the stages before it. fonts, images and net are the edges where bytes and the
 * network come in, and png writes pixels out; they import no stage. src/shared, src/types.ts and
 * src/errors.ts are the base everything may use, and they import nothing else. ingest and extract are
 * pure text stages and use no edge; the cards stage measures text and checks images through the fonts
 * and images edges, but its templates (the .tsx files) get both only through the template context.
 */
const STAGES = ['ingest', 'extract', 'cards', 'render', 'batch', 'queue', 'cli'];
const EDGES = ['fonts', 'images', 'net', 'png'];
const any = (names) => `^src/(${names.join('|')})/`;

const backEdges = STAGES.slice(0, -1).map((stage, i) => ({
  name: `no-back-edge-from-${stage}`,
  comment: `${stage} may import only the stages before it (${STAGES.slice(0, i).join(', ') || 'none'}).`,
  severity: 'error',
  from: { path: `^src/${stage}/` },
  to: { path: any(STAGES.slice(i + 1)) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules import each other in one direction only.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...backEdges,
    {
      name: 'edges-import-no-stage',
      comment: 'fonts, images, net and png are used by the stages and never use them.',
      severity: 'error',
      from: { path: any(EDGES) },
      to: { path: any(STAGES) },
    },
    {
      name: 'base-imports-only-base',
      comment: 'src/shared, src/types.ts and src/errors.ts are the base: they import nothing of the pipeline.',
      severity: 'error',
      from: { path: '^src/(shared/|types\\.ts$|errors\\.ts$)' },
      to: { path: '^src/', pathNot: '^src/(shared/|types\\.ts$|errors\\.ts$)' },
    },
    {
      name: 'text-stages-are-pure',
      comment: 'ingest and extract take text and return data: no fonts, images, network or PNG.',
      severity: 'error',
      from: { path: '^src/(ingest|extract)/' },
      to: { path: any(EDGES) },
    },
    {
      name: 'cards-never-network',
      comment: 'Cards are laid out from data: no network, no PNG.',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: { path: '^src/(net|png)/' },
    },
    {
      name: 'templates-are-pure',
      comment: 'Templates get measurement and images from the template context, not from the edges.',
      severity: 'error',
      from: { path: '^src/cards/.*\\.tsx$' },
      to: { path: any(EDGES) },
    },
    {
      name: 'web-runs-anywhere',
      comment: 'src/web answers requests on any host (Node, Workers, browsers): it uses only the base, and each entry hands it its renderCard.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: '^src/(web/|shared/|types\\.ts$|errors\\.ts$)' },
    },
    {
      name: 'web-imports-no-node',
      comment: 'src/web runs where there is no Node: no node: module.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'wasm-imports-no-node',
      comment: 'src/wasm is the WebAssembly build for Workers and browsers: no node: module (the build also refuses any that the shared pipeline brings but node:zlib, scripts/wasm-graph.ts).',
      severity: 'error',
      from: { path: '^src/wasm/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-public-index-inside',
      comment: 'src/index.ts is the public entry; nothing inside the library imports it.',
      severity: 'error',
      from: { path: '^src/.+/' },
      to: { path: '^src/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
