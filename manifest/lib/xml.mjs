// A small XML writer: elements as plain objects, serialised with indentation and escaping.
export const el = (name, attrs = {}, ...children) => ({ name, attrs, children: children.flat().filter((c) => c !== null && c !== undefined && c !== false) });
export const comment = (text) => ({ comment: text });

const escapeText = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (value) => escapeText(value).replace(/"/g, '&quot;');

export function serialize(node, indent = '') {
  if (node.comment !== undefined) return `${indent}<!-- ${String(node.comment).replace(/--/g, '- -')} -->`;
  if (typeof node === 'string' || typeof node === 'number') return indent + escapeText(node);
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  if (node.children.length === 0) return `${indent}<${node.name}${attrs} />`;
  if (node.children.length === 1 && (typeof node.children[0] === 'string' || typeof node.children[0] === 'number')) {
    return `${indent}<${node.name}${attrs}>${escapeText(node.children[0])}</${node.name}>`;
  }
  const inner = node.children.map((child) => serialize(child, indent + '  ')).join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}

export const document = (root, leadingComment) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${leadingComment ? serialize(comment(leadingComment)) + '\n' : ''}${serialize(root)}\n`;
