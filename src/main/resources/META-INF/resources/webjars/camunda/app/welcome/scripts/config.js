// zorginkoop: replaces the webjar's app/welcome/scripts/config.js (Camunda 7.24), which the Welcome page imports as an
// ES module and exposes as window.camWelcomeConf. Only Dutch is offered (locales/nl.json next to this folder),
// whatever the browser's language; everything not set here keeps the webjar's default.
export default {
  app: {
    name: 'Zorginkoop Welkom',
    vendor: 'Salland'
  },

  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  }
};
