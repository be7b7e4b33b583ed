// What a request's answer meant, noted while it is answered and read once it has gone (metrics
// and the audit trail in onResponse hooks): the BFF error code it answered, and who it was for.
import type { FastifyReply, FastifyRequest } from 'fastify'

interface Note {
  code?: string
  email?: string
}

const notes = new WeakMap<FastifyRequest, Note>()

function noteOf(request: FastifyRequest): Note {
  let note = notes.get(request)
  if (note === undefined) {
    note = {}
    notes.set(request, note)
  }
  return note
}

/** The answer is the BFF's error `code` (or another outcome of a closed set, e.g. provider_error). */
export function noteCode(request: FastifyRequest, code: string): void {
  noteOf(request).code = code
}

/** The request is for the person with `email` (from their session, or the sign-in they started). */
export function noteEmail(request: FastifyRequest, email: string): void {
  noteOf(request).email = email
}

export function notedEmail(request: FastifyRequest): string | undefined {
  return notes.get(request)?.email
}

/**
 * The outcome of an answered request, for labels and events: the code noted, else `ok` for a
 * success, else `http_<status>` (a partner's own refusal in its vendor's shape).
 */
export function outcomeOf(reply: FastifyReply): string {
  const code = notes.get(reply.request)?.code
  if (code !== undefined) return code
  return reply.statusCode < 400 ? 'ok' : `http_${reply.statusCode}`
}
