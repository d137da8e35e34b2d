// The registry the language files fill: files/locale.js lists the languages (true: offered), and each
// files/<lang>/locale.js registers its strings. Plain scripts, so an operator edits them like GMS's own.
(function () {
  var registry = { enabled: {}, strings: {} };
  window.GMS = {
    languages: function (list) { registry.enabled = list || {}; },
    locale: function (lang, strings) { registry.strings[lang] = strings || {}; },
    registry: registry
  };
})();
