import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { CONTENT_TEXT, RENDITION_COLORS, TEXT_COLORS } from './file-content';
import type { FileView } from './labels';

/** A tag, with the reason of a failure in a tooltip (reached by keyboard too). */
function StateTag({
  color,
  label,
  error,
}: {
  color: string;
  label: string;
  error: string | null;
}): ReactNode {
  if (!error) return <Tag color={color}>{label}</Tag>;
  return (
    <Tooltip title={`${CONTENT_TEXT.errorPrefix}${error}`}>
      <Tag color={color} tabIndex={0}>
        {label}
      </Tag>
    </Tooltip>
  );
}

/**
 * What became of a file's content: its PDF rendition (Word, ODF, Excel files), and its text when
 * it could not be read for search; "Chạy lại" when `onRetry` is given.
 */
export function FileContentTags({
  file,
  onRetry,
  retrying,
}: {
  file: FileView;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const { content } = file;
  if (!content) return null;
  const { rendition, text } = content;
  return (
    <Flex gap={4} wrap align="center">
      {rendition ? (
        <StateTag
          color={RENDITION_COLORS[rendition.state]}
          label={rendition.stateLabel}
          error={rendition.error}
        />
      ) : null}
      {text.state !== 'ready' ? (
        <StateTag color={TEXT_COLORS[text.state]} label={text.stateLabel} error={text.error} />
      ) : null}
      {onRetry ? (
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={retrying}
          aria-label={CONTENT_TEXT.retryLabel(file.name)}
          onClick={onRetry}
        >
          {CONTENT_TEXT.retry}
        </Button>
      ) : null}
    </Flex>
  );
}
