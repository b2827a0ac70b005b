// The knowledge base's articles: a list with filters and an editor (supervisors and admins write; agents read).
import {api} from './api.js';
import {el, replace, showProblem} from './dom.js';
import {when} from './time.js';

const AUDIENCES = ['public', 'internal'];
const ID = /^KB-[0-9a-f]{12}$/;

/**
 * The server's rendering of the article's Markdown (ArticleMarkdown: no raw HTML, no script, only http(s) and
 * relative links), parsed into inert nodes: the one place article HTML reaches the page, and only from the API.
 */
function renderedArticle(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return el('div', {class: 'article-preview', testid: 'article-preview'},
    Array.from(doc.body.childNodes, n => document.importNode(n, true)));
}

function filterSelect(id, label, values) {
  const s = el('select', {id, testid: id}, el('option', {value: ''}, 'any'),
    values.map(v => el('option', {value: v}, v)));
  return [el('label', {for: id}, label), s];
}

export function articlesView(main, me) {
  const error = el('div', {class: 'error', role: 'alert', testid: 'articles-error', hidden: true});
  const body = el('div', {testid: 'articles'});
  replace(main, el('h1', {}, 'Knowledge base'),
    me.supervises ? el('p', {}, el('a', {href: '#/articles/new', testid: 'article-new'}, 'New article')) : null,
    error, body);
  api('/articles').then(all => {
    const values = key => [...new Set(all.map(a => a[key]).filter(Boolean))].sort();
    const filters = {status: filterSelect('filter-status', 'Status', ['draft', 'published', 'retired']),
      audience: filterSelect('filter-audience', 'Audience', AUDIENCES),
      language: filterSelect('filter-language', 'Language', values('language')),
      category: filterSelect('filter-category', 'Category', values('category'))};
    const tbody = el('tbody', {});
    const draw = () => replace(tbody, all.filter(a => Object.entries(filters)
      .every(([key, [, s]]) => !s.value || a[key] === s.value)).map(a => el('tr', {testid: 'article-row',
      'data-article-id': a.id},
    el('td', {}, el('a', {href: '#/articles/' + (ID.test(a.id) ? a.id : '')}, a.title)),
    el('td', {testid: 'article-status'}, a.status), el('td', {}, a.audience), el('td', {}, a.language),
    el('td', {}, a.category), el('td', {}, when(a.updatedAt)))));
    Object.values(filters).forEach(([, s]) => s.addEventListener('change', draw));
    draw();
    replace(body, el('div', {class: 'toolbar'}, Object.values(filters)),
      el('table', {testid: 'articles-table'}, el('thead', {}, el('tr', {}, ['Title', 'Status', 'Audience',
        'Language', 'Category', 'Updated'].map(h => el('th', {scope: 'col'}, h)))), tbody));
  }).catch(e => showProblem(error, e));
  return () => {};
}

function input(id, label, value, props) {
  const control = props && props.rows ? el('textarea', {id, testid: id, name: id, rows: props.rows})
    : el('input', {id, testid: id, name: id, type: 'text'});
  control.value = value ?? '';
  const problem = el('div', {class: 'error small', testid: id + '-error', id: id + '-error', hidden: true});
  control.setAttribute('aria-describedby', id + '-error');
  return {control, problem, node: el('div', {class: 'field'}, el('label', {for: id}, label), control, problem)};
}

