// The nginx config of a production sso-bridge: one template for both transports. With `tls` it
// serves https (HTTP/2, HSTS) and redirects plain http to it; without, it is the same config minus
// the TLS-only lines, for local testing. Every header comes from scripts/security-headers.ts, the
// policy `vite preview` applies too. `npm run deploy:nginx` renders deploy/nginx/ and
// docs/production-server.md from here; scripts/nginx-config.test.ts runs the result in nginx.
import { API_PREFIX, AUTH_ROUTES } from '../packages/contract/src/contract.ts'
import { DEFAULT_CALLBACK_PATH } from '../packages/sso-bridge/src/core/return-to.ts'
import {
  ASSETS_PREFIX,
  CACHE_IMMUTABLE,
  CACHE_NONE,
  IMMUTABLE_STATUSES,
  formActionOrigins,
  pageHeaders,
  tlsHeaders,
} from './security-headers.ts'

/** The sign-in (POST): the one BFF request nginx must not send twice. */
const SIGN_IN_PATH = `${API_PREFIX}${AUTH_ROUTES.login}`

export interface NginxConfigOptions {
  /** https (HTTP/2, certificate, HSTS) and a redirect server; false: plain HTTP. Default true. */
  readonly tls?: boolean
  /** `port` or `address:port`; default '443' with tls, else '127.0.0.1:8080'. */
  readonly listen?: string | undefined
  /** TLS only: where plain http is redirected from; default port 80 on the address of `listen`. */
  readonly redirectListen?: string | undefined
  readonly serverName?: string | undefined
  readonly root?: string | undefined
  /** `host:port` of each BFF instance. */
  readonly upstreams?: readonly string[] | undefined
  /** CSP form-action origins; default the portal origins of public/sso.config.json. */
  readonly formActions?: readonly string[] | undefined
  readonly certificate?: string
  readonly certificateKey?: string
  readonly accessLog?: string
  readonly errorLog?: string
  readonly pidFile?: string
  /** false adds `daemon off;`. Default true. */
  readonly daemon?: boolean
  /** Worker user; null omits the directive. Default 'www-data'. */
  readonly user?: string | null
  readonly workerProcesses?: string | number
  /** An existing directory for nginx's temp files; null (default): the compiled-in paths. */
  readonly tempPrefix?: string | null
  /** Requests per kept-alive client connection; null (default): nginx's own 1000. */
  readonly keepaliveRequests?: number | null
}

/** The options whose default depends on another option or on the shipped config. */
type DerivedDefault = 'listen' | 'redirectListen' | 'formActions'

type Defaults = {
  readonly [Name in keyof NginxConfigOptions]-?: Name extends DerivedDefault
    ? NginxConfigOptions[Name]
    : Exclude<NginxConfigOptions[Name], undefined>
}

/** The options of `renderNginxConfig` and their defaults (`listen` depends on `tls`). */
export const NGINX_DEFAULTS: Defaults = Object.freeze({
  tls: true,
  listen: undefined, // '443' with tls, else '127.0.0.1:8080'
  redirectListen: undefined, // tls only: port 80 on the address of `listen`
  serverName: 'sso.example.com',
  root: '/srv/sso-bridge/dist',
  upstreams: Object.freeze(['127.0.0.1:4020', '127.0.0.1:4021']),
  formActions: undefined, // formActionOrigins() of public/sso.config.json
  certificate: '/etc/ssl/sso-bridge/sso-bridge.crt',
  certificateKey: '/etc/ssl/sso-bridge/sso-bridge.key',
  accessLog: '/var/log/nginx/sso-bridge.access.log',
  errorLog: '/var/log/nginx/sso-bridge.error.log',
  pidFile: '/run/nginx-sso-bridge.pid',
  daemon: true,
  user: 'www-data',
  workerProcesses: 'auto',
  tempPrefix: null, // null: nginx's own temp paths (Debian: /var/lib/nginx)
  keepaliveRequests: null, // null: nginx's default (1000 requests per client connection)
})

/** The name of the upstream block of the BFF instances. */
export const UPSTREAM = 'sso_bridge_bff'
/** The name of the access log format, which never carries a callback's code or state. */
export const LOG_FORMAT = 'sso_bridge'

/** A value nginx reads as one word: no space, quote, brace, semicolon or variable. */
function word(name: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[^\s"'{};$\\#]+$/.test(value)) {
    throw new Error(
      `renderNginxConfig: ${name} must be one nginx word, got ${JSON.stringify(value)}`,
    )
  }
  return value
}

function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(
      `renderNginxConfig: ${name} must be a whole number above 0, got ${JSON.stringify(value)}`,
    )
  }
  return value
}

/** `[address:]port`, as `listen` takes it. */
function listenAddress(name: string, value: unknown): string {
  if (
    typeof value !== 'string' ||
    !/^(?:(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):)?\d{1,5}$/.test(value)
  ) {
    throw new Error(
      `renderNginxConfig: ${name} must be a port or address:port, got ${JSON.stringify(value)}`,
    )
  }
  return value
}

