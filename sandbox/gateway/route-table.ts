// Every route of the gateway, first matching prefix wins. New routes: add them here.
import { abcRoute } from './abc-route.ts'
import { aimbaseRoute } from './aimbase-route.ts'
import { assureSignRoute } from './assuresign-route.ts'
import { indeeRoute } from './indee-route.ts'
import type { GatewayRoute } from './route.ts'

export const GATEWAY_ROUTES: readonly GatewayRoute[] = [
  indeeRoute,
  assureSignRoute,
  aimbaseRoute,
  abcRoute,
]
