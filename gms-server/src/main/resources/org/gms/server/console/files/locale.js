// Languages of the console: true offers a language, false hides it. To add one, create files/<lang>/locale.js
// (copy en-US/locale.js, translate the values, keep the keys) and list it here.
GMS.languages({
  "en-US": true,
  "fr-FR": true
});
