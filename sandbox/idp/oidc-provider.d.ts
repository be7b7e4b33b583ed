// Minimal typings for the parts of oidc-provider 9 the sandbox uses (the package ships none).
declare module 'oidc-provider' {
  type IncomingMessage = import('node:http').IncomingMessage
  type ServerResponse = import('node:http').ServerResponse

  export interface AdapterPayload {
    readonly [key: string]: unknown
    readonly grantId?: string
    readonly uid?: string
    readonly userCode?: string
    consumed?: number
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>
    find(id: string): Promise<AdapterPayload | undefined>
    findByUid(uid: string): Promise<AdapterPayload | undefined>
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>
    consume(id: string): Promise<void>
    destroy(id: string): Promise<void>
    revokeByGrantId(grantId: string): Promise<void>
  }

  export interface Grant {
    readonly jti: string
    readonly accountId: string | undefined
    readonly clientId: string | undefined
    addOIDCScope(scope: string): void
    save(): Promise<string>
  }

  export interface Interaction {
    readonly uid: string
    readonly prompt: { readonly name: string; readonly reasons: readonly string[] }
    readonly params: Readonly<Record<string, unknown>>
    readonly session?: { readonly accountId?: string }
  }

  export interface KoaContextWithOIDC {
    readonly oidc: {
      readonly client?: { readonly clientId: string }
      readonly session?: {
        readonly accountId?: string
        grantIdFor(clientId: string): string | undefined
      }
      readonly params?: Readonly<Record<string, unknown>>
      readonly result?: {
        readonly login?: { readonly accountId: string }
        readonly consent?: { readonly grantId?: string }
      }
      readonly provider: Provider
    }
    type: string
    body: string
    status: number
    set(name: string, value: string): void
  }

  export interface Account {
    readonly accountId: string
    claims(): Promise<Record<string, unknown>> | Record<string, unknown>
  }

  export interface ErrorOut {
    readonly error: string
    readonly error_description?: string
  }

  export interface Configuration {
    readonly [key: string]: unknown
    readonly adapter?: new (model: string) => Adapter
    readonly findAccount?: (
      ctx: KoaContextWithOIDC,
      sub: string,
    ) => Promise<Account | undefined> | Account | undefined
    readonly loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>
    readonly renderError?: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => Promise<void>
  }

  export interface Check {
    readonly reason: string
  }

  export const Check: {
    new (
      reason: string,
      description: string,
      check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>,
    ): Check
    readonly REQUEST_PROMPT: true
    readonly NO_NEED_TO_PROMPT: false
  }

  export interface Prompt {
    readonly name: string
    readonly checks: { add(check: Check): void }
  }

  export interface Policy extends Array<Prompt> {
    get(name: string): Prompt | undefined
  }

  export const interactionPolicy: {
    base(): Policy
    Check: typeof Check
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration)
    readonly issuer: string
    readonly Grant: {
      new (properties: { accountId: string; clientId: string }): Grant
      find(id: string): Promise<Grant | undefined>
    }
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>
    on(event: string, listener: (...args: unknown[]) => void): this
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Readonly<Record<string, unknown>>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>
  }

  export default Provider
}
