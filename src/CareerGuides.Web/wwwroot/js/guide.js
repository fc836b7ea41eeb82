// CareerGuides guide page: the skills checklist and the copy-link button. Progressive enhancement only: without this
// script each skill is a plain list item and the link is a plain link. Ticks are kept in this browser's localStorage
// under "careerguides:skills:<guide>", never in a cookie and never sent to the server. The figures come from the
// page (data-estimates: the timeline for each number of skills to build already had, computed by the server), so the
// script does no arithmetic beyond counting ticks. No dependencies; served from the site's own origin.
(function () {
  'use strict';

  var article = document.querySelector('[data-guide]');
  if (!article) {
    return;
  }

  setUpChecklist(article);
  setUpCopyLink(article);

  function browserStorage() {
    try {
      var storage = window.localStorage;
      var probe = 'careerguides:probe';
      storage.setItem(probe, probe);
      storage.removeItem(probe);
      return storage;
    } catch (e) {
      return null;
    }
  }

  function setUpChecklist(root) {
    var items = Array.prototype.slice.call(root.querySelectorAll('[data-skill]'));
    var timeline = root.querySelector('[data-stat=timeline]');
    var toBuild = root.querySelector('[data-stat=to-build]');
    var summary = root.querySelector('[data-checklist-summary]');
    if (items.length === 0 || !timeline || !toBuild || !summary) {
      return;
    }

    var storage = browserStorage();
    var key = 'careerguides:skills:' + root.getAttribute('data-guide');
    var estimates = timeline.getAttribute('data-estimates').split('|');
    var total = parseInt(toBuild.getAttribute('data-total'), 10);
    var timelineValue = timeline.querySelector('strong');
    var timelineLabel = timeline.querySelector('.chip__label');
    var toBuildValue = toBuild.querySelector('strong');
    var status = summary.querySelector('[data-checklist-status]');
    var ids = items.map(function (item) { return item.getAttribute('data-skill'); });
    var ticked = load();

    var boxes = items.map(function (item) {
      var id = item.getAttribute('data-skill');
      var heading = item.querySelector('h3');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.id = 'has-' + id;
      box.checked = ticked.indexOf(id) >= 0;
      var label = document.createElement('label');
      label.htmlFor = box.id;
      label.appendChild(document.createTextNode('I already have this'));
      var hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = ' (' + (heading ? heading.textContent : id) + ')';
      label.appendChild(hidden);
      var wrapper = document.createElement('p');
      wrapper.className = 'check';
      wrapper.appendChild(box);
      wrapper.appendChild(label);
      if (heading) {
        heading.insertAdjacentElement('afterend', wrapper);
      } else {
        item.insertBefore(wrapper, item.firstChild);
      }

      box.addEventListener('change', function () {
        ticked = ids.filter(function (other, i) { return boxes[i].checked; });
        save();
        render();
      });
      return box;
    });

    summary.querySelector('[data-checklist-clear]').addEventListener('click', function () {
      boxes.forEach(function (box) { box.checked = false; });
      ticked = [];
      save();
      render();
    });

    Array.prototype.forEach.call(root.querySelectorAll('[data-checklist-hint]'), function (hint) { hint.hidden = false; });
    summary.hidden = false;
    root.classList.add('has-checklist');
    render();

    function load() {
      if (!storage) {
        return [];
      }

      try {
        var saved = JSON.parse(storage.getItem(key) || '[]');
        return Array.isArray(saved) ? saved.filter(function (id) { return ids.indexOf(id) >= 0; }) : [];
      } catch (e) {
        return [];
      }
    }

    function save() {
      if (!storage) {
        return;
      }

      try {
        if (ticked.length === 0) {
          storage.removeItem(key);
        } else {
          storage.setItem(key, JSON.stringify(ticked));
        }
      } catch (e) {
        // Storage full or refused: the ticks still work until the page is left.
      }
    }

    function render() {
      var had = 0;
      var transferable = 0;
      var transferableTotal = 0;
      items.forEach(function (item, i) {
        var isBuild = ids[i].indexOf('b-') === 0;
        item.classList.toggle('is-had', boxes[i].checked);
        if (isBuild && boxes[i].checked) {
          had++;
        }

        if (!isBuild) {
          transferableTotal++;
          transferable += boxes[i].checked ? 1 : 0;
        }
      });

      timelineValue.textContent = estimates[had];
      timelineLabel.textContent = had > 0 ? 'estimated for you' : 'typical timeline';
      timeline.classList.toggle('chip--personal', had > 0);
      toBuildValue.textContent = String(total - had);
      toBuild.classList.toggle('chip--personal', had > 0);
      status.textContent = had === 0 && transferable === 0
        ? 'Nothing ticked yet. Estimated timeline: ' + estimates[0] + '.'
        : 'You have ticked ' + had + ' of ' + total + ' skills to build and ' + transferable + ' of ' + transferableTotal +
          ' transferable skills. Skills left to build: ' + (total - had) + '. Estimated timeline: ' + estimates[had] + '.';
    }
  }

  function setUpCopyLink(root) {
    var link = root.querySelector('[data-copy-link]');
    if (!link || !navigator.clipboard || !window.isSecureContext) {
      return;
    }

    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--quiet share__button';
    button.textContent = 'Copy link';
    var status = document.createElement('span');
    status.className = 'share__status';
    status.setAttribute('role', 'status');
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(link.href).then(
        function () { status.textContent = 'Link copied'; },
        function () { status.textContent = 'Could not copy: use the link instead'; });
    });
    link.insertAdjacentElement('afterend', status);
    link.insertAdjacentElement('afterend', button);
  }
})();
