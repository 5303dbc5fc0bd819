import { FileTextOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import { AppLink } from '../../ui/AppLink';
import { formatDate } from '../../ui/dates';
import { StateTag } from '../documents/StateTag';
import { STATE_LABELS, TYPE_LABELS, type DocumentType, type VersionState } from '../documents/labels';
import { RECORD_STATE_COLORS, RECORD_STATE_LABELS } from '../records/labels';
import { StatusTag } from '../records/StatusTag';
import type { RecordState } from '../records/types';
import { SEARCH_TEXT, hitLink, type SearchHit } from './labels';
import { Snippet } from './Snippet';

const secondary = { color: 'rgba(0, 0, 0, 0.68)' };

function HitState({ hit }: { hit: SearchHit }) {
  if (hit.scope === 'records') {
    const state = hit.state as RecordState;
    return state in RECORD_STATE_LABELS ? (
      <StatusTag tone={RECORD_STATE_COLORS[state]}>{RECORD_STATE_LABELS[state]}</StatusTag>
    ) : null;
  }
  const state = hit.state as VersionState;
  return state in STATE_LABELS ? <StateTag state={state} /> : null;
}

/** The facts of a hit beside its state: agency, kind, issue or revision, date. */
function facts(hit: SearchHit, recordTypeName?: string): string[] {
  const items = [hit.agencyName];
  if (hit.scope === 'documents') {
    if (hit.type && hit.type in TYPE_LABELS) items.push(TYPE_LABELS[hit.type as DocumentType]);
    if (hit.issueNumber !== null) items.push(SEARCH_TEXT.issue(hit.issueNumber));
    else if (hit.revision !== null) items.push(SEARCH_TEXT.revision(hit.revision));
    if (hit.date) items.push(`${SEARCH_TEXT.effectiveFrom} ${formatDate(hit.date)}`);
  } else {
    if (recordTypeName) items.push(recordTypeName);
    if (hit.date) items.push(`${SEARCH_TEXT.recordDate} ${formatDate(hit.date)}`);
  }
  return items.filter(Boolean);
}

/** One hit: its code and title opening it, where it comes from, the file, the words found. */
export function SearchHitItem({ hit, recordTypeName }: { hit: SearchHit; recordTypeName?: string }) {
  const name = hit.code ? `${hit.code} — ${hit.title}` : hit.title;
  return (
    <li
      style={{
        listStyle: 'none',
        padding: '12px 16px',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        background: '#fff',
      }}
    >
      <Flex vertical gap={6}>
        <h2 style={{ fontSize: 16, fontWeight: 600, margin: 0 }}>
          <AppLink to={hitLink(hit)}>{name}</AppLink>
        </h2>
        <Flex gap={8} wrap align="center" style={secondary}>
          <HitState hit={hit} />
          <span>{facts(hit, recordTypeName).join(' · ')}</span>
        </Flex>
        <div style={secondary}>
          <FileTextOutlined aria-hidden /> {SEARCH_TEXT.file}: {hit.file.name}
        </div>
        <Snippet parts={hit.snippet} />
      </Flex>
    </li>
  );
}
