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
