import { render, screen } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { AppShell, brandStyle } from './app-shell.tsx'

afterEach(() => {
  document.head.querySelectorAll('link[rel="icon"]').forEach((link) => link.remove())
})

/** index.html's neutral icon link, as the build leaves it without a favicon. */
function neutralIcon(): HTMLLinkElement {
  const link = document.createElement('link')
  link.rel = 'icon'
  link.href = 'data:,'
  document.head.append(link)
  return link
}

test('the brand favicon replaces the page icon', () => {
  const link = neutralIcon()
  render(
    <AppShell branding={{ productName: 'Hub', faviconUrl: '/brand/northwind-favicon.svg' }}>
      page
    </AppShell>,
  )
  expect(link.getAttribute('href')).toBe('/brand/northwind-favicon.svg')
  expect(document.head.querySelectorAll('link[rel="icon"]')).toHaveLength(1)
})

test('without a favicon the page icon is left as index.html has it', () => {
  const link = neutralIcon()
  render(<AppShell branding={{ productName: 'Hub' }}>page</AppShell>)
  expect(link.getAttribute('href')).toBe('data:,')
})

test('the brand colours become custom properties for both colour schemes', () => {
  render(
    <AppShell
      branding={{
        productName: 'Hub',
        colors: {
          primary: '#0b5cad',
          header: '#14213d',
          dark: { primary: '#7db4f5', header: '#c5d4f5' },
        },
      }}
    >
      page
    </AppShell>,
  )
  const style = screen.getByRole('main').parentElement?.style
  expect(style?.getPropertyValue('--brand-accent')).toBe('#0b5cad')
  expect(style?.getPropertyValue('--brand-topbar')).toBe('#14213d')
  expect(style?.getPropertyValue('--brand-dark-accent')).toBe('#7db4f5')
  expect(style?.getPropertyValue('--brand-dark-topbar')).toBe('#c5d4f5')
  // Dark text on the light dark-scheme header bar: the dark page colour.
  expect(style?.getPropertyValue('--brand-dark-topbar-ink')).toBe('#10151f')
})

test('light colours only: the dark scheme keeps its own accent and the light header bar', () => {
  expect(brandStyle({ primary: '#0b5cad' })).toEqual({
    '--brand-accent': '#0b5cad',
    '--brand-topbar': '#0b5cad',
  })
  expect(brandStyle({ primary: '#0b5cad', dark: { primary: '#7db4f5' } })).toEqual({
    '--brand-accent': '#0b5cad',
    '--brand-topbar': '#0b5cad',
    '--brand-dark-accent': '#7db4f5',
  })
  expect(brandStyle(undefined)).toBeUndefined()
})
