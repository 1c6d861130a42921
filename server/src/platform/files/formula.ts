/** Characters that make a spreadsheet read a cell as a formula (tab and carriage return too, as Excel does). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet must show it: one that starts like a formula gets a leading `'`, so that
 * Excel or WPS opening a CSV the project wrote never runs what a user typed (OWASP "CSV injection").
 */
export const neutraliseFormula = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