/** A header value in double quotes (the policy has none, nor any `$`). */
function quoted(value: string): string {
  if (/["\\$\n]/.test(value)) throw new Error(`renderNginxConfig: cannot quote ${value}`)
  return `"${value}"`
}

function origin(value: string): string {
  const parsed = URL.canParse(value) ? new URL(value) : undefined
  if (parsed?.origin !== value) {
    throw new Error(`renderNginxConfig: formActions must be origins, got ${JSON.stringify(value)}`)
  }
  return value
}

function resolveOptions(options: NginxConfigOptions) {
  const unknown = Object.keys(options).filter((name) => !(name in NGINX_DEFAULTS))
  if (unknown.length > 0) throw new Error(`renderNginxConfig: unknown option ${unknown.join(', ')}`)
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  const o: Defaults = { ...NGINX_DEFAULTS, ...defined }
  const listen = listenAddress('listen', o.listen ?? (o.tls ? '443' : '127.0.0.1:8080'))
  const host = listen.includes(':') ? listen.slice(0, listen.lastIndexOf(':') + 1) : ''
  if (!Array.isArray(o.upstreams) || o.upstreams.length === 0) {
    throw new Error('renderNginxConfig: upstreams must list at least one host:port')
  }
  return {
    tls: o.tls,
    listen,
    port: Number(listen.slice(host.length)),
    redirectListen: listenAddress('redirectListen', o.redirectListen ?? `${host}80`),
    serverNames: o.serverName
      .split(/\s+/)
      .filter(Boolean)
      .map((name) => word('serverName', name)),
    root: word('root', o.root),
    upstreams: o.upstreams.map((u) => listenAddress('upstreams', u)),
    formActions: (o.formActions ?? formActionOrigins()).map(origin),
    certificate: word('certificate', o.certificate),
    certificateKey: word('certificateKey', o.certificateKey),
    accessLog: word('accessLog', o.accessLog),
    errorLog: word('errorLog', o.errorLog),
    pidFile: word('pidFile', o.pidFile),
    daemon: o.daemon,
    user: o.user === null ? null : word('user', o.user),
    workerProcesses: word('workerProcesses', String(o.workerProcesses)),
    tempPrefix: o.tempPrefix === null ? null : word('tempPrefix', o.tempPrefix),
    keepaliveRequests:
      o.keepaliveRequests === null
        ? null
        : positiveInteger('keepaliveRequests', o.keepaliveRequests),
  }
}

/** `add_header` lines, each with `always` so errors carry them too. */
function addHeaders(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([name, value]) => `add_header ${name} ${value} always;`)
}

/** Config lines; a nested array is a block one level deeper. */
type Lines = readonly (string | Lines)[]

/** Indents `lines` (arrays nest one level deeper) by `depth` levels of four spaces. */
function block(lines: Lines, depth: number): string[] {
  return lines.flatMap((line) =>
    typeof line === 'string'
      ? [line === '' ? '' : `${'    '.repeat(depth)}${line}`]
      : block(line, depth + 1),
  )
}

/**
 * A complete nginx main config (user, pid, logs, events, http) for sso-bridge. Options: see
 * NGINX_DEFAULTS and docs/production-server.md.
 */
export function renderNginxConfig(options: NginxConfigOptions = {}): string {
  const o = resolveOptions(options)
  const quote = (headers: Record<string, string>) =>
    Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, quoted(value)]))
  const transport = o.tls ? quote(tlsHeaders()) : {}
  const page = quote(pageHeaders(o.formActions))
  // add_header is not inherited into a location that has its own, so every location lists all
  // of its headers, from these lists.
  const pageLocation = addHeaders({ ...page, 'Cache-Control': quoted(CACHE_NONE), ...transport })
  const assetLocation = addHeaders({ ...page, 'Cache-Control': '$sso_asset_cache', ...transport })
  const apiLocation = addHeaders(transport)
  const apiProxy = [
    `proxy_pass http://${UPSTREAM};`,
    'proxy_http_version 1.1;',
    'proxy_set_header Connection "";',
    'proxy_set_header Host $http_host;',
    'proxy_set_header X-Forwarded-For $remote_addr;',
    'proxy_set_header X-Forwarded-Proto $scheme;',
    'proxy_set_header X-Forwarded-Host $http_host;',
    'proxy_connect_timeout 2s;',
    'gzip off;',
  ]
  const temp = o.tempPrefix
  const redirectTarget =
    o.port === 443 ? 'https://$host$request_uri' : `https://$host:${o.port}$request_uri`

  const lines: Lines = [
    `# sso-bridge: nginx main config, ${o.tls ? 'TLS' : 'plain HTTP (local testing only)'}.`,
    '# Rendered by scripts/nginx-config.ts from the header policy of scripts/security-headers.ts;',
    '# docs/production-server.md explains it.',
    ...(o.user === null ? [] : [`user ${o.user};`]),
    `worker_processes ${o.workerProcesses};`,
    `pid ${o.pidFile};`,
    `error_log ${o.errorLog} warn;`,
    ...(o.daemon ? [] : ['daemon off;']),
    '',
    'events {',
    ['worker_connections 1024;'],
    '}',
    '',
    'http {',
    [
      'include /etc/nginx/mime.types;',
      'default_type application/octet-stream;',
      'types_hash_max_size 2048;',
      'server_tokens off;',
      'sendfile on;',
      'tcp_nopush on;',
      'keepalive_timeout 65s;',
      ...(o.keepaliveRequests === null ? [] : [`keepalive_requests ${o.keepaliveRequests};`]),
      ...(temp === null
        ? []
        : ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
            (kind) => `${kind}_temp_path ${temp}/${kind};`,
          )),
      '',
      'gzip on;',
      'gzip_vary on;',
      'gzip_min_length 1024;',
      'gzip_types application/javascript text/javascript text/css application/json image/svg+xml;',
      '',
      "# The access log never carries a callback's query (its code and state), nor any other",
      '# query naming a code, a state or a token; neither $request, $args nor the Referer is logged.',
      '# (The error log names the request line of a failed request: keep it at warn or above.)',
      'map $request_uri $sso_log_uri {',
      [
        'default $request_uri;',
        `"~^${DEFAULT_CALLBACK_PATH}(\\?.*)?$" ${DEFAULT_CALLBACK_PATH};`,
        '"~*^(?<sso_log_path>[^?]*)\\?(.*&)?[a-z_]*(code|state|token)=" "$sso_log_path?[removed]";',
      ],
      '}',
      `log_format ${LOG_FORMAT} '$remote_addr [$time_iso8601] "$request_method $sso_log_uri $server_protocol" '`,
      [
        "'$status $body_bytes_sent $request_time upstream=$upstream_addr '",
        '\'upstream_status=$upstream_status upstream_time=$upstream_response_time "$http_user_agent"\';',
      ],
      '',
      `# Hashed assets are cached for good only when they exist (${IMMUTABLE_STATUSES.join(', ')}); a 404 never is.`,
      'map $status $sso_asset_cache {',
      [
        `default ${quoted(CACHE_NONE)};`,
        ...IMMUTABLE_STATUSES.map((status) => `${status} ${quoted(CACHE_IMMUTABLE)};`),
      ],
      '}',
      '',
      '# The BFF instances (packages/bff/, docs/deployment.md). More than one needs the shared session',
      '# store. An instance that fails is skipped for fail_timeout.',
      `upstream ${UPSTREAM} {`,
      [
        ...o.upstreams.map((address) => `server ${address} max_fails=1 fail_timeout=10s;`),
        'keepalive 16;',
      ],
      '}',
      ...(o.tls
        ? [
            '',
            '# Plain http only redirects to https.',
            'server {',
            [
              `listen ${o.redirectListen};`,
              `server_name ${o.serverNames.join(' ')};`,
              `access_log ${o.accessLog} ${LOG_FORMAT};`,
              `return 301 ${redirectTarget};`,
            ],
            '}',
          ]
        : []),
      '',
      'server {',
      [
        `listen ${o.listen}${o.tls ? ' ssl http2' : ''};`,
        `server_name ${o.serverNames.join(' ')};`,
        `root ${o.root};`,
        `access_log ${o.accessLog} ${LOG_FORMAT};`,
        ...(o.tls
          ? [
              '',
              `ssl_certificate ${o.certificate};`,
              `ssl_certificate_key ${o.certificateKey};`,
              'ssl_protocols TLSv1.2 TLSv1.3;',
              'ssl_prefer_server_ciphers off;',
              'ssl_session_cache shared:sso_bridge_tls:10m;',
              'ssl_session_timeout 1d;',
              'ssl_session_tickets off;',
            ]
          : []),
        '',
        '# The BFF: it sets its own Cache-Control and nosniff, and checks Host, Origin and',
        '# Sec-Fetch-Site (passed on unchanged). X-Forwarded-For is the peer only: nginx is the edge.',
        '# A request is retried on the next instance only when the one tried failed or timed out',
        '# (refused, reset, crashed while answering). Every BFF POST is safe to send again',
        '# (a sign-in start, a hand-off token, a sign-out) but the sign-in itself: it redeems a',
        '# single-use code, and a second use is what a stolen code looks like to the identity',
        '# provider. That one is retried only when it was not sent.',
        'location /api/ {',
        [...apiLocation, ...apiProxy, 'proxy_next_upstream error timeout non_idempotent;'],
        '}',
        `location = ${SIGN_IN_PATH} {`,
        [...apiLocation, ...apiProxy, 'proxy_next_upstream error timeout;'],
        '}',
        '',
        '# Content-hashed build output.',
        `location ${ASSETS_PREFIX} {`,
        ['try_files $uri =404;', ...assetLocation],
        '}',
        '',
        '# The runtime config: never cached, never the HTML fallback.',
        'location = /sso.config.json {',
        ['try_files $uri =404;', ...pageLocation],
        '}',
        '',
        `# Every app route (/, ${DEFAULT_CALLBACK_PATH}, /handoff/...) is index.html.`,
        'location / {',
        ['try_files $uri /index.html;', ...pageLocation],
        '}',
      ],
      '}',
    ],
    '}',
  ]
  return `${block(lines, 0).join('\n')}\n`
}
