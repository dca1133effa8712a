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
  await readDocument();
}
