/**
 * The site a file comes from, for files with no "Điểm tiêm" column (most site lists name
 * the site once, in their title rows): the import keeps the answer, and a saved mapping
 * template remembers it for the next file of the same site.
 */
export const sql = `
ALTER TABLE imports ADD COLUMN site_name TEXT;
ALTER TABLE mapping_templates ADD COLUMN site_name TEXT;
`
