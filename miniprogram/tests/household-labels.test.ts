import { describe, expect, it } from 'vitest'
import type { AccessRecord, HouseholdEvent } from '@/api/types'
import {
  CATEGORY_OPTIONS,
  RISK_TYPE_OPTIONS,
  canBrowseHouseholds,
  categoryLabel,
  describeChange,
  describeEvent,
  describeViewer,
  formatDateTime,
  formatYuan,
  monitoringTypeLabel,
  relationLabel,
  riskTypeLabel,
  riskTypesText,
  viewerAction,
  yesNo,
} from '@/utils/household'

describe('household labels', () => {
  it('maps the categories and monitoring types to Chinese', () => {
    expect(['GENERAL', 'LIFTED', 'MONITORED'].map(categoryLabel)).toEqual(['一般农户', '脱贫户', '监测对象'])
    expect(['UNSTABLE_LIFTED', 'MARGINAL', 'SUDDEN_HARDSHIP'].map(monitoringTypeLabel)).toEqual([
      '脱贫不稳定户',
      '边缘易致贫户',
      '突发严重困难户',
    ])
    expect(CATEGORY_OPTIONS.map((o) => o.label)).toEqual(['一般农户', '脱贫户', '监测对象'])
    expect(categoryLabel(null)).toBe('')
  })

  it('maps all thirteen risk types', () => {
    expect(
      [
        'ILLNESS',
        'DISABILITY',
        'EDUCATION',
        'DISASTER',
        'ACCIDENT',
        'INDUSTRY_FAILURE',
        'UNSTABLE_EMPLOYMENT',
        'LABOR_SHORTAGE',
        'HOUSING',
        'DROPOUT',
        'WATER',
        'EXPENDITURE_OR_INCOME_DROP',
        'OTHER',
      ].map(riskTypeLabel),
    ).toEqual([
      '因病',
      '因残',
      '因学',
      '因灾',
      '因意外事故',
      '因产业项目失败',
      '因务工就业不稳',
      '缺劳动力',
      '住房安全问题',
      '辍学',
      '饮水安全问题',
      '刚性支出大或收入骤减',
      '其他',
    ])
    expect(RISK_TYPE_OPTIONS).toHaveLength(13)
    expect(riskTypesText(['ILLNESS', 'EDUCATION'])).toBe('因病、因学')
    expect(riskTypesText([])).toBe('无')
    expect(riskTypeLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW')
  })

  it('formats relations, booleans, money and Beijing time', () => {
    expect(relationLabel('HEAD')).toBe('户主')
    expect(relationLabel('DAUGHTER_IN_LAW')).toBe('儿媳')
    expect(yesNo(true)).toBe('是')
    expect(yesNo(false)).toBe('否')
    expect(yesNo(null)).toBe('未填写')
    expect(formatYuan(12345.6)).toBe('12,345.60 元')
    expect(formatYuan(-80)).toBe('-80.00 元')
    expect(formatYuan(null)).toBe('—')
    expect(formatDateTime('2026-11-23T13:40:05Z')).toBe('2026-11-23 21:40')
    expect(formatDateTime('2026-11-23T23:05:00+08:00')).toBe('2026-11-23 23:05')
    expect(formatDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30')
  })

  it('describes field changes in plain Chinese', () => {
    expect(describeChange({ field: 'category', from: 'GENERAL', to: 'MONITORED' })).toBe('类别：一般农户 → 监测对象')
    expect(describeChange({ field: 'head', from: null, to: '张三' })).toBe('户主：张三')
    expect(describeChange({ field: 'riskTypes', from: 'ILLNESS', to: 'ILLNESS,HOUSING' })).toBe(
      '风险类型：因病 → 因病、住房安全问题',
    )
    expect(describeChange({ field: 'housingSafe', from: 'true', to: 'false' })).toBe('住房安全：是 → 否')
    expect(describeChange({ field: 'name', from: '李四', to: null })).toBe('姓名：李四（已移除）')
    expect(describeChange({ field: 'relation', from: null, to: 'SPOUSE' })).toBe('与户主关系：配偶')
  })

  it('describes a timeline event', () => {
    const event: HouseholdEvent = {
      id: 7,
      type: 'UPDATED',
      actorRole: 'INFO_OFFICER',
      actorRegion: '410225101201',
      at: '2026-11-23T02:00:00Z',
      reason: ' 入户核实 ',
      changes: [{ field: 'monitoringType', from: null, to: 'MARGINAL' }],
    }
    expect(describeEvent(event)).toEqual({
      id: 7,
      title: '修改农户信息',
      when: '2026-11-23 10:00',
      who: '信息员',
      reason: '入户核实',
      changes: ['监测类型：边缘易致贫户'],
    })
    expect(describeEvent({ ...event, type: 'CREATED', actorRole: undefined, reason: null }).title).toBe('登记农户')
    expect(describeEvent({ ...event, actorRole: undefined }).who).toBe('系统')
  })

  it('describes who viewed the household without naming the person', () => {
    const view: AccessRecord = {
      kind: 'VIEW',
      actorRole: 'TOWNSHIP_CADRE',
      actorRegion: '410225101000',
      actorRegionName: '堌阳镇',
      at: '2026-11-23T06:15:00Z',
    }
    expect(describeViewer(view)).toBe('乡镇干部 · 堌阳镇 · 2026-11-23 14:15')
    expect(viewerAction(view)).toBe('查看详情')
    expect(viewerAction({ ...view, kind: 'REVEAL', field: 'ID_NUMBER' })).toBe('查看明文（身份证号）')
    expect(describeViewer({ ...view, actorRegionName: null })).toBe('乡镇干部 · 410225101000 · 2026-11-23 14:15')
  })

  it('opens the registry to cadres but not to account managers or farmers', () => {
    expect(canBrowseHouseholds('INFO_OFFICER')).toBe(true)
    expect(canBrowseHouseholds('TOWNSHIP_CADRE')).toBe(true)
    expect(canBrowseHouseholds('ACCOUNT_MANAGER')).toBe(false)
    expect(canBrowseHouseholds('FARMER')).toBe(false)
    expect(canBrowseHouseholds(null)).toBe(false)
  })
})
