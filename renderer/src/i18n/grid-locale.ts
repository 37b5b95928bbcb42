import type { Lang } from './i18n.tsx'

/**
 * ag-grid's own texts (its overlays, loading cells and screen-reader hints), which it would
 * otherwise show in English: the review grid passes these as localeText.
 */
const VI: Record<string, string> = {
  noRowsToShow: 'Không có dòng nào',
  noMatchingRows: 'Không có dòng nào khớp',
  loadingOoo: 'Đang tải…',
  loadingError: 'Lỗi',
  ariaSkeletonCellLoading: 'Đang tải dòng',
  ariaSkeletonCellLoadingFailed: 'Không tải được dòng',
  ariaDeferSkeletonCellLoading: 'Đang tải ô',
  ariaSortableColumn: 'Nhấn ENTER để sắp xếp',
  ariaSortableColumnWithCellSelection: 'Nhấn ALT ENTER để sắp xếp',
  ariaMenuColumn: 'Nhấn ALT MŨI TÊN XUỐNG để mở menu cột',
  ariaLabelColumnMenu: 'Menu cột',
  ariaColumnFiltered: 'Cột đang lọc',
  ariaRowSelectAll: 'Nhấn Space để chọn/bỏ chọn mọi dòng',
  ariaHeaderSelection: 'Cột chọn dòng',
  thousandSeparator: '.',
  decimalSeparator: ','
}

const EN: Record<string, string> = {
  noRowsToShow: 'No rows to show',
  noMatchingRows: 'No matching rows',
  loadingOoo: 'Loading…',
  loadingError: 'Error'
}

export const gridLocaleText = (lang: Lang): Record<string, string> => (lang === 'vi' ? VI : EN)
