export default {
  app: {
    title: 'Landwatch — satellite land enforcement',
    signOut: 'Sign out',
    language: '中文',
    tasks: 'Tasks',
    loading: 'Loading…'
  },
  roles: {
    COUNTY_OFFICER: 'County officer',
    CONTRACTOR: 'Contractor',
    CITY_REVIEWER: 'City reviewer',
    PROVINCE_MANAGER: 'Province manager',
    ADMIN: 'Administrator'
  },
  tasks: {
    filters: 'Filters',
    kind: 'Task kind',
    anyKind: 'All kinds',
    batch: 'Batch',
    region: 'County',
    assigned: 'Assignment',
    assignedAny: 'All',
    assignedMe: 'Claimed by me',
    assignedNone: 'Unclaimed',
    overdueOnly: 'Overdue only',
    order: 'Order',
    orderDue: 'By due date',
    orderCreated: 'By issue time',
    refresh: 'Refresh',
    spotCode: 'Spot',
    task: 'Task',
    dueDay: 'Due',
    deadline: 'Deadline',
    assignee: 'Assignee',
    actions: 'Actions',
    claim: 'Claim',
    unclaim: 'Unclaim',
    open: 'Open',
    empty: 'No open tasks',
    extension: 'Extension application {id}',
    total: '{total} in all',
    claimed: 'Claimed',
    unclaimed: 'Unclaimed',
    completed: 'Submitted',
    selectTask: 'Choose a task from the list',
    claimFirst: 'Claim the task before you fill it in',
    submit: 'Submit',
    denied: 'Not accepted',
    noForm: 'This task has no form'
  },
  kinds: {
    verify: 'Verify',
    judge: 'Judge legality',
    'city-review': 'City review',
    'province-review': 'Province re-review',
    correct: 'Correct',
    'direct-judgment': 'Direct judgment',
    'endorse-extension': 'Endorse extension',
    'approve-extension': 'Approve extension'
  },
  deadline: {
    none: 'No deadline',
    overdue: '{count} days overdue',
    today: 'Due today',
    left: '{count} days left'
  },
  errors: {
    load: 'Could not load: {message}'
  }
}
