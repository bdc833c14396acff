import { http, request, requestWithStatus } from './client'
import type {
  NewNotice,
  Notice,
  NoticeCounts,
  NoticeKind,
  NoticePage,
  NoticeReaders,
  Account,
  Department,
  NewDepartment,
  AccountPage,
  AccessRecord,
  AccountStatus,
  BindRequest,
  Case,
  CasePage,
  CadreLoginRequest,
  DemoAccount,
  EndPairing,
  Helper,
  HelperPage,
  HelperPairing,
  Household,
  HouseholdCategory,
  HouseholdChange,
  HouseholdEvent,
  HouseholdPage,
  ImportResult,
  Me,
  Media,
  MonitoringType,
  MoveRequest,
  NewCase,
  NewVisit,
  NewDeclaration,
  NewObjection,
  NotificationPage,
  Notification,
  Objection,
  ObjectionReceipt,
  StageDecisionRequest,
  VillageNoticeBoard,
  VillageReviewRequest,
  Workbench,
  Complainant,
  NewTicket,
  RegisteredTicket,
  Ticket,
  TicketAccept,
  TicketAssign,
  TicketExtensionDecision,
  TicketExtensionRequest,
  TicketFollowUp,
  TicketMerge,
  TicketNote,
  TicketOpenCase,
  TicketPage,
  TicketRating,
  TicketSplit,
  TicketStats,
  TicketStatus,
  TicketSupervision,
  TicketVersionContent,
  TicketVersionReason,
  NewAccount,
  NewHelper,
  NewHousehold,
  NewMember,
  NewPairing,
  QrTarget,
  Region,
  RevealRequest,
  RevealedValue,
  RiskType,
  Role,
  TokenPair,
  ConditionsText,
  NewPolicy,
  PoliciesForMe,
  Policy,
  PolicyCategory,
  PolicyCondition,
  PolicyExplanation,
  PolicyMatchPage,
  PolicyNotifyResult,
  PolicyPage,
  PolicyReach,
  PolicyReachUpdate,
  PolicyStatus,
  PolicyUpdate,
  AssistanceUnit,
  Checkin,
  CheckinRules,
  EndTeamMember,
  EndUnitPairing,
  Geofence,
  GeofenceUpdate,
  Leave,
  LeaveDecision,
  LeaveStatus,
  NewAssistanceUnit,
  NewCheckin,
  NewLeave,
  NewResidentTeam,
  NewTeamMember,
  NewUnitPairing,
  NewWorkLog,
  ResidentTeam,
  TeamAttendance,
  WorkLog,
  WorkLogPage,
} from './types'

export const authApi = {
  wechatLogin: (code: string) => http.post<TokenPair>('/auth/wechat/login', { code }),
  cadreLogin: (body: CadreLoginRequest) => http.post<TokenPair>('/auth/wechat/cadre-login', body),
  devAccounts: () => http.get<DemoAccount[]>('/auth/dev/accounts'),
  devLogin: (accountId: number) => http.post<TokenPair>('/auth/dev/login', { accountId }),
  logout: (refreshToken: string) => http.post<void>('/auth/logout', { refreshToken }),
}

export const meApi = {
  get: () => http.get<Me>('/api/me'),
  /** Binds the farmer to a household; the answer is a new token pair that carries the household. */
  bindHousehold: (body: BindRequest) => http.post<TokenPair>('/api/me/household/bind', body),
}

export const regionsApi = {
  get: (code: string) => http.get<Region>(`/api/regions/${encodeURIComponent(code)}`),
  children: (code: string) => http.get<Region[]>(`/api/regions/${encodeURIComponent(code)}/children`),
  path: (code: string) => http.get<Region[]>(`/api/regions/${encodeURIComponent(code)}/path`),
}

export interface AccountQuery {
  region?: string
  role?: Role
  status?: AccountStatus
  q?: string
  after?: number | null
  limit?: number
}

