import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { QUERY_MAX_LENGTH, SEARCH_TEXT, searchPath } from './labels';

/**
 * The box in the frame's header: Enter opens the search screen with what was typed. A plain form
 * and input, not antd's Input.Search: the frame is on every first screen, under its size budget.
 */
export function HeaderSearch() {
  const navigate = useNavigate();
  return (
    <form
      role="search"
      aria-label={SEARCH_TEXT.headerLabel}
      style={{ display: 'flex', alignItems: 'center' }}
      onSubmit={(event) => {
        event.preventDefault();
        const typed = new FormData(event.currentTarget).get('q');
        const q = typeof typed === 'string' ? typed.trim() : '';
        if (q) void navigate(searchPath(q));
      }}
    >
      <input
        type="search"
        name="q"
        aria-label={SEARCH_TEXT.headerLabel}
        placeholder={SEARCH_TEXT.headerPlaceholder}
        maxLength={QUERY_MAX_LENGTH}
        style={{
          width: 280,
          height: 32,
          padding: '4px 11px',
          font: 'inherit',
          fontSize: 14,
          border: '1px solid #d9d9d9',
          borderRight: 0,
          borderRadius: '6px 0 0 6px',
          lineHeight: 1.5,
        }}
      />
      <button
        type="submit"
        aria-label={SEARCH_TEXT.submit}
        style={{
          height: 32,
          width: 40,
          border: '1px solid #d9d9d9',
          borderRadius: '0 6px 6px 0',
          background: '#fafafa',
          color: 'rgba(0, 0, 0, 0.88)',
          cursor: 'pointer',
        }}
      >
        <SearchOutlined aria-hidden />
      </button>
    </form>
  );
}
