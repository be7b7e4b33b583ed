// Types of serve.mjs for the benchmark's TypeScript (bench/main.ts).
export declare const PEER_DIR: string
export declare const PEER_ACCOUNT: { readonly email: string; readonly password: string }
export declare function preparePeer(options?: {
  log?: (line: string) => void
  idpPort?: number
}): Promise<void>
export declare function startPeer(options?: { appPort?: number; idpPort?: number }): Promise<{
  appOrigin: string
  issuer: string
  close(): Promise<void>
}>
