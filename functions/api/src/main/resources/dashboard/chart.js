// The daily chart, drawn as inline SVG: bars of escalations and SLA breaches per day (left axis) and the SLA
// compliance line (right axis, 0–100 %). No library: a few dozen SVG elements.
import {svg} from './dom.js';

export function dailyChart(days) {
  const W = 720, H = 260, left = 40, right = 44, top = 16, bottom = 44;
  const plotW = W - left - right, plotH = H - top - bottom;
  const maxCount = Math.max(1, ...days.map(d => Math.max(d.escalated, d.slaBreaches)));
  const niceMax = Math.ceil(maxCount / 4) * 4 || 4;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(2, slot * 0.32);
  const yCount = c => top + plotH - plotH * c / niceMax;
  const yShare = s => top + plotH - plotH * s;
  const parts = [];
  for (let i = 0; i <= 4; i++) {
    const v = niceMax * i / 4;
    parts.push(svg('line', {class: 'grid', x1: left, x2: left + plotW, y1: yCount(v), y2: yCount(v)}));
    parts.push(svg('text', {class: 'axis', x: left - 6, y: yCount(v) + 4, 'text-anchor': 'end'}, String(v)));
    parts.push(svg('text', {class: 'axis', x: left + plotW + 6, y: yShare(i / 4) + 4}, (25 * i) + '%'));
  }
  const points = [];
  days.forEach((d, i) => {
    const x = left + slot * i + slot / 2;
    parts.push(svg('rect', {class: 'bar escalated', testid: 'chart-escalated', 'data-day': d.day,
      'data-value': d.escalated, x: x - barW, y: yCount(d.escalated), width: barW,
      height: top + plotH - yCount(d.escalated)}, svg('title', {}, d.day + ': ' + d.escalated + ' escalated')));
    parts.push(svg('rect', {class: 'bar breached', testid: 'chart-breaches', 'data-day': d.day,
      'data-value': d.slaBreaches, x, y: yCount(d.slaBreaches), width: barW,
      height: top + plotH - yCount(d.slaBreaches)}, svg('title', {}, d.day + ': ' + d.slaBreaches + ' SLA breaches')));
    if (i % Math.ceil(days.length / 14) === 0) {
      parts.push(svg('text', {class: 'axis', x, y: top + plotH + 16, 'text-anchor': 'middle'}, d.day.slice(5)));
    }
    if (d.compliance !== null && d.compliance !== undefined) points.push([x, yShare(d.compliance), d]);
  });
  if (points.length > 1) {
    parts.push(svg('polyline', {class: 'compliance', points: points.map(p => p[0] + ',' + p[1]).join(' ')}));
  }
  for (const [x, y, d] of points) {
    parts.push(svg('circle', {class: 'compliance-point', testid: 'chart-compliance', 'data-day': d.day,
      'data-value': d.compliance, cx: x, cy: y, r: 4},
    svg('title', {}, d.day + ': ' + Math.round(d.compliance * 100) + '% solved within SLA (' + d.solvedWithinSla
      + ' of ' + d.solved + ')')));
  }
  const legendY = H - 8;
  parts.push(svg('rect', {class: 'bar escalated', x: left, y: legendY - 9, width: 10, height: 10}));
  parts.push(svg('text', {class: 'legend', x: left + 14, y: legendY}, 'escalations'));
  parts.push(svg('rect', {class: 'bar breached', x: left + 110, y: legendY - 9, width: 10, height: 10}));
  parts.push(svg('text', {class: 'legend', x: left + 124, y: legendY}, 'SLA breaches'));
  parts.push(svg('line', {class: 'compliance', x1: left + 240, x2: left + 256, y1: legendY - 4, y2: legendY - 4}));
  parts.push(svg('text', {class: 'legend', x: left + 260, y: legendY}, 'SLA compliance (right axis)'));
  return svg('svg', {class: 'chart', testid: 'daily-chart', id: 'daily-chart', viewBox: '0 0 ' + W + ' ' + H,
    role: 'img', 'aria-label': 'Escalations, SLA breaches and SLA compliance per day'},
  svg('title', {}, 'Escalations, SLA breaches and SLA compliance per day'), parts);
}
