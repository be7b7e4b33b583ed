// sso-bridge/react: the React bindings (placeholder; filled as the API lands).
export { ErrorView } from './error-view.tsx'
