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
    title: "Rappels",
    range: "Période",
    presets: {
      last24: "Dernières 24 heures",
      last7: "7 derniers jours",
      last30: "30 derniers jours",
      today: "Aujourd'hui",
      next24: "Prochaines 24 heures",
      next7: "7 prochains jours",
      next30: "30 prochains jours",
      custom: "Période personnalisée"
    },
    from: "Date de début",
    to: "Date de fin",
    apply: "Appliquer",
    errors: {
      notBefore: "La date de début n'est pas avant la date de fin !",
      tooLong: "La période est d'un mois au plus !"
    },
    found: "{n} rappel(s) trouvé(s)",
    none: "Aucun rappel trouvé.",
    columns: {
      id: "ID de service",
      state: "État",
      desiredTime: "Heure de rappel souhaitée",
      phone: "Numéro de téléphone",
      service: "Nom du service"
    },
    selectPage: "Sélectionner tous les rappels de la page",
    selectOne: "Sélectionner le rappel du {phone} à {time}",
    previous: "Page précédente",
    next: "Page suivante",
    page: "Page {page} sur {pages}",
    create: "Créer un rappel",
    advanced: "Options avancées",
    cancel: "Annuler des rappels",
    reports: "Télécharger les rapports",
    showServiceId: "Afficher la colonne ID de service",
    states: "États",
    services: "Services",
    noService: "Aucun service de rappel n'est configuré.",
    service: "Service",
    phone: "Numéro de téléphone",
    desiredTime: "Heure de rappel souhaitée",
    desiredTimeHint: "Laisser l'heure vide pour un rappel immédiat.",
    createMissing: "Choisir un service et donner un numéro de téléphone.",
    created: "Rappel {id} créé.",
    createFailed: "Le rappel n'a pas été créé",
    cancelPage: "Rappels à annuler dans la page ({n})",
    cancelAll: "Annuler tous les rappels de la période ({n})",
    cancelling: "Annulation…",
    cancelDone: "{n} rappel(s) annulé(s).",
    cancelSome: "{ok} rappel(s) annulé(s), {failed} non annulé(s) (en cours ou déjà terminés).",
    outcomeOk: "Annulé",
    outcomeFailed: "Non annulé",
    summaryTitle: "Rapport de synthèse des annulations",
    summaryDownload: "Télécharger le rapport de synthèse des annulations",
    summaryNone: "Aucun rappel annulé depuis l'ouverture de la page.",
    exportTitle: "Exporter les rappels annulés",
    exportHint: "Les rappels annulés par un administrateur dans la période, en fichier CSV.",
    exportDownload: "Exporter les rappels annulés",
    exportCount: "{n} rappel(s) annulé(s) dans la période."
  },

  CapacityView: {
    title: "Capacité",
    service: "Service de rappel",
    noService: "Aucun service de rappel n'est configuré.",
    noSlot: "Ce service n'a aucun créneau dans les prochains jours.",
    chartLabel: "Capacité du service {service} pour les {days} prochains jours : {booked} réservé(s) sur {capacity} places, {full} créneau(x) complet(s).",
    slotTitle: "{time} : {booked} réservé(s) sur {capacity}",
    slotClosed: "{time} : fermé, {booked} réservé(s)",
    daySummary: "{day} : {booked} réservé(s) sur {capacity}, {full} créneau(x) complet(s)",
    dayClosed: "{day} : fermé",
    zone: "Créneaux de {minutes} minutes ; les heures d'ouverture sont celles du fuseau {zone}, les heures sont affichées dans le vôtre.",
    legend: {
      open: "Heures d'ouverture",
      closed: "Fermé",
      capacity: "Capacité",
      booked: "Réservé",
      full: "Complet"
    }
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
