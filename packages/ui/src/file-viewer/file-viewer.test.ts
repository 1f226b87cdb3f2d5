import { expect, fixture, html, waitUntil } from '@open-wc/testing';
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

  it('titles a PDF given as bytes with its name, for the frame, the PDF viewer and a new tab', async () => {
    const original = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n';
    const xrefAt = original.length;
    const pdf = `${original}xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const el = await fixture<FileViewer>(html`<licheng-file-viewer></licheng-file-viewer>`);
    const viewing = el.view({ blob: new Blob([pdf], { type: 'application/pdf' }), type: 'application/pdf', name: '國語文 期末報告.pdf' });
    await waitUntil(() => el.shadowRoot!.querySelector('iframe'), 'no frame');
    const frame = el.shadowRoot!.querySelector('iframe')!;
    expect(frame.title).to.equal('國語文 期末報告.pdf');
    expect(el.shadowRoot!.querySelector('a[target="_blank"]')!.getAttribute('href')).to.equal(frame.src);
    const bytes = await (await fetch(frame.src)).text();
    // The original bytes first, then an update whose trailer names the new information dictionary.
    expect(bytes.startsWith(pdf)).to.equal(true);
    const trailer = /trailer\n<< \/Size 4 \/Root 1 0 R \/Info 3 0 R \/Prev (\d+) >>\nstartxref\n(\d+)\n%%EOF\n$/.exec(bytes)!;
    expect(Number(trailer[1])).to.equal(xrefAt);
    expect(bytes.slice(Number(trailer[2])).startsWith('xref\n3 1\n')).to.equal(true);
    const objectAt = Number(/xref\n3 1\n(\d{10}) 00000 n /.exec(bytes.slice(Number(trailer[2])))![1]);
    const hex = /^3 0 obj\n<< \/Title <FEFF([0-9A-F]+)> >>/.exec(bytes.slice(objectAt))![1]!;
    expect(String.fromCharCode(...hex.match(/.{4}/g)!.map((h) => parseInt(h, 16)))).to.equal('國語文 期末報告.pdf');
    (el.shadowRoot!.querySelector('licheng-dialog') as Dialog).close();
    await viewing;
  });

  it('leaves a PDF it cannot update safely as it was', async () => {
    const el = await fixture<FileViewer>(html`<licheng-file-viewer></licheng-file-viewer>`);
    const pdf = '%PDF-1.4\n%%EOF\n';
    void el.view({ blob: new Blob([pdf], { type: 'application/pdf' }), type: 'application/pdf', name: '報告.pdf' });
    await waitUntil(() => el.shadowRoot!.querySelector('iframe'), 'no frame');
    expect(await (await fetch(el.shadowRoot!.querySelector('iframe')!.src)).text()).to.equal(pdf);
    (el.shadowRoot!.querySelector('licheng-dialog') as Dialog).close();
  });
});
