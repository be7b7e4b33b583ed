// A free loopback port, for test servers (the sandbox's own helper). Test support only.
export { freePort } from '../../../../sandbox/lib/free-port.ts'
