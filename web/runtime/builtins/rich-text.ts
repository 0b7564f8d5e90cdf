/**
 * rich-text: `nodes` as an HTML string or WeChat's node array ({ name, attrs, children } and
 * { type: 'text', text }), drawn inside <wx-rich-text>. Only the tags and attributes WeChat allows
 * are drawn: no scripts, no event attributes, no links that navigate.
 */
import { defineBuiltin, hostOf, OWN_DOM, type Builtin } from './define';

interface RichNode {
  type?: 'node' | 'text';
  name?: string;
  text?: string;
  attrs?: Record<string, string>;
  children?: RichNode[];
}

const ALLOWED_TAGS = new Set(
  'a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup dd del div dl dt em fieldset font footer h1 h2 h3 h4 h5 h6 header hr i img ins label legend li mark nav ol p pre q rt ruby s section small span strong sub sup table tbody td tfoot th thead tr tt u ul'.split(' '),
);
const ALLOWED_ATTRIBUTES = new Set(['class', 'style', 'src', 'alt', 'width', 'height', 'colspan', 'rowspan', 'align', 'color', 'size', 'face', 'span', 'start', 'type', 'dir']);

function build(node: RichNode): Node | null {
  if (node.type === 'text') return document.createTextNode(node.text ?? '');
  const tag = (node.name ?? '').toLowerCase();
  if (!ALLOWED_TAGS.has(tag)) return null;
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(node.attrs ?? {})) {
    if (ALLOWED_ATTRIBUTES.has(name.toLowerCase()) && !/^\s*javascript:/i.test(value)) element.setAttribute(name, value);
  }
  for (const child of node.children ?? []) {
    const built = build(child);
    if (built) element.appendChild(built);
  }
  return element;
}

function fromHtml(html: string): RichNode[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  const toNode = (dom: ChildNode): RichNode | null => {
    if (dom.nodeType === Node.TEXT_NODE) return { type: 'text', text: dom.textContent ?? '' };
    if (dom.nodeType !== Node.ELEMENT_NODE) return null;
    const element = dom as Element;
    return {
      name: element.tagName,
      attrs: Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
      children: [...element.childNodes].map(toNode).filter((n): n is RichNode => n !== null),
    };
  };
  return [...parsed.childNodes].map(toNode).filter((n): n is RichNode => n !== null);
}

export function defineRichText(): void {
  defineBuiltin('rich-text', {
    template: OWN_DOM,
    properties: { nodes: { type: null, value: [] }, space: { type: String, value: '' } },
    observers: {
      nodes(this: Builtin, nodes: unknown) {
        const host = hostOf(this);
        const list = typeof nodes === 'string' ? fromHtml(nodes) : Array.isArray(nodes) ? (nodes as RichNode[]) : [];
        host.replaceChildren(...list.map(build).filter((n): n is Node => n !== null));
      },
    },
  });
}
