// Chaînes françaises de la console. Ne modifiez que les valeurs, jamais les clés.
GMS.locale("fr-FR", {
  Main_Login: {
    title: "Français",
    APP_NAME_GMS_LOGIN: "GMS Management UI - Connexion",
    loginFormTitle: {
      username: "Nom d'utilisateur",
      password: "Mot de passe",
      language: "Langue",
      button: "Connexion",
      page: "Bienvenue"
    },
    errorMessages: {
      incorrectLogin: "Nom d'utilisateur et/ou mot de passe incorrect(s).",
      emptyField: "Remplissez tous les champs obligatoires.",
      connectionError: "Erreur de connexion au serveur",
      maxSessions: "Cet utilisateur a atteint le nombre maximum de connexions simultanées autorisées."
    }
  },
  Common: {
    APP_NAME: "GMS Management UI",
    loading: "Chargement…",
    error: "Erreur",
    sessionEnded: "Votre session est terminée. Reconnectez-vous.",
    reconnecting: "Connexion au serveur perdue, reconnexion…",
    disconnected: "Déconnecté du serveur.",
    refresh: "Actualiser",
    close: "Fermer",
    save: "Enregistrer",
    cancel: "Annuler",
    confirm: "Confirmer",
    yes: "Oui",
    no: "Non",
    none: "Aucun"
  },
  Roles: {
    Administrator: "Administrateur",
    Supervisor: "Superviseur",
    Agent: "Agent"
  },
  NavBar: {
    callback: "Rappels",
    capacity: "Capacité",
    chat: "Chat",
    agent: "Poste agent",
    nodes: "Nœuds",
    services: "Services configurés",
    sample: "Labo > Exemple",
    logout: "Déconnexion"
  },

  CallbackView: {
  },

  CapacityView: {
  },

  ChatView: {
  },

  AgentDesk: {
  },

  NodesView: {
  },

  ServicesView: {
  },

  SampleView: {
  }
});
