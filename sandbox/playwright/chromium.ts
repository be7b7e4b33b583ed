// How the journeys and the benchmark launch Debian's Chromium (a Playwright browser download
// is not possible here). Without the background-networking flags Chromium keeps trying to
// reach Google's hosts, which this machine refuses.
export const CHROMIUM_PATH = '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
