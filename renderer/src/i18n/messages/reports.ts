/** The daily series on the Reports page, and saving its charts. */
export const vi = {
  'reports.sign': 'Ký và lưu báo cáo gửi tỉnh…',
  'reports.signed': 'Đã ký và lưu báo cáo',
  'reports.png': 'Lưu ảnh PNG',
  'reports.png.hint': 'Lưu biểu đồ thành ảnh PNG để dán vào văn bản',
  'reports.daily.title': 'Tiến độ theo ngày',
  'reports.daily.scope': 'Phạm vi',
  'reports.daily.day': 'Ngày',
  'reports.daily.imported': 'Bản ghi nhập',
  'reports.daily.linked': 'Liên kết',
  'reports.daily.proposed': 'Đề xuất',
  'reports.daily.approved': 'Phê duyệt',
  'reports.daily.exported': 'Xuất lô',
  'reports.daily.received': 'Khiếu nại nhận',
  'reports.daily.overdue': 'Quá hạn (cuối ngày)',
  'reports.daily.chart.work': 'Công việc theo ngày: nhập, liên kết, đề xuất, phê duyệt, xuất lô',
  'reports.daily.chart.complaints': 'Khiếu nại theo ngày so với hạn 48 giờ'
} as const

export const en: Record<keyof typeof vi, string> = {
  'reports.sign': 'Sign and save the report for the province…',
  'reports.signed': 'Report signed and saved',
  'reports.png': 'Save as PNG',
  'reports.png.hint': 'Save the chart as a PNG image to paste into a document',
  'reports.daily.title': 'Progress by day',
  'reports.daily.scope': 'Scope',
  'reports.daily.day': 'Day',
  'reports.daily.imported': 'Records imported',
  'reports.daily.linked': 'Linked',
  'reports.daily.proposed': 'Proposed',
  'reports.daily.approved': 'Approved',
  'reports.daily.exported': 'Exported',
  'reports.daily.received': 'Complaints received',
  'reports.daily.overdue': 'Overdue (end of day)',
  'reports.daily.chart.work': 'Work by day: imported, linked, proposed, approved, exported',
  'reports.daily.chart.complaints': 'Complaints by day against the 48-hour deadline'
}
