// People and automatic assignment: an agent's own tickets and availability (#/mine), and a supervisor's view of a
// team's people, their load against capacity, skills and status, with a hand rebalance (#/people).
import {api, post} from './api.js';
import {el, replace, ticketLink, showProblem} from './dom.js';
import {liveView, tickCountdowns, whileVisible, when} from './time.js';

const AVAILABILITY = [['available', 'Available'], ['away', 'Away'], ['offline', 'Offline']];
const teamState = {team: null};

function ticketRow(item) {
  return el('tr', {testid: 'mine-row', 'data-ticket-id': item.id},
    el('td', {}, ticketLink(item.id, item.id.slice(-8))),
    el('td', {class: 'subject'}, ticketLink(item.id, item.subject)),
    el('td', {}, item.status || ''),
    el('td', {}, item.priority || ''),
    el('td', {}, item.team || ''),
    el('td', {}, item.tier === undefined || item.tier === null ? '' : 'T' + item.tier),
    item.dueAt ? el('td', {}, el('span', {class: 'countdown', 'data-due': item.dueAt, title: 'due ' + when(item.dueAt)}))
      : el('td', {class: 'countdown none'}, 'no clock'));
}

/** The signed-in agent's tickets (open, pending, on hold) and their availability. */
export function myTicketsView(main, me, config) {
  const atRisk = config.atRiskMinutes * 60;
  const error = el('div', {class: 'error', role: 'alert', testid: 'mine-error', hidden: true});
  const status = el('span', {testid: 'my-availability', 'aria-live': 'polite'});
  const moved = el('span', {class: 'muted small', testid: 'availability-moved', 'aria-live': 'polite'});
  const buttons = el('div', {class: 'segmented', role: 'group', 'aria-label': 'My availability'},
    AVAILABILITY.map(([value, label]) => el('button', {type: 'button', testid: 'availability-' + value,
      id: 'availability-' + value, 'aria-pressed': 'false', onclick: () => setAvailability(value)}, label)));
  const body = el('tbody', {testid: 'mine-body'});
  const empty = el('p', {class: 'muted', testid: 'mine-empty', hidden: true}, 'You hold no open ticket.');
  replace(main, el('h1', {}, 'My tickets'),
    el('div', {class: 'toolbar'}, el('span', {}, 'Availability: '), status, buttons, moved), error,
    el('table', {class: 'queue', testid: 'mine-table', id: 'mine-table'},
      el('thead', {}, el('tr', {}, ['Ticket', 'Subject', 'Status', 'Priority', 'Team', 'Tier', 'Due'].map(h =>
        el('th', {scope: 'col'}, h)))), body), empty);

  function showAvailability(value) {
    status.textContent = value;
    for (const b of buttons.querySelectorAll('button')) {
      b.setAttribute('aria-pressed', String(b.id === 'availability-' + value));
    }
  }

  async function setAvailability(value) {
    error.hidden = true;
    try {
      const set = await api('/agents/me/availability', {method: 'PUT', body: {availability: value}});
      showAvailability(set.availability);
      moved.textContent = set.ticketsMoved ? set.ticketsMoved + ' ticket(s) re-offered' : '';
      await load();
    } catch (e) {
      showProblem(error, e);
    }
  }

  async function load() {
    try {
      const mine = await api('/agents/me/tickets');
      showAvailability(mine.availability);
      const items = mine.items.slice().sort((a, b) => (a.dueAt ? Date.parse(a.dueAt) : Infinity)
        - (b.dueAt ? Date.parse(b.dueAt) : Infinity));
      replace(body, items.map(ticketRow));
      empty.hidden = items.length > 0;
      tickCountdowns(main, atRisk);
    } catch (e) {
      showProblem(error, e);
    }
  }
  return liveView(load, main, atRisk, config.refreshSeconds);
}

function personRow(p) {
  const full = p.load >= p.capacity;
  return el('tr', {testid: 'person-row', 'data-person': p.id},
    el('th', {scope: 'row'}, p.id),
    el('td', {testid: 'person-availability'}, el('span', {class: 'badge ' + p.availability}, p.availability)),
    el('td', {testid: 'person-load', class: full ? 'at-risk' : ''}, p.load + ' / ' + p.capacity),
    el('td', {}, el('progress', {max: String(Math.max(p.capacity, 1)), value: String(Math.min(p.load, p.capacity)),
      'aria-label': p.id + ' load'})),
    el('td', {testid: 'person-skills'}, p.skills.join(', ')),
    el('td', {}, p.languages.join(', ')),
    el('td', {}, p.tiers.map(t => 'T' + t).join(' ')),
    el('td', {class: 'small'}, p.lastAssignedAt ? when(p.lastAssignedAt) : '—'));
}

