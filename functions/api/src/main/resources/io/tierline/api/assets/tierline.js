// Tierline customer pages: an optional enhancement. Every page works without it; the server validates every post.
// It only (1) moves keyboard focus to an error summary or confirmation so screen readers announce it, and from a
// summary's link into its field, and (2) on the support form, points out empty required fields and malformed
// emails before a round trip, and (3) suggests knowledge-base articles under the subject as the customer types.
// It never builds markup from strings (textContent only): ticket text must stay inert.
(function () {
  'use strict';

  function focusFirst() {
    var target = document.getElementById('error-summary') || document.getElementById('notice');
    if (target) {
      target.focus();
    }
  }

  function labelOf(field) {
    var label = document.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent : field.name;
  }

  function clearErrors(form) {
    // the server's messages were about the last post; this check replaces them all
    var old = document.getElementById('error-summary');
    if (old) {
      old.remove();
    }
    form.querySelectorAll('.error-message').forEach(function (el) {
      var field = document.getElementById(el.id.replace(/-error$/, ''));
      if (field) {
        field.removeAttribute('aria-invalid');
        var describedBy = (field.getAttribute('aria-describedby') || '').split(' ')
          .filter(function (id) { return id && id !== el.id; }).join(' ');
        if (describedBy) { field.setAttribute('aria-describedby', describedBy); }
        else { field.removeAttribute('aria-describedby'); }
        field.closest('.field').classList.remove('invalid');
      }
      el.remove();
    });
  }

  function problemOf(field) {
    if (field.required && !field.value.trim()) {
      return 'is required';
    }
    if (field.type === 'email' && field.validity && field.validity.typeMismatch) {
      return 'must be a valid email address';
    }
    return null;
  }

  function check(event) {
    var form = event.target;
    // "This solved my problem" files nothing: the customer's details are not needed for it
    if (event.submitter && event.submitter.getAttribute('formaction') === '/kb/deflections') {
      return;
    }
    clearErrors(form);
    var problems = [];
    form.querySelectorAll('input[required], textarea[required]').forEach(function (field) {
      var problem = problemOf(field);
      if (!problem) {
        return;
      }
      var message = document.createElement('p');
      message.className = 'error-message';
      message.id = field.id + '-error';
      message.dataset.client = 'true';
      message.textContent = labelOf(field) + ' ' + problem;
      field.parentNode.insertBefore(message, field);
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby',
        ((field.getAttribute('aria-describedby') || '') + ' ' + message.id).trim());
      field.closest('.field').classList.add('invalid');
      problems.push({ id: field.id, text: message.textContent });
    });
    if (problems.length === 0) {
      return;
    }
    event.preventDefault();
    var summary = document.createElement('div');
    summary.className = 'error-summary';
    summary.id = 'error-summary';
    summary.dataset.client = 'true';
    summary.setAttribute('role', 'alert');
    summary.setAttribute('tabindex', '-1');
    var title = document.createElement('h2');
    title.textContent = 'There is a problem';
    var list = document.createElement('ul');
    problems.forEach(function (p) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + p.id;
      link.textContent = p.text;
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.appendChild(title);
    summary.appendChild(list);
    var main = document.getElementById('main');
    main.insertBefore(summary, main.querySelector('h1').nextSibling);
    summary.focus();
  }

  // A link of the error summary puts the cursor in its field, not only the field in view.
  function focusLinkedField(event) {
    var link = event.target.closest ? event.target.closest('.error-summary a[href^="#"]') : null;
    var field = link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
    if (field) {
      event.preventDefault();
      field.focus();
      var label = document.querySelector('label[for="' + field.id + '"]');
      (label || field).scrollIntoView();
    }
  }

  // Suggestions as the customer types: the same buttons as the server's check for answers, built with textContent.
  function suggest(form) {
    var subject = form.querySelector('[name="subject"]');
    var description = form.querySelector('[name="description"]');
    if (!subject || !window.fetch || form.querySelector('#kb-checked')) {
      return;
    }
    var region = document.createElement('div');
    region.id = 'kb-suggestions';
    region.className = 'suggestions';
    region.setAttribute('aria-live', 'polite');
    subject.parentNode.appendChild(region);
    var timer = null;
    var asked = '';
    function show(hits) {
      region.textContent = '';
      if (!hits.length) {
        return;
      }
      var title = document.createElement('h2');
      title.textContent = 'These articles may answer your question';
      region.appendChild(title);
      var list = document.createElement('ul');
      hits.forEach(function (hit) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = '/help/articles/' + encodeURIComponent(hit.id);
        link.textContent = hit.title;
        var snippet = document.createElement('p');
        snippet.className = 'hint';
        snippet.textContent = hit.snippet;
        var solved = document.createElement('button');
        solved.type = 'submit';
        solved.className = 'secondary';
        solved.name = 'article';
        solved.value = hit.id;
        solved.setAttribute('formaction', '/kb/deflections');
        solved.textContent = 'This solved my problem';
        item.appendChild(link);
        item.appendChild(snippet);
        item.appendChild(solved);
        list.appendChild(item);
      });
      region.appendChild(list);
      // "I still need help" tells the agent what the customer already read
      var seen = form.querySelector('input[name="articlesSeen"]');
      if (!seen) {
        seen = document.createElement('input');
        seen.type = 'hidden';
        seen.name = 'articlesSeen';
        form.appendChild(seen);
      }
      seen.value = hits.map(function (hit) { return hit.id; }).join(',');
      // the customer has seen the answers: the main button files at once, without the server's check step
      var send = form.querySelector('button[name="step"]');
      if (send) {
        send.removeAttribute('name');
      }
    }
    function search() {
      var words = (subject.value + ' ' + (description ? description.value : '')).trim().slice(0, 500);
      if (words.length < 3 || words === asked) {
        return;
      }
      asked = words;
      var lang = document.documentElement.lang || 'en';
      fetch('/kb/search?limit=3&lang=' + encodeURIComponent(lang) + '&q=' + encodeURIComponent(words),
          {headers: {Accept: 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (hits) { if (words === asked) { show(hits.slice(0, 3)); } })
        .catch(function () { /* no suggestions: the form works as without script */ });
    }
    function later() {
      clearTimeout(timer);
      timer = setTimeout(search, 300);
    }
    subject.addEventListener('input', later);
    if (description) {
      description.addEventListener('input', later);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    focusFirst();
    document.addEventListener('click', focusLinkedField);
    document.querySelectorAll('form[data-validate]').forEach(function (form) {
      form.addEventListener('submit', check);
    });
    document.querySelectorAll('form[data-suggest]').forEach(suggest);
  });
}());
