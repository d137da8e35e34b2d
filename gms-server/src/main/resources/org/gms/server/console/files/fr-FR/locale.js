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
    title: "Nœuds",
    intro: "Les membres du cluster tels que le registre des nœuds les voit. Un nœud suspendu (OFFLINE) répond 503 au contrôle des répartiteurs de charge et ne prend aucune tâche ; il continue de tourner.",
    caption: "Membres du cluster",
    column: {
      node: "Nœud",
      status: "État",
      version: "Version",
      startedAt: "Démarré",
      lastSeen: "Vu pour la dernière fois",
      dataCenter: "Centre de données",
      master: "Maître",
      action: "Action"
    },
    state: {
      ONLINE: "En ligne",
      OFFLINE: "Suspendu"
    },
    none: "Aucun nœud actif dans le registre.",
    suspend: "Suspendre",
    resume: "Reprendre",
    suspendNode: "Suspendre le nœud {node}",
    resumeNode: "Reprendre le nœud {node}",
    confirmTitle: "Suspendre le nœud {node} ?",
    confirmText: "Le nœud {node} ({url}) passe OFFLINE : les répartiteurs de charge ne lui envoient plus de trafic et il ne prend plus de tâche jusqu'à sa reprise.",
    changed: "Le nœud {node} est maintenant {status}.",
    changeFailed: "L'état du nœud {node} n'a pas changé",
    loadFailed: "Les nœuds n'ont pas pu être lus"
  },

  ServicesView: {
    title: "Services configurés",
    intro: "Les sections de services et de chat telles que le serveur les lit dans etc/gms.ini (et node.ini), avec la description de chaque option, et les listes que lisent les services. Lecture seule : modifiez les fichiers pour les changer ; la plupart des options s'appliquent aussitôt. Les secrets ne sont jamais affichés.",
    filter: "Filtre (section, option, valeur ou description)",
    showUnset: "Montrer aussi les options laissées à leur valeur par défaut",
    sections: "Sections",
    lists: "Listes (etc/lists)",
    column: {
      option: "Option",
      value: "Valeur",
      "default": "Par défaut",
      description: "Description",
      group: "Groupe",
      key: "Clé"
    },
    purpose: {
      resources: "ressources d'accès",
      patterns: "motifs",
      "paused-services": "services en pause"
    },
    secret: "secret masqué",
    empty: "(vide)",
    allDefaults: "Toutes les options de cette section sont à leur valeur par défaut.",
    noMatch: "Aucune section ne correspond au filtre.",
    listMissing: "Liste absente : {file} n'existe pas.",
    listEmpty: "Cette liste est vide.",
    loadFailed: "La configuration n'a pas pu être lue"
  },

  SampleView: {
    title: "Exemple client GMS",
    intro: "Le côté client de ce déploiement, sans connexion ni application à vous : demandez un numéro à appeler, discutez avec un agent, réservez un rappel. Chaque requête et chaque réponse sont montrées telles qu'elles ont circulé.",
    console: "Console de gestion",
    language: "Langue",
    raw: "Requêtes et réponses",
    failed: "Le serveur a répondu HTTP {status} ; voir la réponse ci-dessous.",
    scenario: {
      label: "Scénario",
      interaction: "REQUEST-INTERACTION (numéro à appeler)",
      chat: "REQUEST-CHAT (chat avec un agent)",
      callback: "CALLBACK (maintenant ou planifié)"
    },
    interaction: {
      service: "Service",
      firstName: "Prénom (données utilisateur, facultatif)",
      connect: "Se connecter",
      number: "Numéro à appeler",
      code: "Code d'accès",
      noCode: "aucun (le service n'a pas _provide_code)",
      expires: "Valable",
      seconds: "{n} s",
      dial: "Composez le {number} maintenant."
    },
    chat: {
      service: "Service de chat",
      nickname: "Votre nom",
      defaultNickname: "Client",
      subject: "Sujet",
      firstMessage: "Premier message",
      defaultText: "Bonjour, j'ai une question.",
      start: "Démarrer le chat",
      end: "Terminer le chat",
      send: "Envoyer",
      message: "Message",
      transcript: "Transcription",
      idle: "Pas encore de chat.",
      open: "Chat {chat} ouvert : un agent va se joindre.",
      ended: "Le chat est terminé.",
      typing: "{who} écrit…",
      refused: "Le chat a été refusé"
    },
    event: {
      ParticipantJoined: "arrivée",
      ParticipantLeft: "départ",
      Message: "message",
      Notice: "avis",
      PushUrl: "URL de push",
      NicknameUpdated: "nouveau nom",
      FileUploaded: "fichier",
      IdleAlert: "alerte d'inactivité",
      IdleClose: "fin pour inactivité"
    },
    callback: {
      service: "Service de rappel",
      number: "Votre numéro de téléphone",
      when: "Quand",
      now: "Dès que possible",
      later: "À l'heure que je choisis",
      findSlots: "Chercher les créneaux libres",
      slot: "Créneau",
      noSlot: "Aucun créneau libre trouvé",
      places: "{n} libres",
      slotsFound: "{n} créneaux libres trouvés.",
      pickSlot: "Cherchez d'abord les créneaux libres et choisissez-en un.",
      submit: "Demander un rappel",
      id: "Identifiant du rappel",
      action: "Étape suivante",
      booked: "Rappel {id} réservé."
    }
  }
});