/** A team's people against their capacity (supervisors and admins), and moving a ticket to someone by hand. */
export function peopleView(main, me, config) {
  if (!teamState.team || !me.teams.includes(teamState.team)) teamState.team = me.teams[0] || null;
  const teamSelect = el('select', {id: 'people-team', testid: 'people-team'},
    me.teams.map(t => el('option', {value: t, selected: t === teamState.team}, t)));
  const error = el('div', {class: 'error', role: 'alert', testid: 'people-error', hidden: true});
  const mode = el('span', {class: 'muted', testid: 'people-mode'});
  const body = el('tbody', {testid: 'people-body'});
  const ticketSelect = el('select', {id: 'rebalance-ticket', testid: 'rebalance-ticket', required: true});
  // anyone may be named (as on the ticket page); the team's people are offered as suggestions with their load
  const personInput = el('input', {id: 'rebalance-person', testid: 'rebalance-person', list: 'rebalance-people',
    placeholder: 'empty: unassign', size: 16});
  const personList = el('datalist', {id: 'rebalance-people'});
  const outcome = el('div', {class: 'error', role: 'alert', testid: 'rebalance-error', hidden: true});
  const done = el('span', {class: 'ok small', testid: 'rebalance-done', 'aria-live': 'polite'});
  const form = el('form', {class: 'inline', testid: 'rebalance', id: 'rebalance',
    'aria-describedby': 'rebalance-error'},
  el('label', {for: 'rebalance-ticket'}, 'Give '), ticketSelect,
  el('label', {for: 'rebalance-person'}, ' to '), personInput, personList,
  el('button', {type: 'submit', testid: 'rebalance-submit'}, 'Assign'), done);
  teamSelect.addEventListener('change', () => {
    teamState.team = teamSelect.value;
    load();
  });
  replace(main, el('h1', {}, 'People'),
    el('div', {class: 'toolbar'}, el('label', {for: 'people-team'}, 'Team '), teamSelect, mode,
      el('button', {type: 'button', testid: 'people-refresh', onclick: () => load()}, 'Refresh')), error,
    el('table', {testid: 'people-table', id: 'people-table'},
      el('thead', {}, el('tr', {}, ['Person', 'Status', 'Load / capacity', '', 'Skills', 'Languages', 'Tiers',
        'Last assigned'].map(h => el('th', {scope: 'col'}, h)))), body),
    el('h2', {}, 'Rebalance by hand'),
    el('p', {class: 'muted small'}, 'A ticket assigned by hand stays with that person: automatic assignment '
      + 'never takes it back.'), form, outcome);

  let tickets = [];
  form.addEventListener('submit', async e => {
    e.preventDefault();
    outcome.hidden = true;
    done.textContent = '';
    try {
      // the assignment is conditional on the version just read, so a ticket someone changed meanwhile answers 409
      const ticket = await api('/tickets/' + encodeURIComponent(ticketSelect.value));
      const assignee = personInput.value.trim() === '' ? null : personInput.value.trim();
      await post('/tickets/' + encodeURIComponent(ticket.id) + '/assignment', {assignee}, ticket.version);
      done.textContent = ticket.id.slice(-8) + ' → ' + (assignee || 'unassigned');
      await load();
    } catch (err) {
      showProblem(outcome, err);
    }
  });

  async function load() {
    if (!teamState.team) return;
    const team = encodeURIComponent(teamState.team);
    try {
      const [people, queue] = await Promise.all([api('/teams/' + team + '/people'),
        api('/queues/' + team + '?status=open&limit=100')]);
      mode.textContent = 'assignment: ' + people.mode;
      replace(body, people.people.map(personRow));
      tickets = queue.items;
      const chosen = ticketSelect.value;
      replace(ticketSelect, tickets.map(t => el('option', {value: t.id, selected: t.id === chosen},
        t.id.slice(-8) + ' ' + (t.assignee ? '[' + t.assignee + '] ' : '[unassigned] ') + (t.subject || ''))));
      replace(personList, people.people.map(p => el('option', {value: p.id}, p.id + ' (' + p.load + '/'
        + p.capacity + ', ' + p.availability + ')')));
      error.hidden = true;
    } catch (e) {
      showProblem(error, e);
    }
  }
  load();
  const stopRefresh = whileVisible(load, config.refreshSeconds * 1000);
  return () => stopRefresh();
}
