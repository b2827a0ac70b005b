// The supervisor view: escalations in flight by level, load per team and tier, and the last 14 days.
import {api} from './api.js';
import {el, replace, ticketLink, showProblem} from './dom.js';
import {liveView, tickCountdowns, when} from './time.js';
import {dailyChart} from './chart.js';
import {reviewsInto} from './reviews.js';
import {knowledgeInto} from './knowledge.js';

const pct = v => v === null || v === undefined ? '—' : Math.round(v * 100) + '%';

function inFlight(t) {
  return el('li', {testid: 'level-ticket', 'data-ticket-id': t.id},
    ticketLink(t.id, t.id.slice(-8)), ' ' + t.team + ' T' + (t.tier ?? '?') + ' ',
    t.acknowledged ? el('span', {class: 'badge'}, 'ack') : '',
    t.nextDue ? el('span', {class: 'countdown', 'data-due': t.nextDue, title: when(t.nextDue)}) : '');
}

function levels(load) {
  if (!load.escalationLevels.length) {
    return el('p', {class: 'muted', testid: 'levels-empty'}, 'No escalation in flight.');
  }
  const head = el('thead', {}, el('tr', {}, ['Level', 'Tickets', 'Acknowledged', 'Soonest due'].map(h =>
    el('th', {scope: 'col'}, h))));
  const rows = load.escalationLevels.map(l => el('tr', {testid: 'level-row', 'data-level': l.level},
    el('td', {}, 'L' + l.level),
    el('td', {testid: 'level-count'}, String(l.tickets)),
    el('td', {}, String(l.acknowledged)),
    el('td', {}, el('ul', {class: 'plain'}, l.listed.map(inFlight)))));
  return el('table', {testid: 'levels-table', id: 'levels-table'}, head, el('tbody', {}, rows));
}

function loadTable(load) {
  const tiers = Object.keys(load.byTier).sort();
  return el('table', {testid: 'load-table', id: 'load-table'},
    el('thead', {}, el('tr', {}, ['Team', 'Open', 'Pending', 'On hold', ...tiers.map(t => t === 'none'
      ? 'No tier' : 'Tier ' + t), 'At risk', 'Overdue', 'Unassigned', 'Escalated'].map(h =>
      el('th', {scope: 'col'}, h)))),
    el('tbody', {}, load.teams.map(t => el('tr', {testid: 'load-row', 'data-team': t.team},
      el('th', {scope: 'row'}, t.team),
      el('td', {}, String(t.byStatus.open ?? 0)), el('td', {}, String(t.byStatus.pending ?? 0)),
      el('td', {}, String(t.byStatus['on-hold'] ?? 0)),
      tiers.map(k => el('td', {'data-tier': k}, String(t.byTier[k] ?? 0))),
      el('td', {class: t.atRisk ? 'at-risk' : ''}, String(t.atRisk)),
      el('td', {class: t.overdue ? 'overdue' : ''}, String(t.overdue)),
      el('td', {}, String(t.unassigned)), el('td', {}, String(t.escalated))))),
    el('tfoot', {}, el('tr', {testid: 'tier-totals'}, el('th', {scope: 'row'}, 'All teams'),
      el('td', {colspan: 3}, String(load.teams.reduce((s, t) => s + t.total, 0)) + ' working'),
      tiers.map(k => el('td', {}, String(load.byTier[k]))), el('td', {colspan: 4}, ''))));
}

function dailyTable(daily) {
  return el('table', {testid: 'daily-table', id: 'daily-table'},
    el('thead', {}, el('tr', {}, ['Day (UTC)', 'Created', 'Escalated', 'Customer requests', 'SLA warnings',
      'SLA breaches', 'Solved', 'Within SLA', 'Compliance'].map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, daily.days.map(d => el('tr', {testid: 'daily-row', 'data-day': d.day},
      el('th', {scope: 'row'}, d.day), [d.created, d.escalated, d.escalationRequests, d.slaWarnings, d.slaBreaches,
        d.solved, d.solvedWithinSla].map(v => el('td', {}, String(v))), el('td', {}, pct(d.compliance))))),
    el('tfoot', {}, el('tr', {}, el('th', {scope: 'row'}, 'Total'), el('td', {}, ''),
      el('td', {}, String(daily.escalated)), el('td', {colspan: 3}, ''), el('td', {}, String(daily.solved)),
      el('td', {}, ''), el('td', {testid: 'daily-compliance'}, pct(daily.compliance)))));
}

export function supervisorView(main, me, config) {
  const atRisk = config.atRiskMinutes * 60;
  const error = el('div', {class: 'error', role: 'alert', testid: 'supervisor-error', hidden: true});
  const levelsBox = el('div', {testid: 'levels'});
  const loadBox = el('div', {testid: 'load'});
  const chartBox = el('div', {class: 'chart-box', testid: 'daily'});
  const reviewsBox = el('div', {testid: 'reviews'});
  const knowledgeBox = el('div', {testid: 'knowledge'});
  const updated = el('span', {class: 'muted small', testid: 'supervisor-updated', 'aria-live': 'polite'});
  replace(main, el('h1', {}, 'Supervisor view'),
    el('div', {class: 'toolbar'}, el('button', {type: 'button', testid: 'supervisor-refresh',
      onclick: () => load()}, 'Refresh'), updated), error,
    el('h2', {}, 'Escalations in flight by level'), levelsBox,
    el('h2', {}, 'Load per team and tier'), loadBox,
    el('h2', {}, 'Last 14 days'), chartBox,
    el('h2', {}, 'Escalation reviews'), reviewsBox,
    el('h2', {}, 'Knowledge base'), knowledgeBox);

  async function load() {
    try {
      const [loadReport, daily] = await Promise.all([api('/reports/load'), api('/reports/daily?days=14')]);
      replace(levelsBox, levels(loadReport));
      replace(loadBox, loadReport.truncated ? el('p', {class: 'error'}, 'Some queues are longer than the report '
        + 'reads; counts are lower bounds.') : null, loadTable(loadReport));
      replace(chartBox, dailyChart(daily.days), dailyTable(daily));
      reviewsInto(reviewsBox);
      knowledgeInto(knowledgeBox);
      error.hidden = true;
      updated.textContent = 'updated ' + new Date().toLocaleTimeString();
      tickCountdowns(main, atRisk);
    } catch (e) {
      showProblem(error, e);
    }
  }
  return liveView(load, main, atRisk, config.refreshSeconds);
}
