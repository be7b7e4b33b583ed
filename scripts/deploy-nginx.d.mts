export const TLS_CONFIG: string
export const HTTP_CONFIG: string
export const PRODUCTION_DOC: string
export const TEST_CERTIFICATE_COMMAND: string
export function testCertificateArgs(certificate?: string, key?: string): string[]

export interface DeployFile {
  /** Relative to the repository. */
  readonly path: string
  readonly text: string
}

export interface DeployOptions {
  /** The runtime config whose portal origins make up form-action; default public/sso.config.json. */
  readonly configPath?: string
  readonly upstreams?: readonly string[]
  readonly serverName?: string
  readonly root?: string
}

export function renderDeployFiles(options?: DeployOptions): Promise<DeployFile[]>
export function staleFiles(files: readonly DeployFile[]): string[]
