import { Tag } from 'antd';
import { STATE_COLORS, STATE_LABELS, type VersionState } from './labels';

/** A version's state as a tag: its Vietnamese name, the colour only repeats it. */
export function StateTag({ state }: { state: VersionState }) {
  return <Tag color={STATE_COLORS[state]}>{STATE_LABELS[state]}</Tag>;
}
