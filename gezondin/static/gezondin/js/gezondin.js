/*
 * GezondIn — progressive enhancement only; every page works without this script.
 *
 * The main menu is a <details> element that the server renders open, so it is usable without
 * JavaScript. On small screens this script closes it so the page starts with the content; on
 * wide screens (where the "Menu" toggle is hidden by CSS) it keeps it open.
 */
(function () {
  "use strict";

  var menus = document.querySelectorAll("[data-main-menu]");
  if (!menus.length || !window.matchMedia) {
    return;
  }
  var wide = window.matchMedia("(min-width: 48em)");

  function update() {
    for (var i = 0; i < menus.length; i++) {
      menus[i].open = wide.matches;
    }
  }

  update();
  if (wide.addEventListener) {
    wide.addEventListener("change", update);
  } else if (wide.addListener) {
    wide.addListener(update);
  }
})();

/*
 * The finder (the kennisbank and the agenda; gezondin/includes/finder_panel.html).
 *
 * Without this script the filters are a <details> disclosure inside a GET form with an apply
 * button, and everything works. With it:
 * - on a wide screen the filters stay open beside the results;
 * - on a phone "Filters (n)" opens them as a dialog over the page: focus moves to its heading,
 *   the rest of the page is inert, Escape or "Sluiten" closes it and focus returns to the toggle;
 * - every change applies at once: the page is fetched with the new query string, the parts marked
 *   data-finder-region are swapped in, the address follows (history.pushState) and the new count
 *   is announced in a polite live region. If the fetch fails, the browser simply goes there.
 */
