// Escalation reviews (GET /reports/reviews?from=&to=&team=; the last 30 days and every team until the picker says
// otherwise): per agent, customer, category and root cause, with SVG bars (the CSP forbids inline styles; SVG
// attributes are not styles). CSV: GET /reports/reviews/{view}?format=csv.
import {api} from './api.js';
import {el, svg, replace, ticketLink} from './dom.js';

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
    el('thead', {}, el('tr', {}, ...['Team', 'Agent', 'Handled', 'Escalated', '', 'Rate', 'Team rate', 'Settled',
      'Feedback: needed', 'complete', 'Reopen', 'SLA', 'Rating'].map(h => el('th', {}, h)))),
    el('tbody', {}, ...agents.map(a => el('tr', {},
      el('td', {}, a.team), el('td', {}, a.agent), el('td', {}, String(a.handled)),
      el('td', {}, String(a.escalated)), el('td', {}, bar(a.escalated, max)),
      el('td', {}, percent(a.escalationRate)), el('td', {}, percent(a.teamEscalationRate)),
      el('td', {}, String(a.escalationsSettled)), el('td', {}, percent(a.feedbackNeededRate)),
      el('td', {}, percent(a.feedbackCompleteRate)), el('td', {}, percent(a.reopenRate)), el('td', {}, percent(a.slaCompliance)),
      el('td', {}, a.satisfaction === null ? '–' : String(a.satisfaction))))));
}

// every month of the period, so a month without the cause shows as an empty slot of the trend
function monthsOf(from, to) {
  const months = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7);) {
    months.push(m);
    const [y, mo] = m.split('-').map(Number);
    m = mo === 12 ? (y + 1) + '-01' : y + '-' + String(mo + 1).padStart(2, '0');
  }
  return months;
}

// The cause's trend: a bar per month of the period, with its count as the bar's title.
function trend(byMonth, months) {
  const max = Math.max(1, ...months.map(m => (byMonth || {})[m] || 0));
  const w = Math.max(4, Math.floor(96 / Math.max(1, months.length)));
  return svg('svg', {width: String(w * months.length), height: '16', role: 'img', testid: 'review-cause-trend'},
    ...months.map((m, i) => {
      const n = (byMonth || {})[m] || 0;
      const h = Math.round(16 * n / max);
      return svg('rect', {class: 'bar escalated', x: String(i * w), y: String(16 - h), width: String(w - 1),
        height: String(h), 'data-month': m, 'data-value': String(n)}, svg('title', {}, m + ': ' + n));
    }));
}

function counts(byKey) {
  return Object.entries(byKey || {}).map(([k, n]) => k + ': ' + n).join(', ');
}

// the root cause whose tickets are open, per box, so the periodic refresh opens them again
const openCause = new WeakMap();

// A cause's name opens the tickets behind it (GET /reports/reviews/root-causes/{cause}/tickets) under the table.
function causesTable(causes, query, box, months) {
  const max = Math.max(0, ...causes.map(c => c.total));
  const behind = el('div', {testid: 'review-cause-tickets', 'aria-live': 'polite'});
  const table = el('table', {testid: 'review-causes'},
    el('thead', {}, el('tr', {}, ...['Root cause', 'Tickets', '', 'Per category', 'Per product area', 'Trend', 'Per month'].map(h => el('th', {}, h)))),
    el('tbody', {}, ...causes.map(c => {
      const open = el('button', {type: 'button', class: 'link', testid: 'review-cause-open'}, c.cause);
      open.addEventListener('click', () => {
        openCause.set(box, c.cause);
        causeTicketsInto(behind, c.cause, query);
      });
      return el('tr', {}, el('td', {}, open), el('td', {}, String(c.total)), el('td', {}, bar(c.total, max)),
        el('td', {}, counts(c.byCategory)), el('td', {}, counts(c.byProductArea)), el('td', {}, trend(c.byMonth, months)),
        el('td', {}, counts(c.byMonth)));
    })));
  if (causes.some(c => c.cause === openCause.get(box))) {
    causeTicketsInto(behind, openCause.get(box), query);
  }
  return el('div', {}, table, behind);
}

async function causeTicketsInto(box, cause, query) {
  try {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    const r = await api('/reports/reviews/root-causes/' + encodeURIComponent(cause) + '/tickets'
      + (params.toString() ? '?' + params : ''));
    replace(box, el('h4', {}, 'Tickets solved with ' + cause + (r.more ? ' (the newest ' + r.tickets.length + ')' : '')),
      r.written.length > 1 || (r.written.length === 1 && r.written[0] !== cause)
        ? el('p', {class: 'muted small'}, 'as written: ' + r.written.join(', ')) : '',
      r.tickets.length === 0 ? el('p', {class: 'muted'}, 'None in the period.') : el('table', {},
        el('thead', {}, el('tr', {}, ...['Ticket', 'Subject', 'Team', 'Tier', 'Category', 'Escalated', 'Solved']
          .map(h => el('th', {}, h)))),
        el('tbody', {}, ...r.tickets.map(t => el('tr', {testid: 'review-cause-ticket'},
          el('td', {}, ticketLink(t.id, t.id.slice(-8))), el('td', {class: 'subject'}, ticketLink(t.id, t.subject)),
          el('td', {}, t.team || ''), el('td', {}, t.tier === null ? '' : String(t.tier)), el('td', {}, t.category || ''),
          el('td', {}, t.escalated ? 'yes' : 'no'), el('td', {}, (t.resolvedAt || '').slice(0, 16).replace('T', ' ')))))));
  } catch (e) {
    replace(box, el('p', {class: 'error'}, 'The tickets could not be read (' + (e.message || e) + ').'));
  }
}

