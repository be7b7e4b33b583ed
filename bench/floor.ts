// `npm run bench:floor`: what the libraries of the signed-in path weigh before any code of ours.
// Each floor is a minimal app built the way our app is (Vite production build, the React plugin,
// ES2022), gzipped at level 9 like the bundle budget: React DOM rendering one element, then with
// React Router's data router, then with TanStack Query reading one query. The signed-in path's
// budget (scripts/bundle-budget.ts) cannot go below the last. Prints numbers; asserts nothing.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const ROOT = join(import.meta.dirname, '..', 'bench-results', 'floor')

/** Each floor: its name and its entry's source. */
const FLOORS: readonly (readonly [string, string])[] = [
  [
    'React DOM',
    `import { createRoot } from 'react-dom/client'
createRoot(document.getElementById('root')!).render(<p>Signed in</p>)`,
  ],
  [
    '+ React Router (createBrowserRouter)',
    `import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
const router = createBrowserRouter([{ path: '/', element: <p>Signed in</p> }])
createRoot(document.getElementById('root')!).render(<RouterProvider router={router} />)`,
  ],
  [
    '+ TanStack Query (one query)',
    `import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
function Home() {
  const session = useQuery({ queryKey: ['session'], queryFn: () => fetch('/api/session').then((r) => r.json()) })
  return <p>{String(session.data)}</p>
}
const router = createBrowserRouter([{ path: '/', element: <Home /> }])
createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}><RouterProvider router={router} /></QueryClientProvider>,
)`,
  ],
]

/** gzip -9 bytes of all the JavaScript one minimal app builds to. */
async function floorOf(index: number, source: string): Promise<number> {
  const dir = join(ROOT, String(index))
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'main.tsx'), source)
  const outDir = join(dir, 'dist')
  await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir, target: 'es2022', rolldownOptions: { input: join(dir, 'main.tsx') } },
  })
  const assets = join(outDir, 'assets')
  const code = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(assets, name)))
  return gzipSync(Buffer.concat(code), { level: 9 }).length
}

console.log(
  'The signed-in path before any code of ours, gzip -9 bytes of a Vite production build:\n',
)
for (const [index, [name, source]] of FLOORS.entries()) {
  const bytes = await floorOf(index, source)
  console.log(`  ${name.padEnd(40)} ${bytes.toLocaleString('en').padStart(8)} B`)
}
