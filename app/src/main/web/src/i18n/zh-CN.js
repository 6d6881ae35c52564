export default {
  app: {
    title: '卫片执法监管平台',
    signOut: '退出登录',
    language: 'English',
    tasks: '待办任务',
    loading: '加载中…'
  },
  roles: {
    COUNTY_OFFICER: '县级执法人员',
    CONTRACTOR: '第三方核查人员',
    CITY_REVIEWER: '市级审核人员',
    PROVINCE_MANAGER: '自治区管理人员',
    ADMIN: '系统管理员'
  },
  tasks: {
    filters: '筛选',
    kind: '任务类型',
    anyKind: '全部类型',
    batch: '批次',
    region: '区县',
    assigned: '认领情况',
    assignedAny: '全部',
    assignedMe: '我认领的',
    assignedNone: '未认领',
    overdueOnly: '仅看逾期',
    order: '排序',
    orderDue: '按截止日期',
    orderCreated: '按下发时间',
    refresh: '刷新',
    spotCode: '图斑编号',
    task: '任务',
    dueDay: '截止日期',
    deadline: '期限',
    assignee: '认领人',
    actions: '操作',
    claim: '认领',
    unclaim: '取消认领',
    open: '办理',
    empty: '暂无待办任务',
    extension: '延期申请 {id}',
    total: '共 {total} 项',
    claimed: '已认领',
    unclaimed: '已取消认领',
    completed: '已提交',
    selectTask: '请在左侧列表中选择任务',
    claimFirst: '请先认领任务再填写提交',
    submit: '提交',
    denied: '提交未通过',
    noForm: '此任务没有表单'
  },
  kinds: {
    verify: '核实',
    judge: '合法性判定',
    'city-review': '市级审核',
    'province-review': '省级复核',
    correct: '纠正',
    'direct-judgment': '直接判定',
    'endorse-extension': '延期审核（市级）',
    'approve-extension': '延期审批（自治区）'
  },
  deadline: {
    none: '无期限',
    overdue: '逾期 {count} 天',
    today: '今天截止',
    left: '剩 {count} 天'
  },
  errors: {
    load: '加载失败：{message}'
  }
}
