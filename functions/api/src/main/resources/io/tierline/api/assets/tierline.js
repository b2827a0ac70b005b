// Tierline customer pages: an optional enhancement. Every page works without it; the server validates every post.
// It only (1) moves keyboard focus to an error summary or confirmation so screen readers announce it, and from a
// summary's link into its field, and (2) on the support form, points out empty required fields and malformed
// emails before a round trip.
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

  document.addEventListener('DOMContentLoaded', function () {
    focusFirst();
    document.addEventListener('click', focusLinkedField);
    document.querySelectorAll('form[data-validate]').forEach(function (form) {
      form.addEventListener('submit', check);
    });
  });
}());
