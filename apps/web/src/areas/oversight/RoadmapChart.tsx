import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OversightSummary } from './oversight-types';

/**
 * Declared, on track and late by roadmap year and level (one bar group each), from the summary.
 * The same figures are in the table under it, for readers who do not see the chart.
 */
export function RoadmapChart({ summary }: { summary: OversightSummary }) {
  const data = summary.groups.map((g) => ({
    group: `${g.roadmapYear ?? '—'} · ${g.levelLabel}`,
    declared: g.declared,
    onTrack: g.onTrack,
    late: g.late,
  }));
  return (
    <figure style={{ margin: 0 }}>
      <div
        role="img"
        aria-label={`Biểu đồ theo năm lộ trình và cấp: đã công bố ${summary.declared}, đúng lộ trình ${summary.onTrack}, chậm lộ trình ${summary.late} trên ${summary.total} cơ quan`}
        style={{ width: '100%', height: 300 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="group" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="declared" name="Đã công bố" fill="#1f6feb" isAnimationActive={false} />
            <Bar dataKey="onTrack" name="Đúng lộ trình" fill="#237804" isAnimationActive={false} />
            <Bar dataKey="late" name="Chậm lộ trình" fill="#a8071a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