(function () {
  "use strict";

  var finders = document.querySelectorAll("[data-finder]");
  if (
    !finders.length ||
    !window.matchMedia ||
    !window.fetch ||
    !window.AbortController ||
    !window.DOMParser ||
    !window.FormData ||
    !window.URLSearchParams ||
    !window.history.pushState
  ) {
    return;
  }
  var wide = window.matchMedia("(min-width: 64em)");

  function enhance(form) {
    var panel = form.querySelector("[data-finder-panel]");
    if (!panel) {
      return;
    }
    var summary = panel.querySelector("summary");
    var sheet = panel.querySelector("[data-finder-sheet]");
    var heading = sheet.querySelector("h2, h3");
    var closeButton = panel.querySelector("[data-finder-close]");
    var inerted = [];
    var pending = null;
    var timer = null;
    var shown = location.pathname + location.search;

    form.classList.add("finder--live");

    // The button that opens the dialog sits in the results, which are swapped: look it up.
    function opener() {
      return form.querySelector("[data-finder-open]");
    }

    function isModal() {
      return panel.classList.contains("is-modal");
    }

    function setExpanded() {
      var button = opener();
      if (button) {
        button.setAttribute("aria-expanded", isModal() ? "true" : "false");
      }
    }

    function makeOutsideInert() {
      for (var node = sheet; node && node !== document.body; node = node.parentElement) {
        var siblings = node.parentElement ? node.parentElement.children : [];
        for (var i = 0; i < siblings.length; i++) {
          var sibling = siblings[i];
          if (sibling !== node && !sibling.inert && sibling.tagName !== "SCRIPT") {
            sibling.inert = true;
            inerted.push(sibling);
          }
        }
      }
    }

    function openModal() {
      panel.open = true;
      panel.classList.add("is-modal");
      sheet.setAttribute("role", "dialog");
      sheet.setAttribute("aria-modal", "true");
      sheet.setAttribute("aria-labelledby", heading.id);
      closeButton.hidden = false;
      document.documentElement.classList.add("finder-modal-open");
      makeOutsideInert();
      setExpanded();
      heading.focus();
    }

    function closeModal(returnFocus) {
      if (!isModal()) {
        return;
      }
      panel.classList.remove("is-modal");
      sheet.removeAttribute("role");
      sheet.removeAttribute("aria-modal");
      sheet.removeAttribute("aria-labelledby");
      closeButton.hidden = true;
      document.documentElement.classList.remove("finder-modal-open");
      for (var i = 0; i < inerted.length; i++) {
        inerted[i].inert = false;
      }
      inerted = [];
      panel.open = wide.matches;
      setExpanded();
      if (returnFocus && opener()) {
        opener().focus();
      }
    }

    function layout() {
      if (wide.matches) {
        closeModal(false);
        panel.open = true;
      } else if (!isModal()) {
        panel.open = false;
      }
      setExpanded();
    }

    function query() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (typeof value === "string" && value.trim() !== "") {
          params.append(name, value);
        }
      });
      var text = params.toString();
      return form.action.split("?")[0].split("#")[0] + (text ? "?" + text : "");
    }

    function announce(doc) {
      var count = doc.querySelector("[data-finder-count]");
      var statuses = form.querySelectorAll("[data-finder-status]");
      // The one inside the dialog while it is open (the rest of the page is inert then).
      var status = statuses[isModal() ? 0 : statuses.length - 1];
      if (!count || !status) {
        return;
      }
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = count.textContent.replace(/\s+/g, " ").trim();
      }, 50);
    }

    function swap(doc) {
      var active = document.activeElement;
      var activeId = active && active.id;
      var facetsOpen = {};
      var facets = form.querySelectorAll("details[data-facet]");
      for (var i = 0; i < facets.length; i++) {
        facetsOpen[facets[i].getAttribute("data-facet")] = facets[i].open;
      }
      var regions = form.querySelectorAll("[data-finder-region]");
      for (var j = 0; j < regions.length; j++) {
        var name = regions[j].getAttribute("data-finder-region");
        var fresh = doc.querySelector('[data-finder-region="' + name + '"]');
        if (fresh) {
          regions[j].innerHTML = fresh.innerHTML;
        }
      }
      facets = form.querySelectorAll("details[data-facet]");
      for (var k = 0; k < facets.length; k++) {
        var facet = facets[k].getAttribute("data-facet");
        if (Object.prototype.hasOwnProperty.call(facetsOpen, facet)) {
          facets[k].open = facetsOpen[facet];
        }
      }
      // Keep the focus where it was: on the same control if it is still there.
      if (active && !document.body.contains(active)) {
        var again = activeId && document.getElementById(activeId);
        (again || (isModal() ? heading : opener()) || heading).focus();
      }
    }

    function apply(afterwards) {
      var url = query();
      if (pending) {
        pending.abort();
      }
      var controller = (pending = new AbortController());
      form.setAttribute("aria-busy", "true");
      fetch(url, { signal: controller.signal, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          swap(doc);
          setExpanded();
          var address = new URL(url);
          shown = address.pathname + address.search;
          if (shown !== location.pathname + location.search) {
            window.history.pushState({ finder: true }, "", url);
          }
          announce(doc);
          form.removeAttribute("aria-busy");
          pending = null;
          if (afterwards) {
            afterwards();
          }
        })
        .catch(function (error) {
          if (error && error.name === "AbortError") {
            return;
          }
          window.location.href = url;
        });
    }

    form.addEventListener("click", function (event) {
      var target = event.target.closest ? event.target.closest("[data-finder-open]") : null;
      if (target) {
        openModal();
      }
    });

    // On a phone the <summary> is hidden once this script runs; should it be used, it opens
    // the dialog too.
    summary.addEventListener("click", function (event) {
      if (!wide.matches) {
        event.preventDefault();
        openModal();
      }
    });

    closeButton.addEventListener("click", function () {
      closeModal(true);
    });

    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isModal()) {
        event.preventDefault();
        closeModal(true);
      }
    });

    form.addEventListener("change", function (event) {
      if (event.target.type === "search") {
        return; // a typed query applies when the form is sent
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        apply(null);
      }, 150);
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      var modal = isModal();
      apply(function () {
        if (modal) {
          closeModal(true);
        }
      });
    });

    window.addEventListener("popstate", function () {
      // Back or forward to another selection: show it as the server renders it.
      if (location.pathname + location.search !== shown) {
        window.location.reload();
      }
    });

    if (wide.addEventListener) {
      wide.addEventListener("change", layout);
    } else if (wide.addListener) {
      wide.addListener(layout);
    }
    layout();
  }

  for (var i = 0; i < finders.length; i++) {
    enhance(finders[i]);
  }
})();
