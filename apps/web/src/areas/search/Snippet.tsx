import { Fragment } from 'react';
import type { SnippetPart } from './labels';

/**
 * The words around the matches, the matching words marked. Built from text parts as React
 * elements: what a file holds is shown as text, never read as HTML.
 */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  if (!parts.length) return null;
  return (
    <p style={{ margin: 0, lineHeight: 1.6 }} data-testid="search-snippet">
      {parts.map((part, i) =>
        part.hit ? (
          <mark key={i} style={{ background: '#fff1b8', color: 'inherit', padding: '0 1px' }}>
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </p>
  );
}
