// The benchmarks start their servers themselves and wait for each to answer before measuring.

/** Resolves once `url` answers 2xx; throws after `seconds` of asking every 200 ms. */
export async function waitForUrl(url: string, seconds = 20): Promise<void> {
  for (let i = 0; i < seconds * 5; i += 1) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not come up`)
}