export const accountsApi = {
  list: (query: AccountQuery = {}) => http.get<AccountPage>('/api/accounts', { ...query }),
  create: (body: NewAccount, idempotencyKey: string) =>
    http.post<Account>('/api/accounts', body, { 'Idempotency-Key': idempotencyKey }),
  disable: (id: number, reason: string) => http.post<Account>(`/api/accounts/${id}/disable`, { reason }),
  enable: (id: number, reason: string) => http.post<Account>(`/api/accounts/${id}/enable`, { reason }),
}

export interface HouseholdQuery {
  region?: string
  category?: HouseholdCategory
  monitoringType?: MonitoringType
  riskType?: RiskType
  name?: string
  householdNo?: string
  idNumber?: string
  phoneLast4?: string
  after?: number | null
  limit?: number
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const HOUSEHOLD_IMPORT_PATH = '/api/households/import'
export const HOUSEHOLD_EXPORT_PATH = '/api/households/export'
export const HOUSEHOLD_TEMPLATE_PATH = '/api/households/import-template'

export const householdsApi = {
  list: (query: HouseholdQuery = {}) => http.get<HouseholdPage>('/api/households', { ...query }),
  get: (id: number) => http.get<Household>(`/api/households/${id}`),
  timeline: (id: number) => http.get<HouseholdEvent[]>(`/api/households/${id}/timeline`),
  viewers: (id: number) => http.get<AccessRecord[]>(`/api/households/${id}/viewers`),
  reveal: (id: number, body: RevealRequest) => http.post<RevealedValue>(`/api/households/${id}/reveal`, body),
  create: (body: NewHousehold, idempotencyKey: string) =>
    http.post<Household>('/api/households', body, { 'Idempotency-Key': idempotencyKey }),
  /** POST …/update rather than PATCH: WeChat's wx.request has no PATCH method. */
  update: (id: number, body: HouseholdChange) => http.post<Household>(`/api/households/${id}/update`, body),
  addMember: (id: number, body: NewMember) => http.post<Household>(`/api/households/${id}/members`, body),
  removeMember: (id: number, memberId: number, reason: string) =>
    http.post<Household>(`/api/households/${id}/members/${memberId}/remove`, { reason }),
  moveMember: (id: number, memberId: number, body: MoveRequest) =>
    http.post<Household>(`/api/households/${id}/members/${memberId}/move`, body),
  /** The workbook goes as the raw request body (the contract takes no multipart form). */
  importFile: (file: ArrayBuffer) =>
    request<ImportResult>({
      method: 'POST',
      path: HOUSEHOLD_IMPORT_PATH,
      body: file,
      headers: { 'Content-Type': XLSX_MEDIA_TYPE },
    }),
}

/** The filters the export accepts: the search's, less ID number and phone (the contract has no such parameters). */
export type HouseholdExportQuery = Pick<HouseholdQuery, 'region' | 'category' | 'monitoringType' | 'riskType' | 'name' | 'householdNo'>

export const qrApi = {
  resolve: (code: string) => http.get<QrTarget>(`/api/qr/${encodeURIComponent(code)}`),
}

export interface HelperQuery {
  /** Name or unit, matched from the start. */
  q?: string
  after?: number | null
  limit?: number
}

export const helpersApi = {
  list: (query: HelperQuery = {}) => http.get<HelperPage>('/api/helpers', { ...query }),
  create: (body: NewHelper, idempotencyKey: string) =>
    http.post<Helper>('/api/helpers', body, { 'Idempotency-Key': idempotencyKey }),
  /** The household's pairings: current ones first, then by start date, newest first. */
  pairings: (householdId: number) => http.get<HelperPairing[]>(`/api/households/${householdId}/helpers`),
  pair: (householdId: number, body: NewPairing) => http.post<HelperPairing>(`/api/households/${householdId}/helpers`, body),
  end: (householdId: number, pairingId: number, body: EndPairing) =>
    http.post<HelperPairing>(`/api/households/${householdId}/helpers/${pairingId}/end`, body),
  /** The helper's full phone number, to call them; every call is logged by the server. */
  phone: (householdId: number, pairingId: number) =>
    http.post<RevealedValue>(`/api/households/${householdId}/helpers/${pairingId}/phone`),
}

export interface CaseQuery {
  /** A region inside the cadre's own. */
  region?: string
  /** true (the server's default): open cases only; false: closed ones. */
  open?: boolean
  after?: number | null
  limit?: number
}

export const casesApi = {
  /** A farmer's risk declaration; the same key returns the first answer, so a retry cannot declare twice. */
  declare: (body: NewDeclaration, idempotencyKey: string) =>
    http.post<Case>('/api/cases/declarations', body, { 'Idempotency-Key': idempotencyKey }),
  /** A cadre opens a case for a household of the region after screening or a visit; same key, same answer. */
  open: (body: NewCase, idempotencyKey: string) => http.post<Case>('/api/cases', body, { 'Idempotency-Key': idempotencyKey }),
  get: (id: number) => http.get<Case>(`/api/cases/${id}`),
  withdraw: (id: number, reason: string) => http.post<Case>(`/api/cases/${id}/withdraw`, { reason }),
  /** The home visit (入户核实) with the case's version as read; the case moves on to the village review. */
  visit: (id: number, body: NewVisit) => http.post<Case>(`/api/cases/${id}/visit`, body),
  /** The village's democratic review (村民主评议) with the version as read: PASS → public notice, REJECT → closed, RETURN → home visit again. */
  villageReview: (id: number, body: VillageReviewRequest) => http.post<Case>(`/api/cases/${id}/village-review`, body),
  /** Ends the public notice once its period is over and every objection is answered: on to the township. */
  closeNotice: (id: number, version: number) => http.post<Case>(`/api/cases/${id}/notice/close`, { version }),
  townshipReview: (id: number, body: StageDecisionRequest) => http.post<Case>(`/api/cases/${id}/township-review`, body),
  countyApproval: (id: number, body: StageDecisionRequest) => http.post<Case>(`/api/cases/${id}/county-approval`, body),
  /** Objections to the public notice, first received first. */
  objections: (id: number) => http.get<Objection[]>(`/api/cases/${id}/objections`),
  answerObjection: (id: number, objectionId: number, answer: string) =>
    http.post<Objection>(`/api/cases/${id}/objections/${objectionId}/answer`, { answer }),
  /** The farmer's own declarations, newest first. */
  mine: () => http.get<Case[]>('/api/me/cases'),
  /** Cases in the cadre's scope: open ones first, by due date. */
  list: (query: CaseQuery = {}) => http.get<CasePage>('/api/cases', { ...query }),
}

/** The cadre's to-dos (overdue first) and the open cases of the region by stage. */
export const workbenchApi = {
  get: () => http.get<Workbench>('/api/workbench'),
}

export const notificationsApi = {
  /** Newest first, with the count of unread ones. */
  list: (query: { after?: number | null; limit?: number } = {}) => http.get<NotificationPage>('/api/me/notifications', { ...query }),
  read: (id: number) => http.post<Notification>(`/api/me/notifications/${id}/read`),
}

export interface TicketQuery {
  /** todo (the default): what the cadre's unit has to do, supervised first; all: every ticket of the region. */
  view?: 'todo' | 'all'
  status?: TicketStatus
  /** Overdue ones only. */
  overdue?: boolean
  after?: number | null
  limit?: number
}

/** Statistics of a region inside the cadre's own (the own one unless told), by registration date. */
export interface TicketStatsQuery {
  region?: string
  from?: string
  to?: string
}

export const TICKET_STATS_EXPORT_PATH = '/api/tickets/stats/export'

const ticketPath = (id: number, action = '') => `/api/tickets/${id}${action ? `/${action}` : ''}`

/** Complaint tickets (信访投诉工单): filing, handling, replying, rating, bulletin and statistics. */
export const ticketsApi = {
  list: (query: TicketQuery = {}) => http.get<TicketPage>('/api/tickets', { ...query }),
  /** A farmer's complaint; the same key returns the first answer, so a retry cannot file twice. */
  file: (body: NewTicket, idempotencyKey: string) => http.post<Ticket>('/api/tickets', body, { 'Idempotency-Key': idempotencyKey }),
  /** A cadre registers a call, letter or visit with the caller's details; same key, same answer. */
  register: (body: RegisteredTicket, idempotencyKey: string) =>
    http.post<Ticket>('/api/tickets/register', body, { 'Idempotency-Key': idempotencyKey }),
  get: (id: number) => http.get<Ticket>(ticketPath(id)),
  accept: (id: number, body: TicketAccept) => http.post<Ticket>(ticketPath(id, 'accept'), body),
  refuse: (id: number, body: TicketVersionReason) => http.post<Ticket>(ticketPath(id, 'refuse'), body),
  assign: (id: number, body: TicketAssign) => http.post<Ticket>(ticketPath(id, 'assign'), body),
  recordAction: (id: number, body: TicketNote) => http.post<Ticket>(ticketPath(id, 'actions'), body),
  reply: (id: number, body: TicketVersionContent) => http.post<Ticket>(ticketPath(id, 'reply'), body),
  requestExtension: (id: number, body: TicketExtensionRequest) => http.post<Ticket>(ticketPath(id, 'extension'), body),
  decideExtension: (id: number, body: TicketExtensionDecision) => http.post<Ticket>(ticketPath(id, 'extension/decide'), body),
  urge: (id: number, reason: string) => http.post<Ticket>(ticketPath(id, 'urge'), { reason }),
  supervise: (id: number, body: TicketSupervision) => http.post<Ticket>(ticketPath(id, 'supervise'), body),
  rate: (id: number, body: TicketRating) => http.post<Ticket>(ticketPath(id, 'rate'), body),
  followUp: (id: number, body: TicketFollowUp) => http.post<Ticket>(ticketPath(id, 'follow-up'), body),
  /** The duplicate, now 已合并 (`mergedInto`). */
  merge: (id: number, body: TicketMerge) => http.post<Ticket>(ticketPath(id, 'merge'), body),
  /** The original ticket, with the ones split off in `splitInto`. */
  split: (id: number, body: TicketSplit) => http.post<Ticket>(ticketPath(id, 'split'), body),
  /** The ticket with the identification case it opened (`caseId`). */
  openCase: (id: number, body: TicketOpenCase) => http.post<Ticket>(ticketPath(id, 'open-case'), body),
  /** The complainant's full name and phone; every showing is on record (accepting and handling cadres only). */
  complainant: (id: number, reason: string) => http.post<Complainant>(ticketPath(id, 'complainant'), { reason }),
  /** Tickets of lower units overdue by more than 5 working days. */
  bulletin: () => http.get<Ticket[]>('/api/tickets/bulletin'),
  stats: (query: TicketStatsQuery = {}) => http.get<TicketStats>('/api/tickets/stats', { ...query }),
  /** The farmer's own complaints, newest first. */
  mine: () => http.get<Ticket[]>('/api/me/tickets'),
}

/** Departments (职能部门) a ticket can be given to: those of the cadre's region and below, and those above it. */
export const departmentsApi = {
  list: (region?: string) => http.get<Department[]>('/api/departments', region ? { region } : {}),
  /** County-or-above cadres and account managers register a department at their region or below. */
  create: (body: NewDepartment) => http.post<Department>('/api/departments', body),
}

/** No login: sent without a token, so a stale one cannot get the request refused. */
export const publicApi = {
  villageNotices: (code: string) =>
    request<VillageNoticeBoard>({ method: 'GET', path: `/api/public/villages/${encodeURIComponent(code)}/notices`, anonymous: true }),
  fileObjection: (caseId: number, body: NewObjection) =>
    request<ObjectionReceipt>({ method: 'POST', path: `/api/public/notices/${caseId}/objections`, body, anonymous: true }),
}

export interface PolicyQuery {
  q?: string
  category?: PolicyCategory
  /** Cadres only: drafts and withdrawn ones of the own region and below. */
  status?: PolicyStatus
  offset?: number
  limit?: number
}

export interface PolicyMatchQuery {
  region?: string
  reach?: 'RECEIVING' | 'NOT_REACHED'
  after?: number | null
  limit?: number
}

export interface NoticeQuery {
  kind?: NoticeKind
  /** Only those sent to me that I have not read. */
  unread?: boolean
  after?: number | null
  limit?: number
}

export const policyMatchesExportPath = (id: number) => `/api/policies/${id}/matches/export`

const policyPath = (id: number, action = '') => `/api/policies/${id}${action ? `/${action}` : ''}`

/** Policy documents (政策文件): lookup, publishing, conditions, policies for me and 政策找人. */
export const policiesApi = {
  list: (query: PolicyQuery = {}) => http.get<PolicyPage>('/api/policies', { ...query }),
  get: (id: number) => http.get<Policy>(policyPath(id)),
  /** A draft; the same key returns the first answer, so a retry cannot create twice. */
  create: (body: NewPolicy, idempotencyKey: string) => http.post<Policy>('/api/policies', body, { 'Idempotency-Key': idempotencyKey }),
  update: (id: number, body: PolicyUpdate) => http.post<Policy>(policyPath(id, 'update'), body),
  publish: (id: number, version: number) => http.post<Policy>(policyPath(id, 'publish'), { version }),
  withdraw: (id: number, version: number, reason: string) => http.post<Policy>(policyPath(id, 'withdraw'), { version, reason }),
  /** Checks the conditions and says them in Chinese (the editor's preview); a 400 names the faulty part. */
  describe: (conditions: PolicyCondition) => http.post<ConditionsText>('/api/policies/conditions/describe', { conditions }),
  /** Why a household is or is not eligible, condition by condition; a farmer leaves out the household (the own). */
  explain: (id: number, householdId?: number) => http.get<PolicyExplanation>(policyPath(id, 'explain'), { householdId }),
  matches: (id: number, query: PolicyMatchQuery = {}) => http.get<PolicyMatchPage>(policyPath(id, 'matches'), { ...query }),
  /** Notifies the eligible households not notified yet; same key, same answer. */
  notify: (id: number, region: string | undefined, idempotencyKey: string) =>
    http.post<PolicyNotifyResult>(policyPath(id, 'notify'), region ? { region } : {}, { 'Idempotency-Key': idempotencyKey }),
  reach: (id: number, householdId: number, body: PolicyReachUpdate) => http.post<PolicyReach>(policyPath(id, `reach/${householdId}`), body),
  /** 适合我的政策: the ones the farmer's household meets, and the nearly met ones with what is missing. */
  forMe: () => http.get<PoliciesForMe>('/api/me/policies'),
}

const noticePath = (id: number, action = '') => `/api/notices/${id}${action ? `/${action}` : ''}`

/** Notices (通知公告) and public announcements (公示公告): drafting, publishing, reading, confirming, readers. */
export const noticesApi = {
  /** Sent to me (and, for a cadre, those of my region and below in any state), newest first. */
  list: (query: NoticeQuery = {}) => http.get<NoticePage>('/api/notices', { ...query }),
  unreadCount: () => http.get<NoticeCounts>('/api/notices/unread-count'),
  /** Reading a notice sent to me marks it read. */
  get: (id: number) => http.get<Notice>(noticePath(id)),
  create: (body: NewNotice, idempotencyKey: string) => http.post<Notice>('/api/notices', body, { 'Idempotency-Key': idempotencyKey }),
  publish: (id: number, version: number) => http.post<Notice>(noticePath(id, 'publish'), { version }),
  withdraw: (id: number, version: number, reason: string) => http.post<Notice>(noticePath(id, 'withdraw'), { version, reason }),
  confirm: (id: number) => http.post<Notice>(noticePath(id, 'confirm')),
  readers: (id: number, query: { after?: number | null; limit?: number } = {}) =>
    http.get<NoticeReaders>(noticePath(id, 'readers'), { ...query }),
}

/** The check-in as answered: 201 a new record, 200 the record of the same work on the same day made before. */
export interface CheckinAnswer {
  checkin: Checkin
  /** The server already had a check-in for this work today and gave it back. */
  repeated: boolean
}

/** Check-ins as evidence of a piece of work (never a standalone daily punch), and the village geofences. */
export const checkinsApi = {
  rules: () => http.get<CheckinRules>('/api/checkins/rules'),
  /** Same key, same answer; a repeat of the same work on the same day answers 200 with the first record. */
  checkIn: async (body: NewCheckin, idempotencyKey: string): Promise<CheckinAnswer> => {
    const res = await requestWithStatus<Checkin>({ method: 'POST', path: '/api/checkins', body, headers: { 'Idempotency-Key': idempotencyKey } })
    return { checkin: res.data, repeated: res.status === 200 }
  },
  get: (id: number) => http.get<Checkin>(`/api/checkins/${id}`),
  /** My check-ins of a month (`YYYY-MM`, this month when left out). */
  mine: (month?: string) => http.get<Checkin[]>('/api/me/checkins', { month }),
  geofence: (villageCode: string) => http.get<Geofence>(`/api/villages/${villageCode}/geofence`),
  setGeofence: (villageCode: string, body: GeofenceUpdate) => http.post<Geofence>(`/api/villages/${villageCode}/geofence`, body),
}

/** Assistance units (帮扶单位) and their pairings with villages. */
export const unitsApi = {
  list: (region?: string) => http.get<AssistanceUnit[]>('/api/units', { region }),
  create: (body: NewAssistanceUnit, idempotencyKey: string) =>
    http.post<AssistanceUnit>('/api/units', body, { 'Idempotency-Key': idempotencyKey }),
  pair: (unitId: number, body: NewUnitPairing) => http.post<AssistanceUnit>(`/api/units/${unitId}/pairings`, body),
  endPairing: (unitId: number, pairingId: number, body: EndUnitPairing) =>
    http.post<AssistanceUnit>(`/api/units/${unitId}/pairings/${pairingId}/end`, body),
}

const teamPath = (id: number, action = '') => `/api/teams/${id}${action ? `/${action}` : ''}`

/** Resident teams (驻村工作队): members, attendance by month (never ranked) and leave. */
export const teamsApi = {
  list: (region?: string) => http.get<ResidentTeam[]>('/api/teams', { region }),
  mine: () => http.get<ResidentTeam[]>('/api/me/teams'),
  get: (id: number) => http.get<ResidentTeam>(teamPath(id)),
  create: (body: NewResidentTeam, idempotencyKey: string) =>
    http.post<ResidentTeam>('/api/teams', body, { 'Idempotency-Key': idempotencyKey }),
  addMember: (id: number, body: NewTeamMember) => http.post<ResidentTeam>(teamPath(id, 'members'), body),
  endMember: (id: number, memberId: number, body: EndTeamMember) => http.post<ResidentTeam>(teamPath(id, `members/${memberId}/end`), body),
  /** Rows in the order the server gives (team role, then name). */
  attendance: (id: number, month?: string) => http.get<TeamAttendance>(teamPath(id, 'attendance'), { month }),
  leaves: (id: number, status?: LeaveStatus) => http.get<Leave[]>(teamPath(id, 'leaves'), { status }),
  requestLeave: (id: number, body: NewLeave, idempotencyKey: string) =>
    http.post<Leave>(teamPath(id, 'leaves'), body, { 'Idempotency-Key': idempotencyKey }),
  decideLeave: (id: number, leaveId: number, body: LeaveDecision) => http.post<Leave>(teamPath(id, `leaves/${leaveId}/decide`), body),
}

export const LOGS_EXPORT_PATH = '/api/logs/export'

export interface LogQuery {
  region?: string
  from?: string
  to?: string
  after?: number | null
  limit?: number
}

/** Village work logs (驻村日志): writing, reading in scope, supervisors' comments and the Excel export. */
export const logsApi = {
  list: (query: LogQuery = {}) => http.get<WorkLogPage>('/api/logs', { ...query }),
  get: (id: number) => http.get<WorkLog>(`/api/logs/${id}`),
  write: (body: NewWorkLog, idempotencyKey: string) => http.post<WorkLog>('/api/logs', body, { 'Idempotency-Key': idempotencyKey }),
  comment: (id: number, content: string) => http.post<WorkLog>(`/api/logs/${id}/comments`, { content }),
}

/** What is known about an upload: type, file name, size (readable by whoever may read the file). */
export const mediaApi = {
  info: (id: number) => http.get<Media>(`/api/media/${id}/info`),
}
