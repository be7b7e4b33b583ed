// `npm run build:lib` (the last part of `npm run build`): the package's library build.
//   1. vite.lib.config.ts bundles the three entries into lib/*.js (ES modules, dependencies external);
//   2. tsc (tsconfig.lib.json) writes one declaration file per source file into .lib-types/;
//   3. API Extractor rolls each entry's declarations up into lib/<entry>.d.ts and compares its
//      public API with the report checked in under api/: a difference fails the build, and
//      `npm run api:update` (this script with --api-update) rewrites the reports instead;
//   4. scripts/check-lib.ts checks lib/: sizes against their budgets, no React in the React-free
//      entries, no secrets.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  CompilerState,
  ConsoleMessageId,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type ExtractorMessage,
  ExtractorMessageId,
  type IConfigFile,
} from '@microsoft/api-extractor'
import { LIB_ENTRIES } from '../vite.lib.config.ts'
import { checkLib } from './check-lib.ts'

type Entry = (typeof LIB_ENTRIES)[number]

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** tsc's per-file declarations and API Extractor's fresh reports: scratch, gitignored. */
const TYPES_DIR = '.lib-types'
/** The browser package: its lib/ build and its API reports under api/. */
const PACKAGE = 'packages/sso-bridge'

function run(title: string, command: string, args: readonly string[]): void {
  console.log(`build:lib: ${title}`)
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT })
  if (result.status !== 0) {
    console.error(`build:lib: ${title} failed (exit ${result.status ?? result.signal})`)
    process.exit(result.status ?? 1)
  }
}

/**
 * API Extractor's settings for one entry. Its warnings fail `npm run build` (API Extractor's
 * non-local mode); `npm run api:update` shows them without failing, except the rules set to
 * "error", which fail both.
 */
function apiExtractorConfig(entry: Entry): IConfigFile {
  return {
    projectFolder: ROOT,
    mainEntryPointFilePath: `<projectFolder>/${TYPES_DIR}/sso-bridge/src/${entry}.d.ts`,
    bundledPackages: [],
    newlineKind: 'lf',
    compiler: {
      // The declarations only: the settings the sources compile with, minus emitting.
      overrideTsconfig: {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          jsx: 'react-jsx',
          strict: true,
          exactOptionalPropertyTypes: true,
          allowImportingTsExtensions: true,
          noEmit: true,
          types: [],
          // tsc has checked the sources these come from; the consumer check in
          // scripts/check-package.mjs type-checks the rolled-up files as a host does.
          skipLibCheck: true,
        },
        include: [`${TYPES_DIR}/**/*.d.ts`],
      },
    },
    apiReport: {
      enabled: true,
      reportFileName: `sso-bridge-${entry}`,
      reportFolder: `<projectFolder>/${PACKAGE}/api/`,
      reportTempFolder: `<projectFolder>/${TYPES_DIR}/api/`,
      includeForgottenExports: false,
    },
    docModel: { enabled: false },
    dtsRollup: { enabled: true, untrimmedFilePath: `<projectFolder>/${PACKAGE}/lib/${entry}.d.ts` },
    tsdocMetadata: { enabled: false },
    messages: {
      compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
      extractorMessageReporting: {
        default: { logLevel: ExtractorLogLevel.Warning },
        // Every export of an entry is public: the package has no alpha or beta surface, so no
        // @public/@beta tags are asked for.
        'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
        // A public type that names a type its entry does not export: a host can see the shape
        // but not name it. Export it from packages/sso-bridge/src/<entry>.ts (or stop exposing it).
        'ae-forgotten-export': { logLevel: ExtractorLogLevel.Error, addToApiReportFile: false },
        'ae-wrong-input-file-type': { logLevel: ExtractorLogLevel.Error },
        'ae-undocumented': { logLevel: ExtractorLogLevel.None },
        // A doc comment that links to what the entry does not export: shown in the report for the
        // reviewer, not a reason to stop the build.
        'ae-unresolved-link': { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
        'ae-unresolved-inheritdoc-reference': {
          logLevel: ExtractorLogLevel.Warning,
          addToApiReportFile: true,
        },
        'ae-unresolved-inheritdoc-base': {
          logLevel: ExtractorLogLevel.Warning,
          addToApiReportFile: true,
        },
      },
      // Doc comments here are plain prose for people, not TSDoc for a documentation site.
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
    },
  }
}

