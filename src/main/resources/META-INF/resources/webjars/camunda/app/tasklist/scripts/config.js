// zorginkoop: replaces the webjar's app/tasklist/scripts/config.js (Camunda 7.24), which Tasklist imports as an ES
// module and exposes as window.camTasklistConf. Only Dutch is offered (locales/nl.json next to this folder), whatever
// the browser's language; everything not set here keeps the webjar's default.
export default {
  app: {
    name: 'Zorginkoop Tasklist',
    vendor: 'Salland'
  },

  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  },

  // The webjar's keyboard shortcuts, unchanged except for Dutch descriptions (shown in the shortcut help dialog).
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claimt de geselecteerde taak'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'zet de focus op het eerste filter in de lijst'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'zet de focus op de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'zet de focus op het eerste invoerveld van een taakformulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opent het venster om een proces te starten'
    }
  }
};
