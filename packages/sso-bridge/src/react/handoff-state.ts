// The mark of a hand-off started inside the app. Router location state lives in the history entry
// (history.state), which only this origin's script can write: a link on another site, a bookmark
// or a typed address opens the page with no state, so it cannot pass for a click in the app
// (docs/architecture.md §3 "Hand-offs": a hand-off from outside asks first).

/** The router location state of a hand-off the person started inside the app. */
export interface HandoffState {
  readonly 'sso-bridge:handoff': 'in-app'
}

/**
 * Give it as the state of a navigation to a hand-off path (`<Link state={handoffState}>`,
 * `navigate(sso.handoffLink(…), { state: handoffState })`) when the person clicked inside your
 * app: the hand-off then runs at once. Without it the hand-off page first asks whether to
 * continue. `<PartnerLink>` gives it.
 */
export const handoffState: HandoffState = Object.freeze({ 'sso-bridge:handoff': 'in-app' })

/** Whether a location's state marks a hand-off started inside the app (also after a reload). */
export function isInAppHandoff(state: unknown): boolean {
  return (
    typeof state === 'object' &&
    state !== null &&
    Object.hasOwn(state, 'sso-bridge:handoff') &&
    (state as Record<string, unknown>)['sso-bridge:handoff'] === 'in-app'
  )
}