function customersTable(customers) {
  const max = Math.max(0, ...customers.map(c => c.escalated));
  return el('table', {testid: 'review-customers'},
    el('thead', {}, el('tr', {}, ...['Customer', 'Tickets', 'Escalated', '', 'Rate', 'Above average',
      'Customer-requested', 'Breaches', 'Rating', 'Top categories'].map(h => el('th', {}, h)))),
    el('tbody', {}, ...customers.map(c => el('tr', {},
      el('td', {}, c.customer), el('td', {}, String(c.tickets)), el('td', {}, String(c.escalated)),
      el('td', {}, bar(c.escalated, max)), el('td', {}, percent(c.escalationRate)),
      el('td', {}, percent(c.shareAboveAverage)), el('td', {}, String(c.customerRequested)),
      el('td', {}, String(c.breaches)), el('td', {}, c.satisfaction === null ? '–' : String(c.satisfaction)),
      el('td', {}, (c.topCategories || []).join(', '))))));
}

function categoriesTable(categories) {
  const max = Math.max(0, ...categories.map(c => c.escalated));
  return el('table', {testid: 'review-categories'},
    el('thead', {}, el('tr', {}, ...['Team', 'Category', 'Volume', 'Escalated', '', 'Rate', 'Breaches', 'SLA',
      'Stayed solved', 'Feedback: needed', 'complete', 'Top causes'].map(h => el('th', {}, h)))),
    el('tbody', {}, ...categories.map(c => el('tr', {},
      el('td', {}, c.team), el('td', {}, c.category), el('td', {}, String(c.volume)),
      el('td', {}, String(c.escalated)), el('td', {}, bar(c.escalated, max)),
      el('td', {}, percent(c.escalationRate)), el('td', {}, String(c.breaches)),
      el('td', {}, percent(c.slaCompliance)), el('td', {}, percent(c.stayedSolvedRate)),
      el('td', {}, percent(c.feedbackNeededRate)), el('td', {}, percent(c.feedbackCompleteRate)),
      el('td', {}, (c.topCauses || []).join(', '))))));
}

function minutes(m) {
  if (m === null || m === undefined) {
    return '–';
  }
  return m < 60 ? m + ' min' : m < 1440 ? Math.round(m / 6) / 10 + ' h' : Math.round(m / 144) / 10 + ' d';
}

function stays(s) {
  return s && s.stays > 0 ? minutes(s.medianMinutes) + ' / ' + minutes(s.p90Minutes) + ' (' + s.stays + ')' : '–';
}

// Time in each tier and in the team, per team then per category: median / p90 (stays ended), as upper bucket edges.
function timeTable(teams, categories) {
  const rows = [...teams, ...categories];
  const tiers = [...new Set(rows.flatMap(r => Object.keys((r.timeSpent || {}).inTier || {})))].sort();
  return el('table', {testid: 'review-time'},
    el('thead', {}, el('tr', {}, ...['Team', 'Category', 'In the team', ...tiers.map(t => 'Tier ' + t)]
      .map(h => el('th', {}, h)))),
    el('tbody', {}, ...rows.map(r => el('tr', {testid: 'review-time-row'},
      el('td', {}, r.team), el('td', {}, r.category === null ? 'all' : r.category),
      el('td', {}, stays((r.timeSpent || {}).inTeam)),
      ...tiers.map(t => el('td', {}, stays(((r.timeSpent || {}).inTier || {})[t])))))));
}

/** The period and team picker; the team list is the teams seen in the unfiltered reviews. */
function picker(r, teams, show) {
  const from = el('input', {type: 'date', name: 'from', value: r.from, testid: 'review-from'});
  const to = el('input', {type: 'date', name: 'to', value: r.to, testid: 'review-to'});
  const team = el('select', {name: 'team', testid: 'review-team'}, el('option', {value: ''}, 'every team'),
    ...teams.map(t => el('option', {value: t, selected: t === r.team}, t)));
  const form = el('form', {class: 'inline', testid: 'review-picker'},
    el('label', {}, 'From ', from), ' ', el('label', {}, 'to ', to), ' ', el('label', {}, 'team ', team), ' ',
    el('button', {type: 'submit'}, 'Show'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    show({from: from.value, to: to.value, team: team.value});
  });
  return form;
}

// the picker's choice per box, so the supervisor view's periodic refresh keeps it
const chosen = new WeakMap();

export async function reviewsInto(box, query = chosen.get(box) || {}, known = null) {
  chosen.set(box, query);
  try {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    const r = await api('/reports/reviews' + (params.toString() ? '?' + params : ''));
    const teams = known || [...new Set(r.teams.map(t => t.team))].sort();
    replace(box, picker(r, teams, q => reviewsInto(box, q, teams)),
      el('p', {class: 'muted small'}, r.from + ' to ' + r.to + (r.team ? ', team ' + r.team : '')),
      el('h3', {}, 'Agents'), agentsTable(r.agents),
      el('h3', {}, 'Customers'), customersTable(r.customers),
      el('h3', {}, 'Categories'), categoriesTable(r.categories),
      el('h3', {}, 'Time in team and tier'),
      el('p', {class: 'muted small'}, 'median / p90 of the stays that ended in the period (how many)'),
      timeTable(r.teams, r.categories),
      el('h3', {}, 'Root causes'), causesTable(r.rootCauses, query, box, monthsOf(r.from, r.to)));
  } catch (e) {
    replace(box, el('p', {class: 'error'}, 'The reviews could not be read (' + (e.message || e) + ').'));
  }
}
