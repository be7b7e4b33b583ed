import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { parseRuntimeConfig } from '../partners/runtime-config.ts'
import { ConfigErrorView } from './config-error-view.tsx'

test('lists every bad field of the runtime config by its path, with the code as text', () => {
  const result = parseRuntimeConfig({ apiBase: 'https://api.example', requestTimeoutMs: 0 })
  if (result.ok) throw new Error('expected an invalid config')
  render(<ConfigErrorView issues={result.issues} />)
  const items = screen.getAllByRole('listitem').map((item) => item.textContent)
  expect(items).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^apiBase: must be a same-origin path/),
      expect.stringMatching(/^requestTimeoutMs: /),
      expect.stringMatching(/^identityProvider: /),
      expect.stringMatching(/^partners: /),
    ]),
  )
  expect(items).toHaveLength(result.issues.length)
  expect(screen.getByTestId('error-code')).toHaveTextContent('config_invalid')
  expect(screen.getByRole('alert')).toBeInTheDocument()
})
