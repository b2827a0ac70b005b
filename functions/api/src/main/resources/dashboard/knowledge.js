// The supervisor view's "Knowledge base" section: deflection, content gaps and the articles that work.
import {api} from './api.js';
import {el, replace, showProblem} from './dom.js';

const pct = v => v === null || v === undefined ? '—' : Math.round(v * 100) + '%';

function table(testid, heads, rows) {
  if (!rows.length) return el('p', {class: 'muted', testid: testid + '-empty'}, 'Nothing in this period.');
  return el('table', {testid}, el('thead', {}, el('tr', {}, heads.map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, rows));
}

function articleTable(testid, rows) {
  return table(testid, ['Article', 'Tickets solved', 'Deflections', 'Helpful', 'Not helpful', 'Helpful share'],
    rows.map(a => el('tr', {testid: testid + '-row', 'data-article-id': a.id},
      el('th', {scope: 'row'}, el('a', {href: '#/articles/' + (/^KB-[0-9a-f]{12}$/.test(a.id) ? a.id : '')},
        a.title ?? a.id + ' (deleted)')),
      [a.solved, a.deflected, a.helpful, a.notHelpful].map(v => el('td', {}, String(v))),
      el('td', {}, pct(a.helpfulShare)))));
}

/** Fills {@code box} with the last 30 days' figures (GET /reports/knowledge; supervisors and admins). */
export function knowledgeInto(box) {
  api('/reports/knowledge').then(k => replace(box,
    el('p', {class: 'muted small'}, k.from + ' to ' + k.to),
    el('dl', {class: 'facts', testid: 'knowledge-totals'},
      el('dt', {}, 'Deflection rate'), el('dd', {testid: 'knowledge-deflection-rate'}, pct(k.deflectionRate)),
      el('dt', {}, 'Deflected'), el('dd', {testid: 'knowledge-deflected'}, String(k.deflected)),
      el('dt', {}, 'Filed after suggestions'), el('dd', {}, String(k.filedAfterSuggestions)),
      el('dt', {}, 'Suggestions shown'), el('dd', {testid: 'knowledge-shown'}, String(k.suggestionsShown))),
    el('h3', {}, 'Content gaps (searches without a good answer)'),
    table('knowledge-gaps', ['Search', 'Times'], k.contentGaps.map(g => el('tr', {testid: 'knowledge-gap'},
      el('td', {}, g.query), el('td', {}, String(g.searches))))),
    el('h3', {}, 'Articles by tickets solved'), articleTable('knowledge-solved', k.bySolved),
    el('h3', {}, 'Articles by helpful votes'), articleTable('knowledge-helpful', k.byHelpful),
    el('h3', {}, 'Articles by deflections'), articleTable('knowledge-deflections', k.byDeflected)))
    .catch(e => {
      const error = el('div', {class: 'error', role: 'alert'});
      showProblem(error, e);
      replace(box, error);
    });
}
