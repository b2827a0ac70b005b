// One ticket: details, SLA clocks as bars, the actions, and the audit trail as a timeline.
import {api, post} from './api.js';
import {el, svg, replace, showProblem, ticketLink} from './dom.js';
import {seconds, durationText, when, tickCountdowns, whileVisible} from './time.js';

const STATUSES = ['open', 'pending', 'on-hold', 'solved', 'closed'];
/** Trail entries that belong to the escalation story; they are highlighted. */
const ESCALATION_TYPES = new Set(['escalated', 'escalation-requested', 'sla-warning', 'sla-breach',
  'acknowledged', 'customer-updated', 'transfer-requested', 'transfer-refused', 'transferred']);

const code = type => String(type || '').replace(/_/g, '-');

function fact(label, value, testid) {
  if (value === null || value === undefined || value === '') return null;
  return [el('dt', {}, label), el('dd', {testid}, value)];
}

function place(p) {
  if (!p) return '?';
  const parts = [];
  if (p.team) parts.push(p.team);
  if (p.tier !== undefined && p.tier !== null) parts.push('tier ' + p.tier);
  if (p.assignee) parts.push(p.assignee);
  if (p.person) parts.push(p.person);
  return parts.join(' · ') || '—';
}

function details(t) {
  const e = t.escalation;
  return el('dl', {class: 'facts', testid: 'ticket-details'},
    fact('Status', t.status, 'ticket-status'),
    fact('Priority', t.priority, 'ticket-priority'),
    fact('Team', t.team, 'ticket-team'),
    fact('Tier', t.tier, 'ticket-tier'),
    fact('Assignee', t.assignee || 'unassigned', 'ticket-assignee'),
    fact('Requester', t.requester ? t.requester.name + ' <' + t.requester.email + '>' : null, 'ticket-requester'),
    fact('Customer', t.requester && t.requester.customerId, 'ticket-customer'),
    fact('Plan', t.requester && t.requester.plan, 'ticket-plan'),
    fact('Channel', t.channel, 'ticket-channel'),
    fact('Impact / urgency', t.impact + ' / ' + t.urgency, 'ticket-levels'),
    fact('Category', t.category, 'ticket-category'),
    fact('Tags', (t.tags || []).join(', '), 'ticket-tags'),
    fact('Escalation level', e ? String(e.level) + (e.policy ? ' (' + e.policy + ')' : '') : null,
      'ticket-escalation-level'),
    fact('Acknowledged', e && e.acknowledgedAt ? e.acknowledgedBy + ', ' + when(e.acknowledgedAt) : null,
      'ticket-acknowledged'),
    fact('Next escalation step', e && e.nextStep ? e.nextStep + ' at ' + when(e.nextStepAt) : null,
      'ticket-next-step'),
    fact('Watchers', (t.watchers || []).join(', '), 'ticket-watchers'),
    fact('Time in tier', spent(t.timeInTier, 'tier '), 'ticket-time-in-tier'),
    fact('Time in team', spent(t.timeInTeam, ''), 'ticket-time-in-team'),
    fact('Created', when(t.createdAt), 'ticket-created'),
    fact('Updated', when(t.updatedAt), 'ticket-updated'),
    fact('Merged into', t.mergedInto ? ticketLink(t.mergedInto) : null, 'ticket-merged-into'),
    fact('Resolution', t.resolution, 'ticket-resolution'),
    fact('Root cause', t.rootCause, 'ticket-root-cause'));
}

function spent(map, prefix) {
  if (!map) return null;
  return Object.entries(map).map(([k, s]) => prefix + k + ': ' + durationText(s)).join(', ');
}

// ---------------------------------------------------------------- SLA clocks as bars

