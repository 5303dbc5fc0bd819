import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber, periodLabel, targetText } from './objective-labels';
import type { ObjectiveDetail } from './objective-types';

/**
 * Each measurement of the year against the target (a horizontal line). Lives in the objective
 * page's own chunk: recharts is loaded only there. The figures are also in the table below it.
 */
export function ObjectiveChart({ objective }: { objective: ObjectiveDetail }) {
  const data = objective.measurements.map((m) => ({ period: periodLabel(m.period), value: m.value }));
  const values = [...data.map((d) => d.value), objective.target];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min) * 0.1 || Math.abs(max) * 0.05 || 1;
  return (
    <figure style={{ margin: 0 }}>
      <div
        role="img"
        aria-label={`Biểu đồ số liệu ${objective.kpiName} các kỳ năm ${objective.year} so với chỉ tiêu ${targetText(objective)}`}
        style={{ width: '100%', height: 280 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" />
            <YAxis domain={[Math.floor(min - pad), Math.ceil(max + pad)]} />
            <Tooltip formatter={(v) => [`${formatNumber(Number(v))} ${objective.unit}`, objective.kpiName]} />
            <ReferenceLine
              y={objective.target}
              stroke="#cf1322"
              strokeDasharray="6 4"
              label={{
                value: `Chỉ tiêu ${targetText(objective)}`,
                position: 'insideTopRight',
                fill: '#a8071a',
              }}
            />
            <Line
              type="monotone"
              dataKey="value"
              stroke="#0958d9"
              strokeWidth={2}
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption style={{ color: 'rgba(0, 0, 0, 0.68)' }}>
        Đường liền: số liệu từng kỳ; đường gạch: chỉ tiêu {targetText(objective)}.
      </figcaption>
    </figure>
  );
}
