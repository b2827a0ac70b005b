// A team's queue: soonest due first (overdue first), live countdowns, all / at-risk / breached, refreshing by itself.
import {api} from './api.js';
import {el, replace, ticketLink, showProblem} from './dom.js';
import {liveView, tickCountdowns, when} from './time.js';

const FILTERS = [['all', 'All'], ['at-risk', 'At risk'], ['breached', 'Breached']];
const STATUSES = ['open', 'pending', 'on-hold', 'solved'];
const state = {team: null, tier: '', status: 'open', due: 'all'};

// the earliest SLA target the ticket still owes: in the past once breached, so overdue tickets come first
function dueTime(item) {
  return item.dueAt ? Date.parse(item.dueAt) : Infinity;
}

function deadlineCell(item) {
  if (!item.dueAt) return el('td', {class: 'countdown none'}, 'no clock');
  const d = item.nextDeadline;
  const next = d ? 'next: ' + d.metric + (d.percent >= 100 ? ' breach ' : ' ' + d.percent + '% ') + when(d.at)
    : 'target passed';
  return el('td', {},
    el('span', {class: 'countdown', testid: 'countdown', 'data-due': item.dueAt, title: 'due ' + when(item.dueAt)}, ''),
    el('div', {class: 'muted small'}, next));
}

function row(item) {
  const level = item.escalation && item.escalation.level;
  return el('tr', {testid: 'queue-row', 'data-ticket-id': item.id},
    el('td', {}, ticketLink(item.id, item.id.slice(-8))),
    el('td', {class: 'subject'}, ticketLink(item.id, item.subject)),
    el('td', {}, item.priority || ''),
    el('td', {}, item.tier === undefined || item.tier === null ? '' : 'T' + item.tier),
    el('td', {}, item.assignee || el('span', {class: 'muted'}, 'unassigned')),
    el('td', {}, level ? el('span', {class: 'badge escalated'}, 'L' + level) : ''),
    deadlineCell(item));
}

export function queuesView(main, me, config) {
  const atRisk = config.atRiskMinutes * 60;
  if (!state.team || !me.teams.includes(state.team)) state.team = me.teams[0] || null;
  const teamSelect = el('select', {id: 'queue-team', testid: 'queue-team'},
    me.teams.map(t => el('option', {value: t, selected: t === state.team}, t)));
  const tierSelect = el('select', {id: 'queue-tier', testid: 'queue-tier'},
    el('option', {value: ''}, 'all tiers'), [0, 1, 2, 3].map(t =>
      el('option', {value: String(t), selected: String(t) === state.tier}, 'tier ' + t)));
  const statusSelect = el('select', {id: 'queue-status', testid: 'queue-status'},
    STATUSES.map(s => el('option', {value: s, selected: s === state.status}, s)));
  const filters = el('div', {class: 'segmented', role: 'group', 'aria-label': 'Deadline filter'},
    FILTERS.map(([value, label]) => el('button', {
      type: 'button', testid: 'queue-filter-' + value, id: 'queue-filter-' + value,
      'aria-pressed': String(value === state.due), onclick: () => {
        state.due = value;
        for (const b of filters.querySelectorAll('button')) {
          b.setAttribute('aria-pressed', String(b.id === 'queue-filter-' + value));
        }
        load();
      },
    }, label)));
  const openId = el('input', {id: 'open-ticket-id', testid: 'open-ticket-id', placeholder: 'ticket id', size: 28});
  const openForm = el('form', {class: 'inline', testid: 'open-ticket', onsubmit: e => {
    e.preventDefault();
    location.hash = '#/ticket/' + encodeURIComponent(openId.value.trim().toUpperCase());
  }}, el('label', {for: 'open-ticket-id'}, 'Open '), openId, el('button', {type: 'submit'}, 'Go'));
  const refreshButton = el('button', {type: 'button', testid: 'queue-refresh', onclick: () => load()}, 'Refresh');
  const updated = el('span', {class: 'muted small', testid: 'queue-updated', 'aria-live': 'polite'});
  const error = el('div', {class: 'error', role: 'alert', testid: 'queue-error', hidden: true});
  const body = el('tbody', {testid: 'queue-body'});
  const more = el('button', {type: 'button', testid: 'queue-more', hidden: true}, 'Load more');
  const table = el('table', {class: 'queue', testid: 'queue-table', id: 'queue-table'},
    el('thead', {}, el('tr', {}, ['Ticket', 'Subject', 'Priority', 'Tier', 'Assignee', 'Escalation',
      'Due'].map(h => el('th', {scope: 'col'}, h)))), body);
  const empty = el('p', {class: 'muted', testid: 'queue-empty', hidden: true}, 'Nothing in this queue.');

  for (const [select, key] of [[teamSelect, 'team'], [tierSelect, 'tier'], [statusSelect, 'status']]) {
    select.addEventListener('change', () => {
      state[key] = select.value;
      load();
    });
  }

  replace(main,
    el('h1', {}, 'Queues'),
    me.teams.length ? null : el('p', {class: 'error'}, 'You are in no team, so you have no queue.'),
    el('div', {class: 'toolbar'}, el('label', {for: 'queue-team'}, 'Team '), teamSelect,
      el('label', {for: 'queue-tier'}, 'Tier '), tierSelect, el('label', {for: 'queue-status'}, 'Status '),
      statusSelect, filters, refreshButton, updated),
    openForm, error, table, empty, more);

  let items = [];
  let cursor = null;
  let loading = 0;

  function render() {
    items.sort((a, b) => dueTime(a) - dueTime(b));
    replace(body, items.map(row));
    empty.hidden = items.length > 0;
    more.hidden = !cursor;
    tickCountdowns(main, atRisk);
  }

  async function load(append = false) {
    if (!state.team) return;
    const mine = ++loading;
    const query = new URLSearchParams({status: state.status, due: state.due, limit: '100'});
    if (state.tier) query.set('tier', state.tier);
    if (append && cursor) query.set('cursor', cursor);
    try {
      const page = await api('/queues/' + encodeURIComponent(state.team) + '?' + query);
      if (mine !== loading) return; // a newer request superseded this one
      items = append ? items.concat(page.items) : page.items;
      cursor = page.nextCursor || null;
      error.hidden = true;
      updated.textContent = 'updated ' + new Date().toLocaleTimeString();
      render();
    } catch (e) {
      if (mine === loading) showProblem(error, e);
    }
  }
  more.addEventListener('click', () => load(true));

  return liveView(load, main, atRisk, config.refreshSeconds);
}
