#!/usr/bin/env node
// `npm test`, after the build: the browser package's packed tarball (`npm run pack`) as a host
// project sees it, and publint on the BFF's (the topology journeys run it installed). A
// scratch TypeScript project in .pack/consumer/ gets the tarball unpacked as
// node_modules/sso-bridge (its peer dependencies resolve from this repository's node_modules,
// further up), imports named exports of every entry, and type-checks under `bundler` and
// `nodenext` resolution; then Node imports every entry, and each entry's run-time exports must be
// the values its declarations promise. The testing kit's tarball (sso-bridge-sandbox) ships no
// test and no TypeScript source, its README and docs page, and every entry of its `exports` and
// its bin; publint and attw check it, and Node imports each of its entries from the tarball.
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BFF_TARBALL, KIT_TARBALL, TARBALL, pack } from './pack.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CONSUMER = join(ROOT, '.pack', 'consumer')
const require = createRequire(import.meta.url)
const TSC = require.resolve('typescript/bin/tsc')

/** A few names from each entry that a host uses (packages/sso-bridge/src/<entry>.ts has them all). */
const IMPORTS = {
  core: ['SsoError', 'type SsoErrorCode', 'parseRuntimeConfig', 'PARTNERS', 'type RuntimeConfig'],
  callback: ['startCallback', 'isCallbackPage', 'type SsoStart'],
  react: [
    'SsoProvider',
    'createSso',
    'requireSession',
    'useSession',
    'useSignOut',
    'PartnerLink',
    'type ErrorViewProps',
  ],
}

const compilerOptions = {
  strict: true,
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  jsx: 'react-jsx',
  noEmit: true,
  types: [],
  // The package's own declaration files are checked too, as in a host with default settings.
  skipLibCheck: false,
}

const consumerSource = [
  ...Object.entries(IMPORTS).map(
    ([entry, names]) => `import { ${names.join(', ')} } from 'sso-bridge/${entry}'`,
  ),
  '',
  ...Object.values(IMPORTS)
    .flat()
    .map((name) =>
      name.startsWith('type ')
        ? `export type Uses${name.slice(5)} = ${name.slice(5)}`
        : `export const uses${name} = ${name}`,
    ),
  '',
].join('\n')

/** Lists the run-time exports each entry's declarations promise, through the compiler API. */
const declaredValuesSource = `
import ts from 'typescript'
const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noEmit: true, types: [] }
const entries = ${JSON.stringify(Object.keys(IMPORTS))}
const files = entries.map((entry) =>
  ts.resolveModuleName('sso-bridge/' + entry, 'consumer.ts', options, ts.sys).resolvedModule.resolvedFileName)
const program = ts.createProgram(files, options)
const checker = program.getTypeChecker()
const out = {}
entries.forEach((entry, i) => {
  const module = checker.getSymbolAtLocation(program.getSourceFile(files[i]))
  out[entry] = checker.getExportsOfModule(module).filter((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
    return (target.flags & ts.SymbolFlags.Value) !== 0
  }).map((symbol) => symbol.name).sort()
})
console.log(JSON.stringify(out))
`

const runtimeValuesSource = `
const out = {}
for (const entry of ${JSON.stringify(Object.keys(IMPORTS))}) {
  out[entry] = Object.keys(await import('sso-bridge/' + entry)).sort()
}
console.log(JSON.stringify(out))
`

/** Runs a command in the consumer project; its output is shown only when it fails. */
function run(title, command, args) {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: CONSUMER, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error !== null) {
        console.error(`package check: ${title} failed:\n${stdout}${stderr}`)
        process.exit(1)
      }
      resolve(stdout)
    })
  })
}

const bin = (name) => join(ROOT, 'node_modules', '.bin', name)

function writeJson(file, value) {
  writeFileSync(join(CONSUMER, file), `${JSON.stringify(value, null, 2)}\n`)
}

const packed = pack()
const info = packed['sso-bridge']

