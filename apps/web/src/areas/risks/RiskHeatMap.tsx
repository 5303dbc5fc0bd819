import { LEVEL_STYLES } from './LevelTag';
import type { RiskHeatMap as HeatMap } from './risk-types';

const LIKELIHOODS = [1, 2, 3, 4, 5];
const IMPACTS = [5, 4, 3, 2, 1];

/** Read by screen readers, not shown: the cell's full name around its visible count and level. */
const SR_ONLY = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

const cellButton = {
  width: '100%',
  minHeight: 52,
  border: '1px solid',
  borderRadius: 6,
  cursor: 'pointer',
  position: 'relative',
  font: 'inherit',
  lineHeight: 1.3,
  padding: '4px 2px',
} as const;

/**
 * The 5×5 heat map as a table: rows are impact 5 → 1 ("Mức độ ảnh hưởng"), columns likelihood
 * 1 → 5 ("Khả năng xảy ra"). Each cell is a button showing its count and its level in words (the
 * colour only helps); pressing it filters the list to that cell, pressing it again clears it.
 */
export function RiskHeatMap({
  data,
  selected,
  onSelect,
}: {
  data: HeatMap;
  selected: { likelihood?: number; impact?: number };
  onSelect: (cell: { likelihood: number; impact: number } | null) => void;
}) {
  const cellOf = (likelihood: number, impact: number) =>
    data.cells.find((c) => c.likelihood === likelihood && c.impact === impact);
  return (
    <table style={{ borderCollapse: 'separate', borderSpacing: 4, width: '100%', maxWidth: 620 }}>
      <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>
        Bản đồ nhiệt: số mục đang theo dõi theo khả năng xảy ra và mức độ ảnh hưởng
      </caption>
      <thead>
        <tr>
          <td rowSpan={2} />
          <th scope="colgroup" colSpan={5} style={{ fontWeight: 600 }}>
            Khả năng xảy ra
          </th>
        </tr>
        <tr>
          {LIKELIHOODS.map((l) => (
            <th key={l} scope="col" style={{ fontWeight: 500 }}>
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {IMPACTS.map((impact, row) => (
          <tr key={impact}>
            <th
              scope="row"
              style={{ fontWeight: 500, whiteSpace: 'nowrap', textAlign: 'right', paddingRight: 6 }}
            >
              {row === 0 ? <span style={{ display: 'block', fontWeight: 600 }}>Mức độ ảnh hưởng</span> : null}
              {impact}
            </th>
            {LIKELIHOODS.map((likelihood) => {
              const cell = cellOf(likelihood, impact);
              if (!cell) return <td key={likelihood} />;
              const pressed = selected.likelihood === likelihood && selected.impact === impact;
              const style = LEVEL_STYLES[cell.level];
              return (
                <td key={likelihood} style={{ padding: 0 }}>
                  <button
                    type="button"
                    aria-pressed={pressed}
                    data-testid={`heat-${likelihood}-${impact}`}
                    onClick={() => onSelect(pressed ? null : { likelihood, impact })}
                    style={{
                      ...cellButton,
                      color: style.color,
                      background: style.background,
                      borderColor: pressed ? '#141414' : style.borderColor,
                      outline: pressed ? '2px solid #141414' : undefined,
                    }}
                  >
                    <span
                      style={SR_ONLY}
                    >{`Khả năng xảy ra ${likelihood}, mức độ ảnh hưởng ${impact}: `}</span>
                    <span data-part="count" style={{ fontSize: 18, fontWeight: 700 }}>
                      {cell.count}
                    </span>
                    <span style={SR_ONLY}> mục, mức</span>
                    <br />
                    <span style={{ fontSize: 12 }}>{cell.levelLabel}</span>
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
