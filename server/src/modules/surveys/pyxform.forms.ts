/**
 * Forms from pyxform's own tests (github.com/XLSForm/pyxform, tests/test_repeat.py, BSD-2-Clause),
 * kept as written there: references inside and across repeats, groups in repeats, position(..) and a
 * choice_filter reading a choice's column.
 */
export const RELATIVE_REFERENCES = `
| survey |              |          |            |                      |
|        | type         | name     | relevant   | label                |
|        | text         | Z        |            | Fruit                |
|        | begin repeat | section  |            | Section              |
|        | text         | AA       |            | Anything really      |
|        | text         | A        |            | A oat                |
|        | text         | B        | \${A}='oat' | B w \${A}             |
|        | note         | note1    |            | Noted \${AA} w \${A}   |
|        | end repeat   |          |            |                      |
|        |              |          |            |                      |
|        | begin repeat | section2 |            | Section 2            |
|        | text         | C        |            | C                    |
|        | begin group  | sectiona |            | Section A            |
|        | text         | D        |            | D oat                |
|        | text         | E        | \${D}='oat' | E w \${Z}             |
|        | note         | note2    |            | Noted \${C} w \${E}    |
|        | end group    |          |            |                      |
|        | note         | note3    |            | Noted \${C} w \${E}    |
|        | end repeat   |          |            |                      |
|        |              |          |            |                      |
|        | begin repeat | section3 |            | Section 3            |
|        | text         | FF       |            | F any text           |
|        | text         | F        |            | F oat                |
|        | begin group  | sectionb |            | Section B            |
|        | text         | G        |            | G oat                |
|        | text         | H        | \${G}='oat' | H w \${Z}             |
|        | note         | note4    |            | Noted \${H} w \${Z}    |
|        | end group    |          |            |                      |
|        | begin repeat | sectionc |            | Section B            |
|        | text         | I        |            | I                    |
|        | text         | J        | \${I}='oat' | J w \${Z}             |
|        | text         | K        | \${F}='oat' | K w \${Z}             |
|        | text         | L        | \${G}='oat' | K w \${Z}             |
|        | note         | note5    |            | Noted \${FF} w \${H}   |
|        | note         | note6    |            | JKL #\${J}#\${K}#\${L}  |
|        | end repeat   |          |            |                      |
|        | note         | note7    |            | Noted \${FF} w \${H}   |
|        | begin group  | sectiond |            | Section D            |
|        | text         | M        |            | M oat                |
|        | text         | N        | \${G}='oat' | N w \${Z}             |
|        | text         | O        | \${M}='oat' | O w \${Z}             |
|        | note         | note8    |            | NO #\${N} #\${O}       |
|        | end group    |          |            |                      |
|        | note         | note9    |            | \${FF} \${H} \${N} \${N} |
|        | end repeat   |          |            |                      |
`;

export const CHOICE_FILTER = `
| survey  |                      |       |        |                |
|         | type                 | name  | label  | choice_filter  |
|         | begin repeat         | rep   |        |                |
|         | select_one crop_list | crop  | Select |                |
|         | select_one crop_list | a     | Verify | name = \${crop} |
|         | begin group          | group |        |                |
|         | select_one crop_list | b     | Verify | name = \${crop} |
|         | end group            |       |        |                |
|         | end repeat           |       |        |                |
|         |                      |       |        |                |
| choices |                      |       |        |                |
|         | list name            | name  | label  |                |
|         | crop_list            | maize | Maize  |                |
|         | crop_list            | beans | Beans  |                |
|         | crop_list            | kale  | Kale   |                |
`;

export const POSITION = `
| survey |              |             |                |              |               |                             |                           |
|        | type         | name        | label::English | calculation  | hint::English | constraint_message::English | required_message::English |
|        | begin repeat | member      |                |              |               |                             |                           |
|        | calculate    | pos         |                | position(..) |               |                             |                           |
|        | text         | member_name | Name of \${pos} |              |               |                             |                           |
|        | text         | a           | A              |              | hint \${pos}   | constraint \${pos}           | required \${pos}           |
|        | end repeat   |             |                |              |               |                             |                           |
`;
