const SCALE = 2

/**
 * A chart as a PNG a supervisor can paste into a document: its SVG drawn onto a canvas at
 * twice its size on white, then downloaded (Electron asks where to save it). The charts
 * style themselves with attributes only, so the SVG alone carries everything drawn.
 */
export async function downloadChartPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const width = svg.width.baseVal.value
  const height = svg.height.baseVal.value
  const clone = svg.cloneNode(true) as SVGSVGElement
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  clone.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif')
  const img = new Image()
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`
  await img.decode()
  const canvas = document.createElement('canvas')
  canvas.width = Math.ceil(width * SCALE)
  canvas.height = Math.ceil(height * SCALE)
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.scale(SCALE, SCALE)
  ctx.drawImage(img, 0, 0, width, height)
  const a = document.createElement('a')
  a.href = canvas.toDataURL('image/png')
  a.download = fileName
  a.click()
}
