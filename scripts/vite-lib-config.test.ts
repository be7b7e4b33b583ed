import { expect, test } from 'vitest'
import { isExternal, packageOf } from '../vite.lib.config.ts'

test('a specifier names its package, scoped or not, with or without a subpath', () => {
  expect(packageOf('react/jsx-runtime')).toBe('react')
  expect(packageOf('zod/mini')).toBe('zod')
  expect(packageOf('@tanstack/react-query')).toBe('@tanstack/react-query')
  expect(packageOf('@tanstack/react-query/build/x')).toBe('@tanstack/react-query')
})

test('dependencies and peer dependencies stay external, subpaths included', () => {
  for (const id of ['react', 'react/jsx-runtime', 'zod/mini', 'react-router-dom']) {
    expect(isExternal(id)).toBe(true)
  }
  expect(isExternal('@tanstack/react-query')).toBe(true)
})

test("the library's own files are bundled", () => {
  expect(isExternal('./errors.ts')).toBe(false)
  expect(isExternal('/work/src/core/errors.ts')).toBe(false)
  expect(isExternal('\0virtual')).toBe(false)
})

test('a package that is neither a dependency nor a peer stops the build', () => {
  expect(() => isExternal('left-pad', 'src/core/x.ts')).toThrow(
    'src/core/x.ts imports "left-pad", which is neither a dependency nor a peer dependency',
  )
  expect(() => isExternal('node:fs')).toThrow(/neither a dependency/)
  expect(() => isExternal('sso-bridge/core', 'src/react/x.ts')).toThrow(/by its relative path/)
})
