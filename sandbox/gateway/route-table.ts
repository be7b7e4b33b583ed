// Every route of the gateway, first matching prefix wins. New routes: add them here.
import { indeeRoute } from './indee-route.ts'
import type { GatewayRoute } from './route.ts'

export const GATEWAY_ROUTES: readonly GatewayRoute[] = [indeeRoute]
