// Escalation reviews (GET /reports/reviews, last 30 days): per agent and per root cause, with SVG bars (the CSP
// forbids inline styles; SVG attributes are not styles). CSV: GET /reports/reviews/{view}?format=csv.
import {api} from './api.js';
import {el, svg, replace} from './dom.js';

function bar(value, max) {
  const width = max > 0 ? Math.round(120 * value / max) : 0;
  return svg('svg', {width: '120', height: '10', 'aria-hidden': 'true'},
    svg('rect', {class: 'bar escalated', x: '0', y: '0', width: String(width), height: '10'}));
}

function percent(share) {
  return share === null || share === undefined ? '–' : Math.round(100 * share) + '%';
}

function agentsTable(agents) {
  const max = Math.max(0, ...agents.map(a => a.escalated));
  return el('table', {testid: 'review-agents'},
    el('thead', {}, el('tr', {}, ...['Team', 'Agent', 'Handled', 'Escalated', '', 'Rate', 'Team rate', 'Reopen',
      'SLA', 'Rating'].map(h => el('th', {}, h)))),
    el('tbody', {}, ...agents.map(a => el('tr', {},
      el('td', {}, a.team), el('td', {}, a.agent), el('td', {}, String(a.handled)),
      el('td', {}, String(a.escalated)), el('td', {}, bar(a.escalated, max)),
      el('td', {}, percent(a.escalationRate)), el('td', {}, percent(a.teamEscalationRate)),
      el('td', {}, percent(a.reopenRate)), el('td', {}, percent(a.slaCompliance)),
      el('td', {}, a.satisfaction === null ? '–' : String(a.satisfaction))))));
}

function causesTable(causes) {
  const max = Math.max(0, ...causes.map(c => c.total));
  return el('table', {testid: 'review-causes'},
    el('thead', {}, el('tr', {}, ...['Root cause', 'Tickets', ''].map(h => el('th', {}, h)))),
    el('tbody', {}, ...causes.map(c => el('tr', {}, el('td', {}, c.cause), el('td', {}, String(c.total)),
      el('td', {}, bar(c.total, max))))));
}

export async function reviewsInto(box) {
  try {
    const r = await api('/reports/reviews');
    replace(box, el('p', {class: 'muted small'}, r.from + ' to ' + r.to), agentsTable(r.agents),
      causesTable(r.rootCauses));
  } catch (e) {
    replace(box, el('p', {class: 'error'}, 'The reviews could not be read.'));
  }
}
