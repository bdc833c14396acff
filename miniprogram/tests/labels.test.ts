import { describe, expect, it } from 'vitest'
import { formatRegionPath, isCadre, levelLabel, maskPhone, roleLabel, statusLabel } from '@/utils/labels'
import { uuidv4 } from '@/utils/uuid'

describe('labels', () => {
  it('maps every role to its Chinese name', () => {
    expect(
      [
        'PROVINCE_CADRE',
        'CITY_CADRE',
        'COUNTY_CADRE',
        'TOWNSHIP_CADRE',
        'VILLAGE_CADRE',
        'INFO_OFFICER',
        'RESIDENT_CADRE',
        'ACCOUNT_MANAGER',
        'FARMER',
        'API_CLIENT',
      ].map(roleLabel),
    ).toEqual(['省级干部', '市级干部', '县级干部', '乡镇干部', '村干部', '信息员', '驻村干部', '账号管理员', '农户', '接入系统'])
    expect(roleLabel(undefined)).toBe('')
  })

  it('formats the region path from province down', () => {
    const path = [
      { code: '410225101201', name: '任庄村', level: 5 },
      { code: '410000000000', name: '河南省', level: 1 },
      { code: '410200000000', name: '开封市', level: 2 },
      { code: '410225000000', name: '兰考县', level: 3 },
      { code: '410225101000', name: '堌阳镇', level: 4 },
    ]
    expect(formatRegionPath(path)).toBe('河南省 / 开封市 / 兰考县 / 堌阳镇 / 任庄村')
    expect(formatRegionPath([])).toBe('')
    expect(formatRegionPath(undefined)).toBe('')
  })

  it('names levels, statuses and cadre roles', () => {
    expect([1, 2, 3, 4, 5].map(levelLabel)).toEqual(['省级', '市级', '县级', '乡级', '村级'])
    expect(levelLabel(0)).toBe('未绑定区划')
    expect(statusLabel('ACTIVE')).toBe('启用')
    expect(statusLabel('DISABLED')).toBe('停用')
    expect(isCadre('TOWNSHIP_CADRE')).toBe(true)
    expect(isCadre('ACCOUNT_MANAGER')).toBe(true)
    expect(isCadre('FARMER')).toBe(false)
    expect(isCadre('API_CLIENT')).toBe(false)
  })

  it('masks phone numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('138****5678')).toBe('138****5678')
    expect(maskPhone(null)).toBe('')
  })

  it('makes version 4 UUIDs', () => {
    const a = uuidv4()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(uuidv4()).not.toBe(a)
  })
})