/** The editor for a new article ({@code id} null) or an existing one; writes send If-Match from the version read. */
export function articleView(main, me, id) {
  const error = el('div', {class: 'error', role: 'alert', testid: 'article-error', hidden: true});
  const status = el('p', {class: 'muted', testid: 'article-status-line'});
  const done = el('p', {class: 'ok', role: 'status', testid: 'article-done', hidden: true});
  const preview = el('div', {testid: 'article-preview-box'});
  const revisions = el('ol', {testid: 'article-history'});
  let article = null;

  const fields = {title: input('article-title', 'Title'), body: input('article-body', 'Body (Markdown)', '',
    {rows: 12}), category: input('article-category', 'Category'), tags: input('article-tags',
    'Tags (comma-separated)'), language: input('article-language', 'Language', 'en')};
  const audience = el('select', {id: 'article-audience', testid: 'article-audience', name: 'audience'},
    AUDIENCES.map(a => el('option', {value: a}, a)));
  const editable = me.supervises;
  const save = el('button', {type: 'submit', testid: 'article-save', hidden: !editable}, 'Save');
  const publish = el('button', {type: 'button', testid: 'article-publish', hidden: true,
    onclick: () => act('publish')}, 'Publish');
  const retire = el('button', {type: 'button', testid: 'article-retire', hidden: true,
    onclick: () => act('retire')}, 'Retire');
  const form = el('form', {class: 'article-editor', testid: 'article-form'},
    Object.values(fields).map(f => f.node),
    el('div', {class: 'field'}, el('label', {for: 'article-audience'}, 'Audience'), audience),
    save, ' ', publish, ' ', retire, error);
  form.querySelectorAll('input, textarea, select').forEach(c => {
    c.disabled = !editable;
  });
  replace(main, el('p', {}, el('a', {href: '#/articles'}, '← Articles')),
    el('h1', {testid: 'article-heading'}, id ? 'Article' : 'New article'), status, done, form,
    el('h2', {}, 'Preview'), preview, el('h2', {}, 'Revisions'), revisions);

  function show(a) {
    article = a;
    const c = a.content;
    fields.title.control.value = c.title;
    fields.body.control.value = c.body;
    fields.category.control.value = c.category;
    fields.tags.control.value = (c.tags || []).join(', ');
    fields.language.control.value = c.language;
    audience.value = c.audience;
    status.textContent = a.id + ' · ' + a.status + ' · version ' + a.version;
    publish.hidden = !editable || a.status === 'published';
    retire.hidden = !editable || a.status !== 'published';
    replace(preview, renderedArticle(a.html));
    replace(revisions, a.history.map(r => el('li', {testid: 'article-revision'},
      'v' + r.version + ' ' + r.action + ' by ' + r.by + ', ' + when(r.at) + ' (' + r.status + ')')));
  }

  function failed(e) {
    Object.values(fields).forEach(f => {
      f.problem.hidden = true;
    });
    const unplaced = [];
    for (const fe of (e.problem && e.problem.errors) || []) {
      const f = fields[String(fe.field).split(/[.[]/)[0]];
      if (f) {
        f.problem.textContent = fe.problem;
        f.problem.hidden = false;
      } else {
        unplaced.push(fe);
      }
    }
    if (e.status === 409) {
      replace(error, 'The article changed meanwhile: reload it before saving again. ',
        el('button', {type: 'button', testid: 'article-reload', onclick: load}, 'Reload'));
      error.hidden = false;
    } else if (!(e.problem && e.problem.errors) || unplaced.length) {
      showProblem(error, e);
    }
  }

  async function write(path, method, body) {
    error.hidden = true;
    done.hidden = true;
    try {
      const a = await api(path, {method, body, version: article ? article.version : undefined});
      done.textContent = 'Saved: ' + a.status + ', version ' + a.version;
      done.hidden = false;
      if (!article) {
        window.history.replaceState(null, '', '#/articles/' + a.id);
      }
      show(a);
    } catch (e) {
      failed(e);
    }
  }

  function act(action) {
    write('/articles/' + article.id + '/' + action, 'POST', {});
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    const body = {title: fields.title.control.value, body: fields.body.control.value,
      category: fields.category.control.value, language: fields.language.control.value.trim(),
      audience: audience.value,
      tags: fields.tags.control.value.split(',').map(t => t.trim()).filter(Boolean)};
    write(article ? '/articles/' + article.id : '/articles', article ? 'PUT' : 'POST', body);
  });

  async function load() {
    error.hidden = true;
    try {
      show(await api('/articles/' + encodeURIComponent(id)));
    } catch (e) {
      failed(e);
    }
  }
  if (id) load();
  return () => {};
}
