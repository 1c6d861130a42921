/**
 * The SQL twin of `placeLabel` (contracts), for lists and exports read straight from SQL: a flat
 * with its building (3栋 1单元101室) unless its name already starts with the building's (3排2号).
 * `place` and `parent` are the aliases of the place and its parent row.
 */
export const placeLabelSql = (place: string, parent: string) =>
  `CASE WHEN ${place}.level = 'dwelling' AND ${parent}.name IS NOT NULL
             AND left(${place}.name, length(${parent}.name)) <> ${parent}.name
        THEN ${parent}.name || ' ' || ${place}.name ELSE ${place}.name END`;
