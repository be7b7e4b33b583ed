// Every credential the sandbox holds, in one list, so the build's secret scan
// (scripts/check-dist.ts) can prove none of them reached the browser bundle.
import { idpClientSecret } from './idp/client-registration.ts'
import { indeeApiKey } from './indee/api-key.ts'
import { ABC_SANDBOX_CREDENTIALS } from './vendors/abc/credentials.ts'
import { AIMBASE_SANDBOX_CREDENTIALS } from './vendors/aimbase/credentials.ts'
import { ASSURESIGN_SANDBOX_CREDENTIALS } from './vendors/assuresign/credentials.ts'

export function sandboxSecretValues(): string[] {
  return [
    indeeApiKey(),
    idpClientSecret(),
    ASSURESIGN_SANDBOX_CREDENTIALS.key,
    AIMBASE_SANDBOX_CREDENTIALS.password,
    ABC_SANDBOX_CREDENTIALS.tokenSecret,
    ABC_SANDBOX_CREDENTIALS.clientId,
  ]
}
