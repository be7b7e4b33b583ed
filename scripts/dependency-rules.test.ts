// Each layer rule of .dependency-cruiser.mjs broken once on purpose: a small tree laid out like the
// repository, in a scratch folder, with one forbidden import, must give exactly that rule's
// violation; the same tree without it gives none.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { cruise, type ICruiseResult } from 'dependency-cruiser'
import { afterEach, expect, test } from 'vitest'
import config from '../.dependency-cruiser.mjs'

/** Files every tree has: the contract, an entry of each package, a sandbox party. */
const LAWFUL: Record<string, string> = {
  'packages/contract/src/contract.ts': 'export const LIMITS = { state: 512 }\n',
  'packages/sso-bridge/src/core.ts':
    "import { LIMITS } from '../../contract/src/contract.ts'\nexport const core = LIMITS\n",
  'packages/sso-bridge/src/core/rule.ts': 'export const rule = 1\n',
  'packages/sso-bridge/src/test/fake-backend.ts': 'export const fake = 1\n',
  'packages/bff/src/app.ts':
    "import { LIMITS } from '../../contract/src/contract.ts'\nexport const app = LIMITS\n",
  'packages/bff/src/testing/bff-sandbox.ts': 'export const harness = 1\n',
  'sandbox/idp/idp.ts':
    "import { core } from '../../packages/sso-bridge/src/core.ts'\nexport const idp = core\n",
  'src/app/router.tsx':
    "import { core } from '../../packages/sso-bridge/src/core.ts'\nexport const router = core\n",
  'src/app/router.test.tsx':
    "import { fake } from '../../packages/sso-bridge/src/test/fake-backend.ts'\nexport const t = fake\n",
}

let root: string | undefined

afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true })
  root = undefined
})

/** The rule names violated by a tree of LAWFUL plus `extra` (files, path → text). */
async function violationsOf(extra: Record<string, string>): Promise<string[]> {
  root = mkdtempSync(join(tmpdir(), 'dependency-rules-'))
  for (const [path, text] of Object.entries({ ...LAWFUL, ...extra })) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  // The repository's tsconfig paths mean nothing in the scratch tree; relative imports need none.
  const options = { ...config.options }
  delete options.tsConfig
  const { output } = await cruise(['packages', 'sandbox', 'src'], {
    ...options,
    baseDir: root,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
  })
  const result = output as ICruiseResult
  return [...new Set(result.summary.violations.map((violation) => violation.rule.name))].sort()
}

test('the lawful tree breaks no rule', async () => {
  expect(await violationsOf({})).toEqual([])
})

test('refuses an import cycle made of type-only imports', async () => {
  const violations = await violationsOf({
    'packages/sso-bridge/src/core/a.ts': "import type { B } from './b.ts'\nexport type A = B[]\n",
    'packages/sso-bridge/src/core/b.ts':
      "import type { A } from './a.ts'\nexport type B = { a: A }\n",
  })
  expect(violations).toEqual(['no-cycle'])
})

test('refuses the browser package importing the BFF', async () => {
  const violations = await violationsOf({
    'packages/sso-bridge/src/core/rule.ts':
      "import { app } from '../../../bff/src/app.ts'\nexport const rule = app\n",
  })
  expect(violations).toEqual(['browser-package-not-bff'])
})

test('refuses the BFF importing the browser package', async () => {
  const violations = await violationsOf({
    'packages/bff/src/app.ts':
      "import { rule } from '../../sso-bridge/src/core/rule.ts'\nexport const app = rule\n",
  })
  expect(violations).toEqual(['bff-not-browser-package'])
})

test('refuses the contract importing anything', async () => {
  const violations = await violationsOf({
    'packages/contract/src/contract.ts':
      "import { rule } from '../../sso-bridge/src/core/rule.ts'\nexport const LIMITS = { rule }\n",
  })
  expect(violations).toContain('contract-imports-nothing')
})

test('refuses production code importing a test helper', async () => {
  const violations = await violationsOf({
    'packages/sso-bridge/src/core/rule.ts':
      "import { fake } from '../test/fake-backend.ts'\nexport const rule = fake\n",
  })
  expect(violations).toEqual(['production-not-test-helpers'])
})

test('refuses BFF production code importing its test harness', async () => {
  const violations = await violationsOf({
    'packages/bff/src/app.ts':
      "import { harness } from './testing/bff-sandbox.ts'\nexport const app = harness\n",
  })
  expect(violations).toEqual(['production-not-test-helpers'])
})

test('refuses a package importing the sandbox', async () => {
  const violations = await violationsOf({
    'packages/bff/src/app.ts':
      "import { idp } from '../../../sandbox/idp/idp.ts'\nexport const app = idp\n",
  })
  expect(violations).toEqual(['production-not-repository-tools'])
})

test("refuses the sandbox importing a package's internals", async () => {
  const violations = await violationsOf({
    'sandbox/idp/idp.ts':
      "import { rule } from '../../packages/sso-bridge/src/core/rule.ts'\nexport const idp = rule\n",
  })
  expect(violations).toEqual(['sandbox-public-entries-only'])
})

test("refuses our app importing the browser package's internals", async () => {
  const violations = await violationsOf({
    'src/app/router.tsx':
      "import { rule } from '../../packages/sso-bridge/src/core/rule.ts'\nexport const router = rule\n",
  })
  expect(violations).toEqual(['app-public-entries-only'])
})

test("refuses the testing kit's Playwright entry importing our app", async () => {
  const violations = await violationsOf({
    'sandbox/playwright/fixtures.ts':
      "import { router } from '../../src/app/router.tsx'\nexport const fixtures = router\n",
  })
  expect(violations).toEqual(['kit-self-contained'])
})

test('lets a kit test read the repository', async () => {
  const violations = await violationsOf({
    'sandbox/users.test.ts':
      "import { router } from '../src/app/router.tsx'\nexport const t = router\n",
  })
  expect(violations).toEqual([])
})
