import { TransferPackage } from './transfer-package.component.ts';

export * from './transfer-package.component.ts';

if (!customElements.get('licheng-transfer-package')) customElements.define('licheng-transfer-package', TransferPackage);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-transfer-package': TransferPackage;
  }
}
