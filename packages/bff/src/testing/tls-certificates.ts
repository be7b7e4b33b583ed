// Throwaway TLS certificates for tests, made with the openssl command: a private CA, and a
// certificate it signed for 127.0.0.1 (what a Redis on loopback presents). Test support only.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestCertificates {
  readonly dir: string
  /** The CA's certificate (PEM file): what a client trusts. */
  readonly caFile: string
  /** The server's certificate and key (PEM files), for 127.0.0.1, signed by the CA. */
  readonly certFile: string
  readonly keyFile: string
}

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] })
}

export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'sso-bridge-tls-'))
  const file = (name: string) => join(dir, name)
  const key = ['-newkey', 'rsa:2048', '-nodes', '-days', '1']
  openssl(
    'req',
    '-x509',
    ...key,
    '-subj',
    '/CN=sso-bridge test CA',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
  )
  openssl(
    'req',
    '-x509',
    ...key,
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-keyout',
    file('server.key'),
    '-out',
    file('server.crt'),
  )
  return { dir, caFile: file('ca.crt'), certFile: file('server.crt'), keyFile: file('server.key') }
}