/** One bar per clock: business time used against the target, marks at each warning and at the breach (100 %). */
function clockBar(clock, events) {
  const target = seconds(clock.target);
  const elapsed = seconds(clock.elapsed);
  const width = 400;
  const scale = 1.25; // the bar shows up to 125 % of the target, so an overrun stays visible
  const x = share => Math.max(0, Math.min(width, width * share / scale));
  const warnings = new Set();
  for (const ev of events) {
    if (ev.metric === clock.metric && ev.type === 'warn') warnings.add(ev.percent);
  }
  for (const next of clock.upcoming || []) if (next.percent < 100) warnings.add(next.percent);
  const used = target ? elapsed / target : 0;
  const state = clock.breached ? 'breached' : clock.paused ? 'paused' : clock.state;
  const bar = svg('svg', {class: 'clock-bar', viewBox: '0 0 ' + width + ' 22', width: '100%', height: 22,
    preserveAspectRatio: 'none',
    role: 'img', 'aria-label': clock.metric + ': ' + Math.round(used * 100) + '% of ' + durationText(target)},
    svg('rect', {class: 'track', x: 0, y: 4, width, height: 14, rx: 3}),
    svg('rect', {class: 'fill ' + state, x: 0, y: 4, width: x(used), height: 14, rx: 3}),
    [...warnings].sort((a, b) => a - b).map(p => svg('line', {class: 'mark warning', testid: 'sla-mark-warning',
      'data-percent': p, x1: x(p / 100), x2: x(p / 100), y1: 0, y2: 22},
    svg('title', {}, 'warning at ' + p + '%'))),
    svg('line', {class: 'mark breach', testid: 'sla-mark-breach', x1: x(1), x2: x(1), y1: 0, y2: 22},
      svg('title', {}, 'breach at 100%')));
  return el('div', {class: 'clock ' + state, testid: 'sla-bar', 'data-metric': clock.metric},
    el('div', {class: 'clock-head'},
      el('strong', {}, clock.metric), ' ', el('span', {class: 'badge ' + state}, state),
      target !== null ? ' target ' + durationText(target) : '',
      clock.calendar ? el('span', {class: 'muted'}, ' (' + clock.calendar + ')') : '',
      clock.dueAt && !clock.paused && clock.state === 'running'
        ? el('span', {class: 'countdown', 'data-due': clock.dueAt, 'data-prefix': ' due in ',
          title: when(clock.dueAt)}) : '',
      clock.remaining && clock.state !== 'running' ? ' left ' + durationText(seconds(clock.remaining)) : ''),
    target ? bar : null);
}

function clocks(sla) {
  if (!sla || !sla.clocks || !sla.clocks.length) {
    return el('p', {class: 'muted', testid: 'sla-bars'}, 'No SLA clock runs for this ticket.');
  }
  const shown = sla.clocks.filter(c => c.state !== 'not-applicable');
  return el('div', {testid: 'sla-bars', id: 'sla-bars'},
    el('p', {class: 'muted small'}, 'Policy ' + (sla.policy || '—') + '; as of ' + when(sla.asOf)),
    shown.map(c => clockBar(c, sla.events || [])));
}

// ---------------------------------------------------------------- timeline

function escalationFor(event, escalations, used) {
  if (code(event.type) !== 'escalated') return null;
  const match = escalations.find((e, i) => !used.has(i) && e.at === event.at)
    || escalations.find((e, i) => !used.has(i));
  if (match) used.add(escalations.indexOf(match));
  return match || null;
}

/**
 * From → to of an escalation. The record names only what moved (team, tier, assignee) and, for a hierarchical
 * one, the person it went to (top-level `person`), so an empty side is left out rather than shown as "—".
 */
function route(escalation) {
  const to = place(Object.assign({}, escalation.to, {person: escalation.person}));
  const from = place(escalation.from);
  return (from === '—' ? '' : from + ' ') + '→ ' + to;
}

/** When a timed step (SLA warning or breach, delayed level, reminder) was due, and how late it ran. */
function dueNote(event) {
  if (!event.dueAt) return '';
  const late = Math.round((Date.parse(event.at) - Date.parse(event.dueAt)) / 1000);
  return el('span', {class: 'muted', testid: 'event-due', title: when(event.dueAt)},
    ' (due ' + when(event.dueAt) + (late >= 1 ? ', ' + durationText(late) + ' late)' : ', on time)'));
}

