// The types of scripts/example-host-app.mjs for the TypeScript that imports it.
/** `NAME=URL` of the example host app's callback, as `--app` and SSO_SANDBOX_APPS take it. */
export declare const EXAMPLE_HOST_APP: string
