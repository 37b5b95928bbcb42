/**
 * The fixed parts of an .xlsx as Excel writes them (and exceljs did, whose output the
 * batch and report tests read back): content types, relationships, workbook, styles and
 * document properties. Only what varies is a parameter.
 */

// XML 1.0 cannot hold C0 controls other than tab, LF and CR; DEL is dropped too, as exceljs did.
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/
const XML_SPECIALS = new RegExp(XML_SPECIAL.source, 'g')
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' }

/** Text as XML character data or an attribute value. */
export const xmlText = (s: string): string => (XML_SPECIAL.test(s) ? s.replace(XML_SPECIALS, (c) => ESCAPES[c] ?? '') : s)

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const CT = 'application/vnd.openxmlformats-officedocument'

const sheetNumbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

export function contentTypesXml(sheets: number): string {
  const sheetTypes = sheetNumbers(sheets)
    .map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`)
    .join('')
  return (
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>${sheetTypes}` +
    `<Override PartName="/xl/theme/theme1.xml" ContentType="${CT}.theme+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`
  )
}

export const ROOT_RELS_XML =
  `${DECL}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`

// Sheets are rId4 onwards, after styles, theme and shared strings.
export function workbookRelsXml(sheets: number): string {
  return (
    `${DECL}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_NS}/theme" Target="theme/theme1.xml"/>` +
    `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    sheetNumbers(sheets)
      .map((i) => `<Relationship Id="rId${i + 3}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`)
      .join('') +
    `</Relationships>`
  )
}

export function workbookXml(names: readonly string[]): string {
  const sheets = names.map((n, i) => `<sheet sheetId="${i + 1}" name="${xmlText(n)}" state="visible" r:id="rId${i + 4}"/>`).join('')
  return (
    `${DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets>${sheets}</sheets><calcPr calcId="171027"/></workbook>`
  )
}

/** Styles: 0 default, 1 header (bold, light green fill, wrapped, centred vertically), 2 text ('@'), 3 date-time. */
export function stylesXml(dateTimeFormat: string): string {
  return (
    `${DECL}<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="${xmlText(dateTimeFormat)}"/></numFmts>` +
    `<fonts count="2"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    `<fill><patternFill patternType="solid"><fgColor rgb="FFE3F1EC"/></patternFill></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` +
    `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>` +
    `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
  )
}

/** xl/sharedStrings.xml up to its items (`<si>…</si>`), then SHARED_STRINGS_END. */
export function sharedStringsStart(count: number, unique: number): string {
  return `${DECL}<sst xmlns="${MAIN_NS}" count="${count}" uniqueCount="${unique}">`
}
export const SHARED_STRINGS_END = '</sst>'

/** W3CDTF without milliseconds, as Excel writes it. */
const w3c = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

export function coreXml(title: string, created: Date): string {
  return (
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>VaxRecon</dc:creator><dc:title>${xmlText(title)}</dc:title><cp:lastModifiedBy>VaxRecon</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3c(created)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3c(created)}</dcterms:modified></cp:coreProperties>`
  )
}

export function appXml(names: readonly string[]): string {
  const titles = names.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`).join('')
  return (
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>VaxRecon</Application>` +
    `<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant">` +
    `<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector>` +
    `</HeadingPairs><TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    `<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>`
  )
}

/** A sheet's XML up to its first row: namespaces, the frozen header pane, column widths (equal neighbours merged). */
export function sheetStart(widths: readonly number[], frozenHeader: boolean): string {
  const cols: string[] = []
  for (let i = 0; i < widths.length;) {
    let j = i
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++
    cols.push(`<col min="${i + 1}" max="${j + 1}" width="${widths[i]}" customWidth="1"/>`)
    i = j + 1
  }
  const views = frozenHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>'
    : ''
  return (
    `${DECL.trimEnd()}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" ` +
    `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" ` +
    `xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">${views}` +
    `<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>` +
    `<cols>${cols.join('')}</cols><sheetData>`
  )
}

/** The rest of a sheet after its last row: the header's filter, page margins and setup. */
export function sheetEnd(filterRef: string | null): string {
  return (
    `</sheetData>${filterRef ? `<autoFilter ref="${filterRef}"/>` : ''}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/></worksheet>`
  )
}
