// The kit's Playwright entry (`sso-bridge-sandbox/playwright`): fixtures and page objects for a
// host app's journeys against the sandbox, one stack per worker, and the pieces of its
// playwright.config.ts. Nothing here knows an app: the host's sign-in path is the `sso` option.
export { CHROMIUM_ARGS, CHROMIUM_PATH } from './playwright/chromium.ts'
export {
  sandboxConfig,
  type SandboxAppServer,
  type SandboxConfig,
  type SandboxConfigOptions,
  type SandboxWebServer,
} from './playwright/config.ts'
export {
  SandboxControlClient,
  type Fault,
  type FaultRequest,
  type LoggedRequest,
  type PartyName,
  type SandboxSettings,
} from './playwright/control-client.ts'
export { ErrorViewPage } from './playwright/error-view-page.ts'
export { HandoffQuestionPage } from './playwright/handoff-question-page.ts'
export {
  expect,
  sandboxUser,
  test,
  type SandboxFixtures,
  type SandboxUserRef,
  type SsoOptions,
} from './playwright/fixtures.ts'
export { IdpPage } from './playwright/idp-page.ts'
export { SignInForm } from './playwright/sign-in-form.ts'
export { onThisStack, originOf, stackIndex } from './playwright/stack.ts'
