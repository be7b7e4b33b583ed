import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'
import { afterEach, expect, test } from 'vitest'
import { brandedHtml, brandedShellCss, brandShell, shellBrand, SHELL_CSS } from './brand-shell.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const INDEX_HTML = readFileSync(join(ROOT, 'index.html'), 'utf8')
const SHIPPED = readFileSync(join(ROOT, 'public/sso.config.json'), 'utf8')

const NORTHWIND = {
  productName: 'Northwind Partner Hub',
  logoUrl: '/brand/northwind-logo.svg',
  faviconUrl: '/brand/northwind-favicon.svg',
  colors: { primary: '#0b5cad', header: '#14213d' },
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function configFile(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'brand-shell-'))
  dirs.push(dir)
  const file = join(dir, 'sso.config.json')
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config))
  return file
}

test('the shipped config brands the shell', () => {
  const { branding, problems } = shellBrand(SHIPPED)
  expect(problems).toEqual([])
  const html = brandedHtml(INDEX_HTML, branding)
  expect(html).toContain('<title>Northwind Partner Hub</title>')
  expect(html).toContain(
    '<link rel="icon" href="/brand/northwind-favicon.svg" type="image/svg+xml" />',
  )
  expect(html).toContain(
    '<span class="boot-brand"><img class="boot-logo" src="/brand/northwind-logo.svg" alt="" width="28" height="28" />Northwind Partner Hub</span>',
  )
  expect(html).not.toContain('href="data:,"')
})

test('without branding the shell stays neutral', () => {
  expect(shellBrand('{"apiBase":"/api"}')).toEqual({ branding: undefined, problems: [] })
  expect(brandedHtml(INDEX_HTML, undefined)).toBe(INDEX_HTML)
  expect(INDEX_HTML).toContain('<title>Sign in</title>')
  expect(INDEX_HTML).toContain('<link rel="icon" href="data:," />')
  expect(brandedShellCss('a{}', undefined)).toBe('a{}')
  expect(brandedShellCss('a{}', { productName: 'Hub' })).toBe('a{}')
})

test('a name, logo or favicon of its own: escaped name, optional parts left out', () => {
  const html = brandedHtml(INDEX_HTML, { productName: 'A&B <Hub> "1"', faviconUrl: '/icon.ico' })
  expect(html).toContain('<title>A&#38;B &#60;Hub&#62; &#34;1&#34;</title>')
  expect(html).toContain('<span class="boot-brand">A&#38;B &#60;Hub&#62; &#34;1&#34;</span>')
  expect(html).toContain('<link rel="icon" href="/icon.ico" type="image/x-icon" />')
  expect(html).not.toContain('boot-logo')
  expect(brandedHtml(INDEX_HTML, { productName: 'Hub' })).toContain('href="data:,"')
})

test('an invalid branding leaves the shell neutral and names each bad field', () => {
  const bad = {
    ...NORTHWIND,
    faviconUrl: 'https://cdn.example/icon.svg',
    colors: { primary: '#fff' },
  }
  const { branding, problems } = shellBrand(JSON.stringify({ branding: bad }))
  expect(branding).toBeUndefined()
  expect(problems).toEqual([
    'branding.faviconUrl must be a same-origin path of an .svg, .png or .ico image, like "/brand/favicon.svg"',
    'branding.colors.primary must be a colour like "#0b5cad"',
  ])
  expect(shellBrand('{').problems[0]).toMatch(/^not JSON/)
})

test('an index.html without a part to brand is an error, not a silent neutral shell', () => {
  expect(() => brandedHtml(INDEX_HTML.replace('<title>Sign in</title>', ''), undefined)).toThrow(
    'index.html has no <title>Sign in</title> for the brand',
  )
})

test('the header colours go into the stylesheet, the dark ones with dark text', () => {
  expect(brandedShellCss('', { productName: 'Hub', colors: { primary: '#0b5cad' } })).toContain(
    '.boot {\n  --brand-topbar: #0b5cad;\n}',
  )
  const css = brandedShellCss('', {
    productName: 'Hub',
    colors: {
      primary: '#0b5cad',
      header: '#14213d',
      dark: { primary: '#7db4f5', header: '#c5d4f5' },
    },
  })
  expect(css).toContain(
    '.boot {\n  --brand-topbar: #14213d;\n  --brand-dark-topbar: #c5d4f5;\n  --brand-dark-topbar-ink: #10151f;\n}',
  )
  // A dark primary alone does not repaint the header bar: it keeps the light one, white text.
  expect(
    brandedShellCss('', {
      productName: 'Hub',
      colors: { primary: '#0b5cad', dark: { primary: '#7db4f5' } },
    }),
  ).not.toContain('--brand-dark-topbar')
})

test('the dev server serves the branded page and stylesheet, reading the config on each request', async () => {
  const file = configFile({ branding: NORTHWIND })
  const warnings: string[] = []
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    server: { middlewareMode: true, hmr: false, ws: false },
    plugins: [brandShell({ configFile: file, warn: (line) => warnings.push(line) })],
  })
  try {
    expect(await server.transformIndexHtml('/', INDEX_HTML)).toContain(
      '<title>Northwind Partner Hub</title>',
    )
    const css = await server.transformRequest(`${SHELL_CSS}?direct`)
    expect(css?.code).toContain('--brand-topbar: #14213d')

    writeFileSync(file, JSON.stringify({ branding: { ...NORTHWIND, logoUrl: '/logo.gif' } }))
    const neutral = await server.transformIndexHtml('/', INDEX_HTML)
    expect(neutral).toContain('<title>Sign in</title>')
    expect(warnings).toEqual([
      `brand-shell: ${file}: branding.logoUrl must be a same-origin path of an .svg, .png or .webp image, like "/brand/logo.svg"; shell left neutral`,
    ])
  } finally {
    await server.close()
  }
})
