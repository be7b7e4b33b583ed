// A loopback port nothing listens on right now: the OS's pick for port 0. The kit gives it to a
// BFF asked to start on port 0; tests give it to servers that take a port number only.
import net from 'node:net'
import { HOST } from '../ports.ts'

/** A port that was free a moment ago (the OS's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}
