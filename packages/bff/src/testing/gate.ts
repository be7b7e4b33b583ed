// A gate a test opens when it chooses: `opened` resolves once `open` is called. Lets a test hold
// a fake upstream or a store call at a known point instead of sleeping.
export function gate() {
  let open: () => void = () => undefined
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open: () => open() }
}
