// English strings of the console. To translate: copy this folder to files/<lang>/, change the values (never the
// keys), and list <lang> in files/locale.js. {name} parts are filled in by the console.
GMS.locale("en-US", {
  Main_Login: {
    title: "English",
    APP_NAME_GMS_LOGIN: "GMS Management UI - Login",
    loginFormTitle: {
      username: "User name",
      password: "Password",
      language: "Language",
      button: "Log in",
      page: "Welcome"
    },
    errorMessages: {
      incorrectLogin: "Incorrect user name and/or password.",
      emptyField: "Fill in all required fields.",
      connectionError: "Server connection error",
      maxSessions: "This user has reached the maximum number of simultaneous sessions allowed."
    }
  },
  Common: {
    APP_NAME: "GMS Management UI",
    loading: "Loading…",
    error: "Error",
    sessionEnded: "Your session ended. Log in again.",
    reconnecting: "Connection to the server lost, reconnecting…",
    disconnected: "Disconnected from the server.",
    refresh: "Refresh",
    close: "Close",
    save: "Save",
    cancel: "Cancel",
    confirm: "Confirm",
    yes: "Yes",
    no: "No",
    none: "None"
  },
  Roles: {
    Administrator: "Administrator",
    Supervisor: "Supervisor",
    Agent: "Agent"
  },
  NavBar: {
    callback: "Callback",
    capacity: "Capacity",
    chat: "Chat",
    agent: "Agent Desk",
    nodes: "Nodes",
    services: "Configured Services",
    sample: "Lab > Sample",
    logout: "Log out"
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
