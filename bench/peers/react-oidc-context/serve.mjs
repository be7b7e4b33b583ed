// Installs, builds and serves the peer app for the side-by-side benchmark (npm run bench).
// Plain ESM for Node 20; nothing from the peer's own node_modules is imported before preparePeer
// has installed it.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { get } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export { ACCOUNT as PEER_ACCOUNT } from './provider.mjs'

/** The absolute path of this folder. */
export const PEER_DIR = dirname(fileURLToPath(import.meta.url))

const DIST_HTML = join(PEER_DIR, 'dist', 'index.html')
const LOCK = join(PEER_DIR, 'package-lock.json')
// npm writes this last when it installs, so it dates the install as a whole.
const INSTALLED = join(PEER_DIR, 'node_modules', '.package-lock.json')
const VITE = join(PEER_DIR, 'node_modules', '.bin', 'vite')

const idpOriginFor = (idpPort) => `http://127.0.0.1:${idpPort}`

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -Infinity)

/** The newest modification time of the files the build reads. */
function newestSource() {
  const files = ['index.html', 'vite.config.mjs', 'package.json', 'package-lock.json'].map((f) =>
    join(PEER_DIR, f),
  )
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else files.push(path)
    }
  }
  walk(join(PEER_DIR, 'src'))
  return Math.max(...files.map(mtime))
}

/** Whether the built JavaScript talks to this IdP origin (it is fixed at build time). */
function builtFor(idpOrigin) {
  const assets = join(PEER_DIR, 'dist', 'assets')
  if (!existsSync(assets)) return false
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .some((name) => {
      const text = readFileSync(join(assets, name), 'utf8')
      return ['"', "'", '`'].some((quote) => text.includes(`${quote}${idpOrigin}${quote}`))
    })
}

/** The environment without the npm_* variables of an enclosing `npm run`, and without colours. */
function cleanEnv(extra = {}) {
  const kept = Object.entries(process.env).filter(
    ([key]) => !key.startsWith('npm_') && key !== 'FORCE_COLOR',
  )
  return { ...Object.fromEntries(kept), NO_COLOR: '1', ...extra }
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PEER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) =>
      reject(new Error(`peer: could not run ${command} in ${PEER_DIR}: ${error.message}`)),
    )
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(output)
      // eslint-disable-next-line no-control-regex -- the colour codes some tools print regardless
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '')
      const tail = plain.trim().split('\n').slice(-30).join('\n')
      reject(
        new Error(
          `peer: \`${[command, ...args].join(' ')}\` failed in ${PEER_DIR} (${signal ?? `exit ${code}`}):\n${tail}`,
        ),
      )
    })
  })
}

/**
 * Installs the peer's dependencies (npm ci) when node_modules is missing or older than the lock,
 * and builds it (vite build) when dist/ is missing, older than a source file, or built for another
 * IdP origin. Says what it does through `log`.
 * @param {{ log?: (line: string) => void, idpPort?: number }} [options]
 */
export async function preparePeer({ log = console.log, idpPort = 4186 } = {}) {
  if (mtime(INSTALLED) < mtime(LOCK)) {
    log(`peer: npm ci in ${PEER_DIR}`)
    const started = Date.now()
    await run('npm', ['ci', '--no-audit', '--no-fund'], cleanEnv())
    log(`peer: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  const idpOrigin = idpOriginFor(idpPort)
  if (mtime(DIST_HTML) < newestSource() || !builtFor(idpOrigin)) {
    log(`peer: vite build (IdP ${idpOrigin})`)
    const started = Date.now()
    await run(VITE, ['build'], cleanEnv({ VITE_PEER_IDP_ORIGIN: idpOrigin }))
    if (!builtFor(idpOrigin)) throw new Error(`peer: the build does not name ${idpOrigin}`)
    log(`peer: built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
}

/**
 * The HTTP status of a GET, or 0 when nothing answers. node:http rather than fetch, which refuses
 * the Fetch standard's "bad ports" should a caller pick one (4190, ManageSieve, is one).
 */
function statusOf(url) {
  return new Promise((resolve) => {
    const request = get(url, { timeout: 2000 }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    request.on('timeout', () => request.destroy())
    request.on('error', () => resolve(0))
  })
}

async function waitFor(url, gone, deadline) {
  for (;;) {
    const reason = gone()
    if (reason) throw new Error(reason)
    if ((await statusOf(url)) === 200) return
    if (Date.now() > deadline) throw new Error(`${url} did not answer in time`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Starts the peer IdP and the peer app's production build (vite preview), both on 127.0.0.1, and
 * resolves once both answer. Run preparePeer first.
 * @param {{ appPort?: number, idpPort?: number }} [options]
 * @returns {Promise<{ appOrigin: string, issuer: string, close(): Promise<void> }>}
 */
export async function startPeer({ appPort = 4185, idpPort = 4186 } = {}) {
  const appOrigin = `http://127.0.0.1:${appPort}`
  if (!existsSync(DIST_HTML) || !builtFor(idpOriginFor(idpPort))) {
    throw new Error(`peer: no build for IdP port ${idpPort} in ${PEER_DIR}; run preparePeer first`)
  }

  // In a process of its own, as sso-bridge's sandbox runs in the benchmark: neither identity
  // provider shares an event loop with the Playwright client.
  const issuer = idpOriginFor(idpPort)
  const idp = spawn(
    process.execPath,
    [join(PEER_DIR, 'provider.mjs'), String(idpPort), appOrigin],
    {
      cwd: PEER_DIR,
      env: cleanEnv(),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  const idpExited = new Promise((resolve) => idp.once('exit', resolve))
  const idpGone = () =>
    idp.exitCode === null && idp.signalCode === null
      ? ''
      : `the peer IdP exited (${idp.exitCode ?? idp.signalCode})`

  const args = ['preview', '--host', '127.0.0.1', '--port', String(appPort), '--strictPort']
  const preview = spawn(VITE, args, {
    cwd: PEER_DIR,
    env: cleanEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let failed = ''
  preview.stdout.on('data', (chunk) => (output += chunk))
  preview.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise((resolve) => {
    preview.once('exit', resolve)
    preview.once('error', (error) => {
      failed = `could not run ${VITE}: ${error.message}`
      resolve()
    })
  })
  const running = () => !failed && preview.exitCode === null && preview.signalCode === null
  const previewGone = () =>
    failed || (running() ? '' : `vite preview exited (${preview.exitCode ?? preview.signalCode})`)
  const killGroup = (signal) => {
    try {
      process.kill(-preview.pid, signal)
    } catch {
      // already gone
    }
  }
  const onExit = () => {
    killGroup('SIGKILL')
    idp.kill('SIGKILL')
  }
  process.once('exit', onExit)

  let closing
  const close = () =>
    (closing ??= (async () => {
      process.off('exit', onExit)
      if (running()) {
        killGroup('SIGTERM')
        const timer = setTimeout(() => killGroup('SIGKILL'), 3000)
        await exited
        clearTimeout(timer)
      }
      if (!idpGone()) {
        idp.kill('SIGTERM')
        await idpExited
      }
    })())

  try {
    const deadline = Date.now() + 20_000
    await Promise.all([
      waitFor(`${appOrigin}/`, previewGone, deadline),
      waitFor(`${issuer}/.well-known/openid-configuration`, idpGone, deadline),
    ])
  } catch (error) {
    await close()
    throw new Error(`peer: the peer on ${appOrigin} did not start: ${error.message}\n${output}`, {
      cause: error,
    })
  }

  return { appOrigin, issuer, close }
}