function timelineEntry(event, escalation) {
  const type = code(event.type);
  const highlighted = ESCALATION_TYPES.has(type);
  return el('li', {class: 'event' + (highlighted ? ' escalation' : '') + (event.visibility === 'internal'
    ? ' internal' : ''), testid: 'timeline-event', 'data-type': type},
  el('div', {class: 'event-head'},
    el('time', {datetime: event.at}, when(event.at)), ' ',
    el('strong', {class: 'event-type'}, type), ' ',
    el('span', {class: 'muted'}, 'by ' + event.actor), dueNote(event),
    event.visibility === 'internal' ? el('span', {class: 'badge'}, 'internal') : ''),
  escalation ? el('div', {class: 'escalation-detail', testid: 'timeline-escalation'},
    el('span', {class: 'badge escalated', testid: 'escalation-kind'}, escalation.kind), ' ',
    el('span', {testid: 'escalation-reason'}, escalation.reason || ''), ' ',
    el('span', {testid: 'escalation-route'}, route(escalation)),
    escalation.level ? ' (level ' + escalation.level + ')' : '',
    escalation.customerRequested ? el('span', {class: 'badge'}, 'customer requested') : '',
    escalation.decidedBy ? el('span', {class: 'muted'}, ' decided by ' + escalation.decidedBy) : '',
    escalation.comment ? el('div', {class: 'comment'}, escalation.comment) : '') : null,
  event.reason ? el('div', {class: 'reason'}, event.reason) : null,
  // an escalation's comment is its event's body, already shown in the highlighted detail above
  event.body && !(escalation && escalation.comment === event.body) ? el('div', {class: 'body'}, event.body) : null,
  event.changes && event.changes.length ? el('ul', {class: 'changes'}, event.changes.map(c =>
    el('li', {}, c.field + ': ' + (c.from ?? '—') + ' → ' + (c.to ?? '—')))) : null);
}

// The knowledge-base articles the customer read on the support form before filing anyway (the CREATED event's
// articlesSeen): their titles come from the public article API, links open the public page.
function articlesSeen(t) {
  const created = (t.events || []).find(e => code(e.type) === 'created');
  const seen = created && (created.changes || []).find(c => c.field === 'articlesSeen');
  if (!seen || !seen.to) {
    return null;
  }
  const list = el('span', {testid: 'articles-seen'});
  seen.to.split(',').forEach((id, i) => {
    const link = el('a', {href: '/help/articles/' + encodeURIComponent(id), target: '_blank', rel: 'noopener'}, id);
    list.append(i ? ', ' : '', link);
    api('/kb/articles/' + encodeURIComponent(id))
      .then(a => { if (a && a.title) { link.textContent = a.title; } })
      .catch(() => { /* the id stays as the link's text */ });
  });
  return el('p', {class: 'articles-seen'}, 'Customer already read: ', list);
}

function timeline(t) {
  const escalations = t.escalations || [];
  const used = new Set();
  const events = t.events || [];
  return el('ol', {class: 'timeline', testid: 'timeline', id: 'timeline'},
    events.map(e => timelineEntry(e, escalationFor(e, escalations, used))));
}

// ---------------------------------------------------------------- actions

function field(id, label, control) {
  control.id = id;
  control.setAttribute('data-testid', id);
  control.setAttribute('name', id);
  return el('div', {class: 'field'}, el('label', {for: id}, label), control);
}

function select(options, value) {
  return el('select', {}, options.map(o => Array.isArray(o)
    ? el('option', {value: o[0], selected: o[0] === value}, o[1])
    : el('option', {value: o, selected: o === value}, o)));
}

/**
 * A form for one action: data-testid "action-<name>", its button "<name>-submit" and its error output
 * "action-<name>-error", where the server's problem document is shown beside the action.
 */
