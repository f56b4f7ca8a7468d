// The colour each status wears in the Admin UI (lists and the story page), in the tones of
// Keystone's design system. Pure: shared by the server-side config and the Admin UI views.
import type { Status } from './transitions'

export type StatusTone = 'neutral' | 'pending' | 'positive' | 'caution' | 'critical'

export const statusTones: Record<Status, StatusTone> = {
  draft: 'neutral',
  in_review: 'pending',
  published: 'positive',
  unpublished: 'caution',
  killed: 'critical',
}
