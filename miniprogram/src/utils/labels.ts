import type { AccountStatus, Region, Role } from '@/api/types'

export const ROLE_LABELS: Record<Role, string> = {
  PROVINCE_CADRE: '省级干部',
  CITY_CADRE: '市级干部',
  COUNTY_CADRE: '县级干部',
  TOWNSHIP_CADRE: '乡镇干部',
  VILLAGE_CADRE: '村干部',
  INFO_OFFICER: '信息员',
  RESIDENT_CADRE: '驻村干部',
  ACCOUNT_MANAGER: '账号管理员',
  FARMER: '农户',
  API_CLIENT: '接入系统',
}

export function roleLabel(role: Role | string | null | undefined): string {
  if (!role) return ''
  return ROLE_LABELS[role as Role] ?? role
}

/** Roles an account manager can create from the accounts page (farmers sign up through WeChat). */
export const CREATABLE_ROLES: Role[] = [
  'PROVINCE_CADRE',
  'CITY_CADRE',
  'COUNTY_CADRE',
  'TOWNSHIP_CADRE',
  'VILLAGE_CADRE',
  'INFO_OFFICER',
  'RESIDENT_CADRE',
  'ACCOUNT_MANAGER',
]

const LEVEL_LABELS: Record<number, string> = { 1: '省级', 2: '市级', 3: '县级', 4: '乡级', 5: '村级' }

export function levelLabel(level: number | null | undefined): string {
  if (!level) return '未绑定区划'
  return LEVEL_LABELS[level] ?? `${level}级`
}

export function isCadre(role: Role | string | null | undefined): boolean {
  return !!role && role !== 'FARMER' && role !== 'API_CLIENT'
}

/** `河南省 / 开封市 / 兰考县 / 堌阳镇 / 任庄村`, province first whatever order the server used. */
export function formatRegionPath(path: Region[] | null | undefined): string {
  if (!path || path.length === 0) return ''
  return [...path]
    .sort((a, b) => a.level - b.level)
    .map((region) => region.name)
    .join(' / ')
}

export function statusLabel(status: AccountStatus): string {
  return status === 'ACTIVE' ? '启用' : '停用'
}

/** Shows only the first 3 and last 4 digits; masked input from the server passes through. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  if (/^\d{11}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`
  return phone
}
