import { describe, expect, it, vi } from 'vitest';
import { toggleReaderInTab, READER_SCRIPT } from '@/utils/background/toggle';

describe('toggleReaderInTab', () => {
  it('asks the reader already in the tab first', async () => {
    const deps = {
      sendMessage: vi.fn().mockResolvedValue({ state: 'closed' }),
      injectReader: vi.fn(),
      showCannotRun: vi.fn(),
    };
    expect(await toggleReaderInTab(7, deps)).toEqual({ state: 'closed' });
    expect(deps.sendMessage).toHaveBeenCalledWith(7, { type: 'reader:toggle' });
    expect(deps.injectReader).not.toHaveBeenCalled();
  });

  it('injects the reader when no content script answers', async () => {
    const deps = {
      sendMessage: vi.fn().mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.')),
      injectReader: vi.fn().mockResolvedValue([{ state: 'no-article' }]),
      showCannotRun: vi.fn(),
    };
    expect(await toggleReaderInTab(3, deps)).toEqual({ state: 'no-article' });
    expect(deps.injectReader).toHaveBeenCalledWith(3);
    expect(READER_SCRIPT).toBe('/content-scripts/reader.js');
  });

  it('says so clearly where the browser forbids scripts (new tab, the store)', async () => {
    const deps = {
      sendMessage: vi.fn().mockRejectedValue(new Error('no receiver')),
      injectReader: vi.fn().mockRejectedValue(new Error('Cannot access a chrome:// URL')),
      showCannotRun: vi.fn().mockResolvedValue(undefined),
    };
    const reply = await toggleReaderInTab(9, deps);
    expect(reply.state).toBe('error');
    expect(deps.showCannotRun).toHaveBeenCalledWith(9, 'Cannot access a chrome:// URL');
  });
});