/** What the kit's tarball must and must not hold (npm's report of its files). */
function kitProblems(report) {
  const files = report.files.map((file) => file.path)
  const manifest = JSON.parse(readFileSync(join(ROOT, 'sandbox', 'package.json'), 'utf8'))
  const entries = Object.values(manifest.exports)
    .flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry)))
    .concat(Object.values(manifest.bin))
    .map((path) => path.replace(/^\.\//, ''))
  return [
    ...files
      .filter((file) => /\.test\.|\/test-[^/]*\.|fidelity\//.test(file))
      .map((f) => `ships a test: ${f}`),
    ...files
      .filter((file) => /\.(ts|tsx)$/.test(file) && !file.endsWith('.d.ts'))
      .map((f) => `ships TypeScript source: ${f}`),
    ...['README.md', 'docs/testing-your-app.md', 'package.json']
      .filter((file) => !files.includes(file))
      .map((file) => `lacks ${file}`),
    ...entries.filter((entry) => !files.includes(entry)).map((entry) => `lacks its entry ${entry}`),
  ]
}
const shippedGuides = info.files.map((file) => file.path)
const missingGuides = ['README.md', 'docs/embedding.md', 'docs/testing-your-app.md'].filter(
  (file) => !shippedGuides.includes(file),
)
if (missingGuides.length > 0) {
  console.error(`package check: sso-bridge lacks ${missingGuides.join(', ')}`)
  process.exit(1)
}
const kitFileProblems = kitProblems(packed['sso-bridge-sandbox'])
if (kitFileProblems.length > 0) {
  console.error(`package check: sso-bridge-sandbox ${kitFileProblems.join('\n  ')}`)
  process.exit(1)
}
/** Unpacks `tarball` as the consumer's node_modules/`name`, as npm would install it. */
async function unpack(tarball, name) {
  mkdirSync(join(CONSUMER, 'node_modules', name), { recursive: true })
  await run(`unpacking ${name}`, 'tar', [
    '-xzf',
    tarball,
    '--strip-components=1',
    '-C',
    `node_modules/${name}`,
  ])
}

rmSync(CONSUMER, { recursive: true, force: true })
await unpack(TARBALL, 'sso-bridge')
writeJson('package.json', { name: 'sso-bridge-consumer', private: true, type: 'module' })
writeJson('tsconfig.bundler.json', {
  compilerOptions: { ...compilerOptions, module: 'ESNext', moduleResolution: 'Bundler' },
  files: ['consumer.ts'],
})
writeJson('tsconfig.nodenext.json', {
  compilerOptions: { ...compilerOptions, module: 'NodeNext', moduleResolution: 'NodeNext' },
  files: ['consumer.ts'],
})
writeFileSync(join(CONSUMER, 'consumer.ts'), consumerSource)

// Two cores: the four independent checks run side by side.
await Promise.all([
  ...['bundler', 'nodenext'].map((resolution) =>
    run(`tsc with ${resolution} resolution`, process.execPath, [
      TSC,
      '-p',
      `tsconfig.${resolution}.json`,
    ]),
  ),
  // The package.json fields against the files that ship (exports, bin, types).
  run('publint', bin('publint'), ['run', TARBALL, '--strict']),
  // The BFF's package.json (bin, files) against what its tarball ships.
  run('publint (sso-bridge-bff)', bin('publint'), ['run', BFF_TARBALL, '--strict']),
  // The kit's package.json (exports, bin, files) against what its tarball ships, and its types.
  run('publint (sso-bridge-sandbox)', bin('publint'), ['run', KIT_TARBALL, '--strict']),
  run('are-the-types-wrong (sso-bridge-sandbox)', bin('attw'), [
    KIT_TARBALL,
    '--profile',
    'esm-only',
  ]),
  // Types as each resolution mode sees them; ESM only, so CommonJS `require` and the
  // deprecated node10 resolution are out of scope.
  run('are-the-types-wrong', bin('attw'), [TARBALL, '--profile', 'esm-only']),
])
const [declared, runtime] = (
  await Promise.all([
    run('reading the declarations', process.execPath, [
      '--input-type=module',
      '-e',
      declaredValuesSource,
    ]),
    run('importing every entry in Node', process.execPath, [
      '--input-type=module',
      '-e',
      runtimeValuesSource,
    ]),
  ])
).map((out) => JSON.parse(out))
const mismatches = Object.keys(IMPORTS).flatMap((entry) => {
  const missing = declared[entry].filter((name) => !runtime[entry].includes(name))
  const undeclared = runtime[entry].filter((name) => !declared[entry].includes(name))
  return [
    ...missing.map(
      (name) => `sso-bridge/${entry}: "${name}" is declared but not exported at run time`,
    ),
    ...undeclared.map((name) => `sso-bridge/${entry}: "${name}" is exported but not declared`),
  ]
})
if (mismatches.length > 0) {
  console.error(`package check: declarations and modules disagree:\n  ${mismatches.join('\n  ')}`)
  process.exit(1)
}
// The kit from its tarball: every entry imports in Node (its dependencies resolve from this
// repository's node_modules, further up).
await unpack(KIT_TARBALL, 'sso-bridge-sandbox')
const KIT_ENTRIES = [
  'sso-bridge-sandbox',
  'sso-bridge-sandbox/users',
  'sso-bridge-sandbox/playwright',
  'sso-bridge-sandbox/vite',
]
const kitExports = JSON.parse(
  await run('importing every entry of the kit in Node', process.execPath, [
    '--input-type=module',
    '-e',
    `const out = {}; for (const e of ${JSON.stringify(KIT_ENTRIES)}) out[e] = Object.keys(await import(e)).length; console.log(JSON.stringify(out))`,
  ]),
)
const emptyKitEntry = KIT_ENTRIES.find((entry) => !(kitExports[entry] > 0))
if (emptyKitEntry !== undefined) {
  console.error(`package check: ${emptyKitEntry} exports nothing`)
  process.exit(1)
}

const counts = Object.entries(runtime).map(([entry, names]) => `${entry} ${names.length}`)
console.log(
  `package check: ${info.entryCount} files; every entry resolves with types (bundler, nodenext) ` +
    `and in Node; run-time exports match the declarations (${counts.join(', ')}); ` +
    'publint and attw pass (publint on sso-bridge-bff too); sso-bridge-sandbox ships ' +
    `${packed['sso-bridge-sandbox'].entryCount} files, no test or source, and its ` +
    `${KIT_ENTRIES.length} entries import in Node`,
)
