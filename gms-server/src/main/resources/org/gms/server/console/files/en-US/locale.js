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
    title: "Callback",
    range: "Date Range",
    presets: {
      last24: "Last 24 Hours",
      last7: "Last 7 Days",
      last30: "Last 30 Days",
      today: "Today",
      next24: "Next 24 Hours",
      next7: "Next 7 Days",
      next30: "Next 30 Days",
      custom: "Custom Date Range"
    },
    from: "Start date",
    to: "End date",
    apply: "Apply",
    errors: {
      notBefore: "Start date is not before the end date!",
      tooLong: "Maximum range is one month!"
    },
    found: "{n} Callback(s) found",
    none: "No callbacks found.",
    columns: {
      id: "Service ID",
      state: "State",
      desiredTime: "Desired Callback Time",
      phone: "Phone Number",
      service: "Service Name"
    },
    selectPage: "Select all callbacks of this page",
    selectOne: "Select the callback to {phone} at {time}",
    previous: "Previous page",
    next: "Next page",
    page: "Page {page} of {pages}",
    create: "Create Callback",
    advanced: "Advanced Options",
    cancel: "Cancel Callbacks",
    reports: "Download Reports",
    showServiceId: "Include the Service ID column",
    states: "States",
    services: "Services",
    noService: "No callback service is configured.",
    service: "Service",
    phone: "Phone Number",
    desiredTime: "Desired Callback Time",
    desiredTimeHint: "Leave the time empty for an immediate callback.",
    createMissing: "Choose a service and give a phone number.",
    created: "Callback {id} created.",
    createFailed: "The callback was not created",
    cancelPage: "Callbacks to Cancel in Current Page ({n})",
    cancelAll: "Cancel All Callbacks in Current Time Range ({n})",
    cancelling: "Cancelling…",
    cancelDone: "{n} callback(s) cancelled.",
    cancelSome: "{ok} callback(s) cancelled, {failed} not cancelled (processing or already completed).",
    outcomeOk: "Ok",
    outcomeFailed: "Not cancelled",
    summaryTitle: "Cancellation Summary Report",
    summaryDownload: "Download the Cancellation Summary Report",
    summaryNone: "No callbacks were cancelled since this page was opened.",
    exportTitle: "Export Cancelled Callbacks",
    exportHint: "The callbacks cancelled by an administrator in the current time range, as a CSV file.",
    exportDownload: "Export Cancelled Callbacks",
    exportCount: "{n} cancelled callback(s) in the current time range."
  },

  CapacityView: {
    title: "Capacity",
    service: "Callback service",
    noService: "No callback service is configured.",
    noSlot: "This service has no slot in the next days.",
    chartLabel: "Capacity of service {service} for the next {days} days: {booked} booked of {capacity} places, {full} full slot(s).",
    slotTitle: "{time}: {booked} booked of {capacity}",
    slotClosed: "{time}: closed, {booked} booked",
    daySummary: "{day}: {booked} booked of {capacity}, {full} full slot(s)",
    dayClosed: "{day}: closed",
    zone: "Slots of {minutes} minutes; the office hours are those of zone {zone}, times are shown in yours.",
    legend: {
      open: "Office hours (open)",
      closed: "Closed",
      capacity: "Capacity",
      booked: "Booked",
      full: "Full"
    }
  },

  ChatView: {
  },

  AgentDesk: {
  },

  NodesView: {
    title: "Nodes",
    intro: "The members of the cluster as the node registry sees them. A suspended node (OFFLINE) answers 503 to the load balancers' check and claims no job; it keeps running.",
    caption: "Cluster members",
    column: {
      node: "Node",
      status: "State",
      version: "Version",
      startedAt: "Started",
      lastSeen: "Last seen",
      dataCenter: "Data center",
      master: "Master",
      action: "Action"
    },
    state: {
      ONLINE: "Online",
      OFFLINE: "Suspended"
    },
    none: "No live node in the registry.",
    suspend: "Suspend",
    resume: "Resume",
    suspendNode: "Suspend node {node}",
    resumeNode: "Resume node {node}",
    confirmTitle: "Suspend node {node}?",
    confirmText: "Node {node} ({url}) goes OFFLINE: load balancers stop sending it traffic and it claims no job until it is resumed.",
    changed: "Node {node} is now {status}.",
    changeFailed: "The status of node {node} did not change",
    loadFailed: "The nodes could not be read"
  },

  ServicesView: {
    title: "Configured Services",
    intro: "The service and chat sections as the server reads them from etc/gms.ini (and node.ini), with the description of each option, and the lists the services read. Read-only: edit the files to change them; most options apply at once. Secrets are never shown.",
    filter: "Filter (section, option, value or description)",
    showUnset: "Also show the options left at their default",
    sections: "Sections",
    lists: "Lists (etc/lists)",
    column: {
      option: "Option",
      value: "Value",
      "default": "Default",
      description: "Description",
      group: "Group",
      key: "Key"
    },
    purpose: {
      resources: "access resources",
      patterns: "patterns",
      "paused-services": "paused services"
    },
    secret: "hidden secret",
    empty: "(empty)",
    allDefaults: "Every option of this section is at its default.",
    noMatch: "No section matches the filter.",
    listMissing: "No such list: {file} does not exist.",
    listEmpty: "This list is empty.",
    loadFailed: "The configuration could not be read"
  },

  SampleView: {
    title: "GMS customer sample",
    intro: "The customer's side of this deployment, with no login and no app of your own: ask for a number to dial, chat with an agent, book a callback. Every request and answer is shown as it went over the wire.",
    console: "Management UI",
    language: "Language",
    raw: "Requests and answers",
    failed: "The server answered HTTP {status}; see the answer below.",
    scenario: {
      label: "Scenario",
      interaction: "REQUEST-INTERACTION (number to dial)",
      chat: "REQUEST-CHAT (chat with an agent)",
      callback: "CALLBACK (now or scheduled)"
    },
    interaction: {
      service: "Service",
      firstName: "First name (user data, optional)",
      connect: "Connect",
      number: "Number to call",
      code: "Access code",
      noCode: "none (the service has no _provide_code)",
      expires: "Valid for",
      seconds: "{n} s",
      dial: "Dial {number} now."
    },
    chat: {
      service: "Chat service",
      nickname: "Your name",
      defaultNickname: "Customer",
      subject: "Subject",
      firstMessage: "First message",
      defaultText: "Hello, I have a question.",
      start: "Start chat",
      end: "End chat",
      send: "Send",
      message: "Message",
      transcript: "Transcript",
      idle: "No chat yet.",
      open: "Chat {chat} open: an agent will join.",
      ended: "The chat has ended.",
      typing: "{who} is typing…",
      refused: "The chat was refused"
    },
    event: {
      ParticipantJoined: "joined",
      ParticipantLeft: "left",
      Message: "message",
      Notice: "notice",
      PushUrl: "push URL",
      NicknameUpdated: "new name",
      FileUploaded: "file",
      IdleAlert: "idle alert",
      IdleClose: "idle close"
    },
    callback: {
      service: "Callback service",
      number: "Your phone number",
      when: "When",
      now: "As soon as possible",
      later: "At a time I choose",
      findSlots: "Find free slots",
      slot: "Slot",
      noSlot: "No free slot found",
      places: "{n} free",
      slotsFound: "{n} free slots found.",
      pickSlot: "Find the free slots and pick one first.",
      submit: "Request callback",
      id: "Callback id",
      action: "Next step",
      booked: "Callback {id} booked."
    }
  }
});
