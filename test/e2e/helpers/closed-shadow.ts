/**
 * TEST-ONLY hook: the reader's UI lives in CLOSED shadow roots (utils/reader/swap.ts attachUiShadow), so page
 * scripts cannot reach it, and neither could a test. The DevTools protocol sees closed roots, so for the pages a
 * test drives, this gives each closed root's host a `shadowRoot` property that returns it, in the page's main
 * world (page.evaluate) and in Playwright's utility world (locators). The shipped build is what the tests load;
 * nothing of this is in it. A test that plays a hostile page opens its page without the hook (rawPage).
 */
import type { Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { isDefault?: boolean; frameId?: string };
}

const DEFINE_SHADOW_ROOT = `function (root) {
  Object.defineProperty(this, 'shadowRoot', { configurable: true, get() { return root; } });
}`;

const rereaders = new WeakMap<Page, () => Promise<void>>();

/**
 * Walks the page's document again and exposes every closed root in it. The events that announce a new root can
 * be missed when the reader opens while the document is being read after a navigation; waitForReader calls this
 * when it sees the reader's host without a root.
 */
export async function refreshClosedShadowRoots(page: Page): Promise<boolean> {
  const reread = rereaders.get(page);
  if (!reread) return false;
  await reread();
  return true;
}

/** Makes the closed shadow roots of `page` readable to the test; keeps doing so across navigations. */
export async function exposeClosedShadowRoots(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const closed = new Map<number, number>(); // host nodeId -> closed root nodeId, in the current document
  const utilityWorlds = new Set<number>();

  const exposeIn = async (hostId: number, rootId: number, contextId?: number) => {
    try {
      const host = (await cdp.send('DOM.resolveNode', { nodeId: hostId, executionContextId: contextId })).object;
      const root = (await cdp.send('DOM.resolveNode', { nodeId: rootId, executionContextId: contextId })).object;
      await cdp.send('Runtime.callFunctionOn', {
        objectId: host.objectId!,
        functionDeclaration: DEFINE_SHADOW_ROOT,
        arguments: [{ objectId: root.objectId! }],
      });
    } catch {
      // The node or the world went away (navigation, the reader closed): nothing to expose.
    }
  };
  const expose = (hostId: number, rootId: number) => {
    closed.set(hostId, rootId);
    void exposeIn(hostId, rootId);
    for (const id of utilityWorlds) void exposeIn(hostId, rootId, id);
  };
  const walk = (node: DomNode) => {
    for (const root of node.shadowRoots ?? []) {
      if (root.shadowRootType === 'closed') expose(node.nodeId, root.nodeId);
      walk(root);
    }
    for (const child of node.children ?? []) walk(child);
  };
  const readDocument = async () => {
    closed.clear();
    try {
      walk((await cdp.send('DOM.getDocument', { depth: -1, pierce: true })).root as DomNode);
    } catch {
      // Navigating: documentUpdated comes again.
    }
  };

  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => {
    // Playwright's locators run in its own isolated world, made per document.
    if (!context.name.startsWith('__playwright_utility_world')) return;
    utilityWorlds.add(context.id);
    for (const [hostId, rootId] of closed) void exposeIn(hostId, rootId, context.id);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => utilityWorlds.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => utilityWorlds.clear());
  cdp.on('DOM.documentUpdated', () => void readDocument());
  cdp.on('DOM.childNodeInserted', ({ node }: { node: DomNode }) => walk(node));
  cdp.on('DOM.setChildNodes', ({ nodes }: { nodes: DomNode[] }) => nodes.forEach(walk));
  cdp.on('DOM.shadowRootPushed', ({ hostId, root }: { hostId: number; root: DomNode & { shadowRootType?: string } }) => {
    if (root.shadowRootType === 'closed') expose(hostId, root.nodeId);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('DOM.enable');
  rereaders.set(page, readDocument);
  await readDocument();
}

/**
 * The text of the reader open in `page` (its `.reader` element), read once through the DevTools protocol with no
 * hook left behind: for measurements, where the hook's own work must not run in the page.
 */
export async function readerTextThroughProtocol(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode & { nodeName?: string; attributes?: string[] } };
    let shadowId: number | null = null;
    const find = (node: DomNode & { attributes?: string[] }) => {
      const attrs = node.attributes ?? [];
      const id = attrs[attrs.indexOf('id') + 1];
      if (attrs.includes('id') && id === 'jernih-reader' && node.shadowRoots?.length) shadowId = node.shadowRoots[0].nodeId;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) if (shadowId === null) find(child);
    };
    find(root);
    if (shadowId === null) return '';
    const object = (await cdp.send('DOM.resolveNode', { nodeId: shadowId })).object;
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: "function () { const r = this.querySelector('.reader'); return r ? r.innerText : ''; }",
      returnByValue: true,
    });
    return String(result.value ?? '');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