function prepare(entry: Entry): ExtractorConfig {
  return ExtractorConfig.prepare({
    configObject: apiExtractorConfig(entry),
    configObjectFullPath: undefined,
    packageJsonFullPath: `${ROOT}${PACKAGE}/package.json`,
  })
}

/** Runs API Extractor on every entry (one compiler run for all); false when one failed. */
function rollUpDeclarations(update: boolean): boolean {
  const configs = LIB_ENTRIES.map((entry) => [entry, prepare(entry)] as const)
  const compilerState = CompilerState.create(prepare(LIB_ENTRIES[0]), {
    additionalEntryPoints: configs.map(([, config]) => config.mainEntryPointFilePath),
  })
  const outdated: string[] = []
  const forgotten: string[] = []
  let ok = true
  for (const [entry, config] of configs) {
    const report = `${PACKAGE}/api/sso-bridge-${entry}.api.md`
    const result = Extractor.invoke(config, {
      compilerState,
      localBuild: update,
      printApiReportDiff: !update,
      messageCallback: (message: ExtractorMessage) => {
        // Keep the console to what matters: no banner, no compiler version notice.
        if (message.logLevel === ExtractorLogLevel.Info) message.handled = true
        const id: string = message.messageId
        // Replaced by the one message below.
        if (id === (ConsoleMessageId.ApiReportNotCopied as string)) {
          message.handled = true
          outdated.push(existsSync(`${ROOT}${report}`) ? report : `${report} (missing)`)
        }
        if (id === (ExtractorMessageId.ForgottenExport as string)) forgotten.push(entry)
      },
    })
    const counts = `${result.errorCount} errors, ${result.warningCount} warnings`
    if (result.succeeded) {
      const what = update && result.apiReportChanged ? `rewrote ${report}` : `${report} is current`
      console.log(`build:lib: lib/${entry}.d.ts written, ${what}`)
    } else {
      console.error(`build:lib: API Extractor failed for sso-bridge/${entry} (${counts})`)
      ok = false
    }
  }
  if (forgotten.length > 0) {
    const files = [...new Set(forgotten)]
      .map((entry) => `packages/sso-bridge/src/${entry}.ts`)
      .join(', ')
    console.error(
      '\nA public declaration uses a type its entry does not export (ae-forgotten-export above):' +
        ` export that type from ${files} too, or stop using it in the public API. A type that` +
        ' another entry exports counts as well: each lib/<entry>.d.ts stands alone, so re-export' +
        " it (`export type { SessionView } from './core/session.ts'`).",
    )
  }
  if (outdated.length > 0) {
    console.error(
      `\nThe public API differs from its report: ${outdated.join(', ')} (changes above).\n` +
        'If the change is intended, run `npm run api:update` and commit the updated api/ with it;' +
        ' if not, change the entry back.\n',
    )
  }
  return ok
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const update = process.argv.includes('--api-update')
  rmSync(`${ROOT}${TYPES_DIR}`, { recursive: true, force: true })
  run('bundling lib/', 'npx', ['vite', 'build', '-c', 'vite.lib.config.ts', '--logLevel', 'warn'])
  run('declarations', 'npx', ['tsc', '-p', 'tsconfig.lib.json'])
  mkdirSync(`${ROOT}${PACKAGE}/api`, { recursive: true })
  if (!rollUpDeclarations(update)) process.exit(1)
  if (!checkLib(`${PACKAGE}/lib`)) process.exit(1)
}
