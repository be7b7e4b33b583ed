// The types of scripts/pack.mjs for the TypeScript that imports it.
/** The browser package's tarball, .pack/sso-bridge.tgz. */
export declare const TARBALL: string
/** The BFF's tarball, .pack/sso-bridge-bff.tgz. */
export declare const BFF_TARBALL: string
/** The testing kit's tarball, .pack/sso-bridge-sandbox.tgz. */
export declare const KIT_TARBALL: string
