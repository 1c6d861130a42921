/** An element of a parsed XML document: enough to assert structure in tests. */
export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses the XML this module writes (no attributes, no CDATA); throws unless it is well formed. */
export function parseXml(doc: string): XmlNode {
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(doc);
  if (!decl) throw new Error('missing the UTF-8 XML declaration');
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([a-z_][a-z0-9_]*)(\/?)>|([^<]+)/gy;
  token.lastIndex = decl[0].length;
  while (token.lastIndex < doc.length) {
    const m = token.exec(doc);
    if (!m)
      throw new Error(
        `not well formed at ${token.lastIndex}: ${doc.slice(token.lastIndex, token.lastIndex + 40)}`,
      );
    const top = stack[stack.length - 1];
    if (m[4] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[4])) throw new Error(`bare & in ${m[4]}`);
      top.text += m[4].replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);
    } else if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else {
      const node: XmlNode = { name: m[2], children: [], text: '' };
      top.children.push(node);
      if (!m[3]) stack.push(node);
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('not one closed root element');
  return root.children[0];
}

/** The child elements' names, in order. */
export const names = (n: XmlNode) => n.children.map((c) => c.name);

/** The text of the child element `name`. */
export function textOf(n: XmlNode, name: string): string {
  const c = n.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${n.name}> has no <${name}>`);
  return c.text;
}
