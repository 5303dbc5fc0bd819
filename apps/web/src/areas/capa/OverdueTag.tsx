import { ExclamationCircleOutlined } from '@ant-design/icons';
import { ToneTag } from './ToneTag';

/** Marks something past its due date: a red tag with an icon and the words "Quá hạn". */
export function OverdueTag({ detail }: { detail?: string }) {
  return (
    <ToneTag tone="danger" icon={<ExclamationCircleOutlined aria-hidden />}>
      Quá hạn{detail ? `: ${detail}` : ''}
    </ToneTag>
  );
}
