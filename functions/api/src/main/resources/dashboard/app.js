// The dashboard's entry: sign-in, then a hash router over the queue, ticket and supervisor views.
import {loadConfig, session, demoUsers, signInLocal, signInCognito, answerChallenge, signOut} from './auth.js';
import {api, whenUnauthorized} from './api.js';
import {el, replace, showProblem} from './dom.js';
import {queuesView} from './queues.js';
import {ticketView} from './ticket.js';
import {supervisorView} from './supervisor.js';
import {myTicketsView, peopleView} from './people.js';
import {articlesView, articleView} from './articles.js';

const main = document.getElementById('main');
let config = null;
let me = null;
let stopView = () => {};

function stop() {
  stopView();
  stopView = () => {};
}

function header() {
  const signedIn = !!me;
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  document.getElementById('nav-supervisor').hidden = !(me && me.supervises);
  document.getElementById('nav-people').hidden = !(me && me.supervises);
  document.getElementById('current-user').textContent = me ? me.user + ' (' + me.role + ')' : '';
}

function signInView(message) {
  stop();
  me = null;
  header();
  const error = el('div', {class: 'error', role: 'alert', testid: 'signin-error', id: 'signin-error',
    hidden: !message}, message || '');
  const submit = el('button', {type: 'submit', testid: 'signin-submit', id: 'signin-submit'}, 'Sign in');
  const fields = el('div', {});
  const form = el('form', {class: 'signin', testid: 'signin-form', id: 'signin-form',
    'aria-describedby': 'signin-error'}, el('h1', {}, 'Sign in'), fields, submit, error);
  replace(main, form);
  let pending = null; // a Cognito challenge waiting for an answer

  if (config.signIn.mode === 'local') {
    const user = el('input', {id: 'signin-user', testid: 'signin-user', name: 'username', list: 'demo-users',
      required: true, autocomplete: 'username', value: 'alice'});
    const list = el('datalist', {id: 'demo-users'});
    replace(fields, el('p', {class: 'muted'}, 'Local run: sign in as one of the demo users.'),
      el('label', {for: 'signin-user'}, 'Demo user'), user, list, el('ul', {class: 'plain', testid: 'demo-users'}));
    demoUsers(config).then(users => {
      replace(list, users.map(u => el('option', {value: u.username}, u.name)));
      replace(fields.querySelector('ul'), users.map(u => el('li', {}, el('button', {type: 'button',
        class: 'link', testid: 'signin-as-' + u.username, onclick: () => {
          user.value = u.username;
          form.requestSubmit();
        }}, u.username), ' ', el('span', {class: 'muted'}, u.name))));
    }).catch(() => {});
  } else {
    replace(fields,
      el('label', {for: 'signin-username'}, 'Email'),
      el('input', {id: 'signin-username', testid: 'signin-username', type: 'email', required: true,
        autocomplete: 'username'}),
      el('label', {for: 'signin-password'}, 'Password'),
      el('input', {id: 'signin-password', testid: 'signin-password', type: 'password', required: true,
        autocomplete: 'current-password'}),
      el('div', {id: 'signin-challenge', hidden: true},
        el('label', {for: 'signin-answer', id: 'signin-answer-label'}, ''),
        el('input', {id: 'signin-answer', testid: 'signin-answer', autocomplete: 'one-time-code'})));
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      if (config.signIn.mode === 'local') {
        await signInLocal(config, form.querySelector('#signin-user').value.trim());
      } else {
        const username = form.querySelector('#signin-username').value.trim();
        const outcome = pending
          ? await answerChallenge(config, pending.challenge, pending.challengeSession, username,
            form.querySelector('#signin-answer').value)
          : await signInCognito(config, username, form.querySelector('#signin-password').value);
        if (outcome.challenge) {
          pending = outcome;
          form.querySelector('#signin-challenge').hidden = false;
          form.querySelector('#signin-answer-label').textContent = outcome.challenge === 'NEW_PASSWORD_REQUIRED'
            ? 'Choose a new password' : 'Code from your authenticator app';
          form.querySelector('#signin-answer').type = outcome.challenge === 'NEW_PASSWORD_REQUIRED'
            ? 'password' : 'text';
          return;
        }
      }
      await start();
    } catch (err) {
      showProblem(error, err);
    } finally {
      submit.disabled = false;
    }
  });
}

async function start() {
  me = await api('/dashboard/me');
  header();
  route();
}

function route() {
  if (!session()) {
    signInView();
    return;
  }
  if (!me) {
    start().catch(e => signInView(e.message));
    return;
  }
  stop();
  const hash = location.hash || '#/queues';
  const ticket = /^#\/ticket\/([^/]+)$/.exec(hash);
  for (const link of document.querySelectorAll('#nav a')) {
    link.toggleAttribute('aria-current', hash.startsWith(link.getAttribute('href')));
  }
  const article = /^#\/articles\/([^/]+)$/.exec(hash);
  if (ticket) stopView = ticketView(main, me, config, decodeURIComponent(ticket[1]));
  else if (article) stopView = articleView(main, me, article[1] === 'new' ? null : decodeURIComponent(article[1]));
  else if (hash === '#/articles') stopView = articlesView(main, me);
  else if (hash === '#/supervisor') stopView = supervisorView(main, me, config);
  else if (hash === '#/mine') stopView = myTicketsView(main, me, config);
  else if (hash === '#/people') stopView = peopleView(main, me, config);
  else stopView = queuesView(main, me, config);
  main.focus({preventScroll: true});
}

document.getElementById('signout').addEventListener('click', async () => {
  await signOut();
  signInView('Signed out.');
});
whenUnauthorized(() => {
  signOut().finally(() => signInView('Your session ended; please sign in again.'));
});
window.addEventListener('hashchange', route);

loadConfig().then(c => {
  config = c;
  route();
}).catch(e => {
  replace(main, el('p', {class: 'error', role: 'alert', testid: 'config-error'}, e.message));
});
