import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ListPage from '@/pages/households/index.vue'
import ImportReport from '@/components/household/ImportReport.vue'
import { XLSX_MEDIA_TYPE } from '@/api/endpoints'
import { exportQuery, importFileProblem, useHouseholdExcel } from '@/composables/useHouseholdExcel'
import { setTokens } from '@/stores/session'
import { path, requests, serve } from './fake-uni'

vi.mock('@dcloudio/uni-app', async () => {
  const { onMounted } = await import('vue')
  return { onShow: (fn: () => void) => onMounted(fn), onLoad: (fn: () => void) => onMounted(() => fn()), onLaunch: () => {} }
})

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
}

const workbook = (name = '农户.xlsx', bytes = 64) => ({ name, size: bytes, data: new Uint8Array(bytes).buffer })

const ROWS = [
  { row: 3, column: '身份证号', message: '身份证号码校验位不正确' },
  { row: 5, column: '村区划代码', message: '不在您的管辖范围内' },
]

function serveImport(answer: 'ok' | 'rows', role = 'COUNTY_CADRE') {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
  serve((req) => {
    if (path(req) === '/api/households/import') {
      if (answer === 'ok') return { statusCode: 201, data: { households: 2, members: 5 } }
      return {
        statusCode: 400,
        data: { type: 'https://dixian.dev/problems/invalid-file', title: '文件内容有误', status: 400, detail: '文件中有 2 处错误，未导入任何数据', rows: ROWS },
      }
    }
    if (path(req) === '/api/me') return { statusCode: 200, data: { id: 1, name: '郑晓明', role, level: 3, regionCode: '410225000000', regionPath: [] } }
    if (path(req) === '/api/households') return { statusCode: 200, data: { items: [], nextAfter: null } }
    return { statusCode: 404, data: { type: 't', title: '未找到', status: 404 } }
  })
}

describe('export filters', () => {
  it('keeps the filters the export knows and names the ones it must leave out', () => {
    expect(exportQuery({ name: '韩', category: 'MONITORED', riskType: 'ILLNESS' })).toEqual({
      query: { name: '韩', category: 'MONITORED', riskType: 'ILLNESS' },
      ignored: [],
    })
    expect(exportQuery({ householdNo: '410225101201000001', idNumber: '41022519780312517X', phoneLast4: '1234', after: 5, limit: 20 })).toEqual({
      query: { householdNo: '410225101201000001' },
      ignored: ['身份证号', '手机后四位'],
    })
  })
})

describe('import', () => {
  it('refuses files the server would refuse, before sending them', () => {
    expect(importFileProblem(workbook('名单.xls'))).toContain('.xlsx')
    expect(importFileProblem(workbook('名单.xlsx', 0))).toBe('所选文件是空的')
    expect(importFileProblem({ name: 'big.xlsx', size: 6 * 1024 * 1024, data: new ArrayBuffer(8) })).toContain('5 MB')
    expect(importFileProblem(workbook())).toBe('')
  })

  it('sends the workbook as the raw body and shows the counts', async () => {
    serveImport('ok')
    const excel = useHouseholdExcel()
    const file = workbook()
    expect(await excel.importPicked(file)).toEqual({ households: 2, members: 5 })
    const sent = requests.find((r) => path(r) === '/api/households/import')!
    expect(sent.method).toBe('POST')
    expect(sent.header['Content-Type']).toBe(XLSX_MEDIA_TYPE)
    expect(sent.data).toBe(file.data)
    expect(excel.importRows.value).toEqual([])
  })

  it("keeps the problem's rows[] for the row-level report", async () => {
    serveImport('rows')
    const excel = useHouseholdExcel()
    expect(await excel.importPicked(workbook())).toBeNull()
    expect(excel.importError.value).toBe('文件中有 2 处错误，未导入任何数据')
    expect(excel.importRows.value).toEqual(ROWS)
  })
})

describe('import report', () => {
  it('lists every problem with its row, column and message', () => {
    const wrapper = mount(ImportReport, { props: { fileName: '农户.xlsx', message: '文件中有 2 处错误，未导入任何数据', rows: ROWS } })
    expect(wrapper.find('.import-failed').text()).toBe('文件中有 2 处错误，未导入任何数据')
    expect(wrapper.findAll('.import-row').map((row) => row.findAll('text').map((cell) => cell.text()))).toEqual([
      ['第 3 行', '身份证号', '身份证号码校验位不正确'],
      ['第 5 行', '村区划代码', '不在您的管辖范围内'],
    ])
    expect(wrapper.find('.import-ok').exists()).toBe(false)
  })

  it('says how many households and people were imported', () => {
    const wrapper = mount(ImportReport, { props: { result: { households: 2, members: 5 } } })
    expect(wrapper.find('.import-ok').text()).toBe('已导入 2 户、5 人。')
    expect(wrapper.findAll('.import-row')).toHaveLength(0)
  })

  it('shows nothing before an import', () => {
    expect(mount(ImportReport, { props: {} }).html()).not.toContain('report')
  })
})

describe('household list Excel actions', () => {
  it('offers export, template and import to a registry editor', async () => {
    serveImport('ok')
    const wrapper = mount(ListPage)
    await settle()
    expect(wrapper.find('.btn-export').exists()).toBe(true)
    expect(wrapper.find('.btn-template').exists()).toBe(true)
    expect(wrapper.find('.btn-import').exists()).toBe(true)
  })

  it('offers only the export to a province cadre, who reads but does not keep the registry', async () => {
    serveImport('ok', 'PROVINCE_CADRE')
    const wrapper = mount(ListPage)
    await settle()
    expect(wrapper.find('.btn-export').exists()).toBe(true)
    expect(wrapper.find('.btn-import').exists()).toBe(false)
    expect(wrapper.find('.btn-template').exists()).toBe(false)
  })
})
