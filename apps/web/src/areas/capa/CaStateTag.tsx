import { CA_STATE_LABELS, CA_STATE_TONES } from './capa-labels';
import type { CorrectiveActionState } from './capa-types';
import { ToneTag } from './ToneTag';

/** The state of a corrective action as a tag with its Vietnamese name (never colour only). */
export function CaStateTag({ state, label }: { state: CorrectiveActionState; label?: string }) {
  return <ToneTag tone={CA_STATE_TONES[state]}>{label ?? CA_STATE_LABELS[state]}</ToneTag>;
}
