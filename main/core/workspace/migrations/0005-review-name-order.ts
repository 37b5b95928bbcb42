/**
 * The review grid's name order in an index that decisions never move. The index it
 * replaces was led by status and covered classes and fields: every grid row a decision
 * recounts moved its entry, which at 100,000 differences was about a third of a bulk
 * decision's CPU and a quarter of the pages its commit writes. Names change only when a
 * link does. The rowid (link_id) ends every index entry, so the order is name_key, link_id.
 * How the grid filters and orders with it: main/core/review/view-order.ts.
 */
export const sql = `
DROP INDEX review_rows_by_name;
CREATE INDEX review_rows_name_order ON review_rows(name_key);
`
