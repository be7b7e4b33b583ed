import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { describeError } from '../core/error-messages.ts'
import { SsoError } from '../core/errors.ts'
import { lazyView } from './lazy-view.tsx'
import { ErrorView, preloadViews } from './lazy-views.tsx'

function Greeting({ name }: { readonly name: string }) {
  return <p>Hello {name}</p>
}

test('a lazy view shows its component once the code arrives, and at once after that', async () => {
  let arrive: (component: typeof Greeting) => void = () => undefined
  const load = vi.fn(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)))
  const { View } = lazyView('Greeting', load)
  const first = render(<View name="Ada" />)
  expect(first.container).toBeEmptyDOMElement()
  arrive(Greeting)
  expect(await screen.findByText('Hello Ada')).toBeInTheDocument()
  first.unmount()
  // Already loaded: the first render has it, with no empty frame before it.
  const second = render(<View name="Grace" />)
  expect(second.container).toHaveTextContent('Hello Grace')
  expect(load).toHaveBeenCalledTimes(1)
})

test('preloading loads the code once, before any view asks for it', async () => {
  const load = vi.fn(() => Promise.resolve(Greeting))
  const { View, preload } = lazyView('Greeting', load)
  await Promise.all([preload(), preload()])
  const { container } = render(<View name="Ada" />)
  expect(container).toHaveTextContent('Hello Ada')
  expect(load).toHaveBeenCalledTimes(1)
})

test('code that cannot be loaded leaves an alert with a way to try again, and the next use asks again', async () => {
  const load = vi
    .fn<() => Promise<typeof Greeting>>()
    .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
    .mockResolvedValueOnce(Greeting)
  const { View } = lazyView('Greeting', load)
  const first = render(<View name="Ada" />)
  expect(await screen.findByRole('alert')).toHaveTextContent('This page could not be loaded')
  expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  first.unmount()
  render(<View name="Ada" />)
  expect(await screen.findByText('Hello Ada')).toBeInTheDocument()
  expect(load).toHaveBeenCalledTimes(2)
})

test('the default error view is loaded on first use and shows the error it is given', async () => {
  await preloadViews()
  const run = vi.fn()
  render(
    <ErrorView
      error={describeError(new SsoError('timeout', 'no answer'))}
      action={{ label: 'Try again', run }}
    />,
  )
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
    'The sign-in service took too long to answer',
  )
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
  expect(run).toHaveBeenCalledOnce()
})
