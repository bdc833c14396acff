import { ref } from 'vue'
import {
  HOUSEHOLD_EXPORT_PATH,
  HOUSEHOLD_TEMPLATE_PATH,
  householdsApi,
  type HouseholdExportQuery,
  type HouseholdQuery,
} from '@/api/endpoints'
import { errorMessage, rowErrors } from '@/api/errors'
import type { ImportResult, RowError } from '@/api/types'
import { pickWorkbook, type PickedFile } from '@/utils/files'
import { useWorkbookDownload } from './useWorkbookDownload'

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

/** Search filters the export has no parameter for, in words. */
const NOT_EXPORTABLE: Partial<Record<keyof HouseholdQuery, string>> = { idNumber: '身份证号', phoneLast4: '手机后四位' }

/** The export's query from the search's, and the filters that had to be left out. */
export function exportQuery(search: HouseholdQuery): { query: HouseholdExportQuery; ignored: string[] } {
  const { region, category, monitoringType, riskType, name, householdNo } = search
  const query: HouseholdExportQuery = { region, category, monitoringType, riskType, name, householdNo }
  for (const key of Object.keys(query) as (keyof HouseholdExportQuery)[]) if (!query[key]) delete query[key]
  const ignored = (Object.keys(NOT_EXPORTABLE) as (keyof HouseholdQuery)[])
    .filter((key) => !!search[key])
    .map((key) => NOT_EXPORTABLE[key] as string)
  return { query, ignored }
}

/** Checks a picked file before sending it: the server's limits, said earlier and in words. */
export function importFileProblem(file: PickedFile): string {
  if (!/\.xlsx$/i.test(file.name)) return '请选择 .xlsx 格式的 Excel 文件（可先下载模板填写）'
  if (file.size === 0 || file.data.byteLength === 0) return '所选文件是空的'
  if (file.size > MAX_IMPORT_BYTES || file.data.byteLength > MAX_IMPORT_BYTES) return '文件过大，上限 5 MB（约 5000 行）'
  return ''
}

/** Export, template and import of the household list (cadres). */
export function useHouseholdExcel() {
  /** The last download's failure, or a note on filters the export left out. */
  const downloadError = ref('')
  const exportDownload = useWorkbookDownload(downloadError)
  const templateDownload = useWorkbookDownload(downloadError)
  const exportNote = ref('')
  const importing = ref(false)
  const importResult = ref<ImportResult | null>(null)
  const importError = ref('')
  const importRows = ref<RowError[]>([])
  const importFileName = ref('')

  async function exportList(search: HouseholdQuery): Promise<boolean> {
    if (exportDownload.busy.value) return false
    const { query, ignored } = exportQuery(search)
    exportNote.value = ignored.length ? `导出不支持按${ignored.join('、')}筛选，已按其余条件导出` : ''
    return exportDownload.download(HOUSEHOLD_EXPORT_PATH, { ...query }, '农户名单.xlsx')
  }

  function downloadTemplate(): Promise<boolean> {
    return templateDownload.download(HOUSEHOLD_TEMPLATE_PATH, {}, '农户导入模板.xlsx')
  }

  function clearImport() {
    importResult.value = null
    importError.value = ''
    importRows.value = []
  }

  /** Sends a picked workbook; the whole file is imported or nothing, with every problem by row. */
  async function importPicked(file: PickedFile): Promise<ImportResult | null> {
    if (importing.value) return null
    clearImport()
    importFileName.value = file.name
    const problem = importFileProblem(file)
    if (problem) {
      importError.value = problem
      return null
    }
    importing.value = true
    try {
      importResult.value = await householdsApi.importFile(file.data)
      return importResult.value
    } catch (e) {
      importError.value = errorMessage(e)
      importRows.value = rowErrors(e)
      return null
    } finally {
      importing.value = false
    }
  }

  async function chooseAndImport(): Promise<ImportResult | null> {
    let file: PickedFile | null
    try {
      file = await pickWorkbook()
    } catch (e) {
      clearImport()
      importError.value = e instanceof Error ? e.message : errorMessage(e)
      return null
    }
    return file ? importPicked(file) : null
  }

  return {
    exporting: exportDownload.busy,
    downloadingTemplate: templateDownload.busy,
    importing,
    downloadError,
    exportNote,
    importResult,
    importError,
    importRows,
    importFileName,
    exportList,
    downloadTemplate,
    importPicked,
    chooseAndImport,
    clearImport,
  }
}
