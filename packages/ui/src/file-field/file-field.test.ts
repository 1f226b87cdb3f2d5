import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './file-field.ts';
import type { FileChange, FileField } from './file-field.component.ts';

const MB = 1024 * 1024;

describe('<licheng-file-field>', () => {
  it('labels the input and describes the limits', async () => {
    const el = await fixture<FileField>(
      html`<licheng-file-field label="文件檔" hint="PDF、JPG、PNG，4 MB 以內" accept=".pdf,.jpg,.jpeg,.png" max-bytes=${4 * MB}></licheng-file-field>`,
    );
    const input = el.shadowRoot!.querySelector('input')!;
    expect(el.shadowRoot!.querySelector('label')!.htmlFor).to.equal(input.id);
    expect(input.getAttribute('aria-describedby')).to.equal('hint');
    await expect(el).to.be.accessible();
  });

  it('refuses a file over the size limit with a visible, linked error', async () => {
    const el = await fixture<FileField>(html`<licheng-file-field label="文件檔" accept=".pdf" max-bytes=${4 * MB}></licheng-file-field>`);
    const big = new File([new Uint8Array(4 * MB + 1)], '報告.pdf', { type: 'application/pdf' });
    setTimeout(() => el.setFile(big));
    const event = (await oneEvent(el, 'licheng-file-change')) as CustomEvent<FileChange>;
    expect(event.detail.error).to.contain('超過 4.0 MB');
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('error');
    await expect(el).to.be.accessible();
  });

  it('refuses a file type outside the accept list', async () => {
    const el = await fixture<FileField>(html`<licheng-file-field label="影音檔" accept=".mp3,.mp4" max-bytes=${10 * MB}></licheng-file-field>`);
    el.setFile(new File(['x'], 'clip.mov'));
    expect(el.error).to.contain('MP3、MP4');
  });

  it('accepts a good file, shows its name and can remove it', async () => {
    const el = await fixture<FileField>(html`<licheng-file-field label="文件檔" accept=".pdf" max-bytes=${4 * MB}></licheng-file-field>`);
    el.setFile(new File(['%PDF-1.4'], 'ok.pdf'));
    await el.updateComplete;
    expect(el.error).to.equal('');
    expect(el.shadowRoot!.textContent).to.contain('已選擇：ok.pdf');
    const remove = el.shadowRoot!.querySelector('button') as HTMLButtonElement;
    expect(remove.textContent).to.contain('移除文件檔');
    remove.click();
    await el.updateComplete;
    expect(el.file).to.equal(null);
  });
});
