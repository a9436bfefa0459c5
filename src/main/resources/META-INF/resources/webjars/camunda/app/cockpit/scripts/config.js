// zorginkoop: replaces the webjar's app/cockpit/scripts/config.js (Camunda 7.24), which Cockpit imports as an ES
// module and exposes as window.camCockpitConf. Only Dutch is offered (locales/nl.json next to this folder), whatever
// the browser's language; everything not set here keeps the webjar's default.
export default {
  app: {
    name: 'Zorginkoop Cockpit',
    vendor: 'Salland'
  },

  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  }
};
