import type { Me, Ticket, TicketEvent } from '@/api/types'

/** 任庄村 in 堌阳镇, the demo data's village and township. */
export const VILLAGE = '410225101201'
export const TOWNSHIP = '410225101000'
export const COUNTY = '410225000000'
export const at = '2026-11-23T02:00:00Z'

export const meAs = (role: Me['role'], regionCode: string, level: number, over: Partial<Me> = {}): Me => ({
  id: 1,
  name: '某',
  role,
  level,
  regionCode,
  regionPath: [],
  ...over,
})
export const farmer = (over: Partial<Me> = {}) => meAs('FARMER', VILLAGE, 5, { name: '赵大山', householdId: 42, ...over })
export const villageCadre = (code = VILLAGE) => meAs('VILLAGE_CADRE', code, 5, { name: '李德福' })
export const township = (code = TOWNSHIP) => meAs('TOWNSHIP_CADRE', code, 4, { name: '王秀兰' })
export const county = () => meAs('COUNTY_CADRE', COUNTY, 3, { name: '郑晓明' })

const registered: TicketEvent = { type: 'REGISTERED', status: 'REGISTERED', actorRole: 'FARMER', at }

/** A farmer's complaint waiting to be accepted. */
export const aTicket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 5,
  ticketNo: 'TS20261123001',
  channel: 'MINIPROGRAM',
  category: 'SUBSIDY',
  status: 'REGISTERED',
  title: '危房改造补助未到位',
  description: '去年申请的补助至今未发放',
  regionCode: VILLAGE,
  regionName: '任庄村',
  anonymous: false,
  complainantName: '赵*山',
  complainantPhone: '138****5678',
  acceptDue: '2026-11-24',
  createdAt: at,
  version: 3,
  extensionCount: 0,
  events: [registered],
  ...over,
})

/** Accepted by the township and assigned to the village. */
export const handling = (over: Partial<Ticket> = {}) =>
  aTicket({
    status: 'HANDLING',
    handlerRegion: VILLAGE,
    handlerRegionName: '任庄村',
    handleDue: '2026-12-08',
    version: 4,
    events: [
      registered,
      { type: 'ACCEPTED', status: 'HANDLING', actorRole: 'TOWNSHIP_CADRE', actorRegion: TOWNSHIP, at },
      { type: 'ASSIGNED', status: 'HANDLING', actorRole: 'TOWNSHIP_CADRE', actorRegion: TOWNSHIP, targetRegion: VILLAGE, at },
    ],
    ...over,
  })

/** Replied by the village; the complainant may rate from 2026-11-25. */
export const replied = (over: Partial<Ticket> = {}) =>
  handling({
    status: 'REPLIED',
    rateFrom: '2026-11-25',
    repliedAt: at,
    events: [...handling().events, { type: 'REPLIED', status: 'REPLIED', actorRole: 'VILLAGE_CADRE', actorRegion: VILLAGE, content: '补助已于本周发放', at }],
    ...over,
  })
