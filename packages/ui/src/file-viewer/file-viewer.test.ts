import { expect, fixture, html } from '@open-wc/testing';
import './file-viewer.ts';
import type { FileViewer } from './file-viewer.component.ts';
import type { Dialog } from '../dialog/dialog.component.ts';

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

describe('<licheng-file-viewer>', () => {
  it('shows an image inline with its name, links to open or download, and is accessible', async () => {
    const el = await fixture<FileViewer>(html`<licheng-file-viewer></licheng-file-viewer>`);
    const url = URL.createObjectURL(new Blob([PNG], { type: 'image/png' }));
    const viewing = el.view({ url, type: 'image/png', name: '作品.png' });
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('licheng-dialog') as Dialog;
    await dialog.updateComplete;
    const img = el.shadowRoot!.querySelector('img')!;
    expect(img.alt).to.equal('作品.png');
    expect(el.shadowRoot!.querySelector('a[download]')!.getAttribute('download')).to.equal('作品.png');
    await expect(el).to.be.accessible();
    dialog.close();
    await viewing;
    expect(el.file).to.equal(null);
  });

  it('uses a titled frame for PDFs and players for media', async () => {
    const el = await fixture<FileViewer>(html`<licheng-file-viewer></licheng-file-viewer>`);
    void el.view({ url: 'about:blank', type: 'application/pdf', name: '報告.pdf' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('iframe')!.title).to.equal('報告.pdf');
    (el.shadowRoot!.querySelector('licheng-dialog') as Dialog).close();
    void el.view({ url: 'about:blank', type: 'audio/mpeg', name: '朗讀.mp3' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('audio')!.getAttribute('aria-label')).to.equal('朗讀.mp3');
    (el.shadowRoot!.querySelector('licheng-dialog') as Dialog).close();
  });
});