function actionForm(name, title, controls, submitLabel, send, ctx) {
  const error = el('div', {class: 'error', role: 'alert', testid: 'action-' + name + '-error',
    id: 'action-' + name + '-error', hidden: true});
  const button = el('button', {type: 'submit', testid: name + '-submit', id: name + '-submit'}, submitLabel);
  const form = el('form', {class: 'action', testid: 'action-' + name, id: 'action-' + name,
    'aria-describedby': 'action-' + name + '-error'},
  el('h3', {}, title), controls, button, error);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    button.disabled = true;
    error.hidden = true;
    try {
      const [path, body] = send();
      const updated = await post('/tickets/' + encodeURIComponent(ctx.ticket.id) + '/' + path, body,
        ctx.ticket.version);
      ctx.show(updated, name);
    } catch (err) {
      showProblem(error, err);
      if (err.status === 409 && err.problem && err.problem.currentVersion !== undefined) {
        error.append(el('button', {type: 'button', testid: 'ticket-reload', onclick: () => ctx.reload()},
          'Reload the ticket'));
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

const optional = value => value.trim() === '' ? undefined : value.trim();

function actions(t, me, ctx) {
  const forms = [];
  const reply = el('textarea', {rows: 3, required: true});
  forms.push(actionForm('reply', 'Reply to the customer', field('reply-body', 'Message', reply), 'Send reply',
    () => ['replies', {body: reply.value, public: true}], ctx));
  const note = el('textarea', {rows: 2, required: true});
  forms.push(actionForm('note', 'Internal note', field('note-body', 'Note (agents only)', note), 'Add note',
    () => ['replies', {body: note.value, public: false}], ctx));
  const status = select(STATUSES, t.status);
  const statusReason = el('input', {type: 'text'});
  forms.push(actionForm('status', 'Status', [field('status-select', 'New status', status),
    field('status-reason', 'Reason', statusReason)], 'Change status',
  () => ['status', {status: status.value, reason: optional(statusReason.value)}], ctx));
  const assignee = el('input', {type: 'text', value: t.assignee || '', placeholder: 'empty: unassign'});
  forms.push(actionForm('assign', 'Reassign', [field('assign-assignee', 'Assignee', assignee),
    el('button', {type: 'button', testid: 'assign-me', onclick: () => {
      assignee.value = me.user;
    }}, 'Me')], 'Assign', () => ['assignment', {assignee: optional(assignee.value) ?? null}], ctx));

  // escalate with a reason: functional to a team or tier, hierarchical to the supervisor or manager
  const kind = select([['functional', 'Functional (skills: team or tier)'],
    ['hierarchical', 'Hierarchical (authority: supervisor or manager)']], 'functional');
  // the reasons come from the API's own list (GET /dashboard/config), so the page sends only codes it accepts
  const reasons = ctx.config.escalationReasons.map(r => [r.code, r.label]);
  const reason = select(reasons, reasons[0][0]);
  const comment = el('textarea', {rows: 2, required: true});
  const team = el('input', {type: 'text', placeholder: 'same team'});
  const tier = select([['next', 'next tier'], ['1', 'tier 1'], ['2', 'tier 2'], ['3', 'tier 3']], 'next');
  const to = select(['supervisor', 'manager'], 'supervisor');
  const functionalFields = el('div', {class: 'group'}, field('escalate-team', 'Team', team),
    field('escalate-tier', 'Tier', tier));
  const hierarchicalFields = el('div', {class: 'group', hidden: true}, field('escalate-to', 'To', to));
  kind.addEventListener('change', () => {
    functionalFields.hidden = kind.value !== 'functional';
    hierarchicalFields.hidden = kind.value !== 'hierarchical';
  });
  forms.push(actionForm('escalate', 'Escalate', [field('escalate-kind', 'Kind', kind),
    field('escalate-reason', 'Reason', reason), field('escalate-comment', 'Comment', comment), functionalFields,
    hierarchicalFields], 'Escalate', () => {
    const body = {kind: kind.value, reason: reason.value, comment: comment.value};
    if (kind.value === 'functional') {
      if (optional(team.value)) body.team = team.value.trim();
      body.tier = tier.value === 'next' ? 'next' : Number(tier.value);
    } else {
      body.to = to.value;
    }
    return ['escalations', body];
  }, ctx));

  forms.push(actionForm('acknowledge', 'Acknowledge the escalation',
    el('p', {class: 'muted small'}, 'Stops the escalation progressing; post a public update soon.'),
    'Acknowledge', () => ['acknowledgement', {}], ctx));
  const nextComment = el('input', {type: 'text'});
  forms.push(actionForm('next-level', 'Escalate to the next level now',
    field('next-level-comment', 'Comment', nextComment), 'Next level',
    () => ['escalations/next', {comment: optional(nextComment.value)}], ctx));

  const feedback = escalationFeedback(t, ctx);
  if (feedback) forms.push(feedback);

  const note2 = el('textarea', {rows: 2, required: true});
  const rootCause = el('input', {type: 'text'});
  // filled by a suggestion's "Solved with this article"; the ticket then counts for that article
  const solvedWith = el('input', {type: 'text', placeholder: 'KB-… (optional)', autocomplete: 'off',
    spellcheck: 'false'});
  forms.push(actionForm('resolve', 'Resolve', [field('resolve-note', 'Note to the customer', note2),
    field('resolve-root-cause', 'Root cause (internal)', rootCause),
    field('resolve-article', 'Solved with article', solvedWith)], 'Resolve',
  () => ['resolution', {note: note2.value, rootCause: optional(rootCause.value),
    articleId: optional(solvedWith.value)}], ctx));

  // only a solved ticket can be reopened, and a closed one merged into nothing: the others are not offered
  if (t.status === 'solved' || t.status === 'closed') {
    forms.push(actionForm('propose-article', 'Propose an article',
      el('p', {class: 'muted small'}, 'Makes an internal draft from this ticket for a supervisor to publish '
        + '(once per ticket; see Articles).'), 'Propose article', () => ['article-draft', {}], ctx));
  }
  if (t.status === 'solved') {
    const reopenReason = el('input', {type: 'text', required: true});
    forms.push(actionForm('reopen', 'Reopen', field('reopen-reason', 'Reason', reopenReason), 'Reopen',
      () => ['reopen', {reason: reopenReason.value}], ctx));
  }
  if (t.status !== 'closed') {
    const into = el('input', {type: 'text', required: true, placeholder: 'id of the ticket that stays',
      autocomplete: 'off', spellcheck: 'false'});
    const mergeReason = el('input', {type: 'text'});
    forms.push(actionForm('merge', 'Merge into another ticket (this one is closed)', [
      field('merge-into', 'Ticket to merge into', into), field('merge-reason', 'Reason', mergeReason)], 'Merge',
    () => ['merge', {into: into.value.trim(), reason: optional(mergeReason.value)}], ctx));
  }

  // only a supervisor or admin may decide (the API enforces it); an agent sees that it waits
  if (t.pendingTransfer) forms.unshift(me.supervises ? transferDecision(t, ctx) : pendingNote(t.pendingTransfer));
  return el('section', {class: 'actions', testid: 'ticket-actions'}, el('h2', {}, 'Actions'), forms);
}

/**
 * "Was this escalation needed and complete?" for each escalation without feedback yet; the API lets only whoever
 * received it answer (the person or team it went to, or an admin), once.
 */
function escalationFeedback(t, ctx) {
  const answered = new Set((t.events || []).filter(e => code(e.type) === 'escalation-feedback-given')
    .flatMap(e => (e.changes || []).filter(c => c.field === 'escalationSequence').map(c => Number(c.to))));
  const open = (t.escalations || []).filter(e => !answered.has(e.sequence));
  if (open.length === 0) return null;
  const which = select(open.map(e => [String(e.sequence), '#' + e.sequence + ' ' + e.kind + ' ' + route(e)]),
    String(open[open.length - 1].sequence));
  const needed = select([['yes', 'yes'], ['no', 'no']], 'yes');
  const complete = select([['yes', 'yes'], ['no', 'no']], 'yes');
  const comment = el('input', {type: 'text', maxlength: 500});
  return actionForm('escalation-feedback', 'Feedback on an escalation you received', [
    field('feedback-escalation', 'Escalation', which), field('feedback-needed', 'Was it needed?', needed),
    field('feedback-complete', 'Did it come with what you needed?', complete),
    field('feedback-comment', 'Comment (agents only)', comment)], 'Send feedback',
  () => ['escalations/' + which.value + '/feedback', {needed: needed.value === 'yes',
    complete: complete.value === 'yes', comment: optional(comment.value)}], ctx);
}

function pendingText(p) {
  return 'To ' + place(p) + ', requested by ' + p.requestedBy + ' (' + when(p.requestedAt) + '): ' + (p.reason || '');
}

function pendingNote(p) {
  return el('section', {class: 'action attention', testid: 'pending-transfer-waiting'},
    el('h3', {}, 'Pending transfer'), el('p', {testid: 'pending-transfer'}, pendingText(p)),
    el('p', {class: 'muted small'}, 'Waiting for a supervisor\'s approval.'));
}

function transferDecision(t, ctx) {
  const p = t.pendingTransfer;
  const refuseReason = el('input', {type: 'text'});
  let approve = true;
  const form = actionForm('transfer-decision', 'Pending transfer', [
    el('p', {testid: 'pending-transfer'}, pendingText(p)),
    field('transfer-refuse-reason', 'Reason (to refuse)', refuseReason),
    el('button', {type: 'submit', testid: 'transfer-approve', id: 'transfer-approve', onclick: () => {
      approve = true;
    }}, 'Approve'),
    el('button', {type: 'submit', testid: 'transfer-refuse', id: 'transfer-refuse', onclick: () => {
      approve = false;
    }}, 'Refuse')], 'Decide',
  () => ['transfer/decision', approve ? {approve: true} : {approve: false, reason: refuseReason.value}], ctx);
  form.querySelector('[data-testid="transfer-decision-submit"]').hidden = true;
  form.classList.add('attention');
  return form;
}

// ---------------------------------------------------------------- suggested articles

/**
 * The knowledge base's articles that may answer the ticket (internal ones too): "Insert link" adds a public article's
 * help-center link to the reply box (an internal one is for staff: it opens in the dashboard and is never offered to
 * the customer), "Solved with this article" fills the resolve form's article.
 */
function suggestions(t) {
  const box = el('section', {class: 'action', testid: 'suggested-articles', id: 'suggested-articles'},
    el('h3', {}, 'Suggested articles'), el('p', {class: 'muted small'}, 'Searching the knowledge base…'));
  api('/tickets/' + encodeURIComponent(t.id) + '/suggested-articles').then(hits => {
    const list = hits.length ? el('ul', {class: 'plain'}, hits.map(h => el('li', {testid: 'suggested-article',
      'data-article-id': h.id},
    el('strong', {}, h.title), ' ', el('span', {class: 'muted small'}, h.category + ' · ' + h.language
      + (h.audience === 'internal' ? ' · internal' : '')),
    el('div', {class: 'small'}, h.snippet),
    h.audience === 'internal'
      ? el('a', {href: h.link, target: '_blank', rel: 'noopener', testid: 'open-internal'}, 'Open (staff only)')
      : el('button', {type: 'button', testid: 'insert-link', onclick: () => {
        const reply = document.getElementById('reply-body');
        reply.value = (reply.value.trim() ? reply.value.trimEnd() + '\n\n' : '') + h.title + ': ' + h.link;
        reply.focus();
      }}, 'Insert link'), ' ',
    el('button', {type: 'button', testid: 'solved-with', onclick: () => {
      document.getElementById('resolve-article').value = h.id;
      document.getElementById('resolve-note').focus();
    }}, 'Solved with this article'))))
      : el('p', {class: 'muted small', testid: 'suggested-none'}, 'No article matches this ticket.');
    replace(box, el('h3', {}, 'Suggested articles'), list);
  }).catch(e => {
    const error = el('div', {class: 'error', role: 'alert'});
    showProblem(error, e);
    replace(box, el('h3', {}, 'Suggested articles'), error);
  });
  return box;
}

// ---------------------------------------------------------------- the page

export function ticketView(main, me, config, id) {
  const atRisk = config.atRiskMinutes * 60;
  const ctx = {ticket: null, show: null, reload: null, config};
  const status = el('p', {class: 'muted', testid: 'ticket-loading'}, 'Loading ticket…');
  replace(main, status);

  ctx.show = (t, after) => {
    ctx.ticket = t;
    replace(main,
      el('p', {}, el('a', {href: '#/queues', testid: 'back-to-queues'}, '← Queues')),
      el('h1', {testid: 'ticket-subject', id: 'ticket-subject'}, t.subject),
      el('p', {class: 'muted', testid: 'ticket-id'}, t.id + ' · version ' + t.version),
      after ? el('p', {class: 'ok', role: 'status', testid: 'action-done'}, 'Done: ' + after) : null,
      el('div', {class: 'columns'},
        el('div', {class: 'col'},
          details(t),
          el('h2', {}, 'Description'),
          el('div', {class: 'description', testid: 'ticket-description'}, t.description),
          articlesSeen(t),
          el('h2', {}, 'SLA clocks'), clocks(t.sla),
          el('h2', {}, 'Audit trail'), timeline(t)),
        el('div', {class: 'col side'}, suggestions(t), actions(t, me, ctx))));
    tickCountdowns(main, atRisk);
  };
  ctx.reload = async () => {
    try {
      ctx.show(await api('/tickets/' + encodeURIComponent(id)));
    } catch (e) {
      const error = el('div', {class: 'error', role: 'alert', testid: 'ticket-error'});
      showProblem(error, e);
      replace(main, el('p', {}, el('a', {href: '#/queues'}, '← Queues')), error);
    }
  };
  ctx.reload();
  return whileVisible(() => tickCountdowns(main, atRisk), 1000);
}
